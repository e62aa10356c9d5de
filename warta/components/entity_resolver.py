"""The ``entity_resolver`` component: names resolved within one article.

It runs after ``ner`` and writes on ``doc.ents``:

- ``_.canonical`` on people: the fullest form of the name in the article. A
  mention whose tokens are a contiguous part of a longer PER name points to it
  ("Tokayev" -> "Kassym-Jomart Tokayev"); when several longer names fit, the
  nearest earlier one wins, else the nearest later one. A nickname stays its own
  ("Jokowi") unless the article links it: "Joko Widodo (Jokowi)",
  "Basuki Tjahaja Purnama atau Ahok", "... alias Ahok", "... akrab disapa Ahok".
- acronyms and long forms, linked both ways when the article writes
  "Organisasi Perjanjian Keamanan Kolektif (CSTO)" or "CSTO (Organisasi ...)":
  **canonical is the long form on both sides** (the contract's "fullest form"),
  and ``_.long_form`` holds the other side (the acronym on the long form, the
  long form on the acronym). Later bare mentions of the acronym become entities
  too. A well-known acronym (``lang/organisations.json``) the article never spells
  out keeps itself as canonical and gets the table's long form and country.
- ``_.role`` and ``_.country`` on people, from a title before the name
  ("Presiden Kazakhstan Kassym-Jomart Tokayev") and an appositive after it
  ("Andrei Serdyukov, komandan kontingen CSTO,"). **A country or nationality at
  the end of the title moves to ``country`` and leaves the role**: "Jenderal
  Rusia Andrei Serdyukov, komandan kontingen CSTO" has role
  "Jenderal, komandan kontingen CSTO" and country RUS; a country inside the title
  stays in it ("Duta Besar Indonesia untuk Rusia": country IDN, the first named).
  Titles of Indonesian offices (Kapolri, Bupati, "... RI", "Panglima TNI") give
  IDN, and so does a well-known place in the title ("Gubernur Bali"). All
  mentions of one person share the fullest role and the country found on any.
  A lower-case relational noun before a name is someone else's role
  ("pengacara Setya Novanto" is his lawyer), so it is not taken.

PER entities that begin with a title ("Presiden Joko Widodo") are trimmed to the
name, so the title becomes the role. Before linking, NER output is repaired and
names it missed are added (:mod:`warta.components._names`): people after titles,
organisation names when there is no NER, full names next to a tagged part.
Roles and their countries are read by :mod:`warta.components._roles`.
Data: ``lang/titles.json``, ``lang/organisations.json``; countries through
:mod:`warta.components.geo`.
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..lang import load_json, load_lines
from ._lexicon import OFFICE_UNITS, AREA_NOUNS, DESCRIBED_ALIAS_CUES, REGIONAL_WORDS, NAME_LIKE_TITLES, ORG_HEADS, REVERSED_ALIAS_CUES
from ._names import (
    PER_LABELS, NameFinder, _ALIAS_CUES, _CLOSE, _LONG_FORM_LINKS, _OPEN, _positions, _subsequence,
    _upper_count, split_place_lists,
)
from ._official_names import OfficialNames, cap_run_end
from ._roles import RoleFinder
from ._sentences import sentence_start
from ._words import is_blended_form, is_cap, is_clipped_form
from .extensions import doc_text, ents_of, forget_ents, set_ents, span_get, span_set
from .geo import lookup_place, tables as geo_tables


def _known_people() -> dict[str, str]:
    """Nickname -> full name of the people in the shared alias table (``lang/aliases.tsv``, its People part)."""
    from importlib import resources

    out, section = {}, None
    for line in resources.files("warta.lang").joinpath("aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            head = line.lstrip("# ").split(" ")[0].lower()
            section = head if head in ("people", "organisations", "places") else section
            continue
        parts = line.split("\t")
        if section == "people" and len(parts) >= 2 and parts[0].strip():
            out[parts[0].strip()] = parts[1].strip()
    return out


class EntityResolver(NameFinder, RoleFinder, OfficialNames):
    """Canonical names, acronym/long-form links, and roles of people within one article."""

    def __init__(self, nlp: Language, name: str = "entity_resolver", add_entities: bool = True):
        self.name = name
        self.add_entities = add_entities
        # people after titles ("Presiden Kazakhstan Kassym-Jomart Tokayev") and names opening with an
        # organisation word are added where the NER left the text free (or when there is no NER)
        self.has_ner = "ner" in nlp.pipe_names
        self.find_people = True
        # with the NER too: the guide counts institutions named with their unit and place ("Dinas Perhubungan
        # Kabupaten Subang") as organisations, which the NER mostly leaves untagged (tune ORG recall +0.05)
        self.find_orgs = True
        data = load_json("titles")
        self.bare_heads = frozenset(data["bare_heads"])
        self.title_heads = frozenset(data["heads"])  # title words that open a role ("Presiden", "Kapolda")
        self.inner = frozenset(data["inner"])
        self.modifiers = frozenset(data["modifiers"])
        self.title_country = dict(data["country"])
        self.country_words = dict(data["country_words"])
        self.app_heads = frozenset(data["appositive_heads"])
        self.app_stop = frozenset(data["appositive_stop"])
        self.honorifics = frozenset(data["honorifics"])
        self.ranks = frozenset(data["ranks"])
        self.rank_phrases = tuple(tuple(p.split()) for p in data["rank_phrases"])
        self.rank_offices = frozenset(tuple(p.split()) for p in data["rank_offices"])
        self.area_titles = frozenset(tuple(p.split()) for p in data["area_titles"])
        self.title_adjectives = frozenset(data["title_adjectives"])
        self.place_prefixes = frozenset(load_lines("place_prefixes_id"))
        self._official_name_data()
        self.known_people = _known_people()
        # first tokens that are also common first names: kept when trimming would leave one token
        self.name_like = NAME_LIKE_TITLES
        orgs = load_json("organisations")
        self.orgs: dict[str, dict] = orgs["acronyms"]
        self.org_long_forms = frozenset(v["long"] for v in self.orgs.values() if v.get("long"))
        self.org_heads = ORG_HEADS
        # national bodies named in titles ("Wakil Sekjen PKS", "Panglima TNI") and their long forms
        self.body_country = {k: v["country"] for k, v in self.orgs.items() if v.get("country")}
        self.body_country.update({v["long"]: v["country"] for v in self.orgs.values() if v.get("country")})
        self.body_country.update(self.country_words)
        self.org_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = sorted(k for k, v in self.orgs.items() if v.get("tag", True))
        self.org_matcher.add("ORG", list(nlp.tokenizer.pipe(forms)))

    # -- pipeline ---------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        # entities are read through ents_of() while this component runs: every change goes
        # through set_ents(), which drops the kept copy; none survives the call
        forget_ents(doc)
        try:
            self._resolve(doc)
        finally:
            forget_ents(doc)
        return doc

    def _resolve(self, doc: Doc) -> None:
        split_place_lists(doc)
        self._repair_spans(doc)
        self._join_split_names(doc)
        if self.add_entities:
            self._add_known_acronyms(doc)
            if self.find_people:
                self._add_titled_people(doc)
                self._add_people_after_country_titles(doc)
            if self.find_orgs:
                self._add_named_orgs(doc)
        self._trim_titles(doc)
        self._relabel_people(doc)
        self._repair_labels(doc)
        self._complete_org_names(doc)
        self._official_names(doc)
        pairs = self._acronym_pairs(doc)
        aliases = self._person_aliases(doc)
        self.set_annotations(doc, pairs, aliases)

    def set_annotations(self, doc: Doc, pairs: dict[str, str], aliases: dict[str, str]) -> None:
        """Write canonical, long_form, role and country on ``doc.ents``."""
        try:
            self._resolve_orgs(doc, pairs)
            self._resolve_people(doc, aliases)
            text = doc_text(doc)
            for ent in ents_of(doc):
                if not span_get(ent, "canonical"):
                    # geo may still replace a place's by its fullest form
                    span_set(ent, "canonical", text[ent.start_char:ent.end_char])
        finally:
            forget_ents(doc)  # also when called on its own, outside __call__

    # -- entity edits -----------------------------------------------------
    @staticmethod
    def _free(doc: Doc, start: int, end: int) -> bool:
        return all(doc[i].ent_iob_ not in ("B", "I") for i in range(start, end))

    @staticmethod
    def _add(doc: Doc, spans: list[Span]) -> None:
        """Add ``spans`` as entities; one that overlaps an entity or an earlier span is dropped."""
        if not spans:
            return
        ents = ents_of(doc)
        taken = {i for e in ents for i in range(e.start, e.end)}
        kept = []
        for span in sorted(spans, key=lambda s: (s.start, -len(s))):
            if not taken.intersection(range(span.start, span.end)):
                kept.append(span)
                taken.update(range(span.start, span.end))
        if kept:
            set_ents(doc, sorted(list(ents) + kept, key=lambda s: s.start))

    def _add_known_acronyms(self, doc: Doc) -> None:
        new, taken = [], set()
        for _, start, end in self.org_matcher(doc):
            if self._free(doc, start, end) and not taken.intersection(range(start, end)):
                new.append(Span(doc, start, end, label="ORG"))
                taken.update(range(start, end))
        self._add(doc, new)

    def _trim_titles(self, doc: Doc) -> None:
        """Re-span PER entities that begin with a title or honorific ("Presiden Joko Widodo"), ORG entities
        that begin with an officer's title, and a place that begins with the last word of a title ("Wali
        [Kota Bandung]")."""
        changed, ents = False, []
        t = geo_tables()
        for ent in ents_of(doc):
            start = ent.start
            if ent.label_ == "ORG" and doc[start].lower_ in self.title_heads and doc[start].lower_ not in self.org_words:
                # "[Kabid Humas] Polda Jabar": the officer's title and office before the organisation
                k = start + 1
                while k < ent.end - 1 and (doc[k].lower_ in OFFICE_UNITS or doc[k].lower_ in self.title_heads
                                           or doc[k].lower_ in self.title_adjectives):
                    k += 1
                if k > start + 1 or doc[k].lower_ not in OFFICE_UNITS:
                    if k < ent.end and doc[k].text[:1].isupper() and doc[k].lower_ not in self.title_heads:
                        start = k
            if ent.label_ == "LOC" and start > 0 and len(ent) >= 2 \
                    and (doc[start - 1].lower_, doc[start].lower_) in self.area_titles:
                start += 1  # "Wali [Kota Bandung]": the area noun is the title's, the place is Bandung
            if ent.label_ in PER_LABELS:
                while start < ent.end - 1:
                    low = doc[start].lower_
                    if low in self.honorifics or low in self.modifiers:
                        start += 1
                    elif low in self.rank_service_words and is_cap(doc[start].text) and start > 0 \
                            and doc[start - 1].lower_ in self.ranks:
                        start += 1  # "Letkol [Kav Budi Santoso]": the corps goes with the rank before it
                    elif low in self.title_heads and not (low in self.name_like and ent.end - start == 2):
                        start += 1
                    elif t.country(doc[start].text) and ent.end - start > 1 and (
                            start > ent.start or (start > 0 and doc[start - 1].lower_ in self.title_heads
                                                  and ent.end - start > 2)):
                        # "Presiden Rusia Vladimir Putin", "Pemimpin [Korut Kim Jong - un]": the nationality goes
                        # with the title
                        start += 1
                    else:
                        break
            if start != ent.start:
                changed = True
                ents.append(Span(doc, start, ent.end, label=ent.label_))
            else:
                ents.append(ent)
        if changed:
            set_ents(doc, ents)

    # -- acronyms and long forms -------------------------------------------
    @staticmethod
    def _is_ent(doc: Doc, span: Span) -> bool:
        return any(e.start == span.start and e.end == span.end for e in ents_of(doc))

    def _is_acronym(self, token, long_first: Optional[str] = None) -> bool:
        text = token.text
        if not text[:1].isupper() or len(text) > 12 or lookup_place(text):
            return False  # "JAKARTA (Pos Kota)" is a dateline
        if _upper_count(text) >= 2 or text in self.orgs:
            return True
        # "Kemenlu" for "Kementerian Luar Negeri", "Koarmatim" for "Komando Armada Kawasan Timur":
        # the letters of the short form appear in order in the long form, starting with its first
        return bool(long_first) and len(text) >= 3 and _subsequence(text.lower(), long_first.lower())

    def _long_form_before(self, doc: Doc, end: int, acronym: Optional[str] = None) -> Optional[Span]:
        """The name just before ``end``: an entity ending there, else a run of capitalised words.

        A run is trimmed of leading titles ("Wakil Ketua Komisi ..." -> "Komisi ...") and,
        for an all-caps acronym, to start at a word with the acronym's first letter when
        that keeps it short ("... Berdasarkan Penyelesaian Kewajiban Pemegang Saham (PKPS)").
        """
        if end > 0 and doc[end - 1].ent_iob_ in ("B", "I"):
            for ent in ents_of(doc):
                if ent.end == end and ent.label_ not in PER_LABELS and len(ent) >= 2:
                    return ent
            return None
        start = end
        sent_start = sentence_start(doc, end - 1) if end > 0 else 0
        while start > sent_start:
            tok = doc[start - 1]
            if is_cap(tok.text) or (tok.lower_ in _LONG_FORM_LINKS and start < end):
                start -= 1
            else:
                break
        while start < end and (not is_cap(doc[start].text) or doc[start].lower_ in self.title_heads
                               or doc[start].lower_ in self.modifiers):
            start += 1
        if acronym and _upper_count(acronym) >= 2:
            limit = _upper_count(acronym) + 3
            fits = [i for i in range(start, end) if doc[i].text[:1].lower() == acronym[:1].lower()
                    and end - i <= limit]
            if fits and end - start > limit:
                start = fits[0]
        if end - start < 2 or not self._free(doc, start, end):
            return None
        if start > 0 and doc[start - 1].lower_ in self.portfolio_titles:
            return None  # "Menteri [Energi dan Sumber Daya Mineral] (ESDM)": a portfolio, part of the title
        return Span(doc, start, end, label="ORG")

    def _acronym_pairs(self, doc: Doc) -> dict[str, str]:
        """Map acronym -> long form and long form -> acronym for the pairs the article writes out."""
        pairs: dict[str, str] = {}
        tagged: dict[str, str] = {}
        new: list[Span] = []
        for i in _positions(doc, (_OPEN,)):
            if i + 2 >= len(doc):
                continue
            close = next((j for j in range(i + 2, min(i + 12, len(doc))) if doc[j].text == _CLOSE), None)
            if close is None:
                continue
            long_span = self._long_form_before(doc, i, doc[i + 1].text)
            if close == i + 2 and long_span is not None and self._is_acronym(doc[i + 1], long_span.text):
                acr = Span(doc, i + 1, i + 2, label=long_span.label_)
            elif i > 0 and close - i - 1 >= 2 and self._is_acronym(doc[i - 1]) and is_cap(doc[i + 1].text):
                acr = Span(doc, i - 1, i, label="ORG")  # "CSTO (Organisasi Perjanjian ...)"
                long_span = Span(doc, i + 1, close, label="ORG")
                if doc[i - 1].ent_iob_ in ("B", "I"):
                    acr = next((e for e in ents_of(doc) if e.start <= i - 1 < e.end), acr)
                    if acr.end != i:
                        continue
                    long_span = Span(doc, i + 1, close, label=acr.label_)
            else:
                continue
            if acr.label_ in PER_LABELS or long_span.label_ in PER_LABELS:
                continue
            pairs[acr.text] = long_span.text
            pairs[long_span.text] = acr.text
            regional = acr.start > long_span.start and any(w.lower_ in REGIONAL_WORDS for w in long_span)
            region = _region_after(doc, close + 1) if regional else None
            if region:  # "Badan Penanggulangan Bencana Daerah (BPBD) Luwu Utara": the region completes the name
                pairs[acr.text] = pairs[long_span.text] = f"{long_span.text} {region}"
            # new entities only for organisations: "Indeks Harga Saham Gabungan (IHSG)" is no ORG
            if not (self._is_ent(doc, acr) or self._is_ent(doc, long_span) or acr.text in self.orgs
                    or long_span[0].text in self.org_heads):
                continue
            tagged[acr.text] = long_span.text
            for span in (acr, long_span):
                if self._free(doc, span.start, span.end) and not any(s.start < span.end and span.start < s.end for s in new):
                    new.append(span)
        if self.add_entities:
            self._add(doc, new)
            self._add_acronym_mentions(doc, tagged)
        return pairs

    def _add_acronym_mentions(self, doc: Doc, pairs: dict[str, str]) -> None:
        """Tag later bare mentions of an article's own acronyms ("kontingen CSTO")."""
        labels = {e.text: e.label_ for e in ents_of(doc) if e.text in pairs}
        acronyms = {k for k in pairs if " " not in k and _upper_count(k) >= 1 and len(k) < len(pairs[k])}
        if not acronyms:
            return
        new = [Span(doc, i, i + 1, label=labels.get(doc[i].text, "ORG")) for i in _positions(doc, acronyms)
               if doc[i].ent_iob_ not in ("B", "I")]
        self._add(doc, new)

    def _resolve_orgs(self, doc: Doc, pairs: dict[str, str]) -> None:
        text = doc_text(doc)
        # (entity, its text): a slice of the doc's text is Span.text without joining tokens
        ents = [(e, text[e.start_char:e.end_char]) for e in ents_of(doc)]
        texts = {t for _, t in ents}
        long_forms = {self.orgs[a]["long"]: a for a in texts if a in self.orgs and self.orgs[a]["long"] in texts}
        for ent, ent_text in ents:
            if ent.label_ in PER_LABELS:
                continue
            other = pairs.get(ent_text)
            acronym = ent_text
            if other is not None:
                long_form, acronym = (other, ent_text) if len(other) > len(ent_text) else (ent_text, other)
                span_set(ent, "canonical", long_form)
                span_set(ent, "long_form", other)
            elif ent_text in self.orgs:
                table_long = self.orgs[ent_text]["long"]
                # the article may spell the name out elsewhere without brackets ("Tentara Nasional Indonesia")
                span_set(ent, "canonical", table_long if table_long in texts or table_long in text else ent_text)
                span_set(ent, "long_form", table_long)
            elif ent_text in long_forms:
                span_set(ent, "long_form", long_forms[ent_text])
            code = self.orgs.get(acronym, {}).get("country") or self._body_country(ent, ent_text)
            if code and not span_get(ent, "country"):
                span_set(ent, "country", code)
        self._org_short_forms(doc, ents)

    def _body_country(self, ent: Span, ent_text: str) -> Optional[str]:
        """Country of a national body that is, or is named inside, an organisation ("Mabes TNI")."""
        code = self.body_country.get(ent_text)
        if code:
            return code
        for tok in ent:
            code = self.body_country.get(tok.text)
            if code:
                return code
        return None

    def _org_short_forms(self, doc: Doc, ents: list[tuple[Span, str]]) -> None:
        """"Garda Revolusi" after "Garda Revolusi Iran": a name less its country points to the full one."""
        t = geo_tables()
        full = {}
        for ent, ent_text in ents:
            if ent.label_ in PER_LABELS or len(ent) < 2:
                continue
            for size in (1, 2):
                if len(ent) > size + 1:
                    tail = ent[len(ent) - size:]
                    code = t.country(tail.text)
                    if code:
                        full.setdefault((ent.label_, ent[:len(ent) - size].text),
                                        (span_get(ent, "canonical") or ent_text, code))
            if ent[0].text in self.org_heads:
                # "Gerindra" after "Partai Gerindra" (an ORG only: "AS" after "Pemerintah AS" is a country)
                full.setdefault((ent.label_, ent[1:].text), (span_get(ent, "canonical") or ent_text,
                                                             span_get(ent, "country")))
        if not full:
            return
        for ent, ent_text in ents:
            key = (ent.label_, ent_text)
            if ent.label_ not in PER_LABELS and key in full and (span_get(ent, "canonical") in (None, ent_text)):
                canonical, code = full[key]
                span_set(ent, "canonical", canonical)
                span_set(ent, "country", span_get(ent, "country") or code)

    # -- people ------------------------------------------------------------
    def _person_aliases(self, doc: Doc) -> dict[str, str]:
        """Map a linked nickname to the full name it stands for ("Jokowi" -> "Joko Widodo")."""
        if self.add_entities:
            self._names_before_alias(doc)
            self._expand_first_names(doc)
            self._expand_given_names(doc)
        aliases: dict[str, str] = {}
        new: list[Span] = []
        t = geo_tables()
        for ent in list(ents_of(doc)):
            if ent.label_ not in PER_LABELS:
                continue
            alias = _alias_after(doc, ent.end)
            if alias is None:
                continue
            span = doc[alias[0]:alias[1]]
            first = span[0]
            if not is_cap(first.text) or not first.is_alpha or t.country(span.text) or span.text in self.orgs:
                continue
            if span.text.isupper():
                # all caps: a party or organisation unless it spells the initials ("SBY")
                initials = "".join(w.text[0] for w in ent).upper()
                if span.text != initials:
                    continue
            clash = [e for e in ents_of(doc) if e.start < alias[1] and alias[0] < e.end and e.label_ not in PER_LABELS]
            if clash and not (len(clash) == 1 and (clash[0].start, clash[0].end) == alias and not span.text.isupper()):
                continue
            if clash:  # "Budi Waseso (Buwas)" with Buwas tagged ORG: a nickname in brackets after a name is the person
                set_ents(doc, [e for e in ents_of(doc) if e is not clash[0]])
                new.append(Span(doc, alias[0], alias[1], label=ent.label_))
            aliases[span.text] = ent.text
            if self.add_entities and self._free(doc, *alias):
                new.append(Span(doc, alias[0], alias[1], label=ent.label_))
        self._add(doc, new)
        for nick, full in _reversed_aliases(doc).items():
            aliases.setdefault(nick, full)
        # a well-known nickname (lang/aliases.tsv) is the full name the same article writes ("Jokowi" when
        # "Presiden Joko Widodo" opens the story); the article must write the full name
        text = doc_text(doc)
        for ent in ents_of(doc):
            full = self.known_people.get(ent.text)
            if ent.label_ in PER_LABELS and full and ent.text not in aliases and full in text:
                aliases[ent.text] = full
        return aliases

    def _name_key(self, ent: Span) -> tuple[str, ...]:
        return tuple(w.lower_ for w in ent if w.lower_ not in self.honorifics and (w.is_alpha or "-" in w.text))

    @staticmethod
    def _clipped_fits(ent: Span, word: str, people: list[Span], keys: dict[int, tuple[str, ...]]) -> list[Span]:
        """The people whose given name ``word`` clips ("Enggar" -> "Enggartiasto Lukita"); one of them is meant
        only when they are one person (the caller checks).

        The full name must come first: a short form refers back, and "Pilot Agus" before "Agustinus
        Luarmase" is someone else.
        """
        return [p for p in people if len(keys[p.start]) >= 2 and p.start < ent.start
                and is_clipped_form(ent.text, keys[p.start][0])]

    @staticmethod
    def _blended_fits(ent: Span, people: list[Span], keys: dict[int, tuple[str, ...]]) -> list[Span]:
        """The people whose name ``ent`` blends ("Setnov" -> "Setya Novanto", written before it)."""
        return [p for p in people if len(keys[p.start]) >= 2 and p.start < ent.start
                and is_blended_form(ent.text, keys[p.start])]

    def _resolve_people(self, doc: Doc, aliases: dict[str, str]) -> None:
        people = [e for e in ents_of(doc) if e.label_ in PER_LABELS]
        if not people:
            return
        keys = {e.start: self._name_key(e) for e in people}
        text = doc_text(doc)
        texts = {e.start: text[e.start_char:e.end_char] for e in people}
        canonical: dict[int, str] = {}
        folded_aliases = {k.casefold(): v for k, v in aliases.items()}

        # every shorter run of words in a person's name key, and the name without its middle words
        # ("Sandiaga Uno" of "Sandiaga Salahuddin Uno"): "contains" becomes a set lookup
        parts = {start: ({key[i:j] for i in range(len(key)) for j in range(i + 1, len(key) + 1)}
                         | _without_middle_names(key)) - {key, ()}
                 for start, key in keys.items()}

        def resolve(ent: Span, depth: int = 0) -> str:
            if ent.start in canonical:
                return canonical[ent.start]
            result = texts[ent.start]
            target = aliases.get(result) or folded_aliases.get(result.casefold())
            if target is not None and depth < 3:
                full = next((p for p in people if texts[p.start] == target), None)
                result = resolve(full, depth + 1) if full is not None else target
            else:
                key = keys[ent.start]
                fits = [p for p in people if key in parts[p.start]] if key and (
                    len(key) > 1 or (len(key[0]) >= 3 and ent[0].text[:1].isupper())) else []
                if not fits and len(key) == 1:
                    fits = self._clipped_fits(ent, key[0], people, keys) or self._blended_fits(ent, people, keys)
                    people_clipped = {resolve(p, depth + 1) for p in fits} if depth < 3 else {keys[p.start] for p in fits}
                    if len(people_clipped) > 1:
                        fits = []  # "Sandi" must clip one person (written two ways at most), not two people
                if fits:
                    longest = max(len(keys[p.start]) for p in fits)
                    fits = [p for p in fits if len(keys[p.start]) == longest]
                    before = [p for p in fits if p.start < ent.start]
                    best = before[-1] if before else min(fits, key=lambda p: p.start)
                    if depth < 3:
                        result = resolve(best, depth + 1)
            canonical[ent.start] = result
            return result

        for ent in sorted(people, key=lambda e: -len(keys[e.start])):
            resolve(ent)
        # one person, one role: the fullest title found on any mention ("Menko" < "Menteri Koordinator ...")
        roles: dict[str, Optional[str]] = {}
        countries: dict[str, Optional[str]] = {}
        for ent in people:
            role, country = self._role(doc, ent)
            name = canonical[ent.start]
            if role and len(role) > len(roles.get(name) or ""):
                roles[name] = role
            countries[name] = countries.get(name) or country
        for ent in people:
            name = canonical[ent.start]
            span_set(ent, "canonical", name)
            span_set(ent, "role", roles.get(name))
            span_set(ent, "country", countries.get(name))


def _without_middle_names(key: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The forms of a name of three to five words that keep its first and last word and drop middle ones."""
    if not 3 <= len(key) <= 5:
        return set()
    middle = key[1:-1]
    return {(key[0], *(w for i, w in enumerate(middle) if mask >> i & 1), key[-1])
            for mask in range(2 ** len(middle) - 1)}


@Language.factory(
    "entity_resolver", default_config={"add_entities": True},
    requires=["doc.ents", "token.is_sent_start", "doc._.dateline"],
    assigns=["doc.ents", "span._.canonical", "span._.long_form", "span._.role", "span._.country"],
)
def make_entity_resolver(nlp: Language, name: str, add_entities: bool) -> EntityResolver:
    return EntityResolver(nlp, name, add_entities)


def _cap_run(doc: Doc, start: int, most: int = 3) -> Optional[tuple[int, int]]:
    """The run of up to ``most`` capitalised words from token ``start``, or None."""
    end = cap_run_end(doc, start, most)
    return (start, end) if end > start else None


def _cue_at(doc: Doc, k: int, cues) -> Optional[tuple[str, ...]]:
    """The first of ``cues`` (lower-case word tuples) written from token ``k``, or None."""
    ahead = tuple(doc[j].lower_ for j in range(k, min(k + max(len(c) for c in cues), len(doc))))
    return next((cue for cue in cues if ahead[:len(cue)] == cue), None)


def _alias_after(doc: Doc, k: int) -> Optional[tuple[int, int]]:
    """Tokens of another name written right after a person's name ending at token ``k``, or None.

    "Budi Waseso (Buwas)", "Basuki Tjahaja Purnama alias Ahok", and after a short
    description and a comma: "Armantha, pria yang akrab disapa Tata".
    """
    if k < len(doc) and doc[k].text == _OPEN:
        close = next((j for j in range(k + 2, min(k + 5, len(doc))) if doc[j].text == _CLOSE), None)
        return (k + 1, close) if close is not None else None
    cue = _cue_at(doc, k, _ALIAS_CUES)
    if cue:
        return _cap_run(doc, k + len(cue))
    if k < len(doc) and doc[k].text == ",":
        # at most two lower-case words of description ("pria", "pemain muda") before the cue
        for skip in range(0, 3):
            j = k + 1 + skip
            if j >= len(doc) or not all(doc[i].is_lower and doc[i].is_alpha for i in range(k + 1, j)):
                break
            cue = _cue_at(doc, j, DESCRIBED_ALIAS_CUES)
            if cue:
                return _cap_run(doc, j + len(cue))
    return None


def _reversed_aliases(doc: Doc) -> dict[str, str]:
    """Nicknames the article explains after them: "Danny, sapaan akrab Ramdhan Pomanto" -> {"Danny": ...}."""
    out: dict[str, str] = {}
    for ent in ents_of(doc):
        if ent.label_ not in PER_LABELS or len(ent) > 2:
            continue
        k = ent.end
        while k < len(doc) and k - ent.end < 3 and doc[k].is_punct:  # ", " / " - - " / " ("
            k += 1
        cue = _cue_at(doc, k, REVERSED_ALIAS_CUES) if k < len(doc) else None
        run = _cap_run(doc, k + len(cue), most=4) if cue else None
        if run and run[1] - run[0] >= 2:
            out[ent.text] = doc[run[0]:run[1]].text
    return out


def _region_after(doc: Doc, k: int) -> Optional[str]:
    """The region written right after a bracketed acronym ("(Polres) [Pegunungan Bintang]", "(Dishub)
    [Kabupaten Subang]"): an area noun and a place, or a known place; None when none follows."""
    start = k
    if k < len(doc) and doc[k].lower_ in AREA_NOUNS and is_cap(doc[k].text):
        k += 1
    end = k
    while end < len(doc) and end - k < 3 and is_cap(doc[end].text) and doc[end].is_alpha:
        end += 1
    for stop in range(end, k, -1):
        words = doc[k:stop].text
        if lookup_place(words) is not None and not geo_tables().country(words):
            return doc[start:stop].text
    return None
