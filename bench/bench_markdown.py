"""Markdown read/write speed against the json format and markdown-it-py itself, one run.

    python bench/bench_markdown.py [--runs N]

One realistic invented article (~4 KB of body: paragraphs with curly quotes and dashes, a
heading, a quote, a list, code, a figure; full front matter) is written and read with
newsparse's ``markdown`` format, with the ``json`` format (the native, msgspec-based
codec: the fastest reader newsparse has) and, for the body alone, with
``markdown_it.MarkdownIt("commonmark").parse`` (the parser the reader is built on, so the
ratio is the reader's own cost on top of it) and ``yaml.load`` with libyaml's ``CSafeLoader``
for the front matter. All in the same process, best of N runs, as articles per second and
ratios: the machine is shared, so only the ratios mean something. The ``text`` writer is
timed beside them.
"""

from __future__ import annotations

import argparse
import timeit
from datetime import datetime
from zoneinfo import ZoneInfo

import yaml
from markdown_it import MarkdownIt

import newsparse
from newsparse import (
    Article,
    Author,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
)

PARAGRAPH = (
    "PORTVALE — The ferries ran again on Tuesday, three days after the storm closed the "
    "harbour, and the first boat left the north pier at 6:40 a.m. “We are back,” said the "
    "harbour master, Aïcha Okafor, who had spent the weekend on the quay. Cargo follows on "
    "Friday; the fishing fleet, which lost two boats, will sail when the insurers allow it."
)


def article() -> Article:
    zone = ZoneInfo("America/New_York")
    return Article(
        "Harbour reopens after the winter storm",
        subtitle="Ferries run a reduced timetable until Friday",
        section="Local",
        authors=[Author("Mara Quint", role="staff writer"), Author("Jonas Lind")],
        published=datetime(2024, 3, 5, 9, 30, tzinfo=zone),
        updated=datetime(2024, 3, 5, 16, 5, tzinfo=zone),
        url="https://courier.example/local/harbour-reopens",
        publisher="The Portvale Courier",
        language="en",
        media=[
            Media(url="https://courier.example/quay.jpg", caption="The quay.", credit="Courier")
        ],
        body=[
            *[Paragraph(PARAGRAPH) for _ in range(6)],
            Heading("What happens next"),
            Quote("We will rebuild the north pier before the summer.", attribution="the mayor"),
            *[Paragraph(PARAGRAPH) for _ in range(4)],
            ListBlock(["Ferries: from Wednesday", "Cargo: from Friday", "Fishing: to be told"]),
            Preformatted("Pier   Status\nNorth  closed\nSouth  open"),
            MediaBlock(Media(url="https://courier.example/route.png", caption="The new route.")),
            Paragraph(PARAGRAPH),
        ],
        notes=["Jonas Lind contributed to this report."],
        tags=["ferries", "winter storms", "Portvale"],
        extras={"courier.desk": "local"},
    )


def best(stmt: object, runs: int, number: int) -> float:
    """Seconds per call, best of ``runs`` rounds of ``number`` calls."""
    return min(timeit.repeat(stmt, repeat=runs, number=number)) / number  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    a = article()
    md_text = newsparse.write(a, "markdown")
    json_text = newsparse.write(a, "json")
    assert newsparse.read(md_text, "markdown") == a
    front, body = md_text.split("\n---\n", 1)
    front = front.removeprefix("---\n")
    commonmark = MarkdownIt("commonmark")
    n = 200
    times = {
        "markdown read": best(lambda: newsparse.read(md_text, "markdown"), args.runs, n),
        "json read": best(lambda: newsparse.read(json_text, "json"), args.runs, n),
        "markdown-it-py parse (body)": best(lambda: commonmark.parse(body), args.runs, n),
        "yaml CSafeLoader (front matter)": best(
            lambda: yaml.load(front, Loader=yaml.CSafeLoader), args.runs, n
        ),
        "markdown write": best(lambda: newsparse.write(a, "markdown"), args.runs, n),
        "json write": best(lambda: newsparse.write(a, "json"), args.runs, n),
        "text write": best(lambda: newsparse.write(a, "text"), args.runs, n),
    }
    print(f"article: {len(md_text):,} characters of Markdown, {len(json_text):,} of JSON")
    print(f"{'':34} {'articles/s':>12}")
    for name, seconds in times.items():
        print(f"{name:34} {1 / seconds:12,.0f}")
    md_read, parse = times["markdown read"], times["markdown-it-py parse (body)"]
    print()
    print(f"markdown read  / json read:            {md_read / times['json read']:6.1f}x slower")
    print(
        f"markdown read  / markdown-it-py parse: {md_read / parse:6.2f}x (the reader's share: "
        f"{1 - parse / md_read:.0%})"
    )
    print(
        f"markdown write / json write:           "
        f"{times['markdown write'] / times['json write']:6.1f}x slower"
    )
    print(f"markdown write / markdown read:        {times['markdown write'] / md_read:6.2f}x")


if __name__ == "__main__":
    main()
