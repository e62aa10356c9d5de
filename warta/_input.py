"""The input boundary: every article field validated and coerced here, one reason per field.

Articles come from files, stdin, JSON objects (a JSONL line, a Parquet row,
a POST body) and Python callers; each way in ends in :func:`article_from_mapping`
or :func:`validate_article`, so a wrong type, a lone surrogate, a date that
is no date or a number too big for one is a :class:`warta.errors.MalformedInput`
naming the field, never another exception further down (issue 20).
Everything here raises :class:`warta.errors.InputError` subclasses with a
one-line message; the CLI turns them into exit code 2, the API into 4xx.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Optional

from . import errors
from ._decode import decode_bytes  # noqa: F401 (re-exported: readers and callers import it from here)
from .config import settings

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def _describe(value) -> str:
    """A value for an error message: its JSON type, and the value itself when it is short."""
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "an object"
    if isinstance(value, bool):
        return f"a boolean ({json.dumps(value)})"
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:40] + "..."
    return f"a number ({shown})" if isinstance(value, (int, float)) else f"{type(value).__name__} ({shown})"


def string_field(name: str, value) -> Optional[str]:
    """``value`` when it is a string of valid Unicode (or None).

    Raises:
        MalformedInput: another type, or a lone surrogate (JSON's ``"\\ud800"``),
            which no UTF-8 encoder, database or web page can take.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise errors.MalformedInput(f"field {name!r}: expected a string, got {_describe(value)}")
    if not value.isascii():
        bad = _SURROGATE.search(value)
        if bad:
            raise errors.MalformedInput(f"field {name!r}: lone surrogate U+{ord(bad.group()):04X} at character "
                                        f"{bad.start()} is not valid Unicode")
    return value


def normalize_published(value, name: str = "published") -> Optional[str]:
    """Return ``YYYY-MM-DD`` for a date, datetime, ISO-like string or Unix time, else None.

    Raises:
        MalformedInput: a value that is not a date (a bad string, a boolean,
            a number out of range, a list ...).
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):  # a bool is an int to Python: true was stored as 1970-01-01
        raise errors.MalformedInput(f"field {name!r}: expected a date, got {_describe(value)}")
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):  # 1e20, nan, inf
            raise errors.MalformedInput(f"field {name!r}: {value!r} is no date (a number is read as Unix "
                                        f"time in seconds)") from None
    if not isinstance(value, str):
        raise errors.MalformedInput(f"field {name!r}: expected a date, got {_describe(value)}")
    m = _ISO_DATE.match(value.strip())
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            pass
    raise errors.MalformedInput(f"published date {value[:40]!r} is not YYYY-MM-DD")


def id_field(value) -> Optional[str]:
    """An article id: a string, or a whole number written as one."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return None if value is None else str(value)
    return string_field("id", value)


def validate_article(article: Article) -> Article:
    """``article`` with every field checked (and ``published`` coerced), as readers make them.

    For Article objects that did not come through a reader (Python callers).
    """
    return replace(article, text=string_field("text", article.text), title=string_field("title", article.title),
                   published=normalize_published(article.published), url=string_field("url", article.url),
                   outlet=string_field("outlet", article.outlet), id=id_field(article.id))


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


def _first(obj: dict, *keys: str):
    """The first truthy value of ``keys`` (``"url"`` then ``"source_url"``), and its key."""
    for key in keys:
        if obj.get(key):
            return key, obj[key]
    return keys[0], None


def _paragraphs_text(value) -> str:
    """The running text of IndoSum-style ``paragraphs`` (lists of sentences of tokens)."""
    from .corpus import detokenize_paragraphs

    ok = all(isinstance(p, list) and all(isinstance(s, list) and all(isinstance(t, str) for t in s) for s in p)
             for p in value)
    if not ok:
        raise errors.MalformedInput("field 'paragraphs': expected paragraphs, each a list of sentences, each a "
                                    "list of token strings")
    return string_field("paragraphs", detokenize_paragraphs(value))


def _published_from_indosum_id(ident: str) -> Optional[str]:
    from .corpus import _published_from_id

    try:
        return _published_from_id(ident)
    except (OverflowError, OSError, ValueError):  # an id that starts with a huge number
        return None


def article_from_mapping(obj) -> Article:
    """An article from a JSON object with ``text`` (or ``content``/``body``, or IndoSum ``paragraphs``).

    Every field is checked: strings must be strings of valid Unicode,
    ``published``/``date`` a date (``YYYY-MM-DD...``, or Unix time), ``id`` a
    string or whole number.

    Raises:
        MalformedInput: not an object, no text, or a field of the wrong type or value (named).
        EmptyInput: the text is blank.
    """
    if not isinstance(obj, dict):
        raise errors.MalformedInput(f"JSON input must be an object with a 'text' field, not {_describe(obj)}")
    key, text = _first(obj, "text", "content", "body")
    if text is None and isinstance(obj.get("paragraphs"), list):
        key, text = "paragraphs", _paragraphs_text(obj["paragraphs"])
    if text is None:
        raise errors.MalformedInput("JSON object has no 'text' string field")
    text = string_field(key, text)
    if not text.strip():
        raise errors.EmptyInput("article text is empty")
    ident = id_field(obj.get("id"))
    date_key, published = _first(obj, "published", "date")
    published = normalize_published(published, date_key)
    if published is None and isinstance(obj.get("paragraphs"), list) and ident:
        # IndoSum lines carry no date; their id starts with the crawl's Unix time
        published = _published_from_indosum_id(ident)
    url_key, url = _first(obj, "url", "source_url")
    outlet_key, outlet = _first(obj, "outlet", "source")
    return Article(text=text, title=string_field("title", obj.get("title")), published=published,
                   url=string_field(url_key, url), outlet=string_field(outlet_key, outlet), id=ident)


def parse_json(text: str):
    """``json.loads(text)``, its failures as one-line :class:`MalformedInput` errors."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise errors.MalformedInput(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:  # '[[[[...' 100,000 deep: the parser gives up before the article does
        raise errors.MalformedInput("malformed JSON: nested too deeply") from None


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
