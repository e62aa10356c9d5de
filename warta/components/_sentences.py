"""Sentence bounds of a segmented Doc, in tokens and in characters, read once per Doc.

The segmenter (first in the pipeline) sets ``token.is_sent_start``; everything
after it asks "which sentence holds this token or character" many times, and
spaCy's ``doc.sents`` / ``token.sent`` build a Span per answer. These read the
token columns once (kept by :mod:`._doc_cache`) and answer by bisection:

- :func:`sentence_bounds`: token bounds of the sentence holding a token
  (``token.sent.start, token.sent.end``); the whole Doc when it has no sentences;
- :func:`sentence_char_bounds`: ``(start_char, end_char)`` of every sentence,
  as ``doc.sents`` gives them;
- :func:`sentence_spans`: the same trimmed of whitespace, blank ones dropped:
  ``Record.sentences``, whose index :func:`sentence_index` gives for a character.

The Doc-to-Record layer (:mod:`warta.builder`) reads ``Record.sentences`` from
here too, so a component's sentence numbers and the Record's agree.
"""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

from . import _doc_cache as cache
from .extensions import doc_text


def _token_starts(doc: Doc) -> list[int]:
    flags = doc.to_array(SENT_START).astype(numpy.int64)
    return [0] + [i for i in numpy.flatnonzero(flags == 1).tolist() if i > 0]


def sentence_starts(doc: Doc) -> list[int]:
    """Token indexes where sentences start (the Doc must have sentences)."""
    return cache.cached(doc, cache.SENT_TOKEN_STARTS, _token_starts)


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token bounds ``(start, end)`` of the sentence holding token ``i``; ``(0, len(doc))`` without sentences."""
    if not doc.has_annotation("SENT_START"):
        return 0, len(doc)
    starts = sentence_starts(doc)
    k = max(0, bisect.bisect_right(starts, i) - 1)
    return starts[k], (starts[k + 1] if k + 1 < len(starts) else len(doc))


def sentence_start(doc: Doc, i: int) -> int:
    """``doc[i].sent.start`` without building the sentence Span."""
    return sentence_bounds(doc, i)[0]


def sentence_end(doc: Doc, i: int) -> int:
    """``doc[i].sent.end`` (``len(doc)`` without sentences) without building the sentence Span."""
    return sentence_bounds(doc, i)[1]


def sentence_char_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``(sent.start_char, sent.end_char)`` of each of ``doc.sents`` (the doc must have sentences).

    Read from three token columns (a sentence starts at token 0 and at every
    token whose sent_start is 1, as in ``doc.sents``), without a Span each.
    """
    if not len(doc):
        return []
    idx, length = doc.to_array([IDX, LENGTH]).astype(numpy.int64).T
    starts = sentence_starts(doc)
    idx, length = idx.tolist(), length.tolist()
    return [(idx[first], idx[end - 1] + length[end - 1]) for first, end in zip(starts, starts[1:] + [len(doc)])]


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
    for start_char, end_char in sentence_char_bounds(doc):
        raw = text[start_char:end_char]
        stripped = raw.strip()
        if not stripped:
            continue
        start = start_char + (len(raw) - len(raw.lstrip()))
        out.append((start, start + len(stripped)))
    return out


def cached_sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """:func:`sentence_spans`, computed once per doc.

    Call it only once the sentences are set (after the segmenter).
    """
    return cache.cached(doc, cache.SENTENCE_SPANS, sentence_spans)


def sentence_index(doc: Doc, char: int) -> int:
    """Index in :func:`sentence_spans` of the sentence holding character ``char``."""
    starts = cache.cached(doc, cache.SENTENCE_STARTS, lambda d: [s for s, _ in cached_sentence_spans(d)])
    return max(0, bisect.bisect_right(starts, char) - 1)
