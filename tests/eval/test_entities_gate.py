"""Accuracy gate for entity linking (entity_resolver + geo) on the dev gold.

Floors sit a little below the figures measured with ``warta eval entities``
(see warta/eval/gold/entities/ANNOTATION.md); a change that drops below fails.
"""

from __future__ import annotations

import pytest

from warta.eval.entities import STAGES, default_gold_path, evaluate

# measured 2026-11-29 (warta eval entities): dev canonical 1.000, country 0.980, role 1.000, geo 0.941;
# dev2 canonical 1.000, country 0.936, role 1.000, geo 0.857 (dev2 untuned first run: 0.986/0.787/0.897/0.829);
# dev3 canonical 1.000, country 0.942, role 1.000, geo 0.793 (first run after tuning: 1.000/0.894/0.860/0.793)
FLOORS = {
    "dev.jsonl": {"canonical": 0.97, "country": 0.95, "role": 0.95, "geo": 0.91},
    "dev2.jsonl": {"canonical": 0.97, "country": 0.90, "role": 0.95, "geo": 0.82},
    "dev3.jsonl": {"canonical": 0.97, "country": 0.91, "role": 0.95, "geo": 0.76},
}
# auto-added LOC entities on bare text (no NER): precision measured 0.988 (dev), 1.000 (dev2), 1.000 (dev3)
LOC_PRECISION_FLOOR = 0.93


@pytest.fixture(scope="module")
def nlp(shared_data, pipelines):
    return pipelines(STAGES)


@pytest.mark.slow
@pytest.mark.parametrize("gold", sorted(FLOORS))
def test_entities_linking_gate(nlp, shared_data, gold):
    scores = evaluate(default_gold_path().with_name(gold), shared_data / "corpus" / "indosum.jsonl", nlp=nlp)
    measured = {name: scores.fields[name].as_dict()["accuracy"] for name in FLOORS[gold]}
    assert all(measured[k] >= v for k, v in FLOORS[gold].items()), measured


@pytest.mark.slow
@pytest.mark.parametrize("gold", sorted(FLOORS))
def test_entities_recognition_without_ner_precision(nlp, shared_data, gold):
    scores = evaluate(default_gold_path().with_name(gold), shared_data / "corpus" / "indosum.jsonl",
                      nlp=nlp, no_ner=True)
    assert scores.fields["recognition:LOC"].as_dict()["precision"] >= LOC_PRECISION_FLOOR


# end to end with the shipped NER (warta eval entities GOLD --end-to-end), span F1 measured 2026-11-29:
# dev PER 0.939, LOC 0.899, ORG 0.721; dev2 0.844, 0.870, 0.819; dev3 0.946, 0.794, 0.889
# 2026-12-07, after the gold's conversion to ANNOTATION.md (dateline outlets are no entities: 13 outlet
# mentions left the gold, and warta drops them; scripts/convert_gold_to_guide.py --entities) and the
# official-name repairs: dev 0.945, 0.899, 0.680; dev2 0.844, 0.870, 0.800; dev3 0.946, 0.844, 0.875
END_TO_END_FLOORS = {
    "dev.jsonl": {"PER": 0.92, "LOC": 0.88, "ORG": 0.66},
    "dev2.jsonl": {"PER": 0.82, "LOC": 0.85, "ORG": 0.79},
    "dev3.jsonl": {"PER": 0.92, "LOC": 0.77, "ORG": 0.86},
}


@pytest.fixture(scope="module")
def nlp_with_ner(shared_data, pipelines):
    return pipelines(("segmenter", "ner", "entity_resolver", "geo"))


@pytest.mark.slow
@pytest.mark.parametrize("gold", sorted(END_TO_END_FLOORS))
def test_entities_end_to_end_recognition_gate(nlp_with_ner, shared_data, gold):
    scores = evaluate(default_gold_path().with_name(gold), shared_data / "corpus" / "indosum.jsonl",
                      nlp=nlp_with_ner, end_to_end=True)
    measured = {label: scores.fields[f"recognition:{label}"].as_dict()["f1"] for label in END_TO_END_FLOORS[gold]}
    assert all(measured[k] >= v for k, v in END_TO_END_FLOORS[gold].items()), measured
