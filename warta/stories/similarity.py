"""How alike two articles are, for story grouping.

The score is ``tfidf + PLACE_WEIGHT * places + DATE_WEIGHT * dates``, the last
two only when ``tfidf`` reaches ``MIN_TEXT``:

- ``tfidf``: cosine of the articles' TF-IDF vectors (sublinear term
  frequency, smoothed IDF over the archive's articles);
- ``places``: IDF-weighted Jaccard overlap of the places they name (keys of
  :func:`warta.store.identity.name_key`);
- ``dates``: Jaccard overlap of the full dates their text mentions.

An article joins the story holding its best-scoring article within
``WINDOW_DAYS`` of its publication date when that score is at least
``THRESHOLD``; otherwise it starts a story.

Why these (docs/stories.md has the tables; ``scripts/story_signals.py``
measures them): on pairs of labelled articles published within 3 days of each
other (../shared/data/news and its near misses), TF-IDF alone ranks nearly
every same-story pair above every other pair, but by a thin margin; the
same-day near misses share people and places by design, so shared entities
(AUC 0.85 on tune), places (0.77) and event types (0.56) separate worse than
text, and word-set Jaccard (what MinHash estimates) has a smaller gap than
TF-IDF. Adding places and dates with small weights widened, on the tune
slice, the gap between the weakest link a story needs and the strongest pair
from different stories most, with the archive's own IDF and with 1,000
IndoSum articles added to it; larger date weights close it again (same-day
articles share dates whatever they report). ``THRESHOLD`` is the middle of
the range that is inside the tune gap under both IDFs (0.227-0.328).
``MIN_TEXT`` came from 1,000 IndoSum articles (no labels): without it two
articles sharing only "Jakarta" and a date, and no words, made a story.
"""

from __future__ import annotations

import math
from typing import Mapping

PLACE_WEIGHT = 0.2
DATE_WEIGHT = 0.1
THRESHOLD = 0.28
# Places and dates only add to text that already looks alike: two articles that
# share "Jakarta" and a date but no words are not one story.
MIN_TEXT = 0.15
WINDOW_DAYS = 3
PLACE_PREFIX = "p:"  # place keys share the document-frequency table with words


def idf(df: int, n: int) -> float:
    """Smoothed inverse document frequency (scikit-learn's ``smooth_idf``)."""
    return math.log((n + 1) / (df + 1)) + 1.0


def tfidf_vector(terms: Mapping[str, int], df: Mapping[str, int], n: int) -> dict[str, float]:
    """Unit-length TF-IDF vector of term counts, with sublinear term frequency."""
    vec = {t: (1.0 + math.log(c)) * idf(df.get(t, 0), n) for t, c in terms.items() if c > 0}
    norm = math.sqrt(sum(x * x for x in vec.values()))
    return {t: x / norm for t, x in vec.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two unit vectors (iterating the shorter)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def weighted_jaccard(a: frozenset, b: frozenset, weight) -> float:
    """Jaccard overlap with each element weighted by ``weight(element)``."""
    union = a | b
    if not union:
        return 0.0
    den = sum(weight(x) for x in union)
    return sum(weight(x) for x in a & b) / den if den else 0.0


def jaccard(a: frozenset, b: frozenset) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def score(tfidf: float, places: float, dates: float) -> float:
    """The combined similarity (module doc)."""
    if tfidf < MIN_TEXT:
        return tfidf
    return tfidf + PLACE_WEIGHT * places + DATE_WEIGHT * dates
