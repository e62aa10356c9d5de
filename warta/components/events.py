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

This module holds the event lexicon (:class:`EventLexicon`, read from
``warta/lang`` once by :func:`event_lexicon`, and the matchers built from
it), trigger matching, clause bounds and the event loop; the rules are
functions of three private modules, each handed the lexicon:
:mod:`warta.components._event_actors` (mentions, roles),
:mod:`warta.components._event_reference` (pronouns) and
:mod:`warta.components._event_context` (place, date, size, modality).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterator, NamedTuple, Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import events_ontology as onto
from ._event_happenings import group_happenings
from ..lang import load_json, load_lines, load_wordset
from . import _event_actors as actor_rules
from . import _event_context as context_rules
from ._event_actors import _DONE_BY, _SYMMETRIC, Mention
from ._event_context import size_words
from ._event_reference import resolve_pronoun, statement_speaker
from . import _doc_cache as cache
from ._lexicon import (
    ANAPHORIC, AND_WORDS, ASPECT_ADVERBS, CAUSE_PREPOSITIONS, EVENT_DETERMINERS, PARTNER_PREPOSITIONS,
    PURPOSE_CONJUNCTIONS, QUANTIFIERS, SEQUENCE_ADVERBS, SUBJECT_PRONOUNS,
)
from ._sentences import sentence_bounds, sentence_index
from .extensions import doc_list

# words opening a reported clause: a meeting after one is what was reported, not where the statement was made
_COMPLEMENTIZERS = frozenset(load_json("quote_cues")["complementizers"])

_GAP = 3  # tokens "..." may stand for
_SPEECH_ACTS = frozenset({"THREATEN", "REQUEST", "ACCUSE", "REJECT"})
# ";" and sentence ends inside a quotation, which the segmenter keeps as one sentence
_CLAUSE_PUNCT = frozenset({";", ".", "?", "!"})
_RELATIVE_ADVERBS = ASPECT_ADVERBS
_QUANTIFIERS = QUANTIFIERS
_COORD_ADVERBS = SEQUENCE_ADVERBS


def _time_starts(doc: Doc) -> set[int]:
    return {t["start"] for t in doc._.times or []}


_MARKS = frozenset('"“”‘’\'')
_NAMING = load_wordset("event_naming_words")


def _scare_quoted(doc: Doc, span: Span) -> bool:
    """A trigger word in quotation marks of its own after a word that names or likens ('ia ibaratkan dengan
    "pemerkosaan"', 'menyebut vonis itu "pembunuhan"'): a figure of speech, not an event. A quoted event
    name without one ('menggelar "mogok nasional"') stays the event."""
    k = span.start - 1
    if k < 1 or doc[k].text not in _MARKS or doc[k - 1].lower_ not in _NAMING:
        return False
    close = next((c for c in range(span.end, min(span.end + 2, len(doc))) if doc[c].text in _MARKS), None)
    return close is not None and close - k <= 3


@dataclass(frozen=True)
class EventLexicon:
    """The words and tables the event rules read, built once (:func:`event_lexicon`) and passed to them."""

    triggers: list  # the trigger lexicon (events_ontology.Trigger), indexed by position
    voice: dict[tuple[int, str], str]  # (trigger index, first-token form) -> active / passive / noun
    trigger_forms: dict[str, list[int]]  # first-token form of a trigger -> the triggers it opens
    tails: list[tuple]  # per trigger, the rest of its phrase: alternative sets and "..." gaps
    sectors: dict  # sector noun -> (sector code, home country)
    sector_forms: dict[str, str]  # a sector noun's plural by reduplication -> the noun
    countryless: list[str]  # "masyarakat internasional": actors of no country
    igos: dict  # name -> (short code, ...)
    countries: dict[str, str]  # country name -> ISO code
    stateless: frozenset[str]  # groups of no country ("ISIS")
    national: dict[str, str]  # national groups -> their country
    negators: frozenset[str]
    cessation: frozenset[str]  # "berhenti": a negator before it leaves the act asserted
    negator_idioms: frozenset[str]  # "lama", "hanya": "tak lama kemudian", "tidak hanya" negate nothing
    permission: frozenset[str]  # "izin": negated, a permission withheld is a refusal
    future: frozenset[str]
    conditional: frozenset[str]
    obligation: frozenset[str]
    question_words: frozenset[str]
    nonpolitical: frozenset[str]  # doers that are no political actor: nature, vehicles, markets
    boundaries: frozenset[str]  # words that open a new clause
    pronouns: frozenset[str]  # subject pronouns and pro-forms
    light_verbs: frozenset[str]
    undergo: frozenset[str]  # "menjalani", "terkena": the subject undergoes the event
    victim_words: frozenset[str]
    irrealis: frozenset[str]
    ability: frozenset[str]
    attempt: frozenset[str]
    degree: frozenset[str]
    domestic_titles: frozenset[str]
    calendar: frozenset[str]  # capitalised common words ("Kamis"): no actors
    targetless: frozenset[str]  # types (and type:mode) with no recipient but after a partner preposition
    background: frozenset[str]  # words before an event noun that refers back
    occurrence: frozenset[str]  # "terjadi": an event noun before it reports
    purpose: frozenset[str]
    modifiers: frozenset[str]  # words that may stand inside an actor ("pasukan keamanan Kazakhstan")
    common: frozenset[str]  # function words and capitalised common words: no names
    locative: frozenset[str]
    freed_people: frozenset[str]  # people held ("tahanan", "sandera"): freeing them is a release
    partner_preps: frozenset[str]
    determiners: frozenset[str]
    size_words: dict  # size key -> (regex of words after a number, words before it)
    report_words: frozenset[str]
    report_preps: frozenset[str]
    settings: frozenset[str]  # "seusai", "dalam": a meeting after one, in a statement's sentence, took place
    anaphoric: frozenset[str]
    promises: frozenset[str] = frozenset()  # "berjanji": with "akan"/"untuk" after it, a future act


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    """The event lexicon, read from ``warta/lang`` once per process."""
    triggers = onto.triggers()
    voice: dict[tuple[int, str], str] = {}
    trigger_forms: dict[str, list[int]] = defaultdict(list)
    for i, trig in enumerate(triggers):
        for form, form_voice in onto.head_forms(trig).items():
            voice[(i, form)] = form_voice
            trigger_forms[form].append(i)
    sectors = onto.actor_sectors()
    words = load_wordset
    return EventLexicon(
        triggers=triggers, voice=voice, trigger_forms=dict(trigger_forms),
        tails=[tuple(tok if tok == "..." else frozenset(tok.split("/")) for tok in t.phrase[1:]) for t in triggers],
        sectors=sectors, sector_forms=_sector_plurals(sectors), countryless=load_lines("event_countryless_actors"),
        igos=onto.igos(), countries=onto.country_names(),
        stateless=frozenset(load_lines("event_stateless_groups")),
        national=dict(line.split("\t")[:2] for line in load_lines("event_national_groups")),
        negators=words("event_negators"), cessation=words("event_cessation_words"),
        negator_idioms=words("event_negator_idioms"),
        permission=words("event_permission_words"),
        future=words("event_future"), conditional=words("event_conditional"),
        obligation=words("event_obligation"), question_words=words("event_question_words"),
        nonpolitical=words("event_nonpolitical_subjects"), boundaries=words("event_clause_boundaries"),
        pronouns=SUBJECT_PRONOUNS, light_verbs=words("event_light_verbs"), undergo=words("event_undergo_verbs"),
        victim_words=words("event_victim_words"), irrealis=words("event_irrealis_words"),
        ability=words("event_ability_words"), attempt=words("event_attempt_words"),
        degree=words("event_degree_words"), domestic_titles=words("event_domestic_titles"),
        calendar=words("event_common_capitalised"), targetless=frozenset(load_lines("event_targetless")),
        background=words("event_background_words"), occurrence=words("event_occurrence_verbs"),
        purpose=PURPOSE_CONJUNCTIONS,
        modifiers=words("event_actor_modifiers"),
        common=words("function_words") | words("event_common_capitalised"),
        locative=words("event_locative_words"), freed_people=words("event_freed_people"),
        partner_preps=PARTNER_PREPOSITIONS,
        determiners=EVENT_DETERMINERS,
        size_words=size_words(), report_words=words("event_report_words"),
        report_preps=CAUSE_PREPOSITIONS, settings=words("event_setting_words"),
        anaphoric=ANAPHORIC, promises=words("event_promise_verbs"),
    )


def _sector_plurals(sectors) -> dict[str, str]:
    """Plurals by reduplication ("orang-orang", "warga - warga", "anak - anak"), as the tokenizer and
    the IndoSum detokenizer write them, each mapped to its lexicon key."""
    out: dict[str, str] = {}
    for p in sectors:
        forms = [f"{p}-{p}", f"{p} - {p}"] if " " not in p and "-" not in p else []
        forms += [p.replace("-", " - ")] if "-" in p and " " not in p else []
        for form in forms:
            out[form] = p
    return out


@dataclass(frozen=True)
class EventMatchers:
    """The PhraseMatchers of the event rules, built from an :class:`EventLexicon` for one vocabulary."""

    head_matcher: PhraseMatcher  # the first-token forms of every trigger
    sector_matcher: PhraseMatcher  # sector nouns, their plurals and -nya forms, countryless actors
    name_matcher: PhraseMatcher  # IGOs, country names, national and stateless groups
    pronoun_matcher: PhraseMatcher  # subject pronouns and pro-forms

    @classmethod
    def build(cls, nlp: Language, lex: EventLexicon) -> "EventMatchers":
        """The matchers for ``nlp``'s vocabulary."""
        docs = lambda phrases: [nlp.make_doc(p) for p in phrases]  # noqa: E731
        # one PhraseMatcher over every trigger's first-token forms finds candidates;
        # the rest of a multiword trigger is checked at those few positions only
        heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        heads.add("HEAD", docs(lex.trigger_forms))
        sectors = PhraseMatcher(nlp.vocab, attr="LOWER")
        sectors.add("SECTOR", docs(lex.sectors))
        sectors.add("SECTOR_PLURAL", docs(lex.sector_forms))
        # "oposisinya", "pasukannya", "jajarannya": one-word sector nouns with a possessive -nya
        sectors.add("SECTOR_NYA", docs(p + "nya" for p in lex.sectors if " " not in p))
        # "masyarakat internasional": longer than "masyarakat", so it wins where both match
        sectors.add("COUNTRYLESS", docs(lex.countryless))
        names = PhraseMatcher(nlp.vocab, attr="ORTH")
        names.add("IGO", docs(lex.igos))
        names.add("COUNTRY", docs(lex.countries))
        names.add("NATIONAL", docs(lex.national))
        names.add("GROUP", docs(lex.stateless))
        pronouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        pronouns.add("PRONOUN", docs(lex.pronouns))
        return cls(heads, sectors, names, pronouns)


def _tail_end(doc: Doc, pos: int, tail: tuple) -> Optional[int]:
    """End of ``tail`` (alternative sets and "..." gaps) matched from token ``pos``, else None."""
    if not tail:
        return pos
    head, rest = tail[0], tail[1:]
    if head == "...":
        for k in range(_GAP + 1):
            if pos + k > len(doc) or any(t.is_punct for t in doc[pos:pos + k]):
                break
            end = _tail_end(doc, pos + k, rest)
            if end is not None:
                return end
        return None
    if pos < len(doc) and doc[pos].lower_ in head:
        return _tail_end(doc, pos + 1, rest)
    return None


class Events:
    """Finds PLOVER events; see the module docstring for the rules."""

    def __init__(self, nlp: Language, name: str = "events"):
        self.name = name
        self.lex = event_lexicon()
        self.matchers = EventMatchers.build(nlp, self.lex)

    # ------------------------------------------------------------------ matching
    def match(self, doc: Doc) -> list[tuple[Span, int, str]]:
        """Trigger spans with their lexicon index and voice, overlaps resolved (longest wins)."""
        spans = []
        for _key, start, end in self.matchers.head_matcher(doc):
            if end - start != 1:
                continue  # heads are single tokens; multi-token keys come from hyphenated forms
            for i in self.lex.trigger_forms.get(doc[start].lower_, ()):
                stop = _tail_end(doc, start + 1, self.lex.tails[i])
                if stop is not None:
                    spans.append(Span(doc, start, stop, label=str(i)))
        out: list[tuple[Span, int, str]] = []
        for span in filter_spans(spans):
            i = int(span.label_)
            if self.lex.triggers[i].type == "NONE":
                continue
            voice = self.lex.voice.get((i, span[0].lower_), "noun")
            if self._background(doc, span, voice) or _scare_quoted(doc, span):
                continue
            prev = out[-1] if out else None
            if prev is not None and self.lex.triggers[prev[1]].type in _SPEECH_ACTS and span.start - prev[0].end <= 4 \
                    and sentence_bounds(doc, prev[0].start) == sentence_bounds(doc, span.start) \
                    and not any(t.is_punct or t.lower_ in AND_WORDS for t in doc[prev[0].end:span.start]):
                continue  # "mengancam akan meluncurkan serangan": the content of a threat is not coded
            same = prev is not None and self.lex.triggers[prev[1]].type == self.lex.triggers[i].type
            # "serangan bom bunuh diri": adjacent triggers of one type are one event, and
            # so is a result verb after them ("Serangan itu merusak ... dan menewaskan")
            # "dilumpuhkan dengan ditembak": the second verb is the manner of the first
            manner = span.start - prev[0].end == 1 and doc[prev[0].end].lower_ == "dengan" if prev else False
            # "sanksi - sanksi ekonomi": a plural by reduplication is one event
            plural = prev is not None and span.start - prev[0].end == 1 and doc[prev[0].end].text == "-" \
                and span[0].lower_ == prev[0][-1].lower_
            if same and (prev[0].end == span.start or manner or plural or (
                    span[0].lower_ in self.lex.occurrence and sentence_bounds(doc, prev[0].start) == sentence_bounds(doc, span.start))):
                continue
            out.append((span, i, voice))
        return out

    def _background(self, doc: Doc, span: Span, voice: str) -> bool:
        """True for a trigger that refers back to an event instead of reporting it."""
        sent = doc[slice(*sentence_bounds(doc, span.start))]
        if sent[:2].text.lower() == "baca juga":
            return True  # a link to another story
        k = self._head_before(doc, sent, span)
        before = doc[k].lower_ if k >= sent.start else ""
        if voice == "noun":
            if self._setting_of_statement(doc, sent, span, before):
                return False
            if before in self.lex.background:
                # "tewas dalam serangan itu" refers back; "tewas dalam serangan udara AS"
                # is how a new attack is often first reported
                after = [t.lower_ for t in doc[span.end:min(span.end + 3, sent.end)]]
                # only violence and protest, where people die, are first reported this way;
                # "dalam kunjungan X" frames a visit told before
                return before not in self.lex.report_preps \
                    or self.lex.triggers[int(span.label_)].type not in ("ASSAULT", "PROTEST") \
                    or any(w in self.lex.anaphoric for w in after)
            # an event noun reports the event as the clause's subject ("Serangan itu
            # menewaskan ..."), after a light verb ("melancarkan serangan") or before
            # an occurrence verb ("kerusuhan terjadi"); elsewhere it refers back
            if before in self.lex.light_verbs:
                # "seruan ISIS untuk melakukan serangan": the aim of a call, not an event
                return k > sent.start and doc[k - 1].lower_ in self.lex.purpose
            if before in self.lex.occurrence:
                # the occurrence verb first: "terjadi ledakan", "tengah berlangsung rapat koordinasi" report;
                # "terjadi pengeroyokan dan pembakaran tersebut" refers back
                return any(t.lower_ in self.lex.anaphoric for t in doc[span.end:min(span.end + 4, sent.end)])
            if k < sent.start or doc[k].is_punct:
                # "Serangan itu menewaskan ..." reports; "Serangan ini, menurut militer,
                # berkaitan dengan ..." and "Pertemuan itu merupakan ..." refer back
                if span.end < sent.end and doc[span.end].lower_ in self.lex.anaphoric:
                    after = doc[span.end + 1:min(span.end + 5, sent.end)]
                    return not any(t.lower_ in self.lex.occurrence or t.lower_ in _DONE_BY for t in after)
                return False
            after = doc[span.end:min(span.end + 4, sent.end)]
            return not any(t.lower_ in self.lex.occurrence for t in after)
        if before in self.lex.purpose:
            return True  # "untuk menyelidiki", "agar ... menghentikan": an aim, not an event
        if before in self.lex.degree:
            return True  # "masalah yang lebih mendesak": an adjective
        if before in self.lex.irrealis:
            return True  # "sistem ini mampu melumpuhkan 36 target", "berusaha ditangkap": not an event
        if before in self.lex.ability and voice == "active":
            return True  # "dapat melumpuhkan 36 target": a capacity; "dapat dilumpuhkan" happened
        if before in self.lex.attempt and voice == "passive":
            return True  # "saat berusaha ditangkap": the arrest has not happened
        if voice != "passive":
            return False
        # "barang yang telah disita", "RUU yang tengah dibahas": a passive relative clause
        # describes its head noun; "banyak yang sudah ditangkap" (headless) reports
        while k > sent.start and doc[k].lower_ in _RELATIVE_ADVERBS:
            k -= 1
        return doc[k].lower_ == "yang" and not (k > sent.start and doc[k - 1].lower_ in _QUANTIFIERS)

    def _head_before(self, doc: Doc, sent: Span, span: Span) -> int:
        """Index of the word before a trigger, past determiners and numbers (``sent.start - 1`` if none)."""
        k = span.start - 1
        while k >= sent.start and (doc[k].lower_ in self.lex.determiners or doc[k].like_num):
            k -= 1
        return k

    def _setting_of_statement(self, doc: Doc, sent: Span, span: Span, before: str) -> bool:
        """A meeting named as where or when a statement was made ("kata Tito seusai rapat koordinasi ...",
        "X mengatakan itu dalam rapat kerja bersama Komisi II"): it took place. Only a CONSULT noun after a
        setting word, with a reporting word earlier in the sentence, and not one referred back to ("dalam
        rapat itu", or a meeting noun the article used before)."""
        if before not in self.lex.settings or self.lex.triggers[int(span.label_)].type != "CONSULT":
            return False
        if any(t.lower_ in self.lex.anaphoric for t in doc[span.end:min(span.end + 3, sent.end)]):
            return False
        if span[0].lower_ in {t.lower_ for t in doc[:sent.start]}:
            return False  # "dalam perundingan" after the talks were told: the same meeting again
        # the report word close before the setting, with no clause of its own in between: "kata Tito seusai rapat",
        # "mengatakan hal itu dalam rapat"; not "menyatakan bahwa ... dibatalkan saat rapat", "mengatakan ia
        # tidak hadir dalam rapat"
        k = span.start - 1
        for i in range(span.start - 1, max(sent.start, span.start - 9) - 1, -1):
            low = doc[i].lower_
            if low in self.lex.negators or low in _COMPLEMENTIZERS:
                return False
            if low in self.lex.report_words:
                return True
        return False

    # ------------------------------------------------------------------ clauses
    def _clause(self, doc: Doc, span: Span) -> tuple[int, int]:
        sent = doc[slice(*sentence_bounds(doc, span.start))]
        times = cache.cached(doc, cache.EVENT_TIMES, _time_starts)
        lo = sent.start
        for i in range(span.start - 1, sent.start - 1, -1):
            if doc[i].text in _CLAUSE_PUNCT or doc[i].lower_ in self.lex.boundaries and not (
                    i + 1 < len(doc) and doc[i + 1].idx in times):  # "sejak Juni lalu": a date, not a clause
                lo = i + 1
                break
        hi = sent.end
        for i in range(span.end, sent.end):
            # "mengutuk serangan itu dan mengatakan ...": a report verb after the event opens new content
            if doc[i].lower_ in self.lex.boundaries or doc[i].text in _CLAUSE_PUNCT or (
                    doc[i].lower_ in self.lex.report_words and doc[i - 1].lower_ in AND_WORDS):
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
        if k < prev.end or doc[k].lower_ not in AND_WORDS:
            return False
        return not any(t.lower_ in self.lex.boundaries or t.text in _CLAUSE_PUNCT or t.text == ","
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
        mentions = actor_rules.find_mentions(self.lex, self.matchers, doc)
        home = actor_rules.home_country(mentions)
        mentioned = {m.country for m in mentions if m.country and m.kind != "place"} | {home}
        story = _Story(mentions, home, mentioned)
        for span, i, voice in found:
            event = self._event(doc, span, self.lex.triggers[i], voice, story)
            if event is not None:
                yield event

    def _event(self, doc: Doc, span: Span, trig, voice: str, story: _Story) -> Optional[dict]:
        """The event dict of one trigger, or None when its doer is no political actor."""
        mentions, home = story.mentions, story.home
        lo, hi = self._clause(doc, span)
        lo_char = doc[lo].idx if lo < len(doc) else span.start_char
        hi_char = doc[hi - 1].idx + len(doc[hi - 1].text) if hi > 0 else span.end_char
        sent_no = sentence_index(doc, span.start_char)
        if trig.type == "MOBILIZE" and trig.mode == "weapons" and context_rules.fired_at_target(doc, span, mentions, hi):
            # "menembakkan rudal ke pangkalan milik Suriah": weapons fired at someone are an attack on them
            trig = replace(trig, type="ASSAULT", mode="heavy-weapons", cameo=None)
        actors, recipients = self._participants(doc, span, trig, voice, lo, hi, sent_no, story)
        location = context_rules.location(self.lex, doc, span, mentions, lo, hi, home)
        in_clause = location is not None and location.get("start") is not None \
            and lo_char <= location["start"] < hi_char
        place_country = location.get("country") if in_clause else None
        if place_country not in story.mentioned:
            place_country = None  # a place of a country the story never names: likely a homonym
        default = place_country or home
        if not recipients and trig.mode == "visit" and place_country and location["start"] >= span.end_char:
            # "kunjungan ... ke Indonesia", "mengunjungi Istana Darul Aman": the host is
            # the country visited
            recipients = _host(doc, location, place_country) or recipients
        if context_rules.nonpolitical_subject(self.lex, doc, span, voice, lo):
            return None  # "banjir merusak rumah", "pesawat menabrak gunung": nature and accidents
        negated, modality = self._modality(doc, span, lo, story)
        type_, mode, negated, modality = self._recode(doc, span, trig, voice, lo, hi, actors, negated, modality,
                                                      story)
        if recipients and (type_ in self.lex.targetless or f"{type_}:{mode}" in self.lex.targetless) \
                and not any(m is not None and actor_rules.partnered(self.lex, doc, m) for m in recipients):
            recipients = []  # "menguasai Albu Kamal", "S-300 dikerahkan": a place or a thing, not a recipient
        actors, recipients = _two_sides(type_, actors, recipients, sent_no, story)
        cameo = onto.cameo_code(type_, mode, trig.cameo if type_ == trig.type else None)
        date, date_source = context_rules.date(self.lex, doc, span, lo_char, hi_char)
        return {
            "type": type_, "mode": mode, "cameo": cameo, "quad": onto.quad_class(type_),
            "sentence": sent_no,
            "trigger": {"text": span.text, "start": span.start_char, "end": span.end_char},
            "actor": [actor_rules.actor_dict(doc, m, home if m.kind == "person" else default)
                      for m in actors if m is not None],
            "recipient": [actor_rules.actor_dict(doc, m, home if m.kind == "person" else default)
                          for m in recipients if m is not None],
            "location": location, "date": date, "date_source": date_source,
            "size": context_rules.size(self.lex, doc, lo_char, hi_char), "negated": negated, "modality": modality,
        }

    def _participants(self, doc: Doc, span: Span, trig, voice: str, lo: int, hi: int, sent_no: int,
                      story: _Story) -> tuple[list, list]:
        """(actors, recipients) of one trigger with pronouns resolved; notes them in ``story`` for the next."""
        mentions = story.mentions
        actors, recipients = actor_rules.roles(self.lex, doc, span, voice, trig.type, mentions, lo, hi)
        prev_active = story.prev_active
        if voice == "active" and prev_active is not None and prev_active.actors and \
                self._coordinated(doc, prev_active.span, span):
            # "ia akan mengunjungi AS dan bertemu dengan ...": coordinated verbs share the subject
            actors = prev_active.actors
        last = story.last
        actors = [resolve_pronoun(self.lex, doc, m, mentions, last, sent_no) for m in actors]
        # "Keempatnya ditangkap ... Mereka kini ditahan": a pronoun in the undergoer role
        # refers back to the previous undergoer (role parallelism), else to the actor
        patient = story.last_patient if story.last_patient is not None \
            and sent_no - story.last_patient.sentence <= 2 else last
        recipients = [resolve_pronoun(self.lex, doc, m, mentions, patient, sent_no) for m in recipients]
        if recipients and recipients[0] is not None:
            story.last_patient = Recent(recipients[0], sent_no)
        if not actors and voice == "noun":
            sent = doc[slice(*sentence_bounds(doc, span.start))]
            k = self._head_before(doc, sent, span)
            if k >= sent.start and self._setting_of_statement(doc, sent, span, doc[k].lower_):
                # "kata Tito dalam rapat kerja bersama Komisi II": the one speaking met the other side
                actors = [m for m in [statement_speaker(doc, sent, mentions)] if m is not None]
        story.prev_active = _Verb(span, actors) if voice == "active" else None
        if actors:
            story.last = Recent(actors[0], sent_no)
        elif voice == "active" and last is not None and sent_no - last.sentence <= 1 \
                and not any(lo <= m.start < span.start for m in mentions if m.kind != "place"):
            # Indonesian drops or pronominalises a subject that carries over ("Mereka
            # kemudian menyerang ..."): the previous event's subject is the best guess
            actors = [last.mention]
        return actors, recipients

    def _modality(self, doc: Doc, span: Span, lo: int, story: _Story) -> tuple[bool, str]:
        """(negated, modality) of the trigger; "akan" before an earlier coordinated verb covers this one too."""
        negated, modality = context_rules.modality(self.lex, doc, span, lo)
        prev_future = story.prev_future
        if modality == "asserted" and prev_future is not None and prev_future.end <= span.start \
                and sentence_bounds(doc, prev_future.start) == sentence_bounds(doc, span.start) \
                and any(t.lower_ in AND_WORDS for t in doc[prev_future.end:span.start]) \
                and not any(t.lower_ in self.lex.boundaries or t.text in _CLAUSE_PUNCT
                            for t in doc[prev_future.end:span.start]):
            modality = "future"  # "akan mengunjungi AS dan bertemu dengan ...": "akan" covers both
        story.prev_future = span if modality == "future" else None
        return negated, modality

    def _recode(self, doc: Doc, span: Span, trig, voice: str, lo: int, hi: int, actors: list, negated: bool,
                modality: str, story: _Story) -> tuple[str, Optional[str], bool, str]:
        """(type, mode, negated, modality) after the rules that change what a trigger codes: a freed
        territory, a refused meeting, a demand on others, a future agreement, hostages taken."""
        type_, mode = trig.type, trig.mode
        if mode == "release" and context_rules.freed_territory(self.lex, doc, span, voice, story.mentions, lo, hi):
            type_, mode = "COERCE", "seize"  # "Albu Kamal dibebaskan dari ISIS": territory taken
        if negated and type_ == "CONSULT":
            # "tidak akan pernah menegosiasikan", "tidak berunding dengan teroris": refusing
            # to meet or negotiate is REJECT:meet (annotation guide)
            type_, mode, negated = "REJECT", "meet", False
        if negated and type_ == "AGREE" and (trig.phrase[0] in self.lex.permission
                                             or any(w in self.lex.permission for w in span.text.lower().split())):
            # "tidak mengizinkan", "tidak memberi izin": withholding a permission is refusing it
            type_, mode, negated = "REJECT", None, False
        if negated and context_rules.refusal(self.lex, doc, span, lo):
            type_, mode, negated, modality = "REJECT", None, False, "asserted"  # "enggan bertemu": a refusal
        elif modality == "obligation" and not context_rules.first_person_subject(self.lex, doc, span, lo):
            # "harus dibebaskan", "dunia harus menghentikan": a demand put on others is REQUEST
            type_, mode, modality = "REQUEST", None, "asserted"
        if modality == "future" and type_ in ("CONSULT", "SUPPORT", "COOPERATE", "AID"):
            type_, mode = "AGREE", None
        elif modality == "future" and type_ == "RETREAT":
            type_, mode = "CONCEDE", None
        if type_ == "COERCE" and mode == "arrest" and actors and actors[0] is not None \
                and actors[0].kind == "group":
            type_, mode = "ASSAULT", "abduct"  # "Hamas menahan dua tentara Israel": hostages, not arrests
        return type_, mode, negated, modality


class Recent(NamedTuple):
    """A participant of an earlier event and the sentence it was in."""

    mention: Mention
    sentence: int


class _Pair(NamedTuple):
    """The two sides of the last two-sided event and its sentence."""

    actor: Mention
    recipient: Mention
    sentence: int


class _Verb(NamedTuple):
    """The last active trigger and its actors."""

    span: Span
    actors: list


@dataclass
class _Story:
    """One article's mentions, and what its events so far leave for the next one."""

    mentions: list[Mention]
    home: str  # the article's country
    mentioned: set  # the countries it names
    last: Optional[Recent] = None  # the last actor
    last_patient: Optional[Recent] = None  # the last undergoer
    last_pair: Optional[_Pair] = None
    prev_future: Optional[Span] = None  # the last trigger in the future
    prev_active: Optional[_Verb] = None  # the last trigger, when active


def _host(doc: Doc, location: dict, country: str) -> list[Mention]:
    """The country visited, as the recipient of a visit ("kunjungan ... ke Indonesia"); [] if off the tokens."""
    host = doc.char_span(location["start"], location["end"], alignment_mode="expand")
    if host is None:
        return []
    return [Mention(host.start, host.end, host.text, location.get("canonical"), country, None, "country")]


def _two_sides(type_: str, actors: list, recipients: list, sent_no: int, story: _Story) -> tuple[list, list]:
    """"Trump bertemu Moon ... Keduanya membahas ...": "keduanya"/"mereka" in a two-sided event with no
    recipient are the pair of the last two-sided one; this event's pair is noted in ``story``."""
    pair = story.last_pair
    if type_ in _SYMMETRIC and not recipients and actors and actors[0] is not None \
            and actors[0].text.lower() in ("keduanya", "mereka") and pair is not None \
            and sent_no - pair.sentence <= 2:
        actors, recipients = [pair.actor], [pair.recipient]
    if actors and recipients and actors[0] is not None and recipients[0] is not None:
        story.last_pair = _Pair(actors[0], recipients[0], sent_no)
    return actors, recipients


@Language.factory(
    "events",
    requires=["token.is_sent_start", "doc._.dateline", "doc._.published", "doc.ents", "span._.canonical",
              "span._.country", "span._.role", "span._.geo", "doc._.times", "doc._.quantities", "doc._.quotes"],
    assigns=["doc._.events"],
)
def make_events(nlp: Language, name: str) -> Events:
    return Events(nlp, name)
