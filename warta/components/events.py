"""The ``events`` component: PLOVER events (with CAMEO codes) from Indonesian sentences.

For every trigger found by a spaCy PhraseMatcher built once from
``lang/event_triggers.txt`` (roots expanded by the affix generator in
:mod:`warta.events_ontology`), one event dict shaped like
:class:`warta.record.Event` is written to ``doc._.events``:

- actor / recipient from the mentions of the clause: named entities (with
  ``_.country`` and ``_.role`` from entity_resolver/geo), IGOs
  (``lang/igo.txt``), country names and sector nouns (``lang/actor_sectors.txt``;
  "pasukan Rusia" is one actor, RUS MIL). Voice decides the roles: in the
  active (me-, ber-) the subject on the left is the actor, in the passive
  (di-, ter-) it is the recipient and the actor follows ("oleh X", or
  directly: "ditangkap polisi"); "antara A dan B" gives both sides;
  pronouns are mentions resolved in :meth:`Events._resolve` (quote speaker,
  previous actor, the pair of the last two-sided event); "X menjalani
  pemeriksaan" makes X the recipient (``lang/event_undergo_verbs.txt``);
  types in ``lang/event_targetless.txt`` keep a recipient only after a
  partner preposition (terhadap, kepada, dengan, anti, ...);
- location: "di/ke/dari + place" in the sentence (after the trigger first),
  else the dateline city (unless the story is about another country);
- date: the nearest time expression of the sentence, else publication date;
- size: killed/injured/arrested/troops from quantities in the sentence;
- negation (tidak, belum, bukan, ...) and modality (akan -> future,
  jika -> hypothetical). As the PLOVER manual says, a future CONSULT,
  SUPPORT, COOPERATE or AID is coded AGREE, a future RETREAT CONCEDE.

Unmarked actors ("polisi", "pemerintah") take the country of Indonesian-only
institutions, else the event location's country, else the article's most
mentioned country, else IDN (warta reads Indonesian news). Named people
without a known country take the article's country, not the place's (a
visiting head of state is not of the country he visits). An international
organisation's actor carries its short code from ``lang/igo.txt`` (UNO, ASN,
NAT) in ``country`` with sector IGO, as the gold does: not an ISO code.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterator, Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import events_ontology as onto
from ..builder import sentence_index
from ..lang import load_lines, load_wordset
from .extensions import doc_list

_GAP = 3  # tokens "..." may stand for
_NEAR = 3  # how many tokens after a trigger a recipient may start
_SUBORDINATORS = frozenset({"setelah", "sebelum", "saat", "ketika", "usai", "seusai", "sambil", "sejak", "selain"})
_VERBAL = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT", "SUPPORT", "SANCTION"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SUSPECTS = frozenset({"terduga", "tersangka", "terdakwa", "terpidana", "buronan"})
# "ditangkap tim Polda Sumut", "diamankan pihak kepolisian": words between a passive verb and its agent
_AGENT_LEADS = frozenset({"tim", "pihak", "jajaran", "aparat"})
_HEAD_ALIASES = {"kepolisian": "polisi", "militer": "tentara", "pemerintahan": "pemerintah"}
_SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE", "ASSAULT"})
_SPEECH_ACTS = frozenset({"THREATEN", "REQUEST", "ACCUSE", "REJECT"})
_DONE_BY = frozenset({"dilakukan", "dilancarkan", "dilaksanakan", "digelar", "dipimpin"})
_CURRENCY = frozenset({"dolar", "dollar", "us$", "usd"})
# ";" and sentence ends inside a quotation, which the segmenter keeps as one sentence
_CLAUSE_PUNCT = frozenset({";", ".", "?", "!"})
_ADVERBS = frozenset({"juga", "telah", "sudah", "berhasil", "kemudian", "lalu", "masih", "sempat", "pun",
                      "akan", "sedang", "tengah", "terus", "kembali", "langsung", "lantas"})
_FIRST_PERSON = frozenset({"saya", "kami", "kita", "aku"})


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
        return {"text": self.text, "canonical": self.canonical or self.text, "country": self.country,
                "sector": self.sector, "start": doc[self.start].idx,
                "end": doc[self.end - 1].idx + len(doc[self.end - 1].text)}


def _geo_fn(name: str):
    from . import geo

    return getattr(geo, name, None)


class Events:
    """Finds PLOVER events; see the module docstring for the rules."""

    def __init__(self, nlp: Language, name: str = "events"):
        self.name = name
        self.triggers = onto.triggers()
        self.voice: dict[tuple[int, str], str] = {}
        # one PhraseMatcher over every trigger's first-token forms finds candidates;
        # the rest of a multiword trigger is checked at those few positions only
        self.heads: dict[str, list[int]] = defaultdict(list)
        for i, trig in enumerate(self.triggers):
            for form, voice in onto.head_forms(trig).items():
                self.voice[(i, form)] = voice
                self.heads[form].append(i)
        self.head_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.head_matcher.add("HEAD", [nlp.make_doc(form) for form in self.heads])
        self.tails = [tuple(tok if tok == "..." else frozenset(tok.split("/")) for tok in t.phrase[1:])
                      for t in self.triggers]
        self.sector_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.sectors = onto.actor_sectors()
        self.sector_matcher.add("SECTOR", [nlp.make_doc(p) for p in self.sectors])
        # "oposisinya", "pasukannya", "jajarannya": one-word sector nouns with a possessive -nya
        self.sector_matcher.add("SECTOR_NYA", [nlp.make_doc(p + "nya") for p in self.sectors if " " not in p])
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.igos = onto.igos()
        self.countries = onto.country_names()
        self.name_matcher.add("IGO", [nlp.make_doc(p) for p in self.igos])
        self.name_matcher.add("COUNTRY", [nlp.make_doc(p) for p in self.countries])
        self.stateless = frozenset(load_lines("event_stateless_groups"))
        self.national = dict(line.split("\t")[:2] for line in load_lines("event_national_groups"))
        self.name_matcher.add("NATIONAL", [nlp.make_doc(p) for p in self.national])
        self.name_matcher.add("GROUP", [nlp.make_doc(p) for p in self.stateless])
        words = load_wordset
        self.negators = words("event_negators")
        self.future = words("event_future")
        self.conditional = words("event_conditional")
        self.boundaries = words("event_clause_boundaries")
        self.pronouns = words("event_pronouns")
        self.pronoun_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.pronoun_matcher.add("PRONOUN", [nlp.make_doc(p) for p in self.pronouns])
        self.light_verbs = words("event_light_verbs")
        self.undergo = words("event_undergo_verbs")
        self.victim_words = words("event_victim_words")
        self.irrealis = words("event_irrealis_words")
        self.domestic_titles = words("event_domestic_titles")
        self.calendar = words("event_common_capitalised")
        self.targetless = frozenset(load_lines("event_targetless"))
        self.background = words("event_background_words")
        self.occurrence = words("event_occurrence_verbs")
        self.purpose = frozenset({"untuk", "guna", "agar", "supaya", "buat"})
        self.modifiers = words("event_actor_modifiers")
        self.common = words("function_words") | words("event_common_capitalised")
        self.locative = words("event_locative_words")
        self.partner_preps = frozenset({"dengan", "bersama", "terhadap", "kepada", "atas", "melawan", "arah",
                                        "anti"})
        self.determiners = frozenset({"aksi", "serangkaian", "rangkaian", "sejumlah", "berbagai", "para", "lagi",
                                      "kembali", "sebuah", "suatu", "belasan", "puluhan", "ratusan", "ribuan",
                                      "beberapa"})
        self.size_words = _size_words()
        self.report_words = words("event_report_words")
        self.report_preps = frozenset({"dalam", "akibat"})
        self.anaphoric = frozenset({"itu", "tersebut", "ini", "tadi", "serupa", "sebelumnya"})

    # ------------------------------------------------------------------ matching
    def match(self, doc: Doc) -> list[tuple[Span, int, str]]:
        """Trigger spans with their lexicon index and voice, overlaps resolved (longest wins)."""
        spans = []
        for _key, start, end in self.head_matcher(doc):
            if end - start != 1:
                continue  # heads are single tokens; multi-token keys come from hyphenated forms
            for i in self.heads.get(doc[start].lower_, ()):
                stop = self._tail_end(doc, start + 1, self.tails[i])
                if stop is not None:
                    spans.append(Span(doc, start, stop, label=str(i)))
        out: list[tuple[Span, int, str]] = []
        for span in filter_spans(spans):
            i = int(span.label_)
            if self.triggers[i].type == "NONE":
                continue
            voice = self.voice.get((i, span[0].lower_), "noun")
            if self._background(doc, span, voice):
                continue
            prev = out[-1] if out else None
            if prev is not None and self.triggers[prev[1]].type in _SPEECH_ACTS and span.start - prev[0].end <= 4 \
                    and self._sent(doc, prev[0].start) == self._sent(doc, span.start) \
                    and not any(t.is_punct or t.lower_ in ("dan", "serta") for t in doc[prev[0].end:span.start]):
                continue  # "mengancam akan meluncurkan serangan": the content of a threat is not coded
            same = prev is not None and self.triggers[prev[1]].type == self.triggers[i].type
            # "serangan bom bunuh diri": adjacent triggers of one type are one event, and
            # so is a result verb after them ("Serangan itu merusak ... dan menewaskan")
            # "dilumpuhkan dengan ditembak": the second verb is the manner of the first
            manner = span.start - prev[0].end == 1 and doc[prev[0].end].lower_ == "dengan" if prev else False
            if same and (prev[0].end == span.start or manner or (
                    span[0].lower_ in self.occurrence and self._sent(doc, prev[0].start) == self._sent(doc, span.start))):
                continue
            out.append((span, i, voice))
        return out

    @staticmethod
    def _tail_end(doc: Doc, pos: int, tail: tuple) -> Optional[int]:
        """End of ``tail`` (alternative sets and "..." gaps) matched from token ``pos``, else None."""
        if not tail:
            return pos
        head, rest = tail[0], tail[1:]
        if head == "...":
            for k in range(_GAP + 1):
                if pos + k > len(doc) or any(t.is_punct for t in doc[pos:pos + k]):
                    break
                end = Events._tail_end(doc, pos + k, rest)
                if end is not None:
                    return end
            return None
        if pos < len(doc) and doc[pos].lower_ in head:
            return Events._tail_end(doc, pos + 1, rest)
        return None

    @staticmethod
    def _sent(doc: Doc, i: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token ``i`` (computed once per doc)."""
        bounds = doc.user_data.get("warta_event_sents")
        if bounds is None:
            if doc.has_annotation("SENT_START"):
                bounds = [(s.start, s.end) for s in doc.sents]
            else:
                bounds = [(0, len(doc))]
            doc.user_data["warta_event_sents"] = bounds
        k = bisect.bisect_right([b[0] for b in bounds], i) - 1
        return bounds[max(0, k)]

    def _background(self, doc: Doc, span: Span, voice: str) -> bool:
        """True for a trigger that refers back to an event instead of reporting it."""
        sent = doc[slice(*self._sent(doc, span.start))]
        if sent[:2].text.lower() == "baca juga":
            return True  # a link to another story
        k = span.start - 1
        while k >= sent.start and (doc[k].lower_ in self.determiners or doc[k].like_num):
            k -= 1
        before = doc[k].lower_ if k >= sent.start else ""
        if voice == "noun":
            if before in self.background:
                # "tewas dalam serangan itu" refers back; "tewas dalam serangan udara AS"
                # is how a new attack is often first reported
                after = [t.lower_ for t in doc[span.end:min(span.end + 3, sent.end)]]
                return before not in self.report_preps or any(w in self.anaphoric for w in after)
            # an event noun reports the event as the clause's subject ("Serangan itu
            # menewaskan ..."), after a light verb ("melancarkan serangan") or before
            # an occurrence verb ("kerusuhan terjadi"); elsewhere it refers back
            if before in self.light_verbs:
                # "seruan ISIS untuk melakukan serangan": the aim of a call, not an event
                return k > sent.start and doc[k - 1].lower_ in self.purpose
            if k < sent.start or doc[k].is_punct:
                # "Serangan itu menewaskan ..." reports; "Serangan ini, menurut militer,
                # berkaitan dengan ..." and "Pertemuan itu merupakan ..." refer back
                if span.end < sent.end and doc[span.end].lower_ in self.anaphoric:
                    after = doc[span.end + 1:min(span.end + 5, sent.end)]
                    return not any(t.lower_ in self.occurrence or t.lower_ in _DONE_BY for t in after)
                return False
            after = doc[span.end:min(span.end + 4, sent.end)]
            return not any(t.lower_ in self.occurrence for t in after)
        if before in self.purpose:
            return True  # "untuk menyelidiki", "agar ... menghentikan": an aim, not an event
        if before in self.irrealis:
            return True  # "sistem ini mampu melumpuhkan 36 target", "berusaha ditangkap": not an event
        return before == "yang" and voice == "passive"

    def mentions(self, doc: Doc) -> list[Mention]:
        """Actor/recipient candidates: entities, IGOs, countries, sector nouns; adjacent ones merged."""
        raw: list[Mention] = []
        taken: set[int] = set()
        for ent in doc.ents:
            if ent.text.lower() in self.calendar or (ent.start > 0 and doc[ent.start - 1].lower_ in _CURRENCY):
                continue  # "pada Kamis" tagged as a name, "dolar AS": not actors
            country = ent._.country
            sector = None
            role = (ent._.role or "").lower()
            if role:
                for key in (role, role.split()[0]):
                    if key in self.sectors:
                        sector, home = self.sectors[key]
                        country = country or home
                        break
            if sector is None and ent.label_ != "PER":
                # "Pasukan Rusia", "Kementerian Kesehatan Kazakhstan": the head noun gives the sector
                words = ent.text.lower().split()
                for n in (3, 2, 1):
                    if " ".join(words[:n]) in self.sectors:
                        sector, home = self.sectors[" ".join(words[:n])]
                        country = country or home
                        break
            kind = "person" if ent.label_ == "PER" else "entity"
            national = next((self.national[w] for w in (ent.text, ent.text.split(" ")[-1], ent.text.split(" ")[0])
                             if w in self.national), None)
            if ent.text in self.stateless or ent.text.split(" ")[-1] in self.stateless:
                country, kind, sector = None, "group", "REB"
            elif national:
                country, kind, sector = national, "group", sector or "REB"
            elif ent.text in self.igos:
                country, kind, sector = self.igos[ent.text][0], "igo", "IGO"
            elif ent.label_ in ("LOC", "GPE"):
                code = self._country_of(ent.text)
                if code:
                    country, kind = code, "country"
                elif sector is None:
                    kind = "place"  # "Kepolisian Resor ..." tagged LOC stays an institution
                    if ent._.geo is None and ent.label_ == "LOC" and not self._placed(doc, ent.start, 0):
                        kind = "person"  # "menyekap Dodi": a name tagged LOC, unknown to the gazetteer
            raw.append(Mention(ent.start, ent.end, ent.text, ent._.canonical, country, sector, kind, ent._.geo))
            taken.update(range(ent.start, ent.end))
        for key, start, end in self.name_matcher(doc):
            if taken.intersection(range(start, end)):
                continue
            text = doc[start:end].text
            if start > 0 and doc[start - 1].lower_ in _CURRENCY:
                continue
            if doc.vocab.strings[key] == "IGO":
                raw.append(Mention(start, end, text, None, self.igos[text][0], "IGO", "igo"))
            elif doc.vocab.strings[key] == "GROUP":
                raw.append(Mention(start, end, text, None, None, "REB", "group"))
            elif doc.vocab.strings[key] == "NATIONAL":
                raw.append(Mention(start, end, text, None, self.national[text], "REB", "group", explicit=True))
            else:
                raw.append(Mention(start, end, text, None, self._country_of(text) or self.countries[text],
                                   None, "country"))
        for _key, start, end in self.sector_matcher(doc):
            if taken.intersection(range(start, end)):
                continue
            word = doc[start:end].text.lower()
            sector, home = self.sectors[word] if word in self.sectors else self.sectors[word[:-3]]
            raw.append(Mention(start, end, doc[start:end].text, None, home, sector, "sector"))
        # names the NER missed ("JR", "Ipung") still make actors
        raw.extend(self._names(doc, taken | {t for m in raw for t in range(m.start, m.end)}))
        # pronouns ("mereka", "kami", "keduanya") are mentions too; extract() resolves them
        for _key, start, end in self.pronoun_matcher(doc):
            raw.append(Mention(start, end, doc[start:end].text, kind="pronoun"))
        # longest first at each start, then drop what overlaps an earlier mention
        raw.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        for m in raw:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        merged = self._merge(doc, kept)
        self._share_countries(doc, merged)
        return merged

    def _country_of(self, name: str) -> Optional[str]:
        """ISO code when ``name`` can stand for a country: a name, a metonym ("Gedung
        Putih") or a capital ("Moskow"); after di/ke/dari it is read as a place instead."""
        if name in self.countries:
            return self.countries[name]
        country_code = _geo_fn("country_code")
        return country_code(name) if country_code else None

    def _names(self, doc: Doc, taken: set[int]) -> list[Mention]:
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
            if j - i == 1 and (words[0] in self.common or words[0] in self.sectors or words[0] in self.heads
                               or words[0].endswith("nya")
                               or ((tok.is_sent_start or doc[i - 1].is_punct) and tok.text not in inner)):
                i = j
                continue
            if any(s <= tok.idx < e for s, e in times):
                i = j
                continue
            text = doc[i:j].text
            lookup_place = _geo_fn("lookup_place")
            kind = "place" if lookup_place and lookup_place(text) else "person"
            out.append(Mention(i, j, text, None, None, None, kind))
            i = j
        return out

    def _share_countries(self, doc: Doc, mentions: list[Mention]) -> None:
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
            if m.kind in ("sector", "person", "entity") and m.country is None and self._title(doc, m):
                m.country = "IDN"  # "Presiden Jokowi", "Menteri ...": Indonesian office holders
                continue
            if m.country and head in self.sectors and (m.explicit or self._names_country(doc, m)):
                heads[head] = m.country
            names = [t.text for t in doc[m.start:m.end] if t.is_title and t.lower_ not in self.sectors
                     and t.text not in self.countries and t.lower_ not in self.common]
            if m.country and m.explicit or (m.country and m.kind in ("person", "entity")):
                for n in names:
                    known.setdefault(n, m.country)
            elif not m.country or not m.explicit:
                for n in names:
                    if n in known:
                        m.country, m.explicit = known[n], True
                        break

    def _title(self, doc: Doc, m: Mention) -> bool:
        """True when ``m`` opens with a title in ``event_domestic_titles.txt``."""
        words = [t.lower_ for t in doc[m.start:min(m.end, m.start + 2)]]
        return words[0] in self.domestic_titles or " ".join(words) in self.domestic_titles

    def _names_country(self, doc: Doc, m: Mention) -> bool:
        """True when a country name is written inside ``m`` ("Kepolisian Nasional Filipina")."""
        words = [t.text for t in doc[m.start:m.end]]
        return any(w in self.countries for w in words) or \
            any(f"{a} {b}" in self.countries for a, b in zip(words, words[1:]))

    def _merge(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"pasukan keamanan Kazakhstan", "Presiden Rusia Vladimir Putin" -> one mention."""
        out: list[Mention] = []
        for m in mentions:
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "entity" and m.start == prev.end and m.kind in ("igo", "country"):
                # "Kepala Manajemen PBB": the NER stopped before the organisation or country
                prev.end, prev.text = m.end, doc[prev.start:m.end].text
                prev.country, prev.explicit = m.country, True
                prev.sector = prev.sector or m.sector
                continue
            if prev is not None and prev.kind in ("sector", "merged") and m.start - prev.end <= 2 \
                    and m.kind not in ("place", "pronoun"):
                gap = doc[prev.end:m.start]
                if all(t.is_title or t.lower_ in self.modifiers for t in gap):
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
    def _clause(self, doc: Doc, span: Span) -> tuple[int, int]:
        sent = doc[slice(*self._sent(doc, span.start))]
        lo = sent.start
        for i in range(span.start - 1, sent.start - 1, -1):
            if doc[i].lower_ in self.boundaries or doc[i].text in _CLAUSE_PUNCT:
                lo = i + 1
                break
        hi = sent.end
        for i in range(span.end, sent.end):
            # "mengutuk serangan itu dan mengatakan ...": a report verb after the event opens new content
            if doc[i].lower_ in self.boundaries or doc[i].text in _CLAUSE_PUNCT or (
                    doc[i].lower_ in self.report_words and doc[i - 1].lower_ in ("dan", "serta")):
                hi = i
                break
        return lo, hi

    def roles(self, doc: Doc, span: Span, voice: str, type_: str, mentions: list[Mention],
              lo: int, hi: int) -> tuple[list[Mention], list[Mention]]:
        """(actors, recipients) of the trigger ``span`` from the mentions in [lo, hi)."""
        actors, recipients = self._roles(doc, span, voice, type_, mentions, lo, hi)
        if actors and not recipients and actors[0] is not None and actors[0].end < span.start \
                and doc[actors[0].end].lower_ in ("dan", "serta") \
                and (type_ in _SYMMETRIC or any(t.lower_ == "saling" for t in doc[actors[0].end:span.start])):
            # "Israel dan Hamas terlibat pertikaian", "Oposisi dan pemerintah saling melempar
            # tuduhan": the second of coordinated subjects is the other side
            other = next((m for m in mentions if m.start == actors[0].end + 1 and m.end <= span.start
                          and m.kind != "place"), None)
            if other is not None:
                recipients = [other]
        return actors, recipients

    def _roles(self, doc: Doc, span: Span, voice: str, type_: str, mentions: list[Mention],
               lo: int, hi: int) -> tuple[list[Mention], list[Mention]]:
        left = [m for m in mentions if lo <= m.start and m.end <= span.start and m.kind != "place"
                and self._prep(doc, m) not in self.locative
                and not (m.end < len(doc) and doc[m.end].lower_ in self.victim_words)]
        right = [m for m in mentions if span.end <= m.start and m.end <= hi and m.kind != "place"]
        subject = left[-1] if left else None
        if subject is not None and any(doc[i].lower_ in self.pronouns for i in range(subject.end, span.start)):
            subject = None  # "X mengatakan, mereka menyerang": the pronoun, not X, is the subject
        if lo > 0 and doc[lo - 1].lower_ == "yang":
            # "pasukan yang menggempur ISIS", "Serdadu Suriah yang didukung tentara Rusia,
            # melancarkan ...": the noun the relative clause hangs on is the subject
            v = span.start - 1 if voice == "noun" and span.start > lo and \
                doc[span.start - 1].lower_ in self.light_verbs else span.start
            direct = lo == v or all(t.lower_ in _ADVERBS for t in doc[lo:v])  # "yang juga berhasil diamankan"
            resumed = v > lo and doc[v - 1].text == ","
            if direct or resumed:
                head = [m for m in mentions if m.end <= lo - 1 and m.end >= lo - 3 and m.kind != "place"]
                if head:
                    subject = head[-1]
        if subject is None and lo > 0 and doc[lo - 1].lower_ in _SUBORDINATORS and lo == span.start:
            # "polisi melakukan pengintaian ... sebelum menangkap para terduga": a
            # subjectless adverbial clause shares the main clause's subject
            s_lo = self._sent(doc, span.start)[0]
            main = [m for m in mentions if s_lo <= m.start and m.end <= lo - 1 and m.kind != "place"
                    and self._prep(doc, m) not in self.locative]
            subject = main[-1] if main else None
            if subject is None:
                # "Setelah menangkap X, polisi ...": the main clause follows the comma
                s_hi = self._sent(doc, span.start)[1]
                comma = next((i for i in range(span.end, s_hi) if doc[i].text == ","), None)
                if comma is not None:
                    subject = next((m for m in mentions if m.start > comma and m.start <= comma + 3
                                    and m.kind != "place"), None)
        subject = self._first_conjunct(doc, subject, mentions)
        between = self._between(doc, span, right)
        if between:
            return [between[0]], [between[1]]
        after_oleh = next((m for m in right if self._prep(doc, m) == "oleh"), None)
        adjacent = right[0] if right and (right[0].start == span.end or (
            right[0].start == span.end + 1 and doc[span.end].lower_ in _AGENT_LEADS)) else None
        partner = next((m for m in right if self._partnered(doc, m)), None)
        goal_ok = type_ not in ("MOBILIZE", "RETREAT", "PROTEST")
        near = next((m for m in right if m.start - span.end <= _NEAR
                     and (self._prep(doc, m) not in self.locative or (goal_ok and self._prep(doc, m) == "ke"))), None)
        if voice == "passive":
            if subject is None and span.start > 0 and doc[span.start - 1].lower_ in ("itu", "ini", "tersebut"):
                # "Pria yang tinggal di ... itu ditangkap": the head noun before "yang"
                s_lo = self._sent(doc, span.start)[0]
                heads = [m for m in mentions if s_lo <= m.start and m.end <= span.start and m.kind != "place"]
                subject = heads[0] if heads else None
            if adjacent is not None and doc[adjacent.start].lower_ in _SUSPECTS:
                adjacent = None  # "tiga orang ditangkap terduga teroris": suspects are not agents
            actor = after_oleh or adjacent
            return ([actor] if actor else []), ([subject] if subject else [])
        if voice == "noun":
            k = span.start - 1
            while k > lo and (doc[k].lower_ in self.determiners or doc[k].like_num):
                k -= 1  # "menggelar lagi demonstrasi", "melancarkan serangkaian serangan"
            verb = doc[k].lower_ if k >= lo and k < span.start else ""
            light = verb in self.light_verbs
            if verb in self.undergo and type_ not in ("MOBILIZE", "PROTEST"):
                # "Roro menjalani pemeriksaan", "bank itu terkena sanksi": the subject
                # undergoes the event; its actor follows "oleh" or "dari"
                source = after_oleh or next((m for m in right if self._prep(doc, m) == "dari"
                                             and m.start - span.end <= _NEAR + 1), None)
                return ([source] if source else []), ([subject] if subject else [])
            if adjacent is None and right:
                # "Demonstrasi ratusan ribu orang": numbers between the noun and its actor
                gap = doc[span.end:right[0].start]
                if len(gap) and all(t.like_num or t.lower_ in self.determiners or t.lower_ in ("ribu", "juta")
                                    for t in gap):
                    adjacent = right[0]
            done = next((i for i in range(span.end, min(span.end + 8, hi)) if doc[i].lower_ in _DONE_BY), None)
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
                if type_ in ("COERCE", "SANCTION", "ACCUSE"):
                    return ([subject] if subject and light else []), [adjacent]
                rest = partner if partner is not adjacent else None
                return [adjacent], ([rest] if rest else [])
            return ([subject] if subject and light else []), ([partner or near] if (partner or near) else [])
        recipient = partner or near
        if recipient is None and type_ in _VERBAL:
            # "mengancam akan meluncurkan serangan nuklir ke Korea Selatan": the target
            # of a threat or demand often follows its content
            recipient = next((m for m in right if m.start - span.end <= 8
                              and self._prep(doc, m) not in ("di", "dari", "pada", "dalam")), None)
            if recipient is None and hi < len(doc) and hi - span.end <= 2 and doc[hi].lower_ in ("agar", "supaya"):
                # "memperingatkan agar Israel memenuhi ...": the one warned or asked opens the clause
                recipient = next((m for m in mentions if m.start == hi + 1 and m.kind != "place"), None)
        return ([subject] if subject else []), ([recipient] if recipient else [])

    @staticmethod
    def _first_conjunct(doc: Doc, m: Optional[Mention], mentions: list[Mention]) -> Optional[Mention]:
        """"Presiden AS ... dan Presiden Korsel ... menyatakan": the first of coordinated subjects."""
        while m is not None and m.start > 1 and doc[m.start - 1].lower_ in ("dan", "serta"):
            prev = next((x for x in mentions if x.end == m.start - 1 and x.kind != "place"), None)
            if prev is None:
                break
            m = prev
        return m

    def _territory(self, doc: Doc, span: Span, voice: str, mentions: list[Mention], lo: int, hi: int) -> bool:
        """True when what is freed is a place ("membebaskan wilayah Irak", "Albu Kamal
        dibebaskan dari ISIS"), not people."""
        window = range(max(lo, span.start - 4), span.start) if voice == "passive" else range(span.end, min(hi, span.end + 3))
        if any(doc[i].lower_ in self.locative and doc[i].lower_ not in ("di", "dari", "ke", "pada", "dalam")
               for i in window):
            return True
        return any(m.start in window and m.kind in ("place", "country") for m in mentions)

    def _partnered(self, doc: Doc, m: Mention) -> bool:
        """True when ``m`` follows a partner preposition ("dengan X", "terhadap X", "anti - AS")."""
        prep = self._prep(doc, m)
        if prep == "-" and m.start > 1:
            prep = doc[m.start - 2].lower_
        return prep in self.partner_preps

    @staticmethod
    def _prep(doc: Doc, m: Mention) -> str:
        return doc[m.start - 1].lower_ if m.start > 0 else ""

    @staticmethod
    def _between(doc: Doc, span: Span, right: list[Mention]):
        for i in range(span.end, min(span.end + 3, len(doc))):
            if doc[i].lower_ == "antara":
                after = [m for m in right if m.start > i]
                if len(after) >= 2 and after[0].start == i + 1 and doc[after[0].end].lower_ in ("dan", "dengan"):
                    return after[0], after[1]
        return None

    # ------------------------------------------------------------------ place, date, size, modality
    def location(self, doc: Doc, span: Span, mentions: list[Mention], lo: int, hi: int,
                 home: Optional[str] = None) -> Optional[dict]:
        """Where the event happened: "di/ke/dari + place" in its sentence (after the
        trigger first, else the nearest before it), else the dateline's city."""
        lookup_place = _geo_fn("lookup_place")
        s_lo, s_hi = self._sent(doc, span.start)
        places = [m for m in mentions if s_lo <= m.start < s_hi and m.kind in ("place", "country", "entity", "person")
                  and (m.kind != "entity" or m.geo) and self._placed(doc, m.start, s_lo)]
        after = [m for m in places if m.start >= span.end]
        before = [m for m in places if m.end <= span.start]
        for m in after[:1] or before[-1:]:
            if m.kind == "person":  # a name the NER missed: a place only if the gazetteer knows it
                found = lookup_place(m.text) if lookup_place else None
                return self._place(doc, m.text, m.start, m.end, None, None, None, lookup_place, found)
            return self._place(doc, m.text, m.start, m.end, m.country, m.geo, m.canonical, lookup_place)
        dl = doc._.dateline
        if dl and dl.get("place"):
            place = dl["place"]
            found = lookup_place(place) if lookup_place else None
            country = (found or {}).get("country") or self.countries.get(place.title())
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

    def _placed(self, doc: Doc, start: int, s_lo: int) -> bool:
        """True when a name follows di/ke/dari, possibly through "timur", "kota", "pinggiran"."""
        k = start - 1
        while k >= s_lo and k >= start - 4:
            word = doc[k].lower_
            if word in ("di", "ke", "dari", "menuju"):
                return True
            if word not in self.locative and word not in ("pinggiran", "pinggir", "tepi", "sebelah", "bagian"):
                return False
            k -= 1
        return False

    def _place(self, doc, text, start, end, country, geo, canonical, lookup_place, found=None) -> dict:
        found = found or (lookup_place(text) if lookup_place else None) or {}
        geo = geo or found
        return {"text": text, "canonical": canonical or found.get("canonical") or text,
                "country": country or found.get("country") or self.countries.get(text),
                "lat": (geo or {}).get("lat"), "lon": (geo or {}).get("lon"),
                "start": doc[start].idx, "end": doc[end - 1].idx + len(doc[end - 1].text)}

    def date(self, doc: Doc, span: Span, lo_char: int, hi_char: int) -> tuple[Optional[str], Optional[str]]:
        """The event's date (day granularity): a time expression of its sentence, the
        clause's first and those after the trigger preferred, skipping the date of a
        report ("..., kata X, Rabu (28/12)"); else the publication date."""
        text = doc.user_data.get("warta_event_text") or doc.text
        s_lo, s_hi = self._sent(doc, span.start)
        s_start = doc[s_lo].idx
        s_end = doc[s_hi - 1].idx + len(doc[s_hi - 1].text)
        best = None
        for t in doc._.times or []:
            if t.get("type") not in ("DATE", "TIME") or not (s_start <= t["start"] < s_end) \
                    or not t["value"][:1].isdigit():
                continue  # PAST_REF, XXXX-...: no calendar date to give the event
            lead = text[max(s_start, t["start"] - 60):t["start"]].lower().replace(",", " ").split()[-6:]
            if any(w in self.report_words for w in lead):
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

    def size(self, doc: Doc, lo_char: int, hi_char: int) -> Optional[dict]:
        out = {}
        text = doc.user_data.get("warta_event_text") or doc.text
        for q in doc._.quantities or []:
            if not (lo_char <= q["start"] < hi_char) or q.get("value") is None or q.get("unit"):
                continue
            window = (text[q["end"]:q["end"] + 40] + " " + (q.get("counted") or "")).lower()
            prev = text[max(0, q["start"] - 20):q["start"]].lower().split()
            prev_word = prev[-1] if prev else ""
            for key, (after, before) in self.size_words.items():
                if key in out:
                    continue
                if prev_word in before or (after is not None and after.search(window)):
                    value = q["value"]
                    out[key] = int(value) if float(value).is_integer() else value
                    break
        return out or None

    def modality(self, doc: Doc, span: Span, lo: int) -> tuple[bool, str]:
        before = [t.lower_ for t in doc[max(lo, span.start - 3):span.start]]
        negated = any(w in self.negators for w in before)
        near = [t.lower_ for t in doc[max(lo, span.start - 4):span.start]]
        modality = "asserted"
        if any(w in self.future for w in near):
            modality = "future"
        sent_start = self._sent(doc, span.start)[0]
        if any(t.lower_ in self.conditional for t in doc[sent_start:span.start]):
            modality = "hypothetical"
        return negated, modality

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        events = doc_list(doc, "events")
        events.extend(self.extract(doc))
        doc.user_data.pop("warta_event_text", None)
        doc.user_data.pop("warta_event_sents", None)
        return doc

    def extract(self, doc: Doc) -> Iterator[dict]:
        """Event dicts (``Record.events`` items) for ``doc``."""
        found = self.match(doc)
        if not found:
            return
        _cache_sentence_spans(doc)
        mentions = self.mentions(doc)
        home = self._home_country(mentions)
        mentioned = {m.country for m in mentions if m.country and m.kind != "place"} | {home}
        last: Optional[tuple[Mention, int]] = None
        last_pair: Optional[tuple[Mention, Mention, int]] = None
        prev_future: Optional[Span] = None
        for span, i, voice in found:
            trig = self.triggers[i]
            lo, hi = self._clause(doc, span)
            lo_char = doc[lo].idx if lo < len(doc) else span.start_char
            hi_char = doc[hi - 1].idx + len(doc[hi - 1].text) if hi > 0 else span.end_char
            actors, recipients = self.roles(doc, span, voice, trig.type, mentions, lo, hi)
            sent_no = sentence_index(doc, span.start_char)
            actors = [self._resolve(doc, m, mentions, last, sent_no) for m in actors]
            recipients = [self._resolve(doc, m, mentions, last, sent_no) for m in recipients]
            if actors:
                last = (actors[0], sent_no)
            elif voice == "active" and last is not None and sent_no - last[1] <= 1 \
                    and not any(lo <= m.start < span.start for m in mentions if m.kind != "place"):
                # Indonesian drops or pronominalises a subject that carries over ("Mereka
                # kemudian menyerang ..."): the previous event's subject is the best guess
                actors = [last[0]]
            location = self.location(doc, span, mentions, lo, hi, home)
            in_clause = location is not None and location.get("start") is not None \
                and lo_char <= location["start"] < hi_char
            place_country = location.get("country") if in_clause else None
            if place_country not in mentioned:
                place_country = None  # a place of a country the story never names: likely a homonym
            default = place_country or home
            if not recipients and trig.mode == "visit" and place_country and location["start"] >= span.end_char:
                # "kunjungan ... ke Indonesia", "mengunjungi Istana Darul Aman": the host is
                # the country visited
                host = doc.char_span(location["start"], location["end"], alignment_mode="expand")
                if host is not None:
                    recipients = [Mention(host.start, host.end, host.text, location.get("canonical"),
                                          place_country, None, "country")]
            negated, modality = self.modality(doc, span, lo)
            if modality == "asserted" and prev_future is not None and prev_future.end <= span.start \
                    and self._sent(doc, prev_future.start) == self._sent(doc, span.start) \
                    and any(t.lower_ in ("dan", "serta") for t in doc[prev_future.end:span.start]) \
                    and not any(t.lower_ in self.boundaries or t.text in _CLAUSE_PUNCT
                                for t in doc[prev_future.end:span.start]):
                modality = "future"  # "akan mengunjungi AS dan bertemu dengan ...": "akan" covers both
            prev_future = span if modality == "future" else None
            type_, mode = trig.type, trig.mode
            if mode == "release" and self._territory(doc, span, voice, mentions, lo, hi):
                type_, mode = "COERCE", "seize"  # "Albu Kamal dibebaskan dari ISIS": territory taken
            if modality == "future" and type_ in ("CONSULT", "SUPPORT", "COOPERATE", "AID"):
                type_, mode = "AGREE", None
            elif modality == "future" and type_ == "RETREAT":
                type_, mode = "CONCEDE", None
            if type_ == "COERCE" and mode == "arrest" and actors and actors[0] is not None \
                    and actors[0].kind == "group":
                type_, mode = "ASSAULT", "abduct"  # "Hamas menahan dua tentara Israel": hostages, not arrests
            if recipients and (type_ in self.targetless or f"{type_}:{mode}" in self.targetless) \
                    and not any(m is not None and self._partnered(doc, m) for m in recipients):
                recipients = []  # "menguasai Albu Kamal", "S-300 dikerahkan": a place or a thing, not a recipient
            if type_ in _SYMMETRIC and not recipients and actors and actors[0] is not None \
                    and actors[0].text.lower() in ("keduanya", "mereka") and last_pair is not None \
                    and sent_no - last_pair[2] <= 2:
                # "Trump bertemu Moon ... Keduanya membahas ...": the pair of the last two-sided event
                actors, recipients = [last_pair[0]], [last_pair[1]]
            if actors and recipients and actors[0] is not None and recipients[0] is not None:
                last_pair = (actors[0], recipients[0], sent_no)
            cameo = onto.cameo_code(type_, mode, trig.cameo if type_ == trig.type else None)
            date, date_source = self.date(doc, span, lo_char, hi_char)
            yield {
                "type": type_, "mode": mode, "cameo": cameo, "quad": onto.quad_class(type_),
                "sentence": sent_no,
                "trigger": {"text": span.text, "start": span.start_char, "end": span.end_char},
                "actor": [self._actor(doc, m, home if m.kind == "person" else default) for m in actors if m is not None],
                "recipient": [self._actor(doc, m, home if m.kind == "person" else default)
                              for m in recipients if m is not None],
                "location": location, "date": date, "date_source": date_source,
                "size": self.size(doc, lo_char, hi_char), "negated": negated, "modality": modality,
            }

    def _resolve(self, doc: Doc, m: Optional[Mention], mentions: list[Mention],
                 last: Optional[tuple[Mention, int]], sent_no: int) -> Optional[Mention]:
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
        ante = None
        if word in _FIRST_PERSON or word == "pihaknya":
            ante = self._speaker(doc, m, mentions)
        if ante is None and word == "pihaknya":
            s_lo = self._sent(doc, m.start)[0]
            before = [x for x in mentions if s_lo <= x.start and x.end <= m.start and x.kind not in ("place", "pronoun")]
            ante = before[-1] if before else None
        if ante is None and word not in _FIRST_PERSON:
            if last is not None and sent_no - last[1] <= 2 and last[0].start < m.start:
                ante = last[0]
            else:
                s_lo = self._sent(doc, m.start)[0]
                p_lo = self._sent(doc, s_lo - 1)[0] if s_lo > 0 else s_lo
                prev = [x for x in mentions if p_lo <= x.start < s_lo and x.kind not in ("place", "pronoun")]
                ante = prev[0] if prev else None
        if ante is None:
            return m
        return Mention(m.start, m.end, m.text, ante.canonical or ante.text, ante.country, ante.sector,
                       ante.kind, ante.geo, ante.explicit)

    @staticmethod
    def _speaker(doc: Doc, m: Mention, mentions: list[Mention]) -> Optional[Mention]:
        """The mention naming the speaker of the quote that holds ``m``."""
        char = doc[m.start].idx
        for q in doc._.quotes or []:
            sp = q.get("speaker")
            if not sp or sp.get("start") is None or not (q["start"] <= char < q["end"]):
                continue
            for x in mentions:
                if x.kind in ("place", "pronoun"):
                    continue
                x_start, x_end = doc[x.start].idx, doc[x.end - 1].idx + len(doc[x.end - 1])
                if x_start < sp["end"] and sp["start"] < x_end:
                    return x
        return None

    @staticmethod
    def _actor(doc: Doc, m: Mention, default: Optional[str]) -> dict:
        out = m.as_actor(doc)
        if out["country"] is None and m.kind not in ("country", "group") and m.sector != "IGO":
            out["country"] = default
        return out

    @staticmethod
    def _home_country(mentions: list[Mention]) -> str:
        counts = Counter(m.country for m in mentions if m.country and m.kind in ("country", "merged", "entity")
                         and len(m.country) == 3 and m.sector != "IGO")
        if counts:
            return counts.most_common(1)[0][0]
        return "IDN"


def _cache_sentence_spans(doc: Doc) -> None:
    """Fill the cache :func:`warta.builder.sentence_index` reads, in one pass.

    Same spans as :func:`warta.builder.sentence_spans`, which slices ``doc.text``
    once per sentence (quadratic on long articles); ``Span.text`` is that slice.
    """
    doc.user_data["warta_event_text"] = doc.text
    if "warta_sentence_spans" in doc.user_data or not doc.has_annotation("SENT_START"):
        return
    out = []
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if stripped:
            start = sent.start_char + (len(raw) - len(raw.lstrip()))
            out.append((start, start + len(stripped)))
    doc.user_data["warta_sentence_spans"] = out


def _size_words() -> dict[str, tuple[Optional[re.Pattern], frozenset[str]]]:
    out = {}
    for line in load_lines("event_size_words"):
        key, after, before = (line.split("\t") + ["", ""])[:3]
        words = [re.escape(w.strip()) for w in after.split(",") if w.strip()]
        out[key.strip()] = (re.compile(r"\b(?:" + "|".join(words) + ")") if words else None,
                            frozenset(w.strip() for w in before.split(",") if w.strip()))
    return out


@Language.factory("events", requires=["doc.sents"], assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> Events:
    return Events(nlp, name)
