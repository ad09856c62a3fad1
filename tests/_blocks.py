"""The texts of extracted blocks, for the extraction tests (a list's items one by one)."""

from __future__ import annotations

from collections.abc import Iterable

from newsparse import ListBlock


def block_texts(blocks: Iterable[object]) -> list[str]:
    """Each block's text in order; a list block gives each of its items."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            out.extend(block.items)
        else:
            out.append(getattr(block, "text", ""))
    return out
