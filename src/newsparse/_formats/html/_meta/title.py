"""The title: the most trusted source, the ``<h1>`` or the ``<title>``, without a site suffix."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from .found import Found, text_of

__all__ = ["read_title", "strip_site"]

_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", " ~ ")
_NON_ALNUM = re.compile(r"[\W_]+")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}")
_MAX_SPLITS = 8  # separators looked at per kind: a title with more is no "title | site"


def read_title(tree: LexborHTMLParser, found: Found) -> None:
    """Choose the title among the metadata's, the ``<h1>`` and the ``<title>``."""
    root = tree.css_first("article") or tree.body
    h1 = root.css_first("h1") if root is not None else None
    if h1 is None and root is not None:
        h1 = tree.css_first("h1")
    candidates: list[tuple[str, str]] = []
    if "title" in found.fields:
        candidates.append((found.fields["title"], found.source["title"]))
    h1_text = text_of(h1) if h1 is not None else ""
    if h1_text:
        candidates.append((h1_text, "h1"))
    title_node = tree.css_first("title")
    page_title = text_of(title_node) if title_node is not None else ""
    if page_title:
        candidates.append((page_title, "title"))
    if not candidates:
        return
    value, source = candidates[0]
    others = {c.casefold() for c, _ in candidates[1:]} | {c.casefold() for c, _ in candidates}
    sites = [s for s in (found.fields.get("publisher"), found.extras.get("html.site_name")) if s]
    stripped = strip_site(value, others - {value.casefold()}, sites)
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
