"""Dask integration: a crawl as a ``dask.bag`` of Articles, on one machine or a cluster.

Needs the ``dask`` extra (``pip install 'newsparse[dask]'``), and for inputs or outputs
named by URL the extra of their protocol (``remote`` for ``https://``, ``s3``, ``gcs``).
Each input file is one partition, and a WARC archive larger than ``partition_size``
bytes is several: each a byte range that a worker reads itself, with ranged reads of its
own part of the archive (never the whole file), starting at the first record that begins
in its range and ending with the last one that does, by the rules the local batch runner
splits archives with. No record is read twice or lost, and the records come out numbered
and in order as :func:`newsparse.batch.iter_articles` gives them.

>>> import newsparse.dask as nd                                     # doctest: +SKIP
>>> bag = nd.articles(["s3://bucket/crawl/"], storage_options={"anon": True})  # doctest: +SKIP
>>> nd.write(bag, "s3://bucket/out/part-*.jsonl")                   # doctest: +SKIP

On a cluster, create a ``distributed.Client`` for the scheduler first (for example
``Client("tcp://scheduler:8786")``); the bag then runs there. The workers need newsparse
(with the formats and the protocol packages the inputs use) installed; local paths must
be readable from the workers (a shared file system), URLs are read by each worker itself.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from . import _api
from ._errors import WriteError
from ._model import Article
from .batch import Result, _inputs, _output
from .batch._types import Item

__all__ = ["PARTITION_SIZE", "articles", "results", "to_text", "write"]

Paths = Iterable[str | os.PathLike[str]] | str | os.PathLike[str]

PARTITION_SIZE = 64 << 20
"""The default partition size of a WARC archive, in bytes (64 MiB).

A Common Crawl archive (about 1 GB) becomes 16 partitions: enough to spread one archive
over 16 workers, each partition a few seconds of work whose Articles fit in a worker's
memory many times over (docs/crawl.md gives the figures)."""

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?\s*", re.IGNORECASE)


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise ImportError("newsparse.dask needs dask: pip install 'newsparse[dask]'") from None
    return dask.bag


def _bytes(size: int | str | None) -> int | None:
    """A partition size in bytes, from an int or a string such as ``"64MiB"`` or ``"128MB"``."""
    if size is None or isinstance(size, int):
        if isinstance(size, int) and (isinstance(size, bool) or size < 1):
            raise ValueError(f"partition_size must be a positive number of bytes, not {size!r}")
        return size
    m = _SIZE.fullmatch(size)
    if m is None:
        raise ValueError(f"partition_size {size!r} is not a size such as 64MiB or 100MB")
    unit = 1024 if m[3] else 1000
    value = float(m[1]) * unit ** " kmgt".index(m[2].lower() or " ")
    if value < 1:
        raise ValueError(f"partition_size must be at least one byte, not {size!r}")
    return int(value)


def _read_part(item: Item, from_format: str | None, options: dict[str, Any]) -> list[Result]:
    if item.warc_range is not None:
        return _inputs.read(item, options)[0]
    assert item.path is not None
    return _inputs.read_input(item.path, from_format, options, dict(item.storage))


def _numbered(results: list[Result], first: int) -> list[Result]:
    return _inputs.renumber(results, first)[0]


def _next(results: list[Result], first: int) -> int:
    return _inputs.renumber(results, first)[1]


def results(
    inputs: Paths,
    *,
    from_format: str | None = None,
    glob: str = "**/*",
    read_options: dict[str, Any] | None = None,
    storage_options: dict[str, Any] | None = None,
    partition_size: int | str | None = PARTITION_SIZE,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`newsparse.batch.Result` objects, in input order.

    :param inputs: files, folders, globs, URLs (``s3://``, ``gs://``, ``https://`` ...;
        a URL ending in ``/`` is a folder), as :func:`newsparse.batch.iter_articles` takes them;
        :func:`newsparse.batch.read_path_list` reads a list of them.
    :param storage_options: the fsspec options of the URLs, e.g. ``{"anon": True}``.
    :param partition_size: WARC archives larger than this (bytes, or a string such as
        ``"128MiB"``) are read in ranges of this size, each a partition; ``None``: one
        partition per file whatever its size.

    Failures are kept as Results carrying a :class:`newsparse.batch.Failure`, numbered per record
    as the local batch runner numbers them.
    """
    bag = _bag_module()
    from dask.delayed import delayed

    step = _bytes(partition_size)
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    given = list(inputs)
    _inputs.check_urls(given, storage_options)
    entries = [e for e in _inputs.files(given, glob, storage_options) if e != _inputs.STDIN]
    items = _inputs.partitions(entries, from_format, step, storage_options)
    options = dict(read_options or {})
    parts: list[Any] = []
    first: dict[str, Any] = {}  # per archive: the number of its next record, once known
    for item in items:
        raw = delayed(_read_part, pure=True)(item, from_format, options)
        if item.warc_range is None:
            parts.append(raw)
            continue
        before = 0 if item.warc_range.start == 0 else first[item.name]
        parts.append(delayed(_numbered, pure=True)(raw, before))
        first[item.name] = delayed(_next, pure=True)(raw, before)
    if not parts:
        return bag.from_sequence([], npartitions=1)
    return bag.from_delayed(parts)


def articles(
    inputs: Paths,
    *,
    from_format: str | None = None,
    glob: str = "**/*",
    on_error: Literal["raise", "skip"] = "raise",
    read_options: dict[str, Any] | None = None,
    storage_options: dict[str, Any] | None = None,
    partition_size: int | str | None = PARTITION_SIZE,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`newsparse.Article`, in input order.

    ``on_error="raise"`` (the default) fails the computation on the first input that
    cannot be read; ``"skip"`` leaves such inputs out (use :func:`results` to see them).
    The other parameters are those of :func:`results`.
    """

    def keep(result: Result) -> bool:
        if result.failure is not None and on_error == "raise":
            raise result.failure.error_object()
        return result.article is not None

    bag = results(
        inputs,
        from_format=from_format,
        glob=glob,
        read_options=read_options,
        storage_options=storage_options,
        partition_size=partition_size,
    )
    return bag.filter(keep).map(lambda r: r.article)


def to_text(bag: Any, format: str, **options: Any) -> Any:
    """Map a bag of Articles to their text in ``format`` (one string per Article)."""

    def one(article: Article) -> str:
        return _api.write(article, format, **options)

    return bag.map(one)


def _chunks(part: Iterable[Article], format: str, many: bool, options: Any) -> Iterator[str]:
    if many:
        yield from _api.write_many(part, format, **options)
        return
    articles = list(part)
    if len(articles) > 1:
        raise WriteError(
            f"format {format!r} holds one article per document and a partition holds "
            f"{len(articles)}: write a format such as jsonl, or repartition to one per part",
            format=format,
        )
    for article in articles:
        yield _api.write(article, format, **options)


def _write_part(
    part: Iterable[Article],
    name: str,
    format: str,
    many: bool,
    options: dict[str, Any],
    storage: dict[str, Any] | None,
) -> list[str]:
    try:
        target = _output.open_output(name, storage)
    except NotImplementedError:
        raise WriteError(f"{name}: this file system cannot be written to", format=format) from None
    with target:
        for chunk in _chunks(part, format, many, options):
            target.write(chunk)
        target.commit()
    return [name]


def write(
    bag: Any,
    path_pattern: str,
    *,
    format: str = "jsonl",
    storage_options: dict[str, Any] | None = None,
    **options: Any,
) -> list[str]:
    """Write a bag of Articles as text files, one per partition; return their names.

    ``path_pattern`` is a local path or a URL (``"s3://bucket/out/part-*.jsonl"``) with a
    ``*``, replaced by the partition number (zero-padded, so that the names sort in
    order). The format must hold several articles per document (like ``jsonl``) when
    partitions hold several Articles. ``options`` go to the writer; ``storage_options``
    to the file system of a URL.

    Each file is in place only once complete: a local file, or one on a file system that
    renames (memory, SFTP, HDFS ...), is written beside its name and moved over it; on an
    object store (S3, GCS, Azure) the upload is committed once complete and discarded
    otherwise. A failed partition leaves its name as it was.
    """
    from fsspec.utils import build_name_function

    if path_pattern.count("*") != 1:
        raise ValueError(f"path_pattern needs one '*' for the partition number: {path_pattern!r}")
    spec = _api.get_format(format)
    if not spec.can_write:
        raise WriteError(f"format {spec.name!r} cannot write", format=spec.name)
    many = spec.many_writer is not None
    _inputs.check_urls([path_pattern], storage_options)
    number = build_name_function(max(0, bag.npartitions - 1))
    names = [path_pattern.replace("*", number(i)) for i in range(bag.npartitions)]
    name_bag = _bag_module().from_sequence(names, npartitions=bag.npartitions)
    written = bag.map_partitions(
        lambda part, where: _write_part(part, where[0], format, many, options, storage_options),
        name_bag,
    )
    out: list[str] = written.compute()
    return out
