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

from .__about__ import __version__
from ._api import (
    Source,
    detect_format,
    formats,
    get_format,
    read,
    read_many,
    write,
    write_many,
)
from ._errors import (
    DecodeError,
    FormatDetectionError,
    NewsparseError,
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
from ._plugins import PluginWarning, plugin_failures, register_plugin, unregister_plugin
from ._registry import FormatSpec
from .hookspecs import hookimpl

__all__ = [
    "Article",
    "Author",
    "Block",
    "DecodeError",
    "FormatDetectionError",
    "FormatSpec",
    "Heading",
    "ListBlock",
    "Media",
    "MediaBlock",
    "NewsparseError",
    "Paragraph",
    "ParseError",
    "PluginError",
    "PluginWarning",
    "Preformatted",
    "Quote",
    "ReadError",
    "Source",
    "UnknownFormatError",
    "ValidationError",
    "WriteError",
    "__version__",
    "detect_format",
    "formats",
    "get_format",
    "hookimpl",
    "plugin_failures",
    "read",
    "read_many",
    "register_plugin",
    "unregister_plugin",
    "write",
    "write_many",
]

for _name in __all__:  # show the public path in reprs and docs, as httpx does
    _obj = globals()[_name]
    if getattr(_obj, "__module__", "").startswith("newsparse._"):
        with contextlib.suppress(AttributeError, TypeError):  # aliases such as Block
            _obj.__module__ = "newsparse"
del _name, _obj
