"""Text as a reader shows it: entities decoded once, whitespace runs collapsed."""

from __future__ import annotations

import html
import re

__all__ = ["WHITESPACE", "tidy"]

WHITESPACE = re.compile(r"[ \t\n\r\f]+")
"""A run of HTML whitespace (not the no-break space, which a page means as written)."""


def tidy(value: str | None) -> str | None:
    r"""``value`` with HTML entities decoded and whitespace runs collapsed; None when empty.

    >>> tidy("  Fish &amp; chips\n today ")
    'Fish & chips today'
    """
    if value is None:
        return None
    if "&" in value:
        value = html.unescape(value)
    value = WHITESPACE.sub(" ", value).strip()
    return value or None
