"""Dates in the page's markup: ``<time datetime>``, date properties, and the URL path.

Date properties are microdata ``itemprop`` date properties anywhere on the page and hAtom
``abbr`` titles; the URL gives a day.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from .found import Found, furniture, title_line

__all__ = ["read_times", "read_url_date"]

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|-|\b)")
_MAX_TIMES = 20
_PROPS = (
    '[itemprop~="datePublished"], [itemprop~="dateCreated"], [itemprop~="uploadDate"], '
    '[itemprop~="dateModified"], abbr.published[title], abbr.updated[title]'
)


def read_times(tree: LexborHTMLParser, found: Found) -> None:
    """The first ``<time datetime>`` elements, as published or updated by their hints.

    A hint naming the publication wins over one naming an update: WordPress marks an
    entry's date ``class="entry-date published updated"`` until it is edited. Elements in
    comments, sidebars and lists of other stories are left out.
    """
    content: frozenset[int] | None = None
    for node in tree.css("time[datetime]")[:_MAX_TIMES]:
        attrs = node.attributes
        hint = " ".join(
            str(attrs.get(k) or "") for k in ("class", "itemprop", "id", "data-testid")
        ).lower()
        parent = node.parent
        if parent is not None:
            hint += " " + str(parent.attributes.get("class") or "").lower()
        raw = attrs.get("datetime")
        if "pubdate" in attrs or any(w in hint for w in ("publish", "posted", "created")):
            found.date("published", raw, "time:published")
        elif any(w in hint for w in ("modif", "updat", "edited")):
            found.date("updated", raw, "time:updated")
        else:
            title = found.fields.get("title")
            content = title_line(tree, title) if content is None else content
            if not furniture(node, content):
                found.date("published", raw, "time")
    for node in tree.css(_PROPS)[:_MAX_TIMES]:
        attrs = node.attributes
        raw = attrs.get("content") or attrs.get("datetime") or attrs.get("title")
        prop = (attrs.get("itemprop") or attrs.get("class") or "").lower()
        field = "updated" if "modified" in prop or "updated" in prop else "published"
        found.date(field, raw, f"itemprop:{field}")


def read_url_date(found: Found) -> None:
    """A ``/2024/03/05/`` date in the page's URL, as a day-only candidate."""
    url = found.fields.get("url")
    if not isinstance(url, str):
        return
    m = _URL_DATE.search(url)
    if m is not None:
        found.date("published", f"{m[1]}-{m[2]}-{m[3]}", "url")
