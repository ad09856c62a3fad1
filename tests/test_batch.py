"""Batch conversion: folders, JSON Lines, WARC archives, worker processes, reports."""

from __future__ import annotations

import io
import json
import pickle
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import newsparse
from newsparse import Article, Author, Paragraph
from newsparse.batch import convert_many, iter_articles
from newsparse.cli import main


def article(i: int) -> Article:
    return Article(
        f"Ferry timetable changes, part {i}",
        section="Local",
        authors=[Author("Mara Quint")],
        published=datetime(2024, 3, 5, 9, i % 60, tzinfo=ZoneInfo("America/New_York")),
        body=[Paragraph(f"Paragraph {i} about the ferries — “on time” again.")],
        tags=["ferries", "Portvale"],
        extras={"wire.date": "2024-03-05"},
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for i in range(12):
        where = root / "sub" if i % 3 == 0 else root
        (where / f"story-{i:02d}.wire.txt").write_text(
            newsparse.write(article(i), "wire"), encoding="utf-8"
        )
    return root


def titles(jsonl: str) -> list[str]:
    return [json.loads(line)["title"] for line in jsonl.splitlines()]


def test_folder_to_jsonl_in_input_order(folder: Path, tmp_path: Path) -> None:
    out1 = tmp_path / "one.jsonl"
    out2 = tmp_path / "two.jsonl"
    r1 = convert_many([folder], "jsonl", output=out1, jobs=1, progress=False)
    r2 = convert_many([folder], "jsonl", output=out2, jobs=2, progress=False)
    assert (r1.converted, r1.failed) == (12, 0)
    assert r1.ok
    assert out1.read_bytes() == out2.read_bytes()
    expected = sorted(folder.glob("**/*"))
    expected_titles = [newsparse.read(p).title for p in expected if p.is_file()]
    assert titles(out1.read_text(encoding="utf-8")) == expected_titles
    assert r2.outputs == (str(out2),)


def test_failures_are_reported_and_counted(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.json").write_text('{"title": 3}', encoding="utf-8")
    (folder / "also-broken.json").write_text("{", encoding="utf-8")
    report = tmp_path / "errors.jsonl"
    seen = []
    result = convert_many(
        [folder],
        "jsonl",
        output=tmp_path / "out.jsonl",
        jobs=2,
        errors=report,
        progress=False,
        on_failure=seen.append,
    )
    assert (result.converted, result.failed) == (12, 2)
    assert not result.ok
    rows = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["input"]).name for r in rows] == ["also-broken.json", "broken.json"]
    assert rows[0]["error"] == "ParseError"
    assert rows[0]["line"] == 1
    assert "$.title" in rows[1]["message"]
    assert seen == list(result.failures)


def test_fail_fast_raises(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(newsparse.ReadError, match=r"broken\.json"):
        convert_many([folder], "jsonl", output=tmp_path / "o.jsonl", on_error="raise", jobs=1)


def test_folder_output_one_file_per_article(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = convert_many([folder], "json", output=str(out) + "/", jobs=1, progress=False)
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 12
    assert names[0] == "story-00.wire.json"
    assert len(result.outputs) == 12
    again = newsparse.read(out / "story-05.wire.json")
    assert again == newsparse.read(folder / "story-05.wire.txt")


def test_single_document_format_refuses_several(folder: Path, tmp_path: Path) -> None:
    with pytest.raises(newsparse.WriteError, match="one article per document"):
        convert_many([folder], "json", output=tmp_path / "all.json", jobs=1)


def test_jsonl_input_records(tmp_path: Path) -> None:
    lines = [newsparse.write(article(i), "jsonl") for i in range(3)]
    lines.insert(2, "{not json}\n")
    src = tmp_path / "dump.jsonl"
    src.write_text("".join(lines), encoding="utf-8")
    results = list(iter_articles([src], jobs=1))
    assert [r.record for r in results] == [0, 1, 2]
    assert results[2].failure is not None
    assert results[2].failure.line == 3


def test_iter_articles_yields_results_in_order(folder: Path) -> None:
    results = list(iter_articles(folder, jobs=2))
    assert len(results) == 12
    assert all(r.article is not None and r.record is None for r in results)
    assert [Path(r.input) for r in results] == sorted(p for p in folder.glob("**/*") if p.is_file())


def test_articles_pickle(folder: Path) -> None:
    for result in iter_articles(folder, jobs=1):
        assert result.article is not None
        assert pickle.loads(pickle.dumps(result.article)) == result.article


def test_progress_bar_on_request(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    list(iter_articles(folder, jobs=1, progress=True))
    err = capsys.readouterr().err
    assert "12" in err
    assert "articles" in err


def test_cli_batch(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "broken.json").write_text("{", encoding="utf-8")
    out = tmp_path / "all.jsonl"
    errors = tmp_path / "errors.jsonl"
    code = main(
        ["convert", str(folder), "--to", "jsonl", "-o", str(out), "--jobs", "2",
         "--errors", str(errors), "--no-progress"]
    )  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err
    assert "broken.json:1:2: [json]" in err
    assert "converted 12, failed 1" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 12
    assert len(errors.read_text(encoding="utf-8").splitlines()) == 1


def test_cli_glob(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "subset.jsonl"
    assert main(["convert", str(folder), "--glob", "sub/*", "--to", "jsonl", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4


def test_stdin_batch(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = "".join(newsparse.write(article(i), "wire") for i in range(3))
    fake = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", fake)
    assert main(["convert", "-", "--from", "wire", "--to", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], *, gzip: bool = True) -> None:
    """A small WARC(.gz) of our own pages: (url, payload, content type) per response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        info = writer.create_warcinfo_record("crawl.warc.gz", {"software": "tests"})
        writer.write_record(info)
        for url, payload, content_type in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)
            request = writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True),
            )
            writer.write_record(request)


def page(title: str, paragraph: str) -> str:
    return (
        f"<!doctype html><html lang='fr'><head><title>{title}</title>"
        f"<meta property='og:title' content='{title}'></head><body><article>"
        f"<h1>{title}</h1><p>{paragraph}</p><p>{paragraph} Encore.</p></article></body></html>"
    )


# warcio's writer leaves a SpooledTemporaryFile per record to the garbage collector
WARCIO_WRITER_LEAKS = pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)


@WARCIO_WRITER_LEAKS
@pytest.mark.parametrize("jobs", [1, 2])
def test_warc_records_become_articles(tmp_path: Path, jobs: int) -> None:
    pytest.importorskip("warcio")
    pages = [
        ("https://news.example/a", page("Le port rouvre", "Les ferries — enfin.").encode(),
         "text/html; charset=utf-8"),
        ("https://news.example/logo.png", b"\x89PNG...", "image/png"),
        ("https://news.example/b", page("Crème brûlée", "Ça coûte cher.").encode("cp1252"),
         "text/html; charset=windows-1252"),
    ]  # fmt: skip
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, pages)
    out = tmp_path / "out.jsonl"
    result = convert_many([warc], "jsonl", output=out, jobs=jobs, progress=False)
    assert (result.converted, result.failed) == (2, 0)
    assert result.skipped == 5  # warcinfo, the image, three requests
    articles = list(newsparse.read_many(out, "jsonl"))
    assert [a.title for a in articles] == ["Le port rouvre", "Crème brûlée"]
    assert articles[1].body[0].text == "Ça coûte cher."  # type: ignore[union-attr]
    assert articles[0].extras["warc.target_uri"] == "https://news.example/a"
    assert articles[0].extras["warc.record_id"].startswith("<urn:uuid:")
    assert articles[0].url == "https://news.example/a"


@WARCIO_WRITER_LEAKS
@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("keep", [0.02, 0.3, 0.5, 0.8, 0.99])
def test_truncated_warc_keeps_what_it_has_and_reports_the_cut(
    tmp_path: Path, keep: float, gzip: bool
) -> None:
    pytest.importorskip("warcio")
    warc = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    pages = [(f"https://news.example/{i}", page(f"T{i}", "P.").encode(), "text/html")
             for i in range(3)]  # fmt: skip
    write_warc(warc, pages, gzip=gzip)
    data = warc.read_bytes()
    warc.write_bytes(data[: int(len(data) * keep)])
    results = list(iter_articles([warc], jobs=1))
    assert results[-1].failure is not None
    assert "not a readable WARC archive" in results[-1].failure.message
    assert all(r.article is not None for r in results[:-1])
    assert [r.article.title for r in results[:-1] if r.article] == [
        f"T{i}" for i in range(len(results) - 1)
    ]


@WARCIO_WRITER_LEAKS
@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_large_warc_read_in_ranges_equals_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gzip: bool
) -> None:
    pytest.importorskip("warcio")
    from newsparse.batch import _warc

    monkeypatch.setattr(_warc, "_MIN_RANGE", 2000)  # many small ranges on a small archive
    pages = []
    for i in range(40):
        body = f"Paragraph {i} — “quoted” text with some length to it. " * (1 + i % 5)
        if i % 9 == 4:  # a page that quotes a WARC header must not be taken for a record
            body += "\nWARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12\r\n\r\n"
        pages.append((f"https://news.example/{i}", page(f"Story {i}", body).encode(), "text/html"))
    pages.insert(7, ("https://news.example/img.png", b"\x89PNG", "image/png"))
    warc = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_warc(warc, pages, gzip=gzip)
    assert len(_warc.warc_ranges(warc, 8) or []) > 4
    one = list(iter_articles([warc], jobs=1))
    two = list(iter_articles([warc], jobs=2))
    assert [(r.record, r.article) for r in two] == [(r.record, r.article) for r in one]
    assert [r.record for r in two] == list(range(40))
    r1 = convert_many([warc], "jsonl", output=tmp_path / "a.jsonl", jobs=1, progress=False)
    r2 = convert_many([warc], "jsonl", output=tmp_path / "b.jsonl", jobs=2, progress=False)
    assert (
        (r1.converted, r1.skipped) == (r2.converted, r2.skipped) == (40, 43)
    )  # warcinfo, the image, 41 requests
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


@WARCIO_WRITER_LEAKS
@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_truncated_warc_in_ranges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gzip: bool
) -> None:
    pytest.importorskip("warcio")
    from newsparse.batch import _warc

    monkeypatch.setattr(_warc, "_MIN_RANGE", 2000)
    pages = [(f"https://news.example/{i}", page(f"T{i}", "P. " * 50).encode(), "text/html")
             for i in range(20)]  # fmt: skip
    warc = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_warc(warc, pages, gzip=gzip)
    data = warc.read_bytes()
    warc.write_bytes(data[: int(len(data) * 0.8)])
    one = list(iter_articles([warc], jobs=1))
    two = list(iter_articles([warc], jobs=2))
    assert [r.article for r in two] == [r.article for r in one]
    assert two[-1].failure is not None


def test_hidden_files_and_folders_are_not_inputs(folder: Path) -> None:
    (folder / ".cache").mkdir()
    (folder / ".cache" / "junk.wire.txt").write_text("x", encoding="utf-8")
    (folder / ".hidden.wire.txt").write_text("x", encoding="utf-8")
    assert len(list(iter_articles([folder], jobs=1))) == 12


@WARCIO_WRITER_LEAKS
def test_truncated_uncompressed_warc_is_reported(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = tmp_path / "crawl.warc"
    with open(warc, "wb") as f:
        writer = WARCWriter(f, gzip=False)
        for i in range(3):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            body = page(f"T{i}", "P. " * 200).encode()
            record = writer.create_warc_record(
                f"https://news.example/{i}", "response", payload=io.BytesIO(body),
                http_headers=headers,
            )  # fmt: skip
            writer.write_record(record)
    data = warc.read_bytes()
    warc.write_bytes(data[:-5])
    results = list(iter_articles([warc], jobs=1))
    assert [r.article.title for r in results if r.article] == ["T0", "T1"]
    assert results[-1].failure is not None
    assert "ends inside a record" in results[-1].failure.message


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_plugins_registered_in_code_reach_the_workers(
    memo_plugin: str, tmp_path: Path, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    from newsparse.batch import _runner

    context = multiprocessing.get_context(method)
    monkeypatch.setattr(_runner.multiprocessing, "get_context", lambda *_: context)
    for i in range(4):
        (tmp_path / f"{i}.memo").write_text(f"title: Memo {i}\n", encoding="utf-8")
    results = list(iter_articles([tmp_path], jobs=2))
    assert [r.article.title for r in results if r.article] == [f"Memo {i}" for i in range(4)]


@WARCIO_WRITER_LEAKS
@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_cut_anywhere_is_reported_unless_cut_between_records(
    tmp_path: Path, gzip: bool
) -> None:
    pytest.importorskip("warcio")
    from warcio.archiveiterator import ArchiveIterator

    pages = [(f"https://news.example/{i}", page(f"T{i}", "P. " * 20).encode(), "text/html")
             for i in range(2)]  # fmt: skip
    warc = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_warc(warc, pages, gzip=gzip)
    data = warc.read_bytes()
    records = ArchiveIterator(io.BytesIO(data))
    boundaries = set()
    for record in records:
        record.content_stream().read()
        start, length = records.get_record_offset(), records.get_record_length()
        # a cut at the start of a record, or in the blank line after one (uncompressed)
        boundaries.update({start} if gzip else {start, *range(start + length, start + length + 5)})
    for cut in range(1, len(data), 3):
        warc.write_bytes(data[:cut])
        results = list(iter_articles([warc], jobs=1))
        if cut in boundaries:
            continue
        assert results, cut
        assert results[-1].failure is not None, cut
        assert "WARC" in results[-1].failure.message or "archive" in results[-1].failure.message


@WARCIO_WRITER_LEAKS
@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_broken_record_costs_one_record_in_ranges_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gzip: bool
) -> None:
    pytest.importorskip("warcio")
    import gzip as gzip_module
    import re

    from newsparse.batch import _warc

    monkeypatch.setattr(_warc, "_MIN_RANGE", 2000)
    parts = []
    for i in range(20):
        one = tmp_path / f"r{i}.warc"
        write_warc(one, [(f"https://news.example/{i}", page(f"T{i}", "P. " * 60).encode(),
                          "text/html")], gzip=gzip)  # fmt: skip
        parts.append(one.read_bytes())
    raw = gzip_module.decompress(parts[7]) if gzip else parts[7]
    # the response record (after warcinfo) declares an absurd length
    head, _, rest = raw.partition(b"WARC-Type: response")
    rest = re.sub(rb"Content-Length: \d+", b"Content-Length: " + b"9" * 30, rest, count=1)
    raw = head + b"WARC-Type: response" + rest
    parts[7] = gzip_module.compress(raw) if gzip else raw
    warc = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    warc.write_bytes(b"".join(parts))
    assert len(_warc.warc_ranges(warc, 8) or []) > 4
    one = list(iter_articles([warc], jobs=1))
    two = list(iter_articles([warc], jobs=2))
    assert [(r.record, r.article, r.failure) for r in two] == [
        (r.record, r.article, r.failure) for r in one
    ]
    titles = [r.article.title for r in one if r.article]
    assert titles == [f"T{i}" for i in range(20) if i != 7]
    assert [r.record for r in one if r.failure] == [7]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_writer_error_in_folder_mode_fails_that_article_only(tmp_path: Path, jobs: int) -> None:
    stories = [
        Article("Ferry on time", body=[Paragraph("Left at six.")]),
        Article("Ferry late", body=[Paragraph("A control character \x00 here.")]),
        Article("Ferry early", body=[Paragraph("Left at five.")]),
    ]
    source = tmp_path / "dump.jsonl"
    source.write_text("".join(newsparse.write(a, "jsonl") for a in stories), encoding="utf-8")
    with pytest.raises(newsparse.WriteError):
        newsparse.write(stories[1], "markdown")  # the writer refuses U+0000
    out = tmp_path / "out"
    report = tmp_path / "errors.jsonl"
    result = convert_many(
        [source], "markdown", output=f"{out}/", jobs=jobs, errors=report, progress=False
    )
    assert (result.converted, result.failed) == (2, 1)
    assert sorted(p.name for p in out.iterdir()) == ["dump-000000.md", "dump-000002.md"]
    (failure,) = result.failures
    assert (failure.record, failure.error, failure.format) == (1, "WriteError", "markdown")
    assert json.loads(report.read_text(encoding="utf-8"))["record"] == 1
    with pytest.raises(newsparse.WriteError):
        convert_many([source], "markdown", output=f"{tmp_path}/again/", on_error="raise")
    code = main(["convert", str(source), "--to", "markdown", "-o", f"{tmp_path}/cli/"])
    assert code == 1
    assert len(list((tmp_path / "cli").iterdir())) == 2
