"""Timestamp lines: ``Published: Apr. 11, 2023 at 9:15 AM CDT | Updated: 2 hours ago``.

Page dumps from many news sites carry the publication time on a line of its own, under the
byline or the title, instead of in a dated byline. :func:`parse_timeline` recognises such
a line and reads the published and updated times it gives:

- Labels: ``Published``, ``Posted``, ``First published`` (the published time) and
  ``Updated``, ``Last updated``, ``Modified`` (the updated time), each with an optional
  ``on``/``at`` and colon; several labelled parts may share the line, split by ``|``.
- Dates: ``Apr. 11, 2023``, ``April 11, 2023``, ``11 April 2023``, ``04/11/2023``
  (month first), ``11.04.2023`` (day first), ``2023-04-11``; then optionally ``at`` and a
  12-hour (``9:15 AM``, ``9:15 a.m.``) or 24-hour (``09:15``) time.
- Zones: the byline's wall-clock zones (``ET``, ``CT`` ... through IANA zones), literal
  abbreviations as fixed offsets (``EDT``, ``CST``, ``GMT``, ``UTC``, ``BST``, ``CET`` ...),
  a few zones without daylight saving time (``IST`` as Asia/Kolkata, ``KST``, ``JST``),
  and numeric offsets (``+05:30``, ``UTC+3``, ``GMT-4``).

A part whose time cannot be made timezone-aware (no zone, ``2 hours ago``) gives no
datetime; the line is still recognised, and the reader keeps it as written.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from ._layout import zone

__all__ = ["parse_timeline"]

_LABEL = re.compile(
    r"\s*(?P<label>(?:first\s+|last\s+)?(?:published|posted|updated|modified))"
    r"(?:\s+(?:on|at))?\s*(?P<colon>:)?\s*",
    re.IGNORECASE,
)
_PUBLISHED_LABELS = ("published", "posted", "first published")

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        )
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_DATES = (
    re.compile(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR),  # Apr. 11, 2023
    re.compile(_DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR),  # 11 April 2023
    re.compile(r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})"),  # 04/11/2023
    re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"),  # 11.04.2023
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"),  # 2023-04-11
)
_TIME = re.compile(
    r"[,\s]*(?:at\s+|-\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
    r"(?:\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
    r"(?:\s*\(?(?P<zone>(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{2,5})\)?)?"
    r"(?![\w:])"
)

# Zones without daylight saving time, named by the abbreviation news sites print.
_STEADY_ZONES = {"IST": "Asia/Kolkata", "KST": "Asia/Seoul", "JST": "Asia/Tokyo"}
_EXTRA_FIXED = {"BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "WET": 0, "WEST": 1}
_OFFSET = re.compile(r"(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?\Z")


def _zone(name: str) -> tzinfo | None:
    found = zone(name)
    if found is not None:
        return found
    if name in _STEADY_ZONES:
        return ZoneInfo(_STEADY_ZONES[name])
    if name in _EXTRA_FIXED:
        return timezone(timedelta(hours=_EXTRA_FIXED[name]), name)
    m = _OFFSET.match(name)
    if m is not None:
        hours, minutes = int(m[2]), int(m[3] or 0)
        if hours < 24 and minutes < 60:
            offset = timedelta(hours=hours, minutes=minutes)
            return timezone(-offset if m[1] == "-" else offset)
    return None


def _stamp(text: str) -> datetime | None:
    """The aware datetime a labelled part gives, or None."""
    for pattern in _DATES:
        m = pattern.match(text)
        if m is None:
            continue
        month_text = m["month"]
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
        t = _TIME.match(text, m.end())
        if month is None or t is None or t["zone"] is None:
            return None
        tz = _zone(t["zone"].upper() if t["zone"][0].isalpha() else t["zone"])
        if tz is None:
            return None
        hour, minute = int(t["hour"]), int(t["minute"])
        if t["ampm"]:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if t["ampm"][0] in "pP" else 0)
        try:
            return datetime(int(m["year"]), month, int(m["day"]), hour, minute, tzinfo=tz)
        except ValueError:
            return None
    return None


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
        when = _stamp(part[m.end() :].strip())
        if k == 0 and when is None and m["colon"] is None:
            return None
        label = " ".join(m["label"].lower().split())
        if label in _PUBLISHED_LABELS:
            published = published or when
        else:
            updated = updated or when
    return published, updated
