r"""Text as CommonMark that reads back as exactly that text: the writer's escaping.

Every character with a meaning in Markdown is backslash-escaped (``\*``, ``\[``, ``\<``,
a ``\#`` or ``\-`` that would start a block...), and what a Markdown parser would change
is written as a numeric character reference: a carriage return (parsers turn it into a line
feed), whitespace at the start or end of a line (parsers strip it), and a line feed where
a hard line break cannot stand (at the start or end of a block, or on a line of its own).
Inside a paragraph, quote or list item, a line feed is a hard line break: a backslash at
the end of the line. U+0000 cannot be written: CommonMark reads it as U+FFFD.
"""

from __future__ import annotations

import re

__all__ = ["destination", "inline_lines", "one_line", "title"]

# Inline syntax (code, emphasis, links, raw HTML, strikethrough, table cells), and "&"
# where it would start a character reference such as "&amp;".
_INLINE = re.compile(r"[\\`*_\[\]<>|~\r]|&(?=#?[A-Za-z0-9]+;)")
# A block marker as the first character of a line (heading, quote, list, setext line).
_LINE_START = frozenset("#>+-=")
_ORDERED = re.compile(r"[0-9]{1,9}(?=[.)])")
_EDGE_SPACE = re.compile(r"\A\s+|\s+\Z")


def _ref(char: str) -> str:
    return f"&#{ord(char)};"


def _edge_ref(char: str) -> str:
    """An edge whitespace character as a reference, where one can name it.

    CommonMark's references cannot name U+001C-U+001F and U+0085: those stay as they are.
    """
    return char if char in "\x1c\x1d\x1e\x1f\x85" else _ref(char)


def _inline(match: re.Match[str]) -> str:
    char = match.group()
    return "&#13;" if char == "\r" else "\\" + char


def _segment(text: str) -> str:
    """One line of text, escaped; whitespace at its edges as character references."""
    out = _INLINE.sub(_inline, text) if _INLINE.search(text) else text
    if out[:1].isspace() or out[-1:].isspace():
        out = _EDGE_SPACE.sub(lambda m: "".join(map(_edge_ref, m.group())), out)
    if out[:1] in _LINE_START:
        return "\\" + out
    marker = _ORDERED.match(out)
    if marker:
        return out[: marker.end()] + "\\" + out[marker.end() :]
    return out


def one_line(text: str) -> str:
    """``text`` on one line (a heading, a caption): line feeds as ``&#10;``."""
    return "&#10;".join(_segment(part) for part in text.split("\n"))


def inline_lines(text: str) -> list[str]:
    r"""The lines of a paragraph, quote or list item holding ``text``.

    Line feeds inside the text are hard line breaks; those at its start or end are
    ``&#10;``. An empty text gives one empty line.

    >>> inline_lines("Ferries *run*\nagain")
    ['Ferries \\*run\\*\\', 'again']
    """
    core = text.strip("\n")
    lead = len(text) - len(text.lstrip("\n"))
    trail = len(text) - len(text.rstrip("\n")) if core else 0
    if not core:
        lead = len(text)
    lines = [_segment(part) for part in core.split("\n")] if core else [""]
    lines = [line + "\\" for line in lines[:-1]] + [lines[-1]]
    lines[0] = "&#10;" * lead + lines[0]
    lines[-1] += "&#10;" * trail
    return lines


_PLAIN_URL = re.compile(r"[^\s\x00-\x1f\x7f<>()\\\"'&]+\Z")
_POINTY = re.compile(r"[\\<>\n\r]|&(?=#?[A-Za-z0-9]+;)")
_TITLE = re.compile(r"[\\\"\n\r]|&(?=#?[A-Za-z0-9]+;)")


def _escape_in(match: re.Match[str]) -> str:
    char = match.group()
    return _ref(char) if char in "\n\r" else "\\" + char


def destination(url: str) -> str:
    """A link destination: the URL as it is, or in ``<...>`` when it needs escaping."""
    if _PLAIN_URL.match(url):
        return url
    return "<" + _POINTY.sub(_escape_in, url) + ">"


def title(text: str) -> str:
    """A link title: ``"text"``, escaped."""
    return '"' + _TITLE.sub(_escape_in, text) + '"'
