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
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..errors import InputError
# align and prf moved to _common; imported here too so they stay public names of this module
from ._common import SpanScore, align, gold_path, prf, read_jsonl_gold  # noqa: F401


@dataclass
class GoldDoc:
    """One document: its text, creation date and gold spans (dicts with start/end)."""

    id: str
    text: str
    published: Optional[str]
    items: list[dict]


def default_gold_path() -> Path:
    """The dev gold bundled with the package."""
    return gold_path("timex")


def load_jsonl_gold(path: Path, key: str, corpus_path: Optional[Path] = None) -> list[GoldDoc]:
    """Gold documents from a JSONL file keyed by IndoSum id; texts come from the corpus.

    Raises:
        InputError: a malformed line, a missing article, or an article whose
            text no longer matches the hash the gold was made on.
    """
    from ..corpus import load_indosum

    rows = read_jsonl_gold(path, ("id", key), f"not a gold line with 'id' and '{key}'", InputError)
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


DEICTIC = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


@dataclass
class TimexScore(SpanScore):
    """Counts and errors of a timex evaluation; :meth:`summary` gives the metrics."""

    type_ok: int = 0
    value_ok: int = 0

    def summary(self) -> dict:
        return {
            "documents": self.docs, "gold": self.n_gold, "predicted": self.n_pred,
            "strict": prf(self.strict_tp, self.n_pred, self.n_gold),
            "relaxed": prf(self.relaxed_tp, self.n_pred, self.n_gold),
            "type_accuracy": self.accuracy(self.type_ok),
            "value_accuracy": self.accuracy(self.value_ok),
            "value": prf(self.value_ok, self.n_pred, self.n_gold),
        }

    def score_pair(self, doc, g: dict, p: dict) -> None:
        type_ok = g.get("type") == p.get("type")
        value_ok = g.get("value") == p.get("value")
        self.type_ok += type_ok
        self.value_ok += value_ok
        if not (type_ok and value_ok):
            self.add_error(doc.id, "wrong", doc.text[g["start"]:g["end"]], self.show_gold(g),
                           f"{p.get('type')} {p.get('value')} [{p.get('text')}]")

    def match(self, gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
        # TimeML's deictic references ("saat ini": PRESENT_REF) count only where the gold has a time there,
        # as ../shared/ANNOTATION.md scores them: neither right nor wrong elsewhere
        pred[:] = [p for p in pred if p.get("value") not in DEICTIC
                   or any(g["start"] < p["end"] and p["start"] < g["end"] for g in gold)]
        return super().match(gold, pred)

    def show_gold(self, g: dict) -> str:
        return f"{g.get('type')} {g.get('value')}"

    def show_pred(self, p: dict) -> str:
        return f"{p['type']} {p['value']}"


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
    return TimexScore().add_docs(docs, predict, progress)
