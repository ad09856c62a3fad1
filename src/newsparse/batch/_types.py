"""The values batch work passes around: work items, results, failures and the summary.

A leaf module: the runner, the WARC reader, the input dispatch and the Dask helpers all
import it, and it imports none of them.
"""

from __future__ import annotations

import json
from typing import Any, Literal

import attrs

from .._errors import ParseError, ReadError
from .._model import Article

__all__ = ["BatchResult", "Failure", "Item", "OnError", "Result", "Span"]

OnError = Literal["continue", "raise"]


@attrs.frozen
class Failure:
    """One input (or record) that could not be converted.

    ``record`` is the 0-based index of the article inside a multi-article input (a JSON
    Lines file, a WARC archive), ``None`` for single-article inputs; ``line`` and
    ``column`` come from a :class:`~newsparse.ParseError` where there is one.
    """

    input: str
    """The input's name: its path, ``<stdin>``, or the archive's path for a WARC record."""
    record: int | None
    """The 0-based index of the article inside a multi-article input (a JSON Lines
    file, a WARC archive); ``None`` for a single-article input."""
    error: str
    """The error's class name, e.g. ``"ParseError"``."""
    message: str
    """What went wrong, without the input's name."""
    line: int | None = None
    """The 1-based line of a :class:`~newsparse.ParseError`, where there is one."""
    column: int | None = None
    """The 1-based column of a :class:`~newsparse.ParseError`, where there is one."""
    format: str | None = None
    """The format that was reading, where one had been chosen."""

    def error_object(self) -> ReadError:
        """The failure as the newsparse error it was (what ``on_error="raise"`` raises)."""
        message = self.message
        if self.record is not None:
            message += f" (record {self.record})"
        if self.line is not None:
            return ParseError(
                message, format=self.format, line=self.line, column=self.column, source=self.input
            )
        return ReadError(message, format=self.format, source=self.input)

    def to_json(self) -> str:
        """One line of the errors report (JSON Lines)."""
        return json.dumps(attrs.asdict(self), ensure_ascii=False)

    def __str__(self) -> str:
        where = self.input
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        if self.record is not None:
            where += f" (record {self.record})"
        fmt = f"[{self.format}] " if self.format else ""
        return f"{where}: {fmt}{self.message}"


@attrs.frozen
class Result:
    """What became of one article-sized piece of input: an Article or a Failure."""

    input: str
    """The input's name: its path, ``<stdin>``, or the archive's path for a WARC record."""
    record: int | None
    """The 0-based index of the article inside a multi-article input; ``None`` for a
    single-article input."""
    article: Article | None
    """The Article read, or ``None`` when the piece failed."""
    failure: Failure | None
    """What went wrong, or ``None`` when the piece was read."""


@attrs.frozen
class BatchResult:
    """The summary of :func:`~newsparse.batch.convert_many`.

    ``skipped`` counts the records that hold no article (WARC request and metadata
    records, responses that are not HTML).
    """

    converted: int
    """How many articles were written."""
    failed: int
    """How many inputs (or records) failed."""
    skipped: int
    """How many records held no article (WARC request and metadata records, responses
    that are not HTML)."""
    outputs: tuple[str, ...]
    """The files written, in order."""
    failures: tuple[Failure, ...]
    """Every failure, in input order."""

    @property
    def ok(self) -> bool:
        """Whether every input converted."""
        return self.failed == 0


@attrs.frozen
class Span:
    """A byte range ``[start, end)`` of a WARC archive of ``size`` bytes, read by a worker.

    ``compressed``: a ``.warc.gz`` (a gzip member per record) rather than a plain WARC.
    """

    start: int
    end: int
    size: int
    compressed: bool


@attrs.frozen
class Item:
    """A picklable unit of work: a file, a standard-input document, a WARC record or range.

    ``path`` is a local path or a URL; ``storage`` holds the storage options to open a URL
    with (fsspec's ``storage_options``). Standard input (``stdin``) is read in the process
    that runs the batch, as a stream.
    """

    name: str
    path: str | None = None
    data: bytes | None = None
    record: int | None = None
    format: str | None = None
    media_type: str | None = None
    encoding: str | None = None
    url: str | None = None
    extras: tuple[tuple[str, Any], ...] = ()
    error: str | None = None  # an input that failed before reading, e.g. a broken archive
    warc_range: Span | None = None  # a byte range of a WARC, read by a worker
    storage: tuple[tuple[str, Any], ...] = ()
    stdin: bool = False
