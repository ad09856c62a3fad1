"""Every built-in format runs the public conformance kit, as a plugin author's would."""

from __future__ import annotations

from typing import Any, ClassVar

from hypothesis import strategies as st

from newsparse import Article
from newsparse.testing import strategies
from newsparse.testing.conformance import FormatConformance


class TestWire(FormatConformance):
    format_name = "wire"
    read_options: ClassVar[dict[str, Any]] = {"strict": False}

    def articles(self) -> st.SearchStrategy[Article]:
        return strategies.wire_articles()


class TestJson(FormatConformance):
    format_name = "json"


class TestJsonLines(FormatConformance):
    format_name = "jsonl"
    # One JSON Lines record is also a JSON document: detection rightly prefers `json`,
    # which reads it to the same Article. Multi-record detection is tested in test_jsonl.
    sniffs = False
