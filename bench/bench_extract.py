"""Main-content extraction: newsparse against its peers, accuracy and speed in one run.

    python bench/bench_extract.py [--peers trafilatura-nocomments,readability-lxml] [--repeat 2]
                                  [--worst 15]

Runs ``../shared/bench/eval_extractors.py`` (token-level bag-of-words F1 against hand-made
ground truth, timed in-process) once per extractor, one after the other on the same
machine, on ``../shared/corpus/article-extraction-benchmark/`` (121 pages), and prints a
Markdown table (F1, P, R, empty pages, pages/s, speed relative to the first peer). It also
prints newsparse's F1 on a fixed 2-fold split of the pages (by the first byte of the page
id: even / odd), a check that the score does not hang on a few pages.
With ``--worst N`` it lists newsparse's N weakest pages (P / R / F1 per page), the place to
look for the general causes of lost text. Peers that are not installed fail in their own
row and are skipped.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "bench" / "eval_extractors.py"
CORPUS = SHARED / "corpus" / "article-extraction-benchmark"
_ROW = re.compile(
    r"all\s+n=\s*(\d+) P=([\d.]+) R=([\d.]+) F1=([\d.]+) empty=(\d+) errors=(\d+)\s+"
    r"[\d.]+s median \([^)]*\)\s+([\d.]+) pages/s"
)


def run(name: str, repeat: int) -> dict[str, object] | None:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        cmd = [
            sys.executable,
            str(EVAL),
            "--corpus",
            f"dev={CORPUS}",
            "--extractor",
            name,
            "--repeat",
            str(repeat),
            "--json-out",
            out.name,
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        found = _ROW.search(done.stdout)
        if done.returncode or found is None:
            print(f"{name}: failed ({done.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
            return None
        print(done.stdout.strip().splitlines()[-1], file=sys.stderr)
        pages = json.loads(Path(out.name).read_text(encoding="utf-8"))["pages"]
    n, p, r, f1, empty, errors, speed = found.groups()
    return {
        "name": name,
        "n": int(n),
        "P": float(p),
        "R": float(r),
        "F1": float(f1),
        "empty": int(empty),
        "errors": int(errors),
        "pages/s": float(speed),
        "pages": pages,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--peers", default="trafilatura-nocomments,readability-lxml")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--worst", type=int, default=0, help="list newsparse's N weakest pages")
    args = ap.parse_args()
    if not (EVAL.is_file() and CORPUS.is_dir()):
        print(f"needs {EVAL} and {CORPUS}", file=sys.stderr)
        return 2
    peers = [p for p in args.peers.split(",") if p]
    rows = [run(name, args.repeat) for name in ["newsparse", *peers]]
    done = [r for r in rows if r is not None]
    base = next((r["pages/s"] for r in done[1:]), None)
    print("| extractor | F1 | P | R | empty | pages/s | speed |")
    print("|---|---|---|---|---|---|---|")
    for r in done:
        ratio = f"{r['pages/s'] / base:.1f}x" if base else "—"  # type: ignore[operator]
        print(
            f"| {r['name']} | {r['F1']:.3f} | {r['P']:.3f} | {r['R']:.3f} | {r['empty']} "
            f"| {r['pages/s']:.0f} | {ratio} |"
        )
    ours = next((r for r in done if r["name"] == "newsparse"), None)
    if ours is not None:
        pages = ours["pages"]
        assert isinstance(pages, list)
        for label, parity in (("even", 0), ("odd", 1)):
            fold = [p["f1"] for p in pages if int(p["id"][:2], 16) % 2 == parity]
            print(f"newsparse fold {label}: n={len(fold)} F1={statistics.mean(fold):.3f}")
        for p in sorted(pages, key=lambda p: p["f1"])[: args.worst]:
            print(f"  {p['id'][:12]} P={p['precision']:.3f} R={p['recall']:.3f} F1={p['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
