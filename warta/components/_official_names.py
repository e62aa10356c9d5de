"""The grammar of Indonesian official names, as repairs of the NER's entities (issue 17).

A mixin of :class:`warta.components.entity_resolver.EntityResolver`:

- :meth:`_drop_outlets`: the outlet of a dateline ("JAKARTA, KOMPAS.com -")
  is no entity; its place is a LOC.
- :meth:`_drop_non_entities`: products, diseases, variants, groups of citizens
  (``lang/non_entities.txt``) are no entities.
- :meth:`_drop_vehicle_names`: nor are named trains and ships ("KA Argo Lawu",
  ``lang/vehicle_heads.txt``).
- :meth:`_drop_day_names`: a weekday is no entity, nor the tail of one.
- :meth:`_rank_inside_name`: a rank inside an entity starts the person
  ("Kodam XVII/Cenderawasih Letkol Inf Candra Kurniawan" -> PER "Candra Kurniawan").
- :meth:`_cited_sources_are_orgs`: the outlet a report is taken from is an ORG
  ("Melansir Straits Times", "dikutip dari Reuters").
- :meth:`_institutions_are_orgs`: an entity that opens with an institution
  head ("RSUD Subang", "Kantor SAR Mataram", ``lang/organisations.json``) is
  an organisation.
- :meth:`_split_title_body_person`: after a title, "body or region + name" is two
  entities ("Gubernur [NTB] [Zulkieflimansyah]", "Kepala Kantor [Basarnas
  Makassar] [Mustari]"), not one.
- :meth:`_split_trailing_place`: a facility or region and the town or province
  written after it are two places ("Bandara Sentani Papua", "Kabupaten
  Pegunungan Bintang Papua").
- :meth:`_drop_sentence_openers`: a one-word entity opening a sentence that the
  article also writes in lower case, or a derived noun ("Ketidakadilan"), is a
  common word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span

from ..admin_areas import province_codes
from ..lang import load_json, load_lines
from . import _doc_cache as cache
from ._lexicon import (
    AND_WORDS, AREA_NOUNS, FACILITY_SPLIT_HEADS, INITIAL_CUES, INSTITUTION_HEADS, ORG_HEADS_LOWER, TITLE_ONLY_HEADS,
    WEEKDAYS,
)
from ._words import is_cap
from .extensions import doc_text, ents_of, set_ents
from .geo import country_code, lookup_place

_BIG_CITIES = frozenset(w.lower() for w in load_json("facilities")["towns_of_their_own"])
_WORDS = re.compile(r"(?<![\w-])[a-z][\w-]*")
# derived common nouns: ke-/peN-...-an and -an nouns, a noun with its possessive "-nya" ("Rinciannya"),
# an "-isme" ("Radikalisme")
_DERIVED = re.compile(r"(?:ke|pe|per|pem|pen|peng|peny)\w{3,}an|\w{5,}an|\w{5,}nya|\w{4,}isme", re.I)


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Token ``i`` is the first word of its sentence: only spaces, quotation marks or brackets before it
    ('"Pepatah mengatakan ...', a line opening)."""
    k = i
    while k > 0 and not doc[k].is_sent_start and (doc[k - 1].is_space or doc[k - 1].is_quote
                                                  or doc[k - 1].is_bracket):
        k -= 1
    return doc[k].is_sent_start or k == 0


# a common noun phrase in lower case and the acronym it defines: "operasi tangkap tangan (OTT)"
_LOWER_LONG_FORM = re.compile(r"(?P<long>(?:\b[a-z][a-z-]*\s+){1,6})\((?P<acr>[A-Z]{2,6})\)")


def _initials_fit(acronym: str, words: list[str]) -> bool:
    """Whether the acronym's letters are the initials of the last words before it, in order
    ("OTT" <- "operasi tangkap tangan"; "PLTA" <- "pembangkit listrik tenaga air")."""
    letters = acronym.lower()
    tail = words[-len(letters):]
    return len(tail) == len(letters) and all(w[:1] == c for w, c in zip(tail, letters))


# a web domain written as an outlet's name: "merdeka.com", "News.com.au", "CNNIndonesia.com"
_DOMAIN = re.compile(r"[A-Za-z][\w-]*\.(?:com|co\.id|id|net|org)(?:\.[a-z]{2})?")


@lru_cache(maxsize=16)
def _first_words(heads: frozenset) -> frozenset:
    """The first words of multi-word ``heads``: a token that is none of them opens no head."""
    return frozenset(h.split()[0] for h in heads)


def _town_of_its_own(text: str) -> bool:
    """A country, a province or a big city: written after a facility, it is where the facility is
    ("Bandara Sentani [Papua]"), not the rest of its name ("Jalan Raya [Serpong]")."""
    return country_code(text) is not None or bool(province_codes(text)) or text.lower() in _BIG_CITIES


def _lower_words(doc: Doc) -> frozenset:
    """Every word the article writes in lower case (a capitalised one of them is a common word), read once
    per resolver call."""
    return cache.cached(doc, cache.LOWER_WORDS, lambda d: frozenset(_WORDS.findall(doc_text(d))))


def _capitalised_inside_a_sentence(doc: Doc, word: str) -> bool:
    """Whether the article writes ``word`` capitalised somewhere other than at a sentence's start: a name
    there ("Mawar, bukan nama sebenarnya, ..." then "kata Mawar")."""
    return any(t.text == word and not _opens_sentence(doc, t.i) for t in doc)


def cap_run_end(doc: Doc, start: int, most: int = 3) -> int:
    """Where a run of up to ``most`` capitalised words from ``start`` ends (``start``: none)."""
    end = start
    while end < len(doc) and end - start < most and doc[end].is_alpha and is_cap(doc[end].text):
        end += 1
    return end


def _is_place(text: str) -> bool:
    return lookup_place(text) is not None or country_code(text) is not None


class OfficialNames:
    """Repairs of entities by the grammar of official names (see the module docstring)."""

    def _official_name_data(self) -> None:
        self.non_entities = frozenset(x.lower() for x in load_lines("non_entities"))
        self.law_heads = frozenset(x.lower() for x in load_lines("law_heads"))
        self.vehicle_heads = frozenset(load_lines("vehicle_heads"))
        cues = load_json("quote_cues")
        # "dilansir Reuters", "dikutip dari Straits Times": the outlet or agency a report is taken from
        self.citations = frozenset(cues["citation_openers"])
        self.media_citations = frozenset(cues["media_citations"])
        self.institution_heads = INSTITUTION_HEADS
        self.institution_max = max(len(h) for h in self.institution_heads)
        self.org_words = ORG_HEADS_LOWER
        self.portfolio_titles = frozenset(load_json("titles")["portfolio_titles"])
        facilities = load_json("facilities")
        self.natural_heads = frozenset(facilities["natural_features"])
        self.facility_heads = frozenset(facilities["facilities"]) | self.natural_heads
        self.route_nouns = frozenset(facilities["route_nouns"])
        self.route_modifiers = frozenset(facilities["route_modifiers"])
        self.lower_case_place_heads = frozenset(facilities["lower_case_heads"])
        self.rank_corps = frozenset(load_json("titles")["rank_corps"])
        self.rank_service_words = frozenset(load_json("titles")["rank_service_words"])
        orgs = load_json("organisations")
        self.name_tails = frozenset(orgs["name_tails"])
        self.legal_forms = frozenset(orgs["legal_forms"])
        self.company_forms = frozenset(orgs["company_forms"])
        self.faction_heads = frozenset(orgs["faction_heads"])
        self.standalone_bodies = frozenset(orgs["standalone_bodies"])
        self.outlet_words = frozenset(x.lower() for x in load_lines("outlets"))
        self.gazetteer_orgs = frozenset(load_lines("dbpedia_org_words"))
        self.corpus_common = frozenset(load_lines("corpus_common_words"))
        self.sentence_starters = frozenset(load_lines("sentence_starters"))
        # an outlet written in lower case that is also a word of the language is that word ("koordinasi
        # antara pusat dan daerah"), not the agency; one that is not is the outlet only after a citing or
        # contact word ("dikonfirmasi kumparan", but "sektor bisnis")
        self.outlet_words_lower = self.outlet_words - frozenset(load_lines("function_words"))
        self.outlet_cues = frozenset(load_lines("outlet_cues"))
        self.facility_name_modifiers = frozenset(facilities["name_modifiers"])
        self.office_heads = frozenset(facilities["office_heads"])
        self.office_modifiers = frozenset(facilities["office_modifiers"])

    # -- helpers ---------------------------------------------------------------
    def _starts_institution(self, words: list[str]) -> int:
        """How many of ``words`` form an institution head at their start (0: none)."""
        low = [w.lower() for w in words]
        for n in range(min(self.institution_max, len(low)), 0, -1):
            if tuple(low[:n]) in self.institution_heads:
                return n
        return 0

    @staticmethod
    def _replace(doc: Doc, old: Span, new: list[Span]) -> list:
        return [e for e in ents_of(doc) if e is not old and not (e.start == old.start and e.end == old.end)] + new

    # -- rules -------------------------------------------------------------------
    def _drop_outlets(self, doc: Doc) -> None:
        """The dateline's outlet is no entity; its place is a LOC."""
        dl = doc._.dateline
        if not dl:
            return
        text = doc_text(doc)
        ents = list(ents_of(doc))
        kept = ents
        outlet = dl.get("outlet")
        if outlet:
            i = text.find(outlet, dl["start"], dl["end"] + 2)
            if i >= 0:
                kept = [e for e in ents if not (e.start_char < i + len(outlet) and i < e.end_char)]
        place = dl.get("place")
        if place:
            i = text.find(place, dl["start"], dl["end"] + 2)
            span = doc.char_span(i, i + len(place)) if i >= 0 else None
            if span is not None and not any(e.start < span.end and span.start < e.end for e in kept):
                kept = kept + [Span(doc, span.start, span.end, label="LOC")]
        if len(kept) != len(ents) or kept is not ents:
            set_ents(doc, sorted(kept, key=lambda s: s.start))

    def _drop_non_entities(self, doc: Doc) -> None:
        ents = ents_of(doc)
        kept = [e for e in ents if e.text.lower() not in self.non_entities
                and e.text.split()[0].split("/")[0].lower().rstrip(".") not in self.law_heads  # "UU No.35/2014"
                and not self._title_alone(e)]
        if len(kept) != len(ents):
            set_ents(doc, kept)

    def _title_alone(self, e: Span) -> bool:
        """A title tagged as an entity on its own ("Mendagri" as a person, "(Sekda)" as a place), unless the
        word also names an organisation ("Kejati")."""
        low = e.text.lower()
        if len(e) != 1 or low not in TITLE_ONLY_HEADS or low in self.org_words:
            return False
        return e.label_ == "PER" or e.text not in self.orgs

    def _drop_category_acronyms(self, doc: Doc) -> None:
        """An acronym the article defines by a common noun phrase in lower case ("operasi tangkap tangan
        (OTT)", "harga eceran tertinggi (HET)") names a category, not an organisation: none of its mentions
        is an entity. One defined by a name ("Badan Narkotika Nasional (BNN)") stays."""
        categories = {m.group("acr") for m in _LOWER_LONG_FORM.finditer(doc_text(doc))
                      if _initials_fit(m.group("acr"), m.group("long").split())}
        if not categories:
            return
        ents = ents_of(doc)
        kept = [e for e in ents if e.text not in categories]
        if len(kept) != len(ents):
            set_ents(doc, kept)

    def _drop_portfolios(self, doc: Doc) -> None:
        """ "Menteri [Energi dan Sumber Daya Mineral] ([ESDM]) Arifin Tasrif": a minister's portfolio, and
        the acronym written after it, are part of the title, no organisation ("Kementerian ESDM" is one)."""
        ents = list(ents_of(doc))
        drop = set()
        for k, e in enumerate(ents):
            if len(e) == 1 and e.text.isupper() and self._portfolio_acronym(doc, e):
                drop.add(k)
                continue
            title = doc[e.start - 1] if e.start > 0 else None
            if e.label_ != "ORG" or title is None or title.lower_ not in self.portfolio_titles \
                    or not is_cap(title.text) or _is_place(e.text) \
                    or e[0].lower_ in self.org_words or self._starts_institution([e[0].text]):
                continue  # "para menteri ASEAN": a group of ministers and a body, no title
            drop.add(k)
            after = ents[k + 1] if k + 1 < len(ents) else None
            if after is not None and len(after) == 1 and after.start == e.end + 1 and doc[e.end].text == "(" \
                    and after.text.isupper():
                drop.add(k + 1)
        if drop:
            set_ents(doc, [e for k, e in enumerate(ents) if k not in drop])

    def _portfolio_acronym(self, doc: Doc, e: Span) -> bool:
        """ "Menteri Energi dan Sumber Daya Mineral (ESDM)": the bracketed acronym of a portfolio."""
        if e.start < 3 or doc[e.start - 1].text != "(" or e.end >= len(doc) or doc[e.end].text != ")":
            return False
        k = e.start - 2
        while k >= 0 and e.start - k <= 8 and (is_cap(doc[k].text) or doc[k].lower_ in AND_WORDS):
            if k > 0 and doc[k - 1].lower_ in self.portfolio_titles:
                return _initials_fit(e.text, [t.text.lower() for t in doc[k:e.start - 1]
                                              if t.lower_ not in AND_WORDS])
            k -= 1
        return False

    def _names_joined_by_dan(self, doc: Doc) -> None:
        """ "[Badan Pengawasan Keuangan] dan Pembangunan (BPKP)": a name cut at "dan" (or a comma) that its
        bracketed acronym shows to run on: the acronym's letters are the initials of the whole."""
        ents = list(ents_of(doc))
        changed, out = False, []
        for k, e in enumerate(ents):
            end = self._run_on_end(doc, e) if e.label_ == "ORG" else None
            nxt = ents[k + 1] if k + 1 < len(ents) else None
            if end is None or (nxt is not None and nxt.start < end):
                out.append(e)
                continue
            out.append(Span(doc, e.start, end, label="ORG"))
            changed = True
        if changed:
            set_ents(doc, out)

    def _run_on_end(self, doc: Doc, e: Span) -> Optional[int]:
        """Where ``e`` really ends when "dan"/"," and capitalised words, then "(ACRONYM)", follow it."""
        i = e.end
        if i >= len(doc) or not (doc[i].lower_ in AND_WORDS or doc[i].text == ","):
            return None
        j = i + 1
        if j < len(doc) and doc[j].lower_ in AND_WORDS:  # ", dan"
            j += 1
        k = j
        while k < len(doc) and k - j < 4 and is_cap(doc[k].text) and doc[k].is_alpha:
            k += 1
        if k == j or k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
            return None
        words = [t.text.lower() for t in doc[e.start:k] if t.is_alpha and t.lower_ not in AND_WORDS]
        return k if _initials_fit(doc[k + 1].text, words) and len(words) == len(doc[k + 1].text) else None

    def _drop_common_phrases(self, doc: Doc) -> None:
        """A capitalised phrase the article also writes in lower case ("Partai Politik" and "partai
        politik", "Panitia Khusus" and "panitia khusus") is a common noun phrase, not a name."""
        text = doc_text(doc)
        ents = ents_of(doc)
        kept = [e for e in ents if len(e) < 2 or not all(t.is_alpha for t in e) or e.text.lower() == e.text
                or not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(e.text.lower()), text)]
        if len(kept) != len(ents):
            set_ents(doc, kept)

    def _drop_vehicle_names(self, doc: Doc) -> None:
        """Named vehicles are products, no entities: "KA Argo Lawu", "[Argo Lawu]" after "KA", and the same
        name (or its first words) written again alone."""
        ents = ents_of(doc)
        names = set()
        for e in ents:
            if e[0].text in self.vehicle_heads and len(e) > 1:
                names.add(e[1:].text.lower())
            elif e.start > 0 and doc[e.start - 1].text in self.vehicle_heads:
                names.add(e.text.lower())
        if not names:
            return
        kept = [e for e in ents if not (e[0].text in self.vehicle_heads and len(e) > 1)
                and not any(n == e.text.lower() or n.startswith(e.text.lower() + " ") for n in names)]
        if len(kept) != len(ents):
            set_ents(doc, kept)

    def _cited_sources_are_orgs(self, doc: Doc) -> None:
        """A name a report is taken from is an ORG (ANNOTATION.md: a news agency cited as a source): right
        after "dilansir"/"melansir", or after "dikutip dari"/"mengutip dari" ("Melansir Straits Times")."""
        changed, out = False, []
        for e in ents_of(doc):
            before = [t.lower_ for t in doc[max(0, e.start - 4):e.start] if not t.is_space][-2:]
            cited = (before[-1:] and before[-1] in self.media_citations) or \
                (len(before) == 2 and before[0] in self.citations and before[1] == "dari")
            if cited and e.label_ != "ORG":
                e = Span(doc, e.start, e.end, label="ORG")
                changed = True
            out.append(e)
        if changed:
            set_ents(doc, out)

    def _institutions_are_orgs(self, doc: Doc) -> None:
        changed, out = False, []
        for e in ents_of(doc):
            words = e.text.split()
            n = self._starts_institution(words) or (1 if words and words[0].lower() in self.org_words
                                                     and e.label_ == "LOC" and words[0].lower() != "kantor" else 0)
            if e.label_ != "ORG" and n and len(words) > n:
                out.append(Span(doc, e.start, e.end, label="ORG"))
                changed = True
            else:
                out.append(e)
        if changed:
            set_ents(doc, out)

    def _body_and_its_faction(self, doc: Doc) -> None:
        """ "Anggota [DPR Fraksi PAN]" or "Ketua [Fraksi PKS DPR RI]" tagged as one: the body and its faction
        as two organisations ("[DPR] [Fraksi PAN]", "[Fraksi PKS] [DPR RI]")."""
        changed, out = False, []
        for e in ents_of(doc):
            k = next((i for i in range(e.start + 1, e.end - 1) if doc[i].text in self.faction_heads), None)
            if k is None and doc[e.start].text in self.faction_heads:
                # "[Fraksi PKS] [DPR RI]": the body written after the faction's party
                k = next((i for i in range(e.start + 2, e.end) if self._starts_institution([doc[i].text])), None)
            if e.label_ == "ORG" and k is not None:
                out += [Span(doc, e.start, k, label="ORG"), Span(doc, k, e.end, label="ORG")]
                changed = True
            else:
                out.append(e)
        if changed:
            set_ents(doc, out)

    def _split_title_body_person(self, doc: Doc) -> None:
        """ "Gubernur NTB Zulkieflimansyah" tagged as one: the body or region, then the person."""
        changed, out = False, []
        for e in ents_of(doc):
            parts = self._body_and_person(doc, e)
            if parts:
                out.extend(parts)
                changed = True
            else:
                out.append(e)
        if changed:
            set_ents(doc, sorted(out, key=lambda s: s.start))

    def _body_and_person(self, doc: Doc, e: Span):
        toks = [t for t in e]
        if len(toks) < 2 or e.start == 0 or e.label_ not in ("ORG", "LOC") or _is_place(e.text):
            return None  # a PER span is a name already, "Amerika Serikat" a place: the error is a person in an ORG/LOC
        prev = doc[e.start - 1].lower_
        if prev == ")" and e.start >= 3 and doc[e.start - 3].text == "(":
            prev = doc[e.start - 2].lower_  # "Sekretaris Daerah (Sekda) [Banten Ranta Soeharta]": the title's acronym
        titled = prev in self.title_heads or prev in self.bare_heads or prev in self.ranks \
            or prev in self.org_words or self._starts_institution([doc[e.start - 1].text]) \
            or (prev in self.title_adjectives and e.start >= 2 and doc[e.start - 2].lower_ in self.title_heads)
        # ("Direktur Eksekutif [Poltracking Hanta Yudha]": a title with its adjective before the span)
        if not titled and not self._starts_institution([t.text for t in e]):
            return None
        if self._known_org(doc, e, e.text):
            return None  # "Ketua [Mahkamah Agung]": a whole known name, no person at its end
        for k in range(len(toks) - 1, 0, -1):
            body, name = toks[:k], toks[k:]
            if not all(t.text[:1].isupper() and not t.is_upper for t in name) or len(name) > 4:
                continue
            if any(t.lower_ in self.title_heads or t.lower_ in self.ranks for t in name) or name[0].lower_ in self.org_words:
                continue  # "Ketua DPP [Partai Gerindra]": an organisation word opens no personal name
            if len(body) == 1 and body[0].text in self.legal_forms:
                continue  # "PT [Sinar Jaya]": a legal form alone is no body, the name is the company's
            body_text = doc_text(doc)[body[0].idx:body[-1].idx + len(body[-1].text)]
            last = body[-1].text
            if _is_place(" ".join(t.text for t in name)) or name[0].text.lower() in self.non_entities \
                    or any(t.text in self.name_tails for t in name):
                return None  # "PT PLN Persero": a company's form, no person
            # the body ends with an acronym or a known place: "KPK", "Basarnas Makassar", "NTB"
            is_body = (last.isupper() and len(last) >= 2) or _is_place(last) or _is_place(body_text) \
                or self._known_org(doc, e, body_text)
            if not is_body or not (titled or self._known_org(doc, e, body_text)):
                continue
            label = "LOC" if _is_place(body_text) and not self._starts_institution(body_text.split()) \
                and not (last.isupper() and not _is_place(last)) else "ORG"
            return [Span(doc, e.start, e.start + k, label=label), Span(doc, e.start + k, e.end, label="PER")]
        return None

    def _known_org(self, doc: Doc, e: Span, text: str) -> bool:
        """Whether ``text`` is an organisation's name warta knows (its table of acronyms and long forms, the
        DBpedia words) or the article tags on its own elsewhere ("Komnas HAM" before "[Komnas HAM] Natalius
        Pigai")."""
        if text in self.orgs or text in self.org_long_forms or text in self.gazetteer_orgs:
            return True
        return any(o.label_ == "ORG" and o.text == text and o.start != e.start for o in ents_of(doc))

    _FACILITY = FACILITY_SPLIT_HEADS

    def _split_trailing_place(self, doc: Doc) -> None:
        """ "Bandara Sentani Papua": the facility, then the province or town written after it."""
        changed, out = False, []
        for e in ents_of(doc):
            toks = list(e)
            # not a facility named by its place: "Bandara Internasional Lombok"
            if e.label_ in ("LOC", "ORG") and len(toks) >= 3 and toks[0].lower_ in self._FACILITY \
                    and _is_place(toks[-1].text) and not _is_place(e.text) \
                    and not all(t.lower_ in self.facility_name_modifiers for t in toks[1:-1]):
                out.append(Span(doc, e.start, e.end - 1, label=e.label_))
                out.append(Span(doc, e.end - 1, e.end, label="LOC"))
                changed = True
            else:
                out.append(e)
        if changed:
            set_ents(doc, out)

    def _split_area_and_person(self, doc: Doc) -> None:
        """ "[Kabupaten Subang] [Asep Setia Permana]": an area noun and a known place, then a person's name
        the NER ran on into (capitalised words that are no place, and with the place make none)."""
        changed, out = False, []
        for e in ents_of(doc):
            toks = list(e)
            cut = 0
            if e.label_ in ("LOC", "ORG") and len(toks) >= 3 and toks[0].lower_ in AREA_NOUNS:
                for n in (3, 2, 1):
                    rest = toks[1 + n:]
                    if rest and _is_place(doc[e.start + 1:e.start + 1 + n].text) \
                            and all(is_cap(t.text) and t.is_alpha for t in rest) and not _is_place(rest[0].text) \
                            and not _is_place(doc[e.start + 1:e.end].text):
                        cut = e.start + 1 + n
                        break
            if cut:
                out.append(Span(doc, e.start, cut, label="LOC"))
                out.append(Span(doc, cut, e.end, label="PER"))
                changed = True
            else:
                out.append(e)
        if changed:
            set_ents(doc, out)

    def _drop_sentence_openers(self, doc: Doc) -> None:
        """A one-word entity opening a sentence that is a common word ("Kronologis", "Ketidakadilan",
        "Rekrutmen"), and a common word opening a person's span before a name the article writes on its
        own ("[Kemarahan] Wiwit ini ...")."""
        ents = ents_of(doc)
        kept = []
        for e in ents:
            if len(e) == 1 and _opens_sentence(doc, e.start) and e.label_ in ("PER", "LOC", "ORG") \
                    and not e.text.isupper() and not _is_place(e.text) and e.text not in self.standalone_bodies:
                w = e.text.lower()
                if w in _lower_words(doc) or _DERIVED.fullmatch(e.text) or w in self.sentence_starters \
                        or (w in self.corpus_common and not _capitalised_inside_a_sentence(doc, e.text)):
                    continue  # a word of the language, unless the article writes it as a name ("kata Mawar")
            kept.append(e)
        trimmed = [self._without_common_opener(doc, e, kept) for e in kept]
        if trimmed != list(ents):
            set_ents(doc, trimmed)

    def _without_common_opener(self, doc: Doc, e: Span, ents: list) -> Span:
        """``e`` without its first word when it opens a sentence, is a common word and no title, and the rest
        is a person the article names elsewhere ("Kemarahan Wiwit" with "kata Wiwit")."""
        first = e[0]
        if len(e) < 2 or e.label_ != "PER" or not _opens_sentence(doc, e.start) or not first.text[1:].islower() \
                or first.lower_ not in self.corpus_common or first.lower_ in self.title_heads:
            return e
        rest = doc_text(doc)[e[1].idx:e.end_char]
        if any(o.text == rest for o in ents if o.start != e.start):
            return Span(doc, e.start + 1, e.end, label=e.label_)
        return e

    _INITIAL_CUES = INITIAL_CUES

    def _initials_are_people(self, doc: Doc) -> None:
        """An all-caps short word after "berinisial", "tersangka", "yakni" ... is a person ("berinisial UD")."""
        new, ents = [], list(ents_of(doc))
        for i in range(1, len(doc)):
            t = doc[i]
            if not (t.is_upper and t.is_alpha and 2 <= len(t.text) <= 4) or doc[i - 1].lower_ not in self._INITIAL_CUES:
                continue
            if t.text in self.orgs or _is_place(t.text):
                continue  # "tersangka KPK"? no: an organisation or place acronym
            same = [e for e in ents if e.start <= i < e.end]
            if same and same[0].label_ == "PER":
                continue
            ents = [e for e in ents if e not in same]
            new.append(Span(doc, i, i + 1, label="PER"))
        if new:
            # "FRZ kedapatan membawa ...": the same initials elsewhere are that person too
            initials = {s.text for s in new}
            ents = [e for e in ents if not (e.text in initials and e.label_ != "PER")]
            extra = [Span(doc, t.i, t.i + 1, label="PER") for t in doc if t.text in initials
                     and not any(e.start <= t.i < e.end for e in ents) and not any(n.start == t.i for n in new)]
            keep = []
            taken = set()
            for sp in sorted(ents + new + extra, key=lambda s: (s.start, -len(s))):
                if taken.intersection(range(sp.start, sp.end)):
                    continue
                keep.append(sp)
                taken.update(range(sp.start, sp.end))
            set_ents(doc, keep)

    _LIST_SEP = re.compile(r"^(?:,|;|\s*/\s*|\d+\.)$")

    def _complete_name_lists(self, doc: Doc) -> None:
        """In a list of names ("A, B, C dan D"), the capitalised items the NER left out take the list's label."""
        ents = list(ents_of(doc))
        starts = {e.start: e for e in ents}
        covered = {i for e in ents for i in range(e.start, e.end)}
        new = []
        for e in ents:
            if e.label_ != "PER":
                continue
            # walk right from a PER through separators, collecting untagged capitalised runs
            i, items = e.end, []
            while i < len(doc) - 1 and (doc[i].text in (",", ";", "/") or doc[i].lower_ in AND_WORDS):
                j = i + 1
                if doc[i].text in (",", ";") and doc[j].lower_ in AND_WORDS:
                    j += 1
                if j in starts:
                    if starts[j].label_ != "PER":
                        break
                    i = starts[j].end
                    continue
                k = j
                while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and k not in covered and k - j < 4:
                    k += 1
                if k == j or (k < len(doc) and doc[k].text not in (",", ";", ".", "/", "(", ")") and doc[k].lower_ not in AND_WORDS):
                    break
                run = doc[j:k]
                if _is_place(run.text) or run.text.lower() in self.non_entities \
                        or any(t.lower_ in self.title_heads or t.lower_ in WEEKDAYS for t in run):
                    break  # ", kata Boby, Kamis (6/10)": a weekday ends the list
                items.append(Span(doc, j, k, label="PER"))
                i = k
            if items:
                new.extend(items)
                covered.update(t.i for sp in items for t in sp)
        if new:
            set_ents(doc, sorted(ents + new, key=lambda s: s.start))

    def _institution_with_place(self, doc: Doc) -> None:
        """An institution head and the place after it are one organisation ("KBRI [Kabul]", "Polda [Jawa Timur]",
        "[Polres] [Banjar]"), whether the NER tagged the head, the place, or both apart."""
        ents = sorted(ents_of(doc), key=lambda e: e.start)
        by_start = {e.start: e for e in ents if e.label_ == "LOC"}
        if not by_start:
            return
        covered = {t: e for e in ents for t in range(e.start, e.end)}
        changed, skip, merged, done = False, set(), [], -1
        for loc_start, loc in sorted(by_start.items()):
            # the head ends right before the place: try each head length back from it
            for n in range(1, self.institution_max + 1):
                head_start = loc_start - n
                if head_start < 0 or head_start <= done:
                    break
                words = [t.text for t in doc[head_start:loc_start]]
                if self._starts_institution(words) != n:
                    continue
                e = covered.get(head_start)
                if e is not None and not (e.label_ == "ORG" and (e.start, e.end) == (head_start, loc_start)):
                    continue  # the head words belong to another entity
                merged.append(Span(doc, head_start, loc.end, label="ORG"))
                skip.update({id(x) for x in ents if x.start < loc.end and head_start < x.end})
                done, changed = loc.end, True
                break
        if changed:
            out = [x for x in ents if id(x) not in skip] + merged
            set_ents(doc, sorted(out, key=lambda s: s.start))

    def _facilities_are_places(self, doc: Doc) -> None:
        """A named facility, street or building is a place ("Rutan Pondok Bambu", "Balai Kota DKI",
        "Bandara Oksibil"), and a lower-case head written before a place belongs to its name
        ("jalan Ampera", "gunung Tangok", "air terjun Tiu Kelep"): ``lang/facilities.json``."""
        out, changed = [], False
        ents = list(ents_of(doc))
        taken = {t for e in ents for t in range(e.start, e.end)}
        for e in ents:
            span = e
            head = self._head_before(doc, e.start, self.lower_case_place_heads, lower=True)
            if head is None:
                head = self._head_before(doc, e.start, self.facility_heads)  # "Rutan [Pondok Bambu]"
            # "gedung [DPR]": a building named after an organisation leaves the organisation its name
            lower_head = head is not None and doc[head].text.islower()
            if head is not None and (e.label_ == "LOC" or (e.label_ == "PER" and not lower_head)) \
                    and not (set(range(head, e.start)) & taken):
                span = Span(doc, head, e.end, label="LOC")
            elif self._head_at(doc, e.start, self.facility_heads) and e.label_ in ("ORG", "PER") and len(e) >= 2 \
                    and (e.label_ == "PER" or not self._head_at(doc, e.start, self.natural_heads)):
                # a company may bear a mountain's or an island's name ("Bukit Asam", "Samudera Indonesia"):
                # only a "person" so named is surely the place
                span = Span(doc, e.start, e.end, label="LOC")
            changed |= span is not e
            out.append(span)
        out += self._untagged_facilities(doc, taken)
        merged = self._facility_and_its_name(doc, sorted(out, key=lambda s: s.start))
        if changed or [(e.start, e.end, e.label_) for e in merged] != [(e.start, e.end, e.label_) for e in ents]:
            set_ents(doc, merged)

    def _offices_are_their_organisations(self, doc: Doc) -> None:
        """ "Kantor Pusat MUI", "Kantor BNN" tagged as a place: the organisation whose office it is (ORG "MUI");
        an institution named so ("Kantor SAR Mataram") is left as it is."""
        out, changed = [], False
        for e in ents_of(doc):
            k = e.start
            if e.label_ in ("LOC", "PER") and doc[k].lower_ in self.office_heads \
                    and not self._starts_institution([t.text for t in e]):
                k += 1
                while k < e.end - 1 and doc[k].lower_ in self.office_modifiers:
                    k += 1
                rest = doc[k:e.end]
                # only an organisation's office: "Kantor Aung San Suu Kyi" is a person's, and stays
                if k < e.end and not _is_place(rest.text) and (
                        (rest[0].text.isupper() and len(rest[0].text) > 1) or rest[0].lower_ in self.org_words
                        or self._starts_institution([t.text for t in rest]) or self._known_org(doc, e, rest.text)):
                    out.append(Span(doc, k, e.end, label="ORG"))
                    changed = True
                    continue
            out.append(e)
        if changed:
            set_ents(doc, out)

    def _facility_and_its_name(self, doc: Doc, ents: list) -> list:
        """A facility span and the place name right after it are one place ("[Stasiun Tanah] [Abang]",
        "[Jalan Raya] [Serpong]"), unless the second is a town of its own ("Bandara Sentani [Papua]")."""
        out: list = []
        for e in ents:
            prev = out[-1] if out else None
            if prev is not None and prev.end == e.start and e.label_ == "LOC" and prev.label_ in ("LOC", "ORG") \
                    and self._head_at(doc, prev.start, self.facility_heads) and not _town_of_its_own(e.text):
                out[-1] = Span(doc, prev.start, e.end, label="LOC")
                continue
            out.append(e)
        return out

    def _untagged_facilities(self, doc: Doc, taken: set) -> list:
        """LOC spans for "Bandara Oksibil", "gunung Tangok": a place head and a capitalised name nobody tagged."""
        new = []
        for i in range(len(doc)):
            n = self._head_at(doc, i, self.lower_case_place_heads, lower=True) or self._head_at(doc, i, self.facility_heads)
            if not n or i in taken:
                continue
            end = i + n
            while end < len(doc) and end - i < n + 4 and is_cap(doc[end].text) and doc[end].is_alpha \
                    and end not in taken:
                end += 1
            named_by_place = all(t.lower_ in self.facility_name_modifiers for t in doc[i + n:end - 1])
            if end - (i + n) >= 2 and _is_place(doc[end - 1].text) and not named_by_place:
                # "Bandara Adi Sutjipto [Yogyakarta]": the town after the facility is a place of its own; not in
                # "Bandara Internasional Lombok", named by its place
                end -= 1
            if end > i + n and not (set(range(i, end)) & taken):
                new.append(Span(doc, i, end, label="LOC"))
                taken.update(range(i, end))
        return new

    @staticmethod
    def _head_at(doc: Doc, i: int, heads: frozenset, lower: bool = False) -> int:
        """How many tokens from ``i`` form one of ``heads`` (0: none), written in lower case if ``lower``,
        else capitalised ("Bandara Oksibil" names a place, "bandara Almaty" is the airport of one)."""
        if doc[i].lower_ not in _first_words(heads):  # most tokens open no head: skip the joins
            return 0
        for n in (3, 2, 1):
            words = doc[i:i + n]
            if len(words) == n and " ".join(t.lower_ for t in words) in heads \
                    and (words[0].text.islower() if lower else is_cap(words[0].text)):
                return n
        return 0

    def _head_before(self, doc: Doc, start: int, heads: frozenset, lower: bool = False):
        """Where a head from ``heads`` ending right before token ``start`` begins, or None."""
        for n in (3, 2, 1):
            i = start - n
            if i >= 0 and self._head_at(doc, i, heads, lower) == n:
                return i
        return None

    def _rank_corps_and_name(self, doc: Doc) -> None:
        """"Marsma [TNI] Indan [Gilang Buldansyah]": the service after a rank belongs to the rank, and the
        capitalised words after it are one person."""
        ents = list(ents_of(doc))
        for e in list(ents):
            if not (e.label_ == "ORG" and len(e) == 1 and e.text.lower() in self.rank_corps and e.start > 0
                    and doc[e.start - 1].lower_ in self.ranks):
                continue
            end = e.end
            while end < len(doc) and end - e.end < 5 and is_cap(doc[end].text) and doc[end].is_alpha:
                end += 1
            if end - e.end < 2:
                continue
            ents = [x for x in ents if (x.start, x.end) != (e.start, e.end) and not (x.start < end and e.end < x.end)]
            ents.append(Span(doc, e.end, end, label="PER"))
            set_ents(doc, ents)
            ents = list(ents_of(doc))

    def _rank_inside_name(self, doc: Doc) -> None:
        """A rank inside an entity starts the person: "Kodam XVII/Cenderawasih [Letkol Inf] Candra Kurniawan",
        "Kanit Tipidkor [Ipda] Putra" -> PER after the rank and its service; what stands before it is kept
        only as the place it names ("Jateng" of "Kapolda Jateng Irjen Polisi X")."""
        out, changed = [], False
        split = None  # the person part of the last split
        for e in ents_of(doc):
            if split is not None and out[-1] is split and split.end == e.start and e.label_ == "PER":
                # the person's first name went with the rank, the rest was tagged apart: "[Ipda Putra] [Andika Pratama]"
                out[-1] = Span(doc, out[-1].start, e.end, label="PER")
                continue
            # a place keeps a rank of its name ("Jalan Jenderal Sudirman")
            i = next((k for k in range(e.start + 1, e.end - 1) if doc[k].lower_ in self.ranks
                      and (doc[k - 1].lower_, doc[k].lower_) not in self.rank_offices), None) \
                if e.label_ in ("PER", "ORG") else None  # "Direktorat Jenderal Pajak": an office, no rank
            if i is None:
                out.append(e)
                continue
            j = i
            while j < e.end and (doc[j].lower_ in self.ranks or doc[j].lower_ in self.rank_corps
                                 or doc[j].lower_ in self.rank_service_words):
                j += 1
            if j == e.end or not all(is_cap(t.text) for t in doc[j:e.end]):
                out.append(e)
                continue
            before = doc[e.start:i]
            if _is_place(before.text):
                out.append(Span(doc, e.start, i, label="LOC"))
            split = Span(doc, j, e.end, label="PER")
            out.append(split)
            changed = True
        if changed:
            set_ents(doc, out)

    def _drop_day_names(self, doc: Doc) -> None:
        """A weekday is no entity ("Senin" tagged PER), nor part of one ("[Jateng] Selasa")."""
        out, changed = [], False
        for e in ents_of(doc):
            end = e.end
            while end > e.start and doc[end - 1].lower_ in WEEKDAYS \
                    and not (end - 1 > e.start and doc[end - 2].lower_ in self.facility_heads):
                end -= 1  # but "Pasar Minggu", "Jalan Senen" are named so
            if end != e.end:
                changed = True
                if end > e.start:
                    out.append(Span(doc, e.start, end, label=e.label_))
                continue
            out.append(e)
        if changed:
            set_ents(doc, out)

    def _places_of_a_route(self, doc: Doc) -> None:
        """A route named by its two ends is two places ("jalur KA Langsa - Besitang", "rute Jakarta - Bandung",
        IndoSum's spaced hyphen): each end a LOC, when one of them is a known place; whatever the NER put over
        them gives way."""
        ents = list(ents_of(doc))
        new = []
        for i, tok in enumerate(doc):
            if tok.text not in self.route_nouns:
                continue  # lower case only: "Jalur Gaza" is a place's own name
            j = i + 1
            while j < len(doc) and doc[j].lower_ in self.route_modifiers:
                j += 1
            if j < len(doc) and self._head_at(doc, j, self.facility_heads):
                continue  # "ruas Jalan Raya Bogor - Sukabumi": a road named after its ends is one place
            a_end = cap_run_end(doc, j)
            if a_end == j or a_end >= len(doc) - 1 or doc[a_end].text not in ("-", "–"):
                continue
            b_end = cap_run_end(doc, a_end + 1)
            if b_end == a_end + 1:
                continue
            ends = [Span(doc, j, a_end, label="LOC"), Span(doc, a_end + 1, b_end, label="LOC")]
            if any(_is_place(e.text) for e in ends):
                new.extend(ends)
        if not new:
            return
        kept = [e for e in ents if not any(e.start < n.end and n.start < e.end for n in new)]
        set_ents(doc, sorted(kept + new, key=lambda e: e.start))

    def _companies_with_legal_form(self, doc: Doc) -> None:
        """A company's legal form and the name after it are one organisation, whatever the NER made of them
        ("[PT.] [Sinar Jaya Abadi]", "PT. [Multisoft Java Technologies/PER]"); a person after a form that
        also stands for something else stays a person ("Wakil Ketua Umum PD [Syarief Hasan]")."""
        ents = list(ents_of(doc))
        covered = {t for e in ents for t in range(e.start, e.end)}
        out, changed = [], False
        for e in ents:
            person = e.label_ == "PER"
            if out and out[-1].text.rstrip(". ") in (self.company_forms if person else self.legal_forms) \
                    and out[-1].end == e.start:
                out[-1] = Span(doc, out[-1].start, e.end, label="ORG")  # "[PT.] [Sinar Jaya Abadi]"
                changed = True
                continue
            k = self._legal_form_before(doc, e.start)
            if k is not None and not covered & set(range(k, e.start)) and is_cap(e[0].text) \
                    and (not person or doc[k].text in self.company_forms):  # "PD [Syarief Hasan]": Partai Demokrat
                e = Span(doc, k, e.end, label="ORG")  # "PT. [Multisoft Java Technologies]"
                changed = True
            out.append(e)
        if changed:
            set_ents(doc, out)

    def _legal_form_before(self, doc: Doc, i: int) -> Optional[int]:
        """Where a legal form written right before token ``i`` starts ("PT", "PT ." as the tokenizer cuts
        "PT."), or None."""
        k = i - 1 if i >= 1 and doc[i - 1].text != "." else i - 2
        return k if k >= 0 and doc[k].text in self.legal_forms else None

    def _untagged_bodies(self, doc: Doc) -> None:
        """Organisations the NER left untagged: an outlet cited in the body ("dikonfirmasi merdeka.com",
        "dalam pantauan detikcom"; not a dateline or a bracketed credit line), a company named by its tail
        ("Trigana Air", "Din Law Group"), and an institution written by its head alone ("Kepolisian")."""
        ents = list(ents_of(doc))
        taken = {t for e in ents for t in range(e.start, e.end)}
        new = []
        for i, tok in enumerate(doc):
            if i in taken:
                continue
            outlet = tok.lower_ in self.outlet_words if not tok.is_lower else \
                (tok.lower_ in self.outlet_words_lower and i > 0 and doc[i - 1].lower_ in self.outlet_cues)
            if (_DOMAIN.fullmatch(tok.text) or outlet) and i > 0 and doc[i - 1].is_lower:
                new.append(Span(doc, i, i + 1, label="ORG"))
            elif tok.text in self.standalone_bodies:
                new.append(Span(doc, i, i + 1, label="ORG"))
            elif tok.text in self.name_tails and i > 0:
                j = i
                while j > 0 and i - j < 4 and (j - 1) not in taken and is_cap(doc[j - 1].text) \
                        and doc[j - 1].is_alpha and not doc[j - 1].is_sent_start \
                        and doc[j - 1].lower_ not in _lower_words(doc):  # "[Pesawat] Trigana Air"
                    j -= 1
                if j == i:
                    continue
                new.append(Span(doc, j, i + 1, label="ORG"))
            else:
                continue
            taken.update(range(new[-1].start, new[-1].end))
        if new:
            set_ents(doc, sorted(ents + new, key=lambda e: e.start))

    def _official_names(self, doc: Doc) -> None:
        """Every repair above, in order."""
        with cache.scoped(doc, cache.LOWER_WORDS):  # the text does not change while the repairs run
            self._drop_outlets(doc)
            self._companies_with_legal_form(doc)
            self._untagged_bodies(doc)
            self._drop_non_entities(doc)
            self._drop_category_acronyms(doc)
            self._names_joined_by_dan(doc)
            self._drop_common_phrases(doc)
            self._drop_portfolios(doc)
            self._drop_vehicle_names(doc)
            self._places_of_a_route(doc)  # after the vehicles: "jalur KA Langsa - Besitang" names no train
            self._cited_sources_are_orgs(doc)
            self._drop_day_names(doc)
            self._rank_corps_and_name(doc)
            self._rank_inside_name(doc)
            self._split_title_body_person(doc)
            self._split_trailing_place(doc)
            self._split_area_and_person(doc)
            self._institutions_are_orgs(doc)
            self._body_and_its_faction(doc)
            self._institution_with_place(doc)
            self._facilities_are_places(doc)
            self._offices_are_their_organisations(doc)
            self._drop_sentence_openers(doc)
            self._initials_are_people(doc)
            self._complete_name_lists(doc)
            self._gazetteer_orgs(doc)

    def _gazetteer_orgs(self, doc: Doc) -> None:
        """A one-word organisation name of the DBpedia lists (``warta train gazetteers``) that the NER left
        untagged is an ORG ("pejabat Setkab", "menurut Kompolnas"): not when it opens a sentence, when the
        article writes it in lower case too, or when it is a place."""
        ents = list(ents_of(doc))
        taken = {t for e in ents for t in range(e.start, e.end)}
        new = [Span(doc, i, i + 1, label="ORG") for i, tok in enumerate(doc)
               if i not in taken and tok.text in self.gazetteer_orgs and not _opens_sentence(doc, i)
               and tok.lower_ not in _lower_words(doc) and not _is_place(tok.text)
               and not (tok.lower_ in self.rank_corps and doc[i - 1].lower_ in self.ranks)]  # "Marsma TNI X"
        if new:
            set_ents(doc, sorted(ents + new, key=lambda e: e.start))
    