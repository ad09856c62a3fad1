"""The top level of a JSON document from its first few KB, for the JSON-family sniffers.

A sniffer sees only the head of a document (8 KB), which is usually cut in the middle of
a value, so no JSON parser can read it. :func:`scan` tokenizes the head and walks it
structurally: it reports the top-level object's members (keys in order, and the raw text
of each value that ends inside the head) and whether the first value ends before the
head does. A key is only ever a key of the top-level object, never a string somewhere in
a value, so a tag or a title that reads ``"newsparse"`` cannot look like a key.

One regular expression with disjoint alternatives finds the tokens (linear in the head,
no backtracking across tokens), and one pass over them tracks the nesting. Written here
because no JSON library reads a truncated document's structure.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

__all__ = ["JsonHead", "scan"]

# strings (escapes as pairs; the last may be cut by the end of the head), punctuation,
# runs of anything else, and whitespace: every position starts exactly one token
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)|[{}\[\]:,]|[^"{}\[\]:,\s]+|\s+', re.DOTALL)
_LEAD = "\ufeff \t\r\n"


class JsonHead(NamedTuple):
    """What :func:`scan` found at the top level of a document's head."""

    kind: str
    """``"object"`` or ``"array"``: what the document starts with."""
    members: dict[str, str | None]
    """The top-level object's keys, in order, each with its value's raw JSON text, or
    None where the value does not end inside the head. Empty for an array."""
    complete: bool
    """Whether the first top-level value ends inside the head."""
    rest: str
    """What follows the first value (stripped), when it ends inside the head."""


@functools.lru_cache(maxsize=16)
def scan(head: str) -> JsonHead | None:
    """The top level of the JSON document that ``head`` starts, or None if it starts none.

    >>> found = scan('{"uri": "urn:x", "subjects": [{"name": "newsparse"}], "headl')
    >>> list(found.members), found.members["uri"], found.complete
    (['uri', 'subjects'], '"urn:x"', False)
    """
    text = head.lstrip(_LEAD)
    if not text.startswith(("{", "[")):
        return None
    kind = "object" if text[0] == "{" else "array"
    members: dict[str, str | None] = {}
    depth = 0
    key: str | None = None  # the member whose value is being read
    value_start = -1
    expect_key = False
    pending: str | None = None  # a string at depth 1 that may turn out to be a key
    for match in _TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first in " \t\r\n":
            continue
        if first in "{[":
            depth += 1
            if depth == 2 and key is not None and value_start < 0:
                value_start = match.start()
            if depth == 1:
                expect_key = first == "{"
            continue
        if first in "}]":
            depth -= 1
            if depth == 1 and key is not None:
                members[key] = text[value_start : match.end()]
                key, value_start = None, -1
            if depth == 0:
                if key is not None and value_start >= 0:
                    members[key] = text[value_start : match.start()].rstrip()
                return JsonHead(kind, members, True, text[match.end() :].strip())
            continue
        if depth != 1 or kind != "object":
            continue
        if first == ":":
            if pending is not None:
                key, pending, expect_key = pending, None, False
                members[key] = None
            continue
        if first == ",":
            if key is not None and value_start >= 0:
                members[key] = text[value_start : match.start()].rstrip()
            key, value_start, expect_key = None, -1, True
            continue
        if expect_key and first == '"':
            pending = _unquote(token)
            continue
        if key is not None and value_start < 0:
            value_start = match.start()
    return JsonHead(kind, members, False, "")


def _unquote(token: str) -> str:
    """The text of a JSON string token (escapes decoded where they are well-formed)."""
    if "\\" not in token:
        return token[1:-1] if len(token) >= 2 and token.endswith('"') else token[1:]
    import json

    try:
        value = json.loads(token)
    except ValueError:  # cut by the end of the head
        return token[1:]
    return value if isinstance(value, str) else token[1:]
