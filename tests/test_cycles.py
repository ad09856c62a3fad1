"""A read leaves nothing for the cycle collector.

What a read builds (a page's parsed tree, its measures, the metadata found) is freed the
moment the read returns, by reference counting. A reference cycle made on the way (an
error kept in a local variable of a frame that its own traceback holds) would keep all
of it, and every frame of the call stack, alive until the cycle collector runs: memory
that grows with a batch, and collections that cost the host process time. Each test runs
with the collector off and asks it afterwards how many unreachable objects it finds.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import newsparse
from newsparse.batch import iter_articles

_STORY = (
    "<p>The ferry to the outer islands will run twice a day from the first of May, the "
    "harbour board said on Tuesday, after a winter of single crossings.</p>"
    "<p>Fares stay as they are; the second boat leaves the quay at six in the evening "
    "and calls at every island on its way back.</p>"
)


def _page(jsonld: str) -> str:
    return (
        "<html><head><title>Ferry timetable doubles</title>"
        f'<script type="application/ld+json">{jsonld}</script></head>'
        f"<body><article><h1>Ferry timetable doubles</h1>{_STORY}</article></body></html>"
    )


_VALID = json.dumps({"@type": "NewsArticle", "headline": "Ferry timetable doubles"})
_PAGES = {
    "valid JSON-LD": _page(_VALID),
    # strict decoding fails, the repair pass (a trailing comma) reads it
    "repaired JSON-LD": _page('{"@type": "NewsArticle", "headline": "Ferry timetable doubles",}'),
    # a template that closed the object once too often: the last attempt reads it
    "surplus bracket": _page(_VALID + "}"),
    # nothing reads it: the block is counted as unreadable and the page still reads
    "unreadable JSON-LD": _page('{"@type": "NewsArticle", "headline": '),
}


@contextmanager
def _collector_off() -> Iterator[None]:
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _garbage_after(action: Callable[[], object]) -> int:
    """How many unreachable objects the cycle collector finds after ``action`` ran."""
    action()  # imports, caches and compiled patterns come first, outside the count
    with _collector_off():
        action()
        return gc.collect()


@pytest.mark.parametrize("name", sorted(_PAGES))
def test_a_page_read_leaves_no_cycle(name: str) -> None:
    page = _PAGES[name]
    article = newsparse.read(page, format="html")
    assert article.title == "Ferry timetable doubles"
    assert _garbage_after(lambda: newsparse.read(page, format="html")) == 0


def test_the_unreadable_block_is_still_reported() -> None:
    article = newsparse.read(_PAGES["unreadable JSON-LD"], format="html")
    assert article.extras["html.jsonld_unreadable"] == 1


def test_a_failed_read_leaves_no_cycle() -> None:
    def fail() -> None:
        with pytest.raises(newsparse.ParseError):
            newsparse.read('{"title": ', format="json")

    assert _garbage_after(fail) == 0


def test_a_failed_batch_item_leaves_no_cycle(tmp_path: Path) -> None:
    bad, good = tmp_path / "bad.json", tmp_path / "good.json"
    bad.write_text('{"title": ', encoding="utf-8")
    good.write_text('{"title": "Ferry timetable doubles"}', encoding="utf-8")

    def batch() -> None:
        results = list(iter_articles([bad, good]))
        assert [r.failure is None for r in results] == [False, True]
        failure = results[0].failure
        assert failure is not None
        assert failure.line == 1

    assert _garbage_after(batch) == 0
