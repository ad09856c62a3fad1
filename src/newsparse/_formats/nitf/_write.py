"""Write an Article as an NITF 3.x document (3.6 by default).

The layout follows the NITF 3.6 schema's element order (``head``: title, meta,
tobject, docdata, pubdata, revision-history; ``body.head``: hedline, byline, distributor,
dateline, abstract), with the NITF namespace for 3.5 and 3.6 (whose schemas declare it)
and none for the DTD-based 3.0-3.4. Dates are written in the basic ISO 8601 format with
their offset (``20240305T093000-0500``), except a date read without an offset, which is
written back as it was read. See ``docs/formats/nitf.md``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..._dates import format_basic, parse_iso
from ..._errors import WriteError
from ..._model import (
    Article,
    Block,
    Heading,
    ListBlock,
    Media,
    Paragraph,
    Preformatted,
    Quote,
)
from ..._xml import XML_DECLARATION, escape_attr, escape_text
from . import DEFAULT_VERSION, VERSIONS

__all__ = ["write"]

FORMAT = "nitf"
EXTRA = "nitf."
NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")


def _t(text: str) -> str:
    return escape_text(text, FORMAT)


def _a(text: str) -> str:
    return escape_attr(text, FORMAT)


def _attrs(values: Mapping[str, Any]) -> str:
    return "".join(
        f' {key}="{_a(str(value))}"' for key, value in values.items() if _NAME.match(key)
    )


def _strings(value: Any) -> bool:
    return isinstance(value, Mapping) and all(isinstance(v, str) for v in value.values())


def _date(article: Article, label: str, value: Any) -> str:
    dates = article.extras.get(EXTRA + "_dates")
    if isinstance(dates, Mapping):
        kept = dates.get(label)
        if isinstance(kept, Mapping) and isinstance(kept.get("raw"), str):
            again, _ = parse_iso(kept["raw"])
            if again is not None and again == value and again.utcoffset() == value.utcoffset():
                return str(kept["raw"])
    return format_basic(value)


def _media(media: Media, inline: bool, indent: str) -> list[str]:
    attrs = {"media-type": media.kind}
    if inline:
        attrs["class"] = "inline"
    out = [f"{indent}<media{_attrs(attrs)}>"]
    ref = {}
    if media.url is not None:
        ref["source"] = media.url
    if media.alt is not None:
        ref["alternate-text"] = media.alt
    out.append(f"{indent}  <media-reference{_attrs(ref)}/>")
    if media.caption is not None:
        out.append(f"{indent}  <media-caption>{_t(media.caption)}</media-caption>")
    if media.credit is not None:
        out.append(f"{indent}  <media-producer>{_t(media.credit)}</media-producer>")
    out.append(f"{indent}</media>")
    return out


def _block(block: Block, indent: str) -> list[str]:
    if isinstance(block, Paragraph):
        return [f"{indent}<p>{_t(block.text)}</p>"]
    if isinstance(block, Heading):
        level = "" if block.level == 2 else f' class="h{block.level}"'
        return [f"{indent}<hl2{level}>{_t(block.text)}</hl2>"]
    if isinstance(block, Quote):
        out = [f"{indent}<bq>", f"{indent}  <block><p>{_t(block.text)}</p></block>"]
        if block.attribution is not None:
            out.append(f"{indent}  <credit>{_t(block.attribution)}</credit>")
        return [*out, f"{indent}</bq>"]
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{_t(item)}</li>" for item in block.items)
        return [f"{indent}<{tag}>{items}</{tag}>"]
    if isinstance(block, Preformatted):
        return [f"{indent}<pre>{_t(block.text)}</pre>"]
    return _media(block.media, True, indent)


def write(article: Article, *, version: str | None = None) -> str:
    """Write ``article`` as NITF (``version="3.6"`` by default; 3.0-3.6)."""
    extras = article.extras
    chosen = version if version is not None else extras.get(EXTRA + "version", DEFAULT_VERSION)
    if chosen not in VERSIONS:
        raise WriteError(
            f"cannot write NITF version {chosen!r}; choose one of {', '.join(VERSIONS)}",
            format=FORMAT,
        )
    root = {}
    if chosen in ("3.5", "3.6"):
        root["xmlns"] = NAMESPACE
    root["version"] = f"-//IPTC//DTD NITF {chosen}//EN"
    if article.language is not None:
        root["baselang"] = article.language
    elif isinstance(extras.get(EXTRA + "baselang"), str):
        root["baselang"] = extras[EXTRA + "baselang"]
    out = [XML_DECLARATION.rstrip("\n"), f"<nitf{_attrs(root)}>", "  <head>"]

    head_title = extras.get(EXTRA + "title")
    title = head_title if isinstance(head_title, str) else article.title
    out.append(f"    <title>{_t(title)}</title>")
    for pair in extras.get(EXTRA + "meta") or ():
        if isinstance(pair, (list, tuple)) and len(pair) == 2:
            out.append(f"    <meta{_attrs({'name': pair[0], 'content': pair[1]})}/>")
    tobject_type = extras.get(EXTRA + "tobject.type")
    subjects = [s for s in extras.get(EXTRA + "subjects") or () if _strings(s)]
    properties = [s for s in extras.get(EXTRA + "tobject.property") or () if _strings(s)]
    if isinstance(tobject_type, str) or subjects or properties:
        attrs = {"tobject.type": tobject_type} if isinstance(tobject_type, str) else {}
        out.append(f"    <tobject{_attrs(attrs)}>")
        out += [f"      <tobject.property{_attrs(p)}/>" for p in properties]
        out += [f"      <tobject.subject{_attrs(s)}/>" for s in subjects]
        out.append("    </tobject>")

    docdata: list[str] = []
    if article.url is not None:
        ident = {"id-string": article.url}
        if isinstance(extras.get(EXTRA + "doc-id.regsrc"), str):
            ident["regsrc"] = extras[EXTRA + "doc-id.regsrc"]
        docdata.append(f"      <doc-id{_attrs(ident)}/>")
    urgency = extras.get(EXTRA + "urgency")
    if isinstance(urgency, int) and not isinstance(urgency, bool):
        docdata.append(f'      <urgency ed-urg="{urgency}"/>')
    if article.published is not None:
        norm = _date(article, "date.issue", article.published)
        docdata.append(f'      <date.issue norm="{_a(norm)}"/>')
    for record in extras.get(EXTRA + "docdata") or ():
        if _strings(record) and _NAME.match(record.get("element") or ""):
            attrs = {k: v for k, v in record.items() if k not in ("element", "text")}
            name = record["element"]
            if "text" in record:
                docdata.append(f"      <{name}{_attrs(attrs)}>{_t(record['text'])}</{name}>")
            else:
                docdata.append(f"      <{name}{_attrs(attrs)}/>")
    if article.publisher is not None:
        holder = {"holder": article.publisher}
        if isinstance(extras.get(EXTRA + "doc.copyright.year"), str):
            holder["year"] = extras[EXTRA + "doc.copyright.year"]
        docdata.append(f"      <doc.copyright{_attrs(holder)}/>")
    if article.tags:
        keys = "".join(f'<keyword key="{_a(tag)}"/>' for tag in article.tags)
        docdata.append(f"      <key-list>{keys}</key-list>")
    status = extras.get(EXTRA + "management-status")
    status_attr = _attrs({"management-status": status}) if isinstance(status, str) else ""
    if docdata or status_attr:
        out += [f"    <docdata{status_attr}>", *docdata, "    </docdata>"]
    pubdata = (
        dict(extras.get(EXTRA + "pubdata") or {}) if _strings(extras.get(EXTRA + "pubdata")) else {}
    )
    if article.section is not None:
        pubdata["position.section"] = article.section
    if pubdata:
        out.append(f"    <pubdata{_attrs(pubdata)}/>")
    if article.updated is not None:
        norm = _date(article, "revision-history", article.updated)
        out.append(f'    <revision-history norm="{_a(norm)}"/>')
    out += ["  </head>", "  <body>", "    <body.head>", "      <hedline>"]
    out.append(f"        <hl1>{_t(article.title)}</hl1>")
    if article.subtitle is not None:
        out.append(f"        <hl2>{_t(article.subtitle)}</hl2>")
    for sub in extras.get(EXTRA + "hl2") or ():
        if isinstance(sub, str):
            out.append(f"        <hl2>{_t(sub)}</hl2>")
    out.append("      </hedline>")
    for author in article.authors:
        role = "" if author.role is None else f", <byttl>{_t(author.role)}</byttl>"
        out.append(f"      <byline>By <person>{_t(author.name)}</person>{role}</byline>")
    for name in ("distributor", "dateline"):
        value = extras.get(EXTRA + name)
        if isinstance(value, str):
            inner = f"<org>{_t(value)}</org>" if name == "distributor" else _t(value)
            out.append(f"      <{name}>{inner}</{name}>")
    abstract = extras.get(EXTRA + "abstract")
    if isinstance(abstract, str):
        paras = "".join(f"<p>{_t(p)}</p>" for p in abstract.split("\n\n"))
        out.append(f"      <abstract>{paras}</abstract>")
    out.append("    </body.head>")
    if article.body or article.media:
        out.append("    <body.content>")
        for block in article.body:
            out += _block(block, "      ")
        for item in article.media:
            out += _media(item, False, "      ")
        out.append("    </body.content>")
    else:
        out.append("    <body.content/>")
    if article.notes:
        out.append("    <body.end>")
        out += [f"      <tagline>{_t(note)}</tagline>" for note in article.notes]
        out.append("    </body.end>")
    out += ["  </body>", "</nitf>", ""]
    return "\n".join(out)
