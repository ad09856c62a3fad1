"""RSS and Atom feeds: the ``rss`` and ``atom`` formats, one Article per item or entry.

This module is the plugin: it only registers the two formats. Both readers read every
feed kind (RSS 0.9x, 1.0 and 2.0; Atom 0.3 and 1.0), so ``format="rss"`` on an Atom feed
still reads it; the writers write RSS 2.0 and Atom 1.0. The reader and writer live in
private modules imported on first use; XML is parsed by the shared safe loader
(``newsparse._xml``) in its tolerant mode. See ``docs/formats/rss.md`` and
``docs/formats/atom.md``.
"""

from __future__ import annotations

from ..._registry import FormatSpec
from ...hookspecs import Register, hookimpl

__all__ = ["register_formats"]


@hookimpl
def register_formats(register: Register) -> None:
    """Register the ``rss`` and ``atom`` formats."""
    register(
        FormatSpec(
            name="rss",
            aliases=("rss2", "rdf"),
            extensions=(".rss", ".rdf", ".rss.xml"),
            media_types=("application/rss+xml", "application/rdf+xml"),
            reader="newsparse._formats.feeds._read:read_rss",
            many_reader="newsparse._formats.feeds._read:read_many_rss",
            writer="newsparse._formats.feeds._write:write_rss",
            many_writer="newsparse._formats.feeds._write:write_many_rss",
            sniffer="newsparse._formats.feeds._read:sniff_rss",
            binary=True,
            encoding_detector="newsparse._xml:declared_encoding",
            lossless=False,
            description="RSS feeds (0.9x, 1.0/RDF, 2.0 with content:encoded, dc:, media:): "
            "one article per item; writes RSS 2.0; lossy.",
        )
    )
    register(
        FormatSpec(
            name="atom",
            extensions=(".atom", ".atom.xml"),
            media_types=("application/atom+xml",),
            reader="newsparse._formats.feeds._read:read_atom",
            many_reader="newsparse._formats.feeds._read:read_many_atom",
            writer="newsparse._formats.feeds._write:write_atom",
            many_writer="newsparse._formats.feeds._write:write_many_atom",
            sniffer="newsparse._formats.feeds._read:sniff_atom",
            binary=True,
            encoding_detector="newsparse._xml:declared_encoding",
            lossless=False,
            description="Atom feeds (RFC 4287, and 0.3): one article per entry; writes "
            "Atom 1.0; lossy.",
        )
    )
