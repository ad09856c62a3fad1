"""Every built-in format runs the public conformance kit, as a plugin author's would.

Known, documented losses live in each class (its ``articles()`` domain and capability
flags), all in this one file; the last test fails when a registered format has no class.
"""

from __future__ import annotations

from typing import Any, ClassVar

from hypothesis import strategies as st

import newsparse
from newsparse import Article
from newsparse.testing import strategies
from newsparse.testing.conformance import FormatConformance
from test_feeds import as_one_feed, atom_articles, rss_articles
from test_jsonld import jsonld_articles
from test_markdown import markdown_articles
from test_newsmlg2 import newsmlg2_articles
from test_ninjs import ninjs_articles
from test_nitf import nitf_articles


class TestWire(FormatConformance):
    format_name = "wire"
    read_options: ClassVar[dict[str, Any]] = {"strict": False}

    def articles(self) -> st.SearchStrategy[Article]:
        return strategies.wire_articles()

    def many_articles(self) -> st.SearchStrategy[list[Article]]:
        # in a file of several articles, each but the last ends in a line break: an
        # article written without a final newline keeps that layout only at the end
        return st.lists(self.articles(), max_size=3).filter(
            lambda items: all(a.extras.get("wire.final_newlines", 2) > 0 for a in items[:-1])
        )


class TestJson(FormatConformance):
    format_name = "json"


class TestJsonLines(FormatConformance):
    format_name = "jsonl"
    # One JSON Lines record is also a JSON document: detection rightly prefers `json`,
    # which reads it to the same Article. Multi-record detection is tested in test_jsonl.
    sniffs = False


class TestHtml(FormatConformance):
    format_name = "html"
    cannot_carry = "\x00"  # parsers drop U+0000 (or read U+FFFD); the writer refuses it

    def articles(self) -> st.SearchStrategy[Article]:
        # the writer is lossless: its domain is every Article the strategies generate
        return strategies.articles()


class TestJsonld(FormatConformance):
    format_name = "jsonld"

    def articles(self) -> st.SearchStrategy[Article]:
        return jsonld_articles  # the lossy fields are listed in docs/formats/jsonld.md


class TestNinjs(FormatConformance):
    format_name = "ninjs"

    def articles(self) -> st.SearchStrategy[Article]:
        return ninjs_articles()


class TestNitf(FormatConformance):
    format_name = "nitf"

    def articles(self) -> st.SearchStrategy[Article]:
        return nitf_articles()  # the lossy fields are listed in docs/formats/nitf.md


class TestNewsmlg2(FormatConformance):
    format_name = "newsmlg2"

    def articles(self) -> st.SearchStrategy[Article]:
        return newsmlg2_articles()  # the lossy fields are listed in docs/formats/newsmlg2.md

    def many_articles(self) -> st.SearchStrategy[list[Article]]:
        return st.lists(self.articles(), max_size=2)


class TestRss(FormatConformance):
    format_name = "rss"

    def articles(self) -> st.SearchStrategy[Article]:
        return rss_articles()  # the lossy fields are listed in docs/formats/rss.md

    def many_articles(self) -> st.SearchStrategy[list[Article]]:
        return st.lists(self.articles(), max_size=2).map(as_one_feed)  # one channel


class TestAtom(FormatConformance):
    format_name = "atom"

    def articles(self) -> st.SearchStrategy[Article]:
        return atom_articles()  # the lossy fields are listed in docs/formats/atom.md

    def many_articles(self) -> st.SearchStrategy[list[Article]]:
        return st.lists(self.articles(), max_size=2).map(as_one_feed)


class TestMarkdown(FormatConformance):
    format_name = "markdown"

    def articles(self) -> st.SearchStrategy[Article]:
        return markdown_articles()  # the few losses are listed in docs/formats/markdown.md


class TestText(FormatConformance):
    format_name = "text"
    # lossy by design: the reader takes any text as a title and paragraphs, so only the
    # canonical form holds (what it writes, read and written again, is the same text)
    round_trip = False


def test_every_registered_format_runs_the_kit() -> None:
    """A format registered without a conformance class here fails, the day it lands."""
    covered = {
        value.format_name
        for value in globals().values()
        if isinstance(value, type) and issubclass(value, FormatConformance)
    }
    registered = {spec.name for spec in newsparse.formats()}
    missing = registered - covered
    assert not missing, f"formats without a FormatConformance class in tests/: {missing}"
