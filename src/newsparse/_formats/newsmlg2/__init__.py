"""The IPTC NewsML-G2 format: newsItems alone or in a newsMessage, read and written.

This module is the plugin: it only registers the format. The reader and writer live in
private modules imported on first use; XML is parsed by the shared safe loader
(``newsparse._xml``), inline NITF goes through the public ``nitf`` format and XHTML
through the shared HTML converter. The mapping is described in
``docs/formats/newsmlg2.md``.
"""

from __future__ import annotations

from ..._registry import FormatSpec
from ...hookspecs import Register, hookimpl

__all__ = ["STANDARD_VERSION", "register_formats"]

STANDARD_VERSION = "2.34"
"""The NewsML-G2 ``standardversion`` the writer declares."""


@hookimpl
def register_formats(register: Register) -> None:
    """Register the ``newsmlg2`` format."""
    register(
        FormatSpec(
            name="newsmlg2",
            aliases=("newsml-g2", "g2"),
            extensions=(".g2.xml", ".newsml.xml", ".newsml"),
            media_types=(
                "application/vnd.iptc.g2.newsitem+xml",
                "application/vnd.iptc.g2.newsmessage+xml",
            ),
            reader="newsparse._formats.newsmlg2._read:read",
            many_reader="newsparse._formats.newsmlg2._read:read_many",
            writer="newsparse._formats.newsmlg2._write:write",
            many_writer="newsparse._formats.newsmlg2._write:write_many",
            sniffer="newsparse._formats.newsmlg2._read:sniff",
            encoding_detector="newsparse._xml:declared_encoding",
            lossless=False,
            description="IPTC NewsML-G2 newsItems (alone or in a newsMessage, packages read "
            "as their items): metadata, inline NITF/XHTML or text, pictures; lossy.",
        )
    )
