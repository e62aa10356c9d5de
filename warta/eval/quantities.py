"""Scoring the ``quantities`` component against warta's JSONL gold.

Gold files are JSONL, one IndoSum article per line: ``{"id", "published",
"text_sha1", "quantities": [{start, end, value, min, max, modifier, unit,
counted}]}`` with offsets into the text rebuilt by
:func:`warta.corpus.iter_indosum` (rules in
``gold/quantities/ANNOTATION.md``).

Metrics: detection precision/recall/F1, relaxed (any overlap, one-to-one)
and strict (same span); over relaxed matches, value accuracy (value, min
and max equal to within 1e-6 relative, and the same unit), and separately
modifier, unit and counted-noun accuracy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from ._common import SpanScore, gold_path, prf
from .timex import GoldDoc, load_jsonl_gold


def default_gold_path() -> Path:
    """The dev gold bundled with the package."""
    return gold_path("quantities")


def load_gold(path: Optional[Path] = None, corpus_path: Optional[Path] = None) -> list[GoldDoc]:
    """Gold documents from a JSONL file (default: the bundled dev gold)."""
    from ..errors import InputError

    path = Path(path) if path else default_gold_path()
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return load_jsonl_gold(path, "quantities", corpus_path)


def _same(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def same_value(gold: dict, pred: dict) -> bool:
    """Value, min and max agree and so does the unit."""
    return (all(_same(gold.get(k), pred.get(k)) for k in ("value", "min", "max"))
            and (gold.get("unit") or None) == (pred.get("unit") or None))


@dataclass
class QuantityScore(SpanScore):
    """Counts and errors of a quantities evaluation; :meth:`summary` gives the metrics."""

    value_ok: int = 0
    modifier_ok: int = 0
    unit_ok: int = 0
    counted_ok: int = 0

    def summary(self) -> dict:
        acc = self.accuracy
        return {
            "documents": self.docs, "gold": self.n_gold, "predicted": self.n_pred,
            "detection": prf(self.relaxed_tp, self.n_pred, self.n_gold),
            "strict": prf(self.strict_tp, self.n_pred, self.n_gold),
            "value_accuracy": acc(self.value_ok), "modifier_accuracy": acc(self.modifier_ok),
            "unit_accuracy": acc(self.unit_ok), "counted_accuracy": acc(self.counted_ok),
        }

    def score_pair(self, doc, g: dict, p: dict) -> None:
        v_ok = same_value(g, p)
        m_ok = g.get("modifier") == p.get("modifier")
        self.value_ok += v_ok
        self.modifier_ok += m_ok
        self.unit_ok += (g.get("unit") or None) == (p.get("unit") or None)
        self.counted_ok += (g.get("counted") or None) == (p.get("counted") or None)
        if not (v_ok and m_ok):
            self.add_error(doc.id, "wrong", doc.text[g["start"]:g["end"]], _show(g), f"{_show(p)} [{p.get('text')}]")

    def show_gold(self, g: dict) -> str:
        return _show(g)

    def show_pred(self, p: dict) -> str:
        return _show(p)


def predict_quantities(text: str, published: Optional[str]) -> list[dict]:
    """timex then quantities on ``text``, as in the pipeline (quantities skips times)."""
    from ..components.quantities import find_quantities
    from ..components.timex import find_times

    times = find_times(text, published)
    return list(find_quantities(text, [(t["start"], t["end"]) for t in times]))


def _show(q: dict) -> str:
    if q.get("value") is not None:
        num = f"{q['value']:g}"
    else:
        num = f"{q.get('min') or 0:g}..{q.get('max') or 0:g}"
    return f"{num} {q.get('modifier')} unit={q.get('unit')} counted={q.get('counted')}"


def evaluate(docs: Iterable[GoldDoc], predict: Callable = predict_quantities, progress=None) -> QuantityScore:
    """Score ``predict(text, published)`` against gold documents.

    Returns:
        A :class:`QuantityScore`; its ``errors`` list every miss, spurious
        prediction and wrong value, modifier or unit.
    """
    return QuantityScore().add_docs(docs, predict, progress)
