"""The docs stay true: every Python example in README.md and docs/ runs.

Each page's fenced ``python`` blocks run in order in one namespace, with the repository
root as the working directory, so a later block may use what an earlier one defined.
A block that is not meant to run on its own (a plugin module shown as a file, say) is
marked by an HTML comment on the line just before its fence::

    <!-- no-run -->
    ```python
    ...
    ```

The comment does not show on the rendered page. Keep such blocks few. A block that only
includes a file (``--8<-- "examples/newsparse-applenews/..."``, pymdownx.snippets) does not
run either: those files are the example plugin's, which its own tests run.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

import newsparse
from newsparse import _plugins

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
PAGES = sorted([REPO / "README.md", *DOCS.rglob("*.md")])
NO_RUN = "<!-- no-run -->"

_FENCE = re.compile(
    r"^(?P<marker>[ \t]*<!-- no-run -->\n)?```python\n(?P<code>.*?)^```$", re.M | re.S
)


def python_blocks(path: Path) -> list[tuple[int, str, bool]]:
    """The page's ``python`` blocks: (line number, code, whether it runs)."""
    text = path.read_text(encoding="utf-8")
    return [
        (
            text.count("\n", 0, m.start("code")) + 1,
            m.group("code"),
            m.group("marker") is None and not _is_include(m.group("code")),
        )
        for m in _FENCE.finditer(text)
    ]


def _is_include(code: str) -> bool:
    lines = [line for line in code.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("--8<--") for line in lines)


def _name(path: Path) -> str:
    return str(path.relative_to(REPO))


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsparse_docs_hooks", DOCS / "_hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("page", [p for p in PAGES if python_blocks(p)], ids=_name)
def test_python_examples_run(
    page: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(sys, "path", list(sys.path))  # a page may add a folder to it
    namespace: dict[str, object] = {"__name__": f"docs.{page.stem}"}
    for line, code, runs in python_blocks(page):
        if not runs:
            continue
        # a blank line per skipped line, so tracebacks point at the page's own line numbers
        source = "\n" * (line - 1) + code
        try:
            exec(compile(source, str(page), "exec"), namespace)
        finally:
            _plugins.reset()  # plugins a page registered do not leak into other tests
    capsys.readouterr()


def test_no_run_markers_stay_few() -> None:
    skipped = [
        (_name(p), line)
        for p in PAGES
        for line, code, runs in python_blocks(p)
        if not runs and not _is_include(code)
    ]
    assert len(skipped) <= 5, skipped


def test_every_format_has_a_page_and_the_table_lists_it() -> None:
    hooks = _hooks()
    table = hooks.formats_table()
    for spec in newsparse.formats():
        assert hooks.format_page(spec), f"docs/formats/ has no page for {spec.name!r}"
        assert f"`{spec.name}`" in table


def test_generated_parts_render() -> None:
    hooks = _hooks()
    fields = hooks.fields_table()
    assert "| `title` |" in fields
    assert "error" not in fields
    assert "usage: newsparse convert" in hooks.cli_help("convert")
    page = (DOCS / "formats" / "index.md").read_text(encoding="utf-8")
    assert "<!-- formats-table -->" not in hooks.render(page)


def test_every_public_name_is_in_the_api_reference() -> None:
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    for module in (
        "newsparse",
        "newsparse.hookspecs",
        "newsparse.testing.strategies",
        "newsparse.testing.conformance",
    ):
        assert f"::: {module}\n" in api, module


def test_every_public_name_has_a_docstring() -> None:
    import newsparse.hookspecs
    import newsparse.testing.conformance
    import newsparse.testing.strategies

    missing = []
    for module in (
        newsparse,
        newsparse.hookspecs,
        newsparse.testing.strategies,
        newsparse.testing.conformance,
    ):
        for name in module.__all__:
            obj = getattr(module, name)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue  # data and type aliases: documented where they are defined
            if not (getattr(obj, "__doc__", None) or "").strip():
                missing.append(f"{module.__name__}.{name}")
    assert not missing


def test_ci_builds_the_docs_and_tests_the_example_plugin() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in ci
    assert "pip install ./examples/newsparse-applenews" in ci
    assert "pytest examples/newsparse-applenews/tests" in ci


def test_getting_started_lists_every_dependency() -> None:
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.split(r"[<>=!~\[; ]", dep, maxsplit=1)[0] for dep in project["dependencies"]]
    page = (DOCS / "getting-started.md").read_text(encoding="utf-8")
    listed = page.split("are all installed with it:", 1)[1].split(".", 1)[0]
    assert sorted(re.findall(r"[\w-]+", listed.replace(" and ", ", "))) == sorted(names)
