"""Valid-BIO decoding of the teacher's per-word tag scores (numpy only)."""

import numpy as np

from warta.train.teacher import TAGS, allowed_transitions, bio_viterbi


def _logp(rows):
    """Log-probabilities from {tag: prob} rows (the rest share what is left)."""
    out = []
    for row in rows:
        p = np.full(len(TAGS), (1 - sum(row.values())) / (len(TAGS) - len(row)))
        for tag, v in row.items():
            p[TAGS.index(tag)] = v
        out.append(np.log(p))
    return np.array(out)


def test_transitions():
    ok = allowed_transitions()
    assert ok[TAGS.index("B-PER"), TAGS.index("I-PER")] and ok[TAGS.index("I-PER"), TAGS.index("I-PER")]
    assert not ok[TAGS.index("O"), TAGS.index("I-PER")]
    assert not ok[TAGS.index("B-ORG"), TAGS.index("I-PER")]
    assert ok[TAGS.index("I-ORG"), TAGS.index("B-PER")] and ok[TAGS.index("O"), TAGS.index("B-LOC")]


def test_viterbi_repairs_an_i_after_o():
    # argmax would give O I-ORG I-ORG (read as a new ORG by the scorer); the best valid path
    # is B-ORG I-ORG I-ORG if the first word's B-ORG is nearly as likely as O
    logp = _logp([{"O": 0.5, "B-ORG": 0.45}, {"I-ORG": 0.9}, {"I-ORG": 0.9}])
    assert [TAGS[i] for i in logp.argmax(1)] == ["O", "I-ORG", "I-ORG"]
    assert bio_viterbi(logp) == ["B-ORG", "I-ORG", "I-ORG"]


def test_viterbi_drops_a_weak_orphan_i():
    logp = _logp([{"O": 0.9}, {"I-LOC": 0.4, "O": 0.39}, {"O": 0.9}])
    assert bio_viterbi(logp) == ["O", "O", "O"]


def test_viterbi_keeps_a_valid_argmax_path_and_handles_empty():
    logp = _logp([{"B-PER": 0.8}, {"I-PER": 0.7}, {"O": 0.9}, {"B-LOC": 0.6}])
    assert bio_viterbi(logp) == ["B-PER", "I-PER", "O", "B-LOC"]
    assert bio_viterbi(np.zeros((0, len(TAGS)))) == []
