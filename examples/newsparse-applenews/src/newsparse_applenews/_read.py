"""The reader: an Apple News Format ``ArticleDocument`` as an Article, and the sniffer."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import newsparse
from newsparse import (
    Article,
    Author,
    Block,
    Heading,
    Media,
    MediaBlock,
    Paragraph,
    ParseError,
    Quote,
    ValidationError,
)

from . import _anf
from ._html import blocks_of

__all__ = ["read", "sniff"]

FORMAT = "applenews"
_KEY = re.compile(r'"(version|identifier|layout|components)"\s*:')
_HEADING = re.compile(r"heading([1-6])?\Z")
_NO_TITLE = '---\ntitle: ""\n---\n'  # so that a leading "# heading" stays in the body


# --8<-- [start:sniff]
def sniff(head: str) -> float:
    """Confidence that ``head`` starts an Apple News Format document."""
    if not head.lstrip("\ufeff \t\r\n").startswith("{"):
        return 0.0
    keys = set(_KEY.findall(head))
    if {"version", "identifier"} <= keys and keys & {"layout", "components"}:
        return 0.9
    return 0.3 if "components" in keys else 0.0


# --8<-- [end:sniff]


# --8<-- [start:read]
def read(text: str) -> Article:
    """Read one Article from an Apple News Format document."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError.at(f"not JSON: {exc.msg}", text, exc.pos, format=FORMAT) from None
    except RecursionError:
        raise ParseError("the document is nested too deeply", format=FORMAT) from None
    if not isinstance(document, dict):
        raise ParseError("an Apple News document is a JSON object", format=FORMAT)
    title = _string(document, "title", "the document")
    components = document.get("components")
    if not isinstance(components, list):
        raise ParseError("the document has no 'components' list", format=FORMAT)
    fields = _Fields(title)
    fields.metadata(document.get("metadata", {}))
    if isinstance(document.get("subtitle"), str):
        fields.subtitle = document["subtitle"]
    fields.components(list(_flatten(components)))
    language = document.get("language")
    identifier = document.get("identifier")
    try:
        article = fields.article(None if language == _anf.UNDETERMINED else language)
    except ValidationError as exc:
        raise ParseError(str(exc), format=FORMAT) from None
    if isinstance(identifier, str) and identifier != _anf.derived_identifier(
        article.title, article.url
    ):  # the publisher's own identifier: kept, so that writing the article keeps it
        article = fields.article(article.language, identifier=identifier)
    return article


# --8<-- [end:read]


def _string(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str):
        raise ParseError(f"{where} has no {key!r} string", format=FORMAT)
    return value


def _flatten(components: list[Any]) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """``(role, component, in_header)`` for every component, containers read in place.

    Iterative, so deeply nested containers cost no recursion.
    """
    stack: list[tuple[Iterator[Any], bool]] = [(iter(components), False)]
    while stack:
        items, in_header = stack[-1]
        component = next(items, None)
        if component is None:
            stack.pop()
            continue
        if not isinstance(component, dict) or not isinstance(component.get("role"), str):
            raise ParseError("every component is an object with a 'role' string", format=FORMAT)
        role = component["role"]
        if role in _anf.CONTAINERS:
            children = component.get("components", [])
            if not isinstance(children, list):
                raise ParseError(f"a {role!r} component's 'components' is a list", format=FORMAT)
            stack.append((iter(children), in_header or role == "header"))
        else:
            yield role, component, in_header


def _date(value: object, key: str) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value[:-1] + "+00:00" if value[-1:] in "Zz" else value)
        except ValueError:
            parsed = None
        if parsed is not None and parsed.utcoffset() is not None:
            return parsed
    raise ParseError(f"metadata.{key} is not an ISO 8601 date with its UTC offset", format=FORMAT)


class _Fields:
    """The Article's fields, gathered while the components are read."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.subtitle: str | None = None
        self.authors: list[Author] = []
        self.byline: str | None = None
        self.dates: dict[str, datetime | None] = {}
        self.url: str | None = None
        self.media: list[Media] = []
        self.body: list[Block] = []
        self.notes: list[str] = []
        self.tags: list[str] = []
        self.skipped: set[str] = set()

    def metadata(self, metadata: object) -> None:
        if not isinstance(metadata, dict):
            raise ParseError("'metadata' is an object", format=FORMAT)
        authors = metadata.get("authors", [])
        keywords = metadata.get("keywords", [])
        for key, value in (("authors", authors), ("keywords", keywords)):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ParseError(f"metadata.{key} is a list of strings", format=FORMAT)
        self.authors = [Author(name) for name in authors]
        self.tags = keywords
        url = metadata.get("canonicalURL")
        self.url = url if isinstance(url, str) else None
        self.dates = {
            "published": _date(metadata.get("datePublished"), "datePublished"),
            "updated": _date(metadata.get("dateModified"), "dateModified"),
        }

    def components(self, flat: list[tuple[str, dict[str, Any], bool]]) -> None:
        i = 0
        while i < len(flat):
            role, component, in_header = flat[i]
            i += 1
            if role in _anf.KIND_OF_ROLE:
                media, i = _media(flat, i, role, component)
                (self.media if in_header else self.body).append(
                    media if in_header else MediaBlock(media)  # type: ignore[arg-type]
                )
            elif role in ("gallery", "mosaic"):
                for item in component.get("items") or []:
                    if isinstance(item, dict) and isinstance(item.get("URL"), str):
                        media = Media(url=item["URL"], caption=_caption(item.get("caption")))
                        (self.media if in_header else self.body).append(
                            media if in_header else MediaBlock(media)  # type: ignore[arg-type]
                        )
            elif role == "title":
                continue  # the document's own title is the article's
            elif role == "intro":
                self.subtitle = _text(component, role) if self.subtitle is None else self.subtitle
            elif role in ("byline", "author"):
                self.byline = self.byline or _text(component, role)
            elif role == "body":
                self._body(component)
            elif _HEADING.match(role):
                level = _HEADING.match(role).group(1)  # type: ignore[union-attr]
                self.body.append(Heading(_text(component, role), level=int(level or 1)))
            elif role in ("quote", "pullquote"):
                attribution = None
                if i < len(flat) and flat[i][0] == "author" and not flat[i][2]:
                    attribution = _text(flat[i][1], "author")
                    i += 1
                self.body.append(Quote(_text(component, role), attribution=attribution))
            elif role == "caption":
                self.body.append(Paragraph(_text(component, role)))
            else:
                self.skipped.add(role)  # advertisements, dividers, embeds...

    def _body(self, component: dict[str, Any]) -> None:
        text = _text(component, "body")
        if component.get("textStyle") == _anf.NOTE_STYLE:
            self.notes.append(text)
        elif component.get("format") == "html":
            self.body += blocks_of(text)
        elif component.get("format") == "markdown":  # through newsparse's own format
            self.body += newsparse.read(_NO_TITLE + text, "markdown").body
        else:
            self.body.append(Paragraph(text))

    def article(self, language: object, identifier: str | None = None) -> Article:
        authors = self.authors
        if not authors and self.byline:
            authors = [Author(re.sub(r"(?i)\Aby\s+", "", self.byline))]
        extras: dict[str, Any] = {}
        if identifier is not None:
            extras["applenews.identifier"] = identifier
        if self.skipped:
            extras["applenews.skipped_roles"] = sorted(self.skipped)
        return Article(
            self.title,
            subtitle=self.subtitle,
            authors=authors,
            published=self.dates.get("published"),
            updated=self.dates.get("updated"),
            url=self.url,
            language=language if isinstance(language, str) else None,
            media=self.media,
            body=self.body,
            notes=self.notes,
            tags=self.tags,
            extras=extras,
        )


def _text(component: dict[str, Any], role: str) -> str:
    text = component.get("text")
    if not isinstance(text, str):
        raise ParseError(f"a {role!r} component has no 'text' string", format=FORMAT)
    return text


def _caption(value: object) -> str | None:
    """A caption: a string, or a ``CaptionDescriptor`` object (its ``text``)."""
    if isinstance(value, dict):
        value = value.get("text")
    return value if isinstance(value, str) else None


def _media(
    flat: list[tuple[str, dict[str, Any], bool]], i: int, role: str, component: dict[str, Any]
) -> tuple[Media, int]:
    """The media item of a photo-like component and of the caption and credit after it."""
    url = component.get("URL")
    if not isinstance(url, str):
        raise ParseError(f"a {role!r} component has no 'URL' string", format=FORMAT)
    caption = _caption(component.get("caption"))
    alt = component.get("accessibilityCaption")
    credit = None
    if i < len(flat) and flat[i][0] == "caption":  # the caption as the article shows it
        caption = _text(flat[i][1], "caption")
        i += 1
    if i < len(flat) and flat[i][0] in ("photographer", "illustrator"):
        credit = _text(flat[i][1], flat[i][0])
        i += 1
    media = Media(
        url=url,
        caption=caption,
        credit=credit,
        kind=_anf.KIND_OF_ROLE[role],
        alt=alt if isinstance(alt, str) else None,
    )
    return media, i
