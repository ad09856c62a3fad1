"""The native ``json`` and ``jsonl`` (JSON Lines) formats: one versioned newsparse document.

This module is the plugin: it only registers the formats. The codec lives in private
modules (built on msgspec) imported on first use, so ``import newsparse`` stays fast.
The document layout is described in ``docs/formats/json.md`` and, as a JSON Schema
(draft 2020-12), in ``schema.json`` next to this file (see :func:`schema_path`).
"""

from __future__ import annotations

from pathlib import Path

from ..._json.document import SCHEMA_VERSION
from ..._registry import FormatSpec
from ...hookspecs import Register, hookimpl

__all__ = ["SCHEMA_VERSION", "register_formats", "schema_path"]


def schema_path() -> Path:
    """The path of the JSON Schema (draft 2020-12) of the native document."""
    return Path(__file__).with_name("schema.json")


@hookimpl
def register_formats(register: Register) -> None:
    """Register the ``json`` and ``jsonl`` formats."""
    register(
        FormatSpec(
            name="json",
            aliases=("newsparse-json",),
            extensions=(".json",),
            media_types=("application/vnd.newsparse+json", "application/json"),
            reader="newsparse._formats.json._codec:read",
            writer="newsparse._formats.json._codec:write",
            sniffer="newsparse._formats.json._codec:sniff",
            lossless=True,
            description="newsparse's own JSON document: every Article field, versioned "
            "schema, lossless.",
        )
    )
    register(
        FormatSpec(
            name="jsonl",
            aliases=("ndjson", "json-lines"),
            extensions=(".jsonl", ".ndjson"),
            media_types=("application/x-ndjson", "application/jsonl", "application/x-jsonlines"),
            reader="newsparse._formats.json._lines:read",
            many_reader="newsparse._formats.json._lines:read_many",
            writer="newsparse._formats.json._lines:write",
            many_writer="newsparse._formats.json._lines:write_many",
            sniffer="newsparse._formats.json._lines:sniff",
            lossless=True,
            description="JSON Lines: one native newsparse JSON document per line, "
            "streamed with constant memory.",
        )
    )
