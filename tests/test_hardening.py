"""Every registered reader, fed garbage and mutated documents: only NewsparseErrors escape.

The matrix is built from the registry, so a format is covered the day it is registered.
"""

from __future__ import annotations

import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import Article, Author, Media, NewsparseError, Paragraph

READERS = [spec.name for spec in newsparse.formats() if spec.can_read]
ROUND_TRIPPERS = [spec.name for spec in newsparse.formats() if spec.can_read and spec.can_write]

SAMPLE = Article(
    "Harbour reopens after the storm",
    subtitle="Ferries run a reduced timetable",
    section="Local",
    authors=[Author("Mara Quint"), Author("Ray Okafor", role="opinion contributor")],
    published=datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York")),
    url="https://news.example/harbour",
    language="en",
    media=[Media(url="https://news.example/quay.jpg", caption="The quay.", credit="Photo/L")],
    body=[
        Paragraph("PORTVALE — The ferries ran again on Tuesday, three days late."),
        Paragraph("“We are back,” said the harbour master & her crew <proudly>."),
    ],
    notes=["City Desk staff contributed to this report."],
    tags=["ferries", "winter storms"],
)

relaxed = settings(
    max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def only_newsparse_errors(fmt: str, source: str | bytes) -> None:
    try:
        newsparse.read(source, fmt)
    except NewsparseError as exc:
        # a built-in reader must say what is wrong, not be caught crashing by the API
        message = str(exc)
        assert "failed while reading" not in message, message


@pytest.mark.parametrize("fmt", READERS)
@relaxed
@given(text=st.text())
def test_arbitrary_text(fmt: str, text: str) -> None:
    only_newsparse_errors(fmt, text)


@pytest.mark.parametrize("fmt", READERS)
@relaxed
@given(data=st.binary())
def test_arbitrary_bytes(fmt: str, data: bytes) -> None:
    only_newsparse_errors(fmt, data)


def swap(lines: list[str], i: int, j: int) -> str:
    swapped = list(lines)
    swapped[i], swapped[j] = swapped[j], swapped[i]
    return "\n".join(swapped)


def mutations(text: str) -> st.SearchStrategy[str]:
    lines = text.split("\n")
    n = len(lines)
    index = st.integers(0, max(0, n - 1))
    return st.one_of(
        index.map(lambda i: "\n".join(lines[:i] + lines[i + 1 :])),  # a line dropped
        index.map(lambda i: "\n".join(lines[: i + 1] + lines[i:])),  # a line duplicated
        st.tuples(index, index).map(lambda ij: swap(lines, *ij)),  # two lines swapped
        st.integers(0, len(text)).map(lambda i: text[:i]),  # truncated anywhere
        st.tuples(st.integers(0, len(text)), st.characters()).map(  # a character changed
            lambda ic: text[: ic[0]] + ic[1] + text[ic[0] + 1 :]
        ),
    )


@pytest.mark.parametrize("fmt", ROUND_TRIPPERS)
@relaxed
@given(data=st.data())
def test_mutated_documents(fmt: str, data: st.DataObject) -> None:
    text = newsparse.write(SAMPLE, fmt)
    mutated = data.draw(mutations(text), label="mutated")
    only_newsparse_errors(fmt, mutated)
    # a mutation may insert a lone surrogate: its bytes are not UTF-8, a decode error
    only_newsparse_errors(fmt, mutated.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("fmt", READERS)
@pytest.mark.parametrize(
    "source",
    [
        "\x00" * 1000,
        "\ufeff",
        "\ud800",  # a lone surrogate in a str
        "[" * 100_000,
        "{" * 100_000,
        "<div>" * 50_000,
        "\n" * 100_000,
        "a" * 5_000_000,
    ],
    ids=["nuls", "bom", "surrogate", "brackets", "braces", "divs", "newlines", "long-line"],
)
def test_pathological_inputs(fmt: str, source: str) -> None:
    only_newsparse_errors(fmt, source)


@pytest.mark.parametrize("fmt", ROUND_TRIPPERS)
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_encodings_with_bom(fmt: str, encoding: str) -> None:
    text = newsparse.write(SAMPLE, fmt)
    assert newsparse.read(text.encode(encoding), fmt) == newsparse.read(text, fmt)


@pytest.mark.parametrize("fmt", ROUND_TRIPPERS)
def test_invalid_utf8_names_the_offset(fmt: str) -> None:
    data = newsparse.write(SAMPLE, fmt).encode("utf-8")
    cut = data.index("—".encode()) if "—".encode() in data else len(data) // 2
    broken = data[:cut] + b"\xff\xfe\xfa" + data[cut:]
    if newsparse.get_format(fmt).encoding_detector is not None:
        # a format that detects charsets (HTML) may decode differently, but never crash
        only_newsparse_errors(fmt, broken)
        return
    with pytest.raises(newsparse.DecodeError) as info:
        newsparse.read(broken, fmt)
    assert info.value.offset == cut


def _nested_json(depth: int, kind: str) -> str:
    opening, closing = ("[", "]") if kind == "lists" else ('{"a":', "}")
    inner = opening * depth + "1" + closing * depth
    return f'{{"title": "Nested", "extras": {{"x.deep": {inner}}}}}'


@pytest.mark.parametrize("depth", [129, 700, 5000])
@pytest.mark.parametrize("kind", ["lists", "maps"])
def test_json_extras_past_the_depth_bound_are_a_parse_error(depth: int, kind: str) -> None:
    with pytest.raises(newsparse.ParseError, match="nested too deeply"):
        newsparse.read(_nested_json(depth, kind), "json")


@pytest.mark.parametrize("fmt", ROUND_TRIPPERS)
@pytest.mark.parametrize("depth", [5, 60, 128])
@pytest.mark.parametrize("kind", ["lists", "maps"])
def test_deeply_nested_extras(fmt: str, depth: int, kind: str) -> None:
    # what the JSON reader accepts, every writer either writes or refuses with a WriteError
    article = newsparse.read(_nested_json(depth, kind), "json")
    try:
        text = newsparse.write(article, fmt)
    except newsparse.WriteError as exc:
        message = str(exc)
        assert "failed while writing" not in message, message
        assert depth > 5
        return
    only_newsparse_errors(fmt, text)


def _nested(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


def test_model_refuses_extras_nested_too_deeply() -> None:
    with pytest.raises(newsparse.ValidationError, match="nested too deeply"):
        Article("Nested", extras={"x.deep": _nested(5000)})


def test_the_extras_depth_bound_does_not_depend_on_the_recursion_limit() -> None:
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(50_000)  # as some libraries do
    try:
        with pytest.raises(newsparse.ValidationError, match="more than 128 levels"):
            Article("Nested", extras={"x.deep": _nested(129)})
        Article("Nested", extras={"x.deep": _nested(128)})
    finally:
        sys.setrecursionlimit(limit)
