"""The html format runs the public conformance kit over every generated Article."""

from __future__ import annotations

from hypothesis import strategies as st

from newsparse import Article
from newsparse.testing import strategies
from newsparse.testing.conformance import FormatConformance


class TestHtml(FormatConformance):
    format_name = "html"

    def articles(self) -> st.SearchStrategy[Article]:
        # the writer is lossless: its domain is every Article the strategies generate
        return strategies.articles()
