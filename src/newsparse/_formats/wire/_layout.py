"""The pieces of the wire layout both the reader and the writer need.

Each line kind (header, byline, caption, Tags line, contributor note) has a parse function
that turns the line into field values and a render function that gives the canonical line
for field values. The reader keeps a raw line in ``extras`` only when
``render(parse(raw)) != raw``; the writer uses a kept raw line only when ``parse(raw)``
still gives the article's current values, so an edited Article never gets stale text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo

from ..._build import media as _build_media
from ..._model import Author, Media
from ._tags import segment, split_tags_line

__all__ = [
    "FIXED_ZONES",
    "WALL_ZONES",
    "Byline",
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
]

FORMAT = "wire"

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
}
FIXED_ZONES: dict[str, tzinfo] = {
    name: timezone(timedelta(hours=hours), name) for name, hours in _FIXED_HOURS.items()
}
"""Literal abbreviations read as fixed offsets (``EST`` is -05:00 even in July)."""
FIXED_ZONES["UTC"] = timezone.utc

_ABBR_BY_KEY = {key: abbr for abbr, key in WALL_ZONES.items()}
_DEFAULT_FIXED = {-5: "EST", -4: "EDT", -6: "CST", -7: "MST", -8: "PST", -9: "AKST", -10: "HST"}

_zone_cache: dict[str, tzinfo] = {}


def zone(abbr: str) -> tzinfo | None:
    """The tzinfo for a zone abbreviation of the byline, or None when unknown."""
    found = _zone_cache.get(abbr)
    if found is None:
        if abbr in WALL_ZONES:
            found = ZoneInfo(WALL_ZONES[abbr])
        elif abbr in FIXED_ZONES:
            found = FIXED_ZONES[abbr]
        else:
            return None
        _zone_cache[abbr] = found
    return found


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
# byline

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

# Nouns that make the last comma-separated part of a byline a role rather than a name,
# whatever its capitalisation ("Opinion Contributors", "Staff Writer", "chief correspondent").
_ROLE_NOUNS = frozenset(
    {
        "analyst",
        "columnist",
        "contributor",
        "correspondent",
        "critic",
        "editor",
        "economist",
        "fellow",
        "intern",
        "journalist",
        "photographer",
        "producer",
        "reporter",
        "researcher",
        "staff",
        "strategist",
        "writer",
    }
)
_SUFFIX = re.compile(r"((?:Jr|Sr|II|III|IV|V|VI|PhD|Ph\.D|MD|M\.D|Esq)\.?)(?:\Z| and (.*)\Z)")


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


def _is_role(part: str) -> bool:
    """Whether the last part of a byline's names is a role ("opinion contributor")."""
    if part[:1].islower():
        return True
    last = part.rsplit(" ", 1)[-1].casefold()
    return last in _ROLE_NOUNS or (last.endswith("s") and last[:-1] in _ROLE_NOUNS)


@functools.lru_cache(maxsize=1024)
def parse_names(names: str) -> tuple[tuple[Author, ...], str | None]:
    """Split the names part of a byline into Authors; also return a problem, if any."""
    parts: list[str] = []
    for part in names.split(", "):
        m = _SUFFIX.match(part) if parts else None
        if m is not None:
            parts[-1] += ", " + m[1]  # "Martin Cole, Jr." keeps its suffix
            if m[2]:
                parts.append(m[2])
        else:
            parts.append(part)
    role = None
    if len(parts) > 1 and not parts[-1].startswith("and ") and _is_role(parts[-1]):
        role = parts.pop()
    people: list[str] = []
    for i, part in enumerate(parts):
        if i > 0 and part.startswith("and "):
            part = part[4:]  # a serial comma: "A, B, and C"
        people.extend(part.split(" and "))
    problem = None
    if any(not p.strip() for p in people):
        problem = "an empty name in the byline"
    if role is not None and len(people) > 1 and role.endswith("s"):
        role = role[:-1]
    return tuple(Author(p, role=role) for p in people), problem


def m_by(line: str) -> bool:
    """Whether a byline starts with the canonical lowercase ``by``."""
    return line.startswith("by")


@functools.lru_cache(maxsize=1024)
def names_canonical(names: str) -> bool:
    """Whether the names part of a byline is exactly how the writer renders its authors."""
    authors, problem = parse_names(names)
    return problem is None and _names_text(authors) == names


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
    tz = zone(m["z"])
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


@functools.lru_cache(maxsize=1024)
def _names_text(authors: tuple[Author, ...]) -> str:
    names = [a.name for a in authors]
    if not names:
        return ""
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    roles = {a.role for a in authors}
    if len(roles) == 1:
        role = next(iter(roles))
        if role:
            text += ", " + (role if len(names) == 1 else role + "s")
    return text


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
    tz = zone(abbr)
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
    if name in FIXED_ZONES and FIXED_ZONES[name].utcoffset(None) == offset:
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
    if ny_name in FIXED_ZONES:
        candidates.append((ny, ny_name))
    for wall, abbr in candidates:
        back = _read_back(wall, abbr)
        if back is not None and _same_instant(back, value):
            return _when_text(wall, abbr), value == published

    return _when_text(ny, "ET"), False


def render_byline(authors: Sequence[Author], published: datetime | None) -> str:
    """The canonical byline; ``by`` alone when there is neither an author nor a time."""
    names = _names_text(tuple(authors))
    line = "by " + names if names else "by"
    if published is not None:
        line += " - " + render_when(published)[0]
    return line


# ---------------------------------------------------------------------------
# caption


def parse_caption(text: str) -> Media:
    """The Media of a caption line: the last parenthetical (at the very end) is the credit."""
    end = text.rstrip()
    if end.endswith(")"):
        opening = end.rfind("(", 0, len(end) - 1)
        if opening >= 0:
            credit = end[opening + 1 : -1]
            if ")" not in credit:
                return _media(end[:opening].rstrip(" \t") or None, credit)
    return _media(text, None)


def _media(caption: str | None, credit: str | None) -> Media:
    """The image a caption line describes: no URL, the caption and the credit."""
    return _build_media(None, caption, credit, "image", None)


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


def render_caption(media: Media) -> str | None:
    """The canonical caption line of ``media``, or None when it has neither part."""
    caption = media.caption or ""
    if media.credit is None:
        return caption or None
    credit = f"({media.credit})"
    return f"{caption} {credit}" if caption else credit


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


# ---------------------------------------------------------------------------
# contributor notes

_CONTRIBUTED = re.compile(
    r"\bcontribut(?:ed|ing|es)\b.{0,60}?\b(?:report|reports|reporting|story|article|coverage)\b",
    re.IGNORECASE,
)
NOTE = re.compile(
    r"""
    (?:
        (?:this|the)\ (?:story|article|report|post|item)\ (?:has\ been|was|is\ being|had\ been)
            \ (?:updated|corrected|revised|amended|edited)\b
      | (?:additional\ )?reporting\ (?:by|from)\b
      | (?:editing|edited|written|writing|compiled|produced)\ by\b
      | (?:correction|update|clarification|editor['’]s\ note)\s*[:—–-]
      | this\ (?:story|article|report)\ (?:first\ )?appeared\ (?:in|on)\b
      | updated(?:\ at|\ on)?\ (?:\d
            | (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\ \d
            | (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""A contributor note or update notice that follows the body, not a body paragraph."""

_NOTE_MAX = 400


def is_note(line: str) -> bool:
    """Whether a one-line block after the body is a contributor note.

    Notes: ``… contributed to this report`` (or ``reporting``, ``… story``), ``This story
    has been updated …``, ``Updated at 8:15 a.m.``, ``Additional reporting by …``,
    ``Editing by …``, ``Correction: …``, ``This article first appeared in …``.
    """
    if len(line) > _NOTE_MAX or "\n" in line:
        return False
    if NOTE.match(line) is not None:
        return True
    at = line.find("ontribut")
    return at > 0 and _CONTRIBUTED.search(line, at - 1) is not None
