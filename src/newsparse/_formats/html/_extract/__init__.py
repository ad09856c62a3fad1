"""The main-content extractor's scoring: which elements of a page hold the article.

The phases, each in its own module and each linear in the size of the page:

1. :mod:`._measure`: one pass sizes every element (own text, text below, link text,
   commas, blocks and line breaks below), so no later phase walks a subtree again;
2. :mod:`._choose`: the paragraphs vote for their ancestors (after readability), the
   winner is picked, widened to the common ancestor of a split article, and joined by its
   siblings and the other parts of the article.

:mod:`._features` has the element features (script-aware sizes, class/id/role hints) and
:mod:`._constants` every threshold and weight, named and documented. The emitting of
blocks from the chosen elements is in :mod:`.._body`. See ``docs/extraction.md``.
"""

from __future__ import annotations

from ._choose import Choice, choose
from ._measure import Page, measure

__all__ = ["Choice", "Page", "choose", "measure"]
