"""detect_format never changes its source: an open file is put back where it was."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

import newsparse

WIRE = Path(__file__).resolve().parents[1] / "examples" / "harbour-reopens.wire.txt"
JSON = '{"newsparse": "1.0", "title": "Harbour reopens"}\n'


def test_detect_then_read_a_binary_file() -> None:
    with WIRE.open("rb") as f:
        assert newsparse.detect_format(f) == "wire"
        assert f.tell() == 0
        assert newsparse.read(f) == newsparse.read(WIRE)


def test_detect_then_read_a_text_file() -> None:
    with WIRE.open(encoding="utf-8", newline="") as f:
        assert newsparse.detect_format(f) == "wire"
        assert newsparse.read(f) == newsparse.read(WIRE)


def test_the_position_is_kept_not_rewound() -> None:
    stream = io.StringIO("preamble\n" + JSON)
    stream.readline()
    assert newsparse.detect_format(stream) == "json"
    assert stream.read() == JSON


def test_only_the_head_is_read() -> None:
    asked: list[int | None] = []

    class Counting(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            asked.append(size)
            return super().read(size)

    stream = Counting(JSON.encode() + b" " * 1_000_000)
    assert newsparse.detect_format(stream) == "json"
    assert asked == [8192]


def test_a_pipe_is_peeked_at() -> None:
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as w:
        w.write(JSON.encode())
    with os.fdopen(read_end, "rb") as r:
        assert not r.seekable()
        assert newsparse.detect_format(r) == "json"
        assert newsparse.read(r).title == "Harbour reopens"


def test_a_stream_that_cannot_go_back_is_refused() -> None:
    class OneWay(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            return b"never read"

    with pytest.raises(newsparse.ReadError, match="cannot seek back"):
        newsparse.detect_format(OneWay())
