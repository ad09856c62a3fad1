r"""A conformance kit for format plugins: subclass, name your format, run pytest.

A plugin author's whole test file can be::

    from newsparse.testing.conformance import FormatConformance

    class TestMemo(FormatConformance):
        format_name = "memo"

Capability attributes switch off what does not apply:

- ``lossless`` (default: the spec's own ``lossless``): whether ``read(write(a)) == a``
  holds over :meth:`FormatConformance.articles`. Lossy formats narrow that strategy to
  the articles they can express (override ``articles``) or set ``round_trip = False``.
- ``round_trip``: check ``read(write(a)) == a`` at all (default ``True`` when the format
  reads and writes).
- ``canonical``: check ``write(read(write(a))) == write(a)`` (default ``True``).
- ``sniffs``: check that sniffing accepts the format's own output (default: when the spec
  has a sniffer).
- ``garbage``: texts that, when read, may only raise a :class:`newsparse.NewsparseError`
  (a lenient reader may also read them).
- ``cannot_carry``: for a lossless format, the characters it cannot hold at all (HTML:
  ``"\x00"``). Its writer must refuse an article holding one with a
  :class:`newsparse.WriteError` naming it (``U+0000``); every other text, control
  characters included, must round-trip (:meth:`FormatConformance.lossless_articles`).

The checks go through the public API (``newsparse.read``/``write``), exactly as users call
them, except the garbage check, which also calls the format's reader itself (the host
would hide a bare exception by wrapping it). Hypothesis settings come from the active
profile.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import Article, FormatSpec, NewsparseError

from . import strategies

__all__ = ["FormatConformance"]


def _texts(article: Article) -> list[str]:
    """Every text of ``article`` outside ``extras``."""
    out = [article.title, *article.notes, *article.tags]
    out += [v for v in (article.subtitle, article.section, article.url, article.publisher) if v]
    for author in article.authors:
        out += [v for v in (author.name, author.role, author.url) if v is not None]
    media = list(article.media)
    for block in article.body:
        if isinstance(block, newsparse.MediaBlock):
            media.append(block.media)
        elif isinstance(block, newsparse.ListBlock):
            out += block.items
        else:
            out.append(block.text)
            if isinstance(block, newsparse.Quote) and block.attribution is not None:
                out.append(block.attribution)
    for item in media:
        out += [v for v in (item.url, item.caption, item.credit, item.kind, item.alt) if v]
    return out


_GARBAGE = (
    "",
    " \t\r\n",
    "\x00\x01\x02",
    "{",
    "null",
    "[]",
    "<html><body><p>unclosed",
    '<?xml version="1.0"?>\n<rss><channel><item>',
    "---\ntitle: [\n---\n",
    "date trending: \n\nby - 99/99/99 25:61 XM ZZ",
    "\ufeff\ufeff",
    "caf\u00e9 \ud800",  # a lone surrogate: no Unicode text
)
"""The default ``garbage``: empty and blank text, control characters, broken JSON, HTML,
XML, YAML front matter and wire text, a doubled byte-order mark, a lone surrogate."""


class FormatConformance:
    """Base class of a format's conformance tests; set ``format_name`` in a subclass."""

    format_name: ClassVar[str] = ""
    lossless: ClassVar[bool | None] = None
    round_trip: ClassVar[bool] = True
    canonical: ClassVar[bool] = True
    sniffs: ClassVar[bool | None] = None
    garbage: ClassVar[tuple[str, ...]] = _GARBAGE
    cannot_carry: ClassVar[str] = ""
    read_options: ClassVar[dict[str, Any]] = {}
    write_options: ClassVar[dict[str, Any]] = {}

    # -- hooks for subclasses -------------------------------------------------------

    def articles(self) -> st.SearchStrategy[Article]:
        """The articles this format can express; override to narrow the domain."""
        return strategies.articles()

    def lossless_articles(self) -> st.SearchStrategy[Article]:
        """Articles whose every text may hold any character (:func:`~.strategies.any_text`)."""
        return strategies.articles(text=strategies.any_text())

    def many_articles(self) -> st.SearchStrategy[list[Article]]:
        """Lists of articles one document can hold; override where layout differs."""
        return st.lists(self.articles(), max_size=3)

    def sample_article(self) -> Article:
        """One fixed, realistic article in the format's domain (for the non-property checks)."""
        return Article(
            "Harbour reopens after the storm",
            section="Local",
            authors=[newsparse.Author("Mara Quint")],
            published=datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York")),
            body=[
                newsparse.Paragraph("The ferries ran again on Tuesday, three days late."),
                newsparse.Paragraph("“We are back,” said the harbour master."),
            ],
            tags=["ferries", "weather"],
        )

    # -- helpers ----------------------------------------------------------------------

    @property
    def spec(self) -> FormatSpec:
        """The format under test, from the live registry."""
        if not self.format_name:
            pytest.fail(f"{type(self).__name__} must set format_name")
        return newsparse.get_format(self.format_name)

    def _read(self, source: Any, **kw: Any) -> Article:
        return newsparse.read(source, self.format_name, **{**self.read_options, **kw})

    def _write(self, article: Article) -> str:
        return newsparse.write(article, self.format_name, **self.write_options)

    def _skip_unless(self, can_read: bool = False, can_write: bool = False) -> None:
        if can_read and not self.spec.can_read:
            pytest.skip(f"{self.format_name} cannot read")
        if can_write and not self.spec.can_write:
            pytest.skip(f"{self.format_name} cannot write")

    # -- the checks -------------------------------------------------------------------

    def test_registered(self) -> None:
        """The format is registered, with sane metadata."""
        spec = self.spec
        assert spec.name == self.format_name
        assert spec.can_read or spec.can_write
        assert spec.plugin, "the registry records which plugin registered the format"
        assert spec.description, "give the format a one-line description"
        for role in ("reader", "writer", "many_reader", "many_writer", "sniffer"):
            if getattr(spec, role) is not None:
                assert callable(spec.load(role)), f"{role} does not import to a callable"

    def _for_all(self, check: Callable[[Article], None]) -> None:
        """Run ``check`` over the format's articles with Hypothesis.

        The ``@given`` function is built per call, so that each subclass runs its own
        test (Hypothesis refuses one decorated method shared by several classes).
        """

        @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
        @given(article=self.articles())
        def run(article: Article) -> None:
            check(article)

        run()

    def test_round_trip(self) -> None:
        """``read(write(a)) == a`` over the format's domain."""
        self._skip_unless(can_read=True, can_write=True)
        if not self.round_trip:
            pytest.skip("round_trip = False")

        def check(article: Article) -> None:
            assert self._read(self._write(article)) == article

        self._for_all(check)

    def test_canonical_form(self) -> None:
        """``write(read(write(a))) == write(a)``: writing what was read is stable."""
        self._skip_unless(can_read=True, can_write=True)
        if not self.canonical:
            pytest.skip("canonical = False")

        def check(article: Article) -> None:
            text = self._write(article)
            assert self._write(self._read(text)) == text

        self._for_all(check)

    def test_lossless_flag_is_honest(self) -> None:
        """A format that says it is lossless is tested over every article."""
        declared = self.spec.lossless
        expected = declared if self.lossless is None else self.lossless
        assert declared == expected, (
            f"the spec says lossless={declared}, the test class says {self.lossless}"
        )

    def test_lossless_over_any_text(self) -> None:
        """A lossless format carries any text, or refuses what it cannot carry, by name."""
        self._skip_unless(can_read=True, can_write=True)
        if not self.spec.lossless:
            pytest.skip("the format is not lossless")

        @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
        @given(article=self.lossless_articles())
        def run(article: Article) -> None:
            texts = _texts(article)
            held = sorted({c for c in self.cannot_carry if any(c in t for t in texts)})
            if held:
                with pytest.raises(newsparse.WriteError) as info:
                    self._write(article)
                named = [f"U+{ord(c):04X}" for c in held]
                assert any(n in str(info.value) for n in named), (
                    f"the WriteError should name the character ({' or '.join(named)})"
                )
            else:
                assert self._read(self._write(article)) == article

        run()

    def test_sniffs_own_output(self) -> None:
        """Detection recognises what the format writes."""
        self._skip_unless(can_read=True, can_write=True)
        sniffs = self.spec.sniffer is not None if self.sniffs is None else self.sniffs
        if not sniffs:
            pytest.skip("the format has no sniffer")
        sniffer = self.spec.load("sniffer")
        assert sniffer is not None

        def check(article: Article) -> None:
            text = self._write(article)
            assert sniffer(text[:8192]) >= 0.5
            assert newsparse.detect_format(text) == self.format_name

        self._for_all(check)

    def test_sniffer_rejects_other_formats(self) -> None:
        """The sniffer gives low confidence to what other formats write."""
        sniffer = self.spec.load("sniffer")
        if sniffer is None:
            pytest.skip("the format has no sniffer")
        sample = self.sample_article()
        for other in newsparse.formats():
            if other.name == self.format_name or not other.can_write:
                continue
            text = newsparse.write(sample, other.name)
            own = sniffer(text[:8192])
            other_sniffer = other.load("sniffer")
            if other_sniffer is not None and not self._reads_back(text, sample):
                assert own < other_sniffer(text[:8192]), (
                    f"{self.format_name}'s sniffer is at least as sure as {other.name}'s "
                    f"about {other.name}'s output"
                )

    def _reads_back(self, text: str, article: Article) -> bool:
        """Whether this format reads another's text to the same article.

        That is a shared syntax, like one line of JSON Lines, which is also JSON.
        """
        if not self.spec.can_read:
            return False
        try:
            return self._read(text) == article
        except NewsparseError:
            return False

    def test_garbage_raises_only_newsparse_errors(self) -> None:
        """Each ``garbage`` text either reads or raises a NewsparseError, in the reader itself.

        The format's ``reader`` (and ``many_reader``, over a stream) is called directly, as
        the host calls it (``bytes`` for a ``binary`` format), because the host wraps any
        other exception in a ReadError: that would hide a reader letting a bare
        ``KeyError`` or ``ValueError`` escape. (Texts the host refuses before any reader
        sees them, those holding a lone surrogate, are only read through the host.) Then
        each text is read through :func:`newsparse.read`, as users read it.
        """
        self._skip_unless(can_read=True)
        spec = self.spec
        for role in ("reader", "many_reader"):
            func = spec.load(role)
            if func is None:
                continue
            for text in self.garbage:
                if any("\ud800" <= c <= "\udfff" for c in text):
                    continue  # the host refuses it with a ParseError: no reader sees it
                data: str | bytes = text.encode("utf-8") if spec.binary else text
                given: Any = data
                if role == "many_reader":
                    given = io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data)
                try:
                    result = func(given, **self.read_options)
                    if role == "many_reader":
                        list(result)
                except NewsparseError:
                    continue
                except KeyboardInterrupt:
                    raise
                except BaseException as exc:  # what the host would have had to wrap
                    pytest.fail(
                        f"the {role} of {spec.name!r} raised {type(exc).__name__}: {exc} "
                        f"on {text!r}; raise a newsparse.ParseError instead "
                        "(ParseError.at(message, text, offset) gives the line and column)"
                    )
        for text in self.garbage:
            with contextlib.suppress(NewsparseError):
                self._read(text)

    def test_many_round_trip(self) -> None:
        """``read_many(write_many(articles))`` gives the articles back, in order."""
        self._skip_unless(can_read=True, can_write=True)
        if self.spec.many_reader is None or self.spec.many_writer is None:
            pytest.skip("the format holds one article per document")
        if not self.round_trip:
            pytest.skip("round_trip = False")

        @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
        @given(articles=self.many_articles())
        def run(articles: list[Article]) -> None:
            text = "".join(newsparse.write_many(articles, self.format_name, **self.write_options))
            again = newsparse.read_many(text, self.format_name, **self.read_options)
            assert list(again) == articles

        run()

    def test_sources(self, tmp_path: Path) -> None:
        """str, bytes, a path and file objects read to the same Article."""
        self._skip_unless(can_read=True, can_write=True)
        text = self._write(self.sample_article())
        expected = self._read(text)
        path = tmp_path / f"article{self.spec.extensions[0] if self.spec.extensions else ''}"
        path.write_text(text, encoding="utf-8", newline="")
        assert self._read(text.encode("utf-8")) == expected
        assert self._read(path) == expected
        with path.open("rb") as f:
            assert self._read(f) == expected
        with path.open(encoding="utf-8", newline="") as f:
            assert self._read(f) == expected
