r"""A small HTML <-> body blocks converter (stdlib only), shared by the formats with HTML.

They are ninjs ``text/html`` bodies, RSS ``content:encoded`` and ``description``, Atom
``content`` and NewsML-G2 inline XHTML.

Writing: ``<p>``, ``<h1>``-``<h6>``, ``<blockquote><p>..</p><footer>..</footer>``,
``<ul>``/``<ol>`` with ``<li>``, ``<pre>`` and ``<figure>`` (``<img src alt>``,
``<figcaption>`` with ``<span class="caption">`` and ``<span class="credit">``,
``data-kind`` for media that are not images). A newline inside text becomes ``<br>``.

Reading: the same elements back to blocks; any other element is transparent, and text
outside those elements (inside ``div``, ``section``...) becomes paragraphs. Runs of
ASCII whitespace collapse to one space (a no-break space is kept), except in ``<pre>``;
``<head>``, ``<script>``, ``<style>`` and ``<template>`` are skipped.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from ._model import (
    Block,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
)

__all__ = ["blocks_to_html", "html_to_blocks", "survives_html"]

_BR = "\ue000"  # a private-use character stands for <br> until the text is tidied
_SPACES = re.compile(r"[ \t\n\r\f]+")
_AROUND_BR = re.compile(r" ?\ue000 ?")
_SKIP = frozenset({"head", "script", "style", "template", "noscript"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_KINDS = {"video": "video", "audio": "audio"}
_BREAKS = frozenset(
    {"div", "section", "article", "main", "header", "footer", "aside", "body", "table", "tr",
     "nav", "hr", "dl", "dt", "dd", "address"}
)  # fmt: skip


def _esc(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _figure(media: Media) -> str:
    kind = "" if media.kind == "image" else f' data-kind="{_attr(media.kind)}"'
    out = [f"<figure{kind}>"]
    if media.url is not None or media.alt is not None:
        src = "" if media.url is None else f' src="{_attr(media.url)}"'
        alt = "" if media.alt is None else f' alt="{_attr(media.alt)}"'
        out.append(f"<img{src}{alt}>")
    if media.caption is not None or media.credit is not None:
        out.append("<figcaption>")
        if media.caption is not None:
            out.append(f'<span class="caption">{_esc(media.caption)}</span>')
        if media.credit is not None:
            out.append(f'<span class="credit">{_esc(media.credit)}</span>')
        out.append("</figcaption>")
    out.append("</figure>")
    return "".join(out)


def blocks_to_html(blocks: tuple[Block, ...]) -> str:
    """The body blocks as an HTML fragment."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{_esc(block.text)}</p>")
        elif isinstance(block, Heading):
            out.append(f"<h{block.level}>{_esc(block.text)}</h{block.level}>")
        elif isinstance(block, Quote):
            footer = (
                "" if block.attribution is None else f"<footer>{_esc(block.attribution)}</footer>"
            )
            out.append(f"<blockquote><p>{_esc(block.text)}</p>{footer}</blockquote>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{_esc(item)}</li>" for item in block.items)
            out.append(f"<{tag}>{items}</{tag}>")
        elif isinstance(block, Preformatted):
            out.append(f"<pre>{html.escape(block.text, quote=False)}</pre>")
        else:
            out.append(_figure(block.media))
    return "".join(out)


def survives_html(text: str) -> bool:
    """Whether ``text`` comes back unchanged from an HTML body (whitespace, line breaks)."""
    return bool(text) and _tidy([text.replace("\n", _BR)]) == text


def _tidy(parts: list[str]) -> str:
    text = _SPACES.sub(" ", "".join(parts)).strip(" ")
    if _BR in text:
        text = _AROUND_BR.sub("\n", text)
    return text


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.skip = 0
        self.buf: list[str] = []  # text of the open paragraph/heading/list item, or loose
        self.block: tuple[str, int] | None = None  # ("p", 0), ("h", level), ("pre", 0)
        self.quote: dict[str, list[str]] | None = None
        self.in_footer = False
        self.items: list[str] | None = None
        self.ordered = False
        self.figure: dict[str, Any] | None = None

    # -- helpers

    def _target(self) -> list[str]:
        if self.figure is not None:
            parts: list[str] = self.figure["credit" if self.figure["in_credit"] else "caption"]
            return parts
        if self.quote is not None:
            return self.quote["attribution" if self.in_footer else "text"]
        return self.buf

    def flush(self) -> None:
        """Emit the open paragraph, heading, preformatted block or loose text."""
        if self.figure is not None or self.quote is not None or self.items is not None:
            return
        if self.block is not None and self.block[0] == "pre":
            self.blocks.append(Preformatted("".join(self.buf)))
        else:
            text = _tidy(self.buf)
            if text:
                if self.block is not None and self.block[0] == "h":
                    self.blocks.append(Heading(text, level=self.block[1]))
                else:
                    self.blocks.append(Paragraph(text))
        self.buf = []
        self.block = None

    # -- HTMLParser hooks

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        attr = dict(attrs)
        if tag == "br":
            self._target().append(_BR)
        elif self.figure is not None:
            if tag in ("img", "video", "audio", "source"):
                if attr.get("src") is not None and self.figure["url"] is None:
                    self.figure["url"] = attr["src"]
                if tag == "img" and attr.get("alt") is not None:
                    self.figure["alt"] = attr["alt"]
                if tag in _KINDS and self.figure["kind"] == "image":
                    self.figure["kind"] = _KINDS[tag]
            elif tag == "span" and "credit" in (attr.get("class") or "").split():
                self.figure["in_credit"] = True
        elif self.quote is not None:
            if tag in ("footer", "cite"):
                self.in_footer = True
            elif tag == "p" and self.quote["text"]:
                self.quote["text"].append(" ")
        elif self.items is not None:
            if tag == "li":
                self.buf = []
        elif tag == "p" or tag == "pre" or tag in _HEADINGS:
            self.flush()
            self.block = ("h", _HEADINGS[tag]) if tag in _HEADINGS else (tag, 0)
        elif tag == "blockquote":
            self.flush()
            self.quote = {"text": [], "attribution": []}
            self.in_footer = False
        elif tag in ("ul", "ol"):
            self.flush()
            self.items = []
            self.ordered = tag == "ol"
        elif tag == "figure":
            self.flush()
            kind = attr.get("data-kind") or "image"
            self.figure = {
                "url": None,
                "alt": None,
                "kind": kind,
                "caption": [],
                "credit": [],
                "in_credit": False,
            }
        elif tag in _BREAKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if self.figure is not None:
            if tag == "span" and self.figure["in_credit"]:
                self.figure["in_credit"] = False
            elif tag == "figure":
                fig, self.figure = self.figure, None
                caption = _tidy(fig["caption"]) or None
                credit = _tidy(fig["credit"]) or None
                self.blocks.append(
                    MediaBlock(
                        Media(
                            url=fig["url"],
                            caption=caption,
                            credit=credit,
                            kind=fig["kind"],
                            alt=fig["alt"],
                        )
                    )
                )
        elif self.quote is not None:
            if tag in ("footer", "cite"):
                self.in_footer = False
            elif tag == "blockquote":
                quote, self.quote = self.quote, None
                text = _tidy(quote["text"])
                attribution = _tidy(quote["attribution"]) or None
                if text or attribution:
                    self.blocks.append(Quote(text, attribution=attribution))
        elif self.items is not None:
            if tag == "li":
                item = _tidy(self.buf)
                if item:
                    self.items.append(item)
                self.buf = []
            elif tag in ("ul", "ol"):
                items, self.items = self.items, None
                if items:
                    self.blocks.append(ListBlock(items, ordered=self.ordered))
                self.buf = []
        elif tag in ("p", "pre", *_HEADINGS) or tag in ("div", "section", "article", "body"):
            self.flush()
        elif tag in ("td", "th", "tr", "dt", "dd", "li"):
            self.buf.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self._target().append(data)


def html_to_blocks(markup: str) -> list[Block]:
    """The body blocks of an HTML body (a fragment or a whole document).

    After the last ``>`` no tag, comment or declaration can end, and the standard
    library's parser takes each ``<`` there for text only after scanning to the end of
    the input again (quadratic in ``<a<a<a…`` or ``<?<?<?…``): that tail goes in with its
    ``<`` escaped, which reads the same text in one pass.
    """
    cut = markup.rfind(">") + 1
    if markup.find("<", cut) >= 0:
        markup = markup[:cut] + markup[cut:].replace("<", "&lt;")
    parser = _Parser()
    parser.feed(markup)
    parser.close()
    parser.figure = parser.quote = None
    parser.items = None
    parser.flush()
    return parser.blocks
