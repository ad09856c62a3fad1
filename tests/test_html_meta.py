"""Metadata of real pages: invented pages for each kind of page seen to fail.

Every page here is made up for the test; each names the general property it checks.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

import newsparse
from newsparse import Article, Author


def page(head: str = "", body: str = "", lang: str = "") -> Article:
    html = (
        f"<!doctype html><html{f' lang={lang!r}' if lang else ''}><head><meta charset='utf-8'>"
        f"{head}</head><body>{body}</body></html>"
    )
    return newsparse.read(html, "html", body=False)


def ld(data: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def provenance(a: Article, field: str) -> Any:
    return a.extras["html.provenance"].get(field)


# ---------------------------------------------------------------------------
# dates shown only as text


@pytest.mark.parametrize(
    ("element", "day"),
    [
        ('<span class="post-date">21 Jan 2020</span>', "2020-01-21"),
        ('<p class="published-date">/ jueves 2 de abril de 2020</p>', "2020-04-02"),
        ('<div class="entry-meta">Publiziert am 13. Januar 2014 von hanna</div>', "2014-01-13"),
        ('<span class="date">17/03/2020</span>', "2020-03-17"),
        ('<span class="entry-top-info-time">2020年07月12日</span>', "2020-07-12"),
        ('<abbr class="published">jeudi 27 juin 2019</abbr>', "2019-06-27"),
        ('<div class="meta">5 марта 2020 г.</div>', "2020-03-05"),
        ("<time>Nov 23, 2020 at 5:02 AM</time>", "2020-11-23"),
    ],
)
def test_a_date_element_in_many_languages(element: str, day: str) -> None:
    a = page("<title>Harbour reopens after the storm</title>", f"<h1>Harbour reopens</h1>{element}")
    assert a.published is not None
    assert a.published.date().isoformat() == day
    assert provenance(a, "published")["time_of_day"] is False  # no zone: the day only


def test_a_visible_time_with_its_zone_is_an_instant() -> None:
    a = page(body='<h1>Harbour</h1><span class="date">Nov 23, 2020 at 5:02 AM EST</span>')
    assert a.published == datetime(2020, 11, 23, 5, 2, tzinfo=timezone(timedelta(hours=-5)))
    assert provenance(a, "published")["offset"] == "declared"


def test_numeric_dates_are_day_first_unless_the_page_writes_us_english() -> None:
    body = '<h1>Harbour</h1><span class="date">04/05/2020</span>'
    assert page(body=body, lang="de").published.date().isoformat() == "2020-05-04"  # type: ignore[union-attr]
    assert page(body=body, lang="en-US").published.date().isoformat() == "2020-04-05"  # type: ignore[union-attr]


def test_a_dateline_after_the_title_and_not_the_photo_caption() -> None:
    a = page(
        "<title>Ferry strike ends</title>",
        "<h1>Ferry strike ends</h1><figure><img src='a.jpg'><figcaption>Crews at the quay, "
        "January 16, 2020.</figcaption></figure><p>January 18, 2020 PORTVILLE (Courier) - "
        "The strike ended on Saturday.</p>",
    )
    assert a.published is not None
    assert a.published.date().isoformat() == "2020-01-18"
    assert provenance(a, "published")["source"] == "text:after title"


def test_relative_dates_comments_and_sidebars_give_no_date() -> None:
    a = page(
        body="<h1>Harbour</h1><span class='date'>vor 2 Stunden</span>"
        "<aside><span class='date'>3 March 2020</span></aside>"
        + "<p>"
        + "The harbour reopened after the storm. " * 40
        + "</p>"  # an article's length
        "<div class='comments'><span class='comment-date'>4 March 2020</span></div>"
    )
    assert a.published is None


def test_a_layout_named_sidebar_still_holds_the_article() -> None:
    a = page(
        body="<div class='wrap with-sidebar'><h2>Harbour reopens after the storm</h2>"
        "<span class='post-date'>08/08/2017</span></div>",
        head="<title>Harbour reopens after the storm</title>",
    )
    assert a.published is not None
    assert a.published.date().isoformat() == "2017-08-08"


def test_the_sites_header_date_is_not_the_articles() -> None:
    a = page(
        body="<header><span class='date-edition'>Monday 5 August 2019</span></header>"
        "<h1>Harbour reopens</h1><p>27 June 2019 by Lea Berg</p>"
    )
    assert a.published is not None
    assert a.published.date().isoformat() == "2019-06-27"


def test_an_element_matching_two_date_hints_counts_once() -> None:
    # forty elements named both "date" and "meta": the date element after them is still
    # among the first sixty looked at (each counted once, not once per hint it matches)
    noise = '<span class="date meta-line">Ferry news from the harbour office</span>' * 40
    a = page(body=f'<h1>Ferry timetable</h1>{noise}<span class="post-date">21 Jan 2020</span>')
    assert a.published is not None
    assert a.published.date().isoformat() == "2020-01-21"
    assert provenance(a, "published")["source"] == "text:date element"


# ---------------------------------------------------------------------------
# a script-rendered page's application state


def test_a_script_rendered_page_gives_its_state_s_publication_date() -> None:
    state = {
        "props": {
            "story": {"title": "Ferry timetable", "publishedAt": "2022-03-14T08:30:05+01:00"},
            "related": [{"title": "Bridge works", "publishedAt": "2021-11-02T10:00:00Z"}],
        }
    }
    a = page(
        body="<h1>Ferry timetable</h1><div id=root></div>"
        f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script>'
    )
    assert a.published == datetime(2022, 3, 14, 7, 30, 5, tzinfo=timezone.utc)
    assert provenance(a, "published")["source"] == "script:publishedAt"


def test_state_serialised_twice_and_creation_keys_are_read() -> None:
    inner = json.dumps({"comment": {"createdAt": "2022-05-01T09:00:00Z"}})
    twice = json.dumps({"page": json.dumps({"published_at": "2022-04-30 18:45:00+02:00"})})
    a = page(body=f"<h1>Market day</h1><script>window.__A__ = {inner}; var b = {twice};</script>")
    assert a.published == datetime(2022, 4, 30, 16, 45, tzinfo=timezone.utc)
    created = page(body=f"<h1>Market day</h1><script>window.__A__ = {inner};</script>")
    assert created.published == datetime(2022, 5, 1, 9, tzinfo=timezone.utc)


def test_the_application_state_never_overrides_a_page_date() -> None:
    state = json.dumps({"publishedAt": "2019-01-01T00:00:00Z"})
    a = page(
        body='<h1>Ferry timetable</h1><span class="post-date">21 Jan 2020</span>'
        f"<script>window.__S__ = {state};</script>"
    )
    assert a.published is not None
    assert a.published.date().isoformat() == "2020-01-21"


# ---------------------------------------------------------------------------
# the last resort: the day the page's text shows most often


def test_a_page_dated_only_in_its_text_gives_the_day_it_repeats() -> None:
    a = page(
        head="<title>Allotment rules</title>",
        body="<p>Plots are handed out each spring.</p>"
        "<ul><li>Older notice, 3 May 2019</li><li>Water tap moved, 12.02.2021</li>"
        "<li>Water tap fixed, 12.02.2021</li></ul>"  # twice, as the page's own day is
        "<p>Valid from <b>14</b> March 2023.</p>"  # a date across two text nodes
        "<div class=foot>Page last changed 14.03.2023</div>"
        '<script>var built = "2024-01-01";</script>',
    )
    assert a.published is not None
    assert a.published.date().isoformat() == "2023-03-14"
    assert provenance(a, "published")["source"] == "page:text"
    assert provenance(a, "published")["time_of_day"] is False


def test_among_days_shown_as_often_the_latest_is_the_page_s() -> None:
    a = page(
        head="<title>Club news</title>",
        body="<p>Meeting held on 2 June 2021.</p>"
        "<p>Next meeting announced on 9 June 2021.</p><p>Founded 1998 (no day).</p>",
    )
    assert a.published is not None
    assert a.published.date().isoformat() == "2021-06-09"


def test_a_page_with_no_date_but_its_lead_image_s_upload_day_gives_that_day() -> None:
    a = page(
        head='<meta property="og:image" content="https://cdn.example/files/2016/05/04/cover.png">',
        body="<h1>Annual report</h1><p>What the year brought.</p>",
    )
    assert a.published is not None
    assert a.published.date().isoformat() == "2016-05-04"
    assert provenance(a, "published")["source"] == "image:url"
    # a month folder only, or an image of a page that has a date: nothing from the image
    month = page(
        head='<meta property="og:image" content="https://cdn.example/uploads/2016/05/a.png">',
        body="<h1>Annual report</h1><p>What the year brought.</p>",
    )
    assert month.published is None
    dated = page(
        head='<meta property="og:image" content="https://cdn.example/files/2016/05/04/a.png">',
        body="<h1>Annual report</h1><p>Published 2 June 2016.</p>",
    )
    assert dated.published is not None
    assert dated.published.date().isoformat() == "2016-06-02"


def test_the_page_text_never_overrides_any_other_date_source() -> None:
    a = page(
        body='<h1>Club news</h1><span class="post-date">21 Jan 2020</span>'
        "<p>On 2 June 2021 and 2 June 2021 and 2 June 2021.</p>"
    )
    assert a.published is not None
    assert a.published.date().isoformat() == "2020-01-21"


# ---------------------------------------------------------------------------
# machine-readable dates


def test_json_ld_with_a_brace_too_many_is_read() -> None:
    block = (
        '{"@context": "https://schema.org", "@type": "NewsArticle",'
        ' "headline": "Ferry timetable changes",'
        ' "datePublished": "2022-03-14T08:30:00+01:00",'
        ' "publisher": {"@type": "Organization", "name": "Harbour Daily"}}\n}'
    )
    a = page(body=f'<script type="application/ld+json">{block}</script><h1>Ferry</h1>')
    assert a.published == datetime(2022, 3, 14, 7, 30, tzinfo=timezone.utc)
    assert provenance(a, "published")["source"] == "json-ld:datePublished"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020-09-25T16:02:50CDT", datetime(2020, 9, 25, 21, 2, 50, tzinfo=timezone.utc)),
        ("20201123T11:02:35Z", datetime(2020, 11, 23, 11, 2, 35, tzinfo=timezone.utc)),
        ("2020-11-23T23:15:0Z", datetime(2020, 11, 23, 23, 15, tzinfo=timezone.utc)),
        # milliseconds after a colon, as some CMS templates write them
        ("2022-03-14T08:30:05:250Z", datetime(2022, 3, 14, 8, 30, 5, 250000, tzinfo=timezone.utc)),
    ],
)
def test_jsonld_date_forms(raw: str, expected: datetime) -> None:
    a = page(ld({"@type": "NewsArticle", "headline": "Harbour", "datePublished": raw}))
    assert a.published == expected
    assert provenance(a, "published")["offset"] == "declared"


def test_wordpress_entry_date_published_updated_is_the_publication() -> None:
    a = page(
        body='<h1>Harbour</h1><time class="entry-date published updated" '
        'datetime="2021-05-04T10:00:00+02:00">4 May</time>'
    )
    assert a.published == datetime(2021, 5, 4, 8, tzinfo=timezone.utc)
    assert a.updated is None


def test_the_most_trusted_source_wins_over_a_sidebar_time() -> None:
    a = page(
        ld({"@type": "NewsArticle", "headline": "Harbour", "datePublished": "2021-05-04"}),
        '<time datetime="2021-06-30T09:00:00+00:00">sidebar</time><h1>Harbour</h1>',
    )
    assert a.published is not None
    assert a.published.date().isoformat() == "2021-05-04"


def test_a_full_timestamp_of_the_same_day_refines_a_trusted_day() -> None:
    a = page(
        ld({"@type": "NewsArticle", "headline": "Harbour", "datePublished": "2021-05-04"})
        + '<meta property="article:published_time" content="2021-05-04T10:30:00+02:00">'
    )
    assert a.published == datetime(2021, 5, 4, 10, 30, tzinfo=timezone(timedelta(hours=2)))


def test_a_utc_instant_is_expressed_in_the_pages_own_offset() -> None:
    a = page(
        ld({"@type": "NewsArticle", "headline": "Harbour", "datePublished": "2020-02-18T02:18Z"})
        + '<meta property="article:modified_time" content="2020-02-18T09:00:00-05:00">'
    )
    assert a.published == datetime(2020, 2, 18, 2, 18, tzinfo=timezone.utc)  # same instant
    assert a.published.utcoffset() == timedelta(hours=-5)  # type: ignore[union-attr]
    assert a.published.date().isoformat() == "2020-02-17"  # type: ignore[union-attr]
    assert provenance(a, "published")["offset_from"] == "meta:article:modified_time"


@pytest.mark.parametrize(
    ("local", "offset"),
    [
        ("2023-11-08T18:09:55", timedelta(hours=-7)),  # the same instant as local time
        ("2023-11-08T21:39:55", timedelta(hours=-3, minutes=-30)),
        ("2023-11-08T18:09:12", None),  # other seconds: another moment
        ("2023-11-07T01:09:55", None),  # two days apart: no offset is that wide
    ],
)
def test_a_local_time_of_the_same_instant_gives_the_pages_offset(
    local: str, offset: timedelta | None
) -> None:
    a = page(
        ld(
            {"@type": "NewsArticle", "headline": "Harbour", "datePublished": "2023-11-09T01:09:55Z"}
        ),
        f'<h1>Harbour</h1><time datetime="{local}">Wednesday evening</time>',
    )
    assert a.published == datetime(2023, 11, 9, 1, 9, 55, tzinfo=timezone.utc)  # same instant
    assert a.published is not None
    if offset is None:
        assert a.published.utcoffset() == timedelta(0)
    else:
        assert a.published.utcoffset() == offset
        assert provenance(a, "published")["offset_from"] == "time"


_REPUBLISHED = ld(
    {"@type": "NewsArticle", "headline": "Ferry timetable", "datePublished": "2022-03-01"}
)


def test_a_later_day_shown_by_the_title_beats_a_metadata_day_stated_once() -> None:
    a = page(
        _REPUBLISHED + '<meta property="article:published_time" content="2022-03-04T14:25:00Z">',
        '<h1>Ferry timetable</h1><span class="post-date">Published 4 March 2022</span>',
    )
    # the shown day wins, and the meta tag that agrees with it gives its time
    assert a.published == datetime(2022, 3, 4, 14, 25, tzinfo=timezone.utc)
    assert provenance(a, "published")["source"] == "meta:article:published_time"
    shown_only = page(_REPUBLISHED, "<h1>Ferry timetable</h1><p>4 March 2022 - The harbour …</p>")
    assert shown_only.published is not None
    assert shown_only.published.date().isoformat() == "2022-03-04"
    assert provenance(shown_only, "published")["source"] == "text:after title"


@pytest.mark.parametrize(
    "other",
    [
        # a second source states the metadata's day
        '<meta property="article:published_time" content="2022-03-01T08:00:00+01:00">',
        '<link rel="canonical" href="https://news.example/2022/03/01/ferry-timetable">',
    ],
)
def test_a_metadata_day_two_sources_state_beats_a_shown_day(other: str) -> None:
    a = page(_REPUBLISHED + other, '<h1>Ferry timetable</h1><span class="date">4 March 2022</span>')
    assert a.published is not None
    assert a.published.date().isoformat() == "2022-03-01"


def test_a_shown_day_read_in_the_other_order_agrees_with_the_metadata() -> None:
    # read month first (the page is in English) 03/01/2022 is 1 March, later than the
    # metadata's 3 January; read day first it is that day: the two agree
    a = page(
        ld({"@type": "NewsArticle", "headline": "Ferry timetable", "datePublished": "2022-01-03"}),
        '<h1>Ferry timetable</h1><span class="date">03/01/2022</span>',
        lang="en",
    )
    assert a.published is not None
    assert a.published.date().isoformat() == "2022-01-03"


def test_an_earlier_shown_day_never_beats_the_metadata() -> None:
    a = page(_REPUBLISHED, '<h1>Ferry timetable</h1><span class="date">12 February 2022</span>')
    assert a.published is not None
    assert a.published.date().isoformat() == "2022-03-01"  # an event's day, a linked story's


def test_a_citations_access_day_is_not_the_pages() -> None:
    a = page(
        body="<h1>Lighthouse keepers</h1><p>Keepers left in 1980.</p><ol><li>Harbour records. "
        '<span class="reference-accessdate">Retrieved 27 January 2021</span></li></ol>'
        "<footer>Last modified 3 May 2019</footer>"
    )
    # neither as a date element nor in the page's text (where the two would tie)
    assert a.published is not None
    assert a.published.date().isoformat() == "2019-05-03"


def test_date_properties_outside_an_article_scope() -> None:
    a = page(
        '<meta itemprop="datePublished" content="2020-04-13">',
        '<div itemscope itemtype="https://schema.org/VideoObject"><h1>Harbour film</h1></div>',
    )
    assert a.published is not None
    assert a.published.date().isoformat() == "2020-04-13"


# ---------------------------------------------------------------------------
# pages with metadata only


def test_a_page_with_metadata_but_no_title_or_body_reads() -> None:
    a = page(
        '<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">'
        '<meta name="author" content="Ana Ruiz">'
    )
    assert a.title == ""
    assert a.authors == (Author("Ana Ruiz"),)
    assert a.published is not None
    assert provenance(a, "missing") == ("title",)  # the body was not asked for


def test_a_page_with_nothing_is_an_error() -> None:
    with pytest.raises(newsparse.ParseError, match="no article here"):
        newsparse.read("<html><head><meta charset=utf-8></head><body></body></html>", "html")


# ---------------------------------------------------------------------------
# titles


def test_a_section_heading_gives_way_to_the_title() -> None:
    a = page(
        "<title>Babies who eat peanuts early may avoid allergy</title>", "<h1>Health Centre</h1>"
    )
    assert a.title == "Babies who eat peanuts early may avoid allergy"
    b = page("<title>News</title>", "<h1>Harbour reopens after the storm</h1>")
    assert b.title == "Harbour reopens after the storm"


def test_microdata_link_names_give_their_text() -> None:
    a = page(
        body='<div itemscope itemtype="https://schema.org/BlogPosting"><h2><a itemprop="name" '
        'href="/2013/harbour-reopens/">Harbour reopens</a></h2></div>'
    )
    assert a.title == "Harbour reopens"


@pytest.mark.parametrize("separator", [" – ", " -- ", " | "])
def test_a_site_suffix_is_cut_from_the_page_title(separator: str) -> None:
    a = page(f"<title>Harbour reopens after the storm{separator}My website</title>")
    assert a.title == "Harbour reopens after the storm"


def test_a_jsonld_headline_that_agrees_with_nothing_gives_way_to_its_name() -> None:
    a = page(
        ld(
            {
                "@type": "Article",
                "headline": "Encyclopedia list article",
                "name": "List of harbours in the north",
            }
        )
        + "<title>List of harbours in the north - Encyclopedia</title>",
        "<h1>List of harbours in the north</h1>",
    )
    assert a.title == "List of harbours in the north"


def test_an_og_title_naming_the_site_gives_way_to_the_pages_title() -> None:
    a = page(
        '<meta property="og:title" content="Coastal News - Latest headlines">'
        '<meta property="og:site_name" content="Coastal News">'
        "<title>Ferry strike ends after a week</title>",
        "<h1>Ferry strike ends after a week</h1>",
    )
    assert a.title == "Ferry strike ends after a week"


@pytest.mark.parametrize(
    "home",
    [
        "/",
        "https://tidewater-notes.example/",
        "https://archive.example/web/2015/https://tidewater-notes.example/",
    ],
)
def test_a_heading_that_links_home_is_the_sites_logo_not_the_title(home: str) -> None:
    a = page(
        "<title>Tidewater Notes » Archive » Mending a fishing net by hand</title>",
        f'<div id="top"><h1><a href="{home}">Tidewater Notes</a></h1></div>'
        "<p>Twine, a needle and patience.</p>",
    )
    assert a.title == "Archive » Mending a fishing net by hand"  # the site's name is cut
    b = page(
        "<title>Mending a fishing net by hand | Tidewater Notes</title>",
        f'<h1><a href="{home}">Tidewater Notes</a></h1><h1>Mending a fishing net by hand</h1>',
    )
    assert b.title == "Mending a fishing net by hand"  # the next heading is the title
    c = page(
        "<title>Tidewater Notes</title>",
        '<h1><a href="/2015/mending-nets/">Mending a fishing net by hand</a></h1>',
    )
    assert c.title == "Mending a fishing net by hand"  # a heading linking to its post


@pytest.mark.parametrize(
    ("og_title", "h1"),
    [
        # a kicker before the headline
        (
            "Obituary: The lighthouse keeper of Skerry Point",
            "The lighthouse keeper of Skerry Point",
        ),
        # a tagline after it
        ("Oat and honey loaf » easy weekend baking", "Oat and honey loaf"),
        # the typography of the page: a dash and a quote the metadata gives in ASCII
        ("Ferry strike ends - and what's next", "Ferry strike ends – and what’s next"),
    ],
)
def test_the_heading_that_shows_the_metadata_title_is_the_title(og_title: str, h1: str) -> None:
    a = page(
        f'<meta property="og:title" content="{og_title}"><title>{og_title}</title>',
        f"<h1>{h1}</h1>",
    )
    assert a.title == h1
    assert provenance(a, "title") == "h1"


def test_a_short_heading_at_the_end_of_the_metadata_title_is_not_the_title() -> None:
    # the platform's name as the page's heading, the site's name in og:site_name
    a = page(
        '<meta property="og:title" content="Autumn colours at the reservoir walk :: Harbourblogs">'
        '<meta property="og:site_name" content="Anna writes">',
        "<h1>Harbourblogs</h1>",
    )
    assert a.title.startswith("Autumn colours at the reservoir walk")


def test_a_domain_as_the_site_name_is_cut_by_its_name() -> None:
    a = page(
        '<meta property="og:title" content="TIDEWATER - Harbour dues rise in spring">'
        '<meta property="og:site_name" content="www.tidewater.example">'
    )
    assert a.title == "Harbour dues rise in spring"


def test_a_title_part_that_only_holds_the_sites_name_among_more_words_is_kept() -> None:
    a = page(
        '<meta property="og:title" content="Harbour dues – Coast Guild rules for the new season">'
        '<meta property="og:site_name" content="The Coast Guild of Harbour Dues and Tolls">'
    )
    assert a.title == "Harbour dues – Coast Guild rules for the new season"


def test_rdfa_names_several_properties_at_once() -> None:
    a = page(
        '<meta property="x:title dc:title" content="Preferred headline">'
        "<title>Another title</title>"
    )
    assert a.title == "Preferred headline"


# ---------------------------------------------------------------------------
# authors


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Von Jana Roth", ["Jana Roth"]),
        ("Par Marie Dupont et Luc Martin", ["Marie Dupont", "Luc Martin"]),
        ("Por Ana Lima", ["Ana Lima"]),
        ("Geschrieben von Tom Ede", ["Tom Ede"]),
        ("~ Cem Ark", ["Cem Ark"]),
        ("Lena SauerDo 9 Apr 2020", ["Lena Sauer"]),
        ("Von Ina Berg am Samstag, 19. Oktober 2019 um 11:14 Uhr", ["Ina Berg"]),
        ("Tom Ede Fr, 18. Oktober 2019", ["Tom Ede"]),
        ("Veröffentlicht am 18. Oktober 2019", []),
        ("Por Rosa Vidal @rosavidal_news -", ["Rosa Vidal"]),  # a handle after the name
    ],
)
def test_multilingual_bylines(byline: str, names: list[str]) -> None:
    a = page(
        "<title>Harbour reopens</title>", f"<h1>Harbour reopens</h1><p class='byline'>{byline}</p>"
    )
    assert [x.name for x in a.authors] == names


def test_a_contributor_field_is_a_byline() -> None:
    a = page(
        "<title>Harbour reopens</title>",
        "<h1>Harbour reopens</h1><div class='field-contributor'><span>Par Lucie Garnier</span>"
        "</div><p>The harbour opened again on Monday.</p>",
    )
    assert [x.name for x in a.authors] == ["Lucie Garnier"]


def test_two_jsonld_authors_each_with_a_context() -> None:
    people = [
        {"@context": "https://schema.org", "@type": "Person", "name": "Ana Lima"},
        {"@context": "https://schema.org", "@type": "Person", "name": "Tom Ede"},
    ]
    a = page(ld({"@type": "NewsArticle", "headline": "Harbour", "author": people}))
    assert [x.name for x in a.authors] == ["Ana Lima", "Tom Ede"]


def test_an_ampersand_inside_a_name_does_not_split_it() -> None:
    a = page('<meta name="author" content="Mac & i"><title>Harbour</title>')
    assert [x.name for x in a.authors] == ["Mac & i"]


def test_the_publication_as_its_own_author_gives_way_to_the_byline() -> None:
    a = page(
        '<meta name="author" content="Coastal Courier">'
        '<meta property="og:site_name" content="Coastal Courier">'
        "<title>Harbour reopens</title>",
        "<h1>Harbour reopens</h1><span class='author'>Von Jana Roth</span>",
    )
    assert [x.name for x in a.authors] == ["Jana Roth"]
    assert a.extras["html.publisher_authors"] == ("Coastal Courier",)


def test_commenters_are_no_authors() -> None:
    a = page(
        body="<h1>Harbour</h1><div class='comment-list'><span class='comment-author'>"
        "Posted by lurker99</span></div>"
    )
    assert a.authors == ()


# ---------------------------------------------------------------------------
# image and language


def test_an_image_without_address_takes_the_og_image() -> None:
    image = {"@type": "ImageObject", "caption": "The quay at dawn."}
    a = page(
        ld({"@type": "NewsArticle", "headline": "Harbour", "image": image})
        + '<meta property="og:image" content="https://example.com/quay.jpg">'
    )
    assert a.media[0].url == "https://example.com/quay.jpg"
    assert a.media[0].caption == "The quay at dawn."


@pytest.mark.parametrize(
    ("html", "tag"),
    [
        (
            "<html xml:lang='zh-CN'><head><title>港口重新开放</title></head><body></body></html>",
            "zh-CN",
        ),
        ("<html><head><title>港口重新开放</title></head><body lang='zh'></body></html>", "zh"),
        (
            "<html><head><title>Porto</title>"
            + ld(
                {
                    "@graph": [
                        {"@type": "WebPage", "inLanguage": "pt-BR"},
                        {"@type": "NewsArticle", "headline": "Porto reabre"},
                    ]
                }
            )
            + "</head><body></body></html>",
            "pt-BR",
        ),
    ],
)
def test_languages_declared_elsewhere(html: str, tag: str) -> None:
    assert newsparse.read(html, "html", body=False).language == tag


@pytest.mark.parametrize(
    "wrap",
    ["<![CDATA[ {} ]]>", "//<![CDATA[\n{}\n//]]>", "<!-- {} -->", "{}".replace("{}", "{} ;")],
)
def test_jsonld_in_a_cdata_section_or_comment(wrap: str) -> None:
    data = json.dumps({"@type": "NewsArticle", "headline": "Harbour", "author": "Ana Lima"})
    a = page(f'<script type="application/ld+json">{wrap.replace("{}", data)}</script>')
    assert a.title == "Harbour"
    assert [x.name for x in a.authors] == ["Ana Lima"]


def test_a_visible_date_labelled_an_update_is_the_update() -> None:
    a = page(
        body="<h1>Harbour reopens</h1><p>Last Updated: January 7, 2025</p>"
        "<p>Published July 10, 2020 by the newsroom</p>"
    )
    assert a.updated is not None
    assert a.updated.date().isoformat() == "2025-01-07"
    assert a.published is not None
    assert a.published.date().isoformat() == "2020-07-10"


def test_a_platform_gives_way_to_the_publication() -> None:
    a = page(
        ld({"@type": "BlogPosting", "headline": "Harbour", "publisher": {"name": "Blogger"}})
        + '<meta property="og:site_name" content="Tidewater Notes">'
    )
    assert a.publisher == "Tidewater Notes"
    assert a.extras["html.platform"] == "Blogger"


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://example.com/news/2021/10/29/harbour/", "2021-10-29"),
        ("https://example.com/news/20211029/harbour", "2021-10-29"),
        ("https://example.com/meldungen/29-10-2021", "2021-10-29"),
        ("https://example.com/news/harbour?date=2021-10-29", None),  # the query is not the path
    ],
)
def test_a_date_in_the_url_path(url: str, day: str | None) -> None:
    a = page(f'<link rel="canonical" href="{url}"><title>Harbour reopens today</title>')
    assert (a.published.date().isoformat() if a.published else None) == day


@pytest.mark.parametrize(
    "page",
    [
        '<p><time datetime="2024-03-05">5 March</time><TIME DATETIME="2024-03-06">6</TIME>'
        '<time>no attribute</time><svg><time datetime="2024-03-07"/></svg></p>',
        '<p><span itemprop="DATEPUBLISHED">a</span><span itemprop="x\u00a0datePublished">b'
        '</span><span itemprop="x\tdatePublished">c</span><span itemprop>d</span>'
        '<meta itemprop="dateModified" content="2024-03-05"></p>',
        '<time id=a datetime=x itemprop="datePublished dateModified uploadDate">'
        '<abbr class="published updated" title=t itemprop=dateCreated>b</abbr></time>'
        '<span itemprop="dateCreated dateCreated">c</span>',
        '<abbr class="Published" title="2024-03-05">quirks</abbr><abbr class="updated">x</abbr>',
        '<!DOCTYPE html><abbr class="Published" title=t>a</abbr>'
        '<abbr class="x\x0bpublished" title=t>b</abbr><abbr class="updated y" TITLE=t>c</abbr>',
    ],
)
def test_dated_elements_are_what_the_selector_matches(page: str) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from newsparse._formats.html._meta.times import _SELECTOR, _dated

    tree = LexborHTMLParser(page)
    expected = [node.mem_id for node in tree.css(_SELECTOR)]
    assert expected  # every page has some
    assert [node.mem_id for node, _ in _dated(tree)] == expected
