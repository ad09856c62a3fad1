"""pytest fixtures for code that uses newsparse, loaded through the ``pytest11`` entry point.

- ``newsparse_registry``: the format registry, reloaded before and after the test, so
  that what the test registers does not leak into other tests.
- ``register_format``: a function that registers a throwaway format for one test::

      def test_my_pipeline(register_format):
          register_format(newsparse.FormatSpec(name="memo", writer=lambda a: a.title))
          assert newsparse.write(newsparse.Article("Hi"), "memo") == "Hi"

Nothing here imports Hypothesis, so the plugin costs nothing in test suites that do not
use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from .. import _plugins
from .._registry import FormatSpec, Registry
from ..hookspecs import Register, hookimpl

__all__ = ["newsparse_registry", "register_format"]


@pytest.fixture
def newsparse_registry() -> Iterator[Registry]:
    """The live format registry, reloaded before and after the test."""
    _plugins.reset()
    yield _plugins.get_registry()
    _plugins.reset()


class _ThrowawayPlugin:
    """A plugin object registering the given specs (one per ``register_format`` call)."""

    def __init__(self, spec: FormatSpec, replace: bool) -> None:
        self.spec = spec
        self.replace = replace

    @hookimpl
    def register_formats(self, register: Register) -> None:
        """Register the throwaway spec."""
        register(self.spec, replace=self.replace)


@pytest.fixture
def register_format(
    newsparse_registry: Registry,
) -> Iterator[Callable[..., FormatSpec]]:
    """A function ``register_format(spec, *, replace=False)`` for one test.

    It registers ``spec`` as the format of a throwaway plugin and returns the registered
    spec (with its ``plugin`` set). Everything is unregistered after the test.
    """
    names: list[str] = []

    def register(spec: FormatSpec, *, replace: bool = False) -> FormatSpec:
        name = f"test-plugin-{spec.name}-{len(names)}"
        plugin: Any = _ThrowawayPlugin(spec, replace)
        _plugins.register_plugin(plugin, name=name)
        names.append(name)
        return newsparse_registry.get(spec.name)

    yield register
    for name in reversed(names):
        _plugins.unregister_plugin(name)
