"""Character-objective pretraining of the NER tok2vec (tiny model, tiny text)."""

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.initialize import init_nlp
from thinc.api import fix_random_seed

from warta.train.ner import TrainOptions, build_config
from warta.train.pretrain import inner_tok2vec, load_tok2vec, pretrain_tok2vec, pretraining_sentences

pytestmark = pytest.mark.slow  # the training code (warta train): outside the `-m "not slow"` inner loop

SENTENCES = [
    "Presiden meresmikan jembatan baru di Kalimantan Timur pada Senin pagi".split(),
    "Polisi menangkap dua tersangka pencurian sepeda motor di Bekasi".split(),
    "Harga beras naik tipis menjelang akhir tahun menurut pedagang".split(),
    "Tim nasional menang dua gol tanpa balas dalam laga persahabatan".split(),
] * 8


def _tiny_nlp(tmp_path):
    fix_random_seed(0)
    opts = TrainOptions(width=16, depth=1, norm_rows=200)
    vocab = spacy.blank("id").vocab
    words = ["Bank", "Indonesia", "menaikkan", "suku", "bunga"]
    for name in ("t.spacy", "d.spacy"):
        DocBin(docs=[Doc(vocab, words=words, ents=["B-ORG", "I-ORG", "O", "O", "O"])]).to_disk(tmp_path / name)
    return init_nlp(build_config(opts, tmp_path / "t.spacy", tmp_path / "d.spacy"))


def _embedding(nlp, words):
    return np.asarray(inner_tok2vec(nlp).predict([Doc(nlp.vocab, words=words)])[0])


def test_pretrain_tok2vec_writes_weights_that_change_the_layers_and_load_back(tmp_path):
    nlp = _tiny_nlp(tmp_path)
    before = _embedding(nlp, SENTENCES[0])
    files = pretrain_tok2vec(nlp, SENTENCES, epochs=2, out_dir=tmp_path / "pt", batch_words=40, log=lambda m: None)
    assert [f.name for f in files] == ["tok2vec-epoch0.bin", "tok2vec-epoch1.bin"]
    fresh = _tiny_nlp(tmp_path)
    assert np.allclose(_embedding(fresh, SENTENCES[0]), before)  # same seed, same start
    load_tok2vec(fresh, files[-1])
    after = _embedding(fresh, SENTENCES[0])
    assert after.shape == before.shape and not np.allclose(after, before)
    # the loaded layers still run inside the ner pipe
    assert len(list(fresh.get_pipe("ner").pipe([Doc(fresh.vocab, words=SENTENCES[1])]))) == 1


def test_pretrain_loss_falls_over_epochs(tmp_path):
    nlp = _tiny_nlp(tmp_path)
    lines = []
    pretrain_tok2vec(nlp, SENTENCES, epochs=6, out_dir=tmp_path / "pt", batch_words=40, log=lines.append)
    losses = [float(line.split("loss ")[1].split(",")[0]) for line in lines if line.startswith("pretrain epoch")]
    assert len(losses) == 6 and losses[-1] < losses[0]


def test_pretraining_sentences_drops_empty_and_spaced_tokens():
    out = pretraining_sentences([["a", " ", "b c", "d"]], extra=[("e", "f")])
    assert out == [["a", "d"], ["e", "f"]]
