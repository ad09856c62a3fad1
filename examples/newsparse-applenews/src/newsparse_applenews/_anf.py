"""What the reader and the writer share: component roles, styles, the article identifier."""

from __future__ import annotations

import hashlib
import re

VERSION = "1.7"
"""The Apple News Format version the writer declares (every property it uses is in 1.7)."""

NOTE_STYLE = "note"
"""The component text style of a note (``Article.notes``): a ``body`` that refers to it."""

LAYOUT = {"columns": 7, "width": 1024, "margin": 70, "gutter": 40}
"""The column system of Apple's own templates."""

TEXT_STYLES = {
    "default": {"fontName": "Georgia", "fontSize": 18, "lineHeight": 26},
    NOTE_STYLE: {"fontName": "Georgia-Italic", "fontSize": 16},
}
"""``componentTextStyles``: ``default`` is required; ``note`` marks the notes."""

UNDETERMINED = "und"
"""``language`` is required: the BCP 47 tag for "undetermined" stands for no language."""

# Media kinds and the component role each is written as; the reader also takes the others.
ROLE_OF_KIND = {"image": "photo", "graphic": "figure", "video": "video", "audio": "audio"}
KIND_OF_ROLE = {
    "photo": "image",
    "image": "image",
    "portrait": "image",
    "logo": "image",
    "figure": "graphic",
    "video": "video",
    "embedwebvideo": "video",
    "audio": "audio",
    "music": "audio",
}

CONTAINERS = frozenset({"container", "section", "chapter", "header", "aside"})
"""Roles whose ``components`` are read in place, as if they were in the parent list."""

_IDENTIFIER = re.compile(r"[A-Za-z0-9_-]{1,64}\Z")


def is_identifier(value: object) -> bool:
    """Whether ``value`` is a valid ``identifier``: 1 to 64 letters, digits, ``-`` or ``_``."""
    return isinstance(value, str) and _IDENTIFIER.match(value) is not None


def derived_identifier(title: str, url: str | None) -> str:
    """The identifier the writer makes up when the article has none: stable, from its URL.

    >>> derived_identifier("Harbour reopens", "https://example.org/harbour")
    'np-7f2e7d57697da604a8ca6079'
    """
    digest = hashlib.sha256((url or title).encode("utf-8", "surrogatepass")).hexdigest()
    return "np-" + digest[:24]
