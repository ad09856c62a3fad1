"""The msgspec encode hook the JSON-based writers (json, jsonld, ninjs) share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["thaw"]


def thaw(value: Any) -> Any:
    """Msgspec ``enc_hook``: extras hold read-only FrozenMappings, encoded as objects."""
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")
