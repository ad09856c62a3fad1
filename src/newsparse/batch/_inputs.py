"""Which inputs a batch reads, and how each becomes work items: the one "WARC or file" choice.

The runner, the Dask helpers and anything else that reads many inputs go through here:
:func:`files` expands folders, :func:`items` turns one input into work items (a WARC
archive into its records, or into byte ranges that workers read themselves), and
:func:`read` reads one item wherever it runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from . import _warc
from ._read import failure_of, read_item
from ._types import Item, Result

__all__ = ["STDIN", "files", "is_warc", "items", "read", "read_input"]

STDIN = "-"
"""The input that names standard input."""


def is_warc(path: Path) -> bool:
    """Whether ``path`` is a WARC (or ARC) archive, by its name or its first bytes."""
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz", ".arc.gz")):
        return True
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return False
    return head.startswith(b"WARC/")


def files(inputs: Iterable[str | os.PathLike[str]], glob: str) -> Iterator[str | Path]:
    """The inputs with folders expanded (recursively, by ``glob``; hidden files left out).

    ``"-"`` (standard input) is passed through as it is.
    """
    for entry in inputs:
        if isinstance(entry, str) and entry == STDIN:
            yield STDIN
            continue
        path = Path(entry)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.glob(glob)
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path


def items(
    entry: str | Path,
    *,
    from_format: str | None,
    skipped: list[int],
    parts: int = 1,
    encoding: str | None = None,
    max_size: int | None = -1,
) -> Iterator[Item]:
    """The work items of one input (as :func:`files` yields them).

    A WARC archive (when no ``from_format`` is forced) becomes its HTML response records,
    or, with ``parts > 1`` and an archive large enough, about ``parts`` byte ranges that
    :func:`read` reads where it runs; no page larger than ``max_size`` is read further
    than that. ``skipped[0]`` counts the records without a page read here. ``encoding``
    is that of a plain file or standard input (a WARC record's is its HTTP charset).
    Whatever goes wrong here becomes an item carrying the error.
    """
    if entry == STDIN:
        data = sys.stdin.buffer.read()
        yield Item(name="<stdin>", data=data, format=from_format, encoding=encoding)
        return
    path = Path(entry)
    try:
        warc = from_format is None and path.is_file() and is_warc(path)
        ranges = _warc.warc_ranges(path, parts) if warc and parts > 1 else None
    except Exception as exc:  # e.g. a file that went away
        yield Item(name=str(path), error=failure_of(str(path), None, exc).message)
        return
    if ranges:  # the workers decompress and read their own parts
        for start, end in ranges:
            yield Item(name=str(path), path=str(path), warc_range=(start, end))
        return
    if warc:
        try:
            yield from _warc.warc_items(path, skipped, _warc.payload_limit(max_size))
        except Exception as exc:
            yield Item(name=str(path), error=failure_of(str(path), None, exc).message)
        return
    yield Item(name=str(path), path=str(path), format=from_format, encoding=encoding)


def read(item: Item, read_options: dict[str, Any]) -> tuple[list[Result], int]:
    """An item's results and how many records it skipped (WARC ranges skip some)."""
    if item.warc_range is not None:
        assert item.path is not None
        return _warc.range_results(item.path, *item.warc_range, read_options)
    return read_item(item, read_options), 0


def read_input(
    path: str | os.PathLike[str], from_format: str | None, read_options: dict[str, Any]
) -> list[Result]:
    """Every Result of one input file, read in this process (every record of a WARC)."""
    skipped = [0]
    out: list[Result] = []
    limit = read_options.get("max_size", -1)
    for item in items(Path(path), from_format=from_format, skipped=skipped, max_size=limit):
        out.extend(read(item, read_options)[0])
    return out
