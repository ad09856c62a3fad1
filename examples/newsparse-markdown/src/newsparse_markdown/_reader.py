"""The reader: the Markdown that :mod:`newsparse_markdown._writer` writes, and the sniffer."""

from __future__ import annotations

import re
from typing import Any

from newsparse import (
    Article,
    Block,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    ParseError,
    Preformatted,
    Quote,
)

from . import _front_matter
from ._syntax import unescape

_FENCE = re.compile(r"`{3,}\Z")
_HEADING = re.compile(r"(#{1,6})(?: (.*))?\Z")
_ORDERED_ITEM = re.compile(r"(\d{1,9})\. (.*)\Z")
_COMMENT = re.compile(r"<!--.*-->\Z")
_ATTRIBUTE = re.compile(r'([a-z]+)="((?:[^"\\]|\\.)*)"')


# --8<-- [start:sniff]
def sniff(head: str) -> float:
    """Confidence that ``head`` starts a document this format wrote: front matter, title first."""
    lines = head.lstrip("\ufeff").split("\n", 2)
    if len(lines) < 2 or lines[0].rstrip("\r") != _front_matter.FENCE:
        return 0.0
    if lines[1].startswith("title: "):
        return 0.9
    if re.match(r"[A-Za-z_]+:", lines[1]):
        return 0.3  # front matter, but not ours (a static-site generator's, say)
    return 0.0


# --8<-- [end:sniff]


# --8<-- [start:read]
def read(text: str) -> Article:
    """Read one Article from Markdown with front matter."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if lines[0] != _front_matter.FENCE:
        raise _error("expected front matter: a first line '---'", 1, lines[0])
    try:
        end = lines.index(_front_matter.FENCE, 1)
    except ValueError:
        raise _error("the front matter is not closed by a line '---'", 1, lines[0]) from None
    fields = _front_matter.load(lines[1:end], first_line=2)
    fields["body"] = _body(lines, end + 1)
    return Article(**fields)


# --8<-- [end:read]


def _error(message: str, line: int, excerpt: str, column: int = 1) -> ParseError:
    return ParseError(message, format="markdown", line=line, column=column, excerpt=excerpt)


def _body(lines: list[str], i: int) -> list[Block]:
    """Read the body blocks from ``lines[i:]``: fenced code whole, the rest by blank lines."""
    body: list[Block] = []
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        if _FENCE.match(lines[i]):
            fence, start = lines[i], i
            try:
                end = lines.index(fence, i + 1)
            except ValueError:
                raise _error(f"code block not closed by {fence}", start + 1, fence) from None
            body.append(Preformatted("\n".join(lines[i + 1 : end])))
            i = end + 1
            continue
        start = i
        while i < len(lines) and lines[i].strip():
            i += 1
        block = _chunk(lines[start:i], start + 1)
        if block is not None:
            body.append(block)
    return body


def _chunk(chunk: list[str], line_no: int) -> Block | None:
    """One block from lines with no blank line between them; ``line_no`` is the first's."""
    first = chunk[0]
    if _COMMENT.match(first) and len(chunk) == 1:
        return None  # the separator between two lists
    heading = _HEADING.match(first)
    if heading:
        _single(chunk, line_no, "a heading")
        return Heading(unescape(heading.group(2) or ""), level=len(heading.group(1)))
    if first.startswith(">"):
        return _quote(chunk, line_no)
    if first.startswith("- "):
        for n, line in enumerate(chunk):
            if not line.startswith("- "):
                raise _error("expected a list item '- ...'", line_no + n, line)
        return ListBlock([unescape(line[2:]) for line in chunk])
    if _ORDERED_ITEM.match(first):
        items = []
        for n, line in enumerate(chunk):
            item = _ORDERED_ITEM.match(line)
            if not item:
                raise _error("expected a list item '1. ...'", line_no + n, line)
            items.append(unescape(item.group(2)))
        return ListBlock(items, ordered=True)
    if first.startswith("!["):
        _single(chunk, line_no, "an image")
        return MediaBlock(_media(first, line_no))
    return Paragraph("\n".join(unescape(line) for line in chunk))


def _single(chunk: list[str], line_no: int, what: str) -> None:
    if len(chunk) > 1:
        raise _error(f"{what} takes one line; leave a blank line after it", line_no + 1, chunk[1])


def _quote(chunk: list[str], line_no: int) -> Quote:
    lines = []
    for n, line in enumerate(chunk):
        if line == ">" or line.startswith("> "):
            lines.append(line[2:])
        else:
            raise _error("expected a quoted line '> ...'", line_no + n, line)
    attribution = None
    if len(lines) >= 3 and lines[-2] == "" and lines[-1].startswith("— "):
        attribution = unescape(lines[-1][2:])
        lines = lines[:-2]
    return Quote("\n".join(unescape(line) for line in lines), attribution=attribution)


def _media(line: str, line_no: int) -> Media:
    """Parse ``![caption](url "credit"){kind="video" alt="..."}``."""
    fail = _error(
        'expected an image like ![caption](url "credit"){kind="video" alt="..."}', line_no, line
    )
    caption, i = _until(line, 2, "]")
    if caption is None or line[i : i + 1] != "(":
        raise fail
    i += 1
    url: str | None = None
    if line.startswith("<", i):
        url, i = _until(line, i + 1, ">")
        if url is None:
            raise fail
        if line.startswith(" ", i):
            i += 1
    elif line[i : i + 1] not in ('"', ")"):
        end = i
        while end < len(line) and line[end] not in " )":
            end += 1
        url, i = line[i:end], end + (line[end : end + 1] == " ")
    credit = None
    if line.startswith('"', i):
        credit, i = _until(line, i + 1, '"')
    if (credit is None and line.startswith('"', i)) or not line.startswith(")", i):
        raise fail
    attributes: dict[str, Any] = {}
    rest = line[i + 1 :]
    if rest:
        if not (rest.startswith("{") and rest.endswith("}")):
            raise fail
        inner = rest[1:-1]
        pos = 0
        for match in _ATTRIBUTE.finditer(inner):
            if inner[pos : match.start()].strip() or match.group(1) not in ("kind", "alt"):
                raise fail
            attributes[match.group(1)] = unescape(match.group(2))
            pos = match.end()
        if inner[pos:].strip():
            raise fail
    return Media(
        url=url,
        caption=unescape(caption) or None,
        credit=credit,
        kind=attributes.get("kind", "image"),
        alt=attributes.get("alt"),
    )


def _until(line: str, i: int, close: str) -> tuple[str | None, int]:
    """Read from ``i`` to an unescaped ``close``.

    Return the text (unescaped, except a caption's) and the index just after ``close``;
    the text is ``None`` when ``close`` never comes.
    """
    out = []
    while i < len(line):
        char = line[i]
        if char == "\\" and i + 1 < len(line):
            out.append(line[i : i + 2])
            i += 2
            continue
        if char == close:
            text = "".join(out)
            return (text if close == "]" else unescape(text)), i + 1
        out.append(char)
        i += 1
    return None, i
