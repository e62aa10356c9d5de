"""Readers: files and folders in, one :class:`Item` per document out.

Each reader yields items in file order with a ``position`` (``line 3``,
``row 17``, ``entry 2``, ``record @4096``) so that an error can be found
again. A reader never raises for one bad document: it yields an item with
``error`` set and goes on. Only an unreadable file as a whole becomes one
error item.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .. import errors
from .._input import Article, article_from_html, article_from_mapping, decode_bytes, looks_like_html, normalize_published

# Suffix -> reader name. ".xml" is sniffed: a feed, or skipped.
SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}
_BLOCK = re.compile(r"(?i)</?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_BLANKS = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\r\f\v]+")


@dataclass
class Item:
    """One document read from a source, or why it could not be read."""

    source: str
    position: str
    article: Optional[Article] = None
    error: Optional[errors.WartaError] = None


def kind_of(path: Path) -> Optional[str]:
    """The reader for ``path`` by suffix (``None`` when warta does not read it)."""
    name = path.name.lower()
    for suffix in (".warc.gz", ".arc.gz"):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    return SUFFIXES.get(path.suffix.lower())


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under ``paths`` that warta can read, folders walked in sorted order.

    Raises:
        InputError: a path that does not exist.
    """
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise errors.InputError(f"no such file or folder: {raw}")
        if p.is_dir():
            for child in sorted(q for q in p.rglob("*") if q.is_file()):
                if kind_of(child) and not any(part.startswith(".") for part in child.relative_to(p).parts):
                    yield child
        else:
            yield p


def read_path(path: Path) -> Iterator[Item]:
    """Every document in one file."""
    kind = kind_of(path)
    src = str(path)
    if kind is None:
        yield Item(src, "file", error=errors.InputError(f"unknown file type {path.suffix or path.name!r}"))
        return
    try:
        yield from _READERS[kind](path)
    except errors.WartaError as exc:
        yield Item(src, "file", error=exc)
    except (OSError, ValueError) as exc:
        yield Item(src, "file", error=errors.MalformedInput(f"cannot read {kind} file: {exc}"))


def _read_txt(path: Path) -> Iterator[Item]:
    text, note = decode_bytes(path.read_bytes())
    art = Article(text=text)
    if note:
        art.notes.append(note)
    yield Item(str(path), "file", art)


def _read_html(path: Path) -> Iterator[Item]:
    html, note = decode_bytes(path.read_bytes())
    art = article_from_html(html)
    if note:
        art.notes.append(note)
    yield Item(str(path), "file", art)


def _from_mapping(src: str, pos: str, obj) -> Item:
    try:
        return Item(src, pos, article_from_mapping(obj))
    except errors.WartaError as exc:
        return Item(src, pos, error=exc)


def _read_json(path: Path) -> Iterator[Item]:
    text, _ = decode_bytes(path.read_bytes(), max_bytes=max(path.stat().st_size, 1))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise errors.MalformedInput(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if isinstance(data, list):
        for i, obj in enumerate(data, 1):
            yield _from_mapping(str(path), f"item {i}", obj)
    else:
        yield _from_mapping(str(path), "file", data)


def _read_jsonl(path: Path) -> Iterator[Item]:
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            pos = f"line {lineno}"
            try:
                obj = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                yield Item(str(path), pos, error=errors.UndecodableInput("line is not valid UTF-8"))
                continue
            except json.JSONDecodeError as exc:
                yield Item(str(path), pos, error=errors.MalformedInput(f"malformed JSON: {exc.msg} at column {exc.colno}"))
                continue
            yield _from_mapping(str(path), pos, obj)


def _read_parquet(path: Path) -> Iterator[Item]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise errors.InputError("reading Parquet needs pyarrow: pip install 'warta[ingest]'") from None
    row = 0
    for batch in pq.ParquetFile(str(path)).iter_batches(batch_size=256):
        for obj in batch.to_pylist():
            row += 1
            yield _from_mapping(str(path), f"row {row}", _jsonable(obj))


def _jsonable(obj: dict) -> dict:
    # Parquet dates and timestamps arrive as date/datetime objects.
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in obj.items()}


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed content), paragraphs kept as blank lines."""
    import html as htmllib

    text = _BLOCK.sub("\n\n", fragment)
    text = htmllib.unescape(_TAG.sub("", text))
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _feed_date(entry) -> Optional[str]:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            return datetime(*st[:6], tzinfo=timezone.utc).date().isoformat()
    return None


def _read_feed(path: Path) -> Iterator[Item]:
    try:
        import feedparser
    except ImportError:
        raise errors.InputError("reading RSS/Atom needs feedparser: pip install 'warta[ingest]'") from None
    data = path.read_bytes()
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise errors.MalformedInput(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        raise errors.EmptyInput("feed has no items")
    outlet = parsed.feed.get("title") or None
    for i, entry in enumerate(parsed.entries, 1):
        pos = f"entry {i}"
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        body = body or entry.get("summary", "") or entry.get("description", "")
        text = html_fragment_to_text(body) if ("<" in body and ">" in body) else body.strip()
        if not text:
            yield Item(str(path), pos, error=errors.EmptyInput("feed item has no content or summary"))
            continue
        art = Article(text=text, title=entry.get("title") or None, published=_feed_date(entry),
                      url=entry.get("link") or None, outlet=outlet)
        if not entry.get("content"):
            art.notes.append("text is the feed item's summary")
        yield Item(str(path), pos, art)


def _read_warc(path: Path) -> Iterator[Item]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise errors.InputError("reading WARC needs warcio: pip install 'warta[ingest]'") from None
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh, arc2warc=True)
        for record in it:
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers
                     else record.rec_headers.get_header("Content-Type")) or ""
            if record.rec_type == "response" and record.http_headers is None:
                continue
            if not any(t in ctype.lower() for t in ("html", "text/plain")):
                continue
            raw = record.content_stream().read()
            # The offset is known only once the record is read to its end.
            pos = f"record @{it.get_record_offset()}"
            try:
                text, note = decode_bytes(raw)
                if "html" in ctype.lower() or looks_like_html(text):
                    art = article_from_html(text, url=url)
                else:
                    art = Article(text=text, url=url)
                if note:
                    art.notes.append(note)
                if art.published is None:
                    crawled = record.rec_headers.get_header("WARC-Date")
                    try:
                        art.published = normalize_published(crawled) if crawled else None
                    except errors.MalformedInput:
                        art.published = None
                    if art.published:
                        art.notes.append("published date is the WARC-Date (crawl time)")
                yield Item(str(path), pos, art)
            except errors.WartaError as exc:
                yield Item(str(path), pos, error=exc)


_READERS = {"txt": _read_txt, "html": _read_html, "json": _read_json, "jsonl": _read_jsonl,
            "parquet": _read_parquet, "feed": _read_feed, "warc": _read_warc}


def iter_items(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Every document under ``paths`` (files and folders), as :class:`Item`."""
    for path in iter_files(paths):
        yield from read_path(path)
