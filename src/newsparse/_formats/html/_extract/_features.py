"""Features of page elements: script-aware text sizes and class/id/role hints.

Class and id values are matched against word lists (furniture, content) once per distinct
value and memoised, since class strings repeat within a page and across a site's pages.
The word lists are English: class names are code, mostly English on non-English sites too.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ._constants import CLASS_WEIGHT, WIDE_WEIGHT

__all__ = [
    "INLINE",
    "WIDE",
    "class_weight",
    "commas",
    "credit_of",
    "dense",
    "hidden",
    "hints",
    "is_notice",
    "link_size",
    "marks_body",
    "norm",
    "size",
    "strong_negative",
]

# Han, kana, hangul: one character carries about as much as a short word with its space
# in alphabetic scripts, so it counts three (sizes are comparable across scripts).
WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
"""The characters that count :data:`~._constants.WIDE_WEIGHT` in a text's size."""

# class/id hints. Strong ones name furniture whatever else the name says; weak ones only
# when no positive word is there too ("article-footer" is furniture, "footer" may be).
_STRONG_WORDS = (
    r"comment|disqus|share|sharing|social|newsletter|related|recommend|promo|sponsor|"
    r"reviews|rating|testimonial|"
    r"outbrain|taboola|subscri|signup|sign-up|advert|byline|caption|credit|cookie|"
    r"breadcrumb|popular|trending|most-read|mostread|read-?more|readmore|sidebar|"
    r"tweet|instagram|toolbar|masthead|skip-?link|gdpr|consent|jump-?link|modal|popup|"
    r"further-?reading|also-?read|author-?(?:bio|info|box|card)|about-?the-?author|"
    r"(?:^|\s)(?:ad-\w|(?:ads?|adv|nav|navbar|menu|tags|tag-?list|keywords|"
    r"rss|pager|pagination|copyright|disclaimer|bio|teaser|login|subnav)(?:$|[\s_-]))"
)
_WEAK_WORDS = (
    r"widget|footer|foot\b|header|meta|author|date|time|info|tools|utility|banner|more|extra|"
    r"aside|links?\b|list|card|thumb|media|photo|image|video|gallery|figure|embed|"
    r"inline|supplement|note"
)
_POSITIVE_WORDS = (
    r"article|body|content|entry|main|post|text|story|prose|blog|markdown|"
    r"(?:^|[\s_-])(?:page|column|section)(?:$|[\s_-])"
)
# The lists match a name in any case. Python's case-insensitive matching is slow (several
# times slower than matching lower-case text), so an ASCII name is lower-cased and matched
# case-sensitively, which finds the same words; other names keep the case-insensitive form
# (Unicode case folding is more than lower-casing).
_STRONG, _STRONG_LOWER = re.compile(_STRONG_WORDS, re.IGNORECASE), re.compile(_STRONG_WORDS)
_WEAK, _WEAK_LOWER = re.compile(_WEAK_WORDS, re.IGNORECASE), re.compile(_WEAK_WORDS)
_POSITIVE, _POSITIVE_LOWER = re.compile(_POSITIVE_WORDS, re.IGNORECASE), re.compile(_POSITIVE_WORDS)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def norm(text: str) -> str:
    """Whitespace collapsed and trimmed."""
    # most texts are already so, and telling it is cheaper than splitting them into words:
    # every whitespace character but the space is unprintable
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def size(text: str) -> int:
    """The script-aware length of a text: CJK characters count three."""
    n = len(text)
    if n and not text.isascii():
        n += (WIDE_WEIGHT - 1) * len(WIDE.findall(text))
    return n


def dense(text: str) -> int:
    """The script-aware size of a text without its whitespace (cheap: no copy)."""
    # `in` tells the absence of a character faster than a count (a method call)
    n = len(text) - text.count(" ")
    if "\n" in text:
        n -= text.count("\n")
    if "\t" in text:
        n -= text.count("\t")
    if "\r" in text:
        n -= text.count("\r")
    if n and not text.isascii():
        n += (WIDE_WEIGHT - 1) * len(WIDE.findall(text))
    return n


def link_size(node: LexborNode) -> int:
    """The :func:`dense` size of the text inside the links under ``node``."""
    return sum(dense(a.text(deep=True)) for a in node.css("a"))


_WORDS: dict[str, tuple[bool, bool, bool]] = {}
_NAMES: dict[str, tuple[bool, bool, bool]] = {}
_WORDS_MAX = 8192
# the answers are shared, never built per name or per element: every class name and every
# element of a page asked about is memoised, and a new tuple per entry would be that many
# more objects for the cycle collector to count and visit while the page is read
_FLAGS = {(p, s, w): (p, s, w) for p in (False, True) for s in (False, True) for w in (False, True)}
_NO_WORDS = _FLAGS[False, False, False]
_HINTS = {(f, w): (f, w) for f in (False, True) for w in (-CLASS_WEIGHT, 0, CLASS_WEIGHT)}
_PLAIN = _HINTS[False, 0]
_ROLES = frozenset({"navigation", "complementary", "banner", "contentinfo", "dialog", "menu"})


def _name_words(name: str) -> tuple[bool, bool, bool]:
    """(positive, strong, weak) words in one class name (memoised: names repeat a lot)."""
    found = _NAMES.get(name)
    if found is None:
        if name.isascii():
            text, strong_words, positive_words, weak_words = (
                name.lower(),
                _STRONG_LOWER,
                _POSITIVE_LOWER,
                _WEAK_LOWER,
            )
        else:
            text, strong_words, positive_words, weak_words = name, _STRONG, _POSITIVE, _WEAK
        strong = strong_words.search(text) is not None
        # a content word inside a furniture name ("related-posts", "article-share") is part
        # of that name: only names without furniture words are content
        positive = not strong and positive_words.search(text) is not None
        found = _FLAGS[positive, strong, weak_words.search(text) is not None]
        if len(_NAMES) >= _WORDS_MAX:
            _NAMES.clear()
        _NAMES[name] = found
    return found


def _words(value: str | None) -> tuple[bool, bool, bool]:
    """(positive, strong, weak) words in a class or id value, name by name.

    A content word counts only in a name (a class, the id) that has no furniture word.
    Memoised by value and by name: class strings repeat within a page and across the
    pages of a site, and single names (``clearfix``, ``col-md-6``) across sites.
    """
    if not value:
        return _NO_WORDS
    found = _WORDS.get(value)
    if found is None:
        positive = strong = weak = False
        for name in value.split():
            p, s, w = _name_words(name)
            positive, strong, weak = positive or p, strong or s, weak or w
        found = _FLAGS[positive, strong, weak]
        if len(_WORDS) >= _WORDS_MAX:
            _WORDS.clear()
        _WORDS[value] = found
    return found


def hints(node: LexborNode, memo: dict[int, tuple[bool, int]] | None = None) -> tuple[bool, int]:
    """(furniture, weight) of an element.

    Furniture: its class/id names furniture with no content word, its role is
    navigation-like, or it is hidden. The weight is readability's class/id weight
    (+25 for content words, -25 for furniture words). ``memo`` (one per page, by node)
    saves reading the attributes again for an element asked about twice.
    """
    if memo is not None:
        key = node.mem_id
        found = memo.get(key)
        if found is None:
            found = memo[key] = hints(node)
        return found
    attrs = node.attributes
    if not attrs:
        return _PLAIN
    cls = _words(attrs.get("class"))
    ident = _words(attrs.get("id"))
    positive = cls[0] or ident[0]
    strong = cls[1] or ident[1]
    weight = CLASS_WEIGHT if positive else 0
    if strong or (not positive and (cls[2] or ident[2])):
        weight -= CLASS_WEIGHT
    furniture = (strong and not positive) or attrs.get("role") in _ROLES or _hidden(attrs)
    return _HINTS[furniture, weight]


def hidden(node: LexborNode) -> bool:
    """Whether the element is hidden (``hidden``, ``aria-hidden``, an inline style)."""
    return _hidden(node.attributes)


def _hidden(attrs: dict[str, str | None]) -> bool:
    if not attrs:
        return False
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style or "") is not None


def marks_body(node: LexborNode) -> bool:
    """Whether the element is marked as the article's body (``itemprop=articleBody``)."""
    itemprop = node.attributes.get("itemprop")
    return bool(itemprop) and "articleBody" in (itemprop or "").split() and node.tag != "meta"


def strong_negative(node: LexborNode, memo: dict[int, tuple[bool, int]] | None = None) -> bool:
    """Whether the element is furniture by its attributes (see :func:`hints`)."""
    return hints(node, memo)[0]


def class_weight(node: LexborNode, memo: dict[int, tuple[bool, int]] | None = None) -> int:
    """Readability's class/id weight: -25 for furniture words, +25 for content words."""
    return hints(node, memo)[1]


INLINE = frozenset(  # phrasing elements: a container of only these is a paragraph
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "em",
        "font",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
    }
)


_COMMA_MARKS = ("،", "，", "、", ";", "；")


def commas(text: str) -> int:
    """Commas in a text, with the Arabic and CJK ones and semicolons (clause marks)."""
    n = text.count(",")
    if not text.isascii():
        for mark in _COMMA_MARKS:
            if mark in text:  # faster than a count when it is not there
                n += text.count(mark)
    elif ";" in text:
        n += text.count(";")
    return n


NOTICE_PHRASES = (
    # English
    "subscribe", "subscription", "subscriber", "newsletter", "sign up", "log in",
    "follow us", "follow me", "join us", "share this", "all rights reserved", "copyright",
    "donate", "support our", "support us", "if you enjoyed", "if you liked",
    "you might also like", "read more", "comments", "our channel",
    # German
    "abonnieren", "abonnement", "anmelden", "registrieren", "folgen sie uns", "folge uns",
    "teilen sie", "alle rechte vorbehalten", "spenden", "unterstützen sie", "kommentar",
    "auch interessant", "das könnte", "mehr zum thema", "unseren kanal",
    # French
    "abonnez", "inscrivez", "suivez-nous", "tous droits réservés", "faites un don",
    "soutenez", "notre chaîne",
    # Spanish
    "suscríbete", "suscribete", "suscripción", "síguenos", "todos los derechos reservados",
    "únete", "nuestro canal",
    # Italian, Portuguese
    "iscriviti", "seguici", "tutti i diritti riservati", "assine", "inscreva-se", "siga-nos",
    "todos os direitos reservados",
    "©",
)  # fmt: skip
"""Phrases of the notices that sites put after their articles, about the site rather
than the story: subscriptions, newsletters, following, sharing, donations, comments,
copyright (English, German, French, Spanish, Italian, Portuguese)."""


def is_notice(text: str) -> bool:
    """Whether a text holds one of :data:`NOTICE_PHRASES` (a substring search each)."""
    low = text.lower()
    return any(phrase in low for phrase in NOTICE_PHRASES)


CREDIT_WORDS = (
    "photo", "foto", "fotos", "image", "images", "bild", "bilder", "picture", "pictures",
    "credit", "imagen", "immagine", "illustration", "getty", "reuters", "imago",
    "shutterstock", "istock", "keystone", "picture-alliance",
)  # fmt: skip
"""Words of a photo credit, in any case (English, German, French, Spanish, Italian, and
the photo agencies)."""

CREDIT_AGENCIES = ("AP", "AFP", "EPA", "EFE", "ANSA", "dpa", "DPA", "©")
"""News agencies' signatures in a photo credit, as they write them (case matters: they are
acronyms, and ``ePA`` is no agency)."""

_CREDIT_SET = frozenset(CREDIT_WORDS)
_AGENCY_SET = frozenset(CREDIT_AGENCIES)
_CREDIT_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|©")


def credit_of(text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` of a line ending with a parenthetical photo credit, else None.

    ``Harbour at dawn (Photo: Jane Doe)`` and ``… (REUTERS/John Roe)`` are captions; a
    parenthetical without a credit word (``(2019)``, ``(a fruit)``) is not.
    """
    end = text.rstrip()
    if not end.endswith(")"):
        return None
    opening = end.rfind("(")
    if opening < 0:
        return None
    inner = end[opening + 1 : -1]
    if not any(t in _AGENCY_SET or t.lower() in _CREDIT_SET for t in _CREDIT_TOKEN.findall(inner)):
        return None
    return end[:opening].rstrip(), inner.strip()
