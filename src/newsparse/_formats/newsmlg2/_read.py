"""Read NewsML-G2: a ``newsItem`` alone, or the items of a ``newsMessage``.

The mapping follows IPTC's own from NewsML-G2 to ninjs (the ``nar:`` names in the ninjs
schemas and IPTC's ``newsmlg2-2-ninjs`` stylesheet), so that NewsML-G2 -> Article ->
ninjs gives what IPTC's conversion gives: the properties ninjs names (``located``,
``slugline``, ``edNote``, ``pubStatus``, the item ``version``, ``itemMeta/title``,
``copyrightNotice``, ``usageTerms``) are kept under ninjs's names in ``extras``
(``ninjs.located``...), which the ninjs writer writes and the NewsML-G2 writer writes
back. Text items become Articles; picture items in the same package (or message) become
their media. Inline NITF is read through the public ``nitf`` format, XHTML through the
shared HTML converter. See docs/formats/newsmlg2.md.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import IO, Any

from lxml import etree

import newsparse

from ..._dates import parse_iso
from ..._errors import ParseError, ValidationError
from ..._markup import html_to_blocks
from ..._model import _LANGUAGE, Article, Author, Media, Paragraph
from ..._xml import children, local, parse, raw_text, root_name, text_of, tidy

__all__ = ["read", "read_many", "sniff"]

FORMAT = "newsmlg2"
EXTRA = "newsmlg2."
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TEXT_CLASSES = frozenset({"text", "composite", ""})
_PICTURE_CLASSES = frozenset({"picture", "graphic", "video", "audio"})
_KINDS = {"picture": "image", "graphic": "graphic", "video": "video", "audio": "audio"}


def _code(value: str | None) -> str:
    """A QCode's code without its scheme alias: ``stat:usable`` -> ``usable``."""
    return (value or "").rpartition(":")[2]


def _name(el: Any) -> str:
    """The name of a G2 concept: its ``name`` child, else ``@literal``, else its text."""
    for child in children(el):
        if local(child) == "name":
            return text_of(child)
    return el.get("literal") or text_of(el)


class _Item:
    def __init__(self, element: Any, zone: Any) -> None:
        self.element = element
        self.zone = zone
        self.guid = element.get("guid") or ""
        self.kind = ""
        self.fields: dict[str, Any] = {}
        self.extras: dict[str, Any] = {}
        self.dates: dict[str, Any] = {}
        self.caption: str | None = None
        self.credit: str | None = None
        self.remote: str | None = None

    def date(self, field: str | None, el: Any) -> None:
        raw = raw_text(el).strip()
        if not raw:
            return
        value, note = parse_iso(raw, zone=self.zone)
        if value is None:
            raise ParseError(f"<{local(el)}> {raw[:60]!r} is not an ISO 8601 date", format=FORMAT)
        if note is not None:
            self.dates[local(el)] = {"raw": raw, "note": note}
        if field is None:
            self.extras[EXTRA + local(el)] = raw
        else:
            self.fields[field] = value


def _item_meta(item: _Item, meta: Any) -> None:
    f, x = item.fields, item.extras
    for el in children(meta):
        name = local(el)
        if name == "itemClass":
            item.kind = _code(el.get("qcode"))
        elif name == "provider":
            x[EXTRA + "provider"] = el.get("qcode") or el.get("literal") or _name(el)
        elif name == "versionCreated":
            item.date("updated", el)
        elif name == "firstCreated":
            item.date("published", el)
        elif name == "embargoed":
            item.date(None, el)
        elif name == "pubStatus":
            status = _code(el.get("qcode"))
            if status and status != "usable":
                x["ninjs.pubstatus"] = status
        elif name == "title":
            x["ninjs.title"] = text_of(el)
        elif name == "edNote":
            x["ninjs.ednote"] = text_of(el)
        elif name == "service" and "section" not in f:
            f["section"] = _name(el)
        elif name == "link":
            x.setdefault(EXTRA + "links", []).append(
                {k: v for k, v in el.attrib.items() if isinstance(k, str) and "}" not in k}
            )


def _content_meta(item: _Item, meta: Any) -> None:
    f, x = item.fields, item.extras
    authors: list[Author] = []
    tags: list[str] = []
    seen: set[str] = set()  # a list lookup per tag was quadratic in their number
    subjects: list[dict[str, str]] = []
    descriptions: list[tuple[str, str]] = []
    by = None
    for el in children(meta):
        name = local(el)
        if name in ("creator", "contributor"):
            person = _name(el)
            if person:
                role = "contributor" if name == "contributor" else None
                authors.append(Author(person, role=role, url=el.get("uri")))
        elif name == "headline":
            role = _code(el.get("role"))
            text = text_of(el)
            if "title" not in f and role in ("", "main"):
                f["title"] = text
            elif "sub" in role.lower() and "subtitle" not in f:
                f["subtitle"] = text
            elif "title" not in f:
                f["title"] = text
        elif name == "subject":
            label = _name(el)
            record = {
                k: v for k, v in el.attrib.items() if k in ("qcode", "uri", "type", "literal")
            }
            if label:
                record["name"] = label
                if label not in seen:
                    seen.add(label)
                    tags.append(label)
            if record:
                subjects.append(record)
        elif name == "keyword":
            word = text_of(el)
            if word and word not in seen:
                seen.add(word)
                tags.append(word)
        elif name == "language" and el.get("tag") and "language" not in f:
            f["language"] = el.get("tag")
        elif name == "located":
            x["ninjs.located"] = _name(el)
        elif name == "slugline":
            x["ninjs.slugline"] = text_of(el)
        elif name == "dateline":
            x[EXTRA + "dateline"] = text_of(el)
        elif name == "by":
            by = text_of(el)
        elif name == "urgency" and text_of(el).isdigit():
            x[EXTRA + "urgency"] = int(text_of(el))
        elif name == "description":
            descriptions.append((_code(el.get("role")), text_of(el)))
        elif name == "creditline":
            item.credit = text_of(el) or None
        elif name == "contentCreated":
            item.date(None, el)
        elif name == "genre":
            x.setdefault(EXTRA + "genres", []).append(el.get("qcode") or _name(el))
    notes = [text for role, text in descriptions if role == "note"]
    others = [(role, text) for role, text in descriptions if role != "note"]
    if others:
        summary = next((t for r, t in others if r in ("summary", "")), others[0][1])
        if "subtitle" not in f:
            f["subtitle"] = summary
        item.caption = next((t for r, t in others if r == "caption"), summary)
        rest = [{"role": r, "text": t} for r, t in others if t != f.get("subtitle")]
        if rest:
            x[EXTRA + "descriptions"] = rest
    if notes:
        f["notes"] = notes
    if not authors and by:
        authors = [
            Author(n) for n in re.split(r",\s+|\s+and\s+", re.sub(r"(?i)^by\s+", "", by)) if n
        ]
    elif by and by != ", ".join(a.name for a in authors if a.role is None):
        x[EXTRA + "by"] = by
    if subjects and any(set(s) - {"name"} for s in subjects):
        x[EXTRA + "subjects"] = subjects
    f["authors"] = authors
    f["tags"] = tags


def _xhtml_markup(el: Any) -> str:
    """XHTML content as an HTML string without namespace prefixes."""
    copy = etree.fromstring(etree.tostring(el, with_tail=False))
    for node in copy.iter():
        if isinstance(node.tag, str) and node.tag.startswith("{"):
            node.tag = node.tag.rpartition("}")[2]
    etree.cleanup_namespaces(copy)
    return etree.tostring(copy, method="html", encoding="unicode")


def _content_set(item: _Item, content: Any) -> None:
    f = item.fields
    for el in children(content):
        name = local(el)
        ctype = (el.get("contenttype") or "").split(";")[0].strip().lower()
        if name == "inlineXML" and "body" not in f:
            inner = next(children(el), None)
            if inner is None:
                continue
            if local(inner) == "nitf" or "nitf" in ctype:
                nitf = newsparse.read(etree.tostring(inner, encoding="unicode"), "nitf")
                f["body"] = list(nitf.body)
                f.setdefault("notes", list(nitf.notes))
                f["media"] = list(nitf.media)
                if "title" not in f and nitf.title:
                    f["title"] = nitf.title
            else:
                body = next((c for c in inner.iter() if local(c) == "body"), inner)
                f["body"] = html_to_blocks(_xhtml_markup(body))
        elif name == "inlineData" and "body" not in f:
            text = raw_text(el)
            if "html" in ctype:
                f["body"] = html_to_blocks(html.unescape(text) if "<" not in text else text)
            else:
                parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else [text]
                f["body"] = [Paragraph(tidy(p)) for p in parts if tidy(p)]
        elif name == "remoteContent" and item.remote is None:
            item.remote = el.get("href") or el.get("residref")
            if ctype:
                item.extras[EXTRA + "contenttype"] = ctype


def _read_item(element: Any, zone: Any) -> _Item:
    item = _Item(element, zone)
    x = item.extras
    version = element.get("version")
    if version is not None and version != "1":
        x["ninjs.version"] = version
    lang = element.get(XML_LANG)
    if lang:
        item.fields["language"] = lang
    for part in children(element):
        name = local(part)
        if name == "itemMeta":
            _item_meta(item, part)
        elif name == "contentMeta":
            _content_meta(item, part)
        elif name == "contentSet":
            _content_set(item, part)
        elif name == "rightsInfo":
            for el in children(part):
                if local(el) == "copyrightHolder" and "publisher" not in item.fields:
                    item.fields["publisher"] = _name(el)
                elif local(el) == "copyrightNotice":
                    x["ninjs.copyrightnotice"] = text_of(el)
                elif local(el) == "usageTerms":
                    x["ninjs.usageterms"] = text_of(el)
        elif name == "catalogRef" and part.get("href"):
            x.setdefault(EXTRA + "catalogs", []).append(part.get("href"))
    if item.kind not in _TEXT_CLASSES:
        x["ninjs.type"] = {"picture": "picture"}.get(item.kind, item.kind)
    if item.dates:
        x[EXTRA + "_dates"] = item.dates
    return item


def _picture(item: _Item) -> Media:
    return Media(
        url=item.remote,
        caption=item.caption,
        credit=item.credit,
        kind=_KINDS.get(item.kind, "image"),
    )


def _article(item: _Item, media: list[Media]) -> Article:
    f = dict(item.fields)
    f["media"] = [*f.get("media", []), *media]
    if item.guid and not item.guid.startswith("urn:newsparse:"):
        f["url"] = item.guid
    lang = f.get("language")
    if lang is not None and not _LANGUAGE.match(lang):
        item.extras[EXTRA + "language"] = f.pop("language")
    if item.kind in _PICTURE_CLASSES and item.remote:
        f["media"].insert(0, _picture(item))
    catalogs = item.extras.get(EXTRA + "catalogs")
    if catalogs == [_DEFAULT_CATALOG]:
        del item.extras[EXTRA + "catalogs"]
    title = f.pop("title", "")
    try:
        return Article(title, extras=item.extras, **f)
    except ValidationError as exc:
        raise ParseError(f"not a usable newsItem: {exc}", format=FORMAT) from None


_DEFAULT_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"


def _articles(root: Any, zone: Any) -> Iterator[Article]:
    name = local(root)
    if name == "newsItem":
        yield _article(_read_item(root, zone), [])
        return
    if name != "newsMessage":
        raise ParseError(
            f"not NewsML-G2: the root element is <{name}> (expected <newsItem> or <newsMessage>)",
            format=FORMAT,
        )
    items: dict[str, _Item] = {}
    order: list[_Item] = []
    packages: list[list[str]] = []
    for item_set in (c for c in children(root) if local(c) == "itemSet"):
        for el in children(item_set):
            kind = local(el)
            if kind == "newsItem":
                item = _read_item(el, zone)
                items[item.guid] = item
                order.append(item)
            elif kind == "packageItem":
                refs = [r.get("residref") for r in el.iter("{*}itemRef", "itemRef")]
                packages.append([r for r in refs if r])
    used: set[str] = set()
    for refs in packages:  # a package: its text items, with its pictures as their media
        texts = [items[r] for r in refs if r in items and items[r].kind not in _PICTURE_CLASSES]
        pictures = [
            _picture(items[r]) for r in refs if r in items and items[r].kind in _PICTURE_CLASSES
        ]
        for i, text in enumerate(texts):
            if text.guid in used:
                continue
            used.add(text.guid)
            yield _article(text, pictures if i == 0 else [])
        if texts:
            used.update(r for r in refs if r in items)
    loose = [i for i in order if i.guid not in used]
    loose_texts = [i for i in loose if i.kind not in _PICTURE_CLASSES]
    loose_pictures = [i for i in loose if i.kind in _PICTURE_CLASSES]
    if len(loose_texts) == 1:
        yield _article(loose_texts[0], [_picture(p) for p in loose_pictures])
        return
    for item in loose:
        yield _article(item, [])


def _zone(name: Any) -> Any:
    if name is None or not isinstance(name, str):
        return name
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ParseError(f"default_zone {name!r} is not an IANA time zone", format=FORMAT) from None


def read_many(stream: IO[str] | str, *, default_zone: Any = None) -> Iterator[Article]:
    """Yield the article of each text item of a newsMessage (or of one newsItem)."""
    data = stream.read() if hasattr(stream, "read") else stream
    root, _, _ = parse(data, format=FORMAT)
    return _articles(root, _zone(default_zone))


def read(text: str, *, default_zone: Any = None) -> Article:
    """Read a newsItem, or a newsMessage holding one article (more: use ``read_many``).

    :param default_zone: an IANA zone for dates without an offset (default: UTC),
        recorded in ``extras["newsmlg2._dates"]`` either way.
    """
    found = list(read_many(text, default_zone=default_zone))
    if not found:
        raise ParseError("the newsMessage holds no item", format=FORMAT)
    if len(found) > 1:
        raise ParseError(
            f"the newsMessage holds {len(found)} articles; use newsparse.read_many",
            format=FORMAT,
        )
    return found[0]


def sniff(head: str) -> float:
    """Confidence that ``head`` starts a NewsML-G2 ``newsItem`` or ``newsMessage``."""
    if root_name(head) not in ("newsItem", "newsMessage"):
        return 0.0
    return 0.95 if "iptc.org/std/nar/" in head or "NewsML-G2" in head else 0.6
