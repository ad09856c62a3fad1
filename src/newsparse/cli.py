"""The ``newsparse`` command line: ``formats``, ``plugins``, ``convert`` and ``inspect``.

Errors go to stderr as ``file:line:column: message`` with exit code 1; usage errors
(unknown options or format names, outputs that would replace an input) exit with code 2
before anything is written; SIGINT and SIGTERM end the run with 130 and 143.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import _api, _plugins
from .__about__ import __version__
from ._errors import (
    FormatDetectionError,
    NewsparseError,
    OptionError,
    ParseError,
    ReadError,
    UnknownFormatError,
)
from ._model import Article, ListBlock, MediaBlock
from .batch import Failure, _remote, read_path_list
from .batch._runner import RESERVED, prepare, run

__all__ = ["main"]


class _UsageError(Exception):
    pass


_OWN_OPTIONS = {"format": "--from", "encoding": "--encoding", "source": "INPUT"}


def _options(pairs: Sequence[str] | None, reserved: Sequence[str] = ()) -> dict[str, Any]:
    """Parse ``KEY=VALUE`` pairs; values are JSON where they parse as JSON, else text.

    A key in ``reserved`` (a parameter newsparse sets itself) is a usage error.
    """
    options: dict[str, Any] = {}
    for pair in pairs or ():
        key, sep, raw = pair.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or not key.isidentifier():
            raise _UsageError(f"option {pair!r} is not KEY=VALUE")
        if key in reserved:
            instead = _OWN_OPTIONS.get(key)
            hint = f"; use {instead}" if instead else ""
            raise _UsageError(f"option {pair!r}: {key!r} is set by newsparse itself{hint}")
        try:
            options[key] = json.loads(raw)
        except ValueError:
            options[key] = raw
    return options


def _source(path: str) -> Any:
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path)


def _read_all(args: argparse.Namespace) -> list[Article]:
    filename = None if args.input == "-" else args.input
    options = _options(args.read_option, RESERVED)
    if args.from_format is not None:
        _api.get_format(args.from_format)  # an unknown name is a usage error (exit 2)
    articles = list(
        _api.read_many(
            _source(args.input),
            args.from_format,
            filename=filename,
            encoding=args.encoding,
            **options,
        )
    )
    if not articles:
        empty = args.input != "-" and Path(args.input).stat().st_size == 0
        why = "the input is empty" if empty else "the input holds no article"
        raise ReadError(f"{why}: nothing to inspect", source=filename or "<stdin>")
    return articles


def _cmd_formats(args: argparse.Namespace, out: TextIO) -> int:
    specs = _api.formats()
    if args.json:
        rows = [
            {
                "name": s.name,
                "read": s.can_read,
                "write": s.can_write,
                "aliases": list(s.aliases),
                "extensions": list(s.extensions),
                "media_types": list(s.media_types),
                "lossless": s.lossless,
                "plugin": s.plugin,
                "description": s.description,
            }
            for s in specs
        ]
        json.dump(rows, out, indent=2)
        out.write("\n")
        return 0
    header = ("NAME", "READ/WRITE", "EXTENSIONS", "LOSSLESS", "PLUGIN")
    table = [
        (
            s.name,
            ("read" if s.can_read else "-") + "/" + ("write" if s.can_write else "-"),
            " ".join(s.extensions) or "-",
            "yes" if s.lossless else "no",
            s.plugin or "-",
        )
        for s in specs
    ]
    widths = [max(len(row[i]) for row in (header, *table)) for i in range(len(header))]
    for row in (header, *table):
        out.write(
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n"
        )
    return 0


def _cmd_plugins(args: argparse.Namespace, out: TextIO) -> int:
    with warnings.catch_warnings():  # the failures are listed below, not warned about
        warnings.simplefilter("ignore", _plugins.PluginWarning)
        found = _plugins.plugins(builtin=args.all)
    if args.json:
        rows = [
            {
                "name": p.name,
                "distribution": p.distribution,
                "version": p.version,
                "builtin": p.builtin,
                "formats": list(p.formats),
                "failures": [f.message for f in p.failures],
            }
            for p in found
        ]
        json.dump(rows, out, indent=2)
        out.write("\n")
        return 0
    if not found:
        out.write("no plugins installed (--all lists the built-in formats' plugins too)\n")
        return 0
    header = ("NAME", "DISTRIBUTION", "VERSION", "FORMATS")
    table = [
        (p.name, p.distribution or "-", p.version or "-", " ".join(p.formats) or "-") for p in found
    ]
    widths = [max(len(row[i]) for row in (header, *table)) for i in range(len(header))]
    lines = []
    for row, plugin in zip((header, *table), (None, *found), strict=True):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        for failure in plugin.failures if plugin is not None else ():
            lines.append(f"  failed: {failure.message}")
    _emit(out, "\n".join(lines) + "\n")
    return 0


def _inputs_of(args: argparse.Namespace) -> tuple[list[str], dict[str, Any] | None]:
    """The inputs of ``convert`` (path lists read) and the storage options of its URLs."""
    storage = _options(args.storage_option)
    inputs: list[str] = list(args.inputs)
    if args.anon:
        urls = [*inputs, *(args.input_list or ()), args.base or ""]
        for url in urls:
            if _remote.is_url(url):
                storage = {**_remote.anonymous(url), **storage}
    for listed in args.input_list or ():
        try:
            inputs += read_path_list(listed, base=args.base, storage_options=storage or None)
        except NewsparseError as exc:
            raise _UsageError(str(exc)) from None
    if not inputs:
        raise _UsageError("give at least one INPUT, or --input-list LIST")
    if args.base is not None and not args.input_list:
        raise _UsageError("--base applies to the entries of --input-list: give one")
    return inputs, storage or None


def _cmd_convert(args: argparse.Namespace, out: TextIO) -> int:
    inputs, storage = _inputs_of(args)
    jobs = args.jobs
    if jobs is None:
        # one plain file needs no worker processes; folders and archives get every core
        first = inputs[0]
        local_file = not _remote.is_url(first) and (first == "-" or Path(first).is_file())
        remote_file = _remote.is_url(first) and not first.endswith("/") and "*" not in first
        single = len(inputs) == 1 and (local_file or remote_file)
        jobs = 1 if single and not _remote.name(first).lower().endswith(_WARC) else None
    shown = 0

    def report(failure: Failure) -> None:
        nonlocal shown
        shown += 1
        if shown <= _MAX_SHOWN:
            print(failure, file=sys.stderr)

    output: Any = args.output
    if output in (None, "-"):
        output = _Utf8Out(out)
    read_options = _options(args.read_option, RESERVED)
    write_options = _options(args.write_option)
    try:  # every check is made, and every input found, before anything is written
        plan = prepare(
            inputs,
            args.to,
            output=output,
            from_format=args.from_format,
            glob=args.glob,
            errors=args.errors,
            overwrite=args.overwrite,
            read_options=read_options,
            write_options=write_options,
            encoding=args.encoding,
            storage_options=storage,
        )
    except (ValueError, FileExistsError, NewsparseError) as exc:
        raise _UsageError(str(exc)) from None
    result = run(
        plan,
        jobs=jobs,
        on_error="raise" if args.fail_fast else "continue",
        progress=args.progress,
        on_failure=report,
    )
    if shown > _MAX_SHOWN:
        print(f"... and {shown - _MAX_SHOWN} more failures", file=sys.stderr)
    if result.converted + result.failed > 1 or result.skipped:
        where = f"; failures written to {args.errors}" if args.errors and result.failed else ""
        print(
            f"newsparse: converted {result.converted}, failed {result.failed}, "
            f"skipped {result.skipped} records without an article{where}",
            file=sys.stderr,
        )
    return 0 if result.ok else 1


_MAX_SHOWN = 20
_WARC = (".warc", ".warc.gz", ".arc.gz")


class _Utf8Out:
    """A text sink writing UTF-8 to a stream's buffer, whatever the locale says."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, text: str) -> int:
        _emit(self.out, text)
        return len(text)

    def flush(self) -> None:
        self.out.flush()


def _emit(out: TextIO, text: str) -> None:
    """Write text as UTF-8 whatever the terminal's locale says (news text is Unicode)."""
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        out.write(text)


def _short(text: str, width: int = 72) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _describe(article: Article) -> list[str]:
    lines: list[tuple[str, str]] = [("title", article.title)]
    for name in ("subtitle", "section", "url", "publisher", "language"):
        value = getattr(article, name)
        if value is not None:
            lines.append((name, value))
    for name in ("published", "updated"):
        value = getattr(article, name)
        if value is not None:
            zone = getattr(value.tzinfo, "key", None) or value.tzname() or ""
            lines.append((name, f"{value.isoformat()} ({zone})"))
    for i, author in enumerate(article.authors):
        detail = ", ".join(x for x in (author.role, author.url) if x)
        lines.append(("author" if i == 0 else "", author.name + (f" ({detail})" if detail else "")))
    for i, media in enumerate(article.media):
        what = media.url or "(no url)"
        lines.append(("media" if i == 0 else "", f"{media.kind}: {what}"))
        if media.caption:
            lines.append(("  caption", _short(media.caption)))
        if media.credit:
            lines.append(("  credit", media.credit))
    counts: dict[str, int] = {}
    for block in article.body:
        counts[block.type] = counts.get(block.type, 0) + 1
    summary = ", ".join(_count(n, kind) for kind, n in counts.items()) or "empty"
    body = f"{_count(len(article.body), 'block')} ({summary}), {_count(len(article.text), 'char')}"
    lines.append(("body", body))
    for block in article.body[:3]:
        if isinstance(block, ListBlock):
            text = "; ".join(block.items)
        elif isinstance(block, MediaBlock):
            text = block.media.caption or block.media.url or ""
        else:
            text = block.text
        lines.append((f"  {block.type}", _short(text)))
    if len(article.body) > 3:
        lines.append(("", f"  … {len(article.body) - 3} more"))
    for i, note in enumerate(article.notes):
        lines.append(("note" if i == 0 else "", note))
    if article.tags:
        lines.append(("tags", " | ".join(article.tags)))
    for key, value in article.extras.items():
        lines.append(
            (f"extras[{key}]", _short(json.dumps(value, ensure_ascii=False, default=_jsonish)))
        )
    width = max(len(label) for label, _ in lines)
    return [f"{label.ljust(width)}  {value}".rstrip() for label, value in lines]


_PLURALS = {"media": "media", "preformatted": "preformatted"}


def _count(n: int, noun: str) -> str:
    """``"1 block"``, ``"2 blocks"``."""
    return f"{n} {noun if n == 1 else _PLURALS.get(noun, noun + 's')}"


def _jsonish(value: Any) -> Any:
    if hasattr(value, "items"):
        return dict(value.items())
    return str(value)


def _cmd_inspect(args: argparse.Namespace, out: TextIO) -> int:
    articles = _read_all(args)
    for i, article in enumerate(articles):
        if i:
            out.write("\n")
        if len(articles) > 1:
            out.write(f"# article {i + 1} of {len(articles)}\n")
        _emit(out, "\n".join(_describe(article)) + "\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsparse",
        description="Turn news articles in any format into one typed Article and back.",
    )
    parser.add_argument("--version", action="version", version=f"newsparse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p_formats = sub.add_parser("formats", help="list the registered formats")
    p_formats.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p_formats.set_defaults(func=_cmd_formats)

    p_plugins = sub.add_parser(
        "plugins", help="list the installed plugins, their formats and their failures"
    )
    p_plugins.add_argument(
        "--all", action="store_true", help="list the built-in formats' plugins too"
    )
    p_plugins.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p_plugins.set_defaults(func=_cmd_plugins)

    read_opts = argparse.ArgumentParser(add_help=False)  # what every reading command takes
    read_opts.add_argument(
        "--from", dest="from_format", metavar="FORMAT", help="input format (default: detect)"
    )
    read_opts.add_argument(
        "--encoding",
        metavar="NAME",
        help="the encoding of the input files (default: a byte-order mark, what the "
        "document declares, else UTF-8); WARC records use their HTTP charset",
    )
    read_opts.add_argument(
        "-R",
        "--read-option",
        action="append",
        metavar="KEY=VALUE",
        help="an option for the reader, e.g. -R strict=true (VALUE is JSON or text)",
    )

    p_convert = sub.add_parser(
        "convert",
        parents=[read_opts],
        help="convert articles to another format: files, folders, JSON Lines, WARC archives",
    )
    p_convert.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="files, folders (searched recursively), WARC archives, URLs (s3://, gs://, "
        "https://; ending in / for a folder, with * for a glob), or - for standard input",
    )
    p_convert.add_argument(
        "-I",
        "--input-list",
        action="append",
        metavar="LIST",
        help="a file or URL listing inputs, one per line (.gz: compressed), such as Common "
        "Crawl's warc.paths.gz",
    )
    p_convert.add_argument(
        "--base",
        metavar="URL",
        help="what the relative entries of --input-list are relative to, e.g. "
        "https://data.commoncrawl.org/",
    )
    p_convert.add_argument(
        "--storage-option",
        action="append",
        metavar="KEY=VALUE",
        help="an fsspec option for the URL inputs, e.g. --storage-option "
        "profile=crawler (VALUE is JSON or text)",
    )
    p_convert.add_argument(
        "--anon",
        action="store_true",
        help="read the URLs without credentials (public buckets such as s3://commoncrawl/)",
    )
    p_convert.add_argument("--to", required=True, metavar="FORMAT", help="output format")
    p_convert.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file, or a folder (existing, or ending in /) for one file per article "
        "(default: standard output)",
    )
    p_convert.add_argument(
        "--overwrite",
        action="store_true",
        help="let an output folder that already holds files receive the new ones, "
        "replacing files of the same names (without it, such a folder is refused)",
    )
    p_convert.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes (default: one per core for batches, 1 for a single file)",
    )
    p_convert.add_argument(
        "--glob", default="**/*", help="which files of a folder to read (default: **/*)"
    )
    p_convert.add_argument(
        "--errors", metavar="FILE", help="write a JSON Lines report of the failures to FILE"
    )
    p_convert.add_argument("--fail-fast", action="store_true", help="stop at the first failure")
    p_convert.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: on a terminal only)",
    )
    p_convert.add_argument(
        "-W",
        "--write-option",
        action="append",
        metavar="KEY=VALUE",
        help="an option for the writer (VALUE is JSON or text)",
    )
    p_convert.set_defaults(func=_cmd_convert)

    p_inspect = sub.add_parser(
        "inspect", parents=[read_opts], help="print a readable summary of an article"
    )
    p_inspect.add_argument("input", metavar="INPUT", help="a file, or - for standard input")
    p_inspect.set_defaults(func=_cmd_inspect)
    return parser


def _location(error: NewsparseError, fallback: str) -> str:
    source = getattr(error, "source", None) or fallback
    if isinstance(error, ParseError) and error.line is not None:
        where = f"{source}:{error.line}:{error.column or 1}"
        fmt = f"[{error.format}] " if error.format else ""
        text = f"{where}: {fmt}{error.message}"
        if error.excerpt is not None:
            text += "\n" + str(error).split("\n", 1)[1]
        return text
    if isinstance(error, ReadError):
        fmt = f"[{error.format}] " if error.format else ""
        return f"{source}: {fmt}{error.message}"
    if isinstance(error, FormatDetectionError):
        return f"{source}: {error.message}"
    return f"{fallback}: {error}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    0: everything converted; 1: an input or output failed; 2: a usage error.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version, or a usage error
        return exc.code if isinstance(exc.code, int) else 2
    out = sys.stdout
    fallback = getattr(args, "input", None) or "newsparse"
    try:
        with _signals_as_interrupts(), _short_warnings():
            code: int = args.func(args, out)
    except KeyboardInterrupt as exc:  # SIGINT, or SIGTERM through _signals_as_interrupts
        number = getattr(exc, "signal", signal.SIGINT)
        print(
            f"newsparse: stopped by {signal.Signals(number).name}{_what_stays(args)}",
            file=sys.stderr,
        )
        return 128 + number
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"newsparse: error: {exc}", file=sys.stderr)
        return 2
    except (UnknownFormatError, OptionError) as exc:
        print(f"newsparse: error: {exc}", file=sys.stderr)
        return 2
    except NewsparseError as exc:
        print(_location(exc, fallback), file=sys.stderr)
        return 1
    except OSError as exc:  # an output or report path that cannot be written
        if isinstance(exc, BrokenPipeError):  # e.g. `newsparse convert ... | head`
            return 1
        where = exc.filename or fallback
        print(f"{where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return code


@contextlib.contextmanager
def _short_warnings() -> Iterator[None]:
    """Format newsparse's warnings as ``newsparse: warning: ...`` lines, without a path.

    Only the formatting changes (``warnings.formatwarning``): where warnings are shown,
    filtered or recorded stays as Python and the caller set it. Warnings of other
    packages keep Python's format.
    """
    formatted = warnings.formatwarning

    def format(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        line: str | None = None,
    ) -> str:
        if category.__module__.split(".")[0] != "newsparse":
            return formatted(message, category, filename, lineno, line)
        return f"newsparse: warning: {message}\n"

    warnings.formatwarning = format
    try:
        yield
    finally:
        warnings.formatwarning = formatted


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program stands so that the run ends as on Ctrl-C."""

    signal = signal.SIGTERM


@contextlib.contextmanager
def _signals_as_interrupts() -> Iterator[None]:
    """Turn SIGTERM into an interrupt for the time of a command (main thread only)."""

    def terminated(number: int, frame: object) -> None:
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _what_stays(args: argparse.Namespace) -> str:
    """What an interrupted command leaves behind, for its one line on stderr."""
    if getattr(args, "command", None) != "convert":
        return ""
    kept = [name for name in (args.output, args.errors) if name not in (None, "-")]
    if not kept:
        return ""
    if args.output and (args.output.endswith(("/", os.sep)) or os.path.isdir(args.output)):
        return f"; the files written to {args.output} before it are complete"
    return f"; {' and '.join(kept)} left as before"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
