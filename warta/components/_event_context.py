"""Place, date, size, negation and modality for :mod:`warta.components.events`.

The event's location (:func:`location`), date (:func:`date`), size
(:func:`size`), negation and modality (:func:`modality`), whether what is
"freed" is a territory (:func:`freed_territory`), a refusal, a demand on
oneself or a doer that is no political actor. Each function takes the event
lexicon (:class:`~warta.components.events.EventLexicon`) built once by
:mod:`warta.components.events`. The module also holds the lazy lookup of
:mod:`warta.components.geo` functions and the size-word table loader;
sentence bounds come from :mod:`warta.components._sentences`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span

from ..lang import load_lines
from ._lexicon import (
    AIM_PREPOSITIONS, BEFORE_PLACE, FIRST_PERSON, LOCATIVE_PREPOSITIONS, MILITARY_MODIFIERS, PLACE_PARTS, REFUSAL_WORDS,
)
from ._sentences import sentence_bounds
from .extensions import doc_text

if TYPE_CHECKING:
    from ._event_actors import Mention
    from .events import EventLexicon

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def geo_fn(name: str):
    """The function ``name`` of :mod:`warta.components.geo` (imported on first use), or None."""
    from . import geo

    return getattr(geo, name, None)


def size_words() -> dict[str, tuple[Optional[re.Pattern], frozenset[str]]]:
    """The ``event_size_words`` table: key -> (regex of words after a number, words before it)."""
    out = {}
    for line in load_lines("event_size_words"):
        key, after, before = (line.split("\t") + ["", ""])[:3]
        words = [re.escape(w.strip()) for w in after.split(",") if w.strip()]
        out[key.strip()] = (re.compile(r"\b(?:" + "|".join(words) + ")") if words else None,
                            frozenset(w.strip() for w in before.split(",") if w.strip()))
    return out


_MILITARY_MODIFIERS = MILITARY_MODIFIERS


_REFUSAL = REFUSAL_WORDS



# ------------------------------------------------------------------ territory
def freed_territory(lex: EventLexicon, doc: Doc, span: Span, voice: str, mentions: list[Mention], lo: int, hi: int) -> bool:
    """True when what is freed is a place ("membebaskan wilayah Irak", "Albu Kamal
    dibebaskan dari ISIS"), not people."""
    if voice != "passive" and span.end < hi and doc[span.end].lower_ in lex.freed_people:
        return False  # "membebaskan tahanan politik Papua": people are freed, whatever place follows
    window = range(max(lo, span.start - 4), span.start) if voice == "passive" else range(span.end, min(hi, span.end + 3))
    if any(doc[i].lower_ in lex.locative and doc[i].lower_ not in LOCATIVE_PREPOSITIONS
           for i in window):
        return True
    return any(m.start in window and m.kind in ("place", "country") for m in mentions)

_OPEN_WATERS = frozenset(load_lines("event_open_waters"))
#: how many words after a weapon may name its kind before "ke"/"terhadap" says where it was aimed
_AIM_REACH = 4


def fired_at_target(doc: Doc, span: Span, mentions: list[Mention], hi: int) -> bool:
    """True when weapons fired or launched are aimed at someone: "menembakkan 59 rudal ke pangkalan udara
    milik Suriah", "meluncurkan rudal balistik ke arah Israel"; not into open water or a sea zone ("ke laut
    lepas", "ke Laut Jepang", "ke Zona Ekonomi Eksklusif Jepang"), which is a test or a show of force. The
    aim is looked for in the few words after the weapon, up to a comma."""
    k = span.end
    while k < min(hi, span.end + _AIM_REACH) and doc[k].lower_ not in AIM_PREPOSITIONS and not doc[k].is_punct:
        k += 1  # past the weapon's kind: "rudal balistik", "rudal jelajah Tomahawk"
    if k >= hi or doc[k].lower_ not in AIM_PREPOSITIONS:
        return False
    k += 1
    if k < hi and doc[k].lower_ == "arah":
        k += 1
    if k < hi and doc[k].lower_ in _OPEN_WATERS:
        return False
    return any(k <= m.start < min(hi, k + 5) and m.kind in ("place", "country", "entity", "group") for m in mentions)


# ------------------------------------------------------------------ place, date, size, modality
def location(lex: EventLexicon, doc: Doc, span: Span, mentions: list[Mention], lo: int, hi: int,
             home: Optional[str] = None) -> Optional[dict]:
    """Where the event happened: "di/ke/dari + place" in its sentence (after the
    trigger first, else the nearest before it), else the dateline's city."""
    lookup_place = geo_fn("lookup_place")
    s_lo, s_hi = sentence_bounds(doc, span.start)
    places = [m for m in mentions if s_lo <= m.start < s_hi and m.kind in ("place", "country", "entity", "person")
              and (m.kind != "entity" or m.geo) and placed(lex, doc, m.start, s_lo)]
    after = [m for m in places if m.start >= span.end]
    before = [m for m in places if m.end <= span.start]
    for m in after[:1] or before[-1:]:
        if m.kind == "person":  # a name the NER missed: a place only if the gazetteer knows it
            found = lookup_place(m.text) if lookup_place else None
            return _place(lex, doc, m.text, m.start, m.end, None, None, None, lookup_place, found)
        return _place(lex, doc, m.text, m.start, m.end, m.country, m.geo, m.canonical, lookup_place)
    dl = doc._.dateline
    if dl and dl.get("place"):
        place = dl["place"]
        found = lookup_place(place) if lookup_place else None
        country = (found or {}).get("country") or lex.countries.get(place.title())
        if home and country and country != home:
            return None  # "Jakarta, CNN Indonesia -" on a story about Syria: the desk, not the place
        start = end = None
        if dl.get("start") is not None:
            # the place need not open the dateline ("JUARA.NET, PUNE -"): find it in the line
            at = (dl.get("text") or "").casefold().find(place.casefold())
            if at >= 0:
                start = dl["start"] + at
                end = start + len(place)
        return {"text": place, "canonical": (found or {}).get("canonical") or place.title(), "country": country,
                "lat": (found or {}).get("lat"), "lon": (found or {}).get("lon"), "start": start, "end": end}
    return None


def placed(lex: EventLexicon, doc: Doc, start: int, s_lo: int) -> bool:
    """True when a name follows di/ke/dari, possibly through "timur", "kota", "pinggiran"."""
    k = start - 1
    while k >= s_lo and k >= start - 4:
        word = doc[k].lower_
        if word in BEFORE_PLACE:
            return True
        if word not in lex.locative and word not in PLACE_PARTS:
            return False
        k -= 1
    return False


def _place(lex: EventLexicon, doc, text, start, end, country, geo, canonical, lookup_place, found=None) -> dict:
    found = found or (lookup_place(text) if lookup_place else None) or {}
    geo = geo or found
    return {"text": text, "canonical": canonical or found.get("canonical") or text,
            "country": country or found.get("country") or lex.countries.get(text),
            "lat": (geo or {}).get("lat"), "lon": (geo or {}).get("lon"),
            "start": doc[start].idx, "end": doc[end - 1].idx + len(doc[end - 1].text)}


def date(lex: EventLexicon, doc: Doc, span: Span, lo_char: int, hi_char: int) -> tuple[Optional[str], Optional[str]]:
    """The event's date (day granularity): a time expression of its sentence, the
    clause's first and those after the trigger preferred, skipping the date of a
    report ("..., kata X, Rabu (28/12)"); else the publication date."""
    text = doc_text(doc)
    s_lo, s_hi = sentence_bounds(doc, span.start)
    s_start = doc[s_lo].idx
    s_end = doc[s_hi - 1].idx + len(doc[s_hi - 1].text)
    best = None
    for t in doc._.times or []:
        if t.get("type") not in ("DATE", "TIME") or not (s_start <= t["start"] < s_end) \
                or not t["value"][:1].isdigit():
            continue  # PAST_REF, XXXX-...: no calendar date to give the event
        lead = text[max(s_start, t["start"] - 60):t["start"]].lower().replace(",", " ").split()[-6:]
        if any(w in lex.report_words for w in lead):
            continue
        rank = (not (lo_char <= t["start"] < hi_char), t["start"] < span.start_char,
                abs(t["start"] - span.start_char))
        if best is None or rank < best[0]:
            best = (rank, t["value"])
    if best:
        value = best[1]
        return (value.split("T", 1)[0] if _DAY.match(value) else value), "text"
    if doc._.published:
        return str(doc._.published)[:10], "published"
    return None, None


def size(lex: EventLexicon, doc: Doc, lo_char: int, hi_char: int) -> Optional[dict]:
    """The event's size (killed, injured, arrested, troops, ...) from the quantities of its clause."""
    out = {}
    text = doc_text(doc)
    for q in doc._.quantities or []:
        if not (lo_char <= q["start"] < hi_char) or q.get("value") is None or q.get("unit"):
            continue
        window = (text[q["end"]:q["end"] + 40] + " " + (q.get("counted") or "")).lower()
        prev = text[max(0, q["start"] - 20):q["start"]].lower().split()
        prev_word = prev[-1] if prev else ""
        for key, (after, before) in lex.size_words.items():
            if key in out:
                continue
            if prev_word in before or (after is not None and after.search(window)):
                value = q["value"]
                out[key] = int(value) if float(value).is_integer() else value
                break
    return out or None


def modality(lex: EventLexicon, doc: Doc, span: Span, lo: int) -> tuple[bool, str]:
    """(negated, modality) of the trigger ``span``: asserted, future, obligation, hypothetical or question."""
    before = [t.lower_ for t in doc[max(lo, span.start - 3):span.start]]
    negated = any(w in lex.negators and _negates_act(lex, before[i + 1:i + 3]) for i, w in enumerate(before))
    near = [t.lower_ for t in doc[max(lo, span.start - 4):span.start]]
    modality = "asserted"
    if any(w in lex.future for w in near):
        modality = "future"
    if any(w in lex.obligation for w in near):
        modality = "obligation"
    after = [t.lower_ for t in doc[span.end:span.end + 2]]
    if span.text.lower() in lex.promises and any(w in lex.future or w in lex.purpose for w in after):
        modality = "future"  # "berjanji akan menata PKL": a promise of an act to come
    sent_start, sent_end = sentence_bounds(doc, span.start)
    if any(t.lower_ in lex.conditional for t in doc[sent_start:span.start]):
        modality = "hypothetical"
    if _question(lex, doc, sent_start, sent_end):
        modality = "question"
    return negated, modality


def _negates_act(lex: EventLexicon, after_negator: list[str]) -> bool:
    """Whether a negator followed by ``after_negator`` denies the act after it: not "tidak berhenti melakukan"
    (the stopping is denied), "tak lama kemudian" (soon after) or "tidak hanya" (not only); "tak sedikit
    pun" (not at all) does."""
    if _negates_stopping(lex, after_negator):
        return False
    idiom = bool(after_negator) and after_negator[0] in lex.negator_idioms and after_negator[1:2] != ["pun"]
    return not idiom


def _negates_stopping(lex: EventLexicon, after_negator: list[str]) -> bool:
    """ "tidak (pernah) berhenti melakukan": the negator denies the stopping, so the act goes on."""
    return any(w in lex.cessation for w in after_negator)


def _question(lex: EventLexicon, doc: Doc, sent_start: int, sent_end: int) -> bool:
    """A question: the sentence ends with "?" or opens with a question word ("Apakah polisi menahan ...")."""
    toks = [t for t in doc[sent_start:sent_end] if not t.is_space]
    if not toks:
        return False
    last = [t for t in toks if not (t.is_punct and t.text in "\"”’'")]
    return (bool(last) and last[-1].text == "?") or toks[0].lower_ in lex.question_words


def refusal(lex: EventLexicon, doc: Doc, span: Span, lo: int) -> bool:
    """ "enggan bertemu", "tidak mau menandatangani", "menolak untuk hadir": refusing the act (REJECT)."""
    before = [t.lower_ for t in doc[max(lo, span.start - 3):span.start]]
    return any(w in _REFUSAL for w in before)


def first_person_subject(lex: EventLexicon, doc: Doc, span: Span, lo: int) -> bool:
    """ "kami harus bekerja keras": an obligation on oneself, no demand on others."""
    return any(t.lower_ in FIRST_PERSON for t in doc[max(lo, span.start - 5):span.start])


def nonpolitical_subject(lex: EventLexicon, doc: Doc, span: Span, voice: str, lo: int) -> bool:
    """The act's doer is nature, a vehicle, a disease or a market ("banjir merusak", "pesawat menabrak")."""
    if voice != "active":
        return False
    window = doc[max(lo, span.start - 4):span.start]
    for t in window:
        if t.lower_ not in lex.nonpolitical:
            continue
        nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
        if nxt in _MILITARY_MODIFIERS:
            continue  # "kapal perang", "pesawat tempur": armed forces
        if any(e.start > t.i and e.end <= span.start and (e.label_ == "PER" or (e.label_ == "LOC" and geo_fn("country_code")(e.text)))
               for e in doc.ents):
            continue  # "pesawat Israel menyerang": a state's
        return True
    return False
