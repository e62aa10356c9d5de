"""The fast Doc helpers give what spaCy's own attributes give (doc_text, set_ents, span_get/span_set)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from warta.components.extensions import (
    doc_text, ents_of, forget_ents, prime_doc_text, set_ents, span_get, span_set,
)

_TEXT = ("Presiden Joko Widodo bertemu Menteri Luar Negeri Retno Marsudi di Jakarta, Senin.\n\n"
         "Keduanya membahas kerja sama dengan Badan Pusat Statistik (BPS) dan PT Kereta Api Indonesia.")


@pytest.fixture(scope="module")
def nlp(pipelines):
    return pipelines(["segmenter"])


@pytest.mark.parametrize("text", [_TEXT, "", "  dua  spasi  ", "Satu kalimat saja.", "a\n\n\nb  "])
def test_extensions_doc_text_equals_doc_text(nlp, text):
    doc = nlp.make_doc(text)
    assert doc_text(doc) == doc.text == text
    assert doc_text(doc) is doc_text(doc)  # read once, then shared


def test_extensions_prime_doc_text_keeps_the_input(nlp):
    doc = nlp.make_doc(_TEXT)
    prime_doc_text(doc, _TEXT)
    assert doc_text(doc) is _TEXT


def test_extensions_prime_doc_text_refuses_a_different_length(nlp):
    doc = nlp.make_doc(_TEXT)
    prime_doc_text(doc, _TEXT + " ekor")
    assert doc_text(doc) == _TEXT


# (start, end, label) token spans; label None is a span without a label, which both ways drop
@pytest.mark.parametrize("spans", [
    [],
    [(1, 3, "PER")],
    [(0, 1, "PER"), (1, 3, "PER"), (8, 10, "PER")],
    [(3, 4, "ORG"), (12, 13, "LOC")],
    [(12, 13, "LOC"), (1, 3, "PER")],  # unsorted
    [(1, 3, "PER"), (5, 6, None)],
    [(0, 5, "ORG"), (5, 40, "ORG")],  # to the last token
])
def test_extensions_set_ents_same_as_setter(nlp, spans):
    fast, slow = nlp.make_doc(_TEXT), nlp.make_doc(_TEXT)
    # start from other entities, as the resolver does when it edits the NER's
    for doc in (fast, slow):
        doc.ents = [Span(doc, 2, 4, label="LOC"), Span(doc, 20, 22, label="ORG")]
    n = len(fast)
    set_ents(fast, [Span(fast, s, min(e, n), label=lab or 0) for s, e, lab in spans])
    slow.ents = [Span(slow, s, min(e, n), label=lab or 0) for s, e, lab in spans]
    assert [(t.ent_iob_, t.ent_type_) for t in fast] == [(t.ent_iob_, t.ent_type_) for t in slow]
    assert [(e.start, e.end, e.label_) for e in fast.ents] == [(e.start, e.end, e.label_) for e in slow.ents]


def test_extensions_set_ents_rejects_overlaps_like_setter(nlp):
    doc = nlp.make_doc(_TEXT)
    spans = [Span(doc, 1, 3, label="PER"), Span(doc, 2, 4, label="PER")]
    with pytest.raises(ValueError):
        doc.ents = spans
    with pytest.raises(ValueError):
        set_ents(doc, spans)


@pytest.mark.parametrize("name,value", [
    ("canonical", "Joko Widodo"), ("country", "IDN"), ("geo", {"lat": -6.2, "lon": 106.8, "geonameid": 1642911}),
    ("role", "Presiden"), ("long_form", "Badan Pusat Statistik"),
])
def test_extensions_span_get_set_same_as_underscore(nlp, name, value):
    doc = nlp.make_doc(_TEXT)
    span, other = doc[1:3], doc[1:4]
    assert span_get(span, name) is None
    span_set(span, name, value)
    assert getattr(span._, name) == value
    assert getattr(other._, name) is None and span_get(other, name) is None  # keyed by the exact span
    setattr(other._, name, "lain")
    assert span_get(other, name) == "lain"
    assert span_get(doc[1:3], name) == value  # a new Span object over the same characters


def test_extensions_ents_of_follows_set_ents(nlp):
    doc = nlp.make_doc(_TEXT)
    doc.ents = [Span(doc, 1, 3, label="PER")]
    first = ents_of(doc)
    assert first is ents_of(doc)  # kept between reads
    set_ents(doc, [Span(doc, 1, 3, label="PER"), Span(doc, 12, 13, label="LOC")])
    assert [(e.start, e.end, e.label_) for e in ents_of(doc)] == [(1, 3, "PER"), (12, 13, "LOC")]
    forget_ents(doc)
    assert "warta_ents" not in doc.user_data


def test_extensions_entity_resolver_leaves_no_kept_ents(pipelines):
    nlp = pipelines(["segmenter", "entity_resolver"])
    doc = nlp.make_doc(_TEXT)
    doc.ents = [Span(doc, 1, 3, label="PER"), Span(doc, 8, 10, label="PER")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert "warta_ents" not in doc.user_data
    assert doc.to_bytes()  # nothing unserialisable left in user_data
