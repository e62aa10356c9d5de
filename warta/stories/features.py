"""What story grouping reads from one Record: words, names, places, event types, dates.

Everything here is a pure function of the Record, so the features can be
computed once at ingest, stored as JSON, and compared without the NLP
pipeline (or read again from a stored Record to tune the grouping).

Words: letters-only tokens of the title and body, lower-cased, at least three
letters, without function words. Text that is not the article's own is left
out: the dateline ("MATARAM, KOMPAS.com -"), credit lines, and "Baca juga"
links to other articles (an outlet's related-article links would otherwise
make two of its articles look alike).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..lang import load_wordset
from ..record import Record
from ..store.identity import name_key

PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
NAME_LABELS = frozenset({"PER", "ORG", "NORP"}) | PLACE_LABELS
_WORD = re.compile(r"[^\W\d_]{3,}")
# "Baca juga: <title of another article>" and its variants, a whole line each.
_READ_ALSO = re.compile(r"(?im)^[ \t]*(?:baca(?:\s+juga)?|simak(?:\s+juga)?|lihat\s+juga|artikel\s+terkait)\b[^\n]*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

# Reporting and discourse words found in nearly every article, on top of the
# function words: they say nothing about which happening an article reports.
_EXTRA_STOP = frozenset("""
    kata ujar ujarnya katanya tutur tuturnya jelas jelasnya ungkap ungkapnya sebut sebutnya menurut
    mengatakan menyatakan menjelaskan mengungkapkan menyebutkan menambahkan lanjut lanjutnya tambah tambahnya
    senin selasa rabu kamis jumat sabtu minggu pukul wib wita wit hari tahun bulan pekan kemarin sebelumnya
    para pihak sejumlah beberapa banyak masih bisa dapat harus akan sudah telah sedang belum lebih hanya
    kepada bagi antara hingga sampai setelah sebelum saat ketika namun tetapi tapi jika bila agar supaya
    sangat juga pun lagi baru sama semua setiap tersebut itu ini yaitu yakni serta maupun ataupun
    com www co id baca juga simak
""".split())


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words (``lang/function_words.txt``) and the reporting words above."""
    return load_wordset("function_words") | _EXTRA_STOP


def article_text(rec: Record) -> str:
    """Title and body without the dateline, credit lines and "Baca juga" links."""
    text = rec.text
    cuts = [(c.start, c.end) for c in rec.credits]
    if rec.dateline is not None:
        cuts.append((rec.dateline.start, rec.dateline.end))
    for start, end in sorted(cuts, reverse=True):
        text = text[:start] + " " + text[end:]
    text = _READ_ALSO.sub(" ", text)
    return f"{rec.title or ''}\n{text}"


def words(text: str, drop: frozenset[str] = frozenset()) -> Counter:
    """Counts of the content words of ``text`` (see the module doc)."""
    stop = stopwords()
    return Counter(w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in stop and w not in drop)


@dataclass
class Features:
    """One article as story grouping sees it.

    Attributes:
        day: publication date (YYYY-MM-DD) or None.
        outlet: the outlet, as stored.
        terms: content-word counts (title and body).
        names: canonical names of people and organisations (not outlets).
        places: canonical names of places (entities, event locations, dateline place).
        event_types: PLOVER types of asserted, non-negated events.
        dates: full dates (YYYY-MM-DD) the text mentions.
    """

    day: Optional[str]
    outlet: Optional[str] = None
    terms: dict[str, int] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    event_types: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"day": self.day, "outlet": self.outlet, "terms": self.terms, "names": self.names,
                "places": self.places, "event_types": self.event_types, "dates": self.dates}

    @classmethod
    def from_json(cls, obj: dict) -> "Features":
        return cls(**obj)


def _outlet_words(rec: Record) -> frozenset[str]:
    found = set()
    for name in (rec.outlet, rec.dateline.outlet if rec.dateline else None):
        if name:
            found |= {w.lower() for w in _WORD.findall(name)}
    return frozenset(found)


def features(rec: Record, outlet_keys: frozenset[str] = frozenset()) -> Features:
    """The :class:`Features` of ``rec``.

    Args:
        outlet_keys: :func:`name_key` forms of outlet names; entities with
            those names are outlets, not organisations the article is about.
    """
    day = rec.published if rec.published and _DAY.match(rec.published) else None
    names, places = set(), set()
    for e in rec.entities:
        name = e.canonical or e.text
        key = name_key(name)
        if not key or key in outlet_keys:
            continue
        if e.label in PLACE_LABELS:
            places.add(name)
        elif e.label in NAME_LABELS:
            names.add(name)
    types, dates = set(), set()
    for ev in rec.events:
        if ev.negated or (ev.modality or "asserted") != "asserted":
            continue
        types.add(ev.type)
        if ev.location is not None:
            places.add(ev.location.canonical or ev.location.text)
    if rec.dateline is not None and rec.dateline.place:
        places.add(rec.dateline.place.title() if rec.dateline.place.isupper() else rec.dateline.place)
    for t in rec.times:
        if t.type == "DATE" and t.anchored and _DAY.match(t.value):
            dates.add(t.value[:10])
    terms = words(article_text(rec), _outlet_words(rec))
    return Features(day=day, outlet=rec.outlet, terms=dict(terms), names=sorted(names), places=sorted(places),
                    event_types=sorted(types), dates=sorted(dates))
