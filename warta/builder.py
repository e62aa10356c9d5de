"""Turning a processed spaCy Doc into a validated ``Record``.

The components never import this module: what both need about sentences
(``Record.sentences`` and a character's sentence number) is in
:mod:`warta.components._sentences`, re-exported here.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Optional
from urllib.parse import urlparse

from spacy.tokens import Doc

from .components._sentences import cached_sentence_spans, sentence_index, sentence_spans  # noqa: F401 (re-exported)
from .components.extensions import doc_text, span_get
from .components.geo import place_admin
from .lang import load_lines
from .record import Record


@lru_cache(maxsize=1)
def _related_link() -> re.Pattern:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(load_lines("related_links"), key=len, reverse=True))
    # a line that opens with "Baca juga:" (to its end), or "(Baca: ...)" anywhere
    return re.compile(r"(?im)^[ \t]*(?:%s)\s*:[^\n]*$|\((?:%s)\s*:[^)\n]*\)" % (words, words))


def unannotated_spans(text: str, credits=()) -> list[tuple[int, int]]:
    """Spans whose words are no facts of the article: "Baca juga" lines and credit lines (ANNOTATION.md)."""
    spans = [m.span() for m in _related_link().finditer(text)]
    spans.extend((c["start"], c["end"]) for c in credits)
    return sorted(spans)


def _outside(items: list, spans: list, key=None) -> list:
    """``items`` whose span (or ``key(item)``'s) lies in none of ``spans``."""
    if not spans:
        return items
    out = []
    for it in items:
        s = key(it) if key else it
        if not any(a <= s["start"] and s["end"] <= b for a, b in spans):
            out.append(it)
    return out


def record_id(text: str, url: Optional[str] = None) -> str:
    """Stable id: a hash of the URL when known, else of the text."""
    key = (url or "").strip() or text
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def outlet_from_url(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host[4:] if host.startswith("www.") else (host or None)


def _entities(doc: Doc, text: str) -> list[dict]:
    out = []
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        # a slice of the shared text is Span.text without joining the span's tokens again
        ent_text = text[start:end]
        out.append({
            "start": start, "end": end, "text": ent_text, "label": ent.label_,
            "canonical": span_get(ent, "canonical") or ent_text, "country": span_get(ent, "country"),
            "geo": span_get(ent, "geo"), "role": span_get(ent, "role"), "long_form": span_get(ent, "long_form"),
        })
    return out


def _events(events: list[dict]) -> list[dict]:
    """The events, each Indonesian location given its province and regency (see ``geo.place_admin``)."""
    out = []
    for ev in events:
        loc = ev.get("location")
        if loc and loc.get("country") == "IDN" and not loc.get("adm1"):
            admin = place_admin(loc.get("canonical") or loc.get("text") or "")
            if admin is None and loc.get("canonical") and loc.get("text"):
                admin = place_admin(loc["text"])
            if admin:
                ev = {**ev, "location": {**loc, **admin}}
        out.append(ev)
    return out


def doc_to_record(doc: Doc, *, title=None, published=None, url=None, outlet=None,
                  id: Optional[str] = None, warnings=None) -> Record:
    """Collect everything the pipeline wrote on ``doc`` into a Record."""
    text = doc_text(doc)
    ext = doc._
    dl = ext.dateline
    skip = unannotated_spans(text, ext.credits or [])
    # one validation of the whole nested dict: constructing each sub-model
    # first costs a validator call per item
    return Record.model_validate({
        "id": id or record_id(text, url),
        "url": url,
        "outlet": outlet or outlet_from_url(url) or (dl.get("outlet") if dl else None),
        "title": title,
        "published": published,
        "language": "id",
        "text": text,
        "sentences": [{"start": s, "end": e} for s, e in cached_sentence_spans(doc)],
        "entities": _outside(_entities(doc, text), skip),
        "quotes": _outside(ext.quotes or [], skip),
        "times": _outside(ext.times or [], skip),
        "quantities": _outside(ext.quantities or [], skip),
        "events": _events(_outside(ext.events or [], skip, key=lambda e: e["trigger"])),
        "dateline": dl or None,
        "credits": ext.credits or [],
        "warnings": list(warnings or []),
    })
