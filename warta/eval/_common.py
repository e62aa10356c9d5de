"""Pieces shared by the evaluation modules: gold files, span alignment, P/R/F1."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, ClassVar, Iterable


def gold_path(task: str, name: str = "dev.jsonl") -> Path:
    """A gold file bundled with the package, ``warta/eval/gold/<task>/<name>``."""
    return Path(str(resources.files("warta.eval").joinpath("gold", task, name)))


def read_jsonl_gold(path: Path, keys: tuple[str, ...], what: str, error: type = ValueError) -> list[dict]:
    """The objects of a JSONL gold file, blank lines skipped.

    Args:
        path: the file.
        keys: keys every object must have.
        what: how the error message names a good line ("not a <what>").
        error: the exception raised for a bad line.

    Raises:
        error: a line that is not JSON, not an object, or lacks one of ``keys``;
            the message is ``"<path>:<line>: <what> (<reason>)"``.
    """
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                for key in keys:
                    obj[key]
            except (ValueError, KeyError, TypeError) as exc:
                raise error(f"{path}:{n}: {what} ({exc})") from None
            out.append(obj)
    return out


def ratio(num: float, den: float, scale: float = 1) -> float:
    """``scale * num / den``, or 0.0 when ``den`` is 0."""
    return scale * num / den if den else 0.0


def f1_of(p: float, r: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


class PRFMixin:
    """Mixin: ``precision``, ``recall`` and ``f1`` from the counts :meth:`pr_counts` gives.

    Subclasses with other count names override :meth:`pr_counts`; ``scale``
    100 gives percentages.
    """

    scale: ClassVar[float] = 1

    def pr_counts(self) -> tuple[int, int, int, int]:
        """(right predictions, predictions, found gold items, gold items)."""
        return self.tp, self.n_pred, self.tp, self.n_gold

    @property
    def precision(self) -> float:
        right, n_pred, _, _ = self.pr_counts()
        return ratio(right, n_pred, self.scale)

    @property
    def recall(self) -> float:
        _, _, found, n_gold = self.pr_counts()
        return ratio(found, n_gold, self.scale)

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 from counts, rounded to 4 places."""
    p = ratio(tp, n_pred)
    r = ratio(tp, n_gold)
    f = f1_of(p, r)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def align(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of overlapping spans, largest overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cands.append((-ov, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _ov, gi, pi in sorted(cands):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return pairs


@dataclass
class SpanScore:
    """Counts and errors of a span evaluation (timex, quantities): strict and relaxed matches.

    :meth:`add_docs` scores documents; subclasses add their per-match counts
    in :meth:`score_pair` and say how a gold or predicted span is shown in
    the error list.
    """

    n_gold: int = 0
    n_pred: int = 0
    strict_tp: int = 0
    relaxed_tp: int = 0
    docs: int = 0
    errors: list[dict] = field(default_factory=list)

    def score_pair(self, doc, gold: dict, pred: dict) -> None:
        """Count what a relaxed match got right (and record it as an error if it is wrong)."""
        raise NotImplementedError

    def show_gold(self, gold: dict) -> str:
        raise NotImplementedError

    def show_pred(self, pred: dict) -> str:
        raise NotImplementedError

    def add_docs(self, docs: Iterable, predict: Callable, progress=None):
        """Score ``predict(text, published)`` on gold documents (with ``id``, ``text``, ``published``, ``items``).

        Returns:
            ``self``; its ``errors`` list every miss, spurious prediction and
            wrong match.
        """
        for doc in (progress(docs) if progress else docs):
            pred = predict(doc.text, doc.published)
            gold = doc.items
            pairs = self.match(gold, pred)
            for g, p in pairs:
                self.score_pair(doc, g, p)
            self.add_unmatched(doc, gold, pred, pairs)
        return self

    def match(self, gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
        """Count one document's spans and return its relaxed (overlap) pairs."""
        self.docs += 1
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        spans = {(g["start"], g["end"]) for g in gold}
        self.strict_tp += sum(1 for p in pred if (p["start"], p["end"]) in spans)
        pairs = align(gold, pred)
        self.relaxed_tp += len(pairs)
        return pairs

    def add_error(self, doc_id: str, kind: str, text: str, gold, pred) -> None:
        self.errors.append({"id": doc_id, "kind": kind, "text": text, "gold": gold, "pred": pred})

    def add_unmatched(self, doc, gold: list[dict], pred: list[dict], pairs: list[tuple[dict, dict]]) -> None:
        """Record every gold span without a pair as missed, every prediction without one as spurious."""
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        for g in gold:
            if id(g) not in matched_g:
                self.add_error(doc.id, "missed", doc.text[g["start"]:g["end"]], self.show_gold(g), None)
        for p in pred:
            if id(p) not in matched_p:
                self.add_error(doc.id, "spurious", p["text"], None, self.show_pred(p))

    def accuracy(self, n: int) -> float:
        """``n`` over the relaxed matches, rounded to 4 places."""
        m = self.relaxed_tp
        return round(n / m, 4) if m else 0.0
