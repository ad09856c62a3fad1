"""The ``jsonl`` format: streaming, bad lines, the skip option."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from _json_helpers import ensure_registered, fixed
from newsparse import Article, Paragraph
from newsparse._formats.json import _lines
from newsparse.testing import strategies as nps


@pytest.fixture(autouse=True)
def _registered() -> None:
    ensure_registered("json")


@given(st.lists(nps.articles(), max_size=4))
def test_many_round_trip(articles: list[Article]) -> None:
    text = "".join(newsparse.write_many(articles, "jsonl"))
    assert text.count("\n") == len(articles)
    assert list(newsparse.read_many(text, "jsonl")) == [fixed(a) for a in articles]


def test_single_article_read_and_write() -> None:
    article = Article("T", body=[Paragraph("line one\nline two")])
    text = newsparse.write(article, "jsonl")
    assert text.count("\n") == 1
    assert newsparse.read(text, "jsonl") == article
    assert newsparse.read("\n\n" + text + "\n", "jsonl") == article
    with pytest.raises(newsparse.ParseError, match="more than one") as info:
        newsparse.read(text + text, "jsonl")
    assert info.value.line == 2
    with pytest.raises(newsparse.ParseError, match="no article"):
        newsparse.read("\n \n", "jsonl")


def _doc(title: str) -> str:
    return json.dumps({"newsparse": "1.0", "title": title}) + "\n"


BATCH = _doc("one") + "\n" + '{"title": 3}\n' + _doc("two") + "{oops\n" + _doc("three")


def test_bad_line_reports_its_line_number() -> None:
    read = _lines.read_many(io.StringIO(BATCH))
    assert next(read).title == "one"
    with pytest.raises(newsparse.ParseError) as info:
        next(read)
    assert info.value.line == 3
    assert info.value.format == "jsonl"
    assert "$.title" in str(info.value)


def test_malformed_line_has_line_and_column() -> None:
    with pytest.raises(newsparse.ParseError) as info:
        list(_lines.read_many(io.StringIO(_doc("a") + '{"title": "x",}\n')))
    assert (info.value.line, info.value.column) == (2, 15)
    assert info.value.excerpt == '{"title": "x",}'


def test_skip_bad_lines_and_report_them() -> None:
    bad: list[newsparse.ParseError] = []
    titles = [a.title for a in _lines.read_many(io.StringIO(BATCH), on_error=bad.append)]
    assert titles == ["one", "two", "three"]
    assert [e.line for e in bad] == [3, 5]
    assert [a.title for a in _lines.read_many(io.StringIO(BATCH), errors="skip")] == titles
    with pytest.warns(_lines.BadLineWarning):
        assert len(list(_lines.read_many(io.StringIO(BATCH), errors="warn"))) == 3
    with pytest.raises(newsparse.ParseError):
        _lines.read_many(io.StringIO(BATCH), errors="ignore")


def test_options_pass_through_the_public_api() -> None:
    bad: list[newsparse.ParseError] = []
    got = list(newsparse.read_many(BATCH, "jsonl", on_error=bad.append))
    assert len(got) == 3
    assert len(bad) == 2


class _CountingStream(io.TextIOBase):
    """A text stream that makes its lines on demand and refuses ``read()``."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.lines = self._lines()

    def _lines(self) -> Iterator[str]:
        for i in range(self.n):
            yield _doc(f"article {i}")

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        return next(self.lines, "")

    def read(self, size: int | None = -1) -> str:
        raise AssertionError("read_many must not read the whole stream")


def test_read_many_streams_line_by_line() -> None:
    read = _lines.read_many(_CountingStream(10_000))
    assert next(read).title == "article 0"
    assert sum(1 for _ in read) == 9_999


def test_write_many_is_lazy() -> None:
    def articles() -> Iterator[Article]:
        yield Article("a")
        raise RuntimeError("must not be reached before the first chunk is used")

    chunks = _lines.write_many(articles())
    assert next(chunks) == '{"newsparse":"1.0","title":"a"}\n'


@given(st.text())
def test_any_text_gives_articles_or_a_parse_error(text: str) -> None:
    errors: list[newsparse.ParseError] = []
    try:
        list(_lines.read_many(io.StringIO(text)))
    except newsparse.ParseError as exc:
        errors.append(exc)
    assert all(e.line is not None for e in errors)
    assert isinstance(list(_lines.read_many(io.StringIO(text), errors="skip")), list)


def test_deeply_nested_line() -> None:
    bad: list[newsparse.ParseError] = []
    text = _doc("a") + "[" * 100_000 + "\n" + _doc("b")
    assert len(list(_lines.read_many(io.StringIO(text), on_error=bad.append))) == 2
    assert bad[0].line == 2


def test_sniff_and_detect() -> None:
    text = _doc("a") + _doc("b")
    assert _lines.sniff(text) > 0.9
    assert newsparse.detect_format(text) == "jsonl"
    assert newsparse.detect_format(_doc("a")) == "json"
    assert newsparse.get_format(".ndjson").name == "jsonl"
    assert newsparse.get_format("application/x-ndjson").name == "jsonl"
