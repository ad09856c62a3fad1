"""Dates a page shows only as text: its date element, or the text around its title.

Many pages carry their date nowhere but in what readers see: ``<span class="post-date">
21 Jan 2020</span>``, ``Publiziert am 13. Januar 2014 von …``, ``/ jueves 2 de abril de
2020``. Two bounded looks, in this order of trust:

1. Elements whose class, id or ``itemprop`` names a date (``date``, ``time``, ``publish``,
   ``posted``, ``meta``, ``byline``, ``datum``, ``fecha`` …), and ``<time>`` elements
   without a ``datetime``: the first few in page order, inside the article before
   anywhere else, whose short text holds a date. An element in comments, a sidebar, a list
   of related stories or the page's navigation is skipped (its nearest ancestors are
   looked at, a fixed number of them).
2. The text just before and after the title (``<h1>``): a dateline, ``January 18, 2020
   PARIS (Reuters) –``.

When neither look nor any other source gives a date, :func:`read_page_dates` reads the
whole text of the page, the last resort: a page that shows a date only in its footer
(``Copyright © 19.12.2019``, ``Last modified 2019-11-10``) or in a listing of its own
entries. The day shown most often wins: the page's own date tends to be repeated (a
header and a footer, a post and its permalink), the dates of other items appear once
each; among equals the latest, since the page is at least as recent as what it lists.

Dates are read by :func:`newsparse._text.dates.scan_dates` (many languages, numeric
orders, plausibility bounds); a date with a time and a zone gives the instant, any other
the day only. Each look reads a bounded amount of text; the last resort reads at most
:data:`_MAX_PAGE_TEXT` characters of the page, once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...._text.dates import TextDate, scan_dates
from ...._text.lexicon import MONTH_FIRST_LANGUAGES
from ...._text.tidy import WHITESPACE
from .found import COMMENT_HINTS, DateCandidate, Found, furniture, unique

__all__ = ["read_page_dates", "read_visible_dates"]

_HINT_CSS = (
    '[class*="date" i], [id*="date" i], [class*="time" i], [class*="publish" i], '
    '[class*="posted" i], [class*="meta" i], [class*="byline" i], [class*="datum" i], '
    '[class*="fecha" i], [class*="dateline" i], [class*="submitted" i], '
    '[itemprop*="date" i], time:not([datetime])'
)
_UPDATED_HINTS = (
    "updat", "modif", "edited", "aktualisiert", "geändert", "actualiz", "mis-a-jour",
    "mis à jour", "aggiornat", "bijgewerkt", "uppdaterad", "opdateret", "oppdatert",
)  # fmt: skip
_ACCESSED_HINTS = (
    "retrieved", "accessed", "accessdate", "access-date", "abgerufen", "consulté", "consultado",
    "consultato", "geraadpleegd", "hämtad", "besøgt", "dostęp",
)  # fmt: skip
"""Labels of the day a cited source was looked at (``Retrieved 27 January 2020``): a
citation's date, not the page's."""
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "head", "title", "select"))
_BESIDE = ("sidebar", "widget", "related", "recommend", "teaser", "promo", "nav", "menu")
_BESIDE_TAGS = frozenset(("aside", "nav", "footer"))
_MAX_ELEMENTS = 60  # date elements looked at
_LABEL_REACH = 40  # characters before a date read for a label
_MAX_TEXT = 200  # an element with more text is a container, not a date element
_ANCESTORS = 12  # levels of ancestors whose following text is read
_AFTER_TITLE = 1200  # characters of text read after the title
_BEFORE_TITLE = 300  # and before it
_MAX_PAGE_TEXT = 500_000  # characters of the page's text the last resort reads
_PAGE_BESIDE = (*COMMENT_HINTS, "sidebar", "widget")  # what the last resort leaves out
_PAGE_BESIDE_TAGS = frozenset(("aside",))
_YEAR = re.compile(r"(?:19|20)\d\d")


def _hints(node: LexborNode) -> str:
    attrs = node.attributes
    return " ".join(str(attrs.get(k) or "") for k in ("class", "id", "itemprop")).lower()


def _month_first(found: Found) -> bool:
    language = found.fields.get("language")
    return isinstance(language, str) and language.casefold() in MONTH_FIRST_LANGUAGES


def _first_date(text: str, month_first: bool) -> TextDate | None:
    return next(iter(scan_dates(text, month_first=month_first)), None)


def _label(text: str, when: TextDate, since: int) -> str:
    """The words just before a date in running text (none before ``since``), lower-cased."""
    return text[max(since, when.start - _LABEL_REACH) : when.start].lower()


def _labelled_update(text: str, when: TextDate, since: int) -> bool:
    """Whether the words just before a date in running text label it an update."""
    before = _label(text, when, since)
    return any(word in before for word in _UPDATED_HINTS) and "publi" not in before


def _accessed(text: str, when: TextDate, since: int) -> bool:
    """Whether the words just before a date in running text label it an access day."""
    before = _label(text, when, since)
    return any(word in before for word in _ACCESSED_HINTS)


def _published_in(text: str, found: Found, month_first: bool, source: str) -> bool:
    """Add the first date of ``text`` that no label makes an update, as published.

    A date labelled an update before it is the updated date (``Last Updated: January 7,
    2025``). Whether a published date was found.
    """
    since = 0
    for when in scan_dates(text, month_first=month_first):
        if _accessed(text, when, since):
            since = when.end
            continue
        if _labelled_update(text, when, since):
            if not found.dates["updated"]:
                _add(found, "updated", when, source)
            since = when.end
            continue
        _add(found, "published", when, source)
        return True
    return False


def _add(found: Found, field: str, when: TextDate, source: str) -> None:
    value, has_time, has_offset = when.datetime()
    found.dates[field].append(DateCandidate(value, source, has_time, has_offset))


def _date_elements(
    root: LexborNode, found: Found, month_first: bool, content: frozenset[int]
) -> bool:
    """Candidates from date elements under ``root``; whether a published one was found."""
    seen_updated = False
    for node in unique(root.css(_HINT_CSS), _MAX_ELEMENTS):
        if node.tag in _SKIP_TAGS:
            continue
        text = WHITESPACE.sub(" ", node.text(deep=True, separator=" ")).strip()
        if not text or len(text) > _MAX_TEXT or furniture(node, content):
            continue
        when = _first_date(text, month_first)
        if when is None:
            continue
        hints = _hints(node) + " " + text[: when.start].lower()
        if any(word in hints for word in _ACCESSED_HINTS):
            continue
        if any(word in hints for word in _UPDATED_HINTS) and "publi" not in hints:
            if not seen_updated:
                _add(found, "updated", when, "text:date element")
                seen_updated = True
            continue
        _add(found, "published", when, "text:date element")
        return True
    return False


def _readable(node: LexborNode) -> bool:
    """Whether a sibling of the title is read for a date.

    Not a script, nor a photo and its caption (``January 16, 2020. Photo: …`` dates the
    photo, not the article).
    """
    tag = node.tag or ""
    if tag in _SKIP_TAGS or tag.startswith(("!", "_")) or tag == "-comment":
        return False
    if tag in ("figure", "figcaption", "picture", "img"):
        return False
    return "caption" not in str(node.attributes.get("class") or "").lower()


def _text_around(title: LexborNode, content: frozenset[int]) -> tuple[str, str]:
    """The page text just before and just after ``title`` (bounded lengths)."""
    return _collect(title, content, before=True), _collect(title, content, before=False)


def _collect(title: LexborNode, content: frozenset[int], *, before: bool) -> str:
    limit = _BEFORE_TITLE if before else _AFTER_TITLE
    pieces: list[str] = []
    size = 0
    node: LexborNode | None = title
    for _ in range(_ANCESTORS):
        if node is None or size >= limit:
            break
        sibling = node.prev if before else node.next
        while sibling is not None and size < limit:
            # not a sidebar (comments stay: a forum's first post is the article)
            if _readable(sibling) and not furniture(sibling, content, _BESIDE, _BESIDE_TAGS):
                piece = sibling.text(deep=True, separator=" ")
                pieces.append(piece)
                size += len(piece)
            sibling = sibling.prev if before else sibling.next
        node = node.parent
    if before:
        return WHITESPACE.sub(" ", " ".join(reversed(pieces)))[-limit:]
    return WHITESPACE.sub(" ", " ".join(pieces))[:limit]


def read_visible_dates(tree: LexborHTMLParser, found: Found) -> None:
    """Add the dates the page shows as text, when no machine-readable source gave one."""
    body = tree.body
    if body is None:
        return
    month_first = _month_first(found)
    article = found.article or tree.css_first("main, [role=main]")
    title_text = found.fields.get("title")
    content = found.content(tree)
    if article is not None and _date_elements(article, found, month_first, content):
        return
    if _date_elements(body, found, month_first, content):
        return
    headings = [found.heading(tree, title_text), (article or body).css_first("h1")]
    headings.append(body.css_first("h1"))
    seen: set[int] = set()
    around: list[tuple[str, str]] = []
    for title in headings:  # the title's heading, then the article's and the page's <h1>
        if title is not None and title.mem_id not in seen:
            seen.add(title.mem_id)
            around.append(_text_around(title, content))
    for _head, tail in around:  # a date after a heading first, then one before it
        if _published_in(tail, found, month_first, "text:after title"):
            return
    for head, _tail in around:
        dates = list(scan_dates(head, month_first=month_first))
        if dates:
            _add(found, "published", dates[-1], "text:before title")
            return


def _page_text(body: LexborNode) -> tuple[str, list[int], list[LexborNode]]:
    """The page's text that may hold a date, and where each piece starts, with its element.

    Scripts and styles are left out, and so is every text node without a year (``19xx``,
    ``20xx``) unless the next one has one (``<b>14</b> March 2023``): the date scan then
    reads a small part of a long page. At most :data:`_MAX_PAGE_TEXT` characters.
    """
    pieces: list[str] = []
    starts: list[int] = []
    nodes: list[LexborNode] = []
    size = 0
    previous: tuple[str, LexborNode] | None = None
    for node in body.traverse(include_text=True):
        if node.tag != "-text":
            continue
        parent = node.parent
        if parent is None or parent.tag in _SKIP_TAGS:
            continue
        piece = node.text_content or ""
        if _YEAR.search(piece) is None:
            previous = (piece, parent)
            continue
        kept = [previous, (piece, parent)] if previous is not None else [(piece, parent)]
        for text, element in kept:
            pieces.append(text)
            starts.append(size)
            nodes.append(element)
            size += len(text) + 1
        previous = None
        if size >= _MAX_PAGE_TEXT:
            break
    return " ".join(pieces)[:_MAX_PAGE_TEXT], starts, nodes


def read_page_dates(tree: LexborHTMLParser, found: Found) -> None:
    """Add the day the page's text shows most often, as published (the last resort).

    Dates in comments and beside the article (a sidebar, an ``<aside>``) do not count.
    """
    body = tree.body
    if body is None:
        return
    text, starts, nodes = _page_text(body)
    dates: list[TextDate] = []
    since = 0
    for when in scan_dates(text, month_first=_month_first(found)):
        node = nodes[bisect_right(starts, when.start) - 1]
        accessed = _accessed(text, when, since)
        since = when.end
        if accessed or furniture(node, frozenset(), _PAGE_BESIDE, _PAGE_BESIDE_TAGS):
            continue
        dates.append(when)
    if not dates:
        return
    counts = Counter(when.day for when in dates)
    day = max(counts, key=lambda d: (counts[d], d))
    _add(found, "published", next(w for w in dates if w.day == day), "page:text")
