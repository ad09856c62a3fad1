"""The errors newsparse raises.

Every error newsparse raises on purpose derives from :class:`NewsparseError`, so one
``except newsparse.NewsparseError`` catches them all::

    NewsparseError
    ├── ValidationError        an Article (or part) broke an invariant; also a ValueError
    ├── UnknownFormatError     no format by that name, alias, extension or media type;
    │                          also a LookupError
    ├── FormatDetectionError   the format of a source could not be told; pass format=...
    ├── ReadError              a source could not be read into an Article
    │   ├── DecodeError        bytes that are not valid in their encoding
    │   └── ParseError         text that breaks the format (line, column, excerpt)
    ├── WriteError             an Article could not be written in a format
    ├── OptionError            a reader or writer option it does not take, or of the
    │                          wrong type; also a TypeError
    └── PluginError            a plugin failed to load or registered a bad format

The warnings newsparse issues are :class:`UserWarning` subclasses::

    PluginWarning              a plugin failed or displaced another plugin's format
    BadLineWarning             a JSON Lines line skipped by read_many(errors="warn")
    BadItemWarning             a feed item skipped by read_many(errors="warn")

The library never calls ``sys.exit``; only the command line maps errors to exit codes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

__all__ = [
    "BadItemWarning",
    "BadLineWarning",
    "DecodeError",
    "FormatDetectionError",
    "NewsparseError",
    "OptionError",
    "ParseError",
    "PluginError",
    "PluginWarning",
    "ReadError",
    "UnknownFormatError",
    "ValidationError",
    "WriteError",
]

_EXCERPT_WIDTH = 60


class NewsparseError(Exception):
    """The base of every error newsparse raises on purpose."""


class ValidationError(NewsparseError, ValueError):
    """An Article, or one of its parts, was built with a value that breaks an invariant.

    Example: a naive ``datetime`` for ``published`` (newsparse needs an aware one).
    """


class UnknownFormatError(NewsparseError, LookupError):
    """No registered format answers to the given name, alias, extension or media type.

    ``known`` holds the names of the formats that are registered, sorted.
    """

    def __init__(self, name: str, known: Iterable[str] = (), *, hint: str | None = None) -> None:
        self.name = name
        self.known = tuple(sorted(known))
        message = f"unknown format {name!r}"
        if self.known:
            message += f"; known formats: {', '.join(self.known)}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class FormatDetectionError(NewsparseError):
    """The format of a source could not be detected.

    ``candidates`` lists the formats that were considered, best first. Pass ``format=``
    to :func:`newsparse.read` to choose one yourself.
    """

    def __init__(
        self, message: str, candidates: Iterable[str] = (), *, source: str | None = None
    ) -> None:
        self.candidates = tuple(candidates)
        self.source = source
        text = message
        if self.candidates:
            text += f"; candidates: {', '.join(self.candidates)}"
        text += "; pass format=NAME (or --from NAME on the command line) to choose one"
        self.message = text
        super().__init__(text)

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class ReadError(NewsparseError):
    """A source could not be read into an Article.

    ``format`` names the format that was reading (``None`` before one was chosen) and
    ``source`` names the input (a path or ``"<string>"``) where known.
    """

    def __init__(
        self, message: str, *, format: str | None = None, source: str | None = None
    ) -> None:
        self.message = message
        self.format = format
        self.source = source
        super().__init__(message)

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        fmt = f"[{self.format}] " if self.format else ""
        return f"{where}{fmt}{self.message}"


class DecodeError(ReadError):
    """Bytes that cannot be decoded in the encoding they declare (or UTF-8).

    ``offset`` is the index of the first bad byte and ``encoding`` the codec tried.
    """

    def __init__(
        self,
        message: str,
        *,
        offset: int,
        encoding: str,
        format: str | None = None,
        source: str | None = None,
    ) -> None:
        self.offset = offset
        self.encoding = encoding
        super().__init__(message, format=format, source=source)


class ParseError(ReadError):
    """Text that breaks the rules of its format.

    ``line`` and ``column`` are 1-based (``None`` where the format has no such notion) and
    ``excerpt`` is a short piece of the offending line. ``str(error)`` reads as
    ``source:line:column: [format] message`` followed by the excerpt and a caret.
    """

    def __init__(
        self,
        message: str,
        *,
        format: str | None = None,
        line: int | None = None,
        column: int | None = None,
        excerpt: str | None = None,
        source: str | None = None,
    ) -> None:
        self.line = line
        self.column = column
        self.excerpt = excerpt
        super().__init__(message, format=format, source=source)

    @classmethod
    def at(
        cls,
        message: str,
        text: str,
        offset: int,
        *,
        format: str | None = None,
        source: str | None = None,
    ) -> ParseError:
        """Build a ParseError pointing at character ``offset`` of ``text``.

        The line, column and excerpt are computed from the text, so a reader only has
        to know where the problem is.
        """
        offset = max(0, min(offset, len(text)))
        line = text.count("\n", 0, offset) + 1
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        if end == -1:
            end = len(text)
        column = offset - start + 1
        excerpt = text[start:end].rstrip("\r")
        return cls(
            message,
            format=format,
            line=line,
            column=column,
            excerpt=excerpt,
            source=source,
        )

    def __str__(self) -> str:
        where = self.source or "<string>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        fmt = f"[{self.format}] " if self.format else ""
        text = f"{where}: {fmt}{self.message}"
        if self.excerpt is not None:
            excerpt, caret = _window(self.excerpt, (self.column or 1) - 1)
            text += f"\n    {excerpt}\n    {' ' * caret}^"
        return text


class WriteError(NewsparseError):
    """An Article could not be written in the requested format.

    ``format`` names the format that was writing.
    """

    def __init__(self, message: str, *, format: str | None = None) -> None:
        self.message = message
        self.format = format
        super().__init__(message)

    def __str__(self) -> str:
        fmt = f"[{self.format}] " if self.format else ""
        return f"{fmt}{self.message}"


class OptionError(NewsparseError, TypeError):
    """A reader or writer was given an option it does not take, or a value it cannot take.

    Raised by newsparse from the reader's or writer's signature, before the format runs
    (a format that takes ``**options`` raises it for the ones it refuses). ``option``
    names the option, ``format`` the format, and ``valid`` lists the options it takes.
    The command line exits with status 2 for it, as for other usage errors.
    """

    def __init__(
        self,
        message: str,
        *,
        option: str,
        format: str | None = None,
        valid: Iterable[str] = (),
    ) -> None:
        self.message = message
        self.option = option
        self.format = format
        self.valid = tuple(valid)
        super().__init__(message)


class PluginError(NewsparseError):
    """A plugin failed: it raised on import, registered a bad format, or broke at run time.

    ``plugin`` names the plugin (its entry-point or module name) and ``message`` says what
    went wrong (``str(error)`` is ``"plugin 'name': message"``).
    """

    def __init__(self, message: str, *, plugin: str) -> None:
        self.plugin = plugin
        self.message = message
        super().__init__(f"plugin {plugin!r}: {message}")


class PluginWarning(UserWarning):
    """Issued when a plugin fails or displaces another format; the rest keep working.

    Also issued when a plugin's format replaces a format of another plugin
    (``replace=True``), when detection gives a plugin's format a source that another
    plugin's format claims by extension or media type, and (once per format) when a
    sniffer returns a score outside [0, 1].
    """


class BadLineWarning(UserWarning):
    """Issued for each JSON Lines line skipped by ``read_many(..., errors="warn")``."""


class BadItemWarning(UserWarning):
    """Issued for each feed item skipped by ``read_many(..., errors="warn")``."""


def _window(line: str, column: int) -> tuple[str, int]:
    """Cut ``line`` to a short window around ``column``; return it and the caret position."""
    if len(line) <= _EXCERPT_WIDTH:
        return line, min(column, len(line))
    start = max(0, min(column - _EXCERPT_WIDTH // 2, len(line) - _EXCERPT_WIDTH))
    piece = line[start : start + _EXCERPT_WIDTH]
    caret = column - start
    if start > 0:
        piece = "…" + piece
        caret += 1
    if start + _EXCERPT_WIDTH < len(line):
        piece += "…"
    return piece, caret


_E = TypeVar("_E", bound=BaseException)


def detached(exc: _E) -> _E:
    """``exc`` without its traceback and its context, to be kept after its handler ends.

    An error kept in a local variable while the code goes on (the first of several
    attempts, reported if all fail) is held by a frame that the error's own traceback
    holds: a reference cycle, which keeps every frame of the call stack alive with their
    variables (a page's whole parsed tree) until the cycle collector runs. Detached, the
    error holds no frame; its type, message and attributes are all a report needs.
    """
    exc.__context__ = None
    return exc.with_traceback(None)
