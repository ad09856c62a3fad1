"""Front-matter timestamps: RFC 3339 with the offset, and the IANA zone as RFC 9557 writes it.

The writer gives ``2024-03-05T09:30:00-05:00[America/New_York]`` for a datetime in a
``ZoneInfo`` (the bracketed suffix is RFC 9557's, the Internet Extended Date/Time Format),
and the plain RFC 3339 form for fixed offsets. The reader takes those and what people
write in front matter: a space for the ``T``, ``Z``, ``+0100`` or ``+1``, fractions of any
length, a date alone. A time without an offset has no instant: it is resolved only in the
zone the caller names (``zone=``), never in an assumed one.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["TimestampError", "format_datetime", "get_zone", "parse_datetime"]

_STAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"[ \t]?(?:([Zz])|([+-])(\d{1,2})(?::?(\d{2}))?(?::(\d{2})(?:\.(\d{1,6}))?)?)?"
    r"(?:\[!?([A-Za-z0-9_+\-/]{1,64})\])?\Z"
)


class TimestampError(ValueError):
    """A front-matter value that is not a timestamp, or names an instant that is not there."""


def format_datetime(value: datetime) -> str:
    """``value`` as RFC 3339, with ``[Area/City]`` after it when it is in an IANA zone."""
    key = getattr(value.tzinfo, "key", None)
    return value.isoformat() + (f"[{key}]" if isinstance(key, str) else "")


def get_zone(name: str) -> tzinfo:
    """The IANA zone called ``name``; raises TimestampError for an unknown name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise TimestampError(f"unknown time zone {name!r}") from None


def _localize(naive: datetime, zone: tzinfo, raw: str) -> datetime:
    """``naive`` wall time in ``zone``; refused where the wall time is missing or repeated."""
    early = naive.replace(tzinfo=zone, fold=0)
    late = naive.replace(tzinfo=zone, fold=1)
    if early.utcoffset() != late.utcoffset():
        back = early.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)
        if back != naive:
            raise TimestampError(f"{raw!r} does not exist in {zone} (the clocks skip it)")
        raise TimestampError(f"{raw!r} happens twice in {zone}: give its UTC offset")
    return early


def parse_datetime(raw: str, zone: tzinfo | None = None) -> datetime | None:
    """Parse a front-matter timestamp.

    Returns an aware datetime, or ``None`` for a time without offset or zone when no
    ``zone`` is given. Raises TimestampError for anything else.
    """
    match = _STAMP.match(raw.strip())
    if match is None:
        raise TimestampError(
            f"expected an ISO 8601 timestamp such as 2024-03-05T09:30:00-05:00, got {raw!r}"
        )
    y, mo, d, h, mi, s, frac, z, sign, oh, om, osec, ofrac, name = match.groups()
    try:
        naive = datetime(
            int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0),
            int((frac or "0")[:6].ljust(6, "0")),
        )  # fmt: skip
    except ValueError as exc:
        raise TimestampError(f"{raw!r} is not a date: {exc}") from None
    named = get_zone(name) if name else None
    if z or sign:
        offset = timedelta(0)
        if sign:
            offset = timedelta(
                hours=int(oh),
                minutes=int(om or 0),
                seconds=int(osec or 0),
                microseconds=int((ofrac or "0").ljust(6, "0")),
            )
            if offset >= timedelta(hours=24):
                raise TimestampError(f"{raw!r} has an offset of a day or more")
            offset = -offset if sign == "-" else offset
        try:
            value = naive.replace(tzinfo=timezone(offset))
            if named is None:
                return value
            zoned = value.astimezone(named)
        except (OverflowError, ValueError):
            raise TimestampError(f"{raw!r} is too close to the ends of time") from None
        if zoned.utcoffset() != offset:
            raise TimestampError(
                f"{raw!r}: {name} is at UTC{zoned.isoformat()[-6:]} then, not at that offset"
            )
        return zoned
    if named is not None:
        return _localize(naive, named, raw)
    if zone is not None:
        return _localize(naive, zone, raw)
    return None
