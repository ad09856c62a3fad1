"""The ``markdown`` format: YAML front matter for the metadata, the body as CommonMark.

This module is the plugin: it only registers the format. The reader and writer are
imported on first use. The layout, the field mapping and what the format cannot carry are
in ``docs/formats/markdown.md``.

Why these dependencies:

- **markdown-it-py** parses the body. Reading the Markdown people write means CommonMark
  whole: setext and ATX headings, lazy continuation lines, list items of any indentation,
  loose and tight lists, the seven kinds of HTML blocks, link reference definitions,
  entities, the emphasis rules. A hand-written parser for "the subset" misreads ordinary
  documents; markdown-it-py is the reference-quality pure-Python implementation (it passes
  the CommonMark spec tests), small (one dependency, mdurl), typed and well kept. Its
  parse is linear on adversarial input; its one silent failure, dropping what is nested
  deeper than its limit, is turned into a ParseError by a guard rule (see
  ``_reader.MAX_NESTING``). The writer needs no parser: it escapes.
- **PyYAML** reads the front matter. Front matter in the wild is YAML of every shape
  (flow lists, block scalars, single quotes, comments); a hand-written subset would refuse
  most of it. PyYAML (with libyaml's C parser where installed, about ten times faster)
  composes the YAML into nodes, and the reader types them itself with the YAML 1.2 core
  schema and refuses aliases (see ``_front_matter``). The writer emits its own small layout.
"""

from __future__ import annotations

from ..._registry import FormatSpec
from ...hookspecs import Register, hookimpl

__all__ = ["register_formats"]


@hookimpl
def register_formats(register: Register) -> None:
    """Register the ``markdown`` format."""
    register(
        FormatSpec(
            name="markdown",
            aliases=("md", "commonmark"),
            extensions=(".md", ".markdown"),
            media_types=("text/markdown",),
            reader="newsparse._formats.markdown._reader:read",
            writer="newsparse._formats.markdown._writer:write",
            sniffer="newsparse._formats.markdown._reader:sniff",
            description="Markdown: YAML front matter for the metadata, the body as CommonMark; "
            "reads the Markdown people write too.",
        )
    )
