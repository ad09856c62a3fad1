"""Authors (and a dated-byline time) from byline elements and ``rel=author`` links."""

from __future__ import annotations

from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...._model import Author
from ...._text.bylines import BYLINE, parse_byline
from ...._text.names import MAX_NAME_WORDS, clean_names, dedupe, is_junk
from ...._text.tidy import WHITESPACE
from .found import COMMENT_HINTS, HTTP, DateCandidate, Found, furniture, text_of, title_line

__all__ = ["read_byline"]

_BYLINE_CSS = (
    '[class*="byline" i], [id*="byline" i], [class*="submitted" i], [rel~="author"], '
    '[itemprop~="author"], [class*="author" i], [class*="posted-by" i]'
)
_MAX_BYLINE = 300
_MAX_CANDIDATES = 40


def _in_comments(node: LexborNode, content: frozenset[int]) -> bool:
    """Whether a byline candidate names a commenter rather than the article's author."""
    return furniture(node, content, COMMENT_HINTS, frozenset())


def read_byline(tree: LexborHTMLParser, found: Found) -> None:
    """Authors (and a wire-style time) from byline text and ``rel=author`` links."""
    root = tree.css_first("article") or tree.body
    if root is None:
        return
    content = title_line(tree, found.fields.get("title"))
    for node in root.css(_BYLINE_CSS)[:_MAX_CANDIDATES]:
        if node.tag in ("meta", "link", "script", "style", "img"):
            continue
        # elements apart: "Jane Doe" and "5 March 2024" in two spans are not "Jane Doe5 March"
        text = WHITESPACE.sub(" ", node.text(deep=True, separator=" ")).strip()
        if not text or len(text) > _MAX_BYLINE or _in_comments(node, content):
            continue
        names: list[tuple[str, str | None]] = []
        match = BYLINE.search(text)
        parsed = parse_byline(text[match.start() :]) if match is not None else None
        if parsed is not None and parsed.published is not None:
            found.dates["published"].append(DateCandidate(parsed.published, "byline", True, True))
        if parsed is not None and parsed.authors:
            names = [
                (a.name, a.role)
                for a in parsed.authors
                if not is_junk(a.name) and len(a.name.split()) <= MAX_NAME_WORDS
            ]
        else:
            names = clean_names(text)
        if not names:
            continue
        links = {text_of(a): a.attributes.get("href") for a in node.css("a[href]")}
        if node.tag == "a" and node.attributes.get("href"):
            links[text] = node.attributes.get("href")
        people = []
        for name, role in names:
            href = links.get(name)
            url = urljoin(found.fields.get("url") or "", href) if href else None
            people.append(Author(name, role=role, url=url if url and HTTP.match(url) else None))
        found.put("authors", dedupe(people), "byline")
        found.extras.setdefault("html.byline", text)
        return
