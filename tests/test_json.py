"""The native ``json`` format: round trips, schema validity, errors on bad input."""

from __future__ import annotations

import json
import string
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse
from _json_helpers import ensure_registered, fixed
from newsparse import Article, Author, Heading, ListBlock, Media, MediaBlock, Paragraph, Quote
from newsparse._formats.json import _codec, schema_path
from newsparse.testing import strategies as nps

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(autouse=True)
def _registered() -> None:
    ensure_registered("json")


VALIDATOR = jsonschema.Draft202012Validator(json.loads(schema_path().read_text("utf-8")))

SAMPLE = Article(
    "Harbour reopens after storm",
    subtitle="Fishing fleet back at sea",
    section="Local",
    authors=[Author("Mara Quint", role="staff writer", url="https://example.org/mq")],
    published=datetime(2024, 3, 5, 9, 30, 15, 123456, tzinfo=timezone(timedelta(hours=-5))),
    updated=datetime(2024, 3, 5, 16, 0, tzinfo=timezone.utc),
    url="https://example.org/harbour",
    publisher="The Example Gazette",
    language="en-US",
    media=[Media("https://example.org/a.jpg", caption="Boats.", credit="AP Photo/J. Doe")],
    body=[
        Paragraph("The harbour reopened on Tuesday."),
        Heading("What next", level=3),
        Quote("We will rebuild.", attribution="the mayor"),
        ListBlock(["boats", "nets"], ordered=True),
        MediaBlock(Media("https://example.org/map.png", kind="graphic", alt="map")),
    ],
    notes=["Jo Roe contributed to this report."],
    tags=["storms", "harbour"],
    extras={"wire.trending": ["a", "b"], "json.legacy_id": 42},
)

# wilder than the shared strategy: any Unicode text, any IANA zone (LMT offsets with
# seconds), any year
_wild_text = st.text(max_size=40)
_wild_dt = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.timezones()
)
_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | _wild_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_wild_text, inner, max_size=3),
    max_leaves=8,
)
_extra_keys = st.builds(
    "{}.{}".format, st.sampled_from(["json", "wire", "x-y_1"]), st.text(min_size=1, max_size=8)
).filter(lambda k: not k.split(".", 1)[1][0].isspace())
wild_articles = nps.articles(
    title=_wild_text,
    subtitle=st.none() | _wild_text,
    datetimes=_wild_dt,
    extras=st.dictionaries(_extra_keys, _json_values, max_size=4),
)


@given(nps.articles())
def test_round_trip(article: Article) -> None:
    text = newsparse.write(article, "json")
    assert newsparse.read(text, "json") == fixed(article)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(wild_articles)
def test_round_trip_wild(article: Article) -> None:
    text = _codec.write(article)
    again = _codec.read(text)
    assert again == fixed(article)
    assert _codec.write(again) == text  # canonical: writing again gives the same text


@given(nps.articles())
def test_written_documents_validate_against_the_schema(article: Article) -> None:
    VALIDATOR.validate(json.loads(_codec.write(article)))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(wild_articles)
def test_wild_documents_validate_against_the_schema(article: Article) -> None:
    VALIDATOR.validate(json.loads(_codec.write(article)))


def test_sample_document() -> None:
    text = newsparse.write(SAMPLE, "json")
    data = json.loads(text)
    assert data["newsparse"] == "1.0"
    assert data["published"] == "2024-03-05T09:30:15.123456-05:00"
    assert data["legacy_id"] == 42  # json.* extras go back to the top level
    assert data["extras"] == {"wire.trending": ["a", "b"]}
    assert "media" in data["body"][4]
    assert "kind" not in data["media"][0]  # the default is omitted
    VALIDATOR.validate(data)
    assert newsparse.read(text, "json") == SAMPLE


def test_indent_option() -> None:
    text = newsparse.write(SAMPLE, "json", indent=2)
    assert text.startswith('{\n  "newsparse": "1.0",')
    assert newsparse.read(text, "json") == SAMPLE


def test_nulls_and_missing_keys_are_accepted() -> None:
    doc = {
        "title": "T",
        "subtitle": None,
        "authors": None,
        "published": None,
        "media": None,
        "body": None,
        "notes": None,
        "tags": None,
        "extras": None,
    }
    assert _codec.read(json.dumps(doc)) == Article("T")
    assert _codec.read('{"title": "T"}') == Article("T")


def test_unknown_keys_survive_json_article_json() -> None:
    doc = {"newsparse": "1.0", "title": "T", "cms": {"id": [1, 2]}, "score": 1.5}
    article = _codec.read(json.dumps(doc))
    assert article.extras == {"json.cms": {"id": (1, 2)}, "json.score": 1.5}
    assert json.loads(_codec.write(article)) == doc


def test_json_extras_named_like_a_field_stay_in_extras() -> None:
    article = Article("T", extras={"json.title": "shadow"})
    data = json.loads(_codec.write(article))
    assert data["title"] == "T"
    assert data["extras"] == {"json.title": "shadow"}
    assert _codec.read(json.dumps(data)) == article


def test_zone_name_becomes_fixed_offset_but_compares_equal() -> None:
    from zoneinfo import ZoneInfo

    when = datetime(2022, 11, 8, 9, 29, tzinfo=ZoneInfo("America/New_York"))
    again = _codec.read(_codec.write(Article("T", published=when)))
    assert again.published == when
    assert again.published is not None
    assert again.published.utcoffset() == timedelta(hours=-5)


def test_lmt_offset_with_seconds_round_trips() -> None:
    when = datetime(1850, 1, 1, tzinfo=timezone(timedelta(hours=-4, minutes=-56, seconds=-2)))
    text = _codec.write(Article("T", published=when))
    assert '"1850-01-01T00:00:00-04:56:02"' in text
    again = _codec.read(text)
    assert again.published == when
    assert again.published is not None
    assert again.published.utcoffset() == when.utcoffset()


# ---------------------------------------------------------------------------
# errors


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{\n  "title": "x",\n  "tags": ["a",,"b"]\n}', 3, 16),
        ('{"title": "é", "x": }', 1, 21),
        ('{"title": "x"', None, None),
        ('{"title": "x"} trailing', 1, 17),
        ("", None, None),
    ],
)
def test_malformed_json_has_line_and_column(
    text: str, line: int | None, column: int | None
) -> None:
    with pytest.raises(newsparse.ParseError) as info:
        newsparse.read(text, "json")
    assert info.value.format == "json"
    assert info.value.line is not None
    assert info.value.column is not None
    if line is not None:
        assert (info.value.line, info.value.column) == (line, column)


@pytest.mark.parametrize(
    ("doc", "needle"),
    [
        ({"subtitle": "x"}, "missing required field `title`"),
        ({"title": 1}, "at `$.title`"),
        ({"title": "x", "authors": [{"name": "a"}, {"name": 3}]}, "at `$.authors[1].name`"),
        ({"title": "x", "authors": [{"role": "a"}]}, "`name` - at `$.authors[0]`"),
        ({"title": "x", "body": [{"type": "para", "text": "t"}]}, "at `$.body[0].type`"),
        ({"title": "x", "body": [{"type": "heading", "text": "t", "level": 7}]}, "level"),
        ({"title": "x", "published": "2020-01-01T00:00:00"}, "at `$.published`"),
        ({"title": "x", "published": "yesterday"}, "at `$.published`"),
        ({"title": "x", "language": "e"}, "at `$.language`"),
        ({"title": "x", "extras": {"nonamespace": 1}}, "namespaced"),
        ({"title": "x", "media": [{"url": "u", "size": 3}]}, "at `$.media[0]`"),
        ({"newsparse": "2.0", "title": "x"}, "at `$.newsparse`"),
        ({"title": "x", "": 1}, "cannot be kept"),
        ([1, 2], "Expected `object`, got `array`"),
        ("just a string", "Expected `object`"),
    ],
)
def test_valid_json_that_is_not_an_article(doc: Any, needle: str) -> None:
    with pytest.raises(newsparse.ParseError, match="not a newsparse article") as info:
        _codec.read(json.dumps(doc))
    assert needle in str(info.value)
    assert info.value.format == "json"


def test_unknown_option_is_refused() -> None:
    with pytest.raises(newsparse.OptionError, match="the json reader has no option 'strict'"):
        newsparse.read('{"title": "x"}', "json", strict=True)
    with pytest.raises(newsparse.OptionError, match="the json writer has no option 'colour'"):
        newsparse.write(Article("x"), "json", colour="red")


def test_deep_nesting_does_not_crash() -> None:
    for text in [
        "[" * 100_000,
        '{"title": "x", "extras": {"a.b": ' + "[" * 100_000 + "]" * 100_000 + "}}",
        '{"title": "x", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ]:
        with pytest.raises(newsparse.ParseError):
            _codec.read(text)


def test_huge_string_is_fine() -> None:
    big = "x" * 100_000_000
    article = _codec.read('{"title": "' + big + '"}')
    assert len(article.title) == 100_000_000
    with pytest.raises(newsparse.ParseError):
        _codec.read('{"title": "' + big)


def test_lone_surrogate_is_an_error_not_a_crash() -> None:
    with pytest.raises(newsparse.ParseError):  # msgspec refuses escaped lone surrogates
        _codec.read('{"title": "\\ud800"}')
    with pytest.raises(newsparse.ValidationError, match="lone surrogate"):
        Article("\ud800")  # the model refuses them: no writer ever meets one
    with pytest.raises(newsparse.ParseError):
        _codec.read('{"title": "\ud800"}')


def _only_parse_errors(text: str) -> None:
    errors: list[newsparse.ParseError] = []
    try:
        _codec.read(text)
    except newsparse.ParseError as exc:
        errors.append(exc)
        str(exc)
    assert all(e.format == "json" for e in errors)


@given(st.text())
def test_any_text_gives_an_article_or_a_parse_error(text: str) -> None:
    _only_parse_errors(text)


@given(st.binary())
def test_any_bytes_decoded_give_an_article_or_a_parse_error(data: bytes) -> None:
    _only_parse_errors(data.decode("utf-8", "replace"))
    _only_parse_errors(data.decode("latin-1"))


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = _codec.write(draw(nps.articles()))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, max(0, len(text) - 1)))
        op = draw(st.sampled_from(["delete", "insert", "replace", "truncate"]))
        ch = draw(st.sampled_from(list('{}[]",:0-9 \\nulltruefalse') + list(string.printable)))
        if op == "delete":
            text = text[:i] + text[i + 1 :]
        elif op == "insert":
            text = text[:i] + ch + text[i:]
        elif op == "replace":
            text = text[:i] + ch + text[i + 1 :]
        else:
            text = text[:i]
    return text


@given(_mutated())
def test_mutated_documents_give_an_article_or_a_parse_error(text: str) -> None:
    _only_parse_errors(text)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
        max_leaves=10,
    )
)
def test_any_json_value_gives_an_article_or_a_parse_error(value: Any) -> None:
    _only_parse_errors(json.dumps(value))
    if isinstance(value, dict):
        _only_parse_errors(json.dumps({"title": "t", **value}))


def test_sniff() -> None:
    assert _codec.sniff(newsparse.write(SAMPLE, "json")) >= 0.9
    assert _codec.sniff(newsparse.write(SAMPLE, "json", indent=2)) >= 0.9
    assert _codec.sniff("hello") == 0.0
    assert _codec.sniff('{"@context": "https://schema.org"}') < 0.5
    assert newsparse.detect_format(newsparse.write(SAMPLE, "json")) == "json"


def test_registered_spec() -> None:
    spec = newsparse.get_format("json")
    assert spec.lossless
    assert ".json" in spec.extensions
    assert newsparse.get_format("application/vnd.newsparse+json").name == "json"


# ---------------------------------------------------------------------------
# the fast builders (no second validation) must agree with the model's constructors


def test_fast_builder_covers_every_model_field() -> None:
    import attrs

    from newsparse._build import ARTICLE_FIELDS

    assert tuple(f.name for f in attrs.fields(Article)) == ARTICLE_FIELDS
    for cls, names in [
        (Author, ("name", "role", "url")),
        (Media, ("url", "caption", "credit", "kind", "alt")),
        (Heading, ("text", "level")),
        (Quote, ("text", "attribution")),
        (ListBlock, ("items", "ordered")),
        (MediaBlock, ("media",)),
        (Paragraph, ("text",)),
    ]:
        assert tuple(f.name for f in attrs.fields(cls)) == names


@given(nps.articles())
def test_fast_built_articles_equal_validated_ones(article: Article) -> None:
    import attrs

    fast = _codec.read(_codec.write(article))
    slow = Article(**{f.name: getattr(fast, f.name) for f in attrs.fields(Article)})
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert hash(fast) == hash(slow)
    assert type(fast.extras) is type(slow.extras)
    for a, b in zip(fast.body, slow.body, strict=True):
        assert attrs.asdict(a) == attrs.asdict(b)
        assert type(a) is type(b)


def test_default_kind_is_omitted_whatever_the_string_object() -> None:
    import pickle

    from newsparse import Media

    built = "".join(["ima", "ge"])
    a = Article("t", media=[Media(url="u", kind=built)])
    b = pickle.loads(pickle.dumps(Article("t", media=[Media(url="u")])))
    assert newsparse.write(a, "json") == newsparse.write(b, "json")
    assert '"kind"' not in newsparse.write(a, "json")
