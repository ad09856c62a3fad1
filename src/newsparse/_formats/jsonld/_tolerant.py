"""Decode JSON as it is found in web pages: strict first, then after a small repair pass.

The repair pass (never ``eval``) escapes raw control characters inside strings, drops
``//`` and ``/* */`` comments, trailing commas before ``}`` or ``]``, a trailing ``;``
and an HTML comment wrapper (``<!-- ... -->``). It does not guess at unescaped quotes.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

from ..._errors import ParseError
from ..json._codec import syntax_error

__all__ = ["loads", "repair"]

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
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    return _TOKENS.sub(_fix, text).strip().rstrip(";").strip()


def loads(text: str, *, format: str = "jsonld") -> Any:
    """Decode ``text``, repairing it if strict decoding fails; raise ParseError otherwise.

    The ParseError points (line and column) at the problem in the original text.
    """
    try:
        return _DECODER.decode(text)
    except msgspec.DecodeError as exc:
        first: Exception = exc
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
