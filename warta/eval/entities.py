"""Scoring entity linking: canonical names, countries, roles and coordinates.

The gold file (``warta/eval/gold/entities/dev.jsonl``, rules in its
ANNOTATION.md) holds, per IndoSum article id, every PER/ORG/LOC mention as
character offsets with its expected ``canonical``, ``country``, ``role`` (PER)
and ``geo`` (LOC: whether the place has coordinates).

Two measurements, so linking is scored apart from NER:

- **linking** (:func:`evaluate`): the gold spans are given to the pipeline as if
  an NER had found them; ``entity_resolver`` and ``geo`` then run, and each gold
  mention is compared field by field (accuracy, and P/R/F1 over non-null
  countries and roles);
- **recognition without NER** (``no_ner=True``): the pipeline runs on bare text,
  and the LOC/ORG entities the components add by themselves (country and place
  names, known acronyms, acronym pairs) are scored against the gold spans
  (exact offsets and label).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from spacy.tokens import Doc

from ._common import PRFMixin, gold_path, ratio

DEFAULT_GOLD = "dev.jsonl"
STAGES = ("segmenter", "entity_resolver", "geo")


def default_gold_path() -> Path:
    return gold_path("entities", DEFAULT_GOLD)


def load_gold(path: Optional[Path] = None) -> list[dict]:
    """Gold rows ``{"id", "entities": [...]}`` from a JSONL file."""
    path = Path(path) if path else default_gold_path()
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                row = json.loads(line)
                if "id" not in row or "entities" not in row:
                    raise ValueError(f"{path}:{n}: a gold row needs 'id' and 'entities'")
                rows.append(row)
    return rows


def _norm(value: Optional[str]) -> Optional[str]:
    return " ".join(value.casefold().split()) if value else None


@dataclass
class Counts(PRFMixin):
    """Right/total for a field, and P/R/F1 over its non-null values."""

    right: int = 0
    total: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold, pred) -> None:
        self.total += 1
        self.right += gold == pred
        if pred is not None and pred == gold:
            self.tp += 1
        else:
            self.fp += pred is not None
            self.fn += gold is not None

    def pr_counts(self) -> tuple[int, int, int, int]:
        return self.tp, self.tp + self.fp, self.tp, self.tp + self.fn

    def as_dict(self) -> dict:
        acc = ratio(self.right, self.total)
        return {"accuracy": round(acc, 4), "n": self.total, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Scores:
    fields: dict[str, Counts] = field(default_factory=dict)
    errors: list[tuple] = field(default_factory=list)
    articles: int = 0

    def counts(self, name: str) -> Counts:
        return self.fields.setdefault(name, Counts())

    def as_dict(self) -> dict:
        return {"articles": self.articles, **{k: v.as_dict() for k, v in sorted(self.fields.items())}}


def _set_gold_ents(doc: Doc, ents: list[dict]) -> list[tuple[int, int, dict]]:
    spans, kept = [], []
    for g in ents:
        span = doc.char_span(g["start"], g["end"], label=g["label"], alignment_mode="expand")
        if span is None or any(s.start < span.end and span.start < s.end for s in spans):
            continue
        spans.append(span)
        kept.append((span.start_char, span.end_char, g))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return kept


def _run(nlp, doc: Doc) -> Doc:
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def evaluate(gold: Optional[Path] = None, corpus: Optional[Path] = None, *, no_ner: bool = False,
             end_to_end: bool = False, nlp=None, progress: bool = False) -> Scores:
    """Score linking (gold spans given) or, with ``no_ner``, recognition by the components alone.

    Args:
        gold: gold JSONL (default: the bundled dev gold).
        corpus: IndoSum JSONL the offsets refer to (default: ../shared/data).
        no_ner: score the entities the components add on bare text instead.
        end_to_end: run the shipped NER too, and score spans (exact offsets and label)
            and, on the mentions whose span and label are right, the linked fields.
        nlp: a pipeline with at least ``entity_resolver`` and ``geo`` and no ``ner``
            (default: segmenter + entity_resolver + geo).
        progress: show a progress bar on stderr.

    Returns:
        :class:`Scores`; ``errors`` lists (article id, field, gold, predicted, mention text).
    """
    from ..corpus import load_indosum
    from ..pipeline import build

    rows = load_gold(gold)
    texts = load_indosum({r["id"] for r in rows}, corpus)
    missing = [r["id"] for r in rows if r["id"] not in texts]
    if missing:
        raise KeyError(f"{len(missing)} gold article(s) not in the corpus, e.g. {missing[0]}")
    if nlp is None:
        nlp = build(stages=("segmenter", "ner", "entity_resolver", "geo") if end_to_end else STAGES)
        if end_to_end and "ner" not in nlp.pipe_names:
            raise ValueError("no trained NER model is installed (warta/models/ner)")
    scores = Scores()
    iterable: Iterable = rows
    if progress:
        from tqdm import tqdm

        iterable = tqdm(rows, desc="entities", unit="article")
    for row in iterable:
        text = texts[row["id"]]["text"]
        doc = nlp.make_doc(text)
        scores.articles += 1
        if no_ner or end_to_end:
            doc = _run(nlp, doc)
            _score_recognition(doc, row, scores, labels=("PER", "ORG", "LOC") if end_to_end else ("LOC", "ORG"))
            if end_to_end:
                kept = [(g["start"], g["end"], g) for g in row["entities"]]
                right = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
                _score_linking(doc, [k for k in kept if (k[0], k[1], k[2]["label"]) in right], row["id"], scores)
        else:
            kept = _set_gold_ents(doc, row["entities"])
            doc = _run(nlp, doc)
            _score_linking(doc, kept, row["id"], scores)
    return scores


def _score_linking(doc: Doc, kept: list, art_id: str, scores: Scores) -> None:
    by_offsets = {(e.start_char, e.end_char): e for e in doc.ents}
    for start, end, g in kept:
        ent = by_offsets.get((start, end))
        text = doc.text[start:end]
        pred = {
            "canonical": (ent._.canonical or ent.text) if ent is not None else None,
            "country": ent._.country if ent is not None else None,
            "role": ent._.role if ent is not None else None,
            "geo": (ent._.geo is not None) if ent is not None else False,
        }
        checks = [("canonical", _norm(g["canonical"]), _norm(pred["canonical"])),
                  ("country", g.get("country"), pred["country"])]
        if g["label"] == "PER":
            checks.append(("role", _norm(g.get("role")), _norm(pred["role"])))
        if g["label"] == "LOC":
            checks.append(("geo", bool(g.get("geo")), pred["geo"]))
        for name, gv, pv in checks:
            if name == "geo":
                scores.counts("geo").add(gv or None, pv or None)
            else:
                scores.counts(name).add(gv, pv)
                scores.counts(f"{name}:{g['label']}").add(gv, pv)
            if gv != pv:
                scores.errors.append((art_id, name, gv, pv, text))


def _score_recognition(doc: Doc, row: dict, scores: Scores, labels=("LOC", "ORG")) -> None:
    gold = {(g["start"], g["end"], g["label"]) for g in row["entities"] if g["label"] in labels}
    pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    for label in labels:
        c = scores.counts(f"recognition:{label}")
        g = {x for x in gold if x[2] == label}
        p = {x for x in pred if x[2] == label}
        c.tp += len(g & p)
        c.fp += len(p - g)
        c.fn += len(g - p)
        c.total += len(g)
        c.right += len(g & p)
        for s, e, lab in sorted(p - g):
            scores.errors.append((row["id"], f"spurious {lab}", None, lab, doc.text[s:e]))
        for s, e, lab in sorted(g - p):
            scores.errors.append((row["id"], f"missed {lab}", lab, None, doc.text[s:e]))


def format_report(scores: Scores) -> str:
    """A plain-text table of the scores."""
    lines = [f"{scores.articles} articles", f"{'field':<22}{'n':>5}{'acc':>8}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, counts in sorted(scores.fields.items()):
        d = counts.as_dict()
        lines.append(f"{name:<22}{d['n']:>5}{d['accuracy']:>8.3f}{d['precision']:>8.3f}{d['recall']:>8.3f}{d['f1']:>8.3f}")
    return "\n".join(lines)
