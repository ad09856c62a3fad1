"""newsparse.dask on a real LocalCluster with two worker processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import newsparse
from newsparse import Article, Author, Paragraph
from newsparse.batch import iter_articles

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import newsparse.dask as nd  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    # one cluster for the module (they are slow to start); the dashboard on a free port:
    # dashboard_address=None still takes 8787 and warns when another run holds it
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        memory_limit="1GiB",
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    root = tmp_path / "crawl"
    root.mkdir()
    for i in range(6):
        article = Article(
            f"Night ferry resumes, day {i}",
            section="Local",
            authors=[Author("Léa Dubois")],
            published=datetime(2024, 4, 1 + i, 18, 5, tzinfo=ZoneInfo("America/Chicago")),
            body=[Paragraph(f"Service {i} left on time — “finally,” a rider said.")],
            extras={"wire.date": f"2024-04-0{1 + i}"},
        )
        (root / f"{i}.wire.txt").write_text(newsparse.write(article, "wire"), encoding="utf-8")
    lines = [newsparse.write(Article(f"Archived story {i}"), "jsonl") for i in range(4)]
    (root / "dump.jsonl").write_text("".join(lines), encoding="utf-8")
    return root


def test_bag_equals_single_process(client: object, crawl: Path, tmp_path: Path) -> None:
    bag = nd.articles([crawl])
    assert bag.npartitions == 7
    expected = [r.article for r in iter_articles([crawl], jobs=1)]
    assert bag.compute() == expected
    names = nd.write(bag, str(tmp_path / "out" / "part-*.jsonl"))
    assert len(names) == 7
    lines = [line for name in sorted(names) for line in Path(name).read_text().splitlines()]
    assert [json.loads(line)["title"] for line in lines] == [a.title for a in expected]


def test_results_keep_failures(client: object, crawl: Path) -> None:
    (crawl / "zz-broken.json").write_text("{", encoding="utf-8")
    results = nd.results([crawl]).compute()
    assert [r.failure is None for r in results].count(False) == 1
    with pytest.raises(newsparse.ReadError):
        nd.articles([crawl]).compute()
    assert len(nd.articles([crawl], on_error="skip").compute()) == 10


def test_to_text(client: object, crawl: Path) -> None:
    texts = nd.to_text(nd.articles([crawl], glob="*.wire.txt"), "wire").compute()
    assert len(texts) == 6
    assert all(t.startswith(" date 2024-04-0") for t in texts)


# ---------------------------------------------------------------------------
# archives where they live: served over HTTP with Range requests, in byte-range partitions

fsspec = pytest.importorskip("fsspec")
pytest.importorskip("aiohttp")
pytest.importorskip("warcio")

from _archives import archive  # noqa: E402
from _range_server import RangeServer, serving  # noqa: E402

BROKEN = frozenset({11, 70})
GZ = archive(120, broken=BROKEN)
PLAIN = archive(120, gzip=False, broken=BROKEN)
CUT = GZ[: len(GZ) * 3 // 4]

warcio_leaks = pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)


@pytest.fixture(scope="module")
def server() -> Iterator[RangeServer]:
    with serving({"/a.warc.gz": GZ, "/a.warc": PLAIN, "/cut.warc.gz": CUT}) as srv:
        yield srv


def seen(results: list[newsparse.batch.Result]) -> list[tuple[object, ...]]:
    return [
        (r.record, r.article, r.failure and (r.failure.record, r.failure.message)) for r in results
    ]


@warcio_leaks
@pytest.mark.parametrize("name", ["a.warc.gz", "a.warc", "cut.warc.gz"])
def test_one_remote_archive_in_several_partitions_gives_the_local_records(
    client: object, server: RangeServer, tmp_path: Path, name: str
) -> None:
    data = server.files[f"/{name}"]
    local = tmp_path / name
    local.write_bytes(data)
    expected = list(iter_articles([local], jobs=1))
    url = f"{server.url}/{name}"
    server.clear()
    bag = nd.results([url], partition_size=len(data) // 4)
    assert bag.npartitions >= 4
    got = bag.compute()
    assert seen(got) == seen(expected)  # every record once, in order, numbered as locally
    assert {r.input for r in got} == {url}
    failures = [r.failure for r in got if r.failure]
    if name == "cut.warc.gz":
        assert "Compressed file ended" in failures[-1].message
    else:
        assert [f.record for f in failures] == sorted(BROKEN)
    # ranged reads: the workers fetched about the archive once, not once each
    assert sum(r.sent for r in server.served(f"/{name}")) < 2.5 * len(data)
    articles = nd.articles([url], partition_size="100KiB", on_error="skip").compute()
    assert articles == [r.article for r in expected if r.article is not None]


def test_partition_sizes() -> None:
    from newsparse.dask import _bytes

    assert _bytes("64MiB") == 64 << 20
    assert _bytes("128MB") == 128_000_000
    assert _bytes("1.5 KiB") == 1536
    assert _bytes(None) is None
    for bad in ("lots", 0, -1, "0B"):
        with pytest.raises(ValueError, match="partition_size"):
            _bytes(bad)  # type: ignore[arg-type]


def test_write_to_a_url_puts_each_file_in_place_when_complete(crawl: Path) -> None:
    import dask

    memory = fsspec.filesystem("memory")
    root = "memory://newsparse-dask/out"
    try:
        with dask.config.set(scheduler="sync"):  # memory:// is this process's
            bag = nd.articles([crawl])
            names = nd.write(bag, root + "/part-*.jsonl")
            assert names == [f"{root}/part-{i}.jsonl" for i in range(7)]
            assert sorted(memory.ls("/newsparse-dask/out", detail=False)) == sorted(
                n.removeprefix("memory:/") for n in names
            )
            text = "".join(memory.cat(n).decode() for n in names)
            assert [json.loads(line)["title"] for line in text.splitlines()] == [
                a.title for a in bag.compute()
            ]
            before = memory.cat(names[0])
            with pytest.raises(newsparse.WriteError, match="holds one article per document"):
                nd.write(nd.articles([crawl / "dump.jsonl"]), root + "/part-*.jsonl", format="json")
            assert memory.cat(names[0]) == before
            listed = memory.ls("/newsparse-dask/out", detail=False)
            assert not [n for n in listed if n.rsplit("/", 1)[1].startswith(".")]  # no temp files
    finally:
        memory.rm("/newsparse-dask", recursive=True)
