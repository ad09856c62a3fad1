"""ninjs runs the public conformance kit over its round-trip domain."""

from __future__ import annotations

from hypothesis import strategies as st

from newsparse import Article
from newsparse.testing.conformance import FormatConformance
from test_ninjs import ninjs_articles


class TestNinjs(FormatConformance):
    format_name = "ninjs"

    def articles(self) -> st.SearchStrategy[Article]:
        return ninjs_articles()
