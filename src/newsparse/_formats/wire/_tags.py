"""Split a wire ``Tags`` line back into its tags.

The site joins an article's tags with single spaces, so ``North Korea North Korea missile
tests`` has several readings. :func:`segment` picks the most plausible one with a small
scored dynamic programme over word spans, using what is known about the line:

1. **Order.** The site lists tags in case-insensitive alphabetical order, so consecutive tags
   must be strictly increasing by :meth:`str.casefold`. This is a hard constraint in
   practice (a violation costs more than any other cue can win back), but a line that is
   not sorted at all still segments. Two *known* tags out of order cost little: the site's
   collation differs from casefold for accents and punctuation.
2. **Capitalisation and shape.** A lowercase word followed by a Capitalised word is usually
   a boundary (``shells | John``), except after a connector such as *of*, *and*, *the*,
   *de* or *for*; runs of Capitalised words stick together (``John Kirby``); an acronym after
   a Capitalised word starts a new tag (``Convention | RNC``); the same word twice inside
   one tag is unlikely; a tag is usually one to four words, and never starts or ends with a
   connector.
3. **Places and given names.** A capitalised word followed by a place or a common given
   name (``_text.lexicon``) usually ends a tag: ``Florida | Georgia``, ``Congress | Nancy
   Pelosi``; not after a given name (``Jim Jordan``), a connector (``Bank of America``)
   or inside one place (``New York``).
4. **Vocabulary.** When the caller passes ``known_tags``, spans that are known tags (compared
   case-insensitively) win over any heuristic reading; the heuristics only decide the
   stretches no known tag covers.

The unambiguous form ``Tags a | b | c`` (split on ``" | "``; a single tag is written
``Tags a |``) is what the writer uses when the space-joined line would not segment back to
the same tags.

The programme is O(n·L²) for n words and tags of at most ``L`` = 8 words; above
:data:`MAX_DP_WORDS` words a linear pass that cuts wherever the shape cues say so is used
instead, so no line can make the reader hang. Its memory does not grow with the length of
the words: spans are compared through integer ranks of their words (see :func:`_ranks`),
never as joined strings.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from ..._text.lexicon import GIVEN_NAMES, PLACE_PHRASES, PLACES

__all__ = ["MAX_DP_WORDS", "MAX_TAG_WORDS", "segment", "split_tags_line"]

MAX_TAG_WORDS = 8
"""The longest tag, in words, the segmentation considers."""

MAX_DP_WORDS = 400
"""Above this many words a tag line is cut by a linear pass instead of the full programme."""

_CONNECTORS = frozenset(
    (
        "of",
        "and",
        "the",
        "de",
        "for",
        "in",
        "on",
        "at",
        "to",
        "a",
        "an",
        "la",
        "le",
        "les",
        "du",
        "des",
        "da",
        "del",
        "der",
        "den",
        "von",
        "van",
        "y",
        "&",
        "vs",
        "vs.",
    )
)

_UNSORTED = -8.0
_UNSORTED_KNOWN = -1.0
_SEGMENT = -0.3
_LENGTH_PRIOR = (0.0, -0.2, 0.0, -0.8, -1.4, -2.5, -4.0, -5.5, -7.0)
_CONNECTOR_EDGE = -2.5
_KNOWN_PER_WORD = 2.0
_UNKNOWN_PER_WORD = -1.0

# word shapes
_LOWER, _TITLE, _ACRO, _DIGIT, _OTHER = range(5)

# affinity of two neighbouring words for being in the same tag, by (left shape, right shape)
_PAIR = {
    (_LOWER, _LOWER): 0.1,
    (_LOWER, _TITLE): -2.0,
    (_LOWER, _ACRO): -2.0,
    (_LOWER, _DIGIT): 0.3,
    (_TITLE, _TITLE): 0.5,
    (_TITLE, _ACRO): -0.5,
    (_TITLE, _LOWER): 0.2,
    (_TITLE, _DIGIT): 0.3,
    (_ACRO, _TITLE): -0.3,
    (_ACRO, _ACRO): -0.3,
    (_ACRO, _LOWER): 0.2,
    (_ACRO, _DIGIT): 0.3,
    (_DIGIT, _LOWER): 0.5,
    (_DIGIT, _TITLE): 0.0,
    (_DIGIT, _ACRO): 0.0,
    (_DIGIT, _DIGIT): -0.5,
}
_REPEATED = -3.0
_LEXICON_BOUNDARY = -2.0


def _shape(word: str) -> int:
    first = word[:1]
    if first.isdigit():
        return _DIGIT
    if first.islower():
        return _LOWER
    if first.isupper():
        letters = 0  # an acronym: two letters or more, all upper case
        for c in word:
            if c.isalpha():
                if not c.isupper():
                    return _TITLE
                letters += 1
        return _ACRO if letters >= 2 else _TITLE
    return _OTHER


def _affinity(left: str, right: str) -> float:
    if left.casefold() == right.casefold():
        return _REPEATED
    if left in _CONNECTORS or right in _CONNECTORS:
        return 0.0
    return _PAIR.get((_shape(left), _shape(right)), 0.0)


def split_tags_line(content: str) -> tuple[str, ...] | None:
    """Split the unambiguous ``a | b | c`` form (or ``a |`` for one tag); None otherwise."""
    if content.endswith(" |"):
        content = content[:-2]
        return tuple(content.split(" | "))
    if " | " in content:
        return tuple(content.split(" | "))
    return None


def segment(content: str, known_tags: Iterable[str] | None = None) -> tuple[str, ...]:
    """Split a space-joined tag line into tags; see the module docstring for the rule.

    >>> segment("artillery shells John Kirby North Korea")
    ('artillery shells', 'John Kirby', 'North Korea')
    >>> segment("Bank of America Wall Street banks", known_tags=["Wall Street banks"])
    ('Bank of America', 'Wall Street banks')
    """
    known = frozenset(t.casefold() for t in known_tags) if known_tags else frozenset()
    return _segment(content, known)


_CACHED_LENGTH = 2048
"""Lines up to this long are kept in a small cache; longer ones are split each time."""


def _segment(content: str, known: frozenset[str]) -> tuple[str, ...]:
    if len(content) <= _CACHED_LENGTH:
        return _segment_cached(content, known)
    return _segment_words(content, known)


def _ranks(folded: list[str]) -> tuple[list[int], list[int], dict[str, int]]:
    """Integer ranks that order spans of words exactly as their space-joined strings.

    A span ``words[i:j]`` is the tuple of the rank of ``w + " "`` for each word but the
    last and of ``w`` for the last. Since no word holds a space, comparing two such
    tuples gives the order of the joined strings (and equality), with no string built:
    the memory stays that of the words, whatever their length.
    """
    tokens = set(folded)
    tokens.update(w + " " for w in folded)
    rank = {token: r for r, token in enumerate(sorted(tokens))}
    return [rank[w + " "] for w in folded], [rank[w] for w in folded], rank


def _known_keys(known: frozenset[str], rank: dict[str, int]) -> set[tuple[int, ...]]:
    """The known tags that can be spans of this line, as rank tuples (see :func:`_ranks`)."""
    keys: set[tuple[int, ...]] = set()
    for tag in known:
        words = tag.split(" ")
        try:
            key = (*(rank[w + " "] for w in words[:-1]), rank[words[-1]])
        except KeyError:
            continue  # a word this line does not have
        keys.add(key)
    return keys


@functools.lru_cache(maxsize=256)
def _segment_cached(content: str, known: frozenset[str]) -> tuple[str, ...]:
    return _segment_words(content, known)


def _segment_words(content: str, known_tags: frozenset[str]) -> tuple[str, ...]:
    words = content.split()
    n = len(words)
    if n == 0:
        return ()
    if n == 1:
        return (words[0],)
    if n > MAX_DP_WORDS:
        return _linear(words)
    folded = [w.casefold() for w in words]
    aff = [_affinity(words[i], words[i + 1]) for i in range(n - 1)]
    connector = [w in _CONNECTORS for w in words]
    _lexicon_affinity(words, folded, connector, aff)
    max_len = MAX_TAG_WORDS
    mid, last, rank = _ranks(folded)
    known = _known_keys(known_tags, rank) if known_tags else set()
    del rank
    # score of span [i, j): computed on demand
    span_score: dict[tuple[int, int], float] = {}
    keys: dict[tuple[int, int], tuple[int, ...]] = {}

    def score(i: int, j: int) -> float:
        found = span_score.get((i, j))
        if found is not None:
            return found
        key = (*mid[i : j - 1], last[j - 1])
        keys[i, j] = key
        size = j - i
        if known and key in known:
            value = _KNOWN_PER_WORD * size + _SEGMENT
        else:
            value = _SEGMENT + _LENGTH_PRIOR[min(size, len(_LENGTH_PRIOR) - 1)]
            if size >= len(_LENGTH_PRIOR):
                value -= 1.5 * (size - len(_LENGTH_PRIOR) + 1)
            value += sum(aff[i : j - 1])
            if connector[i] or connector[j - 1]:
                value += _CONNECTOR_EDGE
            if size > 2 and len(set(folded[i:j])) < size:
                value += _REPEATED
            if known_tags:
                value += _UNKNOWN_PER_WORD * size
        span_score[i, j] = value
        return value

    # best[(i, j)]: best score of words[:j] whose last tag is words[i:j]; back[(i, j)]: start
    # of the tag before it (or -1)
    best: dict[tuple[int, int], float] = {}
    back: dict[tuple[int, int], int] = {}
    for j in range(1, n + 1):
        for i in range(max(0, j - max_len), j):
            s = score(i, j)
            if i == 0:
                best[0, j] = s
                back[0, j] = -1
                continue
            key = keys[i, j]
            top = -1e18
            arg = -1
            for h in range(max(0, i - max_len), i):
                prev = best[h, i]
                if keys[h, i] >= key:
                    # two known tags out of order: the site's collation is not casefold
                    both = known and key in known and keys[h, i] in known
                    prev += _UNSORTED_KNOWN if both else _UNSORTED
                if prev > top:
                    top = prev
                    arg = h
            best[i, j] = s + top
            back[i, j] = arg
    end_start = max(range(max(0, n - max_len), n), key=lambda i: best[i, n])
    out: list[str] = []
    i, j = end_start, n
    while i >= 0:
        out.append(" ".join(words[i:j]))
        i, j = back[i, j], i
    out.reverse()
    return tuple(out)


def _lexicon_affinity(
    words: list[str], folded: list[str], connector: list[bool], aff: list[float]
) -> None:
    """Lower the affinity of neighbours that ``_text.lexicon`` says belong to two tags.

    A capitalised word followed by a place name (``Florida Georgia``, ``Biden China``) or by
    a given name (``Congress Nancy``) usually ends one tag, unless the first word is a given
    name itself (``Jim Jordan``, ``Mary Kay``) or a connector, or both words are one
    place name (``New York``, ``North Korea``).
    """
    n = len(words)
    capital = [w[:1].isupper() for w in words]
    given = [capital[k] and folded[k] in GIVEN_NAMES for k in range(n)]
    inside_place = [False] * n  # word k continues a place name of several words
    starts_place = [capital[k] and folded[k] in PLACES for k in range(n)]
    for k in range(n):
        for size in (3, 2):
            if (
                k + size <= n
                and all(capital[k : k + size])
                and " ".join(folded[k : k + size]) in PLACE_PHRASES
            ):
                starts_place[k] = True
                for m in range(k + 1, k + size):
                    inside_place[m] = True
                break
    for k in range(1, n):
        left = k - 1
        if not capital[left] or connector[left] or given[left] or inside_place[k]:
            continue
        if (starts_place[k] and not inside_place[left]) or given[k]:
            aff[left] += _LEXICON_BOUNDARY


def _linear(words: list[str]) -> tuple[str, ...]:
    """Cut a very long line wherever neighbouring words look like two tags; O(n)."""
    out: list[str] = []
    current = [words[0]]
    for k in range(1, len(words)):
        left, right = words[k - 1], words[k]
        if _affinity(left, right) < 0 or len(current) >= 4:
            out.append(" ".join(current))
            current = [right]
        else:
            current.append(right)
    out.append(" ".join(current))
    return tuple(out)
