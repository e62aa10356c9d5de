"""Scoring story grouping: B-cubed precision and recall against ``story`` labels.

Labelled articles are JSON files with ``url``, ``text`` and ``story`` (a slug,
or null for an article that is a story of its own), such as
``../shared/data/news`` and its ``stories/`` folder of near misses. The
articles are ingested into an archive (a temporary one unless ``--db`` names
one that holds them already) and each stored article's story is compared
with its label:

- B-cubed precision: for each article, the share of its predicted story that
  has its label; recall: the share of its labelled story that is in its
  predicted story; both averaged over articles (Bagga and Baldwin 1998);
- an article whose label is null is alone in its gold cluster.

Slices: ``blind`` holds the articles of ``warta/eval/gold/articles/blind.txt``
and the near misses whose ``near`` story is one of them; ``tune`` the rest.
The grouping's weights and threshold were chosen on tune (docs/stories.md).
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

SPLITS = ("tune", "blind", "all")


@dataclass
class Labelled:
    """One labelled article: file name, URL, text hash, gold story (None: alone) and near story."""

    name: str
    url: Optional[str]
    chash: str
    story: Optional[str]
    near: Optional[str] = None


def load_labels(paths: Iterable[Path]) -> list[Labelled]:
    """Labelled articles in ``.json`` files and folders (walked recursively, name order).

    A file without a ``story`` key is not a labelled article and is skipped.
    """
    from ..store.db import content_hash

    out = []
    for path in map(Path, paths):
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
        files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
        for f in files:
            try:
                obj = json.loads(f.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError):
                continue
            if not isinstance(obj, dict) or "story" not in obj or not isinstance(obj.get("text"), str):
                continue
            out.append(Labelled(f.name, obj.get("url"), content_hash(obj["text"]), obj.get("story"), obj.get("near")))
    return out


def split_of(item: Labelled, blind: frozenset[str], blind_stories: frozenset[str]) -> str:
    return "blind" if item.name in blind or (item.near is not None and item.near in blind_stories) else "tune"


def select_split(items: list[Labelled], split: str) -> list[Labelled]:
    """The labelled articles of one slice (module doc)."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    if split == "all":
        return list(items)
    from .articles import blind_names

    blind = blind_names()
    blind_stories = frozenset(i.story for i in items if i.name in blind and i.story)
    return [i for i in items if split_of(i, blind, blind_stories) == split]


def bcubed(predicted: dict[str, object], gold: dict[str, object]) -> tuple[float, float]:
    """B-cubed (precision, recall) of a clustering of the items of ``gold``.

    Args:
        predicted: item -> predicted cluster (every item of ``gold``).
        gold: item -> gold cluster.
    """
    items = list(gold)
    if not items:
        return 0.0, 0.0
    by_pred: dict[object, set] = {}
    by_gold: dict[object, set] = {}
    for i in items:
        by_pred.setdefault(predicted[i], set()).add(i)
        by_gold.setdefault(gold[i], set()).add(i)
    p = r = 0.0
    for i in items:
        c, g = by_pred[predicted[i]], by_gold[gold[i]]
        both = len(c & g)
        p += both / len(c)
        r += both / len(g)
    return p / len(items), r / len(items)


@dataclass
class StoryReport:
    """B-cubed figures of one slice, with the clusters behind them."""

    split: str
    articles: int
    precision: float
    recall: float
    missing: list[str] = field(default_factory=list)
    clusters: list[list[str]] = field(default_factory=list)
    gold_clusters: list[list[str]] = field(default_factory=list)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"split": self.split, "articles": self.articles, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4), "missing": self.missing,
                "predicted_stories": self.clusters}


def predicted_stories(conn: sqlite3.Connection, items: list[Labelled]) -> dict[str, int]:
    """File name -> stored story id, for the labelled articles the archive holds (by URL, else text hash)."""
    from ..store.db import normalize_url

    out = {}
    for item in items:
        row = conn.execute(
            "SELECT s.story_id FROM articles a JOIN story_articles s ON s.article_id = a.id "
            "WHERE (? IS NOT NULL AND a.url = ?) OR a.content_hash = ? LIMIT 1",
            (normalize_url(item.url), normalize_url(item.url), item.chash)).fetchone()
        if row is not None:
            out[item.name] = row[0]
    return out


def score(conn: sqlite3.Connection, items: list[Labelled], split: str = "all") -> StoryReport:
    """B-cubed of the archive's stories over the labelled articles of ``split``."""
    chosen = select_split(items, split)
    pred = predicted_stories(conn, chosen)
    missing = sorted(i.name for i in chosen if i.name not in pred)
    found = [i for i in chosen if i.name in pred]
    gold = {i.name: i.story or f"alone:{i.name}" for i in found}
    p, r = bcubed(pred, gold)
    clusters: dict[int, list[str]] = {}
    for name, sid in pred.items():
        clusters.setdefault(sid, []).append(name)
    gold_clusters: dict[str, list[str]] = {}
    for name, g in gold.items():
        gold_clusters.setdefault(g, []).append(name)
    multi = lambda groups: sorted(sorted(c) for c in groups.values() if len(c) > 1)  # noqa: E731
    return StoryReport(split, len(found), p, r, missing, multi(clusters), multi(gold_clusters))


def ingest_labelled(paths: Iterable[Path], db: Path, progress: bool = False) -> None:
    """Ingest the labelled folders into ``db`` with warta's own ingest (stories on)."""
    from ..ingest import IngestOptions, ingest

    ingest(list(paths), db, IngestOptions(progress=progress))


def evaluate(paths: Iterable[Path], db: Optional[Path] = None, splits: Iterable[str] = ("tune", "blind", "all"),
             progress: bool = False) -> list[StoryReport]:
    """Ingest ``paths`` (unless ``db`` holds them) and score every slice of ``splits``."""
    from ..store import connect

    paths = [Path(p) for p in paths]
    items = load_labels(paths)
    if db is not None:
        conn = connect(db, readonly=True)
        try:
            return [score(conn, items, s) for s in splits]
        finally:
            conn.close()
    with tempfile.TemporaryDirectory(prefix="warta-stories-") as tmp:
        path = Path(tmp) / "stories.db"
        ingest_labelled(paths, path, progress)
        conn = connect(path, readonly=True)
        try:
            return [score(conn, items, s) for s in splits]
        finally:
            conn.close()


def format_report(reports: list[StoryReport]) -> str:
    """A table of the slices' figures, then the multi-article stories found in ``all``."""
    lines = [f"{'slice':6} {'articles':>8} {'B3 precision':>12} {'B3 recall':>9} {'F1':>6}"]
    for r in reports:
        lines.append(f"{r.split:6} {r.articles:8d} {r.precision:12.3f} {r.recall:9.3f} {r.f1:6.3f}")
    for r in reports:
        if r.missing:
            lines.append(f"{r.split}: {len(r.missing)} labelled articles not in the archive: {', '.join(r.missing[:5])}")
    return "\n".join(lines)
