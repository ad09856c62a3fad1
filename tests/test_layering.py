"""The import layering: no format imports another format's private modules.

Shared logic lives in shared modules (``newsparse._text``, ``newsparse._json``,
``newsparse._schemaorg``); a format package imports those, the model and the core, and
its own modules. The testing kit uses only public modules of the formats.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsparse"
FORMATS = sorted(p.name for p in (SRC / "_formats").iterdir() if (p / "__init__.py").is_file())


def _imports(path: Path) -> list[str]:
    """The absolute dotted names a module imports (relative imports resolved)."""
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
    if path.name == "__init__.py":
        package = ".".join(path.relative_to(SRC.parent).parts[:-1])
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            out.append(name)
            out.extend(f"{name}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            out.extend(alias.name for alias in node.names)
    return out


def _private_parts(name: str) -> list[str]:
    return [part for part in name.split(".")[3:] if part.startswith("_")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_imports_another_formats_private_modules(fmt: str) -> None:
    for path in sorted((SRC / "_formats" / fmt).rglob("*.py")):
        for name in _imports(path):
            parts = name.split(".")
            if parts[:2] != ["newsparse", "_formats"] or len(parts) < 3 or parts[2] == fmt:
                continue
            assert parts[2] not in FORMATS or not _private_parts(name), (
                f"{path.relative_to(SRC)} imports {name}"
            )


def test_shared_modules_import_no_format() -> None:
    for package in ("_text", "_json", "_schemaorg"):
        for path in sorted((SRC / package).rglob("*.py")):
            for name in _imports(path):
                assert not name.startswith("newsparse._formats"), f"{path} imports {name}"


def test_the_testing_kit_imports_no_private_format_module() -> None:
    for path in sorted((SRC / "testing").rglob("*.py")):
        for name in _imports(path):
            if name.startswith("newsparse._formats."):
                assert not _private_parts(name), f"{path.relative_to(SRC)} imports {name}"
