"""schema.org articles, shared by the jsonld format and the html reader and writer.

- :mod:`.read`: decoded JSON-LD -> the Article's fields (graph walking, ``@id``
  references, article types, authors, media, dates, language);
- :mod:`.write`: an Article -> a NewsArticle node.
"""
