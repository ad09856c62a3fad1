"""Language tags: the one rule every reader and the model apply.

A language tag is BCP 47 in shape: a primary language subtag of two or three letters
(ISO 639; every registered language has one), or ``x``/``i`` for private-use and
grandfathered tags, then subtags of one to eight letters or digits separated by hyphens:
``en``, ``pt-BR``, ``zh-Hant-TW``, ``de-CH-1996``, ``x-klingon``. ``English`` and
``en_US`` are not tags; readers that meet ``en_US`` (``og:locale``) give ``en-US``, and the
placeholders ``und`` and ``x-default`` mean no language.

The pattern itself lives with the model (:data:`newsparse._model._LANGUAGE`), which
refuses any other value.
"""

from __future__ import annotations

from .._model import _LANGUAGE

__all__ = ["is_language_tag", "language_tag"]

_NO_LANGUAGE = frozenset(("x-default", "und"))


def is_language_tag(value: str) -> bool:
    """Whether ``value`` is a language tag the model accepts (as given, not normalised)."""
    return _LANGUAGE.match(value) is not None


def language_tag(value: str | None) -> str | None:
    """The language tag ``value`` stands for, or None.

    Surrounding whitespace is dropped and ``_`` becomes ``-``; ``und``, ``x-default`` and
    anything that is no tag give None.

    >>> language_tag(" en_GB ")
    'en-GB'
    >>> language_tag("English") is None
    True
    """
    if not value:
        return None
    value = value.strip().replace("_", "-")
    if value.lower() in _NO_LANGUAGE:
        return None
    return value if _LANGUAGE.match(value) else None
