"""The IPTC ninjs (News in JSON) format: reads 1.x, 2.x and 3.x, writes 2.x and 3.x.

This module is the plugin: it only registers the format. The reader, the writer and
the small HTML converter live in private modules imported on first use. The official
IPTC JSON Schemas of the versions the writer produces are shipped in ``schemas/``
(MIT licence, see ``schemas/LICENSE``); see :func:`schema_path`. The mapping is
described in ``docs/formats/ninjs.md``.
"""

from __future__ import annotations

from pathlib import Path

from ..._registry import FormatSpec
from ...hookspecs import Register, hookimpl

__all__ = ["DEFAULT_VERSION", "WRITE_VERSIONS", "register_formats", "schema_path"]

WRITE_VERSIONS = ("2.0", "2.1", "2.2", "3.0", "3.1")
"""The ninjs versions the writer produces (``version=`` option)."""

DEFAULT_VERSION = "2.2"
"""The version the writer produces by default: the newest 2.x."""


def schema_path(version: str = DEFAULT_VERSION) -> Path:
    """The path of the shipped official IPTC JSON Schema of a ninjs ``version``."""
    if version not in WRITE_VERSIONS:
        raise ValueError(f"no shipped ninjs schema for {version!r}; have {WRITE_VERSIONS}")
    return Path(__file__).with_name("schemas") / f"ninjs-schema_{version}.json"


@hookimpl
def register_formats(register: Register) -> None:
    """Register the ``ninjs`` format."""
    register(
        FormatSpec(
            name="ninjs",
            aliases=("iptc-ninjs", "news-in-json"),
            extensions=(".ninjs.json", ".ninjs"),
            media_types=("application/ninjs+json",),
            reader="newsparse._formats.ninjs._read:read",
            writer="newsparse._formats.ninjs._write:write",
            sniffer="newsparse._formats.ninjs._read:sniff",
            lossless=False,
            description="IPTC ninjs (News in JSON): reads 1.x-3.x, writes 2.x (default 2.2) "
            "or 3.x; lossy (one byline string, no section field).",
        )
    )
