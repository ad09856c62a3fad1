"""The reader: front matter, then the body parsed by markdown-it-py; and the sniffer."""

from __future__ import annotations

import functools
import json
import re
from datetime import tzinfo
from html.parser import HTMLParser
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from ..._errors import ParseError, ReadError, ValidationError
from ..._model import (
    Article,
    Block,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
)
from . import _front_matter
from ._dates import TimestampError, get_zone
from ._writer import MEDIA_NOTE

__all__ = ["read", "sniff"]

FORMAT = "markdown"
MAX_NESTING = 40
"""markdown-it's nesting limit (a quote is one level, a list two: the list and its item).
Blocks nested deeper than 18 lists or 37 quotes are a ParseError: markdown-it would
otherwise drop the rest of the document silently."""

_NOTE = re.compile(r"<!-- " + re.escape(MEDIA_NOTE) + r" (\{.*\}) -->\Z", re.DOTALL)
_BREAK_TAG = re.compile(r"<br\s*/?>\Z", re.IGNORECASE)
_KINDS = {"img": "image", "video": "video", "audio": "audio"}


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _depth_guard(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A block rule run first: refuse a block two levels short of markdown-it's limit.

    Two, because a list opens two levels before its items' blocks are parsed, and the
    limit would skip them without a word.
    """
    if state.level >= MAX_NESTING - 2:
        raise _TooDeep(start)
    return False


INLINE_NESTING = 20
"""markdown-it's nesting limit inside a paragraph (links in emphasis in links...). The
cost of some pathological inputs (thousands of unclosed ``![``) grows with it, so inline
parsing keeps CommonMark's default; nothing is lost past it, the rest is text."""


def _markdown_it(nesting: int) -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough; links and images are kept as written."""
    md = MarkdownIt("commonmark", {"maxNesting": nesting}).enable(["table", "strikethrough"])
    # nothing is rendered, so no URL is unsafe, and none is rewritten (percent-encoded)
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.normalizeLinkText = lambda link: link  # type: ignore[method-assign]
    return md


@functools.cache
def _parsers() -> tuple[MarkdownIt, MarkdownIt]:
    """The block parser (deep nesting, guarded) and the inline parser (CommonMark's limit)."""
    block = _markdown_it(MAX_NESTING)
    block.block.ruler.before(block.block.ruler.get_all_rules()[0], "newsparse_depth", _depth_guard)
    block.core.ruler.disable(["inline", "text_join"], ignoreInvalid=True)
    return block, _markdown_it(INLINE_NESTING)


def _parse(body: str) -> list[Token]:
    """Block tokens, with each inline token's children parsed by the inline parser."""
    block, inline = _parsers()
    env: dict[str, Any] = {}  # link reference definitions, found by the block parse
    tokens = block.parse(body, env)
    for token in tokens:
        if token.type == "inline":
            token.children = []
            inline.inline.parse(token.content, inline, env, token.children)
    return tokens


# --------------------------------------------------------------------------------------
# the sniffer

_FRONT_KEY = re.compile(r"[A-Za-z_][\w-]*:(?:[ \t]|$)")
_SYNTAX = (
    re.compile(r"^#{1,6}[ \t]+\S", re.M),  # ATX headings
    re.compile(r"^\S[^\n]*\n(?:=+|-+)[ \t]*$", re.M),  # setext headings
    re.compile(r"^(?:```|~~~)", re.M),  # fenced code
    re.compile(r"^[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.M),  # list items
    re.compile(r"!?\[[^\]\n]{1,200}\]\([^)\n]{0,500}\)"),  # links and images
    re.compile(r"^>[ \t]?\S", re.M),  # block quotes
    re.compile(r"(?:\*\*|__)\S[^\n]{0,200}?\S(?:\*\*|__)"),  # strong emphasis
)


def sniff(head: str) -> float:
    """Confidence that ``head`` starts a Markdown document.

    Front matter with a ``title`` first is what this format writes (0.9); other YAML
    front matter is a static-site page (0.7). Without it, Markdown syntax decides: two
    kinds of it (headings, lists, links...) make 0.5, one 0.3, plain text 0.1 (never
    "not Markdown": a ``.md`` file of plain text is still read). Documents that start as
    JSON, XML or a whole HTML page are not Markdown.
    """
    head = head.lstrip("\ufeff")
    first, _, rest = head.partition("\n")
    if first.rstrip(" \t\r") == _front_matter.FENCE:
        second = rest.split("\n", 1)[0].rstrip("\r")
        if second.startswith("title:"):
            return 0.9
        return 0.7 if _FRONT_KEY.match(second) else 0.2
    start = head.lstrip()[:15].lower()
    if not start or start[0] in "{[" or start.startswith(("<?xml", "<!doctype", "<html")):
        return 0.0
    kinds = sum(1 for pattern in _SYNTAX if pattern.search(head))
    return 0.5 if kinds >= 2 else 0.3 if kinds == 1 else 0.1


# --------------------------------------------------------------------------------------
# the reader


def read(text: str, *, zone: str | tzinfo | None = None) -> Article:
    """Read one Article from Markdown, with or without YAML front matter.

    :param zone: an IANA zone name (or a ``tzinfo``) for front-matter times written
        without a UTC offset; without it, such times stay text in ``extras``.
    """
    if isinstance(zone, str):
        try:
            zone = get_zone(zone)
        except TimestampError as exc:
            raise ReadError(str(exc), format=FORMAT) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    fields: dict[str, Any] = {}
    body_start = 0
    opening = lines[0].rstrip(" \t\r")
    if opening in (_front_matter.FENCE, "+++"):
        closers = (opening, "...") if opening == "---" else (opening,)
        close = next((j for j in range(1, len(lines)) if lines[j].rstrip(" \t\r") in closers), None)
        if opening == "+++":
            if close is not None:
                raise ParseError(
                    "TOML front matter (+++) is not read; write it as YAML between '---' lines",
                    format=FORMAT,
                    line=1,
                    column=1,
                    excerpt=lines[0],
                )
        elif close is None:
            raise ParseError(
                "the front matter opened on line 1 is not closed by a '---' line",
                format=FORMAT,
                line=1,
                column=1,
                excerpt=lines[0],
            )
        else:
            front = [line.rstrip("\r") for line in lines[1:close]]
            fields = _front_matter.load(front, 2, zone)
            body_start = close + 1
    body = "\n".join(lines[body_start:]) if body_start else text
    try:
        tokens = _parse(body)
    except _TooDeep as exc:
        number = body_start + exc.line
        raise ParseError(
            "blocks are nested too deeply (more than 18 lists or 37 quotes in one another)",
            format=FORMAT,
            line=number + 1,
            column=1,
            excerpt=lines[number].rstrip("\r") if number < len(lines) else None,
        ) from None
    reader = _Body()
    blocks = reader.blocks(_tree(tokens))
    if fields.get("title") is None:
        fields.pop("title", None)
        first = blocks[0] if blocks else None
        if isinstance(first, Heading) and first.level == 1:  # "# Title" starts the document
            fields["title"] = first.text
            del blocks[0]
    if reader.links:
        extras = dict(fields.get("extras", {}))
        known = extras.get("markdown.links")
        extras["markdown.links"] = [*(known if isinstance(known, list) else []), *reader.links]
        fields["extras"] = extras
    try:
        return Article(fields.pop("title", ""), body=blocks, **fields)
    except ValidationError as exc:
        raise ParseError(f"bad front matter: {exc}", format=FORMAT, line=1) from None


class _Node:
    """A block token and, for an opening token, the nodes up to its closing one."""

    __slots__ = ("children", "token")

    def __init__(self, token: Token) -> None:
        self.token = token
        self.children: list[_Node] = []


def _tree(tokens: list[Token]) -> list[_Node]:
    """The flat token stream as a tree, built without recursion."""
    root: list[_Node] = []
    stack = [root]
    for token in tokens:
        if token.nesting == -1:
            stack.pop()
            continue
        node = _Node(token)
        stack[-1].append(node)
        if token.nesting == 1:
            stack.append(node.children)
    return root


def _inline(node: _Node) -> Token:
    """The inline token of a paragraph or heading node."""
    return node.children[0].token if node.children else Token("inline", "", 0)


class _Body:
    """Turns block nodes into body blocks; gathers the links' targets on the way."""

    def __init__(self) -> None:
        self.links: list[dict[str, str]] = []
        self._link: list[Any] | None = None  # [href, title, text pieces] of the open link

    # -- blocks -----------------------------------------------------------------------

    def blocks(self, nodes: list[_Node]) -> list[Block]:
        out: list[Block] = []
        for node in nodes:
            kind = node.token.type
            if kind == "paragraph_open":
                out += self.paragraph(_inline(node))
            elif kind == "heading_open":
                out.append(Heading(self.text(_inline(node)), level=int(node.token.tag[1])))
            elif kind == "blockquote_open":
                out.append(self.quote(node))
            elif kind in ("bullet_list_open", "ordered_list_open"):
                out.append(ListBlock(self.items(node), ordered=kind == "ordered_list_open"))
            elif kind in ("fence", "code_block"):
                content = node.token.content
                out.append(Preformatted(content[:-1] if content.endswith("\n") else content))
            elif kind == "html_block":
                out += _html_blocks(node.token.content)
            elif kind == "table_open":
                out += [Paragraph(row) for row in self.rows(node)]
            elif kind != "hr":
                text = self.plain(node)
                if text:
                    out.append(Paragraph(text))
        return out

    def plain(self, node: _Node) -> str:
        """The text of any block, for blocks inside quotes and list items."""
        kind = node.token.type
        if kind in ("paragraph_open", "heading_open"):
            return self.text(_inline(node))
        if kind in ("fence", "code_block"):
            return node.token.content.removesuffix("\n")
        if kind in ("bullet_list_open", "ordered_list_open"):
            return "\n".join(self.items(node))
        if kind == "table_open":
            return "\n".join(self.rows(node))
        if kind == "html_block":
            return "\n\n".join(_block_text(b) for b in _html_blocks(node.token.content))
        if kind == "inline":
            return self.text(node.token)
        return "\n\n".join(filter(None, (self.plain(child) for child in node.children)))

    def quote(self, node: _Node) -> Quote:
        """A block quote; a last paragraph starting with an em dash is the attribution."""
        children = list(node.children)
        attribution = None
        last = children[-1] if children else None
        if last is not None and last.token.type == "paragraph_open":
            inline = _inline(last)
            raw = inline.content
            if raw.startswith("—") and raw[1:2] in ("", " ", "\t", "\n"):
                text = self.text(inline)
                attribution = text[2:] if text[1:2] in (" ", "\t", "\n") else text[1:]
                children.pop()
            elif raw.rsplit("\n", 1)[-1].startswith("—"):
                breaks = [
                    i for i, t in enumerate(inline.children or ()) if t.type.endswith("break")
                ]
                if breaks:
                    tail = self.text_of((inline.children or [])[breaks[-1] + 1 :])
                    if tail.startswith("—"):
                        attribution = tail[1:].lstrip(" \t")
                        head = self.text_of((inline.children or [])[: breaks[-1]])
                        texts = [self.plain(child) for child in children[:-1]]
                        return Quote("\n\n".join([*texts, head]), attribution=attribution)
        texts = [self.plain(child) for child in children]
        return Quote("\n\n".join(texts), attribution=attribution)

    def items(self, node: _Node) -> list[str]:
        """A list's items; a nested list's items follow their parent item's."""
        items: list[str] = []
        for item in node.children:
            parts: list[str] = []
            nested: list[str] = []
            for child in item.children:
                if child.token.type in ("bullet_list_open", "ordered_list_open"):
                    nested += self.items(child)
                else:
                    parts.append(self.plain(child))
            items.append("\n\n".join(parts))
            items += nested
        return items

    def rows(self, node: _Node) -> list[str]:
        """A table: a line per row, its cells joined by `` | ``."""
        rows = []
        stack = list(reversed(node.children))
        while stack:
            child = stack.pop()
            if child.token.type == "tr_open":
                cells = [self.text(_inline(cell)) for cell in child.children]
                rows.append(" | ".join(cell for cell in cells if cell))
            else:
                stack += reversed(child.children)
        return rows

    def paragraph(self, inline: Token) -> list[Block]:
        """A paragraph; images in it become media blocks where they stand."""
        tokens = inline.children or []
        if not any(t.type == "image" for t in tokens):
            return [Paragraph(self.text_of(tokens))]
        out: list[Block] = []
        run: list[Token] = []
        for token in tokens:
            if token.type == "image":
                self._flush(run, out)
                run = []
                out.append(MediaBlock(self.media(token)))
            elif (
                token.type == "html_inline"
                and out
                and isinstance(out[-1], MediaBlock)
                and not self.text_of(run).strip()
                and _NOTE.match(token.content)
            ):
                out[-1] = MediaBlock(_noted(out[-1].media, token.content))
                run = []
            else:
                run.append(token)
        self._flush(run, out)
        return out

    def _flush(self, run: list[Token], out: list[Block]) -> None:
        text = self.text_of(run)
        if text.strip():
            out.append(Paragraph(text))

    def media(self, image: Token) -> Media:
        caption = self.text_of(image.children or [], links=False)
        url = image.attrs.get("src")
        credit = image.attrs.get("title")
        if self._link is not None:  # a linked image: the link's text is its caption
            self._link[2].append(caption)
        return Media(
            url=str(url) if url else None,
            caption=caption or None,
            credit=str(credit) if credit else None,
        )

    # -- inline text ------------------------------------------------------------------

    def text(self, inline: Token) -> str:
        return self.text_of(inline.children or [])

    def text_of(self, tokens: list[Token], *, links: bool = True) -> str:
        """Inline tokens as plain text: emphasis, code and HTML tags leave their text."""
        out: list[str] = []
        for token in tokens:
            kind = token.type
            piece = ""
            if kind in ("text", "text_special", "code_inline"):
                piece = token.content
            elif kind == "softbreak":
                piece = " "
            elif kind == "hardbreak":
                piece = "\n"
            elif kind == "html_inline":
                piece = "\n" if _BREAK_TAG.match(token.content) else ""
            elif kind == "image":
                piece = self.text_of(token.children or [], links=False)
                if links and token.attrs.get("src"):
                    self.links.append({"text": piece, "url": str(token.attrs["src"])})
            elif kind == "link_open" and links:
                if token.markup != "autolink":
                    self._link = [token.attrs.get("href"), token.attrs.get("title"), []]
            elif kind == "link_close" and links and self._link is not None:
                href, link_title, pieces = self._link
                self._link = None
                link = {"text": "".join(pieces), "url": str(href or "")}
                if link_title:
                    link["title"] = str(link_title)
                self.links.append(link)
            if piece:
                out.append(piece)
                if self._link is not None and links:
                    self._link[2].append(piece)
        return "".join(out)


def _noted(media: Media, comment: str) -> Media:
    """Apply a writer's ``newsparse:media`` note: kind, alt, and empty strings."""
    match = _NOTE.match(comment)
    assert match is not None
    try:
        note = json.loads(match.group(1))
    except ValueError:
        return media
    if not isinstance(note, dict):
        return media
    values = {
        "url": media.url,
        "caption": media.caption,
        "credit": media.credit,
        "kind": media.kind,
        "alt": media.alt,
    }
    for key, value in note.items():
        if key in values and isinstance(value, str):
            values[key] = value
    return Media(**values)  # type: ignore[arg-type]


def _block_text(block: Block) -> str:
    if isinstance(block, ListBlock):
        return "\n".join(block.items)
    if isinstance(block, MediaBlock):
        return block.media.caption or ""
    return block.text


def _html_blocks(html: str) -> list[Block]:
    """An HTML block: comments are nothing; media, ``<pre>`` and text become blocks.

    Read with the standard library's tokenizer, which keeps no tree: a tree builder is
    quadratic on thousands of unclosed ``<div>``.
    """
    rest = html.strip()
    while rest.startswith("<!--"):
        end = rest.find("-->", 4)
        if end < 0:
            break
        rest = rest[end + 3 :].lstrip()
    if not rest:
        return []
    parser = _HtmlBlock()
    parser.feed(html)
    parser.close()
    return parser.blocks


class _HtmlBlock(HTMLParser):
    """Blocks from an HTML fragment, in order; character references are decoded."""

    _SKIP = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.text: list[str] = []
        self.pre: list[str] | None = None
        self.figure: dict[str, Any] | None = None
        self.depth = dict.fromkeys((*self._SKIP, "pre", "figure", "figcaption"), 0)

    def _flush(self) -> None:
        text = " ".join("".join(self.text).split())
        self.text = []
        if text:
            self.blocks.append(Paragraph(text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.depth:
            self.depth[tag] += 1
        if any(self.depth[t] for t in self._SKIP):
            return
        attributes = dict(attrs)
        if tag == "br":
            (self.pre if self.pre is not None else self.text).append("\n")
        elif tag == "figure" and self.depth["figure"] == 1:
            self._flush()
            self.figure = {"caption": []}
        elif tag == "pre" and self.depth["pre"] == 1:
            self._flush()
            self.pre = []
        elif tag in _KINDS and (self.figure is None or "url" not in self.figure):
            url, alt = attributes.get("src") or None, attributes.get("alt") or None
            if self.figure is not None:  # the figure's first media element
                self.figure.update(url=url, kind=_KINDS[tag], alt=alt)
            else:
                self._flush()
                self.blocks.append(MediaBlock(Media(url=url, kind=_KINDS[tag], alt=alt)))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.depth or not self.depth[tag]:
            return
        self.depth[tag] -= 1
        if self.depth[tag]:
            return
        if tag == "pre" and self.pre is not None:
            self.blocks.append(Preformatted("".join(self.pre).strip("\n")))
            self.pre = None
        elif tag == "figure" and self.figure is not None:
            caption = " ".join("".join(self.figure.pop("caption")).split()) or None
            self.blocks.append(MediaBlock(Media(caption=caption, **self.figure)))
            self.figure = None

    def handle_data(self, data: str) -> None:
        if any(self.depth[t] for t in self._SKIP):
            return
        if self.pre is not None:
            self.pre.append(data)
        elif self.figure is not None:
            if self.depth["figcaption"]:
                self.figure["caption"].append(data)
        else:
            self.text.append(data)

    def close(self) -> None:
        super().close()
        if self.pre is not None:
            self.blocks.append(Preformatted("".join(self.pre).strip("\n")))
        if self.figure is not None:
            caption = " ".join("".join(self.figure.pop("caption")).split()) or None
            self.blocks.append(MediaBlock(Media(caption=caption, **self.figure)))
        self._flush()
