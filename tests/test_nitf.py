"""The IPTC NITF format: agency-style documents, versions, dates, mapping, round trips."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

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
    WriteError,
)
from newsparse.testing import strategies as nps

DATA = Path(__file__).parent / "data" / "nitf"


def nitf_articles() -> st.SearchStrategy[Article]:
    """The articles NITF carries exactly: no author URLs, only its own extras."""
    kept = st.fixed_dictionaries(
        {},
        optional={
            "nitf.urgency": st.integers(1, 9),
            "nitf.dateline": nps.text(max_size=30),
            "nitf.management-status": st.sampled_from(("usable", "embargoed", "withheld")),
            "nitf.abstract": nps.text(max_size=60),
            "nitf.meta": st.lists(
                st.tuples(nps.text(max_size=10), nps.text(max_size=20)).map(list),
                min_size=1,
                max_size=2,
            ),
            "nitf.version": st.sampled_from(("3.0", "3.3", "3.5")),
        },
    )
    return nps.articles(
        authors=st.lists(nps.authors(urls=False), max_size=3).map(tuple), extras=kept
    )


def read_file(name: str, **options: object) -> Article:
    return newsparse.read(DATA / name, **options)


def test_ap_style_document() -> None:
    a = read_file("wire-ap-style.xml")
    assert a.title == "Ferry line restores winter timetable after storm damage"
    assert a.subtitle == "Crews repaired two loading ramps in under a week"
    assert a.authors == (
        Author("Mara Quint", role="Portwatch Business Writer"),
        Author("Jonas Okafor"),
    )
    assert a.published == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert a.published.utcoffset() == timedelta(hours=-5)
    assert a.updated == datetime(2024, 3, 5, 11, 45, tzinfo=timezone(timedelta(hours=-5)))
    assert a.url == "urn:example:pw:2024-03-05:ferry-timetable"
    assert a.publisher == "Portwatch Wire"
    assert a.section == "Business"
    assert a.language == "en-US"
    assert a.tags == ("ferries", "winter storms", "Gulf of Maine")
    assert a.extras["nitf.version"] == "3.3"
    assert a.extras["nitf.urgency"] == 4
    assert a.extras["nitf.dateline"] == "PORTLAND, Maine (PW) — March 5"
    assert a.extras["nitf.abstract"].startswith("Two damaged ramps")
    assert a.extras["nitf.management-status"] == "usable"
    assert a.extras["nitf.subjects"][0]["tobject.subject.refnum"] == "04015000"
    assert {"element": "date.release", "norm": "20240305T100000-0500"} in a.extras["nitf.docdata"]
    kinds = [type(b) for b in a.body]
    assert kinds == [Paragraph, Paragraph, Heading, ListBlock, Quote, Preformatted]
    assert a.body[1].text.startswith("“We had people commuting")
    assert a.body[3].items == (
        "The 6:15 a.m. crossing returns.",
        "Freight runs resume on Saturdays.",
    )
    assert a.body[4] == Quote(
        "The ramps are stronger than before.", attribution="Portland city engineer Ruth Baptiste"
    )
    assert a.body[5].text == "Route\tCrossings\nPeaks Island\t16\nChebeague\t6"
    assert a.media == (
        Media(
            url="https://img.example.org/ferry-ramp.jpg",
            caption="Workers bolt a new ramp section into place on Monday.",
            credit="PW Photo/Sam Birch",
            alt="A rebuilt ferry ramp at low tide",
        ),
    )
    assert a.notes == ("Jonas Okafor contributed reporting from Chebeague Island.",)


def test_ntb_style_dates_without_offset_are_noted_not_invented() -> None:
    a = read_file("agency-ntb-style.xml")
    assert a.published == datetime(2024, 2, 11, 7, 45, 10, tzinfo=timezone.utc)
    assert a.extras["nitf._dates"] == {
        "date.issue": {"raw": "2024-02-11T07:45:10", "note": "no offset, assumed UTC"}
    }
    assert a.authors == (Author("VX-NTX"),)
    assert a.language == "nb-NO"
    assert a.url == "VX7e2c11d0-4a5b-4f1e-9c77-0d1f5a9e3b21_00"
    assert a.body[0].text.startswith("Riksvei 13")
    assert a.body[1].text.startswith("– Vi kjører")  # a character reference, U+2013
    assert a.body[2] == Heading("Ingen personer tatt", level=2)
    assert a.media[0].caption == "Brøyteutstyr i arbeid på riksvei 13. Foto: Ola Berg / VX"
    assert a.notes == ("desk@vx.example",)
    assert "nitf.version" not in a.extras  # 3.6, the default
    # written back, the date keeps its original, offset-less form
    again = newsparse.write(a, "nitf")
    assert 'norm="2024-02-11T07:45:10"' in again
    assert newsparse.read(again, "nitf") == a


def test_default_zone_names_the_assumed_zone() -> None:
    a = read_file("agency-ntb-style.xml", default_zone="Europe/Oslo")
    assert a.published.isoformat() == "2024-02-11T07:45:10+01:00"
    assert a.extras["nitf._dates"]["date.issue"]["note"] == "no offset, assumed Europe/Oslo"
    with pytest.raises(ParseError, match="IANA"):
        read_file("agency-ntb-style.xml", default_zone="Mars/Olympus")


def test_latin1_dtd_3_2_document() -> None:
    a = read_file("wire-latin1-3-2.xml")
    assert a.extras["nitf.version"] == "3.2"
    assert a.title == "Les vendanges commencent tôt en Bourgogne"
    assert a.authors == (Author("Élodie Marchand"),)
    assert a.section == "Économie"
    assert a.published == datetime(2023, 8, 21, 6, 15, tzinfo=timezone.utc)
    assert a.body[0].text.endswith("plus tôt qu’il y a vingt ans.")
    assert (
        a.body[1].text
        == "Les vignerons interrogés parlent d'une année «\u00a0précoce mais saine\u00a0»."
    )
    assert a.body[2] == ListBlock(["Côte de Beaune : lundi", "Côte de Nuits : jeudi"], ordered=True)
    assert a.body[3] == Preformatted("Rendement   2022   2023\nBlanc        52     49")


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        ("20210516T090004+0200", "2021-05-16T09:00:04+02:00"),
        ("20210516T090004-0330", "2021-05-16T09:00:04-03:30"),
        ("20210516T090004Z", "2021-05-16T09:00:04+00:00"),
        ("2021-05-16T09:00:04+02:00", "2021-05-16T09:00:04+02:00"),
        ("20210516T0900", "2021-05-16T09:00:00+00:00"),
        ("20210516", "2021-05-16T00:00:00+00:00"),
    ],
)
def test_date_forms(norm: str, expected: str) -> None:
    doc = f'<nitf><head><docdata><date.issue norm="{norm}"/></docdata></head></nitf>'
    assert newsparse.read(doc, "nitf").published.isoformat() == expected


def test_byline_forms() -> None:
    def byline(inner: str) -> tuple[Author, ...]:
        doc = f"<nitf><body><body.head><byline>{inner}</byline></body.head></body></nitf>"
        return newsparse.read(doc, "nitf").authors

    assert byline("By <person>Ann Lee</person>") == (Author("Ann Lee"),)
    assert byline("by Ann Lee, <byttl>Staff Writer</byttl>") == (
        Author("Ann Lee", role="Staff Writer"),
    )
    assert byline("<person>Ann Lee</person> and <person>Bo Ek</person>") == (
        Author("Ann Lee"),
        Author("Bo Ek"),
    )
    assert byline("  ") == ()


def test_versions_are_detected_and_written() -> None:
    for version in ("3.0", "3.4", "3.6"):
        doc = f'<nitf version="-//IPTC//DTD NITF {version}//EN"><head/></nitf>'
        a = newsparse.read(doc, "nitf")
        assert a.extras.get("nitf.version", "3.6") == version
    text = newsparse.write(Article("T"), "nitf", version="3.4")
    assert "NITF 3.4" in text
    assert "xmlns" not in text
    with pytest.raises(WriteError, match=r"3\.6"):
        newsparse.write(Article("T"), "nitf", version="2.5")


def test_inline_media_and_heading_levels_round_trip() -> None:
    a = Article(
        "T",
        body=[
            Heading("Deep", level=4),
            MediaBlock(Media(url="https://x.example/m.mp4", kind="video", caption="Clip")),
        ],
        media=[Media(url="https://x.example/lead.jpg")],
    )
    assert newsparse.read(newsparse.write(a, "nitf"), "nitf") == a


def test_not_nitf_and_bad_xml() -> None:
    with pytest.raises(ParseError, match="root element is <rss>"):
        newsparse.read("<rss/>", "nitf")
    with pytest.raises(ParseError) as info:
        newsparse.read("<nitf>\n  <head><title>x</head>\n</nitf>", "nitf")
    assert info.value.line == 2
    assert info.value.format == "nitf"


def test_unwritable_character() -> None:
    with pytest.raises(WriteError, match=r"U\+000C"):
        newsparse.write(Article("form\x0cfeed"), "nitf")


def test_detected_by_content_and_extension(tmp_path: Path) -> None:
    assert newsparse.detect_format((DATA / "wire-ap-style.xml").read_bytes()) == "nitf"
    path = tmp_path / "story.nitf"
    path.write_text(newsparse.write(Article("T"), "nitf"), encoding="utf-8")
    assert newsparse.read(path).title == "T"


@settings(max_examples=30)
@given(nitf_articles())
def test_written_documents_are_well_formed_and_ordered(article: Article) -> None:
    from lxml import etree

    root = etree.fromstring(newsparse.write(article, "nitf").encode("utf-8"))
    head = [etree.QName(c).localname for c in root[0]]
    order = ["title", "meta", "tobject", "docdata", "pubdata", "revision-history"]
    assert [t for t in order if t in head] == sorted(set(head), key=order.index)
