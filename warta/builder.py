"""Turning a processed spaCy Doc into a validated ``Record``."""

from __future__ import annotations

import bisect
import hashlib
import re
from functools import lru_cache
from typing import Optional
from urllib.parse import urlparse

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

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


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the doc's sentences, whitespace trimmed, blank ones dropped.

    ``Record.sentences`` and ``Event.sentence`` indexes both use this list.
    """
    # Doc.text joins every token in Python on each access: read the shared copy
    text = doc_text(doc)
    if not text:
        return []
    if not doc.has_annotation("SENT_START"):
        return [(0, len(text.rstrip()))]
    out = []
    for start_char, end_char in sentence_bounds(doc):
        raw = text[start_char:end_char]
        stripped = raw.strip()
        if not stripped:
            continue
        start = start_char + (len(raw) - len(raw.lstrip()))
        out.append((start, start + len(stripped)))
    return out


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``(sent.start_char, sent.end_char)`` of each of ``doc.sents`` (the doc must have sentences).

    Read from three token columns (a sentence starts at token 0 and at every
    token whose sent_start is 1, as in ``doc.sents``), without a Span each.
    """
    if not len(doc):
        return []
    idx, length, flags = doc.to_array([IDX, LENGTH, SENT_START]).astype(numpy.int64).T
    starts = [0] + [i for i in numpy.flatnonzero(flags == 1).tolist() if i > 0]
    idx, length = idx.tolist(), length.tolist()
    return [(idx[first], idx[end - 1] + length[end - 1]) for first, end in zip(starts, starts[1:] + [len(doc)])]


def cached_sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """:func:`sentence_spans`, computed once per doc and kept in ``doc.user_data``.

    Call it only once the sentences are set (after the segmenter).
    """
    spans = doc.user_data.get("warta_sentence_spans")
    if spans is None:
        spans = doc.user_data["warta_sentence_spans"] = sentence_spans(doc)
    return spans


def sentence_index(doc: Doc, char: int) -> int:
    """Index in :func:`sentence_spans` of the sentence holding character ``char``."""
    starts = doc.user_data.get("warta_sentence_starts")
    if starts is None:
        starts = doc.user_data["warta_sentence_starts"] = [s for s, _ in cached_sentence_spans(doc)]
    return max(0, bisect.bisect_right(starts, char) - 1)


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


# Imported last: events.py imports this module, so a top-level import of the
# components package here would run into a half-initialised builder.
from .components.extensions import doc_text, span_get  # noqa: E402
from .components.geo import place_admin  # noqa: E402
