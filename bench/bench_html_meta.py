"""Metadata accuracy and speed of the html reader on the real-page corpus.

    python bench/bench_html_meta.py [--peers] [--repeat N]

On ``../shared/corpus/article-extraction-benchmark/html/*.html`` (121 real news and blog
pages):

1. **Dates.** For every page that declares a publication time *with a UTC offset* in
   JSON-LD ``datePublished`` or in ``article:published_time`` (found here by a small,
   independent scan, not by the reader), is ``Article.published`` that same instant with
   that same offset? The expected value is the JSON-LD one when it has an offset, else the
   meta tag's. Target: 100%.
2. **Coverage.** On how many pages a title, at least one author and a section were found.
3. **Speed.** Pages per second for ``read(page, "html", body=False)`` (metadata only) and
   for the full read, beside selectolax's parse alone (decode + parse) in the same run.

With ``--peers``, trafilatura, newspaper4k and goose3 (whichever are installed) are run on
the same pages and scored the same way; a peer that is not installed is skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from newsparse._formats.html._charset import decode  # noqa: E402
from newsparse._formats.html._reader import read  # noqa: E402
from newsparse._json.tolerant import loads  # noqa: E402
from newsparse._text.dates import parse_date  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "article-extraction-benchmark" / "html"
_WITH_OFFSET = re.compile(r"\d[T ]\d\d:\d\d.*?(?:Z|[+-]\d\d(?::?\d\d)?)\s*\Z")
_LD = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script>", re.I | re.S
)
_OG = re.compile(r"<meta[^>]+(?:property|name)\s*=\s*[\"']article:published_time[\"'][^>]*>", re.I)
_CONTENT = re.compile(r"content\s*=\s*[\"']([^\"']*)[\"']", re.I)


def _walk(data: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            out.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return out


def declared(raw: str) -> list[tuple[str, str]]:
    """The publication times with an offset a page declares: [(source, value)]."""
    found: list[tuple[str, str]] = []
    for block in _LD.findall(raw):
        try:
            data = loads(block, format="html")
        except Exception:
            continue
        for node in _walk(data):
            value = node.get("datePublished")
            # parse_date gives None for placeholders such as year 1
            if (
                isinstance(value, str)
                and _WITH_OFFSET.search(value.strip())
                and parse_date(value)[0] is not None
            ):
                found.append(("json-ld", value.strip()))
    for tag in _OG.findall(raw):
        m = _CONTENT.search(tag)
        if m and _WITH_OFFSET.search(m[1].strip()) and parse_date(m[1])[0] is not None:
            found.append(("article:published_time", m[1].strip()))
    return found


def same(value: datetime | None, expected: datetime) -> bool:
    return (
        value is not None
        and value.tzinfo is not None
        and value == expected
        and value.utcoffset() == expected.utcoffset()
    )


def _ours(page: bytes) -> dict[str, Any]:
    a = read(page, body=False)
    return {
        "title": a.title,
        "authors": [x.name for x in a.authors],
        "section": a.section,
        "published": a.published,
    }


def _peer_fns() -> dict[str, Callable[[bytes], dict[str, Any]] | str]:
    peers: dict[str, Callable[[bytes], dict[str, Any]] | str] = {}
    try:
        import trafilatura

        def traf(page: bytes) -> dict[str, Any]:
            doc = trafilatura.bare_extraction(decode(page)[0], with_metadata=True)
            doc = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
            when = None
            if doc.get("date"):
                when, _ = parse_date(doc["date"])
            cats = doc.get("categories") or []
            return {
                "title": doc.get("title"),
                "authors": [a for a in (doc.get("author") or "").split(";") if a.strip()],
                "section": cats[0] if cats else None,
                "published": when,
            }

        peers["trafilatura"] = traf
    except ImportError as exc:
        peers["trafilatura"] = f"not installed ({exc})"
    try:
        import newspaper

        def news(page: bytes) -> dict[str, Any]:
            art = newspaper.Article("http://localhost/")
            art.download(input_html=decode(page)[0])
            art.parse()
            meta = art.meta_data if isinstance(art.meta_data, dict) else {}
            section = (
                (meta.get("article") or {}).get("section")
                if isinstance(meta.get("article"), dict)
                else None
            )
            return {
                "title": art.title,
                "authors": list(art.authors),
                "section": section,
                "published": art.publish_date,
            }

        peers["newspaper4k"] = news
    except ImportError as exc:
        peers["newspaper4k"] = f"not installed ({exc})"
    try:
        from goose3 import Goose

        goose = Goose({"enable_image_fetching": False})

        def goose_fn(page: bytes) -> dict[str, Any]:
            art = goose.extract(raw_html=decode(page)[0])
            when = None
            if art.publish_date:
                when, _ = parse_date(art.publish_date)
            og = art.opengraph or {}
            return {
                "title": art.title,
                "authors": list(art.authors or []),
                "section": og.get("article:section") if isinstance(og, dict) else None,
                "published": when,
            }

        peers["goose3"] = goose_fn
    except ImportError as exc:
        peers["goose3"] = f"not installed ({exc})"
    return peers


def score(
    name: str, fn: Callable[[bytes], dict[str, Any]], pages: list[tuple[str, bytes]]
) -> dict[str, Any]:
    dated = right = errors = titles = authors = sections = 0
    misses: list[str] = []
    for file, page in pages:
        try:
            got = fn(page)
        except Exception:
            errors += 1
            got = {}
        titles += bool(got.get("title"))
        authors += bool(got.get("authors"))
        sections += bool(got.get("section"))
        decl = declared(page.decode("utf-8", "replace"))
        if not decl:
            continue
        dated += 1
        expected = next((v for s, v in decl if s == "json-ld"), decl[0][1])
        want, _ = parse_date(expected)
        assert want is not None
        if same(got.get("published"), want):
            right += 1
        else:
            misses.append(f"{file}: want {expected}, got {got.get('published')}")
    return {
        "name": name,
        "dated": dated,
        "right": right,
        "titles": titles,
        "authors": authors,
        "sections": sections,
        "errors": errors,
        "misses": misses,
    }


def speed(pages: list[bytes], repeat: int) -> dict[str, float]:
    def rate(fn: Callable[[bytes], Any]) -> float:
        for page in pages:  # warm up: imports, regex caches
            fn(page)
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            for page in pages:
                fn(page)
            best = min(best, time.perf_counter() - start)
        return len(pages) / best

    return {
        "selectolax parse (decode + parse)": rate(lambda p: LexborHTMLParser(decode(p)[0])),
        "newsparse metadata only (body=False)": rate(lambda p: read(p, body=False)),
        "newsparse full read (metadata + body)": rate(lambda p: read(p)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peers", action="store_true", help="also run the installed peers")
    parser.add_argument("--repeat", type=int, default=5, help="timing rounds (best is kept)")
    parser.add_argument("--misses", action="store_true", help="list the date misses")
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.html"))
    if not files:
        sys.exit(f"no pages in {CORPUS}")
    pages = [(f.name, f.read_bytes()) for f in files]
    rows = [score("newsparse", _ours, pages)]
    notes = []
    if args.peers:
        for name, fn in _peer_fns().items():
            if isinstance(fn, str):
                notes.append(f"{name}: skipped, {fn}")
                continue
            rows.append(score(name, fn, pages))
    n = len(pages)
    print(f"{n} pages; {rows[0]['dated']} declare a publication time with an offset\n")
    print("| extractor | published: same instant and offset | title | ≥1 author | section |")
    print("|---|---|---|---|---|")
    for r in rows:
        pct = 100 * r["right"] / r["dated"] if r["dated"] else 0.0
        print(
            f"| {r['name']} | {r['right']}/{r['dated']} ({pct:.0f}%) | {r['titles']}/{n} | "
            f"{r['authors']}/{n} | {r['sections']}/{n} |"
            + (f" ({r['errors']} errors)" if r["errors"] else "")
        )
    for note in notes:
        print(f"\n{note}")
    if args.misses:
        for r in rows:
            for miss in r["misses"]:
                print(f"  {r['name']}: {miss}")
    print("\n| what | pages/s |")
    print("|---|---|")
    for what, value in speed([p for _, p in pages], args.repeat).items():
        print(f"| {what} | {value:,.0f} |")
    print(json.dumps({"ok": True}) if rows[0]["right"] == rows[0]["dated"] else "")


if __name__ == "__main__":
    main()
