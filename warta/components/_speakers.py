"""Speaker handling for :mod:`warta.components.quotes`: who said it, and their name.

The quote finder hands over a :class:`Hint` per quotation: kind "np" for
a noun phrase next to a cue, "source" for a cited source ("Laporan BMKG"),
"pron" for a pronoun or -nya (each with its ``start`` and ``end``),
"continue" for a quoted sentence with no cue of its own, and "none" for an
unattributed source ("sumber itu"). This module finds
those noun phrases (:func:`speaker_segment`, :func:`hint_after`,
:func:`hint_before`) and turns hints into ``Record.quotes`` speaker dicts
(:func:`resolve`): pronouns and "X itu" descriptions go to the most recent
speaker or named sentence subject, names are completed to their fullest
form in the document (:class:`Names`), and entities supply ``canonical``.

Functions take the quote finder's per-document state ``d``, which offers
``text``, ``doc``, ``sents``, ``sentence_of(char)``, ``entity_in(start,
end)`` and ``names`` (a :class:`Names`).
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import NamedTuple, Optional

from ..lang import load_json, load_wordset
from ..morphology import ACTIVE_PREFIXES, MEN_ALLOMORPHS, NOT_VERBS, looks_derived_noun, verb_pattern
from ._lexicon import (
    PRO_FORMS, PLURAL_MARKERS, THIRD_PERSON_PLURAL, DEMONSTRATIVES, ORG_HEADS_LOWER, OFFICE_UNITS, PERSONAL_PRONOUNS,
    WEEKDAYS, NAME_LIKE_TITLES, AND_WORDS,
)
from ._regex import alternation
from ._words import is_cap, is_clipped_form

_LEX = load_json("quote_cues")
# the title words of lang/quote_titles.txt, and every short title of lang/titles.json ("Menpora", "Menkes")
TITLES = load_wordset("quote_titles") | frozenset(load_json("titles")["short_forms"])
PRONOUNS = PERSONAL_PRONOUNS
STOPS = frozenset(_LEX["speaker_stops"]) | WEEKDAYS
ADVERBS = frozenset(_LEX["adverbs"])
CONNECTIVES = frozenset(_LEX["connectives"])
DAYS = WEEKDAYS
NOBODY = frozenset(_LEX["unattributed"])
WORD = re.compile(r"[^\s,.;:!?()\[\]\"“”]+")
_ANAPHORIC = DEMONSTRATIVES
_ASIDE_OPENERS = frozenset(_LEX["aside_openers"])
_NP_STARTERS = frozenset(_LEX["np_starters"])
_ORG_HEADS = ORG_HEADS_LOWER
_COORD = frozenset(_LEX["coordinators"])
_SOURCE_NOUNS = frozenset(_LEX["source_nouns"])  # "data", "laporan": documents that report
_CUE_WORDS = frozenset(_LEX["passive"]) | frozenset(_LEX["post_cues"]) | frozenset(_LEX["verbs"]) | {"menurut"} \
    | _SOURCE_NOUNS | frozenset(_LEX["source_openers"])
_ENT_HEADS = frozenset(_LEX["entity_heads"])
_REPORTING_VERBS = frozenset(_LEX["verbs"])
_EPITHETS: dict = _LEX["epithets"]
#: words inside a title ("Menteri Luar Negeri", "Jaksa Agung Muda"), from lang/titles.json
_TITLE_INNER = frozenset(load_json("titles")["inner"])
_TITLE_HEADS = frozenset(load_json("titles")["heads"])
# where an office is held, between the office and its holder's name: " di New York"
_AT_PLACE = re.compile(r"\s*(?:di|untuk)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}")
# "pihaknya": the side of the one speaking, a pronoun for the speaker resolver
_SIDE = frozenset(w for w, n in PRO_FORMS.items() if n is None)
_DEFINITE = frozenset(_LEX["definite_articles"])
_SHORT_TITLES: dict = load_json("titles")["short_forms"]
_CITATIONS = frozenset(_LEX["citation_openers"])
_PERSON_NOUNS = frozenset(load_json("ages")["person_nouns"]) | frozenset(_LEX["np_starters"]) - _ORG_HEADS
#: common nouns that can be a report's source ("berdasarkan informasi dari warga")
SOURCE_PEOPLE = _PERSON_NOUNS
_FUNCTION = load_wordset("function_words")
_PREPOSITIONS = frozenset(_LEX["prepositions"])
# a word before a title or name that describes the one speaking ("Saya sebagai Presiden ...")
_SELF_DESCRIBED = frozenset(_LEX["self_descriptions"])
_ABBR = re.compile(r"\([A-Z][A-Za-z]{1,9}\)")
_BLANKS = re.compile(r"[ \t]*")
_DEGREE = re.compile(r"(?:[A-Z][a-z]{0,3}\.\s?)+")
_VERBAL = re.compile(verb_pattern())
_SPACED = re.compile(r"\S+")
_INITIAL = re.compile(r"[A-Z]{1,2}")
_APPOS = re.compile(r",\s*((?:[A-Z][\w'.-]*[ \t]*){1,4})(?=[,.\n]|$|[ \t]+(?:%s)\b|[ \t]+%s\b)"
                    % (alternation(STOPS), verb_pattern(ACTIVE_PREFIXES + ("di",))))
_PREDICATE = re.compile(
    r"\s(?:" + verb_pattern() + r"|tak|tidak|akan|sudah|telah|masih|pun|juga|adalah|merupakan|sedang"
    r"|tengah|belum|harus|bisa|dapat|mau|ingin|yakin|optimistis)\b"
)
CAPRUN = re.compile(r"\b[A-Z][\w'’-]*(?:\.[\w'’-]+)*(?:[ \t]+(?:[A-Z][\w'’-]*(?:\.[\w'’-]+)*|bin|binti|van|de|al|el)\b)*")


class Hint(NamedTuple):
    """Where a quotation's speaker is written, as the quote finder hands it over.

    ``kind`` is "np" (a noun phrase), "source" (a cited source: it speaks, but
    no later quote or "-nya" continues it), "pron" (a pronoun or -nya), each
    with its character span, or "continue" (no cue: the previous or the next
    speaker) and "none" (an unattributed source), which have no span.
    """

    kind: str
    start: int = -1
    end: int = -1


#: a quoted sentence with no cue of its own
CONTINUE = Hint("continue")
#: the kind of a candidate that is no quote but makes its speaker the one speaking ("X menyatakan sikapnya
#: terhadap ..."): resolved in text order like a quote, then left out
SPEECH_ACT = "speech act"
#: an unattributed source ("sumber itu", "kabar yang beredar")
UNATTRIBUTED = Hint("none")


class Cue(NamedTuple):
    """The character span of a quotation's reporting cue ("kata", "ujarnya")."""

    start: int
    end: int


def _mask(s: str) -> str:
    """``s`` with "(DPW)"-style abbreviations blanked out, offsets kept."""
    return _ABBR.sub(lambda m: " " * len(m.group()), s)


class Word(NamedTuple):
    """A word of a text and its character span."""

    text: str
    start: int
    end: int


def _tokens(s: str) -> list[Word]:
    """The words of ``s``."""
    return [Word(m.group(), m.start(), m.end()) for m in WORD.finditer(s)]


def name_of(words: list[str]) -> str:
    """The name inside a noun phrase: organisations whole, people without titles."""
    return _name_of(tuple(words))


@lru_cache(maxsize=16384)
def _name_of(words: tuple[str, ...]) -> str:
    # memoised: the same capitalised runs come back in sentence after sentence and article after article
    words = [w for w in words if w]
    while words and words[-1].lower() in _ANAPHORIC:
        words = words[:-1]
    if not words:
        return ""
    if words[0].lower() in _ORG_HEADS:
        return " ".join(words)
    if not is_cap(words[-1]) and words[-1].lower() not in TITLES:
        return ""  # "Banyak orang", "Data sementara": a common noun phrase
    # a title's own words after it are no name: "Menteri [Luar Negeri] Jepang Taro Kono", "Jaksa [Agung Muda] X"
    title_end = 0
    for i, w in enumerate(words):
        if w.lower() in _TITLE_HEADS:
            title_end = i + 1
            while title_end < len(words) - 2 and words[title_end].lower() in _TITLE_INNER:
                title_end += 1
    if 0 < title_end < len(words):
        words = words[title_end:]
    # a person: the last run of capitalised words after the last title word
    out: list[str] = []
    for w in reversed(words):
        if w.lower() in TITLES or w.lower() in _ORG_HEADS or not is_cap(w):
            if out:
                break
            continue
        out.append(w)
    out.reverse()
    # "Presiden Kazakhstan Kassym-Jomart Tokayev", "Gubernur Maluku X Y": a country or place after the
    # title is not part of the name
    for k in (3, 2):  # a place of two or three words: "Gubernur [Jawa Barat] Ridwan Kamil"
        if len(out) >= k + 2 and names_place(" ".join(out[:k])):
            out = out[k:]
            break
    while len(out) >= 3 and (names_place(out[0]) or (len(out[0]) >= 2 and out[0].isupper())):
        out.pop(0)  # and so is the body's acronym: "Sekretaris Jenderal PBB Antonio Guterres"
    if len(out) == 2 and len(out[0]) >= 3 and out[0].isupper() and out[0].isalpha() and not out[1].isupper():
        out.pop(0)  # a one-word name after the body's acronym: "Kepala BNPB Suharyanto"
    return " ".join(out)


@lru_cache(maxsize=4096)
def names_place(word: str) -> bool:
    """Whether ``word`` names a country or a known place."""
    from .geo import country_code, lookup_place  # geo's tables, loaded once

    return country_code(word) is not None or lookup_place(word) is not None


@lru_cache(maxsize=16384)
def _indexed_name(run: str) -> Optional[tuple[tuple[str, ...], str]]:
    """(lower-cased words, name) for :attr:`Names.index` of a capitalised run, or None.

    Memoised: the same runs (names, headline words) recur across articles.
    """
    words = run.split()
    if words[0].lower() in CONNECTIVES or words[0].lower() in _CUE_WORDS:
        words = words[1:]  # "Diberitakan People" is the outlet People
    name = name_of(words)
    toks = tuple(name.lower().split())
    return (toks, name) if 2 <= len(toks) <= 5 else None


class IndexedName(NamedTuple):
    """A name of two to five words written in a text (see :attr:`Names.index`)."""

    start: int  # where its capitalised run starts
    words: tuple[str, ...]  # lower-cased
    name: str


class _NamePart(NamedTuple):
    """Where a run of words first occurs inside an indexed name."""

    entry: IndexedName
    position: int  # the run's first word in ``entry.words``


class Names:
    """The names written in one text, to complete a speaker's name to its fullest form."""

    def __init__(self, text: str):
        self.text = text
        self._fullest: dict[str, str] = {}  # one article names its speakers again and again
        self._trimmed: dict[str, str] = {}

    @cached_property
    def index(self) -> list[IndexedName]:
        """Every name of two to five words, in text order."""
        out = []
        for m in CAPRUN.finditer(self.text):
            found = _indexed_name(m.group())
            if found is not None:
                out.append(IndexedName(m.start(), *found))
        return out

    def fullest(self, name: str) -> str:
        """The longest name in the document that contains ``name``'s words in order."""
        found = self._fullest.get(name)
        if found is None:
            found = self._fullest[name] = self._find_fullest(name)
        return found

    @cached_property
    def _containing(self) -> dict[tuple[str, ...], _NamePart]:
        """Every shorter run of words of an indexed name -> where it is first used."""
        out: dict[tuple[str, ...], _NamePart] = {}
        # names come in text order, and each one's positions left to right: setdefault keeps the first
        for entry in self.index:
            cand = entry.words
            for n in range(1, len(cand)):
                for i in range(len(cand) - n + 1):
                    out.setdefault(cand[i:i + n], _NamePart(entry, i))
        return out

    def _find_fullest(self, name: str) -> str:
        toks = tuple(name.lower().split())
        if not toks:
            return name
        n = len(toks)
        found = self._containing.get(toks)  # the first full mention wins
        if found is not None:
            full = found.entry.name
            words, i = full.split(), found.position
            # "Didiek" in "Kereta Api Indonesia Didiek Hartantyo" -> "Didiek Hartantyo";
            # a surname keeps one word before it
            if 0 < i and i + n < len(words):
                return " ".join(words[i:])
            return " ".join(words[max(0, i - 1):]) if i > 0 and words[0].lower() not in _ORG_HEADS else full
        if n == 1:  # "Enggar" clips the given name of "Enggartiasto Lukita", written before it
            first = re.search(r"\b%s\b" % re.escape(name), self.text)
            clipped = {e.name for e in self.index
                       if first is not None and e.start < first.start() and e.words[0].lower() not in _ORG_HEADS
                       and is_clipped_form(name, e.name.split()[0])}
            if len(clipped) == 1:
                return clipped.pop()
        return self.trim(name)

    def trim(self, name: str) -> str:
        """A long person name cut to where the article's bare mentions start."""
        found = self._trimmed.get(name)
        if found is None:
            found = self._trimmed[name] = self._trim(name)
        return found

    def _trim(self, name: str) -> str:
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


_LEAD_CLAUSE = re.compile(r"\s*([^,]{1,80}),\s+")


def skip_connective(sent: str) -> int:
    """Offset after the leading connective phrases and time adjuncts ("Namun, ", "Selain itu, ", "Kepada
    warga, ", "Juni lalu, saat ditemui di Jakarta, "), up to three of them."""
    at = 0
    for _ in range(3):
        m = _LEAD_CLAUSE.match(sent, at)
        if not m or len(m.group(1).split()) > 6:
            break
        words = m.group(1).split()
        if not (words and (words[0].lower() in CONNECTIVES or m.group(1).lower() in CONNECTIVES
                           or _is_time_adjunct(m.group(1)))):
            break
        at = m.end()
    return at


@lru_cache(maxsize=4096)
def _is_time_adjunct(phrase: str) -> bool:
    """Whether ``phrase`` is only a time ("Juni lalu", "Senin (3/1) malam"), with no publication date
    needed to see it."""
    from .timex import find_times  # the time grammar, used here only to recognise a time

    phrase = phrase.strip()
    found = find_times(phrase)
    return len(found) == 1 and found[0]["start"] == 0 and found[0]["end"] == len(phrase)


def adverb_tail(pre: str) -> int:
    """Characters of trailing adverbs at the end of ``pre``."""
    s = pre.rstrip()
    n = 0
    while True:
        cut = s.rsplit(None, 1)
        if len(cut) == 2 and cut[1].lower() in ADVERBS:
            n += len(s) - len(cut[0])
            s = cut[0]
            continue
        return n


def _cites_a_source(words) -> bool:
    """Whether a leading comma segment cites where the report was taken from ("Dilansir Reuters",
    "Seperti dikutip dari Antara"): the speaker is the subject after it."""
    low = [w.text.lower() for w in words[:3]]
    while low and low[0] in ("seperti", "sebagaimana"):
        low = low[1:]
    return bool(low) and low[0] in _CITATIONS


def _without_trailing_adjunct(words: list[Word]) -> list[Word]:
    """Drop a time or place adjunct after a name: "Sementara itu pengacara M Gunawan usai persidangan" ->
    "... M Gunawan" (only where a capitalised word after the opening word comes before the adjunct)."""
    for i in range(2, len(words)):
        # a capitalised stop word is part of a title or name ("Menteri Dalam Negeri")
        if words[i].text.lower() in STOPS and not is_cap(words[i].text) and any(is_cap(w.text) for w in words[1:i]):
            return words[:i]
    return words


def _after_possessed(words: list[Word]) -> list[Word]:
    """The words after a connective phrase closed by a possessed noun ("Dalam sambutannya Gubernur Budi",
    "Dalam amar putusannya hakim"): the subject whose act that is; empty when there is none."""
    for i in range(1, len(words) - 1):
        low = words[i].text.lower()
        if low.endswith("nya") and len(low) > 5 and words[i].text.isalpha() and len(words) - i - 1 <= 5:
            rest = words[i + 1:]
            if rest[0].text.lower() not in CONNECTIVES and rest[0].text.lower() not in _PREPOSITIONS:
                return rest
    return []


def _fronted_clause(words: list[Word]) -> bool:
    """A clause opened by an active meN- verb, before the subject and a comma ("Menindaklanjuti laporan itu,
    Kepala Bagian X menegaskan"; "Mengenai hal itu, ..."): an adjunct, not the speaker."""
    w0 = words[0].text.lower()
    return (len(w0) >= 7 and w0.isalpha() and w0.startswith(MEN_ALLOMORPHS) and w0 not in NOT_VERBS
            and w0 not in TITLES and w0 not in _ORG_HEADS)


def _title_phrase(words: list[Word]) -> bool:
    """Whether a comma segment before a reporting verb reads as a title, not a name: it holds a lower-case word
    that is neither a stop nor "dan" ("Head of Communications Uber Indonesia", "Juru bicara Kemlu"), while
    "Chisnamurti Adiningrum di Magelang" and "Australia dan Jepang" are names."""
    return any(not is_cap(w.text) and w.text.lower() not in STOPS and w.text.lower() not in AND_WORDS
               for w in words)


def _title_before_its_holder(words: list[Word], stop: int) -> bool:
    """Whether a title runs past the stop word at ``stop`` to its holder's name ("Wakil Menteri di bidang
    ekonomi Malaysia Dato Karim Hassan"): only title words before the stop, a capitalised name at the end."""
    return (all(w.text.lower() in TITLES for w in words[:stop]) and len(words) - stop >= 3
            and is_cap(words[-1].text) and is_cap(words[-2].text))


def speaker_segment(sent, s0, a, b):
    """Speaker hint for the text ``sent[a:b]`` before a reporting verb (``sent`` starts at ``s0``)."""
    segs, pos = [], a
    for part in _mask(sent[a:b]).split(","):
        if _DEGREE.fullmatch(part.strip()):  # "Rudi Siregar, S.H., menjelaskan"
            pos += len(part) + 1
            continue
        words = [Word(m.group(), pos + m.start(), pos + m.end()) for m in _SPACED.finditer(part)]
        pos += len(part) + 1
        if words:
            segs.append(words)
    if len(segs) > 1 and len(segs[-1]) > 1 and segs[-1][0].text.lower() in _COORD:
        segs = [segs[-1][1:]]  # "..., tetapi kepolisian menyebut"
    kept = []  # segments up to the first aside, place or time
    for words in segs:
        w0 = words[0].text.lower()
        if not kept and _cites_a_source(words):
            continue  # "Dilansir Al Jazeera, Korps Garda Revolusi ... mengatakan": the outlet only passes it on
        if not kept and words is not segs[-1] and _fronted_clause(words):
            continue
        if w0 in CONNECTIVES or w0 in DAYS or w0 in _ASIDE_OPENERS:
            if kept and w0 in DAYS and words is not segs[-1] \
                    and all(names_place(" ".join(w.text for w in seg)) for seg in kept):
                # "Dalam bincang ... di Kementerian X, Jakarta, Jumat (12/1), Enggar mengatakan": the place and
                # the day close a fronted adjunct; the subject comes after them
                kept = []
            elif kept:
                break
            # "Senin (12/6) Perry": drop a leading date, keep what follows
            while words and (words[0].text.lower() in DAYS or words[0].text[:1] in "(0123456789"):
                words = words[1:]
            if words and words[0].text.lower() in CONNECTIVES:  # "Saat itu dia", "Dalam rapat itu Ryamizard"
                words = _without_trailing_adjunct(words)
                owner = _after_possessed(words)
                if owner:  # "Dalam amar putusannya hakim": the subject follows the speaker's own act
                    kept.append(owner)
                    continue
                i = len(words)
                while i > 1 and is_cap(words[i - 1].text):
                    i -= 1
                if i == len(words) and words[-1].text.lower() in PRONOUNS:
                    i -= 1
                if 0 < i < len(words) and words[i - 1].text.lower() in _PREPOSITIONS:
                    i = 0  # "Dalam penampilan di Los Angeles": a place, not the subject
                words = words[i:] if 0 < i < len(words) else []
            if not words:
                continue
        kept.append(words)
    if not kept:
        return None
    words = kept[-1]
    if len(kept) > 1:  # an apposition: "Pengacara Ahok, Wayan Sudirta"
        named = [seg for seg in kept if is_cap(seg[0].text) and seg[0].text.lower() not in _ORG_HEADS
                 and (seg[0].text.lower() not in TITLES or len(seg) <= 3)]  # "Iptu Suroto"
        # a name written in full beats a title phrase with lower-case words in it ("Dian Safitri, Head of
        # Communications Uber Indonesia, menyebut")
        names = [seg for seg in named if not _title_phrase(seg)]
        words = (names or named)[-1] if named else words
    # "... setelah dia" / "Saat itu dia": the subject after a subordinator
    for i in range(len(words) - 1, 0, -1):
        head = words[i].text
        prev = words[i - 1].text.lower()
        if ((prev in CONNECTIVES and prev not in _PREPOSITIONS) or prev in _COORD) and len(words) - i <= 5 \
                and head.lower() not in DAYS \
                and (is_cap(head) or head.lower() in PRONOUNS):
            words = words[i:]
            break
    for i in range(1, len(words)):  # "X pada Selasa (4/4)" -> "X"; not "Menteri Dalam Negeri X"
        if words[i].text.lower() in STOPS and not is_cap(words[i].text):
            if not _title_before_its_holder(words, i):
                words = words[:i]
            break
    low = [w.text.lower() for w in words]
    start, end = s0 + words[0].start, s0 + words[-1].end
    if low[-1] in PRONOUNS and (len(low) == 1 or not is_cap(words[-2].text)) or (len(low) == 1 and low[0] in _SIDE):
        # "... membuat ia"; "Pihaknya yakin ...": the side of the one speaking
        return Hint("pron", s0 + words[-1].start, end)
    if "yang" in low or (low[0] in ("ada", "terdapat") and len(low) > 1):
        return None
    if not any(is_cap(w.text) for w in words) and low[0] not in _NP_STARTERS and len(low) > 3 \
            and low[-1] not in _ANAPHORIC:
        return None
    if _VERBAL.fullmatch(low[0]) and not is_cap(words[0].text) and low[0] not in _NP_STARTERS \
            and low[0] not in _ORG_HEADS and low[0] not in TITLES:
        return None  # "namun memukai juri ... setelah menyebutkan": a verb, not a speaker
    return Hint("np", start, end)


def hint_after(d, m, base):
    """Speaker hint from the words after a post cue (or its -nya)."""
    if m.groupdict().get("nya"):
        return Hint("pron", base + m.start("nya"), base + m.end("nya"))
    text = d.text
    start = base + m.end("cue")
    limit = min(len(text), start + 160)
    nl = text.find("\n", start, limit)
    seg = _mask(text[start:nl if nl >= 0 else limit])
    toks = _tokens(seg)
    if not toks:
        return None
    if toks[0].text.lower() in PRONOUNS:
        return Hint("pron", start + toks[0].start, start + toks[0].end)
    picked = []
    for tok in toks[:12]:
        w, a = tok.text, tok.start
        gap = seg[picked[-1].end if picked else 0:a]
        initial = picked and gap.strip() == "." and _INITIAL.fullmatch(picked[-1].text) and is_cap(w)
        if any(c in gap for c in (",.;:!?(" if picked else ".;!?(")) and not initial:
            break  # but an initial's stop is inside the name: "Hadi M. Djuraid"
        low = w.lower()
        if low == "yang" and picked:
            rel = re.match(r"[^,.;:!?\n]*", seg[a:]).group().rstrip()
            rel_words = rel.split()
            # up to a place or time adjunct: "pria yang akrab disapa Kecuk ini di Gedung DPR"
            cut = next((j for j, w in enumerate(rel_words) if j and w.lower() in STOPS), len(rel_words))
            rel = " ".join(rel_words[:cut]) if cut < len(rel_words) else rel
            if rel.split()[-1].lower() in _ANAPHORIC:  # "pemain yang kini memperkuat Persib itu"
                return Hint("np", start + picked[0].start, start + a + len(rel))
        if low in STOPS and (picked or low not in _NP_STARTERS):
            break
        if picked and low in _REPORTING_VERBS:
            break  # "kata Mendagri menegaskan": a second reporting verb ends the speaker
        if not picked and low in ADVERBS:
            return None
        picked.append(tok)
    if not picked:
        return None
    words = [w.text for w in picked]
    low0 = words[0].lower()
    if low0 in NOBODY:
        return UNATTRIBUTED
    # "ujar gitaris God Bless, Ian Antono" -> the name after the comma
    # "Ikatan Hakim Indonesia (Ikahi), Suhardi": past the acronym, which _mask blanked
    after = _BLANKS.match(seg, picked[-1].end).end()
    # "Duta Besar RI di New York, Abdul Kadir Jailani,": an office of a country, the place it is held, its holder
    office = names_place(words[-1]) or words[-1].lower() in TITLES
    at_place = _AT_PLACE.match(seg, after) if office else None
    am = _APPOS.match(seg, after) or (_APPOS.match(seg, at_place.end()) if at_place else None)
    while am and all(names_place(w) for w in am.group(1).split()) and _APPOS.match(seg, am.end(1)):
        am = _APPOS.match(seg, am.end(1))  # "kata Humas Kantor SAR Mataram, NTB, I Gusti Lanang": past the place
    if am and am.group(1).split()[0].lower().strip(".") not in DAYS and (not is_cap(words[0]) or low0 in TITLES or low0 in _ORG_HEADS or len(words) > 3):
        return Hint("np", start + am.start(1), start + am.start(1) + len(am.group(1).rstrip(" \t.")))
    if not (is_cap(words[0]) or low0 in _NP_STARTERS or low0 in TITLES) and len(words) > 4 \
            and words[-1].lower() not in _ANAPHORIC:
        return None
    return Hint("np", start + picked[0].start, start + picked[-1].end)


def hint_before(d, m, base):
    """Speaker hint from a cue before an opening mark (its noun phrase, its -nya, or the words before it)."""
    gd = m.groupdict()
    if gd.get("nya"):
        return Hint("pron", base + m.start("nya"), base + m.end("nya"))
    if gd.get("np") is not None:
        np = gd["np"].strip()
        if not np:
            return None
        a = base + m.start("np") + (len(gd["np"]) - len(gd["np"].lstrip()))
        w0 = np.split()[0].lower()
        if w0 in PRONOUNS:
            return Hint("pron", a, a + len(w0))
        return UNATTRIBUTED if w0 in NOBODY else Hint("np", a, a + len(np))
    # "X mengatakan, "..."": the speaker is before the verb in this sentence
    text = d.text
    s0 = max(d.sentence_of(base + m.start())[0], text.rfind("\n", 0, base + m.start()) + 1)
    sent = text[s0:base + m.start()]
    a = skip_connective(sent)
    b = len(sent.rstrip()) - adverb_tail(sent)
    k = sent.lower().rfind(" yang", a, b)
    if k >= 0:  # "ada satu akun yang mengatakan"
        b = k
    words = list(_SPACED.finditer(sent, a, b))
    while len(words) > 1 and (words[0].group().lower() in CONNECTIVES or words[0].group().lower() in ("ada", "terdapat")):
        words.pop(0)
    if not words:
        return None
    return speaker_segment(sent, s0, words[0].start(), b)


# ---- hints to speakers ------------------------------------------------------

def resolve(d, found, quoted) -> list[dict]:
    """``Record.quotes`` dicts for the quote finder's candidates, speakers resolved in text order.

    Args:
        d: the finder's per-document state (see the module docstring).
        found: quote candidates sorted by start, each with ``start``, ``end``, ``kind``,
            ``cue`` (a :class:`Cue` or None) and ``hint`` (a :class:`Hint`, or None when none was found).
        quoted: (start, end) of direct quotations; sentence subjects inside them are no antecedents.

    Returns:
        One dict per candidate: start, end, text, kind, speaker (or None) and cue (or None).
    """
    text = getattr(d, "raw", d.text)  # the article as written (d.text may stand in marks)
    out = []
    last = None  # the last resolved speaker dict
    history = []  # every resolved speaker so far, in text order, with where its quote starts ("_pos")
    # the subject of a reported clause is what the speaker spoke of, no one a later "-nya" continues ("kata
    # Fredrich, Dwina sudah memiliki rumah sendiri. ... ujarnya" is Fredrich again)
    reported = [(item.start, item.end) for item in found if item.kind == "indirect"]
    subjects = [sub for sub in _subjects(d, quoted) if not any(a <= sub.start < b for a, b in reported)]
    for k, item in enumerate(found):
        start, hint = item.start, item.hint
        kind = hint.kind if hint is not None else None  # a cue with no speaker found after it
        speaker = None
        if kind in ("np", "source"):
            speaker = _np_speaker(d, hint.start, hint.end, start, last, subjects, history)
        elif kind == "pron":
            plural = text[hint.start:hint.end].lower() in THIRD_PERSON_PLURAL
            usable = subjects
            s0 = d.sentence_of(hint.start)[0]
            lead, comma, cue_words = text[s0:hint.start].rpartition(",")
            if comma and lead.strip() and _parenthetical_cue(cue_words) and text[hint.end:].lstrip().startswith(","):
                # "Posisi Jokowi, menurut dia, bisa terancam": the clause's own subject is what is reported
                usable = [sub for sub in subjects if not s0 <= sub.start < hint.start]
            ante = _plural_antecedent(start, last, usable) if plural else \
                _antecedent(start, last, usable, history, named=lambda sp: _named_in(d, sp, item.start, item.end))
            if ante is None and not plural:
                ante = _last_person(d, hint.start)  # "Budi Santoso tiba di Jakarta. Ia mengatakan ..."
            if ante is not None:
                speaker = dict(ante, start=hint.start, end=hint.end, text=text[hint.start:hint.end])
        elif kind == "continue":
            nxt = _next_cued(d, item, found[k + 1] if k + 1 < len(found) else None)
            speaker = nxt if nxt is not None else (dict(last) if last is not None else None)
        if speaker is not None and kind != "source":
            last = dict(speaker, _pos=start)
            history.append(dict(_public(speaker), _pos=start))
        if item.kind != SPEECH_ACT:
            out.append(_quote_dict(text, item, speaker))
    return out


def _public(speaker: dict) -> dict:
    """A speaker dict without the resolver's own keys (those starting with "_")."""
    return {k: v for k, v in speaker.items() if not k.startswith("_")}


def _quote_dict(text: str, item, speaker: Optional[dict]) -> dict:
    """The ``Record.quotes`` dict of one quote candidate and its resolved speaker."""
    cue = item.cue
    return {
        "start": item.start, "end": item.end, "text": text[item.start:item.end], "kind": item.kind,
        "speaker": _public(speaker) if speaker else None,
        "cue": {"start": cue.start, "end": cue.end, "text": text[cue.start:cue.end]} if cue else None,
    }


def _next_cued(d, item, nxt):
    """Speaker of ``nxt``, a cued direct quote that follows ``item`` with nothing but marks in between."""
    if nxt is None:
        return None
    between = d.text[item.end:nxt.start]
    if nxt.kind != "direct" or nxt.hint is None or nxt.hint.kind != "np" or any(c.isalnum() for c in between):
        return None
    return _np_speaker(d, nxt.hint.start, nxt.hint.end, nxt.start, None, [])

def _np_speaker(d, a, b, qstart, last, subjects, history=None):
    """Speaker dict for the noun phrase ``text[a:b]`` of a quote starting at ``qstart``."""
    text = d.text
    while b > a and text[b - 1] in " -":
        b -= 1
    words = text[a:b].split()
    if not words:
        return None
    low0 = words[0].lower()
    if low0 in NOBODY:
        return None
    if words[-1].lower() in _ANAPHORIC and (not is_cap(words[0]) or low0 in TITLES or len(words) >= 2):
        office = _office_holder(d, words, a)  # "mantan Kapolda Riau itu": the one the article names so
        if office:
            return {"start": a, "end": b, "text": text[a:b], "canonical": office, "label": "PER"}
        same = [_public(h) for h in reversed(history or []) if h["text"].lower().split()[:1] == [low0]]
        # an office held "itu"/"ini" ("Mantan Kapolrestabes Bandung ini menjelaskan") speaks again: the last
        # person who spoke, not whoever the last sentence was about
        official = any(w.lower() in TITLES for w in words) and last is not None and _human(last)
        if same:
            ante = dict(same[0])
        elif official:
            ante = {k: v for k, v in last.items() if not k.startswith("_")}
        else:
            ante = _antecedent(qstart, last, subjects, history or ())
        if ante is not None:
            return dict(ante, start=a, end=b, text=text[a:b])
    if low0 in _DEFINITE and len(words) >= 2 and not any(is_cap(w) for w in words[1:]) \
            and last is not None and _human(last):
        # "Sang juru bicara menyebut": the one who has been speaking
        return dict({k: v for k, v in last.items() if not k.startswith("_")}, start=a, end=b, text=text[a:b])
    ent = d.entity_in(a, b)
    titles_only = all(w.lower() in TITLES for w in words)
    holder = _title_holder(d, words, a) if titles_only else None
    epithet = _EPITHETS.get(" ".join(w.lower() for w in words))
    if epithet:  # "Kepala Negara" is the Presiden named elsewhere in the article
        holder = _title_holder(d, [epithet.capitalize()], a) or _title_holder(d, [epithet.capitalize()], len(text))
    if not holder and not epithet and (ent is None or ent.label_ != "PER" or len(ent.text.split()) == 1):
        holder = _office_holder(d, words, a)
        own = (ent.text if ent is not None and ent.label_ == "PER" else name_of(words)) if holder else ""
        fuller = d.names.fullest(own) if own else ""
        if own and (own in holder.split() or fuller.startswith(own + " ")):
            # "Kapolsek Budi": the one-word name is the holder's own; so is "Menlu Retno" when the article
            # names Retno Marsudi, whoever stands in apposition before it ("..., Dian Djani, Menlu Retno")
            holder = None
        # a one-word "person" after the title that the article names another holder of is the place
        # ("AKP Boby Kusumawardhana, Kapolsek [Tambun]")
    name = name_of(words) if is_cap(words[0]) or low0 in TITLES else ""
    if (low0 in _FUNCTION or (low0 in _NP_STARTERS and low0 not in TITLES)) and not name_of(words[1:]):
        name = ""  # "Data sementara", "Banyak orang": a capitalised sentence start, not a name
    if name and low0 in TITLES and len(words) > len(name.split()) and names_place(name):
        name = ""  # "Juru bicara Menteri Luar Negeri Korea Utara": an official of a country, unnamed
    if ent is not None and not is_cap(words[0]) and ent.start_char > a and low0 not in _ENT_HEADS:
        ent = None  # "perwakilan dari Weinstein", "pengacara Ahok": the named one is not the speaker
    if ent is not None and not holder and (ent.label_ == "PER" or not name or (low0 in _ORG_HEADS and ent.start_char == a)
                                           or set(name.lower().split()) <= set(ent.text.lower().split())):
        canonical = ent._.canonical or ent.text
        # the resolver may not know a longer form yet; a person's is looked up from the entity's own words, since
        # the noun phrase's may keep a title's tail ("Menteri [Luar Negeri Jepang] Taro Kono")
        alt = d.names.fullest(ent.text if ent.label_ == "PER" else (name or ent.text))
        if len(alt.split()) > len(canonical.split()) and not _runs_into_other_entity(d, canonical, alt, a, b) \
                and (set(canonical.lower().split()) <= set(alt.lower().split())
                     or is_clipped_form(canonical, alt.split()[0])):
            canonical = alt
        label = ent.label_
        office = low0 in OFFICE_UNITS or (low0 in TITLES and low0 not in _ORG_HEADS)
        if label != "PER" and ent.start_char == a and office:
            # "Humas Festival Budaya Kartika Larasati" tagged as one organisation: an office opens it, so a person
            # in that office speaks, and a later "ia" is that person
            label = "PER"
        return {"start": a, "end": b, "text": text[a:b], "canonical": canonical, "label": label}
    label = "ORG" if low0 in _ORG_HEADS else None
    if holder:
        canonical, label = holder, "PER"
    elif name:
        canonical = d.full_name(name)
        label = label or ("ORG" if name.split()[0].lower() in _ORG_HEADS else "PER")
    else:
        canonical = " ".join(words)
    return {"start": a, "end": b, "text": text[a:b], "canonical": canonical, "label": label}

# ranks and a name, as one capitalised run ("Kompol Hendra Wijaya", "M Prasetyo"); name_of keeps the name
_RANKS_AND_NAME = r"(?P<n>[A-Z][\w'.-]*(?:[ \t]+[A-Z][\w'.-]*){1,5})"


def _office_holder(d, words, at):
    """The person an office phrase stands for ("Kapolsek Tambun" -> the Kapolsek the article names).

    A speaker written as a title with its place or organisation and no name
    ("Direktur Utama PT Sumber Tani", "mantan Kapolda Riau itu") is the
    person the article names with that same phrase, in "Kapolsek Tambun
    Kompol Hendra Wijaya" or "Hendra Wijaya, Kapolsek Tambun": the nearest
    such mention before the quote, else the first after it.
    """
    words = [w for w in words if w.lower() not in _ANAPHORIC]
    if words and words[0].lower() == "mantan":
        words = words[1:]
    if len(words) < 2 or words[0].lower() not in TITLES or words[0].lower() in _ORG_HEADS:
        return None
    phrase = r"[ \t]+".join(re.escape(w) for w in words)
    phrase = r"(?i:(?:mantan[ \t]+)?%s)" % phrase
    after = re.compile(r"\b%s,?[ \t]+%s" % (phrase, _RANKS_AND_NAME))
    before = re.compile(r"(?P<n>[A-Z][a-z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){1,3}),[ \t]+(?:selaku[ \t]+|sebagai[ \t]+)?%s\b"
                        % phrase)
    found = []
    for pattern in (after, before):
        for m in pattern.finditer(d.text):
            lead = m.group("n").split()[0].lower()
            if lead in _CITATIONS or lead in _CUE_WORDS or lead in CONNECTIVES:
                continue  # "Dilansir Reuters, Menteri ...": a citation, no apposition
            name = name_of(m.group("n").split())
            if len(name.split()) >= 2 and name.split()[0].lower() not in TITLES and not names_place(name):
                found.append((m.start(), name))  # "Juru bicara ... Korea Utara": a country is no holder
    if not found:
        return None
    earlier = [(pos, name) for pos, name in found if pos < at]
    _pos, name = max(earlier) if earlier else min(found)
    return name


_OFFICE_RUN = re.compile(r"[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,6}")


def _unnamed_office(d, m, title_words) -> Optional[str]:
    """ "Juru bicara Menteri Luar Negeri Korea Utara" after the title "juru bicara": an office held for an
    office of a country, with no name; the phrase as written is who speaks (None when it ends with no place)."""
    office = _OFFICE_RUN.match(d.text, m.start("n")).group().split()
    if not (names_place(" ".join(office[-2:])) or names_place(office[-1])):
        return None
    head = d.text[:m.start()].split()[-(len(title_words) - 1):] if len(title_words) > 1 else []
    return " ".join(head + d.text[m.start():m.start("n")].split() + office)


def _title_holder(d, words, before):
    """The name written after an earlier use of a title ("Menhub Budi Karya Sumadi"), or of the long form a
    short title stands for ("Mendagri" -> "Menteri Dalam Negeri Tjahjo Kumolo")."""
    title = re.escape(words[-1])
    long_form = _SHORT_TITLES.get(words[-1].lower())
    if long_form:
        title = r"(?:%s|(?i:%s))" % (title, r"\s+".join(re.escape(w) for w in long_form.split()))
    for m in re.finditer(r"\b%s\b(?P<gap>[^.\n]{0,40}?)(?P<n>[A-Z][a-z][\w'-]*(?:\s+[A-Z][\w'-]*){1,3})" % title,
                         d.text[:before]):
        if any(w.islower() and w not in _TITLE_INNER for w in m.group("gap").split()):
            continue  # "kata Mendagri usai acara Pekan Kerja ...": words of a sentence, not of a title
        if m.group("n").split()[0].lower() in TITLES:
            office = _unnamed_office(d, m, words)
            if office:
                return office
            continue
        run = m.group("n").split()
        name = name_of(run)
        if len(name.split()) == 1 and len(run) == 2 and run[0].lower() in NAME_LIKE_TITLES:
            name = " ".join(run)  # "Menpora Imam Nahrawi": a name that opens with a title-like word
        if len(name.split()) >= 2:
            return name
    # the name written before the title, in apposition: "AKP Boby Kusumawardhana, Kapolsek Tambun"
    appositions = re.finditer(r"(?P<n>[A-Z][a-z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){1,3}),[ \t]+(?:selaku[ \t]+)?%s\b"
                              % title, d.text[:before])
    names = [name_of(m.group("n").split()) for m in appositions]
    names = [n for n in names if len(n.split()) >= 2]
    return names[-1] if names else None

# the cue takes in "oleh", so the agent's words start right after it ("disampaikan oleh Menteri X")
_AGENT = re.compile(r"\b(?P<cue>(?:%s)(?:\s+oleh)?)\s+(?=[A-Z])" % alternation(_LEX["passive"]))


class Subject(NamedTuple):
    """A named sentence subject, an antecedent for a later pronoun: where it starts and who it is."""

    start: int
    speaker: dict  # canonical and label


def _runs_into_other_entity(d, name: str, longer: str, a: int, b: int) -> bool:
    """Whether ``longer``, a fuller form of ``name``, takes in words of an organisation or place inside
    ``text[a:b]`` ("Ekonom [Bank Nusantara] Agus Salim" gives no person "Nusantara Agus Salim")."""
    extra = set(longer.lower().split()) - set(name.lower().split())
    return bool(extra) and any(extra & set(e.text.lower().split()) for e in d.ents
                               if e.label_ != "PER" and a <= e.start_char and e.end_char <= b)


def _passive_agents(d, quoted) -> list[Subject]:
    """Speakers named as the agent of a report ("Hal itu diungkapkan Manajer Jatam Ki Bagus"), as subjects."""
    out = []
    for m in _AGENT.finditer(d.text):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        hint = hint_after(d, m, 0)
        if hint is None or hint.kind != "np":
            continue
        words = d.text[hint.start:hint.end].split()
        name = name_of(words)
        ent = d.entity_in(hint.start, hint.end)
        if not name or not _person_np(d, words, ent) or (ent is not None and ent.label_ != "PER"):
            continue
        out.append(Subject(hint.start, {"canonical": d.full_name(name), "label": "PER"}))
    return out


def _subjects(d, quoted) -> list[Subject]:
    """Sentence subjects that are names (outside ``quoted`` spans), as antecedents for pronouns."""
    out = _passive_agents(d, quoted)
    dl = d.doc._.dateline
    for s0, s1 in d.sents:
        if dl and s0 < dl["end"]:
            continue
        sent = d.text[s0:min(s1, s0 + 160)]
        vm = _PREDICATE.search(sent)
        a = skip_connective(sent)
        if not vm or vm.start() <= a:
            continue
        hint = speaker_segment(sent, s0, a, vm.start())
        if hint is None or hint.kind != "np":
            continue
        words = d.text[hint.start:hint.end].split()
        if words[-1].lower() in _ANAPHORIC or any(s0 <= a <= hint.start < b for a, b in quoted):
            continue
        if len(words) >= 2 and words[0].lower() in PLURAL_MARKERS:
            # "Sejumlah pekerja kemanusiaan ...": a group, which only "mereka" refers to
            out.append(Subject(hint.start, {"canonical": " ".join(words), "label": "GROUP"}))
            continue
        name = name_of(words)
        ent = d.entity_in(hint.start, hint.end)
        if ent is None and name and names_place(name):
            continue  # "Qatar merupakan negara ...": a place the NER left untagged, no one who speaks
        full = d.names.fullest(name) if name and not any(c.isdigit() for c in name) else ""
        if ent is not None and ent.label_ == "PER" and _runs_into_other_entity(d, ent.text, full, hint.start, hint.end):
            full = ent._.canonical or ent.text  # "Ekonom [Bank Nusantara] [Agus Salim]": the person, not the run
        elif ent is not None and ent.label_ == "PER" and ent._.canonical and len(ent._.canonical.split()) > \
                len(full.split()) and set(name.lower().split()) <= set(ent.text.lower().split()):
            full = ent._.canonical  # "Jokowi": the entity stage links it to "Joko Widodo", one name for one person
        if len(full.split()) < 2 and (not full or ent is None):
            continue
        label = "ORG" if full.split()[0].lower() in _ORG_HEADS else "PER"
        if ent is not None and ent.label_ in ("ORG", "LOC"):
            label = ent.label_  # "KKB", "Trigana Air": no one who speaks of himself as "ia"
        elif not _person_np(d, words, ent):
            label = None if words[-1].lower() in _ANAPHORIC else "THING"  # "Pesawat tersebut"
        if label is None:
            continue
        out.append(Subject(hint.start, {"canonical": full, "label": label}))
    out.extend(_group_agents(d, quoted))
    out.sort(key=lambda subject: subject.start)
    return out


def _group_agents(d, quoted) -> list[Subject]:
    """Groups named as the agent of a passive ("dikritik oleh sejumlah pekerja kemanusiaan"), for "mereka"."""
    out = []
    for m in _GROUP_AGENT.finditer(d.text):
        if m.group("np").split()[0].lower() in PLURAL_MARKERS and not any(a <= m.start() < b for a, b in quoted):
            out.append(Subject(m.start("np"), {"canonical": m.group("np"), "label": "GROUP"}))
    return out

def _antecedent(pos, last, subjects, history=(), named=None):
    """The later of the last human speaker and the last named human subject before ``pos``.

    "-nya", "ia", "dia", "beliau" refer to a person: an organisation or a place
    (a plane, an armed group, a province) is passed over for the person before it.
    ``named(speaker)`` says whether the quote itself names a candidate ("Kita sepaham
    dengan Presiden," katanya): one does not speak of oneself by name, so the
    candidate before it is taken.
    """
    candidates = []  # (position, speaker), later ones first after sorting
    if last is not None and last["_pos"] < pos and _human(last):
        candidates.append((last["_pos"], {k: v for k, v in last.items() if not k.startswith("_")}))
    elif last is not None and last["_pos"] < pos:
        human = [h for h in history if _human(h)]
        if human:  # the last speaker was an institution or a document: the person who spoke before it
            candidates.append((human[-1]["_pos"], _public(human[-1])))
    candidates += [(p, dict(s)) for p, s in subjects if p < pos and _human(s)]
    candidates.sort(key=lambda c: -c[0])
    for _p, speaker in candidates:
        if named is None or not named(speaker):
            return speaker
    return candidates[0][1] if candidates else None


_GROUP_AGENT = re.compile(r"\boleh\s+(?P<np>[a-z]+(?:\s+[a-z]+){1,3}?)(?=\s+(?:pada|di|ke|dari|sejak|dalam|karena)\b|[,.;\n])")
_OUTLETS = load_wordset("news_agencies") | load_wordset("outlets")
#: how far back a pronoun with no speaker or subject before it looks for the person named last
_PERSON_REACH = 300


def _last_person(d, pos):
    """The person named last in the ``_PERSON_REACH`` characters before ``pos``, as a speaker dict, or None.

    For a pronoun whose sentence subject the predicate test could not see ("Budi Santoso tiba di
    Jakarta. Ia mengatakan ..."): "ia", "dia" and "-nya" refer to the person just named.
    """
    people = [e for e in d.ents if e.label_ == "PER" and pos - _PERSON_REACH <= e.start_char and e.end_char <= pos]
    if not people:
        return None
    ent = people[-1]
    return {"canonical": ent._.canonical or ent.text, "label": "PER"}


def _parenthetical_cue(words: str) -> bool:
    """Whether ``words``, between a comma and a pronoun, are a report cue alone ("menurut", "kata"): the
    pronoun then closes an aside inside a clause ("Posisi Jokowi, menurut dia, bisa terancam")."""
    return len(words.split()) == 1 and words.strip().lower() in _CUE_WORDS


def _named_in(d, speaker: dict, start: int, end: int) -> bool:
    """Whether the quote ``text[start:end]`` speaks of ``speaker`` as someone else: a person entity in it
    that is that person, the last word of the name ("Budi Waseso" does not name Budi Gunawan), or the
    title the article gives that person ("Kita sepaham dengan Presiden," of Joko Widodo), not after
    "sebagai" ("Saya sebagai Presiden ..." is his own)."""
    canonical = speaker.get("canonical") or ""
    if any(e.label_ == "PER" and start <= e.start_char and e.end_char <= end and (e._.canonical or e.text) == canonical
           for e in d.ents):
        return True
    names = canonical.split()[-1:] + [w for w in (speaker.get("text") or "").split() if w[:1].isupper()][-1:]
    names = {w for w in names if len(w) >= 3 and w[:1].isupper()}
    roles = {e._.role[:1].upper() + e._.role[1:] for e in d.ents
             if e.label_ == "PER" and (e._.canonical or e.text) == canonical and e._.role}
    quote = d.text[start:end]
    for word in names | roles:
        for m in re.finditer(r"(?<![\w-])%s(?![\w-])" % re.escape(word), quote):
            before = quote[:m.start()].split()[-1:]
            if not (before and before[0].lower() in _SELF_DESCRIBED):
                return True
    return False


def _plural_antecedent(pos, last, subjects):
    """What "mereka" refers to: the later of the last speaker and the last subject before ``pos`` that names
    more than one ("sejumlah pekerja kemanusiaan", "para pemohon") or a body; never one named person."""
    def plural(speaker: dict) -> bool:
        first = (speaker.get("text") or speaker.get("canonical") or "").split()[:1]
        if (speaker.get("canonical") or "").lower() in _OUTLETS:
            return False  # "Ketika Reuters berkunjung ...": the outlet reports, it is no "mereka"
        return speaker.get("label") in ("ORG", "GROUP") or (bool(first) and first[0].lower() in PLURAL_MARKERS)

    best_pos, best = -1, None
    if last is not None and last["_pos"] < pos and plural(last):
        best_pos, best = last["_pos"], _public(last)
    for p, s in subjects:
        if best_pos < p < pos and plural(s):
            best_pos, best = p, dict(s)
    if best is not None and best.get("label") == "GROUP":
        best["label"] = None  # a group of people, named by a common noun phrase
    return best


def _person_np(d, words, ent) -> bool:
    """Whether a subject noun phrase may name a person.

    A PER entity does; otherwise a phrase whose first word the article also
    writes in lower case ("Pesawat tersebut" where "pesawat" occurs), or an
    abstract ke-an/peN-an noun ("Keberhasilan Qatar Airways"), is a common
    noun, and a thing unless that noun is a title or names people.
    """
    if ent is not None and ent.label_ == "PER":
        return True
    w0 = words[0].lower().strip(".,")
    if w0 in TITLES or w0 in _PERSON_NOUNS or w0 in PRONOUNS:
        return True
    if looks_derived_noun(w0) and w0 not in _ORG_HEADS:
        return False  # "Keberhasilan Qatar Airways ...": an abstract noun heads a thing, not a person
    if len(words) >= 3 and words[1] in ("-", "–") and words[2].lower() == w0:
        return False  # "Rata - rata", "Kawan - kawan": a reduplicated common word, no name
    return re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(w0), d.text) is None


def _human(speaker: dict) -> bool:
    """Whether a speaker or subject may be a person (PER, or a noun phrase with no label that is no
    document: "data IMF mencatat ..." reports, but a later "jelasnya" is not the data)."""
    first = (speaker.get("text") or "").split()[:1]
    if first and first[0].lower() in _SOURCE_NOUNS:
        return False
    return speaker.get("label") in (None, "PER")
