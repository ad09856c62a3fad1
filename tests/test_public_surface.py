"""The public surface: what ``newsparse`` exports, what moved, and what the docs may name."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsparse
import newsparse.batch

REPO = Path(__file__).resolve().parents[1]
PAGES = sorted([REPO / "README.md", *(REPO / "docs").rglob("*.md")])


def test_all_is_exactly_the_public_names() -> None:
    public = {name for name in vars(newsparse) if not name.startswith("_")}
    modules = {name for name in public if inspect.ismodule(getattr(newsparse, name))}
    # what else is in the namespace: submodules, and the names __init__ imports for itself
    assert public - set(newsparse.__all__) - modules <= {
        "annotations",
        "contextlib",
        "importlib",
        "warnings",
        "Any",
    }
    for name in newsparse.__all__:
        assert getattr(newsparse, name) is not None
    assert not [n for n in newsparse.__all__ if n in ("BatchResult", "Result", "Failure")]


@pytest.mark.parametrize(
    "name", ["BatchResult", "Failure", "Result", "convert_many", "iter_articles"]
)
def test_batch_names_moved_with_a_deprecation_warning(name: str) -> None:
    with pytest.warns(DeprecationWarning, match=f"use newsparse.batch.{name}"):
        old = getattr(newsparse, name)
    assert old is getattr(newsparse.batch, name)
    assert old.__module__ == "newsparse.batch"


def test_batch_is_reachable_after_import_newsparse() -> None:
    code = "import newsparse; print(newsparse.batch.convert_many.__module__)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "newsparse.batch"


def test_warnings_are_public() -> None:
    from newsparse._formats.feeds import _read as feeds
    from newsparse._formats.json import _lines

    assert _lines.BadLineWarning is newsparse.BadLineWarning
    assert feeds.BadItemWarning is newsparse.BadItemWarning
    for warning in (newsparse.BadLineWarning, newsparse.BadItemWarning, newsparse.PluginWarning):
        assert issubclass(warning, UserWarning)
        assert warning.__module__ == "newsparse"
    with pytest.warns(newsparse.BadLineWarning):
        list(newsparse.read_many('{"title": "a"}\n{\n', "jsonl", errors="warn"))


def test_schema_path() -> None:
    assert newsparse.schema_path().name == "schema.json"
    assert newsparse.schema_path("jsonl") == newsparse.schema_path("json")
    assert newsparse.schema_path("ninjs").is_file()
    assert newsparse.schema_path("ninjs", "3.1").name == "ninjs-schema_3.1.json"
    with pytest.raises(ValueError, match="ships no JSON Schema"):
        newsparse.schema_path("wire")
    with pytest.raises(newsparse.UnknownFormatError):
        newsparse.schema_path("nope")


def test_formats_lookups() -> None:
    names = lambda specs: [s.name for s in specs]  # noqa: E731
    assert names(newsparse.formats(filename="story.wire.txt")) == ["wire"]
    assert names(newsparse.formats(filename="/x/y/feed.ATOM")) == ["atom"]
    assert names(newsparse.formats(filename="no-suffix")) == []
    assert "json" in names(newsparse.formats(media_type="application/json; charset=utf-8"))
    readers = newsparse.formats(can_read=True)
    assert readers
    assert all(s.can_read for s in readers)
    assert names(newsparse.formats(can_read=False)) == [
        s.name for s in newsparse.formats() if not s.can_read
    ]
    assert names(newsparse.formats()) == sorted(names(newsparse.formats()))


def test_max_size_default_is_the_formats_limit() -> None:
    signature = inspect.signature(newsparse.read)
    assert signature.parameters["max_size"].default == "format"
    text = " date trending:\n\nHarbour reopens\n\n"
    assert newsparse.read(text, "wire", max_size="format").title == "Harbour reopens"
    with pytest.raises(newsparse.ReadError, match="over the 5 limit"):
        newsparse.read(text, "wire", max_size=5)
    assert newsparse.read(text, "wire", max_size=None).title == "Harbour reopens"
    with pytest.warns(DeprecationWarning, match="max_size='format'"):
        assert newsparse.read(text, "wire", max_size=-1).title == "Harbour reopens"
    with pytest.raises(newsparse.OptionError, match="max_size must be"):
        newsparse.read(text, "wire", max_size="big")  # type: ignore[arg-type]


def test_no_public_signature_shows_a_private_parameter() -> None:
    functions = [getattr(newsparse, n) for n in newsparse.__all__]
    functions += [getattr(newsparse.batch, n) for n in newsparse.batch.__all__]
    for func in functions:
        if not inspect.isfunction(func):
            continue
        for parameter in inspect.signature(func).parameters:
            assert not parameter.startswith("_"), (func.__name__, parameter)


_CALL = re.compile(r"`[^`]*\bnewsparse\._\w[\w.]*\(")
_CODE = re.compile(r"```python\n(.*?)^```", re.S | re.M)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_docs_use_only_public_names(page: Path) -> None:
    """No example imports a private module, and no page tells users to call into one.

    Prose may still say where an internal piece lives (an implementation note).
    """
    text = page.read_text(encoding="utf-8")
    for block in _CODE.findall(text):
        assert "newsparse._" not in block, page
        assert not re.search(
            r"newsparse\.(convert_many|iter_articles|BatchResult|Failure|Result)\b", block
        )
    assert not _CALL.search(text), _CALL.search(text)
