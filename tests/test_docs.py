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

import importlib
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
PUBLIC_MODULES = (
    "newsparse",
    "newsparse.batch",
    "newsparse.dask",
    "newsparse.hookspecs",
    "newsparse.testing.strategies",
    "newsparse.testing.conformance",
    "newsparse.testing.pytest_plugin",
)

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
    for module in PUBLIC_MODULES:
        assert f"::: {module}\n" in api, module


def test_every_public_name_has_a_docstring() -> None:
    missing = []
    for module in map(importlib.import_module, PUBLIC_MODULES):
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


def _public_attrs_classes() -> list[type]:
    import attrs

    found: dict[int, type] = {}
    for module in map(importlib.import_module, PUBLIC_MODULES):
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isclass(obj) and attrs.has(obj):
                found[id(obj)] = obj
    return list(found.values())


def _class_bodies() -> dict[str, list[list[object]]]:
    """The bodies of every class defined in src/newsparse, by class name (from the source).

    The public classes' ``__module__`` says ``newsparse``, so the source is found by name.
    """
    import ast

    bodies: dict[str, list[list[object]]] = {}
    for path in sorted((REPO / "src" / "newsparse").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bodies.setdefault(node.name, []).append(list(node.body))
    return bodies


def _attribute_docstrings(cls: type, bodies: dict[str, list[list[object]]]) -> dict[str, str]:
    """The docstrings written under a class's annotated attributes in its source."""
    import ast
    import itertools

    docs: dict[str, str] = {}
    for body in bodies.get(cls.__name__, []):
        for statement, following in itertools.pairwise(body):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[statement.target.id] = following.value.value
    return docs


def test_every_field_of_a_public_attrs_class_is_documented() -> None:
    import attrs

    classes = _public_attrs_classes()
    assert {c.__name__ for c in classes} >= {"Article", "FormatSpec", "Result", "PluginInfo"}
    bodies = _class_bodies()
    missing = [
        f"{cls.__module__}.{cls.__name__}.{field.name}"
        for cls in classes
        for field in attrs.fields(cls)
        if not _attribute_docstrings(cls, bodies).get(field.name, "").strip()
    ]
    assert not missing


def test_the_api_reference_shows_attrs_signatures() -> None:
    """The griffe extension gives attrs classes their __init__ (where griffe is installed)."""
    griffe = pytest.importorskip("griffe")
    spec = importlib.util.spec_from_file_location("griffe_attrs", DOCS / "_griffe_attrs.py")
    assert spec is not None
    assert spec.loader is not None
    extension = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(extension)
    package = griffe.load(
        "newsparse",
        search_paths=[str(REPO / "src")],
        extensions=griffe.Extensions(extension.AttrsClasses()),
    )
    article = package["_model.Article"]
    init = article.members["__init__"]
    parameters = {p.name: p for p in init.parameters}
    assert list(parameters)[:3] == ["self", "title", "subtitle"]
    assert parameters["subtitle"].kind is griffe.ParameterKind.keyword_only
    assert str(parameters["authors"].annotation) == "Iterable[Author]"
    assert parameters["authors"].default == "()"
    assert parameters["extras"].default == "dict()"
    assert article.members["title"].value is None  # not the attrs.field(...) call
    for name in ("Article", "Author", "Media", "Paragraph", "FormatSpec", "PluginInfo"):
        assert "__init__" in package[name].members, name
    for name in ("Result", "Failure", "BatchResult"):
        assert "__init__" in package["batch"][name].members, name


def test_the_plugin_page_shows_the_complete_example_package() -> None:
    page = (DOCS / "plugins.md").read_text(encoding="utf-8")
    example = REPO / "examples" / "newsparse-applenews"
    files = [
        p.relative_to(example).as_posix()
        for p in example.rglob("*")
        if p.is_file()
        and p.stat().st_size
        and not any(part.startswith(".") or part == "__pycache__" for part in p.parts)
    ]
    assert "tests/conftest.py" in files
    missing = [f for f in files if f'--8<-- "examples/newsparse-applenews/{f}"\n' not in page]
    assert not missing


def test_the_testing_page_lists_every_check_of_the_kit() -> None:
    from newsparse.testing.conformance import FormatConformance

    page = (DOCS / "testing-plugins.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `(test_\w+)` \|", page, re.M))
    checks = {name for name in dir(FormatConformance) if name.startswith("test_")}
    assert listed == checks


def _module_name(page: Path, suffix: str = "") -> str:
    stem = re.sub(r"\W", "_", str(page.relative_to(REPO)).removesuffix(".md"))
    return f"snippet_{stem}{suffix}"


def _padded(blocks: list[tuple[int, str]]) -> str:
    """The blocks as one module whose line numbers are the page's."""
    text = ""
    for line, code in blocks:
        text += "\n" * (line - 1 - text.count("\n")) + code
    return text


def test_python_examples_pass_mypy_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every documented snippet type-checks, as a user's editor would check it.

    A page's runnable blocks are one module (they run in one namespace), each block that
    does not run is a module of its own, and the example plugin's package (which the
    plugin page includes file by file) is checked with them: one mypy run for all.
    Errors point at the page's own line numbers.
    """
    mypy = pytest.importorskip("mypy.api")
    files: list[str] = []
    names: dict[str, str] = {}
    for page in PAGES:
        blocks = python_blocks(page)
        modules = [(_module_name(page), [(line, code) for line, code, runs in blocks if runs])]
        modules += [
            (_module_name(page, f"_{line}"), [(line, code)])
            for line, code, runs in blocks
            if not runs and not _is_include(code)
        ]
        for name, chosen in modules:
            if chosen:
                path = tmp_path / f"{name}.py"
                path.write_text(_padded(chosen), encoding="utf-8")
                files.append(str(path))
                names[path.name] = _name(page)
    example = REPO / "examples" / "newsparse-applenews" / "src"
    monkeypatch.setenv("MYPYPATH", str(example))
    out, err, status = mypy.run(
        [
            "--strict",
            "--no-error-summary",
            # dask's distributed has no annotations (Client()): its calls, not the snippets'
            "--untyped-calls-exclude=distributed",
            "--cache-dir",
            str(REPO / ".mypy_cache"),
            *files,
            str(example / "newsparse_applenews"),
        ]
    )
    for file, page in names.items():  # name the pages, not the temporary modules
        out = re.sub(rf"\S*{re.escape(file)}", page, out)
    assert status == 0, out + err
