"""Writing outputs safely: through a temporary file, and never over an input.

Every file a batch writes (the ``-o`` document, each file of an output folder, the errors
report) is written to a temporary file in its own folder, flushed to disk and moved over
its final name (``os.replace``) only when complete, so a reader never sees half a file
and a failed or interrupted run leaves the earlier file as it was. The temporary file is
created with the permissions of any new file (``0o666`` less the umask), not the
``0o600`` of :func:`tempfile.mkstemp`; a file that is replaced keeps its permissions.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO

__all__ = ["AtomicFile", "check_targets", "sync_folder"]

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
    given = [Path(os.path.realpath(p)) for p in inputs if os.fspath(p) != "-"]
    read = {Path(os.path.realpath(p)) for p in files if os.fspath(p) != "-"}
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
