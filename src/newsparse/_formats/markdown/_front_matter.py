"""YAML front matter: the writer's layout, and a reader for the front matter people write.

The writer emits a small, fixed layout: double-quoted strings (any text round-trips:
line breaks, quotes, control characters and the characters YAML reads as line breaks are
escaped), timestamps as :mod:`._dates` writes them, block lists of authors and media, and
JSON-like values in flow style for ``extras``.

The reader is PyYAML, with libyaml's parser where it is installed, restricted to what front
matter needs:

- the YAML 1.2 core schema: ``true``/``false``, ``null``/``~``, integers and floats; every
  other plain scalar is a string. YAML 1.1's surprises (``no`` as ``False``, ``1:30`` as
  90, dates as ``date`` objects) do not happen. Fields that are text (``title``, ``url``...)
  take any scalar as the text written (``title: 1984`` is ``"1984"``).
- no anchors reused as aliases for collections (the "billion laughs" blow-up), no merge
  keys, no tags beyond the core schema's, no duplicate keys: each is a ParseError with the
  line and column, as is any YAML syntax error. libyaml caps nesting at 1000 levels.

Keys the model has no field for are kept in ``extras["markdown.<key>"]``, and written
back as top-level keys, so a static-site generator's ``layout: post`` survives a round trip.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from typing import Any

import yaml

from ..._errors import ParseError
from ..._model import Article, Author, Media
from ._dates import TimestampError, format_datetime, parse_datetime

__all__ = ["FENCE", "dump", "load"]

FORMAT = "markdown"
FENCE = "---"

# -- the keys ----------------------------------------------------------------------------

_TEXT = {
    "title": "title",
    "subtitle": "subtitle",
    "description": "subtitle",
    "section": "section",
    "category": "section",
    "url": "url",
    "canonical_url": "url",
    "publisher": "publisher",
    "language": "language",
    "lang": "language",
}
_DATES = {
    "published": "published",
    "date": "published",
    "updated": "updated",
    "modified": "updated",
    "lastmod": "updated",
    "last_modified_at": "updated",
}
_LISTS = {"tags": "tags", "keywords": "tags", "notes": "notes"}
_AUTHORS = ("authors", "author")
_MEDIA = ("media", "image", "images")
KNOWN = frozenset({*_TEXT, *_DATES, *_LISTS, *_AUTHORS, *_MEDIA, "extras"})
"""Every top-level key the reader gives a meaning to."""

_AUTHOR_KEYS = ("name", "role", "url")
_MEDIA_KEYS = ("url", "caption", "credit", "kind", "alt")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_PREFIX = "markdown."

# -- writing ------------------------------------------------------------------------------

_NAMED_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\x00": "\\0",
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
# What a YAML reader would change or refuse in a double-quoted scalar: controls, the
# characters YAML 1.1 reads as line breaks, the BOM, non-characters and lone surrogates.
_UNSAFE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]')


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED_ESCAPES.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    )


def quote(text: str) -> str:
    r"""``text`` as a YAML double-quoted scalar that reads back exactly.

    >>> quote('He said "no"\n')
    '"He said \\"no\\"\\n"'
    """
    return '"' + _UNSAFE.sub(_escape, text) + '"'


def flow(value: Any) -> str:
    """A JSON-like value in YAML flow style, typed so the core schema reads it back."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return repr(float(value))
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{quote(k)}: {flow(v)}" for k, v in value.items()) + "}"
    return "[" + ", ".join(flow(item) for item in value) + "]"


def _record(fields: dict[str, str | None]) -> list[str]:
    items = [f"{key}: {quote(value)}" for key, value in fields.items() if value is not None]
    if not items:
        return ["  - {}"]
    return ["  - " + items[0]] + ["    " + item for item in items[1:]]


def dump(article: Article) -> list[str]:
    """The front matter of ``article`` as lines, fences included."""
    lines = [FENCE, f"title: {quote(article.title)}"]
    for key in ("subtitle", "section"):
        value = getattr(article, key)
        if value is not None:
            lines.append(f"{key}: {quote(value)}")
    if article.authors:
        lines.append("authors:")
        for author in article.authors:
            if author.role is None and author.url is None:
                lines.append(f"  - {quote(author.name)}")
            else:
                lines += _record({"name": author.name, "role": author.role, "url": author.url})
    for key in ("published", "updated"):
        when: datetime | None = getattr(article, key)
        if when is not None:
            lines.append(f"{key}: {format_datetime(when)}")
    for key in ("url", "publisher", "language"):
        value = getattr(article, key)
        if value is not None:
            lines.append(f"{key}: {quote(value)}")
    if article.media:
        lines.append("media:")
        for m in article.media:
            kind = None if m.kind == "image" else m.kind
            lines += _record(
                {"url": m.url, "caption": m.caption, "credit": m.credit, "kind": kind, "alt": m.alt}
            )
    for key in ("tags", "notes"):
        items = getattr(article, key)
        if items:
            lines.append(f"{key}:")
            lines += [f"  - {quote(item)}" for item in items]
    extras = {}
    for key, value in article.extras.items():
        name = key[len(_PREFIX) :] if key.startswith(_PREFIX) else None
        if name is not None and name not in KNOWN and _PLAIN_KEY.match(name):
            lines.append(f"{name}: {flow(value)}")  # a key of the front matter it was read from
        else:
            extras[key] = value
    if extras:
        lines.append("extras:")
        lines += [f"  {quote(key)}: {flow(value)}" for key, value in extras.items()]
    lines.append(FENCE)
    return lines


# -- reading ------------------------------------------------------------------------------


class _Resolver(yaml.resolver.BaseResolver):  # type: ignore[misc]
    """The YAML 1.2 core schema's implicit types; everything else is a string."""


for _tag, _pattern, _first in (
    ("bool", r"(?:true|True|TRUE|false|False|FALSE)", "tTfF"),
    ("int", r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)", "-+0123456789"),
    (
        "float",
        r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))",
        "-+.0123456789",
    ),
    ("null", r"(?:~|null|Null|NULL|)", ["~", "n", "N", ""]),
):
    _Resolver.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(f"^{_pattern}$"), list(_first)
    )

try:
    from yaml.cyaml import CParser as _CParser  # libyaml: ten times the Python parser's speed
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None

if _CParser is not None:

    class _Loader(_CParser, _Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml
    _Parts: tuple[Any, ...] = (
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
    )  # fmt: skip

    class _Loader(*_Parts, _Resolver):  # type: ignore[no-redef, misc]
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Resolver.__init__(self)


_CORE = "tag:yaml.org,2002:"


class _Source:
    """The front matter's lines, to point errors at the document's line and column."""

    def __init__(self, lines: list[str], first_line: int) -> None:
        self.lines = lines
        self.first_line = first_line

    def error(self, message: str, node_or_mark: Any) -> ParseError:
        mark = getattr(node_or_mark, "start_mark", node_or_mark)
        index = getattr(mark, "line", None)
        if index is None:
            return ParseError(message, format=FORMAT, line=self.first_line)
        excerpt = self.lines[index] if 0 <= index < len(self.lines) else None
        return ParseError(
            message,
            format=FORMAT,
            line=self.first_line + index,
            column=mark.column + 1,
            excerpt=excerpt,
        )


def _compose(src: _Source) -> Any:
    text = "".join(line + "\n" for line in src.lines)  # each line ends, as in the file
    try:
        return yaml.compose(text, Loader=_Loader)  # nosec: composing builds no objects
    except yaml.MarkedYAMLError as exc:
        what = exc.problem or exc.context or "bad YAML"
        raise src.error(f"bad front matter: {what}", exc.problem_mark) from None
    except yaml.YAMLError as exc:  # the reader's refusals (a character YAML cannot hold)
        raise src.error(f"bad front matter: {exc}", getattr(exc, "problem_mark", None)) from None
    except RecursionError:
        raise src.error("the front matter is nested too deeply", None) from None


class _Values:
    """Turn composed YAML nodes into JSON-like values, refusing reused collections."""

    def __init__(self, src: _Source) -> None:
        self.src = src
        self.seen: set[int] = set()

    def value(self, node: Any) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if id(node) in self.seen:
            raise self.src.error("anchors and aliases are not supported in front matter", node)
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            self.plain_tag(node, "seq")
            return [self.value(item) for item in node.value]
        self.plain_tag(node, "map")
        return {key: self.value(item) for key, item in self.pairs(node)}

    def plain_tag(self, node: Any, kind: str) -> None:
        if node.tag != _CORE + kind:
            raise self.src.error(f"the tag {node.tag!r} is not supported in front matter", node)

    def pairs(self, node: Any) -> list[tuple[str, Any]]:
        """The ``(key, value node)`` pairs of a mapping node; keys are scalars, once each."""
        out: list[tuple[str, Any]] = []
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.src.error("front matter keys must be plain text", key_node)
            key = key_node.value
            if key == "<<":
                raise self.src.error("merge keys (<<) are not supported in front matter", key_node)
            if key in seen:
                raise self.src.error(f"the key {key!r} is given twice", key_node)
            seen.add(key)
            out.append((key, value_node))
        return out

    def scalar(self, node: Any) -> Any:
        tag, text = node.tag, node.value
        if tag == _CORE + "str":
            return text
        if tag == _CORE + "null":
            return None
        if tag == _CORE + "bool":
            return text.lower() == "true"
        if tag == _CORE + "int":
            return int(text, 0) if text[:2] in ("0o", "0x") else int(text, 10)
        if tag == _CORE + "float":
            value = float("nan" if text.lower().endswith((".inf", ".nan")) else text)
            if not math.isfinite(value):
                raise self.src.error(f"{text!r}: numbers in front matter must be finite", node)
            return value
        raise self.src.error(f"the tag {tag!r} is not supported in front matter", node)


def _text(values: _Values, node: Any, what: str) -> str | None:
    """A text field: any scalar, as written; null is absent."""
    if not isinstance(node, yaml.ScalarNode):
        raise values.src.error(f"{what} must be text", node)
    if node.tag == _CORE + "null":
        return None
    values.scalar(node)  # refuses unsupported tags
    return str(node.value)


def _texts(values: _Values, node: Any, what: str, split: str | None = None) -> list[str]:
    """A list of texts; one text stands for a list of one (or is split on ``split``)."""
    if isinstance(node, yaml.ScalarNode):
        text = _text(values, node, what)
        if text is None:
            return []
        return [part.strip() for part in text.split(split) if part.strip()] if split else [text]
    if not isinstance(node, yaml.SequenceNode):
        raise values.src.error(f"{what} must be a list of texts", node)
    out = []
    for item in node.value:
        text = _text(values, item, f"each of {what}")
        if text is not None:
            out.append(text)
    return out


def _records(
    values: _Values, node: Any, what: str, keys: tuple[str, ...], first: str
) -> list[dict[str, str | None]]:
    """Authors or media: a list of ``key: value`` records; a text alone is the ``first`` key."""
    nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    out: list[dict[str, str | None]] = []
    for item in nodes:
        if isinstance(item, yaml.ScalarNode):
            text = _text(values, item, what)
            if text is not None:
                out.append({first: text})
            continue
        if not isinstance(item, yaml.MappingNode):
            raise values.src.error(f"each of {what} must be text or 'key: value' lines", item)
        record: dict[str, str | None] = {}
        for key, value_node in values.pairs(item):
            if key not in keys:
                raise values.src.error(
                    f"unknown key {key!r} in {what}; known: {', '.join(keys)}", value_node
                )
            record[key] = _text(values, value_node, f"{what}: {key}")
        out.append(record)
    return out


def _when(values: _Values, node: Any, key: str, zone: tzinfo | None) -> tuple[Any, bool]:
    """``(datetime, True)``, or ``(raw text, False)`` for a time without offset or zone."""
    raw = _text(values, node, key)
    if raw is None:
        return None, True
    try:
        value = parse_datetime(raw, zone)
    except TimestampError as exc:
        raise values.src.error(f"{key}: {exc}", node) from None
    return (value, True) if value is not None else (raw, False)


def load(lines: list[str], first_line: int, zone: tzinfo | None = None) -> dict[str, Any]:
    """Parse the lines between the fences into Article keyword arguments.

    ``first_line`` is the line number of ``lines[0]`` in the document; ``zone`` resolves
    timestamps written without an offset.
    """
    src = _Source(lines, first_line)
    root = _compose(src)
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise src.error("front matter must be 'key: value' lines", root)
    values = _Values(src)
    values.plain_tag(root, "map")
    fields: dict[str, Any] = {}
    given: dict[str, str] = {}  # field -> the key that gave it
    extras: dict[str, Any] = {}

    def claim(field: str, key: str, node: Any) -> None:
        if field in given:
            raise src.error(f"{key!r} and {given[field]!r} both give the {field}", node)
        given[field] = key

    handlers: dict[str, Callable[[str, Any], None]] = {}

    def text_field(key: str, node: Any) -> None:
        claim(_TEXT[key], key, node)
        fields[_TEXT[key]] = _text(values, node, key)

    def date_field(key: str, node: Any) -> None:
        claim(_DATES[key], key, node)
        value, aware = _when(values, node, key, zone)
        if aware:
            fields[_DATES[key]] = value
        else:  # no instant to give: the text is kept, not an assumed zone
            extras[_PREFIX + key] = value

    def list_field(key: str, node: Any) -> None:
        claim(_LISTS[key], key, node)
        fields[_LISTS[key]] = _texts(values, node, key, split="," if key == "keywords" else None)

    def authors_field(key: str, node: Any) -> None:
        claim("authors", key, node)
        records = _records(values, node, key, _AUTHOR_KEYS, "name")
        authors = []
        for record in records:
            if record.get("name") is None:
                raise src.error(f"each of {key} needs a name", node)
            authors.append(Author(**record))  # type: ignore[arg-type]
        fields["authors"] = authors

    def media_field(key: str, node: Any) -> None:
        claim("media", key, node)
        records = _records(values, node, key, _MEDIA_KEYS, "url")
        fields["media"] = [
            Media(**{k: v for k, v in record.items() if v is not None or k != "kind"})  # type: ignore[arg-type]
            for record in records
        ]

    def extras_field(key: str, node: Any) -> None:
        if not isinstance(node, yaml.MappingNode):
            raise src.error("extras must be 'key: value' lines", node)
        values.plain_tag(node, "map")
        for name, value_node in values.pairs(node):
            if name in extras:
                raise src.error(f"the extra {name!r} is given twice", value_node)
            extras[name] = values.value(value_node)

    for keys, handler in (
        (_TEXT, text_field),
        (_DATES, date_field),
        (_LISTS, list_field),
        (_AUTHORS, authors_field),
        (_MEDIA, media_field),
        (("extras",), extras_field),
    ):
        handlers.update(dict.fromkeys(keys, handler))
    for key, node in values.pairs(root):
        known = handlers.get(key)
        if known is not None:
            known(key, node)
            continue
        if not key or key[0].isspace():
            raise src.error(f"the key {key!r} cannot be kept", node)
        if _PREFIX + key in extras:
            raise src.error(f"{key!r} is given twice (also as an extra)", node)
        extras[_PREFIX + key] = values.value(node)
    if extras:
        fields["extras"] = extras
    return fields
