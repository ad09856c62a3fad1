from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsparse
from newsparse.cli import main

MEMO = (
    "title: Café “Ouvert”\nauthor: Ana Ruiz\npublished: 2024-03-05T09:30:00-05:00\npara: Déjà vu.\n"
)


def test_formats_lists_a_plugin_defined_in_a_test(
    memo_plugin: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    header, *rows = out.splitlines()
    assert header.split() == ["NAME", "READ/WRITE", "EXTENSIONS", "LOSSLESS", "PLUGIN"]
    memo_row = next(r for r in rows if r.startswith("memo "))
    assert memo_row.split() == ["memo", "read/write", ".memo", "no", "memo-plugin"]
    assert any(r.startswith("wire ") for r in rows)


def test_formats_json(memo_plugin: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    memo = next(r for r in rows if r["name"] == "memo")
    assert (memo["read"], memo["write"], memo["plugin"]) == (True, True, "memo-plugin")


def test_convert_file_to_stdout_and_file(
    memo_plugin: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "a.memo"
    src.write_text(MEMO, encoding="utf-8")
    assert main(["convert", str(src), "--to", "memo"]) == 0
    assert capsys.readouterr().out == MEMO
    out = tmp_path / "b.memo"
    assert main(["convert", str(src), "--to", "memo", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == MEMO


def test_convert_stdin(
    memo_plugin: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    fake = io.TextIOWrapper(io.BytesIO(MEMO.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["convert", "-", "--from", "memo", "--to", "memo"]) == 0
    assert capsys.readouterr().out == MEMO


def test_parse_error_goes_to_stderr_with_position(
    memo_plugin: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "bad.memo"
    src.write_text("title: ok\n\nnonsense here\n", encoding="utf-8")
    assert main(["convert", str(src), "--to", "memo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{src}:3:1: [memo] expected 'key: value'")


def test_usage_errors_exit_2(memo_plugin: str, tmp_path: Path) -> None:
    src = tmp_path / "a.memo"
    src.write_text(MEMO, encoding="utf-8")
    assert main(["convert", str(src)]) == 2  # --to missing
    assert main(["convert", str(src), "--to", "no-such-format"]) == 2
    assert main(["convert", str(src), "--to", "memo", "-W", "not-a-pair"]) == 2
    assert main(["--version"]) == 0


def test_missing_input_file(memo_plugin: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "/nonexistent/x.memo"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_inspect(memo_plugin: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.memo"
    src.write_text(MEMO, encoding="utf-8")
    assert main(["inspect", str(src)]) == 0
    lines = [line.split(None, 1) for line in capsys.readouterr().out.splitlines()]
    assert ["title", "Café “Ouvert”"] in lines
    assert ["published", "2024-03-05T09:30:00-05:00 (UTC-05:00)"] in lines
    assert ["author", "Ana Ruiz"] in lines
    assert ["body", "1 block (1 paragraph), 8 chars"] in lines


def test_read_options_are_passed(memo_plugin: str, tmp_path: Path) -> None:
    src = tmp_path / "a.memo"
    src.write_text(MEMO, encoding="utf-8")
    # an option the reader does not take: a usage error
    assert main(["inspect", str(src), "-R", "bogus=1"]) == 2


def test_console_script_is_installed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsparse", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"newsparse {newsparse.__version__}"


def test_failed_run_leaves_earlier_output_alone(
    memo_plugin: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "existing.memo"
    out.write_text("keep me\n", encoding="utf-8")
    assert main(["convert", str(tmp_path / "missing.memo"), "--to", "memo", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'missing.memo'}: no such file")
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_unwritable_output_is_an_error_not_a_traceback(
    memo_plugin: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "a.memo"
    src.write_text(MEMO, encoding="utf-8")
    code = main(["convert", str(src), "--to", "memo", "-o", "/nonexistent/dir/out.memo"])
    assert code == 1
    assert "/nonexistent/dir/out.memo" in capsys.readouterr().err
    code = main(
        ["convert", str(src), "--to", "memo", "-o", str(tmp_path / "o.memo"),
         "--errors", "/nonexistent/e.jsonl"]
    )  # fmt: skip
    assert code == 1
    assert "/nonexistent/e.jsonl" in capsys.readouterr().err


def test_fail_fast_keeps_the_position(
    memo_plugin: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.memo"
    bad.write_text("title: ok\n\nnonsense\n", encoding="utf-8")
    assert main(["convert", str(bad), str(bad), "--to", "memo", "--fail-fast"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:3:1: [memo] expected 'key: value'")
    assert err.count(str(bad)) == 1
