"""The Apple News format in detail: discovery, layout, publishers' documents and errors."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

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
SAMPLE = HERE / "data" / "article.json"

ARTICLE = Article(
    "Harbour reopens after winter storm",
    subtitle="Ferries run a reduced timetable until Friday",
    authors=[Author("Mara Quint"), Author("Jonas Lind")],
    published=datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York")),
    url="https://courier.example/local/harbour-reopens",
    language="en",
    media=[
        Media(url="https://courier.example/boats.jpg", caption="Boats leave.", credit="Courier")
    ],
    body=[
        Paragraph("PORTVALE — The harbour reopened on Tuesday, three days late."),
        Heading("What happens next", level=2),
        Quote("We will rebuild the north pier.", attribution="the harbour master"),
        ListBlock(["Ferries: from Wednesday", "Cargo: from Friday"]),
        Preformatted("Pier   Status\nNorth  closed\nSouth  open"),
        MediaBlock(
            Media(url="https://courier.example/route.png", caption="The route.", kind="graphic")
        ),
    ],
    notes=["Jonas Lind contributed to this report."],
    tags=["ferries", "storms"],
)


def test_found_through_its_entry_point() -> None:
    spec = newsparse.get_format("applenews")
    assert spec.plugin == "applenews"  # the entry point's name, not a register_plugin call
    assert newsparse.get_format("anf") is spec


def test_the_command_line_lists_it() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "newsparse", "formats"], capture_output=True, text=True, check=True
    ).stdout
    assert any(line.split()[:1] == ["applenews"] for line in out.splitlines())


def test_sample_file_reads_and_writes_back_byte_for_byte() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert newsparse.detect_format(SAMPLE) == "applenews"  # article.json, told from json
    article = newsparse.read(SAMPLE)
    assert article == ARTICLE
    assert newsparse.write(article, "applenews") == text


def test_the_document_has_what_apple_requires() -> None:
    document = json.loads(newsparse.write(ARTICLE, "applenews"))
    for key in ("version", "identifier", "title", "language", "layout", "components"):
        assert key in document
    assert "default" in document["componentTextStyles"]
    assert len(document["identifier"]) <= 64
    header = document["components"][0]
    assert header["role"] == "header"
    assert [c["role"] for c in header["components"]] == [
        "title",
        "intro",
        "byline",
        "photo",
        "caption",
        "photographer",
    ]
    assert header["components"][2]["text"] == "By Mara Quint and Jonas Lind"
    assert document["metadata"]["datePublished"] == "2024-03-05T09:30:00-05:00"
    assert document["metadata"]["thumbnailURL"] == "https://courier.example/boats.jpg"
    assert json.loads(newsparse.write(Article("x"), "applenews"))["language"] == "und"


def test_a_publishers_document() -> None:
    document = {
        "version": "1.9",
        "identifier": "harbour-2024-03-05",
        "title": "Harbour reopens",
        "language": "en-GB",
        "layout": {"columns": 20, "width": 1024},
        "metadata": {"datePublished": "2024-03-05T14:30:00Z", "keywords": ["ferries"]},
        "components": [
            {"role": "title", "text": "Harbour reopens"},
            {"role": "author", "text": "By Mara Quint"},
            {
                "role": "section",
                "components": [
                    {"role": "photo", "URL": "bundle://quay.jpg", "caption": {"text": "The quay."}},
                    {"role": "photographer", "text": "Jonas Lind"},
                    {
                        "role": "body",
                        "format": "html",
                        "text": "<p>The <strong>ferries</strong> ran&nbsp;again.</p>"
                        "<ul><li>North pier</li><li>South <em>pier</em></li></ul>"
                        "<blockquote>Back at last.</blockquote><h3>Next</h3>",
                    },
                    {"role": "divider"},
                    {"role": "pullquote", "text": "It was a long week."},
                    {"role": "gallery", "items": [{"URL": "bundle://a.jpg", "caption": "A"}]},
                ],
            },
        ],
        "componentTextStyles": {"default": {}},
    }
    article = newsparse.read(json.dumps(document), "applenews")
    assert article.authors == (Author("Mara Quint"),)
    assert article.published == datetime(2024, 3, 5, 14, 30, tzinfo=timezone.utc)
    assert article.language == "en-GB"
    assert article.body == (
        MediaBlock(Media(url="bundle://quay.jpg", caption="The quay.", credit="Jonas Lind")),
        Paragraph("The ferries ran\u00a0again."),
        ListBlock(["North pier", "South pier"]),
        Quote("Back at last."),
        Heading("Next", level=3),
        Quote("It was a long week."),
        MediaBlock(Media(url="bundle://a.jpg", caption="A")),
    )
    assert article.extras == {
        "applenews.identifier": "harbour-2024-03-05",
        "applenews.skipped_roles": ("divider",),
    }
    # the identifier is kept: writing the article again gives the publisher's
    assert json.loads(newsparse.write(article, "applenews"))["identifier"] == "harbour-2024-03-05"


def test_markdown_bodies_are_read_by_the_markdown_format() -> None:
    text = "# Next\n\n**Ferries** [run](x).\n\n- a"
    document = {"title": "x", "components": [{"role": "body", "format": "markdown", "text": text}]}
    article = newsparse.read(json.dumps(document), "applenews")
    assert article.body == (Heading("Next", level=1), Paragraph("Ferries run."), ListBlock(["a"]))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"title": "x",\n "components": [}', "not JSON"),
        ('["not", "an", "object"]', "JSON object"),
        ('{"components": []}', "'title' string"),
        ('{"title": "x"}', "'components' list"),
        ('{"title": "x", "components": [{"text": "no role"}]}', "'role' string"),
        ('{"title": "x", "components": [{"role": "photo"}]}', "'URL' string"),
        ('{"title": "x", "components": [{"role": "body"}]}', "'text' string"),
        (
            '{"title": "x", "components": [], "metadata": {"datePublished": "2024-03-05T09:30"}}',
            "UTC offset",
        ),
        ('{"title": "x", "components": [], "language": "not a tag!"}', "BCP 47"),
    ],
)
def test_errors(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        newsparse.read(text, "applenews")
    assert info.value.format == "applenews"


def test_json_errors_point_at_the_line() -> None:
    with pytest.raises(ParseError) as info:
        newsparse.read('{"title": "x",\n "components": [}', "applenews")
    assert (info.value.line, info.value.column) == (2, 17)


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        newsparse.read(text, "applenews")
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: (
            '{"title": "x", "components": ['
            + '{"role": "container", "components": [' * n
            + "]}" * n
            + "]}"
        ),
        lambda n: (
            '{"title": "x", "components": [{"role": "body", "format": "html", "text": "'
            + "<blockquote><ul><li>" * n
            + '"}]}'
        ),
    ],
    ids=["nested-containers", "nested-html"],
)
def test_linear_in_nesting(shape: object) -> None:
    # four times the input takes about four times as long; quadratic would be sixteen
    # (JSON itself caps the depth near 1000: each container is two levels)
    small, large = _seconds(shape(100)), _seconds(shape(400))  # type: ignore[operator]
    assert large < 8 * small + 0.005
