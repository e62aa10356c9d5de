"""The accurate pipeline's NER stage (accurate_ner): BIO to spans, model choice, and its errors.

The transformer itself is exercised end to end in tests/train/test_accurate_export.py
(skipped without torch); what is here runs everywhere.
"""

import importlib.util

import pytest
import spacy

import warta
from warta.components.accurate_ner import ACCURATE_MODEL_ENV, _bio_spans, _windows, accurate_model_path
from warta.errors import ModelError
from warta.pipeline import MODELS, build, check_model

HAS_TORCH = bool(importlib.util.find_spec("torch") and importlib.util.find_spec("transformers"))
TEXT = "Presiden Joko Widodo bertemu Menteri Luar Negeri Retno Marsudi di Istana Merdeka, Jakarta, Senin."


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("xx")


@pytest.mark.parametrize("words, tags, spans", [
    # a name, then a place
    ("Budi tiba di Bandung".split(), ["B-PER", "O", "O", "B-LOC"], [("Budi", "PER"), ("Bandung", "LOC")]),
    # a multiword organisation
    ("Komisi Pemilihan Umum menetapkan".split(), ["B-ORG", "I-ORG", "I-ORG", "O"],
     [("Komisi Pemilihan Umum", "ORG")]),
    # two entities side by side: B starts a new one
    ("Jakarta Bandung".split(), ["B-LOC", "B-LOC"], [("Jakarta", "LOC"), ("Bandung", "LOC")]),
    # an entity that runs to the end
    ("di Kota Medan".split(), ["O", "B-LOC", "I-LOC"], [("Kota Medan", "LOC")]),
    # an I- of another type starts a new entity
    ("Bank Indonesia Jakarta".split(), ["B-ORG", "I-ORG", "I-LOC"], [("Bank Indonesia", "ORG"), ("Jakarta", "LOC")]),
    ("tidak ada nama".split(), ["O", "O", "O"], []),
])
def test_accurate_ner_bio_tags_become_spans(blank, words, tags, spans):
    doc = spacy.tokens.Doc(blank.vocab, words=words)
    got = [(s.text, s.label_) for s in _bio_spans(doc, list(range(len(words))), tags)]
    assert got == spans


def test_accurate_ner_an_entity_ends_at_a_left_out_token(blank):
    # token 2 (a line break) is not tagged: the words either side are two entities
    doc = spacy.tokens.Doc(blank.vocab, words=["Kota", "Medan", "\n\n", "Kota", "Binjai"],
                           spaces=[True, False, False, True, False])
    got = [s.text for s in _bio_spans(doc, [0, 1, 3, 4], ["B-LOC", "I-LOC", "I-LOC", "I-LOC"])]
    assert got == ["Kota Medan", "Kota Binjai"]


def test_accurate_ner_long_sentences_are_tagged_in_windows(blank):
    from warta.components.accurate_ner import MAX_WORDS

    n = MAX_WORDS * 2 + 5
    doc = spacy.tokens.Doc(blank.vocab, words=["kata"] * n, sent_starts=[True] + [False] * (n - 1))
    windows = list(_windows(doc))
    assert [len(w) for w in windows] == [MAX_WORDS, MAX_WORDS, 5]
    assert sum(windows, []) == list(range(n))


def test_accurate_ner_models_on_offer():
    assert MODELS == ("default", "accurate")
    assert check_model("accurate") == "accurate"
    with pytest.raises(ValueError, match="unknown model 'fast'"):
        check_model("fast")
    with pytest.raises(ValueError, match="unknown model"):
        warta.extract(TEXT, model="fast")


def test_accurate_ner_a_missing_model_folder_is_a_model_error(tmp_path, monkeypatch):
    monkeypatch.setenv(ACCURATE_MODEL_ENV, str(tmp_path))
    with pytest.raises(ModelError, match="no accurate NER model"):
        accurate_model_path()


@pytest.mark.skipif(HAS_TORCH, reason="checks the message given when torch is not installed")
def test_accurate_ner_without_torch_says_what_to_install(runner, tmp_path):
    from warta.cli import main

    with pytest.raises(ModelError, match="needs torch and transformers"):
        build(["segmenter", "ner"], model="accurate")
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    res = runner.invoke(main, ["extract", "--model", "accurate", str(path)])
    assert res.exit_code == 2
    assert res.output.strip().count("\n") == 0 and "pip install" in res.output


def test_accurate_ner_the_default_pipeline_keeps_the_cnn():
    nlp = build(["segmenter", "ner"])
    assert type(nlp.get_pipe("ner")).__name__ == "EntityRecognizer"


def test_accurate_ner_the_shipped_model_is_there_with_its_card():
    path = accurate_model_path()
    assert {"config.json", "model.safetensors", "tokenizer.json", "MODEL_CARD.md"} <= {p.name for p in path.iterdir()}
    assert (path / "model.safetensors").stat().st_size < 120e6   # the size bound


@pytest.mark.skipif(not HAS_TORCH, reason="the accurate model needs torch and transformers")
def test_accurate_ner_the_shipped_model_finds_people_and_places():
    rec = warta.extract(TEXT, published="2024-03-04", model="accurate")
    found = {(e.text, e.label) for e in rec.entities}
    assert {("Joko Widodo", "PER"), ("Retno Marsudi", "PER"), ("Jakarta", "LOC")} <= found
