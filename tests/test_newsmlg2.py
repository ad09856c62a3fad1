"""NewsML-G2: messages, packages, inline NITF/XHTML/text, pictures, and IPTC's ninjs mapping."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import strategies as st

import newsparse
from newsparse import Article, Author, Heading, Media, Paragraph, ParseError
from newsparse.testing import strategies as nps

DATA = Path(__file__).parent / "data" / "newsmlg2"
PLACEHOLDER = "urn:newsparse:"


def newsmlg2_articles() -> st.SearchStrategy[Article]:
    """The articles a newsItem carries exactly: NITF's body, IPTC's properties as ninjs names.

    The body, media and notes travel as inline NITF, whose domain they share.
    """
    kept = st.fixed_dictionaries(
        {},
        optional={
            "ninjs.located": nps.text(max_size=20),
            "ninjs.slugline": nps.text(max_size=20),
            "ninjs.ednote": nps.text(max_size=40),
            "ninjs.pubstatus": st.sampled_from(("withheld", "canceled")),
            "ninjs.version": st.sampled_from(("2", "17")),
            "newsmlg2.urgency": st.integers(1, 9),
            "newsmlg2.dateline": nps.text(max_size=20),
        },
    )
    return nps.articles(
        authors=st.lists(nps.authors(roles=st.none() | st.just("contributor")), max_size=2).map(
            tuple
        ),
        tags=st.lists(nps.text(max_size=20), max_size=4, unique=True).map(tuple),
        extras=kept,
    ).filter(lambda a: not (a.url or "").startswith(PLACEHOLDER))


def test_message_package_with_xhtml_text_and_a_picture() -> None:
    (a,) = newsparse.read_many(DATA / "message-tt-style.xml")
    assert a.title == "Kyrkan i Kiruna har nått sin nya plats"
    assert a.url == "urn:example:text:20240516:RZX441"
    assert a.published == datetime(2024, 5, 16, 7, 58, 2, tzinfo=timezone(timedelta(hours=2)))
    assert a.updated is not None
    assert a.updated.utcoffset() == timedelta(hours=2)
    assert a.authors == (
        Author("Lina Berg", url="https://desk.example.se/people/lina-berg"),
        Author("Olof Sand", role="contributor"),
    )
    assert a.section == "Inrikes"
    assert a.tags == ("stadsplanering", "gruvdrift", "Kiruna")
    assert a.language == "sv"
    assert a.publisher == "Nordpress"
    assert a.subtitle == "Den 113 år gamla kyrkan flyttades fem kilometer på två dygn."
    assert a.body[1] == Heading("Tusentals åskådare", level=2)
    assert a.media == (
        Media(
            url="https://img.example.se/RZX441-1.jpg",
            caption="Kyrkan rullar genom centrum på specialbyggda vagnar.",
            credit="Foto: Erik Holm / Nordpress",
        ),
    )
    assert a.extras["ninjs.located"] == "Kiruna"
    assert a.extras["ninjs.slugline"] == "Kiruna-flytt"
    assert a.extras["newsmlg2.urgency"] == 4
    assert a.extras["newsmlg2.subjects"][0]["qcode"] == "medtop:20000501"
    assert newsparse.read(DATA / "message-tt-style.xml") == a


def test_item_with_inline_nitf_and_dates_without_offset() -> None:
    a = newsparse.read(DATA / "item-nitf-inline.xml")
    assert a.subtitle == "Kolonnekjøring til i morgen"
    assert a.media[0].credit == "Foto: Ola Berg / NX"
    assert a.notes == ("desk@nx.example",)
    assert a.body == (
        Paragraph("Riksvei 13 er åpen for trafikk igjen, to døgn etter skredet."),
        Paragraph("– Vi kjører i kolonne, sier vaktleder Kari Fossum."),
    )
    assert a.extras["newsmlg2._dates"]["firstCreated"] == {
        "raw": "2024-02-11T07:45:10",
        "note": "no offset, assumed UTC",
    }
    assert a.extras["ninjs.pubstatus"] == "withheld"
    again = newsparse.write(a, "newsmlg2")
    assert "<firstCreated>2024-02-11T07:45:10</firstCreated>" in again  # still no offset
    assert newsparse.read(again, "newsmlg2") == a
    oslo = newsparse.read(DATA / "item-nitf-inline.xml", default_zone="Europe/Oslo")
    assert oslo.published is not None
    assert oslo.published.isoformat() == "2024-02-11T07:45:10+01:00"


def test_inline_data_text() -> None:
    a = newsparse.read(DATA / "item-inline-data.xml")
    assert [b.text for b in a.body] == [  # type: ignore[union-attr]
        "Growers should cover early blossom tonight.",
        "Lows near -3 °C are expected before dawn.",
    ]
    assert a.published is None
    assert a.updated == datetime(2024, 3, 1, 5, tzinfo=timezone.utc)


def test_ninjs_agrees_with_iptcs_mapping() -> None:
    """NewsML-G2 -> Article -> ninjs gives what IPTC maps each property to.

    The expected values follow IPTC's mapping: the ``nar:`` names in the ninjs 2.x schema's
    descriptions (uri = newsItem@guid, version = @version, versioncreated, firstcreated,
    pubstatus, language, by, slugline, located, ednote, copyrightholder,
    copyrightnotice, headlines, subjects) and IPTC's ``newsmlg2-2-ninjs`` stylesheet (the
    main item of the package; subject names; the body from ``inlineXML``).
    """
    (a,) = newsparse.read_many(DATA / "message-tt-style.xml")
    doc = json.loads(newsparse.write(a, "ninjs"))
    assert doc["uri"] == "urn:example:text:20240516:RZX441"  # nar:newsItem@guid
    assert doc["version"] == "2"  # nar:newsItem@version
    assert doc["versioncreated"] == "2024-05-16T09:12:40+02:00"  # nar:versionCreated
    assert doc["firstcreated"] == "2024-05-16T07:58:02+02:00"  # nar:firstCreated
    assert "pubstatus" not in doc  # stat:usable, ninjs's default
    assert doc["type"] == "text"  # nar:itemClass ninat:text
    assert doc["language"] == "sv"
    assert doc["slugline"] == "Kiruna-flytt"  # nar:slugline
    assert doc["located"] == "Kiruna"  # nar:located
    assert doc["ednote"] == "Uppdaterad med kommunens kommentar."  # nar:edNote
    assert doc["copyrightholder"] == "Nordpress"  # nar:copyrightHolder
    assert doc["copyrightnotice"] == "© Nordpress 2024"  # nar:copyrightNotice
    assert doc["headlines"][0] == {"role": "main", "value": a.title}  # nar:headline
    assert doc["by"].startswith("Lina Berg")  # nar:by
    names = [s["name"] for s in doc["subjects"] if s.get("rel") != "section"]
    assert names[:2] == ["stadsplanering", "gruvdrift"]  # nar:subject names
    assert "Kiruna kyrka står sedan i natt" in doc["bodies"][0]["value"]
    picture = doc["associations"][0]  # the package's picture item
    assert picture["type"] == "picture"
    assert picture["by"] == "Foto: Erik Holm / Nordpress"
    withheld = json.loads(newsparse.write(newsparse.read(DATA / "item-nitf-inline.xml"), "ninjs"))
    assert withheld["pubstatus"] == "withheld"  # nar:pubStatus stat:withheld


def test_write_many_is_one_message() -> None:
    articles = [newsparse.read(DATA / "item-nitf-inline.xml"), Article("Second", url="urn:x:2")]
    text = "".join(newsparse.write_many(articles, "newsmlg2"))
    assert text.count("<newsItem ") == 2
    assert "<newsMessage" in text
    assert list(newsparse.read_many(text, "newsmlg2")) == articles
    with pytest.raises(ParseError, match=r"use newsparse\.read_many"):
        newsparse.read(text, "newsmlg2")


def test_not_newsml() -> None:
    with pytest.raises(ParseError, match="root element is <nitf>"):
        newsparse.read("<nitf/>", "newsmlg2")
    doc = (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">'
        "<itemMeta><firstCreated>soon</firstCreated></itemMeta></newsItem>"
    )
    with pytest.raises(ParseError, match="not an ISO 8601 date"):
        newsparse.read(doc, "newsmlg2")


def test_detection_tells_an_item_holding_nitf_from_nitf() -> None:
    assert newsparse.detect_format(DATA / "item-nitf-inline.xml") == "newsmlg2"
    assert newsparse.detect_format(DATA / "message-tt-style.xml") == "newsmlg2"
