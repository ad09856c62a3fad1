"""Build model objects from values the reader has already checked, without re-validating.

attrs validators and converters cost about as much as the whole wire parse, and every value
the reader produces is already of the right type (str, tuples of Authors, Paragraphs and
Media, aware datetimes, namespaced extras). When the model's fields are exactly the ones
this module knows, objects are built with ``object.__setattr__`` and the model's own extras
freezing; otherwise (the model changed) the ordinary, validating constructors are used.
The round-trip tests compare these objects with validated ones.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ... import _model
from ..._model import Article, Author, Media, Paragraph

__all__ = ["FAST", "article", "media", "paragraph", "paragraphs"]

_ARTICLE_FIELDS = (
    "title",
    "subtitle",
    "section",
    "authors",
    "published",
    "updated",
    "url",
    "publisher",
    "language",
    "media",
    "body",
    "notes",
    "tags",
    "extras",
)
_freeze_extras: Any = getattr(_model, "_freeze_extras", None)

FAST = (
    _freeze_extras is not None
    and tuple(f.name for f in attrs.fields(Article)) == _ARTICLE_FIELDS
    and tuple(f.name for f in attrs.fields(Paragraph)) == ("text",)
    and tuple(f.name for f in attrs.fields(Media)) == ("url", "caption", "credit", "kind", "alt")
)
"""Whether the model is the one this module knows (else the validating path is used)."""

_set = object.__setattr__
_new = object.__new__


def paragraph(text: str) -> Paragraph:
    """A Paragraph of a str the reader produced."""
    if not FAST:
        return Paragraph(text)
    p: Paragraph = _new(Paragraph)
    _set(p, "text", text)
    return p


def paragraphs(texts: list[str]) -> tuple[Paragraph, ...]:
    """Paragraphs of strs the reader produced."""
    if not FAST:
        return tuple(Paragraph(t) for t in texts)
    out = []
    new, setattr_, cls = _new, _set, Paragraph
    for text in texts:
        p = new(cls)
        setattr_(p, "text", text)
        out.append(p)
    return tuple(out)


def media(caption: str | None, credit: str | None) -> Media:
    """An image Media with only a caption and a credit, as a caption line gives."""
    if not FAST:
        return Media(caption=caption, credit=credit)
    m: Media = _new(Media)
    _set(m, "url", None)
    _set(m, "caption", caption)
    _set(m, "credit", credit)
    _set(m, "kind", "image")
    _set(m, "alt", None)
    return m


def article(
    title: str,
    *,
    section: str | None,
    authors: tuple[Author, ...],
    published: datetime | None,
    media: tuple[Media, ...],
    body: tuple[Paragraph, ...],
    notes: tuple[str, ...],
    tags: tuple[str, ...],
    extras: dict[str, Any],
) -> Article:
    """An Article of values the reader produced (all of the right types)."""
    if not FAST:
        return Article(
            title,
            section=section,
            authors=authors,
            published=published,
            media=media,
            body=body,
            notes=notes,
            tags=tags,
            extras=extras,
        )
    a: Article = _new(Article)
    s = _set
    s(a, "title", title)
    s(a, "subtitle", None)
    s(a, "section", section)
    s(a, "authors", authors)
    s(a, "published", published)
    s(a, "updated", None)
    s(a, "url", None)
    s(a, "publisher", None)
    s(a, "language", None)
    s(a, "media", media)
    s(a, "body", body)
    s(a, "notes", notes)
    s(a, "tags", tags)
    s(a, "extras", _freeze_extras(extras))
    return a
