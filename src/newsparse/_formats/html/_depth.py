"""A bound on element nesting before the page reaches the HTML parser.

The HTML tree builder checks the stack of open elements on most start tags (is a ``<p>``
in button scope? is there a ``<li>`` to close?), so a page nesting ``n`` elements costs
time in ``n ** 2``: 20,000 nested ``<div>`` (100 KB) take half a second in lexbor, 80,000
take thirteen. Browsers stop nesting at 512 open elements (Blink's and WebKit's
``kMaximumHTMLParserDOMTreeDepth``); lexbor has no such limit and selectolax exposes no
option for one, so newsparse applies it to the text, in one linear pass, before parsing.

The pass is a small model of the tree builder, not a parser: it follows start and end
tags with a stack of names, the end tags that browsers imply for the common unclosed
elements (``p``, ``li``, ``dt``/``dd``, table cells and rows, options), void elements,
comments and raw-text elements (``script``, ``style``...), and end tags that match
nothing. Past :data:`MAX_DEPTH` open elements it does what browsers do: an element
opened there is a child of the deepest element, and the next start tag makes a sibling
of it instead of a child (the pass writes the end tag that closes it, and leaves out
that element's own end tag when it comes). Nothing is left out of the text: the
elements stay with their attributes and content, only their nesting is flattened.

Pages with at most :data:`FEW_TAGS` tags cannot nest deeply enough to cost the parser
more than a few tens of milliseconds, so they skip the pass (:func:`needs_bounding`
counts ``<`` in the undecoded bytes where there are some, and options); that is nearly
every real page. Mixed-case ``<Option`` tags escape that count: below the tag bound they
cost the parser a tenth of a second at most. On the
evaluation sets the deepest real page nests about 50 elements, far below the bound, and
the pass changes none of them.
"""

from __future__ import annotations

import re
from typing import AnyStr, Final

MAX_DEPTH: Final = 512
"""Open elements the text may nest before start tags are left out (browsers: 512)."""

MAX_OPTIONS: Final = 512
"""Options one ``<select>`` may hold before the pass closes it: lexbor's select handling
costs time in the square of their number (the options after it stay, outside the
select)."""

FEW_TAGS: Final = 4096
"""Pages with no more ``<`` than this skip the pass: at that size even the worst
nesting costs the parser well under a tenth of a second."""


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SCAN: Final = re.compile(r"<(!--|/?[A-Za-z][A-Za-z0-9:-]*)")
_VOID: Final = _names(
    "area base basefont bgsound br col embed frame hr image img input keygen link meta "
    "param source track wbr"
)
_OPTION_TEXT: Final = re.compile("<(?:option|OPTION)")
_OPTION_BYTES: Final = re.compile(b"<(?:option|OPTION)")
_RAW_TEXT: Final = _names("script style textarea title xmp iframe noembed noframes")
# start tags that end an open <p> (the spec's list, less the rare ones)
_CLOSES_P: Final = _names(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre "
    "section summary table ul dd dt"
)
# start tag -> the open elements on top of the stack that it ends
_ENDS: Final = {
    "li": frozenset({"li", "p"}),
    "dt": frozenset({"dt", "dd", "p"}),
    "dd": frozenset({"dt", "dd", "p"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "tr": frozenset({"td", "th", "tr"}),
    "tbody": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "thead": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "tfoot": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "option": frozenset({"option"}),
    "optgroup": frozenset({"option", "optgroup"}),
}
# an end tag looks for its element this far down the stack, and never past these
_LOOK_DOWN: Final = 16
_BOUNDARY: Final = _names("applet caption html marquee object table td th template select")
# the spec's "special" elements: an end tag of any other element stops at one of them
_SPECIAL: Final = _names(
    "address applet area article aside base basefont bgsound blockquote body br button "
    "caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure "
    "footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img "
    "input keygen li link listing main marquee menu meta nav noembed noframes noscript "
    "object ol p param plaintext pre script search section select source style summary "
    "table tbody td template textarea tfoot th thead title tr track ul wbr xmp"
)


def needs_bounding(page: str | bytes) -> bool:
    """Whether ``page`` (decoded or not) has tags enough to need :func:`bound_depth`.

    Counting is fast (it runs in C), so this is what nearly every page costs.
    """
    if isinstance(page, str):
        tags = page.count("<")
        if not FEW_TAGS >= tags > 2 * MAX_OPTIONS:
            return tags > FEW_TAGS
        return _options(page, "<option", "<OPTION") > MAX_OPTIONS
    # the bytes a deletion takes away are the count: CPython finds the one byte to delete
    # with memchr, twice as fast as bytes.count, which compares byte by byte
    tags = len(page) - len(page.replace(b"<", b""))
    if not FEW_TAGS >= tags > 2 * MAX_OPTIONS:
        return tags > FEW_TAGS
    return _options(page, b"<option", b"<OPTION") > MAX_OPTIONS


def _options(page: AnyStr, lower: AnyStr, upper: AnyStr) -> int:
    """The ``<option`` and ``<OPTION`` tags of a page.

    Most pages have none: one regular-expression scan tells that (in about 60% of the time
    of the two reverse searches it replaces), and the counts run only when one is there.
    """
    found = _OPTION_TEXT if isinstance(page, str) else _OPTION_BYTES
    if found.search(page) is None:
        return 0
    return page.count(lower) + page.count(upper)


def bound_depth(text: str) -> tuple[str, int]:
    """``text`` with nesting past :data:`MAX_DEPTH` flattened, and the elements past it.

    0 elements: the text is returned unchanged.

    The pass runs whatever the page; :func:`needs_bounding` tells the pages worth it.

    >>> page = "<div>" * 600 + "<p>deep text</p>" + "</div>" * 600
    >>> flat, capped = bound_depth(page * 10)
    >>> capped, flat.count("<p>deep text</p>")
    (890, 10)
    >>> needs_bounding(page * 10), needs_bounding(page)
    (True, False)
    >>> bound_depth("<p>a<p>b")
    ('<p>a<p>b', 0)
    """
    stack: list[str] = []
    capped = False  # the top of the stack was opened past the bound
    closed: dict[str, int] = {}  # elements closed early whose own end tags are to come
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    tag_end = _TagEnds(text)
    select_at, options = -1, 0  # where the open <select> is on the stack; its options
    count, pos, end = 0, 0, len(text)
    for m in _SCAN.finditer(text):
        start = m.start()
        if start < pos:  # inside a comment, a script or a tag already handled
            continue
        pos = m.end()
        name = m.group(1).lower()
        if name[0] == "/":  # an end tag
            name = name[1:]
            if stack and stack[-1] == name and (capped or not closed):
                stack.pop()  # the common case: it ends the element on top
                capped = False
            elif closed.get(name):  # that element was closed early: its end tag goes
                closed[name] -= 1
                edits.append((start, tag_end(pos), ""))
                pos = edits[-1][1]
            else:
                _close(stack, name)
                capped = capped and len(stack) > MAX_DEPTH
            continue
        if name == "!--":  # a comment: tags inside it are text
            close = text.find("-->", pos)
            pos = end if close < 0 else close + 3
            continue
        if name in _VOID:
            continue
        if name in _RAW_TEXT:  # its text runs to its own end tag
            raw_end = _raw_end(name).search(text, pos)
            pos = end if raw_end is None else raw_end.start()
            continue
        if stack:
            ends = _ENDS.get(name)
            while ends is not None and stack and stack[-1] in ends:
                stack.pop()
                capped = False
            if stack and stack[-1] == "p" and name in _CLOSES_P:
                stack.pop()
                capped = False
        if name == "select":
            select_at, options = len(stack), 0
        elif name == "option" and select_at < len(stack) and stack[select_at] == "select":
            options += 1
            if options > MAX_OPTIONS:
                edits.append((start, start, "</select>"))
                closed["select"] = closed.get("select", 0) + 1
                del stack[select_at:]
                capped, select_at = False, -1
        if len(stack) > MAX_DEPTH:  # a sibling of the element opened past the bound
            top = stack.pop()
            closed[top] = closed.get(top, 0) + 1
            edits.append((start, start, f"</{top}>"))
        if len(stack) >= MAX_DEPTH:
            capped = True
            count += 1
        stack.append(name)
    if not edits:
        return text, 0
    pieces, last = [], 0
    for a, b, new in edits:
        pieces.append(text[last:a])
        pieces.append(new)
        last = b
    pieces.append(text[last:])
    return "".join(pieces), count


def _close(stack: list[str], name: str) -> None:
    """Pop ``name`` and what is open above it, as far as an end tag reaches."""
    stops = _BOUNDARY if name in _SPECIAL else _SPECIAL
    for i in range(len(stack) - 1, max(-1, len(stack) - 1 - _LOOK_DOWN), -1):
        if stack[i] == name:
            del stack[i:]
            return
        if stack[i] in stops:
            return


class _TagEnds:
    """Where the tag starting before ``pos`` ends: just after the next ``>``.

    The scan only moves forward, so the last ``>`` found is reused until the scan passes
    it, and a text with no ``>`` left is searched once, not once per tag.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.gt = -1  # the last '>' found
        self.none_after = len(text) + 1  # no '>' at or after this position

    def __call__(self, pos: int) -> int:
        if pos >= self.none_after:
            return len(self.text)
        if self.gt < pos:
            self.gt = self.text.find(">", pos)
            if self.gt < 0:
                self.none_after = pos
                return len(self.text)
        return self.gt + 1


_RAW_ENDS: dict[str, re.Pattern[str]] = {}


def _raw_end(name: str) -> re.Pattern[str]:
    pattern = _RAW_ENDS.get(name)
    if pattern is None:
        pattern = _RAW_ENDS[name] = re.compile(rf"</{name}", re.IGNORECASE)
    return pattern
