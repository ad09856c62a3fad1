"""Read an HTML page: newsparse's own markup exactly, any other page by its metadata.

A page holding ``<article class="newsparse">`` (what the writer writes) is read back
structurally, field by field, so that ``read(write(a)) == a``. Any other page goes to
:mod:`._meta` (metadata) and :mod:`._body` (the body text, unless ``body=False``). A page
with article metadata but no title or no body text still reads (``title=""``, an empty
body); ``extras["html.provenance"]["missing"]`` lists what it lacked. Only a page with
neither article metadata nor body text is a ``ParseError``.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..._errors import ParseError, ValidationError
from ..._model import (
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
from ._charset import decode_utf8
from ._depth import MAX_DEPTH, bound_depth, needs_bounding
from ._rules import Rules
from ._writer import ARTICLE_CLASS, EXTRAS_CLASS

__all__ = ["parse", "read", "read_metadata"]

FORMAT = "html"
_ARTICLE_METADATA = ("subtitle", "authors", "published", "updated", "section", "tags", "media")
"""Fields that make a page an article's page even without a title or body text (the
publisher, URL and language alone are the site's, not an article's)."""
_REPORTED = ("title", "authors", "published", "body")
"""Fields whose absence ``extras["html.provenance"]["missing"]`` reports."""
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def _classes(node: LexborNode) -> list[str]:
    return (node.attributes.get("class") or "").split()


def _children(node: LexborNode) -> list[LexborNode]:
    out = []
    child = node.child
    while child is not None:
        tag = child.tag
        if tag is not None and not tag.startswith(("-", "!", "_")):
            out.append(child)
        child = child.next
    return out


def _text(node: LexborNode | None) -> str | None:
    if node is None:
        return None
    return node.text(deep=True)


# ---------------------------------------------------------------------------
# newsparse's own markup


def _time(node: LexborNode | None) -> datetime | None:
    if node is None:
        return None
    raw = node.attributes.get("datetime") or ""
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise ParseError(f"bad datetime {raw!r} in a <time>", format=FORMAT) from None
    if value.tzinfo is None:
        raise ParseError(f"datetime {raw!r} has no UTC offset", format=FORMAT)
    key = node.attributes.get("data-tz")
    if key:
        try:
            zoned = value.astimezone(ZoneInfo(key))
        except (ValueError, OSError, KeyError):
            return value
        if zoned.utcoffset() == value.utcoffset():
            return zoned
    return value


def _own_author(node: LexborNode) -> Author:
    name = _text(node.css_first('[itemprop="name"]')) or ""
    link = node.css_first('a[itemprop="url"]')
    role = node.css_first('[itemprop="jobTitle"]')
    return Author(
        name,
        role=_text(role),
        url=link.attributes.get("href") if link is not None else None,
    )


def _own_media(node: LexborNode) -> Media:
    attrs = node.attributes
    kind = attrs.get("data-kind") or "image"
    url = alt = None
    holder = node.css_first('[itemprop="contentUrl"]')
    if holder is not None:
        h = holder.attributes
        url = h.get("href") if holder.tag == "a" else h.get("src")
        alt = h.get("alt") if holder.tag == "img" else h.get("aria-label")
    elif "data-alt" in attrs:
        alt = attrs.get("data-alt")
    return Media(
        url,
        caption=_text(node.css_first("figcaption > .caption")),
        credit=_text(node.css_first("figcaption > .credit")),
        kind=kind,
        alt=alt,
    )


def _own_block(node: LexborNode) -> Block:
    tag = node.tag or ""
    if tag == "p":
        return Paragraph(node.text(deep=True))
    if tag in _HEADINGS:
        return Heading(node.text(deep=True), level=_HEADINGS[tag])
    if tag == "blockquote":
        cite = node.css_first("footer > cite")
        return Quote(_text(node.css_first("p")) or "", attribution=_text(cite))
    if tag in ("ul", "ol"):
        return ListBlock([li.text(deep=True) for li in _children(node)], ordered=tag == "ol")
    if tag == "pre":
        return Preformatted(node.text(deep=True))
    if tag == "figure":
        return MediaBlock(_own_media(node))
    raise ParseError(f"unexpected <{tag}> in the body of a newsparse article", format=FORMAT)


def _own_extras(node: LexborNode | None) -> dict[str, Any]:
    if node is None:
        return {}
    try:
        data = json.loads(node.text(deep=True))
    except (ValueError, RecursionError):
        raise ParseError("the newsparse extras are not valid JSON", format=FORMAT) from None
    if not isinstance(data, dict):
        raise ParseError("the newsparse extras are not a JSON object", format=FORMAT)
    return data


def read_own(node: LexborNode) -> Article:
    """Read the ``<article class="newsparse">`` element the writer wrote."""
    fields: dict[str, Any] = {}
    title: str | None = None
    media: list[Media] = []
    body: list[Block] = []
    extras_node = None
    for part in _children(node):
        tag, classes = part.tag, _classes(part)
        if tag == "header":
            for item in _children(part):
                cls = _classes(item)
                if item.tag == "h1":
                    title = item.text(deep=True)
                elif "section" in cls:
                    fields["section"] = item.text(deep=True)
                elif "subtitle" in cls:
                    fields["subtitle"] = item.text(deep=True)
                elif "byline" in cls:
                    fields["authors"] = [
                        _own_author(a) for a in _children(item) if "author" in _classes(a)
                    ]
                elif "dates" in cls:
                    fields["published"] = _time(item.css_first("time.published"))
                    fields["updated"] = _time(item.css_first("time.updated"))
                elif "publisher" in cls:
                    fields["publisher"] = _text(item.css_first('[itemprop="name"]'))
                elif item.tag == "link":
                    fields["url"] = item.attributes.get("href")
        elif tag == "figure" and "lead" in classes:
            media.append(_own_media(part))
        elif tag == "div" and "body" in classes:
            body.extend(_own_block(b) for b in _children(part))
        elif tag == "footer":
            notes = [p.text(deep=True) for p in _children(part) if "note" in _classes(p)]
            tags_node = part.css_first("ul.tags")
            tags = [li.text(deep=True) for li in _children(tags_node)] if tags_node else []
            fields["notes"] = notes
            fields["tags"] = tags
        elif tag == "script" and EXTRAS_CLASS in classes:
            extras_node = part
    if title is None:
        raise ParseError("a newsparse article without its <h1> title", format=FORMAT)
    return Article(
        title,
        language=node.attributes.get("lang"),
        media=media,
        body=body,
        extras=_own_extras(extras_node),
        **fields,
    )


# ---------------------------------------------------------------------------
# entry points


def parse(
    data: str | bytes, encoding: str | None = None
) -> tuple[LexborHTMLParser, dict[str, str] | None]:
    """Decode (if bytes) and parse a page; return the tree and how it was decoded.

    ``encoding`` is a charset known from outside the page (an HTTP ``Content-Type``
    header), which wins over what the page declares, as in browsers; bytes that are not
    valid in it fall back to the page's own detection.
    """
    tree, how, _flattened = _parse(data, encoding)
    return tree, how


def _parse(
    data: str | bytes, encoding: str | None
) -> tuple[LexborHTMLParser, dict[str, str] | None, int]:
    """:func:`parse`, and how many start tags nested too deeply were left out."""
    how: dict[str, str] | None = None
    text: str | bytes | None
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        bound = needs_bounding(raw)  # bytes count faster than text
        text = None
        if encoding is not None:
            try:
                text, how = raw.decode(encoding), {"codec": encoding, "how": "given"}
            except (UnicodeDecodeError, LookupError):
                text = None
        if text is None:
            # UTF-8 bytes go to the parser as they are (it reads UTF-8)
            text, codec, chosen = decode_utf8(raw)
            how = {"codec": codec, "how": chosen}
    elif isinstance(data, str):
        text, bound = data, needs_bounding(data)
    else:
        raise ParseError(f"expected text or bytes, got {type(data).__name__}", format=FORMAT)
    if not bound:
        return LexborHTMLParser(text), how, 0
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    text, flattened = bound_depth(text)
    return LexborHTMLParser(text), how, flattened


def _own_article(tree: LexborHTMLParser, articles: list[LexborNode]) -> LexborNode | None:
    """The ``<article class="newsparse">`` of newsparse's own markup, if the page has one.

    ``articles`` are the page's ``<article>`` elements (the metadata reader needs them
    too): the selector query runs only when one of them may have the class, so other pages
    pay for no query of their own.
    """
    if not any(ARTICLE_CLASS in (a.attributes.get("class") or "").lower() for a in articles):
        return None
    node = tree.css_first(f"article.{ARTICLE_CLASS}")
    if node is None or not (node.attributes.get("itemtype") or "").endswith("NewsArticle"):
        return None
    return node


def _read_page(
    tree: LexborHTMLParser,
    how: dict[str, str] | None,
    body: bool,
    rules: Rules | None = None,
    flattened: int = 0,
    articles: list[LexborNode] | None = None,
) -> Article:
    from ._meta import extract

    fields, ld_body = extract(tree, articles)
    extras = fields["extras"]
    provenance = extras["html.provenance"]
    if how is not None:
        provenance["encoding"] = how
    if flattened:
        provenance["nesting"] = (
            f"{flattened} elements opened past {MAX_DEPTH} open elements were read as "
            "siblings, not children, as browsers do"
        )
    if body:
        from ._body import extract_body

        blocks, notes, source = extract_body(
            tree, ld_body, rules, fields.get("url"), fields.get("title")
        )
        fields["body"] = blocks
        if notes:
            fields["notes"] = notes
        provenance["body"] = source
    title = fields.pop("title", None)
    if title is None:
        if not fields.get("body") and not any(fields.get(f) for f in _ARTICLE_METADATA):
            raise ParseError(
                "no article here: no title (no JSON-LD headline, og:title, <h1> nor <title>), "
                "no other article metadata and no body text",
                format=FORMAT,
            )
        title = ""  # a page with an article but no headline still reads
        provenance["title"] = "none"
    missing = [f for f in _REPORTED if not (title if f == "title" else fields.get(f))]
    if not body:
        missing.remove("body")  # not asked for
    if missing:
        provenance["missing"] = missing
    return Article(title, **fields)


def read(
    data: str | bytes,
    *,
    body: bool = True,
    encoding: str | None = None,
    rules: Rules | None = None,
) -> Article:
    """Read an HTML page (``str``, or ``bytes`` in any charset) into an Article.

    :param body: extract the body text; ``False`` reads the metadata only (faster).
    :param encoding: the charset of ``bytes`` when known from outside the page (HTTP).
    :param rules: per-site rules for the body extraction: a mapping of host name to
        ``{"body": selector, "drop": [selectors]}``, or a callable taking the page URL and
        returning such a mapping (see ``docs/extraction.md``).
    """
    tree, how, flattened = _parse(data, encoding)
    try:
        articles = tree.css("article")
        own = _own_article(tree, articles)
        if own is not None:
            return read_own(own)
        return _read_page(tree, how, body, rules, flattened, articles)
    except ValidationError as exc:
        raise ParseError(f"not a usable article: {exc}", format=FORMAT) from None
    except RecursionError:
        raise ParseError("the page is nested too deeply to read", format=FORMAT) from None


def read_metadata(data: str | bytes) -> Article:
    """Read only the metadata of an HTML page (``read(data, body=False)``)."""
    return read(data, body=False)
