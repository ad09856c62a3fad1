"""Throughput of the wire reader and writer, side by side with the naive reader.

    python bench/bench_wire.py [N]

Builds 1,000 distinct invented articles (nine paragraphs, a caption, a note, tags; the
bylines, times, sections and tag lines differ, so no cache inside the reader sees the same
line twice in a row), then times ``read`` and ``write``
(articles per second over N reads, default 20000, cycling through the articles) and, in the
same run over the same texts, the deliberately naive reader in
``../shared/bench/naive_wire.py`` (skipped with a message when that file is absent).
Prints the ratio real/naive; the target is at least 0.5.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsparse._formats.wire._reader import read  # noqa: E402
from newsparse._formats.wire._writer import write  # noqa: E402
from newsparse._model import Article, Author, Media, Paragraph  # noqa: E402

NAIVE = REPO.parent / "shared" / "bench" / "naive_wire.py"


def sample() -> Article:
    body = [
        "PORTVALE — The harbour reopened to commercial traffic on Tuesday, a week after a "
        "winter storm tore loose two piers and sank a dredging barge.",
        "Harbourmaster Elin Vos said divers had cleared the main channel overnight and that "
        "ferries would run a reduced timetable until Friday.",
        "“We lost the best week of the lobster season,” said Ray Okafor, who has fished out of "
        "Portvale for 31 years. “But the boats are out, and that is what matters.”",
        "The storm brought gusts of 70 mph to the coast and left about 12,000 homes without "
        "power, according to the regional utility.",
        "Repairs to the northern breakwater will take until the summer, the port authority "
        "said, and larger cargo ships will be diverted to Northgate until then.",
        "Insurers have received more than 900 claims from boat owners, a trade group said.",
        "The city council will vote next month on a $4.2 million plan to rebuild the piers "
        "with higher decks.",
        "Engineers told the council that the old piers, built in 1962, were never designed "
        "for waves of the height recorded last week.",
        "The ferry operator said refunds would be issued automatically for cancelled trips.",
    ]
    return Article(
        "Harbour reopens after winter storm tears loose two piers",
        section="Local",
        authors=[Author("Mara Quint")],
        published=datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York")),
        media=[
            Media(
                caption="FILE – Fishing boats leave the Portvale harbour at dawn on Feb. 12, "
                "2024, days before the storm closed it.",
                credit="Courier Photo/Jonas Lind, File",
            )
        ],
        body=[Paragraph(p) for p in body],
        notes=["City Desk staff contributed to this report."],
        tags=("fishing industry", "harbours", "Portvale", "winter storms"),
        extras={"wire.date": "2024-03-05", "wire.para_ends": "\u00a0"},
    )


_FIRST = ("Mara", "Jonas", "Elin", "Ray", "Ana", "Tomasz", "Chidi", "Léa", "Kenji", "Nora")
_LAST = ("Quint", "Lind", "Vos", "Okafor", "Ruiz", "Nowak", "Eze", "Dubois", "Sato", "Berg")
_SECTIONS = ("Local", "Business", "Energy & Environment", "Transportation", "Politics")
_TAGS = (
    "breakwaters", "cargo ships", "City Council", "climate change", "Coast Guard",
    "fishing industry", "harbours", "insurance", "lobster season", "Northgate",
    "Port Authority", "Portvale", "power outages", "storm damage", "winter storms",
)  # fmt: skip
_ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles")


def variants(base: Article, count: int) -> list[Article]:
    """``count`` distinct articles shaped like ``base``."""
    out = []
    for i in range(count):
        names = [f"{_FIRST[(i + k) % 10]} {_LAST[(i * 3 + k) % 10]}" for k in range(1 + i % 3)]
        tags = sorted(
            {_TAGS[(i * 7 + k * 5) % len(_TAGS)] for k in range(3 + i % 4)}, key=str.casefold
        )
        when = datetime(2020 + i % 5, 1 + i % 12, 1 + i % 28, i % 24, (i * 7) % 60,
                        tzinfo=ZoneInfo(_ZONES[i % 4]))  # fmt: skip
        body = list(base.body[i % 9 :]) + list(base.body[: i % 9])
        out.append(
            attrs.evolve(
                base,
                title=f"{base.title} ({i})",
                section=_SECTIONS[i % len(_SECTIONS)],
                authors=[Author(n) for n in names],
                published=when,
                body=body,
                tags=tags,
                extras={**base.extras, "wire.date": when.date().isoformat()},
            )
        )
    return out


def rate(fn: Callable[[Any], Any], items: list[Any], n: int) -> float:
    for item in items:
        fn(item)
    best = 0.0
    count = len(items)
    for _ in range(3):
        started = time.perf_counter()
        for i in range(n):
            fn(items[i % count])
        best = max(best, n / (time.perf_counter() - started))
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    articles = variants(sample(), 1000)
    texts = [write(a) for a in articles]
    assert all(read(t) == a for t, a in zip(texts, articles, strict=True))
    real_read = rate(read, texts, n)
    real_write = rate(write, articles, n)
    print(f"wire read : {real_read:10.0f} articles/s")
    print(f"wire write: {real_write:10.0f} articles/s")
    if not NAIVE.is_file():
        print(f"naive reader not found at {NAIVE}; skipping the comparison")
        return
    spec = importlib.util.spec_from_file_location("naive_wire", NAIVE)
    assert spec is not None
    assert spec.loader is not None
    naive = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(naive)
    naive_read = rate(naive.parse, texts, n)
    print(f"naive read: {naive_read:10.0f} articles/s")
    print(f"ratio real/naive read: {real_read / naive_read:.2f} (target >= 0.5)")


if __name__ == "__main__":
    main()
