"""A griffe extension: attrs classes get their constructor and their fields documented.

griffe reads the source statically, and an attrs class has no ``__init__`` in its source
(attrs writes it), so mkdocstrings would show neither a signature nor which arguments the
class takes. This extension, run by mkdocstrings (see ``mkdocs.yml``), imports each class
of the package once it is loaded; for an attrs class it adds the ``__init__`` attrs made,
with the parameters in the order and kinds attrs gives them (keyword-only ones after
``*``), each annotated with the field's own annotation (``Iterable[X]`` where a converter
turns any iterable into the field's ``tuple[X, ...]``) and with the field's default.

Each field is documented by the docstring under it in the source (an attribute
docstring); a public field without one is logged as a warning, so that
``mkdocs build --strict`` fails on an undocumented field.
"""

from __future__ import annotations

import importlib
import inspect
import re
from typing import Any

import attrs
import griffe

_TUPLE_OF = re.compile(r"tuple\[(?P<item>.+), \.\.\.\]\Z")
_logger = griffe.get_logger("newsparse.docs.attrs")


def _runtime(cls: griffe.Class) -> Any:
    module, _, name = cls.path.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except Exception:  # a class inside a function, a module that cannot be imported
        return None


def _default(value: Any) -> str | None:
    if value is inspect.Parameter.empty:
        return None
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
        factory = value.factory  # type: ignore[attr-defined]
        return f"{getattr(factory, '__name__', 'factory')}()"
    return repr(value)


def _annotation(field: attrs.Attribute[Any], member: griffe.Object | None, runtime: Any) -> Any:
    static = getattr(member, "annotation", None)
    if field.converter is None:
        return static if static is not None else runtime
    match = _TUPLE_OF.match(str(static)) if static is not None else None
    if match is not None:
        return f"Iterable[{match.group('item')}]"  # what the converter takes
    return runtime


def _add_init(cls: griffe.Class, runtime: type) -> None:
    signature = inspect.signature(runtime)
    fields = {f.alias or f.name: f for f in attrs.fields(runtime)}
    parameters = [
        griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword),
    ]
    for name, parameter in signature.parameters.items():
        field = fields.get(name)
        member = cls.members.get(field.name) if field is not None else None
        annotation: Any = parameter.annotation
        if annotation is inspect.Parameter.empty:
            annotation = None
        if field is not None:
            annotation = _annotation(field, member, annotation)
        parameters.append(
            griffe.Parameter(
                name,
                annotation=annotation,
                kind=griffe.ParameterKind(parameter.kind.description),
                default=_default(fields[name].default if field is not None else parameter.default)
                if parameter.default is not inspect.Parameter.empty
                else None,
                docstring=getattr(member, "docstring", None),
            )
        )
    init = griffe.Function(
        "__init__", parent=cls, parameters=griffe.Parameters(*parameters), returns="None"
    )
    cls.set_member("__init__", init)
    cls.labels.add("attrs")
    for field in attrs.fields(runtime):
        member = cls.members.get(field.name)
        if isinstance(member, griffe.Attribute):
            # a field: shown with its default, not the attrs.field(...) call that makes it
            member.value = None if field.default is attrs.NOTHING else _default(field.default)
            member.labels.discard("class-attribute")
            member.labels.add("instance-attribute")


def _check_fields(cls: griffe.Class, runtime: type) -> None:
    for field in attrs.fields(runtime):
        if field.name.startswith("_"):
            continue
        member = cls.members.get(field.name)
        if member is None or member.docstring is None or not member.docstring.value.strip():
            _logger.warning("%s.%s: the field has no docstring", cls.path, field.name)


_PUBLIC_MODULES = ("newsparse", "newsparse.batch", "newsparse.testing.conformance")


def _public_classes() -> set[int]:
    """The classes the public modules export (by id): those whose fields must be documented."""
    found: set[int] = set()
    for name in _PUBLIC_MODULES:
        module = importlib.import_module(name)
        found.update(id(getattr(module, export)) for export in getattr(module, "__all__", ()))
    return found


class AttrsClasses(griffe.Extension):
    """Give every attrs class of the package its ``__init__``; warn on undocumented fields."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Walk the package's classes once it is loaded."""
        public = _public_classes()
        seen: set[str] = set()
        stack: list[griffe.Object] = [pkg]
        while stack:
            obj = stack.pop()
            if obj.path in seen:
                continue
            seen.add(obj.path)
            if isinstance(obj, griffe.Class) and "__init__" not in obj.members:
                runtime = _runtime(obj)
                if isinstance(runtime, type) and attrs.has(runtime):
                    _add_init(obj, runtime)
                    if id(runtime) in public:
                        _check_fields(obj, runtime)
            stack.extend(m for m in obj.members.values() if not m.is_alias)
