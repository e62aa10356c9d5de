"""The resolver's per-Doc indexes answer as spaCy's own (slower) attributes do."""

from __future__ import annotations

import pytest

from warta.components._names import _positions
from warta.components._sentences import sentence_bounds, sentence_end, sentence_start

_TEXTS = [
    "Presiden Joko Widodo tiba di Jakarta. Ia disambut Gubernur DKI Anies Baswedan (Anies).\n\n"
    "Kunjungan itu singkat. Presiden lalu kembali ke Bogor, kata Anies.",
    "Satu kalimat tanpa titik",
    "BPS (Badan Pusat Statistik) mencatat inflasi. BPS juga mencatat ekspor. (BPS)",
]


@pytest.fixture(scope="module")
def nlp(pipelines):
    return pipelines(["segmenter"])


@pytest.mark.parametrize("text", _TEXTS)
def test_names_sentence_bounds_match_token_sent(nlp, text):
    doc = nlp(text)
    assert doc.has_annotation("SENT_START")
    for tok in doc:
        assert (sentence_start(doc, tok.i), sentence_end(doc, tok.i)) == (tok.sent.start, tok.sent.end)
        assert sentence_bounds(doc, tok.i) == (tok.sent.start, tok.sent.end)


def test_names_sentence_bounds_without_sentences(nlp):
    doc = nlp.make_doc(_TEXTS[0])
    assert (sentence_start(doc, 5), sentence_end(doc, 5)) == sentence_bounds(doc, 5) == (0, len(doc))


@pytest.mark.parametrize("text", _TEXTS)
@pytest.mark.parametrize("words", [("(",), ("BPS", "Presiden"), ("Anies", "tidak-ada", ")"), ()])
def test_names_positions_match_a_token_scan(nlp, text, words):
    doc = nlp(text)
    assert _positions(doc, words) == [t.i for t in doc if t.text in words]
    assert _positions(doc, words) == [t.i for t in doc if t.text in words]  # from the cached index
