"""Batch conversion of a WARC archive: 1 job vs N jobs, WARC readers, and peak memory.

    python bench/bench_batch.py [--copies 4] [--jobs 2] [--big-mb 0] [--uncompressed]

1. Packs the pages of ``../shared/corpus/article-extraction-benchmark/html/`` (``--copies``
   times) into a WARC.gz (a plain WARC with ``--uncompressed``) of HTTP response records,
   as a news crawl stores them.
2. Times ``newsparse.batch.convert_many(warc, "jsonl", jobs=1)`` and ``jobs=N`` in the same run
   and prints pages/s for each and their ratio (target on 2 cores: >= 1.7x).
3. Times iterating the archive's records alone with warcio and, if installed, fastwarc.
4. With ``--big-mb M``, writes an archive of about M MB and converts it with N jobs in a
   child process, reporting that process's peak RSS next to the archive size (streaming:
   memory stays flat however large the archive).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "article-extraction-benchmark"


def pack(path: Path, copies: int, target_mb: float = 0.0, gzip: bool = True) -> int:
    """Write the corpus pages into a WARC(.gz); return the number of response records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    truth = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((CORPUS / "html").glob("*.html"))
    count = 0
    warnings.simplefilter("ignore", ResourceWarning)  # warcio's temp files, writer side only
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        copy = 0
        while copy < copies or (target_mb and f.tell() < target_mb * 1e6):
            for page in pages:
                url = truth.get(page.stem, {}).get("url", f"https://example.org/{page.stem}")
                headers = StatusAndHeaders(
                    "200 OK",
                    [("Content-Type", "text/html; charset=utf-8")],
                    protocol="HTTP/1.1",
                )
                record = writer.create_warc_record(
                    f"{url}#{copy}",
                    "response",
                    payload=io.BytesIO(page.read_bytes()),
                    http_headers=headers,
                )
                writer.write_record(record)
                count += 1
            copy += 1
    return count


def convert(warc: Path, jobs: int) -> tuple[float, int]:
    import newsparse

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = newsparse.batch.convert_many(
            [warc], "jsonl", output=Path(tmp) / "out.jsonl", jobs=jobs, progress=False
        )
        seconds = time.perf_counter() - started
    return seconds, result.converted + result.failed


def iterate_warcio(warc: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with open(warc, "rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type == "response":
                record.content_stream().read()
                n += 1
    return n


def iterate_fastwarc(warc: Path) -> int | None:
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:
        return None
    n = 0
    with open(warc, "rb") as f:  # compression is detected from the stream
        for record in ArchiveIterator(f, record_types=WarcRecordType.response):
            record.reader.read()
            n += 1
    return n


def timed(fn, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - started, value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--big-mb", type=float, default=0.0)
    parser.add_argument(
        "--uncompressed", action="store_true", help="a plain .warc instead of a .warc.gz"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # the peak-memory run, in its own process
        seconds, pages = convert(Path(args.child), args.jobs)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({"seconds": seconds, "pages": pages, "rss": peak, "child": children}))
        return
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS}")
    with tempfile.TemporaryDirectory() as tmp:
        kind = "WARC" if args.uncompressed else "WARC.gz"
        warc = Path(tmp) / ("corpus.warc" if args.uncompressed else "corpus.warc.gz")
        records = pack(warc, args.copies, gzip=not args.uncompressed)
        size = warc.stat().st_size / 1e6
        print(f"archive: {records} HTML responses, {size:.1f} MB ({kind})")
        convert(warc, 1)  # warm-up: imports, caches
        one, pages = convert(warc, 1)
        many, _ = convert(warc, args.jobs)
        print(f"convert, 1 job : {pages / one:8.1f} pages/s")
        print(f"convert, {args.jobs} jobs: {pages / many:8.1f} pages/s")
        print(f"speed-up       : {one / many:.2f}x (target on 2 cores: >= 1.7x)")
        t_warcio, n = timed(iterate_warcio, warc)
        print(f"warcio records : {n / t_warcio:8.0f} records/s (iteration and payload only)")
        t_fast, n_fast = timed(iterate_fastwarc, warc)
        if n_fast is None:
            print("fastwarc       : not installed (pip install fastwarc to compare)")
        else:
            print(f"fastwarc records: {n_fast / t_fast:7.0f} records/s ({t_warcio / t_fast:.1f}x)")
        if args.big_mb:
            big = Path(tmp) / ("big.warc" if args.uncompressed else "big.warc.gz")
            total = pack(big, 1, target_mb=args.big_mb, gzip=not args.uncompressed)
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(big), "--jobs", str(args.jobs)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            stats = json.loads(out.strip().splitlines()[-1])
            print(
                f"big archive: {big.stat().st_size / 1e6:.0f} MB, {total} pages, "
                f"{stats['pages'] / stats['seconds']:.1f} pages/s with {args.jobs} jobs; "
                f"peak RSS main {stats['rss']:.0f} MB, largest worker {stats['child']:.0f} MB"
            )


if __name__ == "__main__":
    main()
