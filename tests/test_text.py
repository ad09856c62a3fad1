"""The shared text heuristics (``newsparse._text``), tested directly, and their cost.

Readers' tests go through ``newsparse.read``; these pin the heuristics themselves, so that
a change to a word list or a pattern shows here first, whatever format uses it.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import TypeVar
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import newsparse
from newsparse import Article, Author, Media, ParseError, ValidationError
from newsparse._formats.html._meta import extract
from newsparse._formats.html._reader import parse
from newsparse._json.tolerant import escape_inner_quotes, loads_embedded
from newsparse._text import bylines, captions, dates, language, lexicon, names, notes, zones
from newsparse._text.tidy import tidy

NY = ZoneInfo("America/New_York")
T = TypeVar("T")

# ---------------------------------------------------------------------------
# growth: the time at 4x the size stays under about 6x


def _best_of(run: Callable[[], object], repeat: int = 3) -> float:
    """The least process CPU time of ``repeat`` runs, the garbage collector paused."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.process_time()
            run()
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


def assert_linear(make: Callable[[int], T], read: Callable[[T], object], n: int) -> None:
    """``read`` on ``make(4 * n)`` takes under 6x its time on ``make(n)`` (best of three).

    One retry: a busy machine can stall one of the sizes.
    """
    small, large = make(n), make(4 * n)
    read(small)  # warm caches and imports
    for _ in range(2):
        ratio = _best_of(lambda: read(large)) / max(_best_of(lambda: read(small)), 1e-4)
        if ratio < 6:
            return
    raise AssertionError(f"time grew {ratio:.1f}x for 4x the input")


# ---------------------------------------------------------------------------
# lexicon and zones


def test_word_lists_are_casefolded_where_they_say_so() -> None:
    for words in (lexicon.ROLE_NOUNS, lexicon.NAME_PARTICLES, lexicon.PLACES, lexicon.GIVEN_NAMES):
        assert all(w == w.casefold() for w in words)
    assert set(lexicon.MONTHS.values()) == set(range(1, 13))
    assert [lexicon.MONTHS[m.casefold()] for m in lexicon.MONTH_NAMES] == list(range(1, 13))


@pytest.mark.parametrize(
    ("name", "offset_hours"),
    [("EST", -5), ("EDT", -4), ("GMT", 0), ("UTC", 0), ("CEST", 2), ("BST", 1), ("UTC+3", 3)],
)
def test_fixed_abbreviations_and_offsets(name: str, offset_hours: int) -> None:
    tz = zones.zone(name)
    assert tz is not None
    assert tz.utcoffset(None) == timedelta(hours=offset_hours)


def test_wall_and_steady_zones_follow_their_iana_zone() -> None:
    assert zones.zone("ET") == NY
    assert zones.zone("IST") == ZoneInfo("Asia/Kolkata")
    assert zones.zone("XYZ") is None
    assert zones.zone("UTC+25") is None


def test_the_byline_reads_only_its_own_zones() -> None:
    assert set(zones.BYLINE_ZONES) <= set(zones.WALL_ZONES) | set(zones.FIXED_ZONES)
    assert zones.byline_zone("EST") is zones.FIXED_ZONES["EST"]
    assert zones.byline_zone("CEST") is None  # a visible-text stamp reads it, a byline not


# ---------------------------------------------------------------------------
# dates


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-05T09:30:00Z", datetime(2024, 3, 5, 9, 30, tzinfo=timezone.utc)),
        ("Tue, 05 Mar 2024 09:30:00 -0500", datetime(2024, 3, 5, 14, 30, tzinfo=timezone.utc)),
        ("2024-03-05T09:30:00-05", datetime(2024, 3, 5, 14, 30, tzinfo=timezone.utc)),
        ("yesterday", None),
        ("2024-13-45", None),
        ("0001-01-01T00:00:00Z", None),
    ],
)
def test_parse_date(raw: str, expected: datetime | None) -> None:
    value, _note = dates.parse_date(raw)
    assert value == expected


def test_parse_date_notes_what_it_assumed() -> None:
    value, note = dates.parse_date("2024-03-05T09:30:00.123456789+01:00")
    assert value is not None
    assert value.microsecond == 123456
    assert note is None
    assert dates.parse_date("2024-03-05T09:30")[1] == dates.ASSUMED_UTC
    assert dates.parse_date("2024-03-05")[1] == dates.DATE_ONLY
    assert dates.parse_date("0001-01-01")[1] == dates.PLACEHOLDER
    assert dates.parse_date(42)[1] == dates.UNREADABLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apr. 11, 2023 at 9:15 AM CDT", datetime(2023, 4, 11, 14, 15, tzinfo=timezone.utc)),
        ("11 April 2023, 09:15 CEST", datetime(2023, 4, 11, 7, 15, tzinfo=timezone.utc)),
        ("04/11/2023 9:15 p.m. ET", datetime(2023, 4, 11, 21, 15, tzinfo=NY)),
        ("11.04.2023 09:15 UTC+3", datetime(2023, 4, 11, 6, 15, tzinfo=timezone.utc)),
        ("2023-04-11 09:15", None),  # no zone: no instant
        ("April 11, 2023", None),
        ("13:99 on a Tuesday", None),
    ],
)
def test_parse_stamp(text: str, expected: datetime | None) -> None:
    assert dates.parse_stamp(text) == expected


# ---------------------------------------------------------------------------
# names and bylines


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("BY JANE DOE AND JOHN ROE", ["JANE DOE", "JOHN ROE"]),
        ("Jane Doe, John Roe and Ana Lima", ["Jane Doe", "John Roe", "Ana Lima"]),
        ("Written by Jane Doe | Updated March 5, 2024", ["Jane Doe"]),
        ("Jane Doe - 03/05/24 9:30 AM ET", ["Jane Doe"]),
        ("Email the author", []),
        ("https://example.com/staff/jane", []),
        ("@janedoe", []),
        ("Author: Martin Cole, Jr.", ["Martin Cole, Jr."]),
        # a label, a kind of piece, credentials, agencies, text glued by the markup
        ("Analysis by Mara Quint", ["Mara Quint"]),
        ("Texto: Ana Lima", ["Ana Lima"]),
        ("Mara QuintNovember 5, 2024", ["Mara Quint"]),
        ("Mara QuintTuesday, November 5", ["Mara Quint"]),
        ("MARA QUINT and TOM EDEAssociated Press", ["MARA QUINT", "TOM EDE", "Associated Press"]),
        ("Tom Ede Reuters", ["Tom Ede", "Reuters"]),
        ("The Associated Press", ["The Associated Press"]),
        ("Lea Berg, MS, RDN", ["Lea Berg, MS, RDN"]),
        ("Lea Berg, PhD and Tom Ede", ["Lea Berg, PhD", "Tom Ede"]),
        ("Harbour Gazette wire services", ["Harbour Gazette wire services"]),
        ("María de los Ángeles Ruiz", ["María de los Ángeles Ruiz"]),
        # not names: a sentence, a comment form's label
        ("Siamo il blog dei ricordi più belli", []),
        ("Name (required)", []),
        ("Name (optional", ["Name (optional"]),  # no closing parenthesis: no form label
    ],
)
def test_clean_names(raw: str, found: list[str]) -> None:
    assert [n for n, _ in names.clean_names(raw)] == found


def test_clean_names_keeps_roles_and_credit_lines() -> None:
    assert names.clean_names("By A. Writer and B. Writer, opinion contributors") == [
        ("A. Writer", "opinion contributor"),
        ("B. Writer", "opinion contributor"),
    ]
    assert names.clean_names("By JANE ROE, Harbour Gazette Sports Writer") == [
        ("JANE ROE", "Harbour Gazette Sports Writer")
    ]
    assert names.clean_names("Ana Ruiz, Senior Editor") == [("Ana Ruiz", "Senior Editor")]
    assert names.clean_names("Mara Quint, Tom Ede and Lea Berg") == [
        ("Mara Quint", None),
        ("Tom Ede", None),
        ("Lea Berg", None),
    ]


@pytest.mark.parametrize("part", ["staff writer", "Opinion Contributors", "Bureau Chief"])
def test_roles(part: str) -> None:
    assert names.is_role(part)


def test_a_name_is_no_role() -> None:
    assert not names.is_role("Jane Doe")


_NAME = st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,2}", fullmatch=True).filter(
    lambda n: not names.is_role(n) and not names.SUFFIX.match(n)
)


@settings(max_examples=60)
@given(st.lists(_NAME, min_size=1, max_size=4, unique=True), st.sampled_from([None, "reporter"]))
def test_names_text_reads_back(people: list[str], role: str | None) -> None:
    authors = tuple(Author(p, role=role) for p in people)
    text = names.names_text(authors)
    assert names.parse_names(text) == (authors, None)
    assert names.names_canonical(text)


@settings(max_examples=60)
@given(
    st.lists(_NAME, max_size=3, unique=True),
    st.none()
    | st.datetimes(
        datetime(1970, 1, 2), datetime(2067, 12, 30), timezones=st.just(NY), allow_imaginary=False
    ).filter(lambda d: d.fold == 0),
)
def test_bylines_read_back(people: list[str], when: datetime | None) -> None:
    assume(people or when is not None)  # "by" alone is no byline
    authors = tuple(Author(p) for p in people)
    if when is not None:
        when = when.replace(second=0, microsecond=0)
    line = bylines.render_byline(authors, when)
    parsed = bylines.parse_byline(line)
    assert parsed is not None
    assert parsed.authors == authors
    if when is not None:
        assert parsed.published == when
        assert parsed.canonical


def test_a_byline_with_an_unknown_zone_says_so() -> None:
    parsed = bylines.parse_byline("by Jane Doe - 03/05/24 9:30 AM XST")
    assert parsed is not None
    assert parsed.authors == (Author("Jane Doe"),)
    assert parsed.published is None
    assert parsed.problem is not None
    assert "XST" in parsed.problem


# ---------------------------------------------------------------------------
# captions, notes, language, tidy


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Boats at dawn. (Jane Doe/Coastal Courier)", "Boats at dawn.", "Jane Doe/Coastal Courier"),
        ("(Staff Photo)", None, "Staff Photo"),
        ("Boats at dawn (in May) on the quay.", "Boats at dawn (in May) on the quay.", None),
    ],
)
def test_captions(line: str, caption: str | None, credit: str | None) -> None:
    media = captions.parse_caption(line)
    assert (media.caption, media.credit) == (caption, credit)
    assert captions.render_caption(media) == line


def test_render_caption_of_nothing() -> None:
    assert captions.render_caption(Media()) is None


@pytest.mark.parametrize(
    "line",
    [
        "Mara Quint contributed to this report.",
        "This story has been updated with the council's vote.",
        "Updated at 8:15 a.m.",
        "Updated Tuesday with the final count.",
        "Additional reporting by Tom Ede.",
        "Correction: An earlier version misspelled the harbour's name.",
    ],
)
def test_notes(line: str) -> None:
    assert notes.is_note(line)


@pytest.mark.parametrize(
    "line", ["The council reported a surplus.", "Updated plans were shown.", "x" * 500]
)
def test_not_notes(line: str) -> None:
    assert not notes.is_note(line)


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("en", "en"),
        (" en_GB ", "en-GB"),
        ("zh-Hant-TW", "zh-Hant-TW"),
        ("x-klingon", "x-klingon"),
        ("und", None),
        ("x-default", None),
        ("English", None),
        ("e", None),
        ("", None),
        (None, None),
    ],
)
def test_language_tags(value: str | None, tag: str | None) -> None:
    assert language.language_tag(value) == tag


@pytest.mark.parametrize("value", ["en", "pt-BR", "English", "deutsch", "en_US", "x-klingon"])
def test_readers_and_the_model_apply_one_language_rule(value: str) -> None:
    accepted = language.is_language_tag(value)
    if accepted:
        assert Article("t", language=value).language == value
    else:
        with pytest.raises(ValidationError, match="BCP 47"):
            Article("t", language=value)
    ld = f'{{"@type": "NewsArticle", "headline": "h", "inLanguage": "{value}"}}'
    assert newsparse.read(ld, "jsonld").language == (value if accepted else None)


def test_tidy() -> None:
    assert tidy("  Fish &amp; chips\n\t today ") == "Fish & chips today"
    assert tidy(" \n ") is None
    assert tidy(None) is None


# ---------------------------------------------------------------------------
# linear time on adversarial shapes


def _page(jsonld: str) -> str:
    return (
        "<html><head><title>Harbour</title>"
        f'<script type="application/ld+json">{jsonld}</script>'
        "</head><body><p>The harbour reopened.</p></body></html>"
    )


def _tree(page: str) -> LexborHTMLParser:
    """The parsed page: the growth checks time the metadata reading, not the HTML parser."""
    return parse(page)[0]


def _metadata(tree: LexborHTMLParser) -> object:
    return extract(tree)


def test_the_quote_repair_is_linear_on_blank_lines() -> None:
    assert_linear(lambda n: "{" + " \n" * n, escape_inner_quotes, 20_000)
    assert_linear(lambda n: _tree(_page("{" + " \n" * n)), _metadata, 20_000)


def test_the_quote_repair_still_repairs() -> None:
    text = '{\n  "@type": "NewsArticle",\n  "headline": "A "quoted" word",\n  "x": 1\n}'
    assert loads_embedded(text, format="html")["headline"] == 'A "quoted" word'


def test_closing_brackets_written_once_too_often_are_dropped() -> None:
    text = '{"@type": "NewsArticle", "publisher": {"name": "Harbour Daily"}}\n}\n  '
    assert loads_embedded(text, format="html")["publisher"] == {"name": "Harbour Daily"}
    assert loads_embedded('[{"a": 1}]]}', format="html") == [{"a": 1}]
    with pytest.raises(ParseError, match="trailing characters"):  # more than three: an error
        loads_embedded('{"a": 1}}}}}', format="html")
    with pytest.raises(ParseError):  # a bracket missing is no surplus
        loads_embedded('{"a": {"b": 1}', format="html")


def test_a_form_label_check_is_linear() -> None:
    assert_linear(lambda n: "(aB" * n, names.plausible_name, 20_000)

    def author(n: int) -> LexborHTMLParser:
        name = "(aB" * n
        return _tree(
            _page(
                f'{{"@type": "NewsArticle", "headline": "h", "author": {{"@type": "Person", '
                f'"name": "{name}"}}}}'
            )
        )

    assert_linear(author, _metadata, 5_000)


def test_credits_are_linear_in_their_length() -> None:
    assert_linear(lambda n: "By " + "Jane Doe and " * n + "Tom Ede", names.clean_names, 2_000)
    assert_linear(lambda n: "Jan" * n + " 5", names.clean_names, 20_000)


def test_microdata_deep_inside_the_article_is_linear() -> None:
    def page(n: int) -> LexborHTMLParser:
        return _tree(
            '<html><body><div itemscope itemtype="https://schema.org/NewsArticle">'
            '<h1 itemprop="headline">Harbour</h1>'
            + '<div><b itemprop="keywords">k</b>' * n
            + "</div>" * n
            + '<div itemprop="author" itemscope><span itemprop="name">Ana Ruiz</span></div>'
            + "</div></body></html>"
        )

    assert_linear(page, _metadata, 500)


def test_many_dated_jsonld_nodes_are_linear() -> None:
    def page(n: int) -> LexborHTMLParser:
        nodes = ",".join(
            f'{{"@type": "WebPage", "datePublished": "2020-01-01T00:{i // 60 % 60:02d}:'
            f'{i % 60:02d}+0{i // 3600}:00"}}'
            for i in range(n)
        )
        return _tree(_page(f'{{"@graph": [{{"@type": "NewsArticle", "headline": "h"}}, {nodes}]}}'))

    assert_linear(page, _metadata, 1_000)


def test_a_title_with_many_separators_is_linear() -> None:
    def page(n: int) -> LexborHTMLParser:
        title = "Harbour | " * n + "Courier"
        return _tree(f'<html><head><meta property="og:title" content="{title}"></head></html>')

    assert_linear(page, _metadata, 2_000)


# ---------------------------------------------------------------------------
# dates in running text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Publié le jeudi 27 juin 2019, à 12:57", "2019-06-27"),
        ("/ jueves 2 de abril de 2020", "2020-04-02"),
        ("Publiziert am 13. Januar 2014 von hanna", "2014-01-13"),
        ("2020年7月12日", "2020-07-12"),
        ("2020년 7월 12일", "2020-07-12"),
        ("5 марта 2020 г.", "2020-03-05"),
        ("Nov. 23, 2020", "2020-11-23"),
        ("30.07.2019", "2019-07-30"),
        ("13/04/2020", "2020-04-13"),
        ("04/13/2020", "2020-04-13"),  # the numbers tell the order
        ("2019.06.27", "2019-06-27"),
        ("Katrina Creer21 Jan 2020", "2020-01-21"),  # glued by the markup
    ],
)
def test_scan_dates(text: str, day: str) -> None:
    found = list(dates.scan_dates(text))
    assert found
    assert found[0].day.isoformat() == day


@pytest.mark.parametrize(
    "text",
    ["12 March 1990", "12 March 2999", "vor 2 Stunden", "2 hours ago", "31/02/2020", "v1.2.3"],
)
def test_scan_dates_leaves_out_what_is_no_date(text: str) -> None:
    assert list(dates.scan_dates(text)) == []


def test_scan_dates_order_and_time() -> None:
    assert next(dates.scan_dates("04/05/2020")).day.isoformat() == "2020-05-04"
    us = next(dates.scan_dates("04/05/2020 9:30 AM ET", month_first=True))
    assert us.day.isoformat() == "2020-04-05"
    assert us.datetime() == (datetime(2020, 4, 5, 9, 30, tzinfo=NY), True, True)
    naive = next(dates.scan_dates("5 May 2020 um 10:52 Uhr"))
    assert naive.time == (10, 52)
    assert naive.datetime() == (datetime(2020, 5, 5, tzinfo=timezone.utc), False, False)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "1. " * n,
        lambda n: "Jan 1, " * n,
        lambda n: "2020-" * n,
        lambda n: "12/" * n,
        lambda n: "de " * n + "2020",
        lambda n: "Montag " * n,
    ],
)
def test_scan_dates_is_linear(make: Callable[[int], str]) -> None:
    assert_linear(make, lambda text: list(dates.scan_dates(text)), 5_000)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "Von " * n + "Jana Roth",
        lambda n: "Jana Roth " + "Montag " * n,
        lambda n: "Jana Roth " + "vor 5 " * n,
        lambda n: "Jana Roth " + "1. " * n,
        lambda n: "Jana Roth " + "am " * n,
    ],
)
def test_credit_cleaning_is_linear_on_repeated_date_words(make: Callable[[int], str]) -> None:
    assert_linear(make, names.clean_names, 2_000)


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("vom Support Team", ["Support Team"]),
        ("Artikel von: hausinfo", ["hausinfo"]),  # a user name after a byline word
        ("hausinfo", []),  # a lower-case word alone is no name
        ("Dezember 10, 2019 · von kater99 · in Allgemein", ["kater99"]),
        ("Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet", ["Fritz Imhof"]),
        ("Johanna Kropf Alle Artikel", ["Johanna Kropf"]),
        ("Redaktion 1. November 2023 10:29", ["Redaktion"]),
        ("Houzz Team vor 5 Stunden", ["Houzz Team"]),
        ("Author Andreas Kalt", ["Andreas Kalt"]),
        ("Name *", []),
        ("By", []),
        ("Publiziert am", []),
        ("Jobs & Hire", ["Jobs & Hire"]),
        ("Jane Doe & John Roe", ["Jane Doe", "John Roe"]),
        ("Anna Berg und Bernd Maier", ["Anna Berg", "Bernd Maier"]),
        ("José Ortega y Gasset", ["José Ortega y Gasset"]),
        ("di Marta Rossi", ["Marta Rossi"]),
        ("Di Maio Luca", ["Di Maio Luca"]),
    ],
)
def test_clean_names_in_other_languages(raw: str, found: list[str]) -> None:
    assert [n for n, _ in names.clean_names(raw)] == found


@pytest.mark.parametrize("unit", ["<p ", "<", "<br "])
def test_an_html_article_body_in_jsonld_is_split_in_linear_time(unit: str) -> None:
    from newsparse._schemaorg.read import split_body

    assert_linear(lambda n: "<p>a</p>" + unit * n, split_body, 5_000)
