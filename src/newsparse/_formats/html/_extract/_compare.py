"""The comparison: when to ask the second extractor, and whose result to keep.

trafilatura checks its own result against readability's and jusText's and keeps the
other one when its own looks wrong; newsparse does the same with its two extractors, the
main one (:mod:`._choose`) and Readability's algorithm (:mod:`._readability`). The main
result is kept unless it looks doubtful by a general property of articles, and then only
when the second result is better by that same property:

- **Text at all.** A result of less than :data:`~._constants.FEW_CHARS` of text (a line
  or two), when the second has :data:`~._constants.LONGER` times as much, is a miss.
- **Prose.** An article is written in paragraphs. A result made only of lists, tables,
  headings or quotes (a gallery's legends, a teaser list) gives way to a second result of
  :data:`~._constants.MIN_PARAGRAPHS` paragraphs or more, when the second extractor is
  sure of it: an attempt of Readability's retry ladder found a candidate holding
  :data:`~._constants.RB_CHAR_THRESHOLD` of text.
- **Coverage.** A result that holds less than :data:`~._constants.COVER_DOUBT` of the
  page's paragraph text is doubtful; when it lies inside the second result (at least
  :data:`~._constants.INSIDE_SHARE` of its words are there) and the second holds
  :data:`~._constants.COVER_GAIN` times as much of the page's paragraph text, the main
  result was a fragment of the article and the second one wins. A second result that is
  the second extractor is not sure of never wins on coverage either, and one whose
  links hold more than :data:`~._constants.SECOND_MAX_LINK_DENSITY` of its text (a list
  of links) never wins.

The second extractor runs only when the main result is doubtful, so most pages pay for
one extractor only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ...._model import Block, ListBlock, MediaBlock, Paragraph
from . import _constants as C
from ._features import dense

__all__ = ["Summary", "block_text", "doubtful", "prefer_second"]

_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+")


class Summary:
    """What the comparison needs to know of one result (its words only when compared)."""

    __slots__ = ("_words", "blocks", "paragraphs", "size")

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.size = 0  # its script-aware text size (whitespace left out)
        self.paragraphs = 0
        for block in blocks:
            if isinstance(block, Paragraph):
                self.paragraphs += 1
                self.size += dense(block.text)
            elif not isinstance(block, MediaBlock):
                self.size += dense(block_text(block))
        self._words: Counter[str] | None = None

    @property
    def words(self) -> Counter[str]:
        """Its words (NFKC, lower-cased) with their counts."""
        if self._words is None:
            words: Counter[str] = Counter()
            for block in self.blocks:
                text = block_text(block)
                if text:
                    words.update(_TOKEN.findall(unicodedata.normalize("NFKC", text).lower()))
            self._words = words
        return self._words


def block_text(block: Block) -> str:
    """A body block's text as the comparisons read it: a list's items joined, a figure none."""
    if isinstance(block, ListBlock):
        return " ".join(block.items)
    if isinstance(block, MediaBlock):
        return ""
    return block.text


def doubtful(first: Summary, prose: int) -> bool:
    """Whether the main result may be wrong (see the module docstring).

    ``prose``: the page's paragraph text (the size of every paragraph that votes).
    """
    return first.size < C.FEW_CHARS or first.paragraphs == 0 or first.size < C.COVER_DOUBT * prose


def prefer_second(
    first: Summary, second: Summary, prose: int, sure: bool, link_density: float
) -> bool:
    """Whether the second result is the article rather than the main one.

    ``sure``: an attempt of the second extractor's retry ladder found a candidate holding
    enough text (it did not fall back to the whole page or to its longest short result);
    ``link_density``: the share of the second result's
    text inside links.
    """
    if not second.size or link_density > C.SECOND_MAX_LINK_DENSITY:
        return False  # no text, or a list of links: no article either
    if first.size < C.FEW_CHARS and second.size >= C.LONGER * max(first.size, 1):
        return True  # the main result missed the text
    if not sure:
        return False
    if first.paragraphs == 0 and second.paragraphs >= C.MIN_PARAGRAPHS:
        return True  # the main result is no prose
    if not prose or first.size >= C.COVER_DOUBT * prose:
        return False
    if second.size < C.COVER_GAIN * first.size:
        return False
    words = first.words
    return (words & second.words).total() >= C.INSIDE_SHARE * words.total()
