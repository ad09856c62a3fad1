"""Dates as pages, feeds and page dumps write them, with a note on what was assumed.

:func:`parse_date` reads machine dates (schema.org, meta tags, ``<time datetime>``) and
returns the datetime and, when it had to assume something, a note saying what:

- ISO 8601 / RFC 3339 with an offset (``Z``, ``+05:30``, ``+0530``, ``+05``): kept
  exactly, offset included. A space may replace the ``T``; fractions of any length are
  cut to microseconds; the basic format (``20201123T110235Z``) and one-digit fields
  (``23:15:0Z``) are read too, and so is a zone abbreviation of :mod:`.zones` glued on
  (``2020-09-25T16:02:50CDT``), as the offset it names.
- No offset (``2018-04-05T06:00``, ``2015-11-28 05:36:00.000000``): read as **UTC**, noted
  as ``"assumed UTC"``.
- Date only (``2024-03-05``): **midnight UTC**, noted as ``"date only, assumed midnight UTC"``.
- RFC 822 (``Tue, 05 Mar 2024 09:30:00 -0500``): kept with its offset.
- Placeholders (year 1, e.g. ``0001-01-01T00:00:00Z``) and unreadable values: ignored
  (``None``), noted as ``"placeholder, ignored"`` or ``"unreadable, ignored"``.

:func:`parse_stamp` reads a timestamp as people write it (``Apr. 11, 2023 at 9:15 AM CDT``,
``11.04.2023 09:15 CET``) and gives a datetime only when the text names its zone.
:func:`scan_dates` finds the dates in running text, in many languages and numeric orders
(``jeudi 27 juin 2019``, ``2 de abril de 2020``, ``2020年7月12日``, ``17/03/2020``), within
plausible bounds; one regular expression of disjoint alternatives, so it is linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from typing import NamedTuple

from .lexicon import MONTHS, WORLD_MONTHS
from .zones import zone

__all__ = [
    "ASSUMED_UTC",
    "DATE_ONLY",
    "EARLIEST",
    "PLACEHOLDER",
    "UNREADABLE",
    "TextDate",
    "parse_date",
    "parse_stamp",
    "scan_dates",
]

_ISO = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[Tt ](\d{1,2}):?(\d{2})(?::?(\d{1,2})(?:(?:[.,]|:(?=\d{3}(?!\d)))(\d+))?)?)?"
    r"\s*(?:([Zz]|UTC|GMT)|([+-])(\d{2}):?(\d{2})?(?::(\d{2})(?:\.(\d{1,6}))?)?"
    r"|\(?([A-Za-z]{2,5})\)?)?\Z"
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
    y, mo, d, h, mi, s, frac, z, sign, oh, om, osec, ofrac, abbr = match.groups()
    if int(y) <= 1:
        return None, PLACEHOLDER
    try:
        micro = int((frac or "0")[:6].ljust(6, "0"))
        naive = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), micro)
        note: str | None = None
        named = zone(abbr.upper()) if abbr else None
        if abbr and (named is None or h is None):
            return None, UNREADABLE
        if named is not None:
            return naive.replace(tzinfo=named), None
        if z:
            tz: tzinfo = timezone.utc
        elif sign:
            offset = timedelta(
                hours=int(oh),
                minutes=int(om or 0),
                seconds=int(osec or 0),
                microseconds=int((ofrac or "0").ljust(6, "0")),
            )
            tz = timezone(-offset if sign == "-" else offset)
        else:
            tz = timezone.utc
            note = ASSUMED_UTC if h is not None else DATE_ONLY
        return naive.replace(tzinfo=tz), note
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


# ---------------------------------------------------------------------------
# dates in running text: "jeudi 27 juin 2019", "2 de abril de 2020", "17/03/2020"

EARLIEST = date(1995, 1, 1)
"""No news page on the web is dated before this; earlier dates in text are history."""


class TextDate(NamedTuple):
    """A date found in running text, where it was, and the time and zone after it, if any."""

    day: date
    start: int
    end: int
    time: tuple[int, int] | None = None
    zone: tzinfo | None = None

    def datetime(self) -> tuple[datetime, bool, bool]:
        """``(value, has_time, has_offset)`` of this date.

        The instant when the text named a zone, else the day at midnight UTC (a time
        without a zone gives no instant).
        """
        if self.time is not None and self.zone is not None:
            value = datetime(*self.day.timetuple()[:3], *self.time, tzinfo=self.zone)
            return value, True, True
        return datetime(*self.day.timetuple()[:3], tzinfo=timezone.utc), False, False


_Y = r"(?:19|20)\d\d"
# a word that may be a month name; looked up in WORLD_MONTHS (a trie-less alternation of
# hundreds of names would be tried at every word)
_MONTH_NAME = rf"[^\W\d_]{{3,{max(map(len, WORLD_MONTHS))}}}"
_TEXT_DATE = re.compile(
    # 2020-04-13, 2020/4/13, 2020.04.13
    rf"(?<![\d.])(?P<y1>{_Y})(?P<s1>[-/.])(?P<m1>\d{{1,2}})(?P=s1)(?P<d1>\d{{1,2}})(?![\d])"
    # 17/03/2020, 30.07.2019, 04/13/2020, 02.12.19
    rf"|(?<![\d.])(?P<a2>\d{{1,2}})(?P<s2>[./-])(?P<b2>\d{{1,2}})(?P=s2)(?P<y2>{_Y}|\d\d)"
    r"(?!\d|[./-]\d)"
    # 2020年7月12日, 2020년 7월 12일
    rf"|(?P<y3>{_Y})\s?[年년]\s?(?P<m3>\d{{1,2}})\s?[月월]\s?(?P<d3>\d{{1,2}})"
    # 27 juin 2019, 2 de abril de 2020, 23. Juli 2017, 21 Jan 2020, 28 April, 2017
    rf"|(?<![\d.])(?P<d4>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s{{0,2}}(?:de\s)?"
    rf"(?P<n4>{_MONTH_NAME})(?!\w)\.?,?\s{{1,2}}(?:de\s)?(?P<y4>{_Y})(?!\d)"
    # Nov 23, 2020; August 06, 2019
    rf"|(?<!\w)(?P<n5>{_MONTH_NAME})\.?\s{{1,2}}(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,2}}"
    rf"(?P<y5>{_Y})(?!\d)",
    re.IGNORECASE,
)
_TEXT_TIME = re.compile(
    r"[\s,|·•–—-]{0,4}(?:(?:at|um|à|a las|alle|om|kl\.?|klo\.?|u|в|saat|le)\s{1,2})?"
    r"(?P<h>[01]?\d|2[0-3])[:h.](?P<mi>[0-5]\d)(?!\d)(?::[0-5]\d)?"
    r"(?:\s?(?P<ap>[AaPp]\.?\s?[Mm]\.?)(?!\w))?"
    r"(?:\s{0,2}\(?(?P<z>(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Z]{2,5})\)?(?!\w))?"
)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= date.today().year % 100 else 1900
    return year


def _day_of(m: re.Match[str], month_first: bool) -> date | None:
    g = m.groupdict()
    try:
        if g["y1"]:
            return date(int(g["y1"]), int(g["m1"]), int(g["d1"]))
        if g["y2"]:
            a, b, year = int(g["a2"]), int(g["b2"]), _year(g["y2"])
            if len(g["y2"]) == 2 and g["s2"] == "-":
                return None  # "12-30-20" is rarely a date
            if a > 12 or (b <= 12 and not (month_first and g["s2"] == "/")):
                return date(year, b, a)
            return date(year, a, b)
        if g["y3"]:
            return date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        if g["y4"]:
            return date(int(g["y4"]), WORLD_MONTHS[g["n4"].casefold()], int(g["d4"]))
        return date(int(g["y5"]), WORLD_MONTHS[g["n5"].casefold()], int(g["d5"]))
    except (ValueError, KeyError):
        return None


def scan_dates(
    text: str, *, month_first: bool = False, latest: date | None = None
) -> Iterator[TextDate]:
    """The plausible dates in ``text``, in order, each with the time and zone after it.

    Numeric dates are read day first (``05/04/2020`` is 5 April) unless the numbers say
    otherwise (``04/13/2020``) or ``month_first`` is set (pages in US English write
    ``04/05/2020`` for 5 April's month first). Dates before :data:`EARLIEST` or after
    ``latest`` (default: today) are left out. A time after the date (``à 12:57``, ``at
    5:02 AM``, ``um 10:52 Uhr``) is kept, and its zone when one of :mod:`.zones` follows.
    Relative dates (``2 hours ago``) are no dates.

    >>> [d.day.isoformat() for d in scan_dates("Publié le jeudi 27 juin 2019, à 12:57")]
    ['2019-06-27']
    """
    latest = latest or date.today()
    for m in _TEXT_DATE.finditer(text):
        day = _day_of(m, month_first)
        if day is None or not EARLIEST <= day <= latest:
            continue
        t = _TEXT_TIME.match(text, m.end())
        clock: tuple[int, int] | None = None
        tz: tzinfo | None = None
        end = m.end()
        if t is not None:
            hour, minute = int(t["h"]), int(t["mi"])
            if t["ap"]:
                pm = t["ap"][0] in "pP"
                hour = hour % 12 + (12 if pm else 0) if 1 <= hour <= 12 else -1
            if hour >= 0:
                clock, end = (hour, minute), t.end()
                if t["z"]:
                    tz = zone(t["z"].upper() if t["z"][0].isalpha() else t["z"])
        yield TextDate(day, m.start(), end, clock, tz)
