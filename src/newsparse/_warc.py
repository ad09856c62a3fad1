"""WARC input: every HTML ``response`` record of an archive becomes a work item.

Records are streamed one at a time (warcio), so an archive of any size is read with
bounded memory. The record's target URI becomes the Article's ``url`` when the page does
not declare one, and the record's identity is kept in extras (``warc.target_uri``,
``warc.date``, ``warc.record_id``). The charset of the HTTP ``Content-Type`` header is used
to decode the page, as browsers do.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ._batch import _Item
from ._errors import ReadError

__all__ = ["warc_items"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def _charset(content_type: str) -> str | None:
    m = _CHARSET.search(content_type)
    if m is None:
        return None
    import codecs

    try:
        return codecs.lookup(m[1]).name
    except LookupError:
        return None


def _check_complete(f: IO[bytes], last_member: int) -> None:
    """Raise EOFError when a gzip-compressed archive was cut short.

    warcio stops quietly at a truncated gzip member, which would lose the rest of the
    archive without a word. Only the tail of a file can be cut, so decompressing from the
    start of the last record warcio read to the end of the file (a member or two, not the
    archive) is enough to notice.
    """
    f.seek(0)
    if f.read(2) != b"\x1f\x8b":
        return  # uncompressed: warcio has read to the end of the file
    f.seek(last_member)
    with gzip.GzipFile(fileobj=f) as g:
        while g.read(1 << 20):
            pass


def warc_items(path: Path, skipped: list[int]) -> Iterator[_Item]:
    """Yield an item per HTML response record of the WARC file at ``path``.

    ``skipped[0]`` is increased for every record that holds no page.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise ReadError(
            "reading WARC files needs warcio: pip install 'newsparse[warc]'", source=str(path)
        ) from None
    index = 0
    last_member = 0
    with open(path, "rb") as f:
        try:
            records = ArchiveIterator(f)
            for record in records:
                # (warcio reads the record to its end to know where it started: so only
                # after the payload is read, or for records that are skipped)
                if record.rec_type != "response" or record.http_headers is None:
                    last_member = records.get_record_offset()
                    skipped[0] += 1
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                media_type = content_type.split(";", 1)[0].strip().lower()
                if media_type not in _HTML_TYPES:
                    last_member = records.get_record_offset()
                    skipped[0] += 1
                    continue
                headers = record.rec_headers
                uri = headers.get_header("WARC-Target-URI")
                extras = tuple(
                    (key, value)
                    for key, value in (
                        ("warc.target_uri", uri),
                        ("warc.date", headers.get_header("WARC-Date")),
                        ("warc.record_id", headers.get_header("WARC-Record-ID")),
                    )
                    if value
                )
                payload = record.content_stream().read()
                last_member = records.get_record_offset()
                yield _Item(
                    name=str(path),
                    data=payload,
                    record=index,
                    format="html",
                    media_type=media_type,
                    encoding=_charset(content_type),
                    url=uri,
                    extras=extras,
                )
                index += 1
            _check_complete(f, last_member)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
            raise ReadError(
                f"not a readable WARC archive (record {index}): {type(exc).__name__}: {exc}",
                source=str(path),
            ) from None
