"""The ``jsonld`` format: the breakages seen in the wild, and the writer's round trip."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from _json_helpers import ensure_registered, fixed
from newsparse import Article, Author, Media, Paragraph
from newsparse._formats.jsonld import _read, _write
from newsparse._schemaorg import read as schemaorg
from newsparse.testing import strategies as nps

DATA = Path(__file__).resolve().parent / "data" / "jsonld"


@pytest.fixture(autouse=True)
def _registered() -> None:
    ensure_registered("jsonld")


def load(name: str) -> Article:
    return newsparse.read(DATA / name, "jsonld")


def test_graph_with_id_references() -> None:
    a = load("graph_author_id.jsonld")
    assert a.title == "Harbour reopens after storm"
    assert a.authors == (
        Author(
            "Mara Quint", role="Harbour reporter", url="https://gazette.example/staff/mara-quint"
        ),
    )
    assert a.publisher == "The Example Gazette"
    assert a.media == (
        Media(
            "https://gazette.example/img/harbour.jpg",
            caption="Boats leave at dawn.",
            credit="Ana Ruiz/Example Gazette",
        ),
    )
    assert a.url == "https://gazette.example/news/harbour"
    assert a.published == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert a.published is not None
    assert a.published.utcoffset() == timedelta(hours=-5)
    assert a.section == "Local"
    assert a.tags == ("harbour", "storms")
    assert a.language == "en-US"
    assert a.extras["jsonld.wordCount"] == 412
    assert a.extras["jsonld.@id"] == "https://gazette.example/news/harbour#article"


def test_top_level_array_picks_the_article() -> None:
    a = load("top_level_array.jsonld")
    assert a.title == "Flood waters recede in river towns"
    assert a.authors == (Author("Jon Ybarra"),)
    assert a.extras["jsonld.@type"] == "ReportageNewsArticle"


def test_several_script_blocks() -> None:
    blocks = [
        {"@context": "https://schema.org", "@type": "WebSite", "name": "x"},
        json.loads((DATA / "type_array.jsonld").read_text("utf-8")),
    ]
    article = schemaorg.article_from_jsonld(blocks)
    assert article is not None
    assert article.title == "Council approves budget"


def test_type_array() -> None:
    a = load("type_array.jsonld")
    assert a.title == "Council approves budget"
    assert a.authors == (Author("Lena Okafor"),)
    assert a.extras["jsonld.@type"] == ("NewsArticle", "Article")


def test_author_forms_and_organisations_kept() -> None:
    a = load("author_forms.jsonld")
    assert [x.name for x in a.authors] == ["Plain String", "Object Person", "Example Wire Service"]
    assert a.authors[1].url == "https://social.example/op"
    assert a.extras["jsonld._author_types"] == ("", "Person", "Organization")
    again = newsparse.read(newsparse.write(a, "jsonld"), "jsonld")
    assert again == a


def test_empty_author_falls_back_to_creator() -> None:
    assert load("author_empty.jsonld").authors == (Author("Fallback Creator"),)


def test_placeholder_date_ignored() -> None:
    a = load("placeholder_date.jsonld")
    assert a.published is None
    assert a.updated == datetime(2020, 5, 1, 10, tzinfo=timezone(timedelta(hours=2)))
    assert a.extras["jsonld._dates"]["datePublished"]["note"] == "placeholder, ignored"


def test_space_separated_date_with_microseconds() -> None:
    a = load("date_space_micro.jsonld")
    assert a.published == datetime(2015, 11, 28, 5, 36, tzinfo=timezone.utc)
    assert a.extras["jsonld._dates"] == {
        "datePublished": {"raw": "2015-11-28 05:36:00.000000", "note": "assumed UTC"}
    }


def test_zoneless_and_compact_offset_dates() -> None:
    a = load("date_zoneless.jsonld")
    assert a.published == datetime(2018, 4, 5, 6, tzinfo=timezone.utc)
    assert a.updated == datetime(2018, 4, 5, 7, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert a.updated is not None
    assert a.updated.utcoffset() == timedelta(hours=5, minutes=30)
    assert set(a.extras["jsonld._dates"]) == {"datePublished"}


def test_date_only() -> None:
    a = load("date_only.jsonld")
    assert a.published == datetime(2019, 2, 14, tzinfo=timezone.utc)
    assert "date only" in a.extras["jsonld._dates"]["datePublished"]["note"]


def test_odd_dimensions_and_true_main_entity() -> None:
    a = load("odd_dimensions.jsonld")
    assert a.url is None  # "True" is not a URL
    assert [m.url for m in a.media] == [
        "https://img.example/a-1x1.jpg",
        "https://img.example/a-16x9.jpg",
    ]
    assert a.media[1].credit == "Pat Lens"


def test_comma_keywords() -> None:
    a = load("keywords_comma.jsonld")
    assert a.tags == ("elections", "Senate", "budget")
    assert a.section == "Politics"


def test_entities_decoded_exactly_once_and_html_body() -> None:
    a = load("entities.jsonld")
    assert a.title == "Smith & Jones win “best pie”"
    assert a.subtitle == "Double escaped: AT&amp;T stays AT&T"
    assert a.body == (Paragraph("First paragraph & more."), Paragraph("Second bold paragraph."))


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("control_chars.jsonld", "Raw control\tcharacters"),
        ("trailing_semicolon.jsonld", "Trailing semicolon"),
        ("comments.jsonld", "Commented JSON"),
        ("trailing_commas.jsonld", "Trailing commas"),
        ("html_comment_wrapper.jsonld", "Wrapped in an HTML comment"),
    ],
)
def test_tolerant_json(name: str, title: str) -> None:
    a = load(name)
    assert a.title == title
    if name == "control_chars.jsonld":
        assert a.body == (Paragraph("Line one."), Paragraph("Line two."))
    if name == "trailing_commas.jsonld":
        assert a.tags == ("a", "b")
        assert a.authors == (Author("Ann Comma"),)
    if name == "comments.jsonld":
        assert a.url == "https://gazette.example/news/commented"


def test_unescaped_quotes_are_a_parse_error_with_position() -> None:
    with pytest.raises(newsparse.ParseError) as info:
        load("unescaped_quotes.jsonld")
    assert info.value.line == 1
    assert info.value.column is not None


def test_opinion_role_single_newlines_and_bad_language() -> None:
    a = load("opinion_role.jsonld")
    assert a.authors == (Author("Dana Reyes", role="opinion contributor"),)
    assert a.subtitle == "A commuter's plea"
    assert a.extras["jsonld.description"] == "Ferries are full every morning."
    assert a.body == (
        Paragraph("Every morning the ferry fills up."),
        Paragraph("Then it leaves people behind."),
    )
    assert a.language is None
    assert a.extras["jsonld.inLanguage"] == "English"
    assert a.extras["jsonld.isAccessibleForFree"] is False
    again = newsparse.read(newsparse.write(a, "jsonld"), "jsonld")
    assert again == a


def test_not_an_article() -> None:
    with pytest.raises(newsparse.ParseError, match="types present: WebSite"):
        newsparse.read('{"@context": "https://schema.org", "@type": "WebSite"}', "jsonld")
    with pytest.raises(newsparse.ParseError, match="no headline"):
        newsparse.read('{"@type": "NewsArticle", "author": "x"}', "jsonld")
    assert schemaorg.article_from_jsonld({"@type": "NewsArticle"}) is None
    assert schemaorg.article_from_jsonld("junk") is None


def test_fields_and_provenance() -> None:
    data = json.loads((DATA / "graph_author_id.jsonld").read_text("utf-8"))
    found = schemaorg.fields_from_jsonld(data)
    assert found is not None
    fields, source = found
    assert fields["title"] == "Harbour reopens after storm"
    assert source["title"] == "headline"
    assert source["url"] == "mainEntityOfPage"
    assert source["published"] == "datePublished"


# ---------------------------------------------------------------------------
# the writer


def test_writer_document_shape() -> None:
    article = Article(
        "Harbour reopens",
        subtitle="Fleet back at sea",
        section="Local",
        authors=[Author("Mara Quint", role="reporter", url="https://e.example/mq")],
        published=datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=-5))),
        url="https://e.example/h",
        publisher="Gazette",
        language="en",
        media=[Media("https://e.example/a.jpg", caption="Boats.", credit="AP")],
        body=[Paragraph("One."), Paragraph("Two.")],
        tags=["a", "b"],
    )
    doc = json.loads(newsparse.write(article, "jsonld"))
    assert doc["@context"] == "https://schema.org"
    assert doc["@type"] == "NewsArticle"
    assert doc["author"] == [
        {
            "@type": "Person",
            "name": "Mara Quint",
            "url": "https://e.example/mq",
            "jobTitle": "reporter",
        }
    ]
    assert doc["datePublished"] == "2024-03-05T09:30:00-05:00"
    assert doc["image"] == [
        {
            "@type": "ImageObject",
            "url": "https://e.example/a.jpg",
            "caption": "Boats.",
            "creditText": "AP",
        }
    ]
    assert doc["keywords"] == ["a", "b"]
    assert doc["articleBody"] == "One.\n\nTwo."
    assert doc["publisher"] == {"@type": "Organization", "name": "Gazette"}
    assert newsparse.read(json.dumps(doc), "jsonld") == article


_amp_text = nps.text(alphabet=st.sampled_from("ab &;#x1Ampl"), max_size=20)

jsonld_articles = nps.articles(
    body_block_types=["paragraph"],
    notes=False,
    with_extras=False,
    media=st.lists(
        nps.media(
            urls=st.builds("https://img.example/{}.jpg".format, st.integers(0, 10**6))
        ).filter(lambda m: m.kind in ("image", "video", "audio")),
        max_size=3,
        unique_by=lambda m: m.url,
    ).map(tuple),
)
"""The JSON-LD-expressible domain: see the lossy table in docs/formats/jsonld.md."""


@given(jsonld_articles)
def test_round_trip_over_the_jsonld_domain(article: Article) -> None:
    assert newsparse.read(newsparse.write(article, "jsonld"), "jsonld") == fixed(article)


@given(jsonld_articles, _amp_text, _amp_text)
def test_entities_round_trip(article: Article, title: str, tag: str) -> None:
    article = attrs.evolve(article, title=title, tags=(tag,), body=(Paragraph(title),))
    assert newsparse.read(newsparse.write(article, "jsonld", indent=None), "jsonld") == fixed(
        article
    )


def _only_parse_errors(text: str) -> None:
    errors: list[newsparse.ParseError] = []
    try:
        _read.read(text)
    except newsparse.ParseError as exc:
        errors.append(exc)
        str(exc)
    assert all(e.format == "jsonld" for e in errors)


@given(st.text())
def test_any_text(text: str) -> None:
    _only_parse_errors(text)


@given(st.binary())
def test_any_bytes(data: bytes) -> None:
    _only_parse_errors(data.decode("utf-8", "replace"))


json_values: Any = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@type",
                    "@id",
                    "@graph",
                    "headline",
                    "author",
                    "image",
                    "name",
                    "url",
                    "datePublished",
                    "keywords",
                    "articleBody",
                    "publisher",
                    "caption",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@given(json_values)
def test_any_json_value(value: Any) -> None:
    _only_parse_errors(json.dumps(value))
    _only_parse_errors(json.dumps({"@type": "NewsArticle", "headline": "h", "author": value}))
    _only_parse_errors(json.dumps({"@type": "NewsArticle", "headline": "h", "image": value}))


@given(st.sampled_from(sorted(p.name for p in DATA.glob("*.jsonld"))), st.data())
def test_mutated_fixtures(name: str, data: st.DataObject) -> None:
    text = (DATA / name).read_text("utf-8")
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(text)))
        ch = data.draw(st.sampled_from([*list('{}[]",:/*;\n\\'), "&amp;", "<p>"]))
        text = text[:i] + ch + text[i + data.draw(st.integers(0, 2)) :]
    _only_parse_errors(text)


def test_deep_nesting_and_huge_input() -> None:
    for text in [
        "[" * 100_000,
        '{"@type": "NewsArticle", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ]:
        with pytest.raises(newsparse.ParseError):
            _read.read(text)
    big = "x" * 10_000_000  # the 100 MB case is in test_json.py; the repair pass is slower
    a = _read.read('{"@type": "NewsArticle", "headline": "h", "articleBody": "' + big + '"}')
    assert len(a.body[0].text) == 10_000_000
    with pytest.raises(newsparse.ParseError):
        _read.read('{"@type": "NewsArticle", "headline": "h", "articleBody": "' + big)


def test_sniff_and_registration() -> None:
    assert _read.sniff((DATA / "graph_author_id.jsonld").read_text("utf-8")) >= 0.9
    assert _read.sniff('{"newsparse": "1.0", "title": "x"}') == 0.0
    assert newsparse.get_format("application/ld+json").name == "jsonld"
    assert newsparse.get_format(".jsonld").name == "jsonld"
    assert _write.write(Article("x")).startswith("{\n")
