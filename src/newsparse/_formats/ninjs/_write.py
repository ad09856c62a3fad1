"""Write an Article as a ninjs 2.x (default 2.2) or 3.x document.

Every document validates against the official IPTC schema of its version (tested): only
properties of that version are written, so extras from other formats are left out, and
``ninjs.*`` extras read from a document of another major version are left out too when
their shape depends on the version (see docs/formats/ninjs.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import msgspec

from ..._errors import WriteError
from ..._json.dates import format_datetime
from ..._json.hooks import thaw as _thaw
from ..._markup import blocks_to_html
from ..._model import Article, Media
from . import DEFAULT_VERSION, WRITE_VERSIONS
from ._common import (
    EXTRA,
    FORMAT,
    NOTE_ROLE,
    PLACEHOLDER,
    PORTABLE,
    SECTION_REL,
    VERSION_KEY,
    camel,
    join_byline,
    major,
    properties,
)

__all__ = ["document", "write"]

_TYPES = {"image": "picture", "graphic": "graphic", "video": "video", "audio": "audio"}
_TYPES_2 = frozenset({"text", "audio", "video", "picture", "graphic", "composite", "component"})
_TYPES_3 = _TYPES_2 | {"event", "planning"}


_ENCODER = msgspec.json.Encoder(enc_hook=_thaw)


def _version(value: object) -> str:
    text = str(value).strip()
    if text in ("2", "3"):
        text = max(v for v in WRITE_VERSIONS if v.startswith(text + "."))
    if text not in WRITE_VERSIONS:
        raise WriteError(
            f"cannot write ninjs version {value!r}; choose one of {', '.join(WRITE_VERSIONS)}",
            format=FORMAT,
        )
    return text


def _association(media: Media, index: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "name": f"media{index}",
        "uri": media.url if media.url is not None else f"{PLACEHOLDER}media:{index}",
    }
    kind = _TYPES.get(media.kind)
    if kind is not None:
        item["type"] = kind
    if media.credit is not None:
        item["by"] = media.credit
    descriptions = []
    if media.caption is not None:
        descriptions.append({"role": "caption", "value": media.caption})
    if media.alt is not None:
        descriptions.append({"role": "alt", "value": media.alt})
    if descriptions:
        item["descriptions"] = descriptions
    if media.url is not None:
        item["renditions"] = [{"name": "original", "href": media.url}]
    return item


def document(article: Article, *, version: str = DEFAULT_VERSION) -> dict[str, Any]:
    """The ninjs document for ``article`` as a dict (``version``: 2.0-2.2, 3.0, 3.1)."""
    version = _version(version)
    target = major(version)
    ctype = "contentType" if target == "3" else "contenttype"
    extras = article.extras
    source = extras.get(VERSION_KEY)
    same = isinstance(source, str) and major(source) == target

    def shaped(key: str) -> Any:
        return extras.get(EXTRA + key) if same else None

    doc: dict[str, Any] = {"uri": None}
    doc["standard"] = {
        "name": "ninjs",
        "version": version,
        "schema": f"http://www.iptc.org/std/ninjs/ninjs-schema_{version}.json#",
    }
    kind = extras.get(EXTRA + "type")
    doc["type"] = kind if kind in (_TYPES_3 if target == "3" else _TYPES_2) else "text"

    headlines: list[Any] = [{"role": "main", "value": article.title}]
    if article.subtitle is not None:
        headlines.append({"role": "sub", "value": article.subtitle})
    headlines += shaped("headlines") or ()
    doc["headlines"] = headlines
    if article.authors:
        doc["by"] = join_byline([a.name for a in article.authors])
    descriptions = [{"role": NOTE_ROLE, "value": note} for note in article.notes]
    descriptions += shaped("descriptions") or ()
    if descriptions:
        doc["descriptions"] = descriptions
    bodies: list[Any] = []
    if article.body:
        bodies.append({"role": "html", ctype: "text/html", "value": blocks_to_html(article.body)})
        bodies.append({"role": "text", ctype: "text/plain", "value": article.text})
    bodies += shaped("bodies") or ()
    if bodies:
        doc["bodies"] = bodies
    subjects: list[Any] = []
    if article.section is not None:
        subjects.append({"name": article.section, "rel": SECTION_REL})
    subjects += [{"name": tag} for tag in article.tags]
    kept = shaped("subjects")
    if kept is not None and _names(kept) == _names(subjects):
        subjects = list(kept)
    if subjects:
        doc["subjects"] = subjects
    associations: list[Any] = [_association(m, i) for i, m in enumerate(article.media, 1)]
    associations += shaped("associations") or ()
    if associations:
        doc["associations"] = associations
    if article.published is not None:
        key = "firstCreated" if target == "3" else "firstcreated"
        doc[key] = format_datetime(article.published)
    if article.updated is not None:
        doc["versionCreated" if target == "3" else "versioncreated"] = format_datetime(
            article.updated
        )
    if article.language is not None:
        doc["language"] = article.language
    if article.publisher is not None:
        doc["copyrightHolder" if target == "3" else "copyrightholder"] = article.publisher

    allowed = properties(version)
    for key, value in extras.items():
        if not key.startswith(EXTRA) or key == VERSION_KEY:
            continue
        name = key[len(EXTRA) :]
        if name in PORTABLE:
            if name != "type" and isinstance(value, str):
                doc.setdefault(camel(name, target), value)
        elif same and name in allowed and name not in doc:
            doc[name] = value

    if article.url is not None:
        doc["uri"] = article.url
    else:  # a stable identifier made from the content; read back as "no URL"
        digest = hashlib.sha1(_ENCODER.encode(doc), usedforsecurity=False).hexdigest()
        doc["uri"] = f"{PLACEHOLDER}{digest[:24]}"
    return doc


def _names(subjects: Any) -> list[tuple[Any, bool]]:
    """What the reader takes from subjects: each name, and whether it is the section."""
    return [
        (s.get("name"), s.get("rel") == SECTION_REL)
        for s in subjects
        if isinstance(s, Mapping) and isinstance(s.get("name"), str)
    ]


def write(article: Article, *, version: str = DEFAULT_VERSION, indent: int | None = 2) -> str:
    """Write ``article`` as ninjs (``version="3.1"`` for 3.x; ``indent=None``: one line)."""
    try:
        data = _ENCODER.encode(document(article, version=version))
    except WriteError:
        raise
    except Exception as exc:  # e.g. a lone surrogate in a string
        raise WriteError(f"cannot write the article as ninjs: {exc}", format=FORMAT) from exc
    if indent is not None:
        data = msgspec.json.format(data, indent=indent)
    return data.decode("utf-8") + "\n"
