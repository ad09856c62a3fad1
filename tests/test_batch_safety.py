"""Batch conversion and the command line never lose, clobber or misreport data.

Every test here goes through the public API or the command line (some in a real child
process, with real signals and real resource limits), so it can be run against any
version of newsparse.
"""

from __future__ import annotations

import contextlib
import gzip as gzip_module
import io
import json
import multiprocessing
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import newsparse
from newsparse import Article, Paragraph
from newsparse.cli import main

PLUGINS = Path(__file__).resolve().parent / "plugins"

# warcio's writer leaves a SpooledTemporaryFile per record to the garbage collector
WARCIO_WRITER_LEAKS = pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)


def story(i: int, words: int = 12) -> Article:
    return Article(
        f"Tram line {i} reopens",
        section="Local",
        body=[Paragraph(f"Trams ran again on line {i} — “at last,” a rider said. " * words)],
    )


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# ---------------------------------------------------------------------------
# 1. an output or errors path that is an input is refused before anything is written


def test_errors_or_output_path_that_is_an_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(newsparse.write(story(i), "jsonl") for i in range(3)), "utf-8")
    before = source.read_bytes()
    out = tmp_path / "out.jsonl"
    for extra in (["-o", str(out), "--errors", str(source)], ["-o", str(source)]):
        code = main(["convert", str(source), "--to", "jsonl", *extra])
        assert code == 2, extra
        err = capsys.readouterr().err
        assert "is one of the inputs" in err
        assert source.read_bytes() == before
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
    with pytest.raises(ValueError, match="is one of the inputs"):
        newsparse.batch.convert_many([source], "jsonl", output=out, errors=source, jobs=1)
    assert source.read_bytes() == before


def test_outputs_inside_an_input_folder_or_holding_an_input_are_refused(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "a.wire.txt").write_text(newsparse.write(story(1), "wire"), "utf-8")
    before = files_in(crawl)
    refused = [
        ["-o", str(crawl / "all.jsonl")],  # would be read by the next run
        ["-o", str(tmp_path) + "/"],  # a folder over the input
        ["-o", str(tmp_path / "out.jsonl"), "--errors", str(crawl / "errors.jsonl")],
        ["-o", str(tmp_path / "same.jsonl"), "--errors", str(tmp_path / "same.jsonl")],
    ]
    for extra in refused:
        assert main(["convert", str(crawl), "--to", "jsonl", *extra]) == 2, extra
        assert files_in(crawl) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crawl"]


# ---------------------------------------------------------------------------
# 2. a folder output never replaces an input nor an existing file silently


def test_folder_output_over_its_own_inputs_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "story.html").write_text(
        "<html><head><title>Quay</title></head><body><article><h1>Quay</h1>"
        "<p>The quay reopened on Monday after a long winter of repairs.</p></article>"
        "</body></html>",
        "utf-8",
    )
    (folder / "story.json").write_text(newsparse.write(story(7), "json"), "utf-8")
    before = files_in(folder)
    code = main(["convert", str(folder), "--to", "json", "-o", str(folder) + "/", "--jobs", "1"])
    assert code == 2
    assert "is the input" in capsys.readouterr().err
    assert files_in(folder) == before


def test_an_output_folder_that_holds_files_needs_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "story.wire.txt").write_text(newsparse.write(story(3), "wire"), "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "story.wire.json").write_text("precious\n", "utf-8")
    (out / "notes.txt").write_text("mine\n", "utf-8")
    args = ["convert", str(source), "--to", "json", "-o", str(out), "--jobs", "1"]
    assert main(args) == 2
    assert "already holds files" in capsys.readouterr().err
    assert files_in(out) == {"notes.txt": b"mine\n", "story.wire.json": b"precious\n"}
    with pytest.raises(FileExistsError):
        newsparse.batch.convert_many([source], "json", output=out, jobs=1)
    assert main([*args, "--overwrite"]) == 0
    assert newsparse.read(out / "story.wire.json").title == "Tram line 3 reopens"
    assert (out / "notes.txt").read_text("utf-8") == "mine\n"


# ---------------------------------------------------------------------------
# 3. SIGINT and SIGTERM: workers end, temporary files go, one line, 130 or 143


def alive(pid: int) -> bool:
    stat_file = Path(f"/proc/{pid}/stat")
    if stat_file.parent.parent.is_dir() and Path("/proc/self").exists():
        try:
            state = stat_file.read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return False
        return state not in ("Z", "X")
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def kill_leftovers(child: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    """End what a failing run left in its process group, so that it does not outlive the test."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(5)


def wait_for(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


# Each command below starts by handling SIGINT as a process started from a terminal does:
# a test runner started in the background of a shell inherits SIGINT ignored, and Python
# then keeps it ignored in every process it starts.
def slow_cli(setup: str = "") -> str:
    """A script that runs the CLI with the slow plugin, ``setup`` run just before it."""
    prologue = """
        import os, signal, sys, threading, time
        signal.signal(signal.SIGINT, signal.default_int_handler)
        import newsparse, slow_plugin
        newsparse.register_plugin(slow_plugin, name="slow-plugin")
        from newsparse.cli import main
        """
    return textwrap.dedent(prologue) + textwrap.dedent(setup) + "sys.exit(main(sys.argv[1:]))\n"


RUN_WITH_SLOW_PLUGIN = slow_cli()


@pytest.fixture
def slow_batch(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    source = tmp_path / "in"
    source.mkdir()
    for i in range(8):  # the first task of a worker: quick, so outputs are written
        (source / f"a{i}.slow").write_text(f"quick {i}\n", "utf-8")
    for i in range(4):
        (source / f"b{i}.slow").write_text(f"slow {i}\n", "utf-8")
    markers = tmp_path / "markers"
    markers.mkdir()
    env = {
        **os.environ,
        "NEWSPARSE_TEST_MARKERS": str(markers),
        "PYTHONPATH": os.pathsep.join([str(PLUGINS), os.environ.get("PYTHONPATH", "")]),
    }
    return source, markers, env


POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and permissions")


def interrupt_when_busy(
    args: list[str], env: dict[str, str], markers: Path, how: str
) -> tuple[int, str]:
    """Run the CLI with the slow plugin, send ``how`` once a worker is busy; (exit code, stderr).

    Every worker that left a marker must be gone ten seconds after the command ended.
    """
    child = subprocess.Popen(
        [sys.executable, "-c", RUN_WITH_SLOW_PLUGIN, *args],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        wait_for(lambda: any(markers.iterdir()) or child.poll() is not None)
        assert child.poll() is None
        if how == "SIGINT":  # as Ctrl-C does: the whole process group
            os.killpg(child.pid, signal.SIGINT)
        else:  # as `kill` does: the main process alone
            child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=30)
        workers = [int(p.name) for p in markers.iterdir()]
        wait_for(lambda: not any(alive(pid) for pid in workers), timeout=10)
    finally:
        kill_leftovers(child)  # only after a failure: the run ends its workers itself
    return child.returncode, err


@POSIX
@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"])
def test_a_signal_ends_the_workers_and_keeps_the_earlier_output(
    slow_batch: tuple[Path, Path, dict[str, str]], tmp_path: Path, how: str
) -> None:
    source, markers, env = slow_batch
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.jsonl"
    out.write_text("earlier output\n", "utf-8")
    errors.write_text("earlier report\n", "utf-8")
    args = ["convert", str(source), "--to", "jsonl", "-o", str(out), "--errors", str(errors),
            "--jobs", "2", "--no-progress"]  # fmt: skip
    code, err = interrupt_when_busy(args, env, markers, how)
    assert code == (130 if how == "SIGINT" else 143)
    assert err.splitlines() == [err.strip()]  # one line, no traceback
    assert err.startswith(f"newsparse: stopped by {how}")
    assert out.read_text("utf-8") == "earlier output\n"
    assert errors.read_text("utf-8") == "earlier report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "errors.jsonl", "in", "markers", "out.jsonl"
    ]  # fmt: skip


@POSIX
def test_a_worker_that_ignores_sigterm_is_killed_after_an_interrupt(
    slow_batch: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    source, markers, env = slow_batch
    for path in source.glob("b*.slow"):
        path.write_text(path.read_text("utf-8").replace("slow", "stubborn"), "utf-8")
    args = ["convert", str(source), "--to", "jsonl", "-o", str(tmp_path / "out.jsonl"),
            "--jobs", "2", "--no-progress"]  # fmt: skip
    code, err = interrupt_when_busy(args, env, markers, "SIGINT")
    assert code == 130
    assert err.startswith("newsparse: stopped by SIGINT")


INTERRUPT_AFTER_A_START = textwrap.dedent(
    """
    import sys
    from concurrent.futures import ProcessPoolExecutor
    from newsparse.batch import iter_articles

    class Table(dict):  # an interrupt after a worker started, before the pool records it
        def __setitem__(self, key, value):
            print(key, flush=True)
            raise KeyboardInterrupt

    real = ProcessPoolExecutor.__init__

    def init(self, *args, **kwargs):
        real(self, *args, **kwargs)
        self._processes = Table()

    ProcessPoolExecutor.__init__ = init
    try:
        list(iter_articles(sys.argv[1:], jobs=2))
    except KeyboardInterrupt:
        sys.exit(130)
    """
)


@POSIX
def test_an_interrupt_between_a_worker_start_and_its_record_still_ends_it(
    tmp_path: Path,
) -> None:
    paths = []
    for i in range(4):
        (tmp_path / f"{i}.wire.txt").write_text(newsparse.write(story(i), "wire"), "utf-8")
        paths.append(str(tmp_path / f"{i}.wire.txt"))
    child = subprocess.Popen(
        [sys.executable, "-c", INTERRUPT_AFTER_A_START, *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:  # a worker left alive would hold the pipes open: communicate would time out
        out, _ = child.communicate(timeout=30)
    finally:
        kill_leftovers(child)
    assert child.returncode == 130
    workers = [int(line) for line in out.split()]
    assert workers  # the interrupt came after a start
    assert not any(alive(pid) for pid in workers)


SIGINT_TO_A_HELPER_THREAD = slow_cli(
    """
    def shoot():  # the kernel may hand a process's signal to any thread: this one
        markers = os.environ["NEWSPARSE_TEST_MARKERS"]
        while not os.listdir(markers):
            time.sleep(0.02)
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)

    threading.Thread(target=shoot, daemon=True).start()
    """
)


def run_to_its_end(
    script: str, args: list[str], env: dict[str, str], markers: Path | None = None
) -> tuple[int, str]:
    """Run ``script`` with ``args`` in a session of its own; (exit code, stderr).

    A worker left alive would hold the pipe open: the wait for the end would time out.
    With ``markers``, every worker that left one must be gone ten seconds after the end.
    """
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, err = child.communicate(timeout=30)
        if markers is not None:
            workers = [int(p.name) for p in markers.iterdir()]
            wait_for(lambda: not any(alive(pid) for pid in workers), timeout=10)
    finally:
        kill_leftovers(child)
    return child.returncode, err


@POSIX
def test_a_signal_handled_by_another_thread_still_ends_the_run_at_once(
    slow_batch: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    # the main thread waits for a worker's result in short steps: with one unbounded wait,
    # the interrupt came through only when the slow page was done, a minute later
    source, markers, env = slow_batch
    args = ["convert", str(source), "--to", "jsonl", "-o", str(tmp_path / "out.jsonl"),
            "--jobs", "2", "--no-progress"]  # fmt: skip
    code, err = run_to_its_end(SIGINT_TO_A_HELPER_THREAD, args, env, markers)
    assert code == 130
    assert err.startswith("newsparse: stopped by SIGINT")


SIGINT_RIGHT_AFTER_A_FORK = slow_cli(
    """
    fork = os.fork

    def fork_then_interrupt():  # Ctrl-C just after the first worker is forked
        pid = fork()
        if pid:
            os.fork = fork
            os.kill(os.getpid(), signal.SIGINT)
        return pid

    os.fork = fork_then_interrupt
    """
)


@POSIX
@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the workers are not forked here"
)
def test_an_interrupt_right_after_a_worker_is_forked_still_ends_it(
    slow_batch: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    # the fork and the pool's record of the process are one step for signals: a worker
    # forked just before an interrupt is known, and ended, when the interrupt comes
    source, _markers, env = slow_batch
    args = ["convert", str(source), "--to", "jsonl", "-o", str(tmp_path / "out.jsonl"),
            "--jobs", "2", "--no-progress"]  # fmt: skip
    code, err = run_to_its_end(SIGINT_RIGHT_AFTER_A_FORK, args, env)
    assert code == 130
    assert err.startswith("newsparse: stopped by SIGINT")


@POSIX
def test_a_signal_leaves_only_complete_files_in_an_output_folder(
    slow_batch: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    source, markers, env = slow_batch
    out = tmp_path / "out"
    args = ["convert", str(source), "--to", "json", "-o", str(out) + "/", "--jobs", "2",
            "--no-progress"]  # fmt: skip
    child = subprocess.Popen(
        [sys.executable, "-c", RUN_WITH_SLOW_PLUGIN, *args],
        env=env,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        wait_for(lambda: (any(markers.iterdir()) and out.is_dir()
                          and len([p for p in out.iterdir() if p.suffix == ".json"]) == 8)
                 or child.poll() is not None)  # fmt: skip
        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=30)
    finally:
        kill_leftovers(child)
    assert child.returncode == 143, err
    written = list(out.iterdir())
    assert sorted(p.name for p in written) == [f"a{i}.slow.json" for i in range(8)]
    assert [newsparse.read(p).title for p in sorted(written)] == [f"quick {i}" for i in range(8)]


# ---------------------------------------------------------------------------
# 4. a full disk never leaves a truncated file in an output folder


LIMITED = textwrap.dedent(
    """
    import resource, sys
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))
    from newsparse.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX resource limits")
def test_a_write_that_fails_leaves_no_truncated_file(tmp_path: Path) -> None:
    pytest.importorskip("resource")
    source = tmp_path / "in"
    source.mkdir()
    for i in range(3):
        words = 3000 if i == 1 else 3  # the second article does not fit on the "disk"
        (source / f"s{i}.wire.txt").write_text(newsparse.write(story(i, words), "wire"), "utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, str(64 * 1024), "convert", str(source), "--to", "json",
         "-o", f"{out}/", "--jobs", "1"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "File too large" in done.stderr
    for path in out.iterdir():  # whatever is there is whole
        assert not path.name.startswith("."), path
        json.loads(path.read_text("utf-8"))
    assert [p.name for p in out.iterdir()] == ["s0.wire.json"]


# ---------------------------------------------------------------------------
# 5. an absurd Content-Length is one record's failure; the records around it convert


def warc_record(url: str, payload: bytes, gzip: bool, headers: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http)
    )
    return buffer.getvalue()


def page(title: str, text: str = "") -> bytes:
    text = text or f"{title}: the council met on Tuesday and agreed the new budget."
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{text}</p></article></body></html>"
    ).encode()


def html_record(i: int, gzip: bool) -> bytes:
    return warc_record(f"https://news.example/{i}", page(f"Story {i}"), gzip,
                       [("Content-Type", "text/html; charset=utf-8")])  # fmt: skip


def with_content_length(record: bytes, gzip: bool, length: int) -> bytes:
    raw = gzip_module.decompress(record) if gzip else record
    raw = re.sub(rb"Content-Length: \d+", b"Content-Length: %d" % length, raw, count=1)
    return gzip_module.compress(raw) if gzip else raw


@WARCIO_WRITER_LEAKS
@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_an_absurd_content_length_costs_one_record(tmp_path: Path, gzip: bool, jobs: int) -> None:
    pytest.importorskip("warcio")
    records = [html_record(i, gzip) for i in range(5)]
    records[2] = with_content_length(records[2], gzip, 10**30)
    warc = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    warc.write_bytes(b"".join(records))
    out = tmp_path / "out.jsonl"
    result = newsparse.batch.convert_many([warc], "jsonl", output=out, jobs=jobs, progress=False)
    titles = [a.title for a in newsparse.read_many(out, "jsonl")]
    assert titles == ["Story 0", "Story 1", "Story 3", "Story 4"]
    assert (result.converted, result.failed) == (4, 1)
    assert result.failures[0].record == 2
    assert "WriteError" not in result.failures[0].error


# ---------------------------------------------------------------------------
# 12. output files follow the umask


@POSIX
def test_output_files_follow_the_umask(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.wire.txt").write_text(newsparse.write(story(1), "wire"), "utf-8")
    (source / "broken.json").write_text("{", "utf-8")
    previous = os.umask(0o027)
    try:
        main(["convert", str(source), "--to", "jsonl", "-o", str(tmp_path / "all.jsonl"),
              "--errors", str(tmp_path / "errors.jsonl")])  # fmt: skip
        main(["convert", str(source), "--to", "json", "-o", str(tmp_path / "one") + "/"])
    finally:
        os.umask(previous)
    made = [tmp_path / "all.jsonl", tmp_path / "errors.jsonl", tmp_path / "one" / "a.wire.json"]
    assert [stat.S_IMODE(p.stat().st_mode) for p in made] == [0o640, 0o640, 0o640]


# ---------------------------------------------------------------------------
# 6. no payload is read past the size limit: a decompression bomb costs little memory

BOMB = 48 << 20  # what the page inflates to
LIMIT = 1 << 20  # the max_size the batch is given


def bomb_page() -> bytes:
    return page("Bomb") + b" " * BOMB


def peak_while(run: object) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        run()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@WARCIO_WRITER_LEAKS
@pytest.mark.parametrize("shape", ["warc.gz member", "gzip content-encoding", "chunked"])
def test_a_decompression_bomb_is_cut_at_the_limit(tmp_path: Path, shape: str) -> None:
    pytest.importorskip("warcio")
    html = [("Content-Type", "text/html; charset=utf-8")]
    if shape == "warc.gz member":  # the record itself inflates
        gzip, bomb = True, warc_record("https://news.example/bomb", bomb_page(), True, html)
    elif shape == "gzip content-encoding":  # an uncompressed archive, the HTTP body gzipped
        gzip = False
        body = gzip_module.compress(bomb_page(), 9)
        bomb = warc_record("https://news.example/bomb", body, False,
                           [*html, ("Content-Encoding", "gzip")])  # fmt: skip
    else:  # one huge chunk of a gzipped body, in a gzip member
        gzip = True
        body = gzip_module.compress(bomb_page(), 9)
        chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
        bomb = warc_record("https://news.example/bomb", chunked, True,
                           [*html, ("Content-Encoding", "gzip"),
                            ("Transfer-Encoding", "chunked")])  # fmt: skip
    warc = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    warc.write_bytes(html_record(0, gzip) + bomb + html_record(2, gzip))
    assert warc.stat().st_size < BOMB // 100
    results: list[newsparse.batch.Result] = []
    options = {"max_size": LIMIT}

    def read() -> None:
        results.extend(newsparse.batch.iter_articles([warc], jobs=1, read_options=options))

    peak = peak_while(read)
    assert [r.article.title for r in results if r.article] == ["Story 0", "Story 2"]
    [failure] = [r.failure for r in results if r.failure]
    assert failure.record == 1
    assert "over the 1,048,576 limit" in failure.message
    assert peak < BOMB // 2, f"peak {peak:,} bytes for a {BOMB:,}-byte page"


# ---------------------------------------------------------------------------
# 7. the size limit holds for multi-article files read by path


def test_the_size_limit_holds_for_a_wire_file_read_by_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.wire.txt"
    text = newsparse.write(story(1, words=40), "wire")
    with open(big, "w", encoding="utf-8") as f:
        for _ in range(2000):
            f.write(text)
    size = big.stat().st_size
    assert main(["convert", str(big), "--to", "jsonl", "-R", "max_size=5000"]) == 1
    err = capsys.readouterr().err
    assert "over the 5,000 limit of format 'wire'" in err
    results: list[newsparse.batch.Result] = []

    def read() -> None:
        results.extend(newsparse.batch.iter_articles([big], read_options={"max_size": 5000}))

    peak = peak_while(read)
    assert [r.failure is not None for r in results] == [True]
    assert peak < size // 10, f"peak {peak:,} bytes for a {size:,}-byte file"
    # a format read record by record is limited per record, not as a whole
    lines = tmp_path / "many.jsonl"
    lines.write_text("".join(newsparse.write(story(i), "jsonl") for i in range(50)), "utf-8")
    assert lines.stat().st_size > 5000
    assert len(list(newsparse.read_many(lines, max_size=5000))) == 50
    with pytest.raises(newsparse.ReadError, match="over the 100 limit of format 'jsonl'"):
        list(newsparse.read_many(lines, max_size=100))


# ---------------------------------------------------------------------------
# 8. --encoding, and -R names that newsparse sets itself are usage errors

LATIN = " date 2024-03-05 trending:\n\nCafé reopens\n\nThe café on the quay reopened.\n\n"


def test_encoding_option_reads_a_latin1_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for i in range(3):
        (source / f"s{i}.wire.txt").write_bytes(
            LATIN.replace("Café", f"Café {i}").encode("latin-1")
        )
    one = source / "s0.wire.txt"
    for args in (
        ["convert", str(one), "--to", "json", "-R", "encoding=latin-1"],
        ["convert", str(one), "--to", "json", "-R", "media_type=text/plain"],
        ["inspect", str(one), "-R", "filename=x.wire.txt"],
        ["inspect", str(one), "-R", "encoding=latin-1"],
    ):
        assert main(args) == 2, args
        err = capsys.readouterr().err
        assert "is set by newsparse itself" in err
        assert "Traceback" not in err
        assert "TypeError" not in err
    out = tmp_path / "all.jsonl"
    code = main(["convert", str(source), "--to", "jsonl", "-o", str(out), "--encoding", "latin-1",
                 "--jobs", "2", "--no-progress"])  # fmt: skip
    assert code == 0
    titles = [a.title for a in newsparse.read_many(out, "jsonl")]
    assert titles == [f"Café {i} reopens" for i in range(3)]
    assert main(["inspect", str(one), "--encoding", "latin-1"]) == 0
    assert "Café 0 reopens" in capsys.readouterr().out
    results = list(newsparse.batch.iter_articles([source], encoding="latin-1"))
    assert [r.article.title for r in results if r.article] == titles
    result = newsparse.batch.convert_many(
        [one], "json", output=tmp_path / "one.json", encoding="latin-1"
    )
    assert result.ok
    with pytest.raises(ValueError, match="encoding"):
        newsparse.batch.convert_many([one], "json", read_options={"encoding": "latin-1"})


# ---------------------------------------------------------------------------
# 9. a decode error reads the same from convert as from read: DecodeError and offset


def test_a_decode_error_is_the_same_on_every_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.wire.txt"
    data = LATIN.encode("latin-1")
    path.write_bytes(data)
    offset = data.index("é".encode("latin-1"))
    with pytest.raises(newsparse.DecodeError) as by_read:
        newsparse.read(path)
    with pytest.raises(newsparse.DecodeError) as by_read_many:
        list(newsparse.read_many(path))
    assert by_read.value.offset == by_read_many.value.offset == offset
    assert str(by_read.value) == str(by_read_many.value)
    [result] = newsparse.batch.iter_articles([path])
    assert result.failure is not None
    assert result.failure.error == "DecodeError"
    assert result.failure.message == by_read.value.message
    assert f"offset {offset}" in result.failure.message
    assert main(["convert", str(path), "--to", "json"]) == 1
    assert capsys.readouterr().err.strip() == str(by_read.value)


# ---------------------------------------------------------------------------
# 10. an encoding that decodes nothing is a newsparse error


@pytest.mark.parametrize("encoding", ["undefined", "rot13", "no-such-codec"])
def test_an_unusable_encoding_is_a_read_error(tmp_path: Path, encoding: str) -> None:
    with pytest.raises(newsparse.ReadError, match=repr(encoding)):
        newsparse.read(b" date 2024-03-05 trending:\n\nT\n\n", "wire", encoding=encoding)
    path = tmp_path / "s.wire.txt"
    path.write_bytes(b" date 2024-03-05 trending:\n\nT\n\n")
    with pytest.raises(newsparse.ReadError, match=repr(encoding)):
        list(newsparse.read_many(path, encoding=encoding))
    with pytest.raises(newsparse.ReadError, match=repr(encoding)):
        newsparse.read(b"<html><title>T</title></html>", "html", encoding=encoding)


# ---------------------------------------------------------------------------
# 11. a many_writer that yields something else than text is the format's WriteError


class OddWriters:
    @newsparse.hookimpl
    def register_formats(self, register: object) -> None:
        for name, chunk in (("bytesy", b"raw"), ("nothing", None)):
            register(  # type: ignore[operator]
                newsparse.FormatSpec(
                    name=name,
                    writer=lambda article: "one\n",
                    many_writer=lambda articles, chunk=chunk: (chunk for _ in articles),
                )
            )


@pytest.mark.parametrize("name", ["bytesy", "nothing"])
def test_a_many_writer_yielding_non_text_is_a_write_error(
    fresh_registry: None, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    newsparse.register_plugin(OddWriters(), name="odd-writers")
    with pytest.raises(newsparse.WriteError, match=f"format '{name}' .* not str") as info:
        list(newsparse.write_many([story(1)], name))
    assert info.value.format == name
    source = tmp_path / "a.wire.txt"
    source.write_text(newsparse.write(story(1), "wire"), "utf-8")
    out = tmp_path / "out.txt"
    assert main(["convert", str(source), "--to", name, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"format '{name}'" in err
    assert "Traceback" not in err
    assert not out.exists()


# ---------------------------------------------------------------------------
# 13. an unknown --from format is a usage error, said once


def test_an_unknown_input_format_is_one_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "many"
    source.mkdir()
    for i in range(4):
        (source / f"s{i}.wire.txt").write_text(newsparse.write(story(i), "wire"), "utf-8")
    out = tmp_path / "m.jsonl"
    code = main(["convert", str(source), "--from", "wir", "--to", "jsonl", "-o", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("unknown format 'wir'") == 1
    assert "wire" in err.split("unknown format 'wir'", 1)[1]  # the valid names are listed
    assert not out.exists()
    with pytest.raises(newsparse.UnknownFormatError):
        newsparse.batch.iter_articles([source], from_format="wir")  # at the call, not later


# ---------------------------------------------------------------------------
# 14. an empty input is one clear message naming it, exit 1


def test_an_empty_input_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["convert", str(empty), "--from", "wire", "--to", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == f"{empty}: [wire] the input is empty: nothing to convert"
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n", "utf-8")
    [result] = newsparse.batch.iter_articles([blank], from_format="jsonl")
    assert result.failure is not None
    assert "holds no article" in result.failure.message
    assert main(["inspect", str(empty), "--from", "wire"]) == 1
    assert str(empty) in capsys.readouterr().err


# ---------------------------------------------------------------------------
# 15. whatever a reader or a patched internal raises costs only that input


def test_any_exception_while_reading_is_that_inputs_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsparse import _api

    source = tmp_path / "in"
    source.mkdir()
    for name in ("a", "bad", "c"):
        (source / f"{name}.wire.txt").write_text(newsparse.write(story(1), "wire"), "utf-8")
    real = _api._resolve

    def patched(src: object, *args: object, **kwargs: object) -> object:
        if "bad" in str(getattr(src, "name", "")):
            raise RuntimeError("a plugin patched this badly")
        return real(src, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_api, "_resolve", patched)
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.jsonl"
    result = newsparse.batch.convert_many([source], "jsonl", output=out, errors=errors, jobs=1)
    assert (result.converted, result.failed) == (2, 1)
    [failure] = result.failures
    assert Path(failure.input).name == "bad.wire.txt"
    assert failure.error == "RuntimeError"
    assert "a plugin patched this badly" in failure.message
    assert json.loads(errors.read_text("utf-8"))["error"] == "RuntimeError"

    def interrupted(src: object, *args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(_api, "_resolve", interrupted)
    with pytest.raises(KeyboardInterrupt):  # an interrupt is still an interrupt
        newsparse.batch.convert_many([source], "jsonl", output=out, jobs=1)
