"""The wire round-trip domain: the Articles for which ``read(write(a)) == a``.

:func:`problems` lists why an article is outside the domain (empty when it is inside);
``newsparse.testing.strategies.wire_articles`` generates articles inside it. The rules are
spelled out in ``docs/formats/wire.md``. This module is the wire format's one public
module besides the plugin: the testing kit builds on it, so its names are kept stable.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..._model import Article, Author, Media, Paragraph
from ..._text.names import SUFFIX
from ._layout import (
    compact_ends,
    expand_ends,
    is_byline_like,
    is_header_like,
    is_note,
    is_tags_like,
    parse_byline,
    parse_caption,
    render_byline,
    render_caption,
    render_when,
    valid_day,
)
from ._stamps import parse_timeline
from ._tags import segment

__all__ = [
    "article_in_domain",
    "compact_ends",
    "problems",
    "safe_line",
    "safe_name",
    "safe_role",
    "safe_tag",
]

END_CHARS = frozenset(" \t\u00a0")
"""Characters the trailing-whitespace extras (``wire.para_ends``) may hold in the domain."""


def safe_line(text: str) -> bool:
    """A non-empty one-line text without edge whitespace that reads as no other line kind."""
    return (
        bool(text)
        and "\n" not in text
        and "\r" not in text
        and text == text.strip()
        and not is_header_like(text)
        and not is_byline_like(text)
        and not is_tags_like(text)
    )


def safe_name(name: str) -> bool:
    """An author name the byline carries back unchanged."""
    return (
        safe_line(name)
        and name[0].isupper()
        and "," not in name
        and " and " not in name
        and " - " not in name
        and not name.endswith(tuple('.!?:;"”’)'))
        and not SUFFIX.match(name)  # "V" alone would join the name before it
    )


def safe_role(role: str) -> bool:
    """A role (``opinion contributor``) the byline carries back unchanged."""
    return (
        safe_line(role)
        and role[0].islower()
        and "," not in role
        and " - " not in role
        and not role.endswith(tuple('.!?:;"”’)'))
    )


def safe_tag(tag: str) -> bool:
    """A tag the Tags line carries: one line, no ``|``, single inner spaces only."""
    return bool(tag) and "|" not in tag and tag == " ".join(tag.split())


def _authors_ok(authors: tuple[Author, ...], has_time: bool) -> Iterator[str]:
    roles = {a.role for a in authors}
    if len(roles) > 1:
        yield "authors have different roles"
    for a in authors:
        if a.url is not None:
            yield f"author {a.name!r} has a url"
        if not safe_name(a.name):
            yield f"author name {a.name!r} is not byline-safe"
        if a.role is not None and not safe_role(a.role):
            yield f"role {a.role!r} is not byline-safe"
    if authors and not has_time:
        line = render_byline(authors, None)
        parsed = parse_byline(line)
        if parsed is None or parsed.authors != authors or len(line) > 150:
            yield "the byline without a time would not read back"


def problems(article: Article) -> list[str]:
    """Why ``article`` is outside the wire round-trip domain; empty when inside."""
    out: list[str] = []
    a = article
    for name in ("subtitle", "updated", "url", "publisher", "language"):
        if getattr(a, name) is not None:
            out.append(f"{name} is not carried")
    has_byline = bool(a.authors) or a.published is not None
    if not safe_line(a.title):
        out.append("title is not a safe line")
    if a.section is not None and (not has_byline or not safe_line(a.section)):
        out.append("section needs a byline and a safe line")
    out.extend(_authors_ok(a.authors, a.published is not None))
    if a.published is not None:
        exact = render_when(a.published)[1]
        if not exact:
            out.append("published time cannot be written exactly")
        flipped = a.published.replace(fold=1 - a.published.fold)
        if a.published.fold and flipped.utcoffset() != a.published.utcoffset():
            out.append("published is the second of a repeated hour (fold=1)")
    if a.media:
        m = a.media[0]
        if len(a.media) > 1 or not has_byline:
            out.append("at most one media item, and only with a byline")
        elif m.url is not None or m.alt is not None or m.kind != "image":
            out.append("media with a url, alt text or a kind other than image")
        elif m.caption is None and m.credit is None:
            out.append("media without caption or credit")
        else:
            out.extend(_media_ok(m))
    for i, block in enumerate(a.body):
        if not isinstance(block, Paragraph):
            out.append(f"body[{i}] is a {block.type}, not a paragraph")
        elif not safe_line(block.text):
            out.append(f"body[{i}] is not a safe line")
    if a.body and isinstance(a.body[0], Paragraph) and parse_timeline(a.body[0].text):
        out.append("the first paragraph reads as a timestamp line ('Published: ...')")
    if a.body and isinstance(a.body[-1], Paragraph) and is_note(a.body[-1].text):
        out.append("the last paragraph reads as a contributor note")
    for note in a.notes:
        if not safe_line(note) or not is_note(note):
            out.append(f"note {note!r} does not read as a contributor note")
    if a.tags and not all(safe_tag(t) for t in a.tags):
        out.append("a tag holds '|', a line break or irregular spaces")
    out.extend(_extras_ok(a))
    return out


def _media_ok(m: Media) -> Iterator[str]:
    if m.caption is not None and not safe_line(m.caption):
        yield "caption is not a safe line"
    if m.credit is not None and (
        "(" in m.credit or ")" in m.credit or "\n" in m.credit or "\r" in m.credit
    ):
        yield "credit holds parentheses or a line break"
    line = render_caption(m)
    if line is None or parse_caption(line) != m:
        yield "caption and credit would not read back"
    elif parse_timeline(line.partition("\n")[0]) is not None:
        yield "caption reads as a timestamp line ('Published: ...')"


def _ends_ok(value: Any, count: int) -> bool:
    ends = expand_ends(value, count)
    return (
        count > 0
        and bool(ends)
        and all(set(e) <= END_CHARS for e in ends)
        and compact_ends(ends) == (list(value) if isinstance(value, tuple) else value)
    )


def _extras_ok(a: Article) -> Iterator[str]:
    known = {
        "wire.date",
        "wire.trending",
        "wire.para_ends",
        "wire.note_ends",
        "wire.newline",
        "wire.final_newlines",
    }
    extras = a.extras
    for key in extras:
        if key not in known:
            yield f"extras key {key!r} is not in the domain"
    day = extras.get("wire.date")
    if day is None:
        if a.published is not None:
            yield "wire.date is required when published is set"
    elif valid_day(day) is None:
        yield "wire.date is not an ISO date"
    if "wire.trending" in extras:
        items = extras["wire.trending"]
        if not (
            isinstance(items, tuple)
            and items
            and all(isinstance(t, str) and safe_tag(t) for t in items)
        ):
            yield "wire.trending must be a non-empty tuple of safe items"
    if "wire.para_ends" in extras and not _ends_ok(extras["wire.para_ends"], len(a.body)):
        yield "wire.para_ends must match the body"
    if "wire.note_ends" in extras and not _ends_ok(extras["wire.note_ends"], len(a.notes)):
        yield "wire.note_ends must match the notes"
    if "wire.newline" in extras and extras["wire.newline"] not in ("\r\n", "\r"):
        yield "wire.newline can only be '\\r\\n' or '\\r'"
    final = extras.get("wire.final_newlines", 0)
    if isinstance(final, bool) or not isinstance(final, int) or not 0 <= final <= 8:
        yield "wire.final_newlines must be a small int"
    elif final == 2:
        yield "wire.final_newlines is 2 by default and must be left out"


def article_in_domain(article: Article) -> bool:
    """Whether ``article`` is in the wire round-trip domain."""
    return not problems(article)


def tags_space_joinable(tags: tuple[str, ...]) -> bool:
    """Whether the writer will use the space-joined Tags line for ``tags``."""
    return segment(" ".join(tags)) == tags
