"""Plugin modules made from source, for the tests that fake entry points."""

from __future__ import annotations

import textwrap
import types


def module(name: str, source: str) -> types.ModuleType:
    """A module named ``name`` running ``source`` (dedented), for ``entry_points``."""
    mod = types.ModuleType(name)
    exec(textwrap.dedent(source), mod.__dict__)
    return mod
