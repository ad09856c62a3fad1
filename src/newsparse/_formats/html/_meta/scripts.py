r"""Dates in a page's application state: the JSON that a script-rendered page embeds.

Pages rendered by a JavaScript framework, and shop pages, often carry their record in a
script and nowhere else: ``<script id="__NEXT_DATA__" type="application/json">``,
``window.__STATE__ = {…}``, a product's JSON, each with
``"publishedAt": "2022-01-31T15:58:43+01:00"``. When no other source gave a publication
date, the text of the page's scripts is searched for a key that names the publication
(``published_at``, ``publishedAt``, ``datePublished``, ``publishDate``,
``firstPublishedAt``, …) with an ISO 8601 value, and failing that for a key that names the
record's creation (``createdAt``, ``created_at``, ``dateCreated``). The first match in page
order is taken: a state holds the page's own record first and the lists it shows
(related stories, comments) after it, as the page renders them. Keys inside a JSON string
(``\"publishedAt\":\"…\"``, state serialised twice) are found too.

It is the least trusted source of a date (after the dates a page shows as text), and it
reads each script's text once, with one regular expression whose alternatives are literal
keys: linear in the size of the scripts.
"""

from __future__ import annotations

import re
from typing import Final

from selectolax.lexbor import LexborHTMLParser

from .found import Found

__all__ = ["read_script_dates"]

_PUBLISHED: Final = (
    "published_at", "publishedAt", "publishedDate", "published_date", "datePublished",
    "date_published", "publishDate", "publish_date", "publicationDate", "publication_date",
    "firstPublishedAt", "first_published_at", "firstPublishedDate", "pubDate",
)  # fmt: skip
_CREATED: Final = ("createdAt", "created_at", "dateCreated", "date_created", "creationDate")

_KEY_VALUE: Final = re.compile(
    r'\\?"(' + "|".join(_PUBLISHED + _CREATED) + r')\\?"\s*:\s*\\?"'
    r"(\d{4}-\d{2}-\d{2}(?:[T ][0-9:.,]{4,15}(?:Z|[+-]\d{2}:?\d{2})?)?)\\?\""
)
_PUBLISHED_KEYS: Final = frozenset(_PUBLISHED)
_MAX_SCRIPTS: Final = 200  # scripts read on one page (each read whole, once)


def read_script_dates(tree: LexborHTMLParser, found: Found) -> None:
    """Add the publication date of the page's application state (see the module docstring)."""
    created: tuple[str, str] | None = None
    for count, script in enumerate(tree.css("script")):
        if count >= _MAX_SCRIPTS:
            break
        text = script.text(deep=True)
        if '"' not in text:
            continue
        for match in _KEY_VALUE.finditer(text):
            key, value = match.group(1), match.group(2)
            if key in _PUBLISHED_KEYS:
                found.date("published", value, f"script:{key}")
                if found.dates["published"]:
                    return
            elif created is None:
                created = key, value
    if created is not None:
        found.date("published", created[1], f"script:{created[0]}")
