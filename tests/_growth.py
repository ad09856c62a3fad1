"""Growth checks for the linear-time tests: CPU time at growing sizes, best of a few runs.

CPU time (``time.process_time``) leaves out the time the process waits for a core on a
busy machine, and the best of several runs leaves out the rest of the noise; sizes are
chosen so that one run takes milliseconds, well above the clock's resolution. A linear
reader grows about 4x from 1x to 4x the input, a quadratic one about 16x: the tests
assert a ratio between the two, so that only a change of complexity fails them.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from typing import Any

LINEAR = 8.0
"""The largest time ratio from 1x to 4x the input that the tests accept as linear."""


def best_time(run: Callable[[Any], object], data: Any, repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` runs of ``run(data)``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run(data)
        best = min(best, time.process_time() - start)
    return best


def time_growth(
    run: Callable[[Any], object], make: Callable[[int], Any], size: int, repeat: int = 3
) -> float:
    """How many times longer ``run`` takes on ``make(4 * size)`` than on ``make(size)``."""
    small, large = make(size), make(4 * size)
    run(small)  # warm caches and imports
    return best_time(run, large, repeat) / max(best_time(run, small, repeat), 1e-6)


def peak_memory(run: Callable[[Any], object], data: Any) -> int:
    """The peak of memory allocated while ``run(data)`` runs, in bytes (tracemalloc)."""
    tracemalloc.start()
    try:
        run(data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
