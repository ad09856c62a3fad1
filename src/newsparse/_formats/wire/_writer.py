"""Write Articles as wire text.

For an article in the wire domain (see ``docs/formats/wire.md`` and
:func:`in_domain`) the output reads back to an equal Article. Outside it the writer is lossy
but never fails on a valid Article:

- headings, quotes (``text — attribution``), list items (one paragraph each), preformatted
  text and media blocks (their caption) become paragraphs; empty paragraphs are skipped;
- a published time in a zone the byline cannot name is converted to America/New_York and
  written as ``ET``; seconds are dropped;
- only the first media item with a caption or credit is written, and only under a byline;
  a section without a byline is dropped (it would be read as the title);
- URLs, language, publisher, subtitle and extras of other formats are not written; the
  updated time only through a kept timestamp line (``wire.timeline``) that still gives it.

Raw lines kept by the reader in ``extras["wire.*"]`` are written instead of the canonical
rendering only when they still parse to the article's current values.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
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
from ._layout import (
    FORMAT,
    TAGS,
    expand_ends,
    parse_byline,
    parse_caption,
    parse_header,
    render_byline,
    render_caption,
    render_header,
    render_tags,
    valid_day,
)
from ._stamps import parse_timeline
from ._tags import split_tags_line

__all__ = ["write", "write_many"]

_MAX_REPEAT = 10_000


def write(article: Article) -> str:
    """Write one article as wire text.

    >>> from newsparse._model import Article, Paragraph
    >>> print(write(Article("Harbour reopens", body=[Paragraph("Boats left at dawn.")])), end="")
     date trending:
    <BLANKLINE>
    Harbour reopens
    <BLANKLINE>
    Boats left at dawn.
    <BLANKLINE>
    """
    if not isinstance(article, Article):
        raise WriteError(f"can only write an Article, not {type(article).__name__}", format=FORMAT)
    extras = article.extras
    published = article.published

    day = valid_day(extras.get("wire.date"))
    if day is None and published is not None:
        day = published.date().isoformat()
    trending = _strings(extras.get("wire.trending"))
    header = render_header(day, trending)
    raw = extras.get("wire.header")
    if isinstance(raw, str) and "\n" not in raw and parse_header(raw) == (day, trending):
        header = raw

    blocks: list[str] = []
    timeline = _timeline(article)
    dated_by_timeline = timeline is not None and timeline[1]
    has_byline = (
        bool(article.authors)
        or (published is not None and not dated_by_timeline)
        or _raw_byline(article, dated_by_timeline) is not None
    )
    if article.section is not None and has_byline:
        blocks.append(article.section)
    blocks.append(article.title)
    apart = timeline is not None and (extras.get("wire.timeline_apart") is True or not has_byline)
    if has_byline:
        blocks.append(_byline_block(article, None if apart else timeline))
    if timeline is not None and apart:
        blocks.append(timeline[0])

    ends = expand_ends(extras.get("wire.para_ends"), len(article.body))
    for i, block in enumerate(article.body):
        pieces = _render_block(block)
        if pieces and ends:
            pieces[-1] += ends[i]
        blocks.extend(pieces)

    note_ends = expand_ends(extras.get("wire.note_ends"), len(article.notes))
    for i, note in enumerate(article.notes):
        if note:
            blocks.append(note + (note_ends[i] if note_ends else ""))

    tags_line = render_tags(article.tags) if article.tags else None
    raw = extras.get("wire.tags")
    if isinstance(raw, str) and _tags_raw_fits(raw, article.tags):
        tags_line = raw
    if tags_line is not None:
        blocks.append(tags_line)

    if blocks == [""]:
        blocks = []  # an empty article is its header alone
    gaps = _gaps(extras.get("wire.gaps"), len(blocks))
    parts = [header]
    for k, piece in enumerate(blocks):
        parts.append("\n" * (gaps[k] + 1))
        parts.append(piece)
    final = extras.get("wire.final_newlines", 2)
    if isinstance(final, bool) or not isinstance(final, int) or not 0 <= final <= _MAX_REPEAT:
        final = 2
    parts.append("\n" * final)
    text = "".join(parts)
    newline = extras.get("wire.newline")
    if newline in ("\r\n", "\r"):
        text = text.replace("\n", newline)
    return text


def write_many(articles: Iterable[Article]) -> Iterator[str]:
    """Write several articles; yields one chunk per article.

    The chunks concatenated read back with :func:`read_many`: an article that asks for a
    file without a final newline gets one all the same when another article follows it
    (the next header must start a line); the last article keeps its ending.
    """
    pending_break = ""
    for article in articles:
        text = write(article)
        yield pending_break + text
        pending_break = ""
        if not text.endswith(("\n", "\r")):
            newline = article.extras.get("wire.newline")
            pending_break = newline if newline in ("\r\n", "\r") else "\n"


def in_domain(article: Article) -> bool:
    """Whether ``read(write(article)) == article`` is guaranteed (see docs/formats/wire.md)."""
    from .domain import article_in_domain

    return article_in_domain(article)


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return ()


def _gaps(value: Any, count: int) -> Sequence[int]:
    if (
        isinstance(value, (tuple, list))
        and len(value) == count
        and all(isinstance(g, int) and not isinstance(g, bool) for g in value)
        and all(0 <= g <= _MAX_REPEAT for g in value)
        and all(g >= 1 for g in value[1:])
    ):
        return value
    return [1] * count


def _same_time(a: datetime | None, b: datetime | None) -> bool:
    if a is None or b is None:
        return a is b
    return a == b and a.utcoffset() == b.utcoffset()


def _timeline(article: Article) -> tuple[str, bool] | None:
    """The kept timestamp line if it still gives the article's times, and whether it dates it.

    The second item tells whether the line gives the published time (else the byline
    does, or there is none). The reader takes the published time from a dated byline
    first, so the line's own published time only has to match when the byline has none.
    """
    raw = article.extras.get("wire.timeline")
    if not isinstance(raw, str):
        return None
    stamp = parse_timeline(raw)
    if stamp is None or not _same_time(stamp[1], article.updated):
        return None
    if article.published is not None and _same_time(stamp[0], article.published):
        return raw, True
    if stamp[0] is None or article.published is not None:
        return raw, False  # the byline gives the published time (or there is none)
    return None


def _raw_byline(article: Article, dated_by_timeline: bool = False) -> str | None:
    """The kept byline line, if it still gives the article's authors and time."""
    raw = article.extras.get("wire.byline")
    if isinstance(raw, str) and "\n" not in raw:
        parsed = parse_byline(raw)
        if (
            parsed is not None
            and parsed.authors == article.authors
            and (
                _same_time(parsed.published, article.published)
                or (parsed.published is None and dated_by_timeline)
            )
        ):
            return raw
    return None


def _byline_block(article: Article, timeline: tuple[str, bool] | None) -> str:
    extras: Mapping[str, Any] = article.extras
    dated_by_timeline = timeline is not None and timeline[1]
    line = _raw_byline(article, dated_by_timeline) or render_byline(
        article.authors, None if dated_by_timeline else article.published
    )
    if timeline is not None:
        line += "\n" + timeline[0]
    media = _first_media(article.media)
    if media is not None:
        caption = render_caption(media)
        raw = extras.get("wire.caption")
        if isinstance(raw, str) and raw.strip() and parse_caption(raw) == media:
            caption = raw
        if caption:
            line += "\n" + caption
    return line


def _first_media(media: Sequence[Media]) -> Media | None:
    for item in media:
        if item.caption or item.credit is not None:
            return item
    return None


def _tags_raw_fits(raw: str, tags: tuple[str, ...]) -> bool:
    if "\n" in raw:
        return False
    m = TAGS.match(raw)
    if m is None:
        return False
    content = m["content"] or ""
    split = split_tags_line(content)
    if split is not None:
        return split == tags
    if any(t != " ".join(t.split()) or not t for t in tags):
        return False
    return content.split() == " ".join(tags).split()


def _render_block(block: Block) -> list[str]:
    if isinstance(block, (Paragraph, Heading)):
        texts = [block.text]
    elif isinstance(block, Quote):
        texts = [block.text + (f" — {block.attribution}" if block.attribution else "")]
    elif isinstance(block, ListBlock):
        texts = list(block.items)
    elif isinstance(block, Preformatted):
        texts = ["\n".join(line for line in block.text.split("\n") if line.strip())]
    elif isinstance(block, MediaBlock):
        texts = [render_caption(block.media) or ""]
    else:  # pragma: no cover - the model admits no other block
        raise WriteError(f"cannot write a {type(block).__name__} block", format=FORMAT)
    return [t for t in texts if t]
