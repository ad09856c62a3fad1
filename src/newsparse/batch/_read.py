"""Reading one work item into Results (in a worker process or in this one).

A local file is read by path, a URL through an fsspec file object and standard input as a
stream: a format that reads record by record (JSON Lines) keeps memory flat on all three,
and the size limit holds on each.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from .. import _api, _source
from .._errors import NewsparseError, ParseError, detached
from .._model import Article
from . import _remote
from ._types import Failure, Item, Result

__all__ = ["failure_of", "iter_item", "read_item"]


def failure_of(name: str, record: int | None, exc: BaseException) -> Failure:
    """The Failure of input ``name`` (record ``record``) that raised ``exc``.

    A newsparse error keeps its message; any other exception (a plugin's bug, a patched
    internal) is reported by its type and text, so nothing stops the batch.
    """
    line = column = None
    if isinstance(exc, ParseError):
        line, column = exc.line, exc.column
    if isinstance(exc, NewsparseError):
        message = getattr(exc, "message", None) or str(exc)
    else:
        message = f"{type(exc).__name__}: {exc}"
    if message.startswith(f"{name}: "):  # the input is named once, by the Failure
        message = message[len(name) + 2 :]
    fmt = getattr(exc, "format", None)
    return Failure(name, record, type(exc).__name__, message, line, column, fmt)


def read_item(item: Item, read_options: dict[str, Any]) -> list[Result]:
    """Read every article of one item; a failure ends the item with a Failure result.

    An input that holds no article at all (an empty file) is a failure too.
    """
    return list(iter_item(item, read_options))


def iter_item(item: Item, read_options: dict[str, Any]) -> Iterator[Result]:
    """The Results of one item as they are read (what :func:`read_item` lists).

    An article is held back until the next one (or the end) tells whether the item holds
    several, which decides whether the results carry record numbers.
    """
    if item.error is not None:
        yield Result(
            item.name, item.record, None, Failure(item.name, item.record, "ReadError", item.error)
        )
        return
    source: Any = item.data
    filename = item.name if item.path is None else None
    handle: Any = None
    size = -1
    count = 0
    held: Article | None = None
    failure_exc: Exception | None = None

    def record(index: int, several: bool) -> int | None:
        if item.record is not None:
            return item.record
        return index if several else None

    try:
        if item.stdin:  # a stream, read here: its first byte tells an empty one
            raw: Any = getattr(sys.stdin, "buffer", sys.stdin)
            first = raw.read(1)
            size = len(first)
            if isinstance(first, bytes):
                source = _source.Prefixed(first, raw)
            else:  # a text stream without a byte buffer, as some hosts give: read whole
                source = first + raw.read()
        elif item.path is not None and _remote.is_url(item.path):
            handle = source = _remote.open_input(item.path, dict(item.storage))
            size = _remote.size_of(handle)
            filename = _remote.name(item.path) or None
        elif item.path is not None:
            source = Path(item.path)
        for article in _api.read_many(
            source,
            item.format,
            media_type=item.media_type,
            encoding=item.encoding,
            filename=filename,
            **read_options,
        ):
            if item.extras or (item.url and article.url is None):
                article = attrs.evolve(
                    article,
                    url=article.url or item.url,
                    extras={**article.extras, **dict(item.extras)},
                )
            if held is not None:
                yield Result(item.name, record(count - 1, True), held, None)
            held = article
            count += 1
    except Exception as exc:  # whatever a reader or plugin raises costs only this item
        failure_exc = detached(exc)  # kept past the handler: no frame held, no cycle
    finally:
        if handle is not None:
            handle.close()
    several = count + (failure_exc is not None) > 1
    if held is not None:
        yield Result(item.name, record(count - 1, several), held, None)
    if failure_exc is not None:
        at = record(count, several)
        yield Result(item.name, at, None, failure_of(item.name, at, failure_exc))
    elif count == 0:
        yield Result(item.name, item.record, None, _empty(item, source, size))


def _empty(item: Item, source: Any, size: int) -> Failure:
    """The failure of an input without a single article (``size`` -1 when unknown)."""
    if size < 0:
        try:
            size = len(source) if isinstance(source, bytes) else Path(source).stat().st_size
        except (OSError, TypeError):
            size = -1
    why = "the input is empty" if size == 0 else "the input holds no article"
    return Failure(
        item.name, item.record, "ReadError", f"{why}: nothing to convert", format=item.format
    )
