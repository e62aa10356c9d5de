"""Accuracy gate for ``quotes``: pinned floors on the dev gold, and the scorer's rules.

Floors sit a little under the figures measured with ``warta eval quotes``
(docs/stages.md, "Quotations"); a change that drops below one fails CI. The gold
(42 IndoSum articles, offsets + hashes only) is read against the text in
../shared/data; a changed detokenizer fails loudly through the hash check.
"""

from __future__ import annotations

import json

import pytest

from warta.cli import main
from warta.eval import quotes as scorer

# measured with `warta eval quotes <gold>` (default pipeline, shipped NER; the same without it):
#   dev.jsonl  (42 articles, developed on): direct F1 1.000 kind 1.000 speaker 0.955;
#              indirect/mixed F1 0.944 kind 1.000 speaker 0.929
#   dev2.jsonl (12 articles): direct F1 1.000 speaker 0.929; indirect/mixed F1 0.962 speaker 0.920
#   dev3.jsonl (10 articles): direct F1 1.000 speaker 1.000; indirect/mixed F1 1.000 speaker 0.880
FLOORS = {
    "dev.jsonl": {"direct": {"f1": 0.97, "kind_accuracy": 0.97, "speaker_accuracy": 0.93},
                  "indirect/mixed": {"f1": 0.91, "kind_accuracy": 0.97, "speaker_accuracy": 0.90}},
    "dev2.jsonl": {"direct": {"f1": 0.95, "kind_accuracy": 0.95, "speaker_accuracy": 0.89},
                   "indirect/mixed": {"f1": 0.92, "kind_accuracy": 0.95, "speaker_accuracy": 0.88}},
    "dev3.jsonl": {"direct": {"f1": 0.95, "kind_accuracy": 0.95, "speaker_accuracy": 0.95},
                   "indirect/mixed": {"f1": 0.95, "kind_accuracy": 0.95, "speaker_accuracy": 0.84}},
}
GOLD_DIR = scorer.default_gold_path().parent


@pytest.mark.slow  # an accuracy gate over ../shared data, like the other gates
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quotes_gate_dev_floors(shared_data, runner, name):
    result = runner.invoke(main, ["eval", "quotes", str(GOLD_DIR / name), "--json",
                                  "--corpus", str(shared_data / "corpus" / "indosum.jsonl")])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout[result.stdout.index("{"):])
    assert scores["articles"] >= 10
    for group, floors in FLOORS[name].items():
        for metric, floor in floors.items():
            assert scores[group][metric] >= floor, (name, group, metric, scores[group])


def test_quotes_gate_dev_gold_is_well_formed():
    rows = scorer.load_gold()
    assert len(rows) >= 40
    quotes = [q for r in rows for q in r["quotes"]]
    assert len(quotes) >= 150
    assert {q["kind"] for q in quotes} <= {"direct", "indirect", "mixed"}
    for r in rows:
        assert len(r["text_sha1"]) == 40
        starts = [q["start"] for q in r["quotes"]]
        assert starts == sorted(starts)
        assert all(0 <= q["start"] < q["end"] for q in r["quotes"])
    # some articles have no quote marks at all: indirect speech only
    assert sum(all(q["kind"] != "direct" for q in r["quotes"]) for r in rows) >= 10


@pytest.mark.parametrize("gold, pred, expected", [
    ("Argo Yuwono", "Argo", True),
    ("Argo Yuwono", "Kombes Argo Yuwono", True),
    ("argo yuwono", "ARGO YUWONO", True),
    ("Joko Widodo", "Presiden", False),
    ("Joko Widodo", "Ma'ruf Amin", False),
    (None, None, True),
    (None, "Argo Yuwono", False),
    ("Argo Yuwono", None, False),
])
def test_quotes_gate_same_speaker(gold, pred, expected):
    assert scorer.same_speaker(gold, pred) is expected


def test_quotes_gate_match_needs_80_percent_of_longer_span():
    gold = [{"start": 0, "end": 100, "kind": "direct", "speaker": "A"}]
    assert scorer.match_spans(gold, [{"start": 10, "end": 100}]) == [(0, 0)]  # 90 of 100
    assert scorer.match_spans(gold, [{"start": 25, "end": 100}]) == []  # 75 of 100
    assert scorer.match_spans(gold, [{"start": 0, "end": 120}]) == [(0, 0)]  # 100 of 120
    assert scorer.match_spans(gold, [{"start": 0, "end": 130}]) == []  # 100 of 130


def test_quotes_gate_score_article_groups_kinds_and_speakers():
    gold = [
        {"start": 0, "end": 50, "kind": "direct", "speaker": "Argo Yuwono"},
        {"start": 60, "end": 120, "kind": "mixed", "speaker": "Joko Widodo"},
        {"start": 130, "end": 180, "kind": "indirect", "speaker": None},
    ]
    pred = [
        {"start": 0, "end": 48, "kind": "direct", "speaker": {"canonical": "Argo"}},
        {"start": 60, "end": 118, "kind": "indirect", "speaker": {"canonical": "Presiden"}},
        {"start": 200, "end": 250, "kind": "direct", "speaker": None},
    ]
    scores = scorer.QuoteScores()
    scorer.score_article(gold, pred, scores, "x")
    d, i = scores.groups["direct"], scores.groups["indirect/mixed"]
    assert (d.gold, d.pred, d.matched_gold, d.matched_pred) == (1, 2, 1, 1)
    assert (i.gold, i.pred, i.matched_gold, i.matched_pred) == (2, 1, 1, 1)
    assert (d.precision, d.recall, d.speaker_accuracy) == (0.5, 1.0, 1.0)
    assert (i.recall, i.kind_accuracy, i.speaker_accuracy) == (0.5, 0.0, 0.0)
    assert sorted(e[1] for e in scores.errors) == ["kind", "missed", "speaker", "spurious"]


def test_quotes_gate_cli_bad_gold_is_one_line(runner, tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", "quotes", str(bad)])
    assert result.exit_code == 2
    assert "not a gold quotes line" in result.output and "Traceback" not in result.output
