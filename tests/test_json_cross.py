"""Cross-format property: wire -> json -> jsonld -> ninjs keeps every field all of them carry.

The XML formats (nitf, newsmlg2, rss, atom) run the same chain in their own test below.

The fields all four carry: title, section (ninjs: a subject with ``rel: "section"``), the
authors' names (ninjs: one ``by`` string), the publication time with its offset, tags,
paragraph texts and media captions.
"""

from __future__ import annotations

import re
from datetime import timezone
from typing import Any

from hypothesis import HealthCheck, given, settings

import newsparse
from _json_helpers import ensure_registered, fixed
from newsparse import Article, Paragraph
from newsparse.testing import strategies as nps


def _common(article: Article) -> dict[str, Any]:
    """The fields wire, json, jsonld and ninjs all carry, as JSON-LD readers normalise them."""
    published = article.published
    return {
        "title": article.title.strip(),
        "section": article.section.strip() if article.section else None,
        "authors": [a.name.strip() for a in article.authors],
        # compared in UTC: a fold-hour ZoneInfo datetime never equals another zone's (PEP 495)
        "published": (published.astimezone(timezone.utc), published.utcoffset())
        if published
        else None,
        "tags": [t.strip() for t in article.tags],
        "paragraphs": [b.text.strip() for b in article.body if isinstance(b, Paragraph)],
        "captions": [m.caption.strip() if m.caption else None for m in article.media],
    }


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(nps.wire_articles())
def test_wire_json_jsonld_ninjs_chain(article: Article) -> None:
    ensure_registered("json", "jsonld", "ninjs")
    wire = newsparse.read(newsparse.write(article, "wire"), "wire")
    as_json = newsparse.read(newsparse.write(wire, "json"), "json")
    assert as_json == fixed(wire)  # json is lossless
    as_jsonld = newsparse.read(newsparse.write(as_json, "jsonld"), "jsonld")
    assert _common(as_jsonld) == _common(wire)
    as_ninjs = newsparse.read(newsparse.write(as_jsonld, "ninjs"), "ninjs")
    assert _common(as_ninjs) == _common(wire)
    as_ninjs3 = newsparse.read(newsparse.write(as_jsonld, "ninjs", version="3.1"), "ninjs")
    assert _common(as_ninjs3) == _common(wire)


_LOOKS_HTML = re.compile(r"<[A-Za-z/!]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


def _plain_text(article: Article) -> bool:
    """Feeds read titles, sections and tags as possibly HTML: leave out texts that look so."""
    texts = [article.title, article.section or "", *article.tags]
    return not any(_LOOKS_HTML.search(t) for t in texts)


@settings(
    max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(nps.wire_articles().filter(_plain_text))
def test_wire_nitf_newsmlg2_rss_atom_chain(article: Article) -> None:
    """The XML formats keep the same fields; RSS and Atom need a URL to keep a media item."""
    wire = newsparse.read(newsparse.write(article, "wire"), "wire")
    as_nitf = newsparse.read(newsparse.write(wire, "nitf"), "nitf")
    assert _common(as_nitf) == _common(wire)
    as_g2 = newsparse.read(newsparse.write(as_nitf, "newsmlg2"), "newsmlg2")
    assert _common(as_g2) == _common(wire)
    expected = {**_common(wire), "captions": []}  # wire media have no URL: feeds drop them
    as_rss = newsparse.read(newsparse.write(as_g2, "rss"), "rss")
    assert {**_common(as_rss), "captions": []} == expected
    as_atom = newsparse.read(newsparse.write(as_rss, "atom"), "atom")
    assert {**_common(as_atom), "captions": []} == expected
    back = newsparse.read(newsparse.write(as_atom, "ninjs"), "ninjs")
    assert {**_common(back), "captions": []} == expected


@settings(
    max_examples=100,  # the wire strategy is slow to draw; the chain above has the profile's
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(nps.wire_articles())
def test_markdown_keeps_what_the_others_carry(article: Article) -> None:
    ensure_registered("json", "ninjs")
    wire = newsparse.read(newsparse.write(article, "wire"), "wire")
    as_markdown = newsparse.read(newsparse.write(wire, "markdown"), "markdown")
    assert as_markdown == wire  # the wire domain is inside markdown's
    as_ninjs = newsparse.read(newsparse.write(as_markdown, "ninjs"), "ninjs")
    again = newsparse.read(newsparse.write(as_ninjs, "markdown"), "markdown")
    assert _common(again) == _common(wire)
