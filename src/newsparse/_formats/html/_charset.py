"""The charset of an HTML page's bytes: byte-order mark, declared charset, else detected.

:func:`decode` is what the reader uses; it sees the whole document and returns the text,
the codec chosen and how it was chosen. The order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. bytes that are valid UTF-8 and hold non-ASCII characters are UTF-8, whatever the page
   declares (a legacy label on a UTF-8 page is a common mistake, and real text in a
   legacy encoding is practically never valid UTF-8);
3. the charset the page declares in its first 8 KB: ``<meta charset>``, the HTTP-style
   ``<meta http-equiv="Content-Type" content="text/html; charset=...">`` or an XML
   declaration; labels are mapped as browsers map them (``iso-8859-1``, ``latin1`` and
   ``us-ascii`` mean windows-1252; a UTF-16 label in an ASCII-compatible page means UTF-8);
4. pure ASCII is read as UTF-8;
5. otherwise the encoding is detected with charset-normalizer (imported only then), and
   windows-1252 with its five undefined bytes mapped as browsers do is the last resort.

A declared charset the bytes do not decode in is not trusted: detection decides. The text
never raises and never comes back as mojibake of UTF-8.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["declared_encoding", "decode"]

HEAD_BYTES = 8192

# [^<>]: a search stops at the next tag, so ``<meta <meta <meta…`` is not quadratic
_META = re.compile(
    rb"""<meta\b[^<>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:()-]+)""",
    re.IGNORECASE,
)
_XML = re.compile(rb"""\A\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# labels browsers read differently from Python (WHATWG Encoding Standard)
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "ansi_x3.4-1968": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift-jis": "cp932",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}
# codecs that cannot be the label of an ASCII-compatible page (their meta could not be read)
_NOT_FROM_META = frozenset(
    {"utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "utf_7"}
)
# windows-1252 as browsers decode it: the five undefined bytes become C1 controls
_CP1252_HOLES = {0x81: "\x81", 0x8D: "\x8d", 0x8F: "\x8f", 0x90: "\x90", 0x9D: "\x9d"}


def _codec(label: bytes | str) -> str | None:
    """Python's codec name for a charset label as browsers read it, or None if unknown."""
    if isinstance(label, bytes):
        label = label.decode("ascii", "replace")
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        found = codecs.lookup(name).name
    except LookupError:
        return None
    if found.replace("-", "_") in _NOT_FROM_META:
        return "utf-8"
    return found


def declared_encoding(head: bytes) -> str | None:
    """The codec a page declares in ``head`` (its first bytes), or None.

    A byte-order mark wins; then an XML declaration, ``<meta charset>`` or the HTTP-style
    ``<meta http-equiv="Content-Type" content="...; charset=...">``.

    >>> declared_encoding(b'<html><head><meta charset="ISO-8859-1">')
    'cp1252'
    """
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    head = head[:HEAD_BYTES]
    m = _XML.match(head) or _META.search(head)
    if m is None:
        return None
    return _codec(m.group(1))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _cp1252(data: bytes) -> str:
    text = data.decode("cp1252", "replace")
    if "\ufffd" not in text:
        return text
    return "".join(_CP1252_HOLES.get(b) or bytes([b]).decode("cp1252", "replace") for b in data)


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - an optional helper
        return None
    matches = from_bytes(data[: 1 << 20])
    best = matches.best()
    if best is None:
        return None
    # as browsers do, windows-1252 wins among legacy single-byte codecs that fit as well
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.1:
            return "cp1252"
    return _codec(best.encoding)


def decode(data: bytes) -> tuple[str, str, str]:
    r"""Decode a page's bytes; return ``(text, codec, how)``.

    ``how`` says how the codec was chosen: ``"bom"``, ``"utf-8"`` (valid UTF-8 with
    non-ASCII text), ``"declared"``, ``"ascii"``, ``"detected"`` or ``"fallback"``.

    >>> decode('<meta charset="windows-1252"><p>caf\xe9'.encode("cp1252"))[1:]
    ('cp1252', 'declared')
    """
    text, codec, how = decode_utf8(data)
    return (text if isinstance(text, str) else text.decode("utf-8")), codec, how


def decode_utf8(data: bytes) -> tuple[str | bytes, str, str]:
    """:func:`decode`, but the page's bytes themselves when they are valid UTF-8.

    The HTML parser reads UTF-8 bytes as they are, so valid UTF-8 (and ASCII) need not
    be decoded to text and encoded back: for most pages, a copy of the page saved twice.
    """
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return body.decode("utf-8", "replace"), "utf-8", "bom"
        return body, "utf-8", "bom"
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, "replace"), name, "bom"
    ascii_only = data.isascii()
    if not ascii_only and _is_utf8(data):
        return data, "utf-8", "utf-8"
    declared = declared_encoding(data[:HEAD_BYTES])
    if declared is not None and declared != "utf-8":
        try:
            return data.decode(declared), declared, "declared"
        except (UnicodeDecodeError, LookupError):
            pass
    if ascii_only:
        return data, declared or "utf-8", "declared" if declared else "ascii"
    detected = _detect(data)
    if detected is not None and detected != "utf-8":
        try:
            return data.decode(detected), detected, "detected"
        except (UnicodeDecodeError, LookupError):
            pass
    return _cp1252(data), "cp1252", "fallback"
