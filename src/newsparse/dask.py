"""Dask integration: a crawl as a ``dask.bag`` of Articles, on one machine or a cluster.

Needs the ``dask`` extra (``pip install 'newsparse[dask]'``). Each input *file* is one
partition, read on a worker: a folder of pages, JSON Lines dumps and WARC archives all
spread over the cluster without passing through the client.

>>> import newsparse.dask as nd                                     # doctest: +SKIP
>>> bag = nd.articles(["crawl/"], glob="**/*.warc.gz")              # doctest: +SKIP
>>> nd.write(bag, "out/part-*.jsonl")                               # doctest: +SKIP

On a cluster, create a ``distributed.Client`` for the scheduler first (for example
``Client("tcp://scheduler:8786")``); the bag then runs there. The workers need newsparse
(with the formats the inputs use) installed, and the input paths must be readable from
the workers (a shared file system, or copy the files first).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, Literal

from . import _api
from ._errors import WriteError
from ._model import Article
from .batch import Result, _inputs

__all__ = ["articles", "results", "to_text", "write"]

Paths = Iterable[str | os.PathLike[str]] | str | os.PathLike[str]


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise ImportError("newsparse.dask needs dask: pip install 'newsparse[dask]'") from None
    return dask.bag


def results(
    inputs: Paths,
    *,
    from_format: str | None = None,
    glob: str = "**/*",
    read_options: dict[str, Any] | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`newsparse.Result` objects, one partition per file.

    Failures are kept as Results carrying a :class:`newsparse.Failure`, in input order.
    """
    bag = _bag_module()
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    paths = [str(p) for p in _inputs.files(inputs, glob) if p != _inputs.STDIN]
    options = dict(read_options or {})
    return bag.from_sequence(paths, npartitions=max(1, len(paths))).map_partitions(
        lambda part: [r for path in part for r in _inputs.read_input(path, from_format, options)]
    )


def articles(
    inputs: Paths,
    *,
    from_format: str | None = None,
    glob: str = "**/*",
    on_error: Literal["raise", "skip"] = "raise",
    read_options: dict[str, Any] | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`newsparse.Article`, one partition per input file.

    ``on_error="raise"`` (the default) fails the computation on the first input that
    cannot be read; ``"skip"`` leaves such inputs out (use :func:`results` to see them).
    """

    def keep(result: Result) -> bool:
        if result.failure is not None and on_error == "raise":
            raise result.failure.error_object()
        return result.article is not None

    bag = results(inputs, from_format=from_format, glob=glob, read_options=read_options)
    return bag.filter(keep).map(lambda r: r.article)


def to_text(bag: Any, format: str, **options: Any) -> Any:
    """Map a bag of Articles to their text in ``format`` (one string per Article)."""

    def one(article: Article) -> str:
        return _api.write(article, format, **options)

    return bag.map(one)


def write(bag: Any, path_pattern: str, *, format: str = "jsonl", **options: Any) -> list[str]:
    """Write a bag of Articles as text files, one per partition; return their names.

    ``path_pattern`` contains a ``*`` replaced by the partition number, e.g.
    ``"out/part-*.jsonl"``. The format must hold several articles per document (like
    ``jsonl``) when partitions hold several Articles.
    """
    spec = _api.get_format(format)

    def partition(part: list[Article]) -> list[str]:
        if spec.many_writer is not None:
            return ["".join(_api.write_many(part, format, **options))]
        if len(part) > 1:
            raise WriteError(
                f"format {format!r} holds one article per document and a partition holds "
                f"{len(part)}: write a format such as jsonl, or repartition to one per part",
                format=format,
            )
        return [_api.write(article, format, **options) for article in part]

    texts = bag.map_partitions(partition)
    names: list[str] = texts.to_textfiles(path_pattern, last_endline=False)
    return names
