"""Per-site rules for the body extraction: the ``rules=`` option of the ``html`` reader.

newsparse ships no rules; users add them for their own sites::

    rules = {
        "news.example.com": {"body": "div.story-text", "drop": [".promo", ".share-bar"]},
        "*": {"drop": ["aside.pull-quote"]},
    }
    newsparse.read(page, "html", rules=rules)

A key is a host name: it matches that host and its subdomains (``example.com`` matches
``www.example.com``); ``"*"`` matches every page. The host is the page's canonical URL
(``link rel=canonical``, ``og:url``, JSON-LD ``url``). All matching rules apply, the most
specific host last. Instead of a mapping, ``rules`` may be a callable taking the page URL
(or ``None``) and returning a :class:`SiteRules` mapping or ``None``.
See ``docs/extraction.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeAlias, TypedDict
from urllib.parse import urlsplit

from ..._errors import ParseError

__all__ = ["Rules", "SiteRules", "resolve"]


class SiteRules(TypedDict, total=False):
    """Rules for one site.

    ``body``: a CSS selector for the element holding the article body (the first match
    is used; when nothing matches, the generic extraction runs).
    ``drop``: CSS selectors of elements removed before the extraction.
    """

    body: str
    drop: Sequence[str]


Rules: TypeAlias = Mapping[str, SiteRules] | Callable[[str | None], SiteRules | None]


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def resolve(rules: Rules | None, url: str | None) -> tuple[str | None, list[str]]:
    """The body selector and the drop selectors that apply to a page at ``url``."""
    if rules is None:
        return None, []
    found: list[SiteRules] = []
    if callable(rules):
        one = rules(url)
        if one is not None:
            found.append(one)
    elif isinstance(rules, Mapping):
        host = _host(url)
        matches = []
        for key, value in rules.items():
            key = key.lower().strip(".")
            if key == "*":
                matches.append((-1, value))
            elif host and (host == key or host.endswith("." + key)):
                matches.append((key.count(".") + 1, value))
        found = [value for _, value in sorted(matches, key=lambda m: m[0])]
    else:
        raise ParseError(
            f"rules= takes a mapping of host to rules or a callable, not {type(rules).__name__}",
            format="html",
        )
    body: str | None = None
    drop: list[str] = []
    for one in found:
        if not isinstance(one, Mapping):
            raise ParseError("a site's rules must be a mapping like SiteRules", format="html")
        selector = one.get("body")
        if selector:
            body = selector
        extra = one.get("drop") or ()
        drop.extend([extra] if isinstance(extra, str) else extra)
    return body, drop
