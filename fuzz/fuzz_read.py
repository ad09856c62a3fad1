"""An atheris fuzz target for any registered reader (not run by CI).

    pip install atheris
    python fuzz/fuzz_read.py wire  [atheris/libFuzzer options, e.g. -max_total_time=600]

The per-format scripts next to this one (``fuzz_wire.py``, ``fuzz_json.py``, ...) only fix
the format name. Any exception other than a ``newsparse.NewsparseError`` is a finding:
atheris stops and writes the input that caused it. The Hypothesis versions of these checks
run in the test suite (``tests/test_hardening.py``).
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import newsparse


def target(fmt: str):  # type: ignore[no-untyped-def]
    """The fuzz target for ``fmt``: read the input as text or bytes."""

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        as_text = fdp.ConsumeBool()
        payload = fdp.ConsumeBytes(fdp.remaining_bytes())
        source: str | bytes = payload.decode("utf-8", "replace") if as_text else payload
        with contextlib.suppress(newsparse.NewsparseError):
            newsparse.read(source, fmt)

    return one_input


def main(fmt: str, argv: list[str]) -> None:
    """Fuzz the reader of ``fmt`` with libFuzzer options from ``argv``."""
    spec = newsparse.get_format(fmt)  # fail early on a wrong name
    with atheris.instrument_imports():  # the reader modules load lazily: instrument them too
        for role in ("reader", "many_reader", "sniffer", "encoding_detector"):
            spec.load(role)
    atheris.Setup(argv, target(fmt))
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv[1], [sys.argv[0], *sys.argv[2:]])
