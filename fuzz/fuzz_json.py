"""atheris fuzz target for the `json` reader: `python fuzz/fuzz_json.py [libFuzzer options]`."""

import sys

from fuzz_read import main

if __name__ == "__main__":
    main("json", sys.argv)
