"""Helpers shared by the JSON-family test modules (not a test module itself)."""

from __future__ import annotations

import importlib

import newsparse
from newsparse._api import formats

PLUGINS = {
    "json": "newsparse._formats.json",
    "jsonld": "newsparse._formats.jsonld",
    "ninjs": "newsparse._formats.ninjs",
}


def ensure_registered(*names: str) -> None:
    """Register our plugin modules unless the built-in list already has them."""
    for name in names:
        if name in [s.name for s in formats()]:
            continue
        module = importlib.import_module(PLUGINS[name])
        newsparse.register_plugin(module, name=PLUGINS[name])


def fixed(article: newsparse.Article) -> newsparse.Article:
    """``article`` with its datetimes moved to fixed offsets (same instant, same offset).

    Python never finds a datetime in a repeated (fold) hour of a ZoneInfo equal to one
    in another zone (PEP 495), so the model's equality says 01:00-05:00 (fold=1,
    America/New_York) != 01:00-05:00 (fixed offset). Round-trip tests compare through
    this helper, which keeps the instant and the offset exactly.
    """
    from datetime import datetime, timezone

    import attrs

    def fix(value: datetime | None) -> datetime | None:
        if value is None:
            return None
        offset = value.utcoffset()
        assert offset is not None
        return value.astimezone(timezone(offset))

    return attrs.evolve(article, published=fix(article.published), updated=fix(article.updated))
