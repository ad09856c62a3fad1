"""Hypothesis properties of the wire format: round trips, canonical form, robustness."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse._errors import ParseError
from newsparse._formats.wire._reader import read, read_many
from newsparse._formats.wire._writer import write, write_many
from newsparse._formats.wire.domain import problems
from newsparse._model import Article
from newsparse.testing.strategies import articles, wire_articles

SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seed"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _samples() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.wire.txt"))]
    if SEED_DIR.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SEED_DIR.glob("*.txt"))]
    return texts


SAMPLES = _samples()


@given(wire_articles())
def test_read_write_round_trip(article: Article) -> None:
    text = write(article)
    assert read(text) == article
    assert read(text, strict=True) == article


@given(wire_articles())
def test_written_text_reads_back_byte_for_byte(article: Article) -> None:
    text = write(article)
    assert write(read(text)) == text


@given(articles())
def test_canonical_form(article: Article) -> None:
    once = write(article)
    assert write(read(once)) == once


@given(st.lists(wire_articles(max_paragraphs=3), max_size=4))
def test_many_round_trip(items: list[Article]) -> None:
    text = "".join(write_many(items))
    assert list(read_many(text, strict=True)) == [
        a
        if "wire.final_newlines" not in a.extras or a.extras["wire.final_newlines"] or last
        else _end(a)
        for last, a in ((i == len(items) - 1, a) for i, a in enumerate(items))
    ]


def _end(article: Article) -> Article:
    """What a file without final newline reads as once write_many has ended its line."""
    extras = dict(article.extras)
    extras["wire.final_newlines"] = 1
    return Article(
        article.title,
        section=article.section,
        authors=article.authors,
        published=article.published,
        media=article.media,
        body=article.body,
        notes=article.notes,
        tags=article.tags,
        extras=extras,
    )


def _read_everything(text: str) -> None:
    """Read leniently (must never raise) and strictly (only ParseError may escape)."""
    article = read(text)
    assert isinstance(article, Article)
    assert all(isinstance(a, Article) for a in read_many(text))
    for strict_read in (
        lambda: read(text, strict=True),
        lambda: list(read_many(text, strict=True)),
    ):
        error: ParseError | None = None
        try:
            strict_read()
        except ParseError as err:
            error = err
        if error is not None:
            assert error.format == "wire"
            assert error.line is not None
            assert error.line >= 1
    write(article)


@given(st.text())
def test_arbitrary_text_raises_only_parse_errors(text: str) -> None:
    _read_everything(text)


_PIECES = [*"by - 0123456789/:AMPETC\n\r\u00a0|,.()", "Tags ", " date ", "trending:", "and "]


@given(st.lists(st.sampled_from(_PIECES)).map("".join))
def test_layout_like_noise_raises_only_parse_errors(text: str) -> None:
    _read_everything(text)


_MUTATIONS = st.sampled_from(("drop", "duplicate", "swap", "truncate", "crlf"))


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    if SAMPLES and draw(st.booleans()):
        text = draw(st.sampled_from(SAMPLES))
    else:
        text = write(draw(wire_articles(max_paragraphs=4)))
    for _ in range(draw(st.integers(1, 3))):
        lines = text.splitlines(keepends=True)
        if not lines:
            break
        op = draw(_MUTATIONS)
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "crlf":
            lines[i] = lines[i].replace("\n", "\r\n")
        text = "".join(lines)
        if op == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
    return text


@given(mutated_documents())
def test_mutated_documents_raise_only_parse_errors(text: str) -> None:
    _read_everything(text)


@given(mutated_documents())
def test_lenient_reading_drops_no_line(text: str) -> None:
    out = write(read(text))
    for line in text.replace("\r\n", "\n").split("\n"):
        assert line.strip() in out


@given(st.text())
def test_arbitrary_text_is_canonical_after_one_round(text: str) -> None:
    once = write(read(text))
    assert write(read(once)) == once


@settings(max_examples=30)
@given(wire_articles())
def test_generated_articles_are_in_the_domain(article: Article) -> None:
    assert problems(article) == []


@pytest.mark.parametrize("text", SAMPLES, ids=[str(i) for i in range(len(SAMPLES))])
def test_samples_round_trip_byte_for_byte(text: str) -> None:
    assert "".join(write_many(read_many(text))) == text
