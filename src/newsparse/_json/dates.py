"""RFC 3339 datetimes with their UTC offset, written and read by the JSON-based formats."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import msgspec

__all__ = ["format_datetime", "parse_datetime"]

# Python allows offsets with seconds (and microseconds), e.g. local mean time
# (LMT, -04:56:02) in historical zones; RFC 3339 does not. They are written as
# "+04:56:02" (as datetime.isoformat does) and read back here.
_ODD_OFFSET = re.compile(r"(.+?)([+-])(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?\Z")


def format_datetime(value: datetime) -> str:
    """``value`` as RFC 3339 with its offset, keeping seconds and microseconds.

    The zone *name* is lost: a ZoneInfo becomes the fixed offset it had at that instant.
    """
    return value.isoformat()


def parse_datetime(text: str) -> datetime | None:
    """Parse an RFC 3339 datetime that carries an offset; ``None`` if it is not one."""
    try:
        value = msgspec.convert(text, datetime)
    except msgspec.ValidationError:
        match = _ODD_OFFSET.match(text)
        if match is None:
            return None
        base, sign, hh, mm, ss, frac = match.groups()
        try:
            naive = msgspec.convert(base, datetime)
        except msgspec.ValidationError:
            return None
        if naive.tzinfo is not None:
            return None
        micro = int((frac or "0").ljust(6, "0"))
        offset = timedelta(hours=int(hh), minutes=int(mm), seconds=int(ss), microseconds=micro)
        if offset >= timedelta(hours=24):
            return None
        value = naive.replace(tzinfo=timezone(-offset if sign == "-" else offset))
    if value.tzinfo is None:
        return None
    return value
