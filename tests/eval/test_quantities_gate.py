"""Accuracy gate for ``quantities``: pinned floors on the dev gold.

Floors sit a little under the figures measured with ``warta eval
quantities`` (see docs/stages.md, "Quantities"); a change that drops below one
fails CI.
"""

from __future__ import annotations

import json

import pytest

from warta.cli import main
from warta.eval import quantities as scorer

GOLD = scorer.default_gold_path()

# measured after the gold's conversion to ../shared/ANNOTATION.md (ages and collective numerals are
# quantities; scripts/convert_gold_to_guide.py): dev.jsonl (30 articles, 107 quantities): detection F1
# 0.991, value accuracy 1.000; dev2.jsonl (12, 39): 0.987, 1.000; dev3.jsonl (10, 37): 0.986, 1.000
FLOORS = {
    "dev.jsonl": {"detection.f1": 0.96, "value_accuracy": 0.97, "modifier_accuracy": 0.96},
    "dev2.jsonl": {"detection.f1": 0.95, "value_accuracy": 0.95, "modifier_accuracy": 0.95},
    "dev3.jsonl": {"detection.f1": 0.95, "value_accuracy": 0.95, "modifier_accuracy": 0.95},
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quantities_gate_dev_floors(gold_gate, name):
    gold_gate(scorer, name, FLOORS[name])


def test_quantities_gate_dev_gold_is_big_enough():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 30
    assert sum(len(r["quantities"]) for r in rows) >= 90
    mods = {"exact", "more_than", "less_than", "about", "at_least", "at_most", "range", "approx"}
    assert all(q["modifier"] in mods for r in rows for q in r["quantities"])


@pytest.mark.parametrize("gold,pred,same", [
    ({"value": 2000.0, "unit": None}, {"value": 2000, "unit": None}, True),
    ({"value": 1.5e12, "unit": "IDR"}, {"value": 1.5e12, "unit": "USD"}, False),
    ({"value": None, "min": 20, "max": 99}, {"value": None, "min": 20.0, "max": 99.0}, True),
    ({"value": 1.8}, {"value": 1.80000001}, True),
    ({"value": 18}, {"value": 1.8}, False),
])
def test_quantities_gate_same_value(gold, pred, same):
    assert scorer.same_value(gold, pred) is same


def test_quantities_gate_cli_bad_gold_exits_2(runner, tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    result = runner.invoke(main, ["eval", "quantities", str(bad)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
