"""The batch package's shape: a leaf module of types, one dispatch, no import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsparse
import newsparse.batch

SRC = Path(newsparse.__file__).parent


def local_imports(path: Path) -> set[str]:
    """The newsparse modules a module imports (as dotted names), from its source."""
    package = "newsparse." + ".".join(path.relative_to(SRC).with_suffix("").parts)
    if path.name == "__init__.py":
        package = package.rsplit(".", 1)[0] + ".__init__"
    parts = package.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = parts[: len(parts) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            if not module.startswith("newsparse"):
                continue
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                is_module = (SRC.parent / (candidate.replace(".", "/") + ".py")).exists()
                found.add(candidate if is_module else module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("newsparse"))
    return found


def batch_graph() -> dict[str, set[str]]:
    graph = {}
    for path in sorted((SRC / "batch").glob("_*.py")):
        name = f"newsparse.batch.{path.stem}"
        graph[name] = {m for m in local_imports(path) if m.startswith("newsparse.batch.")}
    return graph


def test_the_batch_modules_import_each_other_without_a_cycle() -> None:
    graph = batch_graph()
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"import cycle: {' -> '.join((*path, name))}"
        if name in done:
            return
        for dep in graph.get(name, ()):
            visit(dep, (*path, name))
        done.add(name)

    for name in graph:
        visit(name, ())
    assert graph["newsparse.batch._types"] == set()  # the leaf


def test_warc_runner_and_dask_share_the_types_and_the_dispatch() -> None:
    graph = batch_graph()
    assert "newsparse.batch._types" in graph["newsparse.batch._warc"]
    assert "newsparse.batch._runner" not in graph["newsparse.batch._warc"]
    assert "newsparse.batch._inputs" in graph["newsparse.batch._runner"]
    dask = local_imports(SRC / "dask.py")
    assert {m for m in dask if m.startswith("newsparse.batch")} <= {
        "newsparse.batch",
        "newsparse.batch._inputs",
        "newsparse.batch._output",
        "newsparse.batch._types",
    }
    # one WARC reader: the ranges of the runner and of Dask are read by the same function
    assert "newsparse.batch._warc" not in dask
    remote = graph["newsparse.batch._remote"]
    assert remote <= set(), "the URL layer imports no other batch module"


def test_the_public_names_are_the_same_objects_everywhere() -> None:
    for name in newsparse.batch.__all__:
        if name == "read_path_list":  # of the batch module only
            continue
        with pytest.warns(DeprecationWarning, match=f"use newsparse.batch.{name}"):
            assert getattr(newsparse, name) is getattr(newsparse.batch, name)
        assert getattr(newsparse.batch, name).__doc__
