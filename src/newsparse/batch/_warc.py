"""WARC input: every HTML ``response`` record of an archive becomes a work item.

Records are streamed one at a time (warcio), so an archive of any size is read with
bounded memory. The record's target URI becomes the Article's ``url`` when the page does
not declare one, and the record's identity is kept in extras (``warc.target_uri``,
``warc.date``, ``warc.record_id``). The charset of the HTTP ``Content-Type`` header is used
to decode the page, as browsers do.

For several jobs, an archive is split into byte ranges that the workers read themselves,
decompression included: every record of a ``.warc.gz`` is its own gzip member, so a worker
starts at the first member that begins in its range (found by the gzip magic and checked by
decompressing a WARC header) and reads the records that begin before the range ends. In an
uncompressed ``.warc`` a record is found by its ``WARC/1.x`` line and checked by its
``Content-Length``, which must lead exactly to the next record or to the end of the file.
The main process then only puts the results back in order.

A record that cannot be read (a ``Content-Length`` past the end of the file or of its gzip
member, a broken member, a header warcio cannot parse) is one failed item: reading goes on
at the next record found the way the ranges are found. No page is read past the size
limit: see :func:`_page`.

The same code reads local files and URLs (any fsspec file object, see :mod:`._remote`):
a remote archive, or each range of it, is read in ranged reads of a few MB ahead of the
reader, so a worker fetches its own range, the end of the record that crosses its end, and
at most one block more; nothing here reads offset 0 of an archive unless its range starts
there.
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import os
import re
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from .._errors import ReadError
from . import _remote
from ._read import failure_of, read_item
from ._types import Item, Result, Span

__all__ = ["range_results", "warc_items", "warc_ranges"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_MEMBER_START = re.compile(re.escape(_GZIP_MAGIC))
_WARC_MAGIC = b"WARC/"
_RECORD_START = re.compile(rb"(?<=\n)WARC/1\.[01]\r\n")
_CONTENT_LENGTH = re.compile(rb"\r\nContent-Length:[ \t]*(\d+)[ \t]*\r\n", re.IGNORECASE)
_MAX_HEADER = 1 << 16
# compressed bytes decompressed at once: deflate inflates at most ~1,000 times, so no read
# holds more than a few MB whatever a record inflates to (16 KB, warcio's, allows 16 MB)
_BLOCK = 4096
_INFLATE = 1 << 20  # and no more than this inflated in one step
_MIN_RANGE = 1 << 20  # below 1 MB a range costs more to coordinate than it saves
_HEAD = 5  # bytes that tell a .warc.gz from a .warc


def _charset(content_type: str) -> str | None:
    """The charset an HTTP ``Content-Type`` names, if it is one that decodes text."""
    m = _CHARSET.search(content_type)
    if m is None:
        return None
    from .._source import check_encoding

    try:
        return check_encoding(m[1])
    except ReadError:  # an unknown or unusable charset: the page's own declaration decides
        return None


def _iterator() -> tuple[Any, type[Exception]]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise ReadError("reading WARC files needs warcio: pip install 'newsparse[warc]'") from None
    return ArchiveIterator, ArchiveLoadFailed


def _check_complete(
    f: IO[bytes], last_member: int, last_end: int, size: int, compressed: bool
) -> None:
    """Raise EOFError when an archive was cut short.

    warcio stops quietly at a truncated gzip member, or at a record header cut off at the
    end of an uncompressed file, which would lose the rest of the archive without a word.
    Only the tail of a file can be cut: an uncompressed archive must end with the blank
    line that closes every record, with nothing but blank lines after the end of the last
    record read (``last_end``); in a compressed one,
    decompressing from the start of the last record warcio read to the end of the file (a
    member or two, not the archive) is enough to notice.
    """
    if not compressed:
        f.seek(last_end)
        if f.read(_MAX_HEADER).strip():
            raise EOFError("the archive ends inside a record")
        # every record ends with a blank line: without one, the last header or record
        # was cut where warcio cannot tell (e.g. right after "Content-Length:")
        f.seek(max(0, size - 4))
        tail = f.read(4)
        if size and tail != b"\r\n\r\n" and not tail.endswith(b"\n\n"):
            raise EOFError("the archive ends inside a record")
        return
    f.seek(last_member)
    with gzip.GzipFile(fileobj=f) as g:
        while g.read(1 << 20):
            pass


def _page(record: Any, limit: int | None) -> bytes:
    """The page of an HTTP response record: at most ``limit + 1`` bytes of it.

    De-chunked and decompressed here rather than by warcio's ``content_stream()``, whose
    readers take a whole chunk at once and inflate a whole block in one call (a 16 KB
    block of a gzip bomb is 16 MB, a chunk any size at all): here every step reads at most
    :data:`_BLOCK` bytes and inflates at most :data:`_INFLATE` bytes, so memory stays
    bounded by the limit whatever the record holds. As in warcio, a body that does not
    start as its Content-Encoding says is taken as it is, and one whose chunk header is
    not one is taken as not chunked.
    """
    headers = record.http_headers
    pieces = _blocks(record.raw_stream)
    if (headers.get_header("Transfer-Encoding") or "").lower() == "chunked":
        pieces = _dechunked(record.raw_stream)
    encoding = (headers.get_header("Content-Encoding") or "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        pieces = _inflated(pieces, encoding)
    cap = None if limit is None else limit + 1
    out = bytearray()
    for piece in pieces:
        out += piece
        if cap is not None and len(out) >= cap:
            del out[cap:]
            break
    return bytes(out)


def _blocks(stream: Any) -> Iterator[bytes]:
    while block := stream.read(_BLOCK):
        yield block


def _dechunked(stream: Any) -> Iterator[bytes]:
    first = True
    while True:
        line = stream.readline(64)
        try:
            size = int(line.strip().split(b";", 1)[0], 16)
        except ValueError:
            if first:  # not chunked after all
                yield line
                yield from _blocks(stream)
            return
        first = False
        if size == 0:
            return
        while size > 0:
            block = stream.read(min(size, _BLOCK))
            if not block:
                return  # cut short: what there is
            size -= len(block)
            yield block
        stream.readline(64)  # the CRLF after the chunk


def _inflated(pieces: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    wbits = 16 + zlib.MAX_WBITS if encoding != "deflate" else zlib.MAX_WBITS
    inflater = zlib.decompressobj(wbits)
    started = False
    for piece in pieces:
        data = piece
        while data and not inflater.eof:
            try:
                out = inflater.decompress(data, _INFLATE)
            except zlib.error:
                if started:
                    raise
                if encoding == "deflate" and wbits > 0:  # raw deflate, as some servers send
                    wbits = -zlib.MAX_WBITS
                    inflater = zlib.decompressobj(wbits)
                    continue
                yield piece  # not compressed after all: the body as it is
                yield from pieces
                return
            started = True
            yield out
            data = inflater.unconsumed_tail
        if inflater.eof:
            return


class _Broken(Exception):
    """A record that cannot be read: the offset it starts at, and why."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


def payload_limit(max_size: int | None) -> int | None:
    """The largest page payload to read, from a ``max_size`` read option (``-1``: html's)."""
    from .. import _api
    from .._source import limit_of

    return limit_of(_api.get_format("html"), max_size)


def _records(
    f: IO[bytes],
    path: str,
    skipped: list[int],
    size: int,
    compressed: bool,
    end: int | None = None,
    limit: int | None = None,
) -> Iterator[Item]:
    """The items of the records of ``f`` (``size`` bytes) from where it stands.

    Reading stops before the first record that begins at or after offset ``end``.

    Checks for a truncated archive when it reads to the end. ``record`` numbers the HTML
    responses (and the records that failed) from 0 in the part read. A record that
    cannot be read is an item carrying the error; reading goes on at the next record
    that can be found (the next gzip member, or the next ``WARC/1.x`` header whose
    ``Content-Length`` leads to a record or to the end of the file).
    """
    position = f.tell()
    stop = size if end is None else end
    index = [0]
    while True:
        try:
            yield from _pass(f, path, position, size, compressed, skipped, end, limit, index)
            return
        except _Broken as broken:
            yield Item(name=path, record=index[0], error=broken.message)
            index[0] += 1
            # never back: warcio's offsets inside a gzip member holding several records
            # (which it calls invalid) can point before where this pass began
            after = max(broken.offset, position) + 1
            position_or_none = _next_start(f, after, stop, compressed, size)
            if position_or_none is None:
                return
            position = position_or_none


def _next_start(f: IO[bytes], start: int, end: int, compressed: bool, size: int) -> int | None:
    """The first record that starts in ``[start, end)``, checked as the range splitter does."""
    if compressed:
        return _first_start(f, start, end, _MEMBER_START, lambda at: _is_member(f, at))
    return _first_start(
        f, start, end, _RECORD_START, lambda at: _is_record(f, at, size, complete=True)
    )


def _pass(
    f: IO[bytes],
    path: str,
    position: int,
    size: int,
    compressed: bool,
    skipped: list[int],
    end: int | None,
    limit: int | None,
    index: list[int],
) -> Iterator[Item]:
    """Read records from ``position`` until the end, ``end``, or a record that breaks."""
    archive_iterator, _ = _iterator()
    f.seek(position)
    last_member = last_end = position
    records: Any = None
    try:
        records = archive_iterator(f, block_size=_BLOCK)
        for record in records:
            begin = records.offset
            if end is not None and begin >= end:
                return  # the next range's first record: its header is all that was read
            remaining = getattr(record.raw_stream, "limit", None)  # of the record's block
            if not compressed and remaining is not None:
                here = f.tell() - records.reader.rem_length()  # where warcio stands
                if here + remaining > size:
                    raise _Broken(
                        begin,
                        f"not a readable WARC archive (near byte {begin}): the archive ends "
                        f"inside a record (its Content-Length of {record.length:,} bytes "
                        "runs past the end of the file)",
                    )
            # warcio reads a record to its end to tell where it began: so the offset is
            # asked only once the payload is read, or for a record that is skipped
            wanted = record.rec_type == "response" and record.http_headers is not None
            content_type = record.http_headers.get_header("Content-Type") or "" if wanted else ""
            media_type = content_type.split(";", 1)[0].strip().lower()
            payload = None
            if media_type in _HTML_TYPES:  # never more than the limit and a byte
                payload = _page(record, limit)
            last_member = records.get_record_offset()
            last_end = last_member + records.get_record_length()
            if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than it declares
                decompressor = getattr(records.reader, "decompressor", None)
                if compressed and getattr(decompressor, "eof", False):  # a whole member
                    raise _Broken(
                        begin,
                        f"not a readable WARC archive (near byte {begin}): the record holds "
                        f"fewer bytes than its Content-Length of {record.length:,} says",
                    )
                raise EOFError("the archive ends inside a record")
            if record.format.startswith("warc") and record.length is None:
                # every WARC record declares its length: this header was cut short
                raise EOFError("the archive ends inside a record header")
            if payload is None:
                skipped[0] += 1
                continue
            if limit is not None and len(payload) > limit:
                from .._source import too_large

                error = too_large(limit, "html", path).message
                yield Item(name=path, record=index[0], error=error)
                index[0] += 1
                continue
            headers = record.rec_headers
            uri = headers.get_header("WARC-Target-URI")
            extras = tuple(
                (key, value)
                for key, value in (
                    ("warc.target_uri", uri),
                    ("warc.date", headers.get_header("WARC-Date")),
                    ("warc.record_id", headers.get_header("WARC-Record-ID")),
                )
                if value
            )
            yield Item(
                name=path,
                data=payload,
                record=index[0],
                format="html",
                media_type=media_type,
                encoding=_charset(content_type),
                url=uri,
                extras=extras,
            )
            index[0] += 1
        _check_complete(f, last_member, last_end, size, compressed)
    except _Broken:
        raise
    except Exception as exc:  # warcio's own, zlib's, or AttributeError and the like on a
        # record header cut short, OverflowError on an absurd length: this record fails
        begin = getattr(records, "offset", position) if records is not None else position
        begin = max(begin, last_member)
        if end is not None and begin >= end:
            return  # a record of the next range, whose header cannot be read: it reports it
        raise _Broken(
            begin,
            f"not a readable WARC archive (near byte {begin}): {type(exc).__name__}: {exc}",
        ) from None


@contextlib.contextmanager
def _opened(
    source: str | Path,
    storage: Mapping[str, Any] | None,
    block_size: int = _remote.BLOCK,
    size: int | None = None,
) -> Iterator[tuple[IO[bytes], int]]:
    """An archive opened for reading, and its size: a local file, or a URL read in ranges."""
    if isinstance(source, str) and _remote.is_url(source):
        with _remote.open_input(source, storage, block_size=block_size, size=size) as f:
            yield f, size if size is not None else _remote.size_of(f)
    else:
        with open(source, "rb") as f:
            yield f, os.fstat(f.fileno()).st_size


def warc_items(
    source: str | Path,
    skipped: list[int],
    limit: int | None = None,
    storage: Mapping[str, Any] | None = None,
) -> Iterator[Item]:
    """Yield an item per HTML response record of the WARC archive at ``source``.

    ``source`` is a path or a URL (opened with the storage options ``storage``).
    ``skipped[0]`` is increased for every record that holds no page; a page larger than
    ``limit`` bytes is an item carrying the error, read no further than that.
    """
    name = str(source)
    with _opened(source, storage) as (f, size):
        if size == 0:
            yield Item(name=name, error="the input is empty: nothing to convert")
            return
        compressed = f.read(2) == _GZIP_MAGIC[:2]
        f.seek(0)
        yield from _records(f, name, skipped, size, compressed, limit=limit)


def head_and_size(
    source: str | Path, storage: Mapping[str, Any] | None = None
) -> tuple[bytes, int]:
    """The first bytes of an archive (enough to tell its kind) and its size."""
    with _opened(source, storage, block_size=1 << 16) as (f, size):
        return f.read(_HEAD), size


def warc_ranges(
    source: str | Path,
    parts: int = 1,
    *,
    step: int | None = None,
    storage: Mapping[str, Any] | None = None,
    known: tuple[bytes, int] | None = None,
) -> list[Span] | None:
    """Byte ranges to read an archive in, or None if it cannot split (or needs not).

    The ranges are of even sizes, at most ``step`` bytes long, or, without ``step``,
    about ``parts`` of them, no shorter than 1 MB. ``known`` gives the archive's first
    bytes and size when they were asked already. Gzip-compressed archives (each record a
    gzip member) and uncompressed ones split; small ones and anything else do not.
    """
    head, size = known if known is not None else head_and_size(source, storage)
    compressed = head.startswith(_GZIP_MAGIC)
    if not (compressed or head.startswith(_WARC_MAGIC)):
        return None
    if step is None:
        step = max(_MIN_RANGE, -(-size // max(1, parts)))
    count = -(-size // max(1, step))  # ranges of at most step bytes, of even sizes
    if count < 2:
        return None
    bounds = [size * i // count for i in range(count + 1)]
    return [Span(a, b, size, compressed) for a, b in itertools.pairwise(bounds)]


def range_block(span: Span) -> int:
    """The ranged-read size for a span: an eighth of it, between 64 KB and 4 MB.

    A reader fetches at most one block past what it needs, so this bounds what a worker
    reads beyond its range (besides the record that crosses its end) to an eighth of it.
    """
    return min(_remote.BLOCK, max(1 << 16, (span.end - span.start) // 8))


def _is_member(f: IO[bytes], offset: int) -> bool:
    """Whether a gzip member holding a WARC record starts at ``offset``."""
    f.seek(offset)
    head = f.read(1024)
    try:
        out = zlib.decompressobj(31).decompress(head, 8)
    except zlib.error:
        return False
    return out.startswith(b"WARC/")


def _is_record(f: IO[bytes], offset: int, size: int, *, complete: bool = False) -> bool:
    """Whether an uncompressed WARC record starts at ``offset``.

    Its header must declare a ``Content-Length``, and the record must end where that says:
    at the end of the file or right before the next ``WARC/`` header (or, unless
    ``complete``, beyond the end of a truncated file, which the reader then reports). A
    page that merely quotes a WARC header does not pass.
    """
    f.seek(offset)
    head = f.read(_MAX_HEADER)
    blank = head.find(b"\r\n\r\n")
    if blank < 0 or b"\r\nWARC-Type:" not in head[:blank]:
        return False
    length = _CONTENT_LENGTH.search(head, 0, blank + 2)
    if length is None:
        return False
    after = offset + blank + 4 + int(length.group(1))
    if after + 4 > size:
        return not complete  # cut short: the reader reports the truncated archive
    f.seek(after)
    tail = f.read(4 + len(_WARC_MAGIC))
    return tail[:4] == b"\r\n\r\n" and (after + 4 == size or tail[4:] == _WARC_MAGIC)


def _first_start(
    f: IO[bytes],
    start: int,
    end: int,
    pattern: re.Pattern[bytes],
    is_start: Callable[[int], bool],
) -> int | None:
    """The first offset in ``[start, end)`` where ``pattern`` matches and ``is_start`` agrees.

    The file is read in blocks that overlap a little, so a match cut by a block's edge is
    still found; the block starts one byte early for a pattern that looks behind.
    """
    position = max(0, start - 1)
    while position < end:
        f.seek(position)
        wanted = min(1 << 16, end - position + 16)
        block = f.read(wanted)
        for m in pattern.finditer(block):
            offset = position + m.start()
            if offset >= end:
                return None
            if offset >= start and is_start(offset):
                return offset
        if len(block) < wanted:
            return None  # the end of the file
        position += len(block) - 16
    return None


def range_results(
    path: str, span: Span, read_options: dict[str, Any], storage: Mapping[str, Any] | None = None
) -> tuple[list[Result], int]:
    """Read the records of ``path`` (a path or URL) that begin in ``span`` (in a worker).

    Returns the results and the number of records skipped. Records are numbered within
    the range; the caller renumbers them, since only it knows how many came before.
    """
    skipped = [0]
    results: list[Result] = []
    start, end = span.start, span.end
    try:
        with _opened(path, storage, range_block(span), span.size) as (f, size):
            if start == 0:
                first: int | None = 0
            elif not span.compressed:
                first = _first_start(
                    f, start, end, _RECORD_START, lambda at: _is_record(f, at, size)
                )
            else:  # a gzip member per record
                first = _first_start(f, start, end, _MEMBER_START, lambda at: _is_member(f, at))
            if first is None:
                return results, 0
            f.seek(first)
            stop = end if end < size else None
            limit = payload_limit(read_options.get("max_size", -1))
            for item in _records(f, path, skipped, size, span.compressed, stop, limit):
                results.extend(read_item(item, read_options))
    except Exception as exc:  # the archive cannot be opened, or warcio is missing
        results.append(Result(path, None, None, failure_of(path, None, exc)))
    return results, skipped[0]
