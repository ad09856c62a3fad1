"""Every reader on adversarial shapes at growing sizes: is it linear, is its memory bounded?

    python bench/bench_adversarial.py [--kb 100] [--budget 30] [--only FORMAT ...] [--markdown]

Each shape is a document built at 1x, 2x and 4x a size (about ``--kb`` KB at 1x) and
read with ``newsparse.read`` or ``read_many``. For each size the script takes the best
CPU time (``time.process_time``) of up to three runs and, in a separate run, the peak of
memory allocated (tracemalloc), then prints the growth from 1x to 4x: a linear reader
takes about 4x the time (the target: under about 6x), a quadratic one about 16x. When the
2x run shows that 4x would take longer than ``--budget`` seconds, the 4x figure is
extrapolated from the 1x->2x growth and marked with ``~``.

Every readable format gets the generic shapes (its own output with many paragraphs, one
huge paragraph, many tags; many articles for formats holding several), and the built-in
formats their own adversarial shapes (the ones a review of their regular expressions and
loops found, the html ones reported against the body extraction and JSON-LD reading).
``--markdown`` prints the table docs/performance.md shows.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import newsparse
from newsparse import Article, Author, Paragraph

Maker = Callable[[int], "str | bytes"]


@dataclass
class Shape:
    """One adversarial document: its format, a name, and how to build it at ``n`` units."""

    format: str
    name: str
    make: Maker
    unit: int  # roughly how many characters one unit adds
    many: bool = False  # read with read_many
    options: dict[str, Any] | None = None


def _wire_article(i: int) -> str:
    return f" date 2024-03-05 trending:\n\nHarbour {i}\n\nBoats left at dawn.\n\n"


_LD_HEAD = '{"@context": "https://schema.org", '
_LD_AUTHOR = (
    _LD_HEAD + '"@type": "NewsArticle", "headline": "T", "author": {"@type": "Person", "name": "'
)


def _ld(body: str) -> str:
    return (
        '<html><head><script type="application/ld+json">'
        + body
        + "</script></head><body><h1>Harbour</h1><p>Boats left at dawn.</p></body></html>"
    )


def builtin_shapes() -> list[Shape]:
    """The adversarial shapes of the built-in formats."""
    ninjs_head = '{"uri": "urn:x", "headlines": [{"role": "main", "value": "T"}], '
    return [
        # wire
        Shape(
            "wire",
            "many short articles (read_many)",
            lambda n: "".join(map(_wire_article, range(n))),
            50,
            True,
        ),
        Shape(
            "wire",
            "Tags line of 300 long words",
            lambda n: (
                " date 2024-03-05 trending:\n\nT\n\nBody.\n\nTags "
                + " ".join(chr(65 + i % 26) + "x" * (n // 300) + str(i) for i in range(300))
            ),
            1,
        ),
        Shape("wire", "one block of many lines", lambda n: "line\n" * n, 5),
        Shape(
            "wire",
            "byline of many suffixes",
            lambda n: (
                " date 2024-03-05 trending:\n\nT\n\nby Ann Lee"
                + ", Jr." * n
                + " - 03/05/24 9:30 AM ET\n\nBody.\n\n"
            ),
            5,
        ),
        Shape(
            "wire",
            "Tags line of many words",
            lambda n: (
                " date 2024-03-05 trending:\n\nT\n\nBody.\n\nTags "
                + " ".join(f"Word{i}" for i in range(n))
            ),
            7,
        ),
        # json / jsonl
        Shape(
            "json",
            "string of many escapes",
            lambda n: '{"newsparse": "1.0", "title": "' + "\\u00e9\\n" * n + '"}',
            8,
        ),
        Shape(
            "json",
            "whitespace between tokens",
            lambda n: '{"newsparse": "1.0",' + " \n" * n + '"title": "T"}',
            2,
        ),
        Shape(
            "json",
            "syntax error at the end",
            lambda n: '{"newsparse": "1.0", "tags": [' + '"a",\n' * n + "}",
            5,
        ),
        Shape(
            "jsonl",
            "many bad lines, skipped",
            lambda n: '{"newsparse": "1.0", "title": \n' * n,
            30,
            True,
            {"errors": "skip"},
        ),
        # ninjs
        Shape(
            "ninjs",
            "byline with long runs of spaces",
            lambda n: ninjs_head + '"byline": "By A' + " " * n + 'B and C"}',
            1,
        ),
        Shape(
            "ninjs",
            "body_html ending in <a<a<a",
            lambda n: ninjs_head + '"body_html": "<p>x</p>' + "<a" * n + '"}',
            2,
        ),
        Shape(
            "ninjs",
            "body_html ending in <?<?<?",
            lambda n: ninjs_head + '"body_html": "<p>x</p>' + "<?" * n + '"}',
            2,
        ),
        Shape(
            "ninjs",
            "body_html of nested divs",
            lambda n: ninjs_head + '"body_html": "' + "<div>" * n + 'x"}',
            5,
        ),
        # jsonld
        Shape(
            "jsonld",
            "graph of many nodes by @id",
            lambda n: (
                _LD_HEAD
                + '"@graph": [{"@type": "NewsArticle", "headline": "T", "author": ['
                + ",".join(f'{{"@id": "#p{i}"}}' for i in range(n))
                + "]}, "
                + ",".join(
                    f'{{"@id": "#p{i}", "@type": "Person", "name": "P{i}"}}' for i in range(n)
                )
                + "]}"
            ),
            60,
        ),
        Shape(
            "jsonld",
            "author name of repeated '(aB'",
            lambda n: _LD_AUTHOR + "(aB" * n + '"}}',
            3,
        ),
        Shape(
            "jsonld",
            "'{' then many '\" \\n' lines",
            lambda n: (
                '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "T", "x": {'
                + '" \n' * n
            ),
            3,
        ),
        # html: the container choice and JSON-LD shapes reported, and the review's
        Shape("html", "JSON-LD '{' then many '\" \\n' lines", lambda n: _ld("{" + '" \n' * n), 3),
        Shape(
            "html",
            "JSON-LD author name of repeated '(aB'",
            lambda n: _ld(_LD_AUTHOR + "(aB" * n + '"}}'),
            3,
        ),
        Shape(
            "html",
            "nested <table><tr><td>",
            lambda n: "<html><body>" + "<table><tr><td>" * n + "<p>Boats left at dawn.</p>",
            15,
        ),
        Shape(
            "html",
            "nested <div>",
            lambda n: "<html><body>" + "<div>" * n + "<p>Boats left at dawn.</p>",
            5,
        ),
        Shape(
            "html",
            "<div><p>text</p> repeated, unclosed",
            lambda n: "<html><body><h1>T</h1>" + "<div><p>Boats left at dawn.</p>" * n,
            32,
        ),
        Shape(
            "html",
            "nested <b> (formatting elements)",
            lambda n: "<html><body><h1>T</h1>" + "<b>" * n + "<p>x</p>",
            3,
        ),
        Shape(
            "html",
            "options of one <select>",
            lambda n: "<html><body><h1>T</h1><select>" + "<option>x</option>" * n + "</select>",
            18,
        ),
        Shape(
            "html",
            "<meta repeated in the head",
            lambda n: "<html><head>" + "<meta " * n + "</head><body><h1>T</h1><p>x</p>",
            6,
        ),
    ]


def _article(paragraphs: int = 3, words: int = 8, tags: int = 2) -> Article:
    return Article(
        "Harbour reopens after the storm",
        authors=[Author("Mara Quint")],
        body=[Paragraph(" ".join(["dawn"] * words) + ".") for _ in range(paragraphs)],
        tags=[f"tag {i}" for i in range(tags)],
    )


def generic_shapes(spec: newsparse.FormatSpec) -> list[Shape]:
    """Shapes any format that writes gets: its own output, grown in each direction."""
    if not spec.can_write:
        return []
    name = spec.name
    unit = max(1, len(newsparse.write(_article(paragraphs=20), name)) // 20)
    out = [
        Shape(
            name,
            "own output, many paragraphs",
            lambda n: newsparse.write(_article(paragraphs=n), name),
            unit,
        ),
        Shape(
            name,
            "own output, one huge paragraph",
            lambda n: newsparse.write(_article(paragraphs=1, words=n), name),
            5,
        ),
        Shape(name, "own output, many tags", lambda n: newsparse.write(_article(tags=n), name), 12),
    ]
    if spec.many_reader is not None and spec.many_writer is not None:
        one = len(newsparse.write(_article(), name))
        out.append(
            Shape(
                name,
                "many articles (read_many)",
                lambda n: "".join(newsparse.write_many([_article()] * n, name)),
                one,
                True,
            )
        )
    return out


def _read(shape: Shape, data: str | bytes) -> None:
    options = shape.options or {}
    if shape.many:
        for _ in newsparse.read_many(data, shape.format, max_size=None, **options):
            pass
        return
    with contextlib.suppress(newsparse.ReadError):  # refusing is fine: time is what counts
        newsparse.read(data, shape.format, max_size=None, **options)


def _cpu(shape: Shape, data: str | bytes, runs: int) -> float:
    best = math.inf
    for _ in range(runs):
        start = time.process_time()
        _read(shape, data)
        best = min(best, time.process_time() - start)
        if best > 2.0:
            break  # one run is enough at that length
    return best


def _peak(shape: Shape, data: str | bytes) -> int:
    tracemalloc.start()
    try:
        _read(shape, data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@dataclass
class Row:
    shape: Shape
    size: int  # characters at 1x
    times: list[float]
    peaks: list[int]
    extrapolated: bool

    @property
    def ratio(self) -> float:
        return self.times[-1] / max(self.times[0], 1e-9)

    @property
    def memory_ratio(self) -> float:
        return self.peaks[-1] / max(self.peaks[0], 1)


def measure(shape: Shape, kb: int, budget: float) -> Row:
    """Time and memory of ``shape`` at 1x, 2x and 4x about ``kb`` KB."""
    n = max(1, kb * 1024 // shape.unit)
    data = [shape.make(n), shape.make(2 * n)]
    _read(shape, data[0])  # warm: imports, caches
    times = [_cpu(shape, d, 3) for d in data]
    peaks = [_peak(shape, d) for d in data]
    growth = times[1] / max(times[0], 1e-9)
    extrapolated = times[1] * growth > budget
    if extrapolated:
        times.append(times[1] * growth)
        peaks.append(int(peaks[1] * peaks[1] / max(peaks[0], 1)))
    else:
        big = shape.make(4 * n)
        times.append(_cpu(shape, big, 3))
        peaks.append(_peak(shape, big))
    return Row(shape, len(data[0]), times, peaks, extrapolated)


def _fmt_time(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms" if seconds < 10 else f"{seconds:,.0f} s"


def _cell(text: str) -> str:
    """``text`` for a Markdown table cell: markup shown as text, pipes escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _verdict(row: Row) -> str:
    return "linear" if row.ratio < 6 else "**super-linear**"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=int, default=100, help="size at 1x, in KB (default 100)")
    parser.add_argument("--budget", type=float, default=30.0, help="longest 4x run, seconds")
    parser.add_argument("--only", nargs="*", help="formats to run (default: every reader)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)

    readers = [s for s in newsparse.formats() if s.can_read]
    names = {s.name for s in readers}
    shapes = [s for s in builtin_shapes() if s.format in names]
    for spec in readers:
        shapes += generic_shapes(spec)
    if args.only:
        shapes = [s for s in shapes if s.format in args.only]
    shapes.sort(key=lambda s: s.format)

    rows = []
    for shape in shapes:
        if len(shape.make(max(1, args.kb * 1024 // shape.unit))) < 1024:
            continue  # the format does not carry what this shape grows (text: no tags)
        row = measure(shape, args.kb, args.budget)
        rows.append(row)
        mark = "~" if row.extrapolated else ""
        print(
            f"{shape.format:7s} {shape.name:42s} {row.size / 1024:7.0f} KB  "
            f"1x {_fmt_time(row.times[0]):>9s}  4x {mark}{_fmt_time(row.times[-1]):>9s}  "
            f"time x{row.ratio:5.1f}{mark}  memory x{row.memory_ratio:4.1f} "
            f"({row.peaks[-1] / (4 * row.size):.1f}x the input)  {_verdict(row)}",
            file=sys.stderr,
            flush=True,
        )
    if args.markdown:
        head = "| format | shape | 1x | 1x time | 4x time | time 1x→4x | memory 1x→4x |"
        print(head + " peak / input at 4x | |")
        print("|---|---|---|---|---|---|---|---|---|")
        for row in rows:
            mark = "~" if row.extrapolated else ""
            print(
                f"| {row.shape.format} | {_cell(row.shape.name)} | {row.size / 1024:,.0f} KB | "
                f"{_fmt_time(row.times[0])} | {mark}{_fmt_time(row.times[-1])} | "
                f"{mark}{row.ratio:.1f}× | {row.memory_ratio:.1f}× | "
                f"{row.peaks[-1] / (4 * row.size):.1f}× | {_verdict(row)} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
