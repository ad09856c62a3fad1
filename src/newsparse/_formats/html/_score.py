"""Features of the main-content extractor: text sizes, class/id hints, the container choice.

Everything here works on the lexbor tree with as little Python per node as possible: the
text-bearing elements are found with one CSS query, their text with one C call each, and
the ancestors of those elements are classified once each (memoised by ``mem_id``).
See ``docs/extraction.md`` for the method.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

__all__ = [
    "choose",
    "class_weight",
    "dense",
    "hidden",
    "hints",
    "link_size",
    "norm",
    "size",
    "strong_negative",
]

_WS = re.compile(r"\s+")
# Han, kana, hangul: one character carries about as much as a short word with its space
# in alphabetic scripts, so it counts three (sizes are comparable across scripts).
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_COMMAS = re.compile(r"[,،，、;；]")

# class/id hints. Strong ones name furniture whatever else the name says; weak ones only
# when no positive word is there too ("article-footer" is furniture, "footer" may be).
_STRONG = re.compile(
    r"comment|disqus|share|sharing|social|newsletter|related|recommend|promo|sponsor|"
    r"outbrain|taboola|subscri|signup|sign-up|advert|byline|caption|credit|cookie|"
    r"breadcrumb|popular|trending|most-read|mostread|read-?more|readmore|sidebar|"
    r"tweet|instagram|toolbar|masthead|skip-?link|gdpr|consent|jump-?link|modal|popup|"
    r"further-?reading|also-?read|author-?(?:bio|info|box|card)|about-?the-?author|"
    r"(?:^|\s)(?:ads?|ad-\w+|adv|nav|navbar|menu|tags|tag-?list|keywords|"
    r"rss|pager|pagination|copyright|disclaimer|bio|teaser|login|subnav)(?:$|[\s_-])",
    re.IGNORECASE,
)
_WEAK = re.compile(
    r"widget|footer|foot\b|header|meta|author|date|time|info|tools|utility|banner|more|extra|"
    r"aside|links?\b|list|card|thumb|media|photo|image|video|gallery|figure|embed|"
    r"inline|supplement|note",
    re.IGNORECASE,
)
_POSITIVE = re.compile(
    r"article|body|content|entry|main|post|text|story|prose|blog|markdown|"
    r"(?:^|[\s_-])(?:page|column|section)(?:$|[\s_-])",
    re.IGNORECASE,
)
_TAG_WEIGHT = {
    "div": 5,
    "article": 10,
    "main": 5,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "form": -3,
    "ol": -3,
    "ul": -3,
    "li": -3,
    "dl": -3,
    "dd": -3,
    "th": -5,
    "address": -3,
    "header": -5,
    "footer": -10,
    "aside": -10,
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def norm(text: str) -> str:
    """Whitespace collapsed and trimmed."""
    return " ".join(text.split())


def size(text: str) -> int:
    """The script-aware length of a text: CJK characters count three."""
    n = len(text)
    if n and not text.isascii():
        n += 2 * len(_WIDE.findall(text))
    return n


def dense(text: str) -> int:
    """The script-aware size of a text without its whitespace (cheap: no copy)."""
    n = len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")
    if n and not text.isascii():
        n += 2 * len(_WIDE.findall(text))
    return n


def link_size(node: LexborNode) -> int:
    """The :func:`dense` size of the text inside the links under ``node``."""
    return sum(dense(a.text(deep=True)) for a in node.css("a"))


_WORDS: dict[str, tuple[bool, bool, bool]] = {}
_WORDS_MAX = 8192
_NO_WORDS = (False, False, False)
_ROLES = frozenset({"navigation", "complementary", "banner", "contentinfo", "dialog", "menu"})


def _words(value: str | None) -> tuple[bool, bool, bool]:
    """(positive, strong, weak) words in a class or id value.

    Memoised: class strings repeat within a page and across the pages of a site.
    """
    if not value:
        return _NO_WORDS
    found = _WORDS.get(value)
    if found is None:
        found = (
            _POSITIVE.search(value) is not None,
            _STRONG.search(value) is not None,
            _WEAK.search(value) is not None,
        )
        if len(_WORDS) >= _WORDS_MAX:
            _WORDS.clear()
        _WORDS[value] = found
    return found


def hints(node: LexborNode) -> tuple[bool, int]:
    """(furniture, weight) of an element.

    Furniture: its class/id names furniture with no content word, its role is
    navigation-like, or it is hidden. The weight is readability's class/id weight
    (+25 for content words, -25 for furniture words).
    """
    attrs = node.attributes
    if not attrs:
        return False, 0
    cls = _words(attrs.get("class"))
    ident = _words(attrs.get("id"))
    positive = cls[0] or ident[0]
    strong = cls[1] or ident[1]
    weight = 25 if positive else 0
    if strong or (not positive and (cls[2] or ident[2])):
        weight -= 25
    furniture = (strong and not positive) or attrs.get("role") in _ROLES or hidden(node)
    return furniture, weight


def hidden(node: LexborNode) -> bool:
    """Whether the element is hidden (``hidden``, ``aria-hidden``, an inline style)."""
    attrs = node.attributes
    if not attrs:
        return False
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style or "") is not None


def strong_negative(node: LexborNode) -> bool:
    """Whether the element is furniture by its attributes (see :func:`hints`)."""
    return hints(node)[0]


def class_weight(node: LexborNode) -> int:
    """Readability's class/id weight: -25 for furniture words, +25 for content words."""
    return hints(node)[1]


class _Info:
    __slots__ = ("bad", "deep", "neg", "node", "own", "parent", "score", "units")

    def __init__(self, node: LexborNode, parent: int | None, neg: bool) -> None:
        self.node = node
        self.parent = parent
        self.neg = neg
        self.bad = False
        self.own = 0
        self.deep = 0
        self.score = 0.0
        self.units = 0


_UNIT_TAGS = frozenset({"p", "pre", "td", "blockquote", "dd"})
_NOT_UNITS = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "figcaption",
        "caption",
        "th",
        "dt",
        "label",
        "option",
        "title",
        "head",
        "html",
        "body",
        "figure",
        "script",
        "style",
        "noscript",
        "template",
        "textarea",
        "select",
        "button",
        "form",
        "input",
        "object",
        "map",
    }
)
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
_BLOCKS = "p, div, section, article, ul, ol, table, blockquote, h2, h3, h4"
_DIRECT_TEXT = 40
# containers that pages use as paragraphs (their text directly inside, no blocks)
_TEXT_BOXES = frozenset({"div", "section"})


def _text_box(node: LexborNode) -> LexborNode | None:
    """The paragraph a sibling of the winner is, if it is one.

    A ``p``, or a ``div``/``section`` with only inline content (pages that use them as
    paragraphs), possibly inside wrappers of that one element.
    """
    for _ in range(4):
        if strong_negative(node):
            return None
        tag = node.tag
        if tag == "p":
            return node
        if tag not in _TEXT_BOXES:
            return None
        only: LexborNode | None = None
        count = 0
        child = node.child
        while child is not None:
            ctag = child.tag or ""
            if ctag == "-text":
                if (child.text_content or "").strip():
                    count += 2  # text of its own: not a wrapper
            elif not ctag.startswith(("-", "!", "_")):
                if ctag not in INLINE and ctag != "br":
                    if only is not None:
                        return None  # two blocks: a container, not a paragraph
                    only = child
                count += 1
            child = child.next
        if only is None:
            return node  # inline content only
        if count > 1:
            return None  # a block next to other content
        node = only
    return None


def _own_text(node: LexborNode) -> str:
    """The text of a node outside its block children."""
    parts = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag in INLINE:
            parts.append(child.text(deep=True))
    return norm("".join(parts))


def _units(root: LexborNode) -> list[LexborNode]:
    """The paragraph-like elements under ``root``, in order.

    With them, the elements holding a long text directly (pages that put their text in
    ``div``s, between ``<br>``s).
    """
    out: list[LexborNode] = []
    seen: set[int] = set()
    for node in root.traverse(include_text=True, skip_empty=True):
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if text is None or len(text) < _DIRECT_TEXT:
                continue
            parent = node.parent
            while parent is not None and parent.tag in INLINE:
                parent = parent.parent
            if parent is None:
                continue
            ptag = parent.tag
            if ptag in _UNIT_TAGS or ptag in _NOT_UNITS or parent.mem_id in seen:
                continue
            seen.add(parent.mem_id)
            out.append(parent)
        elif tag in _UNIT_TAGS:
            out.append(node)
    return out


_MIN_UNIT = 25
_LEVELS = 5


def _furniture(node: LexborNode) -> bool:
    return node.tag in _FURNITURE_TAGS or hints(node)[0]


_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header"})


def choose(
    root: LexborNode, min_unit: int = _MIN_UNIT
) -> tuple[list[LexborNode], float, dict[int, int]] | None:
    """The nodes holding the article text under ``root``, or ``None``.

    Returns the best candidate and the siblings that belong with it, its score, and the
    paragraph text held by each element above a paragraph (by ``mem_id``); ``None``
    when no paragraph scores.
    """
    stop = root.mem_id
    info: dict[int, _Info] = {}

    def register(node: LexborNode) -> int | None:
        """Register the ancestors of ``node`` (up to ``root``); return its parent's id."""
        chain: list[LexborNode] = []
        parent = node.parent
        above: int | None = None
        while parent is not None:
            key = parent.mem_id
            if key in info:
                above = key
                break
            chain.append(parent)
            if key == stop:
                break
            parent = parent.parent
        for anc in reversed(chain):
            key = anc.mem_id
            info[key] = _Info(anc, above, key != stop and _furniture(anc))
            above = key
        first = node.parent
        return None if first is None else first.mem_id

    units: list[tuple[int, int, float]] = []
    total = 0
    for unit in _units(root):
        if unit.tag in _UNIT_TAGS or unit.css_first(_BLOCKS) is None:
            text = unit.text(deep=True)
        else:
            text = _own_text(unit)
        n = dense(text)
        if n < min_unit:
            continue
        links = link_size(unit) if "<a" in (unit.html or "") else 0
        if links * 2 > n:
            continue
        parent_key = register(unit)
        if parent_key is None or parent_key not in info:
            continue
        score = (1 + len(_COMMAS.findall(text)) + min(n / 100, 3)) * (1 - links / n)
        units.append((parent_key, n, score))
        info[parent_key].own += n
        total += n
    if not units:
        return None
    # text held by each ancestor (parents were registered before their children)
    entries = list(info.values())
    for e in reversed(entries):
        e.deep += e.own
        if e.parent is not None:
            info[e.parent].deep += e.deep
    # furniture: a furniture-named wrapper of most of the page's text is no furniture
    for e in entries:
        up = info[e.parent] if e.parent is not None else None
        e.bad = (up is not None and up.bad) or (e.neg and e.deep < 0.6 * total)
    for parent_key, _n, score in units:
        key: int | None = parent_key
        if info[parent_key].bad:
            continue
        level = 0
        while key is not None and level < _LEVELS:
            entry = info[key]
            entry.score += score / (1 if level == 0 else 2 if level == 1 else level * 3)
            entry.units += 1
            key = entry.parent
            level += 1
    scored = [e for e in entries if e.units and not e.bad]
    if not scored:
        return None
    for e in scored:
        e.score += _TAG_WEIGHT.get(e.node.tag or "", 0) + class_weight(e.node)
    scored.sort(key=lambda e: e.score, reverse=True)
    best = scored[0]
    # several near-equal candidates under one ancestor: the article is split in parts
    close = [
        e for e in scored[:8] if e is not best and e.score >= 0.75 * best.score and e.units >= 2
    ]
    if len(close) >= 2:
        ancestors = set()
        key = best.parent
        while key is not None:
            ancestors.add(key)
            key = info[key].parent
        hits: dict[int, int] = {}
        for e in close:
            key = e.parent
            while key is not None:
                if key in ancestors:
                    hits[key] = hits.get(key, 0) + 1
                    break
                key = info[key].parent
        for key, count in hits.items():
            if count >= 2 and not info[key].bad:
                best = info[key]
                break
    best_node = best.node
    deep = {key: e.deep for key, e in info.items() if not e.bad}
    # siblings that belong with the best node (readability's sibling merge)
    parent = best_node.parent
    if parent is None or best_node.mem_id == stop:
        return [best_node], best.score, deep
    threshold = max(10.0, best.score * 0.2)
    best_class = best_node.attributes.get("class")
    out: list[LexborNode] = []
    sibling = parent.child
    while sibling is not None:
        tag = sibling.tag
        if sibling.mem_id == best_node.mem_id:
            out.append(sibling)
        elif tag is not None and not tag.startswith(("-", "!", "_")):
            found = info.get(sibling.mem_id)
            bonus = 0.0
            if best_class and sibling.attributes.get("class") == best_class:
                bonus = best.score * 0.2
            if found is not None and not found.bad and found.score + bonus >= threshold:
                out.append(sibling)
            elif (box := _text_box(sibling)) is not None:
                text = norm(box.text(deep=True))
                n = size(text)
                density = link_size(box) / n if n else 1.0
                if (n > 80 and density < 0.25) or (
                    0 < n <= 80 and density == 0 and text[-1:] in ".!?。！？"
                ):
                    out.append(sibling)
        sibling = sibling.next
    return _with_parts(best, out, info, threshold), best.score, deep


def _with_parts(
    best: _Info, out: list[LexborNode], info: dict[int, _Info], threshold: float
) -> list[LexborNode]:
    """``out`` with the other parts of an article split over several containers.

    Some pages cut the body into chunks (between ads, pull quotes, section banners), each
    in a container of the same tag and class as the winner but under different parents,
    out of reach of the sibling merge. Those of two paragraphs or more that score like the
    siblings are taken (a one-paragraph box of the same class is a blurb), in
    page order (``info`` is in page order: ancestors are registered at their first
    paragraph).
    """
    node = best.node
    cls = node.attributes.get("class")
    if not cls:
        return out
    tag = node.tag
    taken = {n.mem_id for n in out}
    before: list[LexborNode] = []
    after: list[LexborNode] = []
    seen_best = False
    for key, e in info.items():
        if e is best:
            seen_best = True
            continue
        if (
            e.bad
            or e.units < 2
            or e.score < threshold
            or e.node.tag != tag
            or e.node.attributes.get("class") != cls
        ):
            continue
        # not inside or around what is already taken
        up: int | None = key
        inside = False
        while up is not None:
            if up in taken:
                inside = True
                break
            up = info[up].parent
        if inside or _holds(e, best, info):
            continue
        (after if seen_best else before).append(e.node)
        taken.add(key)
    if not (before or after):
        return out
    return [*before, *out, *after]


def _holds(outer: _Info, inner: _Info, info: dict[int, _Info]) -> bool:
    key = inner.parent
    target = outer.node.mem_id
    while key is not None:
        if key == target:
            return True
        key = info[key].parent
    return False
