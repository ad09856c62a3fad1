"""The html format: writer, reading its own output, real-page metadata, charsets, body."""

from __future__ import annotations

import codecs
import contextlib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import Article, Author, Media, NewsparseError, Paragraph
from newsparse._formats.html._charset import declared_encoding, decode
from newsparse._formats.html._meta.title import strip_site
from newsparse._formats.html._reader import read as html_read
from newsparse._formats.html._sniff import sniff
from newsparse._formats.html._writer import write as html_write
from newsparse.testing import strategies as nps

DATA = Path(__file__).parent / "data" / "html"


def page(name: str) -> Article:
    return newsparse.read(DATA / name)


# ---------------------------------------------------------------------------
# writer and own output


def sample() -> Article:
    return Article(
        "Harbour <reopens> & “more”",
        subtitle="Piers rebuilt",
        section="Local",
        authors=[Author("Mara Quint", role="staff writer", url="https://x.example/a?b=1&c=2")],
        published=datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York")),
        updated=datetime(
            2024, 3, 5, 18, 0, 5, 120, tzinfo=timezone(timedelta(hours=5, minutes=45))
        ),
        url="https://x.example/1",
        publisher="The Courier",
        language="en",
        media=[Media("https://x.example/i.jpg", caption="Dawn.", credit="AP", alt='a "boat"')],
        body=[Paragraph("One\r\ntwo"), Paragraph("</p><script>alert(1)</script>")],
        notes=["City Desk staff contributed to this report."],
        tags=["ferries", "a & b"],
        extras={"test.x": [1, {"k": "</script><!--"}]},
    )


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"fragment": True},
        {"pretty": False},
        {"jsonld": True},
        {"fragment": True, "pretty": False},
    ],
)
def test_own_output_reads_back(options: dict[str, bool]) -> None:
    a = sample()
    text = newsparse.write(a, "html", **options)
    assert newsparse.read(text, "html") == a
    assert newsparse.read(text.encode("utf-8"), "html") == a


def test_written_page_is_escaped_and_semantic() -> None:
    text = newsparse.write(sample(), "html")
    assert "<script>alert" not in text
    assert "&lt;/p&gt;&lt;script&gt;" in text
    assert "&#13;" in text  # a raw CR would come back as LF
    assert (
        '<time class="published" itemprop="datePublished" datetime="2024-03-05T09:30:00-05:00"'
        in text
    )
    assert '<meta property="article:published_time" content="2024-03-05T09:30:00-05:00">' in text
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "</script><!--" not in text.split("newsparse-extras")[1]


def test_zone_is_kept() -> None:
    back = newsparse.read(newsparse.write(sample(), "html"), "html")
    assert back.published is not None
    assert getattr(back.published.tzinfo, "key", None) == "America/New_York"


def test_unknown_writer_option_is_an_option_error() -> None:
    with pytest.raises(newsparse.OptionError, match="the html writer has no option 'colour'"):
        newsparse.write(sample(), "html", colour=True)


_ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(title=_ANY_TEXT, para=_ANY_TEXT, attr=_ANY_TEXT)
def test_any_text_survives_as_text(title: str, para: str, attr: str) -> None:
    a = Article(
        title,
        body=[Paragraph(para)],
        authors=[Author(attr, url=attr)],
        media=[Media(attr, alt=attr, caption=attr, credit=attr)],
        tags=[attr],
    )
    assert html_read(html_write(a)) == a
    assert html_read(html_write(a, pretty=False, fragment=True)) == a


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(nps.articles())
def test_round_trip_through_bytes(article: Article) -> None:
    assert html_read(html_write(article).encode("utf-8")) == article


# ---------------------------------------------------------------------------
# robustness: only newsparse errors escape


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(max_size=400)
    | st.sampled_from(["<html>", "<article class=newsparse>"]).flatmap(
        lambda p: st.text(max_size=200).map(lambda t: p + t)
    )
)
def test_arbitrary_text_raises_only_newsparse_errors(text: str) -> None:
    with contextlib.suppress(NewsparseError):
        html_read(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_newsparse_errors(data: bytes) -> None:
    try:
        html_read(data)
        html_read(b"<html><head><meta charset=x-weird>" + data)
        html_read(b'<script type="application/ld+json">' + data + b"</script><h1>t</h1>")
    except NewsparseError:
        pass


@pytest.mark.parametrize(
    "text",
    [
        '<article class="newsparse" itemscope itemtype="https://schema.org/NewsArticle">'
        '<header><h1>t</h1><p class="dates"><time class="published" datetime="nope"></time></p>'
        "</header></article>",
        '<article class="newsparse" itemscope itemtype="https://schema.org/NewsArticle">'
        '<header><h1>t</h1></header><script type="application/json" class="newsparse-extras">'
        "[1]</script></article>",
        '<article class="newsparse" itemscope itemtype="https://schema.org/NewsArticle"></article>',
        "<html><head></head><body><nav><a href='/'>Home</a></nav></body></html>",
    ],
)
def test_broken_pages_raise_parse_errors(text: str) -> None:
    with pytest.raises(newsparse.ParseError):
        newsparse.read(text, "html")


def test_page_without_a_title_still_reads_its_body() -> None:
    article = newsparse.read(
        "<html><body><p>No headline anywhere, but a paragraph that is the story.</p></body></html>",
        "html",
    )
    assert article.title == ""
    assert article.text == "No headline anywhere, but a paragraph that is the story."
    assert article.extras["html.provenance"]["title"] == "none"


# ---------------------------------------------------------------------------
# sniffing


def test_sniffer() -> None:
    assert sniff("<!DOCTYPE html><html>") >= 0.9
    assert sniff("\ufeff  <!-- x --><html lang=en>") >= 0.9
    assert sniff("<p>one</p><p>two</p>") >= 0.5
    assert sniff('{"a": "<html>"}') == 0.0
    assert sniff(" date 2024-03-05 trending:\n") == 0.0
    assert newsparse.detect_format(DATA.joinpath("meta-tags.html").read_bytes()) == "html"


# ---------------------------------------------------------------------------
# real pages: the wire-layout page reads as the wire text does


def test_wire_layout_page_reads_like_the_wire_text() -> None:
    wire = newsparse.read(DATA / "ferry-fares.wire.txt")
    html = page("ferry-fares.html")
    for field in ("title", "section", "published", "body", "notes", "tags"):
        assert getattr(html, field) == getattr(wire, field), field
    assert [(a.name, a.role) for a in html.authors] == [(a.name, a.role) for a in wire.authors]
    assert [(m.caption, m.credit) for m in html.media] == [
        (m.caption, m.credit) for m in wire.media
    ]
    # the page carries more than the wire text can
    assert html.authors[0].url == "https://gazette.example.com/author/tomasz-wren/"
    assert html.media[0].url
    assert html.media[0].alt == "A ferry at a quay"
    assert html.language == "en-US"
    assert html.publisher == "The Harbour Gazette"
    assert html.published is not None
    assert html.published.isoformat() == "2023-11-07T07:45:00-05:00"
    prov = html.extras["html.provenance"]
    assert prov["published"]["source"] == "byline"
    assert prov["published"]["time_of_day"]
    assert prov["url"] == "link:canonical"


def test_meta_tags_page() -> None:
    a = page("meta-tags.html")
    assert a.title == "Night trains return to the coast line"
    assert a.subtitle == "The sleeper service stopped in 2009."
    assert [x.name for x in a.authors] == ["Rhian Price"]  # no "By", no "Email the author"
    assert a.published is not None
    assert a.published.isoformat() == "2024-05-02T06:15:00+01:00"
    assert a.updated is not None
    assert a.updated.isoformat() == "2024-05-02T09:40:00+01:00"
    assert (a.section, a.publisher, a.language) == ("Travel", "Coastal Courier", "en-GB")
    assert a.tags == ("rail", "night trains")
    assert a.media == (
        Media("https://courier.example.net/img/sleeper.jpg", alt="A sleeper carriage"),
    )
    dates = a.extras["html.dates"]
    assert {
        "field": "published",
        "source": "url",
        "value": "2024-05-02T00:00:00+00:00",
        "time_of_day": False,
        "offset": "none (date only)",
    } in dates


def test_dublin_core_parsely_sailthru_page() -> None:
    a = page("dublin-core-parsely-sailthru.html")
    assert [x.name for x in a.authors] == ["Jana Vogt", "Emil Brandt"]
    # DC.date is day-only and sailthru.date has no offset: the Parse.ly timestamp wins
    assert a.published is not None
    assert a.published.isoformat() == "2024-02-14T17:05:00+00:00"
    assert a.extras["html.provenance"]["published"]["source"] == "meta:parsely-pub-date"
    assert (a.section, a.publisher, a.language) == ("Lokales", "Lokalblatt Nord", "de")
    assert a.tags == ("Verkehr", "Radwege", "Stadtrat")


def test_microdata_page() -> None:
    a = page("microdata.html")
    assert a.title == "La biblioteca abre los domingos"
    assert a.authors == (Author("Lucía Mar", url="https://valle.example.org/autores/lucia-mar"),)
    assert a.published is not None
    assert a.published.isoformat() == "2024-01-20T10:00:00-03:00"
    assert a.updated is not None
    assert a.updated.isoformat() == "2024-01-20T12:30:00-03:00"
    assert (a.section, a.publisher, a.tags) == (
        "Cultura",
        "Diario del Valle",
        ("bibliotecas", "horarios"),
    )
    assert [b.text for b in a.body] == [
        "La biblioteca municipal abrirá también los domingos a partir de febrero.",
        "El horario será de 10 a 14 horas.",
    ]


def test_jsonld_graph_page() -> None:
    a = page("jsonld-graph.html")
    # author by @id reference, "By" dropped; the organisation kept as such
    assert [x.name for x in a.authors] == ["Omar Haddad", "Valley Post Staff & Wires"]
    assert a.extras["html.author_types"] == ("Person", "Organization")
    # the article's day-only date never beats the WebPage node's full timestamp
    assert a.published is not None
    assert a.published.isoformat() == "2023-06-09T14:02:11+00:00"
    assert a.updated is not None
    assert a.updated.isoformat() == "2023-06-10T08:00:00-04:00"
    assert a.section == "Environment"
    assert a.extras["html.sections"] == ("Environment", "Local")
    assert a.media == (
        Media(
            "https://post.example.com/img/spillway.jpg",
            caption="The spillway in May.",
            credit="Valley Post/Ann Lee",
        ),
    )
    assert a.publisher == "Valley Post"
    assert a.url == "https://post.example.com/dam-cracks/"
    assert [b.text for b in a.body] == [
        "Engineers found three cracks in the spillway.",
        "Repairs will start in July.",
    ]


def test_jsonld_broken_page() -> None:
    a = page("jsonld-broken.html")
    # comments, an HTML comment wrapper, a raw tab, trailing commas, unescaped quotes
    assert a.title == "Wildfire smoke closes schools"
    assert a.subtitle == 'Air quality reached "hazardous" levels on Friday.'
    # author {} -> creator list; entities decoded once
    assert [x.name for x in a.authors] == ["Priya Nair", "Sam O'Connor"]
    # the zone-less JSON-LD time loses to the meta tag's declared offset; placeholder ignored
    assert a.published is not None
    assert a.published.isoformat() == "2021-08-13T08:20:00-07:00"
    assert a.updated is None
    assert a.tags == ("wildfire", "schools", "air quality")
    assert a.url is None  # mainEntityOfPage: "True"


def test_metadata_only_skips_the_body() -> None:
    a = newsparse.read(DATA / "ferry-fares.html", body=False)
    assert a.body == ()
    assert a.title.startswith("Island ferry")


# ---------------------------------------------------------------------------
# helpers


@pytest.mark.parametrize(
    ("title", "others", "sites", "expected"),
    [
        ("Story | Site", set(), ["Site"], "Story"),
        ("Site: News - Story", set(), [], "Site: News - Story"),
        ("Story - Part two | Daily Bugle", {"story - part two"}, [], "Story - Part two"),
        ("Daily Bugle » Story", set(), ["The Daily Bugle"], "Story"),
        ("Story – example.com", set(), [], "Story"),
        ("Biden - the early years", set(), ["Times"], "Biden - the early years"),
    ],
)
def test_strip_site(title: str, others: set[str], sites: list[str], expected: str) -> None:
    assert strip_site(title, others, sites) == expected


# ---------------------------------------------------------------------------
# charsets


def _page_bytes(
    encoding: str, declare: str | None, text: str = "Café à la crème – “quoted”"
) -> bytes:
    meta = f'<meta charset="{declare}">' if declare else ""
    html = f"<html><head>{meta}<title>{text}</title></head><body><h1>{text}</h1></body></html>"
    return html.encode(encoding)


def test_declared_meta_charset() -> None:
    assert newsparse.read(_page_bytes("cp1252", "windows-1252"), "html").title == (
        "Café à la crème – “quoted”"
    )


def test_iso_8859_1_label_means_windows_1252() -> None:
    data = _page_bytes("cp1252", "ISO-8859-1")
    a = newsparse.read(data, "html")
    assert a.title == "Café à la crème – “quoted”"
    assert a.extras["html.provenance"]["encoding"] == {"codec": "cp1252", "how": "declared"}


def test_http_equiv_charset() -> None:
    text = "ニュース速報"
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
        f"<title>{text}</title></head><body></body></html>"
    )
    assert newsparse.read(html.encode("shift_jis"), "html").title == text


def test_utf8_page_mislabelled_as_latin1_is_not_mojibake() -> None:
    assert newsparse.read(_page_bytes("utf-8", "iso-8859-1"), "html").title == (
        "Café à la crème – “quoted”"
    )


def test_undeclared_legacy_bytes_are_detected() -> None:
    text = "Les élèves déjà très fâchés réclament des règles plus équitables à l’école. " * 4
    data = _page_bytes("cp1252", None, text.strip())
    a = newsparse.read(data, "html")
    assert a.title == text.strip()
    assert a.extras["html.provenance"]["encoding"]["how"] in ("detected", "fallback")


def test_declared_utf8_with_bad_bytes_does_not_fail() -> None:
    data = _page_bytes("cp1252", "utf-8")
    assert newsparse.read(data, "html").title == "Café à la crème – “quoted”"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks(encoding: str) -> None:
    assert newsparse.read(_page_bytes(encoding, None), "html").title == "Café à la crème – “quoted”"


def test_declared_encoding_helper() -> None:
    assert declared_encoding(b'<meta charset="utf-8">') == "utf-8"
    assert declared_encoding(b"<meta charset=latin1>") == "cp1252"
    assert declared_encoding(b'<meta charset="utf-16">') == "utf-8"
    assert declared_encoding(b"<meta charset=no-such-thing>") is None
    assert declared_encoding(codecs.BOM_UTF8 + b"<html>") == "utf-8"
    assert decode(b"\x81\x8d abc")[0] == "\x81\x8d abc"  # the last resort never raises


def test_lowercase_schema_types_are_people_too() -> None:
    page_text = (
        "<html><head><title>Storm</title><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Storm", '
        '"author": {"@type": "person", "name": "By Ana Ruiz, Staff Writer"}}'
        "</script></head><body><p>The storm passed.</p></body></html>"
    )
    article = newsparse.read(page_text, "html")
    assert [(a.name, a.role) for a in article.authors] == [("Ana Ruiz", "Staff Writer")]


@pytest.mark.parametrize(
    ("raw", "section"),
    [
        ("Local News", "Local News"),
        ("/columnists/", "columnists"),
        ("/news/world/", "world"),
        ("example.com", None),
        ("post", None),
        ("Front Page", None),
        ("Uncategorized", None),
    ],
)
def test_section_values(raw: str, section: str | None) -> None:
    from newsparse._formats.html._meta.found import section_name

    assert section_name(raw) == section


def test_a_placeholder_section_gives_way_to_the_next_source() -> None:
    page = (
        "<html><head><title>Ferry fares rise</title>"
        '<meta property="article:section" content="Harbour">'
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Ferry fares rise", "articleSection": "post"}'
        "</script></head><body><article><h1>Ferry fares rise</h1>"
        "<p>Fares on the island ferry rise by a fifth in March, the operator said.</p>"
        "</article></body></html>"
    )
    assert newsparse.read(page, "html").section == "Harbour"
