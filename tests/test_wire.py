"""The wire format: the seed, each layout variant, strict mode and error positions."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newsparse._errors import ParseError
from newsparse._formats.wire._reader import read, read_many, sniff
from newsparse._formats.wire._writer import write, write_many
from newsparse._model import Article, Author, Heading, ListBlock, Media, Paragraph, Quote

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_eb087f398596b37a.txt"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NY = ZoneInfo("America/New_York")
NBSP = "\u00a0"


@pytest.fixture
def seed() -> str:
    if not SEED.is_file():
        pytest.skip("the shared seed is not available")
    return SEED.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# the seed


def test_seed_fields(seed: str) -> None:
    a = read(seed, strict=True)
    assert a.title.startswith("North Korea dismisses US allegation")
    assert a.section == "International"
    assert a.authors == (Author("Jared Gans"),)
    assert a.published == datetime(2022, 11, 8, 9, 29, tzinfo=NY)
    assert a.published.utcoffset() == timedelta(hours=-5)
    assert a.published.tzinfo is ZoneInfo("America/New_York")
    assert a.published.isoformat() == "2022-11-08T09:29:00-05:00"
    (media,) = a.media
    assert media.credit == "AP Photo/Alexander Zemlianichenko, Pool, File"
    assert media.caption is not None
    assert media.caption.startswith("FILE – ")
    assert not media.caption.endswith(")")
    assert media.url is None
    assert media.kind == "image"
    assert len(a.body) == 9
    assert all(isinstance(b, Paragraph) for b in a.body)
    assert all(not b.text.endswith((NBSP, " ")) for b in a.body if isinstance(b, Paragraph))
    assert a.notes == ("The Associated Press contributed to this report.",)
    assert a.tags == (
        "artillery shells",
        "John Kirby",
        "North Korea",
        "North Korea missile tests",
        "Russia-Ukraine war",
    )
    assert a.extras["wire.date"] == "2022-11-08"
    assert "wire.trending" not in a.extras


def test_seed_round_trip_byte_for_byte(seed: str) -> None:
    assert write(read(seed)) == seed


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.replace("\n", "\r\n"),
        lambda s: s.rstrip("\n"),
        lambda s: s.rstrip("\n") + "\n",
        lambda s: s.replace(" 9:29 AM ET", " 09:29 AM ET"),
        lambda s: s.replace(" 9:29 AM ET", " 9:29 AM EST"),
        lambda s: s.replace("trending:", "trending: Elections | Economy"),
    ],
)
def test_seed_variants_round_trip(seed: str, change: object) -> None:
    assert callable(change)
    text = change(seed)
    a = read(text)
    assert write(a) == text
    assert len(a.body) == 9


def test_seed_canonical_form(seed: str) -> None:
    once = write(read(seed))
    assert write(read(once)) == once


# ---------------------------------------------------------------------------
# invented articles

HARBOUR = (
    " date 2024-03-05 trending:\n"
    "\n"
    "Local\n"
    "\n"
    "Harbour reopens after winter storm\n"
    "\n"
    "by Mara Quint - 03/05/24 9:30 AM ET\n"
    "Fishing boats leave the harbour at dawn. (Courier Photo/Jonas Lind)\n"
    "\n"
    "PORTVALE — The harbour reopened on Tuesday after a week of repairs.\n"
    "\n"
    "“We lost a season of lobster,” said a harbourmaster.\n"
    "\n"
    "City Desk staff contributed to this report.\n"
    "\n"
    "Tags harbours Portvale storms\n"
    "\n"
)


def test_invented_article() -> None:
    a = read(HARBOUR, strict=True)
    assert a.section == "Local"
    assert a.title == "Harbour reopens after winter storm"
    assert a.authors == (Author("Mara Quint"),)
    assert a.published == datetime(2024, 3, 5, 9, 30, tzinfo=NY)
    assert a.media == (
        Media(
            caption="Fishing boats leave the harbour at dawn.", credit="Courier Photo/Jonas Lind"
        ),
    )
    assert [b.text for b in a.body if isinstance(b, Paragraph)] == [
        "PORTVALE — The harbour reopened on Tuesday after a week of repairs.",
        "“We lost a season of lobster,” said a harbourmaster.",
    ]
    assert a.notes == ("City Desk staff contributed to this report.",)
    assert a.tags == ("harbours", "Portvale storms")
    assert dict(a.extras) == {"wire.date": "2024-03-05"}
    assert write(a) == HARBOUR


def _doc(*blocks: str, header: str = " date 2024-03-05 trending:") -> str:
    return "\n\n".join((header, *blocks)) + "\n\n"


@pytest.mark.parametrize(
    ("byline", "names", "role"),
    [
        ("by Ana Ruiz and Tom Bell", ["Ana Ruiz", "Tom Bell"], None),
        ("by Ana Ruiz, Tom Bell and Li Wei", ["Ana Ruiz", "Tom Bell", "Li Wei"], None),
        ("by Ana Ruiz, Tom Bell, and Li Wei", ["Ana Ruiz", "Tom Bell", "Li Wei"], None),
        ("by Ana Ruiz, opinion contributor", ["Ana Ruiz"], "opinion contributor"),
        (
            "by Ana Ruiz and Tom Bell, opinion contributors",
            ["Ana Ruiz", "Tom Bell"],
            "opinion contributor",
        ),
        (
            "by Ana Ruiz and Tom Bell, Opinion Contributors",
            ["Ana Ruiz", "Tom Bell"],
            "Opinion Contributor",
        ),
        ("by Ana Ruiz, Senior Staff Writer", ["Ana Ruiz"], "Senior Staff Writer"),
        (
            "by Ana Ruiz, Tom Bell, Chief Correspondents",
            ["Ana Ruiz", "Tom Bell"],
            "Chief Correspondent",
        ),
        ("by Ana Ruiz, Tom Bell", ["Ana Ruiz", "Tom Bell"], None),
        ("by Martin Cole, Jr. and Ana Ruiz", ["Martin Cole, Jr.", "Ana Ruiz"], None),
        ("By Ana Ruiz", ["Ana Ruiz"], None),
        ("by The Hill Staff", ["The Hill Staff"], None),
    ],
)
def test_bylines(byline: str, names: list[str], role: str | None) -> None:
    dated = " - " not in byline and not byline.startswith("By ")
    line = byline + (" - 11/08/22 9:29 AM ET" if dated else "")
    text = _doc("Title", line, "Body.")
    a = read(text, strict=True)
    assert [au.name for au in a.authors] == names
    assert {au.role for au in a.authors} == {role}
    assert write(a) == text


@pytest.mark.parametrize(
    ("when", "iso", "zone"),
    [
        ("11/08/22 9:29 AM ET", "2022-11-08T09:29:00-05:00", "America/New_York"),
        ("07/04/23 9:29 PM ET", "2023-07-04T21:29:00-04:00", "America/New_York"),
        ("07/04/23 12:05 AM CT", "2023-07-04T00:05:00-05:00", "America/Chicago"),
        ("01/15/24 12:30 PM MT", "2024-01-15T12:30:00-07:00", "America/Denver"),
        ("06/01/11 07:49 PM PT", "2011-06-01T19:49:00-07:00", "America/Los_Angeles"),
        ("02/02/20 3:00 PM AKT", "2020-02-02T15:00:00-09:00", "America/Anchorage"),
        ("02/02/20 3:00 PM HT", "2020-02-02T15:00:00-10:00", "Pacific/Honolulu"),
        ("07/04/99 1:00 AM ET", "1999-07-04T01:00:00-04:00", "America/New_York"),
        ("07/04/68 1:00 AM ET", "2068-07-04T01:00:00-04:00", "America/New_York"),
        ("07/04/69 1:00 AM ET", "1969-07-04T01:00:00-04:00", "America/New_York"),
    ],
)
def test_zones(when: str, iso: str, zone: str) -> None:
    text = _doc("Title", f"by Ana Ruiz - {when}", "Body.")
    a = read(text, strict=True)
    assert a.published is not None
    assert a.published.isoformat() == iso
    assert a.published.tzinfo is ZoneInfo(zone)
    assert write(a) == text


@pytest.mark.parametrize(("abbr", "hours"), [("EST", -5), ("EDT", -4), ("CST", -6), ("PDT", -7)])
def test_literal_zones_are_fixed_offsets(abbr: str, hours: int) -> None:
    text = _doc("Title", f"by Ana Ruiz - 07/04/23 9:29 AM {abbr}", "Body.")
    a = read(text, strict=True)
    assert a.published is not None
    assert a.published.utcoffset() == timedelta(hours=hours)
    assert a.published.tzname() == abbr  # "EST" in July stays -05:00
    assert write(a) == text


def test_repeated_fall_back_hour_is_written_with_a_literal_zone() -> None:
    second = datetime(2022, 11, 6, 1, 30, fold=1, tzinfo=NY)
    a = Article("T", published=second, extras={"wire.date": "2022-11-06"})
    text = write(a)
    assert "11/06/22 1:30 AM EST" in text
    back = read(text).published
    assert back is not None
    # aware datetimes in a repeated hour never compare equal across zones (PEP 495)
    assert back.astimezone(timezone.utc) == second.astimezone(timezone.utc)
    assert back.utcoffset() == second.utcoffset() == timedelta(hours=-5)


def test_other_zones_are_converted_to_eastern() -> None:
    a = Article("T", published=datetime(2024, 7, 1, 12, 0, tzinfo=ZoneInfo("Europe/London")))
    text = write(a)
    assert "07/01/24 7:00 AM ET" in text
    b = read(text)
    assert b.published == a.published  # same instant
    assert b.published is not None
    assert b.published.utcoffset() == timedelta(hours=-4)


def test_no_section_no_caption_no_tags_no_note() -> None:
    text = _doc("Title only", "by Ana Ruiz - 11/08/22 9:29 AM ET", "One.", "Two.")
    a = read(text, strict=True)
    assert (a.section, a.media, a.tags, a.notes) == (None, (), (), ())
    assert a.title == "Title only"
    assert write(a) == text


def test_without_byline_the_first_block_is_the_title() -> None:
    text = _doc("World", "Title", "Body.")
    a = read(text, strict=True)
    assert a.section is None
    assert a.title == "World"
    assert [b.text for b in a.body if isinstance(b, Paragraph)] == ["Title", "Body."]
    assert write(a) == text


def test_byline_without_time() -> None:
    text = _doc("Title", "by Ana Ruiz and Tom Bell", "Body.")
    a = read(text, strict=True)
    assert [au.name for au in a.authors] == ["Ana Ruiz", "Tom Bell"]
    assert a.published is None
    assert write(a) == text


def test_time_without_authors() -> None:
    a = Article(
        "T", published=datetime(2022, 1, 3, 8, 0, tzinfo=NY), extras={"wire.date": "2022-01-03"}
    )
    text = write(a)
    assert "\nby - 01/03/22 8:00 AM ET\n" in text
    assert read(text, strict=True) == a


def test_crlf_and_no_final_newline() -> None:
    text = _doc("Title", "by Ana Ruiz - 11/08/22 9:29 AM ET", "Body.").replace("\n", "\r\n")
    a = read(text, strict=True)
    assert a.extras["wire.newline"] == "\r\n"
    assert write(a) == text
    bare = text.rstrip("\r\n")
    b = read(bare, strict=True)
    assert b.extras["wire.final_newlines"] == 0
    assert write(b) == bare


@pytest.mark.parametrize(
    "note",
    [
        "The Associated Press contributed to this report.",
        "Reuters contributed reporting from Lagos.",
        "This story has been updated with comment from the council.",
        "This article was corrected to show the vote was 5-4.",
        "Additional reporting by Li Wei; editing by Tom Bell.",
        "Updated at 8:15 a.m.",
        "Updated on Nov. 9 with the final count.",
    ],
)
def test_contributor_notes(note: str) -> None:
    text = _doc("Title", "by Ana Ruiz - 11/08/22 9:29 AM ET", "Body.", note, "Tags politics")
    a = read(text, strict=True)
    assert a.notes == (note,)
    assert len(a.body) == 1
    assert write(a) == text


@pytest.mark.parametrize(
    "line",
    [
        "The council read the report aloud.",
        "Updated maps will be posted on the county website.",
        "The town updated its rules on Tuesday.",
        # the publisher's line belongs to the text as published (as extraction benchmarks
        # annotate it), not to the contributor notes
        "Copyright 2024 Example Media Inc. All rights reserved.",
    ],
)
def test_last_paragraphs_that_only_look_like_notes(line: str) -> None:
    text = _doc("Title", "by Ana Ruiz - 11/08/22 9:29 AM ET", "Body.", line, "Tags politics")
    a = read(text, strict=True)
    assert a.notes == ()
    assert a.body[-1].text == line  # type: ignore[union-attr]


def test_a_body_paragraph_that_mentions_reports_is_not_a_note() -> None:
    text = _doc("Title", "by Ana Ruiz - 11/08/22 9:29 AM ET", "The council read the report aloud.")
    assert read(text).notes == ()


def test_trending_items() -> None:
    text = _doc("Title", header=" date 2024-03-05 trending: Elections | Storm damage")
    a = read(text, strict=True)
    assert a.extras["wire.trending"] == ("Elections", "Storm damage")
    assert write(a) == text


def test_header_without_trending() -> None:
    text = _doc(
        "Local", "Title", "by Ana Ruiz - 03/05/24 9:30 AM ET", "Body.", header=" date 2024-03-05"
    )
    a = read(text, strict=True)
    assert (a.section, a.title) == ("Local", "Title")
    assert a.extras["wire.date"] == "2024-03-05"
    assert write(a) == text
    two = text + _doc("Second", "Body two.", header=" date 2024-03-06")
    assert [b.title for b in read_many(two)] == ["Title", "Second"]
    assert read(" date night out\n\nBody.\n").title == " date night out"


def test_header_date_is_kept_apart_from_published() -> None:
    text = _doc(
        "Title", "by Ana Ruiz - 11/08/22 11:29 PM PT", "Body.", header=" date 2022-11-09 trending:"
    )
    a = read(text)
    assert a.extras["wire.date"] == "2022-11-09"
    assert a.published is not None
    assert a.published.date().isoformat() == "2022-11-08"
    assert write(a) == text


def test_tags_pipe_form() -> None:
    text = _doc("Title", "Tags Wall Street | Bank of America earnings")
    a = read(text, strict=True)
    assert a.tags == ("Wall Street", "Bank of America earnings")
    assert write(a) == text


def test_single_ambiguous_tag_is_written_unambiguously() -> None:
    a = Article("T", tags=("abortion Joe Biden",))
    text = write(a)
    assert text.endswith("Tags abortion Joe Biden |\n\n")
    assert read(text).tags == a.tags


def test_known_tags_change_the_split_and_keep_the_bytes() -> None:
    text = _doc("Title", "Tags electric cars Elon Musk Tesla Twitter")
    assert read(text).tags == ("electric cars", "Elon Musk", "Tesla Twitter")
    a = read(text, known_tags=["Tesla", "Twitter"])
    assert a.tags == ("electric cars", "Elon Musk", "Tesla", "Twitter")
    assert write(a) == text


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_multiple_articles_with_each_line_ending(newline: str) -> None:
    one = _doc("First", "by Ana Ruiz - 11/08/22 9:29 AM ET", "Body one.")
    two = _doc("Second", "Body two.", header=" date 2024-01-01 trending:")
    text = (one + two).replace("\n", newline)
    articles = list(read_many(text, strict=True))
    assert [a.title for a in articles] == ["First", "Second"]
    assert "".join(write_many(articles)) == text


def test_multiple_articles() -> None:
    one = _doc("First", "by Ana Ruiz - 11/08/22 9:29 AM ET", "Body one.")
    two = _doc("Second", "Body two.", header=" date 2024-01-01 trending:")
    articles = list(read_many(one + two, strict=True))
    assert [a.title for a in articles] == ["First", "Second"]
    assert "".join(write_many(articles)) == one + two
    assert list(read_many("")) == []


def test_read_many_is_lazy() -> None:
    one = _doc("First", "Body.")
    stream = read_many(one + " date 2024-01-01 trending:\n\nSecond\n\nx\ny\n\n", strict=True)
    assert next(stream).title == "First"
    with pytest.raises(ParseError):
        next(stream)


def test_write_many_separates_files_without_final_newline() -> None:
    a = read(_doc("First", "Body.").rstrip("\n"))
    chunks = list(write_many([a, a]))
    assert list(read_many("".join(chunks)))[1].title == "First"


def test_lossy_blocks_become_paragraphs() -> None:
    a = Article(
        "T",
        body=[
            Heading("What next"),
            Quote("We will rebuild.", attribution="the mayor"),
            ListBlock(["eggs", "flour"]),
            Paragraph(""),
        ],
        section="Dropped without a byline",
    )
    b = read(write(a))
    assert b.section is None
    assert [p.text for p in b.body if isinstance(p, Paragraph)] == [
        "What next",
        "We will rebuild. — the mayor",
        "eggs",
        "flour",
    ]


def test_stale_raw_lines_are_not_written_back() -> None:
    text = _doc(
        "Title", "By Ana Ruiz - 11/08/22 09:29 AM ET\nA dog. (Pat Lee)", "Body.", "Tags dogs"
    )
    a = read(text)
    assert a.extras["wire.byline"].startswith("By Ana")
    edited = Article(
        a.title,
        authors=[Author("Tom Bell")],
        published=a.published,
        media=[Media(caption="A cat.", credit="Pat Lee")],
        tags=("cats",),
        body=a.body,
        extras=a.extras,
    )
    out = write(edited)
    assert "by Tom Bell - 11/08/22 9:29 AM ET\nA cat. (Pat Lee)" in out
    assert out.endswith("Tags cats\n\n")


def test_trailing_no_break_spaces_are_kept_out_of_the_text() -> None:
    text = _doc("Title", "by Ana Ruiz - 11/08/22 9:29 AM ET", "One." + NBSP, "Two.")
    a = read(text)
    assert [p.text for p in a.body if isinstance(p, Paragraph)] == ["One.", "Two."]
    assert a.extras["wire.para_ends"] == (NBSP, "")
    b = read(_doc("Title", "One." + NBSP, "Two." + NBSP))
    assert b.extras["wire.para_ends"] == NBSP  # the same on every paragraph
    assert write(a) == text


# ---------------------------------------------------------------------------
# strict mode and errors


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Title\n\nBody.\n\n", 1, "header"),
        (" date 2024-13-45 trending:\n\nTitle\n\n", 1, "valid date"),
        (_doc("Title", "by Ana Ruiz - 13/45/22 9:29 AM ET", "Body."), 5, "impossible"),
        (_doc("Title", "by Ana Ruiz - 11/08/22 9:29 AM XT", "Body."), 5, "time zone"),
        (_doc("Title", "by Ana Ruiz - 11/08/2022 9:29 AM", "Body."), 5, "byline"),
        (_doc("Title", "by Ana Ruiz - 11/08/22 9:29 AM ET", "One\ntwo."), 8, "one line"),
        (_doc("Title", "Tags a b", "junk"), 7, "Tags line"),
        (_doc("Title", "Body.") + _doc("Second"), 7, "read_many"),
        (_doc("Title", "by Ana Ruiz - 11/08/22 9:29 AM ET\ncap\nmore", "B."), 7, "caption"),
        (_doc("Title\nmore", "Body."), 4, "title"),
        (" date 2024-01-01 trending:\n\n", 2, "title"),
    ],
)
def test_strict_errors_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ParseError) as info:
        read(text, strict=True)
    err = info.value
    assert err.line == line, str(err)
    assert err.format == "wire"
    assert words in err.message
    read(text)  # the lenient reader accepts it


def test_error_message_shows_the_line() -> None:
    with pytest.raises(ParseError) as info:
        read(_doc("Title", "by Ana Ruiz - 11/08/22 9:29 AM XT", "Body."), strict=True)
    assert "<string>:5:1: [wire] unknown time zone 'XT'" in str(info.value)
    assert "by Ana Ruiz" in str(info.value)


def test_lenient_reader_keeps_lines_it_cannot_place() -> None:
    text = "Just some text\nwith two lines\n\nand a second block"
    a = read(text)
    assert a.title == "Just some text\nwith two lines"
    assert [p.text for p in a.body if isinstance(p, Paragraph)] == ["and a second block"]


@pytest.mark.parametrize(
    ("head", "low", "high"),
    [
        (" date 2022-11-08 trending:\n\nInternational\n", 0.9, 1.0),
        ("date 2022-11-08 trending:\n", 0.7, 0.9),
        ("Title\n\nby Ana Ruiz - 11/08/22 9:29 AM ET\n", 0.3, 0.6),
        ("<html><body>", 0.0, 0.0),
        ("", 0.0, 0.0),
    ],
)
def test_sniff(head: str, low: float, high: float) -> None:
    assert low <= sniff(head) <= high


def test_examples_round_trip() -> None:
    paths = sorted(EXAMPLES.glob("*.wire.txt"))
    assert len(paths) >= 3
    for path in paths:
        text = path.read_text(encoding="utf-8")
        articles = list(read_many(text, strict=True))
        assert articles, path
        assert "".join(write_many(articles)) == text, path


def test_fixed_offset_names_survive() -> None:
    est = timezone(timedelta(hours=-5), "EST")
    a = Article(
        "T", published=datetime(2023, 7, 4, 9, 0, tzinfo=est), extras={"wire.date": "2023-07-04"}
    )
    assert "07/04/23 9:00 AM EST" in write(a)
    assert read(write(a)) == a


def test_classic_mac_line_endings_round_trip() -> None:
    text = (
        " date 2024-03-05 trending:\r\rLocal\r\rHarbour reopens\r\r"
        "by Mara Quint - 03/05/24 9:30 AM ET\r\rBoats left at dawn.\r\r"
    )
    article = read(text)
    assert article.title == "Harbour reopens"
    assert article.section == "Local"
    assert article.extras["wire.newline"] == "\r"
    assert write(article) == text
