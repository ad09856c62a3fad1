"""Timestamp lines in wire text: ``Published: … | Updated: …`` under the byline or apart."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import pytest

from newsparse._formats.wire._reader import read
from newsparse._formats.wire._stamps import parse_timeline
from newsparse._formats.wire._writer import write
from newsparse._formats.wire.domain import problems
from newsparse._model import Article, Author, Paragraph

HEADER = " date 2023-04-11 trending:"
CDT = timezone(timedelta(hours=-5), "CDT")
NY = ZoneInfo("America/New_York")


def _doc(*blocks: str) -> str:
    return "\n\n".join((HEADER, *blocks)) + "\n\n"


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        (
            "Published: Apr. 11, 2023 at 9:15 AM CDT|Updated: 2 hours ago",
            datetime(2023, 4, 11, 9, 15, tzinfo=CDT),
            None,
        ),
        (
            "Published: April 11, 2023 9:15 p.m. ET | Updated: April 12, 2023 8:00 a.m. ET",
            datetime(2023, 4, 11, 21, 15, tzinfo=NY),
            datetime(2023, 4, 12, 8, 0, tzinfo=NY),
        ),
        (
            "Last Updated : 11 April 2023, 09:15 IST",
            None,
            datetime(2023, 4, 11, 9, 15, tzinfo=ZoneInfo("Asia/Kolkata")),
        ),
        ("Posted on 04/11/2023 9:15 a.m. ET", datetime(2023, 4, 11, 9, 15, tzinfo=NY), None),
        (
            "Published: 2023-04-11 09:15 KST",
            datetime(2023, 4, 11, 9, 15, tzinfo=ZoneInfo("Asia/Seoul")),
            None,
        ),
        (
            "Updated 11.04.2023 09:15 UTC+3",
            None,
            datetime(2023, 4, 11, 9, 15, tzinfo=timezone(timedelta(hours=3))),
        ),
        (
            "updated: DEC 20 2019, 11:20am ist",
            None,
            datetime(2019, 12, 20, 11, 20, tzinfo=ZoneInfo("Asia/Kolkata")),
        ),
        ("Published: 11 April 2023", None, None),  # no time, no zone: recognised, no datetime
        ("Published: 2 hours ago", None, None),
    ],
)
def test_timestamp_lines(line: str, published: datetime | None, updated: datetime | None) -> None:
    assert parse_timeline(line) == (published, updated)
    for got, want in zip(parse_timeline(line) or (), (published, updated), strict=True):
        if want is not None:
            assert got is not None
            assert got.utcoffset() == want.utcoffset()


@pytest.mark.parametrize(
    "line",
    [
        "Published reports say the plant will close.",
        "Published 2019 figures show a rise.",
        "Updated guidance came out on Friday.",
        "Posted by a neighbour on Facebook.",
        "The report was published on April 11, 2023 at 9:15 AM ET.",
    ],
)
def test_lines_that_are_not_timestamps(line: str) -> None:
    assert parse_timeline(line) is None


def test_under_a_dateless_byline_it_dates_the_article_and_is_no_caption() -> None:
    text = _doc(
        "Crews repair a water main",
        "By Kelsey Dunn\nPublished: Apr. 11, 2023 at 9:15 AM CDT|Updated: 2 hours ago",
        "HOOVER, Ala. — Crews worked overnight.",
    )
    a = read(text, strict=True)
    assert a.authors == (Author("Kelsey Dunn"),)
    assert a.published == datetime(2023, 4, 11, 9, 15, tzinfo=CDT)
    assert a.updated is None
    assert a.media == ()
    assert [b.text for b in a.body] == ["HOOVER, Ala. — Crews worked overnight."]  # type: ignore[union-attr]
    assert write(a) == text


def test_with_a_dated_byline_and_a_caption() -> None:
    text = _doc(
        "Local",
        "River rises",
        "by Ana Ruiz - 04/11/23 9:15 AM ET\n"
        "Updated: Apr. 12, 2023 at 10:00 PM EDT\n"
        "The river at dawn. (Courier Photo/Ana Ruiz)",
        "The river rose two feet overnight.",
        "Tags rivers",
    )
    a = read(text, strict=True)
    assert a.published == datetime(2023, 4, 11, 9, 15, tzinfo=NY)
    assert a.updated == datetime(2023, 4, 12, 22, 0, tzinfo=timezone(timedelta(hours=-4)))
    assert a.media[0].credit == "Courier Photo/Ana Ruiz"
    assert write(a) == text


def test_a_block_of_its_own_after_the_title() -> None:
    text = _doc("Title", "Published: 11 April 2023, 09:15 IST", "Body one.", "Body two.")
    a = read(text, strict=True)
    assert a.authors == ()
    assert a.published == datetime(2023, 4, 11, 9, 15, tzinfo=ZoneInfo("Asia/Kolkata"))
    assert len(a.body) == 2
    assert write(a) == text


def test_an_edited_article_never_gets_a_stale_timestamp_line() -> None:
    text = _doc("Title", "By Ana Ruiz", "Updated: Apr. 12, 2023 at 10:00 PM EDT", "Body.")
    a = read(text, strict=True)
    assert a.updated is not None
    edited = attrs.evolve(a, updated=a.updated + timedelta(hours=1))
    out = write(edited)
    assert "Updated:" not in out
    assert read(out).updated is None  # the writer cannot carry it any more: dropped, not wrong
    moved = attrs.evolve(a, published=datetime(2023, 4, 10, 8, 0, tzinfo=NY))
    again = read(write(moved))
    assert again.published == moved.published
    assert again.updated == a.updated


def test_the_round_trip_domain_excludes_what_would_read_as_a_timestamp() -> None:
    a = Article("T", body=[Paragraph("Published: Apr. 11, 2023 at 9:15 AM CDT"), Paragraph("x")])
    assert any("timestamp" in p for p in problems(a))
