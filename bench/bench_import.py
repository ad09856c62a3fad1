"""How much `import newsparse` costs on top of `import attrs, pluggy`.

    python bench/bench_import.py [RUNS]

Each statement runs in a fresh interpreter RUNS times (default 20), alternating, and the
best wall-clock time of each is compared, so interpreter start-up cancels out. The target
is at most 50 ms above the baseline. For a per-module breakdown, run
`python -X importtime -c "import newsparse"`.
"""

from __future__ import annotations

import subprocess
import sys
import time


def best(statement: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    baseline = best("import attrs, pluggy", runs)
    ours = best("import newsparse", runs)
    first_use = best("import newsparse; newsparse.formats()", runs)
    print(f"import attrs, pluggy           {baseline * 1000:7.1f} ms (best of {runs})")
    extra = (ours - baseline) * 1000
    print(f"import newsparse               {ours * 1000:7.1f} ms  (+{extra:.1f} ms)")
    print(
        f"import + load plugins          {first_use * 1000:7.1f} ms  "
        f"(+{(first_use - baseline) * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    main()
