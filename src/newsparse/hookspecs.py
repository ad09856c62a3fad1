"""The hooks a newsparse plugin can implement, and the markers to implement them with.

A plugin is a module (or object) with functions marked by :data:`hookimpl`::

    import newsparse

    @newsparse.hookimpl
    def register_formats(register):
        register(newsparse.FormatSpec(
            name="myfmt",
            extensions=(".myfmt",),
            reader="my_package.reader:read",
            writer="my_package.writer:write",
        ))

Third-party plugins are found through the ``newsparse`` entry-point group::

    [project.entry-points.newsparse]
    myfmt = "my_package.plugin"

The built-in formats register through the very same hook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import pluggy

if TYPE_CHECKING:
    from ._registry import FormatSpec

__all__ = ["Register", "hookimpl", "hookspec", "register_formats"]

PROJECT_NAME = "newsparse"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
"""Marker for hook specifications (used by newsparse itself)."""

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marker for hook implementations: decorate your plugin's hook functions with it."""


class Register(Protocol):
    """The ``register`` callable handed to :func:`register_formats`."""

    def __call__(self, spec: FormatSpec, *, replace: bool = False) -> None:
        """Register ``spec``; ``replace=True`` replaces a format of the same name."""


@hookspec
def register_formats(register: Register) -> None:
    """Register article formats by calling ``register(FormatSpec(...))`` once per format.

    :param register: Call it with a :class:`newsparse.FormatSpec`. A name that is already
        taken is refused with a :class:`newsparse.PluginError` unless you pass
        ``replace=True``, which replaces the earlier format of that name.

    A spec that fails validation is reported (as a warning naming the plugin) and left out;
    the other formats keep working. Keep the module that implements this hook cheap to
    import: name the reader and writer as ``"package.module:function"`` strings, which
    newsparse imports on first use.
    """
