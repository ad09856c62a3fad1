"""Read an NITF 3.0-3.6 document into an Article.

The version comes from ``nitf@version`` (``-//IPTC//DTD NITF 3.4//EN``), else from the
DOCTYPE's public or system identifier (``nitf-3-3.dtd``), else the namespace (3.5+).
Elements are matched by local name, with or without the NITF namespace. Texts have runs
of XML whitespace collapsed (``<pre>`` excepted). Dates are ISO 8601 basic or extended;
a date without an offset is read as UTC (or in ``default_zone``) and the assumption is
recorded in ``extras["nitf._dates"]`` with the raw value, which the writer writes back.
See ``docs/formats/nitf.md`` for the whole mapping.
"""

from __future__ import annotations

import re
from typing import Any

from ..._dates import parse_iso
from ..._errors import ParseError, ValidationError
from ..._model import (
    _LANGUAGE,
    Article,
    Author,
    Block,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
)
from ..._xml import children, local, parse, raw_text, root_name, text_of, tidy

__all__ = ["article_from_tree", "detect_version", "read", "sniff"]

FORMAT = "nitf"
EXTRA = "nitf."
_VERSION = re.compile(r"NITF\s+(3\.\d)")
_SYSTEM = re.compile(r"nitf-(3)-(\d)")
_BY = re.compile(r"(?i)^\s*by[\s:]+")
_HEADING_CLASS = re.compile(r"(?:^|\s)h([1-6])(?:\s|$)")
_KINDS = {"image": "image", "photo": "image", "graphic": "graphic", "video": "video"}
_LIST_ITEMS = frozenset({"li"})


def detect_version(root: Any) -> str | None:
    """The NITF version of a parsed document (``"3.6"``), or None if it does not say."""
    match = _VERSION.search(root.get("version") or "")
    if match is not None:
        return match.group(1)
    doctype = root.getroottree().docinfo
    for ident in (doctype.public_id, doctype.system_url):
        if ident:
            found = _VERSION.search(ident) or _SYSTEM.search(ident)
            if found is not None:
                return found.group(1) if found.re is _VERSION else f"3.{found.group(2)}"
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag.startswith("{http://iptc.org/std/NITF/2006-10-18/}"):
        return "3.6" if root.get("version") is None else None
    return None


class _Tree:
    """Child elements by local name, indexed once per parent for one read."""

    def __init__(self) -> None:
        self.cache: dict[int, dict[str, list[Any]]] = {}

    def index(self, parent: Any) -> dict[str, list[Any]]:
        found = self.cache.get(id(parent))
        if found is None:
            found = {}
            for child in parent:
                tag = child.tag
                if isinstance(tag, str):
                    name = tag.rpartition("}")[2] if tag[:1] == "{" else tag
                    found.setdefault(name, []).append(child)
            self.cache[id(parent)] = found
        return found

    def child(self, parent: Any, name: str) -> Any:
        if parent is None:
            return None
        found = self.index(parent).get(name)
        return found[0] if found else None

    def all(self, parent: Any, name: str) -> list[Any]:
        if parent is None:
            return []
        return self.index(parent).get(name) or []


def _attrs(element: Any, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    out = {}
    for key, value in element.attrib.items():
        name = key.rpartition("}")[2] if key[:1] == "{" else key
        if name not in skip:
            out[name] = value
    return out


class _Reader:
    def __init__(self, default_zone: Any, tree: _Tree) -> None:
        self.zone = default_zone
        self.tree = tree
        self.extras: dict[str, Any] = {}
        self.dates: dict[str, Any] = {}

    def date(self, label: str, raw: str | None) -> Any:
        if not raw or not raw.strip():
            return None
        value, note = parse_iso(raw, zone=self.zone)
        if note is not None:
            self.dates[label] = {"raw": raw, "note": note}
        return value

    # -- body blocks

    def blocks(self, container: Any, out: list[Block], media: list[Media]) -> None:
        if container is None:
            return
        if container.text and container.text.strip():
            out.append(Paragraph(tidy(container.text)))
        for el in children(container):
            self.block(el, out, media)
            if el.tail and el.tail.strip():
                out.append(Paragraph(tidy(el.tail)))

    def block(self, el: Any, out: list[Block], media: list[Media]) -> None:
        name = local(el)
        if name == "p":
            text = text_of(el)
            if text:
                out.append(Paragraph(text))
        elif name in ("hl1", "hl2"):
            text = text_of(el)
            match = _HEADING_CLASS.search(el.get("class") or "")
            level = int(match.group(1)) if match else (1 if name == "hl1" else 2)
            if text:
                out.append(Heading(text, level=level))
        elif name in ("ul", "ol"):
            items = [text_of(li) for li in children(el) if local(li) in _LIST_ITEMS]
            items = [i for i in items if i]
            if items:
                out.append(ListBlock(items, ordered=name == "ol"))
        elif name == "bq":
            parts = []
            attribution = None
            for part in children(el):
                if local(part) == "credit":
                    attribution = text_of(part) or None
                else:
                    parts.append(text_of(part))
            text = " ".join(p for p in parts if p)
            if text or attribution:
                out.append(Quote(text, attribution=attribution))
        elif name == "pre":
            out.append(Preformatted(raw_text(el)))
        elif name == "table":
            rows = []
            for row in el.iter("{*}tr", "tr"):
                cells = [text_of(c) for c in children(row)]
                rows.append("\t".join(cells))
            if rows:
                out.append(Preformatted("\n".join(rows)))
        elif name == "media":
            item = self.media(el)
            if "inline" in (el.get("class") or "").split():
                out.append(MediaBlock(item))
            else:
                media.append(item)
        elif name in ("block", "body.content"):
            self.blocks(el, out, media)
        elif name in ("br", "hr"):
            return
        else:  # nitf-table, note, fn and anything else: keep its text
            text = text_of(el)
            if text:
                out.append(Paragraph(text))

    def media(self, el: Any) -> Media:
        url = alt = None
        caption_parts: list[str] = []
        credit = None
        for part in children(el):
            name = local(part)
            if name == "media-reference":
                if url is None:
                    url = part.get("source") or None
                if alt is None:
                    alt = part.get("alternate-text")
            elif name == "media-caption":
                text = text_of(part)
                if text:
                    caption_parts.append(text)
            elif name == "media-producer":
                credit = text_of(part) or None
        kind = el.get("media-type") or "image"
        return Media(
            url=url,
            caption=" ".join(caption_parts) if caption_parts else None,
            credit=credit,
            kind=_KINDS.get(kind, kind),
            alt=alt,
        )

    # -- bylines

    def byline(self, el: Any) -> list[Author]:
        people = self.tree.all(el, "person")
        role_el = self.tree.child(el, "byttl")
        role = text_of(role_el) or None if role_el is not None else None
        if people:
            names = [text_of(p) for p in people]
            return [Author(n, role=role) for n in names if n]
        parts = [el.text or ""]
        for child in children(el):
            if local(child) != "byttl":
                parts.append(raw_text(child))
            parts.append(child.tail or "")
        text = _BY.sub("", tidy("".join(parts))).strip(" ,")
        return [Author(text, role=role)] if text else []


def article_from_tree(root: Any, *, default_zone: Any = None) -> Article:
    """The Article of a parsed ``<nitf>`` element. Raises ParseError."""
    if local(root) != "nitf":
        raise ParseError(
            f"not an NITF document: the root element is <{local(root)}>", format=FORMAT
        )
    tree = _Tree()
    _child, _all = tree.child, tree.all
    r = _Reader(default_zone, tree)
    extras = r.extras
    version = detect_version(root)
    if version is not None and version != "3.6":
        extras[EXTRA + "version"] = version
    head = _child(root, "head")
    body = _child(root, "body")
    body_head = _child(body, "body.head")
    fields: dict[str, Any] = {}

    language = root.get("baselang")
    if language is not None:
        if _LANGUAGE.match(language):
            fields["language"] = language
        else:
            extras[EXTRA + "baselang"] = language

    # head
    head_title = text_of(_child(head, "title")) if _child(head, "title") is not None else None
    meta = [[m.get("name") or "", m.get("content") or ""] for m in _all(head, "meta")]
    if meta:
        extras[EXTRA + "meta"] = meta
    tobject = _child(head, "tobject")
    if tobject is not None:
        if tobject.get("tobject.type") is not None:
            extras[EXTRA + "tobject.type"] = tobject.get("tobject.type")
        subjects = [_attrs(s) for s in _all(tobject, "tobject.subject")]
        if subjects:
            extras[EXTRA + "subjects"] = subjects
        properties = [_attrs(s) for s in _all(tobject, "tobject.property")]
        if properties:
            extras[EXTRA + "tobject.property"] = properties
    docdata = _child(head, "docdata")
    tags: list[str] = []
    other: list[dict[str, str]] = []
    if docdata is not None:
        status = docdata.get("management-status")
        if status is not None:
            extras[EXTRA + "management-status"] = status
        for item in children(docdata):
            name = local(item)
            if name == "doc-id" and "url" not in fields and item.get("id-string"):
                fields["url"] = item.get("id-string")
                if item.get("regsrc") is not None:
                    extras[EXTRA + "doc-id.regsrc"] = item.get("regsrc")
            elif name == "urgency" and (item.get("ed-urg") or "").strip().isdigit():
                extras[EXTRA + "urgency"] = int(item.get("ed-urg"))
            elif name == "date.issue" and "published" not in fields:
                value = r.date("date.issue", item.get("norm"))
                if value is not None:
                    fields["published"] = value
            elif name == "doc.copyright" and item.get("holder") and "publisher" not in fields:
                fields["publisher"] = item.get("holder")
                if item.get("year") is not None:
                    extras[EXTRA + "doc.copyright.year"] = item.get("year")
            elif name == "key-list":
                tags += [k.get("key") for k in _all(item, "keyword") if k.get("key")]
            else:
                record = {"element": name, **_attrs(item)}
                text = text_of(item)
                if text:
                    record["text"] = text
                other.append(record)
    if other:
        extras[EXTRA + "docdata"] = other
    pubdata = _child(head, "pubdata")
    if pubdata is not None:
        attrs = _attrs(pubdata)
        section = attrs.pop("position.section", None)
        if section:
            fields["section"] = section
        if attrs:
            extras[EXTRA + "pubdata"] = attrs
        if "published" not in fields and attrs.get("date.publication"):
            value = r.date("date.publication", attrs["date.publication"])
            if value is not None:
                fields["published"] = value
    revisions = [rev.get("norm") for rev in _all(head, "revision-history") if rev.get("norm")]
    if revisions:
        value = r.date("revision-history", revisions[-1])
        if value is not None:
            fields["updated"] = value

    # body.head
    hedline = _child(body_head, "hedline")
    title = text_of(_child(hedline, "hl1")) if _child(hedline, "hl1") is not None else ""
    subs = [text_of(h) for h in _all(hedline, "hl2")]
    subtitle = subs[0] if subs and subs[0] else None
    if len(subs) > 1:
        extras[EXTRA + "hl2"] = subs[1:]
    if not title and head_title:
        title = head_title
    elif head_title is not None and head_title != title:
        extras[EXTRA + "title"] = head_title
    authors: list[Author] = []
    for byline in _all(body_head, "byline"):
        authors += r.byline(byline)
    for name in ("distributor", "dateline"):
        element = _child(body_head, name)
        if element is not None and text_of(element):
            extras[EXTRA + name] = text_of(element)
    abstracts = [text_of(a) for a in _all(body_head, "abstract")]
    if any(abstracts):
        extras[EXTRA + "abstract"] = "\n\n".join(a for a in abstracts if a)

    # body.content, body.end
    blocks: list[Block] = []
    media: list[Media] = []
    for content in _all(body, "body.content"):
        r.blocks(content, blocks, media)
    notes = []
    body_end = _child(body, "body.end")
    if body_end is not None:
        for item in children(body_end):
            text = text_of(item)
            if text:
                notes.append(text)
    if r.dates:
        extras[EXTRA + "_dates"] = r.dates
    try:
        return Article(
            title,
            subtitle=subtitle,
            authors=authors,
            media=media,
            body=blocks,
            notes=notes,
            tags=tags,
            extras=extras,
            **fields,
        )
    except ValidationError as exc:
        raise ParseError(f"not a usable NITF document: {exc}", format=FORMAT) from None


def read(text: str | bytes, *, default_zone: Any = None) -> Article:
    """Read one NITF document.

    :param default_zone: an IANA zone name (``"Europe/Oslo"``) for dates written without
        an offset; UTC when omitted. Either way the assumption is recorded.
    """
    root, _, _ = parse(text, format=FORMAT)
    return article_from_tree(root, default_zone=_zone(default_zone))


def _zone(name: Any) -> Any:
    if name is None or not isinstance(name, str):
        return name
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ParseError(f"default_zone {name!r} is not an IANA time zone", format=FORMAT) from None


def sniff(head: str) -> float:
    """Confidence that ``head`` starts an NITF document (its root element is ``nitf``)."""
    name = root_name(head)
    if name == "nitf":
        return 0.95
    if name is None and "-//IPTC//DTD NITF" in head:
        return 0.6
    return 0.0
