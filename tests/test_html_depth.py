"""Pages that nest elements past what browsers build read in linear time, text kept.

The HTML tree builder costs time in the square of the nesting depth (and of the options
of one select); the reader bounds both before parsing, as browsers bound the depth at
512 open elements (``html/_depth``).
"""

from __future__ import annotations

import pytest

import newsparse
from _growth import LINEAR, time_growth

SHAPES = {
    "nested divs": lambda n: "<div>" * n + "<p>The harbour reopened at dawn, said the pilot.</p>",
    "div and paragraph never closed": lambda n: "<div><p>Boats left at dawn, one by one.</p>" * n,
    "block inside inline, nested": lambda n: "<b><div>A crane swung over the quay. " * n,
    "end tags that close nothing": lambda n: "<div></span>Gulls circled the pier. " * n,
    "end tags stopped by a table": lambda n: "<div><table></div>" * n + "Ferries wait.",
    "inline end tags stopped by a block": lambda n: "<span><div></span>Nets dried. " * n,
    "options of one select": lambda n: (
        "<form><select>"
        + "".join(f"<option value='{i}'>Berth {i}</option>" for i in range(n))
        + "</select></form><p>Choose a berth for the night, the harbour master said.</p>"
    ),
}


def _page(body: str) -> str:
    return f"<html><head><title>Harbour reopens</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("shape", SHAPES)
def test_deep_nesting_reads_in_linear_time(shape: str) -> None:
    make = SHAPES[shape]
    growth = time_growth(lambda t: newsparse.read(t, "html"), lambda n: _page(make(n)), 3000)
    assert growth < LINEAR


def test_text_below_the_depth_bound_is_kept_and_the_flattening_reported() -> None:
    deep = "<div>" * 5000 + "<p>The pilot said the channel was clear.</p>" + "</div>" * 5000
    article = newsparse.read(_page(deep), "html")
    assert "The pilot said the channel was clear." in [b.text for b in article.body]
    note = article.extras["html.provenance"]["nesting"]
    assert note.startswith("4491 elements opened past 512 open elements")


def test_siblings_past_the_bound_keep_their_paragraphs() -> None:
    paragraphs = "".join(
        f"<p>Ferry {i} crossed the bay in the fog and came back before dark.</p>" for i in range(3)
    )
    page = _page("<div>" * 3000 + paragraphs + "</div>" * 3000)
    body = [b.text for b in newsparse.read(page, "html").body]
    assert len(body) == 3
    assert body[2] == "Ferry 2 crossed the bay in the fog and came back before dark."


def test_ordinary_pages_are_not_touched() -> None:
    paragraphs = "".join(
        f"<div class='item'><p>Boat {i} left the harbour.<br>It returned at noon.</p></div>"
        for i in range(3000)  # over the tag count that starts the check
    )
    article = newsparse.read(_page("<article>" + paragraphs + "</article>"), "html")
    assert "nesting" not in article.extras["html.provenance"]
    assert len(article.body) >= 3000
