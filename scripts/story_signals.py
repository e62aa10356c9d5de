"""Measure the story-grouping signals on labelled news, and their combinations.

    warta ingest ../shared/data/news --db news.db          # once: Records on disk
    python scripts/story_signals.py news.db [--background other.db] [--split tune|blind|all]

Reads the stored Records (no NLP) and the ``story`` labels of the JSON files
under ``../shared/data/news`` (``--labels`` for another folder), matched by
URL. For every pair of labelled articles published within
``WINDOW_DAYS`` of each other it computes each signal:

- ``tfidf``: cosine of TF-IDF vectors (IDF over the archive, plus the
  articles of ``--background`` when given: a bigger archive's IDF);
- ``words``: Jaccard of the content-word sets (what MinHash estimates);
- ``shingles``: Jaccard of word-bigram sets (MinHash over shingles);
- ``names``: IDF-weighted Jaccard of people and organisations, by identity
  (``entity_names`` of the archive: aliases and article links merged);
- ``places``: IDF-weighted Jaccard of places;
- ``types``: Jaccard of PLOVER event types;
- ``dates``: Jaccard of the full dates the texts mention;

then, for each signal and combination, the weakest link each labelled story
needs (the smallest edge of its maximum spanning tree: single-link grouping
must accept it) against the strongest pair of articles from different
stories, and the gap between the two. The hard pairs (a near-miss article
and an article of the story it resembles) are counted apart. The evaluation
articles are read at run time only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sqlite3
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from warta.record import Record
from warta.stories import similarity as sim
from warta.stories.features import _WORD, article_text, features
from warta.store.identity import name_key


def _records(db: str) -> list[Record]:
    conn = sqlite3.connect(db)
    return [Record.model_validate(json.loads(r)) for (r,) in conn.execute("SELECT record FROM articles ORDER BY pk")]


def _identities(db: str) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT name, entity_id FROM entity_names"))
    except sqlite3.OperationalError:
        return {}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("--labels", default=None, help="folder of labelled .json articles (default ../shared/data/news)")
    ap.add_argument("--background", default=None, help="another archive whose articles join the IDF only")
    ap.add_argument("--split", default="all", choices=["tune", "blind", "all"])
    args = ap.parse_args(argv)

    from warta.eval import stories as ev
    from warta.eval.articles import default_news_dir

    items = ev.select_split(ev.load_labels([Path(args.labels) if args.labels else default_news_dir()]), args.split)
    by_url = {i.url: i for i in items}
    recs = [r for r in _records(args.db) if r.url in by_url]
    ids = _identities(args.db)
    feats = {r.id: features(r) for r in recs}
    background = [features(r) for r in _records(args.background)] if args.background else []
    n = len(feats) + len(background)
    df, ndf, pdf = Counter(), Counter(), Counter()

    def ident(name):
        return ids.get(name, name_key(name))

    for f in [*feats.values(), *background]:
        df.update(f.terms)
        ndf.update({ident(x) for x in f.names})
        pdf.update({name_key(x) for x in f.places})
    vec = {k: sim.tfidf_vector(f.terms, df, n) for k, f in feats.items()}
    bigrams = {}
    for r in recs:
        ws = [w.lower() for w in _WORD.findall(article_text(r))]
        bigrams[r.id] = frozenset(zip(ws, ws[1:]))

    def wj(a, b, counter):
        return sim.weighted_jaccard(frozenset(a), frozenset(b), lambda x: sim.idf(counter.get(x, 0), n))

    pairs = {}
    for a, b in itertools.combinations(recs, 2):
        fa, fb = feats[a.id], feats[b.id]
        if abs((date.fromisoformat(fa.day) - date.fromisoformat(fb.day)).days) > sim.WINDOW_DAYS:
            continue
        la, lb = by_url[a.url], by_url[b.url]
        same = la.story is not None and la.story == lb.story
        hard = not same and (la.near == lb.story or lb.near == la.story or (la.near and la.near == lb.near))
        pairs[frozenset((a.id, b.id))] = (same, hard, {
            "tfidf": sim.cosine(vec[a.id], vec[b.id]),
            "words": sim.jaccard(frozenset(fa.terms), frozenset(fb.terms)),
            "shingles": sim.jaccard(bigrams[a.id], bigrams[b.id]),
            "names": wj({ident(x) for x in fa.names}, {ident(x) for x in fb.names}, ndf),
            "places": wj({name_key(x) for x in fa.places}, {name_key(x) for x in fb.places}, pdf),
            "types": sim.jaccard(frozenset(fa.event_types), frozenset(fb.event_types)),
            "dates": sim.jaccard(frozenset(fa.dates), frozenset(fb.dates)),
        })
    stories: dict[str, list[str]] = {}
    for r in recs:
        if by_url[r.url].story:
            stories.setdefault(by_url[r.url].story, []).append(r.id)

    def weakest_link(members, fn):
        inside, weakest = {members[0]}, math.inf
        while len(inside) < len(members):
            best = max((fn(pairs[frozenset((x, y))][2]) if frozenset((x, y)) in pairs else -1.0, y)
                       for x in inside for y in members if y not in inside)
            weakest = min(weakest, best[0])
            inside.add(best[1])
        return weakest

    def auc(fn):
        pos = [fn(s) for same, _, s in pairs.values() if same]
        neg = [fn(s) for same, _, s in pairs.values() if not same]
        return sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg))

    combos = {name: (lambda k: lambda s: s[k])(name) for name in next(iter(pairs.values()))[2]}
    for w in (0.1, 0.2, 0.3):
        for k in ("names", "places", "types", "dates"):
            combos[f"tfidf+{w}{k}"] = (lambda k, w: lambda s: s["tfidf"] + w * s[k])(k, w)
    for wp, wd, wn in ((0.2, 0.1, 0.0), (0.2, 0.0, 0.1), (0.2, 0.1, 0.1), (0.3, 0.1, 0.0)):
        combos[f"tfidf+{wp}places+{wd}dates+{wn}names"] = (
            lambda wp, wd, wn: lambda s: s["tfidf"] + wp * s["places"] + wd * s["dates"] + wn * s["names"])(wp, wd, wn)
    n_same = sum(1 for v in pairs.values() if v[0])
    n_hard = sum(1 for v in pairs.values() if v[1])
    print(f"{len(recs)} articles ({args.split}), {len(stories)} labelled stories; pairs within {sim.WINDOW_DAYS} days: "
          f"{len(pairs)} ({n_same} same story, {len(pairs) - n_same} not, {n_hard} of them near miss vs its story); "
          f"IDF over {n} articles")
    print(f"{'signal':34} {'AUC':>6} {'weakest link':>12} {'max other':>9} {'max near':>8} {'gap':>7} {'gap/link':>8}")
    for name, fn in combos.items():
        link = min(weakest_link(m, fn) for m in stories.values() if len(m) > 1)
        other = max(fn(s) for same, _, s in pairs.values() if not same)
        near = max((fn(s) for same, hard, s in pairs.values() if hard), default=float("nan"))
        print(f"{name:34} {auc(fn):6.3f} {link:12.3f} {other:9.3f} {near:8.3f} {link - other:7.3f} "
              f"{(link - other) / link if link > 0 else float('nan'):8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
