"""Scoring the ``timex`` component against TimeML files or warta's JSONL gold.

Two gold formats:

- TimeML (``.tml``, a file or a folder of them): ``TIMEX3`` tags with
  ``type`` and ``value`` inside the ``TEXT`` element (the whole document
  when there is none). The document creation time is the ``TIMEX3`` with
  ``functionInDocument="CREATION_TIME"`` (usually inside ``DCT``); it is
  not scored itself.
- JSONL (``.jsonl``), one IndoSum article per line: ``{"id", "published",
  "text_sha1", "times": [{start, end, type, value}]}`` with offsets into
  the text rebuilt by :func:`warta.corpus.iter_indosum`. The bundled dev
  gold is ``gold/timex/dev.jsonl`` (rules in ``gold/timex/ANNOTATION.md``).

Metrics (TempEval-style): recognition precision/recall/F1, strict (same
span) and relaxed (any overlap, one-to-one); over relaxed matches, type
accuracy and value accuracy; and value F1 (a prediction counts when it
overlaps a gold time and has its value), comparable to the normalization
F1 that IndoTimex and HeidelTime report.
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..errors import InputError


@dataclass
class GoldDoc:
    """One document: its text, creation date and gold spans (dicts with start/end)."""

    id: str
    text: str
    published: Optional[str]
    items: list[dict]


def default_gold_path() -> Path:
    """The dev gold bundled with the package."""
    return Path(str(resources.files("warta.eval").joinpath("gold", "timex", "dev.jsonl")))


def load_jsonl_gold(path: Path, key: str, corpus_path: Optional[Path] = None) -> list[GoldDoc]:
    """Gold documents from a JSONL file keyed by IndoSum id; texts come from the corpus.

    Raises:
        InputError: a malformed line, a missing article, or an article whose
            text no longer matches the hash the gold was made on.
    """
    from ..corpus import load_indosum

    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                obj["id"], obj[key]
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{n}: not a gold line with 'id' and '{key}' ({exc})") from None
            rows.append(obj)
    try:
        arts = load_indosum([r["id"] for r in rows], path=corpus_path)
    except FileNotFoundError as exc:
        raise InputError(str(exc)) from None
    docs = []
    for r in rows:
        art = arts.get(r["id"])
        if art is None:
            raise InputError(f"article {r['id']} is not in the IndoSum corpus")
        sha = r.get("text_sha1")
        if sha and hashlib.sha1(art["text"].encode("utf-8")).hexdigest() != sha:
            raise InputError(f"article {r['id']}: text changed since annotation (detokenizer?)")
        docs.append(GoldDoc(r["id"], art["text"], r.get("published", art["published"]), r[key]))
    return docs


def load_tml(path: Path) -> GoldDoc:
    """One TimeML document: plain text of ``TEXT``, its TIMEX3 spans, and the DCT.

    Raises:
        InputError: the file is not well-formed XML.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"{path}: not a TimeML file ({exc})") from None
    published = None
    for el in root.iter("TIMEX3"):
        if el.get("functionInDocument") == "CREATION_TIME":
            published = (el.get("value") or "")[:10] or None
            break
    body = root.find(".//TEXT")
    body = root if body is None else body
    pieces: list[str] = []
    items: list[dict] = []
    pos = 0

    def walk(el):
        nonlocal pos
        start = pos
        if el.text:
            pieces.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
            items.append({"start": start, "end": pos, "type": el.get("type"), "value": el.get("value")})

    walk(body)
    return GoldDoc(path.stem, "".join(pieces), published, items)


def load_gold(path: Optional[Path] = None, corpus_path: Optional[Path] = None) -> list[GoldDoc]:
    """Gold documents from a ``.tml`` file, a folder of them, or a JSONL file (default: dev gold).

    Raises:
        InputError: the path is missing or holds no gold.
    """
    path = Path(path) if path else default_gold_path()
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_dir():
        files = sorted(path.rglob("*.tml"))
        if not files:
            raise InputError(f"{path}: no .tml files in this folder")
        return [load_tml(f) for f in files]
    if path.suffix.lower() in {".tml", ".xml"}:
        return [load_tml(path)]
    return load_jsonl_gold(path, "times", corpus_path)


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


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 from counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class TimexScore:
    """Counts and errors of a timex evaluation; :meth:`summary` gives the metrics."""

    n_gold: int = 0
    n_pred: int = 0
    strict_tp: int = 0
    relaxed_tp: int = 0
    type_ok: int = 0
    value_ok: int = 0
    docs: int = 0
    errors: list[dict] = field(default_factory=list)

    def summary(self) -> dict:
        m = self.relaxed_tp
        return {
            "documents": self.docs, "gold": self.n_gold, "predicted": self.n_pred,
            "strict": prf(self.strict_tp, self.n_pred, self.n_gold),
            "relaxed": prf(self.relaxed_tp, self.n_pred, self.n_gold),
            "type_accuracy": round(self.type_ok / m, 4) if m else 0.0,
            "value_accuracy": round(self.value_ok / m, 4) if m else 0.0,
            "value": prf(self.value_ok, self.n_pred, self.n_gold),
        }


def predict_times(text: str, published: Optional[str]) -> list[dict]:
    """The timex component's output on ``text`` (without the rest of the pipeline)."""
    from ..components.timex import find_times

    return find_times(text, published)


def evaluate(docs: Iterable[GoldDoc], predict: Callable = predict_times, progress=None) -> TimexScore:
    """Score ``predict(text, published)`` against gold documents.

    Args:
        docs: gold documents (see :func:`load_gold`).
        predict: returns ``Record.times``-like dicts for a text.
        progress: optional wrapper for the document iterable (e.g. tqdm).

    Returns:
        A :class:`TimexScore`; its ``errors`` list every miss, spurious
        prediction and wrong type or value.
    """
    score = TimexScore()
    for doc in (progress(docs) if progress else docs):
        pred = predict(doc.text, doc.published)
        gold = doc.items
        score.docs += 1
        score.n_gold += len(gold)
        score.n_pred += len(pred)
        spans = {(g["start"], g["end"]) for g in gold}
        score.strict_tp += sum(1 for p in pred if (p["start"], p["end"]) in spans)
        pairs = align(gold, pred)
        score.relaxed_tp += len(pairs)
        for g, p in pairs:
            type_ok = g.get("type") == p.get("type")
            value_ok = g.get("value") == p.get("value")
            score.type_ok += type_ok
            score.value_ok += value_ok
            if not (type_ok and value_ok):
                score.errors.append({"id": doc.id, "kind": "wrong", "text": doc.text[g["start"]:g["end"]],
                                     "gold": f"{g.get('type')} {g.get('value')}",
                                     "pred": f"{p.get('type')} {p.get('value')} [{p.get('text')}]"})
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        for g in gold:
            if id(g) not in matched_g:
                score.errors.append({"id": doc.id, "kind": "missed", "text": doc.text[g["start"]:g["end"]],
                                     "gold": f"{g.get('type')} {g.get('value')}", "pred": None})
        for p in pred:
            if id(p) not in matched_p:
                score.errors.append({"id": doc.id, "kind": "spurious", "text": p["text"], "gold": None,
                                     "pred": f"{p['type']} {p['value']}"})
    return score
