"""The Markdown format in detail: discovery, layout, escaping and errors."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import newsparse
import pytest
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

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "data" / "harbour-reopens.md"


def test_found_through_its_entry_point() -> None:
    spec = newsparse.get_format("markdown")
    assert spec.plugin == "markdown"  # the entry point's name, not a register_plugin call
    assert newsparse.get_format(".md") is spec
    assert newsparse.get_format("text/markdown") is spec


def test_the_command_line_lists_it() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "newsparse", "formats"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert any(line.split()[:1] == ["markdown"] for line in out.splitlines())


def test_sample_file_reads_and_writes_back_byte_for_byte() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    article = newsparse.read(SAMPLE)  # detected from the .md extension
    assert article.title == "Harbour reopens after winter storm"
    assert article.authors == (Author("Mara Quint", role="staff writer"),)
    assert article.published == datetime.fromisoformat("2024-03-05T09:30:00-05:00")
    assert [b.type for b in article.body] == [
        "paragraph",
        "heading",
        "quote",
        "list",
        "list",
        "preformatted",
        "media",
    ]
    assert newsparse.write(article, "markdown") == text


def test_layout() -> None:
    article = Article(
        "A *bold* claim",
        published=datetime(2024, 3, 5, 14, 30, tzinfo=timezone.utc),
        body=[
            Paragraph("# not a heading, 2 * 3 = 6 and [not] a link"),
            Heading("Next #", level=3),
            Quote("- not a list", attribution="the mayor"),
            ListBlock(["one", "two"], ordered=True),
            ListBlock(["three"]),
            Preformatted("```\n  indented"),
            MediaBlock(Media(url="https://example.org/a b.png", credit="AP", kind="video")),
        ],
    )
    assert newsparse.write(article, "markdown") == (
        "---\n"
        'title: "A *bold* claim"\n'
        "published: 2024-03-05T14:30:00+00:00\n"
        "---\n"
        "\n"
        "\\# not a heading, 2 \\* 3 = 6 and \\[not\\] a link\n"
        "\n"
        "### Next \\#\n"
        "\n"
        "> \\- not a list\n"
        ">\n"
        "> — the mayor\n"
        "\n"
        "1. one\n"
        "2. two\n"
        "\n"
        "<!-- -->\n"
        "\n"
        "- three\n"
        "\n"
        "````\n"
        "```\n"
        "  indented\n"
        "````\n"
        "\n"
        '![](<https://example.org/a b.png> "AP"){kind="video"}\n'
    )
    assert newsparse.read(newsparse.write(article, "markdown"), "markdown") == article


def test_hand_written_front_matter_may_leave_strings_unquoted() -> None:
    article = newsparse.read("---\ntitle: Harbour reopens\ntags:\n  - ferries\n---\n", "md")
    assert article.title == "Harbour reopens"
    assert article.tags == ("ferries",)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# Just Markdown\n", 1, "expected front matter"),
        ("---\ntitle: x\n", 1, "not closed"),
        ("---\nsection: x\n---\n", 2, "no title"),
        ('---\ntitle: "x"\ndraft: true\n---\n', 3, "expected 'key: value'"),
        ('---\ntitle: "x"\npublished: 2024-03-05T09:30:00\n---\n', 3, "UTC offset"),
        ('---\ntitle: "x"\n---\n\n```\ncode\n', 5, "not closed"),
        ('---\ntitle: "x"\n---\n\n- one\ntwo\n', 6, "list item"),
        ('---\ntitle: "x"\n---\n\n![broken(\n', 5, "expected an image"),
    ],
)
def test_errors_point_at_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        newsparse.read(text, "markdown")
    assert info.value.line == line
    assert info.value.format == "markdown"


def test_sniffer() -> None:
    from newsparse_markdown._reader import sniff

    assert sniff('---\ntitle: "x"\n---\n') >= 0.5
    assert sniff("---\nlayout: post\n---\n") < 0.5
    assert sniff("# A heading\n") == 0.0
    assert newsparse.detect_format('---\ntitle: "x"\n---\n') == "markdown"
