"""Scoring warta on whole real articles annotated by ``../shared/ANNOTATION.md``.

Each article is one JSON object (``url``, ``outlet``, ``title``,
``published``, ``story``, ``text``, ``gold``); the last section of the guide
says how a Record is scored against its gold, and this module implements it
to the letter:

- strings are compared after :func:`normalise` (lower case, curly quotes and
  dashes to ASCII, runs of spaces to one, surrounding `` .,;:!?"'()[]``
  removed);
- every matching is one-to-one and maximal (:func:`max_matching`: a
  predicted item serves at most one gold item);
- counts are summed over articles (micro-averages).

Sections: entities (recall; precision over distinct predicted canonical
forms), quotes (recall, precision, speaker right over all gold quotes),
times (found, precision without PRESENT_REF/PAST_REF/FUTURE_REF, value right
over all gold times), quantities (value right over gold quantities with a
value, precision), events (asserted, non-negated predictions only; recall
and precision).

The scoring functions take a Record (or its dict) so a test can score
hand-built predictions; :func:`evaluate` runs ``warta.extract`` through the
public API, one article at a time.

The validation articles are split in two slices: ``blind`` (a fixed list of
articles, whole stories kept together, in ``gold/articles/blind.txt``) and
``tune`` (the rest). Rules are written while reading tune errors only; blind
figures are read as totals, with a 95% bootstrap interval over articles.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from ._common import gold_path, ratio

SECTIONS = ("entities", "quotes", "times", "quantities", "events")
SPLITS = ("tune", "blind", "all")
LABELS = ("PER", "ORG", "LOC")
_DEICTIC = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_CONTEXT = 80

_CURLY = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
                        "–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-", "\u00a0": " "})
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = " .,;:!?\"'()[]"
_ZONE = re.compile(r"(?<=\d)(?:Z|[+-]\d{2}(?::?\d{2})?)$")


def normalise(s: Optional[str]) -> str:
    """The guide's string normalisation: lower case, ASCII quotes and dashes, one space, no edge punctuation."""
    if not s:
        return ""
    s = _SPACES.sub(" ", s.translate(_CURLY).lower())
    return s.strip(_EDGE_PUNCT)


def strip_zone(value: Optional[str]) -> str:
    """A TIMEX3 value without a zone offset (``2015-08-16T14:55+09:00`` -> ``2015-08-16T14:55``)."""
    if not value:
        return ""
    return _ZONE.sub("", value) if "T" in value else value


def max_matching(n_gold: int, n_pred: int, ok: Callable[[int, int], bool]) -> dict[int, int]:
    """A maximum one-to-one matching of gold items to predicted items, as ``{gold index: pred index}``.

    ``ok(g, p)`` says whether predicted item ``p`` may serve gold item ``g``.
    Augmenting paths (Kuhn's algorithm): the sizes here are tens of items.
    """
    edges = [[p for p in range(n_pred) if ok(g, p)] for g in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return {g: p for p, g in owner.items()}


# --- gold articles -------------------------------------------------------------


@dataclass
class GoldArticle:
    """One annotated article: its fields and its ``gold`` object."""

    name: str
    text: str
    gold: dict
    published: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    story: Optional[str] = None


def default_news_dir() -> Path:
    """``../shared/data/news`` beside the project checkout (where a fresh clone finds it)."""
    from ..corpus import shared_data_dir

    return shared_data_dir() / "news"


def blind_list_path() -> Path:
    """The committed list of blind articles (file names, one per line)."""
    return gold_path("articles", "blind.txt")


def blind_names() -> frozenset[str]:
    """File names of the blind slice."""
    lines = blind_list_path().read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def _article_from(obj: dict, name: str) -> GoldArticle:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not isinstance(obj.get("gold"), dict):
        raise ValueError(f"{name}: not an annotated article (needs a 'text' string and a 'gold' object)")
    return GoldArticle(name=name, text=obj["text"], gold=obj["gold"], published=obj.get("published"),
                       title=obj.get("title"), url=obj.get("url"), outlet=obj.get("outlet"), story=obj.get("story"))


def load_articles(paths: Iterable[Path]) -> list[GoldArticle]:
    """Annotated articles from ``.json`` files and folders of them (a file without ``gold`` is skipped),
    and from ``.jsonl`` files of gold kept as IndoSum ids and offsets (:mod:`.article_offsets`).

    A folder is read one level deep, in name order (``news/stories/``, the
    near-miss articles without gold, is not read from ``news/``).

    Raises:
        FileNotFoundError: a path that does not exist.
        ValueError: a file that is not JSON, or an article without text.
    """
    out = []
    for path in map(Path, paths):
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
        if path.suffix == ".jsonl":  # gold kept as IndoSum ids and offsets (article_offsets)
            from .article_offsets import load_indosum_gold

            out.extend(GoldArticle(name=a["name"], text=a["text"], gold=a["gold"], published=a["published"],
                                   url=a["url"], outlet=a["outlet"]) for a in load_indosum_gold(path))
            continue
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        for f in files:
            try:
                obj = json.loads(f.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                raise ValueError(f"{f}: not JSON ({exc})") from None
            if isinstance(obj, dict) and "gold" not in obj:
                continue
            out.append(_article_from(obj, f.name))
    return out


def select_split(articles: list[GoldArticle], split: str) -> list[GoldArticle]:
    """The articles of one slice: ``blind`` (named in the blind list), ``tune`` (the rest) or ``all``."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    if split == "all":
        return list(articles)
    blind = blind_names()
    return [a for a in articles if (a.name in blind) == (split == "blind")]


# --- per-article scoring ------------------------------------------------------


@dataclass
class Counts:
    """Summable counts of one section (the keys depend on the section)."""

    n: Counter = field(default_factory=Counter)

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.n + other.n)


@dataclass
class ArticleScore:
    """The counts of every section for one article, and its error items."""

    name: str
    counts: dict[str, Counter]
    errors: list[dict]


def _context(text: str, start: int, end: int) -> str:
    """About 80 characters of ``text`` around ``[start, end)``, on one line."""
    if start < 0:
        return ""
    pad = max(0, (_CONTEXT - (end - start)) // 2)
    a, b = max(0, start - pad), min(len(text), end + pad)
    return ("..." if a else "") + text[a:b].replace("\n", " / ") + ("..." if b < len(text) else "")


def _find(text: str, needle: str) -> tuple[int, int]:
    """Where ``needle`` first occurs in ``text`` (case-insensitive), or (-1, -1)."""
    if not needle:
        return -1, -1
    i = text.find(needle)
    if i < 0:
        i = text.lower().find(needle.lower())
    return (i, i + len(needle)) if i >= 0 else (-1, -1)


def _alias_groups(gold: dict) -> list[set[str]]:
    return [{normalise(x) for x in pair if isinstance(x, str)} for pair in gold.get("aliases") or []]


def _names_of(name: str, groups: list[set[str]]) -> set[str]:
    """A gold name and every alias of it, normalised."""
    n = normalise(name)
    out = {n}
    for g in groups:
        if n in g:
            out |= g
    return out


def score_entities(art: GoldArticle, rec: dict) -> tuple[Counter, list[dict]]:
    """Entity recall (per label) and precision over distinct predicted canonical forms."""
    gold = art.gold.get("entities") or {}
    groups = _alias_groups(art.gold)
    gold_items = [(lab, name) for lab in LABELS for name in gold.get(lab) or []]
    # one predicted item per (label, canonical): its canonical form and every text it was written as
    pred: dict[tuple[str, str], dict] = {}
    for e in rec.get("entities") or []:
        if e["label"] not in LABELS:
            continue
        key = (e["label"], normalise(e["canonical"]))
        item = pred.setdefault(key, {"label": e["label"], "canonical": e["canonical"], "forms": {key[1]},
                                     "start": e["start"], "end": e["end"]})
        item["forms"].add(normalise(e["text"]))
    preds = list(pred.values())
    accept = [_names_of(name, groups) for _, name in gold_items]
    match = max_matching(len(gold_items), len(preds),
                         lambda g, p: preds[p]["label"] == gold_items[g][0] and bool(preds[p]["forms"] & accept[g]))
    c = Counter(gold=len(gold_items))
    c["found"] = len(match)
    for lab in LABELS:
        c[f"gold_{lab}"] = sum(1 for lb, _ in gold_items if lb == lab)
        c[f"found_{lab}"] = sum(1 for g in match if gold_items[g][0] == lab)
    all_gold = {n for _, name in gold_items for n in _names_of(name, groups)} | {n for g in groups for n in g}
    canon = {normalise(p["canonical"]) for p in preds}
    c["predicted"] = len(canon)
    c["right"] = len(canon & all_gold)
    errors = []
    for g, (lab, name) in enumerate(gold_items):
        if g not in match:
            s, e = _find(art.text, name)
            same = [p["canonical"] + "/" + p["label"] for p in preds if p["forms"] & accept[g]]
            errors.append({"kind": "missed", "gold": f"{lab} {name}", "pred": ", ".join(same) or None,
                           "context": _context(art.text, s, e)})
    for cf in sorted(canon - all_gold):
        p = next(p for p in preds if normalise(p["canonical"]) == cf)
        errors.append({"kind": "spurious", "gold": None, "pred": f"{p['label']} {p['canonical']}",
                       "context": _context(art.text, p["start"], p["end"])})
    return c, errors


def _speaker_words(q: dict) -> set[str]:
    sp = q.get("speaker") or {}
    return set(normalise(sp.get("canonical")).split()) | set(normalise(sp.get("text")).split())


def _speaker_right(gold_speaker: Optional[str], q: dict) -> bool:
    if not gold_speaker:
        return not q.get("speaker")
    last = normalise(gold_speaker).split()
    return bool(last) and last[-1] in _speaker_words(q)


def score_quotes(art: GoldArticle, rec: dict) -> tuple[Counter, list[dict]]:
    """Quote recall and precision (a predicted quote containing the gold ``contains``) and speaker right."""
    gold = art.gold.get("quotes") or []
    preds = rec.get("quotes") or []
    ptext = [normalise(p["text"]) for p in preds]
    needles = [normalise(g.get("contains")) for g in gold]

    def holds(g, p):
        return bool(needles[g]) and needles[g] in ptext[p]

    match = max_matching(len(gold), len(preds), holds)
    right = max_matching(len(gold), len(preds), lambda g, p: holds(g, p) and _speaker_right(gold[g].get("speaker"), preds[p]))
    c = Counter(gold=len(gold), predicted=len(preds), found=len(match), speaker_right=len(right))
    errors = []
    for g, item in enumerate(gold):
        s, e = _find(art.text, item.get("contains") or "")
        if g not in match:
            errors.append({"kind": "missed", "gold": f"{item.get('kind')} [{item.get('speaker')}] {item.get('contains')}",
                           "pred": None, "context": _context(art.text, s, e)})
        elif g not in right:
            p = preds[match[g]]
            sp = p.get("speaker") or {}
            errors.append({"kind": "wrong speaker", "gold": item.get("speaker"),
                           "pred": f"{sp.get('canonical')} (text {sp.get('text')!r})" if sp else None,
                           "context": _context(art.text, s, e)})
    used = set(match.values())
    for p, q in enumerate(preds):
        if p not in used:
            sp = (q.get("speaker") or {}).get("canonical")
            errors.append({"kind": "spurious", "gold": None, "pred": f"{q['kind']} [{sp}] {q['text'][:100]!r}",
                           "context": _context(art.text, q["start"], min(q["end"], q["start"] + 60))})
    return c, errors


def _time_match(gold_text: str, pred_text: str) -> bool:
    g, p = normalise(gold_text), normalise(pred_text)
    return bool(g and p) and (g in p or p in g) and abs(len(g) - len(p)) <= 15


def score_times(art: GoldArticle, rec: dict) -> tuple[Counter, list[dict]]:
    """Times found, precision (deictic REF values not counted) and value right (a separate matching)."""
    gold = art.gold.get("times") or []
    preds = [t for t in rec.get("times") or [] if t.get("value") not in _DEICTIC]

    def same(g, p):
        return _time_match(gold[g].get("text") or "", preds[p]["text"])

    match = max_matching(len(gold), len(preds), same)
    right = max_matching(len(gold), len(preds),
                         lambda g, p: same(g, p) and strip_zone(preds[p]["value"]) == strip_zone(gold[g].get("value")))
    c = Counter(gold=len(gold), predicted=len(preds), found=len(match), value_right=len(right))
    errors = []
    for g, item in enumerate(gold):
        s, e = _find(art.text, item.get("text") or "")
        if g not in match:
            errors.append({"kind": "missed", "gold": f"{item.get('text')!r} {item.get('value')}", "pred": None,
                           "context": _context(art.text, s, e)})
        elif g not in right:
            p = preds[match[g]]
            errors.append({"kind": "wrong value", "gold": f"{item.get('text')!r} {item.get('value')}",
                           "pred": f"{p['text']!r} {p['value']}", "context": _context(art.text, s, e)})
    used = set(match.values())
    for p, t in enumerate(preds):
        if p not in used:
            errors.append({"kind": "spurious", "gold": None, "pred": f"{t['text']!r} {t['value']}",
                           "context": _context(art.text, t["start"], t["end"])})
    return c, errors


def _num_equal(a, b) -> bool:
    try:
        return a is not None and b is not None and abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def _qty_text_match(gold_text: str, pred_text: str) -> bool:
    g, p = normalise(gold_text), normalise(pred_text)
    return bool(g and p) and (g in p or p in g)


def _qty_value_match(gold_value, q: dict) -> bool:
    return _num_equal(q.get("value"), gold_value) or _num_equal(q.get("min"), gold_value) \
        or _num_equal(q.get("max"), gold_value)


def _is_range(q: dict) -> bool:
    return q.get("min") is not None and q.get("max") is not None


def score_quantities(art: GoldArticle, rec: dict) -> tuple[Counter, list[dict]]:
    """Quantities: value right over gold items with a value; precision over predicted quantities."""
    gold = art.gold.get("quantities") or []
    preds = rec.get("quantities") or []

    def near(g, p):
        return _qty_text_match(gold[g].get("text") or "", preds[p]["text"])

    # The guide lists a range as its two ends ("range": true), so a predicted range may serve two gold
    # items: each prediction offers one slot, a range (min and max) a second one that only a gold end of a
    # range may take.
    slots = [(p, False) for p in range(len(preds))] + [(p, True) for p, q in enumerate(preds) if _is_range(q)]

    def fits(g, s):
        p, second = slots[s]
        return near(g, p) and (not second or bool(gold[g].get("range")))

    valued = [g for g, item in enumerate(gold) if item.get("value") is not None]
    right = max_matching(len(valued), len(slots),
                         lambda i, s: fits(valued[i], s) and _qty_value_match(gold[valued[i]]["value"],
                                                                               preds[slots[s][0]]))
    match = {g: slots[s][0] for g, s in max_matching(len(gold), len(slots), fits).items()}
    # precision stays one prediction to one gold item, so a range is not counted right twice
    c = Counter(gold=len(gold), gold_valued=len(valued), predicted=len(preds), found=len(match),
                value_right=len(right), right=len(max_matching(len(gold), len(preds), near)))
    errors = []
    right_gold = {valued[i] for i in right}
    for g, item in enumerate(gold):
        if g in right_gold or (item.get("value") is None and g in match):
            continue
        s, e = _find(art.text, item.get("text") or "")
        p = preds[match[g]] if g in match else None
        errors.append({"kind": "wrong value" if p else "missed", "gold": f"{item.get('text')!r} {item.get('value')}",
                       "pred": f"{p['text']!r} {p.get('value')} [{p.get('min')}, {p.get('max')}]" if p else None,
                       "context": _context(art.text, s, e)})
    used = set(match.values())
    for p, q in enumerate(preds):
        if p not in used:
            errors.append({"kind": "spurious", "gold": None, "pred": f"{q['text']!r} {q.get('value')}",
                           "context": _context(art.text, q["start"], q["end"])})
    return c, errors


def _asserted(e: dict) -> bool:
    return not e.get("negated") and e.get("modality") in (None, "asserted")


def _sentence_of(bounds: list[tuple[int, int]], char: int) -> int:
    for i, (s, e) in enumerate(bounds):
        if s <= char < e:
            return i
    return -1


def _event_sentences(e: dict) -> set[int]:
    out = {e.get("sentence")}
    for m in e.get("mentions") or []:
        out.add(m.get("sentence"))
    return out - {None}


def _trigger_sentences(text: str, bounds: list[tuple[int, int]], trigger: str) -> Optional[set[int]]:
    """Sentences holding the gold trigger text, and those next to them; None when it is not in the text."""
    if not trigger:
        return None
    hay, needle = text.lower(), trigger.lower()
    out, i = set(), hay.find(needle)
    while i >= 0:
        k = _sentence_of(bounds, i)
        if k >= 0:
            out |= {k - 1, k, k + 1}
        i = hay.find(needle, i + 1)
    return out or None


def score_events(art: GoldArticle, rec: dict) -> tuple[Counter, list[dict]]:
    """Events: asserted, non-negated predictions of the gold type (or an alt type) near the gold trigger."""
    gold = art.gold.get("events") or []
    preds = [e for e in rec.get("events") or [] if _asserted(e)]
    bounds = [(s["start"], s["end"]) for s in rec.get("sentences") or []]
    near = [_trigger_sentences(art.text, bounds, g.get("trigger") or "") for g in gold]
    types = [{g.get("type")} | set(g.get("alt_types") or []) for g in gold]

    def ok(g, p):
        e = preds[p]
        if e["type"] not in types[g]:
            return False
        return near[g] is None or bool(_event_sentences(e) & near[g])

    match = max_matching(len(gold), len(preds), ok)
    c = Counter(gold=len(gold), predicted=len(preds), found=len(match))
    errors = []
    for g, item in enumerate(gold):
        if g not in match:
            s, e = _find(art.text, item.get("trigger") or "")
            errors.append({"kind": "missed", "gold": f"{'/'.join(sorted(types[g], key=str))} {item.get('trigger')!r}",
                           "pred": None, "context": _context(art.text, s, e)})
    used = set(match.values())
    for p, e in enumerate(preds):
        if p not in used:
            t = e["trigger"]
            errors.append({"kind": "spurious", "gold": None, "pred": f"{e['type']} {t['text']!r}",
                           "context": _context(art.text, t["start"], t["end"])})
    return c, errors


SCORERS = {"entities": score_entities, "quotes": score_quotes, "times": score_times,
           "quantities": score_quantities, "events": score_events}


def score_article(art: GoldArticle, rec, sections: Iterable[str] = SECTIONS) -> ArticleScore:
    """Every section's counts and errors for one article and warta's Record (or its dict) of it."""
    if hasattr(rec, "model_dump"):
        rec = rec.model_dump()
    counts, errors = {}, []
    for sec in sections:
        c, errs = SCORERS[sec](art, rec)
        counts[sec] = c
        errors.extend(dict(e, section=sec, article=art.name) for e in errs)
    return ArticleScore(art.name, counts, errors)


# --- totals -------------------------------------------------------------------


def _metrics(section: str, c: Counter) -> dict:
    """The section's figures from summed counts."""
    if section == "entities":
        out = {"recall": ratio(c["found"], c["gold"]), "precision": ratio(c["right"], c["predicted"])}
        for lab in LABELS:
            out[f"recall_{lab}"] = ratio(c[f"found_{lab}"], c[f"gold_{lab}"])
        return out
    if section == "quotes":
        return {"recall": ratio(c["found"], c["gold"]), "precision": ratio(c["found"], c["predicted"]),
                "speaker_right": ratio(c["speaker_right"], c["gold"])}
    if section == "times":
        return {"found": ratio(c["found"], c["gold"]), "precision": ratio(c["found"], c["predicted"]),
                "value_right": ratio(c["value_right"], c["gold"])}
    if section == "quantities":
        return {"value_right": ratio(c["value_right"], c["gold_valued"]),
                "precision": ratio(c["right"], c["predicted"]), "found": ratio(c["found"], c["gold"])}
    return {"recall": ratio(c["found"], c["gold"]), "precision": ratio(c["found"], c["predicted"])}


@dataclass
class Report:
    """Scores of one slice: per-article counts, totals, figures and (optionally) bootstrap intervals."""

    split: str
    articles: list[ArticleScore]
    sections: tuple[str, ...]
    intervals: dict[str, dict[str, tuple[float, float]]] = field(default_factory=dict)
    failures: list[dict] = field(default_factory=list)

    def totals(self, subset: Optional[list[ArticleScore]] = None) -> dict[str, Counter]:
        out = {s: Counter() for s in self.sections}
        for a in (self.articles if subset is None else subset):
            for s in self.sections:
                out[s].update(a.counts.get(s, Counter()))
        return out

    def figures(self, subset: Optional[list[ArticleScore]] = None) -> dict[str, dict[str, float]]:
        return {s: _metrics(s, c) for s, c in self.totals(subset).items()}

    @property
    def errors(self) -> list[dict]:
        return [e for a in self.articles for e in a.errors]

    def bootstrap(self, n: int = 1000, seed: int = 0) -> None:
        """95% intervals of every figure: articles resampled with replacement ``n`` times (percentiles)."""
        if not self.articles:
            return
        rng = random.Random(seed)
        draws: dict[str, dict[str, list[float]]] = {s: {} for s in self.sections}
        k = len(self.articles)
        for _ in range(n):
            sample = [self.articles[rng.randrange(k)] for _ in range(k)]
            for s, figs in self.figures(sample).items():
                for name, v in figs.items():
                    draws[s].setdefault(name, []).append(v)
        for s, figs in draws.items():
            self.intervals[s] = {}
            for name, vals in figs.items():
                vals.sort()
                self.intervals[s][name] = (vals[int(0.025 * (n - 1))], vals[int(0.975 * (n - 1))])

    def as_dict(self) -> dict:
        totals = self.totals()
        out = {"split": self.split, "articles": len(self.articles), "failures": self.failures, "sections": {}}
        for s, figs in self.figures().items():
            entry = {"counts": dict(totals[s]), **{k: round(v, 4) for k, v in figs.items()}}
            if s in self.intervals:
                entry["interval95"] = {k: [round(a, 4), round(b, 4)] for k, (a, b) in self.intervals[s].items()}
            out["sections"][s] = entry
        return out


_COLUMNS = {
    "entities": (("recall", "found", "gold"), ("precision", "right", "predicted")),
    "quotes": (("recall", "found", "gold"), ("precision", "found", "predicted"),
               ("speaker_right", "speaker_right", "gold")),
    "times": (("found", "found", "gold"), ("precision", "found", "predicted"),
              ("value_right", "value_right", "gold")),
    "quantities": (("value_right", "value_right", "gold_valued"), ("precision", "right", "predicted")),
    "events": (("recall", "found", "gold"), ("precision", "found", "predicted")),
}


def format_report(report: Report) -> str:
    """One table: a line per section and figure, with its counts (and its 95% interval when bootstrapped)."""
    totals, figs = report.totals(), report.figures()
    head = f"{report.split}: {len(report.articles)} articles"
    if report.failures:
        head += f" ({len(report.failures)} failed: scored as empty Records)"
    lines = [head, f"{'section':<12}{'figure':<15}{'value':>7}{'count':>12}" + ("   95% interval" if report.intervals else "")]
    for s in report.sections:
        for name, num, den in _COLUMNS[s]:
            c = totals[s]
            line = f"{s:<12}{name:<15}{figs[s][name]:>7.3f}{f'{c[num]}/{c[den]}':>12}"
            if s in report.intervals:
                lo, hi = report.intervals[s][name]
                line += f"   [{lo:.3f}, {hi:.3f}]"
            lines.append(line)
        if s == "entities":
            c = totals[s]
            lines.append(f"{'':<12}{'recall by type':<15}" + "  ".join(
                f"{lab} {ratio(c[f'found_{lab}'], c[f'gold_{lab}']):.3f} ({c[f'found_{lab}']}/{c[f'gold_{lab}']})"
                for lab in LABELS))
    return "\n".join(lines)


def format_errors(errors: list[dict]) -> str:
    """The error list, one block per item: section, kind, article, gold, prediction, context."""
    lines = []
    for e in errors:
        lines.append(f"{e['section']:<11}{e['kind']:<14}{e['article']}")
        if e.get("gold") is not None:
            lines.append(f"    gold  {e['gold']}")
        if e.get("pred") is not None:
            lines.append(f"    warta {e['pred']}")
        if e.get("context"):
            lines.append(f"    in    {e['context']}")
    return "\n".join(lines)


def _extract(art: GoldArticle, model: str = "default"):
    from ..api import extract

    return extract(art.text, published=art.published, title=art.title, url=art.url, model=model)


def evaluate(articles: list[GoldArticle], split: str = "all", sections: Iterable[str] = SECTIONS,
             predict: Callable = _extract, progress: Optional[Callable] = None, bootstrap: int = 0) -> Report:
    """Score ``predict(article)`` (default: ``warta.extract``) on annotated articles.

    An article warta refuses or fails on is scored as an empty Record (every
    gold item missed) and listed in ``Report.failures``.

    Args:
        articles: the articles (already selected for the slice).
        split: the slice's name, for the report.
        sections: which sections to score.
        predict: ``GoldArticle -> Record | dict``.
        progress: wraps the article iterable (a progress bar).
        bootstrap: resamples for the 95% intervals (0: none).
    """
    sections = tuple(sections)
    for s in sections:
        if s not in SCORERS:
            raise ValueError(f"unknown section {s!r} (one of {', '.join(SECTIONS)})")
    scored, failures = [], []
    for art in (progress(articles) if progress else articles):
        try:
            rec = predict(art)
        except Exception as exc:  # noqa: BLE001 (a failure costs that article's recall, and is reported)
            failures.append({"article": art.name, "error": f"{type(exc).__name__}: {exc}"})
            rec = {"text": art.text}
        scored.append(score_article(art, rec, sections))
    report = Report(split, scored, sections, failures=failures)
    if bootstrap:
        report.bootstrap(bootstrap)
    return report
