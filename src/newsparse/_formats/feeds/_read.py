"""Read RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 feeds: one Article per item or entry.

Real feeds are broken in every way, so the XML is parsed in the shared loader's tolerant
mode (``newsparse._xml``): HTML's named entities are read as their characters, a bare
``&`` as text, bytes that are not UTF-8 as Windows-1252, and libxml2 recovers from
unclosed and mismatched tags. The entity-declaration, DTD and size rules of strict
parsing still hold. Each item's **problems** (markup libxml2 had to recover from inside
it, an unknown entity, a date that cannot be read) are :class:`~newsparse.ParseError`
objects with the line, column and excerpt; ``errors=`` decides what they do:

- ``"raise"`` (default): the first problem raises;
- ``"skip"``: items with problems are left out; ``"warn"``: the same, with a
  :class:`BadItemWarning` each;
- ``"keep"``: items are read with what could be read (an unreadable date is left out and
  its raw text kept in ``extras``), and the problems are listed in ``extras["rss._problems"]``
  (``atom._problems``).

``on_error`` is called with every problem's ParseError (passing it alone means
``errors="skip"``). Repairs that keep the text (a bare ``&``...) never count as problems;
they are listed in ``extras["rss._repairs"]``.

Why not feedparser: measured on the same feeds (``bench/bench_xml.py``), it reads titles,
links, authors and dates as correctly but is tens of times slower, gives dates only as UTC
``struct_time`` (the offset is lost) and pulls in sgmllib; see docs/formats/rss.md.
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Callable, Iterator
from typing import IO, Any

from lxml import etree

from ..._dates import parse_iso, parse_rfc822
from ..._errors import BadItemWarning, ParseError, ValidationError
from ..._markup import html_to_blocks
from ..._model import _LANGUAGE, Article, Author, Block, Media, Paragraph
from ..._xml import (
    Repair,
    children,
    error_at,
    line_offsets,
    local,
    parse,
    raw_text,
    root_name,
    tidy,
)
from ._common import (
    ATOM,
    ATOM03,
    CONTENT,
    DC,
    DCTERMS,
    EPOCH,
    MEDIA,
    PLACEHOLDER,
    RDF,
    SECTION,
    XML_LANG,
)

__all__ = [
    "BadItemWarning",
    "read_atom",
    "read_many_atom",
    "read_many_rss",
    "read_rss",
    "sniff_atom",
    "sniff_rss",
]

_ERRORS = ("raise", "skip", "warn", "keep")
_LOOKS_HTML = re.compile(
    r"<[A-Za-z/!]|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_TAG = re.compile(r"<[^<>]*>")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_AUTHOR_EMAIL = re.compile(r"^\s*\S+@\S+\s*\((.+)\)\s*$")
_KINDS = {"image": "image", "video": "video", "audio": "audio"}


def _text(el: Any) -> str:
    return tidy(raw_text(el)) if el is not None else ""


def _plain(value: str) -> str:
    """A text that may hold HTML (titles, summaries): tags dropped, entities decoded once."""
    if _LOOKS_HTML.search(value):
        value = html.unescape(_TAG.sub("", value))
    return tidy(value)


def _html_body(markup: str) -> list[Block]:
    return html_to_blocks(markup) if markup.strip() else []


def _plain_body(text: str) -> list[Block]:
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else [text]
    return [Paragraph(tidy(p)) for p in parts if tidy(p)]


class _Item:
    """One item or entry being read: its fields, extras and problems."""

    def __init__(self, feed: _Feed, element: Any, number: int) -> None:
        self.feed = feed
        self.fmt = feed.fmt
        self.element = element
        self.number = number
        self.fields: dict[str, Any] = {}
        self.extras: dict[str, Any] = {}
        self.dates: dict[str, Any] = {}
        self.problems: list[ParseError] = []
        self.repairs: list[str] = []

    def problem(self, message: str, element: Any, column: int | None = 1) -> None:
        line = element.sourceline if element is not None else self.element.sourceline
        self.problems.append(self.feed.error(f"item {self.number}: {message}", line, column))

    def date(self, field: str, el: Any, rfc822: bool) -> None:
        if el is None or field in self.fields:
            return
        raw = raw_text(el).strip()
        if not raw:
            return
        value, note = (parse_rfc822 if rfc822 else parse_iso)(raw)
        if value is None:
            self.problem(f"<{local(el)}> {raw[:60]!r} is not a date", el)
            self.extras.setdefault(f"{self.fmt}._unread", {})[local(el)] = raw
            return
        if note is not None:
            self.dates[local(el)] = {"raw": raw, "note": note}
        self.fields[field] = value


def _media(found: list[Media], el: Any) -> None:
    """A Media RSS element: ``media:content``, ``media:group`` or ``media:thumbnail``."""
    tag = el.tag
    if tag == f"{{{MEDIA}}}group":
        for child in children(el):
            _media(found, child)
    elif tag == f"{{{MEDIA}}}content" and el.get("url"):
        caption = credit = alt = None
        for part in children(el):
            if part.tag == f"{{{MEDIA}}}description":
                caption = _plain(raw_text(part)) or None
            elif part.tag == f"{{{MEDIA}}}credit":
                credit = _text(part) or None
            elif part.tag == f"{{{MEDIA}}}title":
                alt = _plain(raw_text(part)) or None
        medium = el.get("medium") or (el.get("type") or "image").partition("/")[0]
        found.append(
            Media(
                url=el.get("url"),
                caption=caption,
                credit=credit,
                kind=_KINDS.get(medium, "image"),
                alt=alt,
            )
        )
    elif tag == f"{{{MEDIA}}}thumbnail" and el.get("url") and not found:
        found.append(Media(url=el.get("url")))


def _add_media(found: list[Media], url: str | None, mime: str | None, caption: str | None) -> None:
    if not url:
        return
    kind = _KINDS.get((mime or "image/").partition("/")[0], "image")
    found.append(Media(url=url, caption=caption or None, kind=kind))


def _dedupe(found: list[Media]) -> list[Media]:
    seen: set[str | None] = set()
    out = []
    for media in found:
        if media.url in seen:
            continue
        seen.add(media.url)
        out.append(media)
    return out


# ---------------------------------------------------------------------------
# RSS


def _rss_item(item: _Item, core: str) -> None:
    """Read an RSS 0.9x/1.0/2.0 ``<item>``; ``core`` is the item's namespace prefix."""
    f = item.fields
    authors: list[Author] = []
    tags: list[str] = []
    seen: set[str] = set()  # a list lookup per tag was quadratic in their number
    found: list[Media] = []
    description = encoded = None
    link = guid = None
    permalink = True
    for el in children(item.element):
        tag = el.tag
        if tag == core + "title":
            f["title"] = _plain(raw_text(el))
        elif tag == core + "link" and link is None:
            link = _text(el) or None
        elif tag == core + "description":
            description = raw_text(el)
        elif tag == f"{{{CONTENT}}}encoded":
            encoded = raw_text(el)
        elif tag == f"{{{DC}}}creator" or tag == core + "author":
            name = _text(el)
            match = _AUTHOR_EMAIL.match(name)
            if match is not None:
                name = match.group(1).strip()
            if name:
                authors.append(Author(name))
        elif tag == core + "category" or tag == f"{{{DC}}}subject":
            name = _plain(raw_text(el))
            if not name:
                continue
            if el.get("domain") == SECTION and "section" not in f:
                f["section"] = name
            elif name not in seen:
                seen.add(name)
                tags.append(name)
        elif tag == core + "guid":
            guid = _text(el) or None
            permalink = (el.get("isPermaLink") or "true").strip().lower() != "false"
        elif tag == core + "pubDate":
            item.date("published", el, True)
        elif tag == f"{{{DC}}}date":
            item.date("published", el, False)
        elif tag in (f"{{{DCTERMS}}}modified", f"{{{ATOM}}}updated"):
            item.date("updated", el, False)
        elif tag == f"{{{DC}}}language":
            f["language"] = _text(el)
        elif tag == f"{{{DC}}}publisher":
            f["publisher"] = _text(el)
        elif tag == core + "enclosure":
            _add_media(found, el.get("url"), el.get("type"), None)
        elif tag.startswith(f"{{{MEDIA}}}"):
            _media(found, el)
        elif tag == core + "comments":
            item.extras["rss.comments"] = _text(el)
        elif tag == core + "source":
            item.extras["rss.source"] = {"name": _text(el), "url": el.get("url") or ""}
    if link is None and guid is not None and permalink:
        link = guid
    elif guid is not None and (guid != link or not permalink):
        item.extras["rss.guid"] = guid
    if link is not None:
        f["url"] = link
    if encoded is not None:
        f["body"] = _html_body(encoded)
        if description is not None and description.strip():
            f["subtitle"] = _plain(description) or None
    elif description is not None:
        f["body"] = _html_body(description)
    f["authors"] = authors
    f["tags"] = tags
    f["media"] = _dedupe(found)


# ---------------------------------------------------------------------------
# Atom


def _atom_text(el: Any, atom03: bool) -> tuple[str, str]:
    """An Atom text construct's value as ``(kind, text)``: kind is text, html or xhtml."""
    kind = (el.get("type") or "text").lower()
    if atom03 and el.get("mode") == "escaped":
        kind = "html"
    if kind in ("xhtml", "application/xhtml+xml") or (atom03 and el.get("mode") == "xml"):
        parts = [html.escape(el.text or "", quote=False)]
        for child in el:
            parts.append(_xhtml(child))
        return "xhtml", "".join(parts)
    if kind in ("html", "text/html"):
        return "html", raw_text(el)
    return "text", raw_text(el)


def _xhtml(el: Any) -> str:
    """Serialise XHTML content as HTML without namespace prefixes, for the HTML reader."""
    if not isinstance(el.tag, str):
        return html.escape(el.tail or "", quote=False)
    copy = etree.fromstring(etree.tostring(el, with_tail=False))
    for node in copy.iter():
        if isinstance(node.tag, str) and node.tag.startswith("{"):
            node.tag = node.tag.rpartition("}")[2]
    etree.cleanup_namespaces(copy)
    markup = etree.tostring(copy, method="html", encoding="unicode")
    return markup + html.escape(el.tail or "", quote=False)


def _person(el: Any, ns: str, role: str | None) -> Author | None:
    name = uri = None
    for part in children(el):
        if part.tag == ns + "name":
            name = _text(part)
        elif part.tag in (ns + "uri", ns + "url"):
            uri = _text(part) or None
    if not name:
        return None
    return Author(name, role=role, url=uri)


def _atom_entry(item: _Item, ns: str, atom03: bool) -> None:
    f = item.fields
    authors: list[Author] = []
    tags: list[str] = []
    seen: set[str] = set()  # a list lookup per tag was quadratic in their number
    found: list[Media] = []
    content = summary = None
    ident = alternate = None
    for el in children(item.element):
        tag = el.tag
        if tag == ns + "title":
            kind, value = _atom_text(el, atom03)
            f["title"] = _plain(value) if kind != "text" else tidy(value)
        elif tag == ns + "link":
            rel = el.get("rel") or "alternate"
            href = el.get("href")
            if rel == "alternate" and href and alternate is None:
                alternate = href
            elif rel == "enclosure":
                _add_media(found, href, el.get("type"), el.get("title"))
        elif tag == ns + "id":
            ident = _text(el) or None
        elif tag in (ns + "author", ns + "contributor"):
            role = "contributor" if tag == ns + "contributor" else None
            person = _person(el, ns, role)
            if person is not None:
                authors.append(person)
        elif tag == ns + "category":
            term = el.get("term") or el.get("label") or _text(el)
            if not term:
                continue
            if el.get("scheme") == SECTION and "section" not in f:
                f["section"] = term
            elif term not in seen:
                seen.add(term)
                tags.append(term)
        elif tag == ns + "summary":
            summary = _atom_text(el, atom03)
        elif tag == ns + "content":
            content = _atom_text(el, atom03)
            if el.get("src"):
                item.extras["atom.content_src"] = el.get("src")
        elif tag in (ns + "published", ns + "issued", ns + "created"):
            item.date("published", el, False)
        elif tag in (ns + "updated", ns + "modified"):
            if _text(el) != EPOCH:
                item.date("updated", el, False)
        elif tag == ns + "source":
            title = next((c for c in children(el) if c.tag == ns + "title"), None)
            if title is not None and _text(title):
                f["publisher"] = _text(title)
        elif tag == ns + "rights":  # a text construct, as the title
            kind, value = _atom_text(el, atom03)
            item.extras["atom.rights"] = _plain(value) if kind != "text" else tidy(value)
        elif tag.startswith(f"{{{MEDIA}}}"):
            _media(found, el)
        elif tag == f"{{{DC}}}creator" and _text(el):
            authors.append(Author(_text(el)))
    lang = item.element.get(XML_LANG)
    if lang:
        f["language"] = lang
    if alternate is not None:
        f["url"] = alternate
        if ident is not None and ident != alternate and not ident.startswith(PLACEHOLDER):
            item.extras["atom.id"] = ident
    elif ident is not None and not ident.startswith(PLACEHOLDER):
        if ident.startswith(("http://", "https://")):
            f["url"] = ident
        else:
            item.extras["atom.id"] = ident
    if content is not None:
        kind, value = content
        f["body"] = _plain_body(value) if kind == "text" else _html_body(value)
        if summary is not None:
            f["subtitle"] = (
                tidy(summary[1]) if summary[0] == "text" else _plain(summary[1])
            ) or None
    elif summary is not None:
        kind, value = summary
        f["body"] = _plain_body(value) if kind == "text" else _html_body(value)
    f["authors"] = authors
    f["tags"] = tags
    f["media"] = _dedupe(found)
    published, updated = f.get("published"), f.get("updated")
    if (
        published is not None
        and updated is not None
        and published == updated
        and published.utcoffset() == updated.utcoffset()
    ):
        del f["updated"]  # an entry never updated: updated is its publication


# ---------------------------------------------------------------------------
# the feed


class _Feed:
    def __init__(self, fmt: str, root: Any, text: str, repairs: list[Repair]) -> None:
        self.fmt = fmt
        self.root = root
        self.text = text
        self.repairs = repairs
        self.offsets: list[int] | None = None
        self.atom03 = False
        self.title: str | None = None
        self.link: str | None = None
        self.language: str | None = None
        self.description: str | None = None
        self.items: list[Any] = []
        self.kind = ""
        name = local(root)
        ns = root.tag.rpartition("}")[0] + "}" if root.tag.startswith("{") else ""
        if name == "rss":
            channel = next((c for c in children(root) if local(c) == "channel"), None)
            if channel is None:
                raise error_at("an <rss> without a <channel>", text, root.sourceline, 1, fmt)
            self.core = ""
            self.kind = "rss"
            self._channel(channel, "")
            self.items = [c for c in children(channel) if c.tag == "item"]
        elif name == "RDF" and ns == f"{{{RDF}}}":
            channel = next((c for c in children(root) if local(c) == "channel"), None)
            core = channel.tag.rpartition("}")[0] + "}" if channel is not None else ""
            self.core = core
            self.kind = "rss"
            if channel is not None:
                self._channel(channel, core)
            self.items = [c for c in children(root) if local(c) == "item"]
        elif name == "feed" and ns in (f"{{{ATOM}}}", f"{{{ATOM03}}}"):
            self.core = ns
            self.kind = "atom"
            self.atom03 = ns == f"{{{ATOM03}}}"
            for el in children(root):
                if el.tag == ns + "title" and self.title is None:
                    kind, value = _atom_text(el, self.atom03)
                    self.title = (tidy(value) if kind == "text" else _plain(value)) or None
                elif el.tag == ns + "link" and (el.get("rel") or "alternate") == "alternate":
                    self.link = self.link or el.get("href")
                elif el.tag in (ns + "subtitle", ns + "tagline"):
                    kind, value = _atom_text(el, self.atom03)
                    self.description = (tidy(value) if kind == "text" else _plain(value)) or None
            self.language = root.get(XML_LANG)
            self.items = [c for c in children(root) if c.tag == ns + "entry"]
        else:
            raise error_at(
                f"not a feed: the root element is <{name}> (expected <rss>, <rdf:RDF> or "
                "an Atom <feed>)",
                text,
                root.sourceline,
                1,
                fmt,
            )

    def error(self, message: str, line: int | None, column: int | None) -> ParseError:
        if self.offsets is None:
            self.offsets = line_offsets(self.text)
        return error_at(message, self.text, line, column, self.fmt, self.offsets)

    def _channel(self, channel: Any, core: str) -> None:
        for el in children(channel):
            if el.tag == core + "title":
                self.title = _plain(raw_text(el)) or None
            elif el.tag == core + "link" and self.link is None:
                self.link = _text(el) or None
            elif el.tag == core + "language" or el.tag == f"{{{DC}}}language":
                self.language = _text(el) or None
            elif el.tag == core + "description":
                self.description = _plain(raw_text(el)) or None

    def articles(
        self, errors: str, on_error: Callable[[ParseError], None] | None
    ) -> Iterator[Article]:
        starts = [c.sourceline or 0 for c in self.items]
        first = starts[0] if starts else 1 << 60
        repairs = sorted(self.repairs, key=lambda r: r.line)
        feed_level = [r for r in repairs if r.line < first]
        for repair in feed_level:
            if repair.lossy:
                problem = self.error(repair.message, repair.line, repair.column)
                if on_error is not None:
                    on_error(problem)
                if errors == "raise":
                    raise problem
                if errors == "warn":
                    warnings.warn(str(problem), BadItemWarning, stacklevel=3)
        kept = list(dict.fromkeys(r.message for r in feed_level if not r.lossy))
        at = len(feed_level)
        for number, element in enumerate(self.items, 1):
            item = _Item(self, element, number)
            item.repairs += kept
            end = starts[number] if number < len(starts) else 1 << 60
            while at < len(repairs) and repairs[at].line < end:
                repair = repairs[at]
                at += 1
                if repair.lossy:
                    item.problems.append(
                        self.error(f"item {number}: {repair.message}", repair.line, repair.column)
                    )
                else:
                    item.repairs.append(repair.message)
            if self.kind == "atom":
                _atom_entry(item, self.core, self.atom03)
            else:
                _rss_item(item, self.core)
            article = self._article(item)
            if item.problems:
                if on_error is not None:
                    for problem in item.problems:
                        on_error(problem)
                if errors == "raise":
                    raise item.problems[0]
                if errors == "warn":
                    for problem in item.problems:
                        warnings.warn(str(problem), BadItemWarning, stacklevel=3)
                if errors != "keep" or article is None:
                    continue
            if article is not None:
                yield article

    def _article(self, item: _Item) -> Article | None:
        f = item.fields
        fmt = self.fmt
        extras = item.extras
        if "publisher" not in f and self.title:
            f["publisher"] = self.title
        if "language" not in f and self.language:
            f["language"] = self.language
        if f.get("language") is not None and not _LANGUAGE.match(f["language"]):
            extras[f"{fmt}.language"] = f.pop("language")
        if self.link:
            extras[f"{fmt}.feed_link"] = self.link
        if self.description:
            extras[f"{fmt}.feed_description"] = self.description
        if item.dates:
            extras[f"{fmt}._dates"] = item.dates
        if item.repairs:
            extras[f"{fmt}._repairs"] = list(dict.fromkeys(item.repairs))
        if item.problems:
            extras[f"{fmt}._problems"] = [p.message for p in item.problems]
        if "title" not in f and not f.get("body") and "url" not in f:
            item.problem("an item with no title, link or content", item.element)
            return None
        title = f.pop("title", "")
        try:
            return Article(title, extras=extras, **f)
        except ValidationError as exc:
            item.problem(str(exc), item.element)
            return None


_LEAF_OPEN = re.compile(
    r"<((?:dc:)?(?:title|creator|category|subject)|media:(?:title|credit))(?:\s[^<>]{0,500})?>"
)
_LEAF_WINDOW = 4096


def _escape_leaf_markup(text: str) -> tuple[str, list[Repair]]:
    """Escape raw markup inside short text elements (``<title>Bad <b>bold</title>``).

    Such markup is the commonest breakage of real feeds, and libxml2's recovery would
    swallow the following items into it. Each element's close tag is looked for within a
    bounded window, so the pass stays linear.
    """
    if "<" not in text:
        return text, []
    sections = _cdata_sections(text)
    out: list[str] = []
    repairs: list[Repair] = []
    pos = 0
    for match in _LEAF_OPEN.finditer(text):
        start = match.end()
        if start < pos or match.group(0).endswith("/>") or _inside(sections, match.start()):
            continue
        close = text.find(f"</{match.group(1)}>", start, start + _LEAF_WINDOW)
        if close == -1:
            continue
        inner = text[start:close]
        if "<" not in inner or inner.lstrip().startswith(("<![CDATA[", "<div")):
            continue
        out.append(text[pos:start])
        out.append(inner.replace("<", "&lt;").replace(">", "&gt;"))
        repairs.append(Repair(start, f"markup inside <{match.group(1)}> read as text"))
        pos = close
    if not repairs:
        return text, repairs
    out.append(text[pos:])
    return "".join(out), repairs


def _cdata_sections(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every CDATA section and comment, in order (one linear scan)."""
    found: list[tuple[int, int]] = []
    pos = 0
    # each marker is searched again only once the scan has passed where it was last seen:
    # searching both from every section was quadratic when one kind is rare
    a = text.find("<![CDATA[")
    b = text.find("<!--")
    while True:
        if a != -1 and a < pos:
            a = text.find("<![CDATA[", pos)
        if b != -1 and b < pos:
            b = text.find("<!--", pos)
        if a == -1 and b == -1:
            return found
        start, marker = (a, "]]>") if b == -1 or (a != -1 and a < b) else (b, "-->")
        end = text.find(marker, start + 4)
        end = len(text) if end == -1 else end + len(marker)
        found.append((start, end))
        pos = end


def _inside(sections: list[tuple[int, int]], at: int) -> bool:
    import bisect

    i = bisect.bisect_right(sections, (at, 1 << 62)) - 1
    return i >= 0 and sections[i][0] <= at < sections[i][1]


def _load(source: Any, fmt: str, encoding: str | None) -> _Feed:
    if hasattr(source, "read"):
        source = source.read()
    root, text, repairs = parse(
        source, format=fmt, encoding=encoding, tolerant=True, prepare=_escape_leaf_markup
    )
    return _Feed(fmt, root, text, repairs)


def _check(fmt: str, errors: str, on_error: Any) -> str:
    if errors not in _ERRORS:
        raise ParseError(f"errors must be one of {_ERRORS}, got {errors!r}", format=fmt)
    if on_error is not None and errors == "raise":
        return "skip"
    return errors


def _read_many(
    fmt: str,
    stream: IO[bytes] | bytes | str,
    errors: str,
    on_error: Callable[[ParseError], None] | None,
    encoding: str | None,
) -> Iterator[Article]:
    errors = _check(fmt, errors, on_error)
    feed = _load(stream, fmt, encoding)
    return feed.articles(errors, on_error)


def _read_one(
    fmt: str,
    data: bytes | str,
    errors: str,
    on_error: Callable[[ParseError], None] | None,
    encoding: str | None,
) -> Article:
    errors = _check(fmt, errors, on_error)
    feed = _load(data, fmt, encoding)
    if len(feed.items) > 1:
        raise ParseError(
            f"the feed holds {len(feed.items)} items; use newsparse.read_many", format=fmt
        )
    found = list(feed.articles(errors, on_error))
    if not found:
        raise ParseError("the feed holds no readable item", format=fmt)
    return found[0]


def read_many_rss(
    stream: IO[bytes],
    *,
    errors: str = "raise",
    on_error: Callable[[ParseError], None] | None = None,
    encoding: str | None = None,
) -> Iterator[Article]:
    """Yield the Article of each item of an RSS (or Atom) feed; see the module docstring.

    :param errors: ``"raise"``, ``"skip"``, ``"warn"`` or ``"keep"``: what an item with
        a problem does.
    :param on_error: called with each problem's ParseError.
    """
    return _read_many("rss", stream, errors, on_error, encoding)


def read_many_atom(
    stream: IO[bytes],
    *,
    errors: str = "raise",
    on_error: Callable[[ParseError], None] | None = None,
    encoding: str | None = None,
) -> Iterator[Article]:
    """Yield the Article of each entry of an Atom (or RSS) feed; see the module docstring."""
    return _read_many("atom", stream, errors, on_error, encoding)


def read_rss(
    data: bytes,
    *,
    errors: str = "raise",
    on_error: Callable[[ParseError], None] | None = None,
    encoding: str | None = None,
) -> Article:
    """Read a feed that holds one item (more raise a ParseError: use ``read_many``)."""
    return _read_one("rss", data, errors, on_error, encoding)


def read_atom(
    data: bytes,
    *,
    errors: str = "raise",
    on_error: Callable[[ParseError], None] | None = None,
    encoding: str | None = None,
) -> Article:
    """Read a feed that holds one entry (more raise a ParseError: use ``read_many``)."""
    return _read_one("atom", data, errors, on_error, encoding)


def sniff_rss(head: str) -> float:
    """Confidence that ``head`` starts an RSS feed (root ``rss``, or ``rdf:RDF`` of RSS 1.0)."""
    name = root_name(head)
    if name == "rss":
        return 0.95
    if name == "RDF" and ("purl.org/rss/1.0" in head or "netscape.com/rdf" in head):
        return 0.95
    return 0.0


def sniff_atom(head: str) -> float:
    """Confidence that ``head`` starts an Atom feed (root ``feed`` in an Atom namespace)."""
    if root_name(head) == "feed" and ("w3.org/2005/Atom" in head or "purl.org/atom/ns" in head):
        return 0.95
    return 0.0
