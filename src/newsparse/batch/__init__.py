"""Batch work: many inputs, on every core, in input order, with a progress bar and a report.

The unit of work is an *item*: one file, one standard-input document, or one record of a
WARC archive. :func:`iter_articles` yields a :class:`Result` per article, in input order
whatever the number of worker processes; :func:`convert_many` writes them in another
format and returns a :class:`BatchResult`. Failures never stop a batch unless asked to:
each becomes a :class:`Failure`, counted and written to the errors report.

Inputs are paths or URLs (``s3://``, ``gs://``, ``https://`` ..., with the ``remote``,
``s3`` or ``gcs`` extra); :func:`read_path_list` reads a list of them, such as Common
Crawl's ``warc.paths.gz``.

The top-level names of earlier versions (``newsparse.convert_many``) still work, with a
:class:`DeprecationWarning`.
"""

from __future__ import annotations

from ._inputs import read_path_list
from ._runner import convert_many, iter_articles
from ._types import BatchResult, Failure, Result

__all__ = ["BatchResult", "Failure", "Result", "convert_many", "iter_articles", "read_path_list"]

for _obj in (BatchResult, Failure, Result, convert_many, iter_articles, read_path_list):
    _obj.__module__ = __name__  # reprs and docs show newsparse.batch, as httpx does
del _obj
