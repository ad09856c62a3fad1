"""Hooks are called through pluggy; entry points that give newsparse no hook are reported."""

from __future__ import annotations

import sys
import textwrap
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsparse
from _fake_plugins import module
from newsparse import PluginError, PluginWarning, _plugins, hookimpl

DUP = """
    import newsparse

    @newsparse.hookimpl{options}
    def register_formats(register):
        register(newsparse.FormatSpec(name="dup", writer=lambda a: "{name}"))
"""


def failures_of(name: str) -> list[str]:
    return [str(f) for f in newsparse.plugin_failures() if f.plugin == name]


def test_entry_point_naming_the_hook_function(entry_points: dict[str, types.ModuleType]) -> None:
    entry_points["np_fn = np_fn:register_formats"] = module(
        "np_fn", DUP.format(options="", name="x")
    )
    with pytest.warns(PluginWarning, match="np_fn") as record:
        names = [s.name for s in newsparse.formats()]
    assert "dup" not in names
    (message,) = failures_of("np_fn")
    assert message == (
        "plugin 'np_fn': entry point np_fn = 'np_fn:register_formats' names the function "
        "register_formats, not a plugin: name the module (or object) that holds the hook; "
        'use np_fn = "np_fn"'
    )
    assert [str(w.message) for w in record] == [message]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = 1\n", "has no newsparse hook: expected a function register_formats(register)"),
        (
            "def register_formats(register):\n    pass\n",
            "its register_formats is not marked with @newsparse.hookimpl",
        ),
        (
            "def register_format(register):\n    pass\n",
            "has no register_formats hook (it has 'register_format': a misspelling?)",
        ),
        (
            "import newsparse\n@newsparse.hookimpl\ndef register_format(register):\n    pass\n",
            "unknown hook 'register_format'",
        ),
    ],
    ids=["no-hook", "unmarked", "misspelled", "marked-misspelled"],
)
def test_entry_point_without_a_hook_is_reported(
    entry_points: dict[str, types.ModuleType], source: str, expected: str
) -> None:
    entry_points["np_nohook = np_nohook"] = module("np_nohook", source)
    with pytest.warns(PluginWarning, match="np_nohook"):
        newsparse.formats()
    (message,) = failures_of("np_nohook")
    assert expected in message
    assert message.startswith("plugin 'np_nohook': ")
    assert not _plugins.get_plugin_manager().has_plugin("np_nohook")


def test_marked_misspelling_lists_the_hooks(entry_points: dict[str, types.ModuleType]) -> None:
    entry_points["np_typo = np_typo"] = module(
        "np_typo", "import newsparse\n@newsparse.hookimpl\ndef register_fromats(register): pass\n"
    )
    with pytest.warns(PluginWarning):
        newsparse.formats()
    (message,) = failures_of("np_typo")
    assert message.endswith("(newsparse's hooks: register_formats)")


def test_register_plugin_refuses_a_function(fresh_registry: None) -> None:
    @hookimpl
    def register_formats(register: object) -> None:
        pass

    with pytest.raises(PluginError, match=r"names the function .*register_formats, not a plugin"):
        newsparse.register_plugin(register_formats, name="fn")
    assert not _plugins.get_plugin_manager().has_plugin("fn")


def test_later_entry_points_are_called_first(entry_points: dict[str, types.ModuleType]) -> None:
    entry_points["np_a = np_a"] = module("np_a", DUP.format(options="", name="a"))
    entry_points["np_b = np_b"] = module("np_b", DUP.format(options="", name="b"))
    with pytest.warns(PluginWarning, match="np_a.*already registered by 'np_b'"):
        assert newsparse.write(newsparse.Article("t"), "dup") == "b"


def test_tryfirst_is_honoured(entry_points: dict[str, types.ModuleType]) -> None:
    entry_points["np_a = np_a"] = module("np_a", DUP.format(options="(tryfirst=True)", name="a"))
    entry_points["np_b = np_b"] = module("np_b", DUP.format(options="", name="b"))
    with pytest.warns(PluginWarning, match="np_b.*already registered by 'np_a'"):
        assert newsparse.write(newsparse.Article("t"), "dup") == "a"


def test_trylast_is_honoured(entry_points: dict[str, types.ModuleType]) -> None:
    entry_points["np_a = np_a"] = module("np_a", DUP.format(options="", name="a"))
    entry_points["np_b = np_b"] = module("np_b", DUP.format(options="(trylast=True)", name="b"))
    with pytest.warns(PluginWarning, match="np_b.*already registered by 'np_a'"):
        assert newsparse.write(newsparse.Article("t"), "dup") == "a"


def test_builtins_register_before_a_tryfirst_plugin(
    entry_points: dict[str, types.ModuleType],
) -> None:
    entry_points["np_wire = np_wire"] = module(
        "np_wire",
        """
        import newsparse

        @newsparse.hookimpl(tryfirst=True)
        def register_formats(register):
            register(newsparse.FormatSpec(name="wire", writer="builtins:str"))
        """,
    )
    with pytest.warns(PluginWarning, match="np_wire.*already registered by 'newsparse.wire'"):
        assert newsparse.get_format("wire").plugin == "newsparse.wire"


def test_hook_calls_go_through_pluggy_monitoring(fresh_registry: None) -> None:
    calls: list[tuple[str, list[str]]] = []
    pm = _plugins.get_plugin_manager()
    undo = pm.add_hookcall_monitoring(
        lambda name, impls, kwargs: calls.append((name, [i.plugin_name for i in impls])),
        lambda outcome, name, impls, kwargs: None,
    )
    try:
        plugin = module("np_watched", DUP.format(options="", name="w"))
        newsparse.register_plugin(plugin, name="np_watched")
    finally:
        undo()
    assert calls == [("register_formats", ["np_watched"])]


def test_a_wrapper_sees_every_plugins_call(fresh_registry: None) -> None:
    seen: list[int] = []

    class Wrapper:
        @hookimpl(wrapper=True)
        def register_formats(self, register: object) -> Iterator[None]:
            seen.append(1)
            return (yield)

    newsparse.register_plugin(Wrapper(), name="np_wrapper")
    assert seen == [1]  # the wrapper's own registration: a wrapper holds no formats
    newsparse.register_plugin(module("np_c", DUP.format(options="", name="c")), name="np_c")
    assert seen == [1, 1]
    assert newsparse.write(newsparse.Article("t"), "dup") == "c"


def test_trace_switch_prints_hook_calls(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSPARSE_TRACE_PLUGINS", "1")
    newsparse.formats()
    err = capsys.readouterr().err
    assert "newsparse: hook register_formats(register=<function" in err
    assert "calls newsparse.wire" in err
    assert "hook register_formats of newsparse.wire returned []" in err


def test_trace_shows_what_a_hook_raised(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSPARSE_TRACE_PLUGINS", "1")
    loud = module(
        "np_loud",
        "import newsparse\n@newsparse.hookimpl\ndef register_formats(register):\n"
        "    raise ValueError('no')\n",
    )
    with pytest.raises(PluginError, match="register_formats raised ValueError: no"):
        newsparse.register_plugin(loud, name="np_loud")
    assert "hook register_formats of np_loud raised ValueError: no" in capsys.readouterr().err


def test_plugins_lists_distributions_and_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    (tmp_path / "np_listed.py").write_text(
        textwrap.dedent(DUP.format(options="", name="l")), encoding="utf-8"
    )
    info = tmp_path / "np_listed-2.5.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: newsparse-listed\nVersion: 2.5\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text("[newsparse]\nlisted = np_listed\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.setenv("NEWSPARSE_LOAD_PLUGINS", "listed")
    try:
        (listed,) = newsparse.plugins()
    finally:
        sys.modules.pop("np_listed", None)
    assert listed == newsparse.PluginInfo("listed", "newsparse-listed", "2.5", ("dup",), (), False)
    builtin = {p.name: p for p in newsparse.plugins(builtin=True)}
    assert builtin["newsparse.json"].formats == ("json", "jsonl")
    assert builtin["newsparse.json"].distribution == "newsparse"
    assert builtin["newsparse.json"].builtin
