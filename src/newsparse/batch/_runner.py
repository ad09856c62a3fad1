"""The batch runner: items read on worker processes, results in input order, outputs written.

Items (see :mod:`._inputs`) are read (parsed) in worker processes, since parsing is
CPU-bound; the Articles come back in input order whatever the number of jobs, and the
main process writes them. Failures never stop a batch unless asked to: each becomes a
Failure, counted and written to the errors report.

An interrupt (``KeyboardInterrupt``, which the command line also raises on SIGTERM) or
any other exception that ends a run ends the worker processes at once, removes the
temporary files, and leaves every output file as it was before the run; in an output
folder, the files written before it stay, each of them complete.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any, cast

import attrs

from .. import _api
from .._errors import ReadError, WriteError
from .._model import Article
from . import _inputs, _output, _remote
from ._read import failure_of
from ._types import BatchResult, Failure, Item, OnError, Result

__all__ = ["Plan", "convert_many", "iter_articles", "prepare", "run"]

_CHUNK = 8  # items per task sent to a worker: fewer round trips, still fine-grained
_CHUNK_BYTES = 8 << 20  # and no more payload than this in one task
_PENDING_BYTES = 64 << 20  # payload bytes sent to the workers and not yet read back

_POLL = 0.25  # seconds between two looks at a result the main thread waits for

RESERVED = ("source", "format", "media_type", "encoding", "filename")
"""Names ``read_options`` cannot hold: the batch sets them for each input itself."""


Paths = Iterable[str | os.PathLike[str]] | str | os.PathLike[str]


def _start_worker(plugins: list[tuple[str, Any]]) -> None:
    """Set up a worker process: the main process handles interrupts, and plugins."""
    from .. import _plugins

    # Ctrl-C reaches every process of the terminal's group: the main process alone
    # decides what happens, and ends the workers itself (with SIGTERM, whose default
    # action a forked worker must not inherit a handler for)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _HELD:  # held by the parent while it started this process (see _Recording)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    _plugins.restore_plugins(plugins)


def _work(chunk: list[Item], read_options: dict[str, Any]) -> list[tuple[list[Result], int]]:
    return [_inputs.read(item, read_options) for item in chunk]


def _size(item: Item) -> int:
    return len(item.data) if item.data is not None else 0


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    held = 0
    for item in items:
        # a WARC range is a large task already, and standard input is read here: alone
        if item.warc_range is not None or item.stdin:
            if chunk:
                yield chunk
                chunk, held = [], 0
            yield [item]
            continue
        chunk.append(item)
        held += _size(item)
        if len(chunk) >= size or held >= _CHUNK_BYTES:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


_HELD = (
    frozenset({signal.SIGINT, signal.SIGTERM})
    if hasattr(signal, "pthread_sigmask")
    else frozenset()
)
"""The signals held while a worker starts (where threads can hold signals: POSIX)."""


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold :data:`_HELD` in this thread for the time of the block; they arrive after it."""
    if not _HELD:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class _Recording:
    """A multiprocessing context that keeps every process the pool creates, before it starts.

    Before Python 3.14 the executor records a worker in its process table only after the
    worker started: an interrupt between the two would leave a live worker that nothing
    ends (and that holds the terminal's pipes open). This context hands the pool its
    processes and keeps a list of them; everything else is the default context's. The
    pool starts its processes when a task is submitted, and tasks are submitted with
    SIGINT and SIGTERM held (:func:`_signals_held`): an interrupt cannot fall between a
    fork and the moment the process knows its id (it comes right after). The worker
    inherits them held and lets them through once its own handlers are set.
    """

    def __init__(self) -> None:
        self._context = multiprocessing.get_context()
        self.processes: list[Any] = []

    def Process(self, *args: Any, **kwargs: Any) -> Any:
        process = self._context.Process(*args, **kwargs)
        self.processes.append(process)
        return process

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context, name)


def _result(future: Future[Any]) -> Any:
    """The result of ``future``, waited for in short steps.

    The kernel hands a signal to any thread of the process that does not block it, and
    Python runs the handler in the main thread only once that thread runs code again: an
    unbounded wait for a result would hold Ctrl-C off until a worker finished its task
    (a minute, for a slow page), where short waits let it through within one step.
    """
    while not future.done():
        wait((future,), timeout=_POLL)
    return future.result()


def _stop(pool: ProcessPoolExecutor, context: _Recording) -> None:
    """End the workers now: cancel what waits, terminate what runs, kill what stays.

    The context knows every started worker on every Python version, so it is asked rather
    than the executor (3.14's ``terminate_workers`` would end the same processes).
    """
    pool.shutdown(wait=False, cancel_futures=True)
    started = [p for p in context.processes if p.pid is not None]
    for process in started:
        if process.is_alive():
            process.terminate()
    for process in started:
        process.join(2)
        if process.is_alive():  # e.g. a worker that had not yet left the parent's handlers
            process.kill()
            process.join(5)


def _ordered(
    items: Iterator[Item], jobs: int, read_options: dict[str, Any]
) -> Iterator[tuple[Item, Iterable[Result], int]]:
    """Read items on ``jobs`` processes; yield each with its results, in input order.

    Results read in this process (``jobs=1``, standard input) come as they are read: the
    caller takes them all before asking for the next item.
    """
    if jobs <= 1:
        for item in items:
            yield (item, *_inputs.stream(item, read_options))
        return
    from .. import _plugins

    plugins = _plugins.portable_plugins()
    context = _Recording()
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=cast(Any, context),
        initializer=_start_worker,
        initargs=(plugins,),
    )
    pending: collections.deque[tuple[list[Item], Future[list[tuple[list[Result], int]]]]] = (
        collections.deque()
    )
    limit = jobs * 4  # bounded: a huge WARC never sits in memory whole
    held = 0

    def done() -> Iterator[tuple[Item, Iterable[Result], int]]:
        nonlocal held
        chunk, future = pending.popleft()
        held -= sum(_size(item) for item in chunk)
        try:
            outcome = _result(future)
        except (BrokenProcessPool, pickle.PicklingError):
            raise
        except Exception as exc:  # e.g. a result that does not pickle: the chunk fails
            outcome = [([_lost(item, exc)], 0) for item in chunk]
        for item, (results, skipped) in zip(chunk, outcome, strict=True):
            yield item, results, skipped

    try:
        for chunk in _chunks(items, _CHUNK):
            if chunk[0].stdin:  # a stream of this process: read here, in its turn
                while pending:
                    yield from done()
                yield (chunk[0], *_inputs.stream(chunk[0], read_options))
                continue
            with _signals_held():  # the pool may start a worker here
                future = pool.submit(_work, chunk, read_options)
            pending.append((chunk, future))
            held += sum(_size(item) for item in chunk)
            while len(pending) >= limit or (held > _PENDING_BYTES and len(pending) > 1):
                yield from done()
        while pending:
            yield from done()
    except BaseException as exc:  # an interrupt, a consumer that stopped, a broken pool
        _stop(pool, context)
        if isinstance(exc, (BrokenProcessPool, pickle.PicklingError)):
            raise ReadError(
                f"the worker processes failed ({type(exc).__name__}: {exc}); a plugin "
                "registered in code must pickle to reach them; run with jobs=1 to read in "
                "this process"
            ) from exc
        raise
    pool.shutdown()


def _lost(item: Item, exc: Exception) -> Result:
    message = f"the worker could not send its result back: {type(exc).__name__}: {exc}"
    return Result(
        item.name, item.record, None, Failure(item.name, item.record, "ReadError", message)
    )


# ---------------------------------------------------------------------------
# checking arguments


def _check_reading(
    from_format: str | None, read_options: dict[str, Any] | None, encoding: str | None
) -> dict[str, Any]:
    options = dict(read_options or {})
    clash = sorted(set(options) & set(RESERVED))
    if clash:
        raise ValueError(
            f"read_options cannot hold {', '.join(map(repr, clash))}: the batch sets it for "
            "each input (pass from_format= or encoding= instead)"
        )
    if from_format is not None:
        spec = _api.get_format(from_format)  # UnknownFormatError lists the known names
        if not spec.can_read:
            readers = ", ".join(s.name for s in _api.formats() if s.can_read)
            raise ReadError(f"format {spec.name!r} cannot read; formats that can: {readers}")
    if encoding is not None:
        from .._source import check_encoding

        check_encoding(encoding)
    _api.check_reading_options(from_format, options)
    return options


# ---------------------------------------------------------------------------
# reading


def iter_articles(
    inputs: Paths,
    *,
    from_format: str | None = None,
    jobs: int | None = 1,
    glob: str = "**/*",
    on_error: OnError = "continue",
    progress: bool | None = None,
    read_options: dict[str, Any] | None = None,
    encoding: str | None = None,
    storage_options: dict[str, Any] | None = None,
) -> Iterator[Result]:
    """Read many inputs and yield a :class:`Result` per article, in input order.

    :param inputs: files, folders (searched recursively with ``glob``), ``"-"`` for
        standard input, JSON Lines files and WARC archives (``.warc``, ``.warc.gz``: each
        HTML response record becomes an Article); any of them may be a URL
        (``s3://``, ``gs://``, ``https://`` ..., read through fsspec: a URL ending in
        ``/`` is a folder, one with ``*`` a glob), and a path list gives many:
        :func:`read_path_list`.
    :param from_format: the input format; detected per file when omitted.
    :param jobs: worker processes (``None``: one per core; 1: no processes).
    :param on_error: ``"continue"`` yields a Result carrying a :class:`Failure`;
        ``"raise"`` raises the first error.
    :param progress: show a progress bar on stderr (``None``: only on a terminal).
    :param read_options: options passed to every reader (``max_size`` too), but not the
        names the batch sets itself (``format``, ``media_type``, ``encoding``,
        ``filename``).
    :param encoding: the encoding of the files and standard input (default: what each
        declares, else UTF-8); WARC records are decoded by their HTTP charset.
    :param storage_options: the fsspec options of the URL inputs, e.g. ``{"anon": True}``
        to read public S3 buckets without credentials.
    :raises UnknownFormatError: for an unknown ``from_format``, before anything is read.
    :raises ValueError: when ``read_options`` holds a name the batch sets itself.
    :raises ReadError: for a URL input whose package is not installed (the message names
        the extra to install), before anything is read.

    Any exception a reader, a sniffer or a plugin raises while reading an input becomes
    that input's :class:`Failure`; the batch goes on.
    """
    options = _check_reading(from_format, read_options, encoding)
    given = _as_list(inputs)
    _inputs.check_urls(given, storage_options)
    entries = _inputs.files(given, glob, storage_options)
    return _iterate(
        entries, from_format, encoding, jobs, on_error, progress, options, [0], storage_options
    )


def _as_list(inputs: Paths) -> list[str | os.PathLike[str]]:
    if isinstance(inputs, (str, os.PathLike)):
        return [inputs]
    return list(inputs)


def _iterate(
    entries: Iterable[str | Path],
    from_format: str | None,
    encoding: str | None,
    jobs: int | None,
    on_error: OnError,
    progress: bool | None,
    read_options: dict[str, Any],
    skipped: list[int],
    storage: dict[str, Any] | None = None,
) -> Iterator[Result]:
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    parts = workers * 16 if workers > 1 else 1
    limit = read_options.get("max_size", -1)
    items = (
        item
        for entry in entries
        for item in _inputs.items(
            entry,
            from_format=from_format,
            encoding=encoding,
            skipped=skipped,
            parts=parts,
            max_size=limit,
            storage=storage,
        )
    )
    bar = _progress_bar(progress)
    numbers: dict[str, int] = {}  # the records of a WARC read in ranges, numbered in order
    try:
        for item, results, skipped_here in _ordered(items, workers, read_options):
            skipped[0] += skipped_here
            if item.warc_range is not None:
                first = 0 if item.warc_range.start == 0 else numbers.get(item.name, 0)
                results, numbers[item.name] = _inputs.renumber(results, first)
            for result in results:
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


# ---------------------------------------------------------------------------
# converting


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


@attrs.frozen
class Plan:
    """A checked conversion, ready to :func:`run`: its inputs are collected already."""

    entries: tuple[str | Path, ...]
    to: str
    many: bool
    suffix: str
    output: str | os.PathLike[str] | IO[str] | None
    folder: Path | None
    errors: str | os.PathLike[str] | None
    from_format: str | None
    encoding: str | None
    read_options: dict[str, Any]
    write_options: dict[str, Any]
    storage_options: dict[str, Any] | None = None


def prepare(
    inputs: Paths,
    to: str,
    *,
    output: str | os.PathLike[str] | IO[str] | None = None,
    from_format: str | None = None,
    glob: str = "**/*",
    errors: str | os.PathLike[str] | None = None,
    overwrite: bool = False,
    read_options: dict[str, Any] | None = None,
    write_options: dict[str, Any] | None = None,
    encoding: str | None = None,
    storage_options: dict[str, Any] | None = None,
) -> Plan:
    """Check a conversion's arguments and collect its inputs, before anything is written.

    Raises what :func:`convert_many` raises for its arguments.
    """
    spec = _api.get_format(to)
    if not spec.can_write:
        writers = ", ".join(s.name for s in _api.formats() if s.can_write)
        raise WriteError(
            f"format {spec.name!r} cannot write; formats that can: {writers}", format=spec.name
        )
    options = _check_reading(from_format, read_options, encoding)
    given = _as_list(inputs)
    for what, target in (("output", output), ("errors report", errors)):
        if isinstance(target, str) and _remote.is_url(target):
            raise ValueError(
                f"the {what} {target} is a URL: convert writes local files (write to a URL "
                "with newsparse.dask.write)"
            )
    _inputs.check_urls(given, storage_options)
    # every input is known before anything is written: an output is never read back
    entries = tuple(_inputs.files(given, glob, storage_options))
    folder = _folder(output)
    _api.check_writing_options(spec.name, dict(write_options or {}), many=folder is None)
    target = folder if folder is not None else output
    _output.check_targets(
        given,
        entries,
        output=target if isinstance(target, (str, os.PathLike)) else None,
        folder=folder is not None,
        errors=errors,
        overwrite=overwrite,
    )
    return Plan(
        entries=entries,
        to=to,
        many=spec.many_writer is not None,
        suffix=spec.extensions[0] if spec.extensions else ".txt",
        output=output,
        folder=folder,
        errors=errors,
        from_format=from_format,
        encoding=encoding,
        read_options=options,
        write_options=dict(write_options or {}),
        storage_options=storage_options,
    )


def run(
    plan: Plan,
    *,
    jobs: int | None = None,
    on_error: OnError = "continue",
    progress: bool | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> BatchResult:
    """Carry out a :class:`Plan`; return what :func:`convert_many` returns."""
    failures: list[Failure] = []
    converted = 0
    outputs: list[str] = []
    skipped = [0]
    with contextlib.ExitStack() as stack:
        report = None
        if plan.errors is not None:
            report = stack.enter_context(_output.AtomicFile(plan.errors))
        results = _iterate(
            plan.entries,
            plan.from_format,
            plan.encoding,
            jobs,
            on_error,
            progress,
            plan.read_options,
            skipped,
            plan.storage_options,
        )

        def articles() -> Iterator[Article]:
            nonlocal converted
            for result in _results_only(results, failures, report, on_failure):
                assert result.article is not None
                converted += 1
                yield result.article

        def write_failed(failure: Failure, exc: Exception) -> None:
            _failed(failure, failures, report, on_failure)
            if on_error == "raise":
                raise exc

        if plan.folder is not None:
            converted = _write_folder(
                plan, _results_only(results, failures, report, on_failure), outputs, write_failed
            )
        else:
            _write_stream(articles(), plan, outputs)
        if report is not None:
            report.commit()
    return BatchResult(converted, len(failures), skipped[0], tuple(outputs), tuple(failures))


def convert_many(
    inputs: Paths,
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
    encoding: str | None = None,
    overwrite: bool = False,
    storage_options: dict[str, Any] | None = None,
) -> BatchResult:
    """Convert many inputs to format ``to``; return counts, outputs and failures.

    :param output: a folder (existing, or a path ending in ``/``): one file per article,
        named after its input; a file or text stream: one document holding every article
        (the format must hold several, like ``jsonl``); ``None``: standard output.
    :param errors: a JSON Lines file to write one line per failure to.
    :param on_failure: called with each :class:`Failure` as it happens.
    :param overwrite: let an output folder that already holds files receive the new
        ones, replacing files of the same names (without it, such a folder is refused).
    The other parameters are those of :func:`iter_articles`.

    In an output folder, an article the writer cannot write is that article's failure;
    the others are written.

    Output order is input order, whatever ``jobs`` is. Every input is collected before
    anything is written, so an output is never read back as an input. Files are written
    to a temporary file moved into place when complete: a run that fails or is
    interrupted leaves ``output`` and ``errors`` as they were (an output folder keeps
    the files written before, each complete), and ``output`` is replaced only when at
    least one article was written.

    :raises UnknownFormatError: for an unknown ``to`` or ``from_format``.
    :raises ValueError: when ``output`` or ``errors`` is an input, lies inside an input
        folder, or (a folder) holds an input; or when ``read_options`` holds a name the
        batch sets itself.
    :raises FileExistsError: when the output folder holds files and ``overwrite`` is
        false.
    """
    plan = prepare(
        inputs,
        to,
        output=output,
        from_format=from_format,
        glob=glob,
        errors=errors,
        overwrite=overwrite,
        read_options=read_options,
        write_options=write_options,
        encoding=encoding,
        storage_options=storage_options,
    )
    return run(plan, jobs=jobs, on_error=on_error, progress=progress, on_failure=on_failure)


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
    report: _output.AtomicFile | None,
    on_failure: Callable[[Failure], None] | None,
) -> Iterator[Result]:
    for result in results:
        if result.failure is not None:
            _failed(result.failure, failures, report, on_failure)
            continue
        yield result


def _failed(
    failure: Failure,
    failures: list[Failure],
    report: _output.AtomicFile | None,
    on_failure: Callable[[Failure], None] | None,
) -> None:
    """Count a failure and report it."""
    failures.append(failure)
    if report is not None:
        report.write(failure.to_json() + "\n")
    if on_failure is not None:
        on_failure(failure)


def _write_folder(
    plan: Plan,
    results: Iterator[Result],
    outputs: list[str],
    fail: Callable[[Failure, Exception], None],
) -> int:
    """Write one file per article into the output folder; return how many.

    An article the writer cannot write (a :class:`WriteError`, or whatever a writer
    plugin raises) is that article's failure, passed to ``fail``; a file that cannot be
    written (a full disk) still ends the run.
    """
    assert plan.folder is not None
    plan.folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    count = 0
    try:
        for result in results:
            assert result.article is not None
            try:
                text = _api.write(result.article, plan.to, **plan.write_options)
            except Exception as exc:  # a writer's failure costs only this article
                failure = failure_of(result.input, result.record, exc)
                fail(attrs.evolve(failure, format=getattr(exc, "format", None) or plan.to), exc)
                continue
            path = plan.folder / _out_name(result, plan.suffix, taken)
            with _output.AtomicFile(path) as stream:
                stream.write(text)
                stream.commit()
            count += 1
            outputs.append(str(path))
    finally:
        _output.sync_folder(plan.folder)
    return count


def _write_stream(articles: Iterator[Article], plan: Plan, outputs: list[str]) -> None:
    """Write the articles as one document to a stream, or to a file path.

    A file is written beside its final name and moved into place once complete, and only
    when at least one article was written: a failed run never truncates earlier output.
    """
    output = plan.output
    if output is None or not isinstance(output, (str, os.PathLike)):
        _write_document(articles, plan, output or sys.stdout)
        return
    path = os.fspath(output)
    try:
        stream = _output.AtomicFile(path)
    except OSError as exc:
        raise WriteError(
            f"{path}: cannot write there: {exc.strerror or exc}", format=plan.to
        ) from None
    with stream:
        if _write_document(articles, plan, stream):
            stream.commit()
            outputs.append(str(path))
            _output.sync_folder(os.path.dirname(os.path.abspath(path)))


def _write_document(
    articles: Iterator[Article], plan: Plan, stream: IO[str] | _output.AtomicFile
) -> int:
    """Write the articles to ``stream`` as one document; return how many were written."""
    to, options = plan.to, plan.write_options
    count = 0
    if plan.many:

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
