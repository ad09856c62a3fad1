"""JSON-LD blocks of a page (``<script type="application/ld+json">``), read tolerantly.

Every block is decoded with the repairs of :mod:`newsparse._json.tolerant` (comments,
trailing commas, raw control characters, unescaped quotes in a one-line value); the
schema.org mapping is :mod:`newsparse._schemaorg.read`'s (``@graph``, ``@id``
references, arrays). A page without an article node but with a ``WebPage`` that has a
headline reads that node as the article; the dates of the other nodes (a WebPage, a
ClaimReview) come after the article's as candidates.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ...._errors import NewsparseError
from ...._json.tolerant import loads_embedded
from ...._model import Author
from ...._schemaorg.read import clean, read_article, types_of
from ...._text.dates import DATE_ONLY
from ...._text.language import language_tag
from ...._text.names import clean_names, dedupe, is_junk
from ...._text.tidy import tidy
from .found import DateCandidate, Found

__all__ = ["read_jsonld"]

_MAX_JSONLD_NODES = 5000


def _blocks(tree: LexborHTMLParser, found: Found) -> list[Any]:
    blocks: list[Any] = []
    broken = 0
    for node in tree.css('script[type*="ld+json" i]'):  # not every script's attributes
        kind = (node.attributes.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        raw = node.text(deep=True)
        if not raw.strip():
            continue
        try:
            blocks.append(loads_embedded(raw, format="html"))
        except NewsparseError:
            broken += 1
    if broken:
        found.extras["html.jsonld_unreadable"] = broken
    return blocks


def read_jsonld(tree: LexborHTMLParser, found: Found) -> list[str]:
    """Read the JSON-LD blocks into ``found``; return the articleBody paragraphs, if any."""
    blocks = _blocks(tree, found)
    if not blocks:
        return []
    try:
        result = read_article(blocks)
        if result is None:  # no article node: a WebPage node with a headline stands in
            page = next((n for n in _nodes(blocks) if _page_like(n)), None)
            if page is not None:
                result = read_article([{**page, "@type": "Article"}, blocks])
    except (NewsparseError, RecursionError):
        return []
    if result is None:
        _other_dates(blocks, found)
        return []
    fields, source, node = result
    title = fields.pop("title", None)
    if title is not None:
        found.title(tidy(title), f"json-ld:{source['title']}")
        name = tidy(clean(node.get("name")))
        if name and name != tidy(title):  # a headline and a name that differ: both candidates
            found.titles.append((name, "json-ld:name"))
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
    if "language" not in fields:  # the WebPage's inLanguage speaks for its article too
        for other in _nodes(blocks):
            tag = language_tag(clean(other.get("inLanguage")))
            if tag:
                found.put("language", tag, f"json-ld:{(types_of(other) or ['node'])[0]}.inLanguage")
                break
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
            value = tidy(value)
        found.put(field, value, f"json-ld:{source.get(field, field)}")
    return [p.text for p in body] if body else []


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
    """Dates of the other JSON-LD nodes (a WebPage, a ClaimReview), after the article's.

    A date equal to one already found (same instant, offset and completeness) is left out;
    the check is a set lookup, so many dated nodes cost linear time.
    """
    seen = {
        field: {(c.value, c.value.utcoffset(), c.has_time) for c in found.dates[field]}
        for field in ("published", "updated")
    }
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
                key = (new.value, new.value.utcoffset(), new.has_time)
                if key in seen[field]:
                    found.dates[field].pop()
                else:
                    seen[field].add(key)


def _clean_authors(authors: list[Author], kinds: list[str] | None) -> list[Author]:
    out: list[Author] = []
    for i, author in enumerate(authors):
        kind = kinds[i] if kinds and i < len(kinds) else "Person"
        if kind.casefold() not in ("person", ""):  # schema.org types, however cased
            name = tidy(author.name)
            if name and not is_junk(name):
                out.append(Author(name, role=author.role, url=author.url))
            continue
        for name, role in clean_names(author.name):
            out.append(Author(name, role=author.role or role, url=author.url))
    return dedupe(out)
