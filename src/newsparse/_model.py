"""The Article model: frozen, slotted attrs classes that know no format.

The model holds data and checks real invariants only (aware datetimes, heading levels,
JSON-like extras, text that Unicode can encode). Reading and writing live in the formats;
change an Article with :func:`attrs.evolve`.

Text is a sequence of Unicode scalar values: every str the model holds may contain any
code point (U+0000 and other control characters too) except a lone surrogate
(U+D800-U+DFFF), which no Unicode encoding can carry, so no format could write it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from types import MappingProxyType
from typing import Any, ClassVar, Literal, Union

import attrs

from ._errors import ValidationError

__all__ = [
    "Article",
    "Author",
    "Block",
    "FrozenMapping",
    "Heading",
    "ListBlock",
    "Media",
    "MediaBlock",
    "Paragraph",
    "Preformatted",
    "Quote",
]

# A BCP 47 language tag in shape: a 2- or 3-letter primary subtag (or x-/i- for private-use
# and grandfathered tags), then 1-8 letter or digit subtags; not "English", not "en_US"
_LANGUAGE = re.compile(r"(?:[A-Za-z]{2,3}|[xXiI]-[A-Za-z0-9]{1,8})(?:-[A-Za-z0-9]{1,8})*\Z")
_EXTRA_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*\.\S")
_CHUNK = 1 << 20


# ---------------------------------------------------------------------------
# validators and converters (module-private)


def lone_surrogate(text: str) -> int:
    """The index of the first lone surrogate in ``text``, or -1 (there is none).

    A Python str holds a character outside the Basic Multilingual Plane as one code
    point, so any surrogate in it is a lone one, which UTF-8 refuses to encode: the
    codec finds it at C speed (in slices, so a long text costs no large copy).
    """
    if text.isascii():
        return -1
    if len(text) <= _CHUNK:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            return exc.start
        return -1
    for start in range(0, len(text), _CHUNK):
        try:
            text[start : start + _CHUNK].encode("utf-8")
        except UnicodeEncodeError as exc:
            return start + exc.start
    return -1


def surrogate_message(where: str, text: str, index: int) -> str:
    """Says that ``where`` (e.g. ``Article.title``) holds a lone surrogate at ``index``."""
    return (
        f"{where} holds a lone surrogate, U+{ord(text[index]):04X}, at index {index}: text "
        "must be Unicode scalar values, and no encoding can carry a lone surrogate"
    )


def _check_text(inst: object, name: str, value: str) -> None:
    index = lone_surrogate(value)
    if index >= 0:
        raise ValidationError(surrogate_message(f"{type(inst).__name__}.{name}", value, index))


def _check_str(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise ValidationError(
            f"{type(inst).__name__}.{attribute.name} must be a str, not {type(value).__name__}"
        )
    if not value.isascii():
        _check_text(inst, attribute.name, value)


def _check_opt_str(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_str(inst, attribute, value)


def _check_str_items(inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise ValidationError(
                f"{type(inst).__name__}.{attribute.name}[{i}] must be a str, "
                f"not {type(item).__name__}"
            )
        if not item.isascii():
            _check_text(inst, f"{attribute.name}[{i}]", item)


def _items_of(kind: type | tuple[type, ...], label: str) -> Any:
    def check(inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise ValidationError(
                    f"{type(inst).__name__}.{attribute.name}[{i}] must be {label}, "
                    f"not {type(item).__name__}"
                )

    return check


def _check_aware(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, datetime):
        raise ValidationError(
            f"{type(inst).__name__}.{attribute.name} must be a datetime, not {type(value).__name__}"
        )
    try:
        offset = value.utcoffset()
        if offset is not None:
            value.astimezone(timezone.utc)  # comparing and writing need the UTC instant
    except OverflowError:
        raise ValidationError(
            f"{type(inst).__name__}.{attribute.name} {value.isoformat()} is too close to the "
            "ends of the datetime range to have a UTC instant"
        ) from None
    if value.tzinfo is None or offset is None:
        raise ValidationError(
            f"{type(inst).__name__}.{attribute.name} must be timezone-aware, got naive "
            f"{value.isoformat()}; attach a zone, e.g. "
            "value.replace(tzinfo=zoneinfo.ZoneInfo('America/New_York'))"
        )


def _check_language(inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    _check_opt_str(inst, attribute, value)
    if value is not None and not _LANGUAGE.match(value):
        raise ValidationError(
            f"Article.language must be a BCP 47 tag such as 'en' or 'pt-BR', got {value!r}"
        )


def _instant_and_offset(value: datetime | None) -> tuple[datetime, Any] | None:
    """Comparison key for datetimes: the same instant *and* the same UTC offset.

    Plain aware-datetime equality ignores the offset (09:29-05:00 == 14:29+00:00), which
    would let a round trip that loses the writer's offset pass unnoticed. The instant is
    taken in UTC, because Python never finds a time in a repeated (fold) hour equal to a
    time in another zone (PEP 495), even at the same instant.
    """
    if value is None:
        return None
    return (value.astimezone(timezone.utc), value.utcoffset())


class FrozenMapping(dict[str, Any]):
    """A read-only, picklable mapping; the type of ``Article.extras`` and the maps inside it.

    It is a :class:`dict` whose mutating methods raise :class:`TypeError`, so the
    standard :mod:`json` module (and anything else that takes a dict) takes it as it is:
    ``json.dumps(article.extras)`` works. It compares equal to any mapping with the same
    items and, unlike a dict, is hashable.
    """

    __slots__ = ("_checked",)

    def __init__(self, data: Mapping[str, Any] = MappingProxyType({})) -> None:
        dict.__init__(self, data)
        self._checked = False  # set by the model once every value inside is frozen

    @classmethod
    def _frozen(cls, data: dict[str, Any]) -> FrozenMapping:
        """``data`` (a fresh dict of frozen values) as a checked FrozenMapping."""
        new = dict.__new__(cls)
        dict.update(new, data)
        new._checked = True
        return new

    @property
    def _data(self) -> dict[str, Any]:
        return self

    def _read_only(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(
            f"{type(self).__name__} is read-only: build a new Article with attrs.evolve"
        )

    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __eq__(self, other: object) -> bool:
        if isinstance(other, dict):
            return dict.__eq__(self, other)
        if isinstance(other, Mapping):
            return dict.__eq__(self, dict(other.items()))
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __repr__(self) -> str:
        return dict.__repr__(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self),))

    def __copy__(self) -> FrozenMapping:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> FrozenMapping:
        return self


_SCALARS = frozenset({str, bool, int, type(None)})
_FAST = frozenset({bool, int, type(None)})  # scalars that need no look inside
_EMPTY = FrozenMapping._frozen({})


class _BadValue(Exception):
    """Raised inside :func:`_freeze`; the path to the bad value is built while unwinding."""

    def __init__(self, message: str) -> None:
        self.message = message
        self.path: list[str] = []


def _bad_text(text: str) -> _BadValue | None:
    index = lone_surrogate(text)
    if index < 0:
        return None
    return _BadValue(surrogate_message("", text, index).lstrip())


MAX_EXTRAS_DEPTH = 128
"""How deep lists and mappings may nest in :attr:`Article.extras` (deeper is refused)."""


class _TooDeep(Exception):
    """A value nests lists and mappings deeper than MAX_EXTRAS_DEPTH."""


def _freeze(value: Any, depth: int = 0) -> Any:
    """Return a read-only copy of a JSON-like value, or raise _BadValue or _TooDeep."""
    kind = type(value)
    if kind is str:
        if not value.isascii():
            bad = _bad_text(value)
            if bad is not None:
                raise bad
        return value
    if kind in _SCALARS:  # the common case first: extras hold mostly strings
        return value
    if kind is float:
        if not math.isfinite(value):
            raise _BadValue(f"must be a finite number, got {value!r}")
        return value
    if kind is FrozenMapping and value._checked:
        return value  # already frozen all the way down
    if isinstance(value, (Mapping, list, tuple)) and depth >= MAX_EXTRAS_DEPTH:
        raise _TooDeep
    if isinstance(value, Mapping):
        frozen = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise _BadValue(f"keys must be str, got {key!r}")
            if not key.isascii() and lone_surrogate(key) >= 0:
                raise _BadValue(f"has a key, {key!r}, holding a lone surrogate")
            try:
                frozen[key] = item if type(item) in _FAST else _freeze(item, depth + 1)
            except _BadValue as exc:
                exc.path.append(f"[{key!r}]")
                raise
        return FrozenMapping._frozen(frozen)
    if isinstance(value, (list, tuple)):
        out = []
        for i, item in enumerate(value):
            try:
                out.append(item if type(item) in _FAST else _freeze(item, depth + 1))
            except _BadValue as exc:
                exc.path.append(f"[{i}]")
                raise
        return tuple(out)
    if isinstance(value, float):  # subclasses of the scalar types
        if not math.isfinite(value):
            raise _BadValue(f"must be a finite number, got {value!r}")
        return value
    if isinstance(value, str):
        bad = _bad_text(value)
        if bad is not None:
            raise bad
        return value
    if isinstance(value, int):
        return value
    raise _BadValue(
        "must hold JSON-like values (str, int, float, bool, None, lists, mappings), "
        f"not {type(value).__name__}"
    )


def _check_extras_keys(keys: Iterable[object]) -> None:
    """Raise ValidationError unless every key is a str namespaced by format."""
    for key in keys:
        if not isinstance(key, str) or not _EXTRA_KEY.match(key):
            raise ValidationError(
                f"Article.extras keys are namespaced by format, like 'wire.trending'; got {key!r}"
            )
        index = -1 if key.isascii() else lone_surrogate(key)
        if index >= 0:
            raise ValidationError(surrogate_message(f"The Article.extras key {key!r}", key, index))


def _freeze_extras(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if value is None or (not value and isinstance(value, Mapping)):
        return _EMPTY
    if type(value) is FrozenMapping and value._checked:
        return value  # an Article's own extras, passed on by attrs.evolve
    if not isinstance(value, Mapping):
        raise ValidationError(f"Article.extras must be a mapping, not {type(value).__name__}")
    _check_extras_keys(value)
    frozen = {}
    for key in sorted(value):
        item = value[key]
        try:
            frozen[key] = item if type(item) in _FAST else _freeze(item)
        except _BadValue as exc:
            where = "".join(reversed(exc.path))
            raise ValidationError(f"Article.extras[{key!r}]{where} {exc.message}") from None
        except (_TooDeep, RecursionError):
            raise ValidationError(
                f"Article.extras[{key!r}] is nested too deeply "
                f"(more than {MAX_EXTRAS_DEPTH} levels of lists and mappings)"
            ) from None
    return FrozenMapping._frozen(frozen)


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    if value is None:
        raise ValidationError("expected a sequence of str, got None (use () for none)")
    if isinstance(value, str):
        raise ValidationError(f"expected a sequence of str, got the str {value!r}")
    return tuple(value)


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if value is None:
        raise ValidationError("expected a sequence, got None (use () for none)")
    if isinstance(value, (str, bytes, Mapping)):
        raise ValidationError(f"expected a sequence, got {type(value).__name__}")
    return tuple(value)


# ---------------------------------------------------------------------------
# parts


@attrs.frozen
class Author:
    """A person or organisation credited with an article.

    ``role`` is the credit as given, e.g. ``"opinion contributor"`` or ``"photographer"``;
    ``url`` is a profile page.

    >>> Author("Ada Lovelace", role="opinion contributor")
    Author(name='Ada Lovelace', role='opinion contributor', url=None)
    """

    name: str = attrs.field(validator=_check_str)
    """The name as credited, e.g. ``"Mara Quint"`` or ``"The Harbour Desk"``."""
    role: str | None = attrs.field(default=None, validator=_check_opt_str)
    """The credit as given, e.g. ``"opinion contributor"`` or ``"photographer"``."""
    url: str | None = attrs.field(default=None, validator=_check_opt_str)
    """A profile page."""


@attrs.frozen
class Media:
    """An image, video or other media item of an article.

    ``caption`` is the caption text without the credit, ``credit`` the credit line as
    given (e.g. ``"AP Photo/Jane Doe"``), ``alt`` the alternative text and ``kind`` one of
    ``"image"``, ``"video"``, ``"audio"`` or another short lowercase word.

    >>> Media(url="https://example.org/a.jpg", caption="A harbour at dawn.").kind
    'image'
    """

    url: str | None = attrs.field(default=None, validator=_check_opt_str)
    """Where the media item is; ``None`` when the source gives none."""
    caption: str | None = attrs.field(default=None, validator=_check_opt_str)
    """The caption text, without the credit."""
    credit: str | None = attrs.field(default=None, validator=_check_opt_str)
    """The credit line as given, e.g. ``"AP Photo/Jane Doe"``."""
    kind: str = attrs.field(default="image", validator=_check_str)
    """``"image"``, ``"video"``, ``"audio"`` or another short lowercase word."""
    alt: str | None = attrs.field(default=None, validator=_check_opt_str)
    """The alternative text."""


# ---------------------------------------------------------------------------
# body blocks


@attrs.frozen
class Paragraph:
    """A paragraph of body text.

    >>> Paragraph("It rained all day.").type
    'paragraph'
    """

    type: ClassVar[Literal["paragraph"]] = "paragraph"
    """Always ``"paragraph"``: tells the blocks apart (a class attribute)."""
    text: str = attrs.field(validator=_check_str)
    """The paragraph's text, as given."""


@attrs.frozen
class Heading:
    """A heading inside the body; ``level`` runs from 1 to 6 as in HTML.

    >>> Heading("What happens next", level=2).level
    2
    """

    type: ClassVar[Literal["heading"]] = "heading"
    """Always ``"heading"``."""
    text: str = attrs.field(validator=_check_str)
    """The heading's text."""
    level: int = attrs.field(default=2)
    """1 to 6, as in HTML (default 2)."""

    @level.validator
    def _check_level(self, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
            raise ValidationError(f"Heading.level must be an int from 1 to 6, got {value!r}")


@attrs.frozen
class Quote:
    """A block quotation, with an optional attribution (who is quoted).

    >>> Quote("We will rebuild.", attribution="the mayor").attribution
    'the mayor'
    """

    type: ClassVar[Literal["quote"]] = "quote"
    """Always ``"quote"``."""
    text: str = attrs.field(validator=_check_str)
    """The quoted text."""
    attribution: str | None = attrs.field(default=None, validator=_check_opt_str)
    """Who is quoted, where the source says."""


@attrs.frozen
class ListBlock:
    """A bulleted (``ordered=False``) or numbered (``ordered=True``) list of text items.

    >>> ListBlock(["eggs", "flour"]).items
    ('eggs', 'flour')
    """

    type: ClassVar[Literal["list"]] = "list"
    """Always ``"list"``."""
    items: tuple[str, ...] = attrs.field(converter=_tuple_of_str, validator=_check_str_items)
    """The items' text, in order."""
    ordered: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    """Whether the list is numbered."""


@attrs.frozen
class Preformatted:
    r"""Text whose line breaks and spacing matter (code, tables as text, poetry).

    >>> Preformatted("a  b\\n c").text
    'a  b\\n c'
    """

    type: ClassVar[Literal["preformatted"]] = "preformatted"
    """Always ``"preformatted"``."""
    text: str = attrs.field(validator=_check_str)
    """The text, line breaks and spacing as given."""


@attrs.frozen
class MediaBlock:
    """A media item placed in the flow of the body (a figure), with its caption and credit.

    >>> MediaBlock(Media(url="https://example.org/map.png", caption="The route.")).type
    'media'
    """

    type: ClassVar[Literal["media"]] = "media"
    """Always ``"media"``."""
    media: Media = attrs.field()
    """The figure: the media item with its caption and credit."""

    @media.validator
    def _check_media(self, attribute: attrs.Attribute[Media], value: object) -> None:
        if not isinstance(value, Media):
            raise ValidationError(f"MediaBlock.media must be a Media, not {type(value).__name__}")


Block = Union[Paragraph, Heading, Quote, ListBlock, Preformatted, MediaBlock]  # noqa: UP007
"""Any body block; tell them apart by their ``type`` (a class attribute)."""

BLOCK_TYPES: Mapping[str, type[Block]] = MappingProxyType(
    {cls.type: cls for cls in (Paragraph, Heading, Quote, ListBlock, Preformatted, MediaBlock)}
)
"""The body block classes by their ``type`` discriminator."""


# ---------------------------------------------------------------------------
# the article


@attrs.frozen
class Article:
    """One news article, whatever format it came from.

    Only ``title`` is required. Sequences are stored as tuples (lists are converted),
    datetimes must be timezone-aware, and ``extras`` holds, under keys namespaced by
    format (``"wire.trending"``), what a format carries that the model has no field for;
    it is read-only and holds JSON-like values only.

    Two Articles are equal when every field is; datetimes must denote the same instant
    with the same UTC offset.

    >>> from datetime import datetime, timezone
    >>> from zoneinfo import ZoneInfo
    >>> a = Article(
    ...     "Harbour reopens after storm",
    ...     authors=[Author("Mara Quint")],
    ...     published=datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York")),
    ...     body=[Paragraph("The harbour reopened on Tuesday.")],
    ... )
    >>> a.published.isoformat()
    '2024-03-05T09:30:00-05:00'
    >>> a.body[0].type
    'paragraph'
    """

    title: str = attrs.field(validator=_check_str)
    """The headline (``""`` for a page that has none). The only required field."""
    subtitle: str | None = attrs.field(default=None, validator=_check_opt_str, kw_only=True)
    """The standfirst or deck below the headline."""
    section: str | None = attrs.field(default=None, validator=_check_opt_str, kw_only=True)
    """The section or desk, e.g. ``"Local"``."""
    authors: tuple[Author, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items_of(Author, "an Author"), kw_only=True
    )
    """The people and organisations credited, in order (a list is converted)."""
    published: datetime | None = attrs.field(
        default=None, validator=_check_aware, eq=_instant_and_offset, kw_only=True
    )
    """When the article was first published: timezone-aware."""
    updated: datetime | None = attrs.field(
        default=None, validator=_check_aware, eq=_instant_and_offset, kw_only=True
    )
    """When it was last updated: timezone-aware."""
    url: str | None = attrs.field(default=None, validator=_check_opt_str, kw_only=True)
    """The article's canonical address."""
    publisher: str | None = attrs.field(default=None, validator=_check_opt_str, kw_only=True)
    """The publication, e.g. ``"The Harbour Gazette"``."""
    language: str | None = attrs.field(default=None, validator=_check_language, kw_only=True)
    """A BCP 47 tag, e.g. ``"en"`` or ``"pt-BR"``."""
    media: tuple[Media, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items_of(Media, "a Media"), kw_only=True
    )
    """The article's media outside the body (the lead image first)."""
    body: tuple[Block, ...] = attrs.field(
        default=(),
        converter=_tuple,
        validator=_items_of(tuple(BLOCK_TYPES.values()), "a body block"),
        kw_only=True,
    )
    """The body as typed blocks, in reading order."""
    notes: tuple[str, ...] = attrs.field(
        default=(), converter=_tuple_of_str, validator=_check_str_items, kw_only=True
    )
    """Notes after the body: contributor lines, corrections, editor's notes."""
    tags: tuple[str, ...] = attrs.field(
        default=(), converter=_tuple_of_str, validator=_check_str_items, kw_only=True
    )
    """Keywords and topics, in the source's order."""
    extras: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_freeze_extras, hash=False, kw_only=True
    )
    """What a format carries that the model has no field for, under keys namespaced by
    format (``"wire.trending"``): read-only, JSON-like values only."""

    @property
    def text(self) -> str:
        r"""The body as plain text: each block's text, separated by blank lines.

        Lists give one item per line, media blocks their caption (a figure without one
        gives nothing), quotes their text without the attribution; no markup is added.
        The ``text`` format writes the same body with list markers and attributions
        (``newsparse.write(article, "text")``).

        >>> Article("T", body=[Paragraph("One."), ListBlock(["a", "b"])]).text
        'One.\n\na\nb'
        """
        from ._plaintext import body_text

        return body_text(self.body)
