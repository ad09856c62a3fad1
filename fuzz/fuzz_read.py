"""An atheris fuzz target for any registered reader (not run by CI).

    pip install atheris
    python fuzz/fuzz_read.py wire  [atheris/libFuzzer options, e.g. -max_total_time=600]

Without a corpus folder among the options, the run starts from valid documents written
from generated Articles (``fuzz/corpus/FORMAT/``, ignored by git).

The per-format scripts next to this one (``fuzz_wire.py``, ``fuzz_json.py``, ...) only fix
the format name. Any exception other than a ``newsparse.NewsparseError`` is a finding:
atheris stops and writes the input that caused it. The Hypothesis versions of these checks
run in the test suite (``tests/test_hardening.py``).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

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


def seed_corpus(fmt: str) -> str:
    """A folder of valid documents in ``fmt`` to start from (made afresh, not kept in git)."""
    from hypothesis import HealthCheck, given, settings

    from newsparse.testing import strategies

    folder = Path(__file__).resolve().parent / "corpus" / fmt
    folder.mkdir(parents=True, exist_ok=True)
    spec = newsparse.get_format(fmt)
    if spec.can_write:
        written: list[str] = []

        @settings(max_examples=50, database=None, suppress_health_check=list(HealthCheck))
        @given(strategies.articles())
        def collect(article: newsparse.Article) -> None:
            written.append(newsparse.write(article, fmt))

        collect()
        for i, text in enumerate(written):
            # the first byte is the target's "as text?" switch: seed both ways
            (folder / f"seed-{i:03d}-text").write_bytes(b"\x01" + text.encode("utf-8"))
            (folder / f"seed-{i:03d}-bytes").write_bytes(b"\x00" + text.encode("utf-8"))
    return str(folder)


def main(fmt: str, argv: list[str]) -> None:
    """Fuzz the reader of ``fmt`` with libFuzzer options from ``argv``."""
    spec = newsparse.get_format(fmt)  # fail early on a wrong name
    if not any(not a.startswith("-") for a in argv[1:]):  # no corpus folder given
        argv = [*argv, seed_corpus(fmt)]
    with atheris.instrument_imports():  # the reader modules load lazily: instrument them too
        for role in ("reader", "many_reader", "sniffer", "encoding_detector"):
            spec.load(role)
    atheris.Setup(argv, target(fmt))
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv[1], [sys.argv[0], *sys.argv[2:]])
