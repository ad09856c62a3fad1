"""WARC archives of invented news pages, made in memory for the remote and Dask tests."""

from __future__ import annotations

import io
import random
import warnings

_TEXT = """harbour ferry council tide lantern market quay festival orchard bridge fishermen
mayor storm gull lighthouse route ticket season river ward école café naïve façade über
straße señor jalapeño crème brûlée"""
_WORDS = _TEXT.split()


def page(i: int, words: int) -> bytes:
    rng = random.Random(i)
    title = f"Story {i}: the {rng.choice(_WORDS)} reopens"
    paragraphs = []
    for _ in range(max(1, words // 60)):
        text = " ".join(rng.choice(_WORDS) + str(rng.randrange(1000)) for _ in range(60))
        paragraphs.append(f"<p>{text.capitalize()} — “quoted,” she said.</p>")
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:title' content='{title}'>"
        f"<link rel='stylesheet' href='https://cdn.example/site.css'></head><body><article>"
        f"<h1>{title}</h1><img src='https://img.example/{i}.jpg' alt='A quay'>"
        f"{''.join(paragraphs)}</article></body></html>"
    ).encode()


def archive(
    n: int, *, gzip: bool = True, words: int = 600, broken: frozenset[int] = frozenset()
) -> bytes:
    """A WARC of ``n`` HTML responses, a request record after each and a warcinfo first.

    Each record is its own gzip member in a ``.warc.gz``, as crawlers write them. A
    response whose index is in ``broken`` declares a Content-Length 10**9 bytes long.
    """
    import gzip as gz

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def one(make: object) -> bytes:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False)
        writer.write_record(make(writer))  # type: ignore[operator]
        return buffer.getvalue()

    records = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # warcio's spooled temp files
        records.append(one(lambda w: w.create_warcinfo_record("crawl.warc", {"by": "tests"})))
        for i in range(n):
            url = f"https://news.example/{i}"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            response = one(
                lambda w, url=url, i=i, headers=headers: w.create_warc_record(
                    url, "response", payload=io.BytesIO(page(i, words)), http_headers=headers
                )
            )
            if i in broken:
                head, rest = response.split(b"\r\n\r\n", 1)
                lines = [
                    b"Content-Length: 1000000000" if line.startswith(b"Content-Length:") else line
                    for line in head.split(b"\r\n")
                ]
                response = b"\r\n".join(lines) + b"\r\n\r\n" + rest
            records.append(response)
            records.append(
                one(
                    lambda w, url=url: w.create_warc_record(
                        url,
                        "request",
                        payload=io.BytesIO(b""),
                        http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True),
                    )
                )
            )
    if gzip:
        return b"".join(gz.compress(record, 6) for record in records)
    return b"".join(records)
