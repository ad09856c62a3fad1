"""Read and write the native JSON document with msgspec.

Reading decodes the text straight into the Structs of ``newsparse._json.schema`` (full
type validation, errors carry the JSON path such as ``$.authors[1].name``) and then
builds the attrs Article through the shared ``newsparse._json.document``; writing goes
the other way.
"""

from __future__ import annotations

from typing import Any

import msgspec

from ..._errors import ParseError
from ..._json.document import (
    EXTRA_PREFIX,
    article_from_doc,
    doc_from_article,
    encode,
    shape_error,
)
from ..._json.head import scan
from ..._json.schema import FIELDS, ArticleDoc, LaxArticleDoc
from ..._json.strict import loads, syntax_error
from ..._model import Article

__all__ = [
    "EXTRA_PREFIX",
    "article_from_doc",
    "decode",
    "doc_from_article",
    "encode",
    "read",
    "sniff",
    "write",
]

FORMAT = "json"

_DECODER = msgspec.json.Decoder(ArticleDoc)


# ---------------------------------------------------------------------------
# reading


def decode(text: str, *, format: str = FORMAT) -> tuple[ArticleDoc, dict[str, Any]]:
    """Decode and validate ``text``; return the document and its unknown top-level keys.

    The fast path decodes straight into :class:`ArticleDoc`. Anything it refuses takes
    the slow path, which keeps unknown top-level keys, reads offsets with seconds and
    words the errors. Raises ParseError only.
    """
    try:
        try:
            return _DECODER.decode(text), {}
        except msgspec.ValidationError:
            pass
        data = loads(text, format=format)
        unknown: dict[str, Any] = {}
        if isinstance(data, dict):
            unknown = {key: data.pop(key) for key in list(data) if key not in FIELDS}
        try:
            doc = msgspec.convert(data, LaxArticleDoc)
        except msgspec.ValidationError as exc:
            raise shape_error(str(exc), format=format) from None
        return doc, unknown
    except msgspec.DecodeError as exc:
        raise syntax_error(exc, text, format=format) from None
    except RecursionError:
        raise ParseError("JSON is nested too deeply to read", format=format) from None
    except UnicodeError as exc:
        raise ParseError(f"text cannot be read as JSON: {exc}", format=format) from None


def read(text: str) -> Article:
    """Read one native JSON document.

    ``null`` and missing optional keys are accepted; unknown top-level keys are kept in
    ``extras`` under ``"json.<key>"``. Raises :class:`~newsparse.ParseError` (with line
    and column for malformed JSON, with the JSON path for a wrong shape).
    """
    if not isinstance(text, str):
        raise ParseError(f"expected text (str), got {type(text).__name__}", format=FORMAT)
    doc, unknown = decode(text)
    return article_from_doc(doc, unknown)


# ---------------------------------------------------------------------------
# writing


def write(article: Article, *, indent: int | None = None) -> str:
    """Write ``article`` as a native JSON document ending in a newline.

    Null and empty fields are omitted (as is ``kind`` when it is ``"image"`` and a
    heading ``level`` of 2). ``indent=N`` pretty-prints with N spaces.
    """
    data = encode(article)
    if indent is not None:
        data = msgspec.json.format(data, indent=indent)
    return data.decode("utf-8") + "\n"


# ---------------------------------------------------------------------------
# detection


def sniff(head: str) -> float:
    """Confidence that ``head`` starts a native newsparse JSON document.

    Structural: the top-level object's first key is ``"newsparse"`` (as the writer puts
    it), or it has both ``newsparse`` and ``title`` keys; a second document after the
    first is JSON Lines. Strings inside values never count.
    """
    found = scan(head)
    if found is None or found.kind != "object":
        return 0.0
    members = found.members
    if next(iter(members), None) == "newsparse":
        if found.complete and found.rest.startswith("{"):
            return 0.4  # one document per line: JSON Lines
        return 0.95
    if "newsparse" in members and "title" in members:
        return 0.7
    return 0.1
