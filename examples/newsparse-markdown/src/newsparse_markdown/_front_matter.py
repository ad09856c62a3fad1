"""Front matter: the subset of YAML the writer emits, and a parser for exactly that subset.

::

    ---
    title: "Harbour reopens after the storm"
    authors:
      - name: "Mara Quint"
        role: "staff writer"
    published: 2024-03-05T09:30:00-05:00
    tags:
      - "ferries"
    extras: {"wire.date": "2024-03-05"}
    ---

- A scalar is JSON: a JSON string is also a YAML double-quoted string, so any text
  (newlines, quotes, emoji) round-trips. Unquoted text is read as a plain string, which
  makes hand-written front matter pleasant (``title: Harbour reopens``).
- ``published`` and ``updated`` are ISO 8601 timestamps with their UTC offset.
- ``authors``, ``media``, ``tags`` and ``notes`` are YAML block sequences; ``extras`` is a
  JSON object (a YAML flow mapping).
- Empty fields are left out, and so is a media item's ``kind`` when it is ``"image"``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from newsparse import Article, Author, Media, ParseError

FENCE = "---"

_STRINGS = ("title", "subtitle", "section", "url", "publisher", "language")
_DATES = ("published", "updated")
_STRING_LISTS = ("tags", "notes")
_RECORDS: dict[str, tuple[str, ...]] = {
    "authors": ("name", "role", "url"),
    "media": ("url", "caption", "credit", "kind", "alt"),
}
ORDER = (
    "title",
    "subtitle",
    "section",
    "authors",
    "published",
    "updated",
    "url",
    "publisher",
    "language",
    "media",
    "tags",
    "notes",
    "extras",
)

_KEY_VALUE = re.compile(r"([a-z_]+):(?: (.*))?\Z")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_thaw)


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):  # Article.extras holds read-only mappings
        return dict(value)
    raise TypeError(f"not JSON-like: {type(value).__name__}")


def _record(fields: dict[str, Any]) -> list[str]:
    items = [f"{key}: {_json(value)}" for key, value in fields.items() if value is not None]
    if not items:
        return ["  - {}"]
    return ["  - " + items[0]] + ["    " + item for item in items[1:]]


def dump(article: Article) -> list[str]:
    """The front matter of ``article`` as lines, fences included."""
    lines = [FENCE]
    for key in ORDER:
        value = getattr(article, key)
        if value is None or (key != "title" and not value):
            continue
        if key in _STRINGS:
            lines.append(f"{key}: {_json(value)}")
        elif key in _DATES:
            lines.append(f"{key}: {value.isoformat()}")
        elif key in _STRING_LISTS:
            lines.append(f"{key}:")
            lines += [f"  - {_json(item)}" for item in value]
        elif key == "authors":
            lines.append("authors:")
            for a in value:
                lines += _record({"name": a.name, "role": a.role, "url": a.url})
        elif key == "media":
            lines.append("media:")
            for m in value:
                kind = None if m.kind == "image" else m.kind
                fields = {"url": m.url, "caption": m.caption, "credit": m.credit}
                lines += _record({**fields, "kind": kind, "alt": m.alt})
        else:  # extras
            lines.append(f"extras: {_json(dict(value))}")
    lines.append(FENCE)
    return lines


class _Lines:
    """The front matter's lines with their 1-based line numbers, for error messages."""

    def __init__(self, lines: list[str], first: int) -> None:
        self.lines = lines
        self.first = first

    def error(self, message: str, index: int, column: int = 1) -> ParseError:
        return ParseError(
            message,
            format="markdown",
            line=self.first + index,
            column=column,
            excerpt=self.lines[index] if index < len(self.lines) else None,
        )


def _scalar(src: _Lines, index: int, raw: str, column: int, want: str) -> Any:
    """Parse one scalar: JSON, or unquoted text for a string."""
    if raw.startswith(('"', "{", "[")) or want != "str":
        try:
            value = json.loads(raw)
        except ValueError as exc:
            raise src.error(f"bad value {raw!r}: {exc}", index, column) from None
    else:
        value = raw
    if want == "str" and not isinstance(value, str):
        raise src.error(f"expected a string, got {raw!r}", index, column)
    if want == "object" and not isinstance(value, dict):
        raise src.error(f"expected a JSON object, got {raw!r}", index, column)
    return value


def _date(src: _Lines, index: int, raw: str, column: int) -> datetime:
    try:
        value = datetime.fromisoformat(raw.strip('"'))
    except ValueError:
        raise src.error(f"expected an ISO 8601 timestamp, got {raw!r}", index, column) from None
    if value.utcoffset() is None:
        raise src.error(f"the timestamp {raw!r} needs a UTC offset", index, column)
    return value


def load(lines: list[str], first_line: int) -> dict[str, Any]:
    """Parse the lines between the fences into Article keyword arguments.

    ``first_line`` is the line number of ``lines[0]`` in the document.
    """
    src = _Lines(lines, first_line)
    fields: dict[str, Any] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            i += 1
            continue
        match = _KEY_VALUE.match(line)
        if not match or match.group(1) not in ORDER:
            known = ", ".join(ORDER)
            raise src.error(f"expected 'key: value' with a key among {known}", i)
        key, raw = match.group(1), match.group(2)
        if key in fields:
            raise src.error(f"{key!r} is given twice", i)
        column = len(key) + 3
        if key in _STRINGS or key in _DATES or key == "extras":
            if raw is None:
                raise src.error(f"{key!r} needs a value on the same line", i)
            if key in _DATES:
                fields[key] = _date(src, i, raw, column)
            else:
                fields[key] = _scalar(src, i, raw, column, "object" if key == "extras" else "str")
            i += 1
            continue
        if raw is not None:
            raise src.error(f"{key!r} takes a list: one '  - ' line per item below it", i)
        items, i = _block_list(src, i + 1, key)
        fields[key] = items
    if "title" not in fields:
        raise ParseError("the front matter has no title", format="markdown", line=first_line)
    return fields


def _block_list(src: _Lines, i: int, key: str) -> tuple[list[Any], int]:
    """Read the ``  - item`` lines of a list from line ``i``; return items and next index."""
    lines = src.lines
    items: list[Any] = []
    keys = _RECORDS.get(key)
    while i < len(lines) and lines[i].startswith("  "):
        line = lines[i]
        if not line.startswith("  - "):
            raise src.error("expected a list item: '  - ...'", i)
        raw = line[4:]
        if keys is None:
            items.append(_scalar(src, i, raw, 5, "str"))
            i += 1
            continue
        record: dict[str, Any] = {}
        if raw != "{}":
            _field(src, i, raw, 5, keys, record)
            i += 1
            while i < len(lines) and lines[i].startswith("    "):
                _field(src, i, lines[i][4:], 5, keys, record)
                i += 1
        else:
            i += 1
        try:
            items.append(Author(**record) if key == "authors" else Media(**record))
        except TypeError as exc:  # a missing name
            raise src.error(f"bad {key} item: {exc}", i - 1) from None
    return items, i


def _field(
    src: _Lines, i: int, text: str, column: int, keys: tuple[str, ...], into: dict[str, Any]
) -> None:
    match = _KEY_VALUE.match(text)
    if not match or match.group(1) not in keys or match.group(2) is None:
        raise src.error(f"expected 'key: value' with a key among {', '.join(keys)}", i, column)
    key = match.group(1)
    if key in into:
        raise src.error(f"{key!r} is given twice", i, column)
    into[key] = _scalar(src, i, match.group(2), column + len(key) + 2, "str")
