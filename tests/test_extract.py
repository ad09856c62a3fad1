"""Main-content extraction from real-looking pages (``html`` reader, ``_body``/``_extract``).

The fixtures in ``tests/data/extract/`` are invented pages; the corpus-wide check reads the
shared benchmark corpus when it is there (``../shared``) and skips cleanly otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import Heading, ListBlock, MediaBlock, Paragraph, Quote

DATA = Path(__file__).parent / "data" / "extract"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "article-extraction-benchmark"


def read(name: str, **options: object) -> newsparse.Article:
    return newsparse.read((DATA / name).read_bytes(), "html", **options)


def test_news_page_keeps_the_article_and_drops_the_furniture() -> None:
    a = read("news.html")
    kinds = [type(b).__name__ for b in a.body]
    assert kinds == [
        "Paragraph",
        "Paragraph",
        "Heading",
        "Paragraph",
        "ListBlock",
        "Quote",
        "MediaBlock",
        "Heading",
        "Paragraph",
        "Paragraph",
    ]
    first = a.body[0]
    assert isinstance(first, Paragraph)
    assert first.text.startswith("PORT ELLEN (Coast Courier) — Ferry fares")  # the dateline stays
    heading = a.body[2]
    assert isinstance(heading, Heading)
    assert (heading.text, heading.level) == ("What changes for riders", 2)
    items = a.body[4]
    assert isinstance(items, ListBlock)
    assert items.items[2] == "children under twelve still ride free"
    quote = a.body[5]
    assert isinstance(quote, Quote)
    assert quote.text.startswith("We held the line")
    assert quote.attribution == "Mara Quinn, board chair"
    figure = a.body[6]
    assert isinstance(figure, MediaBlock)
    assert (figure.media.caption, figure.media.credit) == (
        "Riders wait at the north dock.",
        "Photo: Ben Ode",
    )
    # byline, caption, note: in their fields, not in the body
    assert [x.name for x in a.authors] == ["Ann Lee"]
    assert a.media[0].caption == "The morning ferry leaves the north dock."
    assert a.notes == ("Omar Haddad contributed to this report.",)
    text = " ".join(getattr(b, "text", "") for b in a.body)
    for furniture in (
        "Share on",
        "Bridge tolls",
        "outrageous",
        "newsletter",
        "All rights",
        "By Ann",
    ):
        assert furniture not in text
    assert a.extras["html.provenance"]["body"] == "paragraphs"


def test_cjk_page() -> None:
    a = read("cjk.html")
    assert [type(b) for b in a.body] == [Paragraph, Paragraph, Paragraph]
    assert a.body[0].text.startswith("港を結ぶフェリー")  # type: ignore[union-attr]
    assert all("橋の通行料" not in b.text for b in a.body)  # type: ignore[union-attr]


def test_body_only_in_jsonld() -> None:
    a = read("jsonld-only.html")
    assert [b.text for b in a.body] == [  # type: ignore[union-attr]
        "The town library will open on Sundays from February.",
        "Opening hours will be from ten to two.",
    ]
    assert a.extras["html.provenance"]["body"] == "json-ld:articleBody"


def test_page_without_an_article_has_no_body() -> None:
    a = read("no-article.html")
    assert a.title == "Coast Courier: section index"
    assert a.body == ()


def test_text_in_divs_between_line_breaks() -> None:
    sentence = "The council met on Monday evening and voted on the harbour budget for next year."
    page = (
        "<html><head><title>t</title></head><body><div class='menu'><a href='/'>Home</a></div>"
        f"<div class='post'>{sentence}<br><br>{sentence.upper()}<br><br>"
        f"<b>Bold</b> words inside a line, still one line of {len(sentence)} letters.</div>"
        "</body></html>"
    )
    a = newsparse.read(page, "html")
    assert [b.text for b in a.body] == [  # type: ignore[union-attr]
        sentence,
        sentence.upper(),
        f"Bold words inside a line, still one line of {len(sentence)} letters.",
    ]


def test_article_split_over_several_containers() -> None:
    # the body comes in chunks (between promos) under different parents; a one-paragraph
    # box of the same class in the side rail is not part of it
    a = read("split-article.html")
    texts = [b.text for b in a.body]  # type: ignore[union-attr]
    assert len(texts) == 10
    assert texts[0].startswith("GULL POINT")
    assert texts[6].startswith("The Vargas will climb")
    assert texts[-1].startswith("The contract runs")
    assert not any("weekend letter" in t or "Subscribe" in t for t in texts)


def test_data_table_rows_become_paragraphs() -> None:
    a = read("data-table.html")
    texts = [b.text for b in a.body]  # type: ignore[union-attr]
    assert texts[2:7] == [
        "Pos. | Crew | Points | Wins",
        "1 | Blue Heron | 41 | 2",
        "2 | Salt & Tar | 38 | 1",
        "3 | Wavebreaker | 38 | 1",  # the same cells as the row above: kept
        "4 | Little Auk | 30 | 0",
    ]
    assert texts[-1].startswith("The next round")


def test_paragraph_divs_beside_the_main_container() -> None:
    # the lead paragraphs are divs (one in a wrapper) next to the container of the rest
    a = read("div-paragraphs.html")
    texts = [b.text for b in a.body]  # type: ignore[union-attr]
    assert len(texts) == 10
    assert texts[0].startswith("The Friday night market")
    assert texts[1] == "Stallholders asked for the move."
    assert texts[3].startswith("Neighbours of the car park")
    assert texts[-1].startswith("If the summer goes well")


def test_embedded_post_is_a_quote() -> None:
    a = read("embedded-post.html")
    quotes = [b for b in a.body if isinstance(b, Quote)]
    assert [q.text for q in quotes] == [
        "Our smallest passenger yet refused to buy a ticket. "
        "The 8:40 will leave a little late today, sorry!"
    ]
    assert not any("hidden quote" in getattr(b, "text", "") for b in a.body)
    assert len(a.body) == 5


def test_site_rules_pick_the_body_and_drop_elements() -> None:
    page = (
        (DATA / "news.html")
        .read_text(encoding="utf-8")
        .replace("<head>", '<head><link rel="canonical" href="https://www.courier.example/ferry">')
    )
    rules = {"courier.example": {"body": "section.comments", "drop": ["div.comment + div"]}}
    a = newsparse.read(page, "html", rules=rules)
    texts = [getattr(b, "text", "") for b in a.body]
    assert any("outrageous" in t for t in texts)
    assert not any("evening shift" in t for t in texts)
    # another host: the rules do not apply
    other = newsparse.read(
        page.replace("courier.example", "elsewhere.example"), "html", rules=rules
    )
    assert not any("outrageous" in getattr(b, "text", "") for b in other.body)
    # a callable works too; "*" applies everywhere
    seen: list[str | None] = []

    def by_url(url: str | None) -> dict[str, object] | None:
        seen.append(url)
        return {"drop": [".article-body h2"]}

    c = newsparse.read(page, "html", rules=by_url)
    assert seen == ["https://www.courier.example/ferry"]
    assert not any(isinstance(b, Heading) for b in c.body)
    d = newsparse.read(page, "html", rules={"*": {"drop": ["blockquote"]}})
    assert not any(isinstance(b, Quote) for b in d.body)


def test_bad_rules_raise() -> None:
    # a list is neither a mapping nor a callable: the option's type is wrong
    with pytest.raises(newsparse.OptionError, match="option 'rules' of the html reader"):
        read("news.html", rules=["not", "rules"])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared benchmark corpus is not here")
def test_every_corpus_page_reads_with_a_body() -> None:
    truth = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((CORPUS / "html").glob("*.html"))
    assert pages
    empty = []
    for path in pages:
        article = newsparse.read(path.read_bytes(), "html")
        text = [b for b in article.body if not isinstance(b, MediaBlock)]
        if not text and truth.get(path.stem, {}).get("articleBody"):
            empty.append(path.stem)
    assert empty == []


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        ("share-box", True),
        ("SHARE-BOX", True),
        ("Related-Stories", True),
        ("ſhare", True),  # the long s folds to "s": a non-ASCII name keeps full case folding
        ("story-body", False),
        ("Story-Body", False),
        ("clearfix", False),
    ],
)
def test_class_words_match_in_any_case(name: str, furniture: bool) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from newsparse._formats.html._extract._features import hints

    node = LexborHTMLParser(f'<div class="{name}">x</div>').css_first("div")
    assert node is not None
    assert hints(node)[0] is furniture


_TRICKY = " \t\n\r\x0b\x0c\x1c\x85\xa0\u2029\u3000,;،，、；ab語한"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_TRICKY, max_size=30) | st.text(alphabet=" a,語", max_size=12) | st.text())
def test_text_measures_keep_their_definitions(text: str) -> None:
    """The fast paths of the text measures agree with their plain definitions."""
    from newsparse._formats.html._body import _short
    from newsparse._formats.html._extract._features import WIDE, commas, dense, norm, size

    assert norm(text) == " ".join(text.split())
    wide = 2 * len(WIDE.findall(text))
    assert dense(text) == len(text) - sum(text.count(c) for c in " \n\t\r") + wide
    marks = ",،，、;；" if not text.isascii() else ",;"
    assert commas(text) == sum(text.count(c) for c in marks)
    words = max(len(text.split()), size(text) // 6 if not text.isascii() else 0)
    for bound in (0, 1, 2, 6):
        assert _short(text, bound) is (words <= bound)
