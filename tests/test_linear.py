"""Readers stay linear in time and bounded in memory on adversarial shapes.

Each test builds one shape at 1x and 4x a size and checks the growth (see ``_growth``):
a CPU-time ratio under :data:`_growth.LINEAR` (a quadratic reader grows about 16x), or
memory through tracemalloc. ``bench/bench_adversarial.py`` runs the same shapes (and
more) at larger sizes for docs/performance.md.
"""

from __future__ import annotations

from typing import Any

import pytest

import newsparse
from _growth import LINEAR, peak_memory, time_growth
from newsparse._formats.wire._tags import segment

ARTICLE = " date 2024-03-05 trending:\n\nHarbour {n}\n\nBoats left at dawn.\n\n"


def _read_all(text: str, fmt: str, **options: Any) -> None:
    for _ in newsparse.read_many(text, fmt, **options):
        pass


def test_the_growth_check_tells_a_quadratic_run_from_a_linear_one() -> None:
    """The helper itself can fail: a walk over every earlier item per item grows about 16x."""

    def linear(items: list[int]) -> int:
        total = 0
        for item in items:
            total += item
        return total

    def quadratic(items: list[int]) -> int:
        total = 0
        for item in items:
            for earlier in items:
                total += earlier < item
        return total

    assert time_growth(linear, lambda n: list(range(n)), 20000) < LINEAR
    # a noisy moment can hide a growth as it can fake one: up to three tries, as the helper does
    assert any(
        time_growth(quadratic, lambda n: list(range(n)), 300, min_time=0.002) > LINEAR
        for _ in range(3)
    )


def test_wire_read_many_is_linear_in_the_number_of_articles() -> None:
    def make(n: int) -> str:
        return "".join(ARTICLE.format(n=i) for i in range(n))

    assert time_growth(lambda t: _read_all(t, "wire"), make, 2000) < LINEAR


def test_wire_read_many_counts_lines_once() -> None:
    """Each character is scanned for line breaks once, whatever the number of articles."""

    class Counting(str):
        scanned = 0

        def count(self, sub: str, start: Any = None, end: Any = None) -> int:
            Counting.scanned += (end or len(self)) - (start or 0)
            return super().count(sub, start, end)

    text = Counting("".join(ARTICLE.format(n=i) for i in range(500)))
    titles = [a.title for a in newsparse.read_many(text, "wire")]
    assert titles[-1] == "Harbour 499"
    assert Counting.scanned <= len(text)


def test_wire_strict_errors_keep_their_line_numbers() -> None:
    good = "".join(ARTICLE.format(n=i) for i in range(3))
    bad = " date 2024-03-05 trending:\n\nTitle\nsecond line\n\n"
    with pytest.raises(newsparse.ParseError) as info:
        list(newsparse.read_many(good + bad, "wire", strict=True))
    assert info.value.line == 3 * 6 + 4


def test_wire_block_of_many_lines_is_linear() -> None:
    """A block of lines with no blank line between them (no header: the slow path)."""
    assert time_growth(lambda t: newsparse.read(t, "wire"), lambda n: "line\n" * n, 3000) < LINEAR


def test_wire_tags_line_of_long_words_in_bounded_memory() -> None:
    words = [chr(65 + i % 26) + "x" * 2000 + str(i) for i in range(300)]
    line = " ".join(words)
    peak = peak_memory(lambda c: segment(c + " "), line)  # + " ": not from the cache
    assert peak < 8 * len(line)  # was about 40x: a joined string for every span


def test_wire_tags_memory_does_not_grow_with_word_length() -> None:
    def ratio(length: int) -> float:
        line = " ".join(chr(65 + i % 26) + "y" * length + str(i) for i in range(200))
        return peak_memory(lambda c: segment(c), line) / len(line)

    assert ratio(4000) <= ratio(1000) * 1.2


def test_ninjs_byline_with_long_runs_of_spaces_is_linear() -> None:
    from newsparse._formats.ninjs._common import split_byline

    assert split_byline("By A,  B  and   C & D") == ["A", "B", "C", "D"]
    assert time_growth(split_byline, lambda n: "A" + " " * n + "B", 20000) < LINEAR


def test_byline_names_with_many_suffixes_are_linear() -> None:
    from newsparse._text.names import CACHED_LENGTH, parse_names

    authors, problem = parse_names("Ana Ruiz, Jr., PhD and Li Wei, staff writers")
    assert [a.name for a in authors] == ["Ana Ruiz, Jr., PhD", "Li Wei"]
    assert problem is None
    long_byline = "Ana Ruiz" + ", Jr." * CACHED_LENGTH
    assert parse_names(long_byline)[0][0].name == long_byline  # parsed, not memoised
    assert time_growth(parse_names, lambda n: "Ana Ruiz" + ", Jr." * n, 5000) < LINEAR


def test_long_author_lists_are_not_kept_in_the_names_cache() -> None:
    from newsparse._text.names import CACHED_LENGTH, _names_text_cached, names_text

    many = tuple(newsparse.Author(f"Reporter {i}", role="writer") for i in range(CACHED_LENGTH))
    before = _names_text_cached.cache_info().currsize
    assert names_text(many).endswith("Reporter 2047, writers")
    assert _names_text_cached.cache_info().currsize == before
    assert names_text((newsparse.Author("Ana Ruiz"),)) == "Ana Ruiz"  # short ones are


def test_application_state_dates_are_searched_in_linear_time() -> None:
    import newsparse

    def read(page: str) -> object:
        return newsparse.read(page, "html", body=False)

    def make(n: int) -> str:  # near misses: keys without a date, long runs of spaces
        state = ('\\"publishedAt\\":  ' + " " * 50 + '"x", ') * n
        return f"<title>Ferry</title><script>var s = {{{state}}};</script>"

    assert time_growth(read, make, 500) < LINEAR


def test_a_page_dated_only_in_its_text_is_searched_in_linear_time() -> None:
    def read(page: str) -> object:
        return newsparse.read(page, "html", body=False)

    def make(n: int) -> str:  # many text nodes and near-dates, and dates that repeat
        items = "".join(
            f"<li>item {i}, 1.{i % 12 + 1}.20 <b>{i % 28 + 1} May 2021</b></li>" for i in range(n)
        )
        return f"<title>Notices</title><ul>{items}</ul>"

    assert time_growth(read, make, 300) < LINEAR


def test_ninjs_html_body_with_unclosed_markup_is_linear() -> None:
    from newsparse._markup import html_to_blocks

    assert [b.text for b in html_to_blocks("<p>x</p><a<b c &amp; d")] == ["x", "<a<b c & d"]  # type: ignore[union-attr]
    for unit in ("<a", "</", "<?", "<!"):
        growth = time_growth(html_to_blocks, lambda n, u=unit: "<p>x</p>" + u * n, 10000)
        assert growth < LINEAR, unit


def test_file_names_of_many_dots_cost_a_few_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsparse._plugins import get_registry

    registry = get_registry()
    calls: list[str] = []
    real = registry.for_extension
    monkeypatch.setattr(registry, "for_extension", lambda s: calls.append(s) or real(s))
    assert registry.for_filename("a" + ".x" * 10000 + ".wire.txt")[0].name == "wire"
    assert len(calls) <= 3


def test_charset_declaration_search_is_linear() -> None:
    from newsparse._formats.html._charset import _META

    assert _META.search(b'<meta http-equiv="Content-Type" content="text/html; charset=latin1">')
    assert time_growth(_META.search, lambda n: b"<meta " * n, 2000) < LINEAR


def _writes_and_reads() -> list[str]:
    return [s.name for s in newsparse.formats() if s.can_read and s.can_write]


def _own(fmt: str, **parts: Any) -> Any:
    def make(n: int) -> str:
        article = newsparse.Article(
            "Harbour reopens",
            body=[
                newsparse.Paragraph(f"Boats left at dawn, {i}.")
                for i in range(parts.get("paragraphs", 1) * n)
            ],
            tags=[f"tag {i}" for i in range(parts.get("tags", 0) * n)],
        )
        return newsparse.write(article, fmt)

    return make


@pytest.mark.parametrize("fmt", _writes_and_reads())
def test_every_reader_is_linear_in_the_number_of_tags(fmt: str) -> None:
    assert time_growth(lambda t: newsparse.read(t, fmt), _own(fmt, tags=1), 1500) < LINEAR


@pytest.mark.parametrize("fmt", _writes_and_reads())
def test_every_reader_is_linear_in_the_number_of_paragraphs(fmt: str) -> None:
    # 2,100 paragraphs: html's own output then has more than 4,096 tags at 1x too, so
    # both sizes take the depth pass (html/_depth.py) and the ratio shows no step
    assert time_growth(lambda t: newsparse.read(t, fmt), _own(fmt, paragraphs=1), 2100) < LINEAR


@pytest.mark.parametrize(
    "fmt", [s.name for s in newsparse.formats() if s.many_reader and s.many_writer and s.can_read]
)
def test_every_reader_of_many_articles_is_linear_in_their_number(fmt: str) -> None:
    article = newsparse.Article("Harbour", body=[newsparse.Paragraph("Boats left.")], tags=["a"])

    def make(n: int) -> str:
        return "".join(newsparse.write_many([article] * n, fmt))

    assert time_growth(lambda t: _read_all(t, fmt), make, 2000) < LINEAR
