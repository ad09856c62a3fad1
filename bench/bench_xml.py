"""XML readers' speed (articles/s) and, for feeds, correctness and speed against feedparser.

    python bench/bench_xml.py [--articles N] [--runs N]

Everything is measured in one run, so the ratios hold on a shared, noisy machine:

1. **Feeds.** N invented articles (offsets from -08:00 to +05:45, co-authors, HTML
   bodies, media) are written as RSS 2.0 and Atom 1.0 by newsparse, and the fixture feeds
   in tests/data/feeds (WordPress, news-site, RDF, RSS 0.91, Atom 0.3 layouts) are read as
   well. newsparse (``read_many``) and feedparser (``feedparser.parse``) read the same
   bytes; the script prints articles/s for both, their ratio, and on the written feeds
   the share of items whose title, link, authors and publication date (instant; instant
   and UTC offset) each library gets right.
2. **NITF and NewsML-G2.** The same articles written as NITF 3.6 and NewsML-G2 documents
   are read back one by one; the reference in the same run is newsparse's own ``json``
   reader on the same articles, and the bare lxml parse of the same documents (the
   floor no XML reader goes under).

feedparser is a bench-only dependency (``pip install feedparser``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from lxml import etree

import newsparse
from newsparse import Article, Author, Heading, Media, MediaBlock, Paragraph, Quote

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "data" / "feeds"
OFFSETS = (-8 * 60, -5 * 60, 0, 60, 5 * 60 + 30, 5 * 60 + 45, 9 * 60)


def invented(n: int) -> list[Article]:
    """N realistic, varied, invented articles."""
    out = []
    for i in range(n):
        zone = timezone(timedelta(minutes=OFFSETS[i % len(OFFSETS)]))
        when = datetime(2024, 3, 1 + i % 27, (7 + i) % 24, (13 * i) % 60, (7 * i) % 60, tzinfo=zone)
        names = [("Mara Quint", "Jonas Okafor", "Zoë Lindqvist", "Kenji Nakamura")[i % 4]]
        if i % 3 == 0:
            names.append("María José Hernández")
        out.append(
            Article(
                f"Harbour council votes {i} – ferries to run “until further notice”",
                subtitle=f"The {i}th vote of the year ends a long debate." if i % 2 else None,
                section=("Local", "Business", "Weather")[i % 3],
                authors=[Author(n) for n in names],
                published=when,
                updated=when + timedelta(hours=2) if i % 4 == 0 else None,
                url=f"https://news.example.org/{2024}/03/story-{i}",
                publisher="Harbour Times",
                language="en",
                media=[
                    Media(
                        url=f"https://img.example.org/{i}.jpg",
                        caption="The pier at dawn, three days after the storm.",
                        credit="Photo: A. Birch",
                    )
                ],
                body=[
                    Paragraph("The ferries ran again on Tuesday, three days late. " * 3),
                    Heading("What changes", level=2),
                    Paragraph("“We are back,” said the harbour master, Elin Dray. " * 4),
                    Quote("The ramps are stronger than before.", attribution="the city engineer"),
                    MediaBlock(
                        Media(url=f"https://img.example.org/{i}-map.png", caption="The route.")
                    ),
                    Paragraph("Freight runs resume on Saturdays; the 6:15 crossing returns. " * 3),
                ],
                tags=["ferries", "storms", f"topic {i % 7}"],
            )
        )
    return out


def rate(func: Callable[[], int], runs: int) -> float:
    """Articles per second: the best of ``runs`` timings of ``func`` (which returns a count)."""
    best = []
    for _ in range(runs):
        start = time.perf_counter()
        count = func()
        best.append(count / (time.perf_counter() - start))
    return max(best)


def _fp_offset_ok(entry: Any, expected: datetime) -> tuple[bool, bool]:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return False, False
    instant = datetime(*parsed[:6], tzinfo=timezone.utc) == expected
    return instant, False  # feedparser gives a UTC struct_time: the offset is gone


def correctness(articles: list[Article], feed: bytes, fmt: str, fp: Any) -> dict[str, Any]:
    ours = list(newsparse.read_many(feed, fmt))
    theirs = fp.parse(feed).entries
    scores: dict[str, dict[str, int]] = {"newsparse": {}, "feedparser": {}}
    for key in ("title", "link", "authors", "instant", "instant+offset"):
        scores["newsparse"][key] = scores["feedparser"][key] = 0
    for a, b, e in zip(articles, ours, theirs, strict=True):
        s = scores["newsparse"]
        s["title"] += b.title == a.title
        s["link"] += b.url == a.url
        s["authors"] += [x.name for x in b.authors] == [x.name for x in a.authors]
        assert a.published is not None
        assert b.published is not None
        s["instant"] += b.published == a.published
        s["instant+offset"] += (
            b.published == a.published and b.published.utcoffset() == a.published.utcoffset()
        )
        s = scores["feedparser"]
        s["title"] += e.get("title") == a.title
        s["link"] += e.get("link") == a.url
        names = [x.get("name") for x in e.get("authors", [])]
        s["authors"] += names == [x.name for x in a.authors]
        instant, offset = _fp_offset_ok(e, a.published)
        s["instant"] += instant
        s["instant+offset"] += offset
    n = len(articles)
    return {lib: {k: f"{100 * v / n:.0f}%" for k, v in row.items()} for lib, row in scores.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    try:
        import feedparser
    except ImportError:
        print("feedparser is needed: pip install feedparser", file=sys.stderr)
        return 2
    articles = invented(args.articles)
    runs = args.runs
    print(
        f"python {sys.version.split()[0]}, lxml {etree.__version__}, feedparser "
        f"{feedparser.__version__}; {len(articles)} articles, best of {runs} runs\n"
    )

    # -- feeds
    feeds = {
        "rss (written)": ("rss", "".join(newsparse.write_many(articles, "rss")).encode()),
        "atom (written)": ("atom", "".join(newsparse.write_many(articles, "atom")).encode()),
    }
    fixtures = [p.read_bytes() for p in sorted(FIXTURES.glob("*.xml")) if "broken" not in p.name]
    fixture_count = sum(len(list(newsparse.read_many(f, "rss"))) for f in fixtures)
    print("## Feeds: articles/s (higher is better)\n")
    print("| feed | newsparse | feedparser | ratio |")
    print("|---|---|---|---|")
    for name, (fmt, data) in feeds.items():
        ours = rate(lambda fmt=fmt, data=data: len(list(newsparse.read_many(data, fmt))), runs)
        theirs = rate(lambda data=data: len(feedparser.parse(data).entries), runs)
        print(f"| {name} | {ours:,.0f} | {theirs:,.0f} | {ours / theirs:.1f}x |")
    repeat = max(1, args.articles // max(fixture_count, 1))

    def ours_fixtures() -> int:
        return sum(
            len(list(newsparse.read_many(f, "rss"))) for _ in range(repeat) for f in fixtures
        )

    def theirs_fixtures() -> int:
        return sum(len(feedparser.parse(f).entries) for _ in range(repeat) for f in fixtures)

    ours, theirs = rate(ours_fixtures, runs), rate(theirs_fixtures, runs)
    print(
        f"| fixture feeds ({len(fixtures)} layouts) | {ours:,.0f} | {theirs:,.0f} | "
        f"{ours / theirs:.1f}x |"
    )

    print("\n## Feeds: items read correctly (the feeds newsparse wrote)\n")
    print("| feed | library | title | link | authors | date instant | date instant + offset |")
    print("|---|---|---|---|---|---|---|")
    for name, (fmt, data) in feeds.items():
        for lib, row in correctness(articles, data, fmt, feedparser).items():
            print(f"| {name} | {lib} | " + " | ".join(row.values()) + " |")

    # -- NITF and NewsML-G2
    print("\n## Agency formats: articles/s, one document each (higher is better)\n")
    print(
        "| format | newsparse read | bare lxml parse (floor) | json reader (reference) | "
        "read / json |"
    )
    print("|---|---|---|---|---|")
    json_docs = [newsparse.write(a, "json") for a in articles]
    json_rate = rate(lambda: sum(1 for d in json_docs if newsparse.read(d, "json")), runs)
    for fmt in ("nitf", "newsmlg2"):
        if fmt not in {s.name for s in newsparse.formats()}:
            continue
        docs = [newsparse.write(a, fmt).encode() for a in articles]
        ours = rate(lambda fmt=fmt, docs=docs: sum(1 for d in docs if newsparse.read(d, fmt)), runs)
        floor = rate(
            lambda docs=docs: sum(1 for d in docs if etree.fromstring(d) is not None), runs
        )
        print(
            f"| {fmt} | {ours:,.0f} | {floor:,.0f} | {json_rate:,.0f} | {ours / json_rate:.2f}x |"
        )
    sizes = statistics.mean(len(d) for d in json_docs)
    print(f"\n(mean native JSON document: {sizes:,.0f} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
