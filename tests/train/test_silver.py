"""Ensemble voting and silver data (warta.train.silver, `warta train silver`, `warta eval ner --model x2`)."""

import json

import pytest

from warta.cli import main
from warta.eval.ner import Sentence, read_conll
from warta.train.silver import corpus_sentences, ensemble_predict, vote, write_conll

pytestmark = pytest.mark.slow  # the training code (warta train): outside the `-m "not slow"` inner loop

A = ["B-PER", "I-PER", "O", "O", "B-LOC"]        # "Budi Santoso tiba di Surabaya"
B = ["B-PER", "I-PER", "O", "O", "B-ORG"]
C = ["B-PER", "O", "O", "O", "B-LOC"]


def test_vote_keeps_entities_most_models_share():
    # Budi Santoso (A, B) and Surabaya/LOC (A, C) have two votes of three; "Budi" alone and ORG one.
    assert vote([A, B, C]) == ["B-PER", "I-PER", "O", "O", "B-LOC"]


def test_vote_needs_a_strict_majority_by_default():
    assert vote([A, B]) == ["B-PER", "I-PER", "O", "O", "O"]  # the two disagree on the last word


def test_vote_with_one_vote_prefers_the_span_more_models_give():
    # min_votes=1 keeps every span; "Budi Santoso" (2 votes) wins over the overlapping "Budi" (1)
    assert vote([A, B, C], min_votes=1)[:2] == ["B-PER", "I-PER"]


def test_vote_of_one_model_is_that_model():
    assert vote([B]) == B


def test_vote_rejects_different_lengths():
    with pytest.raises(ValueError):
        vote([A, A[:3]])


def test_ensemble_predict_votes_over_models(monkeypatch):
    import warta.train.silver as silver

    outputs = {"a": [A], "b": [B], "c": [C]}
    monkeypatch.setattr(silver, "predict", lambda nlp, sents: outputs[nlp])
    sent = Sentence(tuple("Budi Santoso tiba di Surabaya".split()), ("O",) * 5)
    assert ensemble_predict(["a", "b", "c"], [sent]) == [vote([A, B, C])]


def test_corpus_sentences_skip_short_long_repeated_and_spaced():
    lists = [["Satu", "dua"],                                   # too short
             "Warga Bogor menanam pohon di tepi sungai .".split(),
             "Warga Bogor menanam pohon di tepi sungai .".split(),  # repeat
             ["Kantor", "PT Maju", "dibuka", "hari", "ini"],     # a token with a space
             ["kata"] * 500]                                    # too long
    out = list(corpus_sentences(lists))
    assert [s.words[:2] for s in out] == [("Warga", "Bogor")]
    assert out[0].tags == ("O",) * 8


def test_write_conll_round_trips(tmp_path):
    sents = [Sentence(("Budi", "Santoso", "tiba", "di", "Surabaya"), tuple(A)),
             Sentence(("Hujan", "turun", "lagi", "."), ("O",) * 4)]
    path = tmp_path / "silver.tsv"
    assert write_conll(path, sents) == 2
    assert read_conll(path) == sents


def test_eval_ner_cli_scores_an_ensemble(runner, tmp_path):
    from warta.pipeline import ner_model_path

    gold = tmp_path / "gold.tsv"
    write_conll(gold, [Sentence(tuple("Presiden Joko Widodo tiba di Surabaya pada Senin .".split()),
                                ("O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O"))])
    model = str(ner_model_path())
    one = runner.invoke(main, ["eval", "ner", str(gold), "--json", "--model", model])
    three = runner.invoke(main, ["eval", "ner", str(gold), "--json"] + ["--model", model] * 3)
    assert one.exit_code == 0 and three.exit_code == 0, (one.output, three.output)
    # three copies of one model vote exactly as that model does
    assert json.loads(three.stdout) == json.loads(one.stdout)
    assert json.loads(one.stdout)["overall"]["gold"] == 2
