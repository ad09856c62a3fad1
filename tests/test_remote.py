"""Inputs named by URL: an HTTP server on 127.0.0.1 with Range requests, fsspec's memory
file system, path lists, storage options, missing packages, and no network while reading.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsparse
from newsparse import Article, Paragraph
from newsparse.batch import _inputs, _remote, _warc, convert_many, iter_articles, read_path_list
from newsparse.batch._types import Item
from newsparse.cli import main

pytest.importorskip("warcio")
fsspec = pytest.importorskip("fsspec")
pytest.importorskip("aiohttp")

from _archives import archive  # noqa: E402
from _range_server import RangeServer, serving  # noqa: E402

# warcio's writer leaves spooled temp files to the garbage collector
pytestmark = pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

BROKEN = frozenset({7, 61})  # responses whose Content-Length runs 1 GB past their record
GZ = archive(150, broken=BROKEN)
PLAIN = archive(150, gzip=False, broken=BROKEN)
CUT = GZ[: len(GZ) * 2 // 3]  # cut inside a gzip member


@pytest.fixture(scope="module")
def server() -> Iterator[RangeServer]:
    files = {"/crawl/a.warc.gz": GZ, "/crawl/a.warc": PLAIN, "/crawl/cut.warc.gz": CUT}
    with serving(files) as srv:
        yield srv


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("local")
    (root / "a.warc.gz").write_bytes(GZ)
    (root / "a.warc").write_bytes(PLAIN)
    (root / "cut.warc.gz").write_bytes(CUT)
    return root


def seen(results: list[newsparse.batch.Result]) -> list[tuple[object, ...]]:
    """What a run gives, whatever its input was called."""
    return [
        (r.record, r.article, r.failure and (r.failure.record, r.failure.message)) for r in results
    ]


@pytest.mark.parametrize("name", ["a.warc.gz", "a.warc", "cut.warc.gz"])
def test_an_archive_over_http_reads_as_the_local_file(
    server: RangeServer, local: Path, name: str
) -> None:
    expected = list(iter_articles([local / name], jobs=1))
    got = list(iter_articles([f"{server.url}/crawl/{name}"], jobs=1))
    assert seen(got) == seen(expected)
    assert {r.input for r in got} == {f"{server.url}/crawl/{name}"}
    failures = [r.failure for r in got if r.failure]
    if name == "cut.warc.gz":
        assert "Compressed file ended before the end" in failures[-1].message
        assert len(got) < 150  # the records before the cut, and the cut
    else:
        assert [f.record for f in failures] == sorted(BROKEN)
        assert len(got) == 150


def test_two_jobs_split_a_remote_archive_into_ranges(server: RangeServer, local: Path) -> None:
    url = f"{server.url}/crawl/a.warc"
    assert len(_warc.warc_ranges(url, 32) or []) >= 2  # over 1 MB: split
    expected = list(iter_articles([local / "a.warc"], jobs=1))
    assert seen(list(iter_articles([url], jobs=2))) == seen(expected)


def spans_of(data: bytes, step: int) -> list[_warc.Span]:
    spans = _warc.warc_ranges("x", step=step, known=(data[:5], len(data)))
    assert spans is not None
    return spans


@pytest.mark.parametrize("name", ["a.warc.gz", "a.warc"])
def test_each_range_reads_its_own_bytes_and_the_ranges_give_every_record_once(
    server: RangeServer, local: Path, name: str
) -> None:
    data = archive(150, gzip=name.endswith(".gz"))  # no broken record: a resync reads back
    url = f"{server.url}/clean/{name}"
    server.files[f"/clean/{name}"] = data
    (local / "clean").mkdir(exist_ok=True)
    (local / "clean" / name).write_bytes(data)
    longest = 4 * len(archive(1, gzip=False))  # a record, generously
    results = []
    spans = spans_of(data, -(-len(data) // 5))
    assert len(spans) == 5
    assert {s.end - s.start for s in spans} <= {len(data) // 5, len(data) // 5 + 1}
    for span in spans:
        server.clear()
        got, _ = _inputs.read(Item(name=url, path=url, warc_range=span), {})
        results.extend(_inputs.renumber(got, len(results))[0])
        block = _warc.range_block(span)
        requests = server.served(f"/clean/{name}")
        assert requests, "a range is read from the server"
        for request in requests:
            assert request.method == "GET"  # the size was known: no HEAD
            assert request.start >= span.start - 1
            assert request.start + request.sent <= span.end + longest + 2 * block
        assert sum(r.sent for r in requests) <= span.end - span.start + longest + 2 * block
    assert seen(results) == seen(list(iter_articles([local / "clean" / name], jobs=1)))


def test_a_server_without_ranges_fails_the_ranges_instead_of_sending_everything(
    local: Path,
) -> None:
    with serving({"/a.warc.gz": GZ}, ranges=False) as srv:
        url = f"{srv.url}/a.warc.gz"
        spans = spans_of(GZ, len(GZ) // 3)
        later, _ = _inputs.read(Item(name=url, path=url, warc_range=spans[1]), {})
        assert len(later) == 1
        assert later[0].failure is not None
        assert "range requests" in later[0].failure.message
        assert sum(r.sent for r in srv.served()) <= len(GZ)  # one answer, cut short


def test_storage_options_reach_the_file_system(local: Path, tmp_path: Path) -> None:
    with serving({"/a.warc.gz": GZ}, token="s3cr3t") as srv:
        url = f"{srv.url}/a.warc.gz"
        refused = list(iter_articles([url], jobs=1))
        assert len(refused) == 1
        assert "refused" in refused[0].failure.message
        options = {"headers": {"Authorization": "Bearer s3cr3t"}}
        got = list(iter_articles([url], jobs=1, storage_options=options))
        assert seen(got) == seen(list(iter_articles([local / "a.warc.gz"], jobs=1)))
        srv.clear()
        out = tmp_path / "out.jsonl"
        option = 'headers={"Authorization": "Bearer s3cr3t"}'
        code = main(["convert", url, "--to", "jsonl", "-o", str(out), "--storage-option", option])
        assert code == 1  # the broken records
        assert len(out.read_text(encoding="utf-8").splitlines()) == 150 - len(BROKEN)
        assert {r.authorization for r in srv.served()} == {"Bearer s3cr3t"}


def test_a_path_list_names_archives_relative_to_a_base(
    server: RangeServer, local: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "warc.paths.gz"
    listing.write_bytes(gzip.compress(b"crawl/a.warc.gz\n\n# the plain one\ncrawl/a.warc\n"))
    base = server.url + "/"
    assert read_path_list(listing, base=base) == [
        f"{server.url}/crawl/a.warc.gz",
        f"{server.url}/crawl/a.warc",
    ]
    out = tmp_path / "all.jsonl"
    code = main(["convert", "-I", str(listing), "--base", base, "--to", "jsonl", "-o", str(out)])
    assert code == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 * (150 - len(BROKEN))
    # the list itself by URL, and entries that are URLs or absolute already
    with serving({"/warc.paths": b"crawl/a.warc\nhttps://elsewhere.example/b.warc\n"}) as lists:
        entries = read_path_list(f"{lists.url}/warc.paths", base="s3://commoncrawl")
    assert entries == ["s3://commoncrawl/crawl/a.warc", "https://elsewhere.example/b.warc"]
    assert read_path_list(listing) == ["crawl/a.warc.gz", "crawl/a.warc"]
    with pytest.raises(newsparse.ReadError, match="no such file"):
        read_path_list(f"{server.url}/nothing.paths")
    assert main(["convert", "--to", "jsonl"]) == 2  # neither an input nor a list


@pytest.fixture
def memory() -> Iterator[str]:
    fs = fsspec.filesystem("memory")
    root = "memory://newsparse-tests/crawl"
    stories = [
        Article(f"Tide tables, part {i}", body=[Paragraph("High water at 6.")]) for i in range(3)
    ]
    fs.pipe(f"{root}/dump.jsonl", "".join(newsparse.write(a, "jsonl") for a in stories).encode())
    fs.pipe(f"{root}/sub/one.wire.txt", newsparse.write(stories[0], "wire").encode())
    fs.pipe(f"{root}/.hidden/skip.json", b"{")
    fs.pipe(f"{root}/archive.warc.gz", GZ)
    yield root
    fs.rm("/newsparse-tests", recursive=True)


def test_memory_urls_folders_and_globs(memory: str, local: Path) -> None:
    got = list(iter_articles([memory + "/"], jobs=1))
    names = [r.input.rsplit("/crawl/", 1)[1] for r in got]
    assert names == ["archive.warc.gz"] * 150 + ["dump.jsonl"] * 3 + ["sub/one.wire.txt"]
    assert seen(got[:150]) == seen(list(iter_articles([local / "a.warc.gz"], jobs=1)))
    assert [r.article.title for r in got[150:]] == [
        "Tide tables, part 0",
        "Tide tables, part 1",
        "Tide tables, part 2",
        "Tide tables, part 0",
    ]
    globbed = list(iter_articles([memory + "/*.jsonl"], jobs=1))
    assert [r.record for r in globbed] == [0, 1, 2]
    missing = list(iter_articles([memory + "/nothing.json"], jobs=1))
    assert missing[0].failure is not None
    assert missing[0].failure.message == "no such file"
    assert next(iter(iter_articles(["file://" + str(local / "a.warc.gz")], jobs=1))).record == 0


def test_a_remote_file_is_streamed_under_the_size_limit(memory: str) -> None:
    fs = fsspec.filesystem("memory")
    big = f"{memory}/big.wire.txt"
    fs.pipe(big, newsparse.write(Article("Long", body=[Paragraph("x" * 200_000)]), "wire").encode())
    got = list(iter_articles([big], jobs=1, read_options={"max_size": 5000}))
    assert got[0].failure is not None
    assert "over the 5,000 limit" in got[0].failure.message


@pytest.mark.parametrize(
    ("url", "missing", "extra"),
    [
        ("s3://commoncrawl/crawl-data/x.warc.gz", "s3fs", "s3"),
        ("gs://bucket/x.warc.gz", "gcsfs", "gcs"),
        ("https://data.example/x.warc.gz", "aiohttp", "remote"),
        ("s3://commoncrawl/x.warc.gz", "fsspec", "s3"),
    ],
)
def test_a_url_without_its_package_names_the_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    url: str,
    missing: str,
    extra: str,
) -> None:
    registry = sys.modules["fsspec.registry"]
    monkeypatch.setattr(registry, "_registry", {})  # the classes imported already
    gone = {"fsspec", "fsspec.core"} if missing == "fsspec" else {missing}
    for module in list(sys.modules):
        if module.startswith((missing, "fsspec.implementations.http")):
            monkeypatch.delitem(sys.modules, module)
    for module in gone:
        monkeypatch.setitem(sys.modules, module, None)  # its import fails
    with pytest.raises(newsparse.ReadError, match=rf"pip install 'newsparse\[{extra}\]'"):
        iter_articles([url])
    with pytest.raises(newsparse.ReadError, match=rf"newsparse\[{extra}\]"):
        convert_many([url], "jsonl", output=io.StringIO())
    assert main(["convert", url, "--to", "jsonl"]) == 2
    assert f"newsparse[{extra}]" in capsys.readouterr().err


def test_unknown_protocols_and_url_outputs_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(newsparse.ReadError, match="unknown URL protocol 'nosuch'"):
        iter_articles(["nosuch://x/y.html"])
    with pytest.raises(ValueError, match="is a URL"):
        convert_many([tmp_path], "jsonl", output="s3://bucket/out.jsonl")


def test_anonymous_options_per_protocol() -> None:
    assert _remote.anonymous("s3://commoncrawl/x") == {"anon": True}
    assert _remote.anonymous("gs://bucket/x") == {"token": "anon"}
    assert _remote.anonymous("https://data.commoncrawl.org/x") == {}


def test_names_of_urls() -> None:
    assert _remote.is_url("s3://b/k")
    assert _remote.is_url("simplecache::s3://b/k")
    assert not _remote.is_url("C:/crawl/a.warc")
    assert not _remote.is_url("crawl/a.warc")
    assert _remote.name("https://h/p/a.warc.gz?x=1") == "a.warc.gz"
    assert _remote.local_path("file:///tmp/a%20b.html") == "/tmp/a b.html"


def test_reading_never_opens_the_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Pages full of URLs (links, images, a schema.org context, a DTD, an external entity,
    a feed's enclosures) are read with every way out of this process closed."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the network was opened while reading")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    html = (
        "<!doctype html><html><head><base href='https://cdn.example/'>"
        "<link rel='canonical' href='https://news.example/tide'>"
        "<link rel='stylesheet' href='https://cdn.example/a.css'>"
        "<script src='https://cdn.example/a.js'></script>"
        "<meta http-equiv='refresh' content='0; url=https://news.example/other'>"
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Tide tables", "image": "https://img.example/1.jpg"}'
        "</script></head><body><article><h1>Tide tables</h1>"
        "<img src='https://img.example/2.jpg' srcset='https://img.example/3.jpg 2x'>"
        "<iframe src='https://video.example/embed'></iframe>"
        "<p>High water at six, <a href='https://news.example/more'>more</a>.</p>"
        "</article></body></html>"
    )
    assert newsparse.read(html.encode(), "html").title == "Tide tables"
    nitf = (
        '<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "https://dtd.example/nitf.dtd">'
        "<nitf><head><title>Tide tables</title></head><body><body.head><hedline><hl1>"
        "Tide tables</hl1></hedline></body.head><body.content><p>High water.</p>"
        "</body.content></body></nitf>"
    )
    with contextlib.suppress(newsparse.ReadError):  # refusing the DTD is fine: fetching is not
        assert newsparse.read(nitf, "nitf").title == "Tide tables"
    entity = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "https://x.example/e">]>'
        "<rss><channel><item><title>&e;</title></item></channel></rss>"
    )
    with pytest.raises(newsparse.ReadError):
        newsparse.read(entity, "rss")
    article = Article(
        "Tide tables",
        url="https://news.example/tide",
        body=[Paragraph("High water at six.")],
        extras={"test.see": "https://news.example/more"},
    )
    for spec in newsparse.formats():
        if spec.can_write and spec.can_read:
            newsparse.read(newsparse.write(article, spec.name), spec.name)
    warc = tmp_path / "a.warc.gz"
    warc.write_bytes(GZ)
    assert len(list(iter_articles([warc], jobs=1))) == 150


def test_only_the_url_layer_imports_network_modules() -> None:
    """No reader can fetch anything: only batch/_remote.py (and the outputs and Dask
    helpers through it) reaches fsspec, and nothing imports a network client itself."""
    import ast

    src = Path(newsparse.__file__).parent
    network = {"socket", "urllib.request", "http.client", "requests", "aiohttp", "httpx", "ftplib"}
    allowed = {
        "batch/_remote.py": {"fsspec", "fsspec.core", "fsspec.utils"},
        "dask.py": {"fsspec.utils"},
    }
    for path in sorted(src.rglob("*.py")):
        name = path.relative_to(src).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = []
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules = [node.module]
            for module in modules:
                top = module.split(".")[0]
                assert module not in network, (name, module)
                assert top not in network, (name, module)
                if top == "fsspec":
                    assert module in allowed.get(name, set()), (name, module)


def test_standard_input_is_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "".join(newsparse.write(Article(f"Tide {i}"), "jsonl") for i in range(20_000))
    raw = io.BytesIO(lines.encode("utf-8"))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    results = iter_articles(["-"], jobs=1)
    assert next(results).article.title == "Tide 0"
    assert raw.tell() < len(raw.getvalue()) // 4  # read as it goes, not whole
    assert sum(1 for _ in results) == 19_999


@pytest.mark.parametrize("jobs", [1, 2])
def test_standard_input_keeps_the_limits_and_the_decode_errors(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, jobs: int
) -> None:
    big = newsparse.write(Article("Long", body=[Paragraph("x" * 2_000_000)]), "wire")
    raw = io.BytesIO(big.encode())
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    (failed,) = iter_articles(["-"], jobs=jobs, from_format="wire", read_options={"max_size": 5000})
    assert failed.failure is not None
    assert "over the 5,000 limit" in failed.failure.message
    assert raw.tell() < 200_000  # the limit and a block, not two megabytes
    bad = ("".join(newsparse.write(Article(f"T {i}"), "jsonl") for i in range(3000))).encode()
    bad = bad[:40_000] + b"\xff" + bad[40_000:]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(bad)
    by_path = [r.failure for r in iter_articles([path], jobs=1) if r.failure]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(bad), encoding="utf-8"))
    by_stdin = [r.failure for r in iter_articles(["-"], jobs=jobs) if r.failure]
    assert [f.message for f in by_stdin] == [f.message for f in by_path]
    assert "offset 40000" in by_path[0].message
    empty = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", empty)
    (nothing,) = iter_articles(["-"], jobs=jobs, from_format="jsonl")
    assert nothing.failure is not None
    assert "the input is empty" in nothing.failure.message


def test_a_path_list_that_is_broken_is_one_clear_error(tmp_path: Path) -> None:
    listing = tmp_path / "warc.paths.gz"
    listing.write_bytes(b"not gzip at all")
    with pytest.raises(newsparse.ReadError, match="cannot read the path list"):
        read_path_list(listing)
    assert main(["convert", "-I", str(listing), "--to", "jsonl"]) == 2
    assert json.loads(json.dumps(read_path_list.__doc__ is not None))


class _Store(fsspec.AbstractFileSystem):
    """An object store in memory: a file is an upload in parts, visible once committed."""

    protocol = ("teststore",)
    objects: dict[str, bytes] = {}  # noqa: RUF012 - shared on purpose, as a bucket is
    root_marker = ""

    def _open(self, path: str, mode: str = "rb", **kwargs: object) -> object:
        if mode == "rb":
            return io.BytesIO(self.objects[path])
        return _Upload(self, path, mode, **kwargs)

    def rm(self, path: str, recursive: bool = False, maxdepth: object = None) -> None:
        self.objects.pop(path, None)


class _Upload(fsspec.spec.AbstractBufferedFile):
    def _initiate_upload(self) -> None:
        self.parts: list[bytes] = []

    def _upload_chunk(self, final: bool = False) -> bool:
        self.parts.append(self.buffer.getvalue())
        if self.autocommit and final:
            self.commit()
        return True

    def commit(self) -> None:
        self.fs.objects[self.path] = b"".join(self.parts)

    def discard(self) -> None:
        self.parts = []


def write_half(url: str, check: object = None) -> None:
    from newsparse.batch import _output

    with _output.open_output(url) as f:
        f.write("half a file")
        if callable(check):
            check()
        raise RuntimeError("the writer failed")


def test_an_output_url_is_in_place_only_when_complete(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsparse.batch import _output

    monkeypatch.setattr(_remote, "OBJECT_STORES", _remote.OBJECT_STORES | {"teststore"})
    fsspec.register_implementation("teststore", _Store, clobber=True)
    _Store.objects.clear()
    _Store.objects["out/part-0.jsonl"] = b"earlier\n"
    with pytest.raises(RuntimeError):
        write_half("teststore://out/part-0.jsonl")
    assert _Store.objects == {"out/part-0.jsonl": b"earlier\n"}  # discarded, nothing renamed
    with _output.open_output("teststore://out/part-0.jsonl") as f:
        f.write("la “une”\n")
        assert _Store.objects["out/part-0.jsonl"] == b"earlier\n"  # not before commit
        f.commit()
    assert _Store.objects == {"out/part-0.jsonl": "la “une”\n".encode()}
    memory = fsspec.filesystem("memory")  # renames: a hidden temporary file, moved
    memory.pipe("/newsparse-out/a.jsonl", b"earlier\n")

    def beside() -> None:
        assert len(memory.ls("/newsparse-out")) == 2

    try:
        with pytest.raises(RuntimeError):
            write_half("memory://newsparse-out/a.jsonl", beside)
        assert memory.ls("/newsparse-out", detail=False) == ["/newsparse-out/a.jsonl"]
        assert memory.cat("/newsparse-out/a.jsonl") == b"earlier\n"
    finally:
        memory.rm("/newsparse-out", recursive=True)
