"""The public Hypothesis strategies generate valid values and honour their switches."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse._model import Article, Author, Heading, Media, Paragraph
from newsparse.testing import strategies as nps
from newsparse.testing._hypothesis_setup import _hypothesis_setup_hook


@given(nps.text())
def test_text_is_one_clean_line(value: str) -> None:
    assert value
    assert value == value.strip()
    assert "  " not in value
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in value)


@given(nps.text(alphabet="ab", min_size=3, max_size=5))
def test_text_alphabet_and_sizes(value: str) -> None:
    assert set(value) <= {"a", "b"}
    assert 3 <= len(value) <= 5


def test_text_covers_the_hard_characters() -> None:
    seen: set[str] = set()

    @settings(max_examples=300, database=None)
    @given(nps.text(max_size=80))
    def collect(value: str) -> None:
        seen.update(value)

    collect()
    assert seen & set("‘’“”–—")
    assert seen & set("אבגדהוזחטיכלמנסעפצקרשת" + "ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
    assert "\u00a0" in seen


@given(nps.aware_datetimes())
def test_aware_datetimes_are_aware(value: datetime) -> None:
    assert value.tzinfo is not None
    assert value.utcoffset() is not None


@given(nps.aware_datetimes(zones=[ZoneInfo("Asia/Kolkata")], seconds=False))
def test_aware_datetimes_zones_and_seconds(value: datetime) -> None:
    assert value.tzinfo == ZoneInfo("Asia/Kolkata")
    assert value.utcoffset() == timedelta(hours=5, minutes=30)
    assert value.second == value.microsecond == 0


def test_aware_datetimes_reach_dst_edges() -> None:
    folds: list[datetime] = []
    ny = ZoneInfo("America/New_York")

    @settings(max_examples=300, database=None)
    @given(nps.aware_datetimes(zones=[ny], min_value=datetime(2020, 1, 1)))
    def collect(value: datetime) -> None:
        back = value.astimezone(timezone.utc).astimezone(ny)
        assert back == value  # never a time that does not exist
        if value.fold:
            folds.append(value)

    collect()
    assert folds


@given(nps.authors(roles=False, urls=False))
def test_authors_switches(author: Author) -> None:
    assert author.role is None
    assert author.url is None


@given(nps.media(urls=False, captions=st.just("A harbour."), kinds=st.just("image")))
def test_media_replacements(item: Media) -> None:
    assert item.url is None
    assert item.caption == "A harbour."
    assert item.kind == "image"


@given(nps.blocks(types=["heading"]))
def test_blocks_types(block: object) -> None:
    assert isinstance(block, Heading)


def test_blocks_rejects_unknown_types() -> None:
    with pytest.raises(ValueError, match="unknown block types"):
        nps.blocks(types=["table"])


@given(nps.paragraphs(text=st.just("It rained.")))
def test_paragraphs(p: Paragraph) -> None:
    assert p == Paragraph("It rained.")


@given(nps.articles())
def test_articles_are_valid(article: Article) -> None:
    assert isinstance(article, Article)
    for value in (article.published, article.updated):
        assert value is None or value.utcoffset() is not None
    assert all("." in key for key in article.extras)


@given(
    nps.articles(
        subtitle=False,
        section=False,
        authors=False,
        published=False,
        updated=False,
        url=False,
        publisher=False,
        language=False,
        with_media=False,
        notes=False,
        tags=False,
        with_extras=False,
        body_block_types=["paragraph"],
        max_paragraphs=2,
    )
)
def test_articles_switches_off(article: Article) -> None:
    assert article.subtitle is article.section is article.published is None
    assert article.updated is article.url is article.publisher is article.language is None
    assert article.authors == article.media == article.notes == article.tags == ()
    assert dict(article.extras) == {}
    assert len(article.body) <= 2
    assert all(isinstance(b, Paragraph) for b in article.body)


@given(
    nps.articles(
        title=st.just("Harbour reopens"),
        tags=st.just(("fishing",)),
        datetimes=st.just(datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York"))),
        published=True,
        tag_alphabet="xyz",
    )
)
def test_articles_replacements(article: Article) -> None:
    assert article.title == "Harbour reopens"
    assert article.tags == ("fishing",)
    assert article.published is None or article.published.isoformat().startswith("2024-03-05")


@given(nps.articles(tag_alphabet="xyz ", max_tags=2))
def test_articles_tag_alphabet(article: Article) -> None:
    assert len(article.tags) <= 2
    assert all(set(t) <= set("xyz ") for t in article.tags)


@settings(max_examples=50)
@given(nps.wire_articles(max_paragraphs=2, max_tags=1, with_media=False, with_extras=False))
def test_wire_articles_switches(article: Article) -> None:
    assert len(article.body) <= 2
    assert len(article.tags) <= 1
    assert article.media == ()
    assert set(article.extras) <= {"wire.date"}


def test_hypothesis_setup_hook_registers_article() -> None:
    _hypothesis_setup_hook()
    seen: list[Article] = []

    @settings(max_examples=5, database=None)
    @given(st.from_type(Article))
    def collect(article: Article) -> None:
        seen.append(article)

    collect()
    assert seen
