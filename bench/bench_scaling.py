"""Does each reader's time grow linearly with the input? Sizes from 10 KB to 10 MB.

    python bench/bench_scaling.py [FORMAT ...]

For every registered format that reads and writes (or the ones named), an invented article
with enough paragraphs is written at about 10 KB, 100 KB, 1 MB and 10 MB and read back;
the time per MB is printed for each size. Linear growth shows as a flat time per MB; a
quadratic reader would show it growing tenfold at each step. A second series reads a
single pathological line (no structure at all) of the same sizes.
"""

from __future__ import annotations

import contextlib
import sys
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import newsparse
from newsparse import Article, Author, Paragraph

SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
PARAGRAPH = (
    "PORTVALE — The harbour reopened on Tuesday, a week after a storm tore loose two piers; "
    "“we are back,” said the harbour master, who has worked there for 31 years. "
)


def article_of(size: int) -> Article:
    count = max(1, size // len(PARAGRAPH.encode()))
    return Article(
        "Harbour reopens after the storm",
        section="Local",
        authors=[Author("Mara Quint")],
        published=datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York")),
        body=[Paragraph(f"{i}: {PARAGRAPH}") for i in range(count)],
        tags=["ferries", "winter storms"],
    )


def best(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    wanted = sys.argv[1:]
    specs = [s for s in newsparse.formats() if s.can_read and s.can_write]
    if wanted:
        specs = [s for s in specs if s.name in wanted]
    print(f"{'format':8} {'input':10} " + " ".join(f"{s // 1000:>9,} KB" for s in SIZES))
    for spec in specs:
        for kind in ("document", "one line"):
            per_mb = []
            for size in SIZES:
                if kind == "document":
                    text = newsparse.write(article_of(size), spec.name)
                else:
                    text = ("Lorem ipsum “dolor” — sit amet, " * (size // 33 + 1))[:size]
                repeat = 5 if size < 1_000_000 else 2

                def run(text: str = text, name: str = spec.name) -> None:
                    with contextlib.suppress(newsparse.NewsparseError):
                        newsparse.read(text, name, max_size=None)

                seconds = best(run, repeat)
                per_mb.append(seconds / (len(text.encode()) / 1e6))
            cells = " ".join(f"{t * 1000:9.1f} ms/MB" for t in per_mb)
            growth = per_mb[-1] / per_mb[1]
            print(f"{spec.name:8} {kind:10} {cells}   10 MB vs 100 KB: {growth:.2f}x per MB")


if __name__ == "__main__":
    main()
