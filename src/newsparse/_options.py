"""The options a caller gives a reader or writer, checked against its signature.

The host, not the format, says when an option is wrong: a name the reader or writer does
not take, or a value of a type its annotation does not allow, is an
:class:`~newsparse.OptionError` naming the option and the valid ones, before the format
runs. Each callable's signature is inspected once and cached.

Values are checked shallowly against the annotations: classes (``int`` refuses ``bool``,
``float`` takes ``int``), ``X | None``, unions, ``Literal[...]`` and the container type of
a generic alias (``list[str]`` takes any list). An annotation that cannot be resolved, a
Protocol and ``Any`` accept everything. A callable that takes ``**options`` accepts any
name; it checks its own options, raising OptionError where it refuses one.
"""

from __future__ import annotations

import difflib
import inspect
import threading
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from ._errors import OptionError

__all__ = ["check_options", "option_names"]

_ROLES = {
    "reader": "reader",
    "many_reader": "reader of several articles",
    "writer": "writer",
    "many_writer": "writer of several articles",
}


class _Unknown:
    """An annotation that could not be resolved: anything goes."""


_UNKNOWN = _Unknown()


class _Signature:
    __slots__ = ("annotations", "hints", "names", "var_keyword")

    def __init__(
        self,
        names: tuple[str, ...],
        var_keyword: bool,
        hints: dict[str, Any],
        annotations: dict[str, str],
    ) -> None:
        self.names = names
        self.var_keyword = var_keyword
        self.hints = hints
        self.annotations = annotations


_CACHE: dict[Any, _Signature | None] = {}
_LOCK = threading.Lock()


def _resolve(func: Callable[..., Any], name: str, annotation: Any) -> Any:
    if annotation is inspect.Parameter.empty:
        return _UNKNOWN
    if not isinstance(annotation, str):
        return annotation
    namespace = dict(getattr(func, "__globals__", {}))
    namespace.update(vars(typing))
    try:
        return eval(annotation, namespace)
    except Exception:
        return _UNKNOWN


def _inspect(func: Callable[..., Any]) -> _Signature | None:
    try:
        parameters = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):  # a builtin without a signature: accept anything
        return None
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    if parameters and parameters[0].kind in positional:
        parameters = parameters[1:]  # the document (or the article): not an option
    names: list[str] = []
    hints: dict[str, Any] = {}
    annotations: dict[str, str] = {}
    var_keyword = False
    for p in parameters:
        if p.kind is inspect.Parameter.VAR_KEYWORD:
            var_keyword = True
        elif p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY):
            names.append(p.name)
            hints[p.name] = _resolve(func, p.name, p.annotation)
            if p.annotation is not inspect.Parameter.empty:
                text = p.annotation if isinstance(p.annotation, str) else _show(p.annotation)
                annotations[p.name] = text
    return _Signature(tuple(names), var_keyword, hints, annotations)


def _signature(func: Callable[..., Any]) -> _Signature | None:
    key = func
    try:
        return _CACHE[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable callable object: inspect it each time
        return _inspect(func)
    found = _inspect(func)
    with _LOCK:
        _CACHE[key] = found
    return found


def _show(hint: Any) -> str:
    if isinstance(hint, type):
        return hint.__name__
    return str(hint).replace("typing.", "")


def _conforms(value: Any, hint: Any) -> bool:
    """Whether ``value`` fits ``hint``, shallowly; True where the hint is not understood."""
    if hint is _UNKNOWN or hint is Any or hint is object:
        return True
    if hint is None or hint is type(None):
        return value is None
    origin = typing.get_origin(hint)
    if origin is typing.Union or (
        hasattr(types, "UnionType") and isinstance(hint, types.UnionType)
    ):
        return any(_conforms(value, arg) for arg in typing.get_args(hint))
    if origin is typing.Literal:
        return any(value == arg and type(value) is type(arg) for arg in typing.get_args(hint))
    if origin is typing.Annotated:
        return _conforms(value, typing.get_args(hint)[0])
    if origin is not None:
        hint = origin
    if not isinstance(hint, type):
        return True  # a TypeVar, a NewType, a string left unresolved ...
    try:
        if hint is float:
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        if hint is int:
            return isinstance(value, int) and not isinstance(value, bool)
        return isinstance(value, hint)
    except TypeError:  # a Protocol that is not runtime-checkable
        return True


def option_names(func: Callable[..., Any]) -> tuple[str, ...] | None:
    """The options ``func`` takes, or None when it takes any (``**options``, no signature)."""
    signature = _signature(func)
    if signature is None or signature.var_keyword:
        return None
    return signature.names


def check_options(
    func: Callable[..., Any], options: Mapping[str, Any], *, format: str, role: str
) -> None:
    """Raise :class:`OptionError` for an option ``func`` does not take or cannot take."""
    if not options:
        return
    signature = _signature(func)
    if signature is None:
        return
    what = f"the {format} {_ROLES.get(role, role)}"
    valid = signature.names
    for name, value in options.items():
        if name not in valid:
            if signature.var_keyword:
                continue
            close = difflib.get_close_matches(name, valid, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            listed = f"; its options: {', '.join(valid)}" if valid else "; it takes none"
            raise OptionError(
                f"{what} has no option {name!r}{hint}{listed}",
                option=name,
                format=format,
                valid=valid,
            )
        if not _conforms(value, signature.hints[name]):
            wanted = signature.annotations.get(name, "another type")
            raise OptionError(
                f"option {name!r} of {what} must be {wanted}, not {type(value).__name__} "
                f"({value!r})",
                option=name,
                format=format,
                valid=valid,
            )
