"""The ``html`` format: a clean, semantic HTML5 page for an Article, and real news pages read.

This module is the plugin: it only registers the format. Everything else lives in private
modules imported on first use (selectolax only there), so ``import newsparse`` stays fast:

- ``_writer``: the HTML5 page (or fragment) newsparse writes;
- ``_reader``: reading, fast for newsparse's own markup, else via ``_meta`` and ``_body``;
- ``_meta``: the metadata of real pages (JSON-LD, microdata, OpenGraph, Twitter, Dublin
  Core, Parse.ly, Sailthru, ``<time>``, ``rel=author``, byline text, ``lang``, canonical);
- ``_extract`` and ``_body``: the main-content extraction (one measuring pass, paragraph
  scores propagated to ancestors, link and text density, furniture by class/id; then the
  blocks, with JSON-LD ``articleBody`` as a check; see ``docs/extraction.md``), and
  ``_rules``: per-site rules given by the user;
- ``_charset``: the charset of a page's bytes (BOM, declared, else detected).

See ``docs/formats/html.md``.
"""

from __future__ import annotations

from ..._registry import FormatSpec
from ...hookspecs import Register, hookimpl

__all__ = ["register_formats"]


@hookimpl
def register_formats(register: Register) -> None:
    """Register the ``html`` format."""
    register(
        FormatSpec(
            name="html",
            aliases=("xhtml", "htm"),
            extensions=(".html", ".htm", ".xhtml"),
            media_types=("text/html", "application/xhtml+xml"),
            reader="newsparse._formats.html._reader:read",
            writer="newsparse._formats.html._writer:write",
            sniffer="newsparse._formats.html._sniff:sniff",
            encoding_detector="newsparse._formats.html._charset:declared_encoding",
            binary=True,
            lossless=True,
            description="HTML5 news pages: writes a semantic page with microdata and "
            "OpenGraph; reads its own pages exactly and real pages' metadata and body.",
        )
    )
