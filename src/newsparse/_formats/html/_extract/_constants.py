"""Every threshold and weight of the main-content extractor, named, in one place.

Each constant says what general property of pages it stands for. The method that uses them
is described in ``docs/extraction.md``; changing one is judged on all the evaluation
corpora at once (``bench/bench_extract.py``, ``../shared/bench/pages/run.py``).
"""

from __future__ import annotations

from typing import Final

# --- sizes -----------------------------------------------------------------------------
WIDE_WEIGHT: Final = 3
"""A Han, kana or hangul character counts this many: CJK text has no spaces, and one such
character carries about as much as a short word with its space in alphabetic scripts."""

# --- paragraphs (the units that vote for their containers) -----------------------------
MIN_UNIT: Final = 25
"""A paragraph scores when its text (script-aware, whitespace left out) is at least this
long; a second pass with 1 runs on pages made only of short paragraphs."""

DIRECT_TEXT: Final = 40
"""An element that is not a paragraph tag (a ``div``, a ``section``) counts as a paragraph
when it holds at least this much text itself, outside its block children (pages that put
their text between ``<br>``s)."""

MAX_UNIT_LINK_DENSITY: Final = 0.5
"""A paragraph whose links hold more than this share of its text is navigation."""

SIZE_PER_POINT: Final = 100
"""A paragraph scores one point per this many characters ..."""

MAX_SIZE_POINTS: Final = 3
"""... up to this many (readability's ``min(length / 100, 3)``); one more point per comma."""

LEVELS: Final = 5
"""A paragraph's score goes to this many ancestors: in full to its parent, half to the
grandparent, then ``1 / (LEVEL_DECAY · level)`` (readability)."""

LEVEL_DECAY: Final = 3
"""See :data:`LEVELS`."""

# --- candidates ------------------------------------------------------------------------
CLASS_WEIGHT: Final = 25
"""Readability's class/id weight: plus this for a content word (article, body, story, …),
minus this for a furniture word (comment, share, related, footer, …)."""

TAG_WEIGHT: Final = {
    "div": 5,
    "article": 10,
    "main": 5,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "form": -3,
    "ol": -3,
    "ul": -3,
    "li": -3,
    "dl": -3,
    "dd": -3,
    "th": -5,
    "address": -3,
    "header": -5,
    "footer": -10,
    "aside": -10,
}
"""A candidate's tag adds this to its score (readability's initial scores, with the
sectioning elements of HTML5)."""

FURNITURE_KEEP_SHARE: Final = 0.6
"""A furniture-looking element (by tag, class, id or role) that holds at least this share
of the page's paragraph text is the article, not furniture (WordPress puts ``tag-…``
classes on the article itself; some pages put the article in an ``<aside>``)."""

CLOSE_SHARE: Final = 0.75
"""Candidates scoring at least this share of the best one are near-equal; when two or more
of the :data:`CLOSE_TOP` best share an ancestor with it, the article is split in parts and
the ancestor wins."""

CLOSE_TOP: Final = 8
"""See :data:`CLOSE_SHARE`."""

CLOSE_MIN_UNITS: Final = 2
"""A near-equal candidate needs this many paragraphs (one paragraph is a blurb)."""

COVER_SHARE: Final = 0.5
"""The coverage check: a winner holding less than this share of the page's paragraph
text outside furniture gives way to the nearest ancestor holding :data:`COVER_TARGET`."""

COVER_TARGET: Final = 0.8
"""See :data:`COVER_SHARE`."""

COVER_RIVAL: Final = 0.6
"""The coverage check widens only when a candidate outside the winner scores this share of
the winner's score (the article is spread over comparable boxes)."""

COVER_MAX_LINK_DENSITY: Final = 0.5
"""An ancestor whose links hold more than this share of its text does not take over in
the coverage check (a page of teasers)."""

# --- siblings and parts ----------------------------------------------------------------
SIBLING_SHARE: Final = 0.2
"""A sibling of the winner joins it when it scores this share of the winner's score ..."""

SIBLING_MIN_SCORE: Final = 10.0
"""... and at least this (readability's sibling threshold)."""

SIBLING_CLASS_BONUS: Final = 0.2
"""A sibling with the winner's class gets this share of the winner's score as a bonus."""

PROSE_MIN: Final = 80
"""A sibling that is a paragraph (a ``p``, or a ``div`` of inline text) joins when it is
longer than this with little link text (:data:`PROSE_MAX_LINK_DENSITY`), or shorter,
without links and ending like a sentence."""

PROSE_MAX_LINK_DENSITY: Final = 0.25
"""See :data:`PROSE_MIN`."""

PART_SHARE: Final = 0.1
"""A container of the winner's tag and class elsewhere on the page (an article cut into
chunks) joins when it scores this share of the winner's score (and
:data:`SIBLING_MIN_SCORE`)."""

LEAD_LEVELS: Final = 3
"""How many ancestors up from the first chosen element the lead paragraphs are looked for."""

LEAD_MIN: Final = 60
"""A lead paragraph (a standfirst above the body) is at least this long ..."""

LEAD_LONG: Final = 180
"""... and ends like a sentence, unless it is this long (prose whatever its last mark) ..."""

LEAD_MAX: Final = 3
"""... and at most this many of them join."""

LEAD_DEPTH: Final = 8
"""A lead paragraph lies at most this many levels below the ancestor it is found in."""

GAP_MAX_LINK_DENSITY: Final = 0.2
"""A lead paragraph's links hold at most this share of it (jusText's limit)."""

TEXT_BOX_DEPTH: Final = 4
"""How many single-element wrappers a paragraph sibling may sit in."""

HINT_SHARE: Final = 0.5
"""When the winner lies outside the page's marked body (``itemprop=articleBody``, a lone
``<article>``), the best candidate inside it is taken if it scores this share of the
winner's score."""

# --- emitting (conditional cleaning inside the chosen container) -------------------------
MIN_IMAGE_SIDE: Final = 48
"""An image standing alone in the content is an icon or a tracking pixel, not a picture,
when its declared width or height is smaller than this (in pixels)."""

CONTAINER_LINK_DENSITY: Final = 0.33
"""A container inside the content whose links hold more than this share of its text is a
link list and is skipped ..."""

CONTENT_CONTAINER_LINK_DENSITY: Final = 0.5
"""... this share, for a container whose class/id names content."""

CONTAINER_COMMAS: Final = 10
"""A container with this many commas is prose, whatever its links."""

CONTAINER_HELD_SHARE: Final = 1 / 3
"""A container holding this share of the chosen text is kept, whatever its links or its
class."""

CAPTION_WORDS: Final = 25
"""A paragraph of at most this many words ending with a parenthetical photo credit
(:func:`~._features.credit_of`) is a caption: it goes to a figure, out of the text."""

META_PART_WORDS: Final = 5
"""Among the first blocks, a line of parts split by ``|``, ``·`` or ``•``, each of at most
this many words, one of them holding a date, is the metadata line (dropped: the
metadata has the date and the byline)."""

NOTICE_WORDS: Final = 40
"""A paragraph at the end of the body of at most this many words that speaks of the site
(subscribe, follow, donate, copyright: :data:`~._features.NOTICE_PHRASES`) is a notice ..."""

NOTICE_BLOCKS: Final = 3
"""... and at most this many such notices are dropped from the end."""

LINK_LIST_DENSITY: Final = 0.5
"""A list, heading, quote, paragraph or table row whose links hold more than this share of
its text is navigation."""

# --- the second opinion: Readability.js's values (see _readability) ---------------------
RB_MIN_PARAGRAPH: Final = 25
"""Readability: a paragraph shorter than this scores nothing (and a container shorter than
this with links is suspiciously short)."""

RB_SIZE_PER_POINT: Final = 100
"""Readability: a paragraph scores a point per this many characters ..."""

RB_MAX_SIZE_POINTS: Final = 3
"""... up to this many, after one point for itself and one per comma (and one more)."""

RB_LEVELS: Final = 5
"""Readability: a paragraph's score goes to this many ancestors ..."""

RB_LEVEL_DECAY: Final = 3
"""... in full to the parent, half to the grandparent, then divided by this times the level."""

RB_TOP_CANDIDATES: Final = 5
"""Readability: how many of the best candidates are compared."""

RB_CLOSE_SHARE: Final = 0.75
"""Readability: a candidate scoring this share of the best is near-equal to it ..."""

RB_CLOSE_MIN: Final = 3
"""... and when this many near-equal ones share an ancestor with it, the ancestor wins."""

RB_SIBLING_MIN: Final = 10
"""Readability: a sibling of the top candidate joins when it scores this ..."""

RB_SIBLING_SHARE: Final = 0.2
"""... and this share of the top candidate's score ..."""

RB_SIBLING_CLASS_BONUS: Final = 0.2
"""... with this share of it as a bonus when it has the top candidate's class."""

RB_PROSE_MIN: Final = 80
"""Readability: a paragraph sibling longer than this joins with few links
(:data:`RB_PROSE_MAX_LINK_DENSITY`); a shorter one when it has no links and a sentence."""

RB_PROSE_MAX_LINK_DENSITY: Final = 0.25
"""See :data:`RB_PROSE_MIN`."""

RB_SINGLE_P_LINK_DENSITY: Final = 0.25
"""Readability: a ``div`` holding only one paragraph, with links under this share of its
text, is that paragraph."""

RB_CHAR_THRESHOLD: Final = 500
"""Readability: a result with less text than this is tried again with looser settings
(and a share box under this size is removed)."""

RB_BYLINE_MAX: Final = 100
"""Readability: a byline-named element is the byline (and removed) when its text is
shorter than this."""

RB_TITLE_SIMILARITY: Final = 0.75
"""Readability: the first ``h1``/``h2`` whose words are this much the title's is removed."""

RB_TABLE_ROWS: Final = 10
"""Readability: a table of this many rows ..."""

RB_TABLE_COLUMNS: Final = 4
"""... or more columns than this ..."""

RB_TABLE_CELLS: Final = 10
"""... or more cells than this is a data table (never cleaned away)."""

RB_LIST_SHARE: Final = 0.9
"""Readability: an element whose lists hold this share of its text is a list."""

RB_CLEAN_COMMAS: Final = 10
"""Readability: an element with this many commas is never cleaned conditionally."""

RB_AD_WORDS_MAX: Final = 24
"""An element this short is checked for being only an advertising or loading label."""

RB_LIST_ITEMS_ALLOWED: Final = 100
"""Readability: list items beyond this many, more than the paragraphs, outside a list,
remove an element."""

RB_P_PER_IMAGE: Final = 0.5
"""Readability: fewer paragraphs per image than this (with two images or more) remove an
element."""

RB_HEADING_SHARE: Final = 0.9
"""Readability: a short linked element is kept when headings hold this share of its text."""

RB_LINKY: Final = 0.2
"""Readability: an element without a content class whose links hold more than this share
of its text is removed ..."""

RB_LINKS_MOSTLY: Final = 0.5
"""... and one with a content class, more than this share."""

# --- the comparison of the two extractors (see _compare) -------------------------------
FEW_CHARS: Final = 150
"""A result with less text than this (about thirty words; sizes leave whitespace out) is
doubtful ..."""

LONGER: Final = 3
"""... and gives way to a second result this many times as long."""

MIN_PARAGRAPHS: Final = 2
"""A result without paragraphs (lists, tables, headings only) gives way to a second
result of this many paragraphs or more."""

COVER_DOUBT: Final = 0.5
"""A result holding less than this share of the page's paragraph text is doubtful ..."""

INSIDE_SHARE: Final = 0.9
"""... and when this share of its words is in the second result ..."""

COVER_GAIN: Final = 1.5
"""... which holds this many times as much text, the second result wins."""

SECOND_MAX_LINK_DENSITY: Final = 0.5
"""A second result whose links hold more than this share of its text is no article."""

NOSCRIPT_MIN: Final = 500
"""A ``<noscript>`` holding paragraphs with at least this much text (:func:`~._features.dense`
size) is read as page content, not dropped: a page that renders its article by script ships
the same markup there for readers without scripts. Notices (``Please turn on JavaScript``)
and tracking pixels are far shorter."""

NOSCRIPT_LOOKS: Final = 50
"""At most this many ``<noscript>`` elements are looked at for an article: each look reads
the text below it, and nested ones (up to the depth bound) would read the same text again."""
