#!/usr/bin/env python3
"""Tuned and untuned folds of a pages benchmark run, side by side.

    python bench/folds.py RESULTS.json [RESULTS.json ...] [--k 5] [--held-out 4]
    python bench/folds.py RESULTS.json --worst "body F1" --corpus readability [--n 20]

RESULTS.json is the ``--json-out`` file of the pages benchmark
(``../shared/bench/pages/run.py``), which keeps one record per page and extractor. Every
page goes to one of ``--k`` folds by a stable hash of its id (SHA-256, so the split never
depends on the order of a run or on the machine). The folds other than ``--held-out`` are
the ones a change to the extractor may be studied and tuned on; the held-out fold is only
scored, never read page by page. The report recomputes each corpus's metrics on both parts
with the benchmark's own summary code, so the rows mean exactly what they mean in its tables.

``--worst METRIC`` lists the pages of the tuned folds that score lowest on a per-page metric
(``body F1`` on the article and Readability corpora, ``seg`` on trafilatura's set, ``day`` on
htmldate's), to read the outputs of; pages of the held-out fold are never listed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "pages"
HEADLINE = {
    "aeb": ["body F1 (mean)"],
    "trafilatura": [
        "body segments F",
        "authors exact (eval_authors rule)",
        "title exact",
        "date (day) F",
    ],
    "htmldate": ["date (day) F"],
    "readability": [
        "body F1 (mean)",
        "title exact",
        "authors set",
        "language exact",
        "site exact",
        "published instant",
    ],
}


def fold_of(page_id: str, k: int) -> int:
    """The fold of a page: its id's SHA-256 modulo k."""
    return int.from_bytes(hashlib.sha256(page_id.encode("utf-8")).digest()[:8], "big") % k


def _records(
    corpus: dict[str, Any], name: str, pages: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    out = []
    for row in pages:
        rec = row.get(name)
        if rec is None:
            continue
        rec = {k: v for k, v in rec.items() if k not in ("seconds", "error")}
        rec["failed"] = "error" in row[name]
        # run.py's records hold tuples; JSON gave lists back
        out.append({k: tuple(v) if isinstance(v, list) else v for k, v in rec.items()})
    return out


def _summarize(run: Any, corpus: dict[str, Any], pages: list[dict[str, Any]]) -> dict[str, Any]:
    rows: dict[str, dict[str, str]] = {}
    for name in corpus["extractors"]:
        recs = _records(corpus, name, pages)
        if not recs:
            continue
        for metric, cell in run.summarize(corpus["kind"], name, recs).items():
            rows.setdefault(metric, {})[name] = cell["show"]
    return rows


def report(results: list[dict[str, Any]], k: int, held_out: int, every_row: bool) -> None:
    """Print per corpus: every metric on the tuned folds and on the held-out fold."""
    sys.path.insert(0, str(BENCH))
    import run  # the benchmark's own summaries

    for corpus in results:
        tuned = [p for p in corpus["per_page"] if fold_of(p["id"], k) != held_out]
        kept = [p for p in corpus["per_page"] if fold_of(p["id"], k) == held_out]
        a, b = _summarize(run, corpus, tuned), _summarize(run, corpus, kept)
        names = corpus["extractors"]
        print(
            f"\n### {corpus['corpus']} ({corpus['kind']}): tuned folds {len(tuned)} pages, "
            f"held-out fold {len(kept)} pages\n"
        )
        print("| metric | " + " | ".join(f"{n} tuned | {n} held-out" for n in names) + " |")
        print("|---|" + "---|---|" * len(names))
        metrics = list(a) if every_row else [m for m in HEADLINE[corpus["kind"]] if m in a]
        metrics += [
            m for m in ("errors", "empty", "empty (no date)") if m in a and m not in metrics
        ]
        for m in metrics:
            cells = [f"{a[m].get(n, 'n/a')} | {b.get(m, {}).get(n, 'n/a')}" for n in names]
            print(f"| {m} | " + " | ".join(cells) + " |")


def worst(
    results: list[dict[str, Any]],
    metric: str,
    corpus_kind: str | None,
    k: int,
    held_out: int,
    n: int,
    extractor: str,
) -> None:
    """List the tuned-fold pages with the lowest per-page score on one metric."""
    for corpus in results:
        if corpus_kind and corpus_kind not in (corpus["kind"], corpus["corpus"]):
            continue
        scored = []
        for p in corpus["per_page"]:
            if fold_of(p["id"], k) == held_out or extractor not in p:
                continue
            v = p[extractor].get(metric)
            if v is None:
                continue
            if isinstance(v, list):  # segment counts (tp, fp, fn, tn) or day (tp, fp, tn, fn)
                v = (v[0] - v[1] - v[2]) if metric == "seg" else float(v[0])
            if isinstance(v, bool):
                v = float(v)
            scored.append((v, p["file"] or p["id"]))
        scored.sort()
        print(f"\n{corpus['corpus']}: lowest {metric!r} of {extractor} on the tuned folds")
        for v, name in scored[:n]:
            print(f"  {v:8.3f}  {name}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("results", nargs="+", type=Path, help="--json-out files of the benchmark")
    ap.add_argument("--k", type=int, default=5, help="number of folds (default 5)")
    ap.add_argument("--held-out", type=int, default=4, help="the fold never tuned on (default 4)")
    ap.add_argument("--all-rows", action="store_true", help="every metric, not the headline ones")
    ap.add_argument("--worst", metavar="METRIC", help="list the lowest tuned-fold pages instead")
    ap.add_argument("--corpus", help="with --worst: the corpus kind or name")
    ap.add_argument("--extractor", default="newsparse")
    ap.add_argument("--n", type=int, default=20)
    args = ap.parse_args(argv)
    results = [c for path in args.results for c in json.loads(path.read_text())["corpora"]]
    if args.worst:
        worst(results, args.worst, args.corpus, args.k, args.held_out, args.n, args.extractor)
    else:
        report(results, args.k, args.held_out, args.all_rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
