"""Accuracy gate for ``events``: pinned floors on the dev gold, and the scorer's matching rules.

Floors sit a little under the figures measured with ``warta eval events``
(docs/stages.md, "Events"), with the pipeline as it stood then (the shipped NER
model, rule-based entity_resolver, geo, timex and quantities); a retrained
NER model or new entity rules move the actor mentions, so re-measure and
re-pin then. Gold offsets are checked against the IndoSum text, so
a changed detokenizer fails here too.
"""

from __future__ import annotations

import json

import pytest

from warta.cli import main
from warta.eval import events as scorer
from warta.events_ontology import PLOVER_TYPES

# measured with `warta eval events warta/eval/gold/events/<name>` after the second round of
# participant rules of issue 6 (origin "asal X", coordinated verbs, relative clauses, report
# sources, reporters and counted pronouns, refusals as REJECT:meet, ...), 2026-11-29:
# dev.jsonl (41 articles, 339 mentions, tuned on): type F1 0.821, full-tuple F1 0.616,
# mode accuracy 0.861; dev2.jsonl (10 articles, 99 mentions): 0.788, 0.586, 0.923;
# dev3.jsonl (10 articles, 60 mentions): 0.889, 0.746, 0.964. Before that round: dev 0.802,
# 0.535, 0.859; dev2 0.716, 0.488, 0.917; dev3 0.780, 0.602, 0.979. With the pretrained NER
# model shipped after that round (same rules): full-tuple F1 dev 0.601, dev2 0.576, dev3 0.746
# (type and mode unchanged). Floors sit ~0.01-0.02 under, as a retrained NER model moves the
# actor mentions a little.
# 2026-12-07, issue 16 (happenings scored per mention, ANNOTATION.md's triggers: membantah/menampik REJECT,
# evakuasi AID, menewaskan ASSAULT, menghadiri CONSULT, berterima kasih SUPPORT; nature and accidents are
# no events; obligations on others are REQUEST): dev 0.814 / 0.594, dev2 0.761 / 0.556, dev3 0.889 / 0.746.
# The team's gold has no line for several of the guide's triggers (dev2: three REJECT, one AID), so dev2's
# floors move down a point.
FLOORS = {"dev.jsonl": {"type_f1": 0.80, "full_f1": 0.58, "mode_accuracy": 0.84},
          "dev2.jsonl": {"type_f1": 0.75, "full_f1": 0.54, "mode_accuracy": 0.90},
          "dev3.jsonl": {"type_f1": 0.86, "full_f1": 0.70, "mode_accuracy": 0.94}}


@pytest.fixture(scope="module")
def gold():
    return scorer.load_gold()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_events_gate_dev_floors(shared_data, name):
    gold = scorer.default_gold_path().parent / name
    s = scorer.evaluate(gold, corpus=shared_data / "corpus" / "indosum.jsonl")
    floors = FLOORS[name]
    assert s.type.f1 >= floors["type_f1"], s.as_dict()
    assert s.full.f1 >= floors["full_f1"], s.as_dict()
    assert s.mode_accuracy >= floors["mode_accuracy"], s.as_dict()


def test_events_gate_dev_gold_is_big_enough(gold):
    assert len(gold) >= 150
    assert len({g["id"] for g in gold}) >= 40
    assert {g["type"] for g in gold} <= set(PLOVER_TYPES)


@pytest.mark.slow
def test_events_gate_gold_offsets_match_the_corpus(gold, shared_data):
    from warta.corpus import load_indosum

    texts = load_indosum({g["id"] for g in gold}, shared_data / "corpus" / "indosum.jsonl")
    for g in gold:
        assert texts[g["id"]]["text"][g["start"]:g["end"]] == g["text"], g


def _rec(events, sentences=((0, 10), (11, 20))):
    return {"sentences": [{"start": s, "end": e} for s, e in sentences], "events": events}


def _pred(sentence, type_, start, actor=None, recipient=None, mode=None):
    return {"sentence": sentence, "type": type_, "mode": mode, "trigger": {"start": start},
            "actor": [{"country": actor}] if actor else [], "recipient": [{"country": recipient}] if recipient else []}


def _gold(start, type_, actor=None, recipient=None, mode=None):
    return {"start": start, "type": type_, "mode": mode, "actor": {"country": actor} if actor else None,
            "recipient": {"country": recipient} if recipient else None}


def test_events_scorer_matches_sentence_and_type():
    s = scorer.EventScores()
    scorer.score_article(s, "a", [_gold(2, "ASSAULT", "RUS"), _gold(12, "COERCE", "IDN", "IDN")],
                         _rec([_pred(0, "ASSAULT", 3, "RUS"), _pred(1, "PROTEST", 13)]))
    assert (s.type.tp, s.type.fp, s.type.fn) == (1, 1, 1)
    assert (s.full.tp, s.full.fp, s.full.fn) == (1, 1, 1)


def test_events_scorer_full_tuple_needs_both_countries():
    s = scorer.EventScores()
    scorer.score_article(s, "a", [_gold(2, "SANCTION", "USA", "PRK")], _rec([_pred(0, "SANCTION", 3, "USA", "IRN")]))
    assert s.type.tp == 1 and s.full.tp == 0 and s.full.fp == 1 and s.full.fn == 1


def test_events_scorer_counts_repeats_as_a_multiset():
    s = scorer.EventScores()
    scorer.score_article(s, "a", [_gold(1, "ASSAULT"), _gold(5, "ASSAULT")], _rec([_pred(0, "ASSAULT", 1)]))
    assert (s.type.tp, s.type.fp, s.type.fn) == (1, 0, 1)
    assert s.type.precision == 1.0 and s.type.recall == 0.5


def test_events_scorer_mode_accuracy():
    s = scorer.EventScores()
    scorer.score_article(s, "a", [_gold(1, "COERCE", mode="arrest"), _gold(12, "PROTEST", mode="demo")],
                         _rec([_pred(0, "COERCE", 1, mode="arrest"), _pred(1, "PROTEST", 12, mode="riot")]))
    assert (s.mode_pairs, s.mode_correct, s.mode_accuracy) == (2, 1, 0.5)


def test_events_scorer_rejects_a_bad_gold_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="not a gold event line"):
        scorer.load_gold(path)


def test_events_cli_bad_gold_is_one_line(runner, tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text("not json\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", "events", str(path)])
    assert result.exit_code == 2
    assert "not a gold event line" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_events_cli_json(runner, shared_data, tmp_path):
    small = tmp_path / "g.jsonl"
    lines = scorer.default_gold_path().read_text(encoding="utf-8").splitlines()[:5]
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", "events", str(small), "--json",
                                  "--corpus", str(shared_data / "corpus" / "indosum.jsonl")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output[result.output.index("{"):])
    assert data["articles"] == 1 and 0.0 <= data["type"]["f1"] <= 1.0
