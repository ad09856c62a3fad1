r"""schema.org microdata: the first ``itemscope`` of an article type and its own ``itemprop``\ s.

A property belongs to the article's scope when no nearer ``itemscope`` holds it (an
author's ``name`` inside a Person scope is the Person's). Values are read as microdata
defines them: ``content``, then ``datetime`` of a ``<time>``, ``href`` of links, ``src``
of media, else the text.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...._model import Author, Media
from ...._schemaorg.read import ARTICLE_TYPES, types_of
from ...._text.language import language_tag
from ...._text.names import clean_names, dedupe
from ...._text.tidy import tidy
from .found import HTTP, Found, text_of
from .tags import unique

__all__ = ["read_microdata"]


def _own_props(scope: LexborNode) -> dict[str, list[LexborNode]]:
    """The ``itemprop`` elements of ``scope`` itself, by property name, in page order.

    An element inside a nested ``itemscope`` belongs to that scope (the nested scope's own
    element still belongs to ``scope``). Each nested scope is visited once and the ones
    inside it are skipped, so the cost is linear in the size of ``scope``.
    """
    scope_id = scope.mem_id
    inner: set[int] = set()
    for nested in scope.css("[itemscope]"):
        nested_id = nested.mem_id
        if nested_id == scope_id or nested_id in inner:
            continue
        inside = nested.css("[itemprop], [itemscope]")
        inner.update(n.mem_id for n in inside if n.mem_id != nested_id)
    props: dict[str, list[LexborNode]] = {}
    for node in scope.css("[itemprop]"):
        node_id = node.mem_id
        if node_id == scope_id or node_id in inner:
            continue
        for prop in (node.attributes.get("itemprop") or "").split():
            props.setdefault(prop, []).append(node)
    return props


_TEXT_PROPS = frozenset(
    ("headline", "name", "alternativeHeadline", "description", "articleSection")
)


def _item_value(node: LexborNode, prop: str = "") -> str | None:
    """The value of a property element, as microdata defines it.

    A text property on a link is the link's text: ``<a itemprop="name"
    href="/2013/post/">A post</a>`` names the post, not its path.
    """
    attrs = node.attributes
    if "content" in attrs:
        return attrs["content"]
    tag = node.tag
    if tag == "time":
        return attrs.get("datetime") or text_of(node)
    if tag in ("a", "link", "area"):
        return text_of(node) if prop in _TEXT_PROPS and tag == "a" else attrs.get("href")
    if tag in ("img", "audio", "video", "source", "embed", "iframe"):
        return attrs.get("src")
    if tag == "meta":
        return attrs.get("content")
    return text_of(node)


def read_microdata(tree: LexborHTMLParser, found: Found) -> None:
    """Read the article's microdata into ``found``."""
    scope = None
    for node in tree.css("[itemscope][itemtype]"):
        itemtypes = (node.attributes.get("itemtype") or "").split()
        if set(types_of({"@type": itemtypes})) & ARTICLE_TYPES:
            scope = node
            break
    if scope is None:
        return
    props = _own_props(scope)

    def first(prop: str) -> str | None:
        for node in props.get(prop, ()):
            value = tidy(_item_value(node, prop))
            if value:
                return value
        return None

    found.title(first("headline") or first("name"), "microdata:headline")
    found.put("subtitle", first("alternativeHeadline") or first("description"), "microdata")
    found.put("section", first("articleSection"), "microdata:articleSection")
    for prop, field in (("datePublished", "published"), ("dateModified", "updated")):
        for node in props.get(prop, ()):
            found.date(field, _item_value(node), f"microdata:{prop}")
    names: list[Author] = []
    for node in props.get("author", []) + props.get("creator", []):
        if "itemscope" in node.attributes:
            name_node = node.css_first('[itemprop~="name"]')
            raw = _item_value(name_node) if name_node is not None else text_of(node)
            url_node = node.css_first('[itemprop~="url"]')
            url = _item_value(url_node) if url_node is not None else None
        else:
            raw, url = _item_value(node), None
        for name, role in clean_names(raw or ""):
            names.append(Author(name, role=role, url=url if url and HTTP.match(url) else None))
    found.put("authors", dedupe(names), "microdata:author")
    for node in props.get("publisher", []):
        name_node = node.css_first('[itemprop~="name"]')
        raw = _item_value(name_node) if name_node is not None else _item_value(node)
        found.put("publisher", tidy(raw), "microdata:publisher")
    keywords = [tidy(_item_value(n)) for n in props.get("keywords", [])]
    tags = [t for k in keywords if k for t in (k.split(",") if len(keywords) == 1 else [k])]
    found.put("tags", unique(tags), "microdata:keywords")
    image = props.get("image")
    if image:
        node = image[0]
        if "itemscope" in node.attributes:
            inner = node.css_first('[itemprop~="url"], [itemprop~="contentUrl"]')
            url = _item_value(inner) if inner is not None else None
        else:
            url = _item_value(node)
        if url:
            found.put("media", Media(url.strip()), "microdata:image")
    found.put("language", language_tag(first("inLanguage")), "microdata:inLanguage")
