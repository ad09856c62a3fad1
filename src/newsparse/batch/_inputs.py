"""Which inputs a batch reads, and how each becomes work items: the one "WARC or file" choice.

The runner, the Dask helpers and anything else that reads many inputs go through here:
:func:`files` expands folders, globs and folder URLs, :func:`items` turns one input into
work items (a WARC archive into its records, or into byte ranges that workers read
themselves), :func:`partitions` does the same for a Dask bag, and :func:`read` reads one
item wherever it runs. Inputs are local paths or URLs (see :mod:`._remote`); both take
the same path through the same WARC reader.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from glob import glob as glob_paths
from glob import has_magic
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import attrs

from .._errors import ReadError
from . import _remote, _warc
from ._read import failure_of, iter_item, read_item
from ._types import Item, Result, Span

__all__ = [
    "STDIN",
    "files",
    "is_warc",
    "items",
    "partitions",
    "read",
    "read_input",
    "read_path_list",
    "renumber",
    "stream",
]

STDIN = "-"
"""The input that names standard input."""

Storage = Mapping[str, Any] | None

_WARC_NAMES = (".warc", ".warc.gz", ".arc.gz")


def _storage(storage: Storage) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(dict(storage or {}).items()))


def is_warc(entry: str | Path, storage: Storage = None) -> bool:
    """Whether ``entry`` (a path or URL) is a WARC (or ARC) archive, by name or first bytes."""
    remote = isinstance(entry, str) and _remote.is_url(entry)
    name = (_remote.name(entry) if isinstance(entry, str) and remote else Path(entry).name).lower()
    if name.endswith(_WARC_NAMES):
        return True
    try:
        if remote:
            assert isinstance(entry, str)
            head = _warc.head_and_size(entry, storage)[0]
        else:
            with open(entry, "rb") as f:
                head = f.read(8)
    except (OSError, ReadError):
        return False
    return head.startswith(b"WARC/")


def files(
    inputs: Iterable[str | os.PathLike[str]], glob: str, storage: Storage = None
) -> Iterator[str | Path]:
    """The inputs with folders expanded (recursively, by ``glob``; hidden files left out).

    ``"-"`` (standard input) is passed through as it is; a URL stays a ``str`` (a folder
    URL, ending in ``/``, or a glob URL is listed); a ``file://`` URL and any other path
    become a :class:`~pathlib.Path`, a local glob pattern that names no file is expanded.
    """
    for entry in inputs:
        if isinstance(entry, str) and entry == STDIN:
            yield STDIN
            continue
        if isinstance(entry, str) and _remote.is_url(entry):
            local = _remote.local_path(entry)
            if local is None:
                yield from _remote.expand(entry, glob, storage)
                continue
            entry = local
        path = Path(entry)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.glob(glob)
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif not path.exists() and has_magic(os.fspath(entry)):
            found = sorted(Path(p) for p in glob_paths(os.fspath(entry), recursive=True))
            yield from [p for p in found if p.is_file()] or [path]
        else:
            yield path


def check_urls(inputs: Iterable[str | os.PathLike[str]], storage: Storage) -> None:
    """Raise :class:`ReadError` for a URL input that cannot be opened at all.

    That is a missing package or an unknown protocol, found before anything is read; no
    request is made.
    """
    for entry in inputs:
        if isinstance(entry, str) and _remote.is_url(entry) and _remote.local_path(entry) is None:
            _remote.filesystem(entry, storage)


def items(
    entry: str | Path,
    *,
    from_format: str | None,
    skipped: list[int],
    parts: int = 1,
    encoding: str | None = None,
    max_size: int | None = -1,
    storage: Storage = None,
) -> Iterator[Item]:
    """The work items of one input (as :func:`files` yields them).

    A WARC archive (when no ``from_format`` is forced) becomes its HTML response records,
    or, with ``parts > 1`` and an archive large enough, about ``parts`` byte ranges that
    :func:`read` reads where it runs; no page larger than ``max_size`` is read further
    than that. ``skipped[0]`` counts the records without a page read here. ``encoding``
    is that of a plain file or standard input (a WARC record's is its HTTP charset).
    Standard input is one item, streamed where it is read. Whatever goes wrong here
    becomes an item carrying the error.
    """
    if entry == STDIN:
        yield Item(name="<stdin>", format=from_format, encoding=encoding, stdin=True)
        return
    remote = isinstance(entry, str) and _remote.is_url(entry)
    source: str | Path = entry if remote else Path(entry)
    name = str(source)
    options = _storage(storage)
    try:
        warc = from_format is None and (remote or Path(source).is_file())
        warc = warc and is_warc(source, storage)
        ranges = _warc.warc_ranges(source, parts, storage=storage) if warc and parts > 1 else None
    except Exception as exc:  # e.g. a file that went away
        yield Item(name=name, error=failure_of(name, None, exc).message)
        return
    if ranges:  # the workers decompress and read their own parts
        for span in ranges:
            yield Item(name=name, path=name, warc_range=span, storage=options)
        return
    if warc:
        try:
            limit = _warc.payload_limit(max_size)
            records = _warc.warc_items(source, skipped, limit, storage)
            yield from (attrs.evolve(item, storage=options) for item in records)
        except Exception as exc:
            yield Item(name=name, error=failure_of(name, None, exc).message)
        return
    yield Item(name=name, path=name, format=from_format, encoding=encoding, storage=options)


def read(item: Item, read_options: dict[str, Any]) -> tuple[list[Result], int]:
    """An item's results and how many records it skipped (WARC ranges skip some)."""
    if item.warc_range is not None:
        assert item.path is not None
        return _warc.range_results(item.path, item.warc_range, read_options, dict(item.storage))
    return read_item(item, read_options), 0


def stream(item: Item, read_options: dict[str, Any]) -> tuple[Iterable[Result], int]:
    """As :func:`read`, the results of a file or standard input coming as they are read.

    For reading in this process: a large JSON Lines file or standard input is then never
    held whole.
    """
    if item.warc_range is not None:
        return read(item, read_options)
    return iter_item(item, read_options), 0


def renumber(results: Iterable[Result], first: int) -> tuple[list[Result], int]:
    """The results of a WARC range numbered from ``first`` on, and the next number.

    A range numbers its records from 0; only whoever reads the ranges in order knows how
    many came before.
    """
    out: list[Result] = []
    number = first
    for result in results:
        if result.record is not None:
            failure = result.failure and attrs.evolve(result.failure, record=number)
            result = attrs.evolve(result, record=number, failure=failure)
            number += 1
        out.append(result)
    return out, number


def read_input(
    path: str | os.PathLike[str],
    from_format: str | None,
    read_options: dict[str, Any],
    storage: Storage = None,
) -> list[Result]:
    """Every Result of one input file or URL, read in this process (every record of a WARC)."""
    skipped = [0]
    out: list[Result] = []
    limit = read_options.get("max_size", -1)
    entry: str | Path = path if isinstance(path, str) and _remote.is_url(path) else Path(path)
    for item in items(
        entry, from_format=from_format, skipped=skipped, max_size=limit, storage=storage
    ):
        out.extend(read(item, read_options)[0])
    return out


def partitions(
    entries: Iterable[str | Path],
    from_format: str | None,
    partition_size: int | None,
    storage: Storage = None,
) -> list[Item]:
    """The Dask partitions of some inputs (as :func:`files` yields them), in input order.

    A WARC archive larger than ``partition_size`` bytes becomes ranges of that size (the
    records of each read by :func:`read`, numbered from 0: see :func:`renumber`); any other
    input is one partition, read by :func:`read_input`. The first bytes and the size of
    remote archives are asked for all of them at once (concurrently where the file system
    can); a URL is taken for an archive by its name only, here, so that naming thousands of
    inputs costs no request for those that are not.
    """
    options = _storage(storage)
    listed = [e for e in entries if e != STDIN]
    out: list[list[Item]] = []
    remote: list[int] = []
    for entry in listed:
        name = str(entry)
        whole = Item(name=name, path=name, format=from_format, storage=options)
        out.append([whole])
        if partition_size is None or from_format is not None:
            continue
        if isinstance(entry, str) and _remote.is_url(entry):
            if _remote.name(entry).lower().endswith(_WARC_NAMES):
                remote.append(len(out) - 1)
            continue
        try:
            spans = None
            if Path(entry).is_file() and is_warc(entry):
                spans = _warc.warc_ranges(entry, step=partition_size)
        except OSError:
            continue  # read_input reports it
        if spans:
            out[-1] = _ranged(whole, spans)
    if remote:
        found = _remote.heads_and_sizes([str(listed[i]) for i in remote], storage, 5)
        for index, known in zip(remote, found, strict=True):
            if isinstance(known, ReadError):
                continue  # read_input reports it, on a worker
            spans = _warc.warc_ranges(str(listed[index]), step=partition_size, known=known)
            if spans:
                out[index] = _ranged(out[index][0], spans)
    return [item for part in out for item in part]


def _ranged(whole: Item, spans: list[Span]) -> list[Item]:
    return [attrs.evolve(whole, warc_range=span) for span in spans]


def read_path_list(
    source: str | os.PathLike[str],
    *,
    base: str | None = None,
    storage_options: Mapping[str, Any] | None = None,
) -> list[str]:
    """The inputs a path list names, such as Common Crawl's ``warc.paths.gz``.

    A path list holds one path or URL per line.

    :param source: the list: a local file or a URL, gzip-compressed when its name ends in
        ``.gz``.
    :param base: what relative entries are relative to, e.g.
        ``"https://data.commoncrawl.org/"`` or ``"s3://commoncrawl/"``; without it they
        are taken as they are (local paths relative to the working folder).
    :param storage_options: fsspec options to open a URL ``source`` with.
    :raises ReadError: when the list cannot be read.

    Blank lines and lines starting with ``#`` are left out. The result is a plain list:
    slice it to take part of a crawl, and pass it as the inputs of
    :func:`~newsparse.batch.convert_many`, :func:`~newsparse.batch.iter_articles` or
    ``newsparse.dask.articles``.
    """
    lines: Iterable[str]
    text = os.fspath(source)
    if _remote.is_url(text) and _remote.local_path(text) is None:
        lines = _remote.iter_lines(text, storage_options)
    else:
        local = _remote.local_path(text) or text
        try:
            raw = open(local, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise ReadError(f"cannot read the path list: {exc.strerror}", source=text) from None
        stream: Any = gzip.GzipFile(fileobj=raw) if local.lower().endswith(".gz") else raw
        lines = io.TextIOWrapper(stream, encoding="utf-8")
    out: list[str] = []
    try:
        for line in lines:
            entry = line.strip()
            if not entry or entry.startswith("#"):
                continue
            out.append(_joined(base, entry))
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise ReadError(f"cannot read the path list: {exc}", source=text) from None
    finally:
        close = getattr(lines, "close", None)
        if close is not None:
            close()
    return out


def _joined(base: str | None, entry: str) -> str:
    if base is None or _remote.is_url(entry) or os.path.isabs(entry):
        return entry
    if _remote.is_url(base) and "://" in base and not base.startswith(("file:", "local:")):
        if base.split("://", 1)[0].lower() in ("http", "https"):
            return urljoin(base if base.endswith("/") else base + "/", entry)
        return base.rstrip("/") + "/" + entry.lstrip("/")
    return os.path.join(_remote.local_path(base) or base, entry)
