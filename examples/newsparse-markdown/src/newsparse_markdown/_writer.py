"""The writer: front matter for the metadata, then one Markdown block per body block."""

from __future__ import annotations

import re

from newsparse import (
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
from ._syntax import escape, escape_line, quote_string

SEPARATOR = "<!-- -->"
"""Written between two lists, which Markdown would otherwise merge into one."""

_PLAIN_URL = re.compile(r"[^\s()<>\\\"]+\Z")
_BACKTICKS = re.compile(r"`+")


# --8<-- [start:write]
def write(article: Article) -> str:
    """Write ``article`` as Markdown with front matter."""
    out = "\n".join(_front_matter.dump(article)) + "\n"
    previous: Block | None = None
    for block in article.body:
        if isinstance(block, ListBlock) and isinstance(previous, ListBlock):
            out += f"\n{SEPARATOR}\n"
        out += "\n" + "\n".join(_block(block)) + "\n"
        previous = block
    return out


# --8<-- [end:write]


# --8<-- [start:block]
def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [escape_line(line) for line in block.text.split("\n")]
    if isinstance(block, Heading):
        text = escape(block.text.replace("\n", " "))
        if text.endswith("#"):  # a trailing "#" would read as a closing sequence
            text = text[:-1] + "\\#"
        return ["#" * block.level + " " + text]
    if isinstance(block, Quote):
        lines = [_quoted(escape_line(line)) for line in block.text.split("\n")]
        if block.attribution is not None:
            lines += [">", "> — " + escape(block.attribution.replace("\n", " "))]
        return lines
    if isinstance(block, ListBlock):
        return [
            (f"{i}. " if block.ordered else "- ") + escape_line(item.replace("\n", " "))
            for i, item in enumerate(block.items, start=1)
        ]
    if isinstance(block, Preformatted):
        longest = max((len(run) for run in _BACKTICKS.findall(block.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return [fence, *block.text.split("\n"), fence]
    assert isinstance(block, MediaBlock)
    return [media_line(block.media)]


# --8<-- [end:block]


def _quoted(line: str) -> str:
    return "> " + line if line else ">"


def media_line(media: Media) -> str:
    r"""``![caption](url "credit")``, with ``{kind="video" alt="..."}`` when needed.

    >>> media_line(Media(url="https://example.org/a.jpg", caption="Boats.", credit="AP"))
    '![Boats.](https://example.org/a.jpg "AP")'
    """
    caption = escape(media.caption.replace("\n", " ")) if media.caption else ""
    if media.url is None:
        url = ""
    elif _PLAIN_URL.match(media.url):
        url = media.url
    else:  # the <...> form takes spaces and parentheses; "<>" is the empty string
        url = "<" + re.sub(r"[\\<>]", lambda m: "\\" + m.group(), media.url) + ">"
    if media.credit is not None:
        url += (" " if url else "") + quote_string(media.credit)
    line = f"![{caption}]({url})"
    attributes = []
    if media.kind != "image":
        attributes.append("kind=" + quote_string(media.kind))
    if media.alt is not None:
        attributes.append("alt=" + quote_string(media.alt))
    if attributes:
        line += "{" + " ".join(attributes) + "}"
    return line
