"""Doc -> Record helpers: sentence bounds agree with spaCy's doc.sents."""

from __future__ import annotations

import pytest

from warta.builder import sentence_index, sentence_spans
from warta.components._sentences import sentence_char_bounds


@pytest.fixture(scope="module")
def nlp(pipelines):
    return pipelines(["segmenter"])


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
    assert sentence_char_bounds(doc) == [(s.start_char, s.end_char) for s in doc.sents]
    spans = sentence_spans(doc)
    assert spans == _from_sents(doc)
    for i, (start, end) in enumerate(spans):
        assert text[start:end] == text[start:end].strip()
        assert sentence_index(doc, start) == i


def test_builder_sentence_spans_without_sentences(nlp):
    assert sentence_spans(nlp.make_doc("Dua kalimat. Tanpa segmenter.  ")) == [(0, 29)]
    assert sentence_spans(nlp.make_doc("")) == []


def test_record_leaves_out_related_link_lines():
    # ANNOTATION.md: nothing in a "Baca juga" line or a "(Baca: ...)" bracket is a fact of the article
    import warta

    text = ("Polisi menangkap tiga orang di Bandung, Senin (3/1/2022).\n"
            "(Baca: Harga Cabai Naik 20 Persen di Garut Sejak 2021)\n"
            "Baca juga: Gubernur Jawa Barat Ridwan Wiratama Meninjau 5 Pasar\n"
            "Ketiga tersangka ditahan di Polres Bandung.")
    rec = warta.extract(text, published="2022-01-05")
    cut = text.index("(Baca"), text.index("Ketiga")
    for item in [*rec.entities, *rec.times, *rec.quantities, *rec.quotes]:
        assert not (cut[0] <= item.start < cut[1]), item
    assert [q.text for q in rec.quantities] == ["tiga orang", "Ketiga"]
