"""Choosing the published and updated dates among the candidates of every source."""

from __future__ import annotations

from typing import Any

from .found import Found

__all__ = ["choose_dates"]


def choose_dates(found: Found) -> dict[str, Any]:
    """Set ``published`` and ``updated`` from the candidates; return their provenance.

    The most complete candidate wins (time and declared offset, then time, then a day);
    among equally complete ones, the first found (the sources' order of trust). Every
    candidate is listed in ``html.dates``.
    """
    provenance: dict[str, Any] = {}
    listing: list[dict[str, Any]] = []
    for field, candidates in found.dates.items():
        listing.extend(c.describe(field) for c in candidates)
        if not candidates:
            continue
        best = max(candidates, key=lambda c: c.rank)  # max keeps the first of equal rank
        found.fields[field] = best.value
        record = best.describe(field)
        del record["field"]
        provenance[field] = record
    if listing:
        found.extras["html.dates"] = listing
    return provenance
