r"""The metadata of real news pages, from every source a page may carry it in.

One module per source, each adding what it finds to a :class:`~.found.Found`:

- :mod:`.jsonld`: JSON-LD (``<script type="application/ld+json">``, read tolerantly:
  ``@graph``, ``@id`` references, arrays, broken JSON);
- :mod:`.microdata`: schema.org microdata (an ``itemscope`` of an article type and its own
  ``itemprop``\ s);
- :mod:`.tags`: ``<meta>`` tags, a declared table (OpenGraph and ``article:*``, Twitter
  cards, Dublin Core, Parse.ly, Sailthru, the plain ``author``/``keywords``/
  ``description`` tags);
- :mod:`.times`: ``<time datetime>`` elements and a date in the URL;
- :mod:`.byline`: ``rel=author`` links and byline text (``by A and B - 03/05/24 9:30 AM
  ET``, read with :mod:`newsparse._text.bylines`);
- :mod:`.title`: the ``<h1>`` and ``<title>``, and site names cut from titles;
- :mod:`.figure`: the caption, credit and alt text of the lead image;
- :mod:`.visible`: the dates a page shows only as text;
- :mod:`.scripts`: a publication date in the application state a script-rendered page
  embeds;
- :func:`.visible.read_page_dates`: the day the whole page's text shows most often, and
  :func:`.times.read_image_date`, the lead image's upload folder (the last resorts);
- :mod:`.choose`: the choice among the date candidates.

Each field takes the first source that gives it, in this order of trust: JSON-LD,
microdata, ``<html lang>`` (language), meta tags, ``<link rel=canonical>`` (the URL, over
every other source), byline text (authors), the ``<h1>`` and ``<title>`` (title), the lead
figure (media). Dates are candidates from every source, chosen by completeness (see
:mod:`.choose`).

:func:`extract` returns the Article's field values and ``html.*`` extras, among them
``html.provenance``: where each field came from, and for each date whether it has a time
of day and whether its UTC offset was declared. A date without a time of day never
overrides a full timestamp from another source, and a timestamp with a declared offset
beats one whose zone had to be assumed.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...._text.language import language_tag
from ...._text.lexicon import PLATFORMS
from ...._text.tidy import tidy
from .byline import publisher_authors, read_byline
from .choose import choose_dates, wants_shown_date
from .figure import read_lead_figure
from .found import HTTP, Found
from .jsonld import read_jsonld
from .microdata import read_microdata
from .scripts import read_script_dates
from .tags import meta_tags, read_meta
from .times import read_image_date, read_times, read_url_date
from .title import read_title
from .visible import read_page_dates, read_visible_dates

__all__ = ["extract"]


def _publication(meta: dict[str, list[str]], found: Found) -> None:
    """A publishing platform named as the publisher gives way to the publication's name.

    ``Medium`` or ``Blogger`` as the JSON-LD publisher, and the blog's own name in
    ``og:site_name``: the blog is the publisher (``html.platform`` keeps the platform).
    """
    publisher = found.fields.get("publisher")
    if not isinstance(publisher, str) or publisher.casefold() not in PLATFORMS:
        return
    for key in ("og:site_name", "application-name", "dc.publisher", "twitter:site"):
        for value in meta.get(key, ()):
            name = tidy(value)
            if name and name.casefold() not in PLATFORMS and not name.startswith("@"):
                found.extras["html.platform"] = publisher
                found.fields["publisher"] = name
                found.source["publisher"] = f"meta:{key}"
                return


def extract(
    tree: LexborHTMLParser, articles: list[LexborNode] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The Article fields of a real page and the JSON-LD ``articleBody`` paragraphs.

    ``fields`` holds keyword arguments for :class:`~newsparse.Article` (``title`` may be
    missing), including ``extras`` with ``html.provenance``. ``articles``: the page's
    ``<article>`` elements, when the caller has them already (else they are looked for).
    """
    if articles is None:
        articles = tree.css("article")
    found = Found(articles[0] if articles else None)
    meta = meta_tags(tree)
    site = tidy(next(iter(meta.get("og:site_name", ())), None))
    if site:
        found.extras["html.site_name"] = site
    body = read_jsonld(tree, found)
    read_microdata(tree, found)
    root = tree.root
    for node, attr, source in ((root, "lang", "html:lang"), (root, "xml:lang", "html:xml:lang")):
        if node is not None:
            found.put("language", language_tag(node.attributes.get(attr)), source)
    canonical = tree.css_first('link[rel~="canonical"][href]')
    read_meta(meta, found)
    page = tree.body
    if page is not None:  # the language of the whole body, after the head's declarations
        found.put("language", language_tag(page.attributes.get("lang")), "body:lang")
    if canonical is not None:
        href = (canonical.attributes.get("href") or "").strip()
        absolute = urljoin(found.fields.get("url") or "", href) if href else ""
        if HTTP.match(absolute):
            found.fields["url"] = absolute
            found.source["url"] = "link:canonical"
    _publication(meta, found)
    read_title(tree, found)
    read_times(tree, found)
    replace = publisher_authors(found)
    if (
        replace
        or "authors" not in found.fields
        or not any(c.rank == 2 for c in found.dates["published"])
    ):
        read_byline(tree, found, replace=replace)  # the last resort, and the costliest query
    read_lead_figure(tree, found)
    read_url_date(found)
    if wants_shown_date(found.dates["published"]):
        read_visible_dates(tree, found)
    if not found.dates["published"]:
        read_script_dates(tree, found)  # a script-rendered page's state
    if not found.dates["published"]:
        read_page_dates(tree, found)  # the page's whole text
    if not found.dates["published"]:
        read_image_date(found)  # the last resort: the lead image's upload folder
    provenance: dict[str, Any] = dict(found.source)
    if "media" in found.fields:
        provenance["media"] = found.source.get("media", "figure")
    provenance.update(choose_dates(found))
    found.extras["html.provenance"] = provenance
    fields = dict(found.fields)
    if "media" in fields:
        fields["media"] = (fields["media"],)
    fields["extras"] = found.extras
    return fields, body
