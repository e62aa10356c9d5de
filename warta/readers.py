"""The reader registry: files (local paths or fsspec URLs) in, one :class:`Item` per document out.

``warta ingest`` and ``warta batch`` both read through here, so they take the
same formats: .txt/.md, .html, .json (an object or a list), .jsonl/.ndjson
(also ``.gz``, ``.bz2``, ``.xz``, ``.zst``), .parquet, RSS/Atom (.rss, .atom,
.xml) and WARC (.warc, .warc.gz, .arc).

Each reader yields items in file order with a ``position`` (``line 3``,
``row 17``, ``item 2``, ``entry 2``, ``record @4096``) so that an error can
be found again. A reader never raises for one bad document: it yields an
item with ``error`` set and goes on. Only a file unreadable as a whole
becomes one error item at position ``file``. Every field of a document is
validated and coerced by :mod:`warta._input`, the one input boundary.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import lzma
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import IO, Callable, Iterable, Iterator, Optional, Union

from . import errors
from ._input import (Article, article_from_html, article_from_mapping, decode_bytes, looks_like_html,
                     normalize_published, parse_json)

# Suffix -> reader name. ".xml" is sniffed: a feed, or an error item.
SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}
#: kinds that hold one document per file (``warta batch`` groups such files into partitions)
SINGLE_DOCUMENT_KINDS = frozenset({"txt", "html", "json"})
COMPRESSIONS = (".gz", ".bz2", ".xz", ".zst")
# warcio reads gzipped WARC members itself: these are never decompressed first
_SELF_COMPRESSED = (".warc.gz", ".arc.gz")
_FSSPEC_COMPRESSION = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}
_BLOCK = re.compile(r"(?i)</?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_BLANKS = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\r\f\v]+")


@dataclass
class Item:
    """One document read from a source, or why it could not be read.

    Attributes:
        source: the file path or URL.
        position: where in the source (``file``, ``line 3``, ``row 2`` ...).
        article: the validated article, when it could be read.
        error: why it could not, otherwise.
        id: the document's own id when it has one, also for a bad document.
    """

    source: str
    position: str
    article: Optional[Article] = None
    error: Optional[errors.WartaError] = None
    id: Optional[str] = None


def _name(source: Union[str, Path]) -> str:
    return PurePosixPath(str(source)).name.lower()


def compression_of(source: Union[str, Path]) -> Optional[str]:
    """The compression suffix (``.gz`` ...) to undo before reading, or None."""
    name = _name(source)
    if name.endswith(_SELF_COMPRESSED):
        return None
    return next((c for c in COMPRESSIONS if name.endswith(c)), None)


def kind_of(source: Union[str, Path]) -> Optional[str]:
    """The reader for ``source`` by its name (``None`` when warta does not read it)."""
    name = _name(source)
    for suffix in _SELF_COMPRESSED:
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    comp = compression_of(name)
    if comp:
        name = name[: -len(comp)]
    return SUFFIXES.get(PurePosixPath(name).suffix)


@contextlib.contextmanager
def open_binary(source: Union[str, Path], decompress: bool = True) -> Iterator[IO[bytes]]:
    """``source`` opened for reading bytes, decompressed by its suffix when ``decompress``.

    Local paths need only the standard library (``.zst`` needs ``zstandard``);
    URLs (``s3://``, ``file://`` ...) go through fsspec.
    """
    src = str(source)
    comp = compression_of(src) if decompress else None
    if "://" in src:
        import fsspec

        with fsspec.open(src, "rb", compression=_FSSPEC_COMPRESSION.get(comp or "")) as fh:
            yield fh
    elif comp == ".zst":
        try:
            import zstandard
        except ImportError:
            raise errors.InputError("reading .zst needs zstandard: pip install zstandard") from None
        with open(src, "rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as fh:
            yield io.BufferedReader(fh)
    else:
        opener = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}.get(comp or "", open)
        with opener(src, "rb") as fh:
            yield fh


def _read_all(source: str) -> bytes:
    with open_binary(source) as fh:
        return fh.read()


def _read_txt(source: str) -> Iterator[Item]:
    text, note = decode_bytes(_read_all(source))
    art = Article(text=text)
    if note:
        art.notes.append(note)
    yield Item(source, "file", art)


def _read_html(source: str) -> Iterator[Item]:
    html, note = decode_bytes(_read_all(source))
    art = article_from_html(html)
    if note:
        art.notes.append(note)
    yield Item(source, "file", art)


def _ident(obj) -> Optional[str]:
    ident = obj.get("id") if isinstance(obj, dict) else None
    return None if ident is None else str(ident)


def _from_mapping(source: str, position: str, obj, note: Optional[str] = None) -> Item:
    try:
        art = article_from_mapping(obj)
    except errors.WartaError as exc:
        return Item(source, position, error=exc, id=_ident(obj))
    if note:
        art.notes.append(note)
    return Item(source, position, art, id=art.id)


def _read_json(source: str) -> Iterator[Item]:
    data = _read_all(source)
    # a JSON file may hold a list of many articles: the per-article size limit is checked later
    text, note = decode_bytes(data, max_bytes=max(len(data), 1))
    obj = parse_json(text)
    if isinstance(obj, list):
        for i, one in enumerate(obj, 1):
            yield _from_mapping(source, f"item {i}", one, note)
    else:
        yield _from_mapping(source, "file", obj, note)


def _read_jsonl(source: str) -> Iterator[Item]:
    with open_binary(source) as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            pos = f"line {lineno}"
            try:
                # one line at a time: a line of bad UTF-8 is that line's error, not the file's
                obj = parse_json(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                yield Item(source, pos, error=errors.UndecodableInput("line is not valid UTF-8"))
                continue
            except errors.WartaError as exc:
                yield Item(source, pos, error=exc)
                continue
            yield _from_mapping(source, pos, obj)


def _read_parquet(source: str) -> Iterator[Item]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise errors.InputError("reading Parquet needs pyarrow: pip install 'warta[ingest]'") from None
    row = 0
    with open_binary(source) as fh:
        for batch in pq.ParquetFile(fh).iter_batches(batch_size=256):
            for obj in batch.to_pylist():
                row += 1
                yield _from_mapping(source, f"row {row}", _jsonable(obj))


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


def _feed_item(source: str, pos: str, entry, outlet: Optional[str]) -> Item:
    body = ""
    if entry.get("content"):
        body = max((c.get("value", "") for c in entry.content), key=len)
    body = body or entry.get("summary", "") or entry.get("description", "")
    text = html_fragment_to_text(body) if ("<" in body and ">" in body) else body.strip()
    if not text:
        return Item(source, pos, error=errors.EmptyInput("feed item has no content or summary"))
    art = article_from_mapping({"text": text, "title": entry.get("title") or None, "published": _feed_date(entry),
                                "url": entry.get("link") or None, "outlet": outlet})
    if not entry.get("content"):
        art.notes.append("text is the feed item's summary")
    return Item(source, pos, art)


def _read_feed(source: str) -> Iterator[Item]:
    try:
        import feedparser
    except ImportError:
        raise errors.InputError("reading RSS/Atom needs feedparser: pip install 'warta[ingest]'") from None
    parsed = feedparser.parse(_read_all(source))
    if not parsed.entries:
        if parsed.get("bozo"):
            raise errors.MalformedInput(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        raise errors.EmptyInput("feed has no items")
    outlet = parsed.feed.get("title") or None
    for i, entry in enumerate(parsed.entries, 1):
        try:
            yield _feed_item(source, f"entry {i}", entry, outlet)
        except errors.WartaError as exc:
            yield Item(source, f"entry {i}", error=exc)


def _warc_article(record, url: Optional[str], ctype: str) -> Article:
    text, note = decode_bytes(record.content_stream().read())
    if "html" in ctype.lower() or looks_like_html(text):
        art = article_from_html(text, url=url)
    else:
        art = article_from_mapping({"text": text, "url": url})
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
    return art


def _read_warc(source: str) -> Iterator[Item]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise errors.InputError("reading WARC needs warcio: pip install 'warta[ingest]'") from None
    with open_binary(source, decompress=False) as fh:
        it = ArchiveIterator(fh, arc2warc=True)
        for record in it:
            if record.rec_type not in ("response", "resource"):
                continue
            if record.rec_type == "response" and record.http_headers is None:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers
                     else record.rec_headers.get_header("Content-Type")) or ""
            if not any(t in ctype.lower() for t in ("html", "text/plain")):
                continue
            try:
                art = _warc_article(record, url, ctype)
            except errors.WartaError as exc:
                art, error = None, exc
            else:
                error = None
            # the offset is known only once the record is read to its end
            yield Item(source, f"record @{it.get_record_offset()}", art, error)


READERS: dict[str, Callable[[str], Iterator[Item]]] = {
    "txt": _read_txt, "html": _read_html, "json": _read_json, "jsonl": _read_jsonl,
    "parquet": _read_parquet, "feed": _read_feed, "warc": _read_warc,
}


def read_source(source: Union[str, Path], *, raise_io_errors: bool = False) -> Iterator[Item]:
    """Every document in one file (local path or fsspec URL), as :class:`Item`.

    A file that cannot be read at all gives one error item at position
    ``file``; with ``raise_io_errors`` an :class:`OSError` (storage trouble
    that a retry may cure) is raised instead, as ``warta batch`` wants.
    """
    src = str(source)
    kind = kind_of(src)
    if kind is None:
        yield Item(src, "file", error=errors.InputError(f"unknown file type {PurePosixPath(src).suffix or src!r}"))
        return
    try:
        yield from READERS[kind](src)
    except errors.WartaError as exc:
        yield Item(src, "file", error=exc)
    except Exception as exc:  # noqa: BLE001 (a truncated .gz, a broken Parquet footer, a parser's bug ...)
        if raise_io_errors and isinstance(exc, OSError):
            raise
        # the rest of the run goes on: one unreadable file is one error item
        yield Item(src, "file", error=errors.MalformedInput(f"cannot read {kind} file: {type(exc).__name__}: {exc}"))


def iter_files(paths: Iterable[Union[str, Path]]) -> Iterator[Path]:
    """Local files under ``paths`` that warta can read, folders walked in sorted order.

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


def iter_items(paths: Iterable[Union[str, Path]]) -> Iterator[Item]:
    """Every document under local ``paths`` (files and folders), as :class:`Item`."""
    for path in iter_files(paths):
        yield from read_source(path)
