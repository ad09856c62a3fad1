"""Growth checks for the linear-time tests: CPU time at growing sizes, best of a few runs.

CPU time (``time.process_time``) leaves out the time the process waits for a core on a
busy machine, and the best of several runs leaves out the rest of the noise. Each timing
lasts at least a few milliseconds, well above the clock's resolution: the input is doubled
while that is cheap in memory, and a fast reader is then run several times per timing.
The input stops growing once a run at 4x would allocate more Python objects than one
pymalloc arena (1 MiB) holds: past that, CPython hands emptied arenas back to the system
after each run and faults fresh pages in at the next, a cost that grows faster than the
input on some machines (``msgspec.json.decode`` of 96,000 short strings grew 6x from
24,000, all of it page faults) and is not the reader's.
The garbage collector is off while timing: its full collections walk every live object of
the process (a whole test session's), which would add a growth that is not the reader's.
A linear reader grows about 4x from 1x to 4x the input, a quadratic one about 16x: the
tests assert a ratio between the two, so that only a change of complexity fails them.
"""

from __future__ import annotations

import gc
import math
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

LINEAR = 8.0
"""The largest time ratio from 1x to 4x the input that the tests accept as linear."""

ARENA = 1 << 20
"""The most Python memory a run at 4x may allocate before the input stops growing."""


def best_time(run: Callable[[Any], object], data: Any, repeat: int = 3, loops: int = 1) -> float:
    """The least CPU time of ``run(data)`` over ``repeat`` timings of ``loops`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(loops):
            run(data)
        best = min(best, (time.process_time() - start) / loops)
    return best


def time_growth(
    run: Callable[[Any], object],
    make: Callable[[int], Any],
    size: int,
    repeat: int = 3,
    min_time: float = 0.01,
) -> float:
    """How many times longer ``run`` takes on ``make(4 * n)`` than on ``make(n)``.

    ``n`` starts at ``size`` and doubles (up to 16 times ``size``) until a run at 1x
    takes ``min_time`` seconds or a run at 4x would allocate more than :data:`ARENA`;
    a faster run is then repeated within each timing up to ``min_time``. A ratio over
    :data:`LINEAR` is measured up to four times more and the least kept: noise passes, a
    change of complexity does not.
    """
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        small = make(size)
        run(small)  # warm caches and imports
        first = best_time(run, small, repeat)
        n = size
        while first < min_time and n < 16 * size and 8 * peak_memory(run, small) <= ARENA:
            n *= 2
            small = make(n)
            first = best_time(run, small, repeat)
        loops = max(1, math.ceil(min_time / max(first, 1e-6)))
        first = best_time(run, small, repeat, loops)
        large = make(4 * n)
        ratio = best_time(run, large, repeat, loops) / max(first, 1e-9)
        for _ in range(4):  # a noisy moment: measure again (a quadratic reader fails each time)
            if ratio < LINEAR:
                break
            again = best_time(run, large, repeat, loops) / max(
                best_time(run, small, repeat, loops), 1e-9
            )
            ratio = min(ratio, again)
        return ratio
    finally:
        if enabled:
            gc.enable()


def peak_memory(run: Callable[[Any], object], data: Any) -> int:
    """The peak of memory allocated while ``run(data)`` runs, in bytes (tracemalloc)."""
    tracemalloc.start()
    try:
        run(data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
