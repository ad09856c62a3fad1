"""The fixtures newsparse offers to every pytest suite (``pytest11`` entry point)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import newsparse
from newsparse import Article, FormatSpec
from newsparse._registry import Registry


def test_register_format(register_format: Callable[..., FormatSpec]) -> None:
    spec = register_format(FormatSpec(name="shout", writer=lambda a: a.title.upper()))
    assert spec.plugin is not None
    assert spec.plugin.startswith("test-plugin-shout")
    assert newsparse.write(Article("hello"), "shout") == "HELLO"


def test_registered_format_does_not_leak() -> None:
    with pytest.raises(newsparse.UnknownFormatError):
        newsparse.get_format("shout")


def test_register_format_refuses_duplicates(register_format: Callable[..., FormatSpec]) -> None:
    with pytest.raises(newsparse.PluginError, match="already registered"):
        register_format(FormatSpec(name="wire", writer=lambda a: ""))
    with pytest.warns(newsparse.PluginWarning, match=r"replaces the built-in format 'wire'"):
        replaced = register_format(FormatSpec(name="wire", writer=lambda a: "x"), replace=True)
    assert newsparse.write(Article("t"), "wire") == "x"
    assert replaced.plugin is not None


def test_wire_is_back_after_replacement() -> None:
    assert newsparse.get_format("wire").plugin == "newsparse.wire"


def test_registry_fixture(newsparse_registry: Registry) -> None:
    assert "wire" in newsparse_registry
