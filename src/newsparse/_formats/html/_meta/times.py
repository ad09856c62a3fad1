"""Dates in the page itself: ``<time datetime>`` elements and a date in the URL path."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from .found import Found

__all__ = ["read_times", "read_url_date"]

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|-|\b)")
_MAX_TIMES = 20


def read_times(tree: LexborHTMLParser, found: Found) -> None:
    """The first ``<time datetime>`` elements, as published or updated by their hints."""
    for node in tree.css("time[datetime]")[:_MAX_TIMES]:
        attrs = node.attributes
        hint = " ".join(
            str(attrs.get(k) or "") for k in ("class", "itemprop", "id", "data-testid")
        ).lower()
        parent = node.parent
        if parent is not None:
            hint += " " + str(parent.attributes.get("class") or "").lower()
        raw = attrs.get("datetime")
        if any(w in hint for w in ("modif", "updat", "edited")):
            found.date("updated", raw, "time:updated")
        elif "pubdate" in attrs or any(w in hint for w in ("publish", "posted", "created")):
            found.date("published", raw, "time:published")
        else:
            found.date("published", raw, "time")


def read_url_date(found: Found) -> None:
    """A ``/2024/03/05/`` date in the page's URL, as a day-only candidate."""
    url = found.fields.get("url")
    if not isinstance(url, str):
        return
    m = _URL_DATE.search(url)
    if m is not None:
        found.date("published", f"{m[1]}-{m[2]}-{m[3]}", "url")
