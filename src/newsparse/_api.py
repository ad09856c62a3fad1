"""The public functions: read, read_many, write, write_many, detect_format, formats."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Literal, Union

from ._errors import (
    FormatDetectionError,
    NewsparseError,
    OptionError,
    ParseError,
    PluginError,
    ReadError,
    WriteError,
)
from ._model import Article, lone_surrogate, surrogate_message
from ._options import check_options, option_names
from ._plugins import describe, get_registry, interrupts, is_builtin, report_failure, warn_once
from ._registry import FormatSpec
from ._source import (
    SNIFF_BYTES,
    Input,
    check_encoding,
    check_size,
    decode,
    limit_of,
    open_source,
    open_stream,
)

__all__ = [
    "Source",
    "detect_format",
    "formats",
    "from_dict",
    "get_format",
    "read",
    "read_many",
    "schema_path",
    "to_dict",
    "write",
    "write_many",
]

Source = Union[str, bytes, bytearray, "os.PathLike[str]", IO[str], IO[bytes]]
"""What :func:`read` accepts: text (``str``), ``bytes``, a path, or an open file."""

_MIN_CONFIDENCE = 0.5
_CONTRADICTED = 0.05  # a sniffer this unsure is saying "not mine"


def _resolve(
    src: Input, format: str | None, media_type: str | None, *, for_reading: bool = True
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


def _detect(src: Input) -> FormatSpec:
    scores: dict[str, float] = {}
    spec = _detect_by(src, scores)
    if spec.name in scores:
        _displaced(spec, scores)
    return spec


def _detect_by(src: Input, scores: dict[str, float]) -> FormatSpec:
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


def _check_scalar_values(src: Input, spec: FormatSpec) -> None:
    """Refuse a str holding a lone surrogate: it is no Unicode text, and no encoding has it.

    Decoded bytes never hold one; a str may (``errors="surrogateescape"`` keeps
    undecodable bytes that way), and encoding it for a format that reads bytes turned
    every non-ASCII character of a page into mojibake.
    """
    text = src.data
    index = lone_surrogate(text) if isinstance(text, str) else -1
    if index >= 0:
        assert isinstance(text, str)
        error = ParseError.at(
            surrogate_message("the text", text, index)
            + " (to read undecodable bytes, pass the bytes rather than a str)",
            text,
            index,
            format=spec.name,
            source=src.name,
        )
        if error.excerpt is not None:  # printable: each lone surrogate shown as U+FFFD
            error.excerpt = error.excerpt.encode("utf-16", "surrogatepass").decode(
                "utf-16", "replace"
            )
        raise error


def _text_of(src: Input, spec: FormatSpec, encoding: str | None) -> str | bytes:
    _check_scalar_values(src, spec)
    if spec.binary:
        return src.all_bytes()
    if isinstance(src.data, str):
        return src.data
    return decode(src.all_bytes(), spec, encoding, src.name, _detector(spec, src.name))


def _detector(spec: FormatSpec, src_name: str) -> Callable[[bytes], Any] | None:
    """The format's charset detector, called as plugin code is (its failure is the format's)."""
    if spec.encoding_detector is None:
        return None
    return lambda head: _call_reader(spec, "encoding_detector", src_name, head)


def _call_reader(spec: FormatSpec, role: str, src_name: str, *args: Any, **options: Any) -> Any:
    func = spec.load(role)
    assert func is not None
    check_options(func, options, format=spec.name, role=role)
    try:
        return func(*args, **options)
    except NewsparseError as exc:
        if isinstance(exc, ReadError) and exc.source is None:
            exc.source = src_name
        raise
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
    max_size: int | Literal["format"] | None = "format",
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
        ``"format"`` (the default) for the format's own ``max_size`` (256 MiB unless it
        says otherwise), ``None`` for no limit. A larger source raises :class:`ReadError`
        before it is read.
    :param options: passed to the format's reader (e.g. ``strict=True`` for ``wire``).
    :raises ReadError: on unreadable input (:class:`ParseError`, :class:`DecodeError`).
    :raises FormatDetectionError: when the format cannot be told.

    >>> article = read(" date 2024-03-05 trending:\n\nHarbour reopens\n\n", "wire")
    >>> article.title
    'Harbour reopens'
    """
    limit = _limit(max_size)
    src = open_source(source, filename)
    spec = _resolve(src, format, media_type)
    options = _with_encoding(src, spec, encoding, options)
    return _read_one(src, spec, encoding, limit, options)


def _limit(max_size: object) -> int | None:
    """``max_size`` as the source module takes it (``-1``: the format's own limit)."""
    if max_size == "format":
        return -1
    if max_size == -1 and type(max_size) is int:
        warnings.warn(
            "max_size=-1 is deprecated: pass max_size='format' (the default) for the "
            "format's own limit",
            DeprecationWarning,
            stacklevel=4,
        )
        return -1
    if max_size is None or (type(max_size) is int and max_size >= 0):
        return max_size
    raise OptionError(
        f"max_size must be a number of bytes, 'format' or None, not {max_size!r}",
        option="max_size",
        valid=("max_size",),
    )


def _read_one(
    src: Input, spec: FormatSpec, encoding: str | None, max_size: int | None, options: Any
) -> Article:
    """Read the one document of ``src`` with ``spec``'s reader (size limit, type check)."""
    check_size(src, spec, limit_of(spec, max_size))
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
    max_size: int | Literal["format"] | None = "format",
    **options: Any,
) -> Iterator[Article]:
    """Read every article of a document that holds several (e.g. JSON Lines).

    Takes the same arguments as :func:`read` and yields Articles as they are read. A file
    given as a path is streamed, so a format that reads record by record keeps memory flat
    whatever the file's size; ``max_size`` then limits each record (each line), or the
    whole document for a format that reads it at once. A format without a reader for
    several articles yields the single one it reads.
    """
    limit = _limit(max_size)
    src = open_source(source, filename)
    spec = _resolve(src, format, media_type)
    options = _with_encoding(src, spec, encoding, options)
    if spec.many_reader is None:  # one document, read as read() reads it
        yield _read_one(src, spec, encoding, limit, options)
        return
    detector = _detector(spec, src.name)
    _check_scalar_values(src, spec)
    stream = open_stream(src, spec, encoding, limit_of(spec, limit), detector)
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


def _with_encoding(
    src: Input, spec: FormatSpec, encoding: str | None, options: dict[str, Any]
) -> dict[str, Any]:
    """Check a given encoding; a binary format decodes itself, so it receives it."""
    if encoding is None:
        return options
    check_encoding(encoding, format=spec.name, source=src.name)
    return {**options, "encoding": encoding} if spec.binary else options


_READ_KEYWORDS = ("media_type", "encoding", "filename", "max_size")
"""The keywords :func:`read` takes itself: not the reader's options."""


def check_reading_options(format: str | None, options: dict[str, Any]) -> None:
    """Raise OptionError now for reading options that cannot be right (batch work).

    With a format, its reader checks them as :func:`read_many` would; without one (each
    input's format is detected), an option that no reader takes is refused.
    """
    options = {k: v for k, v in options.items() if k not in _READ_KEYWORDS}
    if not options:
        return
    if format is not None:
        spec = get_registry().get(format)
        role = "many_reader" if spec.many_reader is not None else "reader"
        func = spec.load(role)
        if func is not None:
            check_options(func, options, format=spec.name, role=role)
        return
    taken: set[str] = set()
    for spec in get_registry().readers():
        for role in ("reader", "many_reader"):
            func = spec.load(role) if getattr(spec, role) is not None else None
            if func is None:
                continue
            names = option_names(func)
            if names is None:
                return  # a reader taking any option: it decides
            taken.update(names)
    for name in options:
        if name not in taken:
            raise OptionError(
                f"no reader has an option {name!r}; the readers' options: "
                f"{', '.join(sorted(taken))}",
                option=name,
                valid=sorted(taken),
            )


def check_writing_options(format: str, options: dict[str, Any], *, many: bool) -> None:
    """Raise OptionError now for options the format's writer does not take (batch work)."""
    if not options:
        return
    spec = get_registry().get(format)
    role = "many_writer" if many and spec.many_writer is not None else "writer"
    func = spec.load(role)
    if func is not None:
        check_options(func, options, format=spec.name, role=role)


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
    check_options(func, options, format=spec.name, role=role)
    try:
        return func(*args, **options)
    except NewsparseError:
        raise
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
        raise _not_text(spec, "returned", text)
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

    produced = _call_writer(spec, "many_writer", checked(), **options)
    try:
        chunks = iter(produced)
    except TypeError:
        raise _not_text(spec, "returned", produced, "an iterator of str") from None
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
        if not isinstance(chunk, str):
            raise _not_text(spec, "yielded", chunk)
        yield chunk


def _not_text(spec: FormatSpec, did: str, value: object, wanted: str = "str") -> WriteError:
    return WriteError(
        f"format {spec.name!r} (plugin {spec.plugin!r}) {did} {type(value).__name__}, not {wanted}",
        format=spec.name,
    )


def detect_format(
    source: Source, *, media_type: str | None = None, filename: str | None = None
) -> str:
    """Return the name of the format ``source`` is in, or raise FormatDetectionError.

    Uses the media type, then the file name's extension, then the content. Detection
    never changes the source: an open file is read for its first few KB only and put
    back where it was, so ``detect_format(f)`` then ``read(f)`` works. A stream that
    cannot seek (a pipe, standard input) is peeked at where it can be (a buffered binary
    stream), and otherwise refused with a :class:`ReadError`: read it into memory first.
    """
    src = _peek(source, filename) if _is_stream(source) else open_source(source, filename)
    return _resolve(src, None, media_type).name


def _is_stream(source: object) -> bool:
    return not isinstance(source, (str, bytes, bytearray, memoryview, os.PathLike)) and callable(
        getattr(source, "read", None)
    )


def _peek(stream: Any, filename: str | None) -> Input:
    """The head of an open file, which is left where it was."""
    name = getattr(stream, "name", None)
    name = name if isinstance(name, str) else None
    seekable = getattr(stream, "seekable", None)
    if callable(seekable) and seekable():
        position = stream.tell()
        try:
            head = stream.read(SNIFF_BYTES)
        finally:
            stream.seek(position)
    elif callable(getattr(stream, "peek", None)):
        head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    else:
        raise ReadError(
            "cannot detect the format of a stream that cannot seek back without consuming "
            "it; read it first (data = stream.read()) and pass the data, or pass format=",
            source=name,
        )
    if not isinstance(head, (str, bytes)):
        raise ReadError(
            f"file object returned {type(head).__name__} from read(), not str or bytes",
            source=name,
        )
    return open_source(head, filename or name)


def formats(
    *,
    filename: str | None = None,
    media_type: str | None = None,
    can_read: bool | None = None,
    can_write: bool | None = None,
) -> tuple[FormatSpec, ...]:
    """The registered formats (built-in and plugins), sorted by name; or those that match.

    :param filename: only the formats that claim the longest suffix of this file name
        that any format claims (``"story.wire.txt"``: ``.wire.txt`` before ``.txt``).
    :param media_type: only the formats that claim this media type (parameters such as
        ``; charset=utf-8`` are ignored).
    :param can_read: only the formats that can (``True``) or cannot (``False``) read.
    :param can_write: the same for writing.

    >>> [spec.name for spec in formats(filename="a.jsonl")]
    ['jsonl']
    >>> "wire" in [spec.name for spec in formats(can_write=True)]
    True
    """
    registry = get_registry()
    found = list(registry)
    if filename is not None:
        claimed = {spec.name for spec in registry.for_filename(filename)}
        found = [spec for spec in found if spec.name in claimed]
    if media_type is not None:
        claimed = {spec.name for spec in registry.for_media_type(media_type)}
        found = [spec for spec in found if spec.name in claimed]
    if can_read is not None:
        found = [spec for spec in found if spec.can_read == can_read]
    if can_write is not None:
        found = [spec for spec in found if spec.can_write == can_write]
    return tuple(found)


def get_format(name: str) -> FormatSpec:
    """The format registered under ``name`` (or an alias, extension or media type).

    Raises :class:`UnknownFormatError`, which lists the known names.
    """
    return get_registry().get(name)


def to_dict(article: Article) -> dict[str, Any]:
    r"""``article`` as plain JSON values: the document the ``json`` format writes.

    The keys and values are those of ``json.loads(write(article, "json"))``: strings,
    numbers, booleans, lists and dicts only (datetimes as RFC 3339 strings with their
    offset, body blocks with their ``"type"``, null fields left out), so the result goes
    to :func:`json.dumps`, a database or a data frame as it is, and :func:`from_dict`
    gives the Article back.

    >>> article = read(" date trending:\n\nHarbour reopens\n\nBoats are back.\n\n", "wire")
    >>> d = to_dict(article)
    >>> d["title"], d["body"]
    ('Harbour reopens', [{'type': 'paragraph', 'text': 'Boats are back.'}])
    >>> from_dict(d) == article
    True
    """
    from ._json.document import to_dict as _to_dict

    if not isinstance(article, Article):
        raise TypeError(f"expected an Article, got {type(article).__name__}")
    return _to_dict(article)


def from_dict(data: Mapping[str, Any]) -> Article:
    """The Article of a native document given as Python values, as :func:`to_dict` makes.

    Takes what the ``json`` format reads (a ``"newsparse"`` version key is optional,
    unknown top-level keys go to ``extras["json.<key>"]``); ``published`` and ``updated``
    may be RFC 3339 strings or aware datetimes. Raises :class:`ValidationError` naming
    the first wrong value and where it is (``$.authors[0].name``).
    """
    from ._json.document import from_dict as _from_dict

    return _from_dict(data)


def schema_path(format: str = "json", version: str | None = None) -> Path:
    """The path of the JSON Schema newsparse ships for a format's documents.

    ``"json"`` (and ``"jsonl"``, one such document per line): the native document,
    JSON Schema draft 2020-12. ``"ninjs"``: IPTC's official schema of ninjs ``version``
    (``"1.5"``, ``"2.1"``, ``"3.1"``...; default: the version the writer writes), shipped
    with its licence. Other formats have none: ``ValueError``.

    >>> schema_path("json").name
    'schema.json'
    """
    name = get_format(format).name
    if name in ("json", "jsonl"):
        from ._formats.json import schema_path as json_schema

        if version is not None:
            raise ValueError("the native JSON Schema has one version; pass no version")
        return json_schema()
    if name == "ninjs":
        from ._formats.ninjs import DEFAULT_VERSION
        from ._formats.ninjs import schema_path as ninjs_schema

        return ninjs_schema(version or DEFAULT_VERSION)
    raise ValueError(f"format {name!r} ships no JSON Schema; the formats that do: json, ninjs")
