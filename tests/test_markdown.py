"""The markdown format: its own layout, the Markdown people write, errors and growth."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
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
    ParseError,
    Preformatted,
    Quote,
)
from newsparse.testing import strategies as nps

DATA = Path(__file__).resolve().parent / "data" / "markdown"

# Every character Markdown or YAML gives a meaning to, whitespace of every kind (leading,
# trailing, doubled), line feeds and carriage returns, on top of the kit's realistic text.
_SPECIAL = "\\`*_[]{}()<>#+-=~|!.:;&\"'$%@?/,^" + "\t\r\n \u00a0\u2028\u3000\ufeff\x1b—–“”"
_ALPHABET = st.sampled_from(nps.DEFAULT_ALPHABET) | st.sampled_from(_SPECIAL)
text = st.text(alphabet=_ALPHABET, max_size=40)
words = st.text(alphabet=_ALPHABET, min_size=1, max_size=40)
code = st.text(alphabet=_ALPHABET.filter(lambda c: c != "\r"), max_size=60)


def markdown_articles() -> st.SearchStrategy[Article]:
    """Every Article but the few Markdown cannot hold (see docs/formats/markdown.md)."""
    blocks = st.one_of(
        st.builds(Paragraph, words),  # an empty paragraph has no Markdown
        st.builds(Heading, text, level=st.integers(1, 6)),
        st.builds(Quote, text, attribution=st.none() | text),
        st.builds(ListBlock, st.lists(text, min_size=1, max_size=4), ordered=st.booleans()),
        st.builds(Preformatted, code),  # a carriage return in code becomes a line feed
        st.builds(
            MediaBlock,
            nps.media(
                urls=st.none() | text,
                captions=st.none() | text,
                credits=st.none() | text,
                alts=st.none() | text,
                kinds=st.sampled_from(["image", "video", "graphic"]),
            ),
        ),
    )
    return nps.articles(
        title=text,
        subtitle=st.none() | text,
        section=st.none() | text,
        authors=st.lists(nps.authors(names=text, roles=st.none() | text), max_size=3).map(tuple),
        publisher=st.none() | text,
        media=st.lists(nps.media(captions=st.none() | text), max_size=2).map(tuple),
        body=st.lists(blocks, max_size=8).map(tuple),
        notes=st.lists(text, max_size=2).map(tuple),
        tags=st.lists(text, max_size=3).map(tuple),
        extras=nps.extras(namespaces=("test", "markdown", "x-y")),
    )


def test_sample_reads_and_writes_back_byte_for_byte() -> None:
    path = DATA / "harbour-reopens.md"
    article = newsparse.read(path)  # detected from the .md extension
    assert article.title == "Harbour reopens after winter storm"
    assert article.published == datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    assert [b.type for b in article.body] == [
        "paragraph",
        "heading",
        "quote",
        "list",
        "list",
        "preformatted",
        "media",
    ]
    assert newsparse.write(article, "markdown") == path.read_text(encoding="utf-8")


def test_layout() -> None:
    article = Article(
        "A *bold* claim",
        published=datetime(2024, 3, 5, 14, 30, tzinfo=timezone.utc),
        body=[
            Paragraph("# not a heading, 2 * 3 = 6 and [not] a link\n  indented"),
            Heading("Next #", level=3),
            Quote("- not a list", attribution="the mayor"),
            ListBlock(["one", "two\nlines"], ordered=True),
            ListBlock(["three"], ordered=True),
            Preformatted("```\n  code"),
            MediaBlock(Media(url="https://example.org/a b.png", credit="AP", kind="video")),
        ],
        extras={"markdown.layout": "post", "test.n": [1, 2.5, None]},
    )
    text = newsparse.write(article, "markdown")
    assert text == (
        "---\n"
        'title: "A *bold* claim"\n'
        "published: 2024-03-05T14:30:00+00:00\n"
        'layout: "post"\n'
        "extras:\n"
        '  "test.n": [1, 2.5, null]\n'
        "---\n"
        "\n"
        "\\# not a heading, 2 \\* 3 = 6 and \\[not\\] a link\\\n"
        "&#32;&#32;indented\n"
        "\n"
        "### Next&#32;&#35;\n"
        "\n"
        "> \\- not a list\n"
        ">\n"
        "> — the mayor\n"
        "\n"
        "1. one\n"
        "2. two\\\n"
        "   lines\n"
        "\n"
        "1) three\n"
        "\n"
        "````\n"
        "```\n"
        "  code\n"
        "````\n"
        "\n"
        '![](<https://example.org/a b.png> "AP") <!-- newsparse:media {"kind": "video"} -->\n'
    )
    assert newsparse.read(text, "markdown") == article


def test_nul_in_the_body_is_refused_by_name() -> None:
    with pytest.raises(newsparse.WriteError, match=r"U\+0000.*body\[1\]\.items\[0\].*index 2"):
        newsparse.write(Article("x", body=[Paragraph("ok"), ListBlock(["ab\x00"])]), "markdown")
    with pytest.raises(newsparse.WriteError, match=r"Article\.title"):
        newsparse.write(Article("a\x00"), "markdown", front_matter=False)
    carried = Article("a\x00", notes=["b\x00"], extras={"x.y": "\x00"})  # front matter
    assert newsparse.read(newsparse.write(carried, "markdown"), "markdown") == carried


def test_zones_are_kept_by_name() -> None:
    zone = ZoneInfo("America/New_York")
    # the repeated hour: 01:30 happens at -04:00 and again at -05:00
    first = datetime(2024, 11, 3, 1, 30, tzinfo=zone)
    second = datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=zone)
    article = Article("Clocks", published=first, updated=second)
    text = newsparse.write(article, "markdown")
    assert "published: 2024-11-03T01:30:00-04:00[America/New_York]\n" in text
    assert "updated: 2024-11-03T01:30:00-05:00[America/New_York]\n" in text
    back = newsparse.read(text, "markdown")
    assert back.published is not None
    assert back.updated is not None
    assert back.published.tzinfo == zone
    assert back.updated.tzinfo == zone
    assert (back.published.fold, back.updated.fold) == (0, 1)
    brt = datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=-3), "BRT"))
    fixed = newsparse.read(newsparse.write(Article("x", published=brt), "markdown"), "md")
    assert fixed.published == brt  # same instant, same offset; the name "BRT" is not kept


JEKYLL = """\
---
layout: post
title: Harbour reopens: ferries back
date: 2024-03-05 09:30:00 -0500
lastmod: 2024-03-06T08:00:00Z
author:
  name: Mara Quint
  role: staff writer
categories: [local, transport]
tags: [ferries, "winter storms"]
draft: false
weight: 1.5
description: >
  Ferries run a reduced
  timetable.
---
"""


def test_front_matter_people_write() -> None:
    article = newsparse.read(JEKYLL.replace(": ferries back", " - ferries back"), "markdown")
    assert article.title == "Harbour reopens - ferries back"
    assert article.published == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert article.updated == datetime(2024, 3, 6, 8, tzinfo=timezone.utc)
    assert article.authors == (Author("Mara Quint", role="staff writer"),)
    assert article.tags == ("ferries", "winter storms")
    assert article.subtitle == "Ferries run a reduced timetable.\n"
    assert article.extras == {
        "markdown.layout": "post",
        "markdown.categories": ("local", "transport"),
        "markdown.draft": False,
        "markdown.weight": 1.5,
    }
    # the keys the model has no field for are written back where they were
    again = newsparse.write(article, "markdown")
    assert 'layout: "post"\n' in again
    assert 'categories: ["local", "transport"]\n' in again
    assert newsparse.read(again, "markdown") == article


def test_yaml_core_schema_not_yaml_1_1() -> None:
    article = newsparse.read(
        "---\ntitle: 1984\nsection: no\nx: 1:30\ny: yes\nz: 0x1F\n---\n", "markdown"
    )
    assert (article.title, article.section) == ("1984", "no")
    assert article.extras == {"markdown.x": "1:30", "markdown.y": "yes", "markdown.z": 31}


def test_times_without_offset_are_not_given_one() -> None:
    text = "---\ntitle: x\ndate: 2024-03-05 09:30\n---\n"
    article = newsparse.read(text, "markdown")
    assert article.published is None
    assert article.extras == {"markdown.date": "2024-03-05 09:30"}
    zoned = newsparse.read(text, "markdown", zone="America/New_York")
    assert zoned.published == datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    assert zoned.published is not None
    assert zoned.published.utcoffset() == timedelta(hours=-5)
    with pytest.raises(ParseError, match="happens twice"):
        newsparse.read("---\ntitle: x\ndate: 2024-11-03 01:30\n---\n", "md", zone="US/Eastern")
    with pytest.raises(ParseError, match="does not exist"):
        newsparse.read("---\ntitle: x\ndate: 2024-03-10 02:30\n---\n", "md", zone="US/Eastern")
    with pytest.raises(newsparse.ReadError, match="unknown time zone"):
        newsparse.read(text, "markdown", zone="Mars/Olympus")


PLAIN = """\
Harbour reopens
===============

The *ferries* ran **again** on `Tuesday`, said [the council](https://council.example "Council")
and <https://harbour.example>.
A hard break follows\\
here, and another{two_spaces}
there.

![Boats leave the harbour](https://courier.example/boats.jpg "Courier Photo")

Setext section
--------------

1. First
   - nested *one*
   - nested two
2. Second

   with a second paragraph

> Quoted text
> — Mara Quint

<!-- an editor's comment -->

<figure><img src="https://courier.example/map.png" alt="A map">
<figcaption>The new route.</figcaption></figure>

| Pier | Status |
|------|--------|
| North | closed |

~~~python
print("hi")
~~~

---

    indented code
""".format(two_spaces="  ")


def test_markdown_people_write() -> None:
    article = newsparse.read(PLAIN, "markdown")
    assert article.title == "Harbour reopens"
    assert article.body == (
        Paragraph(
            "The ferries ran again on Tuesday, said the council and https://harbour.example. "
            "A hard break follows\nhere, and another\nthere."
        ),
        MediaBlock(
            Media(
                url="https://courier.example/boats.jpg",
                caption="Boats leave the harbour",
                credit="Courier Photo",
            )
        ),
        Heading("Setext section", level=2),
        ListBlock(
            ["First", "nested one", "nested two", "Second\n\nwith a second paragraph"], ordered=True
        ),
        Quote("Quoted text", attribution="Mara Quint"),
        MediaBlock(
            Media(url="https://courier.example/map.png", caption="The new route.", alt="A map")
        ),
        Paragraph("Pier | Status"),
        Paragraph("North | closed"),
        Preformatted('print("hi")'),
        Preformatted("indented code"),
    )
    assert article.extras["markdown.links"] == (
        {"text": "the council", "url": "https://council.example", "title": "Council"},
    )
    assert newsparse.detect_format(PLAIN) == "markdown"


def test_images_inside_text_are_split_out() -> None:
    article = newsparse.read("# T\n\nBefore ![a map](m.png) after.\n", "markdown")
    assert article.body == (
        Paragraph("Before "),
        MediaBlock(Media(url="m.png", caption="a map")),
        Paragraph(" after."),
    )


def test_without_front_matter_option() -> None:
    article = Article("Harbour reopens", section="Local", body=[Paragraph("Boats are out.")])
    text = newsparse.write(article, "markdown", front_matter=False)
    assert text == "# Harbour reopens\n\nBoats are out.\n"
    assert newsparse.read(text, "markdown") == Article(
        "Harbour reopens", body=[Paragraph("Boats are out.")]
    )


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("---\ntitle: x\n", 1, 1, "not closed"),
        ("---\ntitle: [x\n---\n", 3, 1, "bad front matter"),
        ("---\ntitle: x\ntitle: y\n---\n", 3, 1, "given twice"),
        ("---\ntitle: x\ndate: 2024-03-05\npublished: 2024-03-05\n---\n", 4, 12, "both give"),
        ("---\na: &x [1]\nb: *x\n---\n", 2, 4, "aliases"),
        ("---\ntitle: x\nauthors:\n  - name: A\n    email: a@x\n---\n", 5, 12, "unknown key"),
        ("---\ntitle: x\npublished: last Tuesday\n---\n", 3, 12, "ISO 8601"),
        (
            "---\ntitle: x\npublished: 2024-03-05T09:30:00+01:00[America/New_York]\n---\n",
            3,
            12,
            "not at that offset",
        ),
        ("---\ntitle: x\npublished: 2024-03-05T09:30:00Z[Mars/Base]\n---\n", 3, 12, "unknown time"),
        ("---\n- a list\n---\n", 2, 1, "key: value"),
        ("---\ntitle: !!binary aGk=\n---\n", 2, 8, "tag"),
        ("---\nx: .inf\n---\n", 2, 4, "finite"),
        ("+++\ntitle = 'x'\n+++\n", 1, 1, "TOML"),
        ("---\ntitle: x\nlanguage: not a tag\n---\n", 1, None, "BCP 47"),
    ],
)
def test_front_matter_errors(text: str, line: int, column: int | None, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        newsparse.read(text, "markdown")
    assert (info.value.line, info.value.column) == (line, column)
    assert info.value.format == "markdown"


def test_nesting_past_the_limit_is_an_error_not_a_silent_loss() -> None:
    deep = "---\ntitle: x\n---\n\n" + "> " * 100 + "lost?\n"
    with pytest.raises(ParseError, match="nested too deeply") as info:
        newsparse.read(deep, "markdown")
    assert info.value.line == 5
    lists = "".join("  " * i + "- item\n" for i in range(30))
    with pytest.raises(ParseError, match="nested too deeply"):
        newsparse.read(lists, "markdown")
    ok = "".join("  " * i + "- item\n" for i in range(12))
    assert newsparse.read(ok, "markdown").body == (ListBlock(["item"] * 12),)


def test_sniffer() -> None:
    from newsparse._formats.markdown._reader import sniff

    assert sniff('---\ntitle: "x"\n---\n') == 0.9
    assert sniff(JEKYLL) == 0.7
    assert sniff("# Title\n\nSome [link](x).\n") == 0.5
    assert sniff("Just a line of text.\n") == 0.1
    assert sniff('{"title": "x"}') == 0.0
    assert sniff("<!DOCTYPE html><html>") == 0.0
    readme = '<p align="center"><img src="logo.png"></p>\n\n# Project\n\n- one\n- two\n'
    assert sniff(readme) >= 0.5  # a README that starts with HTML is still Markdown


def test_convert_from_the_command_line(tmp_path: Path) -> None:
    from newsparse.cli import main

    out = tmp_path / "harbour.md"
    assert (
        main(["convert", "examples/harbour-reopens.wire.txt", "--to", "markdown", "-o", str(out)])
        == 0
    )
    wire = newsparse.read(Path("examples/harbour-reopens.wire.txt"))
    assert newsparse.read(out) == wire


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        with contextlib.suppress(ParseError):
            newsparse.read(text, "markdown")
        best = min(best, time.process_time() - started)
    return best


SHAPES: dict[str, Callable[[int], str]] = {
    "backticks": lambda n: "`" * n + "a" + "``" * n,
    "backtick-runs": lambda n: "a`" * n,
    "asterisks": lambda n: "*a" * n,
    "strong": lambda n: "**a" * n,
    "underscores": lambda n: "_" * n + "a" + "_" * n,
    "open-brackets": lambda n: "[" * n + "a",
    "nested-brackets": lambda n: "[" * n + "a" + "](b)" * n,
    "image-starts": lambda n: "![a" * n,
    "link-starts": lambda n: "[a](" * n,
    "angle-brackets": lambda n: "<a " * n,
    "entities": lambda n: "&#" * n,
    "nested-quotes": lambda n: ("> " * 30 + "a\n") * (n // 30),
    "nested-lists": lambda n: "".join("  " * (i % 15) + "- a\n" for i in range(n // 10)),
    "list-items": lambda n: "- a\n" * (n // 4),
    "html-blocks": lambda n: "<div>\n" * (n // 6),
    "nested-divs": lambda n: "<div>" * (n // 5),
    "front-matter": lambda n: "---\ntitle: x\ntags:\n" + "  - t\n" * (n // 6) + "---\n",
    "flow-front-matter": lambda n: "---\ntitle: [" + "[" * 500 + "]" * 500 + "]\n---\n" + "a " * n,
}


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_linear_time_on_adversarial_input(shape: str) -> None:
    make = SHAPES[shape]
    small, large = _seconds(make(1_000)), _seconds(make(4_000))
    # four times the input, about four times the time; quadratic would be sixteen
    assert large < 8 * small + 0.02, (small, large)


@settings(max_examples=50)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_any_text_reads_as_a_body_or_a_parse_error(body: str) -> None:
    try:
        article = newsparse.read("---\ntitle: x\n---\n" + body, "markdown")
    except ParseError:
        return
    assert article.title == "x"
