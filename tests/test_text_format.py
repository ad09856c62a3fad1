"""The text format: what the writer includes, and the plain-text reader."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import newsparse
from newsparse import (
    Article,
    Author,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
)

ARTICLE = Article(
    "Harbour reopens after the storm",
    subtitle="Ferries run a reduced timetable",
    section="Local",
    authors=[Author("Mara Quint"), Author("Jonas Lind"), Author("Aïcha Okafor")],
    published=datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York")),
    url="https://courier.example/harbour",
    media=[Media(url="https://courier.example/quay.jpg", caption="The quay.", credit="Courier")],
    body=[
        Paragraph("PORTVALE — The ferries ran again on Tuesday."),
        Heading("What happens next"),
        Quote("“We will rebuild.”", attribution="the mayor"),
        ListBlock(["Ferries", "Cargo\nfrom Friday"], ordered=True),
        Preformatted("Pier   Status\nNorth  closed"),
        MediaBlock(Media(url="https://courier.example/map.png", caption="The route.")),
        MediaBlock(Media(url="https://courier.example/x.png")),
    ],
    notes=["Jonas Lind contributed to this report."],
    tags=["ferries", "storms"],
)


def test_defaults_are_the_text_a_reader_sees() -> None:
    assert newsparse.write(ARTICLE, "text") == (
        "Harbour reopens after the storm\n"
        "\n"
        "Ferries run a reduced timetable\n"
        "\n"
        "The quay.\n"
        "\n"
        "PORTVALE — The ferries ran again on Tuesday.\n"
        "\n"
        "What happens next\n"
        "\n"
        "“We will rebuild.”\n"
        "— the mayor\n"
        "\n"
        "1. Ferries\n"
        "2. Cargo\n"
        "   from Friday\n"
        "\n"
        "Pier   Status\n"
        "North  closed\n"
        "\n"
        "The route.\n"
    )


def test_everything_on_request() -> None:
    text = newsparse.write(
        ARTICLE,
        "text",
        byline=True,
        dates=True,
        section=True,
        url=True,
        credits=True,
        notes=True,
        tags=True,
    )
    assert text.startswith(
        "Harbour reopens after the storm\n"
        "\n"
        "Section: Local\n"
        "Ferries run a reduced timetable\n"
        "By Mara Quint, Jonas Lind and Aïcha Okafor\n"
        "Published 2024-03-05T09:30:00-05:00\n"
        "https://courier.example/harbour\n"
        "\n"
        "The quay. (Courier)\n"
    )
    assert text.endswith(
        "The route.\n\nJonas Lind contributed to this report.\n\nTags: ferries, storms\n"
    )


def test_the_body_alone() -> None:
    text = newsparse.write(ARTICLE, "text", title=False, subtitle=False, captions=False)
    assert text.startswith("PORTVALE — The ferries ran again on Tuesday.\n\nWhat happens next")
    assert "The route." not in text
    assert "The quay." not in text


def test_reads_plain_text_as_a_title_and_paragraphs() -> None:
    text = (
        "\ufeffHarbour reopens\r\nafter the storm\r\n\r\n"
        "The ferries ran.\nThree days late.\n \n\n\nBy the quay.\n"
    )
    assert newsparse.read(text, "text") == Article(
        "Harbour reopens after the storm",
        body=[Paragraph("The ferries ran.\nThree days late."), Paragraph("By the quay.")],
    )
    assert newsparse.read("", "text") == Article("")
    assert newsparse.read(b"Title\n\nBody\n", media_type="text/plain").title == "Title"


def test_a_txt_file_is_still_wire_texts_to_claim(tmp_path: Path) -> None:
    # the text format claims no extension: .txt stays the wire format's, as before
    assert newsparse.get_format("text").extensions == ()
    readme = tmp_path / "README.txt"
    readme.write_text("This is a readme.\n\nInstall with pip.\n", encoding="utf-8")
    assert newsparse.read(readme, "text").title == "This is a readme."


def test_convert_to_text_with_options(tmp_path: Path) -> None:
    from newsparse.cli import main

    out = tmp_path / "story.txt"
    wire = Path("examples/harbour-reopens.wire.txt")
    assert main(["convert", str(wire), "--to", "text", "-W", "byline=true", "-o", str(out)]) == 0
    article = newsparse.read(wire)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[0] == article.title
    assert "By " + article.authors[0].name in lines
