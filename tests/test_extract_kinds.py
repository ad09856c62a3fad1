"""Main-content extraction on invented pages, one per kind of page that defeats a simple
container choice: each names the general property of pages that the extractor relies on.
"""

from __future__ import annotations

import newsparse
from newsparse import ListBlock

HEAD = "<html lang='en'><head><title>{title}</title></head><body>"
MENU = (
    "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/shop'>Shop</a></nav>"
    "<div class='menu'><a href='/a'>Gardens</a> <a href='/b'>Tools</a></div>"
)
FOOT = "<footer><p>Copyright 2026 Example Gardens. All rights reserved.</p></footer></body></html>"


def texts(page: str) -> list[str]:
    article = newsparse.read(page, "html")
    out = []
    for block in article.body:
        if isinstance(block, ListBlock):
            out.extend(block.items)
        else:
            out.append(getattr(block, "text", ""))
    return out


def test_article_spread_over_many_one_paragraph_boxes_is_taken_whole() -> None:
    # coverage: the best box holds a small share of the page's paragraph text, so the
    # container that holds most of it wins (a how-to page of steps, a grid of text boxes)
    steps = [
        "Fill a shallow tray with seed compost, level it, and water it from below until dark.",
        "Sow the seeds thinly, about two fingers apart, and press them gently into the soil.",
        "Cover the tray with a clear lid, keep it warm and bright, and open it every morning.",
        "When two true leaves show, lift each seedling by a leaf and move it to its own pot.",
        "Harden the young plants off for a week, outside by day and inside by night, then plant.",
    ]
    boxes = "".join(
        f"<div class='box'><div class='box-title'>Step {k}</div><div class='box-body'>"
        f"<p>{text}</p></div></div>"
        for k, text in enumerate(steps, 1)
    )
    page = (
        HEAD.format(title="Raising seedlings")
        + MENU
        + "<main><h1>Raising seedlings</h1><div class='grid'>"
        + boxes
        + "</div></main>"
        + FOOT
    )
    got = texts(page)
    for text in steps:
        assert text in got
    assert not any("All rights" in t for t in got)
