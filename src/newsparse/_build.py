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

from collections.abc import Iterable, Mapping
from datetime import MAXYEAR, MINYEAR, datetime, timezone
from typing import Any

from ._errors import ValidationError
from ._model import (
    _EMPTY,
    _LANGUAGE,
    MAX_EXTRAS_DEPTH,
    Article,
    Author,
    FrozenMapping,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
    _check_extras_keys,
    _freeze_extras,
    _TooDeep,
)

__all__ = [
    "ARTICLE_FIELDS",
    "article",
    "author",
    "body",
    "heading",
    "json_extras",
    "list_block",
    "media",
    "media_block",
    "paragraphs",
    "preformatted",
    "quote",
]

_set = object.__setattr__
_new = object.__new__


def _setters(cls: type, *names: str) -> tuple[Any, ...]:
    """The slots' own setters: they set frozen attrs fields without a ``__setattr__`` lookup."""
    return tuple(cls.__dict__[name].__set__ for name in names)


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


_AUTHOR_NAME, _AUTHOR_ROLE, _AUTHOR_URL = _setters(Author, "name", "role", "url")
_MEDIA_URL, _MEDIA_CAPTION, _MEDIA_CREDIT, _MEDIA_KIND, _MEDIA_ALT = _setters(
    Media, "url", "caption", "credit", "kind", "alt"
)
(_PARAGRAPH_TEXT,) = _setters(Paragraph, "text")
_HEADING_TEXT, _HEADING_LEVEL = _setters(Heading, "text", "level")
_QUOTE_TEXT, _QUOTE_ATTRIBUTION = _setters(Quote, "text", "attribution")
_LIST_ITEMS, _LIST_ORDERED = _setters(ListBlock, "items", "ordered")
(_PREFORMATTED_TEXT,) = _setters(Preformatted, "text")
(_MEDIA_BLOCK_MEDIA,) = _setters(MediaBlock, "media")


def author(name: str, role: str | None, url: str | None) -> Author:
    """An Author from checked values."""
    obj = _new(Author)
    _AUTHOR_NAME(obj, name)
    _AUTHOR_ROLE(obj, role)
    _AUTHOR_URL(obj, url)
    return obj


def media(
    url: str | None, caption: str | None, credit: str | None, kind: str, alt: str | None
) -> Media:
    """A Media from checked values."""
    obj = _new(Media)
    _MEDIA_URL(obj, url)
    _MEDIA_CAPTION(obj, caption)
    _MEDIA_CREDIT(obj, credit)
    _MEDIA_KIND(obj, kind)
    _MEDIA_ALT(obj, alt)
    return obj


def paragraphs(texts: list[str]) -> tuple[Paragraph, ...]:
    """Paragraphs from checked strings."""
    new, set_text, cls = _new, _PARAGRAPH_TEXT, Paragraph
    out = []
    for text in texts:
        obj = new(cls)
        set_text(obj, text)
        out.append(obj)
    return tuple(out)


def body(
    items: Iterable[Any], paragraph_type: type[Any], convert: Mapping[type, Any]
) -> tuple[Any, ...]:
    """Body blocks from a reader's checked items, in one pass.

    Items of ``paragraph_type`` (the common case, anything with a ``text``) become
    Paragraphs inline; any other item goes through ``convert[type(item)]``.
    """
    new, set_text, cls = _new, _PARAGRAPH_TEXT, Paragraph
    out: list[Any] = []
    append = out.append
    for item in items:
        if type(item) is paragraph_type:
            obj = new(cls)
            set_text(obj, item.text)
            append(obj)
        else:
            append(convert[type(item)](item))
    return tuple(out)


def heading(text: str, level: int) -> Heading:
    """A Heading from checked values (level already within 1..6)."""
    obj = _new(Heading)
    _HEADING_TEXT(obj, text)
    _HEADING_LEVEL(obj, level)
    return obj


def quote(text: str, attribution: str | None) -> Quote:
    """A Quote from checked values."""
    obj = _new(Quote)
    _QUOTE_TEXT(obj, text)
    _QUOTE_ATTRIBUTION(obj, attribution)
    return obj


def list_block(items: tuple[str, ...], ordered: bool) -> ListBlock:
    """A ListBlock from checked values."""
    obj = _new(ListBlock)
    _LIST_ITEMS(obj, items)
    _LIST_ORDERED(obj, ordered)
    return obj


def preformatted(text: str) -> Preformatted:
    """A Preformatted block from checked values."""
    obj = _new(Preformatted)
    _PREFORMATTED_TEXT(obj, text)
    return obj


def media_block(item: Media) -> MediaBlock:
    """A MediaBlock from a built Media."""
    obj = _new(MediaBlock)
    _MEDIA_BLOCK_MEDIA(obj, item)
    return obj


_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})


def _freeze_json(value: Any, depth: int) -> Any:
    # loops rather than comprehensions: one stack frame per level of nesting, not two
    if depth >= MAX_EXTRAS_DEPTH:
        raise _TooDeep
    scalars = _JSON_SCALARS
    if type(value) is list:
        out = []
        for item in value:
            out.append(item if type(item) in scalars else _freeze_json(item, depth + 1))
        return tuple(out)
    frozen = {}
    for key, item in value.items():
        frozen[key] = item if type(item) in scalars else _freeze_json(item, depth + 1)
    return FrozenMapping._frozen(frozen)


def json_extras(value: dict[str, Any] | None) -> Mapping[str, Any]:
    """Freeze extras that msgspec decoded from JSON: str keys and JSON values only.

    JSON has no NaN or infinity (msgspec refuses numbers out of range), so only the keys
    are checked here. Raises ValidationError for a key that is not namespaced.
    """
    if not value:
        return _EMPTY
    _check_extras_keys(value)
    frozen = {}
    for key in sorted(value):
        item = value[key]
        try:
            frozen[key] = item if type(item) in _JSON_SCALARS else _freeze_json(item, 0)
        except _TooDeep:
            raise ValidationError(
                f"Article.extras[{key!r}] is nested too deeply "
                f"(more than {MAX_EXTRAS_DEPTH} levels of lists and mappings)"
            ) from None
    return FrozenMapping._frozen(frozen)


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
    if published is not None and (published.year == MAXYEAR or published.year == MINYEAR):
        _check_instant(published)
    if updated is not None and (updated.year == MAXYEAR or updated.year == MINYEAR):
        _check_instant(updated)
    if language is not None and not _LANGUAGE.match(language):
        raise ValidationError(
            f"Article.language must be a BCP 47 tag such as 'en' or 'pt-BR', got {language!r}"
        )
    obj = _new(Article)
    _ARTICLE_TITLE(obj, title)
    _ARTICLE_SUBTITLE(obj, subtitle)
    _ARTICLE_SECTION(obj, section)
    _ARTICLE_AUTHORS(obj, authors)
    _ARTICLE_PUBLISHED(obj, published)
    _ARTICLE_UPDATED(obj, updated)
    _ARTICLE_URL(obj, url)
    _ARTICLE_PUBLISHER(obj, publisher)
    _ARTICLE_LANGUAGE(obj, language)
    _ARTICLE_MEDIA(obj, media)
    _ARTICLE_BODY(obj, body)
    _ARTICLE_NOTES(obj, notes)
    _ARTICLE_TAGS(obj, tags)
    _ARTICLE_EXTRAS(obj, _freeze_extras(extras))
    return obj


(
    _ARTICLE_TITLE,
    _ARTICLE_SUBTITLE,
    _ARTICLE_SECTION,
    _ARTICLE_AUTHORS,
    _ARTICLE_PUBLISHED,
    _ARTICLE_UPDATED,
    _ARTICLE_URL,
    _ARTICLE_PUBLISHER,
    _ARTICLE_LANGUAGE,
    _ARTICLE_MEDIA,
    _ARTICLE_BODY,
    _ARTICLE_NOTES,
    _ARTICLE_TAGS,
    _ARTICLE_EXTRAS,
) = _setters(Article, *ARTICLE_FIELDS)
