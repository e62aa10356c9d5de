"""The ``segmenter`` component: sentence boundaries, datelines and credit lines.

The work is done by a few regex passes over ``doc.text`` (no per-token
Python work), then boundary offsets are mapped to tokens in one numpy call.

Rules, in order of precedence:
- a line break always ends a sentence (a blank line always; a single one
  unless the text is hard-wrapped);
- a dateline at the start ("JAKARTA, KOMPAS.com -", "Jakarta, CNN
  Indonesia - -", "Bandung (ANTARA) -", "Suara.com -") and a credit line at
  the end ("[ab/uh]", "(AFP/Nur/OL-09)", "(ant/rds)") are sentences of their
  own, reported in ``doc._.dateline`` / ``doc._.credits``;
- ``.``, ``?``, ``!``, ``...`` (plus any closing quotes or brackets) end a
  sentence when the next word starts with a capital, a digit, an opening
  quote/bracket or a list dash ("berikut. - Jangan ..."); a bare ``.``,
  ``?`` or ``!`` also ends one before a lower-case word ("... tersangka.
  hari ini ...", "... HomePod. iPod Touch ...") unless that word is a
  reporting cue from ``lang/quote_cues.json`` ("penyakit? ucap Zuck") or the
  stop belongs to an abbreviation (a weak one too: "Mayweather Jr. di Las
  Vegas"); except:
  - inside a quotation: a double-quote pair (straight, curly, ````''``)
    within one paragraph and at most :data:`MAX_QUOTE` characters long, so
    ``"Kami siap. Kami datang," kata X.`` and ``"..."`` inside it do not
    split (an unmatched quote mark protects nothing, except one continued
    in the next paragraph, see :func:`quote_regions`);
  - inside round brackets ("(Capsicum annuum L.) tumbuh");
  - after an abbreviation from ``lang/abbreviations.txt`` ("Jl.", "No.",
    "Prof.", "Kab."); after one from ``lang/abbreviations_final.txt``
    ("dll.", "Tbk.", "S.H."), a single initial ("R.") or a dotted acronym,
    only when the next word is a sentence opener from
    ``lang/sentence_starters.txt`` ("... jagung dll. Konon ...");
- a full stop whose space was lost ends a sentence before a capitalised
  word ("(18 Desember).Sementara itu").
"""

from __future__ import annotations

import bisect
import re

import numpy as np
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..lang import load_json, load_wordset
from .extensions import doc_list, doc_text

#: Longest stretch (characters) a quote pair may span and still block splits.
MAX_QUOTE = 600

_DASH = r"(?:\s*(?:-{2,}|-\s-|[–—]{1,2})\s*|\s+-(?:\s+|(?=[A-Z\"“]))|-\s+|(?<=\))-)"
_CAPWORD = r"[A-Z][\w'’.]*"
_PLACE = rf"{_CAPWORD}(?:\ {_CAPWORD}){{0,3}}"
_DOMAIN = r"[A-Za-z][\w-]*(?:\.[A-Za-z]{2,})+"
_OUTLET = rf"(?:{_DOMAIN}|[A-Z][\w]*(?:\ [A-Z][\w]*){{0,2}})"
# "JAKARTA, KOMPAS.com -", "Jakarta, CNN Indonesia - -", "Bandung (ANTARA) -",
# "Magelang, Jawa Tengah (ANTARA News) -", "JUARA.NET, PUNE -", "Suara.com -",
# "Rimanews -", "KUWAIT -"
DATELINE = re.compile(
    rf"""\s*(?:
      (?P<p1>{_PLACE}(?:,\s*{_PLACE})*),?\s*\((?P<o1>[A-Za-z][\w.]*(?:\ [\w.]+){{0,2}})\)
    | (?P<o3>{_DOMAIN}),\s*(?P<p3>{_PLACE})
    | (?P<p2>{_PLACE}),\s*(?P<o2>{_OUTLET})
    | (?P<o7>[A-Z][a-z]+[A-Z][A-Za-z]+)\s+(?P<p7>[A-Z]{{3,}})
    | (?P<o4>{_DOMAIN}|[A-Z][a-z][A-Za-z0-9]*)
    | (?P<p5>[A-Z]{{3,}}(?:\ [A-Z]{{2,}}){{0,2}})
    ){_DASH}(?=["“‘']?\s?[A-Z0-9])""",
    re.VERBOSE,
)
# "[ab/uh]", "(AFP/Nur/OL-09)", "(ant/rds)", "(adji / us)", "(gen)", "[Antara]"
# after the last sentence's closing punctuation (or alone on the last line)
CREDIT = re.compile(
    r"""(?:(?<=[.!?"”')\]])|(?<=\n))\s*
    (?P<c>[\[(]\s*[A-Za-z*][\w.*]*(?:\s*[/-]\s*[\w.*]+|\ [A-Z][\w.]*){0,5}\s*[\])])\s*$""",
    re.VERBOSE,
)
_CREDIT_OK = re.compile(r"[/-]|^[\[(][a-z]{2,8}[\])]$|^\[")
_END = re.compile(r"""(?:\.{2,}|…|[.!?]+)["”’»)\]']*(?=\s+(?:``|[^\s]))""")
# the same with the space lost: "(18 Desember).Sementara itu", "tahun 2012.Fahd"
_GLUED_END = re.compile(r"""(?:(?<=[)"”’'])|(?<=[0-9]{4})|(?<=[a-z]{3})|(?<=[A-Z]{3}))\.(?=[A-Z][a-z]{2})""")
# a list item after a sentence: "... berikut. - Jangan ...", "Ayub? -- 180..."
_LIST_DASH = re.compile(r"(?:-{1,2}|[–—])\s")
_WORD = re.compile(r"[\w-]+")
_QUOTES = re.compile(r"``|''|[\"“”„«»]")
_OPENERS = {"“": True, "„": True, "«": True, "``": True, "”": False, "»": False, "''": False}
_CLOSERS = {'"': '"”', "“": '”"', "„": '“”"', "«": "»", "``": "''", "”": '"”', "»": "»", "''": "''"}
_PARENS = re.compile(r"[()]")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_PARA = re.compile(r"\n\s*\n")


def find_dateline(text: str):
    """``(start, end, place, outlet)`` of a dateline opening ``text``, or None.

    The dateline may follow a headline line ("Judul Berita\\nJAKARTA - ...").
    ``end`` is where the article proper starts (after the dash).
    """
    pos = len(text) - len(text.lstrip())
    m = _match_dateline(text, pos)
    if m is None:
        nl = text.find("\n", pos, pos + 200)
        head = text[pos:nl].strip() if nl > 0 else ""
        if head and head[-1] not in ".!?\"”:" and not DATELINE.match(head):
            nxt = nl + len(text[nl:]) - len(text[nl:].lstrip())
            m = _match_dateline(text, nxt)
    if m is None:
        return None
    place = m.group("p1") or m.group("p2") or m.group("p3") or m.group("p5") or m.group("p7")
    outlet = m.group("o1") or m.group("o2") or m.group("o3") or m.group("o4") or m.group("o7")
    if m.group("p5") and not _is_place(place):
        place, outlet = None, place  # "WARTABUANA –", "PIKIRAN RAKYAT –": an outlet alone
    elif m.group("p2") and _is_place(outlet) and not _is_place(place):
        place, outlet = outlet, place  # "MONITOR, Jakarta –": the outlet comes first
    return m.start() + len(m.group()) - len(m.group().lstrip()), m.end(), place, outlet


def _is_place(name: str) -> bool:
    """Whether a dateline word is a known place or country (the geo component's tables)."""
    from .geo import country_code, lookup_place

    return lookup_place(name) is not None or lookup_place(name.title()) is not None or country_code(name) is not None


def _match_dateline(text: str, pos: int):
    m = DATELINE.match(text, pos, min(len(text), pos + 200))
    if not m:
        return None
    o4 = m.group("o4")
    if o4 and "." not in o4 and o4.lower() not in load_wordset("outlets"):
        return None  # "Kevin - Prince Boateng ..." is not a dateline
    return m


def find_credit(text: str):
    """``(start, end)`` of a credit line at the end of ``text``, or None."""
    offset = max(0, len(text) - 80)
    m = CREDIT.search(text, offset)
    if not m or not _CREDIT_OK.search(m.group("c")):
        return None
    return m.start("c"), m.end("c")


def quote_regions(text: str, max_len: int = MAX_QUOTE) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of matched double-quote pairs in ``text``.

    A straight ``"`` opens when it follows a space, a line start or a
    bracket and closes otherwise; curly and ````''`` marks say which they
    are, and a pair must match (``“`` closes with ``”`` or ``"``, ````
    only with ``''``). An opener whose closer is not found before the next
    opener, the end of its paragraph or ``max_len`` characters is dropped,
    so one stray mark cannot swallow the text; but one whose paragraph ends
    unclosed and whose next paragraph opens with a quote mark (how news
    continues a long quotation) is quoted to the end of its paragraph.
    """
    regions = []
    open_at, closers = None, ""
    for m in _QUOTES.finditer(text):
        q, i = m.group(), m.start()
        opener = _OPENERS.get(q)
        if opener is None:  # straight quote: decide by what surrounds it
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before.isspace() or before in "([{—–-/":
                opener = not after.isspace() or i == 0
            elif after.isspace() or after in ".,;:!?)]}":
                opener = False
            else:
                opener = None  # glued on both sides: either
        if open_at is not None and opener is not True and q in closers:
            if i - open_at <= max_len and not _PARA.search(text, open_at, i):
                regions.append((open_at, m.end()))
                open_at = None
                continue
            open_at = None
        if opener is not False:
            if open_at is not None:
                _continued(text, open_at, i, max_len, regions)
            open_at, closers = i, _CLOSERS[q]
    return regions


def _continued(text: str, open_at: int, i: int, max_len: int, regions: list) -> None:
    """A quotation running on into the next paragraph (news style: no closing
    mark, the next paragraph reopens it) is quoted up to its paragraph end."""
    brk = _PARA.search(text, open_at, i)
    if brk and brk.end() == i and brk.start() - open_at <= max_len:
        regions.append((open_at, brk.start()))


def paren_regions(text: str, max_len: int = 200) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of matched round brackets at most ``max_len`` apart.

    "(E. hemisphaerica (Bl.) RM Smith)" holds no sentence boundary.
    """
    regions, stack = [], []
    for m in _PARENS.finditer(text):
        i = m.start()
        if m.group() == "(":
            stack.append(i)
        elif stack:
            a = stack.pop()
            if i - a <= max_len:
                regions.append((a, i + 1))
    return regions


class Segmenter:
    """Sets sentence starts, ``doc._.dateline`` and ``doc._.credits``."""

    def __init__(self, nlp: Language, name: str = "segmenter"):
        self.name = name
        self.weak = load_wordset("abbreviations_final")
        self.strong = load_wordset("abbreviations") - self.weak
        self.starters = load_wordset("sentence_starters")
        cues = load_json("quote_cues")["post_cues"]
        self.cues = frozenset(cues) | frozenset(c + "nya" for c in cues)

    def boundaries(self, text: str) -> tuple[list[int], dict | None, dict | None]:
        """Sentence start offsets (besides 0), the dateline and the credit line of ``text``."""
        starts = set()
        dateline = credit = None
        dl = find_dateline(text)
        if dl:
            start, end, place, outlet = dl
            shown = text[start:end].rstrip(" \t-–—")
            dateline = {"start": start, "end": start + len(shown), "text": shown, "place": place, "outlet": outlet}
            starts.add(end)
        cr = find_credit(text)
        if cr:
            credit = {"start": cr[0], "end": cr[1], "text": text[cr[0]:cr[1]]}
            starts.add(cr[0])
        for m in re.finditer(r"\n\s*", text) if self._breaks_lines(text) else _PARA.finditer(text):
            starts.add(m.end())
        regions = sorted(quote_regions(text) + paren_regions(text))
        opens = [a for a, _ in regions]
        for m in _GLUED_END.finditer(text):
            if not self._inside(regions, opens, m.start(), m.end() + 1):
                starts.add(m.end())
        for m in _END.finditer(text):
            nxt = m.end()
            while nxt < len(text) and text[nxt].isspace():
                nxt += 1
            if nxt >= len(text) or nxt in starts:
                continue
            c = text[nxt]
            lower = c.islower()
            if lower:
                if not self._lower_start(text, m, nxt):
                    continue
            elif not (c.isupper() or c.isdigit() or c in "\"“‘'([`«" or _LIST_DASH.match(text, nxt)):
                continue
            if self._inside(regions, opens, m.start(), nxt):
                continue  # inside a quotation or a bracket
            if text[m.start()] == "." and not text.startswith("..", m.start()) \
                    and self._abbrev_blocks(text, m.start(), nxt, lower):
                continue
            starts.add(nxt)
        starts.discard(0)
        return sorted(s for s in starts if s < len(text)), dateline, credit

    def _lower_start(self, text: str, m: re.Match, nxt: int) -> bool:
        """Whether the end mark ``m`` ends a sentence before the lower-case word at ``nxt``.

        Only a bare single mark does ("... tersangka. hari ini ..."): `." kata X`,
        "itu... pemerintah" and "penyakit? ucap Zuck" (a reporting cue) go on.
        """
        if m.group() not in (".", "?", "!") or text[m.start() - 1:m.start()] in ".…":
            return False
        w = _WORD.match(text, nxt)
        return not (w and w.group().lower() in self.cues)

    @staticmethod
    def _inside(regions, opens, pos: int, nxt: int) -> bool:
        """Whether ``pos`` .. ``nxt`` lies strictly inside one of the (sorted) regions."""
        k = bisect.bisect_right(opens, pos) - 1
        # regions may nest; look back over the few that start before pos
        while k >= 0 and pos - regions[k][0] <= MAX_QUOTE:
            a, b = regions[k]
            if a < pos and nxt < b:
                return True
            k -= 1
        return False

    def _breaks_lines(self, text: str) -> bool:
        """Whether a single line break ends a sentence (False for hard-wrapped text)."""
        if "\n" not in text:
            return False
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if len(lines) < 5:
            return True
        wrapped = sum(1 for ln in lines if 50 <= len(ln) <= 100 and ln.rstrip()[-1:] not in ".!?\"”")
        return wrapped < 0.6 * len(lines)

    def _abbrev_blocks(self, text: str, dot: int, nxt: int, lower: bool = False) -> bool:
        """Whether the full stop at ``dot`` belongs to an abbreviation that does not end the sentence.

        Before a lower-case word (``lower``) a weak abbreviation never ends one.
        """
        ws = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot), text.rfind("(", 0, dot))
        word = text[ws + 1:dot + 1].lstrip("\"“'‘[")
        low = word.lower()
        if low in self.strong:
            return True
        weak = low in self.weak or _DOTTED.match(word) or (len(word) == 2 and word[0].isupper())
        if not weak:
            return False
        if lower:
            return True
        m = _WORD.match(text, nxt)
        return not (m and m.group().lower() in self.starters)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        text = doc_text(doc)  # shared copy: Doc.text joins every token on each access
        starts, dateline, credit = self.boundaries(text)
        doc._.dateline = dateline
        if credit:
            doc_list(doc, "credits").append(credit)
        idx = doc.to_array([IDX]).astype(np.int64).ravel()
        flags = np.full(len(doc), -1, dtype=np.int64)
        flags[0] = 1
        if starts:
            tok = np.searchsorted(idx, np.asarray(starts, dtype=np.int64), side="left")
            flags[tok[tok < len(doc)]] = 1
        doc.from_array([SENT_START], flags.reshape(-1, 1).astype(np.uint64))
        return doc


@Language.factory("segmenter", assigns=["token.is_sent_start", "doc._.dateline", "doc._.credits"])
def make_segmenter(nlp: Language, name: str) -> Segmenter:
    """spaCy factory for :class:`Segmenter`."""
    return Segmenter(nlp, name)
