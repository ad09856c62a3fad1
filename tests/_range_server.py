"""A small HTTP server on 127.0.0.1 that serves files with Range requests, and counts.

``http.server`` answers every GET with the whole file; object stores and web servers
answer ``Range: bytes=a-b`` with those bytes only (206). This one does, and logs every
request (path, first byte, bytes sent), so that tests can check what a reader fetched.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple

_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


class Request(NamedTuple):
    method: str
    path: str
    start: int
    sent: int
    authorization: str | None = None


class RangeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, files: dict[str, bytes], *, ranges: bool = True, token: str | None = None
    ) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.files = files
        self.ranges = ranges
        self.token = token  # when set, requests need "Authorization: Bearer TOKEN"
        self.log: list[Request] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def record(self, request: Request) -> None:
        with self.lock:
            self.log.append(request)

    def served(self, path: str | None = None) -> list[Request]:
        with self.lock:
            return [r for r in self.log if path is None or r.path == path]

    def clear(self) -> None:
        with self.lock:
            self.log.clear()


class _Handler(BaseHTTPRequestHandler):
    server: RangeServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _file(self) -> bytes | None:
        data = self.server.files.get(self.path.split("?", 1)[0])
        token = self.server.token
        if token is not None and self.headers.get("Authorization") != f"Bearer {token}":
            self.server.record(Request(self.command, self.path, 0, 0))
            self.send_response(403)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if data is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
        return data

    def do_HEAD(self) -> None:
        data = self._file()
        if data is None:
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        if self.server.ranges:
            self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self.server.record(Request("HEAD", self.path, 0, 0, self.headers.get("Authorization")))

    def do_GET(self) -> None:
        data = self._file()
        if data is None:
            return
        wanted = self.headers.get("Range")
        m = _RANGE.match(wanted or "") if self.server.ranges else None
        if m is None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self._send(data, 0)
            return
        size = len(data)
        if m[1]:
            start = int(m[1])
            end = min(size - 1, int(m[2])) if m[2] else size - 1
        else:  # the last N bytes
            start, end = max(0, size - int(m[2])), size - 1
        if start >= size:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(206)
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self._send(data[start : end + 1], start)

    def _send(self, body: bytes, start: int) -> None:
        auth = self.headers.get("Authorization")
        self.server.record(Request("GET", self.path, start, len(body), auth))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # had enough
            self.wfile.write(body)


@contextmanager
def serving(
    files: dict[str, bytes], *, ranges: bool = True, token: str | None = None
) -> Iterator[RangeServer]:
    """Serve ``files`` (path -> bytes) on a free port of 127.0.0.1 until the block ends."""
    server = RangeServer(files, ranges=ranges, token=token)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
