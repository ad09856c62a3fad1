#!/usr/bin/env python3
"""Who pays for Python's cycle collector in an interleaved run of the pages benchmark.

    python bench/bench_gc.py --corpus ../shared/corpus/article-extraction-benchmark [...]

Takes the arguments of ``../shared/bench/pages/run.py`` and runs it unchanged, with one
addition: every collection of the cycle collector is timed (``gc.callbacks``) and charged
to the extractor whose call it ran in. A collection runs when the count of container
objects allocated since the last one passes a threshold, so it runs in the call of
whichever extractor allocates at that moment, and it frees whatever garbage the young
objects hold at that time, whoever left it there. In a run where several extractors
share one process, a fast extractor that allocates many short-lived objects runs many of
the collections and frees other extractors' garbage in its own timed calls.

After the benchmark's own report, a table on standard error: for each corpus and
extractor, the collections run in its calls (by generation), the seconds they took, the
objects they freed, and that time as a share of the extractor's summed call time.
"""

from __future__ import annotations

import gc
import importlib
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "pages"


class Ledger:
    """Collections, their time and the objects they freed, by corpus, extractor and generation."""

    def __init__(self) -> None:
        self.corpus = ""
        self.current: str | None = None
        self.started = 0.0
        self.count: dict[tuple[str, str, int], int] = defaultdict(int)
        self.seconds: dict[tuple[str, str, int], float] = defaultdict(float)
        self.freed: dict[tuple[str, str, int], int] = defaultdict(int)
        self.calls: dict[tuple[str, str], float] = defaultdict(float)

    def on_gc(self, phase: str, info: dict[str, Any]) -> None:
        """The ``gc.callbacks`` hook: time each collection, charge it to the call it ran in."""
        if phase == "start":
            self.started = time.perf_counter()
            return
        key = (self.corpus, self.current or "(between calls)", info["generation"])
        self.count[key] += 1
        self.seconds[key] += time.perf_counter() - self.started
        self.freed[key] += info["collected"]

    def wrap(self, name: str, fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
        """``fn``, charging what runs inside it to extractor ``name``."""

        def call(inputs: Any) -> Any:
            self.current = name
            start = time.perf_counter()
            try:
                return fn(inputs)
            finally:
                self.calls[self.corpus, name] += time.perf_counter() - start
                self.current = None

        return call

    def report(self) -> str:
        """A Markdown table, one row per corpus and extractor."""
        lines = [
            "| corpus | extractor | collections (gen 0 / 1 / 2) | GC seconds | objects freed "
            "| share of its call time |",
            "|---|---|---|---|---|---|",
        ]
        for corpus, name in sorted({(c, n) for c, n, _ in self.count}):
            gens = [(corpus, name, g) for g in (0, 1, 2)]
            counts = " / ".join(str(self.count.get(k, 0)) for k in gens)
            secs = sum(self.seconds.get(k, 0.0) for k in gens)
            freed = sum(self.freed.get(k, 0) for k in gens)
            total = self.calls.get((corpus, name))
            share = f"{secs / total:.1%}" if total else "n/a"
            lines.append(f"| {corpus} | {name} | {counts} | {secs:.2f} | {freed:,} | {share} |")
        return "\n".join(lines)


def main() -> None:
    """Run the pages benchmark with the collector's time charged to each extractor."""
    if not (BENCH / "run.py").is_file():
        raise SystemExit(f"the pages benchmark is not at {BENCH}")
    sys.path.insert(0, str(BENCH))
    import extractors  # the benchmark's adapters: each call goes through build()

    bench = importlib.import_module("run")
    ledger = Ledger()
    build = extractors.build
    run_corpus = bench.run_corpus

    def charged_corpus(corpus: Any, *args: Any) -> Any:
        ledger.corpus = corpus.name
        return run_corpus(corpus, *args)

    def charged_build(name: str, kind: str) -> Any:
        calls = build(name, kind)
        if calls is None:
            return None
        return [(purpose, ledger.wrap(name, fn)) for purpose, fn in calls]

    extractors.build = charged_build
    bench.run_corpus = charged_corpus
    gc.callbacks.append(ledger.on_gc)
    try:
        bench.main(sys.argv[1:])
    finally:
        gc.callbacks.remove(ledger.on_gc)
        print(ledger.report(), file=sys.stderr)


if __name__ == "__main__":
    main()
