"""The public functions: read, read_many, write, write_many, detect_format, formats."""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any, Union

from ._errors import (
    DecodeError,
    FormatDetectionError,
    NewsparseError,
    PluginError,
    ReadError,
    WriteError,
)
from ._model import Article
from ._plugins import describe, get_registry, interrupts, is_builtin, report_failure, warn_once
from ._registry import FormatSpec

__all__ = [
    "Source",
    "detect_format",
    "formats",
    "get_format",
    "read",
    "read_many",
    "write",
    "write_many",
]

Source = Union[str, bytes, bytearray, "os.PathLike[str]", IO[str], IO[bytes]]
"""What :func:`read` accepts: text (``str``), ``bytes``, a path, or an open file."""

SNIFF_BYTES = 8192
"""How much of a source the format sniffers see."""

_MIN_CONFIDENCE = 0.5
_CONTRADICTED = 0.05  # a sniffer this unsure is saying "not mine"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class _Input:
    """A source, opened: its text or bytes, its name, and its filename for detection."""

    __slots__ = ("data", "filename", "name", "path")

    def __init__(
        self,
        data: str | bytes | None,
        name: str,
        filename: str | None,
        path: os.PathLike[str] | None = None,
    ) -> None:
        self.data = data
        self.name = name
        self.filename = filename
        self.path = path

    def head_bytes(self) -> bytes:
        if self.data is None:
            assert self.path is not None
            with open(self.path, "rb") as f:
                return f.read(SNIFF_BYTES)
        if isinstance(self.data, str):
            return self.data[:SNIFF_BYTES].encode("utf-8", "surrogatepass")
        return self.data[:SNIFF_BYTES]

    def head_text(self) -> str:
        if isinstance(self.data, str):
            return self.data[:SNIFF_BYTES]
        head = self.head_bytes()
        encoding = _bom_encoding(head) or "utf-8"
        return head.decode(encoding, "replace")

    def all_bytes(self) -> bytes:
        if self.data is None:
            assert self.path is not None
            with open(self.path, "rb") as f:
                return f.read()
        if isinstance(self.data, str):
            return self.data.encode("utf-8", "surrogatepass")
        return self.data


def _open(source: Any, filename: str | None) -> _Input:
    if isinstance(source, str):
        if source.startswith("\ufeff"):  # a byte-order mark that survived decoding
            source = source[1:]
        return _Input(source, filename or "<string>", filename)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _Input(bytes(source), filename or "<bytes>", filename)
    if isinstance(source, os.PathLike):
        path = os.fspath(source)
        if not isinstance(path, str):
            path = os.fsdecode(path)
        if os.path.isdir(path):
            raise ReadError(
                "is a folder: read its files, or use newsparse.convert_many / "
                "`newsparse convert FOLDER` for folders",
                source=path,
            )
        if not os.path.isfile(path):
            raise ReadError("no such file", source=path)
        return _Input(None, path, filename or path, path=source)
    read = getattr(source, "read", None)
    if callable(read):
        data = read()
        name = getattr(source, "name", None)
        name = name if isinstance(name, str) else None
        if not isinstance(data, (str, bytes)):
            raise ReadError(
                f"file object returned {type(data).__name__} from read(), not str or bytes",
                source=name,
            )
        return _Input(data, name or "<stream>", filename or name)
    raise ReadError(
        f"cannot read from {type(source).__name__}; pass text (str), bytes, a pathlib.Path "
        "or an open file"
    )


def _bom_encoding(head: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def _decode(data: bytes, spec: FormatSpec, encoding: str | None, name: str) -> str:
    chosen = encoding or _bom_encoding(data)
    if chosen is None and spec.encoding_detector is not None:
        declared = _call_reader(spec, "encoding_detector", name, data[:SNIFF_BYTES])
        if isinstance(declared, str) and declared:
            try:
                chosen = codecs.lookup(declared).name
            except LookupError:
                chosen = None
    chosen = chosen or "utf-8"
    try:
        return data.decode(chosen)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 8]
        raise DecodeError(
            f"bytes at offset {exc.start} are not valid {chosen} ({bad!r}: {exc.reason}); "
            "pass encoding=... if the source uses another encoding",
            offset=exc.start,
            encoding=chosen,
            format=spec.name,
            source=name,
        ) from None
    except LookupError:
        raise ReadError(f"unknown encoding {chosen!r}", format=spec.name, source=name) from None


def _resolve(
    src: _Input, format: str | None, media_type: str | None, *, for_reading: bool = True
) -> FormatSpec:
    registry = get_registry()
    if format is not None:
        spec = registry.get(format)
    elif media_type is not None and any(s.can_read for s in registry.for_media_type(media_type)):
        spec = next(s for s in registry.for_media_type(media_type) if s.can_read)
    else:  # no media type, or one no format claims (application/octet-stream): detect
        spec = _detect(src)
    if for_reading and not spec.can_read:
        readers = ", ".join(s.name for s in registry.readers())
        raise ReadError(f"format {spec.name!r} cannot read; formats that can: {readers}")
    return spec


def _sniff_all(head: str) -> dict[str, float]:
    """Every reader's confidence that ``head`` is in its format (no sniffer: absent).

    A sniffer that cannot be loaded, raises (whatever it raises but KeyboardInterrupt) or
    returns no number loses its vote and is reported once; a score outside [0, 1] is
    clamped, with one warning per sniffer.
    """
    scores: dict[str, float] = {}
    for spec in get_registry().readers():
        try:  # a broken plugin (bad reference, crashing sniffer) only loses its vote
            sniffer = spec.load("sniffer")
            if sniffer is None:
                continue
            raw = sniffer(head)
            score = float(raw)
        except BaseException as exc:
            if interrupts(exc):
                raise
            scores[spec.name] = 0.0
            report_failure(
                ("sniffer", spec.name),
                exc
                if isinstance(exc, PluginError)
                else PluginError(
                    f"the sniffer of format {spec.name!r} failed: {describe(exc)}",
                    plugin=spec.plugin or "?",
                ),
            )
            continue
        if not 0.0 <= score <= 1.0:  # NaN fails both comparisons
            clamped = 1.0 if score > 1.0 else 0.0
            warn_once(
                ("score", spec.name),
                f"plugin {spec.plugin!r}: the sniffer of format {spec.name!r} returned "
                f"{raw!r}, outside [0, 1]; it counts as {clamped}",
            )
            score = clamped
        scores[spec.name] = score
    return scores


def _displaced(winner: FormatSpec, scores: dict[str, float]) -> None:
    """Warn (once) when a plugin's format wins a source another plugin's format claims.

    A format that claims the extension or media type of another plugin's format and
    sniffs more confidently takes that format's files: say so, naming both.
    """
    if is_builtin(winner.plugin):
        return
    claims = set(winner.extensions) | set(winner.media_types)
    for name, score in scores.items():
        if name == winner.name or score < _MIN_CONFIDENCE:
            continue
        other = get_registry().get(name)
        shared = claims & (set(other.extensions) | set(other.media_types))
        if other.plugin == winner.plugin or not shared:
            continue
        warn_once(
            ("displaced", winner.name, other.name),
            f"plugin {winner.plugin!r}: its format {winner.name!r} claims "
            f"{', '.join(sorted(shared))}, also claimed by format {other.name!r} (plugin "
            f"{other.plugin!r}), and its sniffer's score {scores[winner.name]} took a "
            f"source that {other.name!r} scored {score}",
        )


def _detect(src: _Input) -> FormatSpec:
    scores: dict[str, float] = {}
    spec = _detect_by(src, scores)
    if spec.name in scores:
        _displaced(spec, scores)
    return spec


def _detect_by(src: _Input, scores: dict[str, float]) -> FormatSpec:
    registry = get_registry()
    by_name: list[FormatSpec] = []
    if src.filename:
        by_name = [s for s in registry.for_filename(src.filename) if s.can_read]
    scores.update(_sniff_all(src.head_text()))
    ranked = sorted(scores, key=lambda name: (-scores[name], name))
    confident = [name for name in ranked if scores[name] >= _MIN_CONFIDENCE]
    if by_name:
        # the file name proposes, the content decides among (or against) what it proposes
        names = [s.name for s in by_name]
        for name in confident:
            if name in names:
                return registry.get(name)
        unsniffable = [s for s in by_name if s.name not in scores]
        contradicted = all(scores.get(n, 1.0) <= _CONTRADICTED for n in names)
        if confident and (contradicted or not unsniffable):
            return registry.get(confident[0])  # e.g. ninjs or JSON-LD saved as .json
        if len(by_name) == 1 and not contradicted:
            return by_name[0]
        if len(by_name) == 1:
            raise FormatDetectionError(
                f"the file name says {names[0]}, but the content does not look like it",
                names,
                source=src.name,
            )
        raise FormatDetectionError(
            "the file name fits several formats and the content matches none",
            names,
            source=src.name,
        )
    if confident:
        top = scores[confident[0]]
        ties = [name for name in confident if scores[name] == top]
        if len(ties) > 1:
            raise FormatDetectionError("the content fits several formats", ties, source=src.name)
        return registry.get(confident[0])
    hint = ""
    if isinstance(src.data, str) and "\n" not in src.data and os.path.exists(src.data):
        hint = " (a str is read as text: to read the file it names, pass pathlib.Path(...))"
    candidates = [name for name in ranked if scores[name] > 0]
    raise FormatDetectionError(f"cannot tell the format{hint}", candidates, source=src.name)


def _text_of(src: _Input, spec: FormatSpec, encoding: str | None) -> str | bytes:
    if spec.binary:
        return src.all_bytes()
    if isinstance(src.data, str):
        return src.data
    return _decode(src.all_bytes(), spec, encoding, src.name)


def _check_size(src: _Input, spec: FormatSpec, limit: int | None) -> None:
    if limit is None:
        return
    if src.data is not None:
        size = len(src.data)
    else:
        assert src.path is not None
        size = os.path.getsize(src.path)
    if size > limit:
        raise ReadError(
            f"the input is {size:,} {'characters' if isinstance(src.data, str) else 'bytes'}, "
            f"over the {limit:,} limit of format {spec.name!r}; pass max_size=N (or None) "
            "to read it anyway",
            format=spec.name,
            source=src.name,
        )


def _call_reader(spec: FormatSpec, role: str, src_name: str, *args: Any, **options: Any) -> Any:
    func = spec.load(role)
    assert func is not None
    try:
        return func(*args, **options)
    except NewsparseError as exc:
        if isinstance(exc, ReadError) and exc.source is None:
            exc.source = src_name
        raise
    except TypeError as exc:
        if "unexpected keyword argument" in str(exc):
            raise ReadError(f"{exc}", format=spec.name, source=src_name) from exc
        raise _crash(spec, "reading", exc, src_name) from exc
    except BaseException as exc:  # SystemExit, GeneratorExit ...: the plugin's failure
        if interrupts(exc):
            raise
        raise _crash(spec, "reading", exc, src_name) from exc


def _crash(
    spec: FormatSpec, doing: str, exc: BaseException, src_name: str | None
) -> NewsparseError:
    message = f"format {spec.name!r} (plugin {spec.plugin!r}) failed while {doing}: " + describe(
        exc
    )
    if doing == "reading":
        return ReadError(message, format=spec.name, source=src_name)
    return WriteError(message, format=spec.name)


def read(
    source: Source,
    format: str | None = None,
    *,
    media_type: str | None = None,
    encoding: str | None = None,
    filename: str | None = None,
    max_size: int | None = -1,
    **options: Any,
) -> Article:
    r"""Read one article from ``source``.

    :param source: text (``str``), ``bytes``, a :class:`pathlib.Path`, or an open file
        (text or binary). A ``str`` is always the document itself, never a file name.
    :param format: the format's name, alias, extension or media type; detected when
        omitted, in this order: ``media_type``, the file name's extension, the content.
    :param media_type: the source's media type, e.g. from an HTTP ``Content-Type``.
    :param encoding: the encoding of ``bytes`` (default: a byte-order mark, a charset the
        document declares where the format has one, else UTF-8).
    :param filename: a file name to detect the format from, for sources without one.
    :param max_size: the largest document to accept, in bytes (characters for ``str``);
        the format's own ``max_size`` (256 MiB unless it says otherwise) when omitted,
        ``None`` for no limit. A larger source raises :class:`ReadError` before it is read.
    :param options: passed to the format's reader (e.g. ``strict=True`` for ``wire``).
    :raises ReadError: on unreadable input (:class:`ParseError`, :class:`DecodeError`).
    :raises FormatDetectionError: when the format cannot be told.

    >>> article = read(" date 2024-03-05 trending:\n\nHarbour reopens\n\n", "wire")
    >>> article.title
    'Harbour reopens'
    """
    src = _open(source, filename)
    spec = _resolve(src, format, media_type)
    if spec.binary and encoding is not None:
        options = {**options, "encoding": encoding}
    return _read_one(src, spec, encoding, max_size, options)


def _read_one(
    src: _Input, spec: FormatSpec, encoding: str | None, max_size: int | None, options: Any
) -> Article:
    """Read the one document of ``src`` with ``spec``'s reader (size limit, type check)."""
    _check_size(src, spec, spec.max_size if max_size == -1 else max_size)
    article = _call_reader(spec, "reader", src.name, _text_of(src, spec, encoding), **options)
    if not isinstance(article, Article):
        raise ReadError(
            f"format {spec.name!r} (plugin {spec.plugin!r}) returned "
            f"{type(article).__name__}, not an Article",
            format=spec.name,
            source=src.name,
        )
    return article


def read_many(
    source: Source,
    format: str | None = None,
    *,
    media_type: str | None = None,
    encoding: str | None = None,
    filename: str | None = None,
    max_size: int | None = -1,
    **options: Any,
) -> Iterator[Article]:
    """Read every article of a document that holds several (e.g. JSON Lines).

    Takes the same arguments as :func:`read` and yields Articles as they are read. A file
    given as a path is streamed, so a format that reads record by record keeps memory flat
    whatever the file's size (``max_size`` then limits nothing). A format without a reader
    for several articles yields the single one it reads.
    """
    src = _open(source, filename)
    spec = _resolve(src, format, media_type)
    if spec.binary and encoding is not None:
        options = {**options, "encoding": encoding}
    if spec.many_reader is None:  # one document, read as read() reads it
        yield _read_one(src, spec, encoding, max_size, options)
        return
    stream, chosen = _stream_of(src, spec, encoding)
    try:
        iterator = _call_reader(spec, "many_reader", src.name, stream, **options)
        while True:
            try:
                article = next(iterator)
            except StopIteration:
                return
            except NewsparseError as exc:
                if isinstance(exc, ReadError) and exc.source is None:
                    exc.source = src.name
                raise
            except UnicodeDecodeError as exc:
                if chosen is None:  # only streams opened from a path decode lazily
                    raise _crash(spec, "reading", exc, src.name) from exc
                raise _stream_decode_error(src, spec, chosen) from None
            except BaseException as exc:
                if interrupts(exc):
                    raise
                raise _crash(spec, "reading", exc, src.name) from exc
            if not isinstance(article, Article):
                raise ReadError(
                    f"format {spec.name!r} (plugin {spec.plugin!r}) yielded "
                    f"{type(article).__name__}, not an Article",
                    format=spec.name,
                    source=src.name,
                )
            yield article
    finally:
        stream.close()


def _stream_of(src: _Input, spec: FormatSpec, encoding: str | None) -> tuple[IO[Any], str | None]:
    """Open the source as a stream for a many_reader; return it and the encoding chosen."""
    if src.path is None:
        data = _text_of(src, spec, encoding)
        if isinstance(data, bytes):
            return io.BytesIO(data), None
        return io.StringIO(data, newline=""), None
    if spec.binary:
        return open(src.path, "rb"), None
    head = src.head_bytes()
    chosen = encoding or _bom_encoding(head)
    if chosen is None and spec.encoding_detector is not None:
        declared = _call_reader(spec, "encoding_detector", src.name, head)
        chosen = declared if isinstance(declared, str) else None
    chosen = chosen or "utf-8"
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise ReadError(f"unknown encoding {chosen!r}", format=spec.name, source=src.name) from None
    return open(src.path, encoding=chosen, newline=""), chosen


def _stream_decode_error(src: _Input, spec: FormatSpec, encoding: str) -> DecodeError:
    """Find the exact offset of the first undecodable byte of a streamed file."""
    assert src.path is not None
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    consumed = 0
    offset = 0
    reason = "invalid data"
    with open(src.path, "rb") as f:
        while chunk := f.read(1 << 20):
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                offset = consumed - pending + exc.start
                reason = exc.reason
                break
            consumed += len(chunk)
        else:
            offset = consumed
    return DecodeError(
        f"bytes at offset {offset} are not valid {encoding} ({reason}); "
        "pass encoding=... if the source uses another encoding",
        offset=offset,
        encoding=encoding,
        format=spec.name,
        source=src.name,
    )


def _writer_spec(format: str, role: str) -> FormatSpec:
    spec = get_registry().get(format)
    if not spec.can_write:
        writers = ", ".join(s.name for s in get_registry().writers())
        raise WriteError(f"format {spec.name!r} cannot write; formats that can: {writers}")
    if role == "many_writer" and spec.many_writer is None:
        raise WriteError(
            f"format {spec.name!r} holds one article per document; call write() for each",
            format=spec.name,
        )
    return spec


def _call_writer(spec: FormatSpec, role: str, *args: Any, **options: Any) -> Any:
    func = spec.load(role)
    assert func is not None
    try:
        return func(*args, **options)
    except NewsparseError:
        raise
    except TypeError as exc:
        if "unexpected keyword argument" in str(exc):
            raise WriteError(str(exc), format=spec.name) from exc
        raise _crash(spec, "writing", exc, None) from exc
    except BaseException as exc:
        if interrupts(exc):
            raise
        raise _crash(spec, "writing", exc, None) from exc


def write(article: Article, format: str, **options: Any) -> str:
    r"""Write ``article`` in ``format`` and return the text.

    :param format: the format's name, alias, extension or media type.
    :param options: passed to the format's writer.
    :raises WriteError: when the format cannot write, or fails to.

    >>> print(write(Article("Harbour reopens"), "wire"), end="")
     date trending:
    <BLANKLINE>
    Harbour reopens
    <BLANKLINE>
    """
    if not isinstance(article, Article):
        raise WriteError(f"expected an Article, got {type(article).__name__}")
    spec = _writer_spec(format, "writer")
    text = _call_writer(spec, "writer", article, **options)
    if not isinstance(text, str):
        raise WriteError(
            f"format {spec.name!r} (plugin {spec.plugin!r}) returned {type(text).__name__}, "
            "not str",
            format=spec.name,
        )
    return text


def write_many(articles: Iterable[Article], format: str, **options: Any) -> Iterator[str]:
    """Write several articles into one document, yielding it in chunks.

    ``"".join(write_many(articles, "wire"))`` gives the whole document; writing the chunks
    to a file as they come keeps memory flat. Raises :class:`WriteError` for a format that
    holds one article per document.
    """
    spec = _writer_spec(format, "many_writer")

    def checked() -> Iterator[Article]:
        for item in articles:
            if not isinstance(item, Article):
                raise WriteError(f"expected an Article, got {type(item).__name__}")
            yield item

    chunks = _call_writer(spec, "many_writer", checked(), **options)
    while True:
        try:
            chunk = next(chunks)
        except StopIteration:
            return
        except NewsparseError:
            raise
        except BaseException as exc:
            if interrupts(exc):
                raise
            raise _crash(spec, "writing", exc, None) from exc
        yield chunk


def detect_format(
    source: Source, *, media_type: str | None = None, filename: str | None = None
) -> str:
    """Return the name of the format ``source`` is in, or raise FormatDetectionError.

    Uses the media type, then the file name's extension, then the content.
    """
    src = _open(source, filename)
    return _resolve(src, None, media_type).name


def formats() -> tuple[FormatSpec, ...]:
    """Every registered format (built-in and plugins), sorted by name."""
    return tuple(get_registry())


def get_format(name: str) -> FormatSpec:
    """The format registered under ``name`` (or an alias, extension or media type).

    Raises :class:`UnknownFormatError`, which lists the known names.
    """
    return get_registry().get(name)
