"""The IPTC NITF 3.x format (News Industry Text Format): reads 3.0-3.6, writes 3.6 (or older).

This module is the plugin: it only registers the format. The reader and writer live in
private modules imported on first use; XML is parsed by the shared safe loader
(``newsparse._xml``). The mapping is described in ``docs/formats/nitf.md``.
"""

from __future__ import annotations

from ..._registry import FormatSpec
from ...hookspecs import Register, hookimpl

__all__ = ["DEFAULT_VERSION", "VERSIONS", "register_formats"]

VERSIONS = ("3.0", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6")
"""The NITF versions the reader recognises and the writer produces (``version=``)."""

DEFAULT_VERSION = "3.6"
"""The version the writer produces by default."""


@hookimpl
def register_formats(register: Register) -> None:
    """Register the ``nitf`` format."""
    register(
        FormatSpec(
            name="nitf",
            aliases=("iptc-nitf",),
            extensions=(".nitf", ".nitf.xml"),
            media_types=("application/nitf+xml", "application/vnd.iptc.nitf+xml"),
            reader="newsparse._formats.nitf._read:read",
            writer="newsparse._formats.nitf._write:write",
            sniffer="newsparse._formats.nitf._read:sniff",
            encoding_detector="newsparse._xml:declared_encoding",
            lossless=False,
            description="IPTC NITF 3.x news documents: reads 3.0-3.6, writes 3.6 (or an "
            "older version); lossy (no author URLs, one heading level without a class).",
        )
    )
