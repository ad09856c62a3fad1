"""Strict JSON decoding with ParseErrors that point at the problem (line, column, excerpt)."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from .._errors import ParseError

__all__ = ["loads", "syntax_error"]

_ANY_DECODER = msgspec.json.Decoder()
_BYTE_POS = re.compile(r"\(byte (\d+)\)")
_LINE_COL = re.compile(r"line (\d+), column (\d+)")


def syntax_error(
    exc: Exception, text: str, *, format: str = "json", line_offset: int = 0
) -> ParseError:
    """Turn a msgspec DecodeError on malformed JSON into a ParseError with line and column."""
    message = str(exc)
    match = _BYTE_POS.search(message)
    if match is not None:
        byte = int(match.group(1))
        raw = text.encode("utf-8", "surrogatepass")
        offset = len(raw[:byte].decode("utf-8", "ignore"))
        message = _BYTE_POS.sub("", message).rstrip()
    elif "truncated" in message:
        offset = len(text.rstrip())
        message = "JSON is malformed: the document ends too early (input truncated)"
    else:
        match = _LINE_COL.search(message)
        if match is not None:
            line, col = int(match.group(1)), int(match.group(2))
            starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
            offset = starts[min(line, len(starts)) - 1] + col - 1
        else:
            offset = 0
    error = ParseError.at(message, text, offset, format=format)
    if line_offset and error.line is not None:
        error.line += line_offset
    return error


def loads(text: str, *, format: str = "json") -> Any:
    """Decode any JSON value from ``text``; raise ParseError (line and column) otherwise."""
    try:
        return _ANY_DECODER.decode(text)
    except msgspec.DecodeError as exc:
        raise syntax_error(exc, text, format=format) from None
    except RecursionError:
        raise ParseError("JSON is nested too deeply to read", format=format) from None
    except UnicodeError as exc:
        raise ParseError(f"text cannot be read as JSON: {exc}", format=format) from None
