"""Writing outputs safely: through a temporary file, and never over an input.

Every file a batch writes (the ``-o`` document, each file of an output folder, the errors
report) is written to a temporary file in its own folder, flushed to disk and moved over
its final name (``os.replace``) only when complete, so a reader never sees half a file
and a failed or interrupted run leaves the earlier file as it was. The temporary file is
created with the permissions of any new file (``0o666`` less the umask), not the
``0o600`` of :func:`tempfile.mkstemp`; a file that is replaced keeps its permissions.

Outputs named by URL (:func:`open_output`) keep the same promise, the final name never
holding half a file, the way each file system can: on object stores (S3, GCS, Azure) the
upload is committed when complete and discarded otherwise, since an object is visible
only once committed and a rename would copy it; on other file systems (memory, SFTP,
HDFS ...) the file is written under a hidden temporary name beside the final one and
moved over it. ``file://`` URLs are local files.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import secrets
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from . import _remote

__all__ = ["AtomicFile", "RemoteFile", "check_targets", "open_output", "sync_folder"]

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


class AtomicFile:
    """A text file written beside ``path`` and moved over it by :meth:`commit`.

    Used as a context manager: leaving the block without :meth:`commit` (an error, an
    interrupt) removes the temporary file and leaves ``path`` untouched.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        folder, name = os.path.split(os.path.abspath(self.path))
        for _ in range(100):
            temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.part")
            try:
                fd = os.open(temporary, _FLAGS, 0o666)
            except FileExistsError:
                continue
            except OSError as exc:  # name the file asked for, not the temporary one
                raise OSError(exc.errno, exc.strerror, self.path) from None
            break
        else:  # pragma: no cover - a hundred collisions of 32 random bits
            raise FileExistsError(f"{self.path}: cannot create a temporary file beside it")
        self.temporary = temporary
        self.stream: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="")
        self.done = False

    def write(self, text: str) -> int:
        """Write ``text`` to the temporary file."""
        return self.stream.write(text)

    def flush(self) -> None:
        """Flush the temporary file's buffer."""
        self.stream.flush()

    def commit(self) -> None:
        """Flush to disk and move the temporary file over the final name."""
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        with contextlib.suppress(OSError):  # keep the mode of the file replaced
            os.chmod(self.temporary, stat.S_IMODE(os.stat(self.path).st_mode))
        os.replace(self.temporary, self.path)
        self.done = True

    def discard(self) -> None:
        """Remove the temporary file; the final name keeps what it held."""
        if self.done:
            return
        self.done = True
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.temporary)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.discard()


class RemoteFile:
    """A text file written to a URL, in place only once :meth:`commit` is called.

    Used as :class:`AtomicFile` is; the text is written as UTF-8.
    """

    def __init__(self, url: str, storage: Mapping[str, Any] | None = None) -> None:
        self.path = url
        self._fs, self._final = _remote.filesystem(url, storage)
        self._store = bool(set(_protocols(self._fs)) & _remote.OBJECT_STORES)
        if self._store:  # the upload completes on commit() only
            self._target = self._final
            handle = self._fs.open(self._final, "wb", autocommit=False)
        else:
            folder, name = posixpath.split(self._final)
            self._target = posixpath.join(folder, f".{name}.{secrets.token_hex(4)}.part")
            if folder:
                with contextlib.suppress(Exception):  # object stores have no folders
                    self._fs.makedirs(folder, exist_ok=True)
            handle = self._fs.open(self._target, "wb")
        self._handle: Any = handle
        self.done = False

    def write(self, text: str) -> int:
        """Write ``text`` (as UTF-8)."""
        self._handle.write(text.encode("utf-8"))
        return len(text)

    def flush(self) -> None:
        """Nothing to do: a remote file is sent in blocks as it grows."""

    def commit(self) -> None:
        """Put the file in place: complete the upload, or move the temporary file over it."""
        self._handle.close()
        if self._store:
            self._handle.commit()
        else:
            self._fs.mv(self._target, self._final)
        self.done = True

    def discard(self) -> None:
        """Drop what was written; the final name keeps what it held."""
        if self.done:
            return
        self.done = True
        if self._store:
            with contextlib.suppress(Exception):
                self._handle.discard()
            return
        with contextlib.suppress(Exception):
            self._handle.close()
        with contextlib.suppress(Exception):
            self._fs.rm(self._target)

    def __enter__(self) -> RemoteFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.discard()


def _protocols(fs: Any) -> tuple[str, ...]:
    protocol = getattr(fs, "protocol", ())
    return (protocol,) if isinstance(protocol, str) else tuple(protocol)


def open_output(
    path: str | os.PathLike[str], storage: Mapping[str, Any] | None = None
) -> AtomicFile | RemoteFile:
    """A file to write at ``path`` (local, or a URL) that is in place only once committed."""
    text = os.fspath(path)
    if _remote.is_url(text):
        local = _remote.local_path(text)
        if local is None:
            return RemoteFile(text, storage)
        text = local
    folder = os.path.dirname(os.path.abspath(text))
    os.makedirs(folder, exist_ok=True)
    return AtomicFile(text)


def sync_folder(folder: str | os.PathLike[str]) -> None:
    """Flush a folder's entries (new and renamed files) to disk, where the system can."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # e.g. Windows, which cannot open a folder
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _local(entry: str | os.PathLike[str]) -> bool:
    """Whether an input is a local file (not standard input, not a URL)."""
    text = os.fspath(entry)
    return text != "-" and not _remote.is_url(text)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_targets(
    inputs: Iterable[str | os.PathLike[str]],
    files: Iterable[str | os.PathLike[str]],
    *,
    output: str | os.PathLike[str] | None,
    folder: bool,
    errors: str | os.PathLike[str] | None,
    overwrite: bool,
) -> None:
    """Refuse outputs that would replace, or land among, the inputs.

    ``inputs`` are the inputs as given (files and folders), ``files`` the files they
    expand to. ``output`` is a file, or a folder when ``folder`` is true. Raises
    :class:`ValueError` when ``output`` or ``errors`` is an input, is inside an input
    folder, or (a folder) holds an input, or when both name the same file; raises
    :class:`FileExistsError` when an output folder already holds files and ``overwrite``
    is false.
    """
    given = [Path(os.path.realpath(p)) for p in inputs if _local(p)]
    read = {Path(os.path.realpath(p)) for p in files if _local(p)}
    targets = [
        (what, os.fspath(path))
        for what, path in (("output", output), ("errors", errors))
        if path is not None
    ]
    real: dict[str, Path] = {}
    for what, target in targets:
        where = real[what] = Path(os.path.realpath(target))
        if where in read:
            raise ValueError(f"the {what} path {target} is one of the inputs")
        for source in given:
            if where == source:
                raise ValueError(f"the {what} path {target} is the input {source}")
            if _inside(where, source):
                raise ValueError(f"the {what} path {target} is inside the input {source}")
            if (what == "output" and folder) and _inside(source, where):
                raise ValueError(f"the output folder {target} holds the input {source}")
        if what == "output" and folder:
            for path in read:
                if _inside(path, where):
                    raise ValueError(f"the output folder {target} holds the input {path}")
    if "errors" in real and real["errors"] == real.get("output"):
        raise ValueError(f"the errors report and the output are the same file, {errors}")
    if "errors" in real and folder and "output" in real and _inside(real["errors"], real["output"]):
        raise ValueError(f"the errors report {errors} is inside the output folder {output}")
    if folder and output is not None and not overwrite and os.path.isdir(output):
        held = sorted(e.name for e in os.scandir(output) if not e.name.startswith("."))
        if held:
            shown = ", ".join(held[:3]) + (f" and {len(held) - 3} more" if len(held) > 3 else "")
            raise FileExistsError(
                f"the output folder {os.fspath(output)} already holds files ({shown}); "
                "choose an empty folder, or pass overwrite=True (--overwrite) to replace "
                "files of the same names"
            )
