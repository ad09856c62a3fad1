"""Opening sources: their head without consuming them, BOMs, decoding, and the size limit.

One message per kind of error, whatever the path a source takes: a document read whole
and a file streamed to a format's ``many_reader`` give the same :class:`DecodeError`
(with the offset of the first bad byte) and the same "over the limit" :class:`ReadError`.

A file streamed to a ``many_reader`` is wrapped so that the limit holds there too: a
``read()`` of the whole rest (a format that reads the document at once) stops with an
error once it passes ``max_size`` bytes, and so does a line longer than ``max_size``
characters (a format that reads record by record), so memory stays bounded by the limit
whatever the file holds. Reads of a given size are the format's own streaming.

A binary file object (standard input, a file opened on an object store) is a stream too:
its first bytes are read ahead for the sniffers and put back, a document read whole is
read no further than the limit and a byte, and a ``many_reader`` reads it as it comes,
decode errors placed at their byte offset as for a file.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, cast

from ._errors import DecodeError, ReadError

if TYPE_CHECKING:
    from ._registry import FormatSpec

__all__ = [
    "SNIFF_BYTES",
    "Input",
    "Prefixed",
    "bom_encoding",
    "check_encoding",
    "check_size",
    "decode",
    "limit_of",
    "open_source",
    "open_stream",
    "too_large",
]

SNIFF_BYTES = 8192
"""How much of a source the format sniffers see."""

_BLOCK = 1 << 16  # characters (or bytes) per read when a whole stream is read under a limit
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Prefixed(io.BufferedIOBase):
    """A binary stream whose first bytes were read already, put back in front of the rest.

    It counts the bytes it returns and remembers where the last piece it returned began,
    so that a decode error met by a text wrapper reading it can be placed at its byte
    offset. Closing it leaves the stream it wraps open: that belongs to whoever opened it.
    """

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest
        self.position = 0
        self.last_start = 0

    def readable(self) -> bool:
        """A readable stream."""
        return True

    def _took(self, out: bytes) -> bytes:
        self.last_start = self.position
        self.position += len(out)
        return out

    def read(self, size: int | None = -1) -> bytes:
        """Read ``size`` bytes (fewer only at the end), or everything left."""
        head, self._head = self._head, b""
        if size is None or size < 0:
            return self._took(head + self._rest.read())
        if len(head) >= size:
            self._head = head[size:]
            return self._took(head[:size])
        more = self._rest.read(size - len(head)) if size > len(head) else b""
        return self._took(head + (more or b""))

    def read1(self, size: int = -1) -> bytes:
        """Read at most ``size`` bytes with at most one read of the wrapped stream."""
        if self._head:
            return self.read(len(self._head) if size < 0 else min(size, len(self._head)))
        read1 = getattr(self._rest, "read1", None)
        out = read1(size) if read1 is not None else self._rest.read(size)
        return self._took(out or b"")

    def close(self) -> None:
        """Close this stream only (not the wrapped one)."""
        super().close()


class Input:
    """A source, opened: its text or bytes, its name, and its filename for detection.

    A binary file object is kept as a ``stream`` (a :class:`Prefixed` holding its first
    bytes as ``head``) until a reader needs it whole.
    """

    __slots__ = ("data", "filename", "head", "name", "path", "stream")

    def __init__(
        self,
        data: str | bytes | None,
        name: str,
        filename: str | None,
        path: os.PathLike[str] | None = None,
        stream: Prefixed | None = None,
        head: bytes = b"",
    ) -> None:
        self.data = data
        self.name = name
        self.filename = filename
        self.path = path
        self.stream = stream
        self.head = head

    def read_stream(self, limit: int | None) -> None:
        """Read a stream into ``data``: ``limit + 1`` bytes at most."""
        if self.stream is None:
            return
        stream, self.stream = self.stream, None
        self.data = stream.read() if limit is None else stream.read(limit + 1)

    def head_bytes(self) -> bytes:
        """The first :data:`SNIFF_BYTES` bytes (UTF-8 for text)."""
        if self.stream is not None:
            return self.head
        if self.data is None:
            assert self.path is not None
            with open(self.path, "rb") as f:
                return f.read(SNIFF_BYTES)
        if isinstance(self.data, str):
            return self.data[:SNIFF_BYTES].encode("utf-8", "surrogatepass")
        return self.data[:SNIFF_BYTES]

    def head_text(self) -> str:
        """The first few thousand characters, decoded leniently, for the sniffers."""
        if isinstance(self.data, str):
            return self.data[:SNIFF_BYTES]
        head = self.head_bytes()
        encoding = bom_encoding(head) or "utf-8"
        return head.decode(encoding, "replace")

    def all_bytes(self, limit: int | None = None) -> bytes:
        """All of it as bytes; a file is read up to ``limit + 1`` bytes at most."""
        self.read_stream(limit)
        if self.data is None:
            assert self.path is not None
            with open(self.path, "rb") as f:
                return f.read() if limit is None else f.read(limit + 1)
        if isinstance(self.data, str):
            return self.data.encode("utf-8", "surrogatepass")
        return self.data

    def size(self) -> int:
        """Its size: characters for text, bytes otherwise (-1: a stream, not read yet)."""
        if self.stream is not None:
            return -1
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return os.path.getsize(self.path)


def open_source(source: Any, filename: str | None) -> Input:
    """Open what :func:`newsparse.read` was given; raise ReadError for what it cannot take."""
    if isinstance(source, str):
        if source.startswith("\ufeff"):  # a byte-order mark that survived decoding
            source = source[1:]
        return Input(source, filename or "<string>", filename)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return Input(bytes(source), filename or "<bytes>", filename)
    if isinstance(source, os.PathLike):
        path = os.fspath(source)
        if not isinstance(path, str):
            path = os.fsdecode(path)
        if os.path.isdir(path):
            raise ReadError(
                "is a folder: read its files, or use newsparse.batch.convert_many / "
                "`newsparse convert FOLDER` for folders",
                source=path,
            )
        if not os.path.isfile(path):
            raise ReadError("no such file", source=path)
        return Input(None, path, filename or path, path=source)
    read = getattr(source, "read", None)
    if callable(read):
        name = getattr(source, "name", None)
        name = name if isinstance(name, str) else None
        data = read(SNIFF_BYTES)
        if isinstance(data, str):  # a text stream: read whole, as text
            rest = read()
            data = data + rest if isinstance(rest, str) else rest
        if isinstance(data, (bytes, bytearray)):  # a binary stream: streamed
            head = bytes(data)
            while len(head) < SNIFF_BYTES and (more := read(SNIFF_BYTES - len(head))):
                head += more
            stream = Prefixed(head, source)
            return Input(None, name or "<stream>", filename or name, stream=stream, head=head)
        if not isinstance(data, str):
            raise ReadError(
                f"file object returned {type(data).__name__} from read(), not str or bytes",
                source=name,
            )
        return Input(data, name or "<stream>", filename or name)
    raise ReadError(
        f"cannot read from {type(source).__name__}; pass text (str), bytes, a pathlib.Path "
        "or an open file"
    )


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``head`` announces, if any."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def check_encoding(encoding: str, *, format: str | None = None, source: str | None = None) -> str:
    """The codec name of ``encoding``; ReadError for a name that cannot decode text.

    Refuses unknown names, codecs that are not text encodings (``rot13``) and codecs that
    decode nothing (``undefined``).
    """
    try:
        name = codecs.lookup(encoding).name
        b"a".decode(name, "replace")  # a codec that decodes no text fails on one byte
    except LookupError as exc:
        why = "unknown encoding" if "unknown encoding" in str(exc) else "not a text encoding"
        raise ReadError(f"{why} {encoding!r}", format=format, source=source) from None
    except UnicodeError as exc:
        raise ReadError(
            f"encoding {encoding!r} cannot decode text ({exc})", format=format, source=source
        ) from None
    return name


def _decode_error(
    offset: int, bad: bytes, reason: str, encoding: str, spec: FormatSpec, name: str
) -> DecodeError:
    return DecodeError(
        f"bytes at offset {offset} are not valid {encoding} ({bad!r}: {reason}); "
        "pass encoding=... if the source uses another encoding",
        offset=offset,
        encoding=encoding,
        format=spec.name,
        source=name,
    )


Detector = Callable[[bytes], Any]
"""A format's ``encoding_detector``, called the way plugin code is called."""


def _chosen(
    head: bytes, spec: FormatSpec, encoding: str | None, name: str, detector: Detector | None
) -> str:
    """The encoding to decode with: given, else a BOM, else declared, else UTF-8."""
    if encoding is not None:
        check_encoding(encoding, format=spec.name, source=name)
        return encoding
    chosen = bom_encoding(head)
    if chosen is None and detector is not None:
        declared = detector(head[:SNIFF_BYTES])
        if isinstance(declared, str) and declared:
            try:
                chosen = check_encoding(declared)
            except ReadError:
                chosen = None
    return chosen or "utf-8"


def decode(
    data: bytes,
    spec: FormatSpec,
    encoding: str | None,
    name: str,
    detector: Detector | None = None,
) -> str:
    """Decode a whole document for ``spec``'s reader (DecodeError at the first bad byte)."""
    chosen = _chosen(data, spec, encoding, name, detector)
    try:
        return data.decode(chosen)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 8]
        raise _decode_error(exc.start, bad, exc.reason, chosen, spec, name) from None
    except UnicodeError as exc:
        raise ReadError(
            f"encoding {chosen!r} cannot decode text ({exc})", format=spec.name, source=name
        ) from None


def limit_of(spec: FormatSpec, max_size: int | None) -> int | None:
    """The size limit in force: ``max_size``, or the format's own when it is ``-1``."""
    return spec.max_size if max_size == -1 else max_size


def too_large(
    limit: int, format: str, source: str | None, size: int | None = None, unit: str = "bytes"
) -> ReadError:
    """The error of an input over the size limit (``size`` where it is known)."""
    what = f"{size:,} {unit}" if size is not None else f"more than {limit:,} {unit}"
    return ReadError(
        f"the input is {what}, over the {limit:,} limit of format {format!r}; pass "
        "max_size=N (or None) to read it anyway",
        format=format,
        source=source,
    )


def check_size(src: Input, spec: FormatSpec, limit: int | None) -> None:
    """Raise the "over the limit" error before reading a source larger than ``limit``."""
    if limit is None:
        return
    if src.stream is not None:  # read no further than the limit and a byte to find out
        src.read_stream(limit)
        assert isinstance(src.data, bytes)
        if len(src.data) > limit:
            raise too_large(limit, spec.name, src.name)
        return
    size = src.size()
    if size > limit:
        unit = "characters" if isinstance(src.data, str) else "bytes"
        raise too_large(limit, spec.name, src.name, size, unit)


def open_stream(
    src: Input,
    spec: FormatSpec,
    encoding: str | None,
    limit: int | None,
    detector: Detector | None = None,
) -> IO[Any]:
    """Open the source as a stream for a ``many_reader``, bounded by ``limit``."""
    if src.stream is not None:
        return _open_prefixed(src, src.stream, spec, encoding, limit, detector)
    if src.path is None:
        if spec.binary:
            data: str | bytes = src.all_bytes()
        elif isinstance(src.data, str):
            data = src.data
        else:
            data = decode(src.all_bytes(), spec, encoding, src.name, detector)
        inner: IO[Any] = io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data, "")
        return cast(IO[Any], _Capped(inner, limit, spec, src.name))
    if spec.binary:
        raw = open(src.path, "rb")  # noqa: SIM115 - closed by the caller
        return cast(IO[Any], _Capped(raw, limit, spec, src.name, measure=raw.tell))
    chosen = _chosen(src.head_bytes(), spec, encoding, src.name, detector)
    text = open(src.path, encoding=chosen, newline="")  # noqa: SIM115 - closed by the caller
    path = src.path

    def decode_error(exc: UnicodeDecodeError | None = None) -> DecodeError:
        return _stream_decode_error(path, chosen, spec, src.name)

    return cast(
        IO[Any],
        _Capped(
            text, limit, spec, src.name, measure=cast(Any, text).buffer.tell, on_decode=decode_error
        ),
    )


def _open_prefixed(
    src: Input,
    stream: Prefixed,
    spec: FormatSpec,
    encoding: str | None,
    limit: int | None,
    detector: Detector | None,
) -> IO[Any]:
    """A binary file object as a ``many_reader``'s stream: bytes, or text decoded as read."""

    def position() -> int:
        return stream.position

    if spec.binary:
        capped = _Capped(cast(IO[Any], stream), limit, spec, src.name, measure=position)
        return cast(IO[Any], capped)
    chosen = _chosen(src.head, spec, encoding, src.name, detector)
    text = io.TextIOWrapper(cast(IO[bytes], stream), encoding=chosen, newline="")

    def decode_error(exc: UnicodeDecodeError | None = None) -> DecodeError:
        # the piece being decoded is the last one read, after what the decoder kept of
        # the piece before (a character cut in two): exc.object is both
        if exc is None or not isinstance(exc.object, (bytes, bytearray)):
            return _decode_error(stream.position, b"", "invalid data", chosen, spec, src.name)
        piece = stream.position - stream.last_start
        offset = max(0, stream.last_start + piece - len(exc.object) + exc.start)
        bad = bytes(exc.object[exc.start : exc.start + 8])
        return _decode_error(offset, bad, exc.reason, chosen, spec, src.name)

    return cast(
        IO[Any],
        _Capped(text, limit, spec, src.name, measure=position, on_decode=decode_error),
    )


def _stream_decode_error(
    path: os.PathLike[str], encoding: str, spec: FormatSpec, name: str
) -> DecodeError:
    """Find the exact offset of the first undecodable byte of a streamed file."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    consumed = 0
    offset = 0
    reason = "invalid data"
    with open(path, "rb") as f:
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
        f.seek(offset)
        bad = f.read(8)
    return _decode_error(offset, bad, reason, encoding, spec, name)


class _Capped:
    """A stream for a ``many_reader``: whole reads and lines bounded, decode errors exact."""

    def __init__(
        self,
        inner: IO[Any],
        limit: int | None,
        spec: FormatSpec,
        name: str,
        *,
        measure: Callable[[], int] | None = None,
        on_decode: Callable[[UnicodeDecodeError], DecodeError] | None = None,
    ) -> None:
        self._inner = inner
        self._limit = limit
        self._spec = spec
        self._name = name
        self._measure = measure
        self._on_decode = on_decode
        self._returned = 0

    def _call(self, func: Callable[..., Any], *args: Any) -> Any:
        try:
            out = func(*args)
        except UnicodeDecodeError as exc:
            if self._on_decode is None:
                raise
            raise self._on_decode(exc) from None
        except UnicodeError as exc:
            raise ReadError(
                f"the input cannot be decoded ({exc})", format=self._spec.name, source=self._name
            ) from None
        self._returned += len(out)
        return out

    def _over(self) -> ReadError:
        assert self._limit is not None
        return too_large(self._limit, self._spec.name, self._name)

    def read(self, size: int | None = -1) -> Any:
        """Read ``size`` (the format's own streaming), or the rest under the limit."""
        if size is not None and size >= 0:
            return self._call(self._inner.read, size)
        if self._limit is None:
            return self._call(self._inner.read)
        parts = []
        start = self._returned
        while chunk := self._call(self._inner.read, _BLOCK):
            parts.append(chunk)
            used = self._measure() if self._measure is not None else self._returned - start
            if used > self._limit:
                raise self._over()
        return parts[0][:0].join(parts) if parts else self._call(self._inner.read, 0)

    def readline(self, size: int | None = -1) -> Any:
        """Read a line; one longer than the limit is an error, not a huge string."""
        cap = -1 if self._limit is None else self._limit + 1
        if size is not None and size >= 0:
            cap = size if cap < 0 else min(size, cap)
        line = self._call(self._inner.readline, cap)
        if self._limit is not None and len(line) > self._limit:
            raise self._over()
        return line

    def readlines(self, hint: int = -1) -> list[Any]:
        """The remaining lines (up to about ``hint`` characters), each under the limit."""
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def close(self) -> None:
        """Close the underlying stream."""
        self._inner.close()

    def __enter__(self) -> _Capped:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:  # closed, encoding, name, tell, seekable ...
        return getattr(self._inner, name)
