"""Authors (and a dated-byline time) from byline elements and ``rel=author`` links."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...._model import Author
from ...._text.bylines import BYLINE, parse_byline
from ...._text.names import MAX_NAME_WORDS, clean_names, dedupe, is_junk
from ...._text.tidy import WHITESPACE
from .found import COMMENT_HINTS, HTTP, DateCandidate, Found, furniture, text_of, unique

__all__ = ["publisher_authors", "read_byline"]

_BYLINE_CSS = (
    '[class*="byline" i], [id*="byline" i], [class*="submitted" i], [rel~="author"], '
    '[itemprop~="author"], [class*="author" i], [class*="posted-by" i], [class*="contributor" i]'
)
_MAX_BYLINE = 300
_MAX_CANDIDATES = 40
_MIN_KEY = 3  # letters a name needs to be compared with the site's


def _in_comments(node: LexborNode, content: frozenset[int]) -> bool:
    """Whether a byline candidate names a commenter rather than the article's author."""
    return furniture(node, content, COMMENT_HINTS, frozenset())


_ORG_TYPES = frozenset(("organization", "newsmediaorganization", "corporation", "ngo"))
_NOT_ALNUM = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


def publisher_authors(found: Found) -> bool:
    """Whether the authors found so far are the publication itself, not people.

    They are when every author is named like the site (its ``og:site_name``, publisher or
    web address: ``STERN.de`` on stern.de) or is a schema.org Organization.
    """
    authors = found.fields.get("authors")
    if not authors:
        return False
    kinds = [k.casefold() for k in found.extras.get("html.author_types", ())]
    if kinds and len(kinds) == len(authors) and all(k in _ORG_TYPES for k in kinds):
        return True
    sites = [_key(s) for s in (found.fields.get("publisher"), found.extras.get("html.site_name"))
             if isinstance(s, str)]  # fmt: skip
    url = found.fields.get("url")
    host = _key((urlsplit(url).hostname or "") if isinstance(url, str) else "")
    for author in authors:
        name = _key(author.name)
        if len(name) < _MIN_KEY:
            return False
        if not (any(name in s or s in name for s in sites if len(s) >= _MIN_KEY) or name in host):
            return False
    return True


def read_byline(tree: LexborHTMLParser, found: Found, *, replace: bool = False) -> None:
    """Authors (and a wire-style time) from byline text and ``rel=author`` links.

    With ``replace``, authors the byline names take the place of those found before
    (the publication named as its own author).
    """
    root = found.article or tree.body
    if root is None:
        return
    content = found.content(tree)
    for node in unique(root.css(_BYLINE_CSS), _MAX_CANDIDATES):
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
        if replace and "authors" in found.fields:
            found.extras["html.publisher_authors"] = [a.name for a in found.fields["authors"]]
            del found.fields["authors"]
        found.put("authors", dedupe(people), "byline")
        found.extras.setdefault("html.byline", text)
        return
