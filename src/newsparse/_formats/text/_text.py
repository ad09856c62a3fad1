"""Plain text both ways: the writer with its options, and a reader of paragraphs."""

from __future__ import annotations

import re

from ..._model import Article, Paragraph
from ..._plaintext import body_text, caption_text

__all__ = ["read", "write"]

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")


def write(
    article: Article,
    *,
    title: bool = True,
    subtitle: bool = True,
    byline: bool = False,
    dates: bool = False,
    section: bool = False,
    url: bool = False,
    captions: bool = True,
    credits: bool = False,
    notes: bool = False,
    tags: bool = False,
) -> str:
    """Write ``article`` as plain text: a title line, then blocks separated by blank lines.

    The defaults give what a search index or a language model wants: the title, the
    subtitle, the body (headings, quotes with who is quoted, lists as ``-``/``1.`` lines,
    preformatted text as it is) and the captions of the media. The other options add a
    header (``byline``: "By A and B"; ``dates``: ISO 8601 with the offset; ``section``;
    ``url``), the credits after the captions, the ``notes`` at the end and a ``tags``
    line.
    """
    blocks: list[str] = []
    if title:
        blocks.append(article.title)
    header = []
    if section and article.section:
        header.append(f"Section: {article.section}")
    if subtitle and article.subtitle:
        header.append(article.subtitle)
    if byline and article.authors:
        header.append("By " + _names([a.name for a in article.authors]))
    if dates:
        when = [
            f"{label} {value.isoformat()}"
            for label, value in (("Published", article.published), ("Updated", article.updated))
            if value is not None
        ]
        if when:
            header.append(" · ".join(when))
    if url and article.url:
        header.append(article.url)
    if header:
        blocks.append("\n".join(header))
    if captions:
        for media in article.media:
            blocks.append(caption_text(media.caption, media.credit if credits else None))
    blocks.append(
        body_text(article.body, markers=True, attributions=True, captions=captions, credits=credits)
    )
    if notes:
        blocks += article.notes
    if tags and article.tags:
        blocks.append("Tags: " + ", ".join(article.tags))
    return "\n\n".join(b for b in blocks if b) + "\n"


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def read(text: str) -> Article:
    """Read plain text: the first block of lines is the title, each further one a paragraph.

    Blocks are separated by blank lines (or lines of spaces). A title over several lines
    is joined with spaces; a paragraph keeps its line breaks. Nothing else is guessed:
    bylines, dates or lists in the text stay paragraphs.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    blocks = [block.strip("\n") for block in _BLANK.split(text.strip("\n"))]
    blocks = [block for block in blocks if block.strip()]
    if not blocks:
        return Article("")
    title = " ".join(line.strip() for line in blocks[0].split("\n") if line.strip())
    return Article(title, body=[Paragraph(block) for block in blocks[1:]])
