"""The native newsparse document: the Article as the ``json`` format writes it, both ways.

Shared by the ``json`` and ``jsonl`` formats (which add text encoding and decoding) and by
:func:`newsparse.to_dict` / :func:`newsparse.from_dict` (which give the same document as
plain Python values), so that there is one mapping between the model and its JSON form.
The msgspec Structs of the document are in :mod:`.schema`. Unknown top-level keys are
kept in ``extras`` as ``"json.<key>"`` and written back as top-level keys.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import msgspec

from .. import _build
from .._errors import NewsparseError, ParseError, ValidationError, WriteError
from .._model import (
    _EXTRA_KEY,
    Article,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
)
from .dates import format_datetime, parse_datetime
from .hooks import thaw
from .schema import (
    FIELDS,
    ArticleDoc,
    AuthorDoc,
    HeadingDoc,
    LaxArticleDoc,
    ListDoc,
    MediaBlockDoc,
    MediaDoc,
    ParagraphDoc,
    PreformattedDoc,
    QuoteDoc,
)

__all__ = [
    "EXTRA_PREFIX",
    "SCHEMA_VERSION",
    "article_from_doc",
    "doc_from_article",
    "encode",
    "from_dict",
    "shape_error",
    "to_dict",
]

SCHEMA_VERSION = "1.0"
"""The version the writer puts in the ``"newsparse"`` key of every document."""

FORMAT = "json"
EXTRA_PREFIX = "json."

_ENCODER = msgspec.json.Encoder(enc_hook=thaw)

_VERSION = re.compile(r"1\.\d+\Z")


# ---------------------------------------------------------------------------
# errors


def shape_error(message: str, *, format: str = FORMAT) -> ParseError:
    """A ParseError for valid JSON that is not a newsparse article."""
    return ParseError(f"not a newsparse article: {message}", format=format)


# ---------------------------------------------------------------------------
# reading


def _date(value: datetime | str | None, key: str, format: str) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value  # msgspec parsed it (the fast path)
    parsed = parse_datetime(value)
    if parsed is None:
        raise shape_error(
            f"expected an RFC 3339 datetime with a UTC offset, got {value!r} - at `$.{key}`",
            format=format,
        )
    return parsed


def _media(doc: MediaDoc) -> Media:
    return _build.media(doc.url, doc.caption, doc.credit, doc.kind, doc.alt)


_BLOCK_BUILDERS: dict[type, Any] = {
    HeadingDoc: lambda d: _build.heading(d.text, d.level),
    QuoteDoc: lambda d: _build.quote(d.text, d.attribution),
    ListDoc: lambda d: _build.list_block(tuple(d.items), d.ordered),
    PreformattedDoc: lambda d: _build.preformatted(d.text),
    MediaBlockDoc: lambda d: _build.media_block(_media(d.media)),
}


def article_from_doc(
    doc: ArticleDoc, unknown: Mapping[str, Any] | None = None, *, format: str = FORMAT
) -> Article:
    """Build the Article from a decoded document (and its unknown top-level keys)."""
    if doc.newsparse is not None and not _VERSION.match(doc.newsparse):
        raise shape_error(
            f"unsupported document version {doc.newsparse!r} (this reader reads 1.x) "
            "- at `$.newsparse`",
            format=format,
        )
    extras = doc.extras
    if unknown:
        extras = dict(extras or {})
        for key, value in unknown.items():
            name = EXTRA_PREFIX + key
            if not _EXTRA_KEY.match(name):
                raise shape_error(f"unknown top-level key {key!r} cannot be kept", format=format)
            extras.setdefault(name, value)
    author = _build.author
    try:
        return _build.article(
            doc.title,
            doc.subtitle,
            doc.section,
            tuple([author(a.name, a.role, a.url) for a in doc.authors]) if doc.authors else (),
            _date(doc.published, "published", format),
            _date(doc.updated, "updated", format),
            doc.url,
            doc.publisher,
            doc.language,
            tuple([_media(m) for m in doc.media]) if doc.media else (),
            _build.body(doc.body, ParagraphDoc, _BLOCK_BUILDERS) if doc.body else (),
            tuple(doc.notes) if doc.notes else (),
            tuple(doc.tags) if doc.tags else (),
            _build.json_extras(extras),
        )
    except ValidationError as exc:
        message = str(exc)
        field = re.match(r"Article\.(\w+)", message)
        if field is not None:
            message += f" - at `$.{field.group(1)}`"
        raise shape_error(message, format=format) from None
    except RecursionError:
        raise ParseError("JSON is nested too deeply to read", format=format) from None


# ---------------------------------------------------------------------------
# writing


def _media_doc(media: Media) -> MediaDoc:
    # msgspec omits a default by identity: a "image" that went through pickle (a worker
    # process) or was built at run time is another object, so pass the interned literal
    kind = "image" if media.kind == "image" else media.kind
    return MediaDoc(media.url, media.caption, media.credit, kind, media.alt)


# Tuples go into the documents as they are: msgspec writes them as arrays, and copying
# them into lists would only cost time.
_BLOCK_DOCS: dict[type, Any] = {
    Heading: lambda b: HeadingDoc(b.text, b.level),
    Quote: lambda b: QuoteDoc(b.text, b.attribution),
    ListBlock: lambda b: ListDoc(b.items, b.ordered),
    Preformatted: lambda b: PreformattedDoc(b.text),
    MediaBlock: lambda b: MediaBlockDoc(_media_doc(b.media)),
}


def _body_docs(body: tuple[Any, ...]) -> list[Any]:
    docs = _BLOCK_DOCS
    return [ParagraphDoc(b.text) if type(b) is Paragraph else docs[type(b)](b) for b in body]


def _date_out(value: datetime | None) -> Any:
    if value is None:
        return None
    offset = value.utcoffset()
    if offset.seconds % 60 or offset.microseconds:  # type: ignore[union-attr]
        return format_datetime(value)  # msgspec would drop the seconds of the offset
    return value  # msgspec writes RFC 3339 itself, faster than isoformat()


_WriteDoc = msgspec.defstruct(
    "_WriteDoc",
    [(name, Any, None) for name in ArticleDoc.__struct_fields__],
    omit_defaults=True,
    gc=False,
)
"""ArticleDoc's keys in the same order, all optional and positional: written only.

Building it positionally is several times cheaper than ArticleDoc's fifteen keywords.
"""


def doc_from_article(article: Article) -> tuple[msgspec.Struct, dict[str, Any]]:
    """The document to encode for ``article`` and the extras written as top-level keys.

    ``published``/``updated`` hold datetimes (which msgspec encodes as RFC 3339) or,
    for offsets with seconds, strings.
    """
    extras: dict[str, Any] | None = None
    top: dict[str, Any] = {}
    # FrozenMapping keeps a plain dict: using it directly is much cheaper
    data = getattr(article.extras, "_data", article.extras)
    if data:
        extras = {}
        for key, value in data.items():
            if key.startswith(EXTRA_PREFIX) and key[len(EXTRA_PREFIX) :] not in FIELDS:
                top[key[len(EXTRA_PREFIX) :]] = value
            else:
                extras[key] = value
    authors = article.authors
    media = article.media
    body = article.body
    doc = _WriteDoc(
        SCHEMA_VERSION,
        article.title,
        article.subtitle,
        article.section,
        [AuthorDoc(a.name, a.role, a.url) for a in authors] if authors else None,
        _date_out(article.published),
        _date_out(article.updated),
        article.url,
        article.publisher,
        article.language,
        [_media_doc(m) for m in media] if media else None,
        _body_docs(body) if body else None,
        article.notes or None,
        article.tags or None,
        extras or None,
    )
    return doc, top


def encode(article: Article, *, format: str = FORMAT) -> bytes:
    """``article`` as one compact JSON document (UTF-8 bytes, no trailing newline)."""
    try:
        doc, top = doc_from_article(article)
        data = _ENCODER.encode(doc)
        if top:
            # splice the unknown keys in after the known ones: '{...}' -> '{...,"k":v}'
            rest = _ENCODER.encode(top)
            data = data[:-1] + b"," + rest[1:]
        return data
    except NewsparseError:
        raise
    except RecursionError:
        raise WriteError(
            "cannot write the article as JSON: its extras are nested too deeply", format=format
        ) from None
    except Exception as exc:  # e.g. a lone surrogate in a string
        raise WriteError(f"cannot write the article as JSON: {exc}", format=format) from exc


# ---------------------------------------------------------------------------
# plain Python values


def to_dict(article: Article) -> dict[str, Any]:
    """The native document of ``article`` as plain JSON values (see newsparse.to_dict)."""
    # through the JSON text itself: the very document the json format writes, decoded by
    # msgspec in C (faster than converting the Structs and the extras' tuples in Python)
    data: dict[str, Any] = msgspec.json.decode(encode(article))
    return data


def from_dict(data: Mapping[str, Any]) -> Article:
    """The Article of a native document given as Python values (see newsparse.from_dict)."""
    if not isinstance(data, Mapping):
        raise ValidationError(f"expected a mapping, got {type(data).__name__}")
    fields = dict(data)
    unknown = {key: fields.pop(key) for key in list(fields) if key not in FIELDS}
    dates = {
        key: fields.pop(key)
        for key in ("published", "updated")
        if isinstance(fields.get(key), datetime)
    }
    try:
        doc = msgspec.convert(fields, LaxArticleDoc)
    except msgspec.ValidationError as exc:
        raise ValidationError(f"not a newsparse article: {exc}") from None
    if dates:
        doc = msgspec.structs.replace(doc, **dates)
    try:
        return article_from_doc(doc, unknown)
    except ParseError as exc:
        raise ValidationError(exc.message) from None
