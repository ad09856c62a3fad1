"""Phases 2 to 6, choose: which elements of a measured page hold the article.

Each phase is a function that can be read alone; :func:`choose` runs them in order:

2. :func:`paragraphs`: the paragraphs that vote, with their scores;
3. :func:`candidates`: the ancestors of the paragraphs, the paragraph text each holds, and
   which of them are furniture; then :func:`vote` passes the scores up;
4. :func:`ranked`: the candidates by score, with their tag and class/id weights;
5. :func:`split_article`: the common ancestor of near-equal candidates, when there is one;
6. :func:`siblings` and :func:`parts`: what belongs with the winner beside it and
   elsewhere on the page.

Every phase is linear in the number of elements (a loop over ancestors is bounded by
:data:`~._constants.LEVELS` or replaced by the pre-order ranges of :class:`~._measure.Page`).
"""

from __future__ import annotations

from bisect import bisect_right

from selectolax.lexbor import LexborNode

from . import _constants as C
from ._features import (
    INLINE,
    class_weight,
    hidden,
    hints,
    norm,
    size,
    strong_negative,
)
from ._measure import Page

__all__ = [
    "Candidate",
    "Choice",
    "candidates",
    "choose",
    "lead",
    "paragraphs",
    "parts",
    "ranked",
    "siblings",
    "split_article",
    "vote",
    "widen",
]

UNIT_TAGS = frozenset({"p", "pre", "td", "blockquote", "dd"})
"""Paragraph tags: one of these holding text is a paragraph, whatever its size."""

NOT_UNITS = frozenset(
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption", "th", "dt", "label",
        "option", "title", "head", "html", "body", "figure", "script", "style", "noscript",
        "template", "textarea", "select", "button", "form", "input", "object", "map",
    }
)  # fmt: skip
"""Elements whose own text never makes them a paragraph."""

FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header"})
"""Sectioning elements that hold page furniture (see :data:`~._constants.FURNITURE_KEEP_SHARE`)."""

LEAD_TAGS = frozenset({"p", "div"})
"""What a lead paragraph can be (not a list item, a table cell, a quote)."""

HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
"""Headings that introduce a section of the article."""

TEXT_BOXES = frozenset({"div", "section"})
"""Containers that pages use as paragraphs (their text directly inside, no blocks)."""

_SENTENCE_END = ".!?。！？"


class Candidate:
    """An ancestor of a voting paragraph."""

    __slots__ = ("bad", "held", "index", "neg", "own", "parent", "score", "units")

    def __init__(self, index: int, parent: int, neg: bool) -> None:
        self.index = index
        self.parent = parent  # the index of the parent candidate, -1 above the root
        self.neg = neg  # furniture by tag, class, id, role or hidden
        self.bad = False  # furniture, or inside furniture
        self.held = 0  # paragraph text below
        self.own = 0  # paragraph text of its children
        self.score = 0.0
        self.units = 0  # paragraphs that voted for it


class Choice:
    """The elements holding the article, with the scores and sizes the comparison needs.

    ``score``: the winner's; ``held``: the paragraph text below each candidate (furniture
    left out); ``prose``: the size of every paragraph that votes, furniture included;
    ``candidates``: every ancestor of a voting paragraph, in page order.
    """

    __slots__ = ("candidates", "held", "nodes", "prose", "score")

    def __init__(
        self,
        nodes: list[LexborNode],
        score: float,
        held: dict[int, int],
        prose: int = 0,
        candidates: list[int] | None = None,
    ) -> None:
        self.nodes = nodes
        self.candidates = candidates or []  # every candidate's index, in page order
        self.score = score
        self.held = held  # element index -> paragraph text below it (furniture left out)
        self.prose = prose  # the size of every paragraph that votes, furniture included


# ---------------------------------------------------------------------------
# phase 2: the paragraphs


def paragraphs(page: Page, root: int, min_unit: int) -> list[tuple[int, int, float]]:
    """(index, size, score) of the paragraphs under ``root`` that vote.

    A paragraph is a paragraph tag (:data:`UNIT_TAGS`) holding text, or another element
    holding :data:`~._constants.DIRECT_TEXT` of text itself. It votes when its text is at
    least ``min_unit`` long and its links hold at most
    :data:`~._constants.MAX_UNIT_LINK_DENSITY` of it; it scores
    ``(1 + commas + min(size / SIZE_PER_POINT, MAX_SIZE_POINTS)) · (1 - link density)``.
    """
    out: list[tuple[int, int, float]] = []
    tags, own, own_links, own_commas = page.tags, page.own, page.own_links, page.own_commas
    for i in range(root, page.end[root] + 1):
        n = own[i]
        if n < min_unit:
            continue
        tag = tags[i]
        if tag not in UNIT_TAGS and (
            n < C.DIRECT_TEXT or tag in NOT_UNITS or tag in INLINE or i == root
        ):
            continue
        links = own_links[i]
        if links > C.MAX_UNIT_LINK_DENSITY * n:
            continue
        points = 1 + own_commas[i] + min(n / C.SIZE_PER_POINT, C.MAX_SIZE_POINTS)
        out.append((i, n, points * (1 - links / n)))
    return out


# ---------------------------------------------------------------------------
# phase 3: candidates and their votes


def _furniture(page: Page, i: int, by_name: bool) -> bool:
    if page.tags[i] in FURNITURE_TAGS:
        return True
    node = page.nodes[i]
    return hints(node, page.hints)[0] if by_name else hidden(node)


def candidates(
    page: Page, root: int, units: list[tuple[int, int, float]], by_name: bool = True
) -> dict[int, Candidate]:
    """The ancestors of the paragraphs up to ``root``, in document order.

    Each holds the paragraph text below it. A furniture-looking one holding less than
    :data:`~._constants.FURNITURE_KEEP_SHARE` of the text is bad, and so is everything
    inside it: its paragraphs vote for nothing.
    """
    found: dict[int, Candidate] = {}
    parent = page.parent
    for u, n, _score in units:
        p = parent[u]
        if p < root:
            continue
        # register the chain up to the first known ancestor (each element once)
        i = p
        while i >= root and i not in found:
            found[i] = Candidate(
                i, parent[i] if i != root else -1, i != root and _furniture(page, i, by_name)
            )
            i = parent[i]
        found[p].held += n
        found[p].own += n
    ordered = dict(sorted(found.items()))
    total = 0
    for e in reversed(ordered.values()):
        if e.parent >= 0:
            ordered[e.parent].held += e.held
        else:
            total = e.held
    for e in ordered.values():
        up = ordered.get(e.parent)
        e.bad = (up is not None and up.bad) or (e.neg and e.held < C.FURNITURE_KEEP_SHARE * total)
    return ordered


def vote(found: dict[int, Candidate], units: list[tuple[int, int, float]], page: Page) -> None:
    """Each paragraph gives its score to :data:`~._constants.LEVELS` ancestors, decaying."""
    parent = page.parent
    for u, _n, score in units:
        key = parent[u]
        first = found.get(key)
        if first is None or first.bad:
            continue
        level = 0
        while key >= 0 and level < C.LEVELS:
            entry = found[key]
            entry.score += score / (1 if level == 0 else 2 if level == 1 else level * C.LEVEL_DECAY)
            entry.units += 1
            key = entry.parent
            level += 1


# ---------------------------------------------------------------------------
# phase 4 and 5: the winner


def ranked(page: Page, found: dict[int, Candidate]) -> list[Candidate]:
    """The candidates that got votes, best first, with their tag and class/id weights."""
    scored = [e for e in found.values() if e.units and not e.bad]
    for e in scored:
        e.score += C.TAG_WEIGHT.get(page.tags[e.index], 0) + class_weight(
            page.nodes[e.index], page.hints
        )
    scored.sort(key=lambda e: e.score, reverse=True)
    return scored


def split_article(page: Page, found: dict[int, Candidate], scored: list[Candidate]) -> Candidate:
    """The winner: the best candidate, or the ancestor it shares with near-equal ones.

    When two or more of the :data:`~._constants.CLOSE_TOP` best score at least
    :data:`~._constants.CLOSE_SHARE` of the best and meet it under one ancestor, the article
    is split in parts and that ancestor wins.
    """
    best = scored[0]
    close = [
        e
        for e in scored[: C.CLOSE_TOP]
        if e is not best and e.score >= C.CLOSE_SHARE * best.score and e.units >= C.CLOSE_MIN_UNITS
    ]
    if len(close) < 2:
        return best
    hits: dict[int, int] = {}
    for e in close:
        key = e.parent
        while key >= 0 and (key == best.index or not page.holds(key, best.index)):
            key = found[key].parent
        if key >= 0:
            hits[key] = hits.get(key, 0) + 1
    for key in sorted(hits, reverse=True):  # the nearest common ancestor first
        if hits[key] >= 2 and not found[key].bad:
            return found[key]
    return best


def widen(
    page: Page, found: dict[int, Candidate], scored: list[Candidate], best: Candidate
) -> Candidate:
    """The winner, or the ancestor that holds most of the page's article text.

    The coverage check: the article text of a page is the text of its voting paragraphs
    outside furniture. When the winner holds less than :data:`~._constants.COVER_SHARE`
    of it, the article is spread over containers the scores did not join (a grid of
    boxes, steps, sections): the nearest ancestor holding
    :data:`~._constants.COVER_TARGET` of it wins instead, unless its links hold more than
    :data:`~._constants.COVER_MAX_LINK_DENSITY` of its text (then it is a page of teasers).
    Only when the winner has a rival elsewhere scoring :data:`~._constants.COVER_RIVAL` of
    it: the article is then spread over comparable boxes. A winner far ahead of anything
    else is the article, and the rest of the text is teasers or comments.
    """
    article = _article_text(found)
    if not article or best.held >= C.COVER_SHARE * article:
        return best
    b = best.index
    if not any(
        e.score >= C.COVER_RIVAL * best.score
        and not page.holds(b, e.index)
        and not page.holds(e.index, b)
        for e in scored[: C.CLOSE_TOP]
    ):
        return best
    key = best.parent
    while key >= 0:
        e = found[key]
        if e.bad:
            break
        if e.held >= C.COVER_TARGET * article:
            if page.link_density(key) <= C.COVER_MAX_LINK_DENSITY:
                return e
            break
        key = e.parent
    return best


def _article_text(found: dict[int, Candidate]) -> int:
    """The paragraph text of the page outside furniture."""
    total = 0
    for e in found.values():
        if not e.bad:
            total += e.own
    return total


# ---------------------------------------------------------------------------
# phase 6: what belongs with the winner


def _text_box(node: LexborNode) -> LexborNode | None:
    """The paragraph a sibling of the winner is, if it is one.

    A ``p``, or a ``div``/``section`` with only inline content (pages that use them as
    paragraphs), possibly inside :data:`~._constants.TEXT_BOX_DEPTH` wrappers of that one
    element.
    """
    for _ in range(C.TEXT_BOX_DEPTH):
        if strong_negative(node):
            return None
        tag = node.tag
        if tag == "p":
            return node
        if tag not in TEXT_BOXES:
            return None
        only: LexborNode | None = None
        count = 0
        child = node.child
        while child is not None:
            ctag = child.tag or ""
            if ctag == "-text":
                if (child.text_content or "").strip():
                    count += 2  # text of its own: not a wrapper
            elif not ctag.startswith(("-", "!", "_")):
                if ctag not in INLINE and ctag != "br":
                    if only is not None:
                        return None  # two blocks: a container, not a paragraph
                    only = child
                count += 1
            child = child.next
        if only is None:
            return node  # inline content only
        if count > 1:
            return None  # a block next to other content
        node = only
    return None


def _prose(page: Page, node: LexborNode) -> bool:
    """Whether a sibling of the winner reads like prose (see :data:`~._constants.PROSE_MIN`)."""
    box = _text_box(node)
    if box is None:
        return False
    text = norm(box.text(deep=True))
    n = size(text)
    if not n:
        return False
    i = page.find(box)
    density = (page.links[i] / n) if i is not None else 1.0
    if n > C.PROSE_MIN:
        return density < C.PROSE_MAX_LINK_DENSITY
    return density == 0 and text[-1:] in _SENTENCE_END


def siblings(page: Page, found: dict[int, Candidate], best: Candidate) -> list[LexborNode]:
    """The winner with the siblings that belong with it (readability's sibling merge).

    A sibling joins when it scores :data:`~._constants.SIBLING_SHARE` of the winner (with a
    bonus for the winner's class), or reads like prose; a heading joins when the sibling
    after it does (it introduces that part).
    """
    node = page.nodes[best.index]
    parent = node.parent
    if parent is None or best.parent < 0:
        return [node]
    threshold = max(C.SIBLING_MIN_SCORE, best.score * C.SIBLING_SHARE)
    best_class = node.attributes.get("class")
    row: list[tuple[LexborNode, bool]] = []  # the element siblings, and whether they join
    sibling = parent.child
    while sibling is not None:
        tag = sibling.tag
        if sibling.mem_id == node.mem_id:
            row.append((sibling, True))
        elif tag is not None and not tag.startswith(("-", "!", "_")):
            i = page.find(sibling)
            e = found.get(i) if i is not None else None
            bonus = 0.0
            if best_class and sibling.attributes.get("class") == best_class:
                bonus = best.score * C.SIBLING_CLASS_BONUS
            scores = e is not None and not e.bad and e.score + bonus >= threshold
            row.append((sibling, scores or _prose(page, sibling)))
        sibling = sibling.next
    # a heading joins with the sibling it introduces (sections: a heading, then a box)
    out: list[LexborNode] = []
    follows = False
    for sibling, joins in reversed(row):
        if (
            not joins
            and follows
            and sibling.tag in HEADINGS
            and not strong_negative(sibling, page.hints)
        ):
            joins = True
        follows = joins
        if joins:
            out.append(sibling)
    out.reverse()
    return out


def parts(
    page: Page, found: dict[int, Candidate], best: Candidate, out: list[LexborNode]
) -> list[LexborNode]:
    """``out`` with the other parts of an article split over several containers.

    Some pages cut the body into chunks (between ads, pull quotes, section banners), each
    in a container of the same tag and class as the winner but under different parents,
    out of reach of the sibling merge. Those of :data:`~._constants.CLOSE_MIN_UNITS`
    paragraphs or more that score like the siblings are taken (a one-paragraph box of the
    same class is a blurb), in page order.
    """
    node = page.nodes[best.index]
    cls = node.attributes.get("class")
    if not cls or best.parent < 0:
        return out
    threshold = max(C.SIBLING_MIN_SCORE, best.score * C.PART_SHARE)
    tag = page.tags[best.index]
    # the taken subtrees, as sorted disjoint ranges of indexes
    starts: list[int] = sorted(i for n in out if (i := page.find(n)) is not None)
    ends = [page.end[i] for i in starts]
    last_end = -1  # the end of the last part taken (parts come in page order)
    before: list[LexborNode] = []
    after: list[LexborNode] = []
    for key, e in found.items():
        if (
            e is best
            or e.bad
            or e.units < C.CLOSE_MIN_UNITS
            or e.score < threshold
            or page.tags[key] != tag
            or page.nodes[key].attributes.get("class") != cls
        ):
            continue
        if key <= last_end:
            continue  # inside a part already taken
        at = bisect_right(starts, key) - 1
        if at >= 0 and key <= ends[at]:
            continue  # inside the winner or a sibling
        if page.holds(key, best.index):
            continue  # around the winner
        (after if key > best.index else before).append(page.nodes[key])
        last_end = page.end[key]
    if not (before or after):
        return out
    return [*before, *out, *after]


def lead(
    page: Page, units: list[tuple[int, int, float]], nodes: list[LexborNode]
) -> list[LexborNode]:
    """``nodes`` with the lead paragraphs just before them.

    A standfirst, an intro or an abstract often sits above the body, in the article's
    header, out of reach of the scores (headers are furniture) and of the sibling merge
    (it is a sibling of an ancestor). Up to :data:`~._constants.LEAD_LEVELS` ancestors
    up from the first chosen element, the paragraphs before it that read like prose
    (:data:`~._constants.LEAD_MIN` long, ending like a sentence or
    :data:`~._constants.LEAD_LONG` long, links under
    :data:`~._constants.GAP_MAX_LINK_DENSITY`, not in furniture by class) join, at most
    :data:`~._constants.LEAD_MAX` of them, from the nearest ancestor that has any.
    """
    first = min((i for n in nodes if (i := page.find(n)) is not None), default=None)
    if first is None:
        return nodes
    up = page.parent[first]
    for _level in range(C.LEAD_LEVELS):
        if up < 0:
            break
        found = [
            u
            for u, n, _score in units
            if up < u < first
            and page.end[u] < first  # before it, not around it
            and page.tags[u] in LEAD_TAGS
            and n >= C.LEAD_MIN
            and page.own_links[u] <= C.GAP_MAX_LINK_DENSITY * n
            and _clear_path(page, u, up)
        ]
        found = [
            u
            for u in found[-C.LEAD_MAX :]
            if page.own[u] >= C.LEAD_LONG or _sentence(page.nodes[u])
        ]
        if found:
            return [page.nodes[u] for u in found] + nodes
        up = page.parent[up]
    return nodes


def _clear_path(page: Page, u: int, top: int) -> bool:
    """Whether nothing between ``u`` and its ancestor ``top`` is furniture, media or a list.

    Paths longer than :data:`~._constants.LEAD_DEPTH` are not followed (and fail).
    """
    i = u
    for _ in range(C.LEAD_DEPTH):
        if i == top:
            return True
        if i < 0 or page.tags[i] in ("nav", "aside", "footer", "figure", "li"):
            return False
        if i != u and (
            hints(page.nodes[i], page.hints)[1] < 0 or strong_negative(page.nodes[i], page.hints)
        ):
            return False  # furniture or media by its class (a caption, a credit)
        i = page.parent[i]
    return i == top


def _sentence(node: LexborNode) -> bool:
    text = node.text(deep=True).rstrip()
    return text[-1:] in _SENTENCE_END or text[-1:] in '"”’»)…:'


def choose(
    page: Page, root: int = 0, min_unit: int = C.MIN_UNIT, by_name: bool = True
) -> Choice | None:
    """The elements holding the article under element ``root``, or ``None``.

    ``None`` when no paragraph votes. ``by_name``: see :func:`candidates`.
    """
    units = paragraphs(page, root, min_unit)
    if not units:
        return None
    found = candidates(page, root, units, by_name)
    vote(found, units, page)
    scored = ranked(page, found)
    if not scored:
        return None
    best = split_article(page, found, scored)
    best = widen(page, found, scored, best)
    nodes = siblings(page, found, best)
    nodes = parts(page, found, best, nodes)
    nodes = lead(page, units, nodes)
    held = {key: e.held for key, e in found.items() if not e.bad}
    return Choice(nodes, best.score, held, sum(n for _u, n, _s in units), list(found))
