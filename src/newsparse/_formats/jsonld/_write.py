"""Write an Article as a schema.org NewsArticle JSON-LD document.

The mapping is :func:`newsparse._schemaorg.write.document`; this module encodes it.
"""

from __future__ import annotations

import msgspec

from ..._errors import WriteError
from ..._json.hooks import thaw as _thaw
from ..._model import Article
from ..._schemaorg.write import document

__all__ = ["write"]

FORMAT = "jsonld"
_ENCODER = msgspec.json.Encoder(enc_hook=_thaw)


def write(article: Article, *, indent: int | None = 2) -> str:
    """Write ``article`` as a NewsArticle JSON-LD document (``indent=None``: one line)."""
    try:
        data = _ENCODER.encode(document(article))
    except Exception as exc:
        raise WriteError(f"cannot write the article as JSON-LD: {exc}", format=FORMAT) from exc
    if indent is not None:
        data = msgspec.json.format(data, indent=indent)
    return data.decode("utf-8") + "\n"
