"""newsparse-applenews: an ``applenews`` format for newsparse (Apple News Format).

Apple News Format (ANF) is the JSON document (``article.json``) that publishers send to
Apple News: an ``ArticleDocument`` with a ``metadata`` object and a flat list of
``components`` (``title``, ``intro``, ``byline``, ``body``, ``heading1``-``heading6``,
``quote``, ``photo``, ``caption``, ``photographer`` ...).

This module is the plugin. It only registers the format; the reader and writer are
named as ``"module:function"`` strings, which newsparse imports the first time they are
used, so installing the plugin costs nothing when newsparse starts.

>>> import newsparse
>>> article = newsparse.Article("Harbour reopens", body=[newsparse.Paragraph("Boats are out.")])
>>> document = newsparse.write(article, "applenews")
>>> newsparse.read(document, "applenews") == article
True
"""

from __future__ import annotations

import newsparse

__all__ = ["register_formats"]


@newsparse.hookimpl
def register_formats(register: newsparse.hookspecs.Register) -> None:
    """Register the ``applenews`` format."""
    register(
        newsparse.FormatSpec(
            name="applenews",
            aliases=["anf", "apple-news"],
            reader="newsparse_applenews._read:read",
            writer="newsparse_applenews._write:write",
            sniffer="newsparse_applenews._read:sniff",
            description="Apple News Format: the article.json document publishers send to "
            "Apple News.",
        )
    )
