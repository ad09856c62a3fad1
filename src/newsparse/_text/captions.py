"""Captions: ``Boats in the harbour at dawn. (Jane Doe/Coastal Courier)``.

The last parenthetical at the very end of a caption is the credit.
"""

from __future__ import annotations

from .._build import media as _build_media
from .._model import Media

__all__ = ["parse_caption", "render_caption"]


def parse_caption(text: str) -> Media:
    """The Media of a caption line: the last parenthetical (at the very end) is the credit."""
    end = text.rstrip()
    if end.endswith(")"):
        opening = end.rfind("(", 0, len(end) - 1)
        if opening >= 0:
            credit = end[opening + 1 : -1]
            if ")" not in credit:
                return _media(end[:opening].rstrip(" \t") or None, credit)
    return _media(text, None)


def _media(caption: str | None, credit: str | None) -> Media:
    """The image a caption line describes: no URL, the caption and the credit."""
    return _build_media(None, caption, credit, "image", None)


def render_caption(media: Media) -> str | None:
    """The canonical caption line of ``media``, or None when it has neither part."""
    caption = media.caption or ""
    if media.credit is None:
        return caption or None
    credit = f"({media.credit})"
    return f"{caption} {credit}" if caption else credit
