"""The ``wire`` format: the plain-text dump of a news page.

This module is the plugin: it only registers the format. The reader and writer live in
private modules imported on first use, so ``import newsparse`` stays fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING

from ..._registry import FormatSpec
from ...hookspecs import Register, hookimpl

if TYPE_CHECKING:
    from ..._model import Article

__all__ = ["register_formats"]


@hookimpl
def register_formats(register: Register) -> None:
    """Register the ``wire`` format."""
    register(
        FormatSpec(
            name="wire",
            aliases=("wire-text",),
            extensions=(".wire.txt", ".wire", ".txt"),
            media_types=("text/x-newsparse-wire",),
            reader="newsparse._formats.wire._reader:read",
            many_reader="newsparse._formats.wire:_read_stream",
            writer="newsparse._formats.wire._writer:write",
            many_writer="newsparse._formats.wire._writer:write_many",
            sniffer="newsparse._formats.wire._reader:sniff",
            lossless=False,
            description="Plain-text dump of a news page: header, section, title, byline, "
            "caption, paragraphs, contributor note, tags.",
        )
    )


def _read_stream(
    stream: IO[str], *, strict: bool = False, known_tags: Iterable[str] | None = None
) -> Iterator[Article]:
    """Read every article of a wire stream (articles start at their header lines)."""
    from ._reader import read_many

    return read_many(stream.read(), strict=strict, known_tags=known_tags)
