"""The ``quotes`` component: direct, indirect and mixed quotations with speakers.

Fills ``doc._.quotes`` with dicts shaped like :class:`warta.record.Quote`.
Rules (the cue lexicon is ``lang/quote_cues.json``; title words dropped from
speaker names are ``lang/quote_titles.txt``):

- **direct**: text between double quote marks (straight or curly, in any
  pairing, since IndoSum mixes them) that has a cue after it
  (``"...," kata X`` / ``"...," X menjelaskan``) or before it
  (``X mengatakan, "..."`` / ``Menurut X, "..."``), or that stands as a
  sentence of its own and so continues the previous speaker (or, right
  before a cued quotation, belongs to that one's speaker). A quotation
  whose paragraph has no closing mark continues into the next paragraph
  when that one opens with a mark (newspaper style), and is one quote.
- A quotation broken by its cue (``"A," kata X. "B."``) gives **two**
  quotes, both attributed to X: every quote span is contiguous text.
- **indirect**: one quote per sentence with a reporting cue outside quote
  marks: ``X mengatakan(,) (bahwa) ...``, ``Menurut X, ...``,
  ``..., kata X.``, ``A, lanjutnya, B.``, ``Dikatakan X, ...``,
  ``..., Xinhua melaporkan.``. Weak verbs (meminta, menyebut, ...) count
  only before ``bahwa``/``agar``/a comma or with ``sebagai``.
- **mixed**: an indirect clause containing a quoted fragment, or a clause
  ending in a quoted fragment before a cue (``... dinyatakan "stabil", kata
  X``); the fragment is not reported separately. Other quoted stretches
  with no cue that are not sentences are scare quotes or titles: dropped.
- **speakers**: the noun phrase next to the cue (appositions such as
  ``Pengacara Ahok, Wayan Sudirta`` pick the name). Pronouns, -nya cues and
  descriptions ending in itu/tersebut/ini ("pebalap 37 tahun itu", "sumber
  itu") resolve to the most recent speaker or sentence subject (an earlier
  speaker named by the same noun first). ``canonical`` is the entity's
  ``Span._.canonical`` when an entity covers the speaker, else the fullest
  name in the document containing the speaker's name (titles, degrees and
  a country or place right after a title dropped); a relational phrase
  ("pengacara Ahok", "perwakilan dari X") stays as it is, never X.

Finding quotations is here; finding and resolving their speakers is in
:mod:`warta.components._speakers`.

Speed: every pattern is compiled once; a document is scanned by a handful
of regex passes, and only quote candidates get per-word work.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import load_json
from ..morphology import looks_prefixed_verb
from ._regex import alternation
from ._speakers import (
    CONTINUE, SOURCE_PEOPLE, SPEECH_ACT, ADVERBS, CONNECTIVES, DAYS, NOBODY, PRONOUNS, STOPS, TITLES, UNATTRIBUTED, WORD, Cue, Hint,
    Names, adverb_tail, hint_after, hint_before, name_of, names_place, resolve, skip_connective, speaker_segment,
)
from ._lexicon import AND_WORDS, DEMONSTRATIVES, NAME_LINKS, ORG_HEADS_LOWER, SUBORDINATORS, THIRD_PERSON
from ._sentences import sentence_char_bounds
from ._words import is_cap
from .extensions import doc_list, doc_text

_LEX = load_json("quote_cues")


def _capfirst(words) -> list[str]:
    return [w for x in words for w in (x, x[:1].upper() + x[1:])]


_POST = alternation(_capfirst(_LEX["post_cues"]))
_VERBS = alternation(_LEX["verbs"])
_WEAK = frozenset(_LEX["weak_verbs"])
_PASSIVE = alternation(_capfirst(_LEX["passive"]))
_NEG = frozenset(_LEX["negations"])
_DENIALS = frozenset(_LEX["denial_verbs"])
_NOT_BEFORE_CUE = frozenset(_LEX["not_before_cue"])
_NO_CONTENT = tuple(_LEX["no_content_starts"])
_SKIP_LINES = tuple(_LEX["skip_lines"])

_COMPS = alternation(_LEX["complementizers"])

_QMARKS = re.compile(r'["“”]')
_DOUBLED_SINGLE = re.compile(r"(?<=[\w.,!?])(?:’’|'')")
_PARA = re.compile(r"\n\s*\n")
_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])")
# a cue right after a closing mark: '," kata X' / '” ujarnya' / '," X menjelaskan'
POST_CUE = re.compile(r"\s*[,.]?\s*(?P<cue>%s)(?P<nya>nya)?\b" % _POST)
# an attribution opened by "demikian"/"begitu" closing a quotation or a clause: '," demikian pernyataan Kemlu RI',
# '..., demikian disampaikan Kepala BNPB X.'
_CLOSER_CUE = r"(?:%s)\s+(?P<cue>(?:%s|%s|%s)(?:\s+(?:%s))*)(?P<nya>nya)?\b" % (
    alternation(_LEX["closers"]), _POST, alternation(_LEX["passive"]), alternation(_LEX["source_nouns"]),
    alternation(_LEX["source_modifiers"]))
POST_CLOSER = re.compile(r"\s*[,.]?\s*" + _CLOSER_CUE)
TRAIL_CLOSER = re.compile(r",\s*" + _CLOSER_CUE + r"(?P<np>[^.!?]{0,80}?)\s*[.!?]?\s*$")
POST_NP_VERB = re.compile(
    r"\s*,?\s*(?P<np>(?:[A-Z][\w'.-]*|%s)(?:\s+[A-Z][\w'.-]*){0,5})\s+(?:juga\s+|pun\s+)?"
    r"(?P<cue>%s)\b" % (alternation(THIRD_PERSON), _VERBS)
)
# before an opening mark: 'X mengatakan, "' / 'Menurut X, "' / 'Kata dia: "'
PRE_VERB = re.compile(
    r"(?P<cue>\b(?:%s))(?:\s+(?:di|kepada|dalam|melalui|lewat|pada)\s+[^,:\"“]{1,40})?\s*(?:bahwa\s*)?[,:]?\s*$" % _VERBS
)
PRE_ACCORDING = re.compile(r"\b(?P<cue>[Mm]enurut)(?P<nya>nya)?\b(?P<np>[^,]*)[,:]\s*$")
PRE_POST_CUE = re.compile(r"(?:^|[,.]\s*)(?P<cue>%s)(?P<nya>nya)?\b(?P<np>[^,]*)[,:]\s*$" % _POST)
PRE_PASSIVE = re.compile(r"\b(?P<cue>%s)\s+(?:oleh\s+)?(?P<np>[^,]*)[,:]\s*$" % _PASSIVE)
# indirect speech inside one sentence
VERB = re.compile(r"\b(?P<cue>%s)\b" % _VERBS)
ACCORDING = re.compile(r"\b(?P<cue>[Mm]enurut)(?P<nya>nya)?\b")
# (a passive cue counts here only with its agent "-nya": "Laporan itu, dikatakannya, meningkat"; a bare
# ", diharapkan dapat ..." is no attribution)
MID_CUE = re.compile(r",\s*(?P<cue>%s|(?:%s)(?=nya\b))(?P<nya>nya)?\b(?P<np>[^,.]{0,60}?)\s*(?:,|(?P<end>[.!?]?\s*$))"
                     % (_POST, alternation(_LEX["passive"])))
START_CUE = re.compile(
    r"(?P<cue>%s)(?P<nya>nya)?\b[^,.]{0,60},\s*" % alternation(w[:1].upper() + w[1:] for w in _LEX["post_cues"])
)
# "Bagi Rina, ...", "Baginya, ...": a person's view opening the sentence
VIEW_START = re.compile(r"(?P<cue>%s)(?P<nya>nya)?\b(?P<np>[^,.]{0,40}?)\s*,\s*"
                        % alternation(_capfirst(_LEX["view_openers"])))
# "Hal itu disampaikan oleh X": the sentence before was X's
BACKWARD = re.compile(r"\s*(?:%s)\s+(?:%s)\s+(?P<cue>(?:%s)(?:nya)?(?:\s+oleh)?)\s+" % (
    alternation(_capfirst(_LEX["backward_heads"])), alternation(sorted(DEMONSTRATIVES)), alternation(_LEX["passive"])))
PASSIVE_START = re.compile(r"(?P<cue>%s)\s+(?:oleh\s+)?(?P<np>[^,]{1,80}?)\s*,\s*" % _PASSIVE)
# "Dijelaskan, ...", "Ditambahkannya, ...": an agentless passive that continues the current speaker
AGENTLESS_START = re.compile(r"(?P<cue>%s)(?:nya)?(?:\s*[,:]\s*|\s+(?=(?P<next>[a-z][\w-]*)))" % _PASSIVE)
# ", namun ...": a contrast after which another may report
_CONTRAST = re.compile(r",\s*(?:%s)\s+" % alternation(_LEX["contrast_coordinators"]))
_COMMA = re.compile(r",\s+")
# "Pernyataan itu dinilai Budi jauh dari ...", "diklaimnya untuk ...": a passive judgement whose agent follows it
AGENT_PASSIVE = re.compile(r"\b(?P<cue>%s)(?:(?P<nya>nya)\b|\s+)" % alternation(_LEX["agentive_passives"]))
TRAIL_REPORT = re.compile(
    r",\s*(?P<np>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,4})\s+(?P<cue>%s)\s*[.!?]?\s*$"
    % alternation(_LEX["report_verbs_after"])
)
# a report's source opening the sentence: "Laporan BMKG, ...", "Berdasarkan data dari BPBD, ..."
SOURCE_START = re.compile(
    r"(?:(?:%s)\s+)?(?P<cue>%s)\s+(?:resmi\s+|terbaru\s+|sementara\s+)?(?:dari\s+|dalam\s+|di\s+|yang\s+diterima\s+dari\s+)?"
    r"(?P<np>(?:[^\s,.]+\s+){0,5}?[^\s,.]+)\s*,\s+" % (alternation(_capfirst(_LEX["source_openers"])), alternation(_capfirst(_LEX["source_nouns"]))))
# a place, medium or time between a reporting verb and its "bahwa": "mengatakan di Jakarta bahwa", "menulis
# di akun Twitter-nya bahwa", "menyatakan dalam keterangan tertulis, bahwa"
ADJUNCT_THEN_COMP = re.compile(r"\s+(?:%s)\s+[^,.;:\"“”]{1,60}?\s*,?\s*(?P<comp>bahwa)\b" % alternation(
    _LEX["prepositions"] + sorted(SUBORDINATORS)))
COMP_START = re.compile(r"\s*[,:]?\s*(?:(?P<comp>bahwa|kalau)\b)?\s*")
# what lets a weak verb report speech: "meminta X agar ...", "menanyakan X, apakah ...", "menyebut X akan ..."
LICENSE = re.compile(r"^(?:\S+\s+){0,4}?(?P<comma>,\s*)?(?P<comp>%s)\b" % _COMPS)
# (not after "yang": "menyebut nama yang akan ..." is a noun phrase with a relative clause, not a clause)
AUX = re.compile(r"(?<!yang )\b(?:%s)\b" % alternation(_LEX["auxiliaries"]))
_REQUEST = frozenset(_LEX["request_verbs"])
_COMP_NEXT = re.compile(r"\s*[,:]?\s*(?:%s)\b" % _COMPS)
# "... dan (juga) menegaskan ...": a second reporting verb inside an indirect quote's clause
COORDINATED_VERB = re.compile(r"\s*,?\s+(?:%s)\s+(?:(?:%s)\s+)?(?P<cue>%s)\b" % (
    alternation(sorted(AND_WORDS)), alternation(_LEX["adverbs"]), _VERBS))
_DESCRIPTORS = frozenset(_LEX["descriptors"])
_HONORIFICS = frozenset(_LEX["honorifics"])
_VIA = re.compile(r"\b(?:dilansir|dikutip|dilaporkan|diberitakan)\s+(?:oleh\s+|dari\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})")
_SOURCE_CUTS = frozenset(_LEX["source_cuts"])
_KEPADA_SKIP = frozenset(_LEX["kepada_skip"])


MIN_WORDS = 3

_VERBAL_PREPOSITIONS = frozenset(_LEX["verbal_prepositions"])
_PARTY_NOUNS = frozenset(_LEX["party_nouns"])
_NEEDS_COMPLEMENTIZER = frozenset(_LEX["complementizer_only_verbs"])
_AGENT_MARKERS = frozenset(_LEX["agent_markers"])
_STANCE_NOUNS = frozenset(_LEX["stance_nouns"])
_STANCE_VERBS = frozenset(_LEX["stance_verbs"])
_NOT_SOURCES = frozenset(_LEX["not_sources"])
_SPEECH_NOUNS = frozenset(_LEX["speech_nouns"])
_RULINGS = frozenset(_LEX["ruling_verbs"])
_BARE_PREDICATES = frozenset(_LEX["bare_predicates"])
_EXISTENTIALS = frozenset(_LEX["existentials"])
_CLAUSE_ADVERBS = frozenset(_LEX["clause_adverbs"])
_TER = ("ter",)
_CLAUSE_VERB_PREFIXES = ("me", "di")
_CLAUSE_STOPS = frozenset(_LEX["prepositions"]) | frozenset(_LEX["complementizers"]) | {"yang"}


# a name in apposition after a title: "..., Geng Shuang, di Beijing"
_APPOSED = re.compile(r"\s*,\s*(?P<n>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){1,3})"
                      r"\s*(?:,|[.!?]|\s+(?:%s)\b)" % alternation(_LEX["speaker_stops"]))


def _agent_name(d, start: int, end: int) -> Optional[tuple[int, int]]:
    """(start, end) of the person named as the agent at ``start``: a person entity right there ("oleh Geng
    Shuang"), or the name in apposition after a title ("oleh juru bicara Kemlu China, Geng Shuang,")."""
    per = [e for e in d.ents if e.label_ == "PER" and start <= e.start_char < end]
    if per and per[0].start_char - start < 60:
        return per[0].start_char, per[0].end_char
    comma = d.text.find(",", start, end)
    if comma < 0 or comma - start > 80:
        return None
    m = _APPOSED.match(d.text, comma)
    if m is None or names_place(m.group("n")) or any(e.label_ == "ORG" and e.start_char <= m.start("n") < e.end_char
                                                   for e in d.ents):
        return None
    return m.start("n"), m.end("n")


def _noun_complement(rest: str) -> bool:
    """Whether the words after a reporting verb open a noun phrase of attitude ("sikapnya terhadap ...",
    "dukungan penuh", "rasa duka citanya"): a stance noun, with or without -nya, which reports only with a
    clause after it ("menyatakan pendapatnya, pemerintah harus ...")."""
    words = rest.split()
    if not words:
        return False
    w0 = words[0].lower().strip(",.")
    return w0 in _STANCE_NOUNS or (w0.endswith("nya") and w0[:-3] in _STANCE_NOUNS)


def _subject_reach(verb: str) -> int:
    """How many words a clause's subject may run to after ``verb``: a request names whom it asks at length
    ("meminta negara-negara Asia Tenggara dan China memastikan ..."), a report keeps it short, and a verb
    that also names a physical act reports only with a complementizer (none)."""
    if verb in _NEEDS_COMPLEMENTIZER:
        return 0  # "mendorong kursi roda pasien memasuki ...": pushing a thing; urging takes untuk/agar
    return 6 if verb in _REQUEST else 3


def _clause_licensed(rest: str, verb: str) -> bool:
    """Whether the words after a reporting verb with no complementizer or comma make a clause: "agar ..."
    (LICENSE; "untuk" only after a request), an auxiliary in its first words, or a subject and its verb."""
    lic = LICENSE.match(rest)
    if lic and not (lic.group("comp") == "untuk" and verb not in _REQUEST):
        return True
    return bool(AUX.search(" ".join(rest.split()[:12]))) or _subject_then_verb(rest, _subject_reach(verb))


def _subject_then_verb(rest: str, most: int = 3) -> bool:
    """A clause with no complementizer after a weak verb: a subject of up to ``most`` - 1 words, then its
    meN- or di- verb or an unprefixed predicate ("menjamin perusahaan memiliki dana", "menyebut Budi menerima
    suap", "harga solar naik"). A noun
    phrase has none: "menjamin keamanan warga", "meminta maaf kepada warga", "menyampaikan apresiasinya
    menjadi ..." (a possessed noun is the object), "mengungkap penyebab kebakaran terjadi" (ter- is stative)."""
    head = re.match(r"[^,.;:!?\"“”()]*", rest).group()
    words = head.split()[:most]
    lead = 0
    while lead < len(words) - 1 and lead < 2 and words[lead].lower() in _CLAUSE_ADVERBS:
        lead += 1
    if words and words[lead].lower() in _EXISTENTIALS:
        return True  # "menyebut (setidaknya) terdapat sembilan kasus": a clause of being
    for i, w in enumerate(words):
        low = w.lower()
        if low in _CLAUSE_STOPS or (not i and low.endswith("nya")):
            return False
        if not i or not w.islower():
            continue  # the subject's first word may look prefixed ("terdakwa", "direktur"); names are nouns
        if low in _BARE_PREDICATES:
            return True  # "merinci harga Pertalite naik ..."
        if looks_prefixed_verb(low, _TER):
            return False
        if looks_prefixed_verb(low, _CLAUSE_VERB_PREFIXES) and low not in _VERBAL_PREPOSITIONS:
            return True  # meN-/di- only: a ber- word after a noun is mostly its modifier ("kendaraan bermotor")
    return False


@dataclass
class Stretch:
    """A quoted stretch of text: its marks and the quoted words between them (character offsets).

    ``close`` is -1 for a quotation whose closing mark never comes; ``start``
    and ``end`` bound the content, without the spaces and marks around it.
    """

    open: int
    close: int
    start: int
    end: int


class Candidate(NamedTuple):
    """A quotation found, before its speaker is resolved (see :func:`._speakers.resolve`)."""

    start: int
    end: int
    kind: str  # "direct", "indirect" or "mixed"
    cue: Optional[Cue]
    hint: Optional[Hint]
    stretch: Optional[Stretch] = None  # the quoted stretch of a direct quotation


def _source_length(np: str) -> int:
    """Length of a source's name: up to a place or time word ("Jambeck di 2015" -> "Jambeck")."""
    words = list(WORD.finditer(np))
    for w in words[1:]:
        if w.group().lower() in STOPS:
            return len(np[:w.start()].rstrip())
    return len(np.rstrip())


def _names_an_agent(np: str) -> bool:
    """Whether the words after a passive cue name who spoke ("Disampaikan Kapolres, ...", "Diungkapkan
    dia, ...") rather than start the clause ("Diharapkan nanti jika ...")."""
    words = np.split()
    if not words:
        return False
    w0 = words[0]
    return is_cap(w0) or w0.lower() in PRONOUNS or w0.lower() in TITLES or w0.lower() in _AGENT_MARKERS


def _names_a_source(np: str) -> bool:
    """Whether the words after "Laporan"/"Berdasarkan data" name a source ("BMKG", "warga"), not "sementara"."""
    words = np.split()
    return bool(words) and (any(is_cap(w) for w in words) or words[0].lower() in SOURCE_PEOPLE)
_LEAD_COMP = re.compile(r"(?:agar|supaya|bahwa)\s+", re.I)


def _has_words(text: str, start: int, end: int, n: int) -> bool:
    """Whether ``text[start:end]`` holds at least ``n`` words."""
    found = 0
    for _ in WORD.finditer(text, start, end):
        found += 1
        if found >= n:
            return True
    return False


class _Doc:
    """Per-document state: text, sentences, entities and names (see :mod:`._speakers`)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.raw = doc_text(doc)
        # two closing single marks stand for a closing double one ('sedikit,’’ kata X'); same length, so
        # every offset holds; quote texts are cut from ``raw``
        self.text = _DOUBLED_SINGLE.sub("” ", self.raw) if "’’" in self.raw or "''" in self.raw \
            else self.raw
        self.sents = self._sentences()
        self.sent_starts = [a for a, _ in self.sents]
        self.names = Names(self.text)  # its index is built on first use

    @cached_property
    def ents(self) -> list:
        # doc.ents walks every token: only pay for it when a speaker needs it
        if not self.doc.has_annotation("ENT_IOB"):
            return []
        return [e for e in self.doc.ents if e.label_ in ("PER", "ORG")]

    def _sentences(self) -> list[tuple[int, int]]:
        doc, text = self.doc, self.text
        if doc.has_annotation("SENT_START"):
            return sentence_char_bounds(doc)
        out, start = [], 0
        for para in _PARA.split(text) if text else []:
            p0 = text.find(para, start)
            s0 = p0
            for m in _SENT_END.finditer(para):
                out.append((s0, p0 + m.end()))
                s0 = p0 + m.end()
            out.append((s0, p0 + len(para)))
            start = p0 + len(para)
        return out

    @cached_property
    def person_names(self) -> list[str]:
        """The people's names of two words or more the entity stage gives, in text order, once each."""
        out: dict[str, None] = {}
        for e in self.ents:
            full = e._.canonical or e.text
            if e.label_ == "PER" and len(full.split()) >= 2:
                out.setdefault(full)
        return list(out)

    def full_name(self, name: str) -> str:
        """``name`` completed to the fullest form the article writes it in.

        The capitalised runs of the text come first (:meth:`Names.fullest`); a
        one-word name they leave alone is the one person entity that has that
        word ("Imam" after "Menteri Pemuda dan Olahraga Imam Nahrawi", whose
        run the title's "dan" cuts).
        """
        full = self.names.fullest(name)
        # a one-word name the runs complete to an organisation may be a person's too ("Mada" of "Universitas
        # Gadjah Mada, Mada Sukmajati"): then, as for a one-word name they leave alone, the person entity
        one_word = len(full.split()) == 1
        of_an_org = len(name.split()) == 1 and full.split()[0].lower() in ORG_HEADS_LOWER
        if not (one_word or of_an_org):
            return full
        word = full.lower() if one_word else name.lower()
        found = [p for p in self.person_names if word in p.lower().split()]
        return found[0] if len(found) == 1 else full

    def entity_in(self, start: int, end: int):
        """The last PER (else ORG) entity inside [start, end)."""
        found = [e for e in self.ents if e.start_char >= start and e.end_char <= end]
        per = [e for e in found if e.label_ == "PER"]
        return (per or found or [None])[-1]

    def sentence_of(self, char: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, char) - 1
        if 0 <= i and char < self.sents[i][1]:
            return self.sents[i]
        return 0, len(self.text)


def _stretches(text: str) -> list[Stretch]:
    """The quoted stretches of ``text``, in text order."""
    out: list[Stretch] = []
    pstart = 0
    paras = []
    for m in _PARA.finditer(text):
        paras.append((pstart, m.start()))
        pstart = m.end()
    paras.append((pstart, len(text)))
    pending = None  # an unclosed quote waiting for the next paragraph
    for p0, p1 in paras:
        opened = None
        for m in _QMARKS.finditer(text, p0, p1):
            ch, pos = m.group(), m.start()
            if opened is None:
                if ch == "”" and not (pos + 1 < p1 and text[pos + 1].isalnum() and text[pos - 1:pos].isspace()):
                    continue  # a stray closing mark
                if pending is not None and text[p0:pos].strip() == "":
                    opened = pending  # the quote goes on in this paragraph
                else:
                    if pending is not None:
                        out.append(pending)
                    opened = Stretch(pos, -1, pos + 1, pos + 1)
                pending = None
                continue
            if ch == "“":  # a new opening mark: the previous stretch was never closed
                opened.end = pos
                out.append(opened)
                opened = Stretch(pos, -1, pos + 1, pos + 1)
                continue
            opened.close, opened.end = pos, pos
            out.append(opened)
            opened = None
        if pending is not None:
            out.append(pending)
            pending = None
        if opened is not None:
            opened.end = p1
            pending = opened
    if pending is not None:
        out.append(pending)
    for q in out:
        s, e = q.start, q.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",“\""):
            e -= 1
        q.start, q.end = s, e
    return [q for q in out if q.end > q.start]


class Quotes:
    """Finds quotations and their speakers; writes ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str = "quotes"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc_list(doc, "quotes")
        quotes.extend(self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[dict]:
        """All quotations of ``doc`` as Record.quotes dicts, in text order."""
        if not doc_text(doc).strip():
            return []
        d = _Doc(doc)
        text = d.text
        found: list[Candidate] = []
        fragments: list[Stretch] = []
        for q in _stretches(text):
            item = self._direct(d, q)
            if item is None:
                fragments.append(q)
            else:
                found.append(item)
        blocked = [(f.stretch.open, (f.stretch.close if f.stretch.close >= 0 else f.stretch.end) + 1) for f in found]
        for s0, s1 in d.sents:
            item = self._indirect(d, s0, s1, blocked)
            if item is None:
                continue
            items = self._second_report(d, item, s1, blocked)
            for part in (p for it in items for p in (self._split_coordinated(d, it) if it.kind != SPEECH_ACT else [it])):
                if any(f.start >= part.start and f.end <= part.end + 1 for f in fragments):
                    part = part._replace(kind="mixed")
                found.append(part)
        # a quotation holds at least three words (ANNOTATION.md): one or two quoted words are a term or a
        # title, and ', kata Budi' alone reports nothing
        found = [f for f in found if _has_words(text, f.start, f.end, MIN_WORDS)]
        if not found:
            return []
        found.sort(key=lambda f: f.start)
        out = resolve(d, found, [(f.stretch.open, f.stretch.end) for f in found if f.stretch is not None])
        return [self._said_by_next(d, q) for q in out]

    def _second_report(self, d, item: Candidate, s1: int, blocked) -> list[Candidate]:
        """``item``, or ``item`` cut at a contrast and the report after it: "Dia mengaku bersalah, namun
        Mahkamah Agung kemudian memutuskan bahwa ..." holds the court's report, not more of his. Only a report
        with a speaker of its own after ", namun/tetapi/sedangkan ..." cuts; "X mengatakan harga naik, namun
        stok aman" stays one quote of X. In a sentence opened by a subordinator ("Meski X mengatakan ...,
        Y mengklaim ..."), the comma that closes the fronted clause cuts the same way."""
        cuts = list(_CONTRAST.finditer(d.text, item.start, item.end))
        opening = d.text[d.sentence_of(item.start)[0]:item.start].split()[:1]
        if opening and opening[0].lower() in SUBORDINATORS:
            # "Meski PPP mengatakan akan mengevaluasi dukungan, Partai Nasdem mengklaim ...": the fronted
            # clause ends at its comma, and a report with its own speaker may follow
            cuts += list(_COMMA.finditer(d.text, item.start, item.end))
        for m in cuts:
            second = self._indirect(d, m.end(), s1, blocked)
            if second is not None and second.hint is not None and second.hint.kind == "np" \
                    and second.kind != SPEECH_ACT and second.start >= m.end() \
                    and _has_words(d.text, second.start, second.end, MIN_WORDS):
                first = item._replace(end=m.start())
                return ([first] if _has_words(d.text, first.start, first.end, MIN_WORDS) else []) + [second]
        return [item]

    def _said_by_next(self, d, q: dict) -> dict:
        """A quote whose speaker is no person, followed by "Hal itu disampaikan oleh X" naming a person:
        X said it ("Kemlu China meminta ... . Hal itu disampaikan oleh juru bicara Kemlu, Geng Shuang")."""
        speaker = q["speaker"]
        if speaker is not None and speaker.get("label") in (None, "PER"):
            return q
        s1 = d.sentence_of(max(q["start"], q["end"] - 1))[1]
        m = BACKWARD.match(d.text, s1)
        if m is None:
            return q
        name = _agent_name(d, m.end(), d.sentence_of(m.end())[1])
        if name is None:
            return q
        a, b = name
        who = {"start": a, "end": b, "text": d.raw[a:b], "canonical": d.names.fullest(d.text[a:b]), "label": "PER"}
        return dict(q, speaker=who)

    def _direct(self, d: _Doc, q: Stretch) -> Optional[Candidate]:
        text = d.text
        open_pos, close_pos, c0, c1 = q.open, q.close, q.start, q.end
        s0, s1 = d.sentence_of(open_pos)
        para0 = text.rfind("\n", 0, open_pos) + 1
        pre_start = max(s0, para0)
        pre = text[pre_start:open_pos]
        if close_pos >= 0:
            para_end = text.find("\n", close_pos)
            post = text[close_pos + 1:para_end if para_end >= 0 else len(text)][:200]
            m = POST_CUE.match(post)
            if m:
                hint = hint_after(d, m, close_pos + 1)
                if pre.strip() and pre.rstrip()[-1:] not in ".!?:,\"”" and len(WORD.findall(pre)) >= 3:
                    # 'X ditunda sampai situasi "stabil", kata Y': the whole clause is reported
                    lead = pre_start + len(pre) - len(pre.lstrip())
                    return Candidate(lead, c1 + (text[c1] in "\"”" and 1 or 0), "mixed", self._cue(m, close_pos + 1), hint, q)
                return Candidate(c0, c1, "direct", self._cue(m, close_pos + 1), hint, q)
            m = POST_CLOSER.match(post)
            if m:
                hint = hint_after(d, m, close_pos + 1)
                if hint is not None:
                    return Candidate(c0, c1, "direct", self._cue(m, close_pos + 1), hint, q)
            m = POST_NP_VERB.match(post)
            if m:
                np0 = close_pos + 1 + m.start("np")
                hint = Hint("pron" if m.group("np").lower() in PRONOUNS else "np", np0, close_pos + 1 + m.end("np"))
                return Candidate(c0, c1, "direct", self._cue(m, close_pos + 1), hint, q)
        words_before = pre.strip()
        rest_after = text[close_pos + 1:s1].strip() if close_pos >= 0 else ""
        fills_rest = close_pos < 0 or len(WORD.findall(rest_after)) <= 1 or rest_after[:1] in ".!?"
        for rx in (PRE_ACCORDING, PRE_PASSIVE, PRE_POST_CUE, PRE_VERB):
            m = rx.search(pre)
            if m and fills_rest:
                hint = hint_before(d, m, pre_start)
                if hint is None:
                    continue
                return Candidate(c0, c1, "direct", self._cue(m, pre_start), hint, q)
        n_words = len(WORD.findall(text[c0:c1]))
        # "X menambahkan ..., “ Kita berharap ...": a quoted sentence after indirect speech
        if fills_rest and words_before.endswith(",") and text[c0].isupper() and n_words >= 5:
            verbs = list(VERB.finditer(pre))
            hint = hint_before(d, verbs[-1], pre_start) if verbs else None
            if hint is not None:
                return Candidate(c0, c1, "direct", self._cue(verbs[-1], pre_start), hint, q)
        # a quoted sentence of its own: it continues the previous speaker
        starts_sentence = words_before == "" or words_before[-1:] in ".!?\"”"
        if starts_sentence and fills_rest and (n_words >= 4 or text[c0:c1].rstrip()[-1:] in ".!?"):
            return Candidate(c0, c1, "direct", None, CONTINUE, q)
        return None

    def _indirect(self, d: _Doc, s0: int, s1: int, blocked) -> Optional[Candidate]:
        text = d.text
        # the part of the sentence before the first direct quote in it
        end = s1
        for b0, b1 in blocked:
            if b0 < s1 and b1 > s0:
                if b0 <= s0 + 2:
                    return None
                end = min(end, b0)
        sent = text[s0:end].rstrip()
        if len(sent) < 12 or sent.lower().startswith(_SKIP_LINES):
            return None
        body_end = s0 + len(sent.rstrip(" .!?\"”“"))
        # "Dikatakan X, ..." at the start
        lead = skip_connective(sent)
        m = AGENTLESS_START.match(sent, lead)
        if m and not (m.group("next") and _names_an_agent(m.group("next"))):
            return self._clause(d, s0 + m.end(), body_end, m, s0, Hint("pron", s0 + m.start("cue"), s0 + m.end("cue")))
        m = PASSIVE_START.match(sent, lead)
        if m and not _names_an_agent(m.group("np")):
            # "Diharapkan nanti jika trotoar sudah bagus, ...": no agent follows, the clause starts at once
            return self._clause(d, s0 + m.end("cue"), body_end, m, s0,
                                Hint("pron", s0 + m.start("cue"), s0 + m.end("cue")))
        if m:
            return self._clause(d, s0 + m.end(), body_end, m, s0, Hint("np", s0 + m.start("np"), s0 + m.end("np")))
        m = SOURCE_START.match(sent, lead) or SOURCE_START.match(sent, 0)  # "Laporan BMKG, ..."
        if m and _names_a_source(m.group("np")):
            np_end = m.start("np") + _source_length(m.group("np"))
            # a cited source ("source" hint): it speaks here, but is nobody a later "-nya" or quote continues
            return self._clause(d, s0 + m.end(), body_end, m, s0, Hint("source", s0 + m.start("np"), s0 + np_end))
        m = START_CUE.match(sent, lead)  # "Kata Halim, ..."
        if m:
            hint = hint_after(d, m, s0)
            if hint is not None:
                return self._clause(d, s0 + m.end(), body_end, m, s0, hint)
        m = VIEW_START.match(sent, len(sent) - len(sent.lstrip()))  # "Bagi" is also a connective: match at 0
        if m:
            hint = self._view_holder(d, s0, m)
            if hint is not None:
                return self._clause(d, s0 + m.end(), body_end, m, s0, hint)
        # "Menurut X, ..." anywhere, unless a reporting verb comes first
        m = ACCORDING.search(sent)
        if m:
            for v in VERB.finditer(sent, 0, m.start()):
                item = self._verb_clause(d, sent, s0, body_end, v, lead)
                if item is not None:
                    return item
            return self._according(d, sent, s0, body_end, m, lead)
        # ", kata X." at the end / ", lanjutnya, ..." in the middle
        for m in MID_CUE.finditer(sent):
            hint = hint_after(d, m, s0)
            if hint is None:
                continue
            before = sent[:m.start()].strip()
            if m.group("end") is not None:
                return Candidate(s0 + lead, s0 + m.start(), "indirect", self._cue(m, s0), hint)
            head_only = all(w.lower() in CONNECTIVES for w in before.split())
            c0 = s0 + m.end() if head_only else s0 + lead
            return self._clause(d, c0, body_end, m, s0, hint)
        m = TRAIL_CLOSER.search(sent)
        if m:
            hint = hint_after(d, m, s0)
            if hint is not None:
                return Candidate(s0 + lead, s0 + m.start(), "indirect", self._cue(m, s0), hint)
        m = TRAIL_REPORT.search(sent)
        if m:
            hint = Hint("np", s0 + m.start("np"), s0 + m.end("np"))
            return Candidate(s0 + lead, s0 + m.start(), "indirect", self._cue(m, s0), hint)
        for m in VERB.finditer(sent):
            item = self._verb_clause(d, sent, s0, body_end, m, lead)
            if item is not None:
                return item
        for m in AGENT_PASSIVE.finditer(sent):
            item = self._agent_passive(d, s0, body_end, m)
            if item is not None:
                return item
        return None

    def _agent_passive(self, d, s0, body_end, m) -> Optional[Candidate]:
        """"X dinilai <person> <clause>" or "X diklaimnya <clause>": the agent said the clause after it.

        The agent is the -nya or a person the entity stage found right after the
        verb, titles before it allowed ("dinilai pengamat ekonomi Faisal
        Basri"); anyone else there ("yang disebut Kampung Pulo", "dinilai Rp 5
        miliar") names no speaker.
        """
        before = d.text[max(s0, s0 + m.start() - 5):s0 + m.start()].split()
        if before and before[-1].lower() == "yang" and not m.group("nya"):
            # "Warga yang disebut Ahmad Yani tinggal ...": a name given; "pihak yang disebutnya mengaitkan
            # namanya ..." still reports what he said
            return None
        if m.group("nya"):
            hint = Hint("pron", s0 + m.start("nya"), s0 + m.end("nya"))
            c0 = s0 + m.end()
        else:
            a = s0 + m.end()
            per = next((e for e in d.ents if e.label_ == "PER" and a <= e.start_char < a + 40), None)
            if per is None or not all(w.lower() in TITLES or is_cap(w) for w in d.text[a:per.start_char].split()):
                return None
            hint = Hint("np", a, per.end_char)
            c0 = per.end_char
        rest = d.text[c0:body_end].lstrip()
        if not _has_words(d.text, c0, body_end, 3) or rest[:1] in (",", ".") or rest.lower().startswith("sebagai "):
            return None  # "dianggap X sebagai teladan": a role given, no clause said
        return self._clause(d, c0, body_end, m, s0, hint)

    def _split_coordinated(self, d, item: Candidate) -> list[Candidate]:
        """Two reports joined by "dan" are two quotes: "X membantah A dan juga membantah B" -> A, B."""
        if item.kind != "indirect" or item.cue is None or item.cue.start > item.start:
            return [item]  # a verb before its clause only; "A, kata X" and "Menurut X" stay whole
        clause = d.text[item.start:item.end]
        for m in COORDINATED_VERB.finditer(clause):
            if m.group("cue") in _WEAK and not _COMP_NEXT.match(clause, m.end()):
                continue  # "... dan meminta bantuan": a weak verb reports only with a clause
            second = self._clause(d, item.start + m.end(), item.end, m, item.start, item.hint)
            first_end = item.start + len(clause[:m.start()].rstrip(" ,"))
            if second is not None and _has_words(d.text, item.start, first_end, MIN_WORDS) \
                    and _has_words(d.text, second.start, second.end, MIN_WORDS):
                return [item._replace(end=first_end)] + self._split_coordinated(d, second)
        return [item]

    def _coordinated_subject(self, sent, s0, lead, verb_start) -> Optional[Hint]:
        """The subject of a sentence whose second predicate reports ("Bangladesh mempertahankan pendapatnya
        dan mengatakan bahwa ..."): the words before its first verb."""
        words = list(WORD.finditer(sent, lead, verb_start))
        first_verb = next((w for w in words[1:] if w.group().islower() and looks_prefixed_verb(w.group())), None)
        if first_verb is None:
            return None
        return speaker_segment(sent, s0, lead, len(sent[:first_verb.start()].rstrip()))

    def _view_holder(self, d, s0, m) -> Optional[Hint]:
        """The person whose view "Bagi X, ..." opens: "-nya", a pronoun or a person's name; else None
        ("Bagi pelanggar, ...", "Bagi Indonesia, ..." name no speaker)."""
        if m.group("nya"):
            return Hint("pron", s0 + m.start("nya"), s0 + m.end("nya"))
        np = m.group("np").strip()
        if not np:
            return None
        np0 = s0 + m.start("np") + (len(m.group("np")) - len(m.group("np").lstrip()))
        if np.lower() in PRONOUNS:
            return Hint("pron", np0, np0 + len(np))
        np1 = np0 + len(np)
        for e in d.ents:
            if e.label_ != "PER" or not (e.end_char == np1 or (e.start_char <= np0 and np1 <= e.end_char + 1)):
                continue
            before = d.text[np0:max(np0, e.start_char)].split()
            if all(w.lower() in TITLES for w in before):  # "Bagi Rina", "Bagi Menteri Rina"; not "Bagi pendukung X"
                return Hint("np", np0, np1)
        return None

    def _according(self, d, sent, s0, body_end, m, lead):
        if m.group("nya"):
            hint = Hint("pron", s0 + m.start("nya"), s0 + m.end("nya"))
            after = m.end()
        else:
            comma = sent.find(",", m.end())
            np_end = comma if comma >= 0 else len(sent)
            np_text = sent[m.end():np_end]
            words = np_text.split()
            if not words or words[0].lower() in _NOT_SOURCES:
                return None  # "Menurut rencana, ...": as planned, nobody's report
            np0 = s0 + m.end() + (len(np_text) - len(np_text.lstrip()))
            if len(words) > 1 and words[0].lower() in _SPEECH_NOUNS and is_cap(words[1]):
                # "Menurut penuturan Dian, ...": the one whose account it is
                head = re.match(r"\s*\S+\s+", np_text)
                np0 = s0 + m.end() + head.end()
                np_text, words = np_text[head.end():], words[1:]
            cut = next((j for j, w in enumerate(words) if j and w.lower() in STOPS | _SOURCE_CUTS), None)
            if cut is not None and comma >= 0:  # "Menurut kantor berita MENA dikutip dari Antara, ..."
                np_end = np0 - s0 + len(" ".join(words[:cut]))
            k = 1  # no comma: "Menurut Vitali dirinya ...": the name is the capitalised run
            while k < len(words) and is_cap(words[k]):
                k += 1
            if comma < 0 and len(words) > 3 and words[0].lower() in _PARTY_NOUNS and words[1].islower():
                # "Menurut termohon penetapan pemohon ...": a party of the case, then the clause
                np_end = np0 - s0 + len(words[0])
            elif (comma < 0 or len(words) > 6) and is_cap(words[0]) and words[0].lower() not in NOBODY \
                    and k < len(words) and words[k].lower() not in NAME_LINKS \
                    and not sent[:m.start()].rstrip().endswith(","):
                np_end = np0 - s0 + len(" ".join(words[:k]))
                comma = -1
            hint = Hint("np", np0, s0 + np_end)
            if words[0].lower() in PRONOUNS:
                hint = Hint("pron", np0, np0 + len(words[0]))
                if comma < 0 or len(words) > 2:
                    np_end = m.end() + np_text.find(words[0]) + len(words[0])
                    comma = -1
            elif words[0].lower() in NOBODY:
                hint = UNATTRIBUTED
                src = _VIA.search(np_text)  # "kabar yang dilansir Sport Witness"
                if src:
                    hint = Hint("np", np0 + src.start(1) - (len(np_text) - len(np_text.lstrip())), np0 + src.end(1) - (len(np_text) - len(np_text.lstrip())))
            after = np_end
            if comma >= 0:
                after = comma + 1
                # appositions and dates: "Menurut dokter kloter, dr Roro, ..." / "Menurut Solehudin,
                # salah seorang pembuat tape di Desa X, Kecamatan Y, ..." / "Menurut X, Senin (29/8), ..."
                named = is_cap(words[0]) and words[0].lower() not in TITLES and bool(name_of(words))
                while True:
                    nxt = sent.find(",", after)
                    seg = sent[after:nxt].strip() if nxt >= 0 else ""
                    sw = seg.split()
                    if not sw:
                        break
                    w0 = sw[0].lower()
                    if w0 in DAYS:
                        pass
                    elif named and (w0 in _DESCRIPTORS or (is_cap(sw[0]) and len(sw) <= 3 and w0 not in CONNECTIVES)):
                        pass  # a description of a named speaker, or a place in it
                    elif not named and len(sw) <= 4 and (is_cap(sw[0]) or w0 in _HONORIFICS) and w0 not in CONNECTIVES:
                        named = True  # the name of a described speaker
                        hint = Hint("np", s0 + after + (len(sent[after:nxt]) - len(sent[after:nxt].lstrip())), s0 + nxt)
                    else:
                        break
                    after = nxt + 1
        before = sent[lead:m.start()].strip(" ,")
        if before and sent[:m.start()].rstrip().endswith(",") and len(before.split()) >= 3:
            # "CLAUSE, menurut X." / "A, menurut X, B."
            rest = sent[after:].strip(" .,")
            c1 = body_end if rest and len(rest.split()) >= 3 else s0 + len(sent[:m.start()].rstrip(" ,"))
            return Candidate(s0 + lead, c1, "indirect", self._cue(m, s0), hint)
        return self._clause(d, s0 + after, body_end, m, s0, hint)

    def _verb_clause(self, d, sent, s0, body_end, m, lead):
        verb = m.group("cue")
        if lead > m.start():  # the "connective" phrase ran past the verb
            lead = 0
        pre = sent[lead:m.start()]
        pre_words = pre.split()
        if verb in _DENIALS and pre_words and pre_words[-1].lower() in _NEG:
            # "X tak menampik bila ...", "tidak membantah bahwa ...": not denying is admitting, a report
            pre = pre.rstrip()[:-len(pre_words[-1])]
            pre_words = pre_words[:-1]
        if any(w.lower() in _NEG for w in pre_words[-3:]):
            return None
        # drop adverbs between the speaker and the verb ("X juga mengatakan")
        while pre_words and pre_words[-1].lower() in ADVERBS:
            pre_words.pop()
        if pre_words and pre_words[-1].lower() in AND_WORDS:  # "dan", "serta": a second predicate of the subject
            cm = COMP_START.match(sent, m.end())
            rest = sent[cm.end():]
            if not (cm.group("comp") or any(c in cm.group() for c in ",:") or _clause_licensed(rest, verb)):
                return None  # "dan meminta bantuan": no clause follows; "dan menuding hakim tidak adil" has one
            hint = self._coordinated_subject(sent, s0, lead, m.start())
            return None if hint is None else self._clause(d, s0 + cm.end(), body_end, m, s0, hint)
        if not pre_words or pre_words[-1].lower() in _NEG or pre_words[-1].lower() in _NOT_BEFORE_CUE:
            return None
        after = sent[m.end():]
        cm = ADJUNCT_THEN_COMP.match(after) or COMP_START.match(after)  # "menulis di Twitter bahwa ..."
        comp = cm.group("comp")
        if verb in _RULINGS and comp != "bahwa":
            return None  # "memutuskan untuk ...": a decision, not a report
        punct = any(c in after[:cm.end()] for c in ",:")
        rest = after[cm.end():]
        if rest.startswith("kepada ") and not comp:  # "mengatakan kepada stasiun TV Al - Mayadeen ..."
            toks = rest.split(" ")
            i = 1
            while i < len(toks) and (is_cap(toks[i]) or toks[i] in ("-", "--") or toks[i].lower() in _KEPADA_SKIP
                                     or (i + 1 < len(toks) and toks[i + 1] == "-")):
                i += 1
            rest = " ".join(toks[i:])
        stance = verb in _STANCE_VERBS and _noun_complement(rest)
        if stance and re.match(r"\S+\s*,\s*", rest):
            rest = rest[re.match(r"\S+\s*,\s*", rest).end():]  # "menyatakan pendapatnya, pemerintah ...": after it
        if (verb in _WEAK or stance) and not (comp or punct or " sebagai " in rest):
            lic = LICENSE.match(rest)
            if lic and lic.group("comp") == "untuk" and verb not in _REQUEST:
                lic = None
            if lic and lic.group("comma"):
                rest = rest[lic.end("comma"):]
            elif not lic and not _clause_licensed(rest, verb):
                if not stance:
                    return None
                # "menyatakan sikapnya terhadap ...": no quote, but its subject is now the one speaking
                hint = speaker_segment(sent, s0, lead, lead + len(pre.rstrip()) - adverb_tail(pre))
                c0 = s0 + len(sent) - len(rest)
                return None if hint is None else Candidate(c0, body_end, SPEECH_ACT, self._cue(m, s0), hint)
        if (not comp and rest.lower().startswith(_NO_CONTENT)) or len(WORD.findall(rest)) < 2:
            # "mengatakan hal itu" names what was said; "memutuskan bahwa hal itu dilakukan ..." says it
            return None
        hint = speaker_segment(sent, s0, lead, lead + len(pre.rstrip()) - adverb_tail(pre))
        if hint is None:
            return None
        c0 = s0 + len(sent) - len(rest)
        return self._clause(d, c0, body_end, m, s0, hint)


    def _clause(self, d, c0, c1, m, base, hint):
        text = d.text
        while c0 < c1 and text[c0] in " ,:":
            c0 += 1
        lead = _LEAD_COMP.match(text, c0, c1)
        if lead:  # "meminta agar pemerintah ...": the complementizer is not what was said
            c0 = lead.end()
        if c1 - c0 < 8:
            return None
        return Candidate(c0, c1, "indirect", self._cue(m, base), hint)

    @staticmethod
    def _cue(m, base) -> Cue:
        s, e = m.span("cue")
        if m.groupdict().get("nya"):
            e = m.end("nya")
        return Cue(base + s, base + e)




@Language.factory(
    "quotes", requires=["token.is_sent_start", "doc._.dateline", "doc.ents", "span._.canonical"],
    assigns=["doc._.quotes"],
)
def make_quotes(nlp: Language, name: str) -> Quotes:
    return Quotes(nlp, name)
