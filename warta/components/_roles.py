"""Roles and countries of people from the words around their names (part of ``entity_resolver``).

A title before the name ("Presiden Kazakhstan Kassym-Jomart Tokayev") and an
appositive after it ("Andrei Serdyukov, komandan kontingen CSTO,") give the
person's role; a country or nationality at the end of the title moves to the
person's country. :class:`RoleFinder` is a mixin of
:class:`warta.components.entity_resolver.EntityResolver`, which loads the word
lists it reads (``lang/titles.json``, ``lang/organisations.json``): ``heads``,
``inner``, ``modifiers``, ``honorifics``, ``title_country``, ``body_country``,
``country_words``, ``app_heads``, ``app_stop``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

from ._lexicon import DEMONSTRATIVES
from ._names import (
    PER_LABELS, _APPOSITIVE_END, _CLOSE, _LOCATIVE, _MAX_APPOSITIVE_TOKENS, _MAX_ROLE_TOKENS, _OPEN,
    _PLACE_MIN_POPULATION, _PREPOSITIONS, _RELATIONAL, _WELL_KNOWN,
)
from ._sentences import sentence_end, sentence_start
from ._words import is_cap
from .geo import tables as geo_tables


class RoleFinder:
    """The title before a person's name and the appositive after it, and the country they name."""

    def _role(self, doc: Doc, ent: Span) -> tuple[Optional[str], Optional[str]]:
        """The title before ``ent`` and the appositive after it, and the country they name."""
        left, country = self._title_before(doc, ent)
        right = self._appositive_after(doc, ent)
        if right and not country:
            country = self._country_in(right)[0] or self._role_country(right)
        role = ", ".join(x for x in (left, right.text if right else None) if x)
        return role or None, country

    def _title_before(self, doc: Doc, ent: Span) -> tuple[Optional[str], Optional[str]]:
        sent_start = sentence_start(doc, ent.start)
        name_start = ent.start
        if name_start - 1 > sent_start and doc[name_start - 1].text == ",":
            name_start -= 1  # "Presiden Uzbekistan, Shavkat Mirziyoyev"
        j = name_start - 1
        run_start = name_start
        bracketed: set[int] = set()
        while j >= sent_start and name_start - j <= _MAX_ROLE_TOKENS:
            tok = doc[j]
            if tok.ent_iob_ in ("B", "I") and tok.ent_type_ in PER_LABELS:
                break
            if tok.text == _CLOSE and j - 2 >= sent_start and doc[j - 2].text == _OPEN and doc[j - 1].text[:1].isupper():
                bracketed.update((j - 2, j - 1, j))
                run_start = j - 2
                j -= 3
                continue
            low = tok.lower_
            if tok.text != "/" and not (is_cap(tok.text) or low in self.title_heads or low in self.inner or low in self.modifiers):
                break
            if not (tok.is_alpha or "-" in tok.text or tok.text.endswith(".") or tok.text.isupper() or tok.text == "/"):
                break
            run_start = j
            j -= 1
        heads = [i for i in range(run_start, name_start) if doc[i].lower_ in self.title_heads]
        if not heads:
            return None, self._nationality_before(doc, name_start)
        h = heads[0]
        # "PM Malaysia dan Obama", "Putin dan Presiden AS Joe Biden": a "dan" after a complete
        # title or right before the name joins two people, not two parts of one title
        t = geo_tables()
        for i in range(h, name_start):
            if doc[i].lower_ == "dan" and (i == name_start - 1 or t.country(doc[i - 1].text)):
                later = [k for k in heads if k > i]
                if not later:
                    return None, None
                h = later[0]
        # "pengacara Setya Novanto" is Setya Novanto's lawyer, "juru bicara Presiden Joko Widodo" the
        # president's spokesman: a lower-case relational noun names someone else's role, unless an
        # organisation follows it ("juru bicara KPK Febri Diansyah")
        if doc[h].lower_ in _RELATIONAL and not doc[h].text[:1].isupper():
            later = [k for k in heads if k > h and doc[k].text[:1].isupper()]
            if later:
                h = later[0]
            elif not any(is_cap(w.text) for w in doc[h:name_start]):
                return None, None
        while h > run_start and doc[h - 1].lower_ in self.modifiers:
            h -= 1
        role_tokens = doc[h:name_start]
        country, strip_from = self._country_in(role_tokens)
        country = country or self._role_country(role_tokens)
        end = strip_from if strip_from is not None else name_start
        while end > h and (doc[end - 1].lower_ in self.honorifics or doc[end - 1].text == ","):
            end -= 1  # "Gubernur Sulsel H Syahrul Yasin Limpo"
        if end <= h:
            return None, country
        # a bracketed acronym inside a title is dropped: "Deputi Gubernur Bank Indonesia (BI) Perry Warjiyo"
        words = [w for i, w in enumerate(doc[h:end]) if i + h not in bracketed]
        role = "".join(w.text_with_ws for w in words).strip() or None
        return role, country

    @staticmethod
    def _nationality_before(doc: Doc, name_start: int) -> Optional[str]:
        """"pebalap Spanyol Marc Marquez", "tokoh pro demokrasi Myanmar Aung San Suu Kyi": a country
        between a lower-case description and the name is the person's nationality."""
        t = geo_tables()
        for size in (1, 2, 3):
            start = name_start - size
            if start < 1 or not doc[start].text[:1].isupper():
                continue
            code = t.country(doc[start:name_start].text)
            before = doc[start - 1]
            if code and before.is_alpha and before.is_lower and before.lower_ not in _LOCATIVE | _PREPOSITIONS:
                return code
        return None

    def _role_country(self, span: Span) -> Optional[str]:
        """Country implied by a title without a country name: an Indonesian office, body or place."""
        for w in span:
            code = self.title_country.get(w.lower_) or self.body_country.get(w.text)
            if code:
                return code
        return self._place_country(span)

    @staticmethod
    def _place_country(span: Span) -> Optional[str]:
        """Country of a place named in a title ("Gubernur Bali", "Kapolresta Denpasar")."""
        n = len(span)
        for size in (3, 2, 1):
            for i in range(n - size, -1, -1):
                part = span[i:i + size]
                if part[0].text[:1].isupper() and part[0].is_alpha:
                    rows = geo_tables().place_rows(part.text)
                    # small towns named like common words ("Sumber", "Daya") are no evidence
                    if rows and (rows[0][6] in _WELL_KNOWN or (rows[0][5] or 0) >= _PLACE_MIN_POPULATION):
                        return rows[0][1]
        return None

    def _country_in(self, span: Span) -> tuple[Optional[str], Optional[int]]:
        """First country named in ``span``; and where a trailing country starts (to strip it)."""
        t = geo_tables()
        n = len(span)
        for size in (3, 2, 1):
            if n > size:
                tail = span[n - size:]
                # "Duta Besar Indonesia untuk Rusia": a country after a preposition is the posting
                if tail[0].text[:1].isupper() and span[n - size - 1].lower_ not in _PREPOSITIONS:
                    code = t.country(tail.text)
                    if code:
                        return code, tail.start
        for i in range(n):
            for size in (3, 2, 1):
                if i + size <= n:
                    part = span[i:i + size]
                    code = t.country(part.text) if part[0].text[:1].isupper() else None
                    nxt = span.doc[part.end] if part.end < span.end else None
                    if code and part.text.isupper() and nxt is not None and is_cap(nxt.text) and nxt.lower_ not in self.title_heads:
                        code = None  # "Kapten AS Roma": an all-caps form before a name is part of that name
                    code = code or (self.country_words.get(part.text) if size == 1 else None)
                    if code:
                        return code, None
        return None, None

    def _appositive_after(self, doc: Doc, ent: Span) -> Optional[Span]:
        k = ent.end
        if k + 1 >= len(doc) or doc[k].text != ",":
            return None
        start = k + 1
        if doc[start].lower_ not in self.app_heads and not doc[start].lower_ in self.modifiers:
            return None
        end = start
        sent_end = sentence_end(doc, ent.start)
        while end < sent_end and end - start < _MAX_APPOSITIVE_TOKENS:
            tok = doc[end]
            if tok.text in _APPOSITIVE_END or tok.lower_ in self.app_stop:
                break
            if tok.ent_iob_ in ("B", "I") and tok.ent_type_ in PER_LABELS:
                return None  # "X, ketua Y, ..." names another person: not X's role
            end += 1
        else:
            if end - start >= _MAX_APPOSITIVE_TOKENS:
                return None
        while end > start and doc[end - 1].lower_ in DEMONSTRATIVES:
            end -= 1  # "Vladimir Putin, pemimpin Rusia itu,"
        if end == start:
            return None
        return doc[start:end]
