"""The pieces of the wire layout both the reader and the writer need.

Each line kind (header, byline, caption, Tags line, contributor note) has a parse function
that turns the line into field values and a render function that gives the canonical line
for field values. The reader keeps a raw line in ``extras`` only when
``render(parse(raw)) != raw``; the writer uses a kept raw line only when ``parse(raw)``
still gives the article's current values, so an edited Article never gets stale text.

The header, the Tags line and the paragraph endings are the wire layout's own and live
here; bylines, captions and contributor notes are text other formats read too, so they
live in :mod:`newsparse._text` and are gathered here as the layout's line kinds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..._text.bylines import (
    BYLINE,
    BYLINE_LIKE,
    Byline,
    is_byline_like,
    parse_byline,
    render_byline,
    render_when,
)
from ..._text.captions import parse_caption, render_caption
from ..._text.notes import is_note
from ._tags import segment, split_tags_line

__all__ = [
    "BYLINE",
    "BYLINE_LIKE",
    "Byline",
    "compact_ends",
    "expand_ends",
    "is_byline_like",
    "is_header_like",
    "is_note",
    "is_tags_like",
    "parse_byline",
    "parse_caption",
    "parse_header",
    "parse_tags",
    "render_byline",
    "render_caption",
    "render_header",
    "render_tags",
    "render_when",
    "valid_day",
]

FORMAT = "wire"


# ---------------------------------------------------------------------------
# header

HEADER = re.compile(
    r"[ \t]*date(?:[ \t]+(?P<date>\d{4}-\d\d-\d\d)(?:[ \t]+trending:(?P<rest>.*)|[ \t]*)"
    r"|[ \t]+trending:(?P<rest2>.*))\Z"
)
"""The header line, leniently: the canonical form is `` date YYYY-MM-DD trending:``; the
date or the ``trending:`` part may be missing (`` date 2024-03-05``)."""

HEADER_START = re.compile(
    r"^ date (?:\d{4}-\d\d-\d\d(?: trending:|[ \t]*$)|trending:)", re.MULTILINE
)
"""Where an article starts in a multi-article text: a header at a line start."""


def parse_header(line: str) -> tuple[str | None, tuple[str, ...]] | None:
    """Return (date, trending items) of a header line, or None if it is not one."""
    m = HEADER.match(line)
    if m is None:
        return None
    rest = (m["rest"] or m["rest2"] or "").strip()
    items = tuple(item.strip() for item in rest.split("|")) if rest else ()
    return m["date"], items


def render_header(day: str | None, trending: Sequence[str]) -> str:
    """The canonical header line."""
    line = f" date {day} trending:" if day else " date trending:"
    if trending:
        line += " " + " | ".join(trending)
    return line


def is_header_like(line: str) -> bool:
    """Whether a line would be taken for a header."""
    return HEADER.match(line) is not None


def valid_day(value: object) -> str | None:
    """``value`` if it is an ISO date string, else None."""
    if isinstance(value, str) and len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError:
            return None
        return value
    return None


# ---------------------------------------------------------------------------
# paragraph endings


def compact_ends(ends: Sequence[str]) -> str | list[str] | None:
    """The ``wire.para_ends`` value for the trailing whitespace of each paragraph.

    None when no paragraph has any, the string when all have the same, else the list.
    """
    if not any(ends):
        return None
    first = ends[0]
    if all(e == first for e in ends):
        return first
    return list(ends)


def expand_ends(value: object, count: int) -> tuple[str, ...]:
    """The trailing whitespace of each of ``count`` paragraphs from ``wire.para_ends``."""
    if isinstance(value, str):
        return (value,) * count if not value.strip() else ()
    if (
        isinstance(value, (tuple, list))
        and len(value) == count
        and all(isinstance(v, str) and not v.strip() for v in value)
    ):
        return tuple(value)
    return ()


# ---------------------------------------------------------------------------
# tags

TAGS = re.compile(r"Tags(?: (?P<content>.*))?\Z", re.DOTALL)


def is_tags_like(line: str) -> bool:
    """Whether a line would be taken for the Tags line."""
    return TAGS.match(line) is not None


def parse_tags(content: str, known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The tags of a Tags line's content (after ``Tags ``)."""
    split = split_tags_line(content)
    if split is not None:
        return split
    return segment(content, known)


def render_tags(tags: Sequence[str]) -> str:
    """The canonical Tags line: space-joined when that segments back, else ``a | b``."""
    tags = tuple(tags)
    joined = " ".join(tags)
    if split_tags_line(joined) is None and segment(joined) == tags:
        return "Tags " + joined
    if len(tags) == 1:
        return f"Tags {tags[0]} |"
    return "Tags " + " | ".join(tags)
