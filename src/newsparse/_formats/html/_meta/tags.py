"""``<meta>`` tags: OpenGraph, ``article:*``, Twitter cards, Dublin Core, Parse.ly, Sailthru.

The sources are a declared table, :data:`META_SOURCES`: for each field, the tag names in
their order of trust and how the field is read from them. One reader per kind interprets
the table, so adding a tag name is one entry, and the order of trust is the order written.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Literal, NamedTuple

from selectolax.lexbor import LexborHTMLParser

from ...._errors import NewsparseError
from ...._json.tolerant import loads
from ...._model import Author, Media
from ...._text.language import language_tag
from ...._text.names import clean_names, dedupe
from ...._text.tidy import tidy
from .found import HTTP, Found

__all__ = ["META_SOURCES", "MetaSource", "meta_tags", "read_meta", "unique"]

Kind = Literal["text", "language", "url", "date", "authors", "tags", "image"]


class MetaSource(NamedTuple):
    """The tags that give one field, in their order of trust, and how to read them.

    Kinds: ``text``, the first tag with a value; ``language``, the first that is a
    language tag (``en_GB`` is ``en-GB``); ``url``, the first absolute ``http(s)`` address;
    ``date``, every value of every tag, as candidates for the date chooser; ``authors``,
    the first tag that names people (repeated tags are several people); ``tags``, the first
    that gives any (repeated tags, else a comma-separated list); ``image``, the first image
    address, with its alt text from ``alt_keys``.
    """

    field: str
    kind: Kind
    keys: tuple[str, ...]
    alt_keys: tuple[str, ...] = ()


META_SOURCES: tuple[MetaSource, ...] = (
    MetaSource(
        "title",
        "text",
        ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "dc:title",
         "dcterms.title", "dcterms:title", "title"),
    ),
    MetaSource(
        "subtitle",
        "text",
        ("og:description", "twitter:description", "description", "dc.description",
         "dcterms.description", "dcterms.abstract", "sailthru.description"),
    ),
    MetaSource(
        "section",
        "text",
        ("article:section", "og:article:section", "parsely-section", "section",
         "article.section", "cxenseparse:articlesection"),
    ),
    MetaSource(
        "publisher",
        "text",
        ("og:site_name", "dc.publisher", "dcterms.publisher", "application-name"),
    ),
    MetaSource(
        "language",
        "language",
        ("content-language", "og:locale", "dc.language", "dcterms.language", "language"),
    ),
    MetaSource("url", "url", ("og:url", "parsely-link", "dc.identifier", "dcterms.identifier")),
    MetaSource(
        "published",
        "date",
        ("article:published_time", "og:article:published_time", "article:published",
         "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
         "dcterms.created", "dc.date.created", "dc.date", "dcterms.date", "date", "pubdate",
         "publishdate", "publish-date", "publish_date", "published-date", "date_published",
         "publication_date", "article.published", "article.created", "datepublished",
         "datecreated", "uploaddate", "og:published_time", "article_date_original",
         "originalpublicationdate", "rnews:datepublished", "citation_publication_date",
         "citation_date", "prism.publicationdate", "bt:pubdate",
         "cxenseparse:recs:publishtime", "shareaholic:article_published_time"),
    ),
    MetaSource(
        "updated",
        "date",
        ("article:modified_time", "og:article:modified_time", "og:updated_time",
         "dcterms.modified", "dc.date.modified", "article.updated", "lastmod",
         "last-modified", "datemodified", "date_modified", "bt:moddate", "dateupdate"),
    ),
    MetaSource(
        "authors",
        "authors",
        ("parsely-author", "sailthru.author", "dc.creator", "dc:creator", "dcterms.creator",
         "dcterms:creator", "author", "article:author", "og:article:author", "twitter:creator"),
    ),
    MetaSource(
        "tags",
        "tags",
        ("article:tag", "og:article:tag", "parsely-tags", "news_keywords", "keywords",
         "sailthru.tags", "dc.subject", "dcterms.subject"),
    ),
    MetaSource(
        "media",
        "image",
        ("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
         "twitter:image:src", "parsely-image-url", "sailthru.image.full", "image"),
        alt_keys=("og:image:alt", "twitter:image:alt"),
    ),
)  # fmt: skip
"""Every meta-tag source of the html reader, field by field, in order of trust."""


def meta_tags(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """The ``<meta>`` tags by lowercased key (``property``, ``name``, ``itemprop`` ...).

    Keys are those of ``property``, ``name``, ``http-equiv`` and ``itemprop``; the values
    of each key are in page order.
    """
    found: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        if content is None:
            continue
        for key_attr in ("property", "name", "http-equiv", "itemprop"):
            key = attrs.get(key_attr)
            if not key:
                continue
            names = key.lower().split() if key_attr in ("property", "itemprop") else [key]
            for name in names:  # RDFa and microdata take several space-separated names
                found.setdefault(name.strip().lower(), []).append(content)
    return found


def unique(items: Iterable[str | None]) -> list[str]:
    """Tidied, non-empty items without repeats (compared casefolded), first kept."""
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        tag = tidy(item)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return out


def _first(meta: dict[str, list[str]], *keys: str) -> tuple[str | None, str]:
    """The first non-empty tidied value of the first of ``keys`` that has one."""
    for key in keys:
        for value in meta.get(key, ()):
            cleaned = tidy(value)
            if cleaned:
                return cleaned, key
    return None, ""


def _people(key: str, values: list[str]) -> list[Author]:
    people: list[Author] = []
    for value in values:
        if HTTP.match(value.strip()) or (key == "twitter:creator" and value.startswith("@")):
            continue  # a profile address or a handle, not a name
        people.extend(Author(n, role=r) for n, r in clean_names(value))
    return people


def _read_source(source: MetaSource, meta: dict[str, list[str]], found: Found) -> None:
    field, kind = source.field, source.kind
    if kind == "text" and field == "title":  # every title is a candidate for the choice
        for key in source.keys:
            value, _ = _first(meta, key)
            found.title(value, f"meta:{key}")
        return
    if kind != "date" and field != "media" and field in found.fields:
        return  # a more trusted source gave it (a lead image may still lack its address)
    if kind == "text":
        value, key = _first(meta, *source.keys)
        found.put(field, value, f"meta:{key}")
        return
    for key in source.keys:
        if kind == "date":
            for raw in meta.get(key, ()):
                found.date(field, raw, f"meta:{key}")
            continue
        if kind == "authors":
            people = _people(key, meta.get(key, []))
            if people:
                found.put(field, dedupe(people), f"meta:{key}")
                return
            continue
        if kind == "tags":
            values = meta.get(key, ())
            if values:
                items = list(values) if len(values) > 1 else values[0].split(",")
                found.put(field, unique(items), f"meta:{key}")
            continue
        value, _ = _first(meta, key)
        if kind == "language":
            found.put(field, language_tag(value), f"meta:{key}")
        elif kind == "url":
            if value and HTTP.match(value):
                found.put(field, value, f"meta:{key}")
        elif value:  # image
            alt, _ = _first(meta, *source.alt_keys)
            found.put(field, Media(value, alt=alt), f"meta:{key}")
            return


def read_meta(meta: dict[str, list[str]], found: Found) -> None:
    """Read every source of :data:`META_SOURCES`, then the legacy ``parsely-page`` JSON."""
    for source in META_SOURCES:
        _read_source(source, meta, found)
    _parsely_page(meta, found)


def _parsely_page(meta: dict[str, list[str]], found: Found) -> None:
    raw = meta.get("parsely-page")
    if not raw:
        return
    try:
        data = loads(html.unescape(raw[0]), format="html")
    except NewsparseError:
        return
    if not isinstance(data, dict):
        return
    for field, key in (("title", "title"), ("section", "section"), ("url", "link")):
        value = data.get(key)
        if isinstance(value, str):
            if field == "title":
                found.title(tidy(value), "meta:parsely-page.title")
            else:
                found.put(field, tidy(value), f"meta:parsely-page.{key}")
    found.date("published", data.get("pub_date"), "meta:parsely-page.pub_date")
    author = data.get("author")
    if isinstance(author, str):
        found.put(
            "authors",
            [Author(n, role=r) for n, r in clean_names(author)],
            "meta:parsely-page.author",
        )
    tags = data.get("tags")
    if isinstance(tags, list):
        found.put("tags", unique(t for t in tags if isinstance(t, str)), "meta:parsely-page.tags")
