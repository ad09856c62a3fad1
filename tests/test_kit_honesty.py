"""The conformance kit fails the formats it should fail, not only passes the good ones."""

from __future__ import annotations

import re

import pytest

import newsparse
from newsparse import Article, FormatSpec, Paragraph, ParseError
from newsparse.testing.conformance import FormatConformance
from newsparse.testing.pytest_plugin import RegisterFormat


def _write(article: Article) -> str:
    return "\n".join([article.title, *(getattr(b, "text", "") for b in article.body)]) + "\n"


def _read(text: str) -> Article:
    if not text.strip():
        raise ParseError("empty", format="sloppy")
    title, *rest = text.rstrip("\n").split("\n")
    return Article(title, body=[Paragraph(line) for line in rest])


def _read_crashing(text: str) -> Article:
    fields = dict(line.split(": ", 1) for line in text.splitlines())  # ValueError on junk
    return Article(fields["title"])  # KeyError when there is no title


def _write_collapsing(article: Article) -> str:
    return re.sub(r"\s+", " ", article.title).strip() + "\n"


def _read_collapsing(text: str) -> Article:
    return Article(text.rstrip("\n"))


class _Kit(FormatConformance):
    format_name = "sloppy"


def test_a_reader_raising_bare_exceptions_fails_the_garbage_check(
    register_format: RegisterFormat,
) -> None:
    register_format(FormatSpec(name="sloppy", reader=_read_crashing, writer=_write))
    with pytest.raises(pytest.fail.Exception, match="the reader of 'sloppy' raised KeyError"):
        _Kit().test_garbage_raises_only_newsparse_errors()
    # through the host alone the same reader looked fine: newsparse wraps the crash
    with pytest.raises(newsparse.ReadError, match="failed while reading: ValueError"):
        newsparse.read("{", "sloppy")


def test_a_reader_raising_parse_errors_passes(register_format: RegisterFormat) -> None:
    register_format(FormatSpec(name="sloppy", reader=_read, writer=_write))
    _Kit().test_garbage_raises_only_newsparse_errors()


def test_a_many_reader_is_checked_too(register_format: RegisterFormat) -> None:
    def read_many(stream: object) -> object:
        yield _read("t")
        raise IndexError("out of range")

    register_format(FormatSpec(name="sloppy", reader=_read, many_reader=read_many, writer=_write))
    with pytest.raises(pytest.fail.Exception, match="many_reader of 'sloppy' raised IndexError"):
        _Kit().test_garbage_raises_only_newsparse_errors()


def test_a_format_that_collapses_whitespace_is_not_lossless(
    register_format: RegisterFormat,
) -> None:
    register_format(
        FormatSpec(name="sloppy", reader=_read_collapsing, writer=_write_collapsing, lossless=True)
    )
    kit = _Kit()
    kit.test_lossless_flag_is_honest()  # the flags agree: that check alone cannot see it
    with pytest.raises(AssertionError):
        kit.test_lossless_over_any_text()


def test_the_any_text_strategy_holds_what_formats_lose() -> None:
    """Leading, trailing and repeated whitespace, newlines and controls all come up."""
    from hypothesis import find

    from newsparse.testing.strategies import any_text

    for wanted in (
        lambda s: s[:1].isspace() and len(s) > 1,
        lambda s: s[-1:].isspace() and len(s) > 1,
        lambda s: "  " in s,
        lambda s: "\n\n" in s,
        lambda s: "\r\n" in s,
        lambda s: any(ord(c) < 32 and c not in "\t\n\r" for c in s),
    ):
        assert find(any_text(), wanted)
