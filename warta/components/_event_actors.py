"""Actors and recipients for :mod:`warta.components.events`: who did what to whom.

:class:`Mention` is a candidate participant (token offsets). The functions
here find mentions (:func:`find_mentions`: entities, IGOs, country names,
sector nouns, names the NER missed, pronouns; adjacent ones merged,
countries shared between mentions of one actor), give a trigger its actor
and recipient by voice (:func:`roles`) and turn a mention into a
``Record.events`` actor dict (:func:`actor_dict`); pronouns are resolved by
:mod:`warta.components._event_reference`. Each takes the event lexicon
(:class:`~warta.components.events.EventLexicon`) built once by
:mod:`warta.components.events`; :func:`find_mentions` its matchers too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span

from ..morphology import looks_prefixed_verb
from ._event_context import geo_fn, placed
from ._lexicon import (
    AGENT_LEADS, AND_WORDS, DEMONSTRATIVES, DOLLAR_WORDS, LEGAL_STATUS, LOCATIVE_PREPOSITIONS, PASSIVE_LIGHT_VERBS,
    RECIPROCAL_HEADS, SO_THAT, SOURCE_WORDS, SUBORDINATORS,
)
from ._event_reference import ADVERBS as _ADVERBS, COUNTED
from ._sentences import sentence_bounds

if TYPE_CHECKING:
    from .events import EventLexicon, EventMatchers

_NEAR = 3  # how many tokens after a trigger a recipient may start
# a threat's target follows a locative preposition only as "ke" ("mengancam ... ke Korea Selatan")
_NOT_TO = LOCATIVE_PREPOSITIONS - {"ke"}
_VERBAL = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT", "SUPPORT", "SANCTION"})
_SUSPECTS = LEGAL_STATUS
# "ditangkap tim Polda Sumut", "diamankan pihak kepolisian": words between a passive verb and its agent
_AGENT_LEADS = AGENT_LEADS
_HEAD_ALIASES = {"kepolisian": "polisi", "militer": "tentara", "pemerintahan": "pemerintah"}
_SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE", "ASSAULT"})
_DONE_BY = PASSIVE_LIGHT_VERBS
_CURRENCY = DOLLAR_WORDS
_ORIGIN = frozenset({"asal", "dari"})
_SOURCE_WORDS = SOURCE_WORDS


def _passive_word(tok) -> bool:
    """True for a di- passive verb form ("didukung", "dipimpin"), not "dia", "diri", "di"."""
    return tok.is_alpha and tok.is_lower and looks_prefixed_verb(tok.lower_, ("di",))


def _verb_like(doc: Doc, i: int) -> bool:
    """True when token ``i`` looks like a prefixed verb (me-, ber-, di-, ter-), not a noun."""
    if i >= len(doc):
        return False
    tok = doc[i]
    return tok.is_lower and tok.is_alpha and looks_prefixed_verb(tok.lower_)


@dataclass
class Mention:
    """A candidate actor/recipient/location in the doc (token offsets)."""

    start: int
    end: int
    text: str
    canonical: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    kind: str = "sector"  # sector | country | igo | group | entity | person | place | merged
    geo: Optional[dict] = None
    explicit: bool = False  # country written in the text (not an institution's home country)

    def as_actor(self, doc: Doc) -> dict:
        """The mention as a ``Record.events`` actor dict (character offsets)."""
        return {"text": self.text, "canonical": self.canonical or self.text, "country": self.country,
                "sector": self.sector, "start": doc[self.start].idx,
                "end": doc[self.end - 1].idx + len(doc[self.end - 1].text)}


def find_mentions(lex: EventLexicon, matchers: EventMatchers, doc: Doc) -> list[Mention]:
    """Actor/recipient candidates: entities, IGOs, countries, sector nouns; adjacent ones merged."""
    raw = [m for m in (_entity_mention(lex, doc, ent) for ent in doc.ents) if m is not None]
    taken = {t for m in raw for t in range(m.start, m.end)}
    raw += _listed_name_mentions(lex, matchers, doc, taken)
    raw += _sector_mentions(lex, matchers, doc, taken)
    # names the NER missed ("JR", "Ipung") still make actors
    raw.extend(_names(lex, doc, taken | {t for m in raw for t in range(m.start, m.end)}))
    # pronouns ("mereka", "kami", "keduanya") are mentions too; extract() resolves them
    raw += _pronoun_mentions(lex, matchers, doc)
    merged = _merge(lex, doc, _without_overlaps(raw))
    _origin(lex, doc, merged)
    _share_countries(lex, doc, merged)
    return merged


def _entity_mention(lex: EventLexicon, doc: Doc, ent: Span) -> Optional[Mention]:
    """The mention of a named entity, with its country, sector and kind; None for a weekday or a currency."""
    if ent.text.lower() in lex.calendar or (ent.start > 0 and doc[ent.start - 1].lower_ in _CURRENCY):
        return None  # "pada Kamis" tagged as a name, "dolar AS": not actors
    sector, country = _entity_sector(lex, ent)
    kind = "person" if ent.label_ == "PER" else "entity"
    words = ent.text.split(" ")
    national = next((lex.national[w] for w in (ent.text, words[-1], words[0]) if w in lex.national), None)
    if ent.text in lex.stateless or words[-1] in lex.stateless or words[0] in lex.stateless:  # "ISIS Asia Tengah"
        country, kind, sector = None, "group", "REB"
    elif national:
        country, kind, sector = national, "group", sector or "REB"
    elif ent.text in lex.igos:
        country, kind, sector = lex.igos[ent.text][0], "igo", "IGO"
    elif ent.label_ in ("LOC", "GPE"):
        code = _country_of(lex, ent.text)
        if code:
            country, kind = code, "country"
        elif sector is None:
            kind = "place"  # "Kepolisian Resor ..." tagged LOC stays an institution
            if ent._.geo is None and ent.label_ == "LOC" and not placed(lex, doc, ent.start, 0):
                kind = "person"  # "menyekap Dodi": a name tagged LOC, unknown to the gazetteer
    return Mention(ent.start, ent.end, ent.text, ent._.canonical, country, sector, kind, ent._.geo)


def _entity_sector(lex: EventLexicon, ent: Span) -> tuple[Optional[str], Optional[str]]:
    """(sector, country) of an entity: from its role, else from its head noun; the country is the
    entity's own, else the sector's home country."""
    country = ent._.country
    role = (ent._.role or "").lower()
    if role:
        for key in (role, role.split()[0]):
            if key in lex.sectors:
                sector, home = lex.sectors[key]
                return sector, country or home
    if ent.label_ != "PER":
        # "Pasukan Rusia", "Kementerian Kesehatan Kazakhstan": the head noun gives the sector
        words = ent.text.lower().split()
        for n in (3, 2, 1):
            if " ".join(words[:n]) in lex.sectors:
                sector, home = lex.sectors[" ".join(words[:n])]
                return sector, country or home
    return None, country


def _listed_name_mentions(lex: EventLexicon, matchers: EventMatchers, doc: Doc, taken: set[int]) -> list[Mention]:
    """IGOs, countries and national or stateless groups the lexicon lists, outside the entities ``taken``."""
    out = []
    for key, start, end in matchers.name_matcher(doc):
        if taken.intersection(range(start, end)):
            continue
        text = doc[start:end].text
        if start > 0 and doc[start - 1].lower_ in _CURRENCY:
            continue
        label = doc.vocab.strings[key]
        if label == "IGO":
            out.append(Mention(start, end, text, None, lex.igos[text][0], "IGO", "igo"))
        elif label == "GROUP":
            out.append(Mention(start, end, text, None, None, "REB", "group"))
        elif label == "NATIONAL":
            out.append(Mention(start, end, text, None, lex.national[text], "REB", "group", explicit=True))
        else:
            out.append(Mention(start, end, text, None, _country_of(lex, text) or lex.countries[text],
                               None, "country"))
    return out


def _sector_mentions(lex: EventLexicon, matchers: EventMatchers, doc: Doc, taken: set[int]) -> list[Mention]:
    """Sector nouns ("polisi", "pasukan"), their plurals and -nya forms, and countryless actors, outside ``taken``."""
    out = []
    for key, start, end in matchers.sector_matcher(doc):
        if taken.intersection(range(start, end)):
            continue
        if doc.vocab.strings[key] == "COUNTRYLESS":
            out.append(Mention(start, end, doc[start:end].text, None, None, None, "group"))
            continue
        word = doc[start:end].text.lower()
        noun = word if word in lex.sectors else lex.sector_forms.get(word, word[:-3])
        sector, home = lex.sectors[noun]
        out.append(Mention(start, end, doc[start:end].text, None, home, sector, "sector"))
    return out


def _pronoun_mentions(lex: EventLexicon, matchers: EventMatchers, doc: Doc) -> list[Mention]:
    """Subject pronouns and pro-forms, which :func:`~._event_reference.resolve_pronoun` resolves later."""
    out = []
    for _key, start, end in matchers.pronoun_matcher(doc):
        if doc[start].lower_ in COUNTED and start > 0 and doc[start - 1].is_lower and doc[start - 1].is_alpha \
                and doc[start - 1].lower_ not in lex.common and not _verb_like(doc, start - 1):
            continue  # "uji coba nuklir keenamnya": an ordinal after a noun, not "the six of them"
        out.append(Mention(start, end, doc[start:end].text, kind="pronoun"))
    return out


def _without_overlaps(raw: list[Mention]) -> list[Mention]:
    """The mentions in text order, the longest first at each start, without those overlapping an earlier one."""
    raw.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in raw:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _origin(lex: EventLexicon, doc: Doc, mentions: list[Mention]) -> None:
    """"nelayan asal Langkat", "pengungsi dari Myanmar": a people noun takes the
    country of the place it comes from, written right after it."""
    for m, nxt in zip(mentions, mentions[1:]):
        if m.kind not in ("sector", "merged") or m.explicit or nxt.country is None or nxt.sector == "IGO" \
                or nxt.kind not in ("place", "country", "person", "entity"):
            continue
        word = doc[nxt.start - 1].lower_
        gap = doc[m.end:nxt.start - 1]
        # "nelayan tradisional asal Langkat": "asal" may follow an adjective or two
        if word == "asal" and len(gap) <= 2 and all(t.is_lower and t.is_alpha for t in gap) \
                or word in _ORIGIN and not len(gap):
            m.country, m.explicit = nxt.country, True


def _country_of(lex: EventLexicon, name: str) -> Optional[str]:
    """ISO code when ``name`` can stand for a country: a name, a metonym ("Gedung
    Putih") or a capital ("Moskow"); after di/ke/dari it is read as a place instead."""
    if name in lex.countries:
        return lex.countries[name]
    country_code = geo_fn("country_code")
    return country_code(name) if country_code else None


def _names(lex: EventLexicon, doc: Doc, taken: set[int]) -> list[Mention]:
    """Capitalised word runs outside the entities, as name mentions (what the NER missed)."""
    times = [(t["start"], t["end"]) for t in (doc._.times or []) + (doc._.quantities or [])]
    inner = {t.text for t in doc if t.is_title and not t.is_sent_start and not doc[t.i - 1].is_punct}
    out, i = [], 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or not (tok.is_title or (tok.is_upper and len(tok) > 1)) or not tok.is_alpha:
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and doc[j].is_alpha and (doc[j].is_title or doc[j].is_upper):
            j += 1
        words = [t.lower_ for t in doc[i:j]]
        if j - i == 1 and (words[0] in lex.common or words[0] in lex.sectors or words[0] in lex.trigger_forms
                           or words[0].endswith("nya")
                           or ((tok.is_sent_start or doc[i - 1].is_punct) and tok.text not in inner)):
            i = j
            continue
        if any(s <= tok.idx < e for s, e in times):
            i = j
            continue
        text = doc[i:j].text
        lookup_place = geo_fn("lookup_place")
        kind = "place" if lookup_place and lookup_place(text) else "person"
        out.append(Mention(i, j, text, None, None, None, kind))
        i = j
    return out


def _share_countries(lex: EventLexicon, doc: Doc, mentions: list[Mention]) -> None:
    """A later "Raja Salman" takes the country of an earlier "Raja Arab Saudi Salman"."""
    known: dict[str, str] = {}
    heads: dict[str, str] = {}
    for m in mentions:
        head = doc[m.start].lower_
        head = _HEAD_ALIASES.get(head, head)
        if m.kind in ("sector", "person") and m.country is None and head in heads:
            # a bare "kepolisian" or "Raja" after "Kepolisian Nasional Filipina" or
            # "Raja Arab Saudi Salman" is the same actor again
            m.country = heads[head]
            continue
        if m.kind in ("sector", "person", "entity") and m.country is None and _title(lex, doc, m):
            m.country = "IDN"  # "Presiden Jokowi", "Menteri ...": Indonesian office holders
            continue
        if m.country and head in lex.sectors and (m.explicit or _names_country(lex, doc, m)):
            heads[head] = m.country
        names = [t.text for t in doc[m.start:m.end] if t.is_title and t.lower_ not in lex.sectors
                 and t.text not in lex.countries and t.lower_ not in lex.common]
        if m.country and m.explicit or (m.country and m.kind in ("person", "entity")):
            for n in names:
                known.setdefault(n, m.country)
        elif not m.country or not m.explicit:
            for n in names:
                if n in known:
                    m.country, m.explicit = known[n], True
                    break


def _title(lex: EventLexicon, doc: Doc, m: Mention) -> bool:
    """True when ``m`` opens with a title in ``event_domestic_titles.txt``."""
    words = [t.lower_ for t in doc[m.start:min(m.end, m.start + 2)]]
    return words[0] in lex.domestic_titles or " ".join(words) in lex.domestic_titles


def _names_country(lex: EventLexicon, doc: Doc, m: Mention) -> bool:
    """True when a country name is written inside ``m`` ("Kepolisian Nasional Filipina")."""
    words = [t.text for t in doc[m.start:m.end]]
    return any(w in lex.countries for w in words) or \
        any(f"{a} {b}" in lex.countries for a, b in zip(words, words[1:]))


def _merge(lex: EventLexicon, doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"pasukan keamanan Kazakhstan", "Presiden Rusia Vladimir Putin" -> one mention."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and (prev.kind == "entity" or (prev.kind == "person" and m.kind == "igo")) \
                and m.start == prev.end and m.kind in ("igo", "country"):
            # "Kepala Manajemen PBB": the NER stopped before the organisation or country
            prev.end, prev.text = m.end, doc[prev.start:m.end].text
            prev.country, prev.explicit = m.country, True
            prev.sector = prev.sector or m.sector
            if m.kind == "igo":
                prev.kind = "igo"  # "DK PBB", "Kepala Manajemen PBB": the organisation or its office
            continue
        if prev is not None and prev.kind in ("sector", "merged") and m.start - prev.end <= 2 \
                and m.kind not in ("place", "pronoun"):
            gap = doc[prev.end:m.start]
            if all(t.is_title or t.lower_ in lex.modifiers for t in gap):
                prev.end = m.end
                prev.text = doc[prev.start:m.end].text
                if m.country and (not prev.explicit or not prev.country):
                    prev.country = m.country
                    prev.explicit = m.kind in ("country", "entity", "person", "igo")
                prev.sector = prev.sector or m.sector
                if m.kind == "entity":
                    prev.canonical = m.canonical
                prev.kind = "merged"
                if m.kind == "group":
                    # "militan ISIS": a transnational group keeps no country; "pemberontak
                    # Houthi" takes the group's
                    prev.country, prev.explicit, prev.kind = m.country, True, "group"
                continue
        out.append(m)
    return out

# ------------------------------------------------------------------ roles
def roles(lex: EventLexicon, doc: Doc, span: Span, voice: str, type_: str, mentions: list[Mention],
          lo: int, hi: int) -> tuple[list[Mention], list[Mention]]:
    """(actors, recipients) of the trigger ``span`` from the mentions in [lo, hi)."""
    actors, recipients = _roles(lex, doc, span, voice, type_, mentions, lo, hi)
    if voice == "noun" and not recipients and type_ == "ASSAULT":
        victim = _victim(lex, doc, span, mentions)
        if victim is not None:
            recipients = [victim]
    if actors and not recipients and actors[0] is not None and actors[0].end < span.start \
            and doc[actors[0].end].lower_ in AND_WORDS \
            and ((type_ in _SYMMETRIC and _reciprocal(doc, span, type_, actors[0]))
                 or any(t.lower_ == "saling" for t in doc[actors[0].end:span.start])):
        # "Israel dan Hamas terlibat pertikaian", "Oposisi dan pemerintah saling melempar
        # tuduhan": the second of coordinated subjects is the other side
        other = next((m for m in mentions if m.start == actors[0].end + 1 and m.end <= span.start
                      and m.kind != "place"), None)
        if other is not None:
            recipients = [other]
    return actors, recipients


@dataclass(frozen=True)
class _Clause:
    """A trigger in its clause: what every role rule looks at."""

    doc: Doc
    span: Span
    voice: str  # active, passive or noun
    type_: str
    mentions: list[Mention]
    lo: int  # the clause's token bounds
    hi: int
    right: list[Mention]  # the mentions after the trigger in the clause, places left out

    def near_right(self, prep: str, reach: int = _NEAR + 1) -> Optional[Mention]:
        """The first mention after the trigger, at most ``reach`` tokens on, that follows ``prep``."""
        return next((m for m in self.right if _prep(self.doc, m) == prep and m.start - self.span.end <= reach), None)


def _roles(lex: EventLexicon, doc: Doc, span: Span, voice: str, type_: str, mentions: list[Mention],
           lo: int, hi: int) -> tuple[list[Mention], list[Mention]]:
    """(actors, recipients) of ``span`` by voice, before the victims and reciprocal rules of :func:`roles`."""
    right = [m for m in mentions if span.end <= m.start and m.end <= hi and m.kind != "place"]
    c = _Clause(doc, span, voice, type_, mentions, lo, hi, right)
    subject = _subject(lex, c)
    between = _between(doc, span, right)
    if between:
        return [between[0]], [between[1]]
    after_oleh = _oleh_agent(c)
    adjacent = right[0] if right and (right[0].start == span.end or (
        right[0].start == span.end + 1 and doc[span.end].lower_ in _AGENT_LEADS)) else None
    partner = _partner(lex, c)
    goal_ok = type_ not in ("MOBILIZE", "RETREAT", "PROTEST")
    near = next((m for m in right if m.start - span.end <= _NEAR
                 and (_prep(doc, m) not in lex.locative or (goal_ok and _prep(doc, m) == "ke"))), None)
    if voice == "active" and span[0].lower_ in lex.undergo and len(span) > 1:
        # "Mereka mendapat bantuan dari tentara AS", "mendapat sanksi PBB": the subject
        # receives; the giver follows "dari"/"oleh" or the noun directly
        source = after_oleh or c.near_right("dari") or adjacent
        return ([source] if source else []), ([subject] if subject else [])
    if voice == "passive":
        return _passive_roles(c, subject, after_oleh, adjacent)
    if voice == "noun":
        return _noun_roles(lex, c, subject, after_oleh, adjacent, partner or near, partner)
    return ([subject] if subject else []), _active_recipients(lex, c, partner, near)


def _subject(lex: EventLexicon, c: _Clause) -> Optional[Mention]:
    """The subject of the trigger: the last mention before it in the clause, the noun a relative clause
    hangs on, or the main clause's subject for a subjectless adverbial clause."""
    doc, span, lo = c.doc, c.span, c.lo
    left = [m for m in c.mentions if lo <= m.start and m.end <= span.start and m.kind != "place"
            and _prep(doc, m) not in lex.locative
            and not (m.end < len(doc) and doc[m.end].lower_ in lex.victim_words)
            and not _source(lex, doc, m)]
    subject = left[-1] if left else None
    if subject is not None and any(doc[i].lower_ in lex.pronouns for i in range(subject.end, span.start)):
        subject = None  # "X mengatakan, mereka menyerang": the pronoun, not X, is the subject
    if lo > 0 and doc[lo - 1].lower_ == "yang":
        subject = _relative_clause_head(lex, c) or subject
    if subject is None:
        subject = _main_clause_subject(lex, c)
    subject = _relative_head(doc, subject, c.mentions)
    return _first_conjunct(doc, subject, c.mentions)


def _relative_clause_head(lex: EventLexicon, c: _Clause) -> Optional[Mention]:
    """"pasukan yang menggempur ISIS", "Serdadu Suriah yang didukung tentara Rusia, melancarkan ...":
    the noun the relative clause (opening the clause with "yang") hangs on is the subject."""
    doc, span, lo = c.doc, c.span, c.lo
    v = span.start
    if c.voice == "noun":
        # "yang masih melakukan aksi mogok makan": back over determiners to the light verb
        k = span.start - 1
        while k > lo and doc[k].lower_ in lex.determiners:
            k -= 1
        if k >= lo and doc[k].lower_ in lex.light_verbs:
            v = k
    direct = lo == v or all(t.lower_ in _ADVERBS for t in doc[lo:v])  # "yang juga berhasil diamankan"
    # "pelaku, yang merupakan paman ..., terus melawan dan berupaya menyerang": the
    # clause closes at a comma and no new subject follows it
    comma = next((i for i in range(v - 1, lo - 1, -1) if doc[i].text == ","), None)
    resumed = (v > lo and doc[v - 1].text == ",") or (
        comma is not None and lo >= 2 and doc[lo - 2].text == ","
        and not any(comma < m.start < v for m in c.mentions if m.kind != "place"))
    if direct or resumed:
        head = [m for m in c.mentions if m.end <= lo - 1 and m.end >= lo - 3 and m.kind != "place"]
        if head:
            return head[-1]
    return None


def _main_clause_subject(lex: EventLexicon, c: _Clause) -> Optional[Mention]:
    """"polisi melakukan pengintaian ... sebelum menangkap para terduga", "Setelah menangkap X, polisi
    ...": a subjectless adverbial clause shares the main clause's subject."""
    doc, span, lo, mentions = c.doc, c.span, c.lo, c.mentions
    # "Selain menyerang dengan senjata tajam, pelaku ...": the subordinator may open the sentence
    sub = lo if lo < span.start and doc[lo].lower_ in SUBORDINATORS else lo - 1
    if sub < 0 or doc[sub].lower_ not in SUBORDINATORS \
            or not all(t.lower_ in _ADVERBS or t.lower_ in lex.light_verbs for t in doc[sub + 1:span.start]):
        return None
    s_lo, s_hi = sentence_bounds(doc, span.start)
    main = [m for m in mentions if s_lo <= m.start and m.end <= sub and m.kind != "place"
            and _prep(doc, m) not in lex.locative]
    if main:
        return main[-1]
    # "Setelah menangkap X, polisi ...": the main clause follows the comma
    comma = next((i for i in range(span.end, s_hi) if doc[i].text == ","), None)
    if comma is None:
        return None
    return next((m for m in mentions if m.start > comma and m.start <= comma + 3 and m.kind != "place"), None)


def _oleh_agent(c: _Clause) -> Optional[Mention]:
    """The agent after "oleh" ("oleh polisi", "oleh tim Densus 88"), unless it is another passive verb's."""
    doc = c.doc
    agent = next((m for m in c.right if _prep(doc, m) == "oleh" or (
        _prep(doc, m) in _AGENT_LEADS and m.start > 1 and doc[m.start - 2].lower_ == "oleh")), None)
    if agent is not None and c.voice == "noun" and any(
            _passive_word(t) and t.lower_ not in _DONE_BY for t in doc[c.span.end:agent.start]):
        return None  # "uji coba nuklir meski dikecam oleh X": the agent of another passive verb
    return agent


def _partner(lex: EventLexicon, c: _Clause) -> Optional[Mention]:
    """The first mention after a partner preposition ("dengan X", "terhadap X"; "bagi X" for aid and
    sanctions) that belongs to the trigger's own predicate."""
    doc, span = c.doc, c.span
    # "melepaskan 1000 tahanan, untuk ditukar dengan X": a partner after a comma or
    # inside a purpose clause belongs to another predicate
    # "mengunjungi AS dan bertemu dengan X": X is the partner of the second verb
    # "sanksi bagi Korea Utara", "bantuan bagi pengungsi": "bagi" marks who gets what is given
    return next((m for m in c.right if (partnered(lex, doc, m) or (
        c.type_ in ("AID", "SANCTION") and _prep(doc, m) == "bagi")) and not any(
        t.text == "," or t.lower_ in lex.purpose or (t.lower_ in AND_WORDS and _verb_like(doc, t.i + 1))
        for t in doc[span.end:m.start])), None)


def _passive_roles(c: _Clause, subject: Optional[Mention], after_oleh: Optional[Mention],
                   adjacent: Optional[Mention]) -> tuple[list[Mention], list[Mention]]:
    """A passive verb: the agent after it acts; the subject undergoes."""
    doc, span = c.doc, c.span
    if subject is None and span.start > 0 and doc[span.start - 1].lower_ in DEMONSTRATIVES:
        # "Pria yang tinggal di ... itu ditangkap": the head noun before "yang"
        s_lo = sentence_bounds(doc, span.start)[0]
        heads = [m for m in c.mentions if s_lo <= m.start and m.end <= span.start and m.kind != "place"]
        subject = heads[0] if heads else None
    if adjacent is not None and doc[adjacent.start].lower_ in _SUSPECTS:
        adjacent = None  # "tiga orang ditangkap terduga teroris": suspects are not agents
    actor = after_oleh or adjacent
    return ([actor] if actor else []), ([subject] if subject else [])


def _noun_roles(lex: EventLexicon, c: _Clause, subject: Optional[Mention], after_oleh: Optional[Mention],
                adjacent: Optional[Mention], other: Optional[Mention],
                partner: Optional[Mention]) -> tuple[list[Mention], list[Mention]]:
    """An event noun: the verb before it ("melancarkan serangan", "menjalani pemeriksaan") and the
    mentions after it decide; ``other`` is the partner, else the nearest mention after it."""
    doc, span, lo, right = c.doc, c.span, c.lo, c.right
    k = span.start - 1
    while k > lo and (doc[k].lower_ in lex.determiners or doc[k].like_num):
        k -= 1  # "menggelar lagi demonstrasi", "melancarkan serangkaian serangan"
    verb = doc[k].lower_ if k >= lo and k < span.start else ""
    light = verb in lex.light_verbs
    if verb in lex.undergo and c.type_ not in ("MOBILIZE", "PROTEST"):
        # "Roro menjalani pemeriksaan", "bank itu terkena sanksi": the subject
        # undergoes the event; its actor follows "oleh" or "dari"
        source = after_oleh or c.near_right("dari")
        if source is None and adjacent is not None and adjacent.kind in ("country", "igo", "entity"):
            source = adjacent  # "mendapat sanksi PBB": a state or body right after the noun gave it
        return ([source] if source else []), ([subject] if subject else [])
    if adjacent is None and right:
        # "Demonstrasi ratusan ribu orang": numbers between the noun and its actor
        gap = doc[span.end:right[0].start]
        if len(gap) and all(t.like_num or t.lower_ in lex.determiners or t.lower_ in ("ribu", "juta")
                            for t in gap):
            adjacent = right[0]
    done = next((i for i in range(span.end, min(span.end + 8, c.hi)) if doc[i].lower_ in _DONE_BY), None)
    if after_oleh is None and done is not None and (lo == span.start or doc[span.start - 1].is_punct):
        # "Penangkapan terhadap X itu dilakukan polisi": the agent follows the passive verb
        after_oleh = next((m for m in right if m.start in (done + 1, done + 2)), None)
        if after_oleh is not None and adjacent is not None and adjacent.start > done:
            adjacent = None
    if after_oleh is not None:
        rec = adjacent if adjacent is not None and adjacent is not after_oleh else None
        if rec is None and partner is not None and partner is not after_oleh:
            rec = partner
        return [after_oleh], ([rec] if rec else [])
    if adjacent is not None:
        if c.type_ in ("COERCE", "SANCTION", "ACCUSE"):
            return ([subject] if subject and light else []), [adjacent]
        rest = partner if partner is not adjacent else None
        return [adjacent], ([rest] if rest else [])
    return ([subject] if subject and light else []), ([other] if other else [])


def _active_recipients(lex: EventLexicon, c: _Clause, partner: Optional[Mention],
                       near: Optional[Mention]) -> list[Mention]:
    """The recipient of an active verb: its partner or the mention right after it, the object shared
    with a coordinated verb, the owner of a target, or the target of a threat or demand."""
    doc, span, hi, right = c.doc, c.span, c.hi, c.right
    if near is None and span.end + 1 < hi and doc[span.end].lower_ in AND_WORDS \
            and doc[span.end + 1].lower_.startswith("me"):
        # "menangkap dan memulangkan 90 pengungsi": coordinated verbs share their object
        near = next((m for m in right if m.start - (span.end + 2) <= _NEAR
                     and _prep(doc, m) not in lex.locative), None)
    recipient = partner or near
    if recipient is None and c.type_ in ("ASSAULT", "COERCE"):
        # "menembakkan rudal ke pangkalan udara milik Suriah": the owner of the target
        recipient = next((m for m in right if _prep(doc, m) == "milik"), None)
    if recipient is None and c.type_ in _VERBAL:
        # "mengancam akan meluncurkan serangan nuklir ke Korea Selatan": the target
        # of a threat or demand often follows its content
        recipient = next((m for m in right if m.start - span.end <= 8
                          and _prep(doc, m) not in _NOT_TO), None)
        if recipient is None and hi < len(doc) and hi - span.end <= 2 and doc[hi].lower_ in SO_THAT:
            # "memperingatkan agar Israel memenuhi ...": the one warned or asked opens the clause
            recipient = next((m for m in c.mentions if m.start == hi + 1 and m.kind != "place"), None)
    return [recipient] if recipient else []


def _source(lex: EventLexicon, doc: Doc, m: Mention) -> bool:
    """True for the source of a report ("sebagaimana diberitakan Xinhua", "seperti
    dikutip dari AFP"): it is not a participant. ("menurut X" is not here: X is
    often the government whose acts the sentence goes on to report.)"""
    k = m.start - 1
    if k >= 0 and doc[k].lower_ in ("dari", "oleh"):
        k -= 1
    return k >= 0 and doc[k].lower_ in _SOURCE_WORDS


def _reciprocal(doc: Doc, span: Span, type_: str, first: Mention) -> bool:
    """True when coordinated subjects are the two sides: always for meetings and deals;
    for violence only with a reciprocal predicate ("terlibat pertikaian", "bentrok",
    "bertempur"), not "X dan Y melancarkan serangan", where both attack."""
    if type_ != "ASSAULT":
        return True
    head = span[0].lower_
    return head.startswith(("ber",) + RECIPROCAL_HEADS) or \
        any(t.lower_ in ("terlibat", "saling") for t in doc[first.end:span.start])


def _victim(lex: EventLexicon, doc: Doc, span: Span, mentions: list[Mention]) -> Optional[Mention]:
    """"16 warga sipil tewas dalam serangan AS": who died or was hurt in an attack is its target."""
    k = span.start - 1
    if k < 2 or doc[k].lower_ not in lex.report_preps:
        return None
    k -= 1
    while k > 0 and doc[k].lower_ in _ADVERBS:
        k -= 1
    if doc[k].lower_ not in lex.victim_words:
        return None
    s_lo = sentence_bounds(doc, span.start)[0]
    if doc[k - 1].text == ",":
        # "16 warga sipil, termasuk perempuan dan anak-anak, tewas": skip the aside
        k = next((i for i in range(k - 2, s_lo - 1, -1) if doc[i].text == ","), k)
    before = [m for m in mentions if s_lo <= m.start and m.end <= k and m.kind not in ("place", "pronoun")]
    return before[-1] if before and k - before[-1].end <= 2 else None


def _relative_head(doc: Doc, m: Optional[Mention], mentions: list[Mention]) -> Optional[Mention]:
    """"milisi yang didukung Iran melancarkan ...": the agent of a passive relative
    clause is not the subject; the noun the clause hangs on is."""
    if m is None:
        return m
    k = m.start - 1
    if k >= 0 and doc[k].lower_ == "oleh":
        k -= 1
    if k < 1 or not _passive_word(doc[k]) or doc[k - 1].lower_ != "yang":
        return m
    head = next((x for x in mentions if x.end == k - 1 and x.kind != "place"), None)
    return head or m


def _first_conjunct(doc: Doc, m: Optional[Mention], mentions: list[Mention]) -> Optional[Mention]:
    """"Presiden AS ... dan Presiden Korsel ... menyatakan": the first of coordinated subjects."""
    while m is not None and m.start > 1 and doc[m.start - 1].lower_ in AND_WORDS:
        prev = next((x for x in mentions if x.end == m.start - 1 and x.kind != "place"), None)
        if prev is None:
            break
        m = prev
    return m


def partnered(lex: EventLexicon, doc: Doc, m: Mention) -> bool:
    """True when ``m`` follows a partner preposition ("dengan X", "terhadap X", "anti - AS")."""
    prep = _prep(doc, m)
    if prep == "-" and m.start > 1:
        prep = doc[m.start - 2].lower_
    return prep in lex.partner_preps


def _prep(doc: Doc, m: Mention) -> str:
    return doc[m.start - 1].lower_ if m.start > 0 else ""


def _between(doc: Doc, span: Span, right: list[Mention]):
    for i in range(span.end, min(span.end + 3, len(doc))):
        if doc[i].lower_ == "antara":
            after = [m for m in right if m.start > i]
            if len(after) >= 2 and after[0].start == i + 1 and doc[after[0].end].lower_ in ("dan", "dengan"):
                return after[0], after[1]
    return None

# ------------------------------------------------------------------ actor dicts
def actor_dict(doc: Doc, m: Mention, default: Optional[str]) -> dict:
    """The ``Record.events`` actor dict of ``m``, with ``default`` as the country of an unmarked actor."""
    out = m.as_actor(doc)
    if out["country"] is None and m.kind not in ("country", "group") and m.sector != "IGO":
        out["country"] = default
    return out


def home_country(mentions: list[Mention]) -> str:
    """The article's most mentioned country (ISO code), else IDN."""
    counts = Counter(m.country for m in mentions if m.country and m.kind in ("country", "merged", "entity")
                     and len(m.country) == 3 and m.sector != "IGO")
    if counts:
        return counts.most_common(1)[0][0]
    return "IDN"
