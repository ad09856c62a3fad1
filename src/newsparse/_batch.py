"""Batch work: many inputs, on every core, in input order, with a progress bar and a report.

The unit of work is an *item*: one file, one standard-input document, or one record of a
WARC archive. Items are read (parsed) in worker processes, since parsing is CPU-bound;
the Articles come back in input order whatever the number of jobs, and the main process
writes them. Failures never stop a batch unless asked to: each becomes a
:class:`Failure`, counted and written to the errors report.
"""

from __future__ import annotations

import collections
import json
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any, Literal

import attrs

from . import _api
from ._errors import NewsparseError, ParseError, ReadError, WriteError
from ._model import Article

__all__ = ["BatchResult", "Failure", "Result", "convert_many", "iter_articles"]

OnError = Literal["continue", "raise"]

_CHUNK = 8  # items per task sent to a worker: fewer round trips, still fine-grained


@attrs.frozen
class Failure:
    """One input (or record) that could not be converted.

    ``record`` is the 0-based index of the article inside a multi-article input (a JSON
    Lines file, a WARC archive), ``None`` for single-article inputs; ``line`` and
    ``column`` come from a :class:`ParseError` where there is one.
    """

    input: str
    record: int | None
    error: str
    message: str
    line: int | None = None
    column: int | None = None
    format: str | None = None

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
    record: int | None
    article: Article | None
    failure: Failure | None


@attrs.frozen
class BatchResult:
    """The summary of :func:`convert_many`.

    ``skipped`` counts the records that hold no article (WARC request and metadata
    records, responses that are not HTML).
    """

    converted: int
    failed: int
    skipped: int
    outputs: tuple[str, ...]
    failures: tuple[Failure, ...]

    @property
    def ok(self) -> bool:
        """Whether every input converted."""
        return self.failed == 0


@attrs.frozen
class _Item:
    """A picklable unit of work."""

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
    warc_range: tuple[int, int] | None = None  # a byte range of a WARC.gz, read by a worker


# ---------------------------------------------------------------------------
# expanding inputs into items


def _is_warc(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz", ".arc.gz")):
        return True
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return False
    return head.startswith(b"WARC/")


def _files(inputs: Iterable[str | os.PathLike[str]], glob: str) -> Iterator[str | Path]:
    for entry in inputs:
        if isinstance(entry, str) and entry == "-":
            yield "-"
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


def _items(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    glob: str,
    from_format: str | None,
    skipped: list[int],
    jobs: int = 1,
) -> Iterator[_Item]:
    for entry in _files(inputs, glob):
        if entry == "-":
            yield _Item(name="<stdin>", data=sys.stdin.buffer.read(), format=from_format)
            continue
        assert isinstance(entry, Path)
        if from_format is None and entry.is_file() and _is_warc(entry):
            from ._warc import warc_items, warc_ranges

            ranges = warc_ranges(entry, jobs * 16) if jobs > 1 else None
            if ranges:  # the workers decompress and read their own parts
                for start, end in ranges:
                    yield _Item(name=str(entry), path=str(entry), warc_range=(start, end))
                continue
            try:
                yield from warc_items(entry, skipped)
            except ReadError as exc:
                yield _Item(name=str(entry), error=exc.message)
            continue
        yield _Item(name=str(entry), path=str(entry), format=from_format)


# ---------------------------------------------------------------------------
# the work done in a worker


def _failure(name: str, record: int | None, exc: BaseException) -> Failure:
    line = column = None
    if isinstance(exc, ParseError):
        line, column = exc.line, exc.column
    message = getattr(exc, "message", None) or str(exc)
    if message.startswith(f"{name}: "):  # the input is named once, by the Failure
        message = message[len(name) + 2 :]
    fmt = getattr(exc, "format", None)
    return Failure(name, record, type(exc).__name__, message, line, column, fmt)


def _read_item(item: _Item, read_options: dict[str, Any]) -> list[Result]:
    """Read every article of one item; a failure ends the item with a Failure result."""
    if item.error is not None:
        return [Result(item.name, None, None, Failure(item.name, None, "ReadError", item.error))]
    source: Any = Path(item.path) if item.path is not None else item.data
    articles: list[Article] = []
    failure: NewsparseError | None = None
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
    except NewsparseError as exc:
        failure = exc
    several = len(articles) + (failure is not None) > 1

    def record(index: int) -> int | None:
        if item.record is not None:
            return item.record
        return index if several else None

    results = [Result(item.name, record(i), a, None) for i, a in enumerate(articles)]
    if failure is not None:
        at = record(len(articles))
        results.append(Result(item.name, at, None, _failure(item.name, at, failure)))
    return results


def _read_counted(item: _Item, read_options: dict[str, Any]) -> tuple[list[Result], int]:
    """An item's results and how many records it skipped (WARC ranges skip some)."""
    if item.warc_range is not None:
        from ._warc import range_results

        assert item.path is not None
        return range_results(item.path, *item.warc_range, read_options)
    return _read_item(item, read_options), 0


def _work(chunk: list[_Item], read_options: dict[str, Any]) -> list[tuple[list[Result], int]]:
    return [_read_counted(item, read_options) for item in chunk]


def _chunks(items: Iterator[_Item], size: int) -> Iterator[list[_Item]]:
    chunk: list[_Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered(
    items: Iterator[_Item], jobs: int, read_options: dict[str, Any]
) -> Iterator[tuple[_Item, list[Result], int]]:
    """Read items on ``jobs`` processes; yield each with its results, in input order."""
    if jobs <= 1:
        for item in items:
            yield (item, *_read_counted(item, read_options))
        return
    from . import _plugins

    plugins = _plugins.portable_plugins()
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_plugins.restore_plugins, initargs=(plugins,)
        ) as pool:
            pending: collections.deque[
                tuple[list[_Item], Future[list[tuple[list[Result], int]]]]
            ] = collections.deque()
            limit = jobs * 4  # bounded: a huge WARC never sits in memory whole

            def done() -> Iterator[tuple[_Item, list[Result], int]]:
                chunk, future = pending.popleft()
                for item, (results, skipped) in zip(chunk, future.result(), strict=True):
                    yield item, results, skipped

            for chunk in _chunks(items, _CHUNK):
                # a WARC range is a large task already: send it alone
                size = 1 if chunk[0].warc_range is not None else len(chunk)
                for start in range(0, len(chunk), size):
                    part = chunk[start : start + size]
                    pending.append((part, pool.submit(_work, part, read_options)))
                while len(pending) >= limit:
                    yield from done()
            while pending:
                yield from done()
    except (BrokenProcessPool, pickle.PicklingError) as exc:
        raise ReadError(
            f"the worker processes failed ({type(exc).__name__}: {exc}); a plugin registered "
            "in code must pickle to reach them; run with jobs=1 to read in this process"
        ) from exc


# ---------------------------------------------------------------------------
# public API


def iter_articles(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    from_format: str | None = None,
    jobs: int | None = 1,
    glob: str = "**/*",
    on_error: OnError = "continue",
    progress: bool | None = None,
    read_options: dict[str, Any] | None = None,
    _skipped: list[int] | None = None,
) -> Iterator[Result]:
    """Read many inputs and yield a :class:`Result` per article, in input order.

    :param inputs: files, folders (searched recursively with ``glob``), ``"-"`` for
        standard input, JSON Lines files and WARC archives (``.warc``, ``.warc.gz``: each
        HTML response record becomes an Article).
    :param from_format: the input format; detected per file when omitted.
    :param jobs: worker processes (``None``: one per core; 1: no processes).
    :param on_error: ``"continue"`` yields a Result carrying a :class:`Failure`;
        ``"raise"`` raises the first error.
    :param progress: show a progress bar on stderr (``None``: only on a terminal).
    :param read_options: options passed to every reader.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    skipped: list[int] = _skipped if _skipped is not None else [0]
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    items = _items(inputs, glob=glob, from_format=from_format, skipped=skipped, jobs=workers)
    bar = _progress_bar(progress)
    numbers: dict[str, int] = {}  # the records of a WARC read in ranges, numbered in order
    try:
        for item, results, skipped_here in _ordered(items, workers, dict(read_options or {})):
            skipped[0] += skipped_here
            for result in results:
                if item.warc_range is not None and result.record is not None:
                    number = numbers.get(item.name, 0)
                    numbers[item.name] = number + 1
                    failure = result.failure and attrs.evolve(result.failure, record=number)
                    result = attrs.evolve(result, record=number, failure=failure)
                if result.failure is not None and on_error == "raise":
                    raise result.failure.error_object()
                if bar is not None:
                    bar.update(1)
                yield result
    finally:
        if bar is not None:
            bar.close()


def _progress_bar(progress: bool | None) -> Any:
    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", desc="newsparse", file=sys.stderr, dynamic_ncols=True)


def _out_name(result: Result, suffix: str, taken: set[str]) -> str:
    stem = Path(result.input).name or "stdin"
    for ending in (".gz", ".warc", ".jsonl", ".json", ".html", ".htm", ".txt"):
        if stem.lower().endswith(ending):
            stem = stem[: -len(ending)]
    if result.record is not None:
        stem += f"-{result.record:06d}"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem).strip("._") or "article"
    name = safe + suffix
    n = 1
    while name in taken:
        n += 1
        name = f"{safe}-{n}{suffix}"
    taken.add(name)
    return name


def convert_many(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    to: str,
    *,
    output: str | os.PathLike[str] | IO[str] | None = None,
    from_format: str | None = None,
    jobs: int | None = None,
    glob: str = "**/*",
    on_error: OnError = "continue",
    errors: str | os.PathLike[str] | None = None,
    progress: bool | None = None,
    read_options: dict[str, Any] | None = None,
    write_options: dict[str, Any] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> BatchResult:
    """Convert many inputs to format ``to``; return counts, outputs and failures.

    :param output: a folder (existing, or a path ending in ``/``): one file per article,
        named after its input; a file or text stream: one document holding every article
        (the format must hold several, like ``jsonl``); ``None``: standard output.
    :param errors: a JSON Lines file to write one line per failure to.
    :param on_failure: called with each :class:`Failure` as it happens.
    The other parameters are those of :func:`iter_articles`.

    Output order is input order, whatever ``jobs`` is.
    """
    spec = _api.get_format(to)
    if not spec.can_write:
        raise WriteError(f"format {spec.name!r} cannot write", format=spec.name)
    failures: list[Failure] = []
    converted = 0
    outputs: list[str] = []
    skipped = [0]
    report = open(errors, "w", encoding="utf-8") if errors is not None else None  # noqa: SIM115
    results = iter_articles(
        inputs,
        from_format=from_format,
        jobs=jobs,
        glob=glob,
        on_error=on_error,
        progress=progress,
        read_options=read_options,
        _skipped=skipped,
    )
    options = dict(write_options or {})

    def articles() -> Iterator[Article]:
        nonlocal converted
        for result in _results_only(results, failures, report, on_failure):
            assert result.article is not None
            converted += 1
            yield result.article

    try:
        folder = _folder(output)
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            suffix = spec.extensions[0] if spec.extensions else ".txt"
            taken: set[str] = set()
            for result in _results_only(results, failures, report, on_failure):
                assert result.article is not None
                path = folder / _out_name(result, suffix, taken)
                path.write_text(_api.write(result.article, to, **options), encoding="utf-8")
                converted += 1
                outputs.append(str(path))
        else:
            _write_stream(articles(), to, spec.many_writer is not None, output, options, outputs)
    finally:
        if report is not None:
            report.close()
    return BatchResult(converted, len(failures), skipped[0], tuple(outputs), tuple(failures))


def _folder(output: str | os.PathLike[str] | IO[str] | None) -> Path | None:
    if not isinstance(output, (str, os.PathLike)):
        return None
    text = os.fspath(output)
    path = Path(text)
    if path.is_dir() or text.endswith(("/", os.sep)):
        return path
    return None


def _results_only(
    results: Iterator[Result],
    failures: list[Failure],
    report: IO[str] | None,
    on_failure: Callable[[Failure], None] | None,
) -> Iterator[Result]:
    for result in results:
        if result.failure is not None:
            failures.append(result.failure)
            if report is not None:
                report.write(result.failure.to_json() + "\n")
            if on_failure is not None:
                on_failure(result.failure)
            continue
        yield result


def _write_stream(
    articles: Iterator[Article],
    to: str,
    many: bool,
    output: str | os.PathLike[str] | IO[str] | None,
    options: dict[str, Any],
    outputs: list[str],
) -> None:
    """Write the articles as one document to a stream, or to a file path.

    A file is written beside its final name and moved into place once complete, and only
    when at least one article was written: a failed run never truncates earlier output.
    """
    if output is None or not isinstance(output, (str, os.PathLike)):
        _write_document(articles, to, many, output or sys.stdout, options)
        return
    path = os.fspath(output)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".newsparse-", suffix=".part", dir=folder)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write there: {exc.strerror or exc}", format=to) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            wrote = _write_document(articles, to, many, stream, options)
        if wrote:
            os.replace(temporary, path)
            outputs.append(str(path))
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _write_document(
    articles: Iterator[Article], to: str, many: bool, stream: IO[str], options: dict[str, Any]
) -> int:
    """Write the articles to ``stream`` as one document; return how many were written."""
    count = 0
    if many:

        def counted() -> Iterator[Article]:
            nonlocal count
            for article in articles:
                count += 1
                yield article

        for chunk in _api.write_many(counted(), to, **options):
            stream.write(chunk)
    else:
        first = next(articles, None)
        if first is None:
            return 0
        second = next(articles, None)
        if second is not None:
            raise WriteError(
                f"format {to!r} holds one article per document and the inputs hold "
                "several: give a folder as the output (-o DIR/) or use a format such "
                "as jsonl",
                format=to,
            )
        stream.write(_api.write(first, to, **options))
        count = 1
    stream.flush()
    return count
