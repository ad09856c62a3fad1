"""Dates as pages, feeds and page dumps write them, with a note on what was assumed.

:func:`parse_date` reads machine dates (schema.org, meta tags, ``<time datetime>``) and
returns the datetime and, when it had to assume something, a note saying what:

- ISO 8601 / RFC 3339 with an offset (``Z``, ``+05:30``, ``+0530``, ``+05``): kept
  exactly, offset included. A space may replace the ``T``; fractions of any length are
  cut to microseconds.
- No offset (``2018-04-05T06:00``, ``2015-11-28 05:36:00.000000``): read as **UTC**, noted
  as ``"assumed UTC"``.
- Date only (``2024-03-05``): **midnight UTC**, noted as ``"date only, assumed midnight UTC"``.
- RFC 822 (``Tue, 05 Mar 2024 09:30:00 -0500``): kept with its offset.
- Placeholders (year 1, e.g. ``0001-01-01T00:00:00Z``) and unreadable values: ignored
  (``None``), noted as ``"placeholder, ignored"`` or ``"unreadable, ignored"``.

:func:`parse_stamp` reads a timestamp as people write it (``Apr. 11, 2023 at 9:15 AM CDT``,
``11.04.2023 09:15 CET``) and gives a datetime only when the text names its zone.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from .lexicon import MONTHS
from .zones import zone

__all__ = ["ASSUMED_UTC", "DATE_ONLY", "PLACEHOLDER", "UNREADABLE", "parse_date", "parse_stamp"]

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


# ---------------------------------------------------------------------------
# visible-text timestamps

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


def parse_stamp(text: str) -> datetime | None:
    """The aware datetime a timestamp at the start of ``text`` gives, or None.

    Dates: ``Apr. 11, 2023``, ``April 11, 2023``, ``11 April 2023``, ``04/11/2023`` (month
    first), ``11.04.2023`` (day first), ``2023-04-11``; then optionally ``at`` and a
    12-hour (``9:15 AM``, ``9:15 a.m.``) or 24-hour (``09:15``) time, and a zone
    (:func:`.zones.zone`). Without a time and a known zone there is no datetime.

    >>> parse_stamp("Apr. 11, 2023 at 9:15 AM CDT")
    datetime.datetime(2023, 4, 11, 9, 15, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400), 'CDT'))
    >>> parse_stamp("Apr. 11, 2023") is None
    True
    """  # noqa: E501
    for pattern in _DATES:
        m = pattern.match(text)
        if m is None:
            continue
        month_text = m["month"]
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
        t = _TIME.match(text, m.end())
        if month is None or t is None or t["zone"] is None:
            return None
        tz = zone(t["zone"].upper() if t["zone"][0].isalpha() else t["zone"])
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
