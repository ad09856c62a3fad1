"""Write Articles as NewsML-G2 newsItems (``write``) or one newsMessage (``write_many``).

A newsItem (``ninat:text``, conformance ``power``) with ``rightsInfo``, ``itemMeta``
(``versionCreated``, ``firstCreated``, ``pubStatus``, ``service`` for the section),
``contentMeta`` (creators, headlines, the summary, subjects, keywords, language,
located, slugline) and a ``contentSet`` whose ``inlineXML`` is an NITF ``body`` written by
the public ``nitf`` format (so the body blocks, media with captions and credits, and
notes travel as NITF does them). See docs/formats/newsmlg2.md.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import newsparse

from ..._dates import format_extended, parse_iso
from ..._model import Article
from ..._xml import XML_DECLARATION, escape_attr, escape_text
from . import STANDARD_VERSION
from ._read import _DEFAULT_CATALOG

__all__ = ["write", "write_many"]

FORMAT = "newsmlg2"
EXTRA = "newsmlg2."
NAR = "http://iptc.org/std/nar/2006-10-01/"
_NITF_BODY = re.compile(r"<body>.*</body>", re.S)
_RIGHTS = (("ninjs.copyrightnotice", "copyrightNotice"), ("ninjs.usageterms", "usageTerms"))
_BODY_HEAD = re.compile(r"\s*<body\.head>.*?</body\.head>", re.S)


def _t(text: str) -> str:
    return escape_text(text, FORMAT)


def _a(text: str) -> str:
    return escape_attr(text, FORMAT)


def _date(article: Article, label: str, value: Any) -> str:
    dates = article.extras.get(EXTRA + "_dates")
    if isinstance(dates, Mapping):
        kept = dates.get(label)
        if isinstance(kept, Mapping) and isinstance(kept.get("raw"), str):
            again, _ = parse_iso(kept["raw"])
            if again is not None and again == value and again.utcoffset() == value.utcoffset():
                return str(kept["raw"])
    return format_extended(value)


def _extra(article: Article, key: str) -> str | None:
    value = article.extras.get(key)
    return value if isinstance(value, str) else None


def _nitf_body(article: Article) -> str:
    """The NITF ``<body>`` of the article's blocks, media and notes, without the head."""
    inner = Article("", body=article.body, media=article.media, notes=article.notes)
    text = newsparse.write(inner, "nitf")
    match = _NITF_BODY.search(text)
    assert match is not None
    return _BODY_HEAD.sub("", match.group(0))


def _guid(article: Article, body: str) -> str:
    if article.url is not None:
        return article.url
    digest = hashlib.sha1((article.title + "\n" + body).encode("utf-8"), usedforsecurity=False)
    return f"urn:newsparse:{digest.hexdigest()[:24]}"


def _subject(s: Mapping[str, Any]) -> str:
    return "".join(
        f' {k}="{_a(str(s[k]))}"' for k in ("type", "qcode", "uri") if isinstance(s.get(k), str)
    )


def _item(article: Article, indent: str) -> list[str]:
    i = indent
    x = article.extras
    body = _nitf_body(article) if article.body or article.media or article.notes else ""
    version = _extra(article, "ninjs.version") or "1"
    attrs_ = f'guid="{_a(_guid(article, body))}" version="{_a(version)}" standard="NewsML-G2"'
    attrs_ += f' standardversion="{STANDARD_VERSION}" conformance="power"'
    if article.language is not None:
        attrs_ += f' xml:lang="{_a(article.language)}"'
    root = f'{i}<newsItem xmlns="{NAR}" {attrs_}>' if not indent else f"{i}<newsItem {attrs_}>"
    out = [root]
    catalogs = x.get(EXTRA + "catalogs")
    hrefs = [c for c in catalogs if isinstance(c, str)] if isinstance(catalogs, tuple) else []
    for href in hrefs or [_DEFAULT_CATALOG]:
        out.append(f'{i}  <catalogRef href="{_a(href)}"/>')
    rights = []
    if article.publisher is not None:
        rights.append(f'{i}    <copyrightHolder literal="{_a(article.publisher)}"/>')
    for key, tag in (
        ("ninjs.copyrightnotice", "copyrightNotice"),
        ("ninjs.usageterms", "usageTerms"),
    ):
        if _extra(article, key) is not None:
            rights.append(f"{i}    <{tag}>{_t(_extra(article, key) or '')}</{tag}>")
    if rights:
        out += [f"{i}  <rightsInfo>", *rights, f"{i}  </rightsInfo>"]
    kind = _extra(article, "ninjs.type") or "text"
    out += [f"{i}  <itemMeta>", f'{i}    <itemClass qcode="ninat:{_a(kind)}"/>']
    provider = _extra(article, EXTRA + "provider")
    if provider is not None:
        attr = "qcode" if ":" in provider and " " not in provider else "literal"
        out.append(f'{i}    <provider {attr}="{_a(provider)}"/>')
    for tag, value in (("versionCreated", article.updated), ("firstCreated", article.published)):
        if value is not None:
            out.append(f"{i}    <{tag}>{_date(article, tag, value)}</{tag}>")
    embargoed = _extra(article, EXTRA + "embargoed")
    if embargoed is not None:
        out.append(f"{i}    <embargoed>{_t(embargoed)}</embargoed>")
    status = _extra(article, "ninjs.pubstatus") or "usable"
    out.append(f'{i}    <pubStatus qcode="stat:{_a(status)}"/>')
    if article.section is not None:
        out.append(f"{i}    <service><name>{_t(article.section)}</name></service>")
    for key, tag in (("ninjs.title", "title"), ("ninjs.ednote", "edNote")):
        if _extra(article, key) is not None:
            out.append(f"{i}    <{tag}>{_t(_extra(article, key) or '')}</{tag}>")
    out.append(f"{i}  </itemMeta>")

    out.append(f"{i}  <contentMeta>")
    urgency = x.get(EXTRA + "urgency")
    if isinstance(urgency, int) and not isinstance(urgency, bool):
        out.append(f"{i}    <urgency>{urgency}</urgency>")
    located = _extra(article, "ninjs.located")
    if located is not None:
        out.append(f"{i}    <located><name>{_t(located)}</name></located>")
    for author in article.authors:
        tag = "contributor" if author.role == "contributor" else "creator"
        uri = "" if author.url is None else f' uri="{_a(author.url)}"'
        out.append(f"{i}    <{tag}{uri}><name>{_t(author.name)}</name></{tag}>")
    subjects = x.get(EXTRA + "subjects")
    coded: dict[str, Mapping[str, Any]] = {}
    unnamed: list[Mapping[str, Any]] = []
    if isinstance(subjects, tuple):
        for s in subjects:
            if isinstance(s, Mapping) and isinstance(s.get("name"), str):
                coded[s["name"]] = s
            elif isinstance(s, Mapping):
                unnamed.append(s)
    for s in unnamed:
        out.append(f"{i}    <subject{_subject(s)}/>")
    for tag in article.tags:
        s = coded.get(tag)
        if s is None:
            out.append(f"{i}    <keyword>{_t(tag)}</keyword>")
        else:
            attrs_s = "".join(
                f' {k}="{_a(str(s[k]))}"'
                for k in ("type", "qcode", "uri")
                if isinstance(s.get(k), str)
            )
            out.append(f"{i}    <subject{attrs_s}><name>{_t(tag)}</name></subject>")
    slugline = _extra(article, "ninjs.slugline")
    if slugline is not None:
        out.append(f"{i}    <slugline>{_t(slugline)}</slugline>")
    out.append(f"{i}    <headline>{_t(article.title)}</headline>")
    if article.subtitle is not None:
        out.append(f'{i}    <description role="drol:summary">{_t(article.subtitle)}</description>')
    dateline = _extra(article, EXTRA + "dateline")
    if dateline is not None:
        out.append(f"{i}    <dateline>{_t(dateline)}</dateline>")
    out.append(f"{i}  </contentMeta>")
    if body:
        out += [
            f"{i}  <contentSet>",
            f'{i}    <inlineXML contenttype="application/nitf+xml">',
            f'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">{body}</nitf>',
            f"{i}    </inlineXML>",
            f"{i}  </contentSet>",
        ]
    out.append(f"{i}</newsItem>")
    return out


def write(article: Article) -> str:
    """Write one article as a standalone NewsML-G2 newsItem."""
    return XML_DECLARATION + "\n".join(_item(article, "")) + "\n"


def write_many(articles: Iterable[Article]) -> Iterator[str]:
    """Write the articles as one newsMessage, one newsItem each."""
    yield XML_DECLARATION + f'<newsMessage xmlns="{NAR}">\n  <itemSet>\n'
    for article in articles:
        yield "\n".join(_item(article, "    ")) + "\n"
    yield "  </itemSet>\n</newsMessage>\n"
