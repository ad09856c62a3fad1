"""The IPTC ninjs format: IPTC's conformance suite, agency examples, schema validity, mapping."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
import referencing
import referencing.jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse
from _json_helpers import ensure_registered
from newsparse import (
    Article,
    Author,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    ParseError,
    Preformatted,
    Quote,
    WriteError,
)
from newsparse._formats.ninjs import WRITE_VERSIONS, schema_path
from newsparse._formats.ninjs._domain import article_in_domain
from newsparse._formats.ninjs._read import detect_version, read, sniff
from newsparse._formats.ninjs._write import document, write
from newsparse._markup import blocks_to_html, html_to_blocks
from newsparse.testing import strategies as nps

NINJS = Path(__file__).resolve().parents[2] / "shared" / "ninjs"
SUITE = NINJS / "validation" / "test_suite"
IPTC = "http://www.iptc.org/std/ninjs"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)\Z")

_NAMES = st.sampled_from(("Mara Quint", "Jonas Okafor", "Zoë Lindqvist", "Kenji Nakamura"))


def ninjs_articles() -> st.SearchStrategy[Article]:
    """The articles ninjs carries exactly (see ``_domain.article_in_domain``)."""
    portable = st.fixed_dictionaries(
        {},
        optional={
            "ninjs.located": nps.text(max_size=30),
            "ninjs.slugline": nps.text(max_size=20),
            "ninjs.ednote": nps.text(max_size=40),
        },
    )
    return nps.articles(
        authors=st.lists(
            nps.authors(names=_NAMES | nps.text(max_size=40), roles=False, urls=False),
            max_size=3,
        ).map(tuple),
        media=st.lists(
            nps.media(kinds=st.sampled_from(("image", "video", "audio", "graphic"))), max_size=2
        ).map(tuple),
        extras=portable,
    ).filter(article_in_domain)


def _shared(*parts: str) -> Path:
    path = NINJS.joinpath(*parts)
    if not path.exists():
        pytest.skip("../shared/ninjs is not available")
    return path


def _docs(kind: str) -> list[str]:
    if not SUITE.is_dir():
        return []
    return sorted(str(p.relative_to(SUITE)) for p in SUITE.glob(f"*/{kind}/*.json"))


def _examples() -> list[str]:
    folder = NINJS / "examples"
    if not folder.is_dir():
        return []
    return sorted(
        str(p.relative_to(folder)) for p in folder.rglob("*.json") if "schema" not in p.name
    )


@pytest.fixture(autouse=True, scope="module")
def _registered() -> None:
    ensure_registered("ninjs")


_VALIDATORS: dict[str, Any] = {}


def validator(version: str) -> Any:
    if version not in _VALIDATORS:
        schema = json.loads(schema_path(version).read_text(encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        registry: Any = referencing.Registry()
        geojson = SUITE / "GeoJSON-schema.json"  # what places[].geojson refers to
        if geojson.is_file():
            resource = referencing.Resource.from_contents(
                json.loads(geojson.read_text(encoding="utf-8")),
                default_specification=referencing.jsonschema.DRAFT7,
            )
            registry = registry.with_resource("https://geojson.org/schema/GeoJSON.json", resource)
        _VALIDATORS[version] = cls(schema, format_checker=cls.FORMAT_CHECKER, registry=registry)
    return _VALIDATORS[version]


def assert_valid(text: str, version: str) -> dict[str, Any]:
    data = json.loads(text)
    errors = sorted(validator(version).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, f"{errors[0].json_path}: {errors[0].message}"
    for key in ("firstcreated", "versioncreated", "firstCreated", "versionCreated"):
        if key in data:
            assert RFC3339.match(data[key]), data[key]
    return data  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------
# IPTC's conformance suite and the agency examples


@pytest.mark.parametrize("name", _docs("should_pass") or ["(absent)"])
def test_reads_every_should_pass_document(name: str) -> None:
    path = _shared("validation", "test_suite", name)
    article = read(path.read_text(encoding="utf-8"))
    assert isinstance(article, Article)


@pytest.mark.parametrize("name", _examples() or ["(absent)"])
def test_reads_every_agency_example(name: str) -> None:
    path = _shared("examples", name)
    article = read(path.read_text(encoding="utf-8"))
    assert article.title
    data = json.loads(path.read_text(encoding="utf-8"))
    assert article.url == data["uri"]
    if "bodies" in data:
        assert article.body
    if "by" in data and data["by"].strip():
        assert article.authors


# The should_fail documents the reader rejects, and why. Every other should_fail document
# breaks a schema rule the reader does not rely on (an unknown key, a bad enum value, a
# wrong type in a property the Article has no field for) and is read; what the Article
# cannot hold goes to extras.
REJECTED = {
    "1.0/should_fail/001_no_uri_declared.json": "no `uri`",
    "1.0/should_fail/009_body_text_with_cr.json": "JSON is malformed",  # raw newline
    "1.0/should_fail/010_body_must_be_string.json": "JSON is malformed",
    "1.0/should_fail/011_description_must_be_string.json": "JSON is malformed",
    "1.0/should_fail/012_location_not_object.json": "JSON is malformed",  # trailing comma
    "1.3/should_fail/006_bad_genre.json": "JSON is malformed",  # unquoted URI
}


@pytest.mark.parametrize("name", _docs("should_fail") or ["(absent)"])
def test_should_fail_documents(name: str) -> None:
    path = _shared("validation", "test_suite", name)
    text = path.read_text(encoding="utf-8")
    if name in REJECTED:
        with pytest.raises(ParseError, match=re.escape(REJECTED[name])):
            read(text)
    else:
        assert isinstance(read(text), Article)


def test_agency_mapping_tt() -> None:
    path = _shared("examples", "2.1", "tt_text_image_2.json")
    article = read(path.read_text(encoding="utf-8"))
    assert article.title == "Militärövning i jätteformat hålls 2023"
    assert article.language == "sv"
    assert article.publisher == "TT"
    assert article.updated == datetime(2021, 5, 26, 13, 40, 18, tzinfo=timezone(timedelta(hours=2)))
    assert article.media[0].credit == "Karl Melander/TT"
    assert (article.media[0].caption or "").startswith("En stor")
    assert (article.media[0].url or "").endswith(".jpg")
    assert any(isinstance(b, Quote) for b in article.body)
    assert article.extras["ninjs.slugline"] == "militärövning"
    assert article.extras["ninjs._version"] == "2.1"  # from `standard`
    assert "ninjs.genres" in article.extras


def test_agency_byline_split() -> None:
    path = _shared("examples", "2.1", "ninjsExSimpleText_2.json")
    article = read(path.read_text(encoding="utf-8"))
    assert [a.name for a in article.authors] == ["Paulo Santalucia", "Frances d'Emilio"]
    assert len(article.body) == 4  # the xhtml body's <p>s, not the one-line text body


def test_version_1_mapping() -> None:
    path = _shared("validation", "test_suite", "1.0", "should_pass", "034_body_text_and_html.json")
    article = read(path.read_text(encoding="utf-8"))
    assert len(article.body) == 4
    assert article.url == "034_body_text_and_html"


# ---------------------------------------------------------------------------
# version detection


@pytest.mark.parametrize(
    ("data", "version"),
    [
        ({"uri": "x", "standard": {"version": "2.1"}}, "2.1"),
        ({"uri": "x", "$standard": {"version": "1.4"}}, "1.4"),
        ({"uri": "x", "standard": {"schema": f"{IPTC}/ninjs-schema_3.0.json#"}}, "3.0"),
        ({"uri": "x", "versionCreated": "2024-01-01T00:00:00Z"}, "3"),
        ({"uri": "x", "headline": "h"}, "1"),
        ({"uri": "x", "body_text": "b"}, "1"),
        ({"uri": "x", "associations": {"a": {"uri": "y"}}}, "1"),
        ({"uri": "x", "headlines": [{"value": "h"}]}, "2"),
        ({"uri": "x"}, "2"),
    ],
)
def test_detect_version(data: dict[str, Any], version: str) -> None:
    assert detect_version(data) == version


# ---------------------------------------------------------------------------
# the writer: schema validity, round trip


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(article=nps.articles(), version=st.sampled_from(WRITE_VERSIONS))
def test_every_written_document_validates(article: Article, version: str) -> None:
    """Any Article (not only the round-trip domain) gives a schema-valid document."""
    assume_minute = all(
        d is None or (d.utcoffset() or timedelta()).seconds % 60 == 0
        for d in (article.published, article.updated)
    )
    text = write(article, version=version)
    data = json.loads(text)
    errors = list(validator(version).iter_errors(data))
    assert not errors, errors[0].message
    if assume_minute:
        assert_valid(text, version)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(article=ninjs_articles(), version=st.sampled_from(WRITE_VERSIONS))
def test_round_trip_over_the_domain(article: Article, version: str) -> None:
    text = write(article, version=version)
    assert_valid(text, version)
    assert read(text) == article
    assert write(read(text), version=version) == text


def test_extras_of_same_major_are_written_back() -> None:
    path = _shared("examples", "2.1", "tt_text_image_2.json")
    article = read(path.read_text(encoding="utf-8"))
    text = write(article)  # 2.2: same major as the 2.1 document
    data = assert_valid(text, "2.2")
    assert data["genres"][0]["name"] == "Inrikes"
    assert data["subjects"] == json.loads(path.read_text(encoding="utf-8"))["subjects"]
    back = read(text)
    assert back.extras["ninjs._version"] == "2.2"
    assert attrs.evolve(back, extras={}) == attrs.evolve(article, extras={})
    assert {**back.extras, "ninjs._version": "2.1"} == article.extras
    as3 = assert_valid(write(article, version="3.1"), "3.1")
    assert "genres" not in as3  # 2.x-shaped: left out of a 3.x document
    assert as3["slugline"] == "militärövning"  # portable strings go everywhere
    assert as3["pubStatus"] == "usable"


def test_write_3x_uses_camel_case() -> None:
    article = Article(
        "Harbour reopens",
        published=datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=-5))),
        updated=datetime(2024, 3, 5, 11, 0, tzinfo=timezone.utc),
        publisher="The Harbour Times",
        body=[Paragraph("Ferries ran again.")],
    )
    data = assert_valid(write(article, version="3.1"), "3.1")
    assert data["firstCreated"] == "2024-03-05T09:30:00-05:00"
    assert data["versionCreated"] == "2024-03-05T11:00:00+00:00"
    assert data["copyrightHolder"] == "The Harbour Times"
    assert data["bodies"][0]["contentType"] == "text/html"
    assert data["standard"]["version"] == "3.1"
    assert read(write(article, version="3.0")) == article


def test_lossy_fields() -> None:
    article = Article(
        "T",
        authors=[Author("Ada Lovelace", role="opinion contributor", url="https://e.org/ada")],
        media=[Media(url="https://e.org/a.ogg", kind="podcast")],
        extras={"test.flag": True},
    )
    back = read(write(article))
    assert back.authors == (Author("Ada Lovelace"),)
    assert back.media[0].kind == "image"
    assert back.extras == {}


def test_section_notes_and_tags() -> None:
    article = Article("T", section="Local", notes=["AP contributed."], tags=["a", "Local"])
    data = json.loads(write(article))
    assert data["subjects"] == [
        {"name": "Local", "rel": "section"},
        {"name": "a"},
        {"name": "Local"},
    ]
    assert data["descriptions"] == [{"role": "note", "value": "AP contributed."}]
    assert read(write(article)) == article


def test_placeholder_uri_is_stable_and_read_as_no_url() -> None:
    article = Article("No URL")
    first = json.loads(write(article))["uri"]
    assert first.startswith("urn:newsparse:")
    assert json.loads(write(article))["uri"] == first
    assert read(write(article)).url is None


def test_options() -> None:
    article = Article("T")
    assert json.loads(write(article, version="3"))["standard"]["version"] == "3.1"
    assert "\n" not in write(article, indent=None).rstrip("\n")
    with pytest.raises(WriteError, match=r"1\.6"):
        write(article, version="1.6")
    with pytest.raises(newsparse.OptionError, match="the ninjs writer has no option 'pretty'"):
        newsparse.write(article, "ninjs", pretty=True)
    with pytest.raises(newsparse.OptionError, match="the ninjs reader has no option 'strict'"):
        newsparse.read("{}", "ninjs", strict=True)


# ---------------------------------------------------------------------------
# bad input


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "expected a JSON object"),
        ('{"headlines": []}', "no `uri`"),
        ('{"uri": 3}', "at `$.uri`"),
        ('{"uri": "x", "headlines": [{"value": 3}]}', "at `$.headlines[0].value`"),
        ('{"uri": "x", "headlines": {"value": "h"}}', "at `$.headlines`"),
        ('{"uri": "x", "by": ["A"]}', "at `$.by`"),
        ('{"uri": "x", "subjects": [{"name": 1}]}', "at `$.subjects[0].name`"),
        ('{"uri": "x", "associations": [3]}', "at `$.associations[0]`"),
        ('{"uri": "x", "body_text": 3}', "at `$.body_text`"),
        ('{"uri": "x",\n "by": }', "JSON is malformed"),
    ],
)
def test_bad_documents(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=re.escape(message)):
        newsparse.read(text, "ninjs")


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    text = '{"uri": "x", "places": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(ParseError):
        read(text)


def test_unparseable_dates_are_kept() -> None:
    article = read('{"uri": "x", "versioncreated": "2013-07-09", "firstcreated": 2019}')
    assert article.updated is None
    assert article.extras["ninjs.versioncreated"] == "2013-07-09"
    assert article.extras["ninjs.firstcreated"] == 2019


# ---------------------------------------------------------------------------
# HTML bodies and sniffing


def test_html_blocks_round_trip() -> None:
    blocks = (
        Paragraph("A & B <c> “d”\u00a0e"),
        Heading("Next", level=3),
        Quote("We will rebuild.", attribution="the mayor"),
        ListBlock(["eggs", "flour"], ordered=True),
        Preformatted("a  b\n c"),
        MediaBlock(Media(url="https://e.org/m.png?a=1&b=2", caption="Map", credit="AP", alt="x")),
        MediaBlock(Media(kind="video")),
        Paragraph("line one\nline two"),
    )
    assert tuple(html_to_blocks(blocks_to_html(blocks))) == blocks


def test_html_from_agencies() -> None:
    markup = (
        "<html><head><title>skip</title></head><body><section>"
        "<p>One <a href='#'>link</a>.</p>\n <div>loose text</div><script>x()</script>"
        "<ul><li> a </li><li>b</li></ul><blockquote>Said so.</blockquote></section></body></html>"
    )
    assert html_to_blocks(markup) == [
        Paragraph("One link."),
        Paragraph("loose text"),
        ListBlock(["a", "b"]),
        Quote("Said so."),
    ]


def test_sniffing() -> None:
    article = Article("T", body=[Paragraph("p")])
    assert sniff(write(article)) >= 0.9
    assert newsparse.detect_format(write(article)) == "ninjs"
    assert sniff('{"uri": "x", "headlines": []}') == 0.8
    assert sniff('{"@context": "https://schema.org", "uri": "x"}') < 0.1
    assert sniff(newsparse.write(article, "json")) < 0.1
    assert sniff("uri") == 0.0


def test_registered_spec() -> None:
    spec = newsparse.get_format("ninjs")
    assert ".ninjs.json" in spec.extensions
    assert ".json" not in spec.extensions
    assert "application/json" not in spec.media_types
    assert newsparse.get_format(".ninjs.json").name == "ninjs"
    assert document(Article("T"))["standard"]["version"] == "2.2"
