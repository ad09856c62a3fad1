"""The main-content extractor for real news pages (see ``docs/extraction.md``).

The method, with no per-site rules (users may add their own, see :mod:`._rules`):

1. Clean: elements that never hold article text are unlinked in C (``script``, ``style``,
   ``nav``, ``aside``, forms' controls, ``iframe``, ``svg``, …) and so are hidden ones.
2. Score (:mod:`._extract`, after readability): every paragraph-like element (``p``, ``pre``,
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
from ..._text.captions import parse_caption
from ..._text.notes import is_note
from ._extract import Page, choose, measure
from ._extract import _constants as C
from ._extract._compare import Summary, block_text, doubtful, prefer_second
from ._extract._features import (
    credit_of,
    dense,
    hidden,
    hints,
    is_notice,
    marks_body,
    norm,
    size,
    strong_negative,
)
from ._extract._measure import TEXT_INLINE
from ._extract._readability import Grab, grab
from ._rules import Rules, resolve

__all__ = ["extract_body"]

_JUNK_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "nav",
    "button",
    "select",
    "textarea",
]
_INLINE = TEXT_INLINE
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
# what the second opinion never takes text from (it judged the furniture itself)
_NO_TEXT = _SKIP - {"header", "footer", "aside", "form", "nav", "dialog", "menu"}
# sectioning furniture, walked all the same when it holds much of the chosen text
_SECTIONS = frozenset({"header", "footer", "aside"})
_CELLS = frozenset({"td", "th"})
_HEADINGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
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
_PARTS = re.compile(r"\s+[|·•]\s+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _meta_line(text: str) -> bool:
    """A line of metadata: a byline, a date line, or short parts one of which is a date.

    The parts are split by ``|``, ``·`` or ``•`` (``12 May 2021, 19:49 | Jane Doe``).
    """
    if _BYLINE.match(text) or _DATE_LINE.match(text):
        return True
    parts = _PARTS.split(text)
    return (
        len(parts) > 1
        and all(len(part.split()) <= C.META_PART_WORDS for part in parts)
        and any(_YEAR.search(part) or _DATE_LINE.match(part) for part in parts)
    )


# ---------------------------------------------------------------------------
# text of a block, with <br> kept as a line break


_BREAK = "\u2029"  # a <br> in collected text (source newlines are mere spaces)


def _raw(node: LexborNode, brs: bool) -> str:
    """A node's text with each ``<br>`` as ``_BREAK`` (``brs``: it has ``<br>`` inside)."""
    if not brs:
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


def _image(img: LexborNode | None) -> MediaBlock | None:
    """An image standing alone in the content, unless it is an icon or a tracking pixel."""
    if img is None:
        return None
    attrs = img.attributes
    for side in ("width", "height"):
        value = (attrs.get(side) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < C.MIN_IMAGE_SIDE:
            return None
    src = attrs.get("src") or ""
    if not src or src.startswith("data:"):
        src = attrs.get("data-src") or attrs.get("data-original") or ""
    if not src or src.startswith("data:") or hidden(img):
        return None
    return MediaBlock(Media(src, alt=attrs.get("alt") or None))


class _Walker:
    """Turns the chosen nodes into blocks, skipping furniture inside them.

    Every size it needs is looked up in the measured ``page`` (no subtree is walked twice).
    """

    def __init__(
        self,
        page: Page,
        held: dict[int, int] | None = None,
        total: int = 0,
        trust: bool = False,
        drop: list[bool] | None = None,
    ) -> None:
        self.page = page
        self.out: list[Block] = []
        self.buffer: list[str] = []
        self.held = held or {}
        self.total = total
        # a site rule chose the body, or the second opinion cleaned it: keep all of it
        self.trust = trust or drop is not None
        self.drop = drop  # the second opinion's cleaning: element index -> removed
        self.skip = _SKIP if drop is None else _NO_TEXT

    def link_list(self, node: LexborNode, text: str) -> bool:
        """Whether ``node``, of visible text ``text``, is mostly links (and is dropped)."""
        if self.drop is not None:
            return False  # the second opinion judged the links already
        i = self.page.find(node)
        if i is None or not self.page.links[i]:
            # no links: only a text without any (its dense size 0) is dropped, and telling
            # that needs no size
            return not text.strip(" \n\t\r")
        n = dense(text)
        return not n or self.page.links[i] > C.LINK_LIST_DENSITY * n

    def flush(self) -> None:
        if self.buffer:
            raw = "".join(self.buffer)
            self.buffer = []
            if raw and not raw.isspace():
                self.out.extend(Paragraph(line) for line in _split(raw))

    def has_blocks(self, node: LexborNode) -> bool:
        """Whether a block element (a paragraph, a list, a table, …) lies inside ``node``."""
        i = self.page.find(node)
        return i is None or self.page.blocks[i]

    def holds_much(self, i: int | None) -> bool:
        """Whether element ``i`` holds much of the chosen text (then it is no furniture)."""
        return i is not None and self.held.get(i, 0) >= C.CONTAINER_HELD_SHARE * self.total > 0

    def container_ok(self, node: LexborNode, weight: int) -> bool:
        """Readability's conditional cleaning of a container inside the content."""
        i = self.page.find(node)
        if self.trust or i is None or self.holds_much(i):
            return True
        page = self.page
        n = page.text[i]
        if n == 0 or page.links[i] == 0 or page.commas[i] >= C.CONTAINER_COMMAS:
            return True
        density = page.links[i] / n
        limit = (
            C.CONTENT_CONTAINER_LINK_DENSITY
            if weight >= C.CLASS_WEIGHT
            else C.CONTAINER_LINK_DENSITY
        )
        return density <= limit

    def walk(self, node: LexborNode) -> None:
        """Walk the content of ``node`` (with a stack: any depth, no recursion)."""
        self.descend(node, False)

    def descend(self, node: LexborNode, flush: bool) -> None:
        """Visit what is inside ``node``, and what :meth:`visit` hands back, in order."""
        stack = [(node.iter(include_text=True), flush)]
        while stack:
            child = next(stack[-1][0], None)
            if child is None:
                if stack.pop()[1]:
                    self.flush()
                continue
            inner = self.visit(child)
            if inner is not None:
                stack.append((inner[0].iter(include_text=True), inner[1]))

    def visit(self, child: LexborNode) -> tuple[LexborNode, bool] | None:
        """One node of the content: text goes to the buffer, a block to ``out``.

        A container to walk is handed back, with whether to end the paragraph after it.
        """
        tag = child.tag or ""
        if tag == "-text":
            self.buffer.append(child.text_content or "")
            return None
        if tag == "br":
            self.buffer.append(_BREAK)
            return None
        if tag.startswith(("-", "!", "_")):
            return None
        if self.drop is not None:
            i = self.page.find(child)
            if i is not None and self.drop[i]:
                return None
        if tag in _INLINE:
            if tag in ("img", "picture", "source"):
                if tag != "source" and not "".join(self.buffer).strip():
                    # an image standing between blocks is part of the article
                    block = _image(child if tag == "img" else child.css_first("img"))
                    if block is not None:
                        self.out.append(block)
                return None
            if not self.trust and strong_negative(child, self.page.hints):
                return None
            i = self.page.find(child)
            if i is None:
                self.buffer.append(_raw(child, True))
                return None
            if tag in ("span", "font", "a") and self.page.blocks[i]:
                self.flush()
                return child, False
            self.buffer.append(_raw(child, self.page.brs[i]))
            return None
        self.flush()
        if tag in self.skip and not (tag in _SECTIONS and self.holds_much(self.page.find(child))):
            return None
        if tag == "figure":
            block = _figure(child)
            if block is not None:
                self.out.append(block)
            return None
        if tag == "blockquote":
            # a quotation, or a post embedded in the text (its class names the network):
            # part of the article either way, unless hidden
            if self.trust or not hidden(child):
                self.quote(child)
            return None
        furniture, weight = hints(child, self.page.hints)
        if furniture and not self.trust and not self.holds_much(self.page.find(child)):
            return None  # furniture by its class or role (unless it holds the article)
        if tag == "p":
            i = self.page.find(child)
            raw = _raw(child, i is None or self.page.brs[i])
            lines = _split(raw)
            if lines and not self.link_list(child, raw):
                self.out.extend(Paragraph(line) for line in lines)
        elif tag in _HEADINGS:
            text = norm(child.text(deep=True))
            if text and not self.link_list(child, text):
                self.out.append(Heading(text, level=_HEADINGS[tag]))
        elif tag in ("ul", "ol"):
            items = [
                norm(li.text(deep=True))
                for li in child.iter()
                if li.tag == "li" and (self.trust or not strong_negative(li, self.page.hints))
            ]
            items = [i for i in items if i]
            if items and not self.link_list(child, " ".join(items)):
                self.out.append(ListBlock(items, ordered=tag == "ol"))
        elif tag == "table" and not self.has_blocks(child):
            if self.trust or self.container_ok(child, weight):
                self.table(child)
        elif tag == "pre":
            text = child.text(deep=True).strip("\n")
            if text.strip():
                self.out.append(Preformatted(text))
        elif self.container_ok(child, weight):
            return child, True
        return None

    def table(self, node: LexborNode) -> None:
        """A data table (cells of inline text): one paragraph per row, cells joined."""
        for row in node.css("tr"):
            cells = [norm(cell.text(deep=True)) for cell in row.iter() if cell.tag in _CELLS]
            text = " | ".join(c for c in cells if c)
            if text and (self.trust or not self.link_list(row, text)):
                self.out.append(Paragraph(text))

    def quote(self, node: LexborNode) -> None:
        cite = node.css_first("cite, footer")
        attribution = norm(cite.text(deep=True)).lstrip("—–-― ") if cite is not None else None
        parts = [norm(p.text(deep=True)) for p in node.css("p")] or [norm(node.text(deep=True))]
        text = " ".join(p for p in parts if p)
        if attribution and text.endswith(attribution):
            text = text[: -len(attribution)].rstrip(" —–-")
        if text and not self.link_list(node, text):
            self.out.append(Quote(text, attribution=attribution or None))


# ---------------------------------------------------------------------------
# post-processing


def _short(text: str, words: int) -> bool:
    """Whether ``text`` has at most ``words`` words (or, in CJK text, six size units each).

    The split stops after ``words + 1`` words: a long paragraph is not cut into all its
    words only to be told it has more.
    """
    return len(text.split(None, words)) <= words and (text.isascii() or size(text) // 6 <= words)


def _tidy(blocks: list[Block]) -> list[Block]:
    texts = [block_text(b) for b in blocks]
    counts = Counter(filter(None, texts))
    kept: list[Block] = []
    for i, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        if isinstance(block, MediaBlock):
            kept.append(block)
            continue
        if counts[text] > 1 and _short(text, 6):
            continue  # repeated labels ("Advertisement")
        if i < 4 and isinstance(block, Paragraph) and _short(text, 12) and _meta_line(text):
            continue  # a byline or a date line (the metadata has them)
        # (the credit first: most texts do not end like one, and that is quick to tell)
        found = credit_of(text) if isinstance(block, Paragraph) else None
        if found is not None and _short(text, C.CAPTION_WORDS):
            # a photo's caption whose picture was not a figure
            kept.append(MediaBlock(Media(None, caption=found[0] or None, credit=found[1])))
            continue
        kept.append(block)
    if any(isinstance(b, MediaBlock) for b in kept) and all(
        isinstance(b, (Heading, MediaBlock)) for b in kept
    ):
        return kept  # an article of headings and pictures is still an article
    # trailing runs of short lines that do not end like sentences, and the site's
    # notices after the story (subscribe, follow, donate, copyright): furniture
    notices = 0
    while kept:
        last = kept[-1]
        if isinstance(last, MediaBlock):
            kept.pop()
            continue
        if isinstance(last, Preformatted):
            break  # code is content wherever it stands
        text = block_text(last)
        if isinstance(last, Heading) or (
            _short(text, 8) and text[-1:] not in _END_PUNCT and not is_note(text)
        ):
            kept.pop()  # a heading of nothing, or a short line that is no sentence
            continue
        if (
            notices < C.NOTICE_BLOCKS
            and isinstance(last, Paragraph)
            and _short(text, C.NOTICE_WORDS)
            and is_notice(text)
            and not is_note(text)
        ):
            kept.pop()
            notices += 1
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
    block_tokens = [_tokens(block_text(b)) for b in blocks]
    page_tokens = sum(map(len, block_tokens))
    if len(ld_tokens) < 0.8 * page_tokens:
        return blocks, False  # a summary, not the body
    found: set[str] = set()
    kept: list[Block] = []
    for block, tokens in zip(blocks, block_tokens, strict=True):
        if not tokens:
            kept.append(block)
            continue
        inside = sum(map(vocab.__contains__, tokens))  # the tokens in it (in C)
        if inside >= 0.5 * len(tokens) or isinstance(block, Heading):
            kept.append(block)
            found.update(tokens)
    covered = len(found & vocab) / len(vocab)
    return kept, covered < 0.6 or len(ld_tokens) > 1.5 * page_tokens


# ---------------------------------------------------------------------------
# entry point


def _clean(tree: LexborHTMLParser, drop: list[str]) -> None:
    """Unlink what never holds article text (hidden elements are skipped later)."""
    for fallback in tree.css("body noscript")[: C.NOSCRIPT_LOOKS]:  # a script-rendered article
        if (
            fallback.css_first("p") is not None
            and dense(fallback.text(deep=True)) >= C.NOSCRIPT_MIN
        ):
            fallback.unwrap()
    tree.strip_tags(_JUNK_TAGS)
    body = tree.body
    if body is None:
        return
    for selector in drop:
        for node in body.css(selector):
            if node.mem_id != body.mem_id:
                node.decompose()


def _hint(page: Page, candidates: list[int]) -> int | None:
    """``itemprop=articleBody``, or the page's only ``<article>`` (a structured hint).

    The marked body is looked for among the scoring's candidates (an element holding the
    article's paragraphs is one), the ``<article>``s among the measured tags: no query
    over the whole tree.
    """
    for i in candidates:
        if marks_body(page.nodes[i]):
            return i
    tags = page.tags
    return tags.index("article") if tags.count("article") == 1 else None


def _choose(
    tree: LexborHTMLParser, page: Page, selector: str | None
) -> tuple[list[LexborNode], dict[int, int] | None, int]:
    """The nodes to walk, the text their elements hold, and the page's paragraph text.

    The held text is ``None`` when a site rule chose the nodes.
    """
    body = tree.body
    if body is None:
        return [], {}, 0
    if selector:
        node = body.css_first(selector)
        if node is not None:
            return [node], None, 0
    # a page of short paragraphs: take them; a page whose paragraphs all sit in boxes
    # named like furniture (a forum thread): readability's retry without that filter
    first = choose(page)
    chosen = first or choose(page, 0, 1) or choose(page, 0, 1, by_name=False)
    if chosen is None:
        return [], {}, 0
    prose = first.prose if first is not None else chosen.prose
    nodes = chosen.nodes
    at = _hint(page, chosen.candidates) if len(nodes) == 1 else None
    if at is not None:
        won = page.find(nodes[0])
        if won is not None and not page.holds(at, won):
            # the winner is outside the marked body (a comment thread, a teaser list)
            inside = choose(page, at)
            if inside is not None and inside.score >= C.HINT_SHARE * chosen.score:
                return inside.nodes, inside.held, prose
    return nodes, chosen.held, prose


def _emit(page: Page, nodes: list[LexborNode], held: dict[int, int] | None) -> list[Block]:
    """The blocks of the chosen nodes (``held`` ``None``: keep all of them, no filters)."""
    if held is None:
        walker = _Walker(page, trust=True)
    else:
        total = max((held.get(i, 0) for n in nodes if (i := page.find(n)) is not None), default=0)
        walker = _Walker(page, held, total)
    for node in nodes:
        _walk_one(walker, node)
    return _tidy(walker.out)


def _walk_one(walker: _Walker, node: LexborNode) -> None:
    if node.tag in ("p", "pre", "blockquote", "ul", "ol", "figure") or node.tag in _HEADINGS:
        inner = walker.visit(node)
        if inner is not None:
            walker.descend(*inner)
    else:
        walker.walk(node)
    walker.flush()


def _emit_grab(page: Page, grabbed: Grab) -> list[Block]:
    """The blocks of the second opinion's pieces, without what its cleaning removed."""
    walker = _Walker(page, drop=grabbed.drop)
    for piece in grabbed.pieces:
        if piece.nodes is None:
            if not grabbed.drop[piece.index]:
                _walk_one(walker, page.nodes[piece.index])
            continue
        for node in piece.nodes:
            inner = walker.visit(node)
            if inner is not None:
                walker.descend(*inner)
        walker.flush()
    return _tidy(walker.out)


def first_opinion(
    tree: LexborHTMLParser, page: Page, selector: str | None
) -> tuple[list[Block], bool, int]:
    """The main extractor's blocks, whether a site rule chose them, the page's prose size."""
    nodes, held, prose = _choose(tree, page, selector)
    blocks = _emit(page, nodes, held)
    if held is not None and nodes and not any(not isinstance(b, MediaBlock) for b in blocks):
        # readability's retry: nothing came out of chosen elements that hold text, so
        # everything in them was taken for furniture (a forum thread's posts named like
        # comments): walk them again without the furniture and link-list filters
        blocks = _emit(page, nodes, None)
    return blocks, held is None and bool(nodes), prose


def second_opinion(page: Page, title: str | None) -> tuple[list[Block], bool, float]:
    """The second extractor's blocks, whether it is sure of them, and their link density.

    The second extractor is Readability's algorithm (:mod:`._extract._readability`); it is
    sure when an attempt of its retry ladder found a candidate holding enough text.
    """
    grabbed = grab(page, title)
    if grabbed is None:
        return [], False, 1.0
    density = grabbed.links / grabbed.size if grabbed.size else 1.0
    sure = grabbed.top >= 0 and grabbed.size >= C.RB_CHAR_THRESHOLD
    return _emit_grab(page, grabbed), sure, density


def prepare(
    tree: LexborHTMLParser, rules: Rules | None, url: str | None
) -> tuple[Page, str | None]:
    """Clean the tree and measure its body; the site rule's body selector, if any."""
    selector, drop = resolve(rules, url)
    _clean(tree, drop)
    body = tree.body
    return (measure(body) if body is not None else Page()), selector


def finish(
    blocks: list[Block], jsonld_paragraphs: list[str], method: str = "paragraphs"
) -> tuple[list[Block], list[str], str]:
    """The JSON-LD check and the trailing notes: blocks, notes and the body's source."""
    source = method if blocks else "none"
    if jsonld_paragraphs:
        kept, replace = _with_jsonld(blocks, jsonld_paragraphs)
        if replace:
            blocks = [Paragraph(p) for p in jsonld_paragraphs]
            source = "json-ld:articleBody"
        else:
            blocks = kept
            source = f"{method}+json-ld"
    notes: list[str] = []
    while blocks and len(notes) < _NOTE_LOOKBACK:
        last = blocks[-1]
        if isinstance(last, Paragraph) and is_note(last.text):
            notes.insert(0, last.text)
            blocks.pop()
        else:
            break
    return blocks, notes, source


def extract_body(
    tree: LexborHTMLParser,
    jsonld_paragraphs: list[str],
    rules: Rules | None = None,
    url: str | None = None,
    title: str | None = None,
) -> tuple[list[Block], list[str], str]:
    """The body blocks, the notes and where the body came from (see the module docstring).

    The tree is modified (furniture is unlinked): call this after reading the metadata.
    ``title`` is the page's title (the second extractor drops a heading repeating it).
    """
    page, selector = prepare(tree, rules, url)
    blocks, ruled, prose = first_opinion(tree, page, selector)
    method = "paragraphs"
    if not ruled:
        first = Summary(blocks)
        if doubtful(first, prose):
            second, sure, density = second_opinion(page, title)
            if prefer_second(first, Summary(second), prose, sure, density):
                blocks, method = second, "readability"
    return finish(blocks, jsonld_paragraphs, method)
