"""The fixtures newsparse offers to every pytest suite (``pytest11`` entry point)."""

from __future__ import annotations

import pytest

import newsparse
from newsparse import Article, FormatSpec
from newsparse.testing.pytest_plugin import RegisterFormat


def test_register_format(register_format: RegisterFormat) -> None:
    spec = register_format(FormatSpec(name="shout", writer=lambda a: a.title.upper()))
    assert spec.plugin is not None
    assert spec.plugin.startswith("test-plugin-shout")
    assert newsparse.write(Article("hello"), "shout") == "HELLO"


def test_registered_format_does_not_leak() -> None:
    with pytest.raises(newsparse.UnknownFormatError):
        newsparse.get_format("shout")


def test_register_format_refuses_duplicates(register_format: RegisterFormat) -> None:
    with pytest.raises(newsparse.PluginError, match="already registered"):
        register_format(FormatSpec(name="wire", writer=lambda a: ""))
    with pytest.warns(newsparse.PluginWarning, match=r"replaces the built-in format 'wire'"):
        replaced = register_format(FormatSpec(name="wire", writer=lambda a: "x"), replace=True)
    assert newsparse.write(Article("t"), "wire") == "x"
    assert replaced.plugin is not None


def test_wire_is_back_after_replacement() -> None:
    assert newsparse.get_format("wire").plugin == "newsparse.wire"


def test_registry_fixture(newsparse_registry: None) -> None:
    assert newsparse_registry is None
    assert newsparse.get_format("wire").plugin == "newsparse.wire"
    newsparse.register_plugin(_memo_module(), name="leaky")  # gone after the test


def test_registry_fixture_undid_the_registration() -> None:
    assert "leaky" not in {p.name for p in newsparse.plugins()}


def test_register_format_is_typed(register_format: RegisterFormat) -> None:
    spec: FormatSpec = register_format(FormatSpec(name="typed", writer=lambda a: a.title))
    assert spec.name == "typed"


def _memo_module() -> object:
    import types

    module = types.ModuleType("leaky")

    @newsparse.hookimpl
    def register_formats(register: newsparse.hookspecs.Register) -> None:
        register(FormatSpec(name="leaky", writer=lambda a: a.title))

    module.register_formats = register_formats  # type: ignore[attr-defined]
    return module
