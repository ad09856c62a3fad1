"""Names shared by the ninjs reader and writer: conventions, key spellings, schema lookups."""

from __future__ import annotations

import functools
import re
from typing import Any

import msgspec

from ..._errors import ParseError

__all__ = [
    "EXTRA",
    "FORMAT",
    "NOTE_ROLE",
    "PLACEHOLDER",
    "PORTABLE",
    "SECTION_REL",
    "SUB_ROLES",
    "VERSION_KEY",
    "camel",
    "major",
    "properties",
    "shape_error",
    "split_byline",
]

FORMAT = "ninjs"
EXTRA = "ninjs."
"""The extras namespace: ``ninjs.<key>`` holds a property the Article has no field for."""
VERSION_KEY = "ninjs._version"
"""The version of the document that version-shaped extras were read from."""

SECTION_REL = "section"
"""The ``rel`` of the subject that carries ``Article.section``."""
NOTE_ROLE = "note"
"""The ``role`` of the descriptions that carry ``Article.notes``."""
SUB_ROLES = ("sub", "subtitle", "subheadline", "subhead", "deck")
"""Headline roles read as the subtitle; the writer uses ``"sub"``."""
PLACEHOLDER = "urn:newsparse:"
"""Prefix of the ``uri`` written for an Article without a URL (read back as no URL)."""

PORTABLE: dict[str, str] = {
    "located": "located",
    "slugline": "slugline",
    "profile": "profile",
    "title": "title",
    "version": "version",
    "type": "type",
    "ednote": "edNote",
    "pubstatus": "pubStatus",
    "usageterms": "usageTerms",
    "copyrightnotice": "copyrightNotice",
}
"""String properties of every version, kept as ``ninjs.<2.x name>`` and written back to any
version (2.x name -> 3.x name)."""

# a match starts only where a run of whitespace starts (the lookbehind): trying every
# space of a long run, each scanning the rest of the run, was quadratic
_BYLINE_SPLIT = re.compile(r",\s+|(?<!\s)\s+(?:and|&)\s+")
_BY_PREFIX = re.compile(r"(?i)by\s+")


def camel(key: str, major: str) -> str:
    """The spelling of a 2.x property name in ``major`` ("3" uses camelCase)."""
    if major != "3":
        return key
    return PORTABLE.get(key, key)


def major(version: str) -> str:
    """The major version, e.g. ``"2"`` for ``"2.1"``."""
    return version.partition(".")[0]


def shape_error(message: str) -> ParseError:
    """A ParseError for valid JSON that is not a usable ninjs document."""
    return ParseError(f"not a usable ninjs document: {message}", format=FORMAT)


def split_byline(by: str) -> list[str]:
    """The names in a ``by`` statement: ``"By A, B and C"`` -> ``["A", "B", "C"]``."""
    text = by.strip()
    match = _BY_PREFIX.match(text)
    if match is not None:
        text = text[match.end() :]
    return [name.strip() for name in _BYLINE_SPLIT.split(text) if name.strip()]


def join_byline(names: list[str]) -> str:
    """``["A", "B", "C"]`` -> ``"A, B and C"`` (the inverse of :func:`split_byline`)."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@functools.lru_cache(maxsize=8)
def properties(version: str) -> frozenset[str]:
    """The top-level property names of a ninjs version, from the shipped schema."""
    from . import schema_path

    schema: Any = msgspec.json.decode(schema_path(version).read_bytes())
    props = schema.get("properties") or schema["$defs"]["ninjsType"]["properties"]
    return frozenset(props)
