"""Values computed once per Doc and kept on it, in one place.

The stages read some things about a Doc again and again: its text, its
entities while the resolver edits them, token indexes by text, sentence
starts. Each is computed on first use and kept in ``doc.user_data`` under one
of the keys below; nothing else in the components touches ``doc.user_data``
(except :func:`warta.components.extensions.span_get`/``span_set``, which
read and write spaCy's own layout of ``Span._`` values).

Two lifetimes:

- **for the Doc's life** (:data:`TEXT`, :data:`ORTH_INDEX`,
  :data:`SENT_TOKEN_STARTS`, :data:`SENTENCE_SPANS`, :data:`SENTENCE_STARTS`):
  what they are computed from never changes once the segmenter has run, and
  they serialise with the Doc (strings, lists and dicts of ints);
- **for one component's call** (:data:`ENTS`, :data:`EVENT_TIMES`, :data:`LOWER_WORDS`): valid only
  while that component runs, or not serialisable (Spans, sets). The component
  drops them with :func:`forget` or the :func:`scoped` block around its work,
  so ``doc.to_bytes()`` works after the pipeline.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator

from spacy.tokens import Doc

#: ``doc.text``, built once (spaCy joins every token on each access)
TEXT = "warta_text"
#: ``doc.ents`` between two edits of the entity resolver (Spans: call-scoped)
ENTS = "warta_ents"
#: token indexes by ORTH id
ORTH_INDEX = "warta_orth_index"
#: token indexes where sentences start
SENT_TOKEN_STARTS = "warta_sent_token_starts"
#: character spans of the sentences, trimmed (``Record.sentences``)
SENTENCE_SPANS = "warta_sentence_spans"
#: the start characters of :data:`SENTENCE_SPANS`
SENTENCE_STARTS = "warta_sentence_starts"
#: start characters of the doc's times, for the events' clause bounds (a set: call-scoped)
EVENT_TIMES = "warta_event_times"
#: every word the text writes in lower case, for the entity resolver's common-word checks (a set: call-scoped)
LOWER_WORDS = "warta_lower_words"

#: keys whose values live for one component's call
CALL_SCOPED = (ENTS, EVENT_TIMES, LOWER_WORDS)


def cached(doc: Doc, key: str, compute: Callable[[Doc], Any]) -> Any:
    """The value kept under ``key``, computed by ``compute(doc)`` on first use."""
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = compute(doc)
    return value


def peek(doc: Doc, key: str) -> Any:
    """The value kept under ``key``, or None (nothing computed)."""
    return doc.user_data.get(key)


def put(doc: Doc, key: str, value: Any) -> None:
    """Keep ``value`` under ``key`` (when it is known before anyone asks)."""
    doc.user_data[key] = value


def forget(doc: Doc, *keys: str) -> None:
    """Drop the values kept under ``keys``."""
    for key in keys:
        doc.user_data.pop(key, None)


@contextmanager
def scoped(doc: Doc, *keys: str) -> Iterator[None]:
    """A block after which the values under ``keys`` are dropped (also on an error)."""
    try:
        yield
    finally:
        forget(doc, *keys)
