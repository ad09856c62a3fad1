"""A format whose reader is slow on purpose, for tests that interrupt a batch.

``slow`` files hold a title. Reading one whose title starts with ``slow`` leaves a marker
file named after the process in ``$NEWSPARSE_TEST_MARKERS`` and sleeps for a minute, so a
test can wait until the workers are busy and then send a signal. A title that starts with
``stubborn`` does the same after telling the process to ignore SIGTERM, as a careless
plugin might.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from newsparse import Article, FormatSpec, hookimpl


def read(text: str) -> Article:
    title = text.strip()
    if title.startswith("stubborn"):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if title.startswith(("slow", "stubborn")):
        markers = Path(os.environ["NEWSPARSE_TEST_MARKERS"])
        (markers / str(os.getpid())).write_text(title, encoding="utf-8")
        time.sleep(60)
    return Article(title)


@hookimpl
def register_formats(register):  # type: ignore[no-untyped-def]
    register(FormatSpec(name="slow", extensions=[".slow"], reader=read))
