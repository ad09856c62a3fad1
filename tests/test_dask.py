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
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
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
