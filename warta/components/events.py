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
  the reporter of "X menyebut ia ...", the group counted in "keempatnya",
  the previous undergoer for an undergoer, previous actor, the pair of the
  last two-sided event); coordinated verbs share subject and object
  ("menangkap dan memulangkan 90 pengungsi"); the agent of a passive
  relative clause ("milisi yang didukung Iran") is not the subject; people
  noun + "asal/dari X" take X's country; who died "dalam serangan X" is its
  target; report sources ("dikutip dari AFP") are no participants; "X menjalani
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

This module holds trigger matching, clause bounds and the event loop;
:class:`Events` mixes in the rules of three private modules:
:mod:`warta.components._event_actors` (mentions, roles),
:mod:`warta.components._event_reference` (pronouns) and
:mod:`warta.components._event_context` (place, date, size, modality).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator, Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import events_ontology as onto
from ._event_happenings import group_happenings
from ..lang import load_lines, load_wordset
from ._event_actors import _DONE_BY, _SYMMETRIC, ActorRules, Mention
from ._event_context import ContextRules, size_words
from ._event_reference import ReferenceRules
from . import _doc_cache as cache
from ._lexicon import SUBJECT_PRONOUNS
from ._sentences import sentence_index
from .extensions import doc_list

_GAP = 3  # tokens "..." may stand for
_SPEECH_ACTS = frozenset({"THREATEN", "REQUEST", "ACCUSE", "REJECT"})
# ";" and sentence ends inside a quotation, which the segmenter keeps as one sentence
_CLAUSE_PUNCT = frozenset({";", ".", "?", "!"})
_RELATIVE_ADVERBS = frozenset({"telah", "sudah", "sempat", "tengah", "sedang", "akan", "pernah", "baru", "juga",
                               "masih", "belum"})
_QUANTIFIERS = frozenset({"banyak", "sebagian", "semua", "ada", "sedikit"})
_COORD_ADVERBS = _RELATIVE_ADVERBS | {"kemudian", "lalu"}


def _time_starts(doc: Doc) -> set[int]:
    return {t["start"] for t in doc._.times or []}


class Events(ActorRules, ReferenceRules, ContextRules):
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
        # plurals by reduplication ("orang-orang", "warga - warga", "anak - anak"), as the
        # tokenizer and the IndoSum detokenizer write them; each form maps to its lexicon key
        self.sector_forms: dict[str, str] = {}
        for p in self.sectors:
            forms = [f"{p}-{p}", f"{p} - {p}"] if " " not in p and "-" not in p else []
            forms += [p.replace("-", " - ")] if "-" in p and " " not in p else []
            for form in forms:
                self.sector_forms[form] = p
        self.sector_matcher.add("SECTOR_PLURAL", [nlp.make_doc(f) for f in self.sector_forms])
        # "oposisinya", "pasukannya", "jajarannya": one-word sector nouns with a possessive -nya
        self.sector_matcher.add("SECTOR_NYA", [nlp.make_doc(p + "nya") for p in self.sectors if " " not in p])
        # "masyarakat internasional": longer than "masyarakat", so it wins where both match
        self.sector_matcher.add("COUNTRYLESS", [nlp.make_doc(p) for p in load_lines("event_countryless_actors")])
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
        self.obligation = words("event_obligation")
        self.question_words = words("event_question_words")
        self.nonpolitical = words("event_nonpolitical_subjects")
        self.boundaries = words("event_clause_boundaries")
        self.pronouns = SUBJECT_PRONOUNS
        self.pronoun_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.pronoun_matcher.add("PRONOUN", [nlp.make_doc(p) for p in self.pronouns])
        self.light_verbs = words("event_light_verbs")
        self.undergo = words("event_undergo_verbs")
        self.victim_words = words("event_victim_words")
        self.irrealis = words("event_irrealis_words")
        self.ability = words("event_ability_words")
        self.attempt = words("event_attempt_words")
        self.degree = words("event_degree_words")
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
        self.size_words = size_words()
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
            # "sanksi - sanksi ekonomi": a plural by reduplication is one event
            plural = prev is not None and span.start - prev[0].end == 1 and doc[prev[0].end].text == "-" \
                and span[0].lower_ == prev[0][-1].lower_
            if same and (prev[0].end == span.start or manner or plural or (
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
                # only violence and protest, where people die, are first reported this way;
                # "dalam kunjungan X" frames a visit told before
                return before not in self.report_preps \
                    or self.triggers[int(span.label_)].type not in ("ASSAULT", "PROTEST") \
                    or any(w in self.anaphoric for w in after)
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
        if before in self.degree:
            return True  # "masalah yang lebih mendesak": an adjective
        if before in self.irrealis:
            return True  # "sistem ini mampu melumpuhkan 36 target", "berusaha ditangkap": not an event
        if before in self.ability and voice == "active":
            return True  # "dapat melumpuhkan 36 target": a capacity; "dapat dilumpuhkan" happened
        if before in self.attempt and voice == "passive":
            return True  # "saat berusaha ditangkap": the arrest has not happened
        if voice != "passive":
            return False
        # "barang yang telah disita", "RUU yang tengah dibahas": a passive relative clause
        # describes its head noun; "banyak yang sudah ditangkap" (headless) reports
        while k > sent.start and doc[k].lower_ in _RELATIVE_ADVERBS:
            k -= 1
        return doc[k].lower_ == "yang" and not (k > sent.start and doc[k - 1].lower_ in _QUANTIFIERS)

    # ------------------------------------------------------------------ clauses
    def _clause(self, doc: Doc, span: Span) -> tuple[int, int]:
        sent = doc[slice(*self._sent(doc, span.start))]
        times = cache.cached(doc, cache.EVENT_TIMES, _time_starts)
        lo = sent.start
        for i in range(span.start - 1, sent.start - 1, -1):
            if doc[i].text in _CLAUSE_PUNCT or doc[i].lower_ in self.boundaries and not (
                    i + 1 < len(doc) and doc[i + 1].idx in times):  # "sejak Juni lalu": a date, not a clause
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

    def _coordinated(self, doc: Doc, prev: Span, span: Span) -> bool:
        """True when ``span`` is a verb coordinated with the earlier verb ``prev``
        ("menangkap dan memulangkan", "mengunjungi AS dan bertemu"): "dan"/"serta" right
        before it, and no clause break between them."""
        k = span.start - 1
        while k > prev.end and doc[k].lower_ in _COORD_ADVERBS:
            k -= 1
        if k < prev.end or doc[k].lower_ not in ("dan", "serta"):
            return False
        return not any(t.lower_ in self.boundaries or t.text in _CLAUSE_PUNCT or t.text == ","
                       for t in doc[prev.end:k])

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        events = doc_list(doc, "events")
        with cache.scoped(doc, cache.EVENT_TIMES):
            # one event per happening: restatements become mentions of the first (_event_happenings)
            events.extend(group_happenings(list(self.extract(doc))))
        return doc

    def extract(self, doc: Doc) -> Iterator[dict]:
        """Event dicts (``Record.events`` items) for ``doc``."""
        found = self.match(doc)
        if not found:
            return
        mentions = self.mentions(doc)
        home = self._home_country(mentions)
        mentioned = {m.country for m in mentions if m.country and m.kind != "place"} | {home}
        last: Optional[tuple[Mention, int]] = None
        last_patient: Optional[tuple[Mention, int]] = None
        last_pair: Optional[tuple[Mention, Mention, int]] = None
        prev_future: Optional[Span] = None
        prev_active: Optional[tuple[Span, list]] = None
        for span, i, voice in found:
            trig = self.triggers[i]
            lo, hi = self._clause(doc, span)
            lo_char = doc[lo].idx if lo < len(doc) else span.start_char
            hi_char = doc[hi - 1].idx + len(doc[hi - 1].text) if hi > 0 else span.end_char
            actors, recipients = self.roles(doc, span, voice, trig.type, mentions, lo, hi)
            if voice == "active" and prev_active is not None and prev_active[1] and \
                    self._coordinated(doc, prev_active[0], span):
                # "ia akan mengunjungi AS dan bertemu dengan ...": coordinated verbs share the subject
                actors = prev_active[1]
            sent_no = sentence_index(doc, span.start_char)
            actors = [self._resolve(doc, m, mentions, last, sent_no) for m in actors]
            # "Keempatnya ditangkap ... Mereka kini ditahan": a pronoun in the undergoer role
            # refers back to the previous undergoer (role parallelism), else to the actor
            patient = last_patient if last_patient is not None and sent_no - last_patient[1] <= 2 else last
            recipients = [self._resolve(doc, m, mentions, patient, sent_no) for m in recipients]
            if recipients and recipients[0] is not None:
                last_patient = (recipients[0], sent_no)
            prev_active = (span, actors) if voice == "active" else None
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
            if self._nonpolitical_subject(doc, span, voice, lo):
                continue  # "banjir merusak rumah", "pesawat menabrak gunung": nature and accidents
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
            if negated and type_ == "CONSULT":
                # "tidak akan pernah menegosiasikan", "tidak berunding dengan teroris": refusing
                # to meet or negotiate is REJECT:meet (annotation guide)
                type_, mode, negated = "REJECT", "meet", False
            if negated and self._refusal(doc, span, lo):
                type_, mode, negated, modality = "REJECT", None, False, "asserted"  # "enggan bertemu": a refusal
            elif modality == "obligation" and not self._first_person_subject(doc, span, lo):
                # "harus dibebaskan", "dunia harus menghentikan": a demand put on others is REQUEST
                type_, mode, modality = "REQUEST", None, "asserted"
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


@Language.factory(
    "events",
    requires=["token.is_sent_start", "doc._.dateline", "doc._.published", "doc.ents", "span._.canonical",
              "span._.country", "span._.role", "span._.geo", "doc._.times", "doc._.quantities", "doc._.quotes"],
    assigns=["doc._.events"],
)
def make_events(nlp: Language, name: str) -> Events:
    return Events(nlp, name)
