"""The title: the most trusted source, the ``<h1>`` or the ``<title>``, without a site suffix."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from .found import Found, text_of

__all__ = ["agrees", "read_title", "strip_site"]

_SEPARATORS = (" | ", " - ", " – ", " — ", " -- ", " :: ", " · ", " » ", " / ", " ~ ", " _ ")
_WORD = re.compile(r"\w+")
_MIN_HEAD_WORDS = 3
_MAX_SITE_WORDS = 4
_AGREEMENT = 0.5  # share of an <h1>'s words the <title> must have to agree with it
_NON_ALNUM = re.compile(r"[\W_]+")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}")
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


def _choose(
    metadata: list[tuple[str, str]], h1: str, page_title: str, sites: list[str]
) -> tuple[str, str]:
    """The title and its source, by trust and agreement between the sources.

    The most trusted metadata title wins, unless it agrees with no other source while a
    less trusted one agrees with the ``<h1>`` or the ``<title>`` (a description in
    JSON-LD ``headline``), or while it names the site and the ``<h1>`` and the ``<title>``
    agree with each other. Without metadata, the ``<h1>`` wins when most of its words are
    in the ``<title>``; when they share few words, the ``<title>`` wins only if it has at
    least twice the words (a short ``<h1>`` is the heading of a site or a section).
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
        return value, source
    if h1 and page_title and _overlap(h1, page_title) < _AGREEMENT:
        # two different texts: the heading of a site or a section, or a short <title>
        longer = len(_WORD.findall(page_title)) >= 2 * len(_WORD.findall(h1))
        return (page_title, "title") if longer else (h1, "h1")
    if h1:
        return h1, "h1"
    return page_title, "title"


def read_title(tree: LexborHTMLParser, found: Found) -> None:
    """Choose the title among the metadata's, the ``<h1>`` and the ``<title>``."""
    root = found.article or tree.body
    h1 = root.css_first("h1") if root is not None else None
    if h1 is None and root is not None:
        h1 = tree.css_first("h1")
    h1_text = text_of(h1) if h1 is not None else ""
    title_node = tree.css_first("title")
    page_title = text_of(title_node) if title_node is not None else ""
    metadata = found.titles
    if not metadata and "title" in found.fields:
        metadata = [(found.fields["title"], found.source["title"])]
    if not metadata and not h1_text and not page_title:
        return
    sites = [s for s in (found.fields.get("publisher"), found.extras.get("html.site_name")) if s]
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


def strip_site(title: str, others: set[str], sites: list[str]) -> str:
    """``title`` without a `` | Site`` suffix (or ``Site - `` prefix).

    A split is taken when the remaining part is another title source (the ``<h1>``, an
    og:title), when the cut part is the site's name, or when it looks like a domain. Only
    the first few separators of each kind are tried, so that the cost stays linear.

    >>> strip_site("Harbour reopens | The Courier", set(), ["The Courier"])
    'Harbour reopens'
    >>> strip_site("Harbour reopens - what next", set(), ["The Courier"])
    'Harbour reopens - what next'
    """
    site_keys = [_norm(s) for s in sites if _norm(s)]
    for sep in _SEPARATORS:
        start = title.find(sep)
        splits = 0
        while start != -1 and splits < _MAX_SPLITS:
            splits += 1
            head, tail = title[:start].strip(), title[start + len(sep) :].strip()
            for keep, cut in ((head, tail), (tail, head)):
                if not keep:
                    continue
                if keep.casefold() in others:
                    return keep
                cut_key = _norm(cut)
                if cut_key and any(cut_key == s or cut_key in s or s in cut_key for s in site_keys):
                    return keep
                if _DOMAIN.fullmatch(cut.strip().lower()):
                    return keep
            start = title.find(sep, start + 1)
    return title
