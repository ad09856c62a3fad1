"""The title: the most trusted source, the ``<h1>`` or the ``<title>``, without a site suffix."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .found import Found, text_of

__all__ = ["agrees", "read_title", "strip_site"]

_SEPARATORS = (" | ", " - ", " – ", " — ", " -- ", " :: ", " · ", " » ", " / ", " ~ ", " _ ")
_WORD = re.compile(r"\w+")
_MIN_HEAD_WORDS = 3
_MAX_SITE_WORDS = 4
_AGREEMENT = 0.5  # share of an <h1>'s words the <title> must have to agree with it
_NON_ALNUM = re.compile(r"[\W_]+")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}")
_MIN_LABEL = 3  # letters of a domain's label that can name the site
_MAX_H1 = 4  # headings looked at for one that is not the site's logo
_MAX_SPLITS = 8  # separators looked at per kind: a title with more is no "title | site"


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def agrees(a: str, b: str) -> bool:
    """Whether one title's words are a run of the other's, compared casefolded.

    >>> agrees("Harbour reopens", "Harbour Reopens | The Courier")
    True
    """
    x, y = _words(a), _words(b)
    return bool(x) and bool(y) and (x in y or y in x)


def _cut_suffix(title: str) -> str:
    """A ``<title>`` without its last `` | part`` when that part is short (a site name).

    Used only when nothing else names the title; the rest must keep three words.
    """
    best = -1
    sep = ""
    for one in _SEPARATORS:
        at = title.rfind(one)
        if at > best:
            best, sep = at, one
    if best > 0:
        head, tail = title[:best].strip(), title[best + len(sep) :].strip()
        if len(head.split()) >= _MIN_HEAD_WORDS and len(tail.split()) <= _MAX_SITE_WORDS:
            return head
    return title


def _overlap(heading: str, title: str) -> float:
    """The share of the heading's words that the ``<title>`` has too."""
    words = _WORD.findall(heading.casefold())
    if not words:
        return 0.0
    have = set(_WORD.findall(title.casefold()))
    return sum(w in have for w in words) / len(words)


def _shown(h1: str, title: str) -> bool:
    """Whether the ``<h1>`` shows the metadata's title, less what pages add to it there.

    Its words are a run of the title's words, and it starts the title (a tagline or the
    site's name follows) or holds at least half of its words (a kicker such as
    ``Politics:`` or a site name goes before or after). The page's typography wins too
    (a dash or quote that the metadata gives in ASCII).

    >>> _shown("Harbour reopens", "Harbour reopens | The Courier")
    True
    >>> _shown("The Courier", "Harbour reopens after a long winter | The Courier")
    False
    """
    shown, given = _words(h1), _words(title)
    if not shown or f" {shown} " not in f" {given} ":
        return False
    return given.startswith(shown) or 2 * len(shown.split()) >= len(given.split())


def _choose(
    metadata: list[tuple[str, str]], h1: str, page_title: str, sites: list[str]
) -> tuple[str, str]:
    """The title and its source, by trust and agreement between the sources.

    The most trusted metadata title wins, unless it agrees with no other source while a
    less trusted one agrees with the ``<h1>`` or the ``<title>`` (a description in
    JSON-LD ``headline``), or while it names the site and the ``<h1>`` and the ``<title>``
    agree with each other; the ``<h1>`` wins over it when it shows it (:func:`_shown`).
    Without metadata, the ``<h1>`` wins when most of its words are in the ``<title>``; when
    they share few words, the ``<title>`` wins only if it has at least twice the words (a
    short ``<h1>`` is the heading of a site or a section).
    """
    visible = [t for t in (h1, page_title) if t]
    if metadata:
        value, source = metadata[0]
        texts = [t for t, _ in metadata[1:]] + visible
        if texts and not any(agrees(value, t) for t in texts):
            for other, other_source in metadata[1:]:
                if any(agrees(other, t) for t in visible):
                    return other, other_source
            names_site = any(agrees(value, site) for site in sites)
            if names_site and h1 and page_title and agrees(h1, page_title):
                return h1, "h1"  # the page shows one title; the metadata names the site
        if h1 and h1 != value and _shown(h1, value):
            return h1, "h1"
        return value, source
    if h1 and page_title and _overlap(h1, page_title) < _AGREEMENT:
        # two different texts: the heading of a site or a section, or a short <title>
        longer = len(_WORD.findall(page_title)) >= 2 * len(_WORD.findall(h1))
        return (page_title, "title") if longer else (h1, "h1")
    if h1:
        return h1, "h1"
    return page_title, "title"


def _home_link(href: str) -> bool:
    """Whether a link's address is a site's home page (its path is empty or ``/``).

    The last address in ``href`` is the one looked at (an archive's link embeds the
    original page's).

    >>> _home_link("https://courier.example/"), _home_link("/"), _home_link("/news/a")
    (True, True, False)
    """
    href = href.strip()
    if href in ("/", "./", "."):
        return True
    at = href.rfind("://")
    if at < 0:
        return False
    rest = href[at + 3 :].split("#", 1)[0].split("?", 1)[0]
    slash = rest.find("/")
    return slash < 0 or rest[slash:] == "/"


def _site_heading(heading: LexborNode) -> str | None:
    """The site's name when a heading is its logo: all of its text is a link home."""
    link = heading.css_first("a[href]")
    if link is None or not _home_link(link.attributes.get("href") or ""):
        return None
    text = text_of(heading)
    return text if text and text == text_of(link) else None


def _headline(root: LexborNode, sites: list[str]) -> LexborNode | None:
    """The first ``<h1>`` under ``root`` that is not the site's logo.

    A logo's text (the site's name) goes to ``sites``.
    """
    for heading in root.css("h1")[:_MAX_H1]:
        site = _site_heading(heading)
        if site is None:
            return heading
        sites.append(site)
    return None


def read_title(tree: LexborHTMLParser, found: Found) -> None:
    """Choose the title among the metadata's, the ``<h1>`` and the ``<title>``."""
    sites = [s for s in (found.fields.get("publisher"), found.extras.get("html.site_name")) if s]
    root = found.article or tree.body
    h1 = _headline(root, sites) if root is not None else None
    if h1 is None and found.article is not None and tree.body is not None:
        h1 = _headline(tree.body, sites)
    h1_text = text_of(h1) if h1 is not None else ""
    title_node = tree.css_first("title")
    page_title = text_of(title_node) if title_node is not None else ""
    metadata = found.titles
    if not metadata and "title" in found.fields:
        metadata = [(found.fields["title"], found.source["title"])]
    if not metadata and not h1_text and not page_title:
        return
    value, source = _choose(metadata, h1_text, page_title, sites)
    candidates = [t for t, _ in metadata] + [t for t in (h1_text, page_title) if t]
    others = {c.casefold() for c in candidates} - {value.casefold()}
    stripped = strip_site(value, others, sites)
    if stripped == value and source == "title" and not metadata and not h1_text:
        stripped = _cut_suffix(value)
    if stripped != value:
        source += " (site name removed)"
    found.fields["title"] = stripped
    found.source["title"] = source


def _norm(text: str) -> str:
    return _NON_ALNUM.sub("", text.casefold())


def _site_keys(site: str) -> list[str]:
    """A site name normalised, and for a domain its labels but the last and ``www``.

    Labels shorter than :data:`_MIN_LABEL` letters are left out (``co`` of ``co.uk``).

    >>> _site_keys("www.courier.co.example")
    ['wwwcouriercoexample', 'courier']
    """
    keys = [_norm(site)]
    domain = site.strip().lower()
    if _DOMAIN.fullmatch(domain):
        labels = domain.split(".")[:-1]
        keys.extend(_norm(x) for x in labels if len(x) >= _MIN_LABEL and x != "www")
    return [key for key in keys if key]


def _names_site(part: str, site: str) -> bool:
    """Whether a part of a title (normalised) is the site's name, give or take a word.

    Either holds the other (or both are the same), and the longer is at most twice the
    shorter.
    """
    short, long = sorted((part, site), key=len)
    return short in long and len(long) <= 2 * len(short)


def strip_site(title: str, others: set[str], sites: list[str]) -> str:
    """``title`` without a `` | Site`` suffix (or ``Site - `` prefix).

    A split is taken when the remaining part is another title source (the ``<h1>``, an
    og:title) that shows this one (:func:`_shown`), when the cut part is the site's name
    (:func:`_names_site`), or when it looks like a domain. Only
    the first few separators of each kind are tried, so that the cost stays linear.

    >>> strip_site("Harbour reopens | The Courier", set(), ["The Courier"])
    'Harbour reopens'
    >>> strip_site("Harbour reopens - what next", set(), ["The Courier"])
    'Harbour reopens - what next'
    """
    site_keys = [key for site in sites for key in _site_keys(site)]
    for sep in _SEPARATORS:
        start = title.find(sep)
        splits = 0
        while start != -1 and splits < _MAX_SPLITS:
            splits += 1
            head, tail = title[:start].strip(), title[start + len(sep) :].strip()
            for keep, cut in ((head, tail), (tail, head)):
                if not keep:
                    continue
                if keep.casefold() in others and _shown(keep, title):
                    return keep
                cut_key = _norm(cut)
                if cut_key and any(_names_site(cut_key, s) for s in site_keys):
                    return keep
                if _DOMAIN.fullmatch(cut.strip().lower()):
                    return keep
            start = title.find(sep, start + 1)
    return title
