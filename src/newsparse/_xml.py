"""Safe XML loading and writing helpers shared by the XML formats (nitf, newsmlg2, rss, atom).

The parser is lxml (libxml2), configured so that a document can never reach outside
itself or grow while it is parsed:

- ``resolve_entities=False``, ``load_dtd=False``, ``no_network=True``: no entity is
  expanded and no DTD, schema or entity is loaded from the file system or the network
  (XXE). A ``<!DOCTYPE>`` that only names an external DTD (``<!DOCTYPE nitf SYSTEM
  "nitf-3-6.dtd">``, as agencies write) is allowed and ignored.
- A DTD that *declares* entities (internal subset with ``<!ENTITY``) is refused before
  libxml2 sees it, and checked again on the parsed tree: billion laughs, quadratic
  blowup and external entities all end in a :class:`~newsparse.ParseError`.
- ``huge_tree=False``: libxml2's own limits stay on (nesting deeper than 256 elements,
  a text node over 10 MB, names over 50,000 characters are errors), so every walk over
  the tree is bounded and recursion in the readers cannot overflow.

Why lxml and not defusedxml over the standard library's expat: lxml is maintained
(releases every few months, wheels for every platform), parses several times faster
(the tree is built in C, where defusedxml needs the pure-Python ElementTree parser to
reach expat's handlers), reports line and column, and has a recovering mode that real
feeds need. defusedxml's last release is from 2021.

Only the five predefined entities and character references are part of XML without a
DTD. With ``html_entities=True`` (the feed readers) the names HTML defines (``&nbsp;``,
``&rsquo;``) are read as their characters from a fixed table, which never grows the
document by more than a few characters per reference; a bare ``&`` becomes ``&amp;``
and characters XML 1.0 forbids are dropped, each noted as a :class:`Repair`.
"""

from __future__ import annotations

import codecs
import html.entities
import re
import threading
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from lxml import etree

from ._errors import DecodeError, ParseError, WriteError

__all__ = [
    "XML_DECLARATION",
    "Repair",
    "check_text",
    "children",
    "declared_encoding",
    "error_at",
    "escape_attr",
    "escape_text",
    "line_offsets",
    "local",
    "parse",
    "raw_text",
    "root_name",
    "text_of",
]

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

_PREDEFINED = frozenset({"amp", "lt", "gt", "quot", "apos"})
_HTML5: dict[str, str] = {
    name[:-1]: value for name, value in html.entities.html5.items() if name.endswith(";")
}
_DECL_ENCODING = re.compile(
    rb"""^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']"""
)
_DECLARATION = re.compile(r"\s*(<\?xml\s[^>]{0,300}\?>)")
_REF = re.compile(r"&(?:#[0-9]{1,8};|#[xX][0-9A-Fa-f]{1,8};|([A-Za-z_][A-Za-z0-9._-]{0,63});)?")
_SPECIAL = re.compile("[&\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]|<[!?]")
_UNUSUAL_REF = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,8}|#x[0-9A-Fa-f]{1,8});)")
_BAD_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BAD_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\n\r]+")
_ELEMENT_START = re.compile(r"<[A-Za-z_]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\r": "&#13;",
        "\n": "&#10;",
        "\t": "&#9;",
    }
)
_UTF = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class Repair(NamedTuple):
    """Something a tolerant read had to change: where, what, and whether content may be lost.

    ``lossy`` repairs (an unknown entity kept as text, markup libxml2 had to recover from)
    may have changed what the document says; the others (a bare ``&``, a forbidden
    control character, Windows-1252 bytes in a UTF-8 document) keep its text.
    """

    offset: int
    message: str
    lossy: bool = False
    line: int = 0
    column: int = 0


# ---------------------------------------------------------------------------
# decoding


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode each byte that is not valid UTF-8 as Windows-1252 (Latin-1 where undefined)."""
    assert isinstance(exc, UnicodeDecodeError)
    byte = exc.object[exc.start : exc.start + 1]
    try:
        return byte.decode("cp1252"), exc.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), exc.start + 1


codecs.register_error("newsparse-cp1252", _cp1252_fallback)


def _declared(data: bytes) -> tuple[str, int]:
    """The encoding a document declares (BOM, then XML declaration) and the BOM's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    if data.startswith((b"<\x00", b"\x00<")):  # UTF-16 without a BOM
        return ("utf-16-le" if data[0] == 0x3C else "utf-16-be"), 0
    match = _DECL_ENCODING.match(data[:300])
    if match is not None:
        name = match.group(1).decode("ascii")
        try:
            return codecs.lookup(name).name, 0
        except LookupError:
            return name, 0
    return "utf-8", 0


def declared_encoding(head: bytes) -> str | None:
    """The encoding an XML document declares in its BOM or XML declaration, if any."""
    name, _ = _declared(head)
    if (
        name == "utf-8"
        and not head.startswith(codecs.BOM_UTF8)
        and not _DECL_ENCODING.match(head[:300])
    ):
        return None
    return name


def decode(
    data: bytes, *, format: str, encoding: str | None = None, repair: bool = False
) -> tuple[str, list[Repair]]:
    """The text of an XML document's bytes, in the encoding it declares (or ``encoding``).

    With ``repair=True`` bytes that are not valid in a declared UTF-8 are read as
    Windows-1252 (the usual mistake: a CMS pasting Word text into a UTF-8 feed), each
    noted; otherwise they raise :class:`~newsparse.DecodeError`.
    """
    name, skip = _declared(data)
    if encoding is not None:
        name = encoding
    body = data[skip:]
    try:
        codecs.lookup(name)
    except LookupError:
        if not repair:
            raise ParseError(f"unknown encoding {name!r} declared", format=format) from None
        name = "utf-8"
    try:
        text = body.decode(name)
    except UnicodeDecodeError as exc:
        if not repair:
            bad = body[exc.start : exc.start + 8]
            raise DecodeError(
                f"bytes at offset {exc.start + skip} are not valid {name} ({bad!r}: "
                f"{exc.reason}); pass encoding=... if the document uses another encoding",
                offset=exc.start + skip,
                encoding=name,
                format=format,
            ) from None
        if codecs.lookup(name).name != "utf-8":
            text = body.decode(name, "replace")
            return text, [Repair(exc.start, f"bytes not valid in {name} replaced by U+FFFD")]
        text = body.decode("utf-8", "newsparse-cp1252")
        return text, [
            Repair(_char_offset(body, exc.start), "bytes that are not UTF-8 read as Windows-1252")
        ]
    if repair and name not in _UTF and not body.isascii():
        try:  # declared single-byte, but the bytes are UTF-8 (text decoded and encoded again)
            utf8 = body.decode("utf-8")
        except UnicodeDecodeError:
            return text, []
        return utf8, [Repair(0, f"declared {name}, but the bytes are UTF-8: read as UTF-8")]
    return text, []


def _char_offset(data: bytes, byte_offset: int) -> int:
    return len(data[:byte_offset].decode("utf-8", "newsparse-cp1252"))


# ---------------------------------------------------------------------------
# checks and repairs before parsing


def _refuse_entity_declarations(text: str, format: str) -> None:
    """Refuse a document type declaration with an internal subset that declares entities.

    The check is deliberately coarse (any ``<!ENTITY`` after a prolog ``<!DOCTYPE ... [``
    refuses), so that quoted strings in the subset cannot hide a declaration from it; the
    parsed tree is checked again after libxml2 has read it without expanding anything.
    """
    start = text.find("<!DOCTYPE")
    if start == -1 or _ELEMENT_START.search(text, 0, start) is not None:
        return
    limit = _ELEMENT_START.search(text, start)
    bracket = text.find("[", start, limit.start() if limit is not None else len(text))
    if bracket == -1:
        return
    at = text.find("<!ENTITY", bracket)
    if at != -1:
        raise ParseError.at(
            "the document type declares entities, which newsparse refuses (they can expand "
            "without bound or read files and URLs: billion laughs, XXE); only the five "
            "predefined entities and character references are read",
            text,
            at,
            format=format,
        )


def _skip_to(text: str, pos: int, end_marker: str) -> int:
    """The offset just past ``end_marker`` at or after ``pos``, or the end of ``text``."""
    found = text.find(end_marker, pos)
    return len(text) if found == -1 else found + len(end_marker)


def _repair(text: str, html_entities: bool, fix: bool, format: str) -> tuple[str, list[Repair]]:
    """Read HTML named entities, escape bare ampersands, drop forbidden characters.

    One pass from left to right; CDATA sections, comments and processing instructions
    are copied as they are. Without ``fix`` a bare ``&`` or an unknown entity raises.
    """
    if not _UNUSUAL_REF.search(text) and not _BAD_CONTROL.search(text):
        return text, []  # the common case: only predefined and character references
    out: list[str] = []
    repairs: list[Repair] = []
    pos = 0
    n = len(text)
    while pos < n:
        match = _SPECIAL.search(text, pos)
        if match is None:
            out.append(text[pos:])
            break
        at = match.start()
        out.append(text[pos:at])
        char = text[at]
        if char == "<":
            if text.startswith("<![CDATA[", at):
                end = _skip_to(text, at + 9, "]]>")
            elif text.startswith("<!--", at):
                end = _skip_to(text, at + 4, "-->")
            elif text.startswith("<?", at):
                end = _skip_to(text, at + 2, "?>")
            else:
                end = at + 1
            piece = text[at:end]
            if fix and end - at > 1 and _BAD_CONTROL.search(piece):
                repairs.append(Repair(at, "characters XML 1.0 forbids were dropped"))
                piece = _BAD_CONTROL.sub("", piece)
            out.append(piece)
            pos = end
            continue
        if char != "&":  # a control character XML 1.0 forbids
            if not fix:
                raise ParseError.at(
                    f"U+{ord(char):04X} is not allowed in XML 1.0", text, at, format=format
                )
            repairs.append(Repair(at, f"U+{ord(char):04X}, which XML 1.0 forbids, was dropped"))
            pos = at + 1
            continue
        ref = _REF.match(text, at)
        assert ref is not None
        name = ref.group(1)
        if ref.end() == at + 1:  # a bare ampersand
            if not fix:
                raise ParseError.at("a bare '&' (write &amp;)", text, at, format=format)
            repairs.append(Repair(at, "a bare '&' read as text"))
            out.append("&amp;")
            pos = at + 1
            continue
        if name is None or name in _PREDEFINED:
            out.append(ref.group(0))
        elif html_entities and name in _HTML5:
            out.append(_HTML5[name].translate(_TEXT_ESCAPES))
        elif fix:
            repairs.append(Repair(at, f"the undefined entity &{name}; kept as text", True))
            out.append("&amp;" + ref.group(0)[1:])
        else:
            hint = "" if html_entities else " (HTML's named entities are not part of XML)"
            raise ParseError.at(
                f"the entity &{name}; is not defined: XML without a DTD defines only &amp; "
                f"&lt; &gt; &quot; &apos; and character references{hint}",
                text,
                at,
                format=format,
            )
        pos = ref.end()
    return "".join(out), repairs


# ---------------------------------------------------------------------------
# parsing


_PARSERS = threading.local()


def _parser(recover: bool) -> etree.XMLParser:
    """The parser of this thread for the mode (lxml parsers may not be shared by threads)."""
    key = "recover" if recover else "strict"
    parser = getattr(_PARSERS, key, None)
    if parser is None:
        parser = _new_parser(recover)
        setattr(_PARSERS, key, parser)
    return parser


def _new_parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        recover=recover,
        remove_blank_text=False,
        encoding="utf-8",
    )


def _error_at(
    message: str,
    text: str,
    line: int | None,
    column: int | None,
    format: str,
    offsets: list[int] | None = None,
) -> ParseError:
    if line is None or line < 1:
        return ParseError(message, format=format)
    if offsets is not None:
        start = offsets[min(line, len(offsets)) - 1]
        stop = text.find("\n", start)
        excerpt = text[start : stop if stop != -1 else len(text)]
    else:
        lines = text.split("\n", line)
        excerpt = lines[line - 1] if line - 1 < len(lines) else ""
    if len(excerpt) > 2000:  # the rest of a one-line document
        excerpt = excerpt[: max(column or 0, 0) + 200]
    if column is not None and column > 0:
        # libxml2 counts bytes of UTF-8; turn that into characters
        column = len(excerpt.encode("utf-8")[: column - 1].decode("utf-8", "ignore")) + 1
    return ParseError(
        message, format=format, line=line, column=column, excerpt=excerpt.rstrip("\r")
    )


def parse(
    source: str | bytes,
    *,
    format: str,
    encoding: str | None = None,
    html_entities: bool = False,
    tolerant: bool = False,
    prepare: Callable[[str], tuple[str, list[Repair]]] | None = None,
) -> tuple[Any, str, list[Repair]]:
    """Parse an XML document safely; return its root element, its text and the repairs.

    ``tolerant=True`` (the feed readers) reads what a strict parser refuses where the
    intent is plain: bytes that are not UTF-8, bare ampersands, undefined entities,
    forbidden control characters, and (through libxml2's recovery) unclosed or
    mismatched tags. Each change is a :class:`Repair`; the entity rules and the size
    and depth limits hold in every mode. ``prepare`` (a format's own repairs of the text,
    which must keep its lines) runs after the entity check and before the others.
    """
    repairs: list[Repair] = []
    if isinstance(source, bytes):
        text, repairs = decode(source, format=format, encoding=encoding, repair=tolerant)
    elif isinstance(source, str):
        text = source[1:] if source.startswith("\ufeff") else source
    else:
        raise ParseError(f"expected text or bytes, got {type(source).__name__}", format=format)
    if not text.strip():
        raise ParseError("the document is empty", format=format)
    _refuse_entity_declarations(text, format)
    if prepare is not None:
        text, prepared = prepare(text)
        repairs += prepared
    fixed, more = _repair(text, html_entities or tolerant, tolerant, format)
    repairs = _placed([*repairs, *more], text)
    # the declaration's encoding no longer applies: blank it out, keeping lines and columns
    decl = _DECLARATION.match(fixed)
    if decl is not None:
        fixed = fixed[: decl.start(1)] + " " * len(decl.group(1)) + fixed[decl.end(1) :]
    data = fixed.encode("utf-8")
    parser = _parser(tolerant)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno, None)
        raise _error_at(_message(exc.msg), fixed, line, column, format) from None
    except ValueError as exc:  # e.g. a lone surrogate in a str
        raise ParseError(f"cannot parse the document: {exc}", format=format) from None
    if root is None:
        raise ParseError("the document has no root element", format=format)
    for entry in parser.error_log:
        if entry.level_name == "FATAL" and "depth" in entry.message.lower():
            raise _error_at(_message(entry.message), fixed, entry.line, entry.column, format)
    if tolerant:
        offsets = _line_offsets(fixed)
        for entry in parser.error_log:
            start = offsets[min(max(entry.line, 1), len(offsets)) - 1]
            repairs.append(
                Repair(
                    start + max(entry.column - 1, 0),
                    _message(entry.message),
                    True,
                    entry.line,
                    max(entry.column, 1),
                )
            )
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ParseError(
            "the document type declares entities, which newsparse refuses", format=format
        )
    return root, fixed, repairs


def _placed(repairs: list[Repair], text: str) -> list[Repair]:
    """The repairs with their line and column in ``text`` (one pass over its lines)."""
    if not repairs:
        return repairs
    import bisect

    offsets = _line_offsets(text)
    out = []
    for r in repairs:
        line = bisect.bisect_right(offsets, r.offset)
        out.append(r._replace(line=line, column=r.offset - offsets[line - 1] + 1))
    return out


def error_at(
    message: str,
    text: str,
    line: int | None,
    column: int | None,
    format: str,
    offsets: list[int] | None = None,
) -> ParseError:
    """A ParseError at a 1-based line and column of ``text``, with that line as excerpt.

    ``offsets`` (from :func:`line_offsets`) finds the line without scanning the text.
    """
    return _error_at(message, text, line, column, format, offsets)


def line_offsets(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts."""
    return _line_offsets(text)


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        offsets.append(pos + 1)
        pos = find("\n", pos + 1)
    return offsets


def _message(msg: str) -> str:
    msg = msg.strip()
    if ", line " in msg:  # lxml repeats the position at the end
        msg = msg[: msg.rfind(", line ")]
    return f"not well-formed XML: {msg}"


_NAME = re.compile(r"[A-Za-z_][\w.:-]*")


def root_name(head: str) -> str | None:
    """The local name of the first element in ``head`` (after declarations and comments).

    For sniffers: ``"nitf"`` for an NITF document, but not for a NewsML-G2 item that
    holds NITF inline.
    """
    pos = 0
    n = len(head)
    while pos < n:
        pos = head.find("<", pos)
        if pos == -1:
            return None
        if head.startswith("<?", pos):
            pos = _skip_to(head, pos + 2, "?>")
        elif head.startswith("<!--", pos):
            pos = _skip_to(head, pos + 4, "-->")
        elif head.startswith("<!", pos):
            close = head.find(">", pos)
            bracket = head.find("[", pos, close if close != -1 else n)
            pos = _skip_to(head, pos, "]>") if bracket != -1 else (n if close == -1 else close + 1)
        else:
            match = _NAME.match(head, pos + 1)
            return match.group().rpartition(":")[2] if match else None
    return None


# ---------------------------------------------------------------------------
# reading the tree


def local(element: Any) -> str:
    """The local name of an element (``"p"`` for ``{http://...}p``); ``""`` for comments."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2] if tag[:1] == "{" else tag


def children(element: Any) -> Iterator[Any]:
    """The child elements (no comments or processing instructions)."""
    for child in element:
        if isinstance(child.tag, str):
            yield child


def raw_text(element: Any) -> str:
    """All the text inside ``element``, exactly as written."""
    return "".join(element.itertext()) if element is not None else ""


def text_of(element: Any) -> str:
    """The text inside ``element`` with runs of XML whitespace as one space, stripped."""
    if element is None:
        return ""
    return _SPACES.sub(" ", raw_text(element)).strip(" ")


def tidy(text: str) -> str:
    """``text`` with runs of XML whitespace as one space, stripped (a no-break space stays)."""
    return _SPACES.sub(" ", text).strip(" ")


# ---------------------------------------------------------------------------
# writing


def check_text(text: str, format: str) -> str:
    """``text`` unchanged, or a WriteError for a character XML 1.0 cannot carry."""
    bad = _BAD_CHAR.search(text)
    if bad is not None:
        raise WriteError(
            f"U+{ord(bad.group()):04X} cannot be written in XML 1.0 (not even as a character "
            f"reference), in {text[:40]!r}",
            format=format,
        )
    return text


def escape_text(text: str, format: str) -> str:
    """``text`` escaped for an XML text node (a carriage return as ``&#13;``)."""
    return check_text(text, format).translate(_TEXT_ESCAPES)


def escape_attr(text: str, format: str) -> str:
    """``text`` escaped for a double-quoted attribute (line breaks and tabs as references)."""
    return check_text(text, format).translate(_ATTR_ESCAPES)
