"""Phase 1, measure: one pass over the page that sizes every element.

Every later phase asks questions about elements ("how much text is under this container,
how much of it is in links, does it hold blocks?"). Asked of the tree, each question walks
a subtree, and asked of every container on a deeply nested page that is quadratic. Here
the tree is walked once, in document order, and the answers are summed bottom-up in a
second loop over the elements, so the whole phase is linear in the size of the page and
every question afterwards costs one list look-up.

Elements are numbered in document order (pre-order), so the descendants of element ``i``
are exactly the elements ``i + 1 .. end[i]``.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from ._constants import WIDE_WEIGHT
from ._features import INLINE, WIDE, commas

__all__ = ["BLOCKS", "TEXT_INLINE", "Page", "measure"]

TEXT_INLINE = INLINE | {
    # inline for the text of a block, though not prose for the scoring of a container
    "data", "del", "dfn", "img", "ins", "label", "picture", "samp", "source", "wbr",
}  # fmt: skip
"""Elements whose text belongs to the block around them."""

BLOCKS = frozenset(
    {"p", "div", "section", "article", "ul", "ol", "table", "blockquote", "h2", "h3", "h4",
     "figure"}
)  # fmt: skip
"""Block elements: a container holding one of these is not a single paragraph."""


_NAMES: dict[int, str] = {}
"""Tag names by lexbor's tag number, for the standard tags (custom elements have numbers
of their own per page, and are named by asking the node)."""

_STANDARD_TAGS = 1 << 16
_TEXT = 2
"""lexbor's tag number of text nodes."""


class Page:
    """The measures of one page's elements, indexed in document order.

    ``own[i]``: the :func:`~._features.dense` size of the text that element ``i`` holds
    itself (its text nodes and inline children's, not its blocks'); ``own_links[i]`` the
    part of it inside links and ``own_commas[i]`` its commas. ``text[i]``, ``links[i]`` and
    ``commas[i]``: the same over the whole subtree; ``direct[i]``, ``direct_links[i]`` and
    ``direct_commas[i]``: over its own text nodes only (no child element's).
    ``blocks[i]``: a block element lies below; ``brs[i]``: a ``<br>`` does. ``end[i]``:
    the index of its last descendant.
    """

    __slots__ = (
        "blocks",
        "brs",
        "commas",
        "direct",
        "direct_commas",
        "direct_links",
        "end",
        "hints",
        "index",
        "links",
        "nodes",
        "own",
        "own_commas",
        "own_links",
        "parent",
        "tags",
        "text",
    )

    def __init__(self) -> None:
        self.nodes: list[LexborNode] = []
        self.tags: list[str] = []
        self.parent: list[int] = []  # -1 for the root
        self.index: dict[int, int] = {}  # mem_id -> index
        self.hints: dict[int, tuple[bool, int]] = {}  # mem_id -> class/id hints (a memo)
        self.own: list[int] = []
        self.own_links: list[int] = []
        self.own_commas: list[int] = []
        self.text: list[int] = []
        self.links: list[int] = []
        self.commas: list[int] = []
        self.direct: list[int] = []
        self.direct_links: list[int] = []
        self.direct_commas: list[int] = []
        self.blocks: list[bool] = []
        self.brs: list[bool] = []
        self.end: list[int] = []

    def find(self, node: LexborNode) -> int | None:
        """The index of ``node``, or ``None`` when it is not in the measured tree."""
        return self.index.get(node.mem_id)

    def link_density(self, i: int) -> float:
        """The share of element ``i``'s text that is inside links (1.0 for no text)."""
        n = self.text[i]
        return self.links[i] / n if n else 1.0

    def holds(self, outer: int, inner: int) -> bool:
        """Whether element ``inner`` is ``outer`` or lies inside it."""
        return outer <= inner <= self.end[outer]


def _name(node: LexborNode, number: int) -> str:
    """An element's tag name, ``""`` for other nodes (comments, the doctype).

    Memoised by the tag's number for the standard tags.
    """
    tag = node.tag or ""
    if tag[:1] in ("-", "!", "_"):
        tag = ""
    if number < _STANDARD_TAGS:
        _NAMES[number] = tag
    return tag


def measure(root: LexborNode) -> Page:
    """Measure every element under ``root`` (included) in one pass; see :class:`Page`."""
    page = Page()
    nodes, tags, parent, index = page.nodes, page.tags, page.parent, page.index
    owner: list[int] = []  # the block each element's text belongs to
    in_link: list[bool] = []  # whether the element is inside a link
    text_parents: list[int] = []  # the element of every text node
    text_chars: list[str] = []  # and its text (two lists: no tuple per text node)
    # the walk: elements in document order with their parents, and the text nodes
    names = _NAMES
    i = -1
    for node in root.traverse(include_text=True, skip_empty=True):
        number = node.tag_id
        if number == _TEXT:
            chars = node.text_content
            up = node.parent
            if chars and up is not None:
                p = index.get(up.mem_id)
                if p is not None:
                    text_parents.append(p)
                    text_chars.append(chars)
            continue
        # the name of a standard tag by its number (no new string per node)
        tag = names.get(number)
        if tag is None:
            tag = _name(node, number)
        if not tag:
            continue  # comments, the doctype
        i += 1
        up = node.parent if i else None
        p = -1 if up is None else index.get(up.mem_id, -1)
        parent.append(p)
        nodes.append(node)
        tags.append(tag)
        index[node.mem_id] = i
        if p >= 0:
            owner.append(owner[p] if tag in TEXT_INLINE else i)
            in_link.append(tag == "a" or in_link[p])
        else:
            owner.append(i)
            in_link.append(tag == "a")
    count = len(nodes)
    own, own_links, own_commas = [0] * count, [0] * count, [0] * count
    text, links, deep_commas = [0] * count, [0] * count, [0] * count
    wide = WIDE_WEIGHT - 1
    for p, chars in zip(text_parents, text_chars, strict=True):
        o = owner[p]
        # dense(chars), inline: this loop runs once per text node of the page
        # (a line break, a tab, a carriage return: `in` tells their absence faster than a
        # count, which is a method call)
        n = len(chars) - chars.count(" ")
        if "\n" in chars:
            n -= chars.count("\n")
        if "\t" in chars:
            n -= chars.count("\t")
        if "\r" in chars:
            n -= chars.count("\r")
        if n and not chars.isascii():
            n += wide * len(WIDE.findall(chars))
        own[o] += n
        text[p] += n
        if in_link[p]:
            own_links[o] += n
            links[p] += n
        if "," in chars or ";" in chars or not chars.isascii():
            c = commas(chars)
            own_commas[o] += c
            deep_commas[p] += c
    page.direct, page.direct_links, page.direct_commas = text[:], links[:], deep_commas[:]
    # bottom-up sums: every element comes after its parent, so a reverse loop sees each
    # element complete before it is added to its parent
    blocks, brs = [False] * count, [False] * count
    end = list(range(count))
    for i in range(count - 1, 0, -1):
        p = parent[i]
        if p < 0:
            continue
        text[p] += text[i]
        links[p] += links[i]
        deep_commas[p] += deep_commas[i]
        if end[i] > end[p]:
            end[p] = end[i]
        tag = tags[i]
        if blocks[i] or tag in BLOCKS:
            blocks[p] = True
        if brs[i] or tag == "br":
            brs[p] = True
    page.own, page.own_links, page.own_commas = own, own_links, own_commas
    page.text, page.links, page.commas, page.end = text, links, deep_commas, end
    page.blocks, page.brs = blocks, brs
    return page
