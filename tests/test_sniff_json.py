"""The JSON-family sniffers look at structure (top-level keys), never at substrings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import newsparse
from newsparse import Article, Author
from newsparse._json.head import scan
from newsparse.testing import strategies as nps

# strings that a substring test would take for structure
TRAPS = (
    "newsparse",
    '"newsparse"',
    '"newsparse":',
    "@context",
    '"@context"',
    "uri",
    '"uri"',
    "title",
    '"title"',
    "schema.org",
    "ninjs",
    '"name": "ninjs"',
    "ninjs-schema_2.2.json",
    '{"newsparse": "1.0"}',
)


def test_a_tag_reading_newsparse_is_still_ninjs() -> None:
    text = newsparse.write(Article("0", tags=("newsparse",)), "ninjs")
    assert newsparse.detect_format(text) == "ninjs"


@given(
    title=st.sampled_from(TRAPS) | nps.text(max_size=20),
    tags=st.lists(st.sampled_from(TRAPS), max_size=4, unique=True),
    author=st.sampled_from(TRAPS),
)
def test_trap_strings_in_values_do_not_change_detection(
    title: str, tags: list[str], author: str
) -> None:
    article = Article(title, tags=tags, authors=[Author(author)], url="https://example.org/a")
    for fmt in ("ninjs", "json", "jsonld"):
        assert newsparse.detect_format(newsparse.write(article, fmt)) == fmt
    lines = "".join(newsparse.write_many([article, article], "jsonl"))
    assert newsparse.detect_format(lines) == "jsonl"


def test_ninjs_sniffer_reads_the_standard_structurally() -> None:
    sniff = newsparse.get_format("ninjs").load("sniffer")
    assert sniff is not None
    declared = '{"uri": "urn:x", "standard": {"name": "ninjs", "version": "2.2"}}'
    assert sniff(declared) == 0.95
    schema = '{"uri": "urn:x", "$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.1.json"}'
    assert sniff(schema) == 0.95
    nested_only = '{"uri": "urn:x", "extra": {"standard": {"name": "ninjs"}}, "a": 1}'
    assert sniff(nested_only) == 0.3
    assert sniff('{"uri": "urn:x", "headlines": [') == 0.8
    assert sniff('{"title": "a", "tags": ["uri"]}') == 0.0
    assert sniff('{"uri": "x", "newsparse": "1.0"}') == 0.05


def test_json_sniffer_reads_keys_not_strings() -> None:
    sniff = newsparse.get_format("json").load("sniffer")
    assert sniff is not None
    assert sniff('{"newsparse": "1.0", "title": "T"}') == 0.95
    assert sniff('{"title": "T", "newsparse": "1.0"}') == 0.7
    assert sniff('{"title": "newsparse", "tags": ["newsparse", "title"]}') == 0.1
    assert sniff('{"newsparse":"1.0","title":"a"}\n{"newsparse":"1.0","title":"b"}') == 0.4
    assert sniff('["newsparse"]') == 0.0


def test_scan_top_level() -> None:
    found = scan('\ufeff {"a": {"b": [1, {"c": "}"}]}, "d\\u0065": "x\\"y", "e": 2}  tail')
    assert found is not None
    assert found.members == {"a": '{"b": [1, {"c": "}"}]}', "de": '"x\\"y"', "e": "2"}
    assert found.complete
    assert found.rest == "tail"


def test_scan_a_head_cut_anywhere() -> None:
    text = '{"uri": "urn:x", "subjects": [{"name": "newsparse"}], "headlines": [{"v": "a\\"b"}]}'
    for cut in range(len(text)):
        found = scan(text[:cut])
        if found is None:
            assert cut == 0
            continue
        assert set(found.members) <= {"uri", "subjects", "headlines"}
        assert not found.complete
    assert scan("not json") is None
    assert scan('"a string"') is None


def test_scan_is_linear_on_escapes_and_quotes() -> None:
    """A head of cut strings and escapes is tokenized in one pass (counted in tokens)."""
    from newsparse._json import head as _jsonhead

    for head in ('{"a": "' + '\\"' * 4000, '{"' + '"' * 8000, "{" + '"a":1,' * 1300):
        tokens = sum(1 for _ in _jsonhead._TOKEN.finditer(head))
        assert tokens <= len(head)
        assert sum(len(m.group()) for m in _jsonhead._TOKEN.finditer(head)) == len(head)
