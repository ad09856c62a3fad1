"""Choosing the published and updated dates among the candidates of every source.

1. **Trust.** The candidates of the most trusted source win (:func:`tier`): the article's
   JSON-LD node, microdata, meta tags, ``<time>`` elements and microdata properties that
   say what they are, other JSON-LD nodes (a WebPage), a plain ``<time>`` and the URL, a
   date element's text, the text around the title, a script-rendered page's state, the
   day the page's whole text shows most often, the lead image's upload folder. Within
   one tier the most complete candidate wins (a time and a declared offset, then a time,
   then a day), the first of equal completeness.
2. **A later day shown by the title.** When the chosen date is the page's metadata
   (tiers 0 to 4) and no other source states its day, the date the page shows by its
   title or in its date element wins if it is a later day: the page was published again
   after the date its metadata kept (a draft's creation day, an earlier edition), and the
   shown day is the one its readers see. An earlier shown day does not win (it is more
   often another story's or an event's), nor does any shown day against a metadata day
   that two sources state (a meta tag and the JSON-LD, or the URL's path).
3. **Completeness from agreement.** A less trusted candidate that agrees with the choice
   (the same day, or the same wall-clock time or instant) but is more complete refines it:
   a day from JSON-LD and a full timestamp of that day from a meta tag give the timestamp.
   Candidates of the same kind as the choice (another node of the same JSON-LD) come first.
4. **The page's own day.** An instant declared in UTC is expressed in the page's local
   offset when the calendar day differs between the two: readers of the page see its
   local day. The local offset is one another candidate declares, or else the one the
   page shows by stating the same instant as a local time without a zone (the same
   minutes and seconds, whole quarter-hours apart). The instant never changes.

Every candidate is listed in ``html.dates``; the provenance of each chosen date says
where it came from, whether it has a time of day and whether its offset was declared.
"""

from __future__ import annotations

from datetime import timedelta, timezone
from typing import Any

from .found import DateCandidate, Found

__all__ = ["choose_dates", "tier", "wants_shown_date"]

_TIERS = (
    ("microdata:", 1),
    ("meta:", 2),
    ("time:", 3),
    ("itemprop:", 3),
    ("byline", 3),
    ("time", 5),
    ("url", 5),
    ("text:date element", 6),
    ("text:", 7),
    ("script:", 8),
    ("page:", 9),
    ("image:", 10),
)


METADATA_TIERS = 4
"""Tiers 0 to 4 are the page's metadata (JSON-LD, microdata, meta tags, ``<time>``
elements that say what they are); the dates the page shows as text are read only when
they are needed (:func:`wants_shown_date`)."""
_SHOWN = ("text:date element", "text:after title")
_MAX_OFFSET = timedelta(hours=14)  # the widest UTC offset in use (UTC+14, UTC-12)
_OFFSET_STEP = timedelta(minutes=15)  # every offset in use is whole quarter-hours


def tier(source: str) -> int:
    """The trust of a date source: 0 is the most trusted."""
    if source.startswith("json-ld:"):
        return 4 if "." in source else 0  # "json-ld:WebPage.datePublished": another node
    for prefix, rank in _TIERS:
        if source.startswith(prefix):
            return rank
    return 8


def _family(source: str) -> str:
    """The kind of source: ``json-ld``, ``meta``, ``time`` ..."""
    return source.partition(":")[0]


def _agrees(chosen: DateCandidate, other: DateCandidate) -> bool:
    """Whether ``other`` is a more complete statement of the same date as ``chosen``."""
    if other.rank <= chosen.rank:
        return False
    if not chosen.has_time:
        return other.value.date() == chosen.value.date()
    if other.value == chosen.value:  # the same instant: the assumed UTC was right
        return True
    mine, theirs = chosen.value.replace(tzinfo=None), other.value.replace(tzinfo=None)
    return mine.replace(second=0, microsecond=0) == theirs.replace(second=0, microsecond=0)


def _trusted(ordered: list[DateCandidate]) -> DateCandidate:
    """The most complete candidate of the most trusted tier (``ordered`` by tier)."""
    best_tier = tier(ordered[0].source)
    return max((c for c in ordered if tier(c.source) == best_tier), key=lambda c: c.rank)


def _alone(best: DateCandidate, ordered: list[DateCandidate]) -> bool:
    """Whether ``best`` is a metadata date whose day no other source states."""
    if tier(best.source) > METADATA_TIERS:
        return False
    day = best.value.date()
    return not any(c.source != best.source and c.value.date() == day for c in ordered)


def wants_shown_date(candidates: list[DateCandidate]) -> bool:
    """Whether the date a page shows as text is needed beside these published candidates.

    It is when no metadata gives a date, and when the metadata's date is stated by one
    source only (a shown later day then wins, see step 2 of the module's text).
    """
    if not candidates:
        return True
    ordered = sorted(candidates, key=lambda c: tier(c.source))
    best = _trusted(ordered)
    return tier(best.source) > METADATA_TIERS or _alone(best, ordered)


def _shown_later(best: DateCandidate, ordered: list[DateCandidate]) -> DateCandidate:
    """The date shown by the title when it is later than a metadata date stated once."""
    if not _alone(best, ordered):
        return best
    shown = next((c for c in ordered if c.source in _SHOWN), None)
    if shown is None or shown.value.date() <= best.value.date():
        return best
    day = shown.value.date()
    if day.day <= 12 and day.replace(month=day.day, day=day.month) == best.value.date():
        return best  # 11/08 read month first, 08/11 meant: the same day as the metadata's
    return shown


def _choose(candidates: list[DateCandidate], *, shown: bool = False) -> DateCandidate:
    ordered = sorted(candidates, key=lambda c: tier(c.source))  # stable: page order kept
    best = _trusted(ordered)
    if shown:
        best = _shown_later(best, ordered)
    family = _family(best.source)
    for other in sorted(ordered, key=lambda c: _family(c.source) != family):  # same kind first
        if _agrees(best, other):
            best = other
    return best


def _wall_clock(chosen: DateCandidate, candidates: list[DateCandidate]) -> DateCandidate | None:
    """A statement of ``chosen``'s instant as a local time without a zone, if any.

    ``18:09:55`` on the page and ``01:09:55Z`` in the metadata, the same minutes and
    seconds some whole quarter-hours apart: the page's local time, whose offset the
    difference gives.
    """
    for other in candidates:
        if other.has_time and not other.has_offset:
            shift = other.value - chosen.value  # the zoneless time was read as UTC
            if shift and abs(shift) <= _MAX_OFFSET and not shift % _OFFSET_STEP:
                return other
    return None


def _local(
    chosen: DateCandidate, found: Found, candidates: list[DateCandidate]
) -> tuple[DateCandidate, str | None]:
    """``chosen`` expressed in the page's own offset, when that changes the day."""
    if not chosen.has_offset or chosen.value.utcoffset() != timedelta(0):
        return chosen, None
    every = sorted(
        (c for field in found.dates.values() for c in field),
        key=lambda c: tier(c.source),
    )
    local, source = None, None
    for other in every:
        offset = other.value.utcoffset()
        if other.has_offset and offset is not None and offset != timedelta(0):
            local, source = chosen.value.astimezone(other.value.tzinfo), other.source
            break
    else:
        wall = _wall_clock(chosen, candidates)
        if wall is not None:
            local = chosen.value.astimezone(timezone(wall.value - chosen.value))
            source = wall.source
    if local is None or local.date() == chosen.value.date():
        return chosen, None
    return chosen._replace(value=local), source


def choose_dates(found: Found) -> dict[str, Any]:
    """Set ``published`` and ``updated`` from the candidates; return their provenance."""
    provenance: dict[str, Any] = {}
    listing: list[dict[str, Any]] = []
    for field, candidates in found.dates.items():
        listing.extend(c.describe(field) for c in candidates)
        if not candidates:
            continue
        chosen = _choose(candidates, shown=field == "published")
        best, offset_from = _local(chosen, found, candidates)
        found.fields[field] = best.value
        record = best.describe(field)
        del record["field"]
        if offset_from is not None:
            record["offset_from"] = offset_from
        provenance[field] = record
    if listing:
        found.extras["html.dates"] = listing
    return provenance
