"""The lead image's caption, credit and alt text, from the article's first figure."""

from __future__ import annotations

from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from ...._model import Media
from ...._text.captions import parse_caption
from ...._text.tidy import tidy
from .found import Found, text_of

__all__ = ["read_lead_figure"]


def read_lead_figure(tree: LexborHTMLParser, found: Found) -> None:
    """Caption, credit and alt of the lead image from the first figure of the article."""
    root = found.article or tree.css_first("main") or tree.body
    if root is None:
        return
    figure = root.css_first("figure")
    caption_node = None
    img = None
    if figure is not None:
        caption_node = figure.css_first("figcaption") or figure.css_first('[class*="caption" i]')
        img = figure.css_first("img")
    else:
        caption_node = root.css_first('[class*="caption" i]')
        if caption_node is not None and caption_node.parent is not None:
            img = caption_node.parent.css_first("img")
    if caption_node is None and img is None:
        return
    current = found.fields.get("media")
    caption = credit = None
    if caption_node is not None:
        credit_node = caption_node.css_first('[class*="credit" i]')
        if credit_node is None and figure is not None:
            credit_node = figure.css_first('[class*="credit" i]')
        credit = text_of(credit_node) if credit_node is not None else None
        text = text_of(caption_node)
        if credit and text.endswith(credit):
            text = text[: -len(credit)].rstrip(" \t(")
        elif credit is None:
            parsed = parse_caption(text)
            text, credit = parsed.caption or "", parsed.credit
        caption = text or None
    src = img.attributes.get("src") if img is not None else None
    alt = tidy(img.attributes.get("alt")) if img is not None else None
    base = found.fields.get("url") or ""
    if current is None:
        url = urljoin(base, src) if src and not src.startswith("data:") else None
        found.put("media", Media(url, caption=caption, credit=credit, alt=alt or None), "figure")
        return
    assert isinstance(current, Media)
    found.fields["media"] = Media(
        current.url,
        caption=current.caption or caption,
        credit=current.credit or credit,
        kind=current.kind,
        alt=current.alt or alt or None,
    )
