"""A bad plugin costs only itself: whatever it raises, the host reports it and goes on.

Every case registers a throwaway plugin (in code, or as a tiny installed distribution)
and checks that the caller's process, the other formats and the other inputs of a batch
carry on, with the plugin named in a PluginWarning, plugin_failures() or the error.
"""

from __future__ import annotations

import math
import subprocess
import sys
import types
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import Article, FormatSpec, PluginError, PluginWarning, hookimpl
from test_plugins import make_plugin, write_distribution

WIRE = " date 2024-03-05 trending:\n\nHarbour reopens\n\nBoats left at dawn.\n\n"


class Stop(BaseException):
    """A BaseException of a plugin's own, neither Exception nor SystemExit."""


def raiser(exc: BaseException) -> Callable[..., Any]:
    def hook(*args: object, **kwargs: object) -> Any:
        raise exc

    return hook


@pytest.fixture
def plugin(fresh_registry: None) -> Iterator[Callable[..., str]]:
    """Register throwaway plugins for one test: ``plugin(FormatSpec(...), ...)``."""
    names: list[str] = []

    def register(*specs: FormatSpec, replace: bool = False) -> str:
        name = f"bad-plugin-{len(names)}"
        names.append(name)
        return newsparse.register_plugin(make_plugin(name, *specs, replace=replace), name=name)

    yield register
    for name in names:
        newsparse.unregister_plugin(name)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_registry: None) -> Path:
    """A folder on sys.path where a test installs distributions with entry points."""
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.setenv("NEWSPARSE_LOAD_PLUGINS", "np_exit,np_hookexit,np_stop")
    yield tmp_path
    for name in ("np_exit", "np_hookexit", "np_stop"):
        sys.modules.pop(name, None)


EXIT_AT_IMPORT = "raise SystemExit(3)\n"
EXIT_IN_HOOK = """
import newsparse

@newsparse.hookimpl
def register_formats(register):
    raise SystemExit("no formats today")
"""


# ---------------------------------------------------------------------------
# loading


@pytest.mark.parametrize(
    ("name", "source", "expected"),
    [
        ("np_exit", EXIT_AT_IMPORT, r"plugin 'np_exit': failed to import: SystemExit: 3"),
        ("np_stop", "raise GeneratorExit\n", r"plugin 'np_stop': failed to import: GeneratorExit"),
        (
            "np_hookexit",
            EXIT_IN_HOOK,
            r"plugin 'np_hookexit': register_formats raised SystemExit: no formats today",
        ),
    ],
)
def test_base_exception_while_loading_is_reported(
    site: Path, name: str, source: str, expected: str
) -> None:
    write_distribution(site, name, source)
    with pytest.warns(PluginWarning, match=expected):
        names = {spec.name for spec in newsparse.formats()}
    assert {"wire", "json", "html"} <= names
    assert [failure.plugin for failure in newsparse.plugin_failures()] == [name]
    assert newsparse.read(WIRE, "wire").title == "Harbour reopens"


def test_keyboard_interrupt_at_import_reaches_the_caller(site: Path) -> None:
    write_distribution(site, "np_stop", "raise KeyboardInterrupt\n")
    with pytest.raises(KeyboardInterrupt):
        newsparse.formats()


def test_hook_raising_system_exit_in_code(fresh_registry: None) -> None:
    module = types.ModuleType("exits")

    @hookimpl
    def register_formats(register):  # type: ignore[no-untyped-def]
        raise SystemExit(2)

    module.register_formats = register_formats  # type: ignore[attr-defined]
    with pytest.raises(PluginError, match=r"plugin 'exits': register_formats raised SystemExit"):
        newsparse.register_plugin(module, name="exits")
    assert newsparse.get_format("wire")


def test_plugin_object_whose_attributes_raise(fresh_registry: None) -> None:
    class Hostile:
        def __getattr__(self, name: str) -> Any:
            raise SystemExit(f"no attribute {name}")

        def __dir__(self) -> list[str]:
            return ["register_formats"]

    with pytest.raises(PluginError, match="hostile"):
        newsparse.register_plugin(Hostile(), name="hostile")
    assert newsparse.get_format("wire")


def test_lazy_reader_module_exiting_at_import(
    plugin: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("exiting_reader")
    module.__getattr__ = raiser(SystemExit(4))  # type: ignore[method-assign]
    monkeypatch.setitem(sys.modules, "exiting_reader", module)
    plugin(FormatSpec(name="lazy", reader="exiting_reader:read"))
    with pytest.raises(PluginError, match=r"'exiting_reader:read', cannot be loaded: SystemExit"):
        newsparse.read("x", "lazy")


def test_cli_formats_survives_a_plugin_exiting_at_import(site: Path, tmp_path: Path) -> None:
    """In a real process: `newsparse formats` lists the formats and names the plugin."""
    write_distribution(site, "np_exit", EXIT_AT_IMPORT)
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(site),
        "NEWSPARSE_LOAD_PLUGINS": "np_exit",
    }
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", "formats"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert {"wire", "html"} <= {line.split(" ", 1)[0] for line in done.stdout.splitlines()}
    assert "plugin 'np_exit': failed to import: SystemExit: 3" in done.stderr


def test_cli_convert_survives_a_plugin_exiting_at_import(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsparse.cli import main

    write_distribution(site, "np_exit", EXIT_AT_IMPORT)
    source = tmp_path / "harbour.wire.txt"
    source.write_text(WIRE, encoding="utf-8")
    with pytest.warns(PluginWarning, match="np_exit"):
        code = main(["convert", str(source), "--to", "json"])
    assert code == 0
    assert '"title":"Harbour reopens"' in capsys.readouterr().out


# ---------------------------------------------------------------------------
# running


@pytest.mark.parametrize("exc", [SystemExit(1), GeneratorExit(), Stop("halt"), ValueError("x")])
def test_reader_raising_anything_is_a_read_error(
    plugin: Callable[..., str], exc: BaseException
) -> None:
    name = plugin(FormatSpec(name="boom", reader=raiser(exc)))
    with pytest.raises(newsparse.ReadError, match=rf"plugin '{name}'.*{type(exc).__name__}"):
        newsparse.read("anything", "boom")


def test_keyboard_interrupt_from_a_reader_reaches_the_caller(plugin: Callable[..., str]) -> None:
    plugin(FormatSpec(name="boom", reader=raiser(KeyboardInterrupt())))
    with pytest.raises(KeyboardInterrupt):
        newsparse.read("anything", "boom")


def test_writer_raising_system_exit_is_a_write_error(plugin: Callable[..., str]) -> None:
    def many(articles: Any) -> Iterator[str]:
        yield "first\n"
        raise SystemExit(5)

    name = plugin(FormatSpec(name="boom", writer=raiser(SystemExit(5)), many_writer=many))
    with pytest.raises(newsparse.WriteError, match=rf"plugin '{name}'.*SystemExit: 5"):
        newsparse.write(Article("t"), "boom")
    chunks = newsparse.write_many([Article("t")], "boom")
    assert next(chunks) == "first\n"
    with pytest.raises(newsparse.WriteError, match="SystemExit"):
        next(chunks)


def test_many_reader_raising_system_exit_keeps_what_it_read(
    plugin: Callable[..., str],
) -> None:
    def many(stream: Any) -> Iterator[Article]:
        yield Article("one")
        raise SystemExit(6)

    plugin(FormatSpec(name="boom", reader=lambda text: Article(text), many_reader=many))
    articles = newsparse.read_many("text", "boom")
    assert next(articles).title == "one"
    with pytest.raises(newsparse.ReadError, match="SystemExit: 6"):
        next(articles)


def test_encoding_detector_raising_system_exit(plugin: Callable[..., str]) -> None:
    name = plugin(
        FormatSpec(name="boom", reader=lambda text: Article(text), encoding_detector=raiser(Stop()))
    )
    with pytest.raises(newsparse.ReadError, match=rf"plugin '{name}'.*Stop"):
        newsparse.read(b"bytes", "boom")


def test_sniffer_raising_system_exit_loses_its_vote_once(plugin: Callable[..., str]) -> None:
    name = plugin(
        FormatSpec(name="boom", reader=lambda t: Article(t), sniffer=raiser(SystemExit()))
    )
    with pytest.warns(PluginWarning, match=rf"plugin '{name}'.*sniffer.*SystemExit"):
        assert newsparse.detect_format(WIRE) == "wire"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # reported once, not on every detection
        assert newsparse.detect_format(WIRE) == "wire"
    assert [f.plugin for f in newsparse.plugin_failures()] == [name]


def test_batch_goes_on_past_a_reader_raising_system_exit(
    plugin: Callable[..., str], tmp_path: Path
) -> None:
    def read(text: str) -> Article:
        if "exit" in text:
            raise SystemExit(7)
        return Article(text.strip())

    name = plugin(FormatSpec(name="fussy", reader=read, extensions=[".fussy"]))
    for stem, text in (("a", "first"), ("b", "exit now"), ("c", "third")):
        (tmp_path / f"{stem}.fussy").write_text(text, encoding="utf-8")
    results = list(newsparse.batch.iter_articles(tmp_path, jobs=1))
    titles = [r.article.title for r in results if r.article is not None]
    failures = [r.failure for r in results if r.failure is not None]
    assert titles == ["first", "third"]
    assert len(failures) == 1
    assert f"plugin {name!r}" in failures[0].message
    assert "SystemExit: 7" in failures[0].message


# ---------------------------------------------------------------------------
# displacing other formats


def test_replacing_another_plugins_format_warns(plugin: Callable[..., str]) -> None:
    first = plugin(FormatSpec(name="memo2", writer="builtins:str"))
    with pytest.warns(PluginWarning, match=rf"replaces format 'memo2' \(plugin '{first}'\)"):
        plugin(FormatSpec(name="memo2", writer="builtins:repr"), replace=True)


def test_claiming_html_with_a_sure_sniffer_warns(
    plugin: Callable[..., str], tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(newsparse.write(Article("Harbour reopens"), "html"), encoding="utf-8")
    name = plugin(
        FormatSpec(
            name="greedy",
            reader=lambda data: Article("mine"),
            sniffer=lambda head: 1.0,
            extensions=[".html"],
            binary=True,
        )
    )
    with pytest.warns(PluginWarning) as record:
        assert newsparse.read(page).title == "mine"
    (message,) = [str(w.message) for w in record]
    assert message.startswith(f"plugin {name!r}: its format 'greedy' claims .html")
    assert "format 'html' (plugin 'newsparse.html')" in message
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # once per pair of formats
        assert newsparse.read(page).title == "mine"


def test_builtin_formats_sharing_nothing_do_not_warn(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(newsparse.write(Article("Harbour reopens"), "html"), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert newsparse.read(page).title == "Harbour reopens"


@pytest.mark.parametrize(
    ("raw", "counted"), [(7.0, 1.0), (-3, 0.0), (math.nan, 0.0), (math.inf, 1.0)]
)
def test_sniffer_scores_are_clamped_with_one_warning(
    plugin: Callable[..., str], raw: float, counted: float
) -> None:
    from newsparse import _api

    name = plugin(FormatSpec(name="loud", reader=lambda t: Article(t), sniffer=lambda h: raw))
    with pytest.warns(PluginWarning, match=rf"plugin '{name}'.*returned .*outside \[0, 1\]"):
        assert _api._sniff_all("anything")["loud"] == counted
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _api._sniff_all("anything else")["loud"] == counted


def test_sniffer_returning_no_number_is_reported(plugin: Callable[..., str]) -> None:
    name = plugin(FormatSpec(name="odd", reader=lambda t: Article(t), sniffer=lambda h: "high"))
    with pytest.warns(PluginWarning, match=rf"plugin '{name}'.*ValueError"):
        assert newsparse.detect_format(WIRE) == "wire"
