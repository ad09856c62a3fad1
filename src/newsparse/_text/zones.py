"""Time-zone abbreviations as news text prints them: one table, one meaning for each.

- Wall-clock zones (``ET``, ``CT``, ``MT``, ``PT``, ``AKT``, ``HT``) stand for an IANA zone,
  so their offset follows daylight saving time.
- Literal abbreviations are fixed offsets: ``EST`` is -05:00 even in July, ``CEST`` +02:00.
- A few zones without daylight saving time are read as their IANA zone (``IST`` as
  Asia/Kolkata, ``KST``, ``JST``).
- Numeric offsets: ``+05:30``, ``+0530``, ``UTC+3``, ``GMT-4``.

The dated byline (:mod:`.bylines`) reads and writes only the US set
(:data:`BYLINE_ZONES`); visible-text timestamps (:mod:`.dates`) read them all.
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

__all__ = [
    "BYLINE_FIXED_ZONES",
    "BYLINE_ZONES",
    "FIXED_ZONES",
    "STEADY_ZONES",
    "WALL_ZONES",
    "byline_zone",
    "zone",
]

WALL_ZONES: dict[str, str] = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    "AKT": "America/Anchorage",
    "HT": "Pacific/Honolulu",
}
"""Wall-clock zone abbreviations and the IANA zone each stands for (offset follows DST)."""

_FIXED_HOURS = {
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
    "GMT": 0,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "WET": 0,
    "WEST": 1,
}
FIXED_ZONES: dict[str, tzinfo] = {
    name: timezone(timedelta(hours=hours), name) for name, hours in _FIXED_HOURS.items()
}
"""Literal abbreviations read as fixed offsets (``EST`` is -05:00 even in July)."""
FIXED_ZONES["UTC"] = timezone.utc

STEADY_ZONES: dict[str, str] = {"IST": "Asia/Kolkata", "KST": "Asia/Seoul", "JST": "Asia/Tokyo"}
"""Zones without daylight saving time, named by the abbreviation news sites print."""

_BYLINE_FIXED = ("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST",
                 "GMT", "UTC")  # fmt: skip
BYLINE_FIXED_ZONES: dict[str, tzinfo] = {name: FIXED_ZONES[name] for name in _BYLINE_FIXED}
"""The literal abbreviations of the dated byline (``03/05/24 9:30 AM EST``)."""
BYLINE_ZONES: frozenset[str] = frozenset(WALL_ZONES) | frozenset(BYLINE_FIXED_ZONES)
"""Every abbreviation the dated byline reads and writes."""

_OFFSET = re.compile(r"(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?\Z")
_cache: dict[str, tzinfo] = {}


def byline_zone(abbr: str) -> tzinfo | None:
    """The tzinfo for a zone abbreviation of the dated byline, or None when unknown."""
    found = _cache.get(abbr)
    if found is None:
        if abbr in WALL_ZONES:
            found = ZoneInfo(WALL_ZONES[abbr])
        elif abbr in BYLINE_FIXED_ZONES:
            found = BYLINE_FIXED_ZONES[abbr]
        else:
            return None
        _cache[abbr] = found
    return found


def zone(name: str) -> tzinfo | None:
    """The tzinfo for any abbreviation of the table, or a numeric offset; None if unknown.

    >>> zone("CEST")
    datetime.timezone(datetime.timedelta(seconds=7200), 'CEST')
    >>> zone("UTC+5:30")
    datetime.timezone(datetime.timedelta(seconds=19800))
    """
    found = byline_zone(name)
    if found is not None:
        return found
    if name in STEADY_ZONES:
        return ZoneInfo(STEADY_ZONES[name])
    if name in FIXED_ZONES:
        return FIXED_ZONES[name]
    m = _OFFSET.match(name)
    if m is not None:
        hours, minutes = int(m[2]), int(m[3] or 0)
        if hours < 24 and minutes < 60:
            offset = timedelta(hours=hours, minutes=minutes)
            return timezone(-offset if m[1] == "-" else offset)
    return None
