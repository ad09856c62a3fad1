"""JSON Lines (``jsonl``): one native JSON document per line, streamed.

``read_many`` reads its text stream line by line, so memory stays constant whatever the
size of the file; ``write_many`` yields one line per article.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from ..._errors import BadLineWarning, ParseError
from ..._json.head import scan
from ..._model import Article
from ._codec import article_from_doc, decode, encode

__all__ = ["BadLineWarning", "read", "read_many", "sniff", "write", "write_many"]

FORMAT = "jsonl"
_ERRORS = ("raise", "skip", "warn")


def _read_line(line: str, number: int) -> Article:
    try:
        doc, unknown = decode(line, format=FORMAT)
        return article_from_doc(doc, unknown, format=FORMAT)
    except ParseError as exc:
        exc.line = number
        if exc.column is None:
            exc.column = 1
        if exc.excerpt is None:
            exc.excerpt = line.rstrip("\r\n")[:200]
        raise


def read(text: str) -> Article:
    """Read a JSON Lines document that holds exactly one article (one non-blank line)."""
    if not isinstance(text, str):
        raise ParseError(f"expected text (str), got {type(text).__name__}", format=FORMAT)
    found: tuple[int, str] | None = None
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        if found is not None:
            raise ParseError(
                "the document holds more than one article; use newsparse.read_many",
                format=FORMAT,
                line=number,
                column=1,
            )
        found = (number, line)
    if found is None:
        raise ParseError("the document holds no article (only blank lines)", format=FORMAT)
    return _read_line(found[1], found[0])


def read_many(
    stream: IO[str],
    *,
    errors: str = "raise",
    on_error: Callable[[ParseError], None] | None = None,
) -> Iterator[Article]:
    """Yield the article of each non-blank line of ``stream``, reading it line by line.

    :param errors: what a bad line does: ``"raise"`` (default) raises its ParseError,
        whose ``line`` is the line number in the stream; ``"skip"`` skips it; ``"warn"``
        skips it and issues a :class:`BadLineWarning`.
    :param on_error: called with the ParseError of every skipped line (so a batch can
        collect them); passing it without ``errors`` means ``errors="skip"``.
    """
    if errors not in _ERRORS:
        raise ParseError(f"errors must be one of {_ERRORS}, got {errors!r}", format=FORMAT)
    if on_error is not None and errors == "raise":
        errors = "skip"
    return _iterate(stream, errors, on_error)


def _iterate(
    stream: IO[str], errors: str, on_error: Callable[[ParseError], None] | None
) -> Iterator[Article]:
    number = 0
    while True:
        try:
            line: Any = stream.readline()
        except UnicodeError as exc:
            raise ParseError(
                f"line {number + 1} cannot be decoded: {exc}", format=FORMAT, line=number + 1
            ) from None
        if not line:
            return
        number += 1
        if not isinstance(line, str):
            raise ParseError(
                f"expected a text stream, got {type(line).__name__} lines", format=FORMAT
            )
        if not line.strip():
            continue
        try:
            article = _read_line(line, number)
        except ParseError as exc:
            if errors == "raise":
                raise
            if errors == "warn":
                warnings.warn(str(exc), BadLineWarning, stacklevel=2)
            if on_error is not None:
                on_error(exc)
            continue
        yield article


def write(article: Article) -> str:
    """Write one article as one JSON line (ending in a newline)."""
    return encode(article, format=FORMAT).decode("utf-8") + "\n"


def write_many(articles: Iterable[Article]) -> Iterator[str]:
    """Yield one JSON line per article, as the articles come."""
    for article in articles:
        yield encode(article, format=FORMAT).decode("utf-8") + "\n"


def sniff(head: str) -> float:
    """Confidence that ``head`` starts a JSON Lines file of newsparse documents.

    Structural: a line is a newsparse document when it is a JSON object whose first
    key is ``"newsparse"``; two such lines are JSON Lines, one alone may be either.
    """
    lines = [ln for ln in head.lstrip("\ufeff").split("\n") if ln.strip()][:2]
    first = scan(lines[0]) if lines else None
    if first is None or next(iter(first.members), None) != "newsparse":
        return 0.0
    if not first.complete:
        return 0.2  # one long line, cut by the end of the head
    if first.rest:
        return 0.0  # something after the document on its own line: not JSON Lines
    second = scan(lines[1]) if len(lines) >= 2 else None
    if second is not None and next(iter(second.members), None) == "newsparse":
        return 0.97
    return 0.6 if "\n" not in head.strip() else 0.2
