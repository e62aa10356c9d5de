"""Reading one article from bytes, a file or stdin, with clear errors.

Everything here raises :class:`warta.errors.InputError` subclasses with a
one-line message; the CLI turns them into exit code 2.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Optional

from . import errors
from .config import settings

_BOM = b"\xef\xbb\xbf"
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass
class Article:
    """Raw article fields before extraction."""

    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    id: Optional[str] = None
    notes: list[str] = field(default_factory=list)


def normalize_published(value) -> Optional[str]:
    """Return ``YYYY-MM-DD`` for a date, datetime or ISO-like string, else None.

    Raises:
        MalformedInput: for a non-empty string that is not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return datetime.utcfromtimestamp(value).date().isoformat()
    m = _ISO_DATE.match(str(value).strip())
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            pass
    raise errors.MalformedInput(f"published date {value!r} is not YYYY-MM-DD")


def decode_bytes(data: bytes, max_bytes: Optional[int] = None) -> tuple[str, Optional[str]]:
    """Decode article bytes; return ``(text, note)``.

    Tries UTF-8, UTF-8 with BOM, a charset declared in HTML, then detection
    with charset-normalizer. ``note`` says which encoding was assumed when it
    was not plain UTF-8.

    Raises:
        EmptyInput, BinaryInput, InputTooLarge, UndecodableInput
    """
    limit = settings.max_bytes if max_bytes is None else max_bytes
    if len(data) > limit:
        raise errors.InputTooLarge(
            f"input is {len(data):,} bytes, over the limit of {limit:,} bytes (raise it with --max-bytes)"
        )
    if not data.strip():
        raise errors.EmptyInput("input is empty")
    if b"\x00" in data[:65536]:
        raise errors.BinaryInput("input looks binary (contains NUL bytes), not text")
    if data.startswith(_BOM):
        return data[len(_BOM):].decode("utf-8", errors="strict"), "assumed encoding utf-8-sig (BOM)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""charset=["']?([A-Za-z0-9_\-]+)""", data[:4096])
    if declared:
        enc = declared.group(1).decode("ascii")
        try:
            return data.decode(enc), f"assumed declared encoding {enc}"
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise errors.UndecodableInput("input is not decodable as text (tried utf-8, a declared charset and detection)")
    return str(best), f"assumed detected encoding {best.encoding}"


def article_from_html(html: str, url: Optional[str] = None) -> Article:
    """Main text and metadata of an HTML page, via trafilatura.

    Raises:
        NoArticleBody: when trafilatura finds no main text.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    body = (doc.text if doc is not None else None) or ""
    title = doc.title if doc is not None else None
    # trafilatura repeats the headline as the first line; keep it out of the body.
    if title and body.startswith(title):
        body = body[len(title):].lstrip("\n")
    if len(body.strip()) < settings.min_html_chars:
        raise errors.NoArticleBody("HTML has no article body that could be extracted")
    published = None
    if doc is not None and doc.date:
        try:
            published = normalize_published(doc.date)
        except errors.MalformedInput:
            published = None
    return Article(
        text=body.replace("\n", "\n\n"),
        title=title,
        published=published,
        url=url or (doc.url if doc is not None else None),
        outlet=(doc.sitename or doc.hostname) if doc is not None else None,
    )


def article_from_mapping(obj) -> Article:
    """An article from a JSON object with ``text`` (or ``content``/``body``).

    Raises:
        MalformedInput: when the object has no text field.
    """
    if not isinstance(obj, dict):
        raise errors.MalformedInput("JSON input must be an object with a 'text' field")
    text = obj.get("text") or obj.get("content") or obj.get("body")
    if text is None and isinstance(obj.get("paragraphs"), list):
        from .corpus import detokenize_paragraphs

        text = detokenize_paragraphs(obj["paragraphs"])
    if not isinstance(text, str):
        raise errors.MalformedInput("JSON object has no 'text' string field")
    if not text.strip():
        raise errors.EmptyInput("article text is empty")
    published = normalize_published(obj.get("published") or obj.get("date"))
    if published is None and isinstance(obj.get("paragraphs"), list) and obj.get("id"):
        # IndoSum lines carry no date; their id starts with the crawl's Unix time
        from .corpus import _published_from_id

        published = _published_from_id(str(obj["id"]))
    return Article(
        text=text,
        title=obj.get("title"),
        published=published,
        url=obj.get("url") or obj.get("source_url"),
        outlet=obj.get("outlet") or obj.get("source"),
        id=str(obj["id"]) if obj.get("id") is not None else None,
    )


def parse_json(text: str):
    """``json.loads(text)``, its failures as one-line :class:`MalformedInput` errors."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise errors.MalformedInput(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def article_from_bytes(data: bytes, kind: Optional[str] = None, max_bytes: Optional[int] = None) -> Article:
    """Parse raw bytes as ``txt``, ``html`` or ``json`` (guessed when ``kind`` is None)."""
    text, note = decode_bytes(data, max_bytes=max_bytes)
    stripped = text.lstrip()
    if kind is None:
        if stripped.startswith("{"):
            kind = "json"
        elif looks_like_html(text):
            kind = "html"
        else:
            kind = "txt"
    if kind == "json":
        art = article_from_mapping(parse_json(text))
    elif kind == "html":
        art = article_from_html(text)
    else:
        if not text.strip():
            raise errors.EmptyInput("input is empty")
        art = Article(text=text)
    if note:
        art.notes.append(note)
    return art


_KINDS = {".txt": "txt", ".text": "txt", ".md": "txt", ".html": "html", ".htm": "html", ".json": "json"}


def read_article(path: Optional[str], max_bytes: Optional[int] = None, stdin=None) -> Article:
    """Read one article from a path, or stdin for ``None``/``"-"``."""
    if path in (None, "-"):
        import sys

        stream = stdin if stdin is not None else sys.stdin.buffer
        limit = settings.max_bytes if max_bytes is None else max_bytes
        data = stream.read(limit + 1)
        return article_from_bytes(data, None, max_bytes=max_bytes)
    p = Path(path)
    if not p.exists():
        raise errors.InputError(f"no such file: {path}")
    if p.is_dir():
        raise errors.InputError(f"{path} is a directory; use 'warta ingest' for folders")
    limit = settings.max_bytes if max_bytes is None else max_bytes
    size = p.stat().st_size
    if size > limit:
        raise errors.InputTooLarge(f"{path} is {size:,} bytes, over the limit of {limit:,} bytes (raise it with --max-bytes)")
    kind = _KINDS.get(p.suffix.lower())
    return article_from_bytes(p.read_bytes(), kind, max_bytes=max_bytes)
