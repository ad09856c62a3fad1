"""Bylines: ``by Jane Doe and John Roe, staff writers - 03/05/24 9:30 AM ET``.

A byline is ``by``, the names (:mod:`.names`), and optionally `` - `` and a time on a
12-hour clock with a zone abbreviation of :data:`.zones.BYLINE_ZONES`. :func:`parse_byline`
reads one (leniently: ``By``, one-digit months, ``a.m.``) and says whether it is
canonical; :func:`render_byline` writes the canonical form, choosing the zone
abbreviation that reads back to the same instant and offset (:func:`render_when`).
The wire format writes its bylines with these; the html reader reads byline text with them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .._model import Author
from .names import names_canonical, names_text, parse_names
from .zones import BYLINE_FIXED_ZONES, WALL_ZONES, byline_zone

__all__ = [
    "BYLINE",
    "BYLINE_LIKE",
    "DATELESS",
    "Byline",
    "dateless_byline",
    "is_byline_like",
    "m_by",
    "parse_byline",
    "render_byline",
    "render_when",
]

_ABBR_BY_KEY = {key: abbr for abbr, key in WALL_ZONES.items()}
_DEFAULT_FIXED = {-5: "EST", -4: "EDT", -6: "CST", -7: "MST", -8: "PST", -9: "AKST", -10: "HST"}

_BY = r"(?P<by>[Bb][Yy])"
_WHEN = (
    r"(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}) (?P<h>\d{1,2}):(?P<mi>\d{2}) "
    r"(?P<ap>AM|PM|am|pm|a\.m\.|p\.m\.) (?P<z>[A-Z]{2,4})"
)
BYLINE = re.compile(_BY + r"(?: (?P<names>.*?))? - " + _WHEN + r"\Z")
"""A dated byline: ``by NAMES - MM/DD/YY h:mm AM ET`` (NAMES may be missing)."""
BYLINE_LIKE = re.compile(_BY + r"(?: .*?)? - \d{1,2}/\d{1,2}/\d{2,4}\b")
"""Something that was meant as a dated byline, well-formed or not."""
_LOOSE_NAMES = re.compile(_BY + r"(?: (?P<names>.*?))? - \d")
DATELESS = re.compile(_BY + r" (?P<names>[^\W\d_][^\n]{0,150})\Z")
_SENTENCE_END = '.!?:;"”’)'


class Byline(NamedTuple):
    """The fields a byline line gives, and whether it was well-formed."""

    authors: tuple[Author, ...]
    published: datetime | None
    problem: str | None
    canonical: bool = False
    """Whether the line is exactly what :func:`render_byline` gives for these values."""


def dateless_byline(line: str) -> str | None:
    """The names of a byline without a time (``by Jane Doe``), or None."""
    m = DATELESS.match(line)
    if m is None:
        return None
    names = m["names"]
    if not names[0].isupper() or names.endswith(tuple(_SENTENCE_END)) or " - " in names:
        return None
    return names


def is_byline_like(line: str) -> bool:
    """Whether a line would be taken for a byline (dated or not)."""
    return BYLINE_LIKE.match(line) is not None or dateless_byline(line) is not None


def m_by(line: str) -> bool:
    """Whether a byline starts with the canonical lowercase ``by``."""
    return line.startswith("by")


def _hour24(hour: int, ap: str) -> int:
    pm = ap[0] in "pP"
    return (hour % 12) + (12 if pm else 0)


def parse_byline(line: str) -> Byline | None:
    """Parse a byline; None when the line is no byline at all.

    A line that looks like a dated byline but has an impossible date or an unknown zone
    gives the authors, ``published=None`` and a ``problem``.
    """
    m = BYLINE.match(line)
    if m is None:
        if BYLINE_LIKE.match(line):
            loose = _LOOSE_NAMES.match(line)
            found = parse_names(loose["names"])[0] if loose and loose["names"] else ()
            return Byline(found, None, "a byline whose time is not like 'MM/DD/YY h:mm AM ET'")
        names = dateless_byline(line)
        if names is None:
            return None
        dateless, problem = parse_names(names)
        canonical = m_by(line) and problem is None and names_canonical(names)
        return Byline(dateless, None, problem, canonical)
    names_part = m["names"]
    authors: tuple[Author, ...] = ()
    problem = None
    if names_part is not None:
        authors, problem = parse_names(names_part)
    tz = byline_zone(m["z"])
    if tz is None:
        return Byline(authors, None, f"unknown time zone {m['z']!r} in the byline")
    year = int(m["y"])
    year += 2000 if year < 69 else 1900
    hour = int(m["h"])
    if not 1 <= hour <= 12:
        return Byline(authors, None, f"hour {hour} is not on a 12-hour clock")
    try:
        published = datetime(
            year, int(m["mo"]), int(m["d"]), _hour24(hour, m["ap"]), int(m["mi"]), tzinfo=tz
        )
    except ValueError as exc:
        return Byline(authors, None, f"impossible date or time in the byline ({exc})")
    canonical = (
        problem is None
        and m["by"] == "by"
        and len(m["mo"]) == 2
        and len(m["d"]) == 2
        and m["h"][0] != "0"
        and m["ap"] in ("AM", "PM")
        and (names_canonical(names_part) if names_part is not None else not authors)
    )
    return Byline(authors, published, problem, canonical)


def _same_instant(a: datetime, b: datetime) -> bool:
    # via UTC: aware datetimes in a repeated hour never compare equal across zones (PEP 495)
    utc = timezone.utc
    return a.astimezone(utc) == b.astimezone(utc) and a.utcoffset() == b.utcoffset()


def _when_text(wall: datetime, abbr: str) -> str:
    hour = wall.hour % 12 or 12
    ap = "PM" if wall.hour >= 12 else "AM"
    day = f"{wall.month:02d}/{wall.day:02d}/{wall.year % 100:02d}"
    return f"{day} {hour}:{wall.minute:02d} {ap} {abbr}"


def _read_back(wall: datetime, abbr: str) -> datetime | None:
    tz = byline_zone(abbr)
    if tz is None or not 1969 <= wall.year <= 2068:
        return None
    return datetime(wall.year, wall.month, wall.day, wall.hour, wall.minute, tzinfo=tz)


def render_when(published: datetime) -> tuple[str, bool]:
    """The byline time for ``published`` and whether it reads back exactly.

    Tries the article's own zone (``ET`` for America/New_York), then a literal abbreviation
    for its offset (``EST``), then America/New_York; seconds are dropped.
    """
    value = published.replace(second=0, microsecond=0)
    candidates: list[tuple[datetime, str]] = []
    tz = value.tzinfo
    key = getattr(tz, "key", None)
    if isinstance(key, str) and key in _ABBR_BY_KEY:
        candidates.append((value, _ABBR_BY_KEY[key]))
    name = value.tzname()
    offset = value.utcoffset()
    if name in BYLINE_FIXED_ZONES and BYLINE_FIXED_ZONES[name].utcoffset(None) == offset:
        candidates.append((value, name))
    if offset is not None:
        hours, rest = divmod(offset, timedelta(hours=1))
        if not rest and hours in _DEFAULT_FIXED:
            candidates.append((value, _DEFAULT_FIXED[hours]))
        if offset == timedelta(0):
            candidates.append((value, "UTC"))
    ny = value.astimezone(ZoneInfo(WALL_ZONES["ET"]))
    candidates.append((ny, "ET"))
    ny_name = ny.tzname()
    if ny_name in BYLINE_FIXED_ZONES:
        candidates.append((ny, ny_name))
    for wall, abbr in candidates:
        back = _read_back(wall, abbr)
        if back is not None and _same_instant(back, value):
            return _when_text(wall, abbr), value == published

    return _when_text(ny, "ET"), False


def render_byline(authors: Sequence[Author], published: datetime | None) -> str:
    """The canonical byline; ``by`` alone when there is neither an author nor a time."""
    names = names_text(tuple(authors))
    line = "by " + names if names else "by"
    if published is not None:
        line += " - " + render_when(published)[0]
    return line
