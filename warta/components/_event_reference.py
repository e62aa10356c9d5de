"""Pronouns and pro-forms for :mod:`warta.components.events`: who "mereka" is.

:func:`resolve_pronoun` resolves a pronoun mention
(:class:`~warta.components._event_actors.Mention` of kind "pronoun") to the
mention it stands for: the speaker of the quote ("kami", "saya"), the
reporter of a reported clause ("X menyebut ia akan ..."), the last group
counted with the same number ("keempatnya"), else the previous event's
participant. It takes the event lexicon
(:class:`~warta.components.events.EventLexicon`) built once by
:mod:`warta.components.events`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc

from ._lexicon import COUNTED_PRO_FORMS, PRE_VERBAL_ADVERBS, FIRST_PERSON, THIRD_PERSON, THIRD_PERSON_SINGULAR

from ._sentences import sentence_bounds

if TYPE_CHECKING:
    from ._event_actors import Mention
    from .events import EventLexicon, Recent

# adverbs that may stand between a subject and its verb
ADVERBS = PRE_VERBAL_ADVERBS
# "ketiganya", "keempatnya": "the three/four of them" (keduanya has its own rule)
COUNTED = COUNTED_PRO_FORMS


def resolve_pronoun(lex: EventLexicon, doc: Doc, m: Optional[Mention], mentions: list[Mention],
                    last: Optional[Recent], sent_no: int) -> Optional[Mention]:
    """The referent of a pronoun mention (other mentions are returned as they are).

    "kami"/"saya" in a quote are its speaker; "pihaknya" the nearest actor
    before it in the sentence (else the speaker); "ia"/"mereka"/"keduanya"
    the previous event's actor when it is at most two sentences back, else
    the first actor of the previous sentence. An unresolved pronoun stays,
    and takes the default country like an unnamed actor.
    """
    if m is None or m.kind != "pronoun":
        return m
    word = m.text.lower()
    ante = _counted(doc, m, mentions) if word in COUNTED else None
    if word in FIRST_PERSON or word == "pihaknya":
        ante = _speaker(doc, m, mentions)
    if ante is None and word == "pihaknya":
        s_lo = sentence_bounds(doc, m.start)[0]
        before = [x for x in mentions if s_lo <= x.start and x.end <= m.start and x.kind not in ("place", "pronoun")]
        ante = before[-1] if before else None
    if ante is None and word in THIRD_PERSON:
        ante = _reporter(lex, doc, m, mentions)
    if ante is None and word in THIRD_PERSON_SINGULAR and (last is None or last.mention.kind != "person"):
        ante = _last_person(lex, doc, m, mentions)
    if ante is None and word not in FIRST_PERSON:
        if last is not None and sent_no - last.sentence <= 2 and last.mention.start < m.start:
            ante = last.mention
        else:
            s_lo = sentence_bounds(doc, m.start)[0]
            p_lo = sentence_bounds(doc, s_lo - 1)[0] if s_lo > 0 else s_lo
            prev = [x for x in mentions if p_lo <= x.start < s_lo and x.kind not in ("place", "pronoun")]
            ante = prev[0] if prev else None
    if ante is None:
        return m
    return replace(ante, start=m.start, end=m.end, text=m.text, canonical=ante.canonical or ante.text)


def _reporter(lex: EventLexicon, doc: Doc, m: Mention, mentions: list[Mention]) -> Optional[Mention]:
    """"Dalai Lama menyebut ia akan ...", "X mengatakan bahwa mereka ...": a third-person
    pronoun opening the reported clause is the reporter, the subject of the report verb."""
    s_lo = sentence_bounds(doc, m.start)[0]
    times = {t.i for t in doc[s_lo:m.start] if any(x["start"] <= t.idx < x["end"] for x in doc._.times or [])}
    k = m.start - 1
    # "mengatakan pada Selasa bahwa mereka ...": skip the date of the statement too
    while k > s_lo and (doc[k].lower_ in ("bahwa", ",", "pada") or doc[k].lower_ in ADVERBS or k in times):
        k -= 1
    if k <= s_lo or doc[k].lower_ not in lex.report_words or doc[k].lower_.endswith("nya"):
        return None
    if doc[k - 1].text == ",":
        # "China, yang merupakan pesaing AS, mengatakan": the subject is before the relative clause
        opening = next((i for i in range(k - 2, s_lo, -1) if doc[i].text == "," and doc[i + 1].lower_ == "yang"),
                       None)
        k = opening if opening is not None else k
    before = [x for x in mentions if s_lo <= x.start and x.end <= k and x.kind not in ("place", "pronoun")]
    return before[-1] if before else None


def _last_person(lex: EventLexicon, doc: Doc, m: Mention, mentions: list[Mention]) -> Optional[Mention]:
    """"ia", "dia", "beliau" stand for one person: the last named person at most two
    sentences back, when the previous event's actor was a state or a group."""
    s_lo = sentence_bounds(doc, m.start)[0]
    for _ in range(2):
        s_lo = sentence_bounds(doc, s_lo - 1)[0] if s_lo > 0 else s_lo
    people = [x for x in mentions if s_lo <= x.start and x.end <= m.start and x.kind == "person"]
    return people[-1] if people else None


def _counted(doc: Doc, m: Mention, mentions: list[Mention]) -> Optional[Mention]:
    """"keempatnya" is the last group counted with the same number ("empat nelayan",
    "keempat nelayan itu", "4 nelayan")."""
    number, digit = COUNTED[m.text.lower()]
    for x in reversed(mentions):
        if x.end > m.start or x.kind in ("place", "pronoun") or x.start == 0:
            continue
        prev = doc[x.start - 1].lower_
        if prev in (number, "ke" + number, digit):
            return x
    return None


def statement_speaker(doc: Doc, sent, mentions: list[Mention]) -> Optional[Mention]:
    """The mention naming the speaker of a quote whose cue is in the sentence ``sent`` ("kata Tito ...")."""
    lo, hi = sent.start_char, sent.end_char
    for q in doc._.quotes or []:
        cue, sp = q.get("cue") or {}, q.get("speaker")
        if cue.get("start") is None or not (lo <= cue["start"] < hi) or not sp or sp.get("start") is None:
            continue
        found = _mention_of_speaker(doc, sp, mentions)
        if found is not None:
            return found
    return None


def _speaker(doc: Doc, m: Mention, mentions: list[Mention]) -> Optional[Mention]:
    """The mention naming the speaker of the quote that holds ``m``."""
    char = doc[m.start].idx
    for q in doc._.quotes or []:
        sp = q.get("speaker")
        if not sp or sp.get("start") is None or not (q["start"] <= char < q["end"]):
            continue
        found = _mention_of_speaker(doc, sp, mentions)
        if found is not None:
            return found
    return None


def _mention_of_speaker(doc: Doc, sp: dict, mentions: list[Mention]) -> Optional[Mention]:
    """The first mention (no place, no pronoun) that overlaps a quote speaker's character span."""
    for x in mentions:
        if x.kind in ("place", "pronoun"):
            continue
        x_start, x_end = doc[x.start].idx, doc[x.end - 1].idx + len(doc[x.end - 1])
        if x_start < sp["end"] and sp["start"] < x_end:
            return x
    return None
