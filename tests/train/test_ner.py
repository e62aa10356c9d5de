"""The NER trainer's data preparation and the NORM-table initialisation (no real training)."""

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.initialize import init_nlp
from thinc.api import fix_random_seed

from warta.eval.ner import Sentence
from warta.train.ner import TrainOptions, build_config, init_norm_table, lowercased, recased, training_sentences

pytestmark = pytest.mark.slow  # the training code (warta train): outside the `-m "not slow"` inner loop

LOWER = Sentence(("presiden", "joko", "widodo", "tiba", "di", "2018-an", "surabaya"),
                 ("O", "B-PER", "I-PER", "O", "O", "O", "B-LOC"))
CASED = Sentence(("Bank", "Indonesia", "menaikkan", "suku", "bunga"), ("B-ORG", "I-ORG", "O", "O", "O"))


def test_ner_recased_capitalises_entities_and_first_word():
    (out,) = recased([LOWER])
    assert out.words == ("Presiden", "Joko", "Widodo", "tiba", "di", "2018-an", "Surabaya")
    assert out.tags == LOWER.tags


def test_ner_lowercased_keeps_tags():
    (out,) = lowercased([CASED])
    assert out.words == ("bank", "indonesia", "menaikkan", "suku", "bunga") and out.tags == CASED.tags


@pytest.mark.parametrize("opts, expected", [
    (TrainOptions(copies={"nergrit": 1, "idner2k": 1, "nerp": 1}, lowercase_copies=False, recase_nerp=False), 3),
    (TrainOptions(copies={"nergrit": 2, "idner2k": 2, "nerp": 1}, lowercase_copies=False, recase_nerp=True), 6),
    (TrainOptions(copies={"nergrit": 1, "idner2k": 1, "nerp": 1}, lowercase_copies=True, recase_nerp=False), 5),
])
def test_ner_training_sentences_mixture(opts, expected):
    data = {"nergrit": {"train": [CASED]}, "idner2k": {"train": [CASED]}, "nerp": {"train": [LOWER]}}
    assert len(training_sentences(data, opts)) == expected


def test_ner_init_norm_table_fits_vectors(tmp_path):
    fix_random_seed(0)
    opts = TrainOptions(width=16, depth=1, norm_rows=400)
    cfg = build_config(opts, tmp_path / "t.spacy", tmp_path / "d.spacy")
    assert cfg["vars"]["norm_rows"] == 400 and cfg["system"]["seed"] == 0
    vocab = spacy.blank("id").vocab
    DocBin(docs=[Doc(vocab, words=list(CASED.words), ents=list(CASED.tags))]).to_disk(tmp_path / "t.spacy")
    DocBin(docs=[Doc(vocab, words=list(CASED.words), ents=list(CASED.tags))]).to_disk(tmp_path / "d.spacy")
    nlp = init_nlp(cfg)
    words = [f"kata{i}" for i in range(100)]
    vecs = np.random.default_rng(0).normal(size=(100, 16)).astype("float32")
    residual = init_norm_table(nlp, words, vecs)
    assert residual < 0.2  # 100 words in 400 rows: an almost exact fit
    doc = nlp.make_doc("kata3 kata7")
    assert len(list(nlp.get_pipe("ner").pipe([doc]))) == 1
