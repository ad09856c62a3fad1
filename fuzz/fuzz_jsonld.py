"""atheris fuzz target for the `jsonld` reader: `python fuzz/fuzz_jsonld.py [libFuzzer options]`."""

import sys

from fuzz_read import main

if __name__ == "__main__":
    main("jsonld", sys.argv)
