"""Timestamp lines: ``Published: Apr. 11, 2023 at 9:15 AM CDT | Updated: 2 hours ago``.

Page dumps from many news sites carry the publication time on a line of its own, under the
byline or the title, instead of in a dated byline. :func:`parse_timeline` recognises such
a line and reads the published and updated times it gives:

- Labels: ``Published``, ``Posted``, ``First published`` (the published time) and
  ``Updated``, ``Last updated``, ``Modified`` (the updated time), each with an optional
  ``on``/``at`` and colon; several labelled parts may share the line, split by ``|``.
- Dates and times: ``Apr. 11, 2023 at 9:15 AM CDT``, ``11.04.2023 09:15 CET`` and the
  other forms of :func:`newsparse._text.dates.parse_stamp`, with the zones of
  :mod:`newsparse._text.zones` (``ET`` through its IANA zone, ``EDT`` as a fixed offset,
  ``IST`` as Asia/Kolkata, ``UTC+3``).

A part whose time cannot be made timezone-aware (no zone, ``2 hours ago``) gives no
datetime; the line is still recognised, and the reader keeps it as written.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime

from ..._text.dates import parse_stamp

__all__ = ["parse_timeline"]

_LABEL = re.compile(
    r"\s*(?P<label>(?:first\s+|last\s+)?(?:published|posted|updated|modified))"
    r"(?:\s+(?:on|at))?\s*(?P<colon>:)?\s*",
    re.IGNORECASE,
)
_PUBLISHED_LABELS = ("published", "posted", "first published")


@functools.lru_cache(maxsize=256)
def parse_timeline(line: str) -> tuple[datetime | None, datetime | None] | None:
    """``(published, updated)`` of a timestamp line; None when the line is not one.

    A line is one when every ``|``-separated part starts with a label, the first part
    gives a datetime or has a colon after its label, and the line is short. For a label
    given twice, the first wins.

    >>> parse_timeline("Published: Apr. 11, 2023 at 9:15 AM CDT|Updated: 2 hours ago")
    (datetime.datetime(2023, 4, 11, 9, 15, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400), 'CDT')), None)
    >>> parse_timeline("Published reports say otherwise.") is None
    True
    """  # noqa: E501
    if len(line) > 200 or "\n" in line or not line[:1].isalpha():
        return None
    published: datetime | None = None
    updated: datetime | None = None
    for k, part in enumerate(line.split("|")):
        m = _LABEL.match(part)
        if m is None:
            return None
        when = parse_stamp(part[m.end() :].strip())
        if k == 0 and when is None and m["colon"] is None:
            return None
        label = " ".join(m["label"].lower().split())
        if label in _PUBLISHED_LABELS:
            published = published or when
        else:
            updated = updated or when
    return published, updated
