"""Read wire text (the plain-text dump of a news page) into Articles.

The layout, block by block, each block separated by one blank line::

     date 2022-11-08 trending:            header: leading space, ISO date, trending items
    International                         section (only when there is a byline)
    Title line
    by A and B - 11/08/22 9:29 AM ET      byline (authors and published time)
    Published: Apr. 11, 2023 at 9:15 AM  optional timestamp line (or a block of its own)
    CAPTION … (Credit/Agency)             optional caption directly under the byline
    Paragraph 1.                          body paragraphs, one line each
    The Associated Press contributed …    optional contributor notes
    Tags tag one Tag Two                  optional Tags line, always last

How blocks are told apart: the header is the first line; the last block is the Tags line
when it starts with ``Tags``; the byline is the second or third block when its first line is
a byline (a dated one preferred, then ``by Jane Doe`` without a time); a section is only
recognised in front of a byline, so without a byline the first block is the title and the
rest is body. Trailing one-line blocks of the body that read as contributor notes (``…
contributed to this report``, ``This story has been updated …``) go to ``Article.notes``.

Nothing is dropped: a line the reader cannot place stays in the body (a paragraph block may
then span several lines), and ``extras["wire.*"]`` keeps what is needed to write the text
back byte for byte. ``strict=True`` turns each such irregularity into a
:class:`~newsparse.ParseError` that names the line.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from ..._build import article as _article
from ..._build import paragraphs as _paragraphs
from ..._errors import ParseError
from ..._model import Article, Author, Media
from ._layout import (
    FORMAT,
    HEADER,
    HEADER_START,
    TAGS,
    compact_ends,
    is_header_like,
    is_note,
    parse_byline,
    parse_caption,
    parse_header,
    parse_tags,
    render_caption,
    render_header,
    render_tags,
)
from ._stamps import parse_timeline

__all__ = ["read", "read_many", "sniff"]

_EMPTY: frozenset[str] = frozenset()


def _known(known_tags: Iterable[str] | None) -> frozenset[str]:
    if not known_tags:
        return _EMPTY
    if isinstance(known_tags, str):
        known_tags = (known_tags,)
    return frozenset(str(t).casefold() for t in known_tags)


def _normalize(text: str) -> tuple[str, str]:
    if not isinstance(text, str):
        raise TypeError(f"wire text must be a str, not {type(text).__name__}")
    nl = text.find("\n")
    if nl > 0 and text[nl - 1] == "\r":
        return text.replace("\r\n", "\n"), "\r\n"
    if nl == -1 and "\r" in text:  # classic Mac line endings
        return text.replace("\r", "\n"), "\r"
    return text, "\n"


def read(text: str, *, strict: bool = False, known_tags: Iterable[str] | None = None) -> Article:
    r"""Read one article of wire text.

    ``strict=True`` raises :class:`~newsparse.ParseError` (with the line number) for
    anything outside the layout: a missing or malformed header, a malformed byline, a
    paragraph spread over several lines, text after the Tags line, a second article.
    ``known_tags`` is a vocabulary of tags that guides the splitting of the Tags line.

    >>> a = read(" date 2024-03-05 trending:\n\nHarbour reopens\n\n"
    ...          "by Mara Quint - 03/05/24 9:30 AM ET\n\nBoats left at dawn.\n\n")
    >>> a.title, a.authors[0].name, a.published.isoformat()
    ('Harbour reopens', 'Mara Quint', '2024-03-05T09:30:00-05:00')
    """
    norm, newline = _normalize(text)
    known = _known(known_tags)
    if strict:
        for m in HEADER_START.finditer(norm, 1):
            raise ParseError.at(
                "a second article starts here; use read_many() for several articles",
                norm,
                m.start(),
                format=FORMAT,
            )
    return _parse(norm, newline, strict, known, 0)


def read_many(
    text: str, *, strict: bool = False, known_tags: Iterable[str] | None = None
) -> Iterator[Article]:
    """Read several articles, each starting with its header line; a generator.

    Options are those of :func:`read`. Text before the first header is read as an article
    without a header (an error when ``strict``); blank text gives no article. Each article
    keeps its own line ending.
    """
    if not isinstance(text, str):
        raise TypeError(f"wire text must be a str, not {type(text).__name__}")
    known = _known(known_tags)
    start: int | None = None
    # classic Mac line endings: find the headers on a copy with "\n" (same offsets)
    scan = text.replace("\r", "\n") if "\r" in text and "\n" not in text else text
    lines = _LineCount(scan)
    for m in HEADER_START.finditer(scan):
        cut = m.start()
        if start is None:
            if text[:cut].strip():
                yield _parse_chunk(text, 0, cut, strict, known, 0)
        else:
            yield _parse_chunk(text, start, cut, strict, known, lines.before(start))
        start = cut
    if start is not None:
        yield _parse_chunk(text, start, len(text), strict, known, lines.before(start))
    elif text.strip():
        yield _parse_chunk(text, 0, len(text), strict, known, 0)


class _LineCount:
    """The number of lines before an offset, counted once: offsets only grow."""

    __slots__ = ("count", "offset", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.count = 0

    def before(self, offset: int) -> int:
        self.count += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.count


def _parse_chunk(
    text: str, start: int, end: int, strict: bool, known: frozenset[str], line_base: int
) -> Article:
    norm, newline = _normalize(text[start:end])
    return _parse(norm, newline, strict, known, line_base)


def sniff(head: str) -> float:
    """Confidence from 0 to 1 that ``head`` (the first few KB of a text) is wire text."""
    head = head.lstrip("\ufeff")
    first = head.split("\n", 1)[0].rstrip("\r")
    if HEADER_START.match(first) and HEADER.match(first):
        return 0.95
    if HEADER.match(first):
        return 0.8
    score = 0.0
    for line in head.split("\n")[:12]:
        line = line.rstrip("\r")
        if line[:3].lower() == "by " and parse_byline(line) is not None:
            score = max(score, 0.4)
    if "\nTags " in head:
        score += 0.1
    return score


class _Doc:
    """One article's text, with what is needed to point errors at a line."""

    __slots__ = ("line_base", "norm", "strict")

    def __init__(self, norm: str, line_base: int, strict: bool) -> None:
        self.norm = norm
        self.line_base = line_base
        self.strict = strict

    def fail(self, message: str, index: int, column: int = 0) -> ParseError:
        """A ParseError at 0-based line ``index`` of this article."""
        offset = 0
        for _ in range(index):
            nl = self.norm.find("\n", offset)
            if nl < 0:
                offset = len(self.norm)
                break
            offset = nl + 1
        error = ParseError.at(message, self.norm, offset + column, format=FORMAT)
        if error.line is not None:
            error.line += self.line_base
        return error


_LENIENT = _Doc("", 0, False)


def _blocks_slow(lines: list[str], pos: int) -> tuple[list[str], list[int], list[int]]:
    """Blocks, the line index of each, and the blank lines before each (any spacing)."""
    blocks: list[str] = []
    starts: list[int] = []
    gaps: list[int] = []
    gap = 0
    current: list[str] | None = None
    for index in range(pos, len(lines)):
        line = lines[index]
        if line:
            if current is None:
                current = [line]
                blocks.append(line)
                starts.append(index)
                gaps.append(gap)
                gap = 0
            else:
                current.append(line)
        else:
            if current is not None and len(current) > 1:
                blocks[-1] = "\n".join(current)  # once per block: linear in its lines
            current = None
            gap += 1
    if current is not None and len(current) > 1:
        blocks[-1] = "\n".join(current)
    return blocks, starts, gaps


class _Starts:
    """The 0-based line index of each block, computed only when an error needs it."""

    __slots__ = ("blocks", "first", "known")

    def __init__(self, blocks: list[str], first: int, known: list[int] | None) -> None:
        self.blocks = blocks
        self.first = first
        self.known = known

    def __getitem__(self, k: int) -> int:
        if self.known is not None:
            return self.known[k]
        return self.first + sum(b.count("\n") + 2 for b in self.blocks[:k])


def _parse(norm: str, newline: str, strict: bool, known: frozenset[str], line_base: int) -> Article:
    stripped = norm.rstrip("\n")
    final = len(norm) - len(stripped)
    doc = _Doc(norm, line_base, strict) if strict else _LENIENT
    extras: dict[str, Any] = {}
    if newline != "\n":
        extras["wire.newline"] = newline
    if final != 2:
        extras["wire.final_newlines"] = final

    # header
    nl = stripped.find("\n")
    first_line = stripped if nl < 0 else stripped[:nl]
    header = _header(first_line) if stripped else None
    if header is not None:
        day, trending, header_canonical, valid_date = header
        if day is not None:
            if strict and not valid_date:
                raise doc.fail(f"{day!r} in the header is not a valid date", 0)
            extras["wire.date"] = day
        if trending:
            extras["wire.trending"] = trending
        if not header_canonical:
            extras["wire.header"] = first_line
    elif strict:
        raise doc.fail(
            "expected the header line ' date YYYY-MM-DD trending:' (with a leading space) "
            "as the first line",
            0,
        )

    # blocks, each the text of its lines
    rest = stripped[nl + 2 :] if header is not None and nl >= 0 else ""
    if rest and stripped.startswith("\n", nl + 1) and rest[0] != "\n" and "\n\n\n" not in rest:
        blocks = rest.split("\n\n")
        starts = _Starts(blocks, 2, None)
    elif header is not None:
        blocks, known_starts, gaps = _blocks_slow(stripped.split("\n"), 1)
        starts = _Starts(blocks, 0, known_starts)
        if any(g != 1 for g in gaps):
            extras["wire.gaps"] = gaps
    else:
        blocks, known_starts, _ = _blocks_slow(stripped.split("\n") if stripped else [], 0)
        starts = _Starts(blocks, 0, known_starts)

    if not blocks:
        if strict:
            raise doc.fail("expected a title after the header", stripped.count("\n") + 1)
        return Article("", extras=extras)

    # the Tags line
    tags: tuple[str, ...] = ()
    count = len(blocks)
    last = blocks[-1]
    if count > 1 and last[:4] == "Tags" and "\n" not in last:
        m = TAGS.match(last)
        if m is not None:
            count -= 1
            tags, canonical = _tags(last, m["content"] or "", known)
            if not canonical:
                extras["wire.tags"] = last
    if strict:
        for k in range(1, count):
            if "\n" not in blocks[k] and TAGS.match(blocks[k]) and k + 1 < len(blocks):
                raise doc.fail(
                    "text after the Tags line; the Tags line must be the last block",
                    starts[k + 1],
                )

    # title, section, byline
    by_at = 0
    byline = None
    for dated in (True, False):
        for k in (1, 2):
            block = blocks[k] if k < count else ""
            if block[:2] in ("by", "By", "BY", "bY"):
                nl = block.find("\n")
                found = parse_byline(block if nl < 0 else block[:nl])
                if found is not None and (found.published is not None) == dated:
                    by_at, byline = k, found
                    break
        if byline is not None:
            break
    section = None
    if by_at == 2:
        section = _single(doc, blocks, starts, 0, "section")
    title = _single(doc, blocks, starts, by_at - 1 if by_at else 0, "title")
    authors: tuple[Author, ...] = ()
    published = None
    updated = None
    media: tuple[Media, ...] = ()
    stamp = None
    if byline is not None:
        by_line, _, caption = blocks[by_at].partition("\n")
        if byline.problem and strict:
            raise doc.fail(byline.problem, starts[by_at])
        authors, published = byline.authors, byline.published
        if not byline.canonical:
            extras["wire.byline"] = by_line
        line, _, after = caption.partition("\n")
        stamp = parse_timeline(line) if line else None
        if stamp is not None:  # "Published: Apr. 11, 2023 at 9:15 AM CDT" under the byline
            extras["wire.timeline"] = line
            caption = after
        if caption:
            if strict and "\n" in caption:
                raise doc.fail(
                    "the caption must be one line directly under the byline", starts[by_at] + 2
                )
            item = parse_caption(caption)
            media = (item,)
            if render_caption(item) != caption:
                extras["wire.caption"] = caption

    # a timestamp line of its own, after the byline (or the title)
    first_body = by_at + 1
    if stamp is None and first_body < count and "\n" not in blocks[first_body]:
        stamp = parse_timeline(blocks[first_body])
        if stamp is not None:
            extras["wire.timeline"] = blocks[first_body]
            extras["wire.timeline_apart"] = True
            first_body += 1
    if stamp is not None:
        published = published or stamp[0]
        updated = stamp[1]

    # body and notes
    body_blocks = blocks[first_body:count]
    split = len(body_blocks)
    while split and "\n" not in body_blocks[split - 1] and is_note(body_blocks[split - 1].rstrip()):
        split -= 1
    texts = body_blocks[:split]
    if strict:
        for k, text in enumerate(texts):
            if "\n" in text:
                raise doc.fail(
                    "a paragraph must be one line; expected a blank line before this line",
                    starts[first_body + k] + 1,
                )
            if is_header_like(text):
                raise doc.fail(
                    "a header line inside an article; use read_many() for several articles",
                    starts[first_body + k],
                )
    cleans = [t.rstrip() for t in texts]
    body = _paragraphs(cleans)
    if texts != cleans:
        compact = compact_ends([t[len(c) :] for t, c in zip(texts, cleans, strict=True)])
        if compact is not None:
            extras["wire.para_ends"] = compact
    notes_raw = body_blocks[split:]
    notes = [t.rstrip() for t in notes_raw]
    if notes != notes_raw:
        compact = compact_ends([t[len(c) :] for t, c in zip(notes_raw, notes, strict=True)])
        if compact is not None:
            extras["wire.note_ends"] = compact

    return _article(
        title,
        section=section,
        authors=authors,
        published=published,
        updated=updated,
        media=media,
        body=body,
        notes=tuple(notes),
        tags=tags,
        extras=extras,
    )


_CACHED_LENGTH = 2048
"""Header and Tags lines up to this long are cached (a crawl repeats them); longer ones
are parsed each time, so that the caches never hold large inputs."""


def _header(line: str) -> tuple[str | None, tuple[str, ...], bool, bool] | None:
    """(date, trending items, whether canonical, whether the date is valid) of a header."""
    return _header_cached(line) if len(line) <= _CACHED_LENGTH else _header_parsed(line)


def _header_parsed(line: str) -> tuple[str | None, tuple[str, ...], bool, bool] | None:
    parsed = parse_header(line)
    if parsed is None:
        return None
    valid = True
    if parsed[0] is not None:
        try:
            date.fromisoformat(parsed[0])
        except ValueError:
            valid = False
    return parsed[0], parsed[1], render_header(*parsed) == line, valid


_header_cached = functools.lru_cache(maxsize=512)(_header_parsed)


def _tags(line: str, content: str, known: frozenset[str]) -> tuple[tuple[str, ...], bool]:
    if len(line) <= _CACHED_LENGTH:
        return _tags_cached(line, content, known)
    return _tags_parsed(line, content, known)


def _tags_parsed(line: str, content: str, known: frozenset[str]) -> tuple[tuple[str, ...], bool]:
    tags = parse_tags(content, known)
    return tags, (render_tags(tags) if tags else None) == line


_tags_cached = functools.lru_cache(maxsize=512)(_tags_parsed)


def _single(doc: _Doc, blocks: list[str], starts: _Starts, k: int, what: str) -> str:
    text = blocks[k]
    if doc.strict and "\n" in text:
        raise doc.fail(f"the {what} must be one line; expected a blank line here", starts[k] + 1)
    return text
