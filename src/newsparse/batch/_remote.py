"""Inputs and outputs named by URL (``s3://``, ``gs://``, ``https://``, ``memory://`` ...).

Everything goes through fsspec, the file-system layer Dask itself uses: one interface over
object stores, web servers and local files, each protocol in its own package (s3fs, gcsfs,
aiohttp for ``http(s)://``). They are optional: a URL whose package is missing is a
:class:`~newsparse.ReadError` naming the newsparse extra that installs it, raised before
anything is read.

Only what a user names is opened: an input URL, a path list, an output. Nothing here is
called while a document is read, so a URL inside a page (a link, an image, a schema) is
never fetched.

Naming rules, chosen so that naming inputs costs no request: a URL ending in ``/`` is a
folder (listed recursively), a URL with a ``*`` (or ``?`` and ``[`` outside ``http(s)``,
where ``?`` starts the query) is a glob, listed by its file system; any other URL names one
file. ``file://`` URLs are local paths.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any
from urllib.parse import unquote, urlsplit

from .._errors import ReadError

__all__ = [
    "BLOCK",
    "OBJECT_STORES",
    "anonymous",
    "expand",
    "filesystem",
    "heads_and_sizes",
    "is_url",
    "local_path",
    "name",
    "open_input",
    "size_of",
]

BLOCK = 4 << 20
"""Bytes fetched per ranged read when a whole file is read in order.

Large enough that a request's latency (tens of ms on an object store) is a few percent
of the time a worker spends converting what it brings, small enough to bound what a
reader fetches past what it needs."""

OBJECT_STORES = frozenset({"s3", "s3a", "gs", "gcs", "abfs", "abfss", "az", "adl", "oss"})
"""Protocols whose files are objects: uploaded whole and committed, never renamed cheaply."""

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+(?:://|::)")  # two letters at least: C:/ is a drive
_EXTRAS = {
    "http": ("aiohttp", "remote"),
    "https": ("aiohttp", "remote"),
    "s3": ("s3fs", "s3"),
    "s3a": ("s3fs", "s3"),
    "gs": ("gcsfs", "gcs"),
    "gcs": ("gcsfs", "gcs"),
}
_LOCAL = ("file", "local")


def is_url(entry: object) -> bool:
    """Whether ``entry`` is a URL string (``scheme://`` or an fsspec chain ``a::b://``)."""
    return isinstance(entry, str) and _URL.match(entry) is not None


def _protocols(url: str) -> list[str]:
    """The protocols of a URL, outermost first (``simplecache::s3://b/k``: both)."""
    found = []
    for part in url.split("::"):
        head, sep, _ = part.partition("://")
        found.append((head if sep else part).lower())
    return found


def local_path(url: str) -> str | None:
    """The local path a ``file://`` (or ``local://``) URL names, else None."""
    protocols = _protocols(url)
    if len(protocols) != 1 or protocols[0] not in _LOCAL:
        return None
    path = url.split("://", 1)[1] if "://" in url else url
    if path.startswith("localhost/"):
        path = path[len("localhost") :]
    return unquote(path)


def name(url: str) -> str:
    """The file name a URL ends with (no query), for detecting its format by extension."""
    last = url.rsplit("::", 1)[-1]
    path = urlsplit(last).path if "://" in last else last
    return posixpath.basename(unquote(path).rstrip("/"))


def _missing(url: str, exc: ImportError) -> ReadError:
    for protocol in _protocols(url):
        if protocol in _EXTRAS:
            package, extra = _EXTRAS[protocol]
            return ReadError(
                f"{protocol}:// URLs need {package}: pip install 'newsparse[{extra}]'", source=url
            )
    return ReadError(
        f"this URL needs a package that is not installed ({exc}); newsparse reads URLs "
        "through fsspec and the package of each protocol",
        source=url,
    )


def filesystem(url: str, storage_options: Mapping[str, Any] | None) -> tuple[Any, str]:
    """The fsspec file system of ``url`` and the path inside it (no request is made).

    Raises :class:`ReadError` naming the extra to install when fsspec or the protocol's
    package is missing, and for a protocol fsspec does not know.
    """
    try:
        import fsspec.core
    except ImportError:
        protocol = _protocols(url)[-1]
        extra = _EXTRAS.get(protocol, ("", "remote"))[1]
        raise ReadError(
            f"reading URLs needs fsspec: pip install 'newsparse[{extra}]'", source=url
        ) from None
    try:
        fs, path = fsspec.core.url_to_fs(url, **dict(storage_options or {}))
    except ImportError as exc:
        raise _missing(url, exc) from None
    except ValueError as exc:
        if "not known" in str(exc).lower():
            raise ReadError(
                f"unknown URL protocol {_protocols(url)[0]!r} ({exc})", source=url
            ) from None
        raise ReadError(f"cannot open this URL: {exc}", source=url) from None
    except TypeError as exc:  # a storage option the file system does not take
        raise ReadError(f"a storage option does not fit this URL: {exc}", source=url) from None
    return fs, path


def anonymous(url: str) -> dict[str, Any]:
    """The storage options that read ``url`` without credentials (``--anon``)."""
    protocols = _protocols(url)
    if any(p in ("gs", "gcs") for p in protocols):
        return {"token": "anon"}
    if any(p in ("http", "https", "memory", *_LOCAL) for p in protocols):
        return {}
    return {"anon": True}


def _globbing(url: str) -> bool:
    magic = "*" if _protocols(url)[-1] in ("http", "https") else "*?["
    return any(c in url.rsplit("::", 1)[-1] for c in magic)


def _hidden(path: str, root: str) -> bool:
    rest = path[len(root) :] if path.startswith(root) else posixpath.basename(path)
    return any(part.startswith(".") for part in rest.split("/") if part)


def expand(url: str, glob: str, storage_options: Mapping[str, Any] | None) -> list[str]:
    """The files a URL names: itself, or those a folder (``.../``) or a glob lists.

    A folder is searched with ``glob`` (recursively for ``**``), hidden files left out, as
    for local folders. A listing that finds nothing gives the URL itself, whose reading
    then fails with "no such file".
    """
    fs, path = filesystem(url, storage_options)
    folder = url.endswith("/")
    if not folder and not _globbing(url):
        return [url]
    pattern = path.rstrip("/") + "/" + glob if folder else path
    try:
        found = fs.glob(pattern, detail=True)
    except (FileNotFoundError, NotImplementedError):
        found = {}
    except ImportError as exc:
        raise _missing(url, exc) from None
    except OSError as exc:
        raise ReadError(f"cannot list this URL: {exc}", source=url) from None
    root = path.rstrip("/") + "/" if folder else ""
    files = sorted(
        p
        for p, info in found.items()
        if info.get("type", "file") == "file" and not (folder and _hidden(p, root))
    )
    if not files:
        return [url]
    return [fs.unstrip_protocol(p) for p in files]


def open_input(
    url: str,
    storage_options: Mapping[str, Any] | None,
    *,
    block_size: int = BLOCK,
    size: int | None = None,
) -> IO[bytes]:
    """Open ``url`` for reading in ranged reads of ``block_size`` bytes, read ahead.

    ``size``, when known, spares the request that would ask for it. A URL that names no
    file is a :class:`ReadError` ("no such file").
    """
    fs, path = filesystem(url, storage_options)
    options: dict[str, Any] = {"block_size": block_size, "cache_type": "readahead"}
    if size is not None and _takes_size(fs):
        options["size"] = size
    try:
        handle: IO[bytes] = fs.open(path, "rb", **options)
    except FileNotFoundError:
        raise _not_found(url) from None
    except IsADirectoryError:
        raise ReadError("is a folder: end the URL with / to read its files", source=url) from None
    except ImportError as exc:
        raise _missing(url, exc) from None
    return handle


def _takes_size(fs: Any) -> bool:
    try:
        return "size" in inspect.signature(fs._open).parameters
    except (TypeError, ValueError, AttributeError):  # pragma: no cover - exotic file systems
        return False


def size_of(handle: IO[bytes]) -> int:
    """The size of an open file, without moving its position."""
    size = getattr(handle, "size", None)
    if isinstance(size, int):
        return size
    here = handle.tell()
    end = handle.seek(0, os.SEEK_END)
    handle.seek(here)
    return end


def heads_and_sizes(
    urls: Sequence[str], storage_options: Mapping[str, Any] | None, head: int
) -> list[tuple[bytes, int] | ReadError]:
    """The first ``head`` bytes and the size of each URL, or the error reading it gave.

    They are asked concurrently where the file system is asynchronous (http, s3, gcs).
    """
    out: list[tuple[bytes, int] | ReadError] = []
    groups: dict[int, tuple[Any, list[int], list[str]]] = {}
    for index, url in enumerate(urls):
        fs, path = filesystem(url, storage_options)
        groups.setdefault(id(fs), (fs, [], []))
        groups[id(fs)][1].append(index)
        groups[id(fs)][2].append(path)
        out.append(ReadError("not read", source=url))
    for fs, indexes, paths in groups.values():
        sizes = _each(fs.sizes, fs.size, paths)
        heads = _each(
            lambda paths, fs=fs: fs.cat_ranges(
                paths, [0] * len(paths), [head] * len(paths), on_error="return"
            ),
            lambda path, fs=fs: fs.cat_file(path, 0, head),
            paths,
        )
        for index, size, first in zip(indexes, sizes, heads, strict=True):
            url = urls[index]
            if isinstance(size, BaseException) or isinstance(first, BaseException):
                exc = size if isinstance(size, BaseException) else first
                out[index] = _read_error(url, exc)
            elif size is None:
                out[index] = ReadError("the file system does not tell its size", source=url)
            else:
                out[index] = (bytes(first), int(size))
    return out


def _each(together: Any, alone: Any, paths: list[str]) -> list[Any]:
    """``together(paths)`` at once; one by one, each error kept, if that fails."""
    with contextlib.suppress(Exception):
        found = together(paths)
        if isinstance(found, list) and len(found) == len(paths):
            return found
    results: list[Any] = []
    for path in paths:
        try:
            results.append(alone(path))
        except Exception as exc:
            results.append(exc)
    return results


def _not_found(url: str) -> ReadError:
    if _protocols(url)[-1] in ("http", "https"):  # fsspec tells no 404 from 403 there
        return ReadError(
            "no such file (or the server refused it: check the URL and the storage options)",
            source=url,
        )
    return ReadError("no such file", source=url)


def _read_error(url: str, exc: BaseException) -> ReadError:
    if isinstance(exc, ReadError):
        return exc
    if isinstance(exc, FileNotFoundError):
        return _not_found(url)
    return ReadError(f"cannot read this URL: {type(exc).__name__}: {exc}", source=url)


def iter_lines(url: str, storage_options: Mapping[str, Any] | None) -> Iterator[str]:
    """The lines of a text file at ``url`` (decompressed by its extension, e.g. ``.gz``)."""
    fs, path = filesystem(url, storage_options)
    import fsspec.utils

    compression = fsspec.utils.infer_compression(path)
    try:
        with fs.open(path, "rb", compression=compression) as raw:
            import io

            with io.TextIOWrapper(raw, encoding="utf-8") as text:
                yield from text
    except FileNotFoundError:
        raise _not_found(url) from None
