"""Write an Article as a clean HTML5 page (or an ``<article>`` fragment).

The page is semantic HTML with schema.org microdata on the ``<article>`` and OpenGraph /
``article:*`` tags in the ``<head>``; see ``docs/formats/html.md`` for the layout. Every
text is escaped (``&``, ``<``, ``>``, quotes in attributes, and carriage returns as
``&#13;`` since HTML parsers turn a raw CR into LF), so any text survives as text. The only
character HTML cannot carry is U+0000, which parsers drop or replace by U+FFFD: the writer
refuses an article holding one (outside ``extras``, which are written as JSON) with a
:class:`~newsparse.WriteError` that says where it is.

Everything newsparse needs to read the page back exactly sits inside the ``<article
class="newsparse">`` element, so a fragment reads back the same as a whole page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from ..._errors import WriteError
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
from ..._text.lexicon import MONTH_NAMES

__all__ = ["ARTICLE_CLASS", "EXTRAS_CLASS", "escape", "escape_attr", "write"]

FORMAT = "html"
ARTICLE_CLASS = "newsparse"
"""The class of the ``<article>`` element newsparse writes (and recognises on reading)."""
EXTRAS_CLASS = "newsparse-extras"
"""The class of the ``<script type="application/json">`` holding ``Article.extras``."""

_SCHEMA = "https://schema.org/"
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"}
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_MEDIA_TAGS = {"video": "video", "audio": "audio"}


def escape(text: str) -> str:
    """``text`` escaped for an HTML text node.

    >>> escape("Fish & <chips>")
    'Fish &amp; &lt;chips&gt;'
    """
    return text.translate(_TEXT_ESCAPES)


def escape_attr(text: str) -> str:
    """``text`` escaped for a double-quoted HTML attribute value."""
    return text.translate(_ATTR_ESCAPES)


def _offset(value: datetime) -> str:
    offset = value.isoformat()[19:].lstrip(".0123456789")
    return "UTC" if offset in ("+00:00", "") else "UTC" + offset.replace("-", "−")


def human_time(value: datetime) -> str:
    """The visible text of a ``<time>``: ``March 5, 2024, 9:30 AM (UTC−05:00)``.

    It depends only on the wall time and the offset, never on a zone name or the locale.
    """
    hour = value.hour % 12 or 12
    ap = "PM" if value.hour >= 12 else "AM"
    return (
        f"{MONTH_NAMES[value.month - 1]} {value.day}, {value.year}, "
        f"{hour}:{value.minute:02d} {ap} ({_offset(value)})"
    )


def _time(value: datetime, cls: str, prop: str) -> str:
    zone = getattr(value.tzinfo, "key", None)
    tz = f' data-tz="{escape_attr(zone)}"' if isinstance(zone, str) else ""
    return (
        f'<time class="{cls}" itemprop="{prop}" datetime="{value.isoformat()}"{tz}>'
        f"{escape(human_time(value))}</time>"
    )


def _author(author: Author) -> str:
    name = f'<span itemprop="name">{escape(author.name)}</span>'
    if author.url is not None:
        name = f'<a itemprop="url" href="{escape_attr(author.url)}">{name}</a>'
    role = ""
    if author.role is not None:
        role = f', <span class="role" itemprop="jobTitle">{escape(author.role)}</span>'
    return (
        f'<span class="author" itemprop="author" itemscope itemtype="{_SCHEMA}Person">'
        f"{name}{role}</span>"
    )


def _byline(authors: tuple[Author, ...]) -> str:
    parts = [_author(a) for a in authors]
    names = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f'<p class="byline">By {names}</p>'


def _figure(media: Media, cls: str) -> str:
    kind = media.kind
    attrs = f' class="{cls}"'
    if kind != "image":
        attrs += f' data-kind="{escape_attr(kind)}"'
    item_type = {"video": "VideoObject", "audio": "AudioObject"}.get(kind, "ImageObject")
    attrs += f' itemscope itemtype="{_SCHEMA}{item_type}"'
    inner = ""
    if media.url is not None:
        src = escape_attr(media.url)
        if kind == "image":
            alt = "" if media.alt is None else f' alt="{escape_attr(media.alt)}"'
            inner = f'<img itemprop="contentUrl" src="{src}"{alt}>'
        elif kind in _MEDIA_TAGS:
            tag = _MEDIA_TAGS[kind]
            label = "" if media.alt is None else f' aria-label="{escape_attr(media.alt)}"'
            inner = f'<{tag} itemprop="contentUrl" src="{src}" controls{label}></{tag}>'
        else:
            label = "" if media.alt is None else f' aria-label="{escape_attr(media.alt)}"'
            inner = f'<a itemprop="contentUrl" href="{src}"{label}>{escape(kind)}</a>'
    elif media.alt is not None:
        attrs += f' data-alt="{escape_attr(media.alt)}"'
    caption = []
    if media.caption is not None:
        caption.append(f'<span class="caption" itemprop="caption">{escape(media.caption)}</span>')
    if media.credit is not None:
        caption.append(f'<span class="credit" itemprop="creditText">{escape(media.credit)}</span>')
    if caption:
        inner += f"<figcaption>{' '.join(caption)}</figcaption>"
    return f"<figure{attrs}>{inner}</figure>"


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{escape(block.text)}</p>"
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Quote):
        cite = ""
        if block.attribution is not None:
            cite = f"<footer>— <cite>{escape(block.attribution)}</cite></footer>"
        return f"<blockquote><p>{escape(block.text)}</p>{cite}</blockquote>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Preformatted):
        # the parser drops one newline right after <pre>: give it one to drop
        return f"<pre>\n{escape(block.text)}</pre>"
    if isinstance(block, MediaBlock):
        return _figure(block.media, "media")
    raise WriteError(f"unknown body block {type(block).__name__}", format=FORMAT)


def _plain(value: Any) -> Any:
    if isinstance(value, dict) or hasattr(value, "items"):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _script_json(value: Any) -> str:
    """JSON safe inside ``<script>``: no ``<`` (so no ``</script>`` or ``<!--``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def _article(article: Article, nl: str) -> str:
    lang = f' lang="{escape_attr(article.language)}"' if article.language is not None else ""
    out = [
        f'<article class="{ARTICLE_CLASS}"{lang} itemscope itemtype="{_SCHEMA}NewsArticle">',
        "<header>",
    ]
    if article.section is not None:
        out.append(f'<p class="section" itemprop="articleSection">{escape(article.section)}</p>')
    out.append(f'<h1 itemprop="headline">{escape(article.title)}</h1>')
    if article.subtitle is not None:
        out.append(
            f'<p class="subtitle" itemprop="alternativeHeadline">{escape(article.subtitle)}</p>'
        )
    if article.authors:
        out.append(_byline(article.authors))
    times = []
    if article.published is not None:
        times.append("Published " + _time(article.published, "published", "datePublished"))
    if article.updated is not None:
        times.append("Updated " + _time(article.updated, "updated", "dateModified"))
    if times:
        out.append(f'<p class="dates">{" · ".join(times)}</p>')
    if article.publisher is not None:
        out.append(
            f'<p class="publisher" itemprop="publisher" itemscope '
            f'itemtype="{_SCHEMA}Organization"><span itemprop="name">'
            f"{escape(article.publisher)}</span></p>"
        )
    if article.url is not None:
        out.append(f'<link itemprop="url" href="{escape_attr(article.url)}">')
    out.append("</header>")
    out.extend(_figure(m, "lead") for m in article.media)
    out.append('<div class="body" itemprop="articleBody">')
    out.extend(_block(b) for b in article.body)
    out.append("</div>")
    if article.notes or article.tags:
        out.append("<footer>")
        out.extend(f'<p class="note">{escape(note)}</p>' for note in article.notes)
        if article.tags:
            items = "".join(f'<li itemprop="keywords">{escape(t)}</li>' for t in article.tags)
            out.append(f'<ul class="tags">{items}</ul>')
        out.append("</footer>")
    if article.extras:
        out.append(
            f'<script type="application/json" class="{EXTRAS_CLASS}">'
            f"{_script_json(_plain(article.extras))}</script>"
        )
    out.append("</article>")
    return nl.join(out)


def _meta(prop: str, value: str, attr: str = "property") -> str:
    return f'<meta {attr}="{prop}" content="{escape_attr(value)}">'


def _head(article: Article, jsonld: bool, nl: str) -> str:
    out = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="newsparse">',
        f"<title>{escape(article.title)}</title>",
    ]
    if article.subtitle is not None:
        out.append(_meta("description", article.subtitle, "name"))
    if article.url is not None:
        out.append(f'<link rel="canonical" href="{escape_attr(article.url)}">')
    out.append(_meta("og:type", "article"))
    out.append(_meta("og:title", article.title))
    if article.subtitle is not None:
        out.append(_meta("og:description", article.subtitle))
    if article.url is not None:
        out.append(_meta("og:url", article.url))
    if article.publisher is not None:
        out.append(_meta("og:site_name", article.publisher))
    lead = next((m for m in article.media if m.url is not None and m.kind == "image"), None)
    if lead is not None and lead.url is not None:
        out.append(_meta("og:image", lead.url))
        if lead.alt is not None:
            out.append(_meta("og:image:alt", lead.alt))
    if article.published is not None:
        out.append(_meta("article:published_time", article.published.isoformat()))
    if article.updated is not None:
        out.append(_meta("article:modified_time", article.updated.isoformat()))
    if article.section is not None:
        out.append(_meta("article:section", article.section))
    out.extend(_meta("article:author", a.name) for a in article.authors)
    out.extend(_meta("article:tag", t) for t in article.tags)
    if jsonld:
        from ..._schemaorg.write import document

        out.append(f'<script type="application/ld+json">{_script_json(document(article))}</script>')
    return nl.join(out)


def _texts(article: Article) -> Iterator[tuple[str, str | None]]:
    """Every text the page holds as HTML text or attribute, with where it comes from.

    ``extras`` are left out: they go into the page as JSON, which escapes any character.
    """
    yield "Article.title", article.title
    yield "Article.subtitle", article.subtitle
    yield "Article.section", article.section
    yield "Article.url", article.url
    yield "Article.publisher", article.publisher
    for i, author in enumerate(article.authors):
        yield f"Article.authors[{i}].name", author.name
        yield f"Article.authors[{i}].role", author.role
        yield f"Article.authors[{i}].url", author.url
    items = [(f"Article.media[{i}]", m) for i, m in enumerate(article.media)]
    for i, block in enumerate(article.body):
        where = f"Article.body[{i}]"
        if isinstance(block, MediaBlock):
            items.append((where + ".media", block.media))
        elif isinstance(block, ListBlock):
            for j, item in enumerate(block.items):
                yield f"{where}.items[{j}]", item
        else:
            yield where + ".text", block.text
            if isinstance(block, Quote):
                yield where + ".attribution", block.attribution
    for where, media in items:
        for name in ("url", "caption", "credit", "kind", "alt"):
            yield f"{where}.{name}", getattr(media, name)
    for i, note in enumerate(article.notes):
        yield f"Article.notes[{i}]", note
    for i, tag in enumerate(article.tags):
        yield f"Article.tags[{i}]", tag


def _refuse_nul(article: Article) -> None:
    """Raise WriteError for a U+0000 in any text: HTML cannot carry it (nor ``&#0;``)."""
    for where, text in _texts(article):
        if text is not None and "\x00" in text:
            raise WriteError(
                f"HTML cannot carry U+0000 (NUL): {where} holds one at index "
                f"{text.index(chr(0))} (parsers drop it or read U+FFFD); remove or replace "
                "it before writing HTML",
                format=FORMAT,
            )


def write(
    article: Article, *, fragment: bool = False, pretty: bool = True, jsonld: bool = False
) -> str:
    """Write ``article`` as an HTML5 page.

    :param fragment: write only the ``<article>`` element, not a whole document.
    :param pretty: one element per line (``False``: everything on one line).
    :param jsonld: also embed a schema.org NewsArticle as JSON-LD in the ``<head>``.
    """
    nl = "\n" if pretty else ""
    _refuse_nul(article)
    try:
        body = _article(article, nl)
        if fragment:
            return body + nl
        lang = f' lang="{escape_attr(article.language)}"' if article.language is not None else ""
        return nl.join(
            [
                "<!DOCTYPE html>",
                f"<html{lang}>",
                "<head>",
                _head(article, jsonld, nl),
                "</head>",
                "<body>",
                body,
                "</body>",
                "</html>",
                "",
            ]
        )
    except (TypeError, ValueError) as exc:  # extras that JSON cannot hold (model forbids it)
        raise WriteError(f"cannot write the article: {exc}", format=FORMAT) from exc
    except RecursionError:
        raise WriteError(
            "cannot write the article: its extras are nested too deeply", format=FORMAT
        ) from None
