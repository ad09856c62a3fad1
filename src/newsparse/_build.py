"""Build model objects from values a reader has already checked, without checking again.

Readers that validate while they parse (the JSON reader through msgspec's typed decoding,
the wire reader by construction: it only ever produces str, tuples of parts and aware
datetimes) would otherwise pay the model's validators and converters a second time, which
costs about as much as the whole parse. These builders set the fields of the frozen,
slotted attrs classes directly, and still check what a reader cannot vouch for (language
tags, extras keys and values) with the model's own functions. The tests check that they
give objects equal to the validating constructors and that they set every model field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import MAXYEAR, MINYEAR, datetime, timezone
from typing import Any

from ._errors import ValidationError
from ._model import (
    _LANGUAGE,
    Article,
    Author,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
    _freeze_extras,
)

__all__ = [
    "ARTICLE_FIELDS",
    "article",
    "author",
    "heading",
    "list_block",
    "media",
    "media_block",
    "paragraph",
    "paragraphs",
    "preformatted",
    "quote",
]

_set = object.__setattr__
_new = object.__new__
_SCALARS = (str, int, bool, type(None))
_EXTRA_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*\.\S")


def _setter(cls: type, name: str) -> Any:
    """The slot's own setter: sets a frozen attrs field without a ``__setattr__`` lookup."""
    return cls.__dict__[name].__set__


ARTICLE_FIELDS = (
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
"""The Article fields :func:`article` sets, in order (a test checks the model has no more)."""


def _check_instant(when: datetime) -> None:
    """Near the ends of the datetime range a UTC instant may not exist: refuse those."""
    try:
        when.astimezone(timezone.utc)
    except OverflowError:
        raise ValidationError(
            f"{when.isoformat()} is too close to the ends of the datetime range to have a "
            "UTC instant"
        ) from None


def author(name: str, role: str | None, url: str | None) -> Author:
    """An Author from checked values."""
    obj = _new(Author)
    _set(obj, "name", name)
    _set(obj, "role", role)
    _set(obj, "url", url)
    return obj


def media(
    url: str | None, caption: str | None, credit: str | None, kind: str, alt: str | None
) -> Media:
    """A Media from checked values."""
    obj = _new(Media)
    _set(obj, "url", url)
    _set(obj, "caption", caption)
    _set(obj, "credit", credit)
    _set(obj, "kind", kind)
    _set(obj, "alt", alt)
    return obj


_SET_PARAGRAPH_TEXT = _setter(Paragraph, "text")


def paragraph(text: str) -> Paragraph:
    """A Paragraph from checked values."""
    obj = _new(Paragraph)
    _SET_PARAGRAPH_TEXT(obj, text)
    return obj


def paragraphs(texts: list[str]) -> tuple[Paragraph, ...]:
    """Paragraphs from checked strings."""
    new, set_text, cls = _new, _SET_PARAGRAPH_TEXT, Paragraph
    out = []
    for text in texts:
        obj = new(cls)
        set_text(obj, text)
        out.append(obj)
    return tuple(out)


def heading(text: str, level: int) -> Heading:
    """A Heading from checked values (level already within 1..6)."""
    obj = _new(Heading)
    _set(obj, "text", text)
    _set(obj, "level", level)
    return obj


def quote(text: str, attribution: str | None) -> Quote:
    """A Quote from checked values."""
    obj = _new(Quote)
    _set(obj, "text", text)
    _set(obj, "attribution", attribution)
    return obj


def list_block(items: tuple[str, ...], ordered: bool) -> ListBlock:
    """A ListBlock from checked values."""
    obj = _new(ListBlock)
    _set(obj, "items", items)
    _set(obj, "ordered", ordered)
    return obj


def preformatted(text: str) -> Preformatted:
    """A Preformatted block from checked values."""
    obj = _new(Preformatted)
    _set(obj, "text", text)
    return obj


def media_block(item: Media) -> MediaBlock:
    """A MediaBlock from a built Media."""
    obj = _new(MediaBlock)
    _set(obj, "media", item)
    return obj


def article(
    title: str,
    subtitle: str | None = None,
    section: str | None = None,
    authors: tuple[Author, ...] = (),
    published: datetime | None = None,
    updated: datetime | None = None,
    url: str | None = None,
    publisher: str | None = None,
    language: str | None = None,
    media: tuple[Media, ...] = (),
    body: tuple[Any, ...] = (),
    notes: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    extras: Mapping[str, Any] | None = None,
) -> Article:
    """An Article from checked values; raises ValidationError for a bad language or extras."""
    for when in (published, updated):
        if when is not None and (when.year == MAXYEAR or when.year == MINYEAR):
            _check_instant(when)
    if language is not None and not _LANGUAGE.match(language):
        raise ValidationError(
            f"Article.language must be a BCP 47 tag such as 'en' or 'pt-BR', got {language!r}"
        )
    obj = _new(Article)
    for setter, value in zip(
        _ARTICLE_SETTERS,
        (title, subtitle, section, authors, published, updated, url, publisher, language,
         media, body, notes, tags, _freeze_extras(extras)),
        strict=True,
    ):  # fmt: skip
        setter(obj, value)
    return obj


_ARTICLE_SETTERS = tuple(_setter(Article, name) for name in ARTICLE_FIELDS)
