"""Tell HTML from the other formats by its first few KB (no parsing, no imports)."""

from __future__ import annotations

import re

__all__ = ["sniff"]

_LEAD = re.compile(r"\A(?:\ufeff)?(?:\s|<!--.*?-->|<\?xml[^>]*>)*", re.DOTALL)
_DOCTYPE = re.compile(r"<!doctype\s+html", re.IGNORECASE)
_ROOT = re.compile(r"<(?:html|head|body)\b", re.IGNORECASE)
_TAGS = re.compile(
    r"<(?:article|meta|title|div|p|section|main|h[1-6]|span|a|link|script|figure|ul|ol)\b",
    re.IGNORECASE,
)


def sniff(head: str) -> float:
    """Confidence that ``head`` is the start of an HTML page or fragment."""
    start = _LEAD.match(head)
    rest = head[start.end() :] if start else head
    if not rest.startswith("<"):
        return 0.0
    if _DOCTYPE.match(rest):
        return 0.95
    if _ROOT.match(rest):
        return 0.9
    if rest.startswith('<article class="newsparse"'):
        return 0.9
    if _TAGS.match(rest):
        return 0.6 if len(_TAGS.findall(rest, 0, 4096)) >= 2 else 0.5
    return 0.1
