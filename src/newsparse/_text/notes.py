"""Contributor notes and update notices that follow a body, not body paragraphs.

``Jane Doe contributed to this report.``, ``This story has been updated ...``, ``Updated at
8:15 a.m.``, ``Additional reporting by ...``, ``Editing by ...``, ``Correction: ...``.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS, WEEKDAYS

__all__ = ["NOTE", "is_note"]

_CONTRIBUTED = re.compile(
    r"\bcontribut(?:ed|ing|es)\b.{0,60}?\b(?:report|reports|reporting|story|article|coverage)\b",
    re.IGNORECASE,
)
_MONTHS = "|".join(sorted({name[:3] for name in MONTHS}))
_WEEKDAYS = "|".join(WEEKDAYS)
NOTE = re.compile(
    r"""
    (?:
        (?:this|the)\ (?:story|article|report|post|item)\ (?:has\ been|was|is\ being|had\ been)
            \ (?:updated|corrected|revised|amended|edited)\b
      | (?:additional\ )?reporting\ (?:by|from)\b
      | (?:editing|edited|written|writing|compiled|produced)\ by\b
      | (?:correction|update|clarification|editor['’]s\ note)\s*[:—–-]
      | this\ (?:story|article|report)\ (?:first\ )?appeared\ (?:in|on)\b
      | updated(?:\ at|\ on)?\ (?:\d
            | (?:MONTHS)[a-z]*\.?\ \d
            | (?:WEEKDAYS)\b)
    )
    """.replace("MONTHS", _MONTHS).replace("WEEKDAYS", _WEEKDAYS),
    re.IGNORECASE | re.VERBOSE,
)
"""A contributor note or update notice that follows the body, not a body paragraph."""

_NOTE_MAX = 400


def is_note(line: str) -> bool:
    """Whether a one-line block after the body is a contributor note.

    Notes: ``… contributed to this report`` (or ``reporting``, ``… story``), ``This story
    has been updated …``, ``Updated at 8:15 a.m.``, ``Additional reporting by …``,
    ``Editing by …``, ``Correction: …``, ``This article first appeared in …``.
    """
    if len(line) > _NOTE_MAX or "\n" in line:
        return False
    if NOTE.match(line) is not None:
        return True
    at = line.find("ontribut")
    return at > 0 and _CONTRIBUTED.search(line, at - 1) is not None
