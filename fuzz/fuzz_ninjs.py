"""atheris fuzz target for the `ninjs` reader: `python fuzz/fuzz_ninjs.py [libFuzzer options]`."""

import sys

from fuzz_read import main

if __name__ == "__main__":
    main("ninjs", sys.argv)
