"""atheris fuzz target for the `jsonl` reader: `python fuzz/fuzz_jsonl.py [libFuzzer options]`."""

import sys

from fuzz_read import main

if __name__ == "__main__":
    main("jsonl", sys.argv)
