"""Splitting the space-joined wire Tags line back into tags."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse._formats.wire._layout import parse_tags, render_tags
from newsparse._formats.wire._tags import segment, split_tags_line


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        # politics
        (
            "2024 presidential election Donald Trump Republican Convention RNC RNC 2024",
            (
                "2024 presidential election",
                "Donald Trump",
                "Republican Convention",
                "RNC",
                "RNC 2024",
            ),
        ),
        (
            "Department of Justice FBI Hunter Biden",
            ("Department of Justice", "FBI", "Hunter Biden"),
        ),
        # business
        (
            "Federal Reserve inflation interest rates Jerome Powell stock market",
            ("Federal Reserve", "inflation", "interest rates", "Jerome Powell", "stock market"),
        ),
        # sports
        (
            "Kansas City Chiefs NFL Patrick Mahomes Super Bowl Taylor Swift",
            ("Kansas City Chiefs", "NFL", "Patrick Mahomes", "Super Bowl", "Taylor Swift"),
        ),
        # world
        ("climate change COP28 United Nations", ("climate change", "COP28", "United Nations")),
        (
            "libraries local government public services",
            ("libraries", "local government", "public services"),
        ),
        ("MLS playoffs Rivermen", ("MLS playoffs", "Rivermen")),
        # places and given names (see _lexicon): a capitalised word before a place or a
        # given name usually ends a tag; names of several words and "of" phrases stay whole
        (
            "Donald Trump Florida Georgia Joe Biden",
            ("Donald Trump", "Florida", "Georgia", "Joe Biden"),
        ),
        ("Iran Israel Lebanon Syria", ("Iran", "Israel", "Lebanon", "Syria")),
        ("Congress Nancy Pelosi", ("Congress", "Nancy Pelosi")),
        (
            "abortion Joe Biden Supreme Court Texas",
            ("abortion", "Joe Biden", "Supreme Court", "Texas"),
        ),
        ("Jim Jordan Kevin McCarthy", ("Jim Jordan", "Kevin McCarthy")),
        ("Eric Adams New York City", ("Eric Adams", "New York City")),
        ("Kim Jong Un North Korea South Korea", ("Kim Jong Un", "North Korea", "South Korea")),
        ("Bank of America Wall Street", ("Bank of America", "Wall Street")),
        ("George Washington University", ("George Washington University",)),
        ("Mary Kay Ivey", ("Mary Kay Ivey",)),
        ("Senate", ("Senate",)),
        ("", ()),
    ],
)
def test_heuristic_split(line: str, tags: tuple[str, ...]) -> None:
    assert segment(line) == tags


@pytest.mark.parametrize(
    ("line", "known", "tags"),
    [
        (
            "abortion Joe Biden Supreme Court Texas Tribune",
            ["Supreme Court", "Texas Tribune"],
            ("abortion", "Joe Biden", "Supreme Court", "Texas Tribune"),
        ),
        (
            "Bank of America earnings Wall Street",
            ["bank of america", "earnings"],
            ("Bank of America", "earnings", "Wall Street"),
        ),
        (
            "Elon Musk Tesla Twitter",
            ["Elon Musk", "Tesla", "Twitter"],
            ("Elon Musk", "Tesla", "Twitter"),
        ),
        (
            "North Korea North Korea missile tests",
            ["North Korea", "North Korea missile tests", "missile tests"],
            ("North Korea", "North Korea missile tests"),
        ),
    ],
)
def test_known_tags_win(line: str, known: list[str], tags: tuple[str, ...]) -> None:
    assert segment(line, known_tags=known) == tags


def test_without_known_tags_those_lines_are_ambiguous() -> None:
    assert segment("Elon Musk Tesla Twitter") != ("Elon Musk", "Tesla", "Twitter")


def test_sortedness_decides() -> None:
    # "shells" > "John Kirby", so "artillery shells" must be one tag
    assert segment("artillery shells John Kirby")[0] == "artillery shells"


def test_unsorted_lines_still_split() -> None:
    # order outweighs shape: an unsorted boundary is only taken when nothing else fits
    assert segment("zebra crossings Amsterdam") == ("zebra crossings Amsterdam",)
    assert segment("Zurich Amsterdam", known_tags=["Zurich", "Amsterdam"]) == (
        "Zurich",
        "Amsterdam",
    )


def test_pipe_form() -> None:
    assert split_tags_line("a b | c") == ("a b", "c")
    assert split_tags_line("one long tag |") == ("one long tag",)
    assert split_tags_line("a b c") is None


def test_very_long_lines_do_not_hang() -> None:
    line = " ".join(["Alpha beta"] * 20_000)
    started = time.perf_counter()
    tags = segment(line)
    assert time.perf_counter() - started < 5
    assert " ".join(tags) == " ".join(line.split())
    mid = " ".join(f"word{i:03d} Name{i:03d}" for i in range(150))
    assert " ".join(segment(mid)) == mid


_TAG = st.text(alphabet="abcdefgh ABCD-", min_size=1, max_size=15).map(
    lambda s: " ".join(s.split())
)


@given(st.lists(_TAG.filter(bool), max_size=8))
def test_render_then_parse(tags: list[str]) -> None:
    line = render_tags(tags)
    assert line.startswith("Tags ")
    assert parse_tags(line[5:]) == tuple(tags)


@given(st.text(max_size=200))
def test_any_split_rejoins(line: str) -> None:
    assert " ".join(segment(line)) == " ".join(line.split())
