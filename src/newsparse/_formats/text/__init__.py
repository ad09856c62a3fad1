"""The ``text`` format: an article as plain text, for search indexes and language models.

This module is the plugin: it only registers the format. The writer gives the article as
a reader sees it, a title line then the body, with options for what else to include; the
reader takes any plain text as a title line and paragraphs. It is not the inverse of the
writer, and it is not lossless (see ``docs/formats/text.md``).

The format claims no file extension: ``.txt`` stays the ``wire`` format's to propose (a
``.txt`` that is not wire text is refused, not read as something else), and batch
conversion names its files ``.txt`` all the same. Read plain text with ``format="text"``
or the media type ``text/plain``.
"""

from __future__ import annotations

from ..._registry import FormatSpec
from ...hookspecs import Register, hookimpl

__all__ = ["register_formats"]


@hookimpl
def register_formats(register: Register) -> None:
    """Register the ``text`` format."""
    register(
        FormatSpec(
            name="text",
            aliases=("plain", "plaintext"),
            media_types=("text/plain",),
            reader="newsparse._formats.text._text:read",
            writer="newsparse._formats.text._text:write",
            description="Plain text: the title and the body as a reader sees them (options "
            "add byline, dates, notes, tags...); reads text as a title and paragraphs.",
        )
    )
