"""atheris fuzz target for the `wire` reader: `python fuzz/fuzz_wire.py [libFuzzer options]`."""

import sys

from fuzz_read import main

if __name__ == "__main__":
    main("wire", sys.argv)
