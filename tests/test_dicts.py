"""to_dict / from_dict: the native JSON document as Python values; extras that json takes."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import datetime
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import Article, ListBlock, MediaBlock, Paragraph, Quote
from newsparse.testing import strategies as nps


@settings(max_examples=60)
@given(nps.articles())
def test_to_dict_is_the_json_document(article: Article) -> None:
    data = newsparse.to_dict(article)
    document = json.loads(newsparse.write(article, "json"))
    assert data == document
    assert list(data) == list(document)  # the same key order
    assert newsparse.from_dict(data) == article
    assert newsparse.from_dict(json.loads(json.dumps(data))) == article


def test_to_dict_values_are_plain() -> None:
    article = Article(
        "Harbour reopens",
        published=datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York")),
        body=[Paragraph("Boats are back."), ListBlock(["a", "b"])],
        tags=["ports"],
        extras={"wire.trending": ["a", {"b": (1, 2)}], "json.custom": 3},
    )
    data = newsparse.to_dict(article)
    assert data == {
        "newsparse": "1.0",
        "title": "Harbour reopens",
        "published": "2024-03-05T09:30:00-05:00",
        "body": [
            {"type": "paragraph", "text": "Boats are back."},
            {"type": "list", "items": ["a", "b"]},
        ],
        "tags": ["ports"],
        "extras": {"wire.trending": ["a", {"b": [1, 2]}]},
        "custom": 3,
    }
    assert json.dumps(data)  # nothing but JSON types
    assert newsparse.from_dict(data) == article


def test_from_dict_takes_datetimes_and_reports_paths() -> None:
    when = datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert newsparse.from_dict({"title": "T", "published": when}).published == when
    with pytest.raises(newsparse.ValidationError, match=r"\$\.authors\[0\]\.name"):
        newsparse.from_dict({"title": "T", "authors": [{"name": 3}]})
    with pytest.raises(newsparse.ValidationError, match="RFC 3339"):
        newsparse.from_dict({"title": "T", "published": "yesterday"})
    with pytest.raises(newsparse.ValidationError, match="expected a mapping"):
        newsparse.from_dict(["T"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected an Article"):
        newsparse.to_dict({"title": "T"})  # type: ignore[arg-type]


@settings(max_examples=60)
@given(nps.articles())
def test_extras_go_to_the_json_module(article: Article) -> None:
    text = json.dumps(article.extras)
    assert Article("T", extras=json.loads(text)).extras == article.extras


def test_extras_stay_read_only() -> None:
    article = Article("T", extras={"x.a": {"b": 1}})
    inner = article.extras["x.a"]
    for mutate in (
        lambda m: m.__setitem__("k", 1),
        lambda m: m.__delitem__("b"),
        lambda m: m.update(k=1),
        lambda m: m.pop("b"),
        lambda m: m.popitem(),
        lambda m: m.setdefault("k", 1),
        lambda m: m.clear(),
    ):
        for mapping in (article.extras, inner):
            with pytest.raises(TypeError, match="read-only"):
                mutate(mapping)
    assert article.extras == {"x.a": {"b": 1}}
    assert isinstance(article.extras, dict)
    assert hash(article.extras) == hash(Article("T", extras={"x.a": {"b": 1}}).extras)
    assert pickle.loads(pickle.dumps(article)) == article
    assert copy.deepcopy(article) == article
    assert attrs.evolve(article, title="U").extras is article.extras


@settings(max_examples=60)
@given(
    nps.articles(
        with_media=False,
        body=st.lists(nps.blocks(types=["paragraph", "heading", "preformatted"]), max_size=4),
    )
)
def test_text_is_the_body_the_text_format_writes(article: Article) -> None:
    written = newsparse.write(article, "text", title=False, subtitle=False)
    assert written == (article.text + "\n" if article.text else "\n")


def test_text_of_the_other_blocks() -> None:
    article = Article(
        "T",
        body=[
            Quote("We will rebuild.", attribution="the mayor"),
            ListBlock(["eggs", "flour"], ordered=True),
            MediaBlock(newsparse.Media(url="https://example.org/a.jpg")),
            MediaBlock(newsparse.Media(caption="The pier.", credit="Ana Ruiz")),
        ],
    )
    assert article.text == "We will rebuild.\n\neggs\nflour\n\nThe pier."
    assert newsparse.write(article, "text", title=False, credits=True) == (
        "We will rebuild.\n— the mayor\n\n1. eggs\n2. flour\n\nThe pier. (Ana Ruiz)\n"
    )
