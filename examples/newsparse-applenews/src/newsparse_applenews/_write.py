"""The writer: an Article as an Apple News Format ``ArticleDocument`` (``article.json``)."""

from __future__ import annotations

import json
from typing import Any

from newsparse import (
    Article,
    Block,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
    WriteError,
)

from . import _anf
from ._html import list_html, pre_html


# --8<-- [start:write]
def write(article: Article, *, indent: int | None = 2) -> str:
    """Write ``article`` as an Apple News Format document (``indent=None``: one line)."""
    document: dict[str, Any] = {
        "version": _anf.VERSION,
        "identifier": _identifier(article),
        "title": article.title,
    }
    if article.subtitle is not None:
        document["subtitle"] = article.subtitle
    document["language"] = article.language or _anf.UNDETERMINED
    document["layout"] = _anf.LAYOUT
    metadata = _metadata(article)
    if metadata:
        document["metadata"] = metadata
    document["components"] = [_header(article), *_body(article)]
    document["componentTextStyles"] = _anf.TEXT_STYLES
    try:
        return json.dumps(document, ensure_ascii=False, indent=indent) + "\n"
    except ValueError as exc:  # a lone surrogate cannot be written as UTF-8 JSON text
        raise WriteError(f"cannot write the article: {exc}", format="applenews") from None


# --8<-- [end:write]


def _identifier(article: Article) -> str:
    given = article.extras.get("applenews.identifier")
    if _anf.is_identifier(given):
        return str(given)
    return _anf.derived_identifier(article.title, article.url)


def _metadata(article: Article) -> dict[str, Any]:
    metadata: dict[str, Any] = {}
    if article.authors:
        metadata["authors"] = [author.name for author in article.authors]
    if article.url is not None:
        metadata["canonicalURL"] = article.url
    if article.published is not None:
        metadata["datePublished"] = article.published.isoformat()
    if article.updated is not None:
        metadata["dateModified"] = article.updated.isoformat()
    if article.tags:
        metadata["keywords"] = list(article.tags)
    thumbnail = next((m.url for m in article.media if m.kind == "image" and m.url), None)
    if thumbnail is not None:
        metadata["thumbnailURL"] = thumbnail
    return metadata


def _header(article: Article) -> dict[str, Any]:
    """The ``header`` container: title, intro, byline and the lead media."""
    parts: list[dict[str, Any]] = [{"role": "title", "text": article.title}]
    if article.subtitle is not None:
        parts.append({"role": "intro", "text": article.subtitle})
    if article.authors:
        parts.append({"role": "byline", "text": "By " + _names(article)})
    for media in article.media:
        parts += _media(media)
    return {"role": "header", "components": parts}


def _names(article: Article) -> str:
    names = [author.name for author in article.authors]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# --8<-- [start:components]
def _body(article: Article) -> list[dict[str, Any]]:
    components: list[dict[str, Any]] = []
    for block in article.body:
        components += _block(block)
    for note in article.notes:
        components.append({"role": "body", "text": note, "textStyle": _anf.NOTE_STYLE})
    return components


def _block(block: Block) -> list[dict[str, Any]]:
    if isinstance(block, Paragraph):
        return [{"role": "body", "text": block.text}]
    if isinstance(block, Heading):
        return [{"role": f"heading{block.level}", "text": block.text}]
    if isinstance(block, Quote):
        quote = [{"role": "quote", "text": block.text}]
        if block.attribution is not None:  # who is quoted: an author component right after
            quote.append({"role": "author", "text": block.attribution})
        return quote
    if isinstance(block, ListBlock):
        return [{"role": "body", "format": "html", "text": list_html(block.items, block.ordered)}]
    if isinstance(block, Preformatted):
        return [{"role": "body", "format": "html", "text": pre_html(block.text)}]
    assert isinstance(block, MediaBlock)
    return _media(block.media)


def _media(media: Media) -> list[dict[str, Any]]:
    """A photo (video, audio, figure), its caption component and its photographer."""
    if media.url is None:  # every media component needs a URL: the caption alone stays
        return [{"role": "caption", "text": media.caption}] if media.caption else []
    component: dict[str, Any] = {"role": _anf.ROLE_OF_KIND.get(media.kind, "photo")}
    component["URL"] = media.url
    if media.caption is not None:
        component["caption"] = media.caption  # shown full screen, read by VoiceOver
    if media.alt is not None:
        component["accessibilityCaption"] = media.alt
    parts = [component]
    if media.caption is not None:  # the caption shown in the article itself
        parts.append({"role": "caption", "text": media.caption})
    if media.credit is not None:
        parts.append({"role": "photographer", "text": media.credit})
    return parts


# --8<-- [end:components]
