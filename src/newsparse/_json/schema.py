"""msgspec Structs that mirror the native JSON document (schema version 1.x).

They are the serialization layer only: :mod:`.document` converts between them and the
attrs :class:`~newsparse.Article`, which knows nothing about JSON. Optional fields
default to ``None`` so that ``null`` is accepted on read and omitted on write.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Union

import msgspec

__all__ = [
    "ArticleDoc",
    "AuthorDoc",
    "BlockDoc",
    "HeadingDoc",
    "LaxArticleDoc",
    "ListDoc",
    "MediaBlockDoc",
    "MediaDoc",
    "ParagraphDoc",
    "PreformattedDoc",
    "QuoteDoc",
]


class _Doc(msgspec.Struct, omit_defaults=True, forbid_unknown_fields=True, gc=False):
    """Shared configuration: omit defaults on write, refuse unknown keys on read.

    ``gc=False``: these Structs hold only strings, lists and other Structs (never a
    cycle), so the garbage collector need not track them; it makes them cheaper to build.
    """


class AuthorDoc(_Doc):
    """``{"name", "role", "url"}``."""

    name: str
    role: str | None = None
    url: str | None = None


class MediaDoc(_Doc):
    """``{"url", "caption", "credit", "kind", "alt"}``; ``kind`` defaults to ``"image"``."""

    url: str | None = None
    caption: str | None = None
    credit: str | None = None
    kind: str = "image"
    alt: str | None = None


class _Block(_Doc, tag_field="type"):
    """A body block, told apart by its ``"type"`` key."""


class ParagraphDoc(_Block, tag="paragraph"):
    """``{"type": "paragraph", "text"}``."""

    text: str


class HeadingDoc(_Block, tag="heading"):
    """``{"type": "heading", "text", "level"}`` with a level from 1 to 6 (default 2)."""

    text: str
    level: Annotated[int, msgspec.Meta(ge=1, le=6)] = 2


class QuoteDoc(_Block, tag="quote"):
    """``{"type": "quote", "text", "attribution"}``."""

    text: str
    attribution: str | None = None


class ListDoc(_Block, tag="list"):
    """``{"type": "list", "items", "ordered"}``."""

    items: list[str]
    ordered: bool = False


class PreformattedDoc(_Block, tag="preformatted"):
    """``{"type": "preformatted", "text"}``."""

    text: str


class MediaBlockDoc(_Block, tag="media"):
    """``{"type": "media", "media": {...}}``."""

    media: MediaDoc


BlockDoc = Union[  # noqa: UP007 -- msgspec needs a runtime union on Python 3.10
    ParagraphDoc, HeadingDoc, QuoteDoc, ListDoc, PreformattedDoc, MediaBlockDoc
]


AwareDatetime = Annotated[datetime, msgspec.Meta(tz=True)]
"""An RFC 3339 datetime that must carry its UTC offset (msgspec parses it in C)."""


class ArticleDoc(_Doc, kw_only=True):
    """The whole document. ``published``/``updated`` are RFC 3339 datetimes with an offset.

    On write they may also hold a string: an offset with seconds (local mean time in
    historical zones) has no RFC 3339 form that msgspec parses, and is written by hand.
    """

    newsparse: str | None = None
    title: str
    subtitle: str | None = None
    section: str | None = None
    authors: list[AuthorDoc] | None = None
    published: AwareDatetime | None = None
    updated: AwareDatetime | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    media: list[MediaDoc] | None = None
    body: list[BlockDoc] | None = None
    notes: list[str] | None = None
    tags: list[str] | None = None
    extras: dict[str, Any] | None = None


class LaxArticleDoc(ArticleDoc, kw_only=True):
    """The same document with the datetimes as strings, parsed by hand.

    The reader falls back to it when the fast decoding fails, so that an offset with
    seconds is read and a bad datetime gets an error that says what is expected.
    """

    published: str | None = None  # type: ignore[assignment]
    updated: str | None = None  # type: ignore[assignment]


FIELDS: frozenset[str] = frozenset(ArticleDoc.__struct_fields__)
"""The top-level keys the schema knows; any other key is kept in ``extras``."""
