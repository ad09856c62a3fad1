"""The second extractor (Readability's algorithm) and the comparison of the two results.

Each test is an invented page or result, and names the rule of Readability.js, or of the
comparison, that it checks.
"""

from __future__ import annotations

from _blocks import block_texts
from newsparse import Heading, ListBlock, Paragraph
from newsparse._formats.html._body import prepare, second_opinion
from newsparse._formats.html._extract import _constants as C
from newsparse._formats.html._extract._compare import Summary, doubtful, prefer_second
from newsparse._formats.html._extract._readability import grab
from newsparse._formats.html._reader import parse

SENTENCES = [
    "The harbour board voted on Monday to keep the night ferry running through the winter, "
    "after a petition signed by two thousand islanders reached the council.",
    "The ferry will leave the pier at eleven every evening, and the fare stays at four pounds "
    "for adults, two for children, as the board had promised in the spring.",
    "Fishermen, nurses and the bakery's early shift had written to the board, saying the last "
    "boat was the only way home for them, and the board said it had heard them.",
    "The council will pay for the extra crew until April, from the fund it keeps for roads, "
    "and the board will count the passengers every night to see who rides.",
]


def second(body: str, title: str = "Night ferry stays") -> list[str]:
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    tree, _ = parse(html)
    page, _selector = prepare(tree, None, None)
    blocks, _sure, _density = second_opinion(page, title)
    return block_texts(blocks)


def paragraphs(items: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


# ---------------------------------------------------------------------------
# Readability's rules


def test_unlikely_candidates_are_stripped() -> None:
    # a box named like furniture (a sidebar, comments) is removed before scoring, unless
    # its name also says content
    aside = [s.replace("board", "club") for s in SENTENCES]
    page = (
        f"<div class='sidebar'>{paragraphs(aside[:3])}</div>"
        f"<div class='story'>{paragraphs(SENTENCES)}</div>"
        f"<div class='comments'><p>{aside[3]}</p></div>"
    )
    assert second(page) == SENTENCES


def test_a_div_holding_one_paragraph_is_that_paragraph() -> None:
    # pages that wrap each paragraph in its own div: the paragraphs score for the div
    # around them all, which wins
    page = "<div class='body'>" + "".join(f"<div><p>{p}</p></div>" for p in SENTENCES) + "</div>"
    assert second(page) == SENTENCES


def test_text_between_line_breaks_is_wrapped_into_paragraphs() -> None:
    # phrasing content in a div is wrapped into paragraphs, split by chains of <br>
    page = "<div class='text'>" + "<br><br>".join(SENTENCES) + "<p>That is all.</p></div>"
    assert second(page)[:4] == SENTENCES


def test_siblings_scoring_a_fifth_of_the_top_candidate_join_it() -> None:
    # the article cut in two boxes under one parent: the sibling that scores enough joins
    page = (
        f"<div class='wrap'><div class='a'>{paragraphs(SENTENCES[:3])}</div>"
        f"<div class='promo-box'><a href='/x'>Our shop</a></div>"
        f"<div class='b'>{paragraphs(SENTENCES[3:] * 2)}</div></div>"
    )
    got = second(page)
    assert SENTENCES[0] in got
    assert SENTENCES[3] in got
    assert "Our shop" not in got


def test_link_heavy_box_inside_the_article_is_cleaned_conditionally() -> None:
    # a box inside the article whose links hold more than a fifth of its text goes
    links = "".join(f"<a href='/n/{k}'>More ferry news number {k}</a> " for k in range(6))
    page = f"<div class='story'>{paragraphs(SENTENCES)}<div>{links}</div></div>"
    got = second(page)
    assert got == SENTENCES


def test_data_table_is_kept_and_a_heading_repeating_the_title_goes() -> None:
    rows = "".join(f"<tr><td>{k}:00</td><td>Pier</td><td>£4</td></tr>" for k in range(8, 20))
    page = (
        "<div class='story'><h2>Night ferry stays</h2>"
        + paragraphs(SENTENCES)
        + f"<table><caption>Winter timetable</caption>{rows}</table>"
        + "<p>The timetable runs until the end of April.</p></div>"
    )
    got = second(page)
    assert "Night ferry stays" not in got  # the title is the Article's, not the body's
    assert "8:00 | Pier | £4" in got  # a data table is never cleaned away


def test_short_result_is_tried_again_without_stripping() -> None:
    # the retry ladder: everything is in comment-named boxes, so the first attempt finds
    # too little text, and the next one, which strips nothing, finds it
    page = "".join(f"<div class='comment'><p>{p}</p></div>" for p in SENTENCES)
    tree, _ = parse(f"<html><body><div class='thread'>{page}</div></body></html>")
    measured, _selector = prepare(tree, None, None)
    grabbed = grab(measured, None)
    assert grabbed is not None
    assert grabbed.attempt > 0
    assert grabbed.size >= C.RB_CHAR_THRESHOLD


# ---------------------------------------------------------------------------
# the comparison


def _summary(*texts: str, heading: bool = False) -> Summary:
    blocks: list[Paragraph | Heading | ListBlock] = [Paragraph(t) for t in texts]
    if heading:
        blocks = [ListBlock(list(texts))]
    return Summary(list(blocks))  # type: ignore[arg-type]


def test_a_result_of_a_line_or_two_is_doubtful_and_gives_way_to_a_longer_one() -> None:
    first = _summary("By Ann Lee, harbour reporter")
    assert doubtful(first, prose=2000)
    assert prefer_second(first, _summary(*SENTENCES), prose=2000, sure=False, link_density=0.0)


def test_a_result_without_paragraphs_gives_way_to_one_in_paragraphs() -> None:
    first = _summary(*(s + " Photo." for s in SENTENCES), heading=True)  # a list only
    assert first.paragraphs == 0
    assert doubtful(first, prose=first.size)
    second = _summary(*SENTENCES[:2])
    assert prefer_second(first, second, prose=first.size, sure=True, link_density=0.0)
    # only when the second extractor is sure of its result
    assert not prefer_second(first, second, prose=first.size, sure=False, link_density=0.0)


def test_a_fragment_gives_way_to_the_result_holding_it() -> None:
    first = _summary(*SENTENCES[:2])
    second = _summary(*SENTENCES, *SENTENCES[2:])
    prose = second.size + 200
    assert doubtful(first, prose)
    assert prefer_second(first, second, prose, sure=True, link_density=0.0)
    # not when the second result does not hold the first (another part of the page)
    other = _summary(*SENTENCES[2:], *SENTENCES[2:])
    assert not prefer_second(first, other, prose, sure=True, link_density=0.0)


def test_a_result_covering_the_page_is_not_doubtful() -> None:
    first = _summary(*SENTENCES)
    assert not doubtful(first, prose=first.size)


def test_a_second_result_of_links_never_wins() -> None:
    first = _summary()
    assert not prefer_second(first, _summary(*SENTENCES), prose=100, sure=True, link_density=0.8)
