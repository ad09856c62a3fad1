"""newsparse-markdown: a ``markdown`` format for newsparse.

This module is the plugin. It only registers the format; the reader and writer are
named as ``"module:function"`` strings, which newsparse imports the first time they are
used, so installing the plugin costs nothing when newsparse starts.

>>> import newsparse
>>> article = newsparse.Article("Harbour reopens", body=[newsparse.Paragraph("Boats are out.")])
>>> print(newsparse.write(article, "markdown"), end="")
---
title: "Harbour reopens"
---
<BLANKLINE>
Boats are out.
"""

from __future__ import annotations

import newsparse

__all__ = ["register_formats"]


@newsparse.hookimpl
def register_formats(register: newsparse.hookspecs.Register) -> None:
    """Register the ``markdown`` format."""
    register(
        newsparse.FormatSpec(
            name="markdown",
            aliases=["md"],
            extensions=[".md", ".markdown"],
            media_types=["text/markdown"],
            reader="newsparse_markdown._reader:read",
            writer="newsparse_markdown._writer:write",
            sniffer="newsparse_markdown._reader:sniff",
            description="Markdown with front matter: metadata up top, the body as Markdown.",
        )
    )
