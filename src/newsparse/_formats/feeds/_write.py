"""Write Articles as an RSS 2.0 or Atom 1.0 feed.

A feed has one title, link and language: they come from the options (``title=``,
``link=``, ``description=``, ``language=``), else from the first article (its
``publisher``, its ``<format>.feed_link`` extra, its language). An item whose publisher or
language differs from the feed's says so itself (``dc:publisher``, ``dc:language``;
``xml:lang`` in Atom). Bodies are written as HTML (``content:encoded``, Atom ``content
type="html"``), subtitles as the ``description``/``summary``, media as Media RSS
``media:content`` with ``media:description`` (caption), ``media:credit`` and
``media:title`` (alt text). See docs/formats/rss.md and docs/formats/atom.md.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable, Iterator
from typing import Any

from ..._dates import format_extended, format_rfc822
from ..._errors import OptionError, WriteError
from ..._markup import blocks_to_html
from ..._model import Article, Media
from ..._xml import XML_DECLARATION, check_text, escape_attr, escape_text
from ._common import ATOM, CONTENT, DC, DCTERMS, EPOCH, MEDIA, PLACEHOLDER, SECTION

__all__ = ["write_atom", "write_many_atom", "write_many_rss", "write_rss"]

_KINDS = frozenset({"image", "video", "audio"})


class _Writer:
    def __init__(self, fmt: str, options: dict[str, Any]) -> None:
        self.fmt = fmt
        self.options = options

    def t(self, text: str) -> str:
        return escape_text(text, self.fmt)

    def a(self, text: str) -> str:
        return escape_attr(text, self.fmt)

    def cdata(self, text: str) -> str:
        check_text(text, self.fmt)
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"

    def media(self, items: tuple[Media, ...], indent: str) -> list[str]:
        out = []
        for m in items:
            if m.url is None:
                continue
            medium = f' medium="{m.kind}"' if m.kind in _KINDS else ""
            inner = []
            if m.alt is not None:
                inner.append(f'<media:title type="plain">{self.t(m.alt)}</media:title>')
            if m.caption is not None:
                inner.append(
                    f'<media:description type="plain">{self.t(m.caption)}</media:description>'
                )
            if m.credit is not None:
                inner.append(f"<media:credit>{self.t(m.credit)}</media:credit>")
            head = f'{indent}<media:content url="{self.a(m.url)}"{medium}'
            out.append(head + (">" + "".join(inner) + "</media:content>" if inner else "/>"))
        return out


_OPTIONS = ("description", "feed", "id", "language", "link", "title")
"""The options of the feed writers, which take them as ``**options``."""


def _feed_values(first: Article | None, fmt: str, options: dict[str, Any]) -> dict[str, str]:
    values = {}
    for key in ("title", "link", "description", "language", "id"):
        value = options.pop(key, None)
        if value is not None and not isinstance(value, str):
            raise OptionError(
                f"option {key!r} of the {fmt} writer must be str, not {type(value).__name__}",
                option=key,
                format=fmt,
                valid=_OPTIONS,
            )
        if value is None and first is not None:
            if key == "title":
                value = first.publisher
            elif key == "language":
                value = first.language
            elif key in ("link", "description"):
                kept = first.extras.get(f"{fmt}.feed_{key}")
                value = kept if isinstance(kept, str) else None
        values[key] = value or ""
    return values


def _peek(articles: Iterable[Article]) -> tuple[Article | None, Iterator[Article]]:
    iterator = iter(articles)
    first = next(iterator, None)

    def chain() -> Iterator[Article]:
        if first is not None:
            yield first
            yield from iterator

    return first, chain()


# ---------------------------------------------------------------------------
# RSS 2.0


def _rss_item(w: _Writer, a: Article, feed: dict[str, str]) -> str:
    t = w.t
    out = ["    <item>", f"      <title>{t(a.title)}</title>"]
    guid = a.extras.get("rss.guid")
    if a.url is not None:
        out.append(f"      <link>{t(a.url)}</link>")
    if isinstance(guid, str):
        out.append(f'      <guid isPermaLink="false">{t(guid)}</guid>')
    elif a.url is not None:
        out.append(f'      <guid isPermaLink="true">{t(a.url)}</guid>')
    if a.subtitle is not None:
        out.append(f"      <description>{t(html.escape(a.subtitle, quote=False))}</description>")
    if a.body or a.subtitle is not None:
        out.append(f"      <content:encoded>{w.cdata(blocks_to_html(a.body))}</content:encoded>")
    out += [f"      <dc:creator>{t(author.name)}</dc:creator>" for author in a.authors]
    if a.section is not None:
        out.append(f'      <category domain="{SECTION}">{t(a.section)}</category>')
    out += [f"      <category>{t(tag)}</category>" for tag in a.tags]
    if a.published is not None:
        out.append(f"      <pubDate>{format_rfc822(a.published)}</pubDate>")
    if a.updated is not None:
        out.append(f"      <dcterms:modified>{format_extended(a.updated)}</dcterms:modified>")
    if a.language is not None and a.language != feed["language"]:
        out.append(f"      <dc:language>{t(a.language)}</dc:language>")
    if a.publisher is not None and a.publisher != feed["title"]:
        out.append(f"      <dc:publisher>{t(a.publisher)}</dc:publisher>")
    comments = a.extras.get("rss.comments")
    if isinstance(comments, str):
        out.append(f"      <comments>{t(comments)}</comments>")
    out += w.media(a.media, "      ")
    out.append("    </item>")
    return "\n".join(out) + "\n"


def _rss(articles: Iterable[Article], options: dict[str, Any]) -> Iterator[str]:
    fmt = "rss"
    first, items = _peek(articles)
    feed = _feed_values(first, fmt, options)
    feed.pop("id")
    if options:
        name = sorted(options)[0]
        raise OptionError(
            f"the {fmt} writer has no option {name!r}; its options: {', '.join(_OPTIONS)}",
            option=name,
            format=fmt,
            valid=_OPTIONS,
        )
    w = _Writer(fmt, options)
    head = [
        XML_DECLARATION.rstrip("\n"),
        f'<rss version="2.0" xmlns:content="{CONTENT}" xmlns:dc="{DC}" '
        f'xmlns:dcterms="{DCTERMS}" xmlns:media="{MEDIA}">',
        "  <channel>",
        f"    <title>{w.t(feed['title'])}</title>",
        f"    <link>{w.t(feed['link'])}</link>",
        f"    <description>{w.t(feed['description'])}</description>",
    ]
    if feed["language"]:
        head.append(f"    <language>{w.t(feed['language'])}</language>")
    head.append("    <generator>newsparse</generator>")
    yield "\n".join(head) + "\n"
    for article in items:
        yield _rss_item(w, article, feed)
    yield "  </channel>\n</rss>\n"


# ---------------------------------------------------------------------------
# Atom 1.0


def _identifier(a: Article, entry: list[str]) -> str:
    """The entry's ``id``: kept, else its URL, else a hash of the entry as written."""
    kept = a.extras.get("atom.id")
    if isinstance(kept, str):
        return kept
    if a.url is not None:
        return a.url
    digest = hashlib.sha1("\n".join(entry).encode("utf-8"), usedforsecurity=False)
    return f"{PLACEHOLDER}{digest.hexdigest()[:24]}"


def _atom_entry(w: _Writer, a: Article, feed: dict[str, str]) -> str:
    t = w.t
    lang = ""
    if a.language is not None and a.language != feed["language"]:
        lang = f' xml:lang="{w.a(a.language)}"'
    out = [f"  <entry{lang}>", f'    <title type="text">{t(a.title)}</title>']
    if a.url is not None:
        out.append(f'    <link rel="alternate" href="{w.a(a.url)}"/>')
    at = len(out)
    if a.published is not None:
        out.append(f"    <published>{format_extended(a.published)}</published>")
    updated = a.updated or a.published
    out.append(f"    <updated>{format_extended(updated) if updated else EPOCH}</updated>")
    for author in a.authors:
        tag = "contributor" if author.role == "contributor" else "author"
        uri = "" if author.url is None else f"<uri>{t(author.url)}</uri>"
        out.append(f"    <{tag}><name>{t(author.name)}</name>{uri}</{tag}>")
    if a.section is not None:
        out.append(f'    <category term="{w.a(a.section)}" scheme="{SECTION}"/>')
    out += [f'    <category term="{w.a(tag)}"/>' for tag in a.tags]
    if a.subtitle is not None:
        out.append(f'    <summary type="text">{t(a.subtitle)}</summary>')
    if a.body or a.subtitle is not None:
        out.append(f'    <content type="html">{t(blocks_to_html(a.body))}</content>')
    rights = a.extras.get("atom.rights")
    if isinstance(rights, str):
        out.append(f'    <rights type="text">{t(rights)}</rights>')
    if a.publisher is not None and a.publisher != feed["title"]:
        out.append(f"    <source><title>{t(a.publisher)}</title></source>")
    out += w.media(a.media, "    ")
    out.insert(at, f"    <id>{t(_identifier(a, out))}</id>")
    out.append("  </entry>")
    return "\n".join(out) + "\n"


def _atom(articles: Iterable[Article], options: dict[str, Any]) -> Iterator[str]:
    fmt = "atom"
    listed = list(articles)  # the feed's <updated> is the latest entry's
    first = listed[0] if listed else None
    feed = _feed_values(first, fmt, options)
    if options:
        name = sorted(options)[0]
        raise OptionError(
            f"the {fmt} writer has no option {name!r}; its options: {', '.join(_OPTIONS)}",
            option=name,
            format=fmt,
            valid=_OPTIONS,
        )
    w = _Writer(fmt, options)
    dates = [d for a in listed for d in (a.updated, a.published) if d is not None]
    updated = format_extended(max(dates)) if dates else EPOCH
    ident = feed["id"] or feed["link"] or f"{PLACEHOLDER}feed"
    lang = f' xml:lang="{w.a(feed["language"])}"' if feed["language"] else ""
    head = [
        XML_DECLARATION.rstrip("\n"),
        f'<feed xmlns="{ATOM}" xmlns:media="{MEDIA}"{lang}>',
        f'  <title type="text">{w.t(feed["title"])}</title>',
    ]
    if feed["link"]:
        head.append(f'  <link rel="alternate" href="{w.a(feed["link"])}"/>')
    if feed["description"]:
        head.append(f'  <subtitle type="text">{w.t(feed["description"])}</subtitle>')
    head += [f"  <id>{w.t(ident)}</id>", f"  <updated>{updated}</updated>"]
    head.append("  <generator>newsparse</generator>")
    yield "\n".join(head) + "\n"
    for article in listed:
        yield _atom_entry(w, article, feed)
    yield "</feed>\n"


# ---------------------------------------------------------------------------
# the writers


def _choose(default: str, options: dict[str, Any], fmt: str) -> str:
    kind = options.pop("feed", default)
    if kind not in ("rss", "atom"):
        raise WriteError(f"feed= must be 'rss' or 'atom', got {kind!r}", format=fmt)
    return str(kind)


def _many(default: str, articles: Iterable[Article], options: dict[str, Any]) -> Iterator[str]:
    kind = _choose(default, options, default)
    return _rss(articles, options) if kind == "rss" else _atom(articles, options)


def write_many_rss(articles: Iterable[Article], **options: Any) -> Iterator[str]:
    """Write the articles as one RSS 2.0 feed (``feed="atom"``: an Atom 1.0 feed).

    Options: ``title``, ``link``, ``description``, ``language`` of the channel.
    """
    return _many("rss", articles, options)


def write_many_atom(articles: Iterable[Article], **options: Any) -> Iterator[str]:
    """Write the articles as one Atom 1.0 feed (``feed="rss"``: an RSS 2.0 feed).

    Options: ``title``, ``link``, ``description`` (the subtitle), ``language`` and ``id``.
    """
    return _many("atom", articles, options)


def write_rss(article: Article, **options: Any) -> str:
    """Write one article as an RSS 2.0 feed of one item."""
    return "".join(_many("rss", [article], options))


def write_atom(article: Article, **options: Any) -> str:
    """Write one article as an Atom 1.0 feed of one entry."""
    return "".join(_many("atom", [article], options))
