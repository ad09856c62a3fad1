"""One remote WARC archive on a Dask cluster: records/s with 1 and 2 workers, bytes, memory.

    python bench/bench_remote.py [--copies 8] [--partition-mb 4] [--repeat 3]

1. Packs the pages of ``../shared/corpus/article-extraction-benchmark/html/`` (``--copies``
   times; invented pages when the corpus is absent) into a WARC.gz, as bench_batch.py does.
2. Serves it from an HTTP server on 127.0.0.1 that answers Range requests (the tests' own,
   ``tests/_range_server.py``), so the workers read it through fsspec's http file system
   in ranged reads, as they would read ``https://data.commoncrawl.org/...``.
3. Starts two ``LocalCluster``s, of 1 and of 2 worker processes (one thread each), and runs
   ``newsparse.dask.results(url, partition_size=...)`` on each in turn, ``--repeat`` times,
   alternating, so that both see the same load on a shared machine. Prints records/s per
   run, the 2-vs-1 ratio of each pair and their spread, the bytes the server sent against
   the archive's size, the seconds one partition takes, and the peak RSS of the workers.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "bench"), str(REPO / "tests")]


def build(path: Path, copies: int) -> int:
    from bench_batch import CORPUS, pack

    if (CORPUS / "html").is_dir():
        return pack(path, copies)
    from _archives import archive  # invented pages, when ../shared is absent

    path.write_bytes(archive(150 * copies))
    return 150 * copies


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--partition-mb", type=float, default=4.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import tempfile

    import distributed

    import newsparse.dask as nd
    from _range_server import serving

    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "crawl.warc.gz"
        pages = build(warc, args.copies)
        data = warc.read_bytes()
    size_mb = len(data) / 1e6
    step = int(args.partition_mb * (1 << 20))
    print(f"archive: {size_mb:.1f} MB, {pages} pages; partitions of {args.partition_mb} MiB")

    def cluster(workers: int) -> tuple[object, object]:
        c = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            memory_limit="2GiB",
        )
        return c, distributed.Client(c, set_as_default=False)

    with serving({"/crawl.warc.gz": data}) as server:
        url = f"{server.url}/crawl.warc.gz"
        clusters = {n: cluster(n) for n in (1, 2)}
        bag = nd.results([url], partition_size=step)
        print(f"{bag.npartitions} partitions")
        counted = bag.count()
        rates: dict[int, list[float]] = {1: [], 2: []}
        sent: list[float] = []
        for _ in range(args.repeat):
            for workers in (1, 2):
                client = clusters[workers][1]
                server.clear()
                started = time.perf_counter()
                n = client.compute(counted).result()  # type: ignore[attr-defined]
                seconds = time.perf_counter() - started
                rates[workers].append(n / seconds)
                sent.append(sum(r.sent for r in server.served()) / len(data))
                print(
                    f"  {workers} worker(s): {n} records in {seconds:.2f} s = {n / seconds:.0f}/s"
                )
        ratios = [b / a for a, b in zip(rates[1], rates[2], strict=True)]
        print(
            f"records/s, 1 worker: {min(rates[1]):.0f}-{max(rates[1]):.0f}; "
            f"2 workers: {min(rates[2]):.0f}-{max(rates[2]):.0f}"
        )
        print(
            f"2 vs 1 workers: {min(ratios):.2f}-{max(ratios):.2f}x "
            f"(median {sorted(ratios)[len(ratios) // 2]:.2f}x over {len(ratios)} pairs)"
        )
        print(f"bytes sent / archive size: {min(sent):.3f}-{max(sent):.3f}")
        seconds_per_partition = pages / max(rates[1]) / bag.npartitions
        print(
            f"one partition ({size_mb / bag.npartitions:.1f} MB, {pages / bag.npartitions:.0f} "
            "pages): "
            f"{seconds_per_partition:.2f} s on one worker"
        )
        for workers, (_, client) in clusters.items():
            rss = client.run(peak_rss_mb)  # type: ignore[attr-defined]
            print(
                f"peak RSS per worker ({workers}): "
                + ", ".join(f"{v:.0f} MB" for v in rss.values())
            )
        for c, client in clusters.values():
            client.close()  # type: ignore[attr-defined]
            c.close()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
