"""MkDocs hooks: parts of the docs generated from the code, so they cannot drift.

Markers in the Markdown pages are replaced when the site is built:

- ``<!-- formats-table -->``: the registered formats (name, aliases, extensions, media
  types, what they do), from the live registry;
- ``<!-- formats-fields -->``: which Article fields each format carries, measured by
  writing a sample article in every field and reading it back;
- ``<!-- cli-help ARGS -->``: the output of ``newsparse ARGS --help``.

Only the built-in formats are shown: entry-point plugins are switched off here, so the
site does not depend on what happens to be installed. ``tests/test_docs.py`` calls these
functions too.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs

os.environ["NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD"] = "1"

import newsparse
from newsparse import (
    Article,
    Author,
    Heading,
    ListBlock,
    Media,
    MediaBlock,
    Paragraph,
    Preformatted,
    Quote,
)

log = logging.getLogger("mkdocs.hooks.newsparse")

DOCS = Path(__file__).resolve().parent
_CLI_HELP = re.compile(r"<!-- cli-help ?([\w -]*) -->")


def format_page(spec: newsparse.FormatSpec) -> str | None:
    """The docs page of a format, relative to ``docs/formats/``, or ``None``.

    It is ``NAME.md``, or the page of the plugin module that registers the format
    (``jsonl`` is on ``json.md``).
    """
    candidates = [spec.name]
    if spec.plugin:
        candidates.append(spec.plugin.rsplit(".", 1)[-1])
    for name in candidates:
        if (DOCS / "formats" / f"{name}.md").is_file():
            return f"{name}.md"
    return None


def _code(values: tuple[str, ...]) -> str:
    return " ".join(f"`{v}`" for v in values) or "–"


def formats_table() -> str:
    """The Markdown table of the registered formats."""
    rows = [
        "| format | reads | writes | lossless | extensions | media types | aliases | what it is |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for spec in newsparse.formats():
        description = spec.description.replace("|", "\\|")
        page = format_page(spec)
        name = f"[`{spec.name}`]({page})" if page else f"`{spec.name}`"
        if page is None:
            log.warning("format %r has no page in docs/formats/", spec.name)
        rows.append(
            f"| {name} | {'yes' if spec.can_read else 'no'} | {'yes' if spec.can_write else 'no'}"
            f" | {'yes' if spec.lossless else 'no'} | {_code(spec.extensions)}"
            f" | {_code(spec.media_types)} | {_code(spec.aliases)}"
            f" | {description} |"
        )
    return "\n".join(rows)


def sample_article() -> Article:
    """An article with every field set, in values most formats can express."""
    return Article(
        "Harbour reopens after the storm",
        subtitle="Ferries run a reduced timetable until Friday",
        section="Local",
        authors=[Author("Mara Quint", role="staff writer", url="https://example.org/mq")],
        published=datetime(2024, 3, 5, 9, 30, tzinfo=ZoneInfo("America/New_York")),
        updated=datetime(2024, 3, 5, 16, 0, tzinfo=ZoneInfo("America/New_York")),
        url="https://example.org/local/harbour-reopens",
        publisher="The Portvale Courier",
        language="en",
        media=[
            Media(
                url="https://example.org/boats.jpg",
                caption="Boats leave the harbour.",
                credit="Courier Photo/Jonas Lind",
                alt="Fishing boats at dawn",
            )
        ],
        body=[
            Paragraph("The harbour reopened on Tuesday."),
            Heading("What happens next"),
            Quote("We will rebuild.", attribution="the mayor"),
            ListBlock(["Ferries", "Cargo"]),
            Preformatted("Pier   Status\nNorth  closed"),
            MediaBlock(Media(url="https://example.org/map.png", caption="The new route.")),
        ],
        notes=["City Desk staff contributed to this report."],
        tags=["ferries", "storms"],
        extras={"docs.sample": True},
    )


FIELDS = tuple(field.name for field in attrs.fields(Article))


def carried(spec: newsparse.FormatSpec, sample: Article) -> dict[str, str]:
    """Which fields of ``sample`` survive being written in this format and read back.

    ``"yes"`` if the field comes back equal, ``"partly"`` if something of it does, ``"no"``
    otherwise.
    """
    back = newsparse.read(newsparse.write(sample, spec.name), spec.name)
    result = {}
    for field in FIELDS:
        want, got = getattr(sample, field), getattr(back, field)
        if field == "extras":  # a format adds its own keys on reading
            kept = {k: got.get(k) for k in want}
            same = kept == dict(want)
            some = any(k in got for k in want)
        else:
            same = got == want
            some = bool(got)
        result[field] = "yes" if same else ("partly" if some else "no")
    return result


def fields_table() -> str:
    """The Markdown table of which Article fields each format carries."""
    sample = sample_article()
    specs = [s for s in newsparse.formats() if s.can_read and s.can_write]
    rows = [
        "| field | " + " | ".join(f"`{s.name}`" for s in specs) + " |",
        "|---|" + "---|" * len(specs),
    ]
    columns = {}
    for spec in specs:
        try:
            columns[spec.name] = carried(spec, sample)
        except Exception as exc:  # a writer must never fail on a valid Article
            log.warning("format %r cannot round-trip the sample article: %s", spec.name, exc)
            columns[spec.name] = dict.fromkeys(FIELDS, "error")
    for field in FIELDS:
        cells = " | ".join(columns[s.name][field] for s in specs)
        rows.append(f"| `{field}` | {cells} |")
    return "\n".join(rows)


def cli_help(args: str) -> str:
    """The output of ``newsparse ARGS --help``."""
    from newsparse.cli import main

    out = io.StringIO()
    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"  # argparse wraps help to the terminal's width
    try:
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            main([*args.split(), "--help"])
    finally:
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns
    return out.getvalue().rstrip("\n")


def render(markdown: str) -> str:
    """Replace the markers of one page by what they stand for."""
    if "<!-- formats-table -->" in markdown:
        markdown = markdown.replace("<!-- formats-table -->", formats_table())
    if "<!-- formats-fields -->" in markdown:
        markdown = markdown.replace("<!-- formats-fields -->", fields_table())
    return _CLI_HELP.sub(lambda m: f"```console\n{cli_help(m.group(1))}\n```", markdown)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """MkDocs hook: fill in the generated parts of a page."""
    return render(markdown)
