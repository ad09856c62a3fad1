"""The writer: YAML front matter for the metadata, then one CommonMark block per body block."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

from ..._errors import WriteError
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
from ._syntax import destination, inline_lines, one_line, title

__all__ = ["MEDIA_NOTE", "write"]

FORMAT = "markdown"
MEDIA_NOTE = "newsparse:media"
"""The HTML comment after an image that carries what image syntax cannot: kind, alt text."""

_BACKTICKS = re.compile(r"`+")


def write(article: Article, *, front_matter: bool = True) -> str:
    """Write ``article`` as Markdown: YAML front matter, then the body as CommonMark.

    :param front_matter: ``False`` writes the title as a ``#`` heading and the body only
        (the other metadata is left out).
    """
    _refuse_nul(article, title=not front_matter)
    try:
        if front_matter:
            head = _front_matter.dump(article)
        else:
            head = ["# " + one_line(article.title) if article.title else "#"]
        parts = ["\n".join(head)]
        previous: Block | None = None
        alternate = False  # whether the previous list used the other marker
        for block in article.body:
            if isinstance(block, ListBlock):
                # two lists in a row would be one: the second takes the other marker
                alternate = (
                    isinstance(previous, ListBlock)
                    and previous.ordered == block.ordered
                    and not alternate
                )
                lines = _list(block, alternate=alternate)
            else:
                lines = _block(block)
            if lines:
                parts.append("\n".join(lines))
                previous = block
        return "\n\n".join(parts) + "\n"
    except RecursionError:
        raise WriteError(
            "cannot write the article: its extras are nested too deeply", format=FORMAT
        ) from None


def _body_texts(article: Article) -> Iterator[tuple[str, str | None]]:
    """``(where, text)`` for every text written as Markdown (front matter escapes all)."""
    for i, block in enumerate(article.body):
        where = f"Article.body[{i}]"
        if isinstance(block, ListBlock):
            for j, item in enumerate(block.items):
                yield f"{where}.items[{j}]", item
        elif isinstance(block, MediaBlock):
            for name in ("url", "caption", "credit"):  # kind and alt are in JSON: carried
                yield f"{where}.media.{name}", getattr(block.media, name)
        else:
            yield where + ".text", block.text
            if isinstance(block, Quote):
                yield where + ".attribution", block.attribution


def _refuse_nul(article: Article, *, title: bool) -> None:
    """Raise WriteError for a U+0000 in the body: CommonMark reads it (and ``&#0;``) as U+FFFD."""
    texts = _body_texts(article)
    if title:
        texts = itertools.chain([("Article.title", article.title)], texts)
    for where, text in texts:
        if text is not None and "\x00" in text:
            raise WriteError(
                f"Markdown cannot carry U+0000 (NUL) in the body: {where} holds one at index "
                f"{text.index(chr(0))} (CommonMark reads it as U+FFFD); remove or replace it "
                "before writing Markdown",
                format=FORMAT,
            )


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return inline_lines(block.text) if block.text else []  # an empty one has no syntax
    if isinstance(block, Heading):
        return [_heading(block)]
    if isinstance(block, Quote):
        return _quote(block)
    if isinstance(block, ListBlock):
        return _list(block, alternate=False)
    if isinstance(block, Preformatted):
        longest = max((len(run) for run in _BACKTICKS.findall(block.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return [fence, *block.text.split("\n"), fence]
    assert isinstance(block, MediaBlock)
    return [media_line(block.media)]


def _heading(block: Heading) -> str:
    text = block.text
    # a "#" at the end would read as a closing sequence: write it as a reference
    content = one_line(text[:-1]) + "&#35;" if text.endswith("#") else one_line(text)
    return "#" * block.level + (" " + content if content else "")


def _quote(block: Quote) -> list[str]:
    lines = [_no_leading_dash(line) for line in inline_lines(block.text)]
    if block.attribution is not None:
        if block.text:
            lines.append("")
        else:
            lines = []
        attribution = inline_lines(block.attribution)
        lines += ["— " + attribution[0], *attribution[1:]]
    return [("> " + line) if line else ">" for line in lines]


def _no_leading_dash(line: str) -> str:
    """A quoted line starting with an em dash would read as the attribution: a reference."""
    return "&#8212;" + line[1:] if line.startswith("—") else line


def _marker(block: ListBlock, number: int, alternate: bool = False) -> str:
    if block.ordered:
        return f"{number}{')' if alternate else '.'}"
    return "*" if alternate else "-"


def _list(block: ListBlock, *, alternate: bool) -> list[str]:
    """Items as ``-`` (``*``) or ``1.`` (``1)``); two lists in a row use the other marker."""
    out: list[str] = []
    for number, item in enumerate(block.items, start=1):
        marker = _marker(block, number, alternate)
        first, *rest = inline_lines(item)
        out.append(f"{marker} {first}" if first else marker)
        indent = " " * (len(marker) + 1)
        out += [indent + line for line in rest]
    return out


def media_line(media: Media) -> str:
    """``![caption](url "credit")``, with a ``<!-- newsparse:media {...} -->`` note if needed.

    >>> media_line(Media(url="https://example.org/a.jpg", caption="Boats.", credit="AP"))
    '![Boats.](https://example.org/a.jpg "AP")'
    """
    # no URL: nothing, or "<>" before a title (a lone title would read as the URL)
    target = destination(media.url) if media.url else "<>" if media.credit else ""
    if media.credit:
        target += (" " if target else "") + title(media.credit)
    line = f"![{one_line(media.caption or '')}]({target})"
    note: dict[str, Any] = {}
    if media.kind != "image":
        note["kind"] = media.kind
    if media.alt is not None:
        note["alt"] = media.alt
    for key in ("url", "caption", "credit"):
        if getattr(media, key) == "":  # image syntax cannot tell empty from absent
            note[key] = ""
    if note:
        line += f" <!-- {MEDIA_NOTE} {_comment_json(note)} -->"
    return line


def _comment_json(value: dict[str, Any]) -> str:
    """JSON that cannot end an HTML comment: no ``-``, ``<``, ``>`` or ``&`` unescaped."""
    text = json.dumps(value, ensure_ascii=False)
    for char, code in (("-", "\\u002d"), ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return text
