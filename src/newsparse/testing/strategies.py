"""Hypothesis strategies for Articles and their parts, for newsparse and plugin authors.

Every function takes keyword-only arguments and returns a strategy. Each part of the
generated value can be switched off (``False``), left to the default (``True`` or
``None``), or replaced by passing another strategy::

    from hypothesis import given, strategies as st
    from newsparse.testing import strategies as nps

    @given(nps.articles(subtitle=False, tags=st.just(("politics",))))
    def test_my_format_round_trips(article):
        assert my_read(my_write(article)) == article

:func:`wire_articles` generates the articles the wire format carries exactly; use it as a
model for your own format's domain.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from .._model import (
    BLOCK_TYPES,
    Article,
    Author,
    Block,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
)

__all__ = [
    "DEFAULT_ZONES",
    "EDGE_CHARACTERS",
    "any_text",
    "articles",
    "authors",
    "aware_datetimes",
    "blocks",
    "extras",
    "media",
    "paragraphs",
    "text",
    "wire_articles",
]

T = TypeVar("T")

_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_ACCENTS = "éèêëáàâäãíìîïóòôöõúùûüçñøåæœßÉÀÖÜÇÑŁłŠšŽžİığ"
_PUNCT = ".,;:!?'\"-()/&%$#@"
_TYPOGRAPHY = "‘’“”–—…«»€£"
_EMOJI = "😀🎉🌍📰⚽🚀🔥❤"
_RTL = "אבגדהוזחטיכלמנסעפצקרשת" + "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_CJK = "新闻中文日本語한국어"
_SPACES = "  \u00a0"

DEFAULT_ALPHABET = _LATIN * 3 + _ACCENTS + _PUNCT + _TYPOGRAPHY + _EMOJI + _RTL + _CJK + _SPACES * 8
"""The characters :func:`text` draws from, weighted by repetition.

ASCII letters and digits (three times each), Latin letters with accents and other Latin
letters (``é ñ ø ß Ł İ ğ``...), ASCII punctuation (``.,;:!?'"-()/&%$#@``), typography
(curly quotes ``‘’“”``, the dashes ``–—``, ``…``, ``«»``, ``€£``), eight emoji (astral
code points), the Hebrew and Arabic letters (right to left), a few Chinese, Japanese and
Korean characters, and spaces: the ordinary space sixteen times and the no-break space
(U+00A0) eight times. No control characters, tabs or line breaks: :func:`any_text` has
those, and :data:`EDGE_CHARACTERS` lists the hardest."""

DEFAULT_ZONES: tuple[tzinfo, ...] = (
    ZoneInfo("America/New_York"),
    ZoneInfo("Europe/London"),
    ZoneInfo("Asia/Kolkata"),
    ZoneInfo("Australia/Lord_Howe"),
    ZoneInfo("UTC"),
    timezone.utc,
    timezone(timedelta(hours=5, minutes=45)),
    timezone(timedelta(hours=-3), "BRT"),
)
"""Real IANA zones (one with a 30-minute DST shift) and fixed offsets."""

_SPACE_RUN = re.compile(r" {2,}")


def _part(value: bool | SearchStrategy[T] | None, default: SearchStrategy[T], off: T) -> Any:
    """A strategy for one part: the given strategy, the default, or the 'off' value."""
    if isinstance(value, SearchStrategy):
        return value
    if value is False:
        return st.just(off)
    return default


def _optional(value: bool | SearchStrategy[T] | None, default: SearchStrategy[T]) -> Any:
    if isinstance(value, SearchStrategy):
        return value
    if value is False:
        return st.none()
    return st.none() | default


def _tidy(value: str) -> str:
    return _SPACE_RUN.sub(" ", value).strip()


def text(
    *,
    alphabet: str | SearchStrategy[str] | None = None,
    min_size: int = 1,
    max_size: int = 80,
    strip: bool = True,
) -> SearchStrategy[str]:
    """Realistic one-line text: see :data:`DEFAULT_ALPHABET`; no control characters.

    With ``strip=True`` (the default) runs of spaces are collapsed and the text has no
    leading or trailing whitespace.

    >>> from newsparse.testing.strategies import text
    >>> text(max_size=20).example()  # doctest: +SKIP
    'Ağ “pâté” — שלום 🎉'
    """
    chars: Any = st.sampled_from(DEFAULT_ALPHABET) if alphabet is None else alphabet
    base = st.text(alphabet=chars, min_size=min_size, max_size=max_size)
    if not strip:
        return base
    return base.map(_tidy).filter(lambda s: len(s) >= min_size)


EDGE_CHARACTERS = (
    "\x00\x01\x08\t\n\x0b\x0c\r\x1b\x1f\x7f\x80\x85\x9f\u00a0\u00ad\u034f"
    "\u061c\u200b\u200d\u200e\u2028\u2029\u2066\ufeff\ufdd0\ufffd\ufffe\uffff"
    "\U0001f600\U000e0001\U000f0000\U0010fffd\U0010ffff&<>\"'\\ "
)
"""Characters that formats tend to lose: C0 and C1 controls (U+0000 first), CR, line and
paragraph separators, a byte-order mark, noncharacters, private use and invisible format
characters, astral code points, markup and escape characters."""


_WHITESPACE_RUNS = ("  ", "   ", "\n\n", "\r\n", " \n", "\n ", "\t\t", " \t", "\u00a0 ", "\n\n\n")


def any_text(*, min_size: int = 0, max_size: int = 40, exclude: str = "") -> SearchStrategy[str]:
    r"""Any Unicode text: every code point but a lone surrogate, edge cases weighted up.

    It holds what :func:`text` leaves out: runs of whitespace (leading, trailing and
    repeated spaces, tabs, blank lines, ``\r\n``), control characters (U+0000 too),
    ``\r`` and ``\n`` alone, noncharacters and any plane (see :data:`EDGE_CHARACTERS`).
    Lone surrogates never appear: the model refuses them, as no Unicode encoding can carry
    them. ``exclude`` leaves out characters a format cannot carry. Use it for the round
    trips of a format that says it is lossless.

    >>> from newsparse.testing.strategies import any_text
    >>> s = any_text(max_size=10, exclude="\x00")
    """
    edges = "".join(c for c in EDGE_CHARACTERS if c not in exclude)
    everything = st.characters(codec="utf-8", exclude_characters=exclude or None)
    chars = st.sampled_from(edges) | everything if edges else everything
    runs = [r for r in _WHITESPACE_RUNS if not set(r) & set(exclude)]
    if not runs:
        return st.text(alphabet=chars, min_size=min_size, max_size=max_size)
    # whitespace in runs as well as alone: a format that collapses "  " or "\n\n", or
    # strips the ends of a text, meets such a text in most runs, not once in thousands
    pieces = st.lists(chars | st.sampled_from(runs), min_size=min_size, max_size=max_size)
    return pieces.map(lambda parts: "".join(parts)[:max_size]).filter(lambda s: len(s) >= min_size)


# ---------------------------------------------------------------------------
# datetimes


@functools.lru_cache(maxsize=512)
def _transitions(zone: tzinfo, year: int) -> tuple[datetime, ...]:
    """The UTC instants in ``year`` at which ``zone`` changes its offset."""
    start = datetime(year, 1, 1, tzinfo=timezone.utc)
    found: list[datetime] = []
    prev = start.astimezone(zone).utcoffset()
    for day in range(1, 367):
        moment = start + timedelta(days=day)
        offset = moment.astimezone(zone).utcoffset()
        if offset != prev:
            lo, hi = moment - timedelta(days=1), moment
            while hi - lo > timedelta(minutes=1):
                mid = lo + (hi - lo) / 2
                if mid.astimezone(zone).utcoffset() == prev:
                    lo = mid
                else:
                    hi = mid
            found.append(hi.replace(second=0, microsecond=0))
            prev = offset
    return tuple(found)


@st.composite
def _near_transition(
    draw: st.DrawFn, zones: SearchStrategy[tzinfo], lo: datetime, hi: datetime
) -> datetime:
    zone = draw(zones)
    year = draw(st.integers(max(lo.year, 1900), min(hi.year, 2100)))
    edges = _transitions(zone, year)
    if not edges:
        naive = draw(st.datetimes(lo, hi))
        return naive.replace(tzinfo=zone)
    edge = draw(st.sampled_from(edges))
    minutes = draw(st.integers(-150, 150))
    return (edge + timedelta(minutes=minutes)).astimezone(zone)


def aware_datetimes(
    *,
    zones: Sequence[tzinfo] | SearchStrategy[tzinfo] | None = None,
    min_value: datetime = datetime(1970, 1, 1),
    max_value: datetime = datetime(2060, 12, 31),
    seconds: bool = True,
    dst_edges: bool = True,
) -> SearchStrategy[datetime]:
    """Timezone-aware datetimes in real zones, with times near DST transitions mixed in.

    ``zones`` defaults to :data:`DEFAULT_ZONES`; ``min_value``/``max_value`` are naive wall
    bounds. Near a transition both sides of a repeated hour appear (``fold=0`` and ``1``);
    times that do not exist (in a spring-forward gap) are never generated.
    ``seconds=False`` gives whole minutes.

    >>> from zoneinfo import ZoneInfo
    >>> from newsparse.testing.strategies import aware_datetimes
    >>> s = aware_datetimes(zones=[ZoneInfo("America/Chicago")], seconds=False)
    """
    zone_st: SearchStrategy[tzinfo]
    if zones is None:
        zone_st = st.sampled_from(DEFAULT_ZONES)
    elif isinstance(zones, SearchStrategy):
        zone_st = zones
    else:
        zone_st = st.sampled_from(tuple(zones))
    plain = st.datetimes(min_value, max_value, timezones=zone_st, allow_imaginary=False)
    result: SearchStrategy[datetime] = plain
    if dst_edges:
        edges = _near_transition(zone_st, min_value, max_value).filter(
            lambda d: min_value <= d.replace(tzinfo=None) <= max_value
        )
        result = st.one_of(plain, edges)
    if not seconds:
        result = result.map(lambda d: d.replace(second=0, microsecond=0))
    return result


# ---------------------------------------------------------------------------
# parts

_FIRST = ("Mara", "Jonas", "Aïcha", "Kenji", "Olúfẹ́mi", "Zoë", "Björn", "María José", "Li", "Noa")
_LAST = ("Quint", "Okafor", "Lindqvist", "Hernández", "O’Neill", "Van der Berg", "Nakamura")
_ROLES = ("opinion contributor", "staff writer", "correspondent", "photographer")


def _person_names() -> SearchStrategy[str]:
    return st.builds(
        lambda first, last: f"{first} {last}", st.sampled_from(_FIRST), st.sampled_from(_LAST)
    )


def authors(
    *,
    names: SearchStrategy[str] | None = None,
    roles: bool | SearchStrategy[str | None] | None = None,
    urls: bool | SearchStrategy[str | None] | None = None,
) -> SearchStrategy[Author]:
    """Authors: realistic or arbitrary names, optional roles and profile URLs.

    >>> from hypothesis import strategies as st
    >>> from newsparse.testing.strategies import authors
    >>> s = authors(names=st.just("Mara Quint"), urls=False)
    """
    name_st = names if names is not None else _person_names() | text(max_size=40)
    role_st = _optional(roles, st.sampled_from(_ROLES) | text(max_size=30))
    url_st = _optional(urls, _urls())
    return st.builds(Author, name=name_st, role=role_st, url=url_st)


def _urls() -> SearchStrategy[str]:
    slug = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=20)
    return st.builds(lambda s: f"https://news.example.org/{s}", slug)


def media(
    *,
    urls: bool | SearchStrategy[str | None] | None = None,
    captions: bool | SearchStrategy[str | None] | None = None,
    credits: bool | SearchStrategy[str | None] | None = None,
    kinds: SearchStrategy[str] | None = None,
    alts: bool | SearchStrategy[str | None] | None = None,
) -> SearchStrategy[Media]:
    """Media items; each of url, caption, credit and alt may be None.

    >>> from newsparse.testing.strategies import media
    >>> s = media(urls=False, alts=False)
    """
    return st.builds(
        Media,
        url=_optional(urls, _urls()),
        caption=_optional(captions, text(max_size=120)),
        credit=_optional(credits, text(max_size=40)),
        kind=kinds if kinds is not None else st.sampled_from(("image", "video", "audio")),
        alt=_optional(alts, text(max_size=60)),
    )


def paragraphs(*, text: SearchStrategy[str] | None = None) -> SearchStrategy[Paragraph]:
    """Paragraphs of :func:`text` (or of the given text strategy)."""
    return st.builds(Paragraph, text if text is not None else _text_default(200))


def _text_default(max_size: int) -> SearchStrategy[str]:
    return text(max_size=max_size)


ALL_BLOCK_TYPES: tuple[str, ...] = tuple(BLOCK_TYPES)
"""The body block types: paragraph, heading, quote, list, preformatted, media."""


def blocks(
    *,
    types: Sequence[str] = ALL_BLOCK_TYPES,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Block]:
    """Body blocks of the given ``types`` (names as in ``Block.type``).

    >>> from newsparse.testing.strategies import blocks
    >>> s = blocks(types=["paragraph", "heading"])
    """
    unknown = set(types) - set(BLOCK_TYPES)
    if unknown or not types:
        raise ValueError(f"unknown block types {sorted(unknown)}; pick from {ALL_BLOCK_TYPES}")
    words = text if text is not None else _text_default(200)
    makers: dict[str, SearchStrategy[Any]] = {
        "paragraph": st.builds(Paragraph, words),
        "heading": st.builds(Heading, words, level=st.integers(1, 6)),
        "quote": st.builds(Quote, words, attribution=st.none() | words),
        "list": st.builds(
            ListBlock, st.lists(words, min_size=1, max_size=5), ordered=st.booleans()
        ),
        "preformatted": st.builds(
            Preformatted, st.lists(words, min_size=1, max_size=4).map("\n".join)
        ),
        "media": st.builds(
            MediaBlock,
            media()
            if text is None
            else media(
                captions=st.none() | words, credits=st.none() | words, alts=st.none() | words
            ),
        ),
    }
    return st.one_of(*(makers[t] for t in types))


_JSON_LEAF = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
_JSON = st.recursive(
    _JSON_LEAF,
    lambda inner: (
        st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def extras(
    *,
    namespaces: Sequence[str] = ("test", "json", "html"),
    values: SearchStrategy[Any] | None = None,
    max_size: int = 3,
) -> SearchStrategy[dict[str, Any]]:
    """Namespaced JSON-like extras such as ``{"test.flag": True}``."""
    keys = st.builds(
        lambda ns, name: f"{ns}.{name}",
        st.sampled_from(tuple(namespaces)),
        st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True),
    )
    return st.dictionaries(keys, values if values is not None else _JSON, max_size=max_size)


def articles(
    *,
    title: SearchStrategy[str] | None = None,
    subtitle: bool | SearchStrategy[str | None] | None = None,
    section: bool | SearchStrategy[str | None] | None = None,
    authors: bool | SearchStrategy[tuple[Author, ...]] | None = None,
    max_authors: int = 3,
    published: bool | SearchStrategy[datetime | None] | None = None,
    updated: bool | SearchStrategy[datetime | None] | None = None,
    datetimes: SearchStrategy[datetime] | None = None,
    url: bool | SearchStrategy[str | None] | None = None,
    publisher: bool | SearchStrategy[str | None] | None = None,
    language: bool | SearchStrategy[str | None] | None = None,
    with_media: bool = True,
    media: SearchStrategy[tuple[Media, ...]] | None = None,
    body: SearchStrategy[tuple[Block, ...]] | None = None,
    body_block_types: Sequence[str] = ALL_BLOCK_TYPES,
    max_paragraphs: int = 8,
    notes: bool | SearchStrategy[tuple[str, ...]] | None = None,
    tags: bool | SearchStrategy[tuple[str, ...]] | None = None,
    tag_alphabet: str | SearchStrategy[str] | None = None,
    max_tags: int = 6,
    with_extras: bool = True,
    extras: SearchStrategy[dict[str, Any]] | None = None,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Article]:
    """Valid Articles; each keyword switches a part off (``False``) or replaces it.

    ``datetimes`` replaces the strategy for both ``published`` and ``updated``;
    ``body_block_types`` and ``max_paragraphs`` shape the default body; ``tag_alphabet``
    and ``max_tags`` the default tags. ``text`` replaces the strategy for every free
    text (title, subtitle, section, publisher, author names and roles, captions, credits
    and alternative texts, the body, notes and tags), e.g. with :func:`any_text`.

    >>> from hypothesis import strategies as st
    >>> from newsparse.testing.strategies import articles
    >>> s = articles(with_media=False, with_extras=False, body_block_types=["paragraph"])
    >>> s = articles(title=st.just("Harbour reopens"), tags=False)
    """
    when = datetimes if datetimes is not None else aware_datetimes()
    free = _free_text(text)
    tag_text = (
        _text(alphabet=tag_alphabet, max_size=30)
        if tag_alphabet is not None and text is None
        else free(30)
    )
    return st.builds(
        Article,
        title if title is not None else free(120),
        subtitle=_optional(subtitle, free(160)),
        section=_optional(section, free(30)),
        authors=_part(
            authors,
            st.lists(
                _authors_default()
                if text is None
                else _authors(names=text, roles=st.none() | text, urls=None),
                max_size=max_authors,
            ).map(tuple),
            (),
        ),
        published=_optional(published, when),
        updated=_optional(updated, when),
        url=_optional(url, _urls()),
        publisher=_optional(publisher, free(40)),
        language=_optional(language, st.sampled_from(("en", "en-US", "pt-BR", "he", "ar", "ja"))),
        media=media
        if media is not None
        else (st.lists(_media_default(text), max_size=2).map(tuple) if with_media else st.just(())),
        body=body
        if body is not None
        else st.lists(blocks(types=body_block_types, text=text), max_size=max_paragraphs).map(
            tuple
        ),
        notes=_part(notes, st.lists(free(80), max_size=2).map(tuple), ()),
        tags=_part(tags, st.lists(tag_text, max_size=max_tags, unique=True).map(tuple), ()),
        extras=extras
        if extras is not None
        else (_extras_default() if with_extras else st.just({})),
    )


def _authors_default() -> SearchStrategy[Author]:
    return authors()


def _media_default(text: SearchStrategy[str] | None = None) -> SearchStrategy[Media]:
    if text is None:
        return media()
    return media(captions=st.none() | text, credits=st.none() | text, alts=st.none() | text)


def _free_text(text: SearchStrategy[str] | None) -> Any:
    """``free(max_size)``: the given text strategy, or the default :func:`text` of that size."""
    if text is None:
        return lambda max_size: _text(max_size=max_size)
    return lambda max_size: text


_text = text
_authors = authors


def _extras_default() -> SearchStrategy[dict[str, Any]]:
    return extras()


# ---------------------------------------------------------------------------
# the wire domain


def _wire_zones() -> tuple[tzinfo, ...]:
    from .._text.zones import BYLINE_FIXED_ZONES, WALL_ZONES

    walls = tuple(ZoneInfo(key) for key in WALL_ZONES.values())
    return walls + tuple(BYLINE_FIXED_ZONES.values())


_NOTE_TEMPLATES = (
    "{name} contributed to this report.",
    "{name} contributed reporting from {place}.",
    "This story has been updated with {what}.",
    "This article was corrected to show {what}.",
    "Additional reporting by {name}.",
    "Reporting by {name}; editing by {other}.",
)
_TAG_WORDS = (
    "inflation",
    "interest rates",
    "Federal Reserve",
    "Jerome Powell",
    "climate change",
    "United Nations",
    "wildfires",
    "Kansas City Chiefs",
    "Super Bowl",
    "NFL",
    "2024 presidential election",
    "Senate",
    "Supreme Court",
    "abortion",
    "North Atlantic",
    "trade",
)


@st.composite
def _wire_article(
    draw: st.DrawFn,
    words: SearchStrategy[str],
    max_paragraphs: int,
    max_tags: int,
    with_media: bool,
    with_extras: bool,
) -> Article:
    from .._formats.wire import domain as dom
    from .._text.notes import is_note

    safe = words.filter(dom.safe_line)
    name = (_person_names() | words).filter(dom.safe_name)
    published = draw(
        st.none()
        | aware_datetimes(
            zones=_wire_zones(),
            min_value=datetime(1969, 1, 2),
            max_value=datetime(2068, 12, 30),
            seconds=False,
        )
    )
    role = draw(st.none() | st.sampled_from(_ROLES) | words.filter(dom.safe_role))
    people = draw(st.lists(name, max_size=3, unique=True))
    who = tuple(Author(n, role=role) for n in people)
    has_byline = bool(who) or published is not None
    section = draw(st.none() | safe) if has_byline else None
    item: tuple[Media, ...] = ()
    if with_media and has_byline and draw(st.booleans()):
        caption = draw(st.none() | safe)
        credit = draw(st.none() | words.filter(lambda c: "(" not in c and ")" not in c))
        if caption is None and credit is None:
            credit = "Staff Photo"
        if credit is None and caption is not None and caption.endswith(")"):
            caption += "."
        item = (Media(caption=caption, credit=credit),)
    paras = draw(st.lists(safe, max_size=max_paragraphs))
    if paras and is_note(paras[-1]):
        paras[-1] = "And so it went: " + paras[-1]
    notes = tuple(
        draw(
            st.lists(
                st.builds(
                    lambda t, a, b, c: t.format(name=a, other=b, place=c, what=c),
                    st.sampled_from(_NOTE_TEMPLATES),
                    _person_names(),
                    _person_names(),
                    words,
                ).filter(lambda n: dom.safe_line(n) and is_note(n)),
                max_size=2,
            )
        )
    )
    tag_st = st.sampled_from(_TAG_WORDS) | words.filter(dom.safe_tag)
    tags = tuple(draw(st.lists(tag_st, max_size=max_tags, unique=True)))
    if draw(st.booleans()):
        tags = tuple(sorted(tags, key=str.casefold))
    ex: dict[str, Any] = {}
    if published is not None or draw(st.booleans()):
        day = draw(st.dates(datetime(1969, 1, 1).date(), datetime(2068, 12, 31).date()))
        if published is not None and draw(st.booleans()):
            day = published.date()
        ex["wire.date"] = day.isoformat()
    if with_extras:
        trending = draw(st.lists(tag_st, max_size=3))
        if trending:
            ex["wire.trending"] = trending
        use_ends = draw(st.booleans())
        if paras and use_ends:
            ends = draw(
                st.lists(
                    st.sampled_from(("", "\u00a0", " ")), min_size=len(paras), max_size=len(paras)
                )
            )
            compact = dom.compact_ends(ends)
            if compact is not None:
                ex["wire.para_ends"] = compact
        if draw(st.booleans()):
            ex["wire.newline"] = "\r\n"
        final = draw(st.sampled_from((2, 2, 0, 1, 3)))
        if final != 2:
            ex["wire.final_newlines"] = final
    return Article(
        draw(safe),
        section=section,
        authors=who,
        published=published,
        media=item,
        body=tuple(Paragraph(p) for p in paras),
        notes=notes,
        tags=tags,
        extras=ex,
    )


def wire_articles(
    *,
    text: SearchStrategy[str] | None = None,
    max_paragraphs: int = 9,
    max_tags: int = 6,
    with_media: bool = True,
    with_extras: bool = True,
) -> SearchStrategy[Article]:
    """Articles inside the wire format's round-trip domain (``read(write(a)) == a``).

    ``text`` replaces the strategy for every line of text (lines that would read as
    another kind of line are filtered out); ``with_extras=False`` leaves out the optional
    ``wire.*`` extras (trending items, trailing no-break spaces, CRLF, file ending).

    >>> from newsparse.testing.strategies import wire_articles
    >>> s = wire_articles(max_paragraphs=3, with_media=False)
    """
    from .._formats.wire.domain import article_in_domain

    words = text if text is not None else _text_default(60)
    return _wire_article(words, max_paragraphs, max_tags, with_media, with_extras).filter(
        article_in_domain
    )
