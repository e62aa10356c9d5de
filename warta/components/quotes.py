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

Speed: every pattern is compiled once; a document is scanned by a handful
of regex passes, and only quote candidates get per-word work.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import load_json, load_wordset
from ._regex import alternation
from .extensions import doc_list

_LEX = load_json("quote_cues")
TITLES = load_wordset("quote_titles")


def _capfirst(words) -> list[str]:
    return [w for x in words for w in (x, x[:1].upper() + x[1:])]


_POST = alternation(_capfirst(_LEX["post_cues"]))
_VERBS = alternation(_LEX["verbs"])
_WEAK = frozenset(_LEX["weak_verbs"])
_PASSIVE = alternation(_capfirst(_LEX["passive"]))
_PRONOUNS = _LEX["pronouns"]
_STOPS = frozenset(_LEX["speaker_stops"]) | frozenset(_LEX["days"])
_ADVERBS = frozenset(_LEX["adverbs"])
_NEG = frozenset(_LEX["negations"])
_CONNECTIVES = frozenset(_LEX["connectives"])
_DAYS = frozenset(_LEX["days"])
_ANAPHORIC = frozenset(_LEX["anaphoric_ends"])
_NO_CONTENT = tuple(_LEX["no_content_starts"])
_NP_STARTERS = frozenset(_LEX["np_starters"])
_NOBODY = frozenset(_LEX["unattributed"])
_SKIP_LINES = tuple(_LEX["skip_lines"])
_ABBR = re.compile(r"\([A-Z][A-Za-z]{1,9}\)")

_COMPS = alternation(_LEX["complementizers"])
_ORG_HEADS = frozenset(_LEX["org_heads"])

_QMARKS = re.compile(r'["“”]')
_PARA = re.compile(r"\n\s*\n")
_WORD = re.compile(r"[^\s,.;:!?()\[\]\"“”]+")
_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])")
# a cue right after a closing mark: '," kata X' / '” ujarnya' / '," X menjelaskan'
POST_CUE = re.compile(r"\s*[,.]?\s*(?P<cue>%s)(?P<nya>nya)?\b" % _POST)
POST_NP_VERB = re.compile(
    r"\s*,?\s*(?P<np>(?:[A-Z][\w'.-]*|ia|dia|beliau|mereka)(?:\s+[A-Z][\w'.-]*){0,5})\s+(?:juga\s+|pun\s+)?"
    r"(?P<cue>%s)\b" % _VERBS
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
MID_CUE = re.compile(r",\s*(?P<cue>%s)(?P<nya>nya)?\b(?P<np>[^,.]{0,60}?)\s*(?:,|(?P<end>[.!?]?\s*$))" % _POST)
START_CUE = re.compile(r"(?P<cue>%s)(?P<nya>nya)?\b[^,.]{0,60},\s*" % alternation(w[:1].upper() + w[1:] for w in _LEX["post_cues"]))
PASSIVE_START = re.compile(r"(?P<cue>%s)\s+(?:oleh\s+)?(?P<np>[^,]{1,80}?)\s*,\s*" % _PASSIVE)
TRAIL_REPORT = re.compile(
    r",\s*(?P<np>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,4})\s+(?P<cue>%s)\s*[.!?]?\s*$" % alternation(_LEX["report_verbs_after"])
)
COMP_START = re.compile(r"\s*[,:]?\s*(?:(?P<comp>bahwa|kalau)\b)?\s*")
# what lets a weak verb report speech: "meminta X agar ...", "menanyakan X, apakah ...", "menyebut X akan ..."
LICENSE = re.compile(r"^(?:\S+\s+){0,4}?(?P<comma>,\s*)?(?P<comp>%s)\b" % _COMPS)
AUX = re.compile(r"\b(?:%s)\b" % alternation(_LEX["auxiliaries"]))
_COORD = frozenset(_LEX["coordinators"])
_REQUEST = frozenset(_LEX["request_verbs"])
_DESCRIPTORS = frozenset(_LEX["descriptors"])
_HONORIFICS = frozenset(_LEX["honorifics"])
_VIA = re.compile(r"\b(?:dilansir|dikutip|dilaporkan|diberitakan)\s+(?:oleh\s+|dari\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})")
_CUE_WORDS = frozenset(_LEX["passive"]) | frozenset(_LEX["post_cues"]) | frozenset(_LEX["verbs"]) | {"menurut"}
_DEGREE = re.compile(r"(?:[A-Z][a-z]{0,3}\.\s?)+")
_ENT_HEADS = frozenset(_LEX["entity_heads"])
_FUNCTION = load_wordset("function_words")
_VERBAL = re.compile(r"(?:me|ber|di|ter)[a-z]{3,}")
_SOURCE_CUTS = frozenset(_LEX["source_cuts"])
_PREPOSITIONS = frozenset(_LEX["prepositions"])
_KEPADA_SKIP = frozenset(_LEX["kepada_skip"])
_SPACED = re.compile(r"\S+")
_APPOS = re.compile(r",\s*((?:[A-Z][\w'.-]*[ \t]*){1,4})(?=[,.\n]|$|[ \t]+(?:%s)\b)" % alternation(_STOPS))
_PREDICATE = re.compile(
    r"\s(?:(?:me|ber|di|ter)[a-z]{3,}|tak|tidak|akan|sudah|telah|masih|pun|juga|adalah|merupakan|sedang"
    r"|tengah|belum|harus|bisa|dapat|mau|ingin|yakin|optimistis)\b"
)
CAPRUN = re.compile(r"\b[A-Z][\w'’-]*(?:\.[\w'’-]+)*(?:[ \t]+(?:[A-Z][\w'’-]*(?:\.[\w'’-]+)*|bin|binti|van|de|al|el)\b)*")


def _mask(s: str) -> str:
    """``s`` with "(DPW)"-style abbreviations blanked out, offsets kept."""
    return _ABBR.sub(lambda m: " " * len(m.group()), s)


def _tokens(s: str):
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(s)]


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def name_of(words: list[str]) -> str:
    """The name inside a noun phrase: organisations whole, people without titles."""
    words = [w for w in words if w]
    while words and words[-1].lower() in _ANAPHORIC:
        words = words[:-1]
    if not words:
        return ""
    if words[0].lower() in _ORG_HEADS:
        return " ".join(words)
    if not _is_cap(words[-1]) and words[-1].lower() not in TITLES:
        return ""  # "Banyak orang", "Data sementara": a common noun phrase
    # a person: the last run of capitalised words after the last title word
    out: list[str] = []
    for w in reversed(words):
        if w.lower() in TITLES or w.lower() in _ORG_HEADS or not _is_cap(w):
            if out:
                break
            continue
        out.append(w)
    out.reverse()
    # "Presiden Kazakhstan Kassym-Jomart Tokayev", "Gubernur Maluku X Y": a country or place after the
    # title is not part of the name
    while len(out) >= 3 and _country(out[0]):
        out.pop(0)
    return " ".join(out)


@lru_cache(maxsize=4096)
def _country(word: str) -> bool:
    from .geo import country_code, lookup_place  # geo's tables, loaded once

    return country_code(word) is not None or lookup_place(word) is not None


class _Doc:
    """Per-document state: text, sentences, quote stretches, name index, antecedents."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.sents = self._sentences()
        self.sent_starts = [a for a, _ in self.sents]

    @cached_property
    def ents(self) -> list:
        # doc.ents walks every token: only pay for it when a speaker needs it
        if not self.doc.has_annotation("ENT_IOB"):
            return []
        return [e for e in self.doc.ents if e.label_ in ("PER", "ORG")]

    @cached_property
    def names(self) -> list[tuple[int, tuple[str, ...], str]]:
        return self._name_index()

    def _sentences(self) -> list[tuple[int, int]]:
        doc, text = self.doc, self.text
        if doc.has_annotation("SENT_START"):
            return [(s.start_char, s.end_char) for s in doc.sents]
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

    def _name_index(self) -> list[tuple[int, tuple[str, ...], str]]:
        out = []
        for m in CAPRUN.finditer(self.text):
            words = m.group().split()
            if words[0].lower() in _CONNECTIVES or words[0].lower() in _CUE_WORDS:
                words = words[1:]  # "Diberitakan People" is the outlet People
            name = name_of(words)
            toks = tuple(name.lower().split())
            if 2 <= len(toks) <= 5:
                out.append((m.start(), toks, name))
        return out

    def fullest(self, name: str) -> str:
        """The longest name in the document that contains ``name``'s words in order."""
        toks = tuple(name.lower().split())
        if not toks:
            return name
        n = len(toks)
        for _, cand, full in self.names:  # names come in text order: the first full mention wins
            hits = [i for i in range(len(cand) - n + 1) if cand[i:i + n] == toks] if len(cand) > n else []
            if hits:
                words, i = full.split(), hits[0]
                # "Didiek" in "Kereta Api Indonesia Didiek Hartantyo" -> "Didiek Hartantyo";
                # a surname keeps one word before it
                if 0 < i and i + n < len(words):
                    return " ".join(words[i:])
                return " ".join(words[max(0, i - 1):]) if i > 0 and words[0].lower() not in _ORG_HEADS else full
        return self.trim(name)

    def trim(self, name: str) -> str:
        """A long person name cut to where the article's bare mentions start."""
        words = name.split()
        if len(words) < 3 or words[0].lower() in _ORG_HEADS:
            return name
        for i in range(len(words) - 1, max(-1, len(words) - 4), -1):
            w = re.escape(words[i])
            if i + 1 == len(words):
                alone = len(re.findall(r"\b%s\b" % w, self.text)) > 1
            else:
                alone = re.search(r"\b%s\b(?!\s+%s)" % (w, re.escape(words[i + 1])), self.text) is not None
            if alone:
                return " ".join(words[i:] if i < len(words) - 1 else words[max(0, i - 1):])
        return name

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


def _stretches(text: str) -> list[list[int]]:
    """Quoted stretches as [open_mark, close_mark_or_-1, content_start, content_end]."""
    out: list[list[int]] = []
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
                    opened = [pos, -1, pos + 1, pos + 1]
                pending = None
                continue
            if ch == "“":  # a new opening mark: the previous stretch was never closed
                opened[3] = pos
                out.append(opened)
                opened = [pos, -1, pos + 1, pos + 1]
                continue
            opened[1], opened[3] = pos, pos
            out.append(opened)
            opened = None
        if pending is not None:
            out.append(pending)
            pending = None
        if opened is not None:
            opened[3] = p1
            pending = opened
    if pending is not None:
        out.append(pending)
    for q in out:
        s, e = q[2], q[3]
        while s < e and text[s].isspace():
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",“\""):
            e -= 1
        q[2], q[3] = s, e
    return [q for q in out if q[3] > q[2]]


class Quotes:
    """Finds quotations and their speakers; writes ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str = "quotes"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc_list(doc, "quotes")
        quotes.extend(self.match(doc))
        return doc

    # ---- finding -------------------------------------------------------
    def match(self, doc: Doc) -> list[dict]:
        """All quotations of ``doc`` as Record.quotes dicts, in text order."""
        if not doc.text.strip():
            return []
        d = _Doc(doc)
        text = d.text
        found = []  # (start, end, kind, cue (s, e) or None, speaker hint)
        fragments = []
        for q in _stretches(text):
            item = self._direct(d, q)
            if item is None:
                fragments.append(q)
            else:
                found.append(item)
        blocked = [(q[0], (q[1] if q[1] >= 0 else q[3]) + 1) for q in ((f[5]) for f in found)]
        for s0, s1 in d.sents:
            item = self._indirect(d, s0, s1, blocked)
            if item is None:
                continue
            start, end = item[0], item[1]
            if any(f[2] >= start and f[3] <= end + 1 for f in fragments):
                item = (start, end, "mixed", *item[3:])
            found.append(item)
        if not found:
            return []
        found.sort(key=lambda f: f[0])
        return self._resolve(d, found, [(f[5][0], f[5][3]) for f in found if len(f) > 5])

    def _direct(self, d: _Doc, q):
        text = d.text
        open_pos, close_pos, c0, c1 = q
        s0, s1 = d.sentence_of(open_pos)
        para0 = text.rfind("\n", 0, open_pos) + 1
        pre_start = max(s0, para0)
        pre = text[pre_start:open_pos]
        if close_pos >= 0:
            para_end = text.find("\n", close_pos)
            post = text[close_pos + 1:para_end if para_end >= 0 else len(text)][:200]
            m = POST_CUE.match(post)
            if m:
                hint = self._hint_after(d, m, close_pos + 1)
                if pre.strip() and pre.rstrip()[-1:] not in ".!?:,\"”" and len(_WORD.findall(pre)) >= 3:
                    # 'X ditunda sampai situasi "stabil", kata Y': the whole clause is reported
                    lead = pre_start + len(pre) - len(pre.lstrip())
                    return (lead, c1 + (text[c1] in "\"”" and 1 or 0), "mixed", self._cue(m, close_pos + 1), hint, q)
                return (c0, c1, "direct", self._cue(m, close_pos + 1), hint, q)
            m = POST_NP_VERB.match(post)
            if m:
                np0 = close_pos + 1 + m.start("np")
                hint = ("pron" if m.group("np").lower() in _PRONOUNS else "np", np0, close_pos + 1 + m.end("np"))
                return (c0, c1, "direct", self._cue(m, close_pos + 1), hint, q)
        words_before = pre.strip()
        rest_after = text[close_pos + 1:s1].strip() if close_pos >= 0 else ""
        fills_rest = close_pos < 0 or len(_WORD.findall(rest_after)) <= 1 or rest_after[:1] in ".!?"
        for rx in (PRE_ACCORDING, PRE_PASSIVE, PRE_POST_CUE, PRE_VERB):
            m = rx.search(pre)
            if m and fills_rest:
                hint = self._hint_before(d, m, pre_start)
                if hint is None:
                    continue
                return (c0, c1, "direct", self._cue(m, pre_start), hint, q)
        n_words = len(_WORD.findall(text[c0:c1]))
        # "X menambahkan ..., “ Kita berharap ...": a quoted sentence after indirect speech
        if fills_rest and words_before.endswith(",") and text[c0].isupper() and n_words >= 5:
            verbs = list(VERB.finditer(pre))
            hint = self._hint_before(d, verbs[-1], pre_start) if verbs else None
            if hint is not None:
                return (c0, c1, "direct", self._cue(verbs[-1], pre_start), hint, q)
        # a quoted sentence of its own: it continues the previous speaker
        starts_sentence = words_before == "" or words_before[-1:] in ".!?\"”"
        if starts_sentence and fills_rest and (n_words >= 4 or text[c0:c1].rstrip()[-1:] in ".!?"):
            return (c0, c1, "direct", None, ("continue",), q)
        return None

    def _indirect(self, d: _Doc, s0: int, s1: int, blocked):
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
        lead = self._skip_connective(sent)
        m = PASSIVE_START.match(sent, lead)
        if m:
            return self._clause(d, s0 + m.end(), body_end, m, s0, ("np", s0 + m.start("np"), s0 + m.end("np")))
        m = START_CUE.match(sent, lead)  # "Kata Halim, ..."
        if m:
            hint = self._hint_after(d, m, s0)
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
            hint = self._hint_after(d, m, s0)
            if hint is None:
                continue
            before = sent[:m.start()].strip()
            if m.group("end") is not None:
                return (s0 + lead, s0 + m.start(), "indirect", self._cue(m, s0), hint)
            head_only = all(w.lower() in _CONNECTIVES for w in before.split())
            c0 = s0 + m.end() if head_only else s0 + lead
            return self._clause(d, c0, body_end, m, s0, hint)
        m = TRAIL_REPORT.search(sent)
        if m:
            hint = ("np", s0 + m.start("np"), s0 + m.end("np"))
            return (s0 + lead, s0 + m.start(), "indirect", self._cue(m, s0), hint)
        for m in VERB.finditer(sent):
            item = self._verb_clause(d, sent, s0, body_end, m, lead)
            if item is not None:
                return item
        return None

    def _according(self, d, sent, s0, body_end, m, lead):
        if m.group("nya"):
            hint = ("pron", s0 + m.start("nya"), s0 + m.end("nya"))
            after = m.end()
        else:
            comma = sent.find(",", m.end())
            np_end = comma if comma >= 0 else len(sent)
            np_text = sent[m.end():np_end]
            words = np_text.split()
            if not words:
                return None
            np0 = s0 + m.end() + (len(np_text) - len(np_text.lstrip()))
            cut = next((j for j, w in enumerate(words) if j and w.lower() in _STOPS | _SOURCE_CUTS), None)
            if cut is not None and comma >= 0:  # "Menurut kantor berita MENA dikutip dari Antara, ..."
                np_end = np0 - s0 + len(" ".join(words[:cut]))
            k = 1  # no comma: "Menurut Vitali dirinya ...": the name is the capitalised run
            while k < len(words) and _is_cap(words[k]):
                k += 1
            if (comma < 0 or len(words) > 6) and _is_cap(words[0]) and words[0].lower() not in _NOBODY \
                    and k < len(words) and words[k].lower() not in ("dan", "dari", "bagi", "untuk") \
                    and not sent[:m.start()].rstrip().endswith(","):
                np_end = np0 - s0 + len(" ".join(words[:k]))
                comma = -1
            hint = ("np", np0, s0 + np_end)
            if words[0].lower() in _PRONOUNS:
                hint = ("pron", np0, np0 + len(words[0]))
                if comma < 0 or len(words) > 2:
                    np_end = m.end() + np_text.find(words[0]) + len(words[0])
                    comma = -1
            elif words[0].lower() in _NOBODY:
                hint = ("none",)
                src = _VIA.search(np_text)  # "kabar yang dilansir Sport Witness"
                if src:
                    hint = ("np", np0 + src.start(1) - (len(np_text) - len(np_text.lstrip())), np0 + src.end(1) - (len(np_text) - len(np_text.lstrip())))
            after = np_end
            if comma >= 0:
                after = comma + 1
                # appositions and dates: "Menurut dokter kloter, dr Roro, ..." / "Menurut Solehudin,
                # salah seorang pembuat tape di Desa X, Kecamatan Y, ..." / "Menurut X, Senin (29/8), ..."
                named = _is_cap(words[0]) and words[0].lower() not in TITLES and bool(name_of(words))
                while True:
                    nxt = sent.find(",", after)
                    seg = sent[after:nxt].strip() if nxt >= 0 else ""
                    sw = seg.split()
                    if not sw:
                        break
                    w0 = sw[0].lower()
                    if w0 in _DAYS:
                        pass
                    elif named and (w0 in _DESCRIPTORS or (_is_cap(sw[0]) and len(sw) <= 3 and w0 not in _CONNECTIVES)):
                        pass  # a description of a named speaker, or a place in it
                    elif not named and len(sw) <= 4 and (_is_cap(sw[0]) or w0 in _HONORIFICS) and w0 not in _CONNECTIVES:
                        named = True  # the name of a described speaker
                        hint = ("np", s0 + after + (len(sent[after:nxt]) - len(sent[after:nxt].lstrip())), s0 + nxt)
                    else:
                        break
                    after = nxt + 1
        before = sent[lead:m.start()].strip(" ,")
        if before and sent[:m.start()].rstrip().endswith(",") and len(before.split()) >= 3:
            # "CLAUSE, menurut X." / "A, menurut X, B."
            rest = sent[after:].strip(" .,")
            c1 = body_end if rest and len(rest.split()) >= 3 else s0 + len(sent[:m.start()].rstrip(" ,"))
            return (s0 + lead, c1, "indirect", self._cue(m, s0), hint)
        return self._clause(d, s0 + after, body_end, m, s0, hint)

    def _verb_clause(self, d, sent, s0, body_end, m, lead):
        verb = m.group("cue")
        if lead > m.start():  # the "connective" phrase ran past the verb
            lead = 0
        pre = sent[lead:m.start()]
        pre_words = pre.split()
        if any(w.lower() in _NEG for w in pre_words[-3:]):
            return None
        # drop adverbs between the speaker and the verb ("X juga mengatakan")
        while pre_words and pre_words[-1].lower() in _ADVERBS:
            pre_words.pop()
        if not pre_words or pre_words[-1].lower() in _NEG or pre_words[-1].lower() in ("yang", "untuk", "akan", "dan", "bisa", "ingin"):
            return None
        after = sent[m.end():]
        cm = COMP_START.match(after)
        comp = cm.group("comp")
        punct = any(c in after[:cm.end()] for c in ",:")
        rest = after[cm.end():]
        if rest.startswith("kepada ") and not comp:  # "mengatakan kepada stasiun TV Al - Mayadeen ..."
            toks = rest.split(" ")
            i = 1
            while i < len(toks) and (_is_cap(toks[i]) or toks[i] in ("-", "--") or toks[i].lower() in _KEPADA_SKIP
                                     or (i + 1 < len(toks) and toks[i + 1] == "-")):
                i += 1
            rest = " ".join(toks[i:])
        if verb in _WEAK and not (comp or punct or " sebagai " in rest):
            lic = LICENSE.match(rest)
            if lic and lic.group("comp") == "untuk" and verb not in _REQUEST:
                lic = None
            if lic and lic.group("comma"):
                rest = rest[lic.end("comma"):]
            elif not lic and not AUX.search(" ".join(rest.split()[:12])):
                return None
        if rest.lower().startswith(_NO_CONTENT) or len(_WORD.findall(rest)) < 2:
            return None
        hint = self._speaker_segment(sent, s0, lead, lead + len(pre.rstrip()) - self._adverb_tail(pre))
        if hint is None:
            return None
        c0 = s0 + len(sent) - len(rest)
        return self._clause(d, c0, body_end, m, s0, hint)

    @staticmethod
    def _adverb_tail(pre: str) -> int:
        """Characters of trailing adverbs at the end of ``pre``."""
        s = pre.rstrip()
        n = 0
        while True:
            cut = s.rsplit(None, 1)
            if len(cut) == 2 and cut[1].lower() in _ADVERBS:
                n += len(s) - len(cut[0])
                s = cut[0]
                continue
            return n

    def _speaker_segment(self, sent, s0, a, b):
        """Speaker hint for the text ``sent[a:b]`` before a reporting verb."""
        segs, pos = [], a
        for part in _mask(sent[a:b]).split(","):
            if _DEGREE.fullmatch(part.strip()):  # "Rudi Siregar, S.H., menjelaskan"
                pos += len(part) + 1
                continue
            words = [(m.group(), pos + m.start()) for m in _SPACED.finditer(part)]
            pos += len(part) + 1
            if words:
                segs.append(words)
        if len(segs) > 1 and len(segs[-1]) > 1 and segs[-1][0][0].lower() in _COORD:
            segs = [segs[-1][1:]]  # "..., tetapi kepolisian menyebut"
        kept = []  # segments up to the first aside, place or time
        for words in segs:
            w0 = words[0][0].lower()
            if w0 in _CONNECTIVES or w0 in _DAYS or w0 in ("sebagaimana", "seperti", "yang"):
                if kept:
                    break
                # "Senin (12/6) Perry": drop a leading date, keep what follows
                while words and (words[0][0].lower() in _DAYS or words[0][0][:1] in "(0123456789"):
                    words = words[1:]
                if words and words[0][0].lower() in _CONNECTIVES:  # "Saat itu dia", "Dalam rapat itu Ryamizard"
                    i = len(words)
                    while i > 1 and _is_cap(words[i - 1][0]):
                        i -= 1
                    if i == len(words) and words[-1][0].lower() in _PRONOUNS:
                        i -= 1
                    if 0 < i < len(words) and words[i - 1][0].lower() in _PREPOSITIONS:
                        i = 0  # "Dalam penampilan di Los Angeles": a place, not the subject
                    words = words[i:] if 0 < i < len(words) else []
                if not words:
                    continue
            kept.append(words)
        if not kept:
            return None
        words = kept[-1]
        if len(kept) > 1:  # an apposition: "Pengacara Ahok, Wayan Sudirta"
            named = [w for w in kept if _is_cap(w[0][0]) and w[0][0].lower() not in _ORG_HEADS
                     and (w[0][0].lower() not in TITLES or len(w) <= 3)]  # "Iptu Suroto"

            words = named[-1] if named else words
        # "... setelah dia" / "Saat itu dia": the subject after a subordinator
        for i in range(len(words) - 1, 0, -1):
            head = words[i][0]
            if (words[i - 1][0].lower() in _CONNECTIVES or words[i - 1][0].lower() in _COORD) and len(words) - i <= 5 and head.lower() not in _DAYS \
                    and (_is_cap(head) or head.lower() in _PRONOUNS):
                words = words[i:]
                break
        for i in range(1, len(words)):  # "X pada Selasa (4/4)" -> "X"
            if words[i][0].lower() in _STOPS:
                words = words[:i]
                break
        low = [w.lower() for w, _ in words]
        start, end = s0 + words[0][1], s0 + words[-1][1] + len(words[-1][0])
        if low[-1] in _PRONOUNS and (len(low) == 1 or not _is_cap(words[-2][0])):  # "... membuat ia"
            return ("pron", s0 + words[-1][1], end)
        if "yang" in low or (low[0] in ("ada", "terdapat") and len(low) > 1):
            return None
        if not any(_is_cap(w) for w, _ in words) and low[0] not in _NP_STARTERS and len(low) > 3 \
                and low[-1] not in _ANAPHORIC:
            return None
        if _VERBAL.fullmatch(low[0]) and not _is_cap(words[0][0]) and low[0] not in _NP_STARTERS \
                and low[0] not in _ORG_HEADS and low[0] not in TITLES:
            return None  # "namun memukai juri ... setelah menyebutkan": a verb, not a speaker
        return ("np", start, end)

    @staticmethod
    def _skip_connective(sent: str) -> int:
        """Offset after a leading connective phrase ("Namun, ", "Selain itu, ")."""
        m = re.match(r"\s*([^,]{1,80}),\s+", sent)
        if m and len(m.group(1).split()) <= 6:
            words = m.group(1).split()
            if words and (words[0].lower() in _CONNECTIVES or m.group(1).lower() in _CONNECTIVES):
                return m.end()
        return 0

    def _clause(self, d, c0, c1, m, base, hint):
        text = d.text
        while c0 < c1 and text[c0] in " ,:":
            c0 += 1
        if c1 - c0 < 8:
            return None
        return (c0, c1, "indirect", self._cue(m, base), hint)

    @staticmethod
    def _cue(m, base):
        s, e = m.span("cue")
        if m.groupdict().get("nya"):
            e = m.end("nya")
        return (base + s, base + e)

    def _hint_after(self, d, m, base):
        """Speaker hint from the words after a post cue (or its -nya)."""
        if m.groupdict().get("nya"):
            return ("pron", base + m.start("nya"), base + m.end("nya"))
        text = d.text
        start = base + m.end("cue")
        limit = min(len(text), start + 160)
        nl = text.find("\n", start, limit)
        seg = _mask(text[start:nl if nl >= 0 else limit])
        toks = _tokens(seg)
        if not toks:
            return None
        if toks[0][0].lower() in _PRONOUNS:
            return ("pron", start + toks[0][1], start + toks[0][2])
        picked = []
        for w, a, b in toks[:12]:
            gap = seg[picked[-1][2] if picked else 0:a]
            if any(c in gap for c in (",.;:!?(" if picked else ".;!?(")):
                break
            low = w.lower()
            if low == "yang" and picked:
                rel = re.match(r"[^,.;:!?\n]*", seg[a:]).group().rstrip()
                if rel.split()[-1].lower() in _ANAPHORIC:  # "pemain yang kini memperkuat Persib itu"
                    return ("np", start + picked[0][1], start + a + len(rel))
            if low in _STOPS and (picked or low not in _NP_STARTERS):
                break
            if not picked and low in _ADVERBS:
                return None
            picked.append((w, a, b))
        if not picked:
            return None
        words = [w for w, _, _ in picked]
        low0 = words[0].lower()
        if low0 in _NOBODY:
            return ("none",)
        # "ujar gitaris God Bless, Ian Antono" -> the name after the comma
        am = _APPOS.match(seg, picked[-1][2])
        if am and am.group(1).split()[0].lower().strip(".") not in _DAYS and (not _is_cap(words[0]) or low0 in TITLES or low0 in _ORG_HEADS or len(words) > 3):
            return ("np", start + am.start(1), start + am.start(1) + len(am.group(1).rstrip(" \t.")))
        if not (_is_cap(words[0]) or low0 in _NP_STARTERS or low0 in TITLES) and len(words) > 4 \
                and words[-1].lower() not in _ANAPHORIC:
            return None
        return ("np", start + picked[0][1], start + picked[-1][2])

    def _hint_before(self, d, m, base):
        gd = m.groupdict()
        if gd.get("nya"):
            return ("pron", base + m.start("nya"), base + m.end("nya"))
        if gd.get("np") is not None:
            np = gd["np"].strip()
            if not np:
                return None
            a = base + m.start("np") + (len(gd["np"]) - len(gd["np"].lstrip()))
            w0 = np.split()[0].lower()
            if w0 in _PRONOUNS:
                return ("pron", a, a + len(w0))
            return ("none",) if w0 in _NOBODY else ("np", a, a + len(np))
        # "X mengatakan, "..."": the speaker is before the verb in this sentence
        text = d.text
        s0 = max(d.sentence_of(base + m.start())[0], text.rfind("\n", 0, base + m.start()) + 1)
        sent = text[s0:base + m.start()]
        a = self._skip_connective(sent)
        b = len(sent.rstrip()) - self._adverb_tail(sent)
        k = sent.lower().rfind(" yang", a, b)
        if k >= 0:  # "ada satu akun yang mengatakan"
            b = k
        words = list(_SPACED.finditer(sent, a, b))
        while len(words) > 1 and (words[0].group().lower() in _CONNECTIVES or words[0].group().lower() in ("ada", "terdapat")):
            words.pop(0)
        if not words:
            return None
        return self._speaker_segment(sent, s0, words[0].start(), b)

    # ---- speakers ------------------------------------------------------
    def _resolve(self, d: _Doc, found, quoted) -> list[dict]:
        text = d.text
        out = []
        last = None  # the last resolved speaker dict
        history = []  # every resolved speaker so far, in text order
        subjects = self._subjects(d, quoted)
        for item in found:
            start, end, kind, cue, hint = item[:5]
            speaker = None
            if hint and hint[0] == "np":
                speaker = self._np_speaker(d, hint[1], hint[2], start, last, subjects, history)
            elif hint and hint[0] == "pron":
                ante = self._antecedent(start, last, subjects)
                if ante is not None:
                    speaker = dict(ante, start=hint[1], end=hint[2], text=text[hint[1]:hint[2]])
            elif hint and hint[0] == "continue":
                nxt = self._next_cued(d, found, item)
                speaker = nxt if nxt is not None else (dict(last) if last is not None else None)
            if speaker is not None:
                last = dict(speaker, _pos=start)
                history.append({k: v for k, v in speaker.items() if not k.startswith("_")})
            out.append({
                "start": start, "end": end, "text": text[start:end], "kind": kind,
                "speaker": {k: v for k, v in speaker.items() if not k.startswith("_")} if speaker else None,
                "cue": {"start": cue[0], "end": cue[1], "text": text[cue[0]:cue[1]]} if cue else None,
            })
        return out

    def _next_cued(self, d, found, item):
        """Speaker of a cued direct quote that follows ``item`` with nothing but marks in between."""
        k = found.index(item)
        if k + 1 >= len(found):
            return None
        nxt = found[k + 1]
        between = d.text[item[1]:nxt[0]]
        if nxt[2] != "direct" or not nxt[4] or nxt[4][0] != "np" or any(c.isalnum() for c in between):
            return None
        return self._np_speaker(d, nxt[4][1], nxt[4][2], nxt[0], None, [])

    def _np_speaker(self, d, a, b, qstart, last, subjects, history=None):
        text = d.text
        while b > a and text[b - 1] in " -":
            b -= 1
        words = text[a:b].split()
        if not words:
            return None
        low0 = words[0].lower()
        if low0 in _NOBODY:
            return None
        if words[-1].lower() in _ANAPHORIC and (not _is_cap(words[0]) or low0 in TITLES or len(words) >= 2):
            same = [h for h in reversed(history or []) if h["text"].lower().split()[:1] == [low0]]
            ante = dict(same[0]) if same else self._antecedent(qstart, last, subjects)
            if ante is not None:
                return dict(ante, start=a, end=b, text=text[a:b])
        titles_only = all(w.lower() in TITLES for w in words)
        holder = self._title_holder(d, words, a) if titles_only else None
        name = name_of(words) if _is_cap(words[0]) or low0 in TITLES else ""
        if (low0 in _FUNCTION or (low0 in _NP_STARTERS and low0 not in TITLES)) and not name_of(words[1:]):
            name = ""  # "Data sementara", "Banyak orang": a capitalised sentence start, not a name
        ent = d.entity_in(a, b)
        if ent is not None and not _is_cap(words[0]) and ent.start_char > a and low0 not in _ENT_HEADS:
            ent = None  # "perwakilan dari Weinstein", "pengacara Ahok": the named one is not the speaker
        if ent is not None and not holder and (ent.label_ == "PER" or not name or (low0 in _ORG_HEADS and ent.start_char == a)
                                               or set(name.lower().split()) <= set(ent.text.lower().split())):
            canonical = ent._.canonical or ent.text
            alt = d.fullest(name or ent.text)  # the resolver may not know a longer form yet
            if len(alt.split()) > len(canonical.split()) and set(canonical.lower().split()) <= set(alt.lower().split()):
                canonical = alt
            return {"start": a, "end": b, "text": text[a:b], "canonical": canonical, "label": ent.label_}
        label = "ORG" if low0 in _ORG_HEADS else None
        if holder:
            canonical, label = holder, "PER"
        elif name:
            canonical = d.fullest(name)
            label = label or ("ORG" if name.split()[0].lower() in _ORG_HEADS else "PER")
        else:
            canonical = " ".join(words)
        return {"start": a, "end": b, "text": text[a:b], "canonical": canonical, "label": label}

    def _title_holder(self, d, words, before):
        """The name written after an earlier use of a title ("Menhub Budi Karya Sumadi")."""
        title = re.escape(words[-1])
        for m in re.finditer(r"\b%s\b[^.\n]{0,40}?(?P<n>[A-Z][a-z][\w'-]*(?:\s+[A-Z][\w'-]*){1,3})" % title, d.text[:before]):
            name = name_of(m.group("n").split())
            if len(name.split()) >= 2:
                return name
        return None

    def _subjects(self, d: _Doc, quoted):
        """Sentence subjects that are names (outside ``quoted`` spans), as antecedents for pronouns."""
        out = []
        dl = d.doc._.dateline
        for s0, s1 in d.sents:
            if dl and s0 < dl["end"]:
                continue
            sent = d.text[s0:min(s1, s0 + 160)]
            vm = _PREDICATE.search(sent)
            a = self._skip_connective(sent)
            if not vm or vm.start() <= a:
                continue
            hint = self._speaker_segment(sent, s0, a, vm.start())
            if not hint or hint[0] != "np":
                continue
            words = d.text[hint[1]:hint[2]].split()
            if words[-1].lower() in _ANAPHORIC or any(s0 <= a <= hint[1] < b for a, b in quoted):
                continue
            name = name_of(words)
            full = d.fullest(name) if name and not any(c.isdigit() for c in name) else ""
            if len(full.split()) < 2 and (not full or d.entity_in(hint[1], hint[2]) is None):
                continue
            out.append((hint[1], {"canonical": full, "label": "ORG" if full.split()[0].lower() in _ORG_HEADS else "PER"}))
        return out

    @staticmethod
    def _antecedent(pos, last, subjects):
        best_pos, best = -1, None
        if last is not None and last["_pos"] < pos:
            best_pos, best = last["_pos"], {k: v for k, v in last.items() if not k.startswith("_")}
        for p, s in subjects:
            if best_pos < p < pos:
                best_pos, best = p, dict(s)
        return best


@Language.factory("quotes", requires=["token.is_sent_start"], assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> Quotes:
    return Quotes(nlp, name)
