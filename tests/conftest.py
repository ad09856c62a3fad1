"""Shared fixtures: a registry isolated from installed plugins, and a throwaway format."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

# Installed third-party plugins must not change what the suite sees; tests that exercise
# entry-point loading clear this switch themselves.
os.environ["NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD"] = "1"

import pytest
from hypothesis import HealthCheck, settings

import newsparse
from newsparse import _plugins

settings.register_profile("default", deadline=None)
settings.register_profile(
    "ci", deadline=None, max_examples=400, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PLUGINS = Path(__file__).resolve().parent / "plugins"


@pytest.fixture
def fresh_registry() -> Iterator[None]:
    """Reload the plugins before and after the test, so its changes do not leak."""
    _plugins.reset()
    yield
    _plugins.reset()


@pytest.fixture
def memo_plugin(fresh_registry: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Register the throwaway ``memo`` format from tests/plugins for one test."""
    monkeypatch.syspath_prepend(str(PLUGINS))
    import memo_plugin

    name = newsparse.register_plugin(memo_plugin, name="memo-plugin")
    yield name
    newsparse.unregister_plugin(name)


@pytest.fixture
def shared() -> Path:
    """The shared data folder next to the repository; skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture
def entry_points(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> Iterator[dict[str, types.ModuleType]]:
    """Modules to load through faked entry points: ``{"name = value": module}``."""
    modules: dict[str, types.ModuleType] = {}
    monkeypatch.delenv("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.delenv("NEWSPARSE_LOAD_PLUGINS", raising=False)

    def faked(**kw: object) -> list[metadata.EntryPoint]:
        eps = []
        for line, module in modules.items():
            name, _, value = (part.strip() for part in line.partition("="))
            sys.modules[module.__name__] = module
            eps.append(metadata.EntryPoint(name=name, value=value, group="newsparse"))
        return eps

    monkeypatch.setattr(metadata, "entry_points", faked)
    yield modules
    for module in modules.values():
        sys.modules.pop(module.__name__, None)
