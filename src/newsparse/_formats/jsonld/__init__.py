"""The ``jsonld`` format: schema.org NewsArticle (and its family) in JSON-LD.

This module is the plugin: it only registers the format. The reader and the writer live
in private modules imported on first use; the schema.org mapping they apply is shared
with the html format (:mod:`newsparse._schemaorg`). See ``docs/formats/jsonld.md``.
"""

from __future__ import annotations

from ..._registry import FormatSpec
from ...hookspecs import Register, hookimpl

__all__ = ["register_formats"]


@hookimpl
def register_formats(register: Register) -> None:
    """Register the ``jsonld`` format."""
    register(
        FormatSpec(
            name="jsonld",
            aliases=("json-ld", "schema-org"),
            extensions=(".jsonld",),
            media_types=("application/ld+json",),
            reader="newsparse._formats.jsonld._read:read",
            writer="newsparse._formats.jsonld._write:write",
            sniffer="newsparse._formats.jsonld._read:sniff",
            lossless=False,
            description="schema.org NewsArticle/Article/BlogPosting in JSON-LD, as pages "
            "embed it; tolerant of the breakage seen in the wild.",
        )
    )
