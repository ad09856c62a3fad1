"""The ninjs round-trip domain: the Articles for which ``read(write(a)) == a`` holds.

ninjs has one ``by`` string for all authors, RFC 3339 dates (whole-minute offsets), a
closed list of media types and, in 2.x/3.x, no room for unknown keys; the body travels
as HTML, where runs of whitespace collapse. See docs/formats/ninjs.md.
"""

from __future__ import annotations

from datetime import datetime

from ..._markup import survives_html
from ..._model import Article, Heading, ListBlock, MediaBlock, Paragraph, Quote
from ._common import EXTRA, PLACEHOLDER, PORTABLE, join_byline, split_byline

__all__ = ["article_in_domain"]

_KINDS = frozenset({"image", "graphic", "video", "audio"})


def _html_text(text: str | None, *, optional: bool = False) -> bool:
    """Whether ``text`` survives a trip through an HTML body unchanged."""
    if text is None:
        return optional
    return survives_html(text)


def _minute_offset(value: datetime | None) -> bool:
    if value is None:
        return True
    offset = value.utcoffset()
    return offset is not None and not offset.microseconds and not offset.seconds % 60


def article_in_domain(article: Article) -> bool:
    """Whether ninjs carries ``article`` exactly (``read(write(article)) == article``)."""
    if any(a.role is not None or a.url is not None for a in article.authors):
        return False
    names = [a.name for a in article.authors]
    if names and split_byline(join_byline(names)) != names:
        return False
    if not (_minute_offset(article.published) and _minute_offset(article.updated)):
        return False
    if article.url is not None and article.url.startswith(PLACEHOLDER):
        return False
    if any(m.kind not in _KINDS for m in article.media):
        return False
    for key, value in article.extras.items():
        name = key[len(EXTRA) :] if key.startswith(EXTRA) else None
        if name not in PORTABLE or name == "type" or not isinstance(value, str):
            return False
    for block in article.body:
        if isinstance(block, (Paragraph, Heading)):
            ok = _html_text(block.text)
        elif isinstance(block, Quote):
            ok = _html_text(block.text) and _html_text(block.attribution, optional=True)
        elif isinstance(block, ListBlock):
            ok = all(_html_text(item) for item in block.items)
        elif isinstance(block, MediaBlock):
            media = block.media
            ok = (
                bool(media.kind)
                and _html_text(media.caption, optional=True)
                and _html_text(media.credit, optional=True)
            )
        else:
            ok = True
        if not ok:
            return False
    return True
