"""What the metadata sources found: field values, the source of each, and date candidates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any, NamedTuple

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...._model import Media
from ...._text.dates import DATE_ONLY, parse_date
from ...._text.lexicon import NOT_SECTIONS
from ...._text.tidy import WHITESPACE

__all__ = [
    "COMMENT_HINTS",
    "HTTP",
    "DateCandidate",
    "Found",
    "furniture",
    "section_name",
    "text_of",
    "title_line",
    "title_node",
    "unique",
]

HTTP = re.compile(r"https?://", re.IGNORECASE)
"""An absolute web address starts so (the only URLs the reader keeps)."""

_DOMAIN_LIKE = re.compile(r"\A(?:[\w-]+\.)+[a-z]{2,}\Z", re.IGNORECASE)
_WORDS = re.compile(r"[\W_]+")


class DateCandidate(NamedTuple):
    """A date a page gives for a field, where it came from, and how complete it is."""

    value: datetime
    source: str
    has_time: bool
    has_offset: bool

    @property
    def rank(self) -> int:
        """2: time and declared offset; 1: time, zone assumed; 0: day only."""
        return (1 + self.has_offset) if self.has_time else 0

    def describe(self, field: str) -> dict[str, Any]:
        """A JSON-like record for ``html.dates`` / ``html.provenance``."""
        return {
            "field": field,
            "source": self.source,
            "value": self.value.isoformat(),
            "time_of_day": self.has_time,
            "offset": "declared"
            if self.has_offset
            else ("assumed UTC" if self.has_time else "none (date only)"),
        }


class Found:
    """Field values found so far, the source of each, and the date candidates."""

    def __init__(self, article: LexborNode | None = None) -> None:
        self.article = article
        """The page's first ``<article>`` (found once, asked for by several readers)."""
        self.fields: dict[str, Any] = {}
        self.source: dict[str, str] = {}
        self.dates: dict[str, list[DateCandidate]] = {"published": [], "updated": []}
        self.extras: dict[str, Any] = {}
        self.titles: list[tuple[str, str]] = []
        """Every title the metadata gives, most trusted first: ``(text, source)``."""
        self._content: frozenset[int] | None = None
        self._heading: tuple[str | None, LexborNode | None] | None = None

    def content(self, tree: LexborHTMLParser) -> frozenset[int]:
        """:func:`title_line` of the page for the title found so far (computed once)."""
        if self._content is None:
            self._content = title_line(tree, self.fields.get("title"), self)
        return self._content

    def heading(self, tree: LexborHTMLParser, title: str | None) -> LexborNode | None:
        """:func:`title_node` of the page for ``title`` (computed once per title)."""
        if self._heading is None or self._heading[0] != title:
            self._heading = (title, title_node(tree, title, self.article))
        return self._heading[1]

    def title(self, value: Any, source: str) -> None:
        """Add a title candidate (and set the title field if it is the first)."""
        if isinstance(value, str) and value.strip():
            self.titles.append((value, source))
        self.put("title", value, source)

    def put(self, field: str, value: Any, source: str) -> None:
        """Set ``field`` unless an earlier (more trusted) source set it.

        A lead image without an address takes the address (and alt text) a later source
        gives (a JSON-LD ``ImageObject`` with a caption only, and an ``og:image``).
        """
        if field == "section":
            value = section_name(value)
        current = self.fields.get(field)
        if field == "media" and isinstance(current, Media) and isinstance(value, Media):
            if current.url is None and value.url is not None:
                self.fields[field] = attrs.evolve(
                    current, url=value.url, alt=current.alt or value.alt
                )
                self.source[field] = f"{self.source[field]} + {source}"
            return
        if field in self.fields or value in (None, "", [], ()):
            return
        self.fields[field] = value
        self.source[field] = source

    def date(self, field: str, raw: object, source: str) -> None:
        """Add a date candidate from a raw string (ISO 8601, RFC 822)."""
        if not isinstance(raw, str) or not raw.strip():
            return
        value, note = parse_date(raw.strip())
        if value is None:
            return
        has_time = note != DATE_ONLY
        self.dates[field].append(DateCandidate(value, source, has_time, note is None))


def section_name(value: Any) -> Any:
    """A section name as a reader wants it, or None.

    ``/columnists/`` is ``columnists``; a domain name or a placeholder such as ``post`` or
    ``Front Page`` is no section.
    """
    if not isinstance(value, str):
        return value
    text = value.strip().strip("/").strip()
    if "/" in text and " " not in text:
        text = text.rsplit("/", 1)[-1]  # a path: its last part
    if not text or _DOMAIN_LIKE.match(text) or text.casefold() in NOT_SECTIONS:
        return None
    return text


def unique(nodes: list[LexborNode], limit: int) -> Iterator[LexborNode]:
    """The first ``limit`` elements of a query's result, each once.

    lexbor gives an element once for each selector of a list that it matches (next to
    each other, in page order): a ``<span class="date byline">`` would otherwise count
    twice towards the elements a reader looks at.
    """
    last = -1
    count = 0
    for node in nodes:
        node_id = node.mem_id
        if node_id == last:
            continue
        last = node_id
        count += 1
        if count > limit:
            return
        yield node


def text_of(node: LexborNode) -> str:
    """The text of an element with whitespace runs collapsed (as a browser shows it)."""
    return WHITESPACE.sub(" ", node.text(deep=True)).strip()


_FURNITURE_HINTS = (
    "comment", "related", "sidebar", "widget", "recent", "popular", "footer", "nav",
    "menu", "teaser", "trending", "recommend", "promo", "more-", "breadcrumb", "ticker",
    "masthead", "site-header", "topbar", "top-bar",
)  # fmt: skip
_FURNITURE_TAGS = frozenset(("nav", "footer", "aside", "header"))
_ANCESTORS = 12


_MAX_HEADINGS = 30


def title_node(
    tree: LexborHTMLParser, title: str | None, article: LexborNode | None = None
) -> LexborNode | None:
    """The heading that shows the page's title.

    The first ``<h1>``-``<h3>`` whose text is the title (or holds it, or is held by it),
    else the first ``<h1>`` of the ``article`` (the page's first ``<article>``) or body.
    """
    key = _WORDS.sub(" ", title.casefold()).strip() if title else ""
    if key:
        for node in tree.css("h1, h2, h3")[:_MAX_HEADINGS]:
            text = _WORDS.sub(" ", node.text(deep=True).casefold()).strip()
            if text and (text == key or (len(text) >= 8 and (text in key or key in text))):
                return node
    root = article or tree.body
    return (root.css_first("h1") if root is not None else None) or tree.css_first("h1")


def title_line(tree: LexborHTMLParser, title: str | None, found: Found) -> frozenset[int]:
    """The title's heading and its ancestors (:meth:`Found.heading`), by ``mem_id``.

    Whatever holds the title is the page's content, whatever its class says
    (``class="main sidebar"`` names a layout, ``class="widget blog"`` a blog's column).
    """
    node = found.heading(tree, title)
    out: set[int] = set()
    while node is not None:
        out.add(node.mem_id)
        node = node.parent
    return frozenset(out)


COMMENT_HINTS = ("comment", "respond", "reply", "discussion")
"""Class or id words of a page's comments (where bylines name commenters)."""


def furniture(
    node: LexborNode,
    content: frozenset[int] = frozenset(),
    hints: tuple[str, ...] = _FURNITURE_HINTS,
    tags: frozenset[str] = _FURNITURE_TAGS,
) -> bool:
    """Whether ``node`` sits in comments, a sidebar, other stories, navigation, a header.

    A header is the site's when it does not hold the title (a ``<header>``, a masthead).
    Only the element and its nearest ancestors (a fixed number) are looked at, so the
    cost does not grow with the depth of the page; those in ``content`` (the title and
    its ancestors, :func:`title_line`) are never furniture. ``hints`` and ``tags`` narrow
    what counts (:data:`COMMENT_HINTS` and no tags: only the comments).
    """
    current: LexborNode | None = node
    for _ in range(_ANCESTORS):
        if current is None:
            return False
        if current.mem_id in content:
            return False
        if current.tag in tags:
            return True
        attrs = current.attributes
        words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        if any(word in words for word in hints):
            return True
        current = current.parent
    return False
