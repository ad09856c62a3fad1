"""Main-content extraction stays linear on adversarial shapes, and its measures are exact.

Growth is checked by ratio: the extraction of a page four times larger may take at most
:data:`MAX_GROWTH` times longer (a quadratic step takes about 16 times longer). Each size
is timed in process CPU time (not wall-clock), as the best of several runs with the
garbage collector paused, so the ratio is about the work done, not about a busy machine.
The second extractor (Readability's algorithm) is checked on the same shapes and on
shapes of its own (phrasing runs between blocks and ``<br>`` chains, paragraphs wrapped
one per ``div``, data tables, many siblings, many headings to compare with the title).
The measuring pass is also checked against a direct computation on generated trees.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from _growth import LINEAR
from newsparse._formats.html._body import extract_body, prepare, second_opinion
from newsparse._formats.html._extract import measure
from newsparse._formats.html._extract._features import dense
from newsparse._formats.html._extract._measure import BLOCKS, Page
from newsparse._formats.html._reader import parse

MAX_GROWTH = LINEAR  # linear work measures about 4x, quadratic about 16x
SENTENCE = "The harbour board met again on Monday, and it voted, at last, on the new fares. "

SHAPES: dict[str, Callable[[int], str]] = {
    "nested tables, text innermost": lambda n: (
        "<table><tr><td>" * n + SENTENCE + "</td></tr></table>" * n
    ),
    "nested tables, text in every cell": lambda n: ("<table><tr><td>" + SENTENCE) * n,
    "nested divs, a paragraph innermost": lambda n: (
        "<div>" * n + "<p>" + SENTENCE + "</p>" + "</div>" * n
    ),
    "nested divs, text in every div": lambda n: ("<div>" + SENTENCE) * n,
    "div and paragraph never closed": lambda n: ("<div><p>" + SENTENCE + "</p>") * n,
    "nested spans with text": lambda n: ("<span>" + SENTENCE) * n,
    "nested block quotes": lambda n: ("<blockquote>" + SENTENCE) * n,
    "nested lists": lambda n: ("<ul><li>" + SENTENCE) * n,
    "blocks inside spans, nested": lambda n: ("<span><div>" + SENTENCE) * n,
    "nested links in paragraphs": lambda n: ("<p><b><a href='/x'>" + SENTENCE) * n,
    "same-class parts, nested": lambda n: (
        ("<div class='part'><div class='story'><p>" + SENTENCE + "</p><p>" + SENTENCE + "</p>") * n
    ),
    "line breaks": lambda n: "<div>" + "a short line<br>" * n + "</div>",
    "nested noscript fallbacks": lambda n: ("<noscript><p>" + SENTENCE + "</p>") * n,
}


SECOND_SHAPES: dict[str, Callable[[int], str]] = {
    **SHAPES,
    "phrasing runs between blocks": lambda n: (
        "<div>" + ("run of text, <b>bold</b> and more<br><br>" + "<p>x</p>") * n + "</div>"
    ),
    "paragraphs wrapped one per div": lambda n: ("<div><div><p>" + SENTENCE + "</p></div>") * n,
    "a data table": lambda n: (
        "<table><caption>Fares</caption>"
        + "<tr><td>" + SENTENCE + "</td><td>2</td><td>3</td></tr>" * n
        + "</table>"
    ),
    "many siblings": lambda n: "<div>" + ("<p>" + SENTENCE + "</p><div>ad</div>") * n + "</div>",
    "many headings": lambda n: ("<h2>Fares rise again on the harbour line</h2><p>x</p>") * n,
    "long class values": lambda n: (
        "<div class='" + " ".join(f"c{k}" for k in range(n)) + "'><p>" + SENTENCE + "</p></div>"
    ),
}  # fmt: skip


def _page(body: str) -> str:
    return f"<html><head><title>Fares</title></head><body>{body}</body></html>"


def _seconds(html: str, prepare_page: Callable[[str], Any], run: Callable[[Any], object]) -> float:
    """The least CPU time of three runs of ``run`` on a freshly prepared page."""
    best = float("inf")
    for _ in range(3):
        prepared = prepare_page(html)
        gc.disable()  # collected once per test (a session's heap makes each collection slow)
        try:
            start = time.process_time()
            run(prepared)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def _growth(
    shape: str,
    make: Callable[[int], str],
    n: int,
    prepare_page: Callable[[str], Any],
    run: Callable[[Any], object],
) -> None:
    """Assert that ``run`` takes at most :data:`MAX_GROWTH` times longer at 4x the page."""
    growth = []
    gc.collect()
    for _attempt in range(3):  # a busy machine can stall one size: the best of three
        small = _seconds(_page(make(n)), prepare_page, run)
        large = _seconds(_page(make(4 * n)), prepare_page, run)
        growth.append(large / small)
        if growth[-1] < MAX_GROWTH:
            break
    assert min(growth) < MAX_GROWTH, f"{shape}: x{min(growth):.1f} at 4x the size"


def _parsed(html: str) -> LexborHTMLParser:
    return parse(html)[0]


def _measured(html: str) -> Page:
    return prepare(parse(html)[0], None, None)[0]


@pytest.mark.parametrize("shape", list(SHAPES))
def test_extraction_time_grows_linearly(shape: str) -> None:
    _growth(shape, SHAPES[shape], 500, _parsed, lambda tree: extract_body(tree, []))


@pytest.mark.parametrize("shape", list(SECOND_SHAPES))
def test_second_extractor_time_grows_linearly(shape: str) -> None:
    _growth(shape, SECOND_SHAPES[shape], 300, _measured, lambda page: second_opinion(page, "Fares"))


def test_deeply_nested_text_is_not_lost() -> None:
    # the emitting walk uses a stack, so text far below the chosen container still comes out
    blocks, _notes, _source = extract_body(
        parse(_page(SHAPES["nested divs, text in every div"](400)))[0], []
    )
    texts = [getattr(b, "text", "") for b in blocks]
    assert len(texts) == 400
    assert all(t == SENTENCE.strip() for t in texts)


_TAGS = ["div", "p", "span", "a", "b", "section", "td", "li", "br", "blockquote"]


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(_TAGS))
            inner = "" if tag == "br" else draw(_trees(depth + 1))
            parts.append(f"<{tag}>{inner}</{tag}>" if tag != "br" else "<br>")
        else:
            parts.append(draw(st.sampled_from(["word, ", "two words ", "港の", "; x", " "])))
    return "".join(parts)


def _link_text(node: LexborNode) -> int:
    up = node.parent
    while up is not None:
        if up.tag == "a":
            return dense(node.text(deep=True))  # all of it is inside a link
        up = up.parent
    return sum(dense(a.text(deep=True)) for a in node.css("a"))


@settings(max_examples=60, deadline=None)
@given(_trees())
def test_measures_match_a_direct_computation(body: str) -> None:
    tree = LexborHTMLParser(_page(body))
    root = tree.body
    assert root is not None
    page = measure(root)
    for i, node in enumerate(page.nodes):
        assert page.text[i] == dense(node.text(deep=True))
        assert page.direct[i] == dense(node.text(deep=False))
        assert page.links[i] == _link_text(node)
        below = [page.tags[j] for j in range(i + 1, page.end[i] + 1)]
        assert below == [n.tag for n in node.css("*")][1:]  # the subtree (css: self first)
        assert page.brs[i] == ("br" in below)
        assert page.blocks[i] == any(t in BLOCKS for t in below)
