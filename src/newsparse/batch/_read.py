"""Reading one work item into Results (in a worker process or in this one)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from .. import _api
from .._errors import NewsparseError, ParseError
from .._model import Article
from ._types import Failure, Item, Result

__all__ = ["failure_of", "read_item"]


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
    if item.error is not None:
        failure = Failure(item.name, item.record, "ReadError", item.error)
        return [Result(item.name, item.record, None, failure)]
    source: Any = Path(item.path) if item.path is not None else item.data
    articles: list[Article] = []
    failure_exc: Exception | None = None
    try:
        for article in _api.read_many(
            source,
            item.format,
            media_type=item.media_type,
            encoding=item.encoding,
            filename=item.name if item.path is None else None,
            **read_options,
        ):
            if item.extras or (item.url and article.url is None):
                article = attrs.evolve(
                    article,
                    url=article.url or item.url,
                    extras={**article.extras, **dict(item.extras)},
                )
            articles.append(article)
    except Exception as exc:  # whatever a reader or plugin raises costs only this item
        failure_exc = exc
    several = len(articles) + (failure_exc is not None) > 1

    def record(index: int) -> int | None:
        if item.record is not None:
            return item.record
        return index if several else None

    results = [Result(item.name, record(i), a, None) for i, a in enumerate(articles)]
    if failure_exc is not None:
        at = record(len(articles))
        results.append(Result(item.name, at, None, failure_of(item.name, at, failure_exc)))
    elif not articles:
        results.append(Result(item.name, item.record, None, _empty(item, source)))
    return results


def _empty(item: Item, source: Any) -> Failure:
    """The failure of an input without a single article."""
    try:
        size = len(source) if isinstance(source, bytes) else Path(source).stat().st_size
    except (OSError, TypeError):
        size = -1
    why = "the input is empty" if size == 0 else "the input holds no article"
    return Failure(
        item.name, item.record, "ReadError", f"{why}: nothing to convert", format=item.format
    )
