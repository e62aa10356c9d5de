"""Scoring the ``events`` component against gold event mentions.

Gold files are JSONL, one event mention per line: ``{"id", "start", "end",
"text", "type", "mode", "actor": {"country", "sector"} | null, "recipient":
..., "location", "size", "modality", "negated"}`` with trigger offsets into
the IndoSum text rebuilt by :func:`warta.corpus.iter_indosum` (rules in
``gold/events/ANNOTATION.md``). A gold mention's sentence is the pipeline
sentence (``Record.sentences``) holding its trigger start, so the scores do
not depend on how the annotator split sentences.

Metrics (multiset matching within each article, so two events of one type in
one sentence need two predictions):
- type: P/R/F1 of (sentence, type), overall and per PLOVER type;
- full: P/R/F1 of (sentence, type, actor country, recipient country), where
  a side's country is that of its first actor (null when there is none);
- mode accuracy over (sentence, type) matches, pairs taken in text order;
- location accuracy over those matches that have a gold place (one name
  contains the other) and date accuracy over those with a gold date written
  in the text (same TIMEX3 value, ``date_source`` "text"); reported, not gated.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ._common import PRFMixin, gold_path, ratio, read_jsonl_gold


def default_gold_path() -> Path:
    """The dev gold bundled with the package."""
    return gold_path("events")


def load_gold(path: Optional[Path] = None) -> list[dict]:
    """Gold event mentions from a JSONL file (default: the bundled dev gold).

    Raises:
        ValueError: a line that is not a gold event mention.
    """
    path = Path(path) if path else default_gold_path()
    return read_jsonl_gold(path, ("id", "start", "type"), "not a gold event line")


@dataclass
class PRF(PRFMixin):
    """Counts of one metric, with precision/recall/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def pr_counts(self) -> tuple[int, int, int, int]:
        return self.tp, self.tp + self.fp, self.tp, self.tp + self.fn

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EventScores:
    """Everything :func:`score` measures."""

    type: PRF = field(default_factory=PRF)
    full: PRF = field(default_factory=PRF)
    per_type: dict = field(default_factory=lambda: defaultdict(PRF))
    mode_pairs: int = 0
    mode_correct: int = 0
    location_pairs: int = 0
    location_correct: int = 0
    date_pairs: int = 0
    date_correct: int = 0
    articles: int = 0
    errors: list = field(default_factory=list)

    @property
    def mode_accuracy(self) -> float:
        return ratio(self.mode_correct, self.mode_pairs)

    @property
    def location_accuracy(self) -> float:
        return ratio(self.location_correct, self.location_pairs)

    @property
    def date_accuracy(self) -> float:
        return ratio(self.date_correct, self.date_pairs)

    def as_dict(self) -> dict:
        return {"articles": self.articles, "type": self.type.as_dict(), "full": self.full.as_dict(),
                "mode_accuracy": round(self.mode_accuracy, 4), "mode_pairs": self.mode_pairs,
                "location_accuracy": round(self.location_accuracy, 4), "location_pairs": self.location_pairs,
                "date_accuracy": round(self.date_accuracy, 4), "date_pairs": self.date_pairs,
                "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())}}


def _country(side) -> Optional[str]:
    if not side:
        return None
    if isinstance(side, list):
        side = side[0] if side else None
        if side is None:
            return None
    return side.get("country")


def _sentence_of(starts: list[int], char: int) -> int:
    return max(0, bisect.bisect_right(starts, char) - 1)


def _add(counter_key_fn, gold: list[dict], pred: list[dict], prf: PRF) -> None:
    g = Counter(counter_key_fn(e) for e in gold)
    p = Counter(counter_key_fn(e) for e in pred)
    tp = sum((g & p).values())
    prf.tp += tp
    prf.fp += sum(p.values()) - tp
    prf.fn += sum(g.values()) - tp


def mention_events(events: list[dict]) -> list[dict]:
    """Each happening's mentions as events of their own (the IndoSum event gold marks every mention).

    A happening (``Record.events`` item) with three ``mentions`` stands for three gold lines; each copy
    keeps the happening's type, mode and modality, with that mention's sentence, trigger and participants.
    """
    out = []
    for e in events:
        mentions = e.get("mentions") or [{"sentence": e["sentence"], "trigger": e["trigger"]}]
        out.extend(dict(e, sentence=m["sentence"], trigger=m["trigger"], mode=m.get("mode", e.get("mode")),
                        actor=m.get("actor", e.get("actor")),
                        recipient=m.get("recipient", e.get("recipient"))) for m in mentions)
    return out


def score_article(scores: EventScores, art_id: str, gold: list[dict], record) -> None:
    """Add one article's comparison to ``scores``.

    Args:
        scores: the running totals.
        art_id: the article id (for the error list).
        gold: gold mentions of the article.
        record: the :class:`warta.Record` the pipeline made of it (or its dict).
    """
    rec = record if isinstance(record, dict) else record.model_dump()
    starts = [s["start"] for s in rec["sentences"]]
    gold = [dict(g, sentence=_sentence_of(starts, g["start"])) for g in gold]
    pred = mention_events(rec["events"])
    scores.articles += 1
    _add(lambda e: (e["sentence"], e["type"]), gold, pred, scores.type)
    _add(lambda e: (e["sentence"], e["type"], _country(e.get("actor")), _country(e.get("recipient"))),
         gold, pred, scores.full)
    for t in {e["type"] for e in gold} | {e["type"] for e in pred}:
        _add(lambda e: (e["sentence"], e["type"]), [e for e in gold if e["type"] == t],
             [e for e in pred if e["type"] == t], scores.per_type[t])
    by_key_g, by_key_p = defaultdict(list), defaultdict(list)
    for e in sorted(gold, key=lambda e: e["start"]):
        by_key_g[(e["sentence"], e["type"])].append(e)
    for e in sorted(pred, key=lambda e: e["trigger"]["start"]):
        by_key_p[(e["sentence"], e["type"])].append(e)
    for key in set(by_key_g) | set(by_key_p):
        gs, ps = by_key_g.get(key, []), by_key_p.get(key, [])
        for g, p in zip(gs, ps):
            scores.mode_pairs += 1
            scores.mode_correct += (g.get("mode") or None) == (p.get("mode") or None)
            if g.get("date"):
                scores.date_pairs += 1
                scores.date_correct += p.get("date") == g["date"] and p.get("date_source") == "text"
            if g.get("location"):
                scores.location_pairs += 1
                scores.location_correct += same_place(g["location"], p.get("location"))
        for g in gs[len(ps):]:
            scores.errors.append((art_id, "missed", g, None))
        for p in ps[len(gs):]:
            scores.errors.append((art_id, "spurious", None, p))


def same_place(gold: str, pred: Optional[dict]) -> bool:
    """A predicted location matches a gold place name when one name contains the other."""
    if not pred:
        return False
    g = gold.casefold()
    return any(n and (n.casefold() in g or g in n.casefold()) for n in (pred.get("text"), pred.get("canonical")))


def evaluate(gold_path: Optional[Path] = None, corpus: Optional[Path] = None, progress: bool = False,
             records: Optional[dict] = None) -> EventScores:
    """Run warta over the gold articles and score its events.

    Args:
        gold_path: gold JSONL (default: the bundled dev gold).
        corpus: the IndoSum JSONL the offsets refer to (default: found near the checkout).
        progress: show a tqdm bar on stderr.
        records: precomputed Records by article id (skips running the pipeline).

    Returns:
        The :class:`EventScores`.

    Raises:
        KeyError: a gold article id that is not in the corpus.
    """
    gold = load_gold(gold_path)
    by_id: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_id[g["id"]].append(g)
    if records is None:
        records = run_pipeline(by_id, corpus, progress)
    scores = EventScores()
    for art_id, items in by_id.items():
        score_article(scores, art_id, items, records[art_id])
    return scores


def run_pipeline(ids: Iterable[str], corpus: Optional[Path] = None, progress: bool = False) -> dict:
    """Records of the IndoSum articles ``ids``, with their publication dates, by id."""
    from ..api import extract_many
    from ..corpus import load_indosum

    ids = list(ids)
    arts = load_indosum(ids, corpus)
    missing = [i for i in ids if i not in arts]
    if missing:
        raise KeyError(f"gold article {missing[0]} is not in the corpus")
    items = [{"id": i, "text": arts[i]["text"], "published": arts[i]["published"], "url": arts[i]["url"]}
             for i in ids]
    stream = extract_many(items, force=True)
    if progress:
        from tqdm import tqdm

        stream = tqdm(stream, total=len(items), desc="events", unit="art", file=None)
    return {i: rec for i, rec in zip(ids, stream)}


def format_report(scores: EventScores) -> str:
    """A plain-text table of the scores."""
    lines = [f"events: {scores.articles} articles",
             f"{'metric':<28}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]

    def row(name: str, m: PRF) -> str:
        return f"{name:<28}{m.precision:>7.3f}{m.recall:>7.3f}{m.f1:>7.3f}{m.tp:>6}{m.fp:>6}{m.fn:>6}"

    lines.append(row("(sentence, type)", scores.type))
    lines.append(row("(sent, type, actor, recip)", scores.full))
    lines.append(f"{'mode accuracy':<28}{scores.mode_accuracy:>7.3f}  ({scores.mode_correct}/{scores.mode_pairs} matched pairs)")
    lines.append(f"{'location accuracy':<28}{scores.location_accuracy:>7.3f}  "
                 f"({scores.location_correct}/{scores.location_pairs} matched pairs with a gold place)")
    lines.append(f"{'date accuracy':<28}{scores.date_accuracy:>7.3f}  "
                 f"({scores.date_correct}/{scores.date_pairs} matched pairs with a date in the text)")
    lines.append("per type (sentence, type):")
    for t, m in sorted(scores.per_type.items()):
        lines.append(row("  " + t, m))
    return "\n".join(lines)
