"""A tiny third-party format used by the tests: ``memo``, one ``key: value`` per line.

title: Harbour reopens
author: Mara Quint
published: 2024-03-05T09:30:00-05:00
para: The harbour reopened on Tuesday.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import IO

import newsparse
from newsparse import Article, Author, Paragraph, ParseError


def read(text: str) -> Article:
    fields: dict[str, list[str]] = {}
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            key, sep, value = line.partition(": ")
            if not sep or key not in {"title", "author", "published", "para"}:
                raise ParseError.at("expected 'key: value'", text, offset, format="memo")
            fields.setdefault(key, []).append(value)
        offset += len(line) + 1
    if "title" not in fields:
        raise ParseError("no title line", format="memo")
    published = fields.get("published")
    return Article(
        fields["title"][0],
        authors=[Author(n) for n in fields.get("author", [])],
        published=datetime.fromisoformat(published[0]) if published else None,
        body=[Paragraph(p) for p in fields.get("para", [])],
    )


def read_many(stream: IO[str]) -> Iterator[Article]:
    for chunk in stream.read().split("\n---\n"):
        if chunk.strip():
            yield read(chunk)


def write(article: Article) -> str:
    lines = [f"title: {article.title}"]
    lines += [f"author: {a.name}" for a in article.authors]
    if article.published:
        lines.append(f"published: {article.published.isoformat()}")
    lines += [f"para: {b.text}" for b in article.body if isinstance(b, Paragraph)]
    return "\n".join(lines) + "\n"


def write_many(articles: Iterable[Article]) -> Iterator[str]:
    for i, article in enumerate(articles):
        if i:
            yield "---\n"
        yield write(article)


def sniff(head: str) -> float:
    return 0.9 if head.startswith("title: ") else 0.0


@newsparse.hookimpl
def register_formats(register):  # type: ignore[no-untyped-def]
    register(
        newsparse.FormatSpec(
            name="memo",
            extensions=[".memo"],
            media_types=["text/x-memo"],
            reader=read,
            many_reader=read_many,
            writer=write,
            many_writer=write_many,
            sniffer=sniff,
            description="key: value lines (a test plugin)",
        )
    )
