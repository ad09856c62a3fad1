"""Names shared by the feed reader and writer: namespaces, extras keys, conventions."""

from __future__ import annotations

__all__ = [
    "ATOM",
    "ATOM03",
    "CONTENT",
    "DC",
    "DCTERMS",
    "MEDIA",
    "PLACEHOLDER",
    "RDF",
    "RSS090",
    "RSS1",
    "SECTION",
]

ATOM = "http://www.w3.org/2005/Atom"
ATOM03 = "http://purl.org/atom/ns#"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
MEDIA = "http://search.yahoo.com/mrss/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RSS1 = "http://purl.org/rss/1.0/"
RSS090 = "http://my.netscape.com/rdf/simple/0.9/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

SECTION = "section"
"""The RSS ``category@domain`` and Atom ``category@scheme`` that carry ``Article.section``."""
PLACEHOLDER = "urn:newsparse:"
"""Prefix of the Atom ``id`` written for an Article without a URL (read back as no URL)."""
EPOCH = "1970-01-01T00:00:00Z"
"""The Atom ``updated`` written when an Article has no date at all (read back as none)."""
