"""A simple body extraction for real pages (the full main-content extractor comes later).

The method, with no per-site rules:

1. The container: the element marked ``itemprop="articleBody"``, else the ``<article>``,
   else ``<main>`` (or ``role="main"``), else ``<body>``.
2. Inside it, the paragraphs (``<p>``) outside page furniture (``header``, ``footer``,
   ``nav``, ``aside``, ``form``, ``figure``, and elements whose class or id names a byline,
   caption, credit, share bar, newsletter box, related links, comments or an ad) are grouped
   by their parent element; the parent holding the most paragraph text is the body.
3. That parent's children, in order, become blocks: ``p`` paragraphs, ``h2``-``h6``
   headings, ``blockquote`` quotes, ``ul``/``ol`` lists, ``pre`` and ``figure``; ``div`` and
   ``section`` children are looked into (two levels).
4. The JSON-LD ``articleBody`` wins when it has at least two paragraphs and at least 80% of
   the text found in the page (it is the publisher's own text, free of furniture).
5. Trailing one-line paragraphs such as ``… contributed to this report.`` become notes
   (the wire format's rule).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..._model import Block, Heading, ListBlock, Media, MediaBlock, Paragraph, Preformatted, Quote
from ..wire._layout import is_note, parse_caption

__all__ = ["extract_body"]

_WS = re.compile(r"[ \t\n\r\f]+")
_FURNITURE_TAGS = frozenset(
    {
        "header",
        "footer",
        "nav",
        "aside",
        "form",
        "figure",
        "figcaption",
        "script",
        "style",
        "noscript",
        "template",
        "button",
        "select",
        "svg",
    }
)
_FURNITURE = re.compile(
    r"byline|caption|credit|share|social|newsletter|related|recommend|comment|promo|"
    r"advert|\bads?\b|ad-|sponsor|subscribe|signup|sidebar|breadcrumb|tags?\b|author-bio|"
    r"cookie|paywall-prompt|most-popular|trending",
    re.IGNORECASE,
)
_MAX_DEPTH = 40
_NOTE_LOOKBACK = 3


def _text(node: LexborNode) -> str:
    return _WS.sub(" ", node.text(deep=True)).strip()


def _is_furniture(node: LexborNode) -> bool:
    if node.tag in _FURNITURE_TAGS:
        return True
    attrs = node.attributes
    hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(hint.strip()) and _FURNITURE.search(hint) is not None


def _inside_furniture(node: LexborNode, stop: int) -> bool:
    parent = node.parent
    depth = 0
    while parent is not None and parent.mem_id != stop and depth < _MAX_DEPTH:
        if _is_furniture(parent):
            return True
        parent = parent.parent
        depth += 1
    return False


def _container(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in ('[itemprop~="articleBody"]', "article", "main", '[role="main"]'):
        for node in tree.css(selector):
            if node.tag != "meta" and node.css_first("p") is not None:
                return node
    return tree.body


def _figure(node: LexborNode) -> MediaBlock | None:
    img = node.css_first("img, video, audio")
    src = img.attributes.get("src") if img is not None else None
    caption_node = node.css_first("figcaption")
    caption = credit = None
    if caption_node is not None:
        credit_node = caption_node.css_first('[class*="credit" i]')
        text = _text(caption_node)
        if credit_node is not None:
            credit = _text(credit_node) or None
            if credit and text.endswith(credit):
                text = text[: -len(credit)].rstrip(" (")
        else:
            parsed = parse_caption(text)
            text, credit = parsed.caption or "", parsed.credit
        caption = text or None
    alt = img.attributes.get("alt") if img is not None else None
    if not (src or caption or credit):
        return None
    kind = img.tag if img is not None and img.tag in ("video", "audio") else "image"
    url = src if src and not src.startswith("data:") else None
    return MediaBlock(Media(url, caption=caption, credit=credit, kind=kind, alt=alt or None))


def _blocks(node: LexborNode, out: list[Block], depth: int = 0) -> None:
    child = node.child
    while child is not None:
        tag = child.tag
        if tag is None or tag.startswith("-") or (_is_furniture(child) and tag != "figure"):
            child = child.next
            continue
        if tag == "p":
            text = _text(child)
            if text:
                out.append(Paragraph(text))
        elif tag in ("h2", "h3", "h4", "h5", "h6"):
            text = _text(child)
            if text:
                out.append(Heading(text, level=int(tag[1])))
        elif tag == "blockquote":
            cite = child.css_first("cite, footer")
            attribution = _text(cite) if cite is not None else None
            parts = [_text(p) for p in child.css("p")] or [_text(child)]
            text = " ".join(p for p in parts if p)
            if attribution and text.endswith(attribution):
                text = text[: -len(attribution)].rstrip(" —–-")
            if text:
                out.append(Quote(text, attribution=attribution or None))
        elif tag in ("ul", "ol"):
            items = [_text(li) for li in child.css("li")]
            items = [i for i in items if i]
            if items:
                out.append(ListBlock(items, ordered=tag == "ol"))
        elif tag == "pre":
            text = child.text(deep=True)
            if text.strip():
                out.append(Preformatted(text.strip("\n")))
        elif tag == "figure":
            block = _figure(child)
            if block is not None:
                out.append(block)
        elif tag in ("div", "section", "span") and depth < 2:
            _blocks(child, out, depth + 1)
        child = child.next


def extract_body(
    tree: LexborHTMLParser, jsonld_paragraphs: list[str]
) -> tuple[list[Block], list[str], str]:
    """The body blocks, the notes and where the body came from (see the module docstring)."""
    blocks: list[Block] = []
    source = "none"
    root = _container(tree)
    if root is not None:
        stop = root.mem_id
        texts: dict[int, int] = {}
        parents: dict[int, LexborNode] = {}
        for p in root.css("p"):
            parent = p.parent
            if parent is None or _inside_furniture(p, stop):
                continue
            size = len(_text(p))
            if size:
                texts[parent.mem_id] = texts.get(parent.mem_id, 0) + size
                parents[parent.mem_id] = parent
        if texts:
            best = max(texts, key=lambda k: texts[k])
            _blocks(parents[best], blocks)
            source = "paragraphs"
    page_size = sum(len(b.text) for b in blocks if isinstance(b, (Paragraph, Heading, Quote)))
    ld_size = sum(len(p) for p in jsonld_paragraphs)
    if jsonld_paragraphs and (
        not blocks or (len(jsonld_paragraphs) >= 2 and ld_size >= 0.8 * page_size)
    ):
        blocks = [Paragraph(p) for p in jsonld_paragraphs]
        source = "json-ld:articleBody"
    notes: list[str] = []
    while blocks and len(notes) < _NOTE_LOOKBACK:
        last = blocks[-1]
        if isinstance(last, Paragraph) and is_note(last.text):
            notes.insert(0, last.text)
            blocks.pop()
        else:
            break
    return blocks, notes, source
