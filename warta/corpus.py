"""Corpora: the bundled demo articles and IndoSum-style tokenized articles.

IndoSum stores articles as paragraphs of sentences of tokens. warta works
on running text, so :func:`detokenize_paragraphs` rebuilds it with one fixed,
documented rule set. Gold annotations on IndoSum articles (quotes, times,
quantities, events) are character offsets into exactly this text, so the
rules must not change without re-basing the annotations.

Rules: tokens joined by one space, except no space before ``, . ) ] } : ;
? ! %`` and after ``( [ {``; straight double and single quotes alternate
opening/closing within a paragraph (no space after an opening mark, none
before a closing one); sentences of a paragraph joined by one space;
paragraphs by a blank line; a slash between two digit tokens is glued
("18 / 8 / 2016" -> "18/8/2016").
"""

from __future__ import annotations

import json
import os
import re
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional

_NO_SPACE_BEFORE = frozenset(",.):;?!%]}")
_NO_SPACE_AFTER = frozenset("([{")
_QUOTES = frozenset({'"', "'"})
_DIGIT_SLASH = re.compile(r"(?<=\d) / (?=\d)")


def detokenize_paragraph(sentences: list[list[str]]) -> str:
    """Running text of one tokenized paragraph."""
    out: list[str] = []
    open_quote = {'"': False, "'": False}
    glue_next = True  # no space before the first token
    for sent in sentences:
        for tok in sent:
            if tok in _QUOTES:
                opening = not open_quote[tok]
                open_quote[tok] = opening
                if opening:
                    if not glue_next:
                        out.append(" ")
                    out.append(tok)
                    glue_next = True
                else:
                    out.append(tok)
                    glue_next = False
                continue
            if not glue_next and not (tok in _NO_SPACE_BEFORE or tok in {"...", "'s"}):
                out.append(" ")
            out.append(tok)
            glue_next = tok in _NO_SPACE_AFTER
    return _DIGIT_SLASH.sub("/", "".join(out))


def detokenize_paragraphs(paragraphs: list[list[list[str]]]) -> str:
    """Running text of a tokenized article: paragraphs separated by a blank line."""
    return "\n\n".join(detokenize_paragraph(p) for p in paragraphs)


def default_indosum_path() -> Optional[Path]:
    """``../shared/data/corpus/indosum.jsonl`` near the working directory, or ``$WARTA_INDOSUM``."""
    env = os.environ.get("WARTA_INDOSUM")
    candidates = [Path(env)] if env else []
    here = Path.cwd()
    for base in [here, *here.parents][:4]:
        candidates.append(base / "shared" / "data" / "corpus" / "indosum.jsonl")
        candidates.append(base.parent / "shared" / "data" / "corpus" / "indosum.jsonl")
    pkg = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "indosum.jsonl"
    candidates.append(pkg)
    for c in candidates:
        if c.is_file():
            return c
    return None


def shared_data_dir() -> Optional[Path]:
    """The ``shared/data`` folder beside the checkout, or ``$WARTA_DATA``."""
    env = os.environ.get("WARTA_DATA")
    if env and Path(env).is_dir():
        return Path(env)
    p = default_indosum_path()
    return p.parents[1] if p else None


def iter_indosum(path: Optional[Path] = None) -> Iterator[dict]:
    """Articles of an IndoSum JSONL file as dicts with ``id``, ``text``, ``url``, ``outlet``."""
    path = Path(path) if path else default_indosum_path()
    if path is None:
        raise FileNotFoundError("indosum.jsonl not found; set WARTA_INDOSUM")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            yield {
                "id": obj["id"],
                "text": detokenize_paragraphs(obj["paragraphs"]),
                "url": obj.get("source_url"),
                "outlet": obj.get("source"),
                "category": obj.get("category"),
                "published": _published_from_id(obj["id"]),
            }


def load_indosum(ids=None, path: Optional[Path] = None) -> dict[str, dict]:
    """IndoSum articles keyed by id (all, or only ``ids``)."""
    wanted = set(ids) if ids is not None else None
    out = {}
    for art in iter_indosum(path):
        if wanted is None or art["id"] in wanted:
            out[art["id"]] = art
    return out


def _published_from_id(article_id: str) -> Optional[str]:
    """IndoSum ids start with the crawl's Unix time: a proxy for the publication date."""
    from datetime import datetime, timezone

    head = article_id.split("-", 1)[0]
    if head.isdigit():
        return datetime.fromtimestamp(int(head), tz=timezone.utc).date().isoformat()
    return None


def demo_articles() -> list[dict]:
    """The team-written demo corpus bundled in the package."""
    root = resources.files("warta.demo").joinpath("articles")
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            out.append(json.loads(entry.read_text(encoding="utf-8")))
    return out
