"""Reading schema.org articles from decoded JSON-LD: the one place that mapping lives.

:func:`fields_from_jsonld` takes decoded JSON-LD (a node, a ``@graph`` wrapper, a
top-level array, or a list of several script blocks) and returns the Article's field
values and where each came from, for readers that merge JSON-LD with other sources (the
html reader); :func:`article_from_jsonld` builds the Article (the jsonld reader).
:class:`Graph` walks the nodes (bounded, without recursion) and resolves ``@id``
references; :func:`types_of` and :data:`ARTICLE_TYPES` also serve html microdata.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from .._model import Article, Author, Media, Paragraph
from .._text.dates import parse_date
from .._text.language import is_language_tag

__all__ = [
    "ARTICLE_TYPES",
    "Graph",
    "article_from_jsonld",
    "clean",
    "fields_from_jsonld",
    "read_article",
    "split_body",
    "types_of",
    "walk",
]

ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "Article",
        "AdvertiserContentArticle",
        "SatiricalArticle",
        "ScholarlyArticle",
        "MedicalScholarlyArticle",
        "TechArticle",
        "APIReference",
        "Report",
        "SocialMediaPosting",
        "BlogPosting",
        "LiveBlogPosting",
        "DiscussionForumPosting",
    }
)
"""The schema.org types read as articles (CreativeWork > Article and its subtypes)."""

_PREFERENCE = ("NewsArticle", "Article", "BlogPosting")
_MEDIA_KINDS = {"ImageObject": "image", "VideoObject": "video", "AudioObject": "audio"}
_URL = re.compile(r"https?://\S+\Z", re.IGNORECASE)
# a tag never holds "<", so that "<p <p <p …" is scanned once, not once from each "<"
_TAG = re.compile(r"<[^<>]{0,2000}>")
_BLOCK_BREAK = re.compile(r"(?i)</p\s*>|<p(?:\s[^<>]*)?>|<br\s*/?>\s*<br\s*/?>")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_MAPPED = frozenset(
    {
        "@context",
        "@type",
        "headline",
        "name",
        "alternativeHeadline",
        "description",
        "articleSection",
        "author",
        "creator",
        "datePublished",
        "dateCreated",
        "dateModified",
        "url",
        "mainEntityOfPage",
        "publisher",
        "inLanguage",
        "image",
        "keywords",
        "articleBody",
        "@graph",
    }
)
_MAX_NODES = 100_000


# ---------------------------------------------------------------------------
# small helpers


def clean(value: object) -> str | None:
    """A stripped string with HTML entities decoded exactly once; None for non-text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    if "&" in value:
        value = html.unescape(value)
    value = value.strip()
    return value or None


def _local(name: object) -> str:
    """``"schema:NewsArticle"`` or ``"https://schema.org/NewsArticle"`` -> ``"NewsArticle"``."""
    if not isinstance(name, str):
        return ""
    return re.split(r"[/#:]", name)[-1]


def types_of(node: object) -> list[str]:
    """The local names of a node's ``@type`` (a string or an array)."""
    if not isinstance(node, dict):
        return []
    raw = node.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    return [_local(t) for t in items if isinstance(t, str)]


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def walk(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in ``data``, breadth-first, without recursion (bounded)."""
    queue: list[Any] = [data]
    seen = 0
    while queue and seen < _MAX_NODES:
        item = queue.pop(0) if len(queue) < 64 else queue.pop()
        seen += 1
        if isinstance(item, dict):
            yield item
            queue.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            queue.extend(v for v in item if isinstance(v, (dict, list)))


class Graph:
    """The nodes of a JSON-LD document, indexed by ``@id`` to resolve references."""

    def __init__(self, data: Any) -> None:
        self.nodes = list(walk(data))
        self.by_id: dict[str, dict[str, Any]] = {}
        for node in self.nodes:
            node_id = node.get("@id")
            if isinstance(node_id, str) and len(node) > 1:
                self.by_id.setdefault(node_id, node)

    def resolve(self, value: Any) -> Any:
        """The node a bare ``{"@id": ...}`` reference points to (or the value itself)."""
        if isinstance(value, dict) and "@id" in value and set(value) <= {"@id", "@type"}:
            target = self.by_id.get(value["@id"]) if isinstance(value["@id"], str) else None
            if target is not None:
                return target
        return value

    def article_node(self) -> dict[str, Any] | None:
        candidates = [n for n in self.nodes if set(types_of(n)) & ARTICLE_TYPES]
        if not candidates:
            return None
        for preferred in _PREFERENCE:  # e.g. a NewsArticle over a nested Article
            for node in candidates:
                if preferred in types_of(node):
                    return node
        return candidates[0]


# ---------------------------------------------------------------------------
# fields


def _name(graph: Graph, value: Any) -> str | None:
    value = graph.resolve(value)
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            name = name[0] if name else None
        return clean(name)
    return clean(value)


def _authors(graph: Graph, node: dict[str, Any]) -> tuple[list[Author], list[str]]:
    raw = node.get("author")
    if raw is None or raw == [] or raw == {}:
        raw = node.get("creator")
    authors: list[Author] = []
    kinds: list[str] = []
    for item in _as_list(raw):
        item = graph.resolve(item)
        if isinstance(item, dict):
            name = _name(graph, item)
            if not name:
                continue
            url = item.get("url")
            if not isinstance(url, str):
                same = _as_list(item.get("sameAs"))
                url = same[0] if same and isinstance(same[0], str) else None
            role = clean(item.get("jobTitle"))
            authors.append(Author(name, role=role, url=url.strip() if url else None))
            kinds.append((types_of(item) or ["Person"])[0])
        else:
            name = clean(item)
            if name:
                authors.append(Author(name))
                kinds.append("")
    return authors, kinds


def _media(graph: Graph, node: dict[str, Any]) -> list[Media]:
    found: list[Media] = []
    seen: set[str] = set()
    for item in _as_list(node.get("image")):
        item = graph.resolve(item)
        if isinstance(item, str):
            plain = item.strip()
            if plain and plain not in seen:
                seen.add(plain)
                found.append(Media(plain))
            continue
        if not isinstance(item, dict):
            continue
        url_value = item.get("url") or item.get("contentUrl")
        if isinstance(url_value, list):
            url_value = url_value[0] if url_value else None
        url = url_value.strip() if isinstance(url_value, str) and url_value.strip() else None
        caption = item.get("caption")
        if isinstance(caption, dict):
            caption = caption.get("text") or caption.get("name")
        credit = clean(item.get("creditText"))
        if credit is None:
            for key in ("author", "creator", "copyrightHolder"):
                names = [_name(graph, a) for a in _as_list(item.get(key))]
                joined = ", ".join(n for n in names if n)
                if joined:
                    credit = joined
                    break
        types = types_of(item)
        kind = _MEDIA_KINDS.get(types[0] if types else "ImageObject", "image")
        if types and types[0] == "MediaObject":
            kind = clean(item.get("additionalType")) or "image"
        media = Media(
            url,
            caption=clean(caption),
            credit=credit,
            kind=kind,
            alt=clean(item.get("description")),
        )
        if media == Media() or (url is not None and url in seen):
            continue
        if url is not None:
            seen.add(url)
        found.append(media)
    return found


def _tags(value: Any) -> list[str]:
    items: list[Any] = []
    if isinstance(value, str):  # "a, b, c" (Yoast, Chartbeat) instead of an array
        items = value.split(",")
    for item in _as_list(value) if isinstance(value, list) else []:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str):
            items.append(item)
    tags: dict[str, None] = {}  # in order, once each (a list lookup per tag was quadratic)
    for item in items:
        tag = clean(item)
        if tag:
            tags.setdefault(tag)
    return list(tags)


def split_body(text: str) -> list[str]:
    """Split an ``articleBody`` into paragraphs: HTML paragraphs, blank lines, or lines."""
    if "<" in text and _BLOCK_BREAK.search(text):
        text = _BLOCK_BREAK.sub("\n\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [p.strip() for p in parts if p.strip()]


def _url(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if isinstance(value, str) and _URL.match(value.strip()):
        return value.strip()
    return None


def _scalar(value: Any) -> bool:
    if isinstance(value, (str, bool, int)) or value is None:
        return True
    if isinstance(value, float):
        return value == value and abs(value) != float("inf")
    return False


def fields_from_jsonld(data: Any) -> tuple[dict[str, Any], dict[str, str]] | None:
    """The Article field values found in decoded JSON-LD, and where each came from.

    Returns ``(fields, provenance)`` -- ``fields`` holds keyword arguments for
    :class:`~newsparse.Article` (``title`` may be missing), ``provenance`` maps each field
    name to the JSON-LD property it was read from -- or ``None`` when ``data`` holds no
    article node. ``fields["extras"]`` holds the ``jsonld.*`` extras (see the docs).
    """
    found = read_article(data)
    return None if found is None else found[:2]


def read_article(
    data: Any,
) -> tuple[dict[str, Any], dict[str, str], dict[str, Any]] | None:
    """:func:`fields_from_jsonld`, and the article node the fields were read from."""
    graph = Graph(data)
    node = graph.article_node()
    if node is None:
        return None
    fields: dict[str, Any] = {}
    source: dict[str, str] = {}
    extras: dict[str, Any] = {}

    def put(field: str, value: Any, prop: str) -> None:
        if value not in (None, [], ()):
            fields[field] = value
            source[field] = prop

    for prop in ("headline", "name"):
        if "title" not in fields:
            put("title", clean(node.get(prop)), prop)
    subtitle = clean(node.get("alternativeHeadline"))
    description = clean(node.get("description"))
    if subtitle:
        put("subtitle", subtitle, "alternativeHeadline")
        if description and description != subtitle:
            extras["jsonld.description"] = description
    else:
        put("subtitle", description, "description")
    sections = [clean(s) for s in _as_list(node.get("articleSection"))]
    sections = [s for s in sections if s]
    if sections:
        put("section", sections[0], "articleSection")
        if len(sections) > 1:
            extras["jsonld.articleSection"] = sections
    authors, kinds = _authors(graph, node)
    put("authors", authors, "author" if node.get("author") else "creator")
    if any(k != "Person" for k in kinds):
        extras["jsonld._author_types"] = kinds
    notes: dict[str, Any] = {}
    for field, props in (
        ("published", ("datePublished", "dateCreated")),
        ("updated", ("dateModified",)),
    ):
        for prop in props:
            if prop in node:
                value, note = parse_date(node[prop])
                if note:
                    notes[prop] = {"raw": node[prop] if _scalar(node[prop]) else None, "note": note}
                if value is not None:
                    put(field, value, prop)
                    break
    if notes:
        extras["jsonld._dates"] = notes
    for prop in ("url", "mainEntityOfPage"):
        if "url" not in fields:
            put("url", _url(node.get(prop)), prop)
    put("publisher", _name(graph, node.get("publisher")), "publisher")
    language = node.get("inLanguage")
    if isinstance(language, dict):
        language = language.get("alternateName") or language.get("name")
    language = clean(language)
    if language and is_language_tag(language):
        put("language", language, "inLanguage")
    elif language:
        extras["jsonld.inLanguage"] = language
    put("media", _media(graph, node), "image")
    body = node.get("articleBody")
    if isinstance(body, str):
        put("body", [Paragraph(p) for p in split_body(body)], "articleBody")
    put("tags", _tags(node.get("keywords")), "keywords")
    types = node.get("@type")
    if isinstance(types, list):
        extras["jsonld.@type"] = [t for t in types if _scalar(t)]
    elif isinstance(types, str) and types != "NewsArticle":
        extras["jsonld.@type"] = types
    for key, value in node.items():
        if key in _MAPPED or not isinstance(key, str) or not key or key[0].isspace():
            continue
        if _scalar(value) or (isinstance(value, list) and all(_scalar(v) for v in value)):
            extras.setdefault(f"jsonld.{key}", value)
    fields["extras"] = extras
    return fields, source, node


def article_from_jsonld(data: Any) -> Article | None:
    """The Article in decoded JSON-LD, or ``None`` if it has no article node or headline.

    Raises :class:`~newsparse.ValidationError` only if a value breaks the model.
    """
    found = fields_from_jsonld(data)
    if found is None or "title" not in found[0]:
        return None
    fields = found[0]
    return Article(fields.pop("title"), **fields)
