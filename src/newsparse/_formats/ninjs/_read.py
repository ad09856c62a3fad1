"""Read ninjs 1.x, 2.x and 3.x documents into an Article.

The version comes from ``standard``/``$standard`` (``version`` or the ``schema`` URL),
else from the key shapes (camelCase keys: 3.x; ``headline``/``body_<role>``/``byline``:
1.x; otherwise 2.x). The reader relies on the JSON types of the properties it maps and
rejects a document whose mapped properties have the wrong type (a ParseError naming the
JSON path); everything else is accepted and kept in ``extras`` (see docs/formats/ninjs.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

import msgspec

from ..._errors import ParseError, ValidationError
from ..._json.dates import parse_datetime
from ..._json.head import scan
from ..._json.strict import loads
from ..._markup import html_to_blocks
from ..._model import Article, Author, Block, Media, Paragraph
from ..._text.language import is_language_tag
from ._common import (
    EXTRA,
    FORMAT,
    NOTE_ROLE,
    PLACEHOLDER,
    PORTABLE,
    SECTION_REL,
    SUB_ROLES,
    VERSION_KEY,
    shape_error,
    split_byline,
)

__all__ = ["article_from_ninjs", "detect_version", "read", "sniff"]

_VERSION = re.compile(r"([123])(?:\.\d+)*\Z")
_SCHEMA_URL = re.compile(r"ninjs-schema_([123](?:\.\d+)?)\.json")
_EXTRA_KEY = re.compile(r"[A-Za-z0-9_$][A-Za-z0-9_$-]*\Z")
_ROLE_KEY = re.compile(r"(headline|body|description)_([A-Za-z0-9_]+)\Z")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")

_V3_KEYS = frozenset(
    {
        "altIds", "contentCreated", "copyrightHolder", "copyrightNotice", "digitalSourceType",
        "edNote", "embargoedUntil", "eventDetails", "firstCreated", "infoSources",
        "plannedCoverage", "pubStatus", "representationType", "rightsInfo", "trustIndicators",
        "usageTerms", "versionCreated",
    }
)  # fmt: skip
_V1_KEYS = frozenset(
    {
        "$standard", "headline", "byline", "subject", "person", "organisation", "place",
        "event", "object", "infosource", "genre", "trustindicator",
    }
)  # fmt: skip
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HTML_ROLES = frozenset({"html", "xhtml", "html5", "richhtml", "richhtml5"})
_MEDIA_TYPES: dict[str | None, str] = {
    None: "image", "picture": "image", "graphic": "graphic", "video": "video", "audio": "audio"
}  # fmt: skip


class _Keys(NamedTuple):
    first: str
    version: str
    holder: str
    notice: str
    ctype: str


_V2 = ("firstcreated", "versioncreated", "copyrightholder", "copyrightnotice")
_KEYS = {
    "1": _Keys(*_V2, "mimetype"),
    "2": _Keys(*_V2, "contenttype"),
    "3": _Keys(
        "firstCreated", "versionCreated", "copyrightHolder", "copyrightNotice", "contentType"
    ),
}


class _Text(NamedTuple):
    """One headline, body or description: its role, content type, value and origin."""

    role: str | None
    ctype: str | None
    value: str
    raw: Any  # the item as found (2.x/3.x), or the key it came from (1.x)


# ---------------------------------------------------------------------------
# decoding and checks


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _expect(value: Any, kind: type, path: str) -> Any:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        want = _kind(kind())
        raise shape_error(f"expected {want}, got {_kind(value)} - at `{path}`")
    return value


def _opt_str(obj: dict[str, Any], key: str, path: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    return _expect(value, str, f"{path}.{key}")  # type: ignore[no-any-return]


def detect_version(data: dict[str, Any]) -> str:
    """The ninjs version of a decoded document: ``"2.1"``, or ``"2"`` if no minor is known."""
    standard = data.get("standard", data.get("$standard"))
    if isinstance(standard, dict):
        version = standard.get("version")
        if isinstance(version, str) and _VERSION.match(version.strip()):
            return version.strip()
        schema = standard.get("schema")
        match = _SCHEMA_URL.search(schema) if isinstance(schema, str) else None
        if match is not None:
            return match.group(1)
    keys = data.keys()
    if not _V3_KEYS.isdisjoint(keys):
        return "3"
    if not _V1_KEYS.isdisjoint(keys) or any(_ROLE_KEY.match(k) for k in keys):
        return "1"
    if isinstance(data.get("associations"), dict) or isinstance(data.get("renditions"), dict):
        return "1"
    return "2"


# ---------------------------------------------------------------------------
# the parts


def _texts(data: dict[str, Any], plural: str, major: str, ctype_key: str) -> list[_Text]:
    """The headlines, bodies or descriptions of a document (``plural`` names the 2.x key)."""
    singular = plural[:-1] if plural != "bodies" else "body"
    if major == "1":
        found: list[_Text] = []
        if singular == "headline" and "headline" in data:
            found.append(_Text("main", None, _expect(data["headline"], str, "$.headline"), None))
        for key, value in data.items():
            match = _ROLE_KEY.match(key)
            if match is not None and match.group(1) == singular:
                role = match.group(2)
                found.append(_Text(role, None, _expect(value, str, f"$.{key}"), key))
        return found
    items = data.get(plural)
    if items is None:
        return []
    out = []
    for i, item in enumerate(_expect(items, list, f"$.{plural}")):
        path = f"$.{plural}[{i}]"
        _expect(item, dict, path)
        value = _expect(item.get("value"), str, f"{path}.value")
        role, ctype = _opt_str(item, "role", path), _opt_str(item, ctype_key, path)
        out.append(_Text(role, ctype, value, item))
    return out


def _is_html(text: _Text) -> bool:
    if text.ctype is not None:
        return text.ctype.split(";")[0].strip().lower() in _HTML_TYPES
    return (text.role or "").lower() in _HTML_ROLES


def _is_plain(text: _Text) -> bool:
    if text.ctype is not None:
        return text.ctype.split(";")[0].strip().lower() == "text/plain"
    return text.role in (None, "text", "plain")


def _plain_paragraphs(text: str) -> list[Block]:
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [Paragraph(p.strip()) for p in parts if p.strip()]


def _renditions(value: Any, path: str) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):  # 1.x: keyed by name
        for name, item in value.items():
            if isinstance(item, dict):
                yield item
            else:
                _expect(item, dict, f"{path}.{name}")
    elif value is not None:
        for i, item in enumerate(_expect(value, list, path)):
            yield _expect(item, dict, f"{path}[{i}]")


def _media(assoc: dict[str, Any], path: str, major: str) -> Media:
    keys = _KEYS[major]
    url = None
    for rendition in _renditions(assoc.get("renditions"), f"{path}.renditions"):
        href = rendition.get("href")
        if isinstance(href, str):
            url = href
            break
    caption = plain = alt = credit = None
    for text in _texts(assoc, "descriptions", major, keys.ctype):
        role = (text.role or "").lower()
        if role == "caption" and caption is None:
            caption = text.value
        elif role in ("", "text") and plain is None:
            plain = text.value
        elif role == "alt" and alt is None:
            alt = text.value
        elif role in ("creditline", "credit") and credit is None:
            credit = text.value
    by = assoc.get("byline" if major == "1" else "by")
    if by is not None:
        credit = _expect(by, str, f"{path}.by")
    if credit is None:
        notice = assoc.get(keys.notice)
        credit = notice if isinstance(notice, str) and notice else None
    kind = _MEDIA_TYPES.get(assoc.get("type"), "image")
    caption = caption if caption is not None else plain
    return Media(url=url, caption=caption, credit=credit, kind=kind, alt=alt)


def _associations(data: dict[str, Any], major: str) -> Iterator[tuple[str, dict[str, Any]]]:
    value = data.get("associations")
    if isinstance(value, dict) and major == "1":
        for name, item in value.items():
            yield f"$.associations.{name}", _expect(item, dict, f"$.associations.{name}")
    elif value is not None:
        for i, item in enumerate(_expect(value, list, "$.associations")):
            yield f"$.associations[{i}]", _expect(item, dict, f"$.associations[{i}]")


# ---------------------------------------------------------------------------
# the article


def article_from_ninjs(data: Any) -> Article:
    """The Article of a decoded ninjs document (any version). Raises ParseError."""
    if not isinstance(data, dict):
        raise shape_error(f"expected a JSON object at the top level, got {_kind(data)}")
    uri = data.get("uri")
    if uri is None:
        raise shape_error("no `uri`, the one property every ninjs version requires")
    _expect(uri, str, "$.uri")
    version = detect_version(data)
    major = version[0]
    keys = _KEYS[major]
    used = {"uri", "standard", "$standard"}
    shaped: dict[str, Any] = {}  # extras whose shape depends on the version

    # headlines
    title: str | None = None
    subtitle: str | None = None
    left: list[_Text] = []
    for text in _texts(data, "headlines", major, keys.ctype):
        role = (text.role or "main").lower()
        if title is None and role in ("main", "headline"):
            title = text.value
        elif subtitle is None and role in SUB_ROLES:
            subtitle = text.value
        else:
            left.append(text)
    if title is None and left:
        title = left.pop(0).value
    if title is None:
        fallback = data.get("title", data.get("slugline"))
        title = fallback if isinstance(fallback, str) else ""
    used |= {"headlines", "headline"}
    _keep_left(left, "headlines", major, shaped, used)

    # descriptions: notes
    notes: list[str] = []
    left = []
    for text in _texts(data, "descriptions", major, keys.ctype):
        if text.role == NOTE_ROLE:
            notes.append(text.value)
        else:
            left.append(text)
    used.add("descriptions")
    _keep_left(left, "descriptions", major, shaped, used)

    # bodies
    bodies = _texts(data, "bodies", major, keys.ctype)
    rich = next((b for b in bodies if _is_html(b)), None)
    plain = next((b for b in bodies if b is not rich and _is_plain(b)), None)
    body: list[Block] = []
    if rich is not None:
        body = html_to_blocks(rich.value)
    elif plain is not None:
        body = _plain_paragraphs(plain.value)
    used.add("bodies")
    left = [b for b in bodies if b is not rich and b is not plain]
    _keep_left(left, "bodies", major, shaped, used)

    # by
    by_key = "byline" if major == "1" else "by"
    by = data.get(by_key)
    authors = []
    if by is not None:
        authors = [Author(name) for name in split_byline(_expect(by, str, f"$.{by_key}"))]
        used.add(by_key)

    # subjects: section and tags
    subjects_key = "subject" if major == "1" else "subjects"
    section: str | None = None
    tags: list[str] = []
    raw_subjects = data.get(subjects_key)
    if raw_subjects is not None:
        for i, item in enumerate(_expect(raw_subjects, list, f"$.{subjects_key}")):
            path = f"$.{subjects_key}[{i}]"
            _expect(item, dict, path)
            name = _opt_str(item, "name", path)
            if name is None:
                continue
            if item.get("rel") == SECTION_REL:
                if section is None:
                    section = name
            else:
                tags.append(name)
        used.add(subjects_key)
        expected = ([{"name": section, "rel": SECTION_REL}] if section is not None else []) + [
            {"name": t} for t in tags
        ]
        if raw_subjects != expected:
            shaped[EXTRA + subjects_key] = raw_subjects

    # associations: media
    media: list[Media] = []
    other: list[Any] = []
    for path, assoc in _associations(data, major):
        kind = assoc.get("type")
        if (kind is None or isinstance(kind, str)) and kind in _MEDIA_TYPES:
            media.append(_media(assoc, path, major))
        else:
            other.append(assoc)
    if "associations" in data:
        used.add("associations")
        if other:
            shaped[EXTRA + "associations"] = other

    # dates, language, publisher
    fields: dict[str, Any] = {}
    for field, key in (("published", keys.first), ("updated", keys.version)):
        value = data.get(key)
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is not None:
            fields[field] = parsed
            used.add(key)
    language = data.get("language")
    if isinstance(language, str) and is_language_tag(language):
        fields["language"] = language
        used.add("language")
    holder = data.get(keys.holder)
    if isinstance(holder, str):
        fields["publisher"] = holder
        used.add(keys.holder)

    # everything else
    extras: dict[str, Any] = {}
    portable = {(v if major == "3" else k): k for k, v in PORTABLE.items()}
    for key, value in data.items():
        if key in used:
            continue
        if key in portable and isinstance(value, str):
            if key != "type" or value != "text":  # "text" is what the writer assumes
                extras[EXTRA + portable[key]] = value
        elif _EXTRA_KEY.match(key):
            shaped[EXTRA + key] = value
    if shaped:
        extras.update(shaped)
        extras[VERSION_KEY] = version
    try:
        return Article(
            title,
            subtitle=subtitle,
            section=section,
            authors=authors,
            url=None if uri.startswith(PLACEHOLDER) else uri,
            media=media,
            body=body,
            notes=notes,
            tags=tags,
            extras=extras,
            **fields,
        )
    except ValidationError as exc:
        raise shape_error(str(exc)) from None


def _keep_left(
    left: list[_Text], plural: str, major: str, shaped: dict[str, Any], used: set[str]
) -> None:
    """Keep headlines/descriptions/bodies the Article has no field for in ``extras``."""
    if not left:
        return
    if major == "1":
        for text in left:
            if text.raw is not None:
                shaped[EXTRA + text.raw] = text.value
                used.add(text.raw)
    else:
        shaped[EXTRA + plural] = [text.raw for text in left]


def read(text: str) -> Article:
    """Read one ninjs document (1.x, 2.x or 3.x; the version is detected).

    Raises :class:`~newsparse.ParseError`: with line and column for malformed JSON, with
    the JSON path for a mapped property of the wrong type.
    """
    if not isinstance(text, str):
        raise ParseError(f"expected text (str), got {type(text).__name__}", format=FORMAT)
    data = loads(text, format=FORMAT)
    try:
        return article_from_ninjs(data)
    except RecursionError:
        raise ParseError("ninjs is nested too deeply to read", format=FORMAT) from None


_NINJS_KEYS = frozenset(
    {
        "headlines",
        "bodies",
        "by",
        "versioncreated",
        "versionCreated",
        "firstcreated",
        "firstCreated",
        "pubstatus",
        "pubStatus",
        "body_text",
        "body_html",
        "headline",
        "byline",
        "renditions",
        "associations",
        "located",
        "slugline",
    }
)


def _declares_ninjs(members: dict[str, str | None]) -> bool:
    """Whether the top-level ``standard`` (``$standard``, ``$schema``) names ninjs."""
    for key in ("standard", "$standard", "$schema"):
        raw = members.get(key)
        if raw is None:
            continue
        try:
            value = msgspec.json.decode(raw)
        except (msgspec.DecodeError, RecursionError, UnicodeError):
            continue
        if isinstance(value, dict):
            if value.get("name") == "ninjs":
                return True
            value = value.get("schema")
        if isinstance(value, str) and _SCHEMA_URL.search(value):
            return True
    return False


def sniff(head: str) -> float:
    """Confidence that ``head`` starts a ninjs document.

    Structural: it looks at the keys of the top-level object only (``uri``, which every
    version requires, the ``standard`` naming ninjs, ninjs properties), so no string in
    a value (a tag that reads ``"newsparse"``) can sway it.
    """
    found = scan(head)
    if found is None or found.kind != "object" or "uri" not in found.members:
        return 0.0
    members = found.members
    if "@context" in members or "newsparse" in members:
        return 0.05  # JSON-LD or newsparse JSON that happens to have a "uri" key
    if _declares_ninjs(members):
        return 0.95
    if not _NINJS_KEYS.isdisjoint(members):
        return 0.8
    return 0.3
