"""The body of an Article as plain text, for ``Article.text`` and the ``text`` writer.

One implementation for both. Each block gives its text, blocks are separated by blank
lines, and blocks that give no text (a figure without a caption) are left out.
:attr:`newsparse.Article.text` uses the defaults (what a search index or a language model
wants: the words, no markup); the ``text`` writer adds list markers, quote attributions
and, on request, credits.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._model import Block

__all__ = ["block_text", "body_text", "caption_text"]


def caption_text(caption: str | None, credit: str | None) -> str:
    """A caption with its credit in parentheses (either may be missing)."""
    if credit:
        return f"{caption} ({credit})" if caption else f"({credit})"
    return caption or ""


def block_text(
    block: Block,
    *,
    markers: bool = False,
    attributions: bool = False,
    captions: bool = True,
    credits: bool = False,
) -> str:
    """One block as plain text; ``""`` for a block that gives none.

    :param markers: start list items with ``- `` (``1. `` in an ordered list), the lines
        after an item's first indented under it; without, one item per line.
    :param attributions: follow a quote with ``— who`` on a line of its own.
    :param captions: give a media block's caption (else nothing).
    :param credits: add a media block's credit after its caption.
    """
    kind = block.type
    if kind == "list":
        items = block.items  # type: ignore[union-attr]
        if not markers:
            return "\n".join(items)
        ordered = block.ordered  # type: ignore[union-attr]
        return "\n".join(
            (f"{n}. " if ordered else "- ") + item.replace("\n", "\n   ")
            for n, item in enumerate(items, start=1)
        )
    if kind == "media":
        if not captions:
            return ""
        media = block.media  # type: ignore[union-attr]
        return caption_text(media.caption, media.credit if credits else None)
    text: str = block.text  # type: ignore[union-attr]
    if kind == "quote" and attributions and block.attribution:  # type: ignore[union-attr]
        return f"{text}\n— {block.attribution}"  # type: ignore[union-attr]
    return text


def body_text(
    body: Iterable[Block],
    *,
    markers: bool = False,
    attributions: bool = False,
    captions: bool = True,
    credits: bool = False,
) -> str:
    """The blocks as plain text, separated by blank lines (see :func:`block_text`)."""
    parts = (
        block_text(
            block, markers=markers, attributions=attributions, captions=captions, credits=credits
        )
        for block in body
    )
    return "\n\n".join(part for part in parts if part)
