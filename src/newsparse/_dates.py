"""Dates as the XML news formats write them: ISO 8601 (basic and extended) and RFC 822.

Every parser returns ``(datetime, note)``: the datetime is timezone-aware, and ``note`` is
``None`` when the text declared its offset, or says what had to be assumed:

- ``"no offset, assumed UTC"`` (``20210516T090004``, ``2021-05-16T09:00:04``): the time is
  read as UTC unless the caller names an IANA zone (``zone=``), then
  ``"no offset, assumed Europe/Oslo"``;
- ``"date only, assumed midnight UTC"`` (``20210516``, ``2021-05-16``);
- ``"zone unknown (-0000), assumed UTC"`` and ``"zone 'CET' unknown, assumed UTC"`` for
  RFC 822 dates whose zone says nothing of the offset.

RFC 822's zone names are fixed offsets by definition (``EST`` is -05:00 and ``EDT``
-04:00, whatever the season), so they are read as those offsets, not guessed. A
datetime that cannot be read gives ``(None, "unreadable")``.

The formats keep the note and the raw text in their extras, so a writer can write the
value back as it was (without an offset) and nothing is invented silently.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

__all__ = [
    "ASSUMED_UTC",
    "DATE_ONLY",
    "UNREADABLE",
    "format_basic",
    "format_rfc822",
    "parse_iso",
    "parse_rfc822",
]

ASSUMED_UTC = "no offset, assumed UTC"
DATE_ONLY = "date only, assumed midnight UTC"
UNREADABLE = "unreadable"

_ISO = re.compile(
    r"\s*(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[Tt ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?(?::?(\d{2}))?)?\s*\Z"
)
_RFC822 = re.compile(
    r"\s*(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4})"
    r"(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?"
    r"\s*(?:([+-])(\d{2}):?(\d{2})|\(?([A-Za-z]{1,5})\)?)?\s*\Z"
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for m in names
}  # fmt: skip
_RFC822_ZONES = {
    "UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}  # fmt: skip
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _zone(zone: str | tzinfo | None) -> tuple[tzinfo, str]:
    if zone is None:
        return timezone.utc, "UTC"
    if isinstance(zone, str):
        return ZoneInfo(zone), zone
    return zone, str(getattr(zone, "key", zone))


def parse_iso(text: str, *, zone: str | tzinfo | None = None) -> tuple[datetime | None, str | None]:
    """An ISO 8601 datetime, basic (``20210516T090004+0200``) or extended, with its note."""
    match = _ISO.match(text)
    if match is None:
        return None, UNREADABLE
    y, mo, d, h, mi, s, frac, z, sign, oh, om, osec = match.groups()
    try:
        micro = int((frac or "0")[:6].ljust(6, "0"))
        naive = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), micro)
        if z:
            return naive.replace(tzinfo=timezone.utc), None
        if sign:
            offset = timedelta(hours=int(oh), minutes=int(om or 0), seconds=int(osec or 0))
            if offset >= timedelta(hours=24):
                return None, UNREADABLE
            return naive.replace(tzinfo=timezone(-offset if sign == "-" else offset)), None
        where, name = _zone(zone)
        if h is None:
            note = DATE_ONLY if zone is None else f"date only, assumed midnight {name}"
        else:
            note = ASSUMED_UTC if zone is None else f"no offset, assumed {name}"
        value = naive.replace(tzinfo=where)
        value.astimezone(timezone.utc)  # the ends of the range have no UTC instant
        return value, note
    except (ValueError, OverflowError):
        return None, UNREADABLE


def parse_rfc822(text: str) -> tuple[datetime | None, str | None]:
    """An RFC 822 / RFC 2822 date (``Tue, 05 Mar 2024 09:30:00 -0500``), with its note.

    Falls back to ISO 8601, which many feeds put in ``pubDate``.
    """
    match = _RFC822.match(text)
    if match is None:
        return parse_iso(text)
    day, month, year, h, mi, s, sign, oh, om, name = match.groups()
    number = _MONTHS.get(month.lower())
    if number is None:
        return None, UNREADABLE
    y = int(year)
    if len(year) == 2:  # RFC 2822 section 4.3
        y += 2000 if y < 50 else 1900
    elif len(year) == 3:
        y += 1900
    note = None
    if sign:
        offset = timedelta(hours=int(oh), minutes=int(om))
        if sign == "-" and not offset:
            note = "zone unknown (-0000), assumed UTC"
        zone: tzinfo = timezone(-offset if sign == "-" else offset)
    elif name:
        hours = _RFC822_ZONES.get(name.upper())
        if hours is None:
            note = f"zone {name!r} unknown, assumed UTC"
            zone = timezone.utc
        else:
            zone = timezone(timedelta(hours=hours)) if hours else timezone.utc
    else:
        note = ASSUMED_UTC
        zone = timezone.utc
    try:
        value = datetime(y, number, int(day), int(h), int(mi), int(s or 0), tzinfo=zone)
        value.astimezone(timezone.utc)
    except (ValueError, OverflowError):
        return None, UNREADABLE
    return value, note


def format_basic(value: datetime) -> str:
    """``value`` in ISO 8601 basic format with its offset: ``20210516T090004+0200``.

    Fractions of a second are written (``20210516T090004.5+0200``); an offset with
    seconds is written with them (``+045602``).
    """
    text = value.strftime("%Y%m%dT%H%M%S")
    if value.microsecond:
        text += f".{value.microsecond:06d}".rstrip("0")
    return text + _offset(value, "")


def format_extended(value: datetime) -> str:
    """``value`` as RFC 3339 with its offset (``2021-05-16T09:00:04+02:00``)."""
    return value.isoformat()


def _offset(value: datetime, sep: str) -> str:
    offset = value.utcoffset()
    assert offset is not None
    sign = "-" if offset < timedelta(0) else "+"
    total = abs(int(offset.total_seconds()))
    hh, rest = divmod(total, 3600)
    mm, ss = divmod(rest, 60)
    return f"{sign}{hh:02d}{sep}{mm:02d}" + (f"{sep}{ss:02d}" if ss else "")


def format_rfc822(value: datetime) -> str:
    """``value`` as RFC 822 with a numeric offset: ``Tue, 05 Mar 2024 09:30:00 -0500``.

    RFC 822 has whole seconds and whole-minute offsets; finer parts are cut.
    """
    return (
        f"{_DAYS[value.weekday()]}, {value.day:02d} {_MONTH_NAMES[value.month - 1]} "
        f"{value.year:04d} {value.hour:02d}:{value.minute:02d}:{value.second:02d} "
        f"{_offset(value, '')[:5]}"
    )
