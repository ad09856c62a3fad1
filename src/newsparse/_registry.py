"""Format specifications and the registry that finds them by name, extension or media type."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from ._errors import PluginError, UnknownFormatError, ValidationError

__all__ = ["FormatSpec", "Registry"]

_NAME = re.compile(r"[a-z][a-z0-9_-]*\Z")
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*\Z")

DEFAULT_MAX_SIZE = 256 * 1024 * 1024
"""The default ``FormatSpec.max_size``: 256 MiB per document."""

Hook = Callable[..., Any]
"""A callable, or a ``"package.module:attribute"`` string naming one."""


def _names(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _extensions(value: Iterable[str]) -> tuple[str, ...]:
    out = []
    for ext in _names(value):
        ext = ext.lower()
        out.append(ext if ext.startswith(".") else "." + ext)
    return tuple(out)


def _lower(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(v.lower() for v in _names(value))


def _check_hook(inst: FormatSpec, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None or callable(value):
        return
    if isinstance(value, str) and re.fullmatch(r"[\w.]+:[\w.]+", value):
        return
    raise ValidationError(
        f"FormatSpec.{attribute.name} must be a callable or a 'package.module:function' "
        f"string, got {value!r}"
    )


_LOADED: dict[str, Any] = {}


def _load(ref: str | Hook) -> Hook:
    if not isinstance(ref, str):
        return ref
    try:
        return _LOADED[ref]  # type: ignore[no-any-return]
    except KeyError:
        pass
    module_name, _, attr = ref.partition(":")
    obj: Any = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    _LOADED[ref] = obj
    return obj  # type: ignore[no-any-return]


@attrs.frozen
class FormatSpec:
    """Everything newsparse needs to know about one article format.

    The callables may be given as ``"package.module:function"`` strings, imported on
    first use so that registering a format costs nothing at start-up.

    - ``reader(text, **options) -> Article`` reads one article; ``many_reader(text,
      **options) -> Iterator[Article]`` reads a document holding several (without it,
      :func:`newsparse.read_many` yields the single article ``reader`` returns).
      With ``binary=True`` both receive ``bytes`` instead of ``str`` (and, when the
      caller passes ``encoding=``, that option too: the format decodes).
    - ``writer(article, **options) -> str`` writes one article; ``many_writer(articles,
      **options) -> Iterator[str]`` writes several into one document, in chunks.
    - ``sniffer(head) -> float`` gives the confidence, from 0 to 1, that ``head`` (the
      first few KB of a text) is in this format.
    - ``encoding_detector(head_bytes) -> str | None`` returns the charset a document
      declares (as HTML's ``<meta charset>`` does), if the format has such a notion.
    - ``lossless`` says whether ``read(write(a)) == a`` holds for every Article the
      writer accepts; a lossless writer refuses (with a :class:`~newsparse.WriteError`
      naming it) a character its format cannot carry at all, never drops it.
    - ``max_size`` is the largest document :func:`newsparse.read` accepts, in bytes (or
      characters for ``str`` sources); ``None`` means no limit. Documents read one record
      at a time by ``many_reader`` (JSON Lines, WARC) are not limited as a whole.

    >>> spec = FormatSpec(name="memo", extensions=["memo"], writer="builtins:str")
    >>> spec.extensions, spec.can_read, spec.can_write
    (('.memo',), False, True)
    """

    name: str = attrs.field()
    """The format's name: lowercase letters, digits, ``-`` and ``_``, starting with a letter."""
    reader: str | Hook | None = attrs.field(default=None, validator=_check_hook, kw_only=True)
    """``reader(text, **options) -> Article``, or its ``"module:function"`` name."""
    writer: str | Hook | None = attrs.field(default=None, validator=_check_hook, kw_only=True)
    """``writer(article, **options) -> str``, or its name."""
    many_reader: str | Hook | None = attrs.field(default=None, validator=_check_hook, kw_only=True)
    """``many_reader(stream, **options) -> Iterator[Article]`` for documents that hold
    several articles; it receives an open text stream (a binary one with ``binary``)."""
    many_writer: str | Hook | None = attrs.field(default=None, validator=_check_hook, kw_only=True)
    """``many_writer(articles, **options) -> Iterator[str]``: several articles in one
    document, in chunks."""
    sniffer: str | Hook | None = attrs.field(default=None, validator=_check_hook, kw_only=True)
    """``sniffer(head) -> float``: how sure, from 0 to 1, that the first 8 KB of a text
    are in this format."""
    encoding_detector: str | Hook | None = attrs.field(
        default=None, validator=_check_hook, kw_only=True
    )
    """``encoding_detector(head_bytes) -> str | None``: the charset the document
    declares, for formats that declare one."""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_lower, kw_only=True)
    """Other names the format answers to."""
    extensions: tuple[str, ...] = attrs.field(default=(), converter=_extensions, kw_only=True)
    """The file suffixes it claims (``".json"``; a leading dot is added)."""
    media_types: tuple[str, ...] = attrs.field(default=(), converter=_lower, kw_only=True)
    """The media types it claims (``"application/json"``)."""
    lossless: bool = attrs.field(default=False, kw_only=True)
    """Whether ``read(write(a)) == a`` holds for every Article."""
    binary: bool = attrs.field(default=False, kw_only=True)
    """Whether the reader wants ``bytes`` (and decodes them itself)."""
    max_size: int | None = attrs.field(default=DEFAULT_MAX_SIZE, kw_only=True)
    """The largest document :func:`newsparse.read` accepts, in bytes; ``None``: no limit."""
    description: str = attrs.field(default="", kw_only=True)
    """One line for ``newsparse formats``."""
    plugin: str | None = attrs.field(default=None, kw_only=True)
    """The plugin that registered it (set by newsparse)."""

    @name.validator
    def _check_name(self, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not _NAME.match(value):
            raise ValidationError(
                "FormatSpec.name must be lowercase letters, digits, '-' or '_', starting "
                f"with a letter; got {value!r}"
            )

    def __attrs_post_init__(self) -> None:
        if self.reader is None and self.writer is None:
            raise ValidationError(f"format {self.name!r} has neither a reader nor a writer")
        if self.many_reader is not None and self.reader is None:
            raise ValidationError(f"format {self.name!r} has a many_reader but no reader")
        if self.many_writer is not None and self.writer is None:
            raise ValidationError(f"format {self.name!r} has a many_writer but no writer")
        for alias in self.aliases:
            if not _NAME.match(alias):
                raise ValidationError(f"format {self.name!r}: bad alias {alias!r}")
        for media_type in self.media_types:
            if not _MEDIA_TYPE.match(media_type):
                raise ValidationError(f"format {self.name!r}: bad media type {media_type!r}")

    @property
    def can_read(self) -> bool:
        """Whether the format has a reader."""
        return self.reader is not None

    @property
    def can_write(self) -> bool:
        """Whether the format has a writer."""
        return self.writer is not None

    def load(self, role: str) -> Hook | None:
        """Import and return one of the callables by field name, e.g. ``"reader"``.

        Returns ``None`` where the format has no such callable. Raises
        :class:`PluginError` (naming the plugin) when the reference does not import.
        """
        ref = getattr(self, role)
        if ref is None:
            return None
        try:
            return _load(ref)
        except BaseException as exc:  # ImportError, or anything the module raises (SystemExit)
            if isinstance(exc, KeyboardInterrupt):
                raise
            text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            raise PluginError(
                f"the {role} of format {self.name!r}, {ref!r}, cannot be loaded: {text}",
                plugin=self.plugin or "?",
            ) from exc


class Registry:
    """The registered formats, found by name, alias, file extension or media type.

    >>> reg = Registry()
    >>> reg.add(FormatSpec(name="memo", aliases=["note"], writer="builtins:str"))
    >>> reg.get("note").name
    'memo'
    """

    def __init__(self) -> None:
        self._specs: dict[str, FormatSpec] = {}

    def add(self, spec: FormatSpec, *, replace: bool = False) -> None:
        """Add ``spec``; a taken name (or alias) is refused unless ``replace=True``."""
        if not isinstance(spec, FormatSpec):
            raise ValidationError(f"expected a FormatSpec, got {type(spec).__name__}")
        if not replace:
            if spec.name in self._specs:
                owner = self._specs[spec.name].plugin or "?"
                raise ValidationError(
                    f"format name {spec.name!r} is already registered by {owner!r}; "
                    "pass replace=True to replace it"
                )
            for other in self._specs.values():
                clash = {spec.name, *spec.aliases} & {other.name, *other.aliases}
                if clash:
                    raise ValidationError(
                        f"format {spec.name!r}: name or alias {sorted(clash)[0]!r} is "
                        f"already used by format {other.name!r}"
                    )
        self._specs[spec.name] = spec

    def remove(self, name: str) -> FormatSpec:
        """Remove the format called ``name`` and return its spec."""
        try:
            return self._specs.pop(name)
        except KeyError:
            raise UnknownFormatError(name, self._specs) from None

    def get(self, key: str) -> FormatSpec:
        """Find a format by name, alias, extension (``".json"``) or media type.

        Raises :class:`UnknownFormatError`, which lists the known names.
        """
        found = self.find(key)
        if found is None:
            raise UnknownFormatError(key, self._specs)
        return found

    def find(self, key: str) -> FormatSpec | None:
        """Like :meth:`get`, but return ``None`` when nothing matches."""
        spec = self._specs.get(key)
        if spec is not None:
            return spec
        lowered = key.lower()
        for spec in self._specs.values():
            if lowered == spec.name or lowered in spec.aliases:
                return spec
        if lowered.startswith("."):
            matches = self.for_extension(lowered)
            return matches[0] if matches else None
        if "/" in lowered:
            matches = self.for_media_type(lowered)
            return matches[0] if matches else None
        return None

    def for_extension(self, suffix: str) -> list[FormatSpec]:
        """The formats that claim a file suffix (``".wire.txt"`` or ``".txt"``)."""
        suffix = suffix.lower()
        return [s for s in self._specs.values() if suffix in s.extensions]

    def for_media_type(self, media_type: str) -> list[FormatSpec]:
        """The formats that claim a media type; parameters (``; charset=...``) are ignored."""
        media_type = media_type.split(";", 1)[0].strip().lower()
        return [s for s in self._specs.values() if media_type in s.media_types]

    def for_filename(self, filename: str) -> list[FormatSpec]:
        """The formats that claim the longest matching suffix of ``filename``."""
        name = filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
        parts = name.split(".")
        # no claimed extension has more dots than the longest one: skip longer suffixes,
        # so that a name of many dots costs no more than a plain one
        longest = max(
            (ext.count(".") for s in self._specs.values() for ext in s.extensions), default=0
        )
        for i in range(max(1, len(parts) - longest), len(parts)):
            matches = self.for_extension("." + ".".join(parts[i:]))
            if matches:
                return matches
        return []

    def readers(self) -> list[FormatSpec]:
        """The formats that can read, sorted by name."""
        return [s for s in self if s.can_read]

    def writers(self) -> list[FormatSpec]:
        """The formats that can write, sorted by name."""
        return [s for s in self if s.can_write]

    def names(self) -> list[str]:
        """The registered format names, sorted."""
        return sorted(self._specs)

    def __iter__(self) -> Iterator[FormatSpec]:
        return iter(sorted(self._specs.values(), key=lambda s: s.name))

    def __len__(self) -> int:
        return len(self._specs)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.find(key) is not None

    def __repr__(self) -> str:
        return f"<Registry {', '.join(self.names()) or '(empty)'}>"
