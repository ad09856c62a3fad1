"""Dates as JSON-LD in the wild writes them.

:func:`parse_date` returns the datetime and, when it had to assume something, a note
saying what. Rules:

- ISO 8601 / RFC 3339 with an offset (``Z``, ``+05:30``, ``+0530``, ``+05``): kept
  exactly, offset included. A space may replace the ``T``; fractions of any length are
  cut to microseconds.
- No offset (``2018-04-05T06:00``, ``2015-11-28 05:36:00.000000``): read as **UTC**, noted
  as ``"assumed UTC"``.
- Date only (``2024-03-05``): **midnight UTC**, noted as ``"date only, assumed midnight UTC"``.
- RFC 822 (``Tue, 05 Mar 2024 09:30:00 -0500``): kept with its offset.
- Placeholders (year 1, e.g. ``0001-01-01T00:00:00Z``) and unreadable values: ignored
  (``None``), noted as ``"placeholder, ignored"`` or ``"unreadable, ignored"``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

__all__ = ["parse_date"]

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(?:([Zz]|UTC|GMT)|([+-])(\d{2}):?(\d{2})?(?::(\d{2})(?:\.(\d{1,6}))?)?)?\Z"
)

ASSUMED_UTC = "assumed UTC"
DATE_ONLY = "date only, assumed midnight UTC"
PLACEHOLDER = "placeholder, ignored"
UNREADABLE = "unreadable, ignored"


def parse_date(value: object) -> tuple[datetime | None, str | None]:
    """Parse a JSON-LD date value; return ``(datetime or None, note or None)``."""
    if not isinstance(value, str):
        return None, UNREADABLE
    text = value.strip()
    match = _ISO.match(text)
    if match is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None, UNREADABLE
        if parsed.tzinfo is None:
            return parsed.replace(tzinfo=timezone.utc), ASSUMED_UTC
        return parsed, None
    y, mo, d, h, mi, s, frac, z, sign, oh, om, osec, ofrac = match.groups()
    if int(y) <= 1:
        return None, PLACEHOLDER
    try:
        micro = int((frac or "0")[:6].ljust(6, "0"))
        naive = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), micro)
        note: str | None = None
        if z:
            zone = timezone.utc
        elif sign:
            offset = timedelta(
                hours=int(oh),
                minutes=int(om or 0),
                seconds=int(osec or 0),
                microseconds=int((ofrac or "0").ljust(6, "0")),
            )
            zone = timezone(-offset if sign == "-" else offset)
        else:
            zone = timezone.utc
            note = ASSUMED_UTC if h is not None else DATE_ONLY
        return naive.replace(tzinfo=zone), note
    except (ValueError, OverflowError):
        return None, UNREADABLE
