"""Option mistakes are OptionErrors raised by the host, from the reader's or writer's signature."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

import pytest

import newsparse
from newsparse import Article, FormatSpec, OptionError
from newsparse._options import check_options, option_names
from newsparse.cli import main

WIRE = Path(__file__).resolve().parents[1] / "examples" / "harbour-reopens.wire.txt"


def test_unknown_reader_option_names_the_valid_ones() -> None:
    with pytest.raises(OptionError) as info:
        newsparse.read(WIRE, "wire", strcit=True)
    error = info.value
    assert isinstance(error, TypeError)
    assert isinstance(error, newsparse.NewsparseError)
    assert (error.option, error.format) == ("strcit", "wire")
    assert "strict" in error.valid
    assert str(error).startswith("the wire reader has no option 'strcit' (did you mean 'strict'?)")


def test_wrong_type_names_the_annotation() -> None:
    with pytest.raises(
        OptionError,
        match=r"option 'indent' of the json writer must be "
        r"int \| None, not str \('two'\)",
    ):
        newsparse.write(Article("T"), "json", indent="two")
    assert newsparse.write(Article("T"), "json", indent=2).startswith("{\n")


def test_a_reader_crashing_with_type_error_is_its_own_failure(
    register_format: Callable[..., FormatSpec],
) -> None:
    def read(text: str, *, strict: bool = False) -> Article:
        raise TypeError("unexpected keyword argument, said the reader")  # not the host's

    register_format(FormatSpec(name="crashy", reader=read))
    with pytest.raises(newsparse.ReadError, match="failed while reading: TypeError") as info:
        newsparse.read("x", "crashy", strict=True)
    assert not isinstance(info.value, OptionError)


def _fn(
    doc: str,
    *,
    flag: bool = False,
    count: int = 1,
    ratio: float = 0.5,
    names: Sequence[str] = (),
    tags: list[str] | None = None,
    mode: Literal["a", "b"] = "a",
    anything: object = None,
) -> None:
    pass


@pytest.mark.parametrize(
    ("option", "value", "ok"),
    [
        ("flag", True, True),
        ("flag", 1, False),
        ("count", 3, True),
        ("count", True, False),
        ("count", "3", False),
        ("ratio", 1, True),
        ("ratio", 0.25, True),
        ("ratio", False, False),
        ("names", ["a"], True),
        ("names", 3, False),
        ("tags", None, True),
        ("tags", ["x"], True),
        ("tags", "x", False),
        ("mode", "b", True),
        ("mode", "c", False),
        ("anything", {"a": 1}, True),
    ],
)
def test_type_checks(option: str, value: object, ok: bool) -> None:
    if ok:
        check_options(_fn, {option: value}, format="f", role="reader")
    else:
        with pytest.raises(OptionError, match=f"option {option!r} of the f reader must be"):
            check_options(_fn, {option: value}, format="f", role="reader")


def test_var_keyword_takes_any_name() -> None:
    def read(text: str, *, strict: bool = False, **options: object) -> None:
        pass

    check_options(read, {"whatever": 1}, format="f", role="reader")
    with pytest.raises(OptionError):
        check_options(read, {"strict": "yes"}, format="f", role="reader")
    assert option_names(read) is None
    assert option_names(_fn) == ("flag", "count", "ratio", "names", "tags", "mode", "anything")


def test_a_callable_without_signature_is_not_checked() -> None:
    check_options(str, {"anything": 1}, format="f", role="writer")  # no error: not knowable


def test_a_format_without_options_says_so() -> None:
    with pytest.raises(OptionError, match="the jsonl writer has no option 'indent'; it takes none"):
        newsparse.write(Article("T"), "jsonl", indent=2)


def test_signatures_are_inspected_once(
    register_format: Callable[..., FormatSpec], monkeypatch: pytest.MonkeyPatch
) -> None:
    import inspect

    from newsparse import _options

    calls = []
    real = inspect.signature

    def counting(func: object) -> inspect.Signature:
        calls.append(func)
        return real(func)  # type: ignore[arg-type]

    def write(article: Article, *, loud: bool = False) -> str:
        return article.title.upper() if loud else article.title

    register_format(FormatSpec(name="once", writer=write))
    monkeypatch.setattr(_options.inspect, "signature", counting)
    for _ in range(3):
        assert newsparse.write(Article("t"), "once", loud=True) == "T"
    assert calls == [write]


@pytest.mark.parametrize(
    "argv",
    [
        ["inspect", str(WIRE), "-R", "strcit=true"],
        ["convert", str(WIRE), "--to", "json", "-W", "indent=two"],
        ["convert", str(WIRE), "--from", "wire", "--to", "json", "-R", "strcit=true"],
        ["convert", str(WIRE), "--to", "json", "-R", "no_reader_has_this=1"],
    ],
    ids=["inspect-R", "convert-W", "convert-from-R", "convert-R-detected"],
)
def test_cli_exits_2_on_option_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "option" in err
    assert any(name in err for name in ("strcit", "indent", "no_reader_has"))
    assert "Traceback" not in err
