"""Native JSON read/write speed against pydantic v2, and JSON Lines streaming memory.

    python bench/bench_json.py [--size-mb N] [--runs N]

Part 1 reads and writes one realistic ~3 KB invented article with newsparse's ``json``
codec and with a pydantic v2 model of the same shape (defined here; pydantic is a
bench-only dependency), in the same run: ``model_validate_json`` against our ``read``
(both fully validate types) and ``model_dump_json`` against our ``write``. Targets: both
ratios >= 2.

Part 2 writes a JSON Lines file of about N MB (default 200) to a temporary directory,
streams it back with ``read_many`` (line by line, from the open file) and reports
articles/s and the peak RSS of the process against the file size.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import timeit
from datetime import datetime, timedelta, timezone
from typing import Annotated, Any, Literal, Union

import pydantic

from newsparse import Article, Author, Heading, Media, MediaBlock, Paragraph, Quote
from newsparse._formats.json import _codec, _lines

# ---------------------------------------------------------------------------
# the pydantic model of the same document


class PAuthor(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    name: str
    role: str | None = None
    url: str | None = None


class PMedia(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    url: str | None = None
    caption: str | None = None
    credit: str | None = None
    kind: str = "image"
    alt: str | None = None


class PParagraph(pydantic.BaseModel):
    type: Literal["paragraph"]
    text: str


class PHeading(pydantic.BaseModel):
    type: Literal["heading"]
    text: str
    level: int = pydantic.Field(2, ge=1, le=6)


class PQuote(pydantic.BaseModel):
    type: Literal["quote"]
    text: str
    attribution: str | None = None


class PList(pydantic.BaseModel):
    type: Literal["list"]
    items: list[str]
    ordered: bool = False


class PPre(pydantic.BaseModel):
    type: Literal["preformatted"]
    text: str


class PMediaBlock(pydantic.BaseModel):
    type: Literal["media"]
    media: PMedia


PBlock = Annotated[
    Union[PParagraph, PHeading, PQuote, PList, PPre, PMediaBlock],  # noqa: UP007
    pydantic.Field(discriminator="type"),
]


class PArticle(pydantic.BaseModel):
    newsparse: str | None = None
    title: str
    subtitle: str | None = None
    section: str | None = None
    authors: list[PAuthor] | None = None
    published: pydantic.AwareDatetime | None = None
    updated: pydantic.AwareDatetime | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    media: list[PMedia] | None = None
    body: list[PBlock] | None = None
    notes: list[str] | None = None
    tags: list[str] | None = None
    extras: dict[str, Any] | None = None


class PArticlePlainUnion(PArticle):
    """The same model with a plain (non-discriminated, "smart" mode) union for the body."""

    body: list[Union[PParagraph, PHeading, PQuote, PList, PPre, PMediaBlock]] | None = None  # noqa: UP007


def sample() -> Article:
    """A realistic ~3 KB article (invented)."""
    et = timezone(timedelta(hours=-5))
    paragraphs = [
        "PORTSMOUTH, N.H. — The harbour reopened to commercial traffic on Tuesday, four days "
        "after a winter storm pushed a barge across the main channel and closed the port.",
        "Harbour master Lena Okafor said divers had checked the channel floor twice and found "
        "no damage to the pilings that carry the eastern pier. “We were lucky,” she said.",
        "Fishing crews, who lost nearly a week of landings at the height of the scallop season, "
        "lined up at the fuel dock before dawn. Some had slept aboard their boats.",
        "The barge, loaded with road salt, broke free of its moorings upriver on Friday night "
        "when gusts reached 70 mph, according to the National Weather Service.",
        "State officials estimated the cost of the closure at $2.3 million a day, most of it in "
        "delayed fuel and cargo deliveries to towns along the coast.",
        "The Coast Guard said it would investigate how the barge was secured. The company that "
        "owns it did not respond to a request for comment on Tuesday.",
        "Residents of the waterfront district, many of whom watched the barge drift past their "
        "windows, said they hoped the investigation would lead to stricter rules for mooring "
        "heavy cargo during storm warnings.",
        "The port handles about a third of the region's heating oil, and distributors had "
        "begun rationing deliveries to commercial customers by Monday afternoon.",
    ]
    return Article(
        "Harbour reopens four days after storm drove barge into channel",
        subtitle="Fishing fleet returns to sea as divers clear the main channel",
        section="Local News",
        authors=[
            Author("Mara Quint", role="staff writer", url="https://example.org/staff/mquint"),
            Author("Jon Ybarra", role="contributor"),
        ],
        published=datetime(2024, 3, 5, 9, 30, 0, tzinfo=et),
        updated=datetime(2024, 3, 5, 16, 2, 41, tzinfo=et),
        url="https://example.org/news/2024/03/05/harbour-reopens",
        publisher="The Example Gazette",
        language="en-US",
        media=[
            Media(
                "https://example.org/img/harbour-1200.jpg",
                caption="Fishing boats leave the harbour at dawn on Tuesday.",
                credit="Example Gazette/Ana Ruiz",
                alt="Boats leaving a harbour at dawn",
            )
        ],
        body=[
            Paragraph(paragraphs[0]),
            Paragraph(paragraphs[1]),
            Quote("We were lucky. It could have taken weeks.", attribution="Lena Okafor"),
            Heading("What happened", level=2),
            Paragraph(paragraphs[2]),
            Paragraph(paragraphs[3]),
            MediaBlock(Media("https://example.org/img/map.png", caption="The barge's path.")),
            Paragraph(paragraphs[4]),
            Paragraph(paragraphs[5]),
            Paragraph(paragraphs[6]),
            Paragraph(paragraphs[7]),
        ],
        notes=["The Associated Press contributed to this report."],
        tags=["harbour", "storms", "New Hampshire", "shipping"],
        extras={"wire.trending": ["storm", "harbour"]},
    )


def best_per_call(func: Any, number: int, repeat: int) -> float:
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number


def bench_speed(runs: int) -> None:
    article = sample()
    text = _codec.write(article)
    model = PArticle.model_validate_json(text)
    assert _codec.read(text) == article
    print(f"document: {len(text.encode())} bytes")
    number = 2000
    ours_read = best_per_call(lambda: _codec.read(text), number, runs)
    pyd_read = best_per_call(lambda: PArticle.model_validate_json(text), number, runs)
    ours_write = best_per_call(lambda: _codec.write(article), number, runs)
    pyd_write = best_per_call(lambda: model.model_dump_json(exclude_none=True), number, runs)
    print(
        f"read : newsparse {ours_read * 1e6:7.1f} us   pydantic {pyd_read * 1e6:7.1f} us   "
        f"ratio {pyd_read / ours_read:.2f}x (target >= 2)"
    )
    plain_read = best_per_call(lambda: PArticlePlainUnion.model_validate_json(text), number, runs)
    print(
        f"read : (pydantic with a plain, non-discriminated body union: {plain_read * 1e6:.1f} us, "
        f"ratio {plain_read / ours_read:.2f}x)"
    )
    decode_only = best_per_call(lambda: _codec.decode(text), number, runs)
    print(
        f"read : (newsparse decode+validate into msgspec Structs only, before building the "
        f"attrs Article: {decode_only * 1e6:.1f} us, ratio {pyd_read / decode_only:.2f}x)"
    )
    print(
        f"write: newsparse {ours_write * 1e6:7.1f} us   pydantic {pyd_write * 1e6:7.1f} us   "
        f"ratio {pyd_write / ours_write:.2f}x (target >= 2)"
    )


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bench_stream(size_mb: int) -> None:
    line = _codec.write(sample()).replace("\n", "") + "\n"
    count = max(1, size_mb * 1024 * 1024 // len(line.encode()))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "articles.jsonl")
        start = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(_lines.write_many(sample() for _ in range(count)))
        wrote = time.perf_counter() - start
        size = os.path.getsize(path)
        before = peak_rss_mb()
        start = time.perf_counter()
        n = 0
        with open(path, encoding="utf-8") as f:
            for _ in _lines.read_many(f):
                n += 1
        took = time.perf_counter() - start
        after = peak_rss_mb()
    print(
        f"jsonl: {n} articles, file {size / 1e6:.0f} MB; wrote {n / wrote:,.0f} articles/s, "
        f"read {n / took:,.0f} articles/s ({size / 1e6 / took:.0f} MB/s)"
    )
    print(
        f"jsonl: peak RSS {after:.0f} MB after streaming (was {before:.0f} MB before), "
        f"file {size / 1e6:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size-mb", type=int, default=200, help="JSON Lines file size")
    parser.add_argument("--runs", type=int, default=5, help="repeats for the timings")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, pydantic {pydantic.VERSION}")
    bench_speed(args.runs)
    bench_stream(args.size_mb)


if __name__ == "__main__":
    main()
