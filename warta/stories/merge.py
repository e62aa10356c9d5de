"""Merged facts of one story, and where its articles disagree.

Pure functions over the story's Records and a name -> ``entity_id`` map
(:func:`warta.store.identity.ids_for`), so that tests can build both by hand:

- :func:`merged_entities`: entities unioned by identity;
- :func:`merged_quotes`: quotes de-duplicated across articles (same speaker,
  near-same words), each with its sources;
- :func:`happenings`: events de-duplicated into happenings (same PLOVER type
  and a shared actor or recipient), with ``num_mentions`` (every mention in
  every article: an event counts its ``mentions``), ``num_articles`` and
  ``num_sources`` (distinct outlets), as GDELT counts them;
- :func:`discrepancies`: the same counted thing with different numbers, one
  happening with different dates or places, the same words given to
  different speakers. Every flag names the articles and the spans.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..lang import load_json
from ..record import Event, Quantity, Quote, Record
from ..store.identity import name_key

_TOKEN = re.compile(r"\w+")
# Share of the shorter quote's words the longer must hold for "near-same words",
# and share of the longer quote's words the shorter must hold (a short quote
# inside a long one is a fragment of it, not the same words).
QUOTE_OVERLAP = 0.7
QUOTE_COVER = 0.5
# Fewer words than this and two quotes are not compared ("ya", "tidak benar").
QUOTE_MIN_WORDS = 6
# Two places of one happening farther apart than this (km) disagree.
PLACE_KM = 50.0
_CONTEXT = 60  # characters of text shown on each side of a flagged span
_STATE_WINDOW = 40  # characters after a number (and its noun) searched for a state word
_CLASSIFIED = re.compile(r"\s+(\w+)\s+([\w-]+)")


@dataclass
class Source:
    """Where a fact was read: article, outlet, span and text.

    ``anchor`` is the id of the span's mark on the article page (``qty-3``,
    ``quote-0``, ``event-2``); ``before``/``after`` the text around it.
    """

    article_id: str
    outlet: Optional[str]
    start: int
    end: int
    text: str
    value: Optional[object] = None
    anchor: Optional[str] = None
    before: str = ""
    after: str = ""

    def as_dict(self) -> dict:
        out = {"article_id": self.article_id, "outlet": self.outlet, "start": self.start, "end": self.end,
               "text": self.text}
        if self.value is not None:
            out["value"] = self.value
        if self.anchor:
            out["anchor"] = self.anchor
        if self.before or self.after:
            out["before"], out["after"] = self.before, self.after
        return out


def _in_context(rec: Record, start: int, end: int, value=None, anchor: Optional[str] = None) -> Source:
    """A Source for ``rec.text[start:end]`` with the text around it (one line)."""
    before = " ".join(rec.text[max(0, start - _CONTEXT):start].split())
    after = " ".join(rec.text[end:end + _CONTEXT].split())
    return Source(rec.id, rec.outlet, start, end, rec.text[start:end], value, anchor,
                  ("…" if start > _CONTEXT else "") + before + (" " if rec.text[start - 1:start].isspace() else ""),
                  (" " if rec.text[end:end + 1].isspace() else "") + after + ("…" if end + _CONTEXT < len(rec.text) else ""))


# -- identities -------------------------------------------------------------------

Ids = dict[str, int]


def _ident(name: Optional[str], ids: Ids) -> Optional[object]:
    """The entity a name stands for: its id when stored, else its key."""
    if not name:
        return None
    return ids.get(name, "k:" + name_key(name))


def _same_person(a: str, b: str, ids: Ids) -> bool:
    """One speaker under two names: same identity, one name holds the other's words ("Bagja" and
    "Rahmat Bagja"), or two name words in common ("Benny Kabur Harman" and "Benny K Harman")."""
    if _ident(a, ids) == _ident(b, ids):
        return True
    wa, wb = set(_TOKEN.findall(a.lower())), set(_TOKEN.findall(b.lower()))
    return bool(wa and wb) and (wa <= wb or wb <= wa or len(wa & wb) >= 2)


def merged_entities(records: list[Record], ids: Ids) -> list[dict]:
    """Entities of the story unioned by identity: name, label, mentions, articles."""
    groups: dict[object, dict] = {}
    for rec in records:
        for e in rec.entities:
            name = e.canonical or e.text
            key = _ident(name, ids)
            g = groups.setdefault(key, {"entity_id": ids.get(name), "names": Counter(), "labels": Counter(),
                                        "articles": set(), "mentions": 0})
            g["names"][name] += 1
            g["labels"][e.label] += 1
            g["articles"].add(rec.id)
            g["mentions"] += 1
    out = []
    for g in groups.values():
        out.append({"entity_id": g["entity_id"], "name": g["names"].most_common(1)[0][0],
                    "names": sorted(g["names"]), "label": g["labels"].most_common(1)[0][0],
                    "mentions": g["mentions"], "articles": len(g["articles"])})
    return sorted(out, key=lambda x: (-x["articles"], -x["mentions"], x["name"]))


# -- quotes -----------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return {w.lower() for w in _TOKEN.findall(text)}


def near_same_words(a: str, b: str) -> bool:
    """Whether two quotes say nearly the same words (module constants)."""
    wa, wb = _words(a), _words(b)
    if min(len(wa), len(wb)) < QUOTE_MIN_WORDS:
        return False
    both = len(wa & wb)
    return both / min(len(wa), len(wb)) >= QUOTE_OVERLAP and both / max(len(wa), len(wb)) >= QUOTE_COVER


def _quote_source(rec: Record, q: Quote) -> Source:
    idx = next((i for i, x in enumerate(rec.quotes) if x is q), None)
    return _in_context(rec, q.start, q.end, (q.speaker.canonical or q.speaker.text) if q.speaker else None,
                       f"quote-{idx}" if idx is not None else None)


def merged_quotes(records: list[Record], ids: Ids) -> list[dict]:
    """Quotes de-duplicated across outlets: same speaker and near-same words become one, with its sources."""
    merged: list[dict] = []
    for rec in records:
        for q in rec.quotes:
            speaker = (q.speaker.canonical or q.speaker.text) if q.speaker else None
            home = None
            for m in merged:
                if m["speaker"] and speaker and _same_person(m["speaker"], speaker, ids) \
                        and near_same_words(m["text"], q.text):
                    home = m
                    break
            src = _quote_source(rec, q).as_dict()
            if home is None:
                merged.append({"speaker": speaker, "text": q.text, "kind": q.kind, "sources": [src]})
            else:
                home["sources"].append(src)
    for m in merged:
        m["num_articles"] = len({s["article_id"] for s in m["sources"]})
    return merged


# -- happenings -------------------------------------------------------------------


@dataclass
class Happening:
    """Events of one story that report the same happening."""

    type: str
    events: list[tuple[Record, int]] = field(default_factory=list)
    actors: set = field(default_factory=set)

    @property
    def num_mentions(self) -> int:
        # an event stands for every mention of its happening in its article (Event.mentions,
        # the first included); a Record from before mentions were grouped has none: one
        return sum(max(1, len(rec.events[i].mentions)) for rec, i in self.events)

    @property
    def num_articles(self) -> int:
        return len({rec.id for rec, _ in self.events})

    @property
    def num_sources(self) -> int:
        return len({rec.outlet or rec.id for rec, _ in self.events})

    def as_dict(self) -> dict:
        rec, i = self.events[0]
        ev = rec.events[i]
        return {"type": self.type, "cameo": ev.cameo, "date": ev.date,
                "location": (ev.location.canonical or ev.location.text) if ev.location else None,
                "actors": sorted({a.canonical or a.text for r, j in self.events for a in r.events[j].actor}),
                "recipients": sorted({a.canonical or a.text for r, j in self.events for a in r.events[j].recipient}),
                "num_mentions": self.num_mentions, "num_articles": self.num_articles,
                "num_sources": self.num_sources,
                "sources": [{"article_id": r.id, "outlet": r.outlet, "event_idx": j,
                             "start": r.events[j].trigger.start, "end": r.events[j].trigger.end,
                             "text": r.events[j].trigger.text} for r, j in self.events]}


def _event_parties(ev: Event, ids: Ids) -> set:
    # the participants named at any mention of the event in its article
    sides = [*ev.actor, *ev.recipient, *(a for m in ev.mentions for a in (*m.actor, *m.recipient))]
    return {_ident(a.canonical or a.text, ids) for a in sides} - {None}


def happenings(records: list[Record], ids: Ids) -> list[Happening]:
    """Asserted events grouped into happenings: same type and a shared actor or recipient.

    An event with no actor and no recipient joins the one happening of its
    type in another article only when that type has exactly one happening
    so far (one explosion in a bombing story); otherwise it stands alone.
    """
    out: list[Happening] = []
    for rec in records:
        for i, ev in enumerate(rec.events):
            if ev.negated or (ev.modality or "asserted") != "asserted":
                continue
            parties = _event_parties(ev, ids)
            same_type = [h for h in out if h.type == ev.type]
            home = next((h for h in same_type if parties & h.actors), None)
            if home is None and not parties and len(same_type) == 1 \
                    and all(r.id != rec.id for r, _ in same_type[0].events):
                home = same_type[0]
            if home is None:
                home = Happening(ev.type)
                out.append(home)
            home.events.append((rec, i))
            home.actors |= parties
    return out


def event_counts(records: list[Record], ids: Ids) -> dict[tuple[str, int], tuple[int, int, int]]:
    """``(record id, event index) -> (num_mentions, num_sources, num_articles)`` of its happening."""
    out = {}
    for h in happenings(records, ids):
        for rec, i in h.events:
            out[(rec.id, i)] = (h.num_mentions, h.num_sources, h.num_articles)
    return out


# -- discrepancies ----------------------------------------------------------------


@lru_cache(maxsize=1)
def _counts_table() -> tuple[dict[str, str], frozenset[str], dict[str, str]]:
    t = load_json("story_counts")
    return t["nouns"], frozenset(t["general"]), t["states"]


def _state_near(text: str, start: int, end: int) -> Optional[str]:
    """What happened to the counted, from the words right after the number (or right before it)."""
    _, _, states = _counts_table()
    after = text[end:end + _STATE_WINDOW].lower()
    before = text[max(0, start - 25):start].lower()
    cut = re.search(r"[.;:!?\n]", after)
    if cut:
        after = after[:cut.start()]
    for phrase in sorted(states, key=len, reverse=True):
        if re.search(r"\b" + re.escape(phrase) + r"\b", after) or re.search(r"\b" + re.escape(phrase) + r"\s*$", before):
            return states[phrase]
    return None


def count_key(rec: Record, q: Quantity) -> Optional[tuple[str, Optional[str]]]:
    """What a number counts, as ``(thing, state)``, or None when it is not compared (see ``story_counts.json``)."""
    if q.value is None or q.unit or not q.counted:
        return None
    nouns, general, _ = _counts_table()
    counted = q.counted.lower().strip()
    words = counted.split()
    if words[0] in general:
        # A classifier before the noun: "3 orang anak-anak", "2 ekor sapi".
        m = _CLASSIFIED.match(rec.text, q.end)
        if m and m.group(1).lower() == words[0] and m.group(2).lower() in nouns:
            counted = m.group(2).lower()
            words = [counted]
    state = _state_near(rec.text, q.start, q.end)
    for n in (counted, words[0]):
        if n in nouns:
            return nouns[n], state
    if words[0] in general and state:
        return "people" if words[0] != "unit" else "units", state
    return None


def _number_flags(records: list[Record]) -> list[dict]:
    by_key: dict[tuple, dict[str, list[Source]]] = defaultdict(lambda: defaultdict(list))
    for rec in records:
        for i, q in enumerate(rec.quantities):
            key = count_key(rec, q)
            if key is not None:
                by_key[key][rec.id].append(_in_context(rec, q.start, q.end,
                                                       {"value": q.value, "modifier": q.modifier}, f"qty-{i}"))
    flags = []
    for (thing, state), per_article in by_key.items():
        if len(per_article) < 2:
            continue
        values = {aid: {s.value["value"] for s in srcs} for aid, srcs in per_article.items()}
        arts = sorted(values)
        disjoint = [(a, b) for i, a in enumerate(arts) for b in arts[i + 1:] if not values[a] & values[b]]
        if not disjoint:
            continue
        items = [s for aid in arts for s in per_article[aid]]
        flags.append({"kind": "number", "what": thing + (f" ({state})" if state else ""),
                      "consistent": _consistent(items), "articles": arts,
                      "items": [s.as_dict() for s in items]})
    return flags


def _consistent(items: list[Source]) -> bool:
    """Whether one true number could make every report right ("lebih dari 2.000" and "2.030")."""
    lo, hi = -math.inf, math.inf
    for s in items:
        v, mod = s.value["value"], s.value["modifier"]
        if mod in ("more_than",):
            lo = max(lo, v + 1e-9)
        elif mod in ("at_least",):
            lo = max(lo, v)
        elif mod in ("less_than",):
            hi = min(hi, v - 1e-9)
        elif mod in ("at_most",):
            hi = min(hi, v)
        elif mod in ("about", "approx"):
            lo, hi = max(lo, v * 0.9), min(hi, v * 1.1)
        else:
            lo, hi = max(lo, v), min(hi, v)
    return lo <= hi


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _event_source(rec: Record, i: int, value) -> Source:
    ev = rec.events[i]
    return _in_context(rec, ev.trigger.start, ev.trigger.end, value, f"event-{i}")


def _happening_flags(records: list[Record], ids: Ids) -> list[dict]:
    flags = []
    for h in happenings(records, ids):
        if h.num_articles < 2:
            continue
        dated = [(r, i, r.events[i].date) for r, i in h.events
                 if r.events[i].date_source == "text" and re.match(r"^\d{4}-\d{2}-\d{2}$", r.events[i].date or "")]
        if len({d for _, _, d in dated}) > 1 and len({r.id for r, _, _ in dated}) > 1:
            flags.append({"kind": "date", "what": h.type, "articles": sorted({r.id for r, _, _ in dated}),
                          "items": [_event_source(r, i, d).as_dict() for r, i, d in dated]})
        placed = [(r, i, r.events[i].location) for r, i in h.events if r.events[i].location is not None]
        far = False
        for x in range(len(placed)):
            for y in range(x + 1, len(placed)):
                (ra, _, la), (rb, _, lb) = placed[x], placed[y]
                if ra.id == rb.id or _ident(la.canonical or la.text, ids) == _ident(lb.canonical or lb.text, ids):
                    continue
                if la.country and lb.country and la.country != lb.country:
                    far = True
                elif None not in (la.lat, la.lon, lb.lat, lb.lon) and \
                        _haversine((la.lat, la.lon), (lb.lat, lb.lon)) > PLACE_KM:
                    far = True
        if far:
            flags.append({"kind": "place", "what": h.type, "articles": sorted({r.id for r, _, _ in placed}),
                          "items": [_event_source(r, i, loc.canonical or loc.text).as_dict() for r, i, loc in placed]})
    return flags


def _speaker_flags(records: list[Record], ids: Ids) -> list[dict]:
    flags = []
    seen: set[tuple] = set()
    for x, ra in enumerate(records):
        for rb in records[x + 1:]:
            for qa in ra.quotes:
                for qb in rb.quotes:
                    if qa.speaker is None or qb.speaker is None or not near_same_words(qa.text, qb.text):
                        continue
                    sa, sb = qa.speaker.canonical or qa.speaker.text, qb.speaker.canonical or qb.speaker.text
                    if _same_person(sa, sb, ids) or (ra.id, qa.start, rb.id, qb.start) in seen:
                        continue
                    seen.add((ra.id, qa.start, rb.id, qb.start))
                    flags.append({"kind": "speaker", "what": "the same words, different speakers",
                                  "articles": [ra.id, rb.id],
                                  "items": [_quote_source(ra, qa).as_dict(), _quote_source(rb, qb).as_dict()]})
    return flags


def discrepancies(records: list[Record], ids: Ids) -> list[dict]:
    """Where the story's articles disagree.

    Each flag: ``kind`` (``number``, ``date``, ``place`` or ``speaker``),
    ``what`` it is about, ``articles`` (ids) and ``items`` (article id,
    outlet, start, end, text and the differing ``value``); numbers also say
    whether one true number could make every report right (``consistent``:
    "lebih dari 2.000" and "2.030").
    """
    return _number_flags(records) + _happening_flags(records, ids) + _speaker_flags(records, ids)
