"""Escaping shared by the reader and the writer.

The writer escapes every backslash, so in the text it writes a backslash always starts an
escape; the reader's :func:`unescape` undoes exactly what :func:`escape` and
:func:`escape_line` did.
"""

from __future__ import annotations

import re

# --8<-- [start:escape]
# Characters with an inline meaning in CommonMark (code, emphasis, links, raw HTML), and
# "&" where it would start an entity such as "&amp;".
_INLINE = re.compile(r"[\\`*_\[\]<]|&(?=#?[A-Za-z0-9]+;)")
# Characters that start a block (heading, quote, list, setext underline, fence, table)
# when they come first on a line.
_LINE_START = frozenset("#>+-=~|")
# An ordered list marker: "1." or "1)" followed by a space or the end of the line.
_ORDERED = re.compile(r"\d{1,9}(?=[.)](?: |$))")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def escape(text: str) -> str:
    """Escape the characters that would turn plain text into inline Markdown."""
    return _INLINE.sub(lambda m: "\\" + m.group(), text)


def escape_line(line: str) -> str:
    """Escape one line of text that starts a line of the output (a paragraph, an item)."""
    line = escape(line)
    if line[:1] in _LINE_START:
        return "\\" + line
    marker = _ORDERED.match(line)
    if marker:
        return line[: marker.end()] + "\\" + line[marker.end() :]
    return line


def unescape(text: str) -> str:
    """Undo the backslash escapes of ASCII punctuation."""
    return _ESCAPED.sub(lambda m: m.group(1), text)


# --8<-- [end:escape]


def quote_string(text: str) -> str:
    r"""A link title or attribute value: ``"text"`` with ``\\`` and ``"`` escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
