from __future__ import annotations

import sys
import textwrap
import types
from pathlib import Path

import pytest

import newsparse
from newsparse import FormatSpec, PluginError, PluginWarning, _plugins, hookimpl


def make_plugin(name: str, *specs: FormatSpec, replace: bool = False) -> types.ModuleType:
    module = types.ModuleType(name)

    @hookimpl
    def register_formats(register):  # type: ignore[no-untyped-def]
        for spec in specs:
            register(spec, replace=replace)

    module.register_formats = register_formats  # type: ignore[attr-defined]
    return module


def test_builtins_register_through_the_hook(fresh_registry: None) -> None:
    spec = newsparse.get_format("wire")
    assert spec.plugin == "newsparse.wire"
    pm = _plugins.get_plugin_manager()
    assert pm.has_plugin("newsparse.wire")
    registered = [impl.plugin_name for impl in pm.hook.register_formats.get_hookimpls()]
    assert registered == list(_plugins.BUILTIN_PLUGINS)
    for name in ("json", "jsonl", "jsonld"):
        assert newsparse.get_format(name).plugin in _plugins.BUILTIN_PLUGINS


def test_throwaway_plugin_round_trip(memo_plugin: str) -> None:
    spec = newsparse.get_format("memo")
    assert spec.plugin == memo_plugin
    article = newsparse.read("title: Hello\nauthor: Ana Ruiz\npara: One.\n", "memo")
    assert article.title == "Hello"
    assert newsparse.read(newsparse.write(article, "memo"), "memo") == article
    assert "memo" in [s.name for s in newsparse.formats()]


def test_unregister_removes_formats(memo_plugin: str) -> None:
    newsparse.unregister_plugin(memo_plugin)
    with pytest.raises(newsparse.UnknownFormatError):
        newsparse.get_format("memo")
    newsparse.register_plugin(sys.modules["memo_plugin"], name=memo_plugin)


def test_duplicate_name_refused(fresh_registry: None) -> None:
    clash = make_plugin("clash", FormatSpec(name="wire", writer="builtins:str"))
    with pytest.raises(PluginError, match="already registered") as info:
        newsparse.register_plugin(clash)
    assert info.value.plugin == "clash"
    assert newsparse.get_format("wire").plugin == "newsparse.wire"


def test_replace_on_request(fresh_registry: None) -> None:
    better = make_plugin(
        "better-wire", FormatSpec(name="wire", writer="builtins:str"), replace=True
    )
    with pytest.warns(PluginWarning) as record:
        newsparse.register_plugin(better)
    assert newsparse.get_format("wire").plugin == "better-wire"
    (message,) = [str(w.message) for w in record]
    assert message == (
        "plugin 'better-wire': its format 'wire' replaces the built-in format 'wire' "
        "(plugin 'newsparse.wire')"
    )


def test_hook_with_unknown_argument_is_refused(fresh_registry: None) -> None:
    module = types.ModuleType("wrong")

    @hookimpl
    def register_formats(register, unexpected):  # type: ignore[no-untyped-def]
        pass

    module.register_formats = register_formats  # type: ignore[attr-defined]
    with pytest.raises(PluginError, match="wrong"):
        newsparse.register_plugin(module)
    assert newsparse.get_format("wire")


def write_distribution(root: Path, name: str, module_source: str) -> None:
    """Install a real (if tiny) distribution into ``root``: a module and its dist-info."""
    (root / f"{name}.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    info = root / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[newsparse]\n{name} = {name}\n", encoding="utf-8")


GOOD_PLUGIN = """
    import newsparse

    @newsparse.hookimpl
    def register_formats(register):
        register(newsparse.FormatSpec(
            name="shout", writer="{name}:write", extensions=[".shout"]))

    def write(article):
        return article.title.upper() + "\\n"
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_registry: None) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    # only this test's distributions: plugins installed in the environment stay out
    monkeypatch.setenv("NEWSPARSE_LOAD_PLUGINS", "np_shout,np_broken,np_badspec")
    yield tmp_path
    for name in ("np_shout", "np_broken", "np_badspec"):
        sys.modules.pop(name, None)


def test_entry_point_discovery(site: Path) -> None:
    write_distribution(site, "np_shout", GOOD_PLUGIN.replace("{name}", "np_shout"))
    spec = newsparse.get_format("shout")
    assert spec.plugin == "np_shout"
    assert newsparse.write(newsparse.Article("quiet"), "shout") == "QUIET\n"


def test_entry_points_loaded_once(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_distribution(site, "np_shout", GOOD_PLUGIN.replace("{name}", "np_shout"))
    calls = []
    from importlib import metadata

    real = metadata.entry_points

    def counting(**kw: object):  # type: ignore[no-untyped-def]
        calls.append(kw)
        return real(**kw)  # type: ignore[arg-type]

    monkeypatch.setattr(metadata, "entry_points", counting)
    newsparse.formats()
    newsparse.formats()
    newsparse.get_format("shout")
    assert len(calls) == 1


def test_autoload_switch(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_distribution(site, "np_shout", GOOD_PLUGIN.replace("{name}", "np_shout"))
    monkeypatch.setenv("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert "shout" not in [s.name for s in newsparse.formats()]


def test_allow_list(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_distribution(site, "np_shout", GOOD_PLUGIN.replace("{name}", "np_shout"))
    monkeypatch.setenv("NEWSPARSE_LOAD_PLUGINS", "something_else")
    assert "shout" not in [s.name for s in newsparse.formats()]
    _plugins.reset()
    monkeypatch.setenv("NEWSPARSE_LOAD_PLUGINS", "something_else, np_shout")
    assert "shout" in [s.name for s in newsparse.formats()]


def test_plugin_raising_on_import_is_reported(site: Path) -> None:
    write_distribution(site, "np_broken", "raise RuntimeError('boom at import')\n")
    write_distribution(site, "np_shout", GOOD_PLUGIN.replace("{name}", "np_shout"))
    with pytest.warns(PluginWarning, match=r"plugin 'np_broken'.*boom at import"):
        names = [s.name for s in newsparse.formats()]
    assert {"shout", "wire"} <= set(names)
    failures = newsparse.plugin_failures()
    assert [f.plugin for f in failures] == ["np_broken"]


def test_plugin_with_bad_spec_is_reported(site: Path) -> None:
    write_distribution(
        site,
        "np_badspec",
        """
        import newsparse

        @newsparse.hookimpl
        def register_formats(register):
            register("not a spec")
            register(newsparse.FormatSpec(name="wire", writer="builtins:str"))
            register(newsparse.FormatSpec(name="fine", writer="builtins:str"))
        """,
    )
    with pytest.warns(PluginWarning) as record:
        names = [s.name for s in newsparse.formats()]
    messages = [str(w.message) for w in record]
    assert any("np_badspec" in m and "not a FormatSpec" in m for m in messages)
    assert any("np_badspec" in m and "already registered" in m for m in messages)
    assert "fine" in names
    assert newsparse.get_format("wire").plugin == "newsparse.wire"


def test_faked_distribution(monkeypatch: pytest.MonkeyPatch, fresh_registry: None) -> None:
    """The pluggy way: fake the entry points, install nothing."""
    from importlib import metadata

    module = make_plugin("faked", FormatSpec(name="faked", writer="builtins:str"))
    monkeypatch.setitem(sys.modules, "faked_plugin_module", module)
    monkeypatch.delenv("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    ep = metadata.EntryPoint(name="faked", value="faked_plugin_module", group="newsparse")
    monkeypatch.setattr(metadata, "entry_points", lambda **kw: [ep, ep])
    assert newsparse.get_format("faked").plugin == "faked"
