"""The README stays true: its commands are the ones CI runs, its example runs."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_readme_commands_are_what_ci_runs() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    install_and_run, install_and_test = (b.strip() for b in blocks("console")[:2])
    assert install_and_run.startswith("pip install . && newsparse ")
    assert install_and_test.startswith("pip install -e '.[test]' && pytest")
    ci_lines = [line.strip() for line in ci.splitlines()]
    assert install_and_run in ci_lines
    assert install_and_test in ci_lines


def test_readme_example_file_exists() -> None:
    for path in re.findall(r"examples/[\w.-]+", README):
        assert (REPO / path).exists(), path


def test_readme_python_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    (code,) = blocks("python")[:1]
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    assert capsys.readouterr().out


def test_changelog_has_unreleased_section() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    assert os.path.exists(REPO / "src" / "newsparse" / "py.typed")
