"""Dates in the page's markup: ``<time datetime>``, date properties, and the URL path.

Date properties are microdata ``itemprop`` date properties anywhere on the page and hAtom
``abbr`` titles; the URL gives a day.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .found import Found, furniture

__all__ = ["read_times", "read_url_date"]

_M = r"(0[1-9]|1[0-2])"
_D = r"(0[1-9]|[12]\d|3[01])"
_URL_DATES = (
    # /2024/03/05/, /2024-03-05-title, /20240305/
    (re.compile(rf"/((?:19|20)\d\d)[/-]?{_M}[/-]?{_D}(?:/|-|_|\b)"), (1, 2, 3)),
    # /05-03-2024 (day first, as pages that write it so do)
    (re.compile(rf"/{_D}-{_M}-((?:19|20)\d\d)(?:/|-|_|\b)"), (3, 2, 1)),
)
# an upload folder: /2016/05/04/
_IMAGE_DATES = ((re.compile(rf"/((?:19|20)\d\d)/{_M}/{_D}/"), (1, 2, 3)),)
_MAX_TIMES = 20
_SELECTOR = (
    'time[datetime], [itemprop~="datePublished"], [itemprop~="dateCreated"], '
    '[itemprop~="uploadDate"], [itemprop~="dateModified"], abbr.published[title], '
    "abbr.updated[title]"
)
# what the selector matches is found among the elements of a simpler query (of four
# selectors, not seven: the selector engine's cost is in the number of selectors); every
# date property has "date" or "Date" in its name, and the other properties of a
# microdata-rich page are not read
_CANDIDATES = 'time, [itemprop*="date"], [itemprop*="Date"], abbr'
_DATE_PROPS = frozenset(("datePublished", "dateCreated", "uploadDate", "dateModified"))
_CSS_SPACE = re.compile(r"[ \t\n\r\f]+")  # what separates the words of ~= and of classes


def _dated(tree: LexborHTMLParser) -> list[tuple[LexborNode, dict[str, str | None]]]:
    """What ``tree.css(_SELECTOR)`` gives, with each element's attributes.

    The elements are in page order, each once per selector of the list that it matches
    (as the engine gives them: a ``<time datetime itemprop="datePublished">`` twice).
    """
    out: list[tuple[LexborNode, dict[str, str | None]]] = []
    last = 0
    for node in tree.css(_CANDIDATES):
        if node.mem_id == last:
            continue  # the same element again, for another selector of the query
        last = node.mem_id
        attrs = node.attributes
        tag = node.tag
        itemprop = attrs.get("itemprop")
        matches = 1 if tag == "time" and "datetime" in attrs else 0
        if itemprop:
            matches += len(_DATE_PROPS.intersection(_CSS_SPACE.split(itemprop)))
        if tag == "abbr" and "title" in attrs:
            classes = attrs.get("class") or ""
            words = set(_CSS_SPACE.split(classes))
            lowered = classes.lower()
            if ("published" in lowered and "published" not in words) or (
                "updated" in lowered and "updated" not in words
            ):
                # in quirks mode class names match in any case: the engine decides
                return [(n, n.attributes) for n in tree.css(_SELECTOR)]
            matches += ("published" in words) + ("updated" in words)
        if matches:
            out.extend([(node, attrs)] * matches)
    return out


def read_times(tree: LexborHTMLParser, found: Found) -> None:
    """The first ``<time datetime>`` elements and date properties, by their hints.

    A hint naming the publication wins over one naming an update: WordPress marks an
    entry's date ``class="entry-date published updated"`` until it is edited. A ``<time>``
    without a hint in comments, sidebars and lists of other stories is left out.
    """
    times = 0
    for node, attrs in _dated(tree)[: 2 * _MAX_TIMES]:
        if node.tag == "time" and "datetime" in attrs and "itemprop" not in attrs:
            times += 1
            if times > _MAX_TIMES:
                continue
            hint = " ".join(str(attrs.get(k) or "") for k in ("class", "id", "data-testid"))
            parent = node.parent
            if parent is not None:
                hint += " " + str(parent.attributes.get("class") or "")
            hint = hint.lower()
            raw = attrs.get("datetime")
            if "pubdate" in attrs or any(w in hint for w in ("publish", "posted", "created")):
                found.date("published", raw, "time:published")
            elif any(w in hint for w in ("modif", "updat", "edited")):
                found.date("updated", raw, "time:updated")
            elif not furniture(node, found.content(tree)):
                found.date("published", raw, "time")
            continue
        raw = attrs.get("content") or attrs.get("datetime") or attrs.get("title")
        prop = (attrs.get("itemprop") or attrs.get("class") or "").lower()
        field = "updated" if "modified" in prop or "updated" in prop else "published"
        found.date(field, raw, f"itemprop:{field}")


def _path_date(
    url: object,
    found: Found,
    patterns: tuple[tuple[re.Pattern[str], tuple[int, int, int]], ...],
    source: str,
) -> None:
    """Add the first date of ``patterns`` in ``url``'s path (groups: year, month, day)."""
    if not isinstance(url, str):
        return
    path = url.split("?", 1)[0]
    for pattern, (y, m, d) in patterns:
        match = pattern.search(path)
        if match is not None:
            found.date("published", f"{match[y]}-{match[m]}-{match[d]}", source)
            return


def read_url_date(found: Found) -> None:
    """A date in the page's URL path, as a day-only candidate.

    ``/2024/03/05/``, ``/2024-03-05-title``, ``/20240305/``, ``/05-03-2024``.
    """
    _path_date(found.fields.get("url"), found, _URL_DATES, "url")


def read_image_date(found: Found) -> None:
    """The day of the lead image's upload folder (``/2016/05/04/``), as a day-only candidate.

    Publishing systems store an upload under the folder of its day, and the lead image is
    uploaded with its article: the last resort, when the page gives no date at all.
    """
    media = found.fields.get("media")
    _path_date(getattr(media, "url", None), found, _IMAGE_DATES, "image:url")
