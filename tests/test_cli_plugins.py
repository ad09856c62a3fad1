"""``newsparse plugins``, and plugin warnings on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
import types
import warnings
from pathlib import Path

import pytest

import newsparse
from _fake_plugins import module
from newsparse.cli import main

GOOD = """
    import newsparse

    @newsparse.hookimpl
    def register_formats(register):
        register(newsparse.FormatSpec(name="shout", writer=lambda a: a.title.upper()))
        register(newsparse.FormatSpec(name="whisper", writer=lambda a: a.title.lower()))
"""


def test_plugins_table(
    entry_points: dict[str, types.ModuleType], capsys: pytest.CaptureFixture[str]
) -> None:
    entry_points["np_good = np_good"] = module("np_good", GOOD)
    entry_points["np_fn = np_fn:register_formats"] = module("np_fn", GOOD)
    assert main(["plugins"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "NAME     DISTRIBUTION  VERSION  FORMATS",
        "np_fn    -             -        -",
        "  failed: entry point np_fn = 'np_fn:register_formats' names the function "
        "register_formats, not a plugin: name the module (or object) that holds the hook; "
        'use np_fn = "np_fn"',
        "np_good  -             -        shout whisper",
    ]
    assert err == ""  # the failure is in the table, not warned about as well


def test_plugins_json_and_all(
    entry_points: dict[str, types.ModuleType], capsys: pytest.CaptureFixture[str]
) -> None:
    entry_points["np_good = np_good"] = module("np_good", GOOD)
    assert main(["plugins", "--json", "--all"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_name = {row["name"]: row for row in rows}
    assert by_name["np_good"] == {
        "name": "np_good",
        "distribution": None,
        "version": None,
        "builtin": False,
        "formats": ["shout", "whisper"],
        "failures": [],
    }
    assert by_name["newsparse.wire"]["builtin"] is True
    assert by_name["newsparse.wire"]["distribution"] == "newsparse"
    assert by_name["newsparse.wire"]["version"] == newsparse.__version__


def test_no_plugins(fresh_registry: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins"]) == 0
    assert "no plugins installed" in capsys.readouterr().out


def test_plugin_warnings_are_one_line(tmp_path: Path) -> None:
    """In a real process, where Python shows the warnings on stderr itself."""
    (tmp_path / "np_boom.py").write_text(
        "import newsparse\n\n@newsparse.hookimpl\ndef register_formats(register):\n"
        "    raise RuntimeError('boom')\n",
        encoding="utf-8",
    )
    info = tmp_path / "np_boom-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: np_boom\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[newsparse]\nnp_boom = np_boom\n")
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(tmp_path),
        "NEWSPARSE_LOAD_PLUGINS": "np_boom",
    }
    done = subprocess.run(
        [sys.executable, "-W", "default", "-m", "newsparse", "formats"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        "newsparse: warning: plugin 'np_boom': register_formats raised RuntimeError: boom"
    ]


def test_other_warnings_keep_pythons_format(
    fresh_registry: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def noisy(args: object, out: object) -> int:
        warnings.warn("from elsewhere", DeprecationWarning, stacklevel=1)
        return 0

    import newsparse.cli as cli

    shown: list[str] = []
    monkeypatch.setattr(cli, "_cmd_formats", noisy)
    monkeypatch.setattr(warnings, "showwarning", lambda message, *args: shown.append(str(message)))
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        assert main(["formats"]) == 0
    assert shown == ["from elsewhere"]  # handed on to Python's own display
    assert "newsparse: warning" not in capsys.readouterr().err
