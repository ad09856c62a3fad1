"""The HTML that ``body`` components may hold (``"format": "html"``), both ways.

The writer uses it for what a plain-text ``body`` cannot show: lists (``<ul>``/``<ol>``)
and preformatted text (``<pre>``). The reader takes Apple's supported subset, as
publishers write it: ``<p>``, ``<h1>``-``<h6>``, lists, ``<pre>``, ``<blockquote>`` and
``<br>``; other tags keep their text. Outside ``<pre>``, runs of HTML whitespace read as
one space, as a browser shows them.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

from newsparse import Block, Heading, ListBlock, Paragraph, Preformatted, Quote

_SPACE = re.compile(r"[ \t\n\r\f]+")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset({"p", "pre", "blockquote", "li", "ul", "ol", *_HEADINGS})


# --8<-- [start:write]
def list_html(items: tuple[str, ...], ordered: bool) -> str:
    """``<ul><li>...</li></ul>`` (or ``<ol>``) with the items' text escaped."""
    tag = "ol" if ordered else "ul"
    return (
        f"<{tag}>"
        + "".join(f"<li>{escape(item, quote=False)}</li>" for item in items)
        + (f"</{tag}>")
    )


def pre_html(text: str) -> str:
    """``<pre>...</pre>``; a leading newline is doubled, as HTML drops the first one."""
    return "<pre>" + ("\n" if text.startswith("\n") else "") + escape(text, quote=False) + "</pre>"


# --8<-- [end:write]


class _Blocks(HTMLParser):
    """Collect body blocks from an HTML fragment; character references are decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.text: list[str] = []
        self.open: list[str] = []  # the block elements we are inside, innermost last
        self.inside = dict.fromkeys(_BLOCKS, 0)  # how many of each: no scan of the stack
        self.items: list[str] = []
        self.ordered = False
        self.lists = 0

    def _flush(self) -> str:
        raw = "".join(self.text)
        self.text = []
        if self.inside["pre"]:
            return raw
        return _SPACE.sub(" ", raw).strip(" \t\n\r\f")

    def _close_text(self) -> None:
        text = self._flush()
        if not text:
            return
        where = self.open[-1] if self.open else "p"
        if where == "li" or self.lists:
            self.items.append(text)
        elif where in _HEADINGS:
            self.blocks.append(Heading(text, level=_HEADINGS[where]))
        elif where == "pre":
            self.blocks.append(Preformatted(text[1:] if text.startswith("\n") else text))
        elif self.inside["blockquote"]:
            self.blocks.append(Quote(text))
        else:
            self.blocks.append(Paragraph(text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.text.append("\n" if self.inside["pre"] else " ")
            return
        if tag not in _BLOCKS:
            return
        self._close_text()
        if tag in ("ul", "ol"):
            if not self.lists:
                self.ordered = tag == "ol"
            self.lists += 1
        self.open.append(tag)
        self.inside[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in _BLOCKS or not self.inside[tag]:
            return
        self._close_text()
        while self.open:  # elements left open inside it close with it
            inner = self.open.pop()
            self.inside[inner] -= 1
            if inner in ("ul", "ol"):
                self.lists -= 1
            if inner == tag:
                break
        if tag in ("ul", "ol") and not self.lists and self.items:
            self.blocks.append(ListBlock(self.items, ordered=self.ordered))
            self.items = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def close(self) -> None:
        super().close()
        self._close_text()
        if self.items:
            self.blocks.append(ListBlock(self.items, ordered=self.ordered))


def blocks_of(html: str) -> list[Block]:
    """The body blocks of an HTML fragment."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return parser.blocks
