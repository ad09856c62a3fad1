"""atheris fuzz target for the `html` reader: `python fuzz/fuzz_html.py [libFuzzer options]`."""

import sys

from fuzz_read import main

if __name__ == "__main__":
    main("html", sys.argv)
