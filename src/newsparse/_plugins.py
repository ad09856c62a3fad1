"""The plugin manager: built-in formats and entry-point plugins, loaded lazily, once.

Environment switches:

- ``NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD`` (any non-empty value): load no entry-point plugins,
  only the built-in formats and plugins registered in code.
- ``NEWSPARSE_LOAD_PLUGINS=a,b``: load only the entry points named ``a`` and ``b``
  (an empty value loads none).

Plugin code runs guarded: whatever a plugin raises at import, in its hook, or later in a
reader, writer or sniffer (``SystemExit`` and other ``BaseException`` subclasses too) is
reported with the plugin's name and costs only that plugin. The one exception is
:class:`KeyboardInterrupt`, which always reaches the caller: newsparse cannot tell a
plugin's from the user's Ctrl-C.
"""

from __future__ import annotations

import importlib
import os
import threading
import warnings
from typing import Any

import attrs
import pluggy

from . import hookspecs
from ._errors import NewsparseError, PluginError
from ._registry import FormatSpec, Registry

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PluginWarning",
    "get_plugin_manager",
    "get_registry",
    "plugin_failures",
    "register_plugin",
    "reset",
    "unregister_plugin",
]

ENTRY_POINT_GROUP = "newsparse"
ENV_DISABLE_AUTOLOAD = "NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD"
ENV_LOAD_PLUGINS = "NEWSPARSE_LOAD_PLUGINS"

BUILTIN_PLUGINS: dict[str, str] = {
    "newsparse.wire": "newsparse._formats.wire",
    "newsparse.json": "newsparse._formats.json",
    "newsparse.jsonld": "newsparse._formats.jsonld",
    "newsparse.html": "newsparse._formats.html",
    "newsparse.ninjs": "newsparse._formats.ninjs",
    "newsparse.nitf": "newsparse._formats.nitf",
    "newsparse.feeds": "newsparse._formats.feeds",
    "newsparse.newsmlg2": "newsparse._formats.newsmlg2",
    "newsparse.markdown": "newsparse._formats.markdown",
    "newsparse.text": "newsparse._formats.text",
}
"""The built-in formats' plugin names and modules, registered like any third-party plugin."""


class PluginWarning(UserWarning):
    """Issued when a plugin fails or displaces another format; the rest keep working.

    Also issued when a plugin's format replaces a format of another plugin
    (``replace=True``), when detection gives a plugin's format a source that another
    plugin's format claims by extension or media type, and (once per format) when a
    sniffer returns a score outside [0, 1].
    """


def interrupts(exc: BaseException) -> bool:
    """Whether ``exc``, raised by plugin code, must reach the caller: a KeyboardInterrupt.

    Anything else a plugin raises (``SystemExit``, ``GeneratorExit`` or any other
    ``BaseException``) is that plugin's failure, reported with its name.
    """
    return isinstance(exc, KeyboardInterrupt)


def describe(exc: BaseException) -> str:
    """``"SystemExit: 3"``: an exception raised by plugin code, for a message."""
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _State:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.pm: pluggy.PluginManager | None = None
        self.registry: Registry | None = None
        self.failures: list[PluginError] = []
        self.in_code: dict[str, Any] = {}  # plugins given to register_plugin, by name
        self.warned: set[tuple[str, ...]] = set()  # run-time warnings already given


_state = _State()


def _report(error: PluginError) -> None:
    _state.failures.append(error)
    warnings.warn(str(error), PluginWarning, stacklevel=5)


def report_failure(key: tuple[str, ...], error: PluginError) -> None:
    """Report a plugin's run-time failure once per ``key``: a warning and plugin_failures()."""
    with _state.lock:
        if key in _state.warned:
            return
        _state.warned.add(key)
    _report(error)


def warn_once(key: tuple[str, ...], message: str) -> None:
    """Issue a PluginWarning once per ``key`` (until :func:`reset`)."""
    with _state.lock:
        if key in _state.warned:
            return
        _state.warned.add(key)
    warnings.warn(message, PluginWarning, stacklevel=4)


def is_builtin(plugin: str | None) -> bool:
    """Whether ``plugin`` names one of the built-in formats' plugins."""
    return plugin in BUILTIN_PLUGINS


def _new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    return pm


def _add_plugin(pm: pluggy.PluginManager, plugin: Any, name: str) -> PluginError | None:
    try:
        pm.register(plugin, name=name)
        pm.check_pending()
    except BaseException as exc:  # a plugin's own mistake must not break the others
        if interrupts(exc):
            raise
        try:
            if pm.is_registered(plugin):
                pm.unregister(plugin)
        except BaseException as again:  # a plugin object whose attributes raise
            if interrupts(again):
                raise
        return PluginError(f"cannot be registered: {describe(exc)}", plugin=name)
    return None


def _entry_points() -> list[Any]:
    if os.environ.get(ENV_DISABLE_AUTOLOAD):
        return []
    from importlib import metadata  # costs ~15 ms: only when plugins are looked up

    eps = list(metadata.entry_points(group=ENTRY_POINT_GROUP))
    allow = os.environ.get(ENV_LOAD_PLUGINS)
    if allow is not None:
        names = {n.strip() for n in allow.split(",") if n.strip()}
        eps = [ep for ep in eps if ep.name in names]
    seen: set[str] = set()
    unique = []
    for ep in eps:  # the same distribution can be visible twice on odd sys.paths
        if ep.name not in seen:
            seen.add(ep.name)
            unique.append(ep)
    return unique


def _collect(
    registry: Registry, plugin: Any, name: str, notices: list[str] | None = None
) -> list[PluginError]:
    """Call one plugin's ``register_formats``, add what it registers to ``registry``.

    Returns the errors met on the way: each bad spec is left out, the good ones stay.
    ``notices`` receives the warnings to give once the hook has returned (a format that
    replaced another plugin's), so that a warning turned into an error cannot break it.
    """
    errors: list[PluginError] = []
    try:
        impl = getattr(plugin, "register_formats", None)
    except BaseException as exc:
        if interrupts(exc):
            raise
        return [PluginError(f"cannot be inspected: {describe(exc)}", plugin=name)]
    if impl is None:
        return errors

    def register(spec: object, *, replace: bool = False) -> None:
        # typed as object: plugins are not type-checked, and junk must be reported
        if not isinstance(spec, FormatSpec):
            errors.append(
                PluginError(f"registered {spec!r}, which is not a FormatSpec", plugin=name)
            )
            return
        try:
            displaced = registry.find(spec.name) if replace else None
            registry.add(attrs.evolve(spec, plugin=name), replace=replace)
        except NewsparseError as exc:
            errors.append(PluginError(f"bad format {spec.name!r}: {exc}", plugin=name))
            return
        if displaced is not None and displaced.plugin != name and notices is not None:
            kind = "the built-in format" if is_builtin(displaced.plugin) else "format"
            notices.append(
                f"plugin {name!r}: its format {spec.name!r} replaces {kind} "
                f"{displaced.name!r} (plugin {displaced.plugin!r})"
            )

    try:
        impl(register=register)
    except BaseException as exc:
        if interrupts(exc):
            raise
        errors.append(PluginError(f"register_formats raised {describe(exc)}", plugin=name))
    return errors


def _notify(notices: list[str]) -> None:
    for message in notices:
        warnings.warn(message, PluginWarning, stacklevel=5)


def _load() -> Registry:
    pm = _new_manager()
    registry = Registry()
    plugins: list[tuple[Any, str]] = []
    for plugin_name, module_name in BUILTIN_PLUGINS.items():
        try:
            module = importlib.import_module(module_name)
        except BaseException as exc:
            if interrupts(exc):
                raise
            _report(PluginError(f"failed to import: {describe(exc)}", plugin=plugin_name))
            continue
        error = _add_plugin(pm, module, plugin_name)
        if error is None:
            plugins.append((module, plugin_name))
        else:
            _report(error)
    for ep in _entry_points():
        if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
            continue
        try:
            plugin = ep.load()
        except BaseException as exc:  # SystemExit at import too: it must not end the caller
            if interrupts(exc):
                raise
            _report(PluginError(f"failed to import: {describe(exc)}", plugin=ep.name))
            continue
        error = _add_plugin(pm, plugin, ep.name)
        if error is None:
            plugins.append((plugin, ep.name))
        else:
            _report(error)
    notices: list[str] = []
    for plugin, name in plugins:
        for error in _collect(registry, plugin, name, notices):
            _report(error)
    _notify(notices)
    _state.pm = pm
    return registry


def get_registry() -> Registry:
    """The registry of formats, loading the plugins on first call."""
    registry = _state.registry
    if registry is not None:
        return registry
    with _state.lock:
        if _state.registry is None:
            _state.registry = _load()
        return _state.registry


def get_plugin_manager() -> pluggy.PluginManager:
    """The pluggy plugin manager, loading the plugins on first call."""
    get_registry()
    assert _state.pm is not None
    return _state.pm


def plugin_failures() -> tuple[PluginError, ...]:
    """The plugin failures seen so far, as :class:`PluginError` objects."""
    get_registry()
    return tuple(_state.failures)


def register_plugin(plugin: Any, name: str | None = None) -> str:
    """Register a plugin object or module in this process and add the formats it registers.

    Returns the name the plugin was registered under. Raises :class:`PluginError` when
    the plugin is invalid or a name is taken.
    """
    registry = get_registry()
    pm = get_plugin_manager()
    with _state.lock:
        plugin_name = name or getattr(plugin, "__name__", None) or repr(plugin)
        error = _add_plugin(pm, plugin, plugin_name)
        if error is not None:
            raise error
        notices: list[str] = []
        errors = _collect(registry, plugin, plugin_name, notices)
        if errors:
            unregister_plugin(plugin_name)
            raise errors[0]
        _state.in_code[plugin_name] = plugin
    _notify(notices)
    return plugin_name


def unregister_plugin(name: str) -> None:
    """Unregister a plugin by name and remove the formats it registered."""
    registry = get_registry()
    pm = get_plugin_manager()
    with _state.lock:
        _state.in_code.pop(name, None)
        plugin = pm.get_plugin(name)
        if plugin is not None:
            pm.unregister(plugin)
        for spec in list(registry):
            if spec.plugin == name:
                registry.remove(spec.name)


def reset() -> None:
    """Forget every loaded plugin; the next use loads them again (for tests)."""
    with _state.lock:
        _state.pm = None
        _state.registry = None
        _state.failures = []
        _state.in_code = {}
        _state.warned = set()


def portable_plugins() -> list[tuple[str, Any]]:
    """The plugins registered in code, in a form a worker process can register again.

    Modules travel as their import names, other objects as themselves (they must
    pickle). Worker processes started by ``spawn`` or ``forkserver`` (macOS, Windows,
    Linux from Python 3.14) do not inherit them otherwise.
    """
    import types

    return [
        (name, ("module", plugin.__name__) if isinstance(plugin, types.ModuleType) else plugin)
        for name, plugin in _state.in_code.items()
    ]


def restore_plugins(plugins: list[tuple[str, Any]]) -> None:
    """Register, in a worker process, what :func:`portable_plugins` gave (once each)."""
    pm = get_plugin_manager()
    for name, plugin in plugins:
        if pm.has_plugin(name):
            continue  # a forked worker inherited it
        if isinstance(plugin, tuple) and plugin[:1] == ("module",):
            plugin = importlib.import_module(plugin[1])
        register_plugin(plugin, name=name)
