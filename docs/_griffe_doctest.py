"""A griffe extension: render newsparse's reST-flavoured docstrings as Markdown.

The docstrings in ``src/`` are written for ``help()`` and doctest (``>>>`` examples,
``::`` literal blocks, ``:func:`` roles); mkdocstrings renders docstrings as Markdown, where
``>>>`` would become nested block quotes. This extension, run by mkdocstrings (see
``mkdocs.yml``), rewrites each docstring before it is rendered:

- a run of ``>>>`` lines and their output becomes a fenced ``pycon`` block;
- a ``::`` literal block becomes a fenced code block;
- ``:func:`newsparse.read``` and the other roles become code, linked when the target is
  a fully qualified newsparse name.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|meth|data|mod|attr|exc|obj):`~?([\w.]+)(?:\(\))?`")


def _role(match: re.Match[str]) -> str:
    target = match.group(1)
    if target.startswith("newsparse") and not target.startswith("newsparse._"):
        return f"[`{target.rsplit('.', 1)[-1]}`][{target}]"
    return f"`{target}`"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def to_markdown(text: str) -> str:
    """Rewrite one docstring (see the module docstring)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith(">>>"):
            pad = " " * _indent(line)
            out.append(pad + "```pycon")
            while i < len(lines) and lines[i].strip():
                out.append(lines[i])
                i += 1
            out.append(pad + "```")
            continue
        if stripped.endswith("::") and not stripped.startswith(":"):
            # a reST literal block: the indented lines after a blank line
            base = _indent(line)
            head = line[:-1] if stripped != "::" else ""
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            block_end = j
            while block_end < len(lines) and (
                not lines[block_end].strip() or _indent(lines[block_end]) > base
            ):
                block_end += 1
            block = lines[j:block_end]
            while block and not block[-1].strip():
                block.pop()
            if block:
                if head:
                    out.append(_ROLE.sub(_role, head))
                out.append("")
                cut = min(_indent(b) for b in block if b.strip())
                pad = " " * base
                out.append(pad + "```")
                out.extend(pad + b[cut:] if b.strip() else "" for b in block)
                out.append(pad + "```")
                out.append("")
                i = block_end
                continue
        out.append(_ROLE.sub(_role, line))
        i += 1
    return "\n".join(out)


class DoctestToMarkdown(griffe.Extension):
    """Rewrite every docstring of a package with :func:`to_markdown` once it is loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Rewrite the docstrings of ``pkg`` and of everything in it, once each."""
        seen: set[int] = set()
        stack: list[griffe.Object] = [pkg]
        while stack:
            obj = stack.pop()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if obj.docstring is not None:
                obj.docstring.value = to_markdown(obj.docstring.value)
            stack.extend(m for m in obj.members.values() if not m.is_alias)
