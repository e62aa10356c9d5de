"""The ``segmenter`` component: sentence boundaries, datelines and credit lines.

Rules, in order of precedence:
- a blank line (paragraph break) always ends a sentence;
- never split inside a double-quoted stretch (straight or curly quotes),
  so "..." inside a quotation does not end it;
- ``.``, ``?``, ``!`` and ``...`` end a sentence when the next token starts
  with an upper-case letter, a digit or an opening quote/bracket, unless the
  full stop belongs to an abbreviation listed in ``lang/abbreviations.txt``;
- a dateline at the start ("JAKARTA, KOMPAS.com -") and a credit line at the
  end ("[ab/uh]", "(AFP/Nur/OL-09)") become sentences of their own and are
  reported in ``doc._.dateline`` / ``doc._.credits``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import load_wordset
from .extensions import doc_list

_OPEN_CLOSE_QUOTES = {"“": "”", "«": "»"}
_END_PUNCT = {".", "?", "!", "...", "…", "?!", "!?"}

# "JAKARTA, KOMPAS.com -", "Jakarta, CNN Indonesia --", "Bandung (ANTARA) -"
DATELINE = re.compile(
    r"""^\s*
    (?P<place>[A-Z][A-Za-z.'\- ]{1,40}?)
    \s*(?:,\s*(?P<outlet>[A-Z][\w.]*(?:\ [A-Z][\w.]*){0,3})|\((?P<outlet2>[A-Za-z][\w. ]{1,30})\))
    \s*(?:--|-\ -|–|—|-)\s*""",
    re.VERBOSE,
)
# "[ab/uh]", "(AFP/Nur/OL-09)", "(ant/rds)", "(mdk/ard)" at the very end
CREDIT = re.compile(r"""(?:[\[(](?:[A-Za-z]{1,12}(?:[-/ ][A-Za-z0-9]{1,12}){1,5})[\])])\s*$""")


def find_dateline(text: str):
    """``(start, end, place, outlet)`` of a dateline at the start of ``text``, or None."""
    m = DATELINE.match(text[:160])
    if not m:
        return None
    outlet = m.group("outlet") or m.group("outlet2")
    return m.start("place"), m.end(), m.group("place").strip(), (outlet or "").strip() or None


def find_credit(text: str):
    """``(start, end)`` of a credit line at the end of ``text``, or None."""
    m = CREDIT.search(text[-80:])
    if not m:
        return None
    offset = max(0, len(text) - 80)
    return offset + m.start(), offset + m.end()


class Segmenter:
    """Sets ``is_sent_start`` on every token, and the dateline/credits."""

    def __init__(self, nlp: Language, name: str = "segmenter"):
        self.name = name
        self.abbreviations = load_wordset("abbreviations")

    def _is_abbrev(self, token) -> bool:
        low = token.lower_
        return low in self.abbreviations or (len(token.text) == 2 and token.text[0].isupper() and token.text[1] == ".")

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        text = doc.text
        dl = find_dateline(text)
        dl_end_tok = None
        if dl:
            doc._.dateline = {"start": dl[0], "end": dl[1], "text": text[dl[0]:dl[1]].rstrip(" -–—"),
                              "place": dl[2], "outlet": dl[3]}
            doc._.dateline["end"] = dl[0] + len(doc._.dateline["text"])
            span = doc.char_span(dl[0], dl[1], alignment_mode="expand")
            if span is not None:
                dl_end_tok = span.end
        credits = doc_list(doc, "credits")
        cr = find_credit(text)
        cr_start_tok = None
        if cr:
            credits.append({"start": cr[0], "end": cr[1], "text": text[cr[0]:cr[1]]})
            span = doc.char_span(cr[0], cr[1], alignment_mode="expand")
            if span is not None:
                cr_start_tok = span.start

        in_quote = False
        closer = '"'
        starts = [False] * len(doc)
        starts[0] = True
        for i, tok in enumerate(doc):
            t = tok.text
            if t == '"' and (not in_quote or closer == '"'):
                in_quote, closer = (not in_quote), '"'
            elif t in _OPEN_CLOSE_QUOTES and not in_quote:
                in_quote, closer = True, _OPEN_CLOSE_QUOTES[t]
            elif in_quote and t == closer:
                in_quote = False
            if "\n\n" in tok.whitespace_ or (tok.is_space and "\n\n" in t):
                in_quote = False  # paragraphs never share a sentence; an unclosed quote ends here
                if i + 1 < len(doc):
                    starts[i + 1] = True
                continue
            if i + 1 >= len(doc) or in_quote:
                continue
            if t in _END_PUNCT or (t.endswith(".") and len(t) > 1 and not self._is_abbrev(tok) and not t[:-1].replace(".", "").isdigit() and t.count(".") == 1 and False):
                nxt = doc[i + 1]
                # a closing quote right after the full stop belongs to this sentence
                if nxt.text in ('"', "”", "'", ")") and i + 2 < len(doc):
                    continue
                if t == "." and i > 0 and self._is_abbrev_before(doc, i):
                    continue
                if nxt.is_space or nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text[:1] in '"“(\'[':
                    starts[i + 1] = True
            elif t in ('"', "”") and i > 0 and doc[i - 1].text in _END_PUNCT and not in_quote:
                nxt = doc[i + 1]
                if nxt.text[:1].isupper() or nxt.text[:1] in '"“':
                    starts[i + 1] = True
        if dl_end_tok is not None and dl_end_tok < len(doc):
            starts[dl_end_tok] = True
        if cr_start_tok is not None and cr_start_tok > 0:
            starts[cr_start_tok] = True
        for tok, s in zip(doc, starts):
            tok.is_sent_start = s
        return doc

    def _is_abbrev_before(self, doc: Doc, i: int) -> bool:
        prev = doc[i - 1]
        if prev.whitespace_:
            return False
        return f"{prev.lower_}." in self.abbreviations or (len(prev.text) == 1 and prev.text.isupper())


@Language.factory("segmenter", assigns=["token.is_sent_start", "doc._.dateline", "doc._.credits"])
def make_segmenter(nlp: Language, name: str) -> Segmenter:
    return Segmenter(nlp, name)
