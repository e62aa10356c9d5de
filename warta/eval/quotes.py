"""Scoring the ``quotes`` component against gold quotation annotations.

Gold files are JSONL, one article per line: ``{"id", "quotes": [{start, end,
kind, speaker}]}`` with offsets into the IndoSum text rebuilt by
:func:`warta.corpus.iter_indosum` (rules in ``gold/quotes/ANNOTATION.md``).

Metrics, for direct and for indirect+mixed quotations separately:
- detection P/R/F1: a prediction matches a gold quotation when their
  character overlap is at least 80% of the longer span (one-to-one, greedy
  by overlap);
- kind accuracy over matched pairs;
- speaker accuracy over matched pairs (:func:`same_speaker`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..lang import load_wordset
from ._common import PRFMixin, gold_path, ratio, read_jsonl_gold

GROUPS = {"direct": "direct", "indirect": "indirect/mixed", "mixed": "indirect/mixed"}
MIN_OVERLAP = 0.8
_NONWORD = re.compile(r"[^\w]+")


def default_gold_path() -> Path:
    """The dev gold bundled with the package."""
    return gold_path("quotes")


def load_gold(path: Optional[Path] = None) -> list[dict]:
    """Gold articles from a JSONL file (default: the bundled dev gold)."""
    path = Path(path) if path else default_gold_path()
    return read_jsonl_gold(path, ("id", "quotes"), "not a gold quotes line")


def name_words(name: Optional[str], keep_titles: bool = False) -> set[str]:
    """Lower-cased words of a speaker name, without title/role words unless ``keep_titles``."""
    if not name:
        return set()
    words = set(_NONWORD.sub(" ", name.lower()).split())
    return words if keep_titles else words - load_wordset("quote_titles")


def same_speaker(gold: Optional[str], pred: Optional[str]) -> bool:
    """Whether a predicted speaker name counts as the gold one.

    Case-insensitive, punctuation and title words ignored; right when all of
    one name's words are among the other's ("Argo" / "Kombes Argo Yuwono"
    for "Argo Yuwono"). When either name is only title words ("juru
    bicara"), the titles are kept for the comparison. A gold ``None`` needs
    a predicted ``None``.
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = name_words(gold), name_words(pred)
    if not g or not p:
        g, p = name_words(gold, True), name_words(pred, True)
    if not g or not p:
        return False
    return g <= p or p <= g


def match_spans(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs overlapping >= 80% of the longer span."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            longer = max(g["end"] - g["start"], p["end"] - p["start"], 1)
            if ov > 0 and ov / longer >= MIN_OVERLAP:
                pairs.append((ov / longer, i, j))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return out


@dataclass
class GroupScore(PRFMixin):
    """Counts for one group of quotations (direct, or indirect/mixed), with P/R/F1."""

    gold: int = 0
    pred: int = 0
    matched_gold: int = 0
    matched_pred: int = 0
    kind_ok: int = 0
    speaker_ok: int = 0

    def pr_counts(self) -> tuple[int, int, int, int]:
        # a pair may cross groups (gold direct, predicted mixed), so the
        # matched counts differ on the gold and the predicted side
        return self.matched_pred, self.pred, self.matched_gold, self.gold

    @property
    def kind_accuracy(self) -> float:
        return ratio(self.kind_ok, self.matched_gold)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_ok, self.matched_gold)

    def as_dict(self) -> dict:
        return {
            "gold": self.gold, "pred": self.pred, "matched": self.matched_gold,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "kind_accuracy": round(self.kind_accuracy, 4), "speaker_accuracy": round(self.speaker_accuracy, 4),
        }


@dataclass
class QuoteScores:
    """Scores per group plus the list of errors, for reports."""

    groups: dict = field(default_factory=lambda: {"direct": GroupScore(), "indirect/mixed": GroupScore()})
    errors: list = field(default_factory=list)
    articles: int = 0

    def as_dict(self) -> dict:
        return {"articles": self.articles, **{k: v.as_dict() for k, v in self.groups.items()}}


def score_article(gold: list[dict], pred: list[dict], scores: QuoteScores, art_id: str = "") -> None:
    """Add one article's gold and predicted quotations to ``scores``."""
    scores.articles += 1
    for g in gold:
        scores.groups[GROUPS[g["kind"]]].gold += 1
    for p in pred:
        scores.groups[GROUPS[p["kind"]]].pred += 1
    pairs = match_spans(gold, pred)
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    for i, j in pairs:
        g, p = gold[i], pred[j]
        grp = scores.groups[GROUPS[g["kind"]]]
        grp.matched_gold += 1
        scores.groups[GROUPS[p["kind"]]].matched_pred += 1
        grp.kind_ok += g["kind"] == p["kind"]
        spk = (p.get("speaker") or {}).get("canonical")
        ok = same_speaker(g.get("speaker"), spk)
        grp.speaker_ok += ok
        if g["kind"] != p["kind"]:
            scores.errors.append((art_id, "kind", g, p))
        if not ok:
            scores.errors.append((art_id, "speaker", g, p))
    scores.errors.extend((art_id, "missed", gold[i], None) for i in range(len(gold)) if i not in matched_g)
    scores.errors.extend((art_id, "spurious", None, pred[j]) for j in range(len(pred)) if j not in matched_p)


def predict(texts: Iterable[str], nlp=None) -> list[list[dict]]:
    """Quotations the pipeline finds in each text."""
    if nlp is None:
        from ..pipeline import load

        nlp = load(("segmenter", "ner", "entity_resolver", "quotes"))
    return [list(doc._.quotes or []) for doc in nlp.pipe(texts)]


def evaluate(gold_path: Optional[Path] = None, corpus_path: Optional[Path] = None, nlp=None,
             progress: bool = False) -> QuoteScores:
    """Score the quotes component on a gold file.

    Args:
        gold_path: JSONL gold (default: bundled dev gold).
        corpus_path: the IndoSum JSONL (default: ``../shared/data``).
        nlp: a pipeline with a ``quotes`` stage (default: warta's).
        progress: show a tqdm bar on stderr.

    Returns:
        The scores, with per-article errors.

    Raises:
        FileNotFoundError: when the corpus is missing.
        KeyError: when a gold id is not in the corpus.
        ValueError: when an article's text no longer has the annotated hash.
    """
    from ..corpus import load_indosum

    gold = load_gold(gold_path)
    arts = load_indosum([g["id"] for g in gold], corpus_path)
    missing = [g["id"] for g in gold if g["id"] not in arts]
    if missing:
        raise KeyError(f"{len(missing)} gold ids not in the corpus, e.g. {missing[0]}")
    # offsets are only meaningful on the exact text they were made on
    changed = [g["id"] for g in gold if g.get("text_sha1")
               and hashlib.sha1(arts[g["id"]]["text"].encode("utf-8")).hexdigest() != g["text_sha1"]]
    if changed:
        raise ValueError(f"{len(changed)} gold articles differ from the text they were annotated on "
                         f"(detokenizer or corpus changed?), e.g. {changed[0]}")
    texts = [arts[g["id"]]["text"] for g in gold]
    if progress:
        from tqdm import tqdm

        texts = tqdm(texts, desc="quotes", unit="article")
    preds = predict(texts, nlp)
    scores = QuoteScores()
    for g, p in zip(gold, preds):
        score_article(g["quotes"], p, scores, g["id"])
    return scores


def format_report(scores: QuoteScores) -> str:
    """A plain-text table of the scores."""
    lines = [f"quotes: {scores.articles} articles",
             f"{'group':<16}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}{'kind':>8}{'speaker':>9}"]
    for name, g in scores.groups.items():
        lines.append(f"{name:<16}{g.gold:>6}{g.pred:>6}{g.precision:>8.3f}{g.recall:>8.3f}{g.f1:>8.3f}"
                     f"{g.kind_accuracy:>8.3f}{g.speaker_accuracy:>9.3f}")
    return "\n".join(lines)
