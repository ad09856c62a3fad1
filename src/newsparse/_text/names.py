"""The people in a credit: ``Jane Doe and John Roe, staff writers`` -> two Authors.

Two levels:

- :func:`parse_names` splits the names part of a well-formed byline (what the wire format
  writes): ``", "`` and ``" and "`` between names, a serial comma, suffixes that stay with
  their name (``Martin Cole, Jr.``) and a last part that is a role (:func:`is_role`).
  :func:`names_text` is its inverse.
- :func:`clean_names` reads a credit as pages give it: it drops a ``By`` prefix or an
  ``Author:`` label, stops at dates, separators and calls to action (``Email the author``),
  cuts dates and outlets glued to the name by the markup, keeps credentials and job titles
  with the name before them, and returns only plausible names.

Every pattern runs on text whose whitespace runs are collapsed first, and none has nested
or overlapping quantifiers, so each is linear in the length of the credit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .._model import Author
from .lexicon import (
    AGENCIES,
    BYLINE_PREFIXES,
    CONJUNCTIONS,
    CONNECTORS,
    CREDENTIALS,
    CREDIT_LABELS,
    CREDIT_LEADS,
    CREDIT_NOISE,
    DATE_LABELS,
    MONTHS,
    NAME_PARTICLES,
    ROLE_NOUNS,
    TIME_UNITS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    WORLD_MONTHS,
)
from .tidy import tidy

__all__ = [
    "MAX_NAME_WORDS",
    "SUFFIX",
    "clean_names",
    "dedupe",
    "is_junk",
    "is_role",
    "names_canonical",
    "names_text",
    "parse_names",
    "plausible_name",
]

MAX_NAME_WORDS = 7
"""The most words a person's or an organisation's name is taken to have."""

SUFFIX = re.compile(r"((?:Jr|Sr|II|III|IV|V|VI|PhD|Ph\.D|MD|M\.D|Esq)\.?)(?:\Z| and (.*)\Z)")
"""A generational or academic suffix that stays with the name before it."""


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_MONTH_ABBR = sorted({name[:3] for name in MONTHS})
_DAY_ABBR = [day[:3] for day in WEEKDAYS]
_PREFIXES = sorted({p for group in BYLINE_PREFIXES.values() for p in group}, key=len)
_LOWER_ONLY = frozenset(("di", "da"))  # Italian "di"/"da" are also the start of surnames
_LABEL_WORDS = ("author", "autor", "autorin", "auteur", "autore", "autora", "writer")


def _words_pattern(phrases: Iterable[str]) -> str:
    return "|".join(
        r"\s+".join(map(re.escape, p.split())) for p in sorted(set(phrases), key=lambda p: -len(p))
    )


_BY_PREFIX = re.compile(
    rf"(?i:\A(?:(?:{_alternation(CREDIT_LEADS)})\s+)?by\s*[:\-–—]?\s+)"
    rf"|(?i:\A(?:{_words_pattern(p for p in _PREFIXES if p not in _LOWER_ONLY)})\s*[:\-–—]?\s+)"
    rf"|\A(?:{_words_pattern(_LOWER_ONLY)})\s+(?=[^\W\d_])"
    # "Author Andreas Kalt": a label word without its colon, before a capitalised name
    rf"|\A(?i:{_words_pattern(_LABEL_WORDS)})\s+(?=[^\W\d_a-z])"
)
_LATER_PREFIX = re.compile(rf"(?<!\w)(?:by|{_words_pattern(_PREFIXES)})\s*:?\s+", re.IGNORECASE)
# "Text: Jane Doe", "Texto: …", "Текст: …": a one-word label and a colon before the names
_AUTHOR_LABEL = re.compile(
    rf"\A(?:{_alternation(CREDIT_LABELS)}|[^\W\d_]{{2,12}})\s*:\s+(?=[^\W\d_])", re.IGNORECASE
)
_LEAD = re.compile(r"\A[\s~•·|:–—\-]+")
_LONE_LABEL = re.compile(r"\A\W*[^\W\d_]{2,12}\s?:\W*\Z")  # "Datum: " before a date
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;.])")
# a date or weekday glued to the name by the page's markup: "Carrie ArnoldNovember 15"
_GLUED_DATE = re.compile(
    rf"(?<=[a-z])(?:(?:{'|'.join(m.title() for m in _MONTH_ABBR)})[a-z]*\.?\s*\d"
    rf"|(?:{'|'.join(d.title() for d in WEEKDAYS)})\b"
    rf"|(?:{'|'.join(d.title() for d in WEEKDAY_ABBREVIATIONS)})\.?,?\s\d)"
)
# an outlet glued to an upper-case name: "JILL LAWLESSAssociated Press"
_GLUED_WORD = re.compile(r"(?<=[A-Z]{2})(?=[A-Z][a-z]{2,})")
# agencies and outlets that follow a name in a credit: "Tom Davies Associated Press"
_AGENCY = re.compile(
    r"(?<=\S)\s+(?P<agency>"
    + "|".join(r"\s+".join(map(re.escape, a.split())) for a in AGENCIES)
    + r")\Z"
)
_CREDENTIAL = re.compile(rf"(?:{_alternation(CREDENTIALS)})\Z")
# a form label such as "Name (required)" from a comment box: "(" and a lowercase letter
_FORM_NOTE = re.compile(r"\(\s*[^\W\d_A-Z]")
_NAME_STOP = re.compile(
    r"\||•|·|\bemail\b|\bfollow\b|\bcontact\b|(?<=\s)@\w|"
    rf"\b(?:{_words_pattern(CREDIT_NOISE)})\b|"
    r"(?<=\s)[^\W\d_]{2,12}\s?:(?=\s)|"  # "Jane Doe Quelle: …": another label
    rf"\b(?:{_words_pattern(DATE_LABELS)})\b|"
    rf"\bon\s+(?:{'|'.join(_DAY_ABBR + _MONTH_ABBR)})|"
    r"\s-\s|\s–\s|\s—\s|\d{1,2}[:/.]\d{1,2}|\b\d{4}\b|"
    rf"\b(?:{'|'.join(_MONTH_ABBR)})[a-z]*\.?\s+\d|"
    rf"(?<!\w)(?:{'|'.join(WEEKDAY_ABBREVIATIONS)})\.?,?\s+\d",
    re.IGNORECASE,
)
_WORD_TOKEN = re.compile(r"[^\W\d_]+")
_DAY_MONTH = re.compile(r"\b\d{1,2}\.?\s{0,2}([^\W\d_]{3,12})\b|\b([^\W\d_]{3,12})\.?(?=\s{1,2}\d)")
_RELATIVE = re.compile(r"\d{1,4}\s{0,2}([^\W\d_]{2,9})")
_RELATIVE_LEADS = ("vor", "hace", "il y a", "há", "fa")
_WEEKDAY_NAMES = frozenset(WEEKDAY_NAMES)
_TIME_UNITS = frozenset(TIME_UNITS)
_LONG_UNITS = tuple(u for u in TIME_UNITS if len(u) >= 5)  # glued: "5 StundenMehr"
_JUNK_NAME = re.compile(
    r"@|https?:|www\.|\.com\b|\bemail\b|\bthe author\b|\bfollow\b|\bread more\b|^\W*$"
    r"|\*\s*\Z",  # "Name *": a form's required field
    re.IGNORECASE,
)
_JOB_TITLE = re.compile(rf"\b(?:{_alternation(ROLE_NOUNS)})s?\b", re.IGNORECASE)
_AND = re.compile(rf"(?<=\S)\s+(?:and|AND|And|{'|'.join(CONJUNCTIONS)})\s+(?=[^\W\d_a-z])")
_AMPERSAND = re.compile(r"(?<=\S)\s+&\s+")
_NOT_NAMES = frozenset(
    [p.casefold() for p in _PREFIXES] + [d.casefold() for d in DATE_LABELS] + ["by"]
)


def _is_unit(word: str) -> bool:
    word = word.casefold()
    return word in _TIME_UNITS or any(word.startswith(u) for u in _LONG_UNITS)


def _stop(text: str) -> int:
    """Where the names of a credit end.

    At a date, a date label, a weekday, a relative time (``vor 5 Stunden``) or a
    separator, in any of the languages of the lexicon.
    """
    end = len(text)
    m = _NAME_STOP.search(text)
    if m is not None:
        end = m.start()
    for word in _WORD_TOKEN.finditer(text):
        if word.start() >= end:
            break
        if word[0].casefold() in _WEEKDAY_NAMES:
            end = word.start()
            break
    for m in _DAY_MONTH.finditer(text):
        if m.start() >= end:
            break
        if (m[1] or m[2]).casefold() in WORLD_MONTHS:
            end = m.start()
            break
    for m in _RELATIVE.finditer(text):
        if m.start() >= end:
            break
        if _is_unit(m[1]):
            end = m.start()
            head = text[:end].rstrip().casefold()
            for lead in _RELATIVE_LEADS:
                if head.endswith(lead):
                    end = len(head) - len(lead)
                    break
            break
    return end


def _without_connectors(text: str) -> str:
    """``text`` without the connectors a cut date leaves at its end (``Jane Doe am``)."""
    words = text.split()
    while words and words[-1].casefold().strip(",;:") in CONNECTORS:
        words.pop()
    return " ".join(words)


def is_role(part: str) -> bool:
    """Whether the last part of a byline's names is a role (``opinion contributor``)."""
    if part[:1].islower():
        return True
    last = part.rsplit(" ", 1)[-1].casefold()
    return last in ROLE_NOUNS or (last.endswith("s") and last[:-1] in ROLE_NOUNS)


CACHED_LENGTH = 2048
"""Bylines up to this long are memoised (a byline is usually short, and repeats on every
page of a site); longer ones are parsed each time, so the caches never hold big texts."""


def parse_names(names: str) -> tuple[tuple[Author, ...], str | None]:
    """Split the names part of a byline into Authors; also return a problem, if any.

    >>> parse_names("Ana Ruiz, Jr. and Li Wei, staff writers")[0]
    (Author(name='Ana Ruiz, Jr.', role='staff writer', url=None), Author(name='Li Wei', role='staff writer', url=None))
    """  # noqa: E501
    if len(names) <= CACHED_LENGTH:
        return _parse_names_cached(names)
    return _parse_names(names)


def _parse_names(names: str) -> tuple[tuple[Author, ...], str | None]:
    pieces: list[list[str]] = []  # each name's pieces, joined once (linear in suffixes)
    for part in names.split(", "):
        m = SUFFIX.match(part) if pieces else None
        if m is not None:
            pieces[-1].append(m[1])  # "Martin Cole, Jr." keeps its suffix
            if m[2]:
                pieces.append([m[2]])
        else:
            pieces.append([part])
    parts = [", ".join(p) for p in pieces]
    role = None
    if len(parts) > 1 and not parts[-1].startswith("and ") and is_role(parts[-1]):
        role = parts.pop()
    people: list[str] = []
    for i, part in enumerate(parts):
        if i > 0 and part.startswith("and "):
            part = part[4:]  # a serial comma: "A, B, and C"
        people.extend(part.split(" and "))
    problem = None
    if any(not p.strip() for p in people):
        problem = "an empty name in the byline"
    if role is not None and len(people) > 1 and role.endswith("s"):
        role = role[:-1]
    return tuple(Author(p, role=role) for p in people), problem


_parse_names_cached = functools.lru_cache(maxsize=1024)(_parse_names)


def names_text(authors: tuple[Author, ...]) -> str:
    """The names part of a byline for ``authors`` (the inverse of :func:`parse_names`)."""
    names = tuple(a.name for a in authors)
    roles = tuple(a.role for a in authors)
    if sum(map(len, names)) + sum(len(r or "") for r in roles) <= CACHED_LENGTH:
        return _names_text_cached(names, roles)
    return _names_text(names, roles)  # long lists are not kept in the cache


def _names_text(names: tuple[str, ...], roles: tuple[str | None, ...]) -> str:
    if not names:
        return ""
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    kinds = set(roles)
    if len(kinds) == 1:
        role = next(iter(kinds))
        if role:
            text += ", " + (role if len(names) == 1 else role + "s")
    return text


_names_text_cached = functools.lru_cache(maxsize=1024)(_names_text)


def names_canonical(names: str) -> bool:
    """Whether the names part of a byline is exactly how :func:`names_text` renders it."""
    if len(names) <= CACHED_LENGTH:
        return _names_canonical_cached(names)
    return _names_canonical(names)


def _names_canonical(names: str) -> bool:
    authors, problem = parse_names(names)
    return problem is None and names_text(authors) == names


_names_canonical_cached = functools.lru_cache(maxsize=1024)(_names_canonical)


def is_junk(name: str) -> bool:
    """Whether a credit is no name at all: an e-mail or web address, ``Follow``, ``Read more``."""
    return _JUNK_NAME.search(name) is not None


def clean_names(raw: str) -> list[tuple[str, str | None]]:
    """Real names (and a role, if given) in a credit such as ``By A and B, staff writers``.

    Drops ``By``, dates, ``Email the author`` and the like; returns ``[]`` for non-names.

    >>> clean_names("By Jane Doe and John Roe - Updated 03/05/24")
    [('Jane Doe', None), ('John Roe', None)]
    """
    text = tidy(raw)
    if not text:
        return []
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _LEAD.sub("", text))
    glued = _GLUED_DATE.search(text)
    if glued is not None:
        text = text[: glued.start()]
    unprefixed = _AUTHOR_LABEL.sub("", _BY_PREFIX.sub("", text))
    introduced = unprefixed != text
    text = unprefixed
    end = _stop(text)
    if end == 0 or not _LONE_LABEL.sub("", text[:end]).strip(" ,;:-–—|~"):
        # a date or a label first: the names after a later "by" ("5. März · von Jane Doe")
        later = _LATER_PREFIX.search(text)
        if later is None:
            return []
        text = text[later.end() :]
        introduced = True
        end = _stop(text)
    text = _without_connectors(text[:end].strip(" ,;:-–—|~"))
    text = text.strip(" ,;:-–—|~")
    if not text or text.casefold() in _NOT_NAMES:
        return []
    text = _GLUED_WORD.sub(", ", text)
    text = _AND.sub(" and ", text)
    parts = _AMPERSAND.split(text)
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        text = " and ".join(parts)  # "Jane Doe & John Roe"; "Mac & i" is one name
    authors, _problem = parse_names(text)
    out: list[tuple[str, str | None]] = []
    for author in authors:
        name = author.name.strip(" ,;:")
        if out and _CREDENTIAL.match(name):
            out[-1] = (f"{out[-1][0]}, {name}", out[-1][1])  # "Rachael Link, MS, RD"
            continue
        if out and _JOB_TITLE.search(name) and out[-1][1] is None:
            out[-1] = (out[-1][0], name)  # "GREG BEACHAM, AP Sports Writer": a credit line
            continue
        agency = _AGENCY.search(name)
        if agency is not None and len(name[: agency.start()].split()) >= 2:
            names = [name[: agency.start()], agency["agency"]]
        else:
            names = [name]
        for one in names:
            if plausible_name(one, introduced):
                out.append((one, author.role))
    return out


def plausible_name(name: str, introduced: bool = False) -> bool:
    """Whether a cleaned credit can be a person's or an organisation's name.

    A name in lower case is only taken when a byline word introduced it (``von marc``,
    ``Posted by gizzmo``: a user name) and it is one or two words.
    """
    if not name or is_junk(name) or not any(c.isalpha() for c in name):
        return False
    words = name.split()
    if len(words) > MAX_NAME_WORDS:
        return False
    if name.islower() and not (introduced and len(words) <= 2):
        return False
    # a sentence rather than a name: several lowercase words that are not name particles
    lower = sum(1 for w in words if w[:1].islower() and w.casefold() not in NAME_PARTICLES)
    if lower >= 3 and lower > len(words) - lower:
        return False
    # a form label such as "Name (required)" from a comment box; one search and one find,
    # so that "(aB" repeated costs linear time
    note = _FORM_NOTE.search(name)
    return note is None or ")" not in name[note.end() :]


def dedupe(authors: Iterable[Author]) -> list[Author]:
    """``authors`` without repeated names (compared casefolded), first kept."""
    seen: set[str] = set()
    out = []
    for a in authors:
        key = a.name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out
