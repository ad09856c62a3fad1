r"""newsparse: turn news articles in any format into one typed Article and back.

>>> import newsparse
>>> article = newsparse.read(" date 2024-03-05 trending:\n\nHarbour reopens\n\n", "wire")
>>> article.title
'Harbour reopens'

The public names are listed in ``__all__``, with two public submodules:
:mod:`newsparse.batch` (many inputs on every core) and :mod:`newsparse.dask` (a crawl on
a cluster; the ``dask`` extra). Plugin authors also use :mod:`newsparse.hookspecs`,
:mod:`newsparse.testing.conformance`, :mod:`newsparse.testing.strategies` and the pytest
fixtures of :mod:`newsparse.testing.pytest_plugin`. Everything in a module whose name
starts with an underscore may change without notice.
"""

from __future__ import annotations

import contextlib
import importlib
import warnings
from typing import Any

from .__about__ import __version__
from ._api import (
    Source,
    detect_format,
    formats,
    from_dict,
    get_format,
    read,
    read_many,
    schema_path,
    to_dict,
    write,
    write_many,
)
from ._errors import (
    BadItemWarning,
    BadLineWarning,
    DecodeError,
    FormatDetectionError,
    NewsparseError,
    OptionError,
    ParseError,
    PluginError,
    PluginWarning,
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
    "BadItemWarning",
    "BadLineWarning",
    "Block",
    "DecodeError",
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
    "Source",
    "UnknownFormatError",
    "ValidationError",
    "WriteError",
    "__version__",
    "detect_format",
    "formats",
    "from_dict",
    "get_format",
    "hookimpl",
    "plugin_failures",
    "plugins",
    "read",
    "read_many",
    "register_plugin",
    "schema_path",
    "to_dict",
    "unregister_plugin",
    "write",
    "write_many",
]

_SUBMODULES = ("batch", "testing")  # light, so `newsparse.batch.X` works after `import newsparse`
_MOVED = {
    # the batch API lives in newsparse.batch (imported on first use: it pulls in
    # multiprocessing); these top-level names keep working, with a DeprecationWarning
    "BatchResult": "newsparse.batch",
    "Failure": "newsparse.batch",
    "Result": "newsparse.batch",
    "convert_many": "newsparse.batch",
    "iter_articles": "newsparse.batch",
}


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"newsparse.{name}")
    module = _MOVED.get(name)
    if module is None:
        raise AttributeError(f"module 'newsparse' has no attribute {name!r}")
    warnings.warn(
        f"newsparse.{name} is deprecated: use {module}.{name} (the top-level name will be "
        "removed in newsparse 1.0)",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(importlib.import_module(module), name)


for _name in __all__:  # show the public path in reprs and docs, as httpx does
    _obj = globals()[_name]
    if getattr(_obj, "__module__", "").startswith("newsparse._"):
        with contextlib.suppress(AttributeError, TypeError):  # aliases such as Block
            _obj.__module__ = "newsparse"
del _name, _obj
