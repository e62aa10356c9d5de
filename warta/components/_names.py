"""Helpers of the ``entity_resolver`` component: shared token tests, and finding and repairing names.

:class:`NameFinder` holds what the resolver does to ``doc.ents`` before it links
them: repairs of NER output (leading lower-case words, labels that disagree with
the rest of the article, an all-caps dateline place) and names the NER left out
(people after titles, organisation names, full names next to a tagged part).
It expects the attributes that :class:`~warta.components.entity_resolver.EntityResolver`
sets up (title and organisation tables).
"""

from __future__ import annotations

import re

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from ..lang import load_json, load_lines, load_wordset
from ..morphology import looks_derived_noun, looks_prefixed_verb
from . import _doc_cache as cache
from ._lexicon import (
    ALIAS_CUES, AREA_NOUNS, CORE_PREPOSITIONS, NAME_LINKS, ORG_HEADS, PLACE_PREPOSITIONS, RELATIONS, SUBORDINATORS,
)
from ._sentences import sentence_start
from ._words import is_cap
from .extensions import doc_text, ents_of, forget_ents, set_ents
from .geo import lookup_place, tables as geo_tables

#: "S.H.", "M.Kes.": degrees after a name, never an entity or part of one
_DEGREES = load_wordset("academic_degrees")
#: "Kab.", "Jl.": abbreviations, never an entity when cut from their stop
_ABBREVIATIONS = load_wordset("abbreviations")
#: punctuation that never ends a name ("Lembaga Bantuan Hukum (" before its acronym)
_TRAILING_PUNCT = frozenset({",", "(", "[", ":", ";", "/"})  # not "-": "Abu Bakr al -" + "Baghdadi" join
_FACILITIES = load_json("facilities")
_FACILITY_HEADS = frozenset(_FACILITIES["facilities"]) | frozenset(_FACILITIES["lower_case_heads"])
# words of closed classes that never end a name
_CLOSED_CLASS = frozenset(load_lines("function_words")) | frozenset(
    w for data in (load_json("conjunctions"), load_json("prepositions"))
    for key, words in data.items() if not key.startswith("_") for w in words)
# time units and parts of the day in lower case ("[Direktorat Imigrasi] bulan lalu", "[Polres Bogor] malam itu")
_TIME_WORDS = load_json("time_words")
_TIME_NOUNS = frozenset(_TIME_WORDS["duration_units"]) | frozenset(w for w in _TIME_WORDS["parts_of_day"] if " " not in w)
#: words of the language (lower case) the corpus writes often: no syllable of a hyphenated given name
_COMMON_WORDS = frozenset(load_lines("corpus_common_words"))


def split_place_lists(doc: Doc) -> None:
    """Split a word of places joined by hyphens ("Malaysia-Myanmar-Thailand", a route "Jayapura-Oksibil",
    "jaringan Malaysia-Aceh") into its places, each a LOC entity; an entity around it loses it.

    The tokenizer keeps a hyphen between letters inside a word, as the UD treebanks do ("Kassym-Jomart"),
    so a list of places is one token until every part of it is found to be a known place.
    """
    places = [t for t in doc if "-" in t.text[1:-1] and _all_places(t.text) and not _names_a_road(doc, t)]
    if not places:
        return
    text = doc_text(doc)
    spans = [(t.idx + m.start(), t.idx + m.end()) for t in places for m in re.finditer(r"[^-]+", t.text)]
    with doc.retokenize() as retok:
        for t in places:
            parts = re.findall(r"[^-]+|-", t.text)
            retok.split(t, parts, heads=[(t, 0)] * len(parts))  # the last part keeps the word's space
    new = [doc.char_span(a, b, label="LOC") for a, b in spans]
    forget_ents(doc)  # token indices moved: no kept copy of the entities may survive the split
    kept = [e for e in ents_of(doc) if not any(e.start_char < b and a < e.end_char for a, b in spans)]
    set_ents(doc, sorted(kept + [n for n in new if n is not None], key=lambda e: e.start))
    assert doc_text(doc) == text


def _all_places(word: str) -> bool:
    """Every part of ``word`` is a known place, and the whole is none ("Guinea-Bissau" stays whole)."""
    parts = word.split("-")
    if geo_tables().country(word) or lookup_place(word):
        return False
    return len(parts) >= 2 and all(p[:1].isupper() and p.isalpha() and len(p) > 2 for p in parts) \
        and all(geo_tables().country(p) or lookup_place(p) for p in parts)


def _names_a_road(doc: Doc, t) -> bool:
    """Whether the word is part of a road's or facility's name ("Jalan Raya Bogor-Sukabumi", "Tol
    Jakarta-Cikampek"): an entity around it, or the word just before it, is a facility head."""
    heads = _FACILITY_HEADS
    around = [e for e in doc.ents if e.start <= t.i < e.end and e.start < t.i]  # not ents_of: no cache before
    # the retokenizer moves the tokens
    if any(doc[e.start].lower_ in heads for e in around):
        return True
    k = t.i - 1
    while k >= 0 and k >= t.i - 2 and doc[k].text[:1].isupper():
        k -= 1  # "Jalan Raya [Bogor-Sukabumi]"
    return any(doc[j].lower_ in heads for j in range(max(0, k), t.i))


# words that open a clause: a name never runs on past one ("[Kementerian Pertanian] sehingga harga ...")
_CLAUSE_OPENERS = frozenset(load_json("conjunctions")["result"]) | SUBORDINATORS


def _before_inner_clause(doc: Doc, start: int, end: int) -> int:
    """Where an entity must end that ran on into a clause: before a lower-case subordinator or result word, or
    a prefixed verb, after its capitalised words ("Kementerian Pertanian sehingga harga cabai turun")."""
    for k in range(start + 1, end):
        tok = doc[k]
        if tok.is_alpha and tok.is_lower and doc[k - 1].text[:1].isupper() and doc[k - 1].text not in ("-", "–") \
                and (tok.lower_ in _CLAUSE_OPENERS or looks_prefixed_verb(tok.lower_)):
            return k
    return end


def _lower_word_after_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the entity [start, end) ran on into a lower-case word after the name ("[Kementerian Pertanian]
    sehingga", "[Kementerian Perdagangan] menetapkan", "[Direktorat Imigrasi] bulan lalu"): a name ends in a
    capitalised word, but a reduplication's second half stays ("Gorong - gorong", "Moon Jae - in")."""
    last = doc[end - 1]
    if not (end - 1 > start and last.is_alpha and last.is_lower and doc[end - 2].text not in ("-", "–")):
        return False
    # a function word or a verb; any other lower-case word may be a name written in lower case ("Gus ipul")
    return last.lower_ in _CLOSED_CLASS or last.lower_ in _TIME_NOUNS or looks_prefixed_verb(last.lower_)


#: the second syllable of a hyphenated given name, spaced ("Myong - nam") or glued ("Jong-un")
_SYLLABLE = re.compile(r"[a-z]{1,4}")
_HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]{1,4}")


def _hyphenated_syllable_end(doc: Doc, end: int) -> int:
    """Where a person's name ends that goes on with a given name's hyphenated syllable: "Choe Myong" +
    "- nam" (IndoSum's spaced hyphen), "Kim" + "Jong-un"; a word of the language after a dash opens an
    aside and ends the name ("Irman Gusman - kini mantan -", "Budi - yang ..."): a function word or a
    word of the corpus's common vocabulary (``lang/corpus_common_words.txt``)."""
    if end + 1 < len(doc) and doc[end].text in ("-", "–") and _SYLLABLE.fullmatch(doc[end + 1].text) \
            and doc[end + 1].lower_ not in _CLOSED_CLASS and doc[end + 1].lower_ not in _COMMON_WORDS \
            and doc[end - 1].whitespace_:
        return end + 2
    if end < len(doc) and _HYPHENATED_GIVEN_NAME.fullmatch(doc[end].text):
        return end + 1
    return end


PER_LABELS = frozenset({"PER", "PERSON"})
_OPEN, _CLOSE = "(", ")"
_APPOSITIVE_END = frozenset({",", ".", ";", ":", ")", '"', "”", "“", "?", "!"})
_ALIAS_CUES = ALIAS_CUES
_LONG_FORM_LINKS = NAME_LINKS
_MAX_ROLE_TOKENS = 10
_MAX_APPOSITIVE_TOKENS = 14
_WELL_KNOWN = frozenset({"province", "capital", "exonym"})
_PLACE_MIN_POPULATION = 100_000
_LOCATIVE = PLACE_PREPOSITIONS | AREA_NOUNS
_RELATIONAL = RELATIONS
_PREPOSITIONS = CORE_PREPOSITIONS


def _orth_index(doc: Doc) -> dict[int, list[int]]:
    """Token indexes by ORTH id, built once per Doc (token texts never change after tokenizing)."""
    return cache.cached(doc, cache.ORTH_INDEX, _build_orth_index)


def _build_orth_index(doc: Doc) -> dict[int, list[int]]:
    index: dict[int, list[int]] = {}
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        index.setdefault(orth, []).append(i)
    return index


def _positions_of(doc: Doc, ids) -> list[int]:
    """Indexes of tokens whose ORTH id is one of ``ids``, in order."""
    index = _orth_index(doc)
    found = [index[i] for i in set(ids) if i in index]
    if len(found) == 1:
        return list(found[0])
    return sorted(i for positions in found for i in positions)


def _positions(doc: Doc, texts) -> list[int]:
    """Indexes of tokens whose text is one of ``texts`` (a lookup in a per-Doc index: no scan per call)."""
    return _positions_of(doc, [doc.vocab.strings.add(t) for t in texts])


def _subsequence(short: str, long: str) -> bool:
    if not short or not long or short[0] != long[0]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def _upper_count(text: str) -> int:
    return sum(1 for ch in text if ch.isupper())


class NameFinder:
    """Mixin: NER repairs and name finding for the entity resolver."""

    # -- NER repairs ---------------------------------------------------------
    def _before_rank_phrase(self, doc: Doc, start: int, end: int) -> int:
        """Where an organisation must end that runs on into a rank written in full ("[Divisi Humas Polri]
        Inspektur Jenderal Setyo", "[Polda Metro Jaya] Komisaris Besar"): before the rank. Not a facility
        named after an officer ("Lapangan Mayor Jenderal Sungkono")."""
        if doc[start].lower_ in self.facility_heads:
            return end
        for k in range(start + 1, end):
            for phrase in self.rank_phrases:
                if all(k + i < len(doc) and doc[k + i].lower_ == w for i, w in enumerate(phrase)):
                    return k
        return end

    def _repair_spans(self, doc: Doc) -> None:
        """Drop leading lower-case words from entities ("kota Albu Kamal"), all-lower-case entities,
        and whitespace, academic degrees ("S.H.") and commas at an entity's end; a place or an
        organisation also loses the ranks it ran on into ("[Metro Jaya] Irjen Pol. Hendra"), and a
        person or organisation a derived noun opening the sentence ("Peletakan batu").

        In cased news text a name starts with a capital; an NER trained partly on
        lower-cased data ("nerp") tags "kudeta" or a credit line "[ab/uh]" now and then.
        """
        ents, changed = [], False
        text = doc_text(doc)
        for ent in ents_of(doc):
            start, end = ent.start, ent.end
            # a paragraph break the NER carried on into ("Ahok\n\n"), degrees ("Hutapea, S.H.")
            end = _before_inner_clause(doc, start, end)
            while end > start and (doc[end - 1].is_space or doc[end - 1].lower_ in _DEGREES
                                   or (doc[end - 1].text in _TRAILING_PUNCT and end - 1 > start)
                                   or (ent.label_ not in PER_LABELS and doc[end - 1].lower_ in self.ranks)
                                   or _lower_word_after_name(doc, start, end)):
                end -= 1
            end = _before_count_or_clock(doc, start, end)
            if ent.label_ == "ORG":  # a street, field or airport may be named after an officer
                end = self._before_rank_phrase(doc, start, end)
            if end != ent.end:
                changed = True
                if end == start:
                    continue
                ent = Span(doc, start, end, label=ent.label_)
            if len(ent) == 1 and ent.end < len(doc) and doc[ent.end].text == "." and not doc[start].whitespace_ \
                    and doc[start].lower_ + "." in _ABBREVIATIONS:
                changed = True  # "Kab" of "Kab. Banjar": an abbreviation the tokenizer cut from its stop
                continue
            if geo_tables().country(text[ent.start_char:ent.end_char]):
                ents.append(ent)  # "negeri Paman Sam" is a name of the United States
                continue
            first = doc[start]
            if ent.label_ != "LOC" and first.is_sent_start and looks_derived_noun(first.lower_) \
                    and first.text not in self.org_heads:  # "Kementerian", "Kejaksaan" open names
                start += 1  # "Peletakan batu pertama ...", "Penangkapan [Setya Novanto]": a capital, not a name
            while start < ent.end and not doc[start].text[:1].isupper():
                start += 1
            if start == ent.start:
                ents.append(ent)
                continue
            changed = True
            if start < ent.end:
                ents.append(Span(doc, start, ent.end, label=ent.label_))
        if changed:
            set_ents(doc, ents)

    @staticmethod
    def _join_split_names(doc: Doc) -> None:
        """Join two person entities with no token between them into one name: "Joseph." +
        "F. Durfort Jr.", "Abu Bakr al -" + "Baghdadi" (IndoSum's spaced hyphens); a person's name
        also takes the hyphenated syllable of a given name the NER left out ("Choe Myong [- nam]",
        "Kim [Jong-un]").

        Two different people are written apart ("Jokowi dan Prabowo", "Jokowi, Prabowo"); two
        names with nothing between them are one name the NER cut in two.
        """
        ents = list(ents_of(doc))
        out: list[Span] = []
        changed = False
        for ent in ents:
            prev = out[-1] if out else None
            if prev is not None and prev.label_ in PER_LABELS and ent.label_ in PER_LABELS:
                if ent.start == prev.end:
                    out[-1] = Span(doc, prev.start, ent.end, label=prev.label_)
                    changed = True
                    continue
            if ent.label_ in PER_LABELS:
                end = _hyphenated_syllable_end(doc, ent.end)
                if end != ent.end and not any(e.start < end and ent.end < e.end for e in ents):
                    ent = Span(doc, ent.start, end, label=ent.label_)
                    changed = True
            out.append(ent)
        if changed:
            set_ents(doc, out)

    def _relabel_people(self, doc: Doc) -> None:
        """A name tagged ORG or LOC that is a person's becomes PER: "Menteri Keuangan [Ratna
        Wulandari]" tagged LOC when "Wulandari" is a person later (:meth:`_looks_like_person`).
        Runs before :meth:`_repair_labels`, whose word-of-a-full-name rule then fixes the short forms."""
        text = doc_text(doc)
        ents = list(ents_of(doc))
        people = [e for e in ents if e.label_ in PER_LABELS]
        surnames = {text[e.start_char:e.end_char] for e in people if len(e) == 1}
        surnames |= {e[-1].text for e in people if len(e) >= 2}
        new, changed = [], False
        for ent in ents:
            if ent.label_ not in PER_LABELS and self._looks_like_person(doc, ent, text[ent.start_char:ent.end_char],
                                                                        surnames):
                ent, changed = Span(doc, ent.start, ent.end, label="PER"), True
            new.append(ent)
        if changed:
            set_ents(doc, new)

    def _repair_labels(self, doc: Doc) -> None:
        """Make labels agree with the article: a word of a person's full name is PER ("Tokayev" tagged
        ORG after "Kassym-Jomart Tokayev"); a person-tagged well-known place or a name tagged LOC
        after a locative word elsewhere ("di Albu Kamal") is LOC; so is a bare country name tagged ORG
        ("sanksi terhadap China"); a name that ends in a company's tail word is ORG ("Indosurya Sekuritas")."""
        text = doc_text(doc)
        ents = [(e, text[e.start_char:e.end_char]) for e in ents_of(doc)]  # Span.text without joining tokens
        people = [e for e, _ in ents if e.label_ in PER_LABELS]
        name_words = {w.text for e in people if len(e) >= 2 for w in e if w.is_alpha and len(w.text) >= 3
                      and w.text[:1].isupper() and w.lower_ not in self.honorifics}
        name_words -= {w for w in name_words if self._well_known_place(w)}
        located = {t for e, t in ents if e.start > 0 and doc[e.start - 1].lower_ in _LOCATIVE}
        new, changed = [], False
        for ent, ent_text in ents:
            label = ent.label_
            if label not in PER_LABELS and len(ent) == 1 and ent_text in name_words:
                label = "PER"
            elif label in PER_LABELS and ent_text not in name_words and (
                    ent_text in located or self._well_known_place(ent_text)):
                label = "LOC"
            elif label == "ORG" and geo_tables().country(ent_text):
                label = "LOC"  # a bare country name standing for its government is still the country
            elif label in PER_LABELS and len(ent) >= 2 and ent[-1].text in self.name_tails and not lookup_place(ent_text):
                label = "ORG"  # "Indosurya Sekuritas", "Trigana Air" tagged as people: a company's name ends so
            elif label in PER_LABELS and (ent_text in self.orgs or self._starts_institution([ent_text]) == 1):
                label = "ORG"  # "Kemenhub", "KPK" tagged as a person: a known organisation's acronym
            elif label != "LOC" and ent_text.isupper() and self._is_dateline(doc, ent) and lookup_place(ent_text):
                label = "LOC"  # "ALMATY, warta.example -": the dateline's place
            if label != ent.label_:
                changed = True
                ent = Span(doc, ent.start, ent.end, label=label)
            new.append(ent)
        if changed:
            set_ents(doc, new)

    def _looks_like_person(self, doc: Doc, ent: Span, ent_text: str, surnames: set[str]) -> bool:
        """A two- or three-word name tagged ORG or LOC that is a person's: its last word is a person
        elsewhere in the article, or a person's honorific ("Dr.") comes right before it; no word
        of it opens an organisation or a place or is an acronym, and it is no known place."""
        if not 2 <= len(ent) <= 3 or not all(is_cap(w.text) and w.is_alpha for w in ent):
            return False
        if any(w.text in self.org_heads or w.text in self.place_prefixes or w.text.isupper() or w.text in self.orgs
               for w in ent):
            return False  # "MUI Ikhsan": an acronym is an organisation's
        if self._well_known_place(ent_text) or lookup_place(ent_text):
            return False
        prev = doc[ent.start - 1] if ent.start > 0 else None
        return ent[-1].text in surnames or (prev is not None and prev.lower_ in self.honorifics)

    def _complete_org_names(self, doc: Doc) -> None:
        """An organisation name the NER ended one unit early takes the country or the body that
        follows it: "Pemerintah [AS]", "Pusat Penerangan [TNI]", "Angkatan Bersenjata [AS]" (the
        last tagged PER, which a name opening with "Angkatan" cannot be).

        Only names that open with an organisation word (``org_heads``) are completed, so "CNN"
        next to "Indonesia" or a company next to its home country is left as tagged.
        """
        t = geo_tables()
        ents = list(ents_of(doc))
        out: list[Span] = []
        changed = False
        i = 0
        while i < len(ents):
            ent = ents[i]
            label = ent.label_
            if doc[ent.start].text in self.org_heads and (label == "ORG" or (label in PER_LABELS and len(ent) >= 2)):
                label = "ORG"
                nxt = ents[i + 1] if i + 1 < len(ents) else None
                end = None
                for size in (3, 2, 1):
                    part = doc[ent.end:ent.end + size]
                    if len(part) < size or not part[0].text[:1].isupper() or not all(w.is_alpha for w in part):
                        continue
                    if t.country(part.text) or (size == 1 and part.text in self.orgs):
                        end = part.end
                        break
                if end is not None:
                    inside = nxt is not None and nxt.start < end
                    if not inside and self._free(doc, ent.end, end):
                        ent, changed = Span(doc, ent.start, end, label="ORG"), True
                    elif inside and nxt.start == ent.end and nxt.end == end and nxt.label_ in ("LOC", "ORG"):
                        ent, changed = Span(doc, ent.start, end, label="ORG"), True
                        i += 1  # the country or body is now part of this name
                if label != ent.label_:
                    ent, changed = Span(doc, ent.start, ent.end, label=label), True
            out.append(ent)
            i += 1
        if changed:
            set_ents(doc, out)

    @staticmethod
    def _is_dateline(doc: Doc, ent: Span) -> bool:
        dateline = doc._.dateline
        if dateline and dateline.get("start") is not None:
            return dateline["start"] <= ent.start_char < dateline["end"]
        return ent.start == 0 and ent.end < len(doc) and doc[ent.end].text in (",", "(")

    @staticmethod
    def _well_known_place(text: str) -> bool:
        """A country, province, capital or exonym: names people do not bear ("Ahmad" is also a Kuwaiti town)."""
        t = geo_tables()
        if t.country(text):
            return True
        rows = t.place_rows(text)
        return bool(rows) and rows[0][6] in _WELL_KNOWN

    def _skip_complement(self, doc: Doc, i: int) -> int:
        """Index after the title words, countries, national bodies and well-known places from ``i``."""
        t = geo_tables()
        while i < len(doc):
            tok = doc[i]
            low = tok.lower_
            if is_cap(tok.text) and (low in self.bare_heads or low in self.title_heads and low != "sang") \
                    or low in self.inner or tok.text in self.body_country:
                i += 1
                continue
            for size in (3, 2, 1):
                part = doc[i:i + size]
                if len(part) == size and part[0].text[:1].isupper() and (
                        t.country(part.text) or self._place_country(part)):
                    i += size
                    break
            else:
                return i
        return i

    def _title_ids(self, doc: Doc, which: str) -> list[int]:
        """ORTH ids of the capitalised titles of ``self.<which>`` ("bare_heads" also adds the short
        upper-case ones, "PM"), as they open a title before a name; made once per component."""
        cache = self.__dict__.setdefault("_title_id_cache", {})
        ids = cache.get(which)
        if ids is None:
            words = getattr(self, which)
            ids = [doc.vocab.strings.add(w.capitalize()) for w in words]
            if which == "bare_heads":
                ids += [doc.vocab.strings.add(w.upper()) for w in words if len(w) <= 3]
            cache[which] = ids
        return ids

    def _name_end(self, doc: Doc, start: int, max_words: int) -> int:
        """End of the run of capitalised name words from ``start`` (at most ``max_words``): not
        upper-case acronyms, titles, countries or known organisations."""
        t = geo_tables()
        end = start
        while end < len(doc) and end - start < max_words and is_cap(doc[end].text) \
                and (doc[end].is_alpha or "-" in doc[end].text) \
                and not doc[end].text.isupper() and doc[end].lower_ not in self.title_heads \
                and not t.country(doc[end].text) and doc[end].text not in self.orgs:
            end += 1
        return end

    def _add_titled_people(self, doc: Doc) -> None:
        """PER entities after titles that take no complement but a country or place, then their surnames."""
        new: list[Span] = []
        for i in _positions_of(doc, self._title_ids(doc, "bare_heads")):
            if i > 0 and is_cap(doc[i - 1].text) and not doc[i].is_sent_start:
                continue  # "Unit Kerja Presiden ...", "Direktorat Jenderal ...": a title inside a name
            start = self._skip_complement(doc, i + 1)
            end = self._name_end(doc, start, 4)
            if end == start or not self._free(doc, start, end) or lookup_place(doc[start:end].text):
                continue
            if end - start == 1 and not (end < len(doc) and doc[end].is_lower):
                continue  # "Presiden Jokowi mengatakan", but not a lone capitalised word before a name or a break
            if any(s.start < end and start < s.end for s in new):
                continue
            new.append(Span(doc, start, end, label="PER"))
        self._add(doc, new)
        names = {s[-1].text for s in new if len(s) >= 2} | {s.text for s in new}
        names = {n for n in names if not lookup_place(n) and n not in self.orgs}
        if names:
            more = [Span(doc, i, i + 1, label="PER") for i in _positions(doc, names)
                    if doc[i].ent_iob_ not in ("B", "I")]
            self._add(doc, more)

    def _add_people_after_country_titles(self, doc: Doc) -> None:
        """A two- or three-word name right after a title that ends in a country: "Menteri Luar Negeri
        Indonesia [Laras Puspitasari] mengatakan". The country closes the title, so the capitalised
        words after it, up to a lower-case word, are the person; an ORG or LOC the NER put on part
        of them gives way."""
        t = geo_tables()
        ents = list(ents_of(doc))
        new: list[Span] = []
        for i in _positions_of(doc, self._title_ids(doc, "title_heads")):
            tok = doc[i]
            if i > 0 and is_cap(doc[i - 1].text) and not tok.is_sent_start:
                continue  # a title inside a name
            start = None
            j = i + 1
            while j < len(doc) and j - i <= 6 and (is_cap(doc[j].text) or doc[j].lower_ in self.inner):
                size = next((n for n in (3, 2, 1) if j + n <= len(doc) and all(w.is_alpha for w in doc[j:j + n])
                             and t.country(doc[j:j + n].text)), 0)
                if size:
                    start = j + size
                    break
                j += 1
            if start is None:
                continue
            end = self._name_end(doc, start, 3)
            if end - start < 2 or (end < len(doc) and (is_cap(doc[end].text) or doc[end].text in ("-", "–"))):
                continue  # the name may go on ("Moon Jae - in")
            inside = [e for e in ents if e.start < end and start < e.end]
            if any(e.label_ in PER_LABELS or e.start < start or e.end > end for e in inside):
                continue
            if lookup_place(doc[start:end].text):
                continue
            new.append(Span(doc, start, end, label="PER"))
        if new:
            covered = {k for span in new for k in range(span.start, span.end)}
            kept = [e for e in ents if not covered.intersection(range(e.start, e.end))]
            set_ents(doc, sorted(kept + new, key=lambda e: e.start))

    def _add_named_orgs(self, doc: Doc) -> None:
        """ORG entities for capitalised names that open with an organisation word ("Kementerian Kesehatan Kazakhstan").

        With the NER on, the name may swallow places and organisations the NER found inside it ("Dinas
        Perhubungan [Kabupaten Subang]", "DPP [Partai Gerindra]"), never a person.
        """
        new: list[Span] = []
        inner: set[int] = set()
        ents = {e.start: e for e in ents_of(doc)}
        for i in _positions(doc, self.org_heads):
            if (new and i < new[-1].end) or self._inside_longer_name(doc, i):
                continue
            if self._starts_institution([t.text for t in doc[i + 1:i + 1 + self.institution_max]]):
                continue  # "Humas [Kantor SAR Mataram]": the institution after its unit is the name
            end = self._org_name_end(doc, i)
            if end - i < 2:
                continue
            institution = self._starts_institution([t.text for t in doc[i:end]])
            if not institution and (lookup_place(doc[i + 1:end].text) or geo_tables().country(doc[i + 1:end].text)):
                continue  # "Pasukan Rusia", "Pemerintah Indonesia": the country's people or state, no name
            swallowed = [e for e in ents.values() if i <= e.start < end]
            if swallowed and not institution:
                continue  # only an institution takes the place or body it serves ("Pasukan [CSTO]" stays apart)
            if any(e.label_ in PER_LABELS and not self._place_after_institution(doc, i, e) for e in swallowed) \
                    or not self._free_but(doc, i, end, swallowed):
                continue
            end = max([end] + [e.end for e in swallowed])
            inner.update(id(e) for e in swallowed)
            new.append(Span(doc, i, end, label="ORG"))
        if inner:
            set_ents(doc, [e for e in ents_of(doc) if id(e) not in inner])
        self._add(doc, new)

    def _org_name_end(self, doc: Doc, i: int) -> int:
        """Where the capitalised name opened by the organisation word at ``i`` ends.

        Numbers and codes written inside a name belong to it ("Satgas Yonif 330/TD", "Komisi III").
        """
        end = i + 1
        while end < len(doc) and end - i < 8:
            tok = doc[end]
            place_named = tok.ent_iob_ == "B" and (end + 1 == len(doc) or doc[end + 1].ent_iob_ != "I") \
                and self._starts_institution([t.text for t in doc[i:end]]) == end - i  # "Puskesmas [Bayan]"
            office = (doc[end - 1].lower_, tok.lower_) in self.rank_offices  # "Direktorat Jenderal"
            if (tok.ent_iob_ in ("B", "I") and tok.ent_type_ in PER_LABELS and tok.text not in ORG_HEADS
                    and not place_named) or (not office and (tok.lower_ in self.ranks or tok.lower_ in self.title_heads)):
                break  # a person, or the rank or title of the one named next ("Polri [Jenderal] ...")
            # "Kodam XVII/Cenderawasih": a slash between two capitalised parts
            slashed = tok.text == "/" and end + 1 < len(doc) and is_cap(doc[end + 1].text)
            # "Badan Pengawas Obat dan Makanan" is one name; "Polda [Jabar] dan Bareskrim [Mabes Polri]" two
            linked = tok.lower_ in _LONG_FORM_LINKS and end + 1 < len(doc) and is_cap(doc[end + 1].text) \
                and doc[end + 1].text not in ORG_HEADS and doc[end + 1].ent_iob_ != "B" \
                and not (doc[end - 1].ent_iob_ in ("B", "I") and self._ent_start(doc, end - 1) > i)
            code = any(ch.isdigit() for ch in tok.text) and end > i + 1 and not tok.is_punct and "." not in tok.text
            if slashed:
                end += 2  # the part after the slash belongs to the name, whatever the NER made of it
                continue
            if not (is_cap(tok.text) or linked or code):
                break
            end += 1
        while end > i + 1 and doc[end - 1].lower_ in _LONG_FORM_LINKS:
            end -= 1
        return end

    @staticmethod
    def _ent_start(doc: Doc, k: int) -> int:
        """Where the entity holding token ``k`` starts."""
        while k > 0 and doc[k].ent_iob_ == "I":
            k -= 1
        return k

    def _inside_longer_name(self, doc: Doc, i: int) -> bool:
        """Whether the organisation word at ``i`` continues a capitalised word that is no title ("Pengurus Pusat")."""
        if i == 0 or doc[i].is_sent_start or doc[i - 1].is_sent_start:
            return False
        prev = doc[i - 1]
        return is_cap(prev.text) and prev.is_alpha and prev.text not in self.org_heads \
            and prev.lower_ not in self.title_heads and prev.lower_ not in self.ranks

    def _place_after_institution(self, doc: Doc, i: int, ent: Span) -> bool:
        """Whether a one-word "person" right after an institution head is its place ("Puskesmas [Bayan]")."""
        if ent[0].text in ORG_HEADS:
            return True  # "Partai Gerindra" tagged PER: an organisation word opens it
        return len(ent) == 1 and self._starts_institution([t.text for t in doc[i:ent.start]]) == ent.start - i

    @staticmethod
    def _free_but(doc: Doc, start: int, end: int, allowed: list[Span]) -> bool:
        """Whether tokens ``start:end`` overlap no entity but those in ``allowed``."""
        ok = {id(e) for e in allowed}
        return not any(e.start < end and start < e.end and id(e) not in ok for e in ents_of(doc))

    def _names_before_alias(self, doc: Doc) -> None:
        """"Saifullah Yusuf atau Gus Ipul" with only the nickname tagged: tag the full name too."""
        new = []
        for ent in ents_of(doc):
            if ent.label_ not in PER_LABELS or ent.start < 3 or doc[ent.start - 1].lower_ not in ("atau", "alias"):
                continue
            end = ent.start - 1
            start = end
            while start > 0 and end - start < 4 and is_cap(doc[start - 1].text) and doc[start - 1].is_alpha \
                    and doc[start - 1].lower_ not in self.title_heads and not geo_tables().country(doc[start - 1].text):
                start -= 1
            if end - start >= 2 and self._free(doc, start, end):
                new.append(Span(doc, start, end, label=ent.label_))
        self._add(doc, new)

    def _expand_given_names(self, doc: Doc) -> None:
        """"Yusuf" tagged in "mengusung Saifullah Yusuf": the capitalised words just before a
        one-word person entity are the rest of the name.

        At most two words are taken, each capitalised and alphabetic, not a title word
        ("Presiden"), not a country or well-known place ("Gubernur Jatim"), not in another
        entity, and not the sentence's first word ("Kemarin Yusuf datang"); a lower-case
        word, a title word, an organisation entity or the comma after an entity (an
        apposition: "pengamat Universitas Gadjah Mada, Mada Sukmajati") must come before
        them (not a quote mark: '" Masalah Ahok diselesaikan').
        """
        ents = list(ents_of(doc))
        changed = False
        out = []
        for ent in ents:
            start = ent.start
            if ent.label_ in PER_LABELS and len(ent) == 1:
                sent_start = sentence_start(doc, ent.start)
                j = ent.start
                while ent.start - j < 2 and j - 1 > sent_start and self._free(doc, j - 1, j) \
                        and self._given_name_word(doc, j - 1):
                    j -= 1
                prev = doc[j - 1] if j > sent_start else None
                # what comes before: a lower-case word, a title ("Brigjen Pol. Toga ...") or an
                # organisation ("Gerindra Ferry ...")
                bounded = prev is not None and ((prev.is_alpha and prev.is_lower) or prev.lower_ in self.title_heads
                                                or (prev.ent_iob_ in ("B", "I") and prev.ent_type_ == "ORG")
                                                or (prev.text == "," and j - 1 > sent_start
                                                    and doc[j - 2].ent_iob_ in ("B", "I")))
                if j < ent.start and bounded:
                    start = j
            if start != ent.start:
                changed = True
                ent = Span(doc, start, ent.end, label=ent.label_)
            out.append(ent)
        if changed:
            set_ents(doc, out)

    def _given_name_word(self, doc: Doc, i: int) -> bool:
        tok = doc[i]
        low = tok.lower_
        return (is_cap(tok.text) and tok.is_alpha and not tok.text.isupper()
                and low not in self.title_heads and low not in self.inner and low not in self.modifiers
                and low not in self.honorifics and low not in self.bare_heads
                and not self._well_known_place(tok.text))

    def _expand_first_names(self, doc: Doc) -> None:
        """"Luhut" tagged but "Luhut Binsar Pandjaitan" missed: tag the longer name where it stands free."""
        singles = {e.text for e in ents_of(doc) if e.label_ in PER_LABELS and len(e) == 1 and e.text[:1].isupper()}
        if not singles:
            return
        new = []
        for i in _positions(doc, singles):
            end = i + 1
            while end < len(doc) and end - i < 4 and is_cap(doc[end].text) and doc[end].is_alpha \
                    and doc[end].lower_ not in self.title_heads and not geo_tables().country(doc[end].text):
                end += 1
            if end - i < 2 or (end < len(doc) and (doc[end].like_num or is_cap(doc[end].text))):
                continue  # a headline word or a number follows: not clearly the end of a name
            if any(span.start < end and i < span.end for _, span in new):
                continue
            if doc[i].ent_iob_ in ("B", "I"):
                ent = next(e for e in ents_of(doc) if e.start <= i < e.end)
                if ent.start != i or ent.end != i + 1 or not self._free(doc, i + 1, end):
                    continue
                new.append((ent, Span(doc, i, end, label=ent.label_)))
            elif self._free(doc, i, end):
                new.append((None, Span(doc, i, end, label="PER")))
        if new:
            drop = {old.start for old, _ in new if old is not None}
            set_ents(doc, sorted([e for e in ents_of(doc) if e.start not in drop] + [span for _, span in new],
                                 key=lambda e: e.start))



_CLOCK = re.compile(r"\d{1,2}[.:]\d{2}")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _before_count_or_clock(doc: Doc, start: int, end: int) -> int:
    """Where a name ends before a clock time or a count it ran on into: "[Bandara Sentani] 14.22 WIT",
    "[Sukabumi] 336 rumah" (a number then a lower-case word); a name's own number stays ("Expo 2017")."""
    for j in range(start + 1, end):
        tok = doc[j]
        count = tok.text[:1].isdigit() and not _YEAR.fullmatch(tok.text) and j + 1 < len(doc) and doc[j + 1].is_lower
        if _CLOCK.fullmatch(tok.text) or count:
            return j
    return end
