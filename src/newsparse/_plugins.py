"""The plugin manager: built-in formats and entry-point plugins, loaded lazily, once.

Environment switches:

- ``NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD`` (any non-empty value): load no entry-point plugins,
  only the built-in formats and plugins registered in code.
- ``NEWSPARSE_LOAD_PLUGINS=a,b``: load only the entry points named ``a`` and ``b``
  (an empty value loads none).
- ``NEWSPARSE_TRACE_PLUGINS`` (any non-empty value): print every entry point loaded and
  every hook call, with what it returned or raised, to stderr (pluggy's call monitoring).

Hooks are called through pluggy, one plugin at a time, so that one plugin's failure
costs only that plugin: the built-in formats' plugins first (a plugin replaces a
built-in format only with ``replace=True``), then every other plugin in pluggy's order
(the last registered first; ``tryfirst``/``trylast`` move an implementation).
An entry point that names something with no newsparse hook (a function instead of its
module, a module whose hook is misspelled or not marked with ``@newsparse.hookimpl``) is
a failure too, reported with what was expected.

Plugin code runs guarded: whatever a plugin raises at import, in its hook, or later in a
reader, writer or sniffer (``SystemExit`` and other ``BaseException`` subclasses too) is
reported with the plugin's name and costs only that plugin. The one exception is
:class:`KeyboardInterrupt`, which always reaches the caller: newsparse cannot tell a
plugin's from the user's Ctrl-C.
"""

from __future__ import annotations

import difflib
import importlib
import os
import sys
import threading
import types
import warnings
from typing import Any

import attrs
import pluggy

from . import hookspecs
from ._errors import NewsparseError, PluginError, PluginWarning
from ._registry import FormatSpec, Registry

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "PluginWarning",
    "get_plugin_manager",
    "get_registry",
    "plugin_failures",
    "plugins",
    "register_plugin",
    "reset",
    "unregister_plugin",
]

ENTRY_POINT_GROUP = "newsparse"
ENV_DISABLE_AUTOLOAD = "NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD"
ENV_LOAD_PLUGINS = "NEWSPARSE_LOAD_PLUGINS"
ENV_TRACE_PLUGINS = "NEWSPARSE_TRACE_PLUGINS"
HOOKS = ("register_formats",)
"""The names of the hooks newsparse calls."""

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
        # every plugin newsparse tried to load: its distribution's name and version
        self.origins: dict[str, tuple[str | None, str | None]] = {}


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


def _trace(message: str) -> None:
    print(f"newsparse: {message}", file=sys.stderr, flush=True)


def _short_repr(value: object, width: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _trace_before(hook_name: str, hook_impls: Any, kwargs: Any) -> None:
    names = ", ".join(impl.plugin_name for impl in hook_impls) or "no implementation"
    args = ", ".join(f"{key}={_short_repr(value, 40)}" for key, value in kwargs.items())
    _trace(f"hook {hook_name}({args}) calls {names}")


def _trace_after(outcome: Any, hook_name: str, hook_impls: Any, kwargs: Any) -> None:
    names = ", ".join(impl.plugin_name for impl in hook_impls) or "no implementation"
    if outcome.exception is not None:
        _trace(f"hook {hook_name} of {names} raised {describe(outcome.exception)}")
    else:
        _trace(f"hook {hook_name} of {names} returned {_short_repr(outcome.get_result())}")


def _new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    if os.environ.get(ENV_TRACE_PLUGINS):
        pm.add_hookcall_monitoring(_trace_before, _trace_after)
    return pm


def _hook_names(plugin: Any) -> list[str]:
    try:
        return [name for name in dir(plugin) if not name.startswith("_")]
    except BaseException as exc:  # a plugin object whose __dir__ raises
        if interrupts(exc):
            raise
        return []


def _without_hooks(plugin: Any, ep: Any = None) -> str | None:
    """Why ``plugin``, registered with the manager, gives newsparse no hook (else None).

    ``ep`` is the entry point it came from, to name in the message.
    """
    where = f"entry point {ep.name} = {ep.value!r}" if ep is not None else "the plugin"
    if isinstance(plugin, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
        name = getattr(plugin, "__qualname__", None) or repr(plugin)
        instead = f'; use {ep.name} = "{ep.module}"' if ep is not None and ep.attr else " instead"
        return (
            f"{where} names the function {name}, not a plugin: name the module (or object) "
            f"that holds the hook{instead}"
        )
    names = _hook_names(plugin)
    for hook in HOOKS:
        if hook in names:
            return (
                f"{where}: its {hook} is not marked with @newsparse.hookimpl, so newsparse "
                "does not call it"
            )
    for hook in HOOKS:
        close = difflib.get_close_matches(hook, names, n=1, cutoff=0.8)
        if close:
            return f"{where} has no {hook} hook (it has {close[0]!r}: a misspelling?)"
    return (
        f"{where} has no newsparse hook: expected a function {HOOKS[0]}(register) marked "
        "with @newsparse.hookimpl"
    )


def _add_plugin(
    pm: pluggy.PluginManager, plugin: Any, name: str, ep: Any = None
) -> PluginError | None:
    """Register ``plugin`` with the manager; the error when it is invalid or has no hook."""
    try:
        pm.register(plugin, name=name)
        pm.check_pending()
        reason = None if pm.get_hookcallers(plugin) else _without_hooks(plugin, ep)
    except BaseException as exc:  # a plugin's own mistake must not break the others
        if interrupts(exc):
            raise
        _drop(pm, plugin)
        hint = ""
        if isinstance(exc, pluggy.PluginValidationError):
            hint = f" (newsparse's hooks: {', '.join(HOOKS)})"
        return PluginError(f"cannot be registered: {describe(exc)}{hint}", plugin=name)
    if reason is not None:
        _drop(pm, plugin)
        return PluginError(reason, plugin=name)
    return None


def _drop(pm: pluggy.PluginManager, plugin: Any) -> None:
    try:
        if pm.is_registered(plugin):
            pm.unregister(plugin)
    except BaseException as again:  # a plugin object whose attributes raise
        if interrupts(again):
            raise


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


def _distribution(ep: Any) -> tuple[str | None, str | None]:
    """The name and version of the distribution that provides ``ep``, where known."""
    try:
        dist = ep.dist
        if dist is None:
            return None, None
        return dist.metadata["Name"] or dist.name, dist.version
    except Exception:
        return None, None


def _call_register_formats(
    pm: pluggy.PluginManager,
    registry: Registry,
    plugin: Any,
    name: str,
    notices: list[str] | None = None,
) -> list[PluginError]:
    """Call one plugin's ``register_formats`` through pluggy; add what it registers.

    The call goes through a subset of the hook that leaves out every other plugin's
    implementation (their wrappers stay), so the plugin's failure costs only itself and
    pluggy's call monitoring sees it. Returns the errors met on the way: each bad spec is
    left out, the good ones stay. ``notices`` receives the warnings to give once the hook
    has returned (a format that replaced another plugin's), so that a warning turned into
    an error cannot break it.
    """
    errors: list[PluginError] = []

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

    hook = pm.hook.register_formats
    others = {
        impl.plugin
        for impl in hook.get_hookimpls()
        if impl.plugin is not plugin and not (impl.wrapper or impl.hookwrapper)
    }
    try:
        pm.subset_hook_caller("register_formats", others)(register=register)
    except BaseException as exc:
        if interrupts(exc):
            raise
        errors.append(PluginError(f"register_formats raised {describe(exc)}", plugin=name))
    return errors


def _call_order(pm: pluggy.PluginManager) -> list[tuple[Any, str]]:
    """The plugins whose ``register_formats`` to call, in order (see the module docstring)."""
    builtin: list[tuple[Any, str]] = []
    others: list[tuple[Any, str]] = []
    seen: set[int] = set()
    # pluggy calls the implementations from the last of this list to the first
    for impl in reversed(pm.hook.register_formats.get_hookimpls()):
        if impl.wrapper or impl.hookwrapper or id(impl.plugin) in seen:
            continue
        seen.add(id(impl.plugin))
        (builtin if is_builtin(impl.plugin_name) else others).append(
            (impl.plugin, impl.plugin_name)
        )
    builtin.sort(key=lambda item: list(BUILTIN_PLUGINS).index(item[1]))
    return builtin + others


def _notify(notices: list[str]) -> None:
    for message in notices:
        warnings.warn(message, PluginWarning, stacklevel=5)


def _load() -> Registry:
    pm = _new_manager()
    registry = Registry()
    trace = bool(os.environ.get(ENV_TRACE_PLUGINS))
    origins: dict[str, tuple[str | None, str | None]] = {}
    for plugin_name, module_name in BUILTIN_PLUGINS.items():
        origins[plugin_name] = ("newsparse", _version())
        try:
            module = importlib.import_module(module_name)
        except BaseException as exc:
            if interrupts(exc):
                raise
            _report(PluginError(f"failed to import: {describe(exc)}", plugin=plugin_name))
            continue
        error = _add_plugin(pm, module, plugin_name)
        if error is not None:
            _report(error)
    for ep in _entry_points():
        if pm.has_plugin(ep.name) or pm.is_blocked(ep.name) or ep.name in origins:
            continue
        origins[ep.name] = _distribution(ep)
        if trace:
            dist, version = origins[ep.name]
            _trace(f"entry point {ep.name} = {ep.value!r} (distribution {dist} {version})")
        try:
            plugin = ep.load()
        except BaseException as exc:  # SystemExit at import too: it must not end the caller
            if interrupts(exc):
                raise
            _report(PluginError(f"failed to import: {describe(exc)}", plugin=ep.name))
            continue
        error = _add_plugin(pm, plugin, ep.name, ep)
        if error is not None:
            _report(error)
    _state.origins = origins
    notices: list[str] = []
    for plugin, name in _call_order(pm):
        for error in _call_register_formats(pm, registry, plugin, name, notices):
            _report(error)
    _notify(notices)
    _state.pm = pm
    return registry


def _version() -> str:
    from .__about__ import __version__

    return __version__


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
    the plugin is invalid, has no hook (a function given instead of its module, a hook
    not marked with :data:`newsparse.hookimpl`), or a name is taken.
    """
    registry = get_registry()
    pm = get_plugin_manager()
    with _state.lock:
        plugin_name = name or getattr(plugin, "__name__", None) or repr(plugin)
        error = _add_plugin(pm, plugin, plugin_name)
        if error is not None:
            raise error
        notices: list[str] = []
        errors = _call_register_formats(pm, registry, plugin, plugin_name, notices)
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


@attrs.frozen
class PluginInfo:
    """A plugin newsparse loaded or tried to load, as ``newsparse plugins`` lists it.

    >>> info = next(p for p in plugins(builtin=True) if p.name == "newsparse.wire")
    >>> info.formats, info.builtin, info.failures
    (('wire',), True, ())
    """

    name: str
    """The plugin's name: its entry point's name, ``newsparse.<format>`` for a built-in
    format's plugin, or the name given to :func:`newsparse.register_plugin`."""
    distribution: str | None = None
    """The distribution that provides it (what ``pip install`` takes), ``None`` for a
    plugin registered in code."""
    version: str | None = None
    """The version of that distribution."""
    formats: tuple[str, ...] = ()
    """The names of the formats it registered, sorted."""
    failures: tuple[PluginError, ...] = ()
    """What went wrong with it, if anything: at import, in its hook, or at run time."""
    builtin: bool = False
    """Whether it is one of newsparse's own formats' plugins."""


def plugins(*, builtin: bool = False) -> tuple[PluginInfo, ...]:
    """The plugins newsparse loaded or tried to load, sorted by name.

    Entry-point plugins (those that failed too) and plugins registered in code; with
    ``builtin=True``, the built-in formats' plugins as well.
    """
    registry = get_registry()
    with _state.lock:
        formats: dict[str, list[str]] = {}
        for spec in registry:
            formats.setdefault(spec.plugin or "?", []).append(spec.name)
        failures: dict[str, list[PluginError]] = {}
        for error in _state.failures:
            failures.setdefault(error.plugin, []).append(error)
        origins = dict(_state.origins)
        for name in _state.in_code:
            origins.setdefault(name, (None, None))
    return tuple(
        PluginInfo(
            name,
            distribution,
            version,
            tuple(sorted(formats.get(name, ()))),
            tuple(failures.get(name, ())),
            is_builtin(name),
        )
        for name, (distribution, version) in sorted(origins.items())
        if builtin or not is_builtin(name)
    )


def reset() -> None:
    """Forget every loaded plugin; the next use loads them again (for tests)."""
    with _state.lock:
        _state.pm = None
        _state.registry = None
        _state.failures = []
        _state.in_code = {}
        _state.warned = set()
        _state.origins = {}


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
