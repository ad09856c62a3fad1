"""pytest fixtures for code that uses newsparse, loaded through the ``pytest11`` entry point.

Installing newsparse makes them available in every pytest suite; nothing to import.

- ``register_format``: a :class:`RegisterFormat` function that registers a throwaway
  format for one test, and unregisters it after::

      def test_my_pipeline(register_format):
          register_format(newsparse.FormatSpec(name="memo", writer=lambda a: a.title))
          assert newsparse.write(newsparse.Article("Hi"), "memo") == "Hi"

- ``newsparse_registry``: isolates the format registry. The plugins are loaded afresh
  before the test and again after it, so that whatever the test registers (with
  :func:`newsparse.register_plugin`, say) or breaks does not leak into other tests. It
  gives ``None``: use it for its effect, ``@pytest.mark.usefixtures("newsparse_registry")``,
  and look formats up with :func:`newsparse.get_format` as usual.

Nothing here imports Hypothesis, so the plugin costs nothing in test suites that do not
use it. A project that does not want these fixtures disables the plugin with
``-p no:newsparse``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

import pytest

from .. import _plugins
from .._registry import FormatSpec
from ..hookspecs import Register, hookimpl

__all__ = ["RegisterFormat", "newsparse_registry", "register_format"]


class RegisterFormat(Protocol):
    """The type of the ``register_format`` fixture, for annotating tests."""

    def __call__(self, spec: FormatSpec, *, replace: bool = False) -> FormatSpec:
        """Register ``spec`` for this test; return it as registered (``plugin`` set).

        ``replace=True`` replaces a format of the same name (a built-in one too) for the
        test, with the :class:`newsparse.PluginWarning` that replacing gives.
        """


@pytest.fixture
def newsparse_registry() -> Iterator[None]:
    """Load the plugins afresh before and after the test (gives ``None``)."""
    _plugins.reset()
    yield None
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
def register_format(newsparse_registry: None) -> Iterator[RegisterFormat]:
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
        return _plugins.get_registry().get(spec.name)

    yield register
    for name in reversed(names):
        _plugins.unregister_plugin(name)
