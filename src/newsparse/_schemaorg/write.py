"""An Article as a schema.org NewsArticle node, written by jsonld and embedded by html.

Authors become a Person array (``jobTitle`` holds the role), media an ImageObject array
(``caption``, ``creditText``, ``description`` for the alt text), tags a ``keywords``
array, and the body ``articleBody`` text with paragraphs separated by blank lines.
Dates keep their UTC offset. Text that HTML-unescaping would change has its ``&``
escaped, so that the reader, which decodes entities exactly once, gets it back.
"""

from __future__ import annotations

import html
from typing import Any

from .._json.dates import format_datetime
from .._model import Article, Media

__all__ = ["document"]

_KIND_TYPES = {"image": "ImageObject", "video": "VideoObject", "audio": "AudioObject"}


def _text(value: str) -> str:
    """``value``, with ``&`` escaped if the reader's single unescape would change it."""
    if "&" in value and html.unescape(value) != value:
        return value.replace("&", "&amp;")
    return value


def _media(media: Media) -> dict[str, Any]:
    kind_type = _KIND_TYPES.get(media.kind)
    item: dict[str, Any] = {"@type": kind_type or "MediaObject"}
    if kind_type is None:
        item["additionalType"] = _text(media.kind)
    if media.url is not None:
        item["url"] = media.url
    if media.caption is not None:
        item["caption"] = _text(media.caption)
    if media.credit is not None:
        item["creditText"] = _text(media.credit)
    if media.alt is not None:
        item["description"] = _text(media.alt)
    return item


def document(article: Article) -> dict[str, Any]:
    """The JSON-LD document for ``article``, as a dict."""
    extras = article.extras
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": extras.get("jsonld.@type", "NewsArticle"),
        "headline": _text(article.title),
    }
    if article.subtitle is not None:
        doc["alternativeHeadline"] = _text(article.subtitle)
    description = extras.get("jsonld.description", article.subtitle)
    if isinstance(description, str):
        doc["description"] = _text(description)
    if article.section is not None:
        sections = extras.get("jsonld.articleSection")
        if isinstance(sections, tuple) and sections and sections[0] == article.section:
            doc["articleSection"] = [_text(s) for s in sections if isinstance(s, str)]
        else:
            doc["articleSection"] = _text(article.section)
    if article.authors:
        kinds = extras.get("jsonld._author_types")
        if not isinstance(kinds, tuple) or len(kinds) != len(article.authors):
            kinds = ("Person",) * len(article.authors)
        authors: list[Any] = []
        for author, kind in zip(article.authors, kinds, strict=True):
            if kind == "" and author.role is None and author.url is None:
                authors.append(_text(author.name))
                continue
            person: dict[str, Any] = {
                "@type": kind if isinstance(kind, str) and kind else "Person",
                "name": _text(author.name),
            }
            if author.url is not None:
                person["url"] = author.url
            if author.role is not None:
                person["jobTitle"] = _text(author.role)
            authors.append(person)
        doc["author"] = authors
    if article.published is not None:
        doc["datePublished"] = format_datetime(article.published)
    if article.updated is not None:
        doc["dateModified"] = format_datetime(article.updated)
    if article.url is not None:
        doc["url"] = article.url
        doc["mainEntityOfPage"] = {"@type": "WebPage", "@id": article.url}
    if article.publisher is not None:
        doc["publisher"] = {"@type": "Organization", "name": _text(article.publisher)}
    if article.language is not None:
        doc["inLanguage"] = article.language
    if article.media:
        doc["image"] = [_media(m) for m in article.media]
    if article.tags:
        doc["keywords"] = [_text(t) for t in article.tags]
    if article.body:
        doc["articleBody"] = _text(article.text)
    for key, value in extras.items():
        if key.startswith("jsonld.") and not key.startswith("jsonld._"):
            doc.setdefault(key[len("jsonld.") :], value)
    return doc
