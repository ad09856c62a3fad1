"""The batch runner: items read on worker processes, results in input order, outputs written.

Items (see :mod:`._inputs`) are read (parsed) in worker processes, since parsing is
CPU-bound; the Articles come back in input order whatever the number of jobs, and the
main process writes them. Failures never stop a batch unless asked to: each becomes a
Failure, counted and written to the errors report.
"""

from __future__ import annotations

import collections
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any

import attrs

from .. import _api
from .._errors import ReadError, WriteError
from .._model import Article
from . import _inputs
from ._types import BatchResult, Failure, Item, OnError, Result

__all__ = ["convert_many", "iter_articles"]

_CHUNK = 8  # items per task sent to a worker: fewer round trips, still fine-grained


def _work(chunk: list[Item], read_options: dict[str, Any]) -> list[tuple[list[Result], int]]:
    return [_inputs.read(item, read_options) for item in chunk]


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered(
    items: Iterator[Item], jobs: int, read_options: dict[str, Any]
) -> Iterator[tuple[Item, list[Result], int]]:
    """Read items on ``jobs`` processes; yield each with its results, in input order."""
    if jobs <= 1:
        for item in items:
            yield (item, *_inputs.read(item, read_options))
        return
    from .. import _plugins

    plugins = _plugins.portable_plugins()
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_plugins.restore_plugins, initargs=(plugins,)
        ) as pool:
            pending: collections.deque[
                tuple[list[Item], Future[list[tuple[list[Result], int]]]]
            ] = collections.deque()
            limit = jobs * 4  # bounded: a huge WARC never sits in memory whole

            def done() -> Iterator[tuple[Item, list[Result], int]]:
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
    parts = workers * 16 if workers > 1 else 1
    items = (
        item
        for entry in _inputs.files(inputs, glob)
        for item in _inputs.items(entry, from_format=from_format, skipped=skipped, parts=parts)
    )
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
