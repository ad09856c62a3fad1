"""Every XML reader refuses entity tricks and stays bounded on hostile shapes.

Bounds are checked by size (peak memory traced while reading, against the input's
size), never by wall-clock time.
"""

from __future__ import annotations

import contextlib
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

import newsparse
from newsparse import ParseError

# each format, with a minimal document of its own around an element's content
XML_FORMATS: dict[str, Callable[[str], str]] = {
    "nitf": lambda inner: f"<nitf><body><body.content><p>{inner}</p></body.content></body></nitf>",
    "rss": lambda inner: (
        f'<rss version="2.0"><channel><title>T</title><item><title>{inner}</title></item>'
        "</channel></rss>"
    ),
    "atom": lambda inner: (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        f"<entry><title>{inner}</title></entry></feed>"
    ),
}
XML_FORMATS["newsmlg2"] = lambda inner: (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta>'
    f"<headline>{inner}</headline></contentMeta></newsItem>"
)
STRICT = ("nitf", "newsmlg2")

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n<lolz>&lol9;</lolz>\n"
)
QUADRATIC = (
    '<?xml version="1.0"?>\n<!DOCTYPE kaboom [<!ENTITY a "'
    + "x" * 50_000
    + '">]>\n<kaboom>'
    + "&a;" * 50_000
    + "</kaboom>\n"
)
XXE = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>\n'
XXE_PARAMETER = (
    '<?xml version="1.0"?>\n'
    '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>\n<x/>'
)
XXE_ATTRIBUTE = (
    '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
    '<x y="&b;&b;&b;"/>'
)


def peak_while(action: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        with contextlib.suppress(newsparse.NewsparseError):
            action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def refused(text: str, fmt: str) -> ParseError:
    with pytest.raises(ParseError) as info:
        newsparse.read(text, fmt)
    error = info.value
    assert error.format == fmt
    return error


@pytest.mark.parametrize("fmt", XML_FORMATS)
@pytest.mark.parametrize("doc", [BILLION_LAUGHS, QUADRATIC, XXE, XXE_PARAMETER, XXE_ATTRIBUTE])
def test_entity_declarations_are_refused_without_expanding(fmt: str, doc: str) -> None:
    error = refused(doc, fmt)
    assert "declares entities" in error.message
    assert error.line is not None
    assert error.column is not None
    assert "<!ENTITY" in (error.excerpt or "")
    # nothing was expanded: the peak stays a small multiple of the input
    assert peak_while(lambda: newsparse.read(doc, fmt)) < 20 * len(doc) + 2_000_000
    assert peak_while(lambda: newsparse.read(doc.encode(), fmt)) < 20 * len(doc) + 2_000_000


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_an_external_dtd_is_never_loaded(fmt: str, tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY secret "FROM THE FILE SYSTEM">', encoding="utf-8")
    doc = f'<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "{dtd.as_uri()}">\n' + XML_FORMATS[fmt](
        "&secret;"
    )
    outcome: object
    try:
        outcome = newsparse.read(doc, fmt)
    except ParseError as exc:
        outcome = exc
    assert "FROM THE FILE SYSTEM" not in repr(outcome) + str(outcome)


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_deep_nesting_is_an_error_and_bounded(fmt: str) -> None:
    peaks = []
    for depth in (20_000, 80_000):
        doc = XML_FORMATS[fmt]("<b>" * depth + "x" + "</b>" * depth)
        error = refused(doc, fmt)
        assert "depth" in error.message
        assert error.line == 1
        assert error.column is not None
        peaks.append(peak_while(lambda doc=doc: newsparse.read(doc, fmt)))
    # four times the input does not take (much) more than four times the memory
    assert peaks[1] < 6 * peaks[0]


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_text_nodes_grow_linearly(fmt: str) -> None:
    peaks = []
    for size in (200_000, 800_000):
        doc = XML_FORMATS[fmt]("word " * (size // 5))
        peaks.append(peak_while(lambda doc=doc: newsparse.read(doc, fmt)))
    assert peaks[1] < 6 * peaks[0]


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_a_text_node_over_libxml2s_limit_is_an_error(fmt: str) -> None:
    doc = XML_FORMATS[fmt]("x" * 10_000_001)
    error = refused(doc, fmt)
    assert error.line == 1


@pytest.mark.parametrize("fmt", STRICT)
def test_undefined_entities_are_not_guessed_in_strict_formats(fmt: str) -> None:
    error = refused(XML_FORMATS[fmt]("caf&eacute;"), fmt)
    assert "&eacute;" in error.message
    assert error.column is not None


@pytest.mark.parametrize("fmt", sorted(set(XML_FORMATS) - set(STRICT)))
def test_tolerant_formats_read_html_entities_from_a_fixed_table(fmt: str) -> None:
    article = newsparse.read(XML_FORMATS[fmt]("caf&eacute; &amp; &nbsp;bar&hellip;"), fmt)
    assert article.title == "café & \u00a0bar…"
