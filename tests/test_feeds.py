"""RSS and Atom feeds: published layouts, broken feeds, per-item problems, round trips."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import Article, Author, Heading, ListBlock, Media, MediaBlock, ParseError, Quote
from newsparse._markup import survives_html
from newsparse.testing import strategies as nps

DATA = Path(__file__).parent / "data" / "feeds"
_LOOKS_HTML = re.compile(r"<[A-Za-z/!]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*\((.+)\)\s*$")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _plain_ok(text: str | None) -> bool:
    return text is None or not _LOOKS_HTML.search(text)


def _body_ok(article: Article) -> bool:
    for block in article.body:
        texts: list[str | None] = []
        if isinstance(block, (Heading, Quote)) or block.type == "paragraph":
            texts = [block.text]  # type: ignore[union-attr]
            if isinstance(block, Quote) and block.attribution is not None:
                texts.append(block.attribution)
        elif isinstance(block, ListBlock):
            texts = list(block.items)
        elif isinstance(block, MediaBlock):
            texts = [t for t in (block.media.caption, block.media.credit) if t is not None]
        if not all(survives_html(t) for t in texts if t is not None):
            return False
    return True


def _media_ok(media: tuple[Media, ...]) -> bool:
    urls = [m.url for m in media]
    return len(set(urls)) == len(urls) and all(
        _plain_ok(m.caption) and _plain_ok(m.alt) for m in media
    )


def _whole(value: datetime | None) -> bool:
    if value is None:
        return True
    offset = value.utcoffset()
    return value.microsecond == 0 and offset is not None and offset.seconds % 60 == 0


def _media() -> st.SearchStrategy[tuple[Media, ...]]:
    return st.lists(
        nps.media(urls=nps._urls(), kinds=st.sampled_from(("image", "video", "audio"))),
        max_size=1,
    ).map(tuple)


def _body_blocks() -> st.SearchStrategy[Any]:
    return st.lists(
        nps.blocks(types=["paragraph", "heading", "quote", "list", "media"]), max_size=5
    )


def rss_articles() -> st.SearchStrategy[Article]:
    """The articles an RSS 2.0 feed of one item carries exactly."""
    kept = st.fixed_dictionaries(
        {},
        optional={
            "rss.comments": nps._urls(),
            "rss.guid": nps.text(max_size=20),
            "rss.feed_link": nps._urls(),
        },
    )
    names = nps.text(max_size=40).filter(lambda n: not _EMAIL_NAME.match(n))
    return nps.articles(
        authors=st.lists(nps.authors(names=names, roles=False, urls=False), max_size=2).map(tuple),
        media=_media(),
        body=_body_blocks().map(tuple),
        notes=False,
        extras=kept,
    ).filter(
        lambda a: (
            _plain_ok(a.title)
            and _plain_ok(a.section)
            and _plain_ok(a.publisher)
            and all(_plain_ok(t) for t in a.tags)
            and _whole(a.published)
            and _media_ok(a.media)
            and _body_ok(a)
        )
    )


def atom_articles() -> st.SearchStrategy[Article]:
    """The articles an Atom 1.0 feed of one entry carries exactly."""
    kept = st.fixed_dictionaries(
        {},
        optional={
            "atom.id": st.just("tag:example.org,2024:1"),
            "atom.rights": nps.text(max_size=30),
            "atom.feed_link": nps._urls(),
        },
    )
    return nps.articles(
        authors=st.lists(nps.authors(roles=st.none() | st.just("contributor")), max_size=3).map(
            tuple
        ),
        media=_media(),
        body=_body_blocks().map(tuple),
        notes=False,
        extras=kept,
    ).filter(
        lambda a: (
            _media_ok(a.media)
            and _body_ok(a)
            and a.updated != a.published
            and EPOCH not in (a.published, a.updated)
            and not (a.url is not None and a.url.startswith("urn:newsparse:"))
        )
    )


def one_feed(articles: list[Article]) -> bool:
    """Articles one feed can hold: one publisher, language, link (the feed's own)."""
    if not articles:
        return True
    first = articles[0]
    same = ("publisher", "language")
    return all(
        all(getattr(a, f) == getattr(first, f) for f in same)
        and all(a.extras.get(k) == first.extras.get(k) for k in ("rss.feed_link", "atom.feed_link"))
        for a in articles
    )


def as_one_feed(articles: list[Article]) -> list[Article]:
    """The articles with the first one's publisher, language and feed link (one channel)."""
    if not articles:
        return articles
    import attrs

    first = articles[0]
    keys = ("rss.feed_link", "atom.feed_link")
    out = []
    for a in articles:
        extras = {k: v for k, v in a.extras.items() if k not in keys}
        extras.update({k: first.extras[k] for k in keys if k in first.extras})
        out.append(
            attrs.evolve(a, publisher=first.publisher, language=first.language, extras=extras)
        )
    return out


def read_all(name: str, **options: Any) -> list[Article]:
    return list(newsparse.read_many(DATA / name, **options))


# ---------------------------------------------------------------------------
# published layouts


def test_wordpress_rss2() -> None:
    first, second = read_all("wordpress-rss2.xml")
    assert first.title == "Council approves new bridge over Mill Creek – construction starts in May"
    assert first.url == "https://ledger.example.com/2024/03/06/council-approves-bridge/"
    assert first.authors == (Author("Priya Natarajan"), Author("Tom Whitcombe"))
    assert first.published == datetime(2024, 3, 6, 13, 45, tzinfo=timezone.utc)
    assert first.tags == ("Local Government", "bridges", "Mill Creek")
    assert first.publisher == "The Millbrook Ledger"
    assert first.language == "en-US"
    assert first.subtitle is not None
    assert first.subtitle.startswith("The 5-2 vote")
    assert first.subtitle.endswith("“It’s overdue,” the mayor said. […]")
    assert [b.type for b in first.body] == [
        "paragraph", "heading", "paragraph", "media", "quote", "list",
    ]  # fmt: skip
    assert (
        first.body[2].text
        == "The bridge will cost $4.2\u00a0million, most of it from a state grant."
    )
    assert first.body[4] == Quote("“It’s overdue.”", attribution="Mayor Lena Ortiz")
    assert first.media == (
        Media(
            url="https://ledger.example.com/wp-content/uploads/2024/03/council.jpg",
            caption="Council members vote on Tuesday.",
            credit="Ledger photo / Ana Ruiz",
            alt="Council chamber",
        ),
    )
    assert first.extras["rss.guid"] == "https://ledger.example.com/?p=48213"
    assert first.extras["rss.feed_link"] == "https://ledger.example.com"
    assert second.media[0].url.endswith("robot.jpg")  # an enclosure


def test_rfc822_zone_names_are_their_fixed_offsets() -> None:
    water, live = read_all("news-site-rss2.xml")
    assert water.published.isoformat() == "2024-03-07T23:48:05-05:00"  # EST
    assert live.published.isoformat() == "2022-07-08T08:02:00-07:00"  # PDT
    assert water.authors == (Author("Rosa Delgado"), Author("Kwame Asante"))
    assert live.authors == ()  # an empty dc:creator on a live page
    assert water.body[0].text.startswith("The bill now heads")  # escaped HTML description
    assert water.subtitle is None
    assert [m.url.rsplit("/", 1)[1] for m in water.media] == ["senate-hearing.jpg"]


def test_rss1_rdf() -> None:
    (a,) = read_all("rdf-rss1.xml")
    assert a.title == "フェリー、3日ぶりに運航再開"
    assert a.published.isoformat() == "2024-03-05T09:30:00+09:00"
    assert a.authors == (Author("山田 花子"),)
    assert a.tags == ("交通",)
    assert a.language == "ja"
    assert len(a.body) == 2
    assert a.subtitle == "強風で欠航していたフェリーが運航を再開した。"


def test_rss091_latin1_with_netscape_doctype() -> None:
    (a,) = newsparse.read_many((DATA / "netscape-rss091.xml").read_bytes(), "rss")
    assert a.title == "Frost warning for the lower valley"
    assert a.body[0].text.endswith("lows near -3 °C.")
    assert a.language == "en-gb"
    assert a.published is None
    assert "rss._repairs" not in a.extras


def test_atom1_blog() -> None:
    first, second = read_all("blog-atom1.xml")
    assert first.title == "Vinícolas antecipam a colheita"  # type="html": markup dropped
    assert first.authors == (
        Author("Beatriz Moraes", url="https://diario.example.com.br/autores/beatriz"),
        Author("João Pedro Lima", role="contributor"),
    )
    assert first.published.isoformat() == "2024-03-05T08:00:00-03:00"
    assert first.updated.isoformat() == "2024-03-05T18:20:00-03:00"
    assert first.section == "Economia"
    assert first.tags == ("vinho",)
    assert first.language == "pt-BR"
    assert first.publisher == "Diário da Serra"
    assert first.subtitle == "O calor adiantou a maturação das uvas em duas semanas."
    assert first.body[1] == Heading("Menos chuva", level=2)
    assert first.media[0].caption == "Uvas na Serra"
    assert first.extras["atom.id"] == "tag:diario.example.com.br,2024:post-9812"
    assert second.updated is None  # updated == published: never updated
    assert second.url == "https://diario.example.com.br/2024/03/pinhao"


def test_atom03() -> None:
    (a,) = read_all("legacy-atom03.xml")
    assert a.published.isoformat() == "2005-07-31T08:29:29-04:00"
    assert a.updated.isoformat() == "2005-07-31T12:29:29+00:00"
    assert a.body[0].text == "Repainted horses, same old organ."
    assert a.extras["atom.feed_description"] == "Notes from the boardwalk"


# ---------------------------------------------------------------------------
# broken feeds


def test_broken_feed_raises_on_the_first_problem_by_default() -> None:
    with pytest.raises(ParseError) as info:
        read_all("broken-rss2.xml")
    error = info.value
    assert error.message.startswith("item 3:")
    assert error.line is not None
    assert error.column is not None
    assert error.excerpt


def test_broken_feed_keep_reads_what_can_be_read_and_reports_the_rest() -> None:
    problems: list[ParseError] = []
    a, b, c, d = read_all("broken-rss2.xml", errors="keep", on_error=problems.append)
    assert a.title == "Q&A: the new harbor master’s plans"  # bare & and &rsquo;
    assert a.publisher == "Bayside Bulletin & Review"
    assert a.body[0].text == "She talks dredging, fees & the ferry."
    assert b.title == "Breaking: pier closed after storm"  # HTML in the title
    assert b.published is None  # no date: nothing invented, nothing reported
    assert b.body[0].text == "Crews found cracks in two pilings."
    assert c.title == "Café owners split on parking plan"  # a Windows-1252 byte
    assert c.published is None
    assert c.extras["rss._unread"] == {"pubDate": "sometime last week"}
    assert d.published == datetime(2024, 3, 2, 6, tzinfo=timezone.utc)
    assert [p.message for p in problems] == [
        "item 3: the undefined entity &foo; kept as text",
        "item 3: <pubDate> 'sometime last week' is not a date",
    ]
    assert all(p.line and p.excerpt for p in problems)
    assert c.extras["rss._problems"] == tuple(p.message for p in problems)


def test_broken_feed_skip_and_warn() -> None:
    seen: list[ParseError] = []
    titles = [a.title for a in read_all("broken-rss2.xml", on_error=seen.append)]
    assert len(titles) == 3
    assert "Café owners split on parking plan" not in titles
    assert len(seen) == 2
    with pytest.warns(newsparse.BadItemWarning):
        assert len(read_all("broken-rss2.xml", errors="warn")) == 3


@pytest.mark.parametrize(
    "title", ["Bad <b>bold</title>", "Bad bold</b></title>", "Bad <br> bold</title>"]
)
def test_raw_markup_in_a_title_is_read_as_text(title: str) -> None:
    doc = (
        '<rss version="2.0"><channel><title>T</title>\n'
        "<item><title>Good</title><link>https://x.example/1</link></item>\n"
        f"<item><title>{title}<link>https://x.example/2</link></item>\n"
        "<item><title>Also good</title><link>https://x.example/3</link>\n"
        "<description><![CDATA[<svg><title>kept</title></svg>]]></description></item>\n"
        "</channel></rss>"
    )
    items = list(newsparse.read_many(doc, "rss"))  # no problem: nothing is lost
    assert [a.title for a in items] == ["Good", "Bad bold", "Also good"]
    assert items[1].extras["rss._repairs"] == ("markup inside <title> read as text",)
    assert "rss._repairs" not in items[2].extras


def test_broken_structure_inside_an_item_is_its_problem() -> None:
    doc = (
        '<rss version="2.0"><channel><title>T</title>\n'
        "<item><title>Good</title><link>https://x.example/1</link></item>\n"
        "<item><title>Bad</title><description>never closed<link>https://x.example/2</link>"
        "</item>\n</channel></rss>"
    )
    problems: list[ParseError] = []
    items = list(newsparse.read_many(doc, "rss", on_error=problems.append))
    assert [a.url for a in items] == ["https://x.example/1"]
    assert problems
    assert all(p.message.startswith("item 2: not well-formed XML") for p in problems)
    assert problems[0].line == 3
    with pytest.raises(ParseError, match="item 2"):
        list(newsparse.read_many(doc, "rss"))


def test_not_a_feed() -> None:
    with pytest.raises(ParseError, match="not a feed"):
        newsparse.read("<html><body/></html>", "rss")
    with pytest.raises(ParseError, match=r"use newsparse\.read_many"):
        newsparse.read(DATA / "wordpress-rss2.xml")
    with pytest.raises(ParseError, match="errors must be"):
        list(newsparse.read_many(DATA / "wordpress-rss2.xml", errors="ignore"))


def test_entity_declarations_are_refused_even_in_tolerant_feeds() -> None:
    doc = '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel/></rss>'
    with pytest.raises(ParseError, match="declares entities"):
        newsparse.read(doc, "rss")


# ---------------------------------------------------------------------------
# writing


def test_written_feeds_are_valid_shapes() -> None:
    from lxml import etree

    articles = read_all("wordpress-rss2.xml")
    rss = "".join(newsparse.write_many(articles, "rss"))
    root = etree.fromstring(rss.encode())
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root[0]
    assert [c.tag for c in channel][:3] == ["title", "link", "description"]
    assert len(channel.findall("item")) == 2
    atom = "".join(newsparse.write_many(articles, "rss", feed="atom"))
    root = etree.fromstring(atom.encode())
    ns = "{http://www.w3.org/2005/Atom}"
    assert root.tag == ns + "feed"
    for entry in root.findall(ns + "entry"):
        assert entry.find(ns + "id") is not None
        assert entry.find(ns + "updated") is not None
    assert [a.title for a in newsparse.read_many(atom, "atom")] == [a.title for a in articles]
    assert list(newsparse.read_many(rss, "rss")) == articles


def test_feed_options() -> None:
    text = newsparse.write(Article("T"), "rss", title="Desk", link="https://x.example/")
    a = newsparse.read(text, "rss")
    assert a.publisher == "Desk"
    assert a.extras["rss.feed_link"] == "https://x.example/"
    with pytest.raises(newsparse.OptionError, match="the rss writer has no option 'colour'"):
        newsparse.write(Article("T"), "rss", colour="red")
    with pytest.raises(newsparse.OptionError, match="option 'title' of the rss writer must be"):
        newsparse.write(Article("T"), "rss", title=3)
    with pytest.raises(newsparse.WriteError, match="feed="):
        newsparse.write(Article("T"), "rss", feed="json")


def test_rfc822_offsets_are_written_as_given() -> None:
    when = datetime(2024, 3, 5, 9, 30, 15, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    text = newsparse.write(Article("T", published=when), "rss")
    assert "<pubDate>Tue, 05 Mar 2024 09:30:15 +0530</pubDate>" in text


@settings(max_examples=25)
@given(st.lists(rss_articles(), max_size=4).map(as_one_feed))
def test_rss_and_atom_agree_on_what_both_carry(articles: list[Article]) -> None:
    rss = list(newsparse.read_many("".join(newsparse.write_many(articles, "rss")), "rss"))
    atom = list(newsparse.read_many("".join(newsparse.write_many(articles, "atom")), "atom"))
    for a, b in zip(rss, atom, strict=True):
        assert (a.title, a.url, a.published, a.tags, a.section) == (
            b.title, b.url, b.published, b.tags, b.section,
        )  # fmt: skip
        assert [x.name for x in a.authors] == [x.name for x in b.authors]


@pytest.mark.parametrize("text", ["&#0;", "&amp; co", "Fish &lt;fresh&gt;", "a <b> c"])
def test_atom_text_constructs_are_not_decoded_twice(text: str) -> None:
    # type="text" content is text: an entity-looking string in it is not HTML
    article = Article("Harbour reopens", extras={"atom.rights": text})
    assert newsparse.read(newsparse.write(article, "atom"), "atom").extras["atom.rights"] == text
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Port news</title>'
        f'<subtitle type="text">{text.replace("&", "&amp;").replace("<", "&lt;")}</subtitle>'
        "<entry><title>Harbour reopens</title><id>urn:x:1</id>"
        "<updated>2024-03-05T09:30:00Z</updated></entry></feed>"
    )
    (entry,) = newsparse.read_many(feed, "atom")
    assert text in entry.extras.values()
