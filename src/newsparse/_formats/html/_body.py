"""The main-content extractor for real news pages (see ``docs/extraction.md``).

The method, with no per-site rules (users may add their own, see :mod:`._rules`):

1. Clean: elements that never hold article text are unlinked in C (``script``, ``style``,
   ``nav``, ``aside``, forms' controls, ``iframe``, ``svg``, …) and so are hidden ones.
2. Score (:mod:`._score`, after readability): every paragraph-like element (``p``, ``pre``,
   ``td``, ``blockquote``, ``dd``) of 25+ script-aware characters and link density under
   one half scores ``1 + commas + min(size/100, 3)``, weighted by ``1 - link density``,
   and passes it to five ancestors (full, half, then ``1/(3·level)``). Paragraphs under
   furniture (``nav``/``aside``/``header``/``footer``, or a class/id naming share bars,
   comments, related links, newsletters, ads, …) score nothing. Candidates add a tag and a
   class/id weight; the best of the top five after ``1 - link density`` wins, rises to a
   common ancestor when several near-equal candidates share one, and takes the siblings
   that score well or read like prose (readability's sibling merge; ``div`` elements of
   inline text count as paragraphs) and the other parts of an article cut into chunks
   (containers of the winner's tag and class elsewhere). The structured hints
   (``itemprop=articleBody``, a lone ``<article>``) are preferred when they hold the
   winner's text.
3. Emit: the chosen nodes are walked in order into typed blocks (paragraphs, headings with
   levels, lists, quotes, preformatted text, figures with captions and credits; text
   directly in a container, ``<br>``-separated, becomes paragraphs; a data table gives a
   paragraph per row; embedded posts are quotes). Containers whose class/id names
   furniture, or that are link lists (boilerpipe's link density, with readability's
   conditional cleaning thresholds), are skipped.
4. Post-process: leading bylines and date lines, texts repeated on the page (labels such as
   ``Advertisement``), and trailing runs of short link-like lines (jusText's context: a
   short block is kept only between good ones) are dropped; trailing contributor notes go
   to ``notes``.
5. JSON-LD ``articleBody``: when the page has it, it is compared with the blocks; blocks
   mostly absent from it are dropped, and it replaces the blocks when they cover little
   of it (the publisher's own text).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..._model import Block, Heading, ListBlock, Media, MediaBlock, Paragraph, Preformatted, Quote
from ..wire._layout import is_note, parse_caption
from . import _score
from ._rules import Rules, resolve
from ._score import choose, dense, hidden, hints, link_size, norm, size, strong_negative

__all__ = ["extract_body"]

_JUNK_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "nav",
    "aside",
    "button",
    "select",
    "textarea",
]
_INLINE = _score.INLINE | {
    # inline for the text of a block, though not prose for the scoring of a container
    "data", "del", "dfn", "img", "ins", "label", "picture", "samp", "source", "wbr",
}  # fmt: skip
_SKIP = frozenset(
    {
        "header",
        "footer",
        "nav",
        "aside",
        "form",
        "h1",
        "hr",
        "img",
        "picture",
        "input",
        "object",
        "embed",
        "canvas",
        "map",
        "dialog",
        "menu",
        "video",
        "audio",
        "link",
        "meta",
        "head",
        "title",
    }
)
_CELLS = frozenset({"td", "th"})
# a table whose cells hold any of these lays out the page (or the text), not data
_CELL_BLOCKS = "table table, p, div, ul, ol, blockquote, h1, h2, h3, h4, h5, h6, pre, figure"
_HEADINGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKISH = "p, div, section, article, ul, ol, table, h2, h3, h4, blockquote, figure"
_END_PUNCT = ".!?。！？…\"'”’»)"
_BYLINE = re.compile(
    r"^(?:by|par|von|di|por|door|av|af|de|от|автор|text|texte|words|written by|"
    r"reporting by|posted by|published by)\b[\s:]",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|modified|publié|veröffentlicht|"
    r"aktualisiert|publicado|actualizado|pubblicato|опубликовано|обновлено)\b.{0,60}|"
    r"[\d/.:, -]{6,}(?:\s*(?:am|pm|gmt|utc|et|est|edt|bst|cet))?)$",
    re.IGNORECASE,
)
_NOTE_LOOKBACK = 3
_MAX_DEPTH = 60


# ---------------------------------------------------------------------------
# text of a block, with <br> kept as a line break


_BREAK = "\u2029"  # a <br> in collected text (source newlines are mere spaces)


def _raw(node: LexborNode, html: str | None = None) -> str:
    """A node's text with each ``<br>`` as ``_BREAK`` (``html``: the node's, if known)."""
    if "<br" not in (node.html or "" if html is None else html):
        return node.text(deep=True)
    parts: list[str] = []
    for item in node.traverse(include_text=True):
        tag = item.tag
        if tag == "-text":
            parts.append(item.text_content or "")
        elif tag == "br":
            parts.append(_BREAK)
    return "".join(parts)


def _split(raw: str) -> list[str]:
    """The lines of a text: ``<br>`` breaks lines, whitespace is collapsed."""
    if _BREAK not in raw:
        text = norm(raw)
        return [text] if text else []
    lines = [norm(line) for line in raw.split(_BREAK)]
    return [line for line in lines if line]


# ---------------------------------------------------------------------------
# blocks


def _figure(node: LexborNode) -> MediaBlock | None:
    img = node.css_first("img, video, audio")
    src = None
    if img is not None:
        attrs = img.attributes
        src = attrs.get("src") or attrs.get("data-src") or attrs.get("data-original")
    caption_node = node.css_first("figcaption")
    caption = credit = None
    if caption_node is not None:
        credit_node = caption_node.css_first(
            '[class*="credit" i], [class*="copyright" i], [class*="source" i]'
        )
        text = norm(caption_node.text(deep=True))
        if credit_node is not None:
            credit = norm(credit_node.text(deep=True)) or None
            if credit and credit in text:
                text = norm(text.replace(credit, "")).rstrip(" (")
        else:
            parsed = parse_caption(text)
            text, credit = parsed.caption or "", parsed.credit
        caption = text or None
    alt = img.attributes.get("alt") if img is not None else None
    if not (src or caption or credit):
        return None
    kind = img.tag if img is not None and img.tag in ("video", "audio") else "image"
    url = src if src and not src.startswith("data:") else None
    return MediaBlock(Media(url, caption=caption, credit=credit, kind=kind, alt=alt or None))


def _is_link_list(node: LexborNode, text: str) -> bool:
    n = dense(text)
    if not n:
        return True
    return "<a" in (node.html or "") and link_size(node) > 0.5 * n


class _Walker:
    """Turns the chosen nodes into blocks, skipping furniture inside them."""

    def __init__(
        self, held: dict[int, int] | None = None, total: int = 0, trust: bool = False
    ) -> None:
        self.out: list[Block] = []
        self.buffer: list[str] = []
        self.held = held or {}
        self.total = total
        self.trust = trust  # a site rule chose the body: keep all of it

    def flush(self) -> None:
        if self.buffer:
            raw = "".join(self.buffer)
            self.buffer = []
            if raw and not raw.isspace():
                self.out.extend(Paragraph(line) for line in _split(raw))

    def container_ok(self, node: LexborNode, weight: int) -> bool:
        """Readability's conditional cleaning of a container inside the content."""
        if self.trust or self.held.get(node.mem_id, 0) * 3 >= self.total > 0:
            return True  # holds much of the scored text: not furniture
        links = node.css("a")
        if not links:
            return True
        text = node.text(deep=True)
        n = dense(text)
        if n == 0:
            return True
        commas = text.count(",") + text.count("，") + text.count("、")
        if commas >= 10:
            return True
        density = sum(dense(a.text(deep=True)) for a in links) / n
        return not ((weight < 25 and density > 0.33) or (weight >= 25 and density > 0.5))

    def walk(self, node: LexborNode, depth: int = 0) -> None:
        if depth > _MAX_DEPTH:
            return
        for child in node.iter(include_text=True):
            self.visit(child, depth)

    def visit(self, child: LexborNode, depth: int) -> None:
        """One node of the content: text goes to the buffer, a block to ``out``."""
        tag = child.tag or ""
        if tag == "-text":
            self.buffer.append(child.text_content or "")
            return
        if tag == "br":
            self.buffer.append(_BREAK)
            return
        if tag.startswith(("-", "!", "_")):
            return
        if tag in _INLINE:
            if tag in ("img", "picture", "source"):
                return
            if not self.trust and strong_negative(child):
                return
            if tag in ("span", "font", "a") and child.css_first(_BLOCKISH) is not None:
                self.flush()
                self.walk(child, depth + 1)
                return
            self.buffer.append(_raw(child))
            return
        self.flush()
        if tag in _SKIP:
            return
        if tag == "figure":
            block = _figure(child)
            if block is not None:
                self.out.append(block)
            return
        if tag == "blockquote":
            # a quotation, or a post embedded in the text (its class names the network):
            # part of the article either way, unless hidden
            if self.trust or not hidden(child):
                self.quote(child)
            return
        furniture, weight = hints(child)
        if furniture and not self.trust:
            return
        if tag == "p":
            html = child.html or ""
            raw = _raw(child, html)
            lines = _split(raw)
            if lines and not ("<a" in html and link_size(child) > 0.5 * dense(raw)):
                self.out.extend(Paragraph(line) for line in lines)
        elif tag in _HEADINGS:
            text = norm(child.text(deep=True))
            if text and not _is_link_list(child, text):
                self.out.append(Heading(text, level=_HEADINGS[tag]))
        elif tag in ("ul", "ol"):
            items = [
                norm(li.text(deep=True))
                for li in child.iter()
                if li.tag == "li" and not strong_negative(li)
            ]
            items = [i for i in items if i]
            if items and not _is_link_list(child, " ".join(items)):
                self.out.append(ListBlock(items, ordered=tag == "ol"))
        elif tag == "table" and child.css_first(_CELL_BLOCKS) is None:
            if self.trust or self.container_ok(child, weight):
                self.table(child)
        elif tag == "pre":
            text = child.text(deep=True).strip("\n")
            if text.strip():
                self.out.append(Preformatted(text))
        elif self.container_ok(child, weight):
            self.walk(child, depth + 1)
            self.flush()

    def table(self, node: LexborNode) -> None:
        """A data table (cells of inline text): one paragraph per row, cells joined."""
        for row in node.css("tr"):
            cells = [norm(cell.text(deep=True)) for cell in row.iter() if cell.tag in _CELLS]
            text = " | ".join(c for c in cells if c)
            if text and (self.trust or not _is_link_list(row, text)):
                self.out.append(Paragraph(text))

    def quote(self, node: LexborNode) -> None:
        cite = node.css_first("cite, footer")
        attribution = norm(cite.text(deep=True)).lstrip("—–-― ") if cite is not None else None
        parts = [norm(p.text(deep=True)) for p in node.css("p")] or [norm(node.text(deep=True))]
        text = " ".join(p for p in parts if p)
        if attribution and text.endswith(attribution):
            text = text[: -len(attribution)].rstrip(" —–-")
        if text and not _is_link_list(node, text):
            self.out.append(Quote(text, attribution=attribution or None))


# ---------------------------------------------------------------------------
# post-processing


def _block_text(block: Block) -> str:
    if isinstance(block, ListBlock):
        return " ".join(block.items)
    if isinstance(block, MediaBlock):
        return ""
    return block.text


def _words(text: str) -> int:
    return max(len(text.split()), size(text) // 6 if not text.isascii() else 0)


def _tidy(blocks: list[Block]) -> list[Block]:
    texts = [_block_text(b) for b in blocks]
    counts = Counter(t for t in texts if t)
    kept: list[Block] = []
    for i, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        if isinstance(block, MediaBlock):
            kept.append(block)
            continue
        if counts[text] > 1 and _words(text) <= 6:
            continue  # repeated labels ("Advertisement")
        if (
            i < 4
            and isinstance(block, Paragraph)
            and _words(text) <= 12
            and (_BYLINE.match(text) or _DATE_LINE.match(text))
        ):
            continue  # a byline or a date line (the metadata has them)
        kept.append(block)
    # trailing runs of short lines that do not end like sentences (furniture)
    while kept:
        last = kept[-1]
        if isinstance(last, MediaBlock):
            kept.pop()
            continue
        text = _block_text(last)
        if isinstance(last, Heading) or (
            _words(text) <= 8 and text[-1:] not in _END_PUNCT and not is_note(text)
        ):
            kept.pop()
            continue
        break
    while kept and isinstance(kept[0], Heading) and len(kept) > 1:
        if isinstance(kept[1], Heading):
            kept.pop(0)
        else:
            break
    return kept


# ---------------------------------------------------------------------------
# JSON-LD articleBody


_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


def _with_jsonld(blocks: list[Block], ld: list[str]) -> tuple[list[Block], bool]:
    """Check the blocks against the publisher's ``articleBody``.

    Returns the blocks to keep and whether the JSON-LD text should replace them.
    """
    ld_tokens = _tokens(" ".join(ld))
    vocab = set(ld_tokens)
    if not vocab:
        return blocks, False
    page_tokens = sum(len(_tokens(_block_text(b))) for b in blocks)
    if len(ld_tokens) < 0.8 * page_tokens:
        return blocks, False  # a summary, not the body
    found: set[str] = set()
    kept: list[Block] = []
    for block in blocks:
        text = _block_text(block)
        tokens = _tokens(text)
        if not tokens:
            kept.append(block)
            continue
        inside = sum(1 for t in tokens if t in vocab)
        if inside >= 0.5 * len(tokens) or isinstance(block, Heading):
            kept.append(block)
            found.update(tokens)
    covered = len(found & vocab) / len(vocab)
    return kept, covered < 0.6 or len(ld_tokens) > 1.5 * page_tokens


# ---------------------------------------------------------------------------
# entry point


def _clean(tree: LexborHTMLParser, drop: list[str]) -> None:
    """Unlink what never holds article text (hidden elements are skipped later)."""
    tree.strip_tags(_JUNK_TAGS)
    body = tree.body
    if body is None:
        return
    for selector in drop:
        for node in body.css(selector):
            if node.mem_id != body.mem_id:
                node.decompose()


def _hint(tree: LexborHTMLParser) -> LexborNode | None:
    """``itemprop=articleBody``, or the page's only ``<article>`` (a structured hint)."""
    articles = []
    for node in tree.css('[itemprop~="articleBody"], article'):
        if node.tag == "article" and "articleBody" not in (node.attributes.get("itemprop") or ""):
            articles.append(node)
        elif node.tag != "meta":
            return node
    return articles[0] if len(articles) == 1 else None


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    key = outer.mem_id
    node: LexborNode | None = inner
    while node is not None:
        if node.mem_id == key:
            return True
        node = node.parent
    return False


def _choose(
    tree: LexborHTMLParser, selector: str | None
) -> tuple[list[LexborNode], dict[int, int] | None]:
    """The nodes to walk and the text held by their elements (``None``: a site rule)."""
    body = tree.body
    if body is None:
        return [], {}
    if selector:
        node = body.css_first(selector)
        if node is not None:
            return [node], None
    chosen = choose(body) or choose(body, 1)  # a page of short paragraphs: take them
    if chosen is None:
        return [], {}
    nodes, score, held = chosen
    hint = _hint(tree)
    if hint is not None and len(nodes) == 1 and not _contains(hint, nodes[0]):
        # the winner is outside the marked body (a comment thread, a teaser list)
        inside = choose(hint)
        if inside is not None and inside[1] >= 0.5 * score:
            return inside[0], inside[2]
    return nodes, held


def extract_body(
    tree: LexborHTMLParser,
    jsonld_paragraphs: list[str],
    rules: Rules | None = None,
    url: str | None = None,
) -> tuple[list[Block], list[str], str]:
    """The body blocks, the notes and where the body came from (see the module docstring).

    The tree is modified (furniture is unlinked): call this after reading the metadata.
    """
    selector, drop = resolve(rules, url)
    _clean(tree, drop)
    nodes, held = _choose(tree, selector)
    if held is None:
        walker = _Walker(trust=True)
    else:
        walker = _Walker(held, max((held.get(n.mem_id, 0) for n in nodes), default=0))
    for node in nodes:
        if node.tag in ("p", "pre", "blockquote", "ul", "ol", "figure") or node.tag in _HEADINGS:
            walker.visit(node, 0)
        else:
            walker.walk(node)
        walker.flush()
    blocks = _tidy(walker.out)
    source = "paragraphs" if blocks else "none"
    if jsonld_paragraphs:
        kept, replace = _with_jsonld(blocks, jsonld_paragraphs)
        if replace:
            blocks = [Paragraph(p) for p in jsonld_paragraphs]
            source = "json-ld:articleBody"
        else:
            blocks = kept
            source = "paragraphs+json-ld"
    notes: list[str] = []
    while blocks and len(notes) < _NOTE_LOOKBACK:
        last = blocks[-1]
        if isinstance(last, Paragraph) and is_note(last.text):
            notes.insert(0, last.text)
            blocks.pop()
        else:
            break
    return blocks, notes, source
