"""Read a JSON-LD document: the schema.org article in it (see :mod:`newsparse._schemaorg`)."""

from __future__ import annotations

import re

from ..._errors import ParseError, ValidationError
from ..._json.tolerant import loads
from ..._model import Article
from ..._schemaorg.read import fields_from_jsonld, types_of, walk

__all__ = ["read", "sniff"]

FORMAT = "jsonld"


def read(text: str) -> Article:
    """Read the article of a JSON-LD document (tolerant of the usual breakage)."""
    if not isinstance(text, str):
        raise ParseError(f"expected text (str), got {type(text).__name__}", format=FORMAT)
    data = loads(text, format=FORMAT)
    try:
        found = fields_from_jsonld(data)
        if found is None:
            seen = sorted({t for n in walk(data) for t in types_of(n)})[:10]
            raise ParseError(
                "no schema.org article node (NewsArticle, Article, BlogPosting, ...) found"
                + (f"; types present: {', '.join(seen)}" if seen else ""),
                format=FORMAT,
            )
        fields = found[0]
        if "title" not in fields:
            raise ParseError("the article node has no headline (nor name)", format=FORMAT)
        return Article(fields.pop("title"), **fields)
    except ValidationError as exc:
        raise ParseError(f"not a usable article: {exc}", format=FORMAT) from None
    except RecursionError:
        raise ParseError("JSON-LD is nested too deeply to read", format=FORMAT) from None


def sniff(head: str) -> float:
    """Confidence that ``head`` starts a schema.org JSON-LD document."""
    stripped = head.lstrip("\ufeff \t\r\n")
    if not stripped.startswith(("{", "[")) or "@context" not in head:
        return 0.0
    if "schema.org" not in head:
        return 0.3
    if re.search(r'"(?:[A-Za-z]*Article|BlogPosting|Report|[A-Za-z]*Posting)"', head):
        return 0.95
    return 0.6
