from __future__ import annotations

import pytest

from newsparse import FormatSpec, UnknownFormatError, ValidationError
from newsparse._registry import Registry


def spec(name: str = "memo", **kw: object) -> FormatSpec:
    kw.setdefault("writer", "builtins:str")
    return FormatSpec(name=name, **kw)  # type: ignore[arg-type]


def test_lookup_by_name_alias_extension_media_type() -> None:
    reg = Registry()
    reg.add(spec(aliases=["Note"], extensions=["memo", ".MEM"], media_types=["Text/X-Memo"]))
    for key in ("memo", "note", "NOTE", ".memo", ".mem", "text/x-memo", "text/x-memo"):
        assert reg.get(key).name == "memo"
    assert reg.for_media_type("text/x-memo; charset=utf-8")[0].name == "memo"
    assert "memo" in reg
    assert "nothing" not in reg


def test_unknown_lists_known_names() -> None:
    reg = Registry()
    reg.add(spec("b"))
    reg.add(spec("a"))
    with pytest.raises(UnknownFormatError, match="known formats: a, b") as info:
        reg.get("c")
    assert isinstance(info.value, LookupError)
    assert info.value.known == ("a", "b")


def test_duplicate_names_refused_unless_replace() -> None:
    reg = Registry()
    reg.add(spec(plugin="first"))
    with pytest.raises(ValidationError, match="already registered by 'first'"):
        reg.add(spec())
    with pytest.raises(ValidationError, match="alias 'memo'"):
        reg.add(spec("other", aliases=["memo"]))
    reg.add(spec(description="new"), replace=True)
    assert reg.get("memo").description == "new"


def test_compound_suffix_is_preferred() -> None:
    reg = Registry()
    reg.add(spec("plain", extensions=[".txt"]))
    reg.add(spec("special", extensions=[".special.txt"]))
    assert [s.name for s in reg.for_filename("/x/a.special.txt")] == ["special"]
    assert [s.name for s in reg.for_filename("a.TXT")] == ["plain"]
    assert reg.for_filename("README") == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"name": "Bad Name"},
        {"name": "1abc"},
        {"name": "ok", "writer": None},
        {"name": "ok", "reader": "not a path"},
        {"name": "ok", "media_types": ["nonsense"]},
        {"name": "ok", "aliases": ["with space"]},
        {"name": "ok", "many_reader": "a.b:c"},
    ],
)
def test_bad_specs_rejected(kwargs: dict[str, object]) -> None:
    kwargs = dict(kwargs)
    if "writer" not in kwargs:
        kwargs["writer"] = "builtins:str"
    with pytest.raises(ValidationError):
        FormatSpec(**kwargs)  # type: ignore[arg-type]


def test_callables_loaded_lazily() -> None:
    s = spec(reader="json:loads")
    assert s.can_read
    assert s.can_write
    import json

    assert s.load("reader") is json.loads
    assert s.load("sniffer") is None


def test_readers_writers_sorted() -> None:
    reg = Registry()
    reg.add(spec("zed"))
    reg.add(FormatSpec(name="alpha", reader="json:loads"))
    assert [s.name for s in reg.readers()] == ["alpha"]
    assert [s.name for s in reg.writers()] == ["zed"]
    assert [s.name for s in reg] == ["alpha", "zed"]
    assert len(reg) == 2
    reg.remove("zed")
    with pytest.raises(UnknownFormatError):
        reg.remove("zed")
