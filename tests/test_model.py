from __future__ import annotations

import pickle
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import pytest

from newsparse import (
    Article,
    Author,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
    ValidationError,
)
from newsparse._model import BLOCK_TYPES

NY = ZoneInfo("America/New_York")


def make() -> Article:
    return Article(
        "Harbour reopens after storm",
        subtitle="Ferries run again",
        section="Local",
        authors=[Author("Mara Quint"), Author("Tom Ede", role="opinion contributor")],
        published=datetime(2024, 3, 5, 9, 30, tzinfo=NY),
        media=[Media(caption="The quay at dawn.", credit="Photo/Lena Berg")],
        body=[
            Paragraph("The harbour reopened on Tuesday."),
            Heading("What next", level=3),
            Quote("We are back.", attribution="a ferry captain"),
            ListBlock(["north pier", "south pier"], ordered=True),
            Preformatted("a  b\n c"),
            MediaBlock(Media(url="https://example.org/map.png")),
        ],
        notes=["Staff contributed to this report."],
        tags=["ferries", "Storm Ida"],
        extras={"wire.date": "2024-03-05", "json.custom": {"a": [1, 2]}},
    )


def test_fields_are_converted_to_tuples() -> None:
    a = make()
    assert isinstance(a.authors, tuple)
    assert isinstance(a.body, tuple)
    assert a.tags == ("ferries", "Storm Ida")
    assert a.extras["json.custom"]["a"] == (1, 2)


def test_frozen_and_slotted() -> None:
    a = make()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.title = "x"  # type: ignore[misc]
    assert not hasattr(a, "__dict__")
    b = attrs.evolve(a, title="New title")
    assert b.title == "New title"
    assert b.body == a.body


def test_extras_are_read_only() -> None:
    a = make()
    with pytest.raises(TypeError):
        a.extras["wire.date"] = "x"  # type: ignore[index]
    with pytest.raises(TypeError):
        a.extras["json.custom"]["b"] = 1


def test_extras_keys_are_namespaced() -> None:
    with pytest.raises(ValidationError, match="namespaced"):
        Article("t", extras={"trending": []})


@pytest.mark.parametrize("value", [object(), float("nan"), {1: "a"}, {"x"}])
def test_extras_values_are_json_like(value: object) -> None:
    with pytest.raises(ValidationError):
        Article("t", extras={"x.y": value})


def test_naive_datetime_rejected_with_clear_error() -> None:
    with pytest.raises(ValidationError, match="timezone-aware"):
        Article("t", published=datetime(2024, 1, 1, 12, 0))
    with pytest.raises(ValidationError, match="must be a datetime"):
        Article("t", updated="2024-01-01")  # type: ignore[arg-type]


def test_validation_error_is_also_value_error() -> None:
    with pytest.raises(ValueError, match="level"):
        Heading("x", level=7)


def test_datetime_equality_needs_same_offset() -> None:
    when = datetime(2022, 11, 8, 9, 29, tzinfo=NY)
    same_instant_utc = when.astimezone(timezone.utc)
    assert when == same_instant_utc  # plain datetimes ignore the offset...
    assert Article("t", published=when) != Article("t", published=same_instant_utc)
    fixed = when.astimezone(timezone(timedelta(hours=-5)))
    assert Article("t", published=when) == Article("t", published=fixed)
    assert hash(Article("t", published=when)) == hash(Article("t", published=fixed))


@pytest.mark.parametrize("level", [0, 7, True, 2.0])
def test_heading_level(level: object) -> None:
    with pytest.raises(ValidationError):
        Heading("x", level=level)  # type: ignore[arg-type]


def test_wrong_item_types() -> None:
    with pytest.raises(ValidationError, match=r"authors\[0\]"):
        Article("t", authors=["Mara Quint"])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="sequence of str"):
        Article("t", tags="politics")
    with pytest.raises(ValidationError, match="body block"):
        Article("t", body=["text"])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="must be a str"):
        Article(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("tag", ["en", "pt-BR", "zh-Hant-TW", "de-CH-1996", "x-klingon"])
def test_language_accepts_bcp47(tag: str) -> None:
    assert Article("t", language=tag).language == tag


@pytest.mark.parametrize("tag", ["", "en_US", "english language", "e", "English", "x"])
def test_language_rejects_non_bcp47(tag: str) -> None:
    with pytest.raises(ValidationError, match="BCP 47"):
        Article("t", language=tag)


def test_block_types_are_discriminated() -> None:
    assert set(BLOCK_TYPES) == {"paragraph", "heading", "quote", "list", "preformatted", "media"}
    for name, cls in BLOCK_TYPES.items():
        assert cls.type == name


def test_text_joins_blocks() -> None:
    a = make()
    assert a.text.startswith("The harbour reopened on Tuesday.\n\nWhat next\n\nWe are back.")
    assert "north pier\nsouth pier" in a.text


def test_pickle_and_hash() -> None:
    a = make()
    assert pickle.loads(pickle.dumps(a)) == a
    assert hash(a) == hash(attrs.evolve(a))
    assert type(a).__module__ == "newsparse"


def test_unicode_kept_as_given() -> None:
    text = "“Quoted” — naïve café ‘x’\u00a0end 🙂 שלום"
    assert Paragraph(text).text == text


def test_fold_hour_equals_same_instant_and_offset() -> None:
    # 2022-11-06 01:30 EST (the second 1:30, fold=1) is 06:30 UTC, offset -05:00
    repeated = datetime(2022, 11, 6, 1, 30, fold=1, tzinfo=NY)
    fixed = datetime(2022, 11, 6, 1, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert Article("t", published=repeated) == Article("t", published=fixed)
    first = datetime(2022, 11, 6, 1, 30, fold=0, tzinfo=NY)  # EDT, an hour earlier
    assert Article("t", published=first) != Article("t", published=fixed)


def test_hand_made_frozen_mapping_is_still_checked() -> None:
    from newsparse._model import FrozenMapping

    with pytest.raises(ValidationError, match="namespaced"):
        Article("t", extras=FrozenMapping({"no_namespace": 1}))
    a = Article("t", extras=FrozenMapping({"x.y": [1, {"z": [2]}]}))
    assert a.extras["x.y"] == (1, {"z": (2,)})
    assert attrs.evolve(a).extras is a.extras


def test_none_for_a_sequence_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="got None"):
        Article("t", tags=None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="got None"):
        Article("t", authors=None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="namespaced"):
        Article("t", extras={1: 2, "a.b": 1})  # type: ignore[dict-item]


def test_datetimes_without_a_utc_instant_are_refused() -> None:
    edge = datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-14)))
    with pytest.raises(ValidationError, match="too close to the ends"):
        Article("t", published=edge)
