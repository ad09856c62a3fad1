r"""newsparse: turn news articles in any format into one typed Article and back.

>>> import newsparse
>>> article = newsparse.read(" date 2024-03-05 trending:\n\nHarbour reopens\n\n", "wire")
>>> article.title
'Harbour reopens'

The public names are listed in ``__all__``; everything in a ``_private`` module may
change without notice.
"""

from __future__ import annotations

import contextlib
import importlib
from typing import TYPE_CHECKING, Any

from .__about__ import __version__
from ._api import (
    Source,
    detect_format,
    formats,
    from_dict,
    get_format,
    read,
    read_many,
    to_dict,
    write,
    write_many,
)
from ._errors import (
    DecodeError,
    FormatDetectionError,
    NewsparseError,
    OptionError,
    ParseError,
    PluginError,
    ReadError,
    UnknownFormatError,
    ValidationError,
    WriteError,
)
from ._model import (
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
from ._plugins import (
    PluginInfo,
    PluginWarning,
    plugin_failures,
    plugins,
    register_plugin,
    unregister_plugin,
)
from ._registry import FormatSpec
from .hookspecs import hookimpl

__all__ = [
    "Article",
    "Author",
    "BatchResult",
    "Block",
    "DecodeError",
    "Failure",
    "FormatDetectionError",
    "FormatSpec",
    "Heading",
    "ListBlock",
    "Media",
    "MediaBlock",
    "NewsparseError",
    "OptionError",
    "Paragraph",
    "ParseError",
    "PluginError",
    "PluginInfo",
    "PluginWarning",
    "Preformatted",
    "Quote",
    "ReadError",
    "Result",
    "Source",
    "UnknownFormatError",
    "ValidationError",
    "WriteError",
    "__version__",
    "convert_many",
    "detect_format",
    "formats",
    "from_dict",
    "get_format",
    "hookimpl",
    "iter_articles",
    "plugin_failures",
    "plugins",
    "read",
    "read_many",
    "register_plugin",
    "to_dict",
    "unregister_plugin",
    "write",
    "write_many",
]

_LAZY = {
    # batch work pulls in multiprocessing: imported on first use, not with newsparse
    "BatchResult": "newsparse.batch",
    "Failure": "newsparse.batch",
    "Result": "newsparse.batch",
    "convert_many": "newsparse.batch",
    "iter_articles": "newsparse.batch",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsparse' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    with contextlib.suppress(AttributeError, TypeError):
        value.__module__ = "newsparse"
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .batch import BatchResult, Failure, Result, convert_many, iter_articles

for _name in __all__:  # show the public path in reprs and docs, as httpx does
    if _name in _LAZY:
        continue
    _obj = globals()[_name]
    if getattr(_obj, "__module__", "").startswith("newsparse._"):
        with contextlib.suppress(AttributeError, TypeError):  # aliases such as Block
            _obj.__module__ = "newsparse"
del _name, _obj
