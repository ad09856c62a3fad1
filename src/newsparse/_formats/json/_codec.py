"""Read and write the native JSON document with msgspec.

Reading decodes the text straight into the Structs of :mod:`._schema` (full type
validation, errors carry the JSON path such as ``$.authors[1].name``) and then builds
the attrs Article; writing goes the other way. Unknown top-level keys are kept in
``extras`` as ``"json.<key>"`` and written back as top-level keys.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import msgspec

from ... import _build
from ..._errors import NewsparseError, ParseError, ValidationError, WriteError
from ..._model import (
    Article,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
)
from .._msgspec import thaw as _thaw
from . import SCHEMA_VERSION
from ._dates import format_datetime, parse_datetime
from ._schema import (
    FIELDS,
    ArticleDoc,
    AuthorDoc,
    HeadingDoc,
    ListDoc,
    MediaBlockDoc,
    MediaDoc,
    ParagraphDoc,
    PreformattedDoc,
    QuoteDoc,
)

__all__ = ["article_from_doc", "decode", "doc_from_article", "encode", "read", "sniff", "write"]

FORMAT = "json"
EXTRA_PREFIX = "json."

_DECODER = msgspec.json.Decoder(ArticleDoc)
_ANY_DECODER = msgspec.json.Decoder()
_BYTE_POS = re.compile(r"\(byte (\d+)\)")
_LINE_COL = re.compile(r"line (\d+), column (\d+)")
_EXTRA_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*\.\S")
_VERSION = re.compile(r"1\.\d+\Z")


_ENCODER = msgspec.json.Encoder(enc_hook=_thaw)


# ---------------------------------------------------------------------------
# errors


def syntax_error(
    exc: Exception, text: str, *, format: str = FORMAT, line_offset: int = 0
) -> ParseError:
    """Turn a msgspec DecodeError on malformed JSON into a ParseError with line and column."""
    message = str(exc)
    match = _BYTE_POS.search(message)
    if match is not None:
        byte = int(match.group(1))
        raw = text.encode("utf-8", "surrogatepass")
        offset = len(raw[:byte].decode("utf-8", "ignore"))
        message = _BYTE_POS.sub("", message).rstrip()
    elif "truncated" in message:
        offset = len(text.rstrip())
        message = "JSON is malformed: the document ends too early (input truncated)"
    else:
        match = _LINE_COL.search(message)
        if match is not None:
            line, col = int(match.group(1)), int(match.group(2))
            starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
            offset = starts[min(line, len(starts)) - 1] + col - 1
        else:
            offset = 0
    error = ParseError.at(message, text, offset, format=format)
    if line_offset and error.line is not None:
        error.line += line_offset
    return error


def shape_error(message: str, *, format: str = FORMAT) -> ParseError:
    """A ParseError for valid JSON that is not a newsparse article."""
    return ParseError(f"not a newsparse article: {message}", format=format)


# ---------------------------------------------------------------------------
# reading


def decode(text: str, *, format: str = FORMAT) -> tuple[ArticleDoc, dict[str, Any]]:
    """Decode and validate ``text``; return the document and its unknown top-level keys.

    Raises ParseError only.
    """
    try:
        try:
            return _DECODER.decode(text), {}
        except msgspec.ValidationError as exc:
            message = str(exc)
            if not message.startswith("Object contains unknown field") or " - at `$" in message:
                raise shape_error(str(exc), format=format) from None
        # slow path: unknown top-level keys, kept as extras
        data = _ANY_DECODER.decode(text)
        assert isinstance(data, dict)
        unknown = {k: data.pop(k) for k in list(data) if k not in FIELDS}
        try:
            doc = msgspec.convert(data, ArticleDoc)
        except msgspec.ValidationError as exc:
            raise shape_error(str(exc), format=format) from None
        return doc, unknown
    except msgspec.DecodeError as exc:
        raise syntax_error(exc, text, format=format) from None
    except RecursionError:
        raise ParseError("JSON is nested too deeply to read", format=format) from None
    except UnicodeError as exc:
        raise ParseError(f"text cannot be read as JSON: {exc}", format=format) from None


def _date(value: str | None, key: str, format: str) -> Any:
    if value is None:
        return None
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
    ParagraphDoc: lambda d: _build.paragraph(d.text),
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
    builders = _BLOCK_BUILDERS
    paragraph = _build.paragraph
    try:
        return _build.article(
            doc.title,
            doc.subtitle,
            doc.section,
            tuple([_build.author(a.name, a.role, a.url) for a in doc.authors])
            if doc.authors
            else (),
            _date(doc.published, "published", format),
            _date(doc.updated, "updated", format),
            doc.url,
            doc.publisher,
            doc.language,
            tuple([_media(m) for m in doc.media]) if doc.media else (),
            tuple(
                [
                    paragraph(b.text) if type(b) is ParagraphDoc else builders[type(b)](b)
                    for b in doc.body
                ]
            )
            if doc.body
            else (),
            tuple(doc.notes) if doc.notes else (),
            tuple(doc.tags) if doc.tags else (),
            extras,
        )
    except ValidationError as exc:
        message = str(exc)
        field = re.match(r"Article\.(\w+)", message)
        if field is not None:
            message += f" - at `$.{field.group(1)}`"
        raise shape_error(message, format=format) from None


def read(text: str, **options: Any) -> Article:
    """Read one native JSON document.

    ``null`` and missing optional keys are accepted; unknown top-level keys are kept in
    ``extras`` under ``"json.<key>"``. Raises :class:`~newsparse.ParseError` (with line
    and column for malformed JSON, with the JSON path for a wrong shape).
    """
    if options:
        raise ParseError(f"unknown option(s): {', '.join(sorted(options))}", format=FORMAT)
    if not isinstance(text, str):
        raise ParseError(f"expected text (str), got {type(text).__name__}", format=FORMAT)
    doc, unknown = decode(text)
    return article_from_doc(doc, unknown)


# ---------------------------------------------------------------------------
# writing


def _media_doc(media: Media) -> MediaDoc:
    # msgspec omits a default by identity: a "image" that went through pickle (a worker
    # process) or was built at run time is another object, so pass the interned literal
    kind = "image" if media.kind == "image" else media.kind
    return MediaDoc(media.url, media.caption, media.credit, kind, media.alt)


_BLOCK_DOCS: dict[type, Any] = {
    Paragraph: lambda b: ParagraphDoc(b.text),
    Heading: lambda b: HeadingDoc(b.text, b.level),
    Quote: lambda b: QuoteDoc(b.text, b.attribution),
    ListBlock: lambda b: ListDoc(list(b.items), b.ordered),
    Preformatted: lambda b: PreformattedDoc(b.text),
    MediaBlock: lambda b: MediaBlockDoc(_media_doc(b.media)),
}


def _date_out(value: datetime | None) -> Any:
    if value is None:
        return None
    offset = value.utcoffset()
    if offset is not None and not offset.microseconds and not offset.seconds % 60:
        return value  # msgspec writes RFC 3339 itself, faster than isoformat()
    return format_datetime(value)


def doc_from_article(article: Article) -> tuple[ArticleDoc, dict[str, Any]]:
    """The document for ``article`` and the extras written as top-level keys.

    ``published``/``updated`` hold datetimes (which msgspec encodes as RFC 3339) or,
    for offsets with seconds, strings.
    """
    extras: dict[str, Any] | None = None
    top: dict[str, Any] = {}
    if article.extras:
        extras = {}
        # FrozenMapping keeps a plain dict: iterating it directly is much cheaper
        items = getattr(article.extras, "_data", article.extras).items()
        for key, value in items:
            if key.startswith(EXTRA_PREFIX) and key[len(EXTRA_PREFIX) :] not in FIELDS:
                top[key[len(EXTRA_PREFIX) :]] = value
            else:
                extras[key] = value
    block_docs = _BLOCK_DOCS
    doc = ArticleDoc(
        newsparse=SCHEMA_VERSION,
        title=article.title,
        subtitle=article.subtitle,
        section=article.section,
        authors=[AuthorDoc(a.name, a.role, a.url) for a in article.authors]
        if article.authors
        else None,
        published=_date_out(article.published),
        updated=_date_out(article.updated),
        url=article.url,
        publisher=article.publisher,
        language=article.language,
        media=[_media_doc(m) for m in article.media] if article.media else None,
        body=[
            ParagraphDoc(b.text) if type(b) is Paragraph else block_docs[type(b)](b)
            for b in article.body
        ]
        if article.body
        else None,
        notes=list(article.notes) if article.notes else None,
        tags=list(article.tags) if article.tags else None,
        extras=extras or None,
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
    except Exception as exc:  # e.g. a lone surrogate in a string
        raise WriteError(f"cannot write the article as JSON: {exc}", format=format) from exc


def write(article: Article, *, indent: int | None = None, **options: Any) -> str:
    """Write ``article`` as a native JSON document ending in a newline.

    Null and empty fields are omitted (as is ``kind`` when it is ``"image"`` and a
    heading ``level`` of 2). ``indent=N`` pretty-prints with N spaces.
    """
    if options:
        raise WriteError(f"unknown option(s): {', '.join(sorted(options))}", format=FORMAT)
    if indent is not None:
        return msgspec.json.format(encode(article), indent=indent).decode("utf-8") + "\n"
    try:
        doc, top = doc_from_article(article)
        if not top:  # the common case: one buffer, one decode
            buffer = bytearray()
            _ENCODER.encode_into(doc, buffer)
            buffer += b"\n"
            return buffer.decode("utf-8")
    except NewsparseError:
        raise
    except Exception as exc:
        raise WriteError(f"cannot write the article as JSON: {exc}", format=FORMAT) from exc
    return encode(article).decode("utf-8") + "\n"


# ---------------------------------------------------------------------------
# detection


def sniff(head: str) -> float:
    """Confidence that ``head`` starts a native newsparse JSON document."""
    stripped = head.lstrip("\ufeff \t\r\n")
    if not stripped.startswith("{"):
        return 0.0
    if re.match(r'\{\s*"newsparse"\s*:', stripped):
        rest = stripped.partition("\n")[2]
        if rest.lstrip().startswith('{"newsparse"'):
            return 0.4  # one document per line: JSON Lines
        return 0.95
    if '"newsparse"' in stripped and '"title"' in stripped:
        return 0.7
    return 0.1
