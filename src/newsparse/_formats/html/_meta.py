r"""The metadata of real news pages, from every source a page may carry it in.

:func:`extract` looks at, in this order of trust for each field:

- JSON-LD (``<script type="application/ld+json">``, read tolerantly by the ``jsonld``
  format's reader: ``@graph``, ``@id`` references, arrays, broken JSON);
- schema.org microdata (an ``itemscope`` of an article type and its own ``itemprop``\\ s);
- OpenGraph and ``article:*`` tags, Twitter cards, Dublin Core (``DC.*``, ``dcterms.*``),
  Parse.ly (``parsely-*`` and the legacy ``parsely-page`` JSON), Sailthru (``sailthru.*``)
  and the plain ``author``/``keywords``/``news_keywords``/``description`` meta tags;
- ``<time datetime>`` elements, ``rel=author`` links and byline text (``by A and B -
  03/05/24 9:30 AM ET`` is read with the wire format's byline parser);
- ``<html lang>``, ``<link rel=canonical>``, ``<h1>``, ``<title>``, a date in the URL.

It returns the Article's field values and ``html.*`` extras, among them
``html.provenance``: where each field came from, and for each date whether it has a time
of day and whether its UTC offset was declared. A date without a time of day never
overrides a full timestamp from another source, and a timestamp with a declared offset
beats one whose zone had to be assumed.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..._errors import NewsparseError
from ..._model import Author, Media
from ..jsonld._dates import DATE_ONLY, parse_date
from ..jsonld._read import ARTICLE_TYPES, fields_from_jsonld, types_of
from ..jsonld._tolerant import loads
from ..wire._layout import BYLINE, parse_byline, parse_caption, parse_names

__all__ = ["DateCandidate", "Found", "extract", "meta_tags"]

_WS = re.compile(r"[ \t\n\r\f]+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z")
_HTTP = re.compile(r"https?://", re.IGNORECASE)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|-|\b)")
_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", " ~ ")
_NON_ALNUM = re.compile(r"[\W_]+")
_BY_PREFIX = re.compile(
    r"\A(?:(?:written|posted|published|reported|words|story|text|analysis|opinion|commentary"
    r"|column|review|interview|report|photos?|video|reporting)\s+)?by\s*[:\-–—]?\s+",
    re.IGNORECASE,
)
# "Text: Jane Doe", "Texto: …", "Текст: …": a one-word label and a colon before the names
_AUTHOR_LABEL = re.compile(
    r"\A(?:authors?|writers?|reporters?|bylines?|[^\W\d_]{2,12})\s*:\s+(?=[^\W\d_])",
    re.IGNORECASE,
)
# a date or weekday glued to the name by the page's markup: "Carrie ArnoldNovember 15"
_GLUED_DATE = re.compile(
    r"(?<=[a-z])(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
)
# an outlet glued to an upper-case name: "JILL LAWLESSAssociated Press"
_GLUED_WORD = re.compile(r"(?<=[A-Z]{2})(?=[A-Z][a-z]{2,})")
# agencies and outlets that follow a name in a credit: "Tom Davies Associated Press"
_AGENCY = re.compile(
    r"\s+(?P<agency>(?:The\s+)?Associated\s+Press|Reuters|AFP|Agence\s+France-Presse|Bloomberg"
    r"|USA\s+TODAY|UPI|PTI|IANS|Xinhua|Kyodo|Yonhap|TASS)\Z"
)
# academic and professional credentials that a page lists like names: "Rachael Link, MS, RD"
_CREDENTIAL = re.compile(
    r"(?:MS|MSc|MA|MBA|MD|MPH|PhD|Ph\.D\.?|RD|RDN|LD|RN|NP|PA-C|DO|DDS|DVM|JD|CPT|CSCS|CFP|CPA"
    r"|Esq\.?)\Z"
)
_FORM_NOTE = re.compile(r"\(\s*[^\W\d_A-Z][^)]*\)")
_PARTICLES = frozenset(
    ("de", "da", "do", "dos", "das", "del", "della", "der", "den", "van", "von", "bin", "ibn",
     "al", "el", "la", "le", "los", "las", "du", "di", "y", "e", "and")
)  # fmt: skip
_NAME_STOP = re.compile(
    r"\s*(?:\||•|·|\bupdated\b|\bpublished\b|\bposted\b|\bemail\b|\bfollow\b|\bcontact\b|"
    r"\bon\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"\s-\s|\s–\s|\s—\s|\d{1,2}[:/.]\d{1,2}|\b\d{4}\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.IGNORECASE,
)
_JUNK_NAME = re.compile(
    r"@|https?:|www\.|\.com\b|\bemail\b|\bthe author\b|\bfollow\b|\bread more\b|^\W*$",
    re.IGNORECASE,
)
_BYLINE_CSS = (
    '[class*="byline" i], [id*="byline" i], [class*="submitted" i], [rel~="author"], '
    '[itemprop~="author"], [class*="author" i], [class*="posted-by" i]'
)
_AND = re.compile(r"\s+(?:and|AND|And|&)\s+")
_MAX_BYLINE = 300
_MAX_NAME_WORDS = 7


class DateCandidate(NamedTuple):
    """A date a page gives for a field, where it came from, and how complete it is."""

    value: datetime
    source: str
    has_time: bool
    has_offset: bool

    @property
    def rank(self) -> int:
        """2: time and declared offset; 1: time, zone assumed; 0: day only."""
        return (1 + self.has_offset) if self.has_time else 0

    def describe(self, field: str) -> dict[str, Any]:
        """A JSON-like record for ``html.dates`` / ``html.provenance``."""
        return {
            "field": field,
            "source": self.source,
            "value": self.value.isoformat(),
            "time_of_day": self.has_time,
            "offset": "declared"
            if self.has_offset
            else ("assumed UTC" if self.has_time else "none (date only)"),
        }


class Found:
    """Field values found so far, the source of each, and the date candidates."""

    def __init__(self) -> None:
        self.fields: dict[str, Any] = {}
        self.source: dict[str, str] = {}
        self.dates: dict[str, list[DateCandidate]] = {"published": [], "updated": []}
        self.extras: dict[str, Any] = {}

    def put(self, field: str, value: Any, source: str) -> None:
        """Set ``field`` unless an earlier (more trusted) source set it."""
        if field == "section":
            value = _section(value)
        if field in self.fields or value in (None, "", [], ()):
            return
        self.fields[field] = value
        self.source[field] = source

    def date(self, field: str, raw: object, source: str) -> None:
        """Add a date candidate from a raw string (ISO 8601, RFC 822)."""
        if not isinstance(raw, str) or not raw.strip():
            return
        value, note = parse_date(raw.strip())
        if value is None:
            return
        has_time = note != DATE_ONLY
        self.dates[field].append(DateCandidate(value, source, has_time, note is None))


# values CMSs put in a section field that name no section: a post type, the home page,
# a placeholder
_NOT_SECTIONS = frozenset(
    ("post", "posts", "page", "article", "articles", "story", "home", "homepage", "home page",
     "front page", "frontpage", "all", "default", "uncategorized", "uncategorised", "index",
     "main", "none", "null", "undefined")
)  # fmt: skip
_DOMAIN_LIKE = re.compile(r"\A(?:[\w-]+\.)+[a-z]{2,}\Z", re.IGNORECASE)


def _section(value: Any) -> Any:
    """A section name as a reader wants it, or None.

    ``/columnists/`` is ``columnists``; a domain name or a placeholder such as ``post`` or
    ``Front Page`` is no section.
    """
    if not isinstance(value, str):
        return value
    text = value.strip().strip("/").strip()
    if "/" in text and " " not in text:
        text = text.rsplit("/", 1)[-1]  # a path: its last part
    if not text or _DOMAIN_LIKE.match(text) or text.casefold() in _NOT_SECTIONS:
        return None
    return text


def text_of(node: LexborNode) -> str:
    """The text of an element with whitespace runs collapsed (as a browser shows it)."""
    return _WS.sub(" ", node.text(deep=True)).strip()


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    if "&" in value:
        value = _html.unescape(value)
    value = _WS.sub(" ", value).strip()
    return value or None


def meta_tags(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """The ``<meta>`` tags by lowercased ``property``/``name``/``http-equiv``, in page order."""
    found: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        if content is None:
            continue
        for key_attr in ("property", "name", "http-equiv"):
            key = attrs.get(key_attr)
            if key:
                found.setdefault(key.strip().lower(), []).append(content)
    return found


# ---------------------------------------------------------------------------
# JSON-LD


def _jsonld(tree: LexborHTMLParser, found: Found) -> list[str]:
    """Read the JSON-LD blocks into ``found``; return the articleBody paragraphs, if any."""
    blocks: list[Any] = []
    broken = 0
    for node in tree.css("script"):
        kind = (node.attributes.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        raw = node.text(deep=True)
        if not raw.strip():
            continue
        try:
            blocks.append(loads(raw, format="html"))
        except NewsparseError:
            try:  # one property per line, with unescaped quotes inside a value
                blocks.append(loads(_escape_inner_quotes(raw), format="html"))
            except NewsparseError:
                broken += 1
    if broken:
        found.extras["html.jsonld_unreadable"] = broken
    if not blocks:
        return []
    try:
        result = fields_from_jsonld(blocks)
        if result is None:  # no article node: a WebPage node with a headline stands in
            page = next((n for n in _nodes(blocks) if _page_like(n)), None)
            if page is not None:
                result = fields_from_jsonld([{**page, "@type": "Article"}, blocks])
    except (NewsparseError, RecursionError):
        return []
    if result is None:
        _other_dates(blocks, found)
        return []
    fields, source = result
    extras = fields.pop("extras", {})
    notes = extras.get("jsonld._dates", {})
    kinds = extras.pop("jsonld._author_types", None)
    for key, value in extras.items():
        if not key.startswith("jsonld._"):
            found.extras.setdefault(key, value)
    for field in ("published", "updated"):
        if field in fields:
            prop = source[field]
            note = notes.get(prop, {}).get("note") if isinstance(notes, dict) else None
            found.dates[field].append(
                DateCandidate(fields.pop(field), f"json-ld:{prop}", note != DATE_ONLY, note is None)
            )
    _other_dates(blocks, found)
    body = fields.pop("body", None)
    authors = fields.pop("authors", None)
    if authors:
        cleaned = _clean_authors(authors, kinds)
        if cleaned:
            found.put("authors", cleaned, f"json-ld:{source['authors']}")
            if kinds and any(k not in ("Person", "") for k in kinds):
                found.extras["html.author_types"] = list(kinds)
    media = fields.pop("media", None)
    if media:
        found.put("media", media[0], "json-ld:image")
    section = fields.get("section")
    if isinstance(section, str) and "," in section:  # "a,b" instead of an array
        parts = [p.strip() for p in section.split(",") if p.strip()]
        fields["section"] = parts[0] if parts else None
        found.extras["html.sections"] = parts
    for field, value in fields.items():
        if isinstance(value, str) and field != "url":
            value = _clean(value)
        found.put(field, value, f"json-ld:{source.get(field, field)}")
    return [p.text for p in body] if body else []


_QUOTED_LINE = re.compile(r'(?m)^(\s*"[^"\n]+"\s*:\s*")(.*)("\s*,?\s*)$')
_MAX_JSONLD_NODES = 5000


def _escape_inner_quotes(text: str) -> str:
    """Escape the quotes inside a string value that fills a line: ``"k": "a "b" c",``."""
    return _QUOTED_LINE.sub(lambda m: m[1] + re.sub(r'(?<!\\)"', '\\"', m[2]) + m[3], text)


def _nodes(data: Any) -> list[dict[str, Any]]:
    """The objects of decoded JSON-LD in document order (bounded)."""
    out: list[dict[str, Any]] = []
    stack: list[Any] = [data]
    while stack and len(out) < _MAX_JSONLD_NODES:
        item = stack.pop()
        if isinstance(item, dict):
            out.append(item)
            stack.extend(reversed([v for v in item.values() if isinstance(v, (dict, list))]))
        elif isinstance(item, list):
            stack.extend(reversed([v for v in item if isinstance(v, (dict, list))]))
    return out


def _page_like(node: dict[str, Any]) -> bool:
    return any(t.endswith("Page") for t in types_of(node)) and isinstance(node.get("headline"), str)


def _other_dates(blocks: list[Any], found: Found) -> None:
    """Dates of the other JSON-LD nodes (a WebPage, a ClaimReview), after the article's."""
    for node in _nodes(blocks):
        kind = (types_of(node) or ["node"])[0]
        for prop, field in (("datePublished", "published"), ("dateModified", "updated")):
            raw = node.get(prop)
            if not isinstance(raw, str):
                continue
            before = len(found.dates[field])
            found.date(field, raw, f"json-ld:{kind}.{prop}")
            if len(found.dates[field]) > before:
                new = found.dates[field][-1]
                if any(
                    c.value == new.value
                    and c.value.utcoffset() == new.value.utcoffset()
                    and c.has_time == new.has_time
                    for c in found.dates[field][:-1]
                ):
                    found.dates[field].pop()


def _clean_authors(authors: list[Author], kinds: list[str] | None) -> list[Author]:
    out: list[Author] = []
    for i, author in enumerate(authors):
        kind = kinds[i] if kinds and i < len(kinds) else "Person"
        if kind.casefold() not in ("person", ""):  # schema.org types, however cased
            name = _clean(author.name)
            if name and not _JUNK_NAME.search(name):
                out.append(Author(name, role=author.role, url=author.url))
            continue
        for name, role in clean_names(author.name):
            out.append(Author(name, role=author.role or role, url=author.url))
    return _dedupe(out)


def _dedupe(authors: Iterable[Author]) -> list[Author]:
    seen: set[str] = set()
    out = []
    for a in authors:
        key = a.name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


_JOB_TITLE = re.compile(
    r"\b(?:writer|editor|reporter|correspondent|contributor|columnist|staff|photographer|"
    r"producer|analyst|critic|bureau|chief)s?\b",
    re.IGNORECASE,
)


def clean_names(raw: str) -> list[tuple[str, str | None]]:
    """Real names (and a role, if given) in a credit such as ``By A and B, staff writers``.

    Drops ``By``, dates, ``Email the author`` and the like; returns ``[]`` for non-names.

    >>> clean_names("By Jane Doe and John Roe - Updated 03/05/24")
    [('Jane Doe', None), ('John Roe', None)]
    """
    text = _clean(raw)
    if not text:
        return []
    text = _AUTHOR_LABEL.sub("", _BY_PREFIX.sub("", text))
    stop = _NAME_STOP.search(text)
    if stop is not None:
        text = text[: stop.start()]
    text = text.strip(" ,;:-–—|")
    if not text:
        return []
    glued = _GLUED_DATE.search(text)
    if glued is not None:
        text = text[: glued.start()]
    text = _GLUED_WORD.sub(", ", text)
    authors, _problem = parse_names(_AND.sub(" and ", text))
    out: list[tuple[str, str | None]] = []
    for author in authors:
        name = author.name.strip(" ,;:")
        if out and _CREDENTIAL.match(name):
            out[-1] = (f"{out[-1][0]}, {name}", out[-1][1])  # "Rachael Link, MS, RD"
            continue
        if out and _JOB_TITLE.search(name) and out[-1][1] is None:
            out[-1] = (out[-1][0], name)  # "GREG BEACHAM, AP Sports Writer": a credit line
            continue
        agency = _AGENCY.search(name)
        if agency is not None and len(name[: agency.start()].split()) >= 2:
            names = [name[: agency.start()], agency["agency"]]
        else:
            names = [name]
        for one in names:
            if _plausible_name(one):
                out.append((one, author.role))
    return out


def _plausible_name(name: str) -> bool:
    """Whether a cleaned credit can be a person's or an organisation's name."""
    if not name or _JUNK_NAME.search(name) or not any(c.isalpha() for c in name):
        return False
    words = name.split()
    if len(words) > _MAX_NAME_WORDS or name.islower():
        return False
    # a sentence rather than a name: several lowercase words that are not name particles
    lower = sum(1 for w in words if w[:1].islower() and w.casefold() not in _PARTICLES)
    if lower >= 3 and lower > len(words) - lower:
        return False
    # a form label such as "Name (required)" from a comment box
    return _FORM_NOTE.search(name) is None


# ---------------------------------------------------------------------------
# microdata


def _own_scope(node: LexborNode, scope_id: int) -> bool:
    parent = node.parent
    while parent is not None:
        if "itemscope" in parent.attributes:
            return parent.mem_id == scope_id
        parent = parent.parent
    return False


def _item_value(node: LexborNode) -> str | None:
    attrs = node.attributes
    if "content" in attrs:
        return attrs["content"]
    tag = node.tag
    if tag == "time":
        return attrs.get("datetime") or text_of(node)
    if tag in ("a", "link", "area"):
        return attrs.get("href")
    if tag in ("img", "audio", "video", "source", "embed", "iframe"):
        return attrs.get("src")
    if tag == "meta":
        return attrs.get("content")
    return text_of(node)


def _microdata(tree: LexborHTMLParser, found: Found) -> None:
    scope = None
    for node in tree.css("[itemscope][itemtype]"):
        itemtypes = (node.attributes.get("itemtype") or "").split()
        if set(types_of({"@type": itemtypes})) & ARTICLE_TYPES:
            scope = node
            break
    if scope is None:
        return
    scope_id = scope.mem_id
    props: dict[str, list[LexborNode]] = {}
    for node in scope.css("[itemprop]"):
        if node.mem_id == scope_id or not _own_scope(node, scope_id):
            continue
        for prop in (node.attributes.get("itemprop") or "").split():
            props.setdefault(prop, []).append(node)

    def first(prop: str) -> str | None:
        for node in props.get(prop, ()):
            value = _clean(_item_value(node))
            if value:
                return value
        return None

    found.put("title", first("headline") or first("name"), "microdata:headline")
    found.put("subtitle", first("alternativeHeadline") or first("description"), "microdata")
    found.put("section", first("articleSection"), "microdata:articleSection")
    for prop, field in (("datePublished", "published"), ("dateModified", "updated")):
        for node in props.get(prop, ()):
            found.date(field, _item_value(node), f"microdata:{prop}")
    names: list[Author] = []
    for node in props.get("author", []) + props.get("creator", []):
        if "itemscope" in node.attributes:
            name_node = node.css_first('[itemprop~="name"]')
            raw = _item_value(name_node) if name_node is not None else text_of(node)
            url_node = node.css_first('[itemprop~="url"]')
            url = _item_value(url_node) if url_node is not None else None
        else:
            raw, url = _item_value(node), None
        for name, role in clean_names(raw or ""):
            names.append(Author(name, role=role, url=url if url and _HTTP.match(url) else None))
    found.put("authors", _dedupe(names), "microdata:author")
    for node in props.get("publisher", []):
        name_node = node.css_first('[itemprop~="name"]')
        raw = _item_value(name_node) if name_node is not None else _item_value(node)
        found.put("publisher", _clean(raw), "microdata:publisher")
    keywords = [_clean(_item_value(n)) for n in props.get("keywords", [])]
    tags = [t for k in keywords if k for t in (k.split(",") if len(keywords) == 1 else [k])]
    found.put("tags", _unique(tags), "microdata:keywords")
    image = props.get("image")
    if image:
        node = image[0]
        if "itemscope" in node.attributes:
            inner = node.css_first('[itemprop~="url"], [itemprop~="contentUrl"]')
            url = _item_value(inner) if inner is not None else None
        else:
            url = _item_value(node)
        if url:
            found.put("media", Media(url.strip()), "microdata:image")
    found.put("language", _language(first("inLanguage")), "microdata:inLanguage")


def _unique(items: Iterable[str | None]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        tag = _clean(item)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return out


def _language(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().replace("_", "-")
    if value.lower() in ("x-default", "und"):
        return None
    return value if _LANGUAGE.match(value) else None


# ---------------------------------------------------------------------------
# meta tags


def _meta(meta: dict[str, list[str]], found: Found) -> None:
    def one(*keys: str) -> tuple[str | None, str]:
        for key in keys:
            for value in meta.get(key, ()):
                cleaned = _clean(value)
                if cleaned:
                    return cleaned, key
        return None, ""

    def put(field: str, *keys: str) -> None:
        value, key = one(*keys)
        found.put(field, value, f"meta:{key}")

    put(
        "title",
        "og:title",
        "twitter:title",
        "parsely-title",
        "sailthru.title",
        "dc.title",
        "dcterms.title",
        "title",
    )
    put(
        "subtitle",
        "og:description",
        "twitter:description",
        "description",
        "dc.description",
        "dcterms.description",
        "dcterms.abstract",
        "sailthru.description",
    )
    put(
        "section",
        "article:section",
        "og:article:section",
        "parsely-section",
        "section",
        "article.section",
        "cxenseparse:articlesection",
    )
    put("publisher", "og:site_name", "dc.publisher", "dcterms.publisher", "application-name")
    for key in ("content-language", "og:locale", "dc.language", "dcterms.language", "language"):
        value, _ = one(key)
        found.put("language", _language(value), f"meta:{key}")
    for key in ("og:url", "parsely-link", "dc.identifier", "dcterms.identifier"):
        value, _ = one(key)
        if value and _HTTP.match(value):
            found.put("url", value, f"meta:{key}")
    for field, keys in (
        (
            "published",
            (
                "article:published_time",
                "og:article:published_time",
                "article:published",
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "dcterms.issued",
                "dcterms.created",
                "dc.date",
                "dcterms.date",
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "article.published",
                "datepublished",
                "og:published_time",
            ),
        ),
        (
            "updated",
            (
                "article:modified_time",
                "og:article:modified_time",
                "og:updated_time",
                "dcterms.modified",
                "dc.date.modified",
                "article.updated",
                "lastmod",
                "last-modified",
                "datemodified",
            ),
        ),
    ):
        for key in keys:
            for value in meta.get(key, ()):
                found.date(field, value, f"meta:{key}")
    # authors: repeatable tags first, then single credits
    for key in (
        "parsely-author",
        "sailthru.author",
        "author",
        "dc.creator",
        "dcterms.creator",
        "article:author",
        "og:article:author",
        "twitter:creator",
    ):
        people: list[Author] = []
        for value in meta.get(key, ()):
            if _HTTP.match(value.strip()) or (key == "twitter:creator" and value.startswith("@")):
                continue
            people.extend(Author(n, role=r) for n, r in clean_names(value))
        if people:
            found.put("authors", _dedupe(people), f"meta:{key}")
            break
    # tags: repeatable article:tag, else comma-separated lists
    for key in (
        "article:tag",
        "og:article:tag",
        "parsely-tags",
        "news_keywords",
        "keywords",
        "sailthru.tags",
        "dc.subject",
        "dcterms.subject",
    ):
        values = meta.get(key, ())
        if not values:
            continue
        items = list(values) if len(values) > 1 else values[0].split(",")
        found.put("tags", _unique(items), f"meta:{key}")
    # lead image
    for key in (
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "twitter:image",
        "twitter:image:src",
        "parsely-image-url",
        "sailthru.image.full",
        "image",
    ):
        value, _ = one(key)
        if value:
            alt, _ = one("og:image:alt", "twitter:image:alt")
            found.put("media", Media(value, alt=_clean(alt)), f"meta:{key}")
            break
    _parsely_page(meta, found)


def _parsely_page(meta: dict[str, list[str]], found: Found) -> None:
    raw = meta.get("parsely-page")
    if not raw:
        return
    try:
        data = loads(_html.unescape(raw[0]), format="html")
    except NewsparseError:
        return
    if not isinstance(data, dict):
        return
    for field, key in (("title", "title"), ("section", "section"), ("url", "link")):
        value = data.get(key)
        if isinstance(value, str):
            found.put(field, _clean(value), f"meta:parsely-page.{key}")
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
        found.put("tags", _unique(t for t in tags if isinstance(t, str)), "meta:parsely-page.tags")


# ---------------------------------------------------------------------------
# the page itself


def _times(tree: LexborHTMLParser, found: Found) -> None:
    for node in tree.css("time[datetime]")[:20]:
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


def _byline(tree: LexborHTMLParser, found: Found) -> None:
    """Authors (and a wire-style time) from byline text and ``rel=author`` links."""
    root = tree.css_first("article") or tree.body
    if root is None:
        return
    for node in root.css(_BYLINE_CSS)[:40]:
        if node.tag in ("meta", "link", "script", "style", "img"):
            continue
        text = text_of(node)
        if not text or len(text) > _MAX_BYLINE:
            continue
        names: list[tuple[str, str | None]] = []
        match = BYLINE.search(text)
        parsed = parse_byline(text[match.start() :]) if match is not None else None
        if parsed is not None and parsed.published is not None:
            found.dates["published"].append(DateCandidate(parsed.published, "byline", True, True))
        if parsed is not None and parsed.authors:
            names = [
                (a.name, a.role)
                for a in parsed.authors
                if not _JUNK_NAME.search(a.name) and len(a.name.split()) <= _MAX_NAME_WORDS
            ]
        else:
            names = clean_names(text)
        if not names:
            continue
        links = {text_of(a): a.attributes.get("href") for a in node.css("a[href]")}
        if node.tag == "a" and node.attributes.get("href"):
            links[text] = node.attributes.get("href")
        people = []
        for name, role in names:
            href = links.get(name)
            url = urljoin(found.fields.get("url") or "", href) if href else None
            people.append(Author(name, role=role, url=url if url and _HTTP.match(url) else None))
        found.put("authors", _dedupe(people), "byline")
        found.extras.setdefault("html.byline", text)
        return


def _title(tree: LexborHTMLParser, found: Found) -> None:
    root = tree.css_first("article") or tree.body
    h1 = root.css_first("h1") if root is not None else None
    if h1 is None and root is not None:
        h1 = tree.css_first("h1")
    candidates: list[tuple[str, str]] = []
    if "title" in found.fields:
        candidates.append((found.fields["title"], found.source["title"]))
    h1_text = text_of(h1) if h1 is not None else ""
    if h1_text:
        candidates.append((h1_text, "h1"))
    title_node = tree.css_first("title")
    page_title = text_of(title_node) if title_node is not None else ""
    if page_title:
        candidates.append((page_title, "title"))
    if not candidates:
        return
    value, source = candidates[0]
    others = {c.casefold() for c, _ in candidates[1:]} | {c.casefold() for c, _ in candidates}
    sites = [s for s in (found.fields.get("publisher"), found.extras.get("html.site_name")) if s]
    stripped = strip_site(value, others - {value.casefold()}, sites)
    if stripped != value:
        source += " (site name removed)"
    found.fields["title"] = stripped
    found.source["title"] = source


def _norm(text: str) -> str:
    return _NON_ALNUM.sub("", text.casefold())


def strip_site(title: str, others: set[str], sites: list[str]) -> str:
    """``title`` without a `` | Site`` suffix (or ``Site - `` prefix).

    A split is taken when the remaining part is another title source (the ``<h1>``, an
    og:title), when the cut part is the site's name, or when it looks like a domain.

    >>> strip_site("Harbour reopens | The Courier", set(), ["The Courier"])
    'Harbour reopens'
    >>> strip_site("Harbour reopens - what next", set(), ["The Courier"])
    'Harbour reopens - what next'
    """
    site_keys = [_norm(s) for s in sites if _norm(s)]
    for sep in _SEPARATORS:
        start = title.find(sep)
        while start != -1:
            head, tail = title[:start].strip(), title[start + len(sep) :].strip()
            for keep, cut in ((head, tail), (tail, head)):
                if not keep:
                    continue
                if keep.casefold() in others:
                    return keep
                cut_key = _norm(cut)
                if cut_key and any(cut_key == s or cut_key in s or s in cut_key for s in site_keys):
                    return keep
                if re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", cut.strip().lower()):
                    return keep
            start = title.find(sep, start + 1)
    return title


def _lead_figure(tree: LexborHTMLParser, found: Found) -> None:
    """Caption, credit and alt of the lead image from the first figure of the article."""
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    if root is None:
        return
    figure = root.css_first("figure")
    caption_node = None
    img = None
    if figure is not None:
        caption_node = figure.css_first("figcaption") or figure.css_first('[class*="caption" i]')
        img = figure.css_first("img")
    else:
        caption_node = root.css_first('[class*="caption" i]')
        if caption_node is not None and caption_node.parent is not None:
            img = caption_node.parent.css_first("img")
    if caption_node is None and img is None:
        return
    current = found.fields.get("media")
    caption = credit = None
    if caption_node is not None:
        credit_node = caption_node.css_first('[class*="credit" i]')
        if credit_node is None and figure is not None:
            credit_node = figure.css_first('[class*="credit" i]')
        credit = text_of(credit_node) if credit_node is not None else None
        text = text_of(caption_node)
        if credit and text.endswith(credit):
            text = text[: -len(credit)].rstrip(" \t(")
        elif credit is None:
            parsed = parse_caption(text)
            text, credit = parsed.caption or "", parsed.credit
        caption = text or None
    src = img.attributes.get("src") if img is not None else None
    alt = _clean(img.attributes.get("alt")) if img is not None else None
    base = found.fields.get("url") or ""
    if current is None:
        url = urljoin(base, src) if src and not src.startswith("data:") else None
        found.put("media", Media(url, caption=caption, credit=credit, alt=alt or None), "figure")
        return
    assert isinstance(current, Media)
    found.fields["media"] = Media(
        current.url,
        caption=current.caption or caption,
        credit=current.credit or credit,
        kind=current.kind,
        alt=current.alt or alt or None,
    )


def _url_date(found: Found) -> None:
    url = found.fields.get("url")
    if not isinstance(url, str):
        return
    m = _URL_DATE.search(url)
    if m is not None:
        found.date("published", f"{m[1]}-{m[2]}-{m[3]}", "url")


def _choose_dates(found: Found) -> dict[str, Any]:
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


def extract(tree: LexborHTMLParser) -> tuple[dict[str, Any], list[str]]:
    """The Article fields of a real page and the JSON-LD ``articleBody`` paragraphs.

    ``fields`` holds keyword arguments for :class:`~newsparse.Article` (``title`` may be
    missing), including ``extras`` with ``html.provenance``.
    """
    found = Found()
    meta = meta_tags(tree)
    site = _clean(next(iter(meta.get("og:site_name", ())), None))
    if site:
        found.extras["html.site_name"] = site
    body = _jsonld(tree, found)
    _microdata(tree, found)
    root = tree.root
    lang = root.attributes.get("lang") if root is not None else None
    found.put("language", _language(lang), "html:lang")
    canonical = tree.css_first('link[rel~="canonical"][href]')
    _meta(meta, found)
    if canonical is not None:
        href = (canonical.attributes.get("href") or "").strip()
        absolute = urljoin(found.fields.get("url") or "", href) if href else ""
        if _HTTP.match(absolute):
            found.fields["url"] = absolute
            found.source["url"] = "link:canonical"
    _times(tree, found)
    if "authors" not in found.fields or not any(c.rank == 2 for c in found.dates["published"]):
        _byline(tree, found)  # the last resort, and the costliest query
    _title(tree, found)
    _lead_figure(tree, found)
    _url_date(found)
    provenance: dict[str, Any] = dict(found.source)
    if "media" in found.fields:
        provenance["media"] = found.source.get("media", "figure")
    provenance.update(_choose_dates(found))
    found.extras["html.provenance"] = provenance
    fields = dict(found.fields)
    if "media" in fields:
        fields["media"] = (fields["media"],)
    fields["extras"] = found.extras
    return fields, body
