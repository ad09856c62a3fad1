"""One rule for text in every format: Unicode scalar values in, the same text out.

The model refuses lone surrogates (no Unicode encoding can carry them); every other
code point is text. A lossless format round-trips all of it, or its writer refuses by
name what the format cannot hold at all (HTML: U+0000). The round trips over any text
are the conformance kit's ``test_lossless_over_any_text``, run by every lossless format.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import (
    Article,
    Author,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Quote,
    ValidationError,
)
from newsparse.testing import strategies as nps

LONE = "caf\u00e9 \ud800"

BUILDS = {
    "title": lambda t: Article(t),
    "subtitle": lambda t: Article("t", subtitle=t),
    "notes": lambda t: Article("t", notes=["ok", t]),
    "tags": lambda t: Article("t", tags=[t]),
    "author": lambda t: Author(t),
    "role": lambda t: Author("a", role=t),
    "media caption": lambda t: Media(caption=t),
    "media kind": lambda t: Media(kind=t),
    "paragraph": lambda t: Paragraph(t),
    "heading": lambda t: Heading(t),
    "quote": lambda t: Quote("q", attribution=t),
    "list item": lambda t: ListBlock(["a", t]),
    "extras value": lambda t: Article("t", extras={"x.y": t}),
    "nested extras value": lambda t: Article("t", extras={"x.y": {"k": [1, t]}}),
    "extras key": lambda t: Article("t", extras={"x." + t: 1}),
    "nested extras key": lambda t: Article("t", extras={"x.y": {t: 1}}),
}


@pytest.mark.parametrize("where", BUILDS)
def test_the_model_refuses_lone_surrogates(where: str) -> None:
    with pytest.raises(ValidationError, match="lone surrogate"):
        BUILDS[where](LONE)


@pytest.mark.parametrize("where", BUILDS)
def test_the_model_takes_every_other_code_point(where: str) -> None:
    BUILDS[where]("a\x00b\r\n\x85\u2028\ufffe\U0010ffff")


def test_the_error_says_where_and_what() -> None:
    with pytest.raises(ValidationError) as info:
        Article("t", tags=["fine", "x\udc80"])
    assert str(info.value).startswith("Article.tags[1] holds a lone surrogate, U+DC80, at index 1")


@pytest.mark.parametrize("fmt", ["html", "wire", "json", "jsonl", "ninjs", "jsonld"])
def test_a_str_source_holding_a_lone_surrogate_is_a_parse_error(fmt: str) -> None:
    text = newsparse.write(Article("Café au port"), fmt).replace("au", "\ud800", 1)
    with pytest.raises(newsparse.ParseError, match="lone surrogate, U\\+D800") as info:
        newsparse.read(text, fmt)
    assert info.value.line is not None
    assert "\ud800" not in str(info.value)  # the excerpt prints: U+FFFD stands for it
    with pytest.raises(newsparse.ParseError, match="lone surrogate"):
        list(newsparse.read_many(text, fmt))


def test_a_str_page_with_non_ascii_text_is_not_redecoded() -> None:
    page = "<html><head><title>Caf\u00e9 na\u00efve</title></head><body><h1>Caf\u00e9</h1>"
    article = newsparse.read(page + "<p>Cr\u00e8me br\u00fbl\u00e9e, na\u00efve.</p>", "html")
    assert article.title == "Caf\u00e9"
    assert article.text == "Cr\u00e8me br\u00fbl\u00e9e, na\u00efve."


@pytest.mark.parametrize(
    ("article", "where"),
    [
        (Article("a\x00"), "Article.title"),
        (Article("t", authors=[Author("x", url="u\x00")]), "Article.authors[0].url"),
        (Article("t", body=[Paragraph("ok"), Paragraph("x\x00y")]), "Article.body[1].text"),
        (Article("t", body=[ListBlock(["a", "\x00"])]), "Article.body[0].items[1]"),
        (Article("t", body=[MediaBlock(Media(alt="\x00"))]), "Article.body[0].media.alt"),
        (Article("t", tags=["\x00"]), "Article.tags[0]"),
    ],
)
def test_html_refuses_nul_by_name(article: Article, where: str) -> None:
    with pytest.raises(newsparse.WriteError, match=r"U\+0000") as info:
        newsparse.write(article, "html")
    assert where in str(info.value)


def test_html_carries_nul_in_extras_and_every_other_character() -> None:
    text = "".join(chr(c) for c in range(1, 0x3000) if not 0xD800 <= c <= 0xDFFF)
    article = Article(
        text[:200], body=[Paragraph(text)], extras={"x.nul": "\x00"}, tags=["\r\n", "\r"]
    )
    assert newsparse.read(newsparse.write(article, "html"), "html") == article


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_carries_control_characters(fmt: str) -> None:
    article = Article("a\x00\x01\x1f\x7f\r\n\u2028", body=[Paragraph("\x00")], tags=["\x0b"])
    assert newsparse.read(newsparse.write(article, fmt), fmt) == article


@given(nps.any_text(max_size=60))
def test_any_text_is_always_valid_text(text: str) -> None:
    text.encode("utf-8")  # no lone surrogate
    Article(text)


@pytest.mark.parametrize(
    "wanted",
    [lambda t: "\x00" in t, lambda t: "\r" in t, lambda t: any(ord(c) > 0xFFFF for c in t)],
    ids=["nul", "cr", "astral"],
)
def test_any_text_reaches_the_edges(wanted: Any) -> None:
    found = find(nps.any_text(min_size=1), wanted, settings=settings(max_examples=2000))
    assert wanted(found)


@given(nps.any_text(exclude="\x00\r"))
def test_any_text_excludes(text: str) -> None:
    assert "\x00" not in text
    assert "\r" not in text


@given(nps.articles(text=st.just("\x00")))
def test_articles_text_reaches_every_free_text(article: Any) -> None:
    assert article.title == "\x00"
    for author in article.authors:
        assert author.name == "\x00"
    for block in article.body:
        if isinstance(block, Paragraph):
            assert block.text == "\x00"
