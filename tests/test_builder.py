"""Doc -> Record helpers: sentence bounds agree with spaCy's doc.sents."""

from __future__ import annotations

import pytest

from warta.builder import sentence_bounds, sentence_index, sentence_spans
from warta.pipeline import build


@pytest.fixture(scope="module")
def nlp():
    return build(stages=["segmenter"])


def _from_sents(doc):
    """The reference: trimmed, non-blank doc.sents."""
    out = []
    for sent in doc.sents:
        raw = sent.text_with_ws
        if raw.strip():
            start = sent.start_char + len(raw) - len(raw.lstrip())
            out.append((start, start + len(raw.strip())))
    return out


@pytest.mark.parametrize("text", [
    "Presiden tiba di Jakarta. Ia disambut gubernur.\n\nKunjungan itu singkat, kata juru bicara.",
    "Satu kalimat tanpa titik",
    "  Spasi di depan.   Dan di belakang.   ",
    "Judul Berita\n\n\nJAKARTA - Harga naik 5 persen. \"Kami kaget,\" ujar Budi.",
])
def test_builder_sentence_spans_match_doc_sents(nlp, text):
    doc = nlp(text)
    assert sentence_bounds(doc) == [(s.start_char, s.end_char) for s in doc.sents]
    spans = sentence_spans(doc)
    assert spans == _from_sents(doc)
    for i, (start, end) in enumerate(spans):
        assert text[start:end] == text[start:end].strip()
        assert sentence_index(doc, start) == i


def test_builder_sentence_spans_without_sentences(nlp):
    assert sentence_spans(nlp.make_doc("Dua kalimat. Tanpa segmenter.  ")) == [(0, 29)]
    assert sentence_spans(nlp.make_doc("")) == []
