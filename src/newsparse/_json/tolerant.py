r"""Decode JSON as it is found in web pages: strict first, then after a small repair pass.

The repair pass (never ``eval``) escapes raw control characters inside strings, drops
``//`` and ``/* */`` comments, trailing commas before ``}`` or ``]``, a trailing ``;``
and an HTML comment or CDATA wrapper (``<!-- ... -->``, ``<![CDATA[ ... ]]>``).
:func:`loads` does not guess at unescaped quotes; :func:`loads_embedded`, for JSON-LD in
a page, also tries escaping the quotes inside a string value that fills its line
(``"headline": "A "quoted" word",``), and dropping closing brackets a template wrote once
too often after the complete value (``{"a": {"b": 1}}}``; at most :data:`_SURPLUS`).

Every pattern here is linear in the text: the tokens are consumed left to right, and the
line pattern of the quote repair matches within one line (``[ \t]``, never ``\s``, so no
whitespace run is scanned again from every line start).

A failed attempt's error, kept for the report while the next attempt runs, is
:func:`newsparse._errors.detached` from its frames (which says why).
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

from .._errors import ParseError, detached
from .strict import syntax_error

__all__ = ["escape_inner_quotes", "loads", "loads_embedded", "repair"]

_DECODER = msgspec.json.Decoder()
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


_TOKENS = re.compile(
    r'"(?:[^"\\]|\\.)*"?'  # a string (possibly unterminated)
    r"|//[^\n]*"  # a line comment
    r"|/\*.*?(?:\*/|\Z)"  # a block comment
    r"|,(?=\s*[}\]])",  # a trailing comma
    re.DOTALL,
)
_CONTROL = re.compile(r"[\x00-\x1f]")
# wrappers pages put around a script's JSON, outermost first: an HTML comment, a CDATA
# section, and the script comments that hide a CDATA section from old parsers
_WRAPPERS = (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>"))


def _escape_control(match: re.Match[str]) -> str:
    c = match.group()
    return _ESCAPES.get(c, f"\\u{ord(c):04x}")


def _fix(match: re.Match[str]) -> str:
    token = match.group()
    if token.startswith('"'):
        return _CONTROL.sub(_escape_control, token)
    return ""  # comments and trailing commas


def repair(text: str) -> str:
    """Return ``text`` with the common breakages of embedded JSON-LD fixed."""
    text = text.strip().lstrip("\ufeff")
    for opening, closing in _WRAPPERS:
        if text.startswith(opening):
            text = text[len(opening) :].lstrip()
        if text.endswith(closing):
            text = text[: -len(closing)].rstrip()
    return _TOKENS.sub(_fix, text).strip().rstrip(";").strip()


def loads(text: str, *, format: str) -> Any:
    """Decode ``text``, repairing it if strict decoding fails; raise ParseError otherwise.

    The ParseError points (line and column) at the problem in the original text.
    """
    try:
        return _DECODER.decode(text)
    except msgspec.DecodeError as exc:
        first = detached(exc)
    except RecursionError:
        raise ParseError("JSON is nested too deeply to read", format=format) from None
    except UnicodeError as exc:
        raise ParseError(f"text cannot be read as JSON: {exc}", format=format) from None
    try:
        return _DECODER.decode(repair(text))
    except (msgspec.DecodeError, UnicodeError):
        raise syntax_error(first, text, format=format) from None
    except RecursionError:
        raise ParseError("JSON is nested too deeply to read", format=format) from None


_QUOTED_LINE = re.compile(r'(?m)^([ \t]*"[^"\n]+"[ \t]*:[ \t]*")(.*)("[ \t]*(?:,[ \t]*)?)$')
_INNER_QUOTE = re.compile(r'(?<!\\)"')


def escape_inner_quotes(text: str) -> str:
    """Escape the quotes inside a string value that fills a line: ``"k": "a "b" c",``."""
    return _QUOTED_LINE.sub(lambda m: m[1] + _INNER_QUOTE.sub('\\\\"', m[2]) + m[3], text)


_SURPLUS = 3
"""Closing brackets after a complete value that :func:`loads_embedded` drops, at most."""


def loads_embedded(text: str, *, format: str) -> Any:
    """:func:`loads`, then after :func:`escape_inner_quotes`, then without surplus brackets.

    The last attempt drops a ``}`` or ``]`` from the end, up to :data:`_SURPLUS` times,
    each time decoding again: a bounded number of passes, so the cost stays linear. The
    ParseError, if every attempt fails, is the one about the text as given.
    """
    try:
        return loads(text, format=format)
    except ParseError as exc:
        first = detached(exc)
    try:
        return loads(escape_inner_quotes(text), format=format)
    except ParseError:
        pass
    shorter = repair(text)
    for _ in range(_SURPLUS):
        if not shorter.endswith(("}", "]")):
            break
        shorter = shorter[:-1].rstrip()
        try:
            return _DECODER.decode(shorter)
        except (msgspec.DecodeError, UnicodeError, RecursionError):
            continue
    try:
        raise first from None
    finally:
        del first  # the raised error's traceback holds this frame: no cycle through it
