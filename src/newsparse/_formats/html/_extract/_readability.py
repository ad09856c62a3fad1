"""The second opinion: Readability.js's article grabber, on the measured page.

An independent extractor, so that :mod:`._compare` can check the first one's result
against another method's, as trafilatura checks its own against readability's. It is a
port of the algorithm of Mozilla's Readability.js (``_grabArticle`` and
``_prepArticle``, Apache-2.0), written for newsparse's measuring arrays
(:class:`~._measure.Page`) instead of a mutable DOM: Readability removes, wraps and
renames nodes as it goes, and here every such change is a mark in a list indexed like
the page's elements, so the page is never modified and each step stays linear.

The steps, as Readability runs them:

1. *Prep* (:func:`_prune`): hidden elements, a modal dialog, the first byline and the
   first heading that repeats the title go; so do, on the first attempt only ("strip
   unlikelys"), elements whose class or id names furniture (:data:`_UNLIKELY`, unless
   :data:`_MAYBE` is there too) or whose role is navigation-like, and empty containers.
2. *Paragraphs* (:func:`_paragraphs`): ``p``, ``pre``, ``td``, ``section`` and ``h2``-``h6``
   score by their text; a ``div`` holding phrasing content has it wrapped into
   paragraphs (runs between its blocks and double ``<br>``s); a ``div`` holding one
   paragraph and few links is that paragraph; a ``div`` without blocks is a paragraph.
3. *Scores*: a paragraph of 25 characters or more scores ``1 + (commas + 1) +
   min(size // 100, 3)`` and gives it to five ancestors (in full, half, then a third of
   the level); each ancestor starts from its tag's and its class/id's weight, and the
   total is scaled by ``1 - link density``.
4. *Top candidate*: the best of the five best, replaced by the ancestor that three
   near-equal ones share, then by a parent whose score goes up, then by the parent it is
   the only child of.
5. *Siblings*: the siblings scoring a fifth of it (with a bonus for its class), and the
   paragraphs among them that read like prose.
6. *Clean* (:func:`_clean`): inside the result, footers, asides, embeds and form
   controls, small share boxes and headings named like furniture go, and every table,
   list, ``div`` and form is cleaned conditionally (too many images, list items or
   links for its paragraphs, no text in text-ish elements), innermost first, each
   judged on what its cleaned descendants leave.
7. *Retries*: a result shorter than :data:`~._constants.RB_CHAR_THRESHOLD` is tried
   again without stripping unlikely candidates, then without class weights, then without
   the conditional cleaning; if all are short, the longest wins.

Where the port differs (each a consequence of working on measures of an unmodified tree):
sizes are newsparse's script-aware sizes without whitespace; commas include the other
scripts' clause marks; links to ``#`` anchors count in full; ``nav``, ``iframe`` and
form controls were already unlinked by the cleaning step of :mod:`.._body`; the byline
element is removed on the first attempt whatever the metadata says; the conditional
cleaning judges tables, lists and ``div``s in one innermost-first pass rather than tag
by tag.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter
from typing import Final

from selectolax.lexbor import LexborNode

from . import _constants as C
from ._features import commas as count_commas
from ._features import dense
from ._measure import Page

__all__ = ["Grab", "Piece", "grab"]

# Readability.js's word lists (its REGEXPS), as literal words matched in a lower-cased name
_UNLIKELY: Final = (
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community",
    "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu",
    "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
    "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
    "yom-remote",
)  # fmt: skip
"""Class/id words of elements that are stripped on the first attempt."""
_MAYBE: Final = ("and", "article", "body", "column", "content", "main", "shadow")
"""Class/id words that keep an element matching :data:`_UNLIKELY`."""
_POSITIVE: Final = (
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
    "pagination", "post", "text", "blog", "story",
)  # fmt: skip
"""Class/id words that add to a candidate's score."""
_NEGATIVE: Final = (
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
    "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related",
    "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
    "widget",
)  # fmt: skip
"""Class/id words that take from a candidate's score (and the name ``hid`` on its own)."""
_BYLINE: Final = ("byline", "author", "dateline", "writtenby", "p-author")
"""Class/id words of a byline."""
_SHARE: Final = re.compile(r"(?:\b|_)(?:share|sharedaddy)(?:\b|_)", re.IGNORECASE)
"""Names of share boxes (a whole word, or between underscores)."""
_VIDEOS: Final = re.compile(
    r"//(?:www\.)?(?:(?:dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|"
    r"(?:archive|upload\.wikimedia)\.org|player\.twitch\.tv)",
    re.IGNORECASE,
)
_AD_WORDS: Final = re.compile(
    r"^(?:ad(?:vertising|vertisement)?|pub(?:licité)?|werb(?:ung)?|广告|Реклама|Anuncio)$",
    re.IGNORECASE,
)
_LOADING: Final = re.compile(
    r"^(?:loading|正在加载|Загрузка|chargement|cargando)(?:…|\.\.\.)?$", re.IGNORECASE
)
_SENTENCE: Final = re.compile(r"\.(?: |$)")
_TOKEN_SPLIT: Final = re.compile(r"\W+")
_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_TO_SCORE: Final = frozenset({"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"})
_DIV_TO_P: Final = frozenset({"blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"})
_PHRASING: Final = frozenset(
    {
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist",
        "dfn", "em", "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter",
        "noscript", "object", "output", "progress", "q", "ruby", "samp", "script",
        "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var",
        "wbr", "font",
    }
)  # fmt: skip
_PHRASING_IF_INLINE: Final = frozenset({"a", "del", "ins"})
_TEXTISH: Final = frozenset({"span", "li", "td"}) | _DIV_TO_P
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_ROLES: Final = frozenset(
    {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"}
)
_EMPTY_REMOVABLE: Final = frozenset({"div", "section", "header"}) | _HEADINGS
_KEEP_TAG: Final = frozenset({"div", "article", "section", "p"})  # ALTER_TO_DIV_EXCEPTIONS
_ALWAYS_CLEANED: Final = frozenset(
    {"object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select",
     "button"}
)  # fmt: skip
_CONDITIONAL: Final = frozenset({"form", "fieldset", "table", "ul", "div"})
_TAG_SCORE: Final = {
    "div": 5, "pre": 3, "td": 3, "blockquote": 3, "address": -3, "ol": -3, "ul": -3,
    "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3, "h1": -5, "h2": -5, "h3": -5,
    "h4": -5, "h5": -5, "h6": -5, "th": -5,
}  # fmt: skip
_DATA_TABLE_PARTS: Final = frozenset({"col", "colgroup", "tfoot", "thead", "th"})

# kinds of elements after the prep (Readability renames or replaces them)
_PLAIN, _AS_P, _COLLAPSED, _SPLIT = 0, 1, 2, 3


class Piece:
    """One part of the result: an element, or a run of phrasing nodes (a wrapped paragraph)."""

    __slots__ = ("index", "nodes")

    def __init__(self, index: int, nodes: list[LexborNode] | None = None) -> None:
        self.index = index  # the element, or the element the run is in
        self.nodes = nodes  # the run's nodes; None for an element


class Grab:
    """Readability's result: the pieces in page order and the elements cleaned out of them."""

    __slots__ = ("attempt", "drop", "links", "pieces", "score", "size", "top")

    def __init__(
        self, pieces: list[Piece], drop: list[bool], size: int, links: int, top: int,
        score: float,
    ) -> None:  # fmt: skip
        self.pieces = pieces
        self.drop = drop  # element index -> removed (with its subtree)
        self.size = size  # the text left in the pieces
        self.links = links  # the part of it in links
        self.attempt = 0  # which attempt of the retry ladder gave it (0: the first)
        self.top = top  # the top candidate (-1: the whole page)
        self.score = score


class _Run:
    """A run of phrasing nodes that Readability wraps into a paragraph."""

    __slots__ = ("commas", "links", "nodes", "size")

    def __init__(self) -> None:
        self.nodes: list[LexborNode] = []
        self.size = 0
        self.links = 0
        self.commas = 0


# what Readability's word lists say of one class name or id (bits of a flag set)
_IS_UNLIKELY, _IS_MAYBE, _IS_BYLINE, _IS_POSITIVE, _IS_NEGATIVE, _IS_SHARE = 1, 2, 4, 8, 16, 32
_WORD_LISTS: Final = (
    (_IS_UNLIKELY, _UNLIKELY),
    (_IS_MAYBE, _MAYBE),
    (_IS_BYLINE, _BYLINE),
    (_IS_POSITIVE, _POSITIVE),
    (_IS_NEGATIVE, _NEGATIVE),
)


def _word_bits() -> dict[str, int]:
    """Every word of Readability's lists with the lists it is in."""
    words: dict[str, int] = {}
    for bit, listed in _WORD_LISTS:
        for word in listed:
            words[word] = words.get(word, 0) | bit
    return words


_WORD_BITS: Final = _word_bits()
_ATTRIBUTES: Final = attrgetter("attributes")
_HID: Final = re.compile(r"(?<!\S)hid(?!\S)")  # Readability's "hid" rule: a name on its own


def _value_flags(values: list[str]) -> list[int]:
    """The word lists each class or id value matches, all values in one pass.

    Readability matches its lists on the lower-cased ``"class id"`` string; none of its
    words holds a space or a newline, so finding each word in the values joined by
    newlines finds the same words: one fast substring search per word over the page's
    values instead of one search per word and element.
    """
    if not values:
        return []
    starts: list[int] = []
    at = 0
    for value in values:
        starts.append(at)
        at += len(value) + 1
    joined = "\n".join(values)
    low = joined.lower()
    flags = [0] * len(values)
    find = low.find
    for word, bits in _WORD_BITS.items():
        at = find(word)
        while at >= 0:
            flags[bisect_right(starts, at) - 1] |= bits
            at = find(word, at + 1)
    for m in _HID.finditer(low):
        flags[bisect_right(starts, m.start()) - 1] |= _IS_NEGATIVE
    for m in _SHARE.finditer(joined):
        flags[bisect_right(starts, m.start()) - 1] |= _IS_SHARE
    return flags


def _weight(cls: int, ident: int) -> int:
    """Readability's ``_getClassWeight`` from the flags of the class and of the id."""
    weight = 0
    for flags in (cls, ident):
        if flags & _IS_NEGATIVE:
            weight -= C.CLASS_WEIGHT
        if flags & _IS_POSITIVE:
            weight += C.CLASS_WEIGHT
    return weight


def _similarity(a: str, b: str) -> float:
    """Readability's ``_textSimilarity``: how much of ``b`` is made of ``a``'s words.

    The share is by characters of the words, as Readability measures it.
    """
    ta = {t for t in _TOKEN_SPLIT.split(a.lower()) if t}
    tb = [t for t in _TOKEN_SPLIT.split(b.lower()) if t]
    if not ta or not tb:
        return 0.0
    unique = [t for t in tb if t not in ta]
    return 1 - len(" ".join(unique)) / len(" ".join(tb))


class _Marks:
    """What every attempt needs to know of the page's elements, computed once per page.

    Their attributes, the word lists their class and id match, and nearby ancestors.
    """

    __slots__ = ("attrs", "classes", "idents", "near_code", "near_figure", "near_table")

    def __init__(self, page: Page) -> None:
        self.attrs = attrs = list(map(_ATTRIBUTES, page.nodes))
        # the distinct class and id values of the page, matched in one pass
        numbers: dict[str, int] = {}
        classes, idents = [-1] * len(attrs), [-1] * len(attrs)
        for i, a in enumerate(attrs):
            if a:
                value = a.get("class")
                if value:
                    classes[i] = numbers.setdefault(value, len(numbers))
                value = a.get("id")
                if value:
                    idents[i] = numbers.setdefault(value, len(numbers))
        flags = _value_flags(list(numbers))
        flags.append(0)  # index -1: no value
        self.classes = [flags[k] for k in classes]
        self.idents = [flags[k] for k in idents]
        self.near_table, self.near_code, self.near_figure = _ancestors_within(page)

    def words(self, i: int) -> int:
        """The word lists the class or the id of element ``i`` matches."""
        return self.classes[i] | self.idents[i]

    def weight(self, i: int) -> int:
        """Readability's class/id weight of element ``i``."""
        return _weight(self.classes[i], self.idents[i])


class _View:
    """The page as one attempt of Readability sees it after its prep (see :func:`_prune`).

    ``gone[i]``: removed with its subtree; ``kind[i]``: how Readability changed element
    ``i`` (turned into a paragraph, replaced by its only paragraph, a ``<p>`` split by
    ``<br>`` chains into a ``div``); ``text``, ``links``, ``commas``: sizes without what is
    gone; ``kids[i]``: its element children after the prep; ``runs[i]``: the phrasing
    runs wrapped into paragraphs.
    """

    __slots__ = (
        "attrs", "commas", "gone", "kids", "kind", "links", "marks", "page", "runs", "text",
    )  # fmt: skip

    def __init__(self, page: Page, marks: _Marks) -> None:
        n = len(page.tags)
        self.page = page
        self.marks = marks
        self.attrs = marks.attrs
        self.gone = [False] * n
        self.kind = [_PLAIN] * n
        self.text = page.direct[:]
        self.links = page.direct_links[:]
        self.commas = page.direct_commas[:]
        self.kids = [0] * n
        self.runs: dict[int, list[_Run]] = {}

    def up(self, i: int) -> int:
        """The parent of ``i`` after the prep (a replaced ``div`` is skipped)."""
        parent, kind = self.page.parent, self.kind
        p = parent[i]
        while p >= 0 and kind[p] == _COLLAPSED:
            p = parent[p]
        return p

    def density(self, i: int) -> float:
        """Readability's link density (0 for an element without text)."""
        n = self.text[i]
        return self.links[i] / n if n else 0.0

    def tag(self, i: int) -> str:
        """The tag of element ``i`` after the prep."""
        kind = self.kind[i]
        if kind == _AS_P:
            return "p"
        if kind == _SPLIT:
            return "div"
        return self.page.tags[i]

    def initial(self, i: int, weigh: bool) -> float:
        """Readability's ``_initializeNode``: the tag's score and the class weight."""
        score = float(_TAG_SCORE.get(self.tag(i), 0))
        return score + self.marks.weight(i) if weigh else score


def _ancestors_within(page: Page, levels: int = 4) -> tuple[list[bool], ...]:
    """Whether each element has a ``table``, a ``code``, a ``figure`` ancestor near it.

    Near is at most ``levels`` up: Readability's ``_hasAncestorTag`` at its default depth,
    for every element at once.
    """
    return tuple(_near(page, tag, levels) for tag in ("table", "code", "figure"))


def _near(page: Page, tag: str, levels: int) -> list[bool]:
    """Whether each element has a ``tag`` ancestor at most ``levels`` up."""
    tags, parent = page.tags, page.parent
    n = len(tags)
    if tag not in tags:
        return [False] * n  # most pages have no code, many no table (found in C)
    far = levels + 1
    dist = [far] * n
    for i in range(1, n):
        p = parent[i]
        if p < 0:
            continue
        d = 1 if tags[p] == tag else dist[p] + 1
        dist[i] = d if d < far else far
    return [d <= levels for d in dist]


def _prune(view: _View, title: str | None, strip: bool, byline: bool) -> None:
    """Readability's node prepping: mark what it removes, then size what is left."""
    page, attrs, gone, marks = view.page, view.attrs, view.gone, view.marks
    near_table, near_code = marks.near_table, marks.near_code
    tags, parent, text = page.tags, page.parent, page.text
    n = len(tags)
    kids = [0] * n  # element children before the prep, and how many are br/hr
    breaks = [0] * n
    for i in range(1, n):
        p = parent[i]
        kids[p] += 1
        if tags[i] in ("br", "hr"):
            breaks[p] += 1
    want_title = bool(title)
    want_byline = byline
    for i in range(1, n):
        if gone[parent[i]]:
            gone[i] = True
            continue
        a = attrs[i]
        tag = tags[i]
        if a:
            style = a.get("style")
            if (
                "hidden" in a
                or (
                    a.get("aria-hidden") == "true"
                    and "fallback-image" not in (a.get("class") or "")
                )
                or (style and _HIDDEN_STYLE.search(style))
                or (a.get("aria-modal") == "true" and a.get("role") == "dialog")
            ):
                gone[i] = True
                continue
            words = marks.words(i)
            if (
                want_byline
                and (
                    words & _IS_BYLINE
                    or a.get("rel") == "author"
                    or "author" in (a.get("itemprop") or "")
                )
                and 0 < text[i] < C.RB_BYLINE_MAX
            ):
                want_byline = False
                gone[i] = True
                continue
            if strip:
                if (
                    words & _IS_UNLIKELY
                    and not words & _IS_MAYBE
                    and not near_table[i]
                    and not near_code[i]
                    and tag != "a"
                ):
                    gone[i] = True
                    continue
                if a.get("role") in _ROLES:
                    gone[i] = True
                    continue
        if (
            want_title
            and (tag == "h1" or tag == "h2")
            and _similarity(title or "", page.nodes[i].text(deep=True).strip())
            > C.RB_TITLE_SIMILARITY
        ):
            want_title = False
            gone[i] = True
            continue
        if tag in _EMPTY_REMOVABLE and text[i] == 0 and kids[i] == breaks[i]:
            gone[i] = True
    # sizes without what is gone, and the element children left
    vt, vl, vc, vk = view.text, view.links, view.commas, view.kids
    for i in range(n - 1, 0, -1):
        if gone[i]:
            continue
        p = parent[i]
        vt[p] += vt[i]
        vl[p] += vl[i]
        vc[p] += vc[i]
        vk[p] += 1


def _wrap(view: _View, node: LexborNode) -> tuple[list[_Run], int, bool]:
    """The runs of phrasing content of an element that Readability wraps into paragraphs.

    Runs are split by the element's other children and by chains of ``<br>``s. Also
    returns how many other element children it has, and whether a chain was found.
    """
    page = view.page
    find = page.index.get
    tags, blocks, gone = page.tags, page.blocks, view.gone
    vt, vl, vc = view.text, view.links, view.commas
    runs: list[_Run] = []
    run: _Run | None = None
    others = 0
    chained = False
    pending: LexborNode | None = None  # a <br> that may start a chain
    for child in node.iter(include_text=True):
        tag = child.tag or ""
        if tag == "-text":
            chars = child.text_content or ""
            size = dense(chars)
            if run is None:
                if not size:
                    continue
                run = _Run()
            if pending is not None and size:
                run.nodes.append(pending)
                pending = None
            run.nodes.append(child)
            if size:
                run.size += size
                if "," in chars or ";" in chars or not chars.isascii():
                    run.commas += count_commas(chars)
            continue
        if tag.startswith(("-", "!", "_")):
            continue
        j = find(child.mem_id)
        if j is None or gone[j]:
            continue
        if tag == "br":
            if pending is not None:  # a chain of <br>s: the paragraph ends here
                chained = True
                if run is not None:
                    runs.append(run)
                    run = None
            elif run is not None:
                pending = child
            continue
        if tags[j] in _PHRASING or (tags[j] in _PHRASING_IF_INLINE and not blocks[j]):
            if run is None:
                run = _Run()
            if pending is not None:
                run.nodes.append(pending)
                pending = None
            run.nodes.append(child)
            run.size += vt[j]
            run.links += vl[j]
            run.commas += vc[j]
            continue
        pending = None
        others += 1
        if run is not None:
            runs.append(run)
            run = None
    if run is not None:
        runs.append(run)
    return runs, others, chained


def _paragraphs(view: _View) -> list[tuple[int, int, int]]:
    """(first ancestor, size, commas) of every paragraph that scores, in page order.

    Also marks the ``div``s that Readability turns into paragraphs or replaces by their
    only paragraph, and keeps the wrapped runs for the sibling and cleaning steps.
    """
    page = view.page
    tags, gone, kind, kids = page.tags, view.gone, view.kind, view.kids
    n = len(tags)
    nodes, parent = page.nodes, page.parent
    block = [False] * n  # a block (Readability's DIV_TO_P_ELEMS) lies below
    only = [-1] * n  # the first element child left
    for i in range(n - 1, 0, -1):
        if gone[i]:
            continue
        p = parent[i]
        if block[i] or tags[i] in _DIV_TO_P:
            block[p] = True
        only[p] = i
    units: list[tuple[int, int, int]] = []
    least = C.RB_MIN_PARAGRAPH
    for i in range(n):
        if gone[i]:
            continue
        tag = tags[i]
        if tag == "p" and page.brs[i] and page.own[i]:
            runs, others, chained = _wrap(view, nodes[i])
            if chained:
                kind[i] = _SPLIT  # Readability turns a <p> split by <br> chains into a div
                tag = "div"
            else:
                runs = []
        elif tag == "div" and (page.own[i] or page.brs[i]):
            runs, others, _chained = _wrap(view, nodes[i])
        else:
            runs, others = [], kids[i]
        if tag == "div":
            children = len(runs) + others
            sole_p = children == 1 and (
                len(runs) == 1 or (only[i] >= 0 and tags[only[i]] == "p" and not page.direct[i])
            )
            if sole_p and view.density(i) < C.RB_SINGLE_P_LINK_DENSITY:
                kind[i] = _COLLAPSED  # the div is replaced by its paragraph
                if runs:
                    view.runs[i] = runs
                    if runs[0].size >= least:
                        units.append((view.up(i), runs[0].size, runs[0].commas))
                continue
            kids[i] = children
            if not runs and not block[i]:
                kind[i] = _AS_P
        scored = kind[i] == _AS_P or (tag in _TO_SCORE and kind[i] != _SPLIT)
        if scored and view.text[i] >= least:
            up = view.up(i)
            if up >= 0:
                units.append((up, view.text[i], view.commas[i]))
        if runs:
            view.runs[i] = runs
            for run in runs:
                if run.size >= least:
                    units.append((i, run.size, run.commas))
    return units


def _score(view: _View, units: list[tuple[int, int, int]], weigh: bool) -> dict[int, float]:
    """Readability's candidate scores, in the order the candidates were found.

    The tag's and the class's weight plus the paragraphs' votes, scaled by
    ``1 - link density``.
    """
    scores: dict[int, float] = {}
    for up, size, commas in units:
        points = 1 + (commas + 1) + min(size // C.RB_SIZE_PER_POINT, C.RB_MAX_SIZE_POINTS)
        a = up
        level = 0
        while a >= 0 and level < C.RB_LEVELS:
            score = scores.get(a)
            if score is None:
                score = view.initial(a, weigh)
            divider = 1 if level == 0 else 2 if level == 1 else level * C.RB_LEVEL_DECAY
            scores[a] = score + points / divider
            a = view.up(a)
            level += 1
    for a in scores:
        scores[a] *= 1 - view.density(a)
    return scores


def _top(view: _View, scores: dict[int, float], weigh: bool) -> tuple[int, float]:
    """The top candidate and its score (-1 when it is the whole page)."""
    page = view.page
    best = sorted(scores, key=lambda a: -scores[a])[: C.RB_TOP_CANDIDATES]
    if not best or best[0] == 0:
        return -1, 0.0
    top = best[0]
    top_score = scores[top]
    close = [a for a in best[1:] if top_score > 0 and scores[a] / top_score >= C.RB_CLOSE_SHARE]
    if len(close) >= C.RB_CLOSE_MIN:
        # the ancestor that three near-equal candidates share
        a = view.up(top)
        while a > 0:
            if sum(1 for c in close if a != c and page.holds(a, c)) >= C.RB_CLOSE_MIN:
                top = a
                break
            a = view.up(a)
    score = scores.get(top)
    if score is None:
        score = view.initial(top, weigh)
    # a parent whose score goes up holds more of the article
    a = view.up(top)
    last = score
    threshold = score / 3
    while a > 0:
        parent_score = scores.get(a)
        if parent_score is None:
            a = view.up(a)
            continue
        if parent_score < threshold:
            break
        if parent_score > last:
            top, score = a, parent_score
            break
        last = parent_score
        a = view.up(a)
    # the only child of its parent: take the parent (the article may go on beside it)
    a = view.up(top)
    while a > 0 and view.kids[a] == 1:
        top = a
        a = view.up(a)
    found = scores.get(top)
    return top, found if found is not None else view.initial(top, weigh)


def _children(view: _View, i: int) -> list[tuple[int, _Run | None]]:
    """The children of element ``i`` after the prep, in order.

    ``(index, None)`` for an element, ``(i, run)`` for a wrapped run.
    """
    page = view.page
    runs = view.runs.get(i) if view.kind[i] != _COLLAPSED else None
    find = page.index.get
    gone = view.gone
    starts = {r.nodes[0].mem_id: r for r in runs} if runs else {}
    inside = {x.mem_id for r in runs for x in r.nodes} if runs else set()
    out: list[tuple[int, _Run | None]] = []
    for child in page.nodes[i].iter(include_text=True):
        key = child.mem_id
        run = starts.get(key)
        if run is not None:
            out.append((i, run))
            continue
        if key in inside:
            continue
        tag = child.tag or ""
        if tag.startswith(("-", "!", "_")):
            continue
        j = find(key)
        if j is not None and not gone[j]:
            out.append((j, None))
    return out


def _run_text(run: _Run) -> str:
    return " ".join("".join(x.text(deep=True) for x in run.nodes).split())


def _prose_like(size: int, links: int, text: str) -> bool:
    """Readability's test of a paragraph sibling: long with few links, or a sentence."""
    if not size:
        return False
    density = links / size
    if size > C.RB_PROSE_MIN:
        return density < C.RB_PROSE_MAX_LINK_DENSITY
    return density == 0 and _SENTENCE.search(text) is not None


def _siblings(view: _View, scores: dict[int, float], top: int, score: float) -> list[Piece]:
    """The top candidate with the siblings that belong with it (Readability's rules)."""
    page = view.page
    attrs, kind = view.attrs, view.kind
    parent = view.up(top)
    if parent < 0:
        return [Piece(top)]
    threshold = max(C.RB_SIBLING_MIN, score * C.RB_SIBLING_SHARE)
    top_class = (attrs[top] or {}).get("class") or ""
    out: list[Piece] = []
    for j, run in _children(view, parent):
        if run is not None:
            if _prose_like(run.size, run.links, _run_text(run)):
                out.append(Piece(j, run.nodes))
            continue
        if j == top:
            out.append(Piece(j))
            continue
        # a replaced div is its paragraph: a wrapped run or its one <p>
        k = j
        if kind[j] == _COLLAPSED:
            inner = view.runs.get(j)
            if inner:
                run = inner[0]
                if _prose_like(run.size, run.links, _run_text(run)):
                    out.append(Piece(j))
                continue
            k = next((c for c, _r in _children(view, j) if c != j), j)
        bonus = 0.0
        if top_class and (attrs[k] or {}).get("class") == top_class:
            bonus = score * C.RB_SIBLING_CLASS_BONUS
        s = scores.get(k)
        if s is not None and s + bonus >= threshold:
            out.append(Piece(j))
        elif view.tag(k) == "p":
            text = " ".join(page.nodes[k].text(deep=True).split())
            if _prose_like(view.text[k], view.links[k], text):
                out.append(Piece(j))
    return out


def _data_tables(view: _View, pieces: list[Piece]) -> list[bool]:
    """Readability's ``_markDataTables`` for the tables in the pieces."""
    page = view.page
    tags, parent, attrs, gone = page.tags, page.parent, view.attrs, view.gone
    data = [False] * len(tags)
    rows: dict[int, int] = {}
    cols: dict[int, int] = {}
    marked: set[int] = set()  # has a caption with content or a th/thead/col/... part
    nested: set[int] = set()
    owner: dict[int, int] = {}  # element -> the nearest table above it (or itself)
    cells: dict[int, int] = {}
    for piece in pieces:
        if piece.nodes is not None:
            continue
        lo = piece.index
        for i in range(lo, page.end[lo] + 1):
            if gone[i]:
                continue
            t = owner.get(parent[i], -1) if i > lo else -1
            tag = tags[i]
            if tag == "table":
                if t >= 0:
                    nested.add(t)
                owner[i] = i
                rows[i] = cols[i] = 0
                continue
            owner[i] = t
            if t < 0:
                continue
            if tag == "tr":
                rows[t] += 1
            elif tag == "td" and tags[parent[i]] == "tr":
                tr = parent[i]
                cells[tr] = count = cells.get(tr, 0) + 1
                if count > cols[t]:
                    cols[t] = count
            elif tag in _DATA_TABLE_PARTS or (
                tag == "caption" and (page.text[i] or page.end[i] > i)
            ):
                marked.add(t)
    for t, r in rows.items():
        a = attrs[t] or {}
        if a.get("role") == "presentation" or a.get("datatable") == "0":
            continue
        if a.get("summary") or t in marked:
            data[t] = True
        elif t not in nested and r != 1 and cols[t] != 1:
            c = cols[t]
            data[t] = r >= C.RB_TABLE_ROWS or c > C.RB_TABLE_COLUMNS or r * c > C.RB_TABLE_CELLS
    return data


class _Tally:
    """What an element holds once its descendants are cleaned (one list per measure)."""

    __slots__ = (
        "commas", "data", "heading", "img", "inputs", "items", "links", "listed", "p",
        "text", "textish", "video", "widest",
    )  # fmt: skip

    def __init__(self, n: int) -> None:
        self.text = [0] * n
        self.links = [0] * n
        self.commas = [0] * n
        self.p = [0] * n  # paragraphs below (wrapped runs and divs turned into p included)
        self.img = [0] * n
        self.items = [0] * n  # list items
        self.inputs = [0] * n
        self.heading = [0] * n  # text in headings below
        self.textish = [0] * n  # text in text-ish elements below (nested ones again)
        self.listed = [0] * n  # text in lists below
        self.data = [False] * n  # a data table below
        self.video = [False] * n  # an allowed video embed below
        self.widest = [0] * n  # the most element children of one child


def _clean(
    view: _View, pieces: list[Piece], weigh: bool, conditional: bool
) -> tuple[list[bool], int, int]:
    """Readability's ``_prepArticle`` on the pieces: what it removes, the text and links left.

    One pass from the last element to the first in each piece, so every element is judged
    on what its descendants left after their own cleaning.
    """
    page = view.page
    tags, parent, attrs, gone, kind = page.tags, page.parent, view.attrs, view.gone, view.kind
    near_code, near_figure = view.marks.near_code, view.marks.near_figure
    n = len(tags)
    drop = [False] * n
    data = _data_tables(view, pieces)
    in_data = [False] * n
    s = _Tally(n)
    total = linked = 0
    for piece in pieces:
        if piece.nodes is not None:
            size, links = _run_size(view, piece)
            total += size
            linked += links
            continue
        root = piece.index
        end = page.end[root]
        for i in range(root + 1, end + 1):
            p = parent[i]
            in_data[i] = in_data[p] or data[p]
        for i in range(end, root - 1, -1):
            if gone[i]:
                continue
            tag = tags[i]
            k = kind[i]
            if k == _COLLAPSED:
                eff = "p" if view.runs.get(i) else ""  # replaced by its paragraph
            elif i == root and tag not in _KEEP_TAG:
                eff = "div"  # Readability renames the pieces it takes
            else:
                eff = view.tag(i)
            t = s.text[i] + page.direct[i]
            lk = s.links[i] + page.direct_links[i]
            runs = view.runs.get(i) if k != _COLLAPSED else None
            if runs:
                s.p[i] += len(runs)
                s.textish[i] += sum(r.size for r in runs)
            a = attrs[i]
            removed = False
            if tag in _ALWAYS_CLEANED:
                if (
                    tag in ("object", "embed", "iframe")
                    and a
                    and any(_VIDEOS.search(v or "") for v in a.values())
                ):
                    s.video[i] = True
                else:
                    removed = True
            elif i != root and t < C.RB_CHAR_THRESHOLD and view.marks.words(i) & _IS_SHARE:
                removed = True
            if not removed and weigh and (tag == "h1" or tag == "h2"):
                removed = view.marks.weight(i) < 0
            if not removed and conditional and eff in _CONDITIONAL:
                removed = _fishy(
                    view, i, eff, weigh, t, lk, s, data[i], in_data[i], near_code[i],
                    near_figure[i],
                )  # fmt: skip
            if removed:
                drop[i] = True
                continue
            if i == root:
                total += t
                linked += lk
                continue
            p = parent[i]
            s.text[p] += t
            s.links[p] += lk
            s.commas[p] += s.commas[i] + page.direct_commas[i]
            s.p[p] += s.p[i] + (1 if eff == "p" else 0)
            s.img[p] += s.img[i] + (1 if tag == "img" else 0)
            s.items[p] += s.items[i] + (1 if tag == "li" else 0)
            s.inputs[p] += s.inputs[i] + (1 if tag == "input" else 0)
            s.heading[p] += s.heading[i] + (t if tag in _HEADINGS else 0)
            s.textish[p] += s.textish[i] + (t if eff in _TEXTISH else 0)
            s.listed[p] += s.listed[i] + (t if tag == "ul" or tag == "ol" else 0)
            s.data[p] = s.data[p] or s.data[i] or data[i]
            s.video[p] = s.video[p] or s.video[i]
            if view.kids[i] > s.widest[p]:
                s.widest[p] = view.kids[i]
    return drop, total, linked


def _run_size(view: _View, piece: Piece) -> tuple[int, int]:
    """The text of a wrapped run and its link text."""
    find = view.page.index.get
    size = links = 0
    for x in piece.nodes or ():
        if x.tag == "-text":
            size += dense(x.text_content or "")
        elif (j := find(x.mem_id)) is not None:
            size += view.text[j]
            links += view.links[j]
    return size, links


def _fishy(
    view: _View, i: int, tag: str, weigh: bool, size: int, links: int, s: _Tally,
    is_data: bool, in_data: bool, in_code: bool, in_figure: bool,
) -> bool:  # fmt: skip
    """Readability's ``_cleanConditionally`` test of one element."""
    listed = s.listed[i]
    is_list = tag == "ul" or (size > 0 and listed / size > C.RB_LIST_SHARE)
    if (tag == "table" and is_data) or in_data or in_code or s.data[i]:
        return False
    weight = view.marks.weight(i) if weigh else 0
    if weight < 0:
        return True
    if s.commas[i] + view.page.direct_commas[i] >= C.RB_CLEAN_COMMAS or s.video[i]:
        return False
    if 0 < size <= C.RB_AD_WORDS_MAX:
        words = " ".join(view.page.nodes[i].text(deep=True).split())
        if _AD_WORDS.match(words) or _LOADING.match(words):
            return True
    p, img, items = s.p[i], s.img[i], s.items[i]
    density = links / size if size else 0.0
    heading_density = s.heading[i] / size if size else 0.0
    text_density = s.textish[i] / size if size else 0.0
    remove = (
        (not in_figure and img > 1 and p / img < C.RB_P_PER_IMAGE)
        or (not is_list and items - C.RB_LIST_ITEMS_ALLOWED > p)
        or (tag in ("form", "fieldset") and s.inputs[i] > p // 3)
        or (
            not is_list
            and not in_figure
            and heading_density < C.RB_HEADING_SHARE
            and size < C.RB_MIN_PARAGRAPH
            and (img == 0 or img > 2)
            and density > 0
        )
        or (not is_list and weight < C.CLASS_WEIGHT and density > C.RB_LINKY)
        or (weight >= C.CLASS_WEIGHT and density > C.RB_LINKS_MOSTLY)
        or (img == 0 and text_density == 0)
    )
    if remove and is_list and s.widest[i] <= 1 and img == items:
        return False  # a simple list of images stays
    return remove


_LADDER: Final = (
    (True, True, True),
    (False, True, True),
    (False, False, True),
    (False, False, False),
)
"""Readability's flags per attempt: strip unlikely candidates, weigh classes, clean
conditionally."""


def grab(page: Page, title: str | None = None) -> Grab | None:
    """Readability's article of a measured page, or ``None`` when it finds no text.

    Runs the attempts of Readability's retry ladder (see the module docstring) until one
    gives :data:`~._constants.RB_CHAR_THRESHOLD` of text, else takes the longest. The
    attempts after the first share their prep (they strip nothing), and the last two
    their scores (neither weighs classes).
    """
    if not page.tags:
        return None
    marks = _Marks(page)
    attempts: list[Grab] = []
    view = _View(page, marks)
    units: list[tuple[int, int, int]] = []
    scores: dict[int, float] = {}
    pieces: list[Piece] = []
    top, score = -1, 0.0
    for k, (strip, weigh, conditional) in enumerate(_LADDER):
        if k < 2:  # the prep changes: unlikely candidates are stripped on the first only
            view = _View(page, marks)
            _prune(view, title, strip, k == 0)
            units = _paragraphs(view)
        if k < 3:  # the scores change: class weights count on the first two only
            scores = _score(view, units, weigh)
            top, score = _top(view, scores, weigh)
            pieces = [Piece(0)] if top < 0 else _siblings(view, scores, top, score)
        drop, size, links = _clean(view, pieces, weigh, conditional)
        for i, g in enumerate(view.gone):
            if g:
                drop[i] = True
        result = Grab(pieces, drop, size, links, top, score)
        result.attempt = k
        if size >= C.RB_CHAR_THRESHOLD:
            return result
        attempts.append(result)
    best = max(attempts, key=lambda g: g.size)
    return best if best.size else None
