"""The ``quantities`` component: numbers with what they count, in Indonesian.

Fills ``doc._.quantities`` with ``Record.quantities`` dicts::

    {start, end, text, value, min, max, modifier, unit, counted}

Indonesian writes "2.000" for two thousand and "1,8" for one point eight;
amounts take scale words ("1,5 triliun"), currencies before or after
("Rp 5 juta", "2 miliar dolar AS"), percentages ("57,8 persen", "3%"),
approximate counts ("puluhan", "ratusan ribu": ranges with modifier
``approx``) and modifiers ("lebih dari", "sekitar", "hampir",
"setidaknya", "antara ... dan ..."). The counted noun ("2.000 tentara",
"tiga rumah") goes in ``counted``.

Numbers that are not quantities are skipped: anything inside a time
expression found by ``timex`` (dates, clock times, durations, years), phone
numbers, match scores ("menang 2-1"), bare years, ordinals ("ke-3") and
identifiers ("Pasal 28", "nomor 5", "F-16").

The pass is one compiled regex over ``doc.text``; the word lists live in
``warta/lang/number_words.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate
from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import load_json
from ..morphology import MEN_ALLOMORPHS, verb_pattern
from ._regex import alternation as _alt
from .extensions import doc_list, doc_text

_NW = load_json("number_words")


# --- candidate positions (also used by timex) ------------------------------
# Why: running a dozen case-insensitive regexes with long alternations from
# every character of an article cost ~7 ms per article. Instead each pattern
# is tried only where a word that can start it stands (a set lookup per
# token), which is what keeps these stages far below the pipeline budget.

_TOKEN = re.compile(r"[^\W\d_]+|\d+|[($€£¥]")
DIGIT = "#"  # trigger key for any token that starts with a digit


def first_token(phrase: str) -> str:
    """The trigger key of a phrase: its first token, lower-cased, or ``DIGIT``."""
    if phrase == DIGIT:
        return DIGIT
    m = _TOKEN.search(phrase.lower())
    if not m:
        return ""
    return DIGIT if m.group()[0].isdigit() else m.group()


def trigger_index(first_words: dict) -> dict:
    """Map each trigger key to the pattern names (in the given order) it can start."""
    index: dict = {}
    for name, words in first_words.items():
        for w in words:
            key = first_token(w)
            if key and name not in index.setdefault(key, []):
                index[key].append(name)
    return index


_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")
_LAST_SCAN: tuple = (None, None)  # (text, its scan): timex and quantities scan the same text in turn


def _scan(text: str) -> tuple[list[int], list[str], list[str]]:
    """Offsets, tokens and lower-cased tokens of ``text`` (see :data:`_TOKEN`).

    Built with string operations that run in C (split, accumulated lengths,
    one ``lower`` of all tokens joined by NUL, which no token contains)
    instead of a Python step per token; the last text's scan is kept.
    """
    global _LAST_SCAN
    last = _LAST_SCAN
    if last[0] is text:
        return last[1]
    parts = _TOKEN_SPLIT.split(text)  # separator, token, separator, token, ..., separator
    tokens = parts[1::2]
    starts = list(accumulate(map(len, parts)))[0::2]
    lowered = "\x00".join(tokens).lower().split("\x00") if tokens else []
    scan = (starts, tokens, lowered)
    _LAST_SCAN = (text, scan)  # one assignment: a reader never sees one text with another's scan
    return scan


def candidate_starts(text: str, index: dict) -> list[tuple[int, list]]:
    """``(offset, pattern names)`` for every token of ``text`` that can start a pattern."""
    starts, tokens, lowered = _scan(text)
    get = index.get
    digit = get(DIGIT)
    # no key starts with a digit (first_token maps those to DIGIT), so the digit test waits for a miss
    return [(start, names) for start, word, key in zip(starts, tokens, lowered)
            if (names := get(key) or (digit if word[0].isdigit() else None))]


# --- number parsing (also used by timex) ----------------------------------

_UNITS: dict = _NW["units"]
_SE: dict = _NW["se_words"]
_FRACTIONS: dict = _NW["fractions"]
_SCALES: dict = _NW["scales"]
_SMALL_WORDS = list(_UNITS) + list(_SE) + list(_FRACTIONS)
_ALL_NUMBER_WORDS = _SMALL_WORDS + list(_NW["multipliers"]) + list(_SCALES)

#: A run of Indonesian number words ("dua puluh lima", "seratus ribu", "satu setengah").
NUMBER_WORDS_RE = (
    r"(?:" + _alt(_SMALL_WORDS) + r")(?:\s+(?:" + _alt(_ALL_NUMBER_WORDS) + r"))*(?![\w-])"
)
#: A written numeral: "2.000", "1,8", "1.000.000,5", "250".
NUMERAL_RE = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d|\.\d)|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+"


def parse_numeral(text: str) -> Optional[float]:
    """Value of an Indonesian written numeral ("2.000" -> 2000, "1,8" -> 1.8).

    A dot followed by exactly three digits groups thousands; a comma is the
    decimal mark. A dot followed by one or two digits is read as an English
    decimal point ("1.5"), which some outlets use.
    """
    text = text.strip()
    if not text:
        return None
    if _GROUPED.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if _COMMA_DECIMAL.fullmatch(text):
        return float(text.replace(",", "."))
    if _DOT_DECIMAL.fullmatch(text):
        return float(text)
    if _DIGITS.fullmatch(text):
        return float(text)
    return None


_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_COMMA_DECIMAL = re.compile(r"\d+,\d+")
_DOT_DECIMAL = re.compile(r"\d+\.\d{1,2}")
_DIGITS = re.compile(r"\d+")


def parse_number_words(text: str) -> Optional[float]:
    """Value of a run of number words ("dua puluh lima" -> 25, "satu setengah juta" -> 1.5e6)."""
    total = 0.0
    cur = 0.0
    last = 0.0  # the last single word value, which "puluh"/"ratus"/"belas" multiply
    seen = False
    for word in text.lower().split():
        if word in _UNITS:
            last = _UNITS[word]
            cur += last
        elif word in _SE:
            value = _SE[word]
            if value >= 1000:
                total += (cur or 1) * value if cur else value
                cur = last = 0
            else:
                last = value
                cur += value
        elif word in _FRACTIONS:
            last = 0
            cur += _FRACTIONS[word]
        elif word == "belas":
            cur += 10
            last = 0
        elif word == "puluh":
            cur += last * 9
            last = 0
        elif word == "ratus":
            cur += last * 99
            last = 0
        elif word in _SCALES:
            total += (cur or 1) * _SCALES[word]
            cur = last = 0
        else:
            return None
        seen = True
    return total + cur if seen else None


def parse_number(text: str) -> Optional[float]:
    """Value of a numeral or a run of number words, else None."""
    text = text.strip()
    if text[:1].isdigit():
        return parse_numeral(text)
    return parse_number_words(text)


# --- quantity patterns ----------------------------------------------------

_CUR_BEFORE: dict = _NW["currencies_before"]
_CUR_AFTER: dict = _NW["currencies_after"]
_MEASURES: dict = _NW["measure_units"]
_PERCENT = set(_NW["percent_words"])
_APPROX: dict = _NW["approx_counts"]
_MOD_BEFORE: dict = _NW["modifiers_before"]
_CLASSIFIERS = set(_NW["classifiers"])
_CLASSIFIER_NEXT = re.compile(r"[ \t]+(?:%s)(?![\w-])" % "|".join(sorted(map(re.escape, _CLASSIFIERS), key=len, reverse=True)))
_HINTS = set(_NW["counted_hints"])
_NOT_COUNTED = set(_NW["not_counted"])
_EXCLUDE_BEFORE = set(_NW["number_context_excludes"])
_LEVEL_BEFORE = frozenset(_NW["level_before"])
#: a number written as a measure, with decimals or thousands ("6.183,39", "13.450"), never as a rank
_MEASURE_FORMAT = re.compile(r"\d,\d|\d\.\d{3}")

_CUR_PRE_RE = r"(?:" + _alt(_CUR_BEFORE) + r")"
_NUM_RE = r"(?:" + NUMERAL_RE + r"|" + NUMBER_WORDS_RE + r"|(?:" + _alt(_APPROX) + r")(?![\w-]))"
_SCALE_RE = r"(?:" + _alt(_SCALES) + r")(?![\w-])"
_UNIT_AFTER = list(_CUR_AFTER) + [p for p in _PERCENT if p != "%"] + list(_MEASURES)
_UNIT_RE = r"(?:%|(?:" + _alt(_UNIT_AFTER) + r")(?![\w-]))"
_AMOUNT_RE = (
    r"(?:" + _CUR_PRE_RE + r"\s*)?" + _NUM_RE + r"(?:\s*" + _SCALE_RE + r")*(?:\s*" + _UNIT_RE + r")?"
)
_JOIN_RE = r"(?:\s*[-–]\s*|\s+(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d|ke|atau)\s+)"
_QTY = re.compile(
    r"(?<![\w.,/:+$€£¥-])"
    r"(?:(?P<mod>" + _alt(_MOD_BEFORE) + r")\s+)?"
    r"(?P<between>antara\s+)?"
    r"(?P<a>" + _AMOUNT_RE + r")"
    r"(?:(?P<join>" + _JOIN_RE + r"|\s+dan\s+)(?P<b>" + _AMOUNT_RE + r"))?"
    r"(?P<post>\s+lebih(?![\w-])|-an(?![\w-]))?"
    r"(?![\w/]|[.,:]\d)",
    re.I,
)
_AMOUNT_PARTS = re.compile(
    r"(?P<cur>" + _CUR_PRE_RE + r")?\s*(?P<num>" + _NUM_RE + r")(?P<scales>(?:\s*" + _SCALE_RE + r")*)"
    r"(?:\s*(?P<unit>" + _UNIT_RE + r"))?",
    re.I,
)
_AGES = load_json("ages")
# "berusia 51", "usia sekitar 40", "di usia ke 89", and the second end of "berusia 3 - 9 (tahun)"
_AGE_BEFORE = re.compile(r"(?:\b(?:(?:" + _alt(_AGES["age_words"]) + r")\s+(?:(?:" + _alt(_AGES["age_fillers"])
                         + r")\s*(?:-\s*)?){0,3}|(?:" + _alt(_AGES["person_nouns"]) + r")\s+(?:sekitar\s+|kira-kira\s+"
                         r"|antara\s+|ke\s+)?)(?:\d{1,3}\s*(?:[-–]|hingga|sampai|dan)\s*)?|\(\s*)$", re.I)
_YEARS_AFTER = re.compile(r"\s*(?:tahun|thn)\b", re.I)
# "Andi (26)": an age in brackets after a name
_BRACKET_AGE = re.compile(r"[A-Z][\w'.-]*\s*\(\s*$")
_PARTITIVE = re.compile(r"\s+(?:" + _alt(_NW["partitive_after"]) + r")\b", re.I)
_NEGATIVE = re.compile(r"\b(?:" + _alt(_NW["negative_words"]) + r")\s+$", re.I)
_COORD_AFTER = re.compile(r"\s*°?\s*(?:" + _alt(_NW["coordinate_words_after"]) + r")\b", re.I)
_COORD_BEFORE = re.compile(r"\b(?:" + _alt(_NW["coordinate_words_before"]) + r")\s+(?:di\s+)?$", re.I)
_IDIOMS = re.compile(r"\b(?:" + _alt(_NW["idioms"]) + r")\b", re.I)
_COLLECTIVE: dict = _NW["collective_numerals"]
_COLLECTIVE_RE = re.compile(r"(?<![\w-])(?P<w>" + _alt(_COLLECTIVE) + r")(?P<nya>nya)?(?![\w-])", re.I)
_COLLECTIVE_BEFORE = frozenset(_NW["collective_before"])
_NOUN_AFTER = re.compile(r"\s+([a-z][\w-]*)")


def is_age(text: str, start: int, end: int) -> bool:
    """Whether "N tahun" at ``text[start:end]`` is an age ("berusia 51 tahun", "pria 32 tahun", "(26 tahun)")."""
    return _AGE_BEFORE.search(text, max(0, start - 30), start) is not None


_SCORE_BEFORE = frozenset(load_json("number_words")["score_before"])
_WORD_BEFORE = re.compile(r"([\w.-]+)\W*$")
# compiled once: the re module's own cache is shared with patterns built per name elsewhere
_SPACES = re.compile(r"\s+")
_CUR_PRE_RE_C = re.compile(r"\s*" + _CUR_PRE_RE, re.I)
_DOT_THOUSANDS = re.compile(r"\.\d{3}")
_VERB_PREFIXED = re.compile(verb_pattern(MEN_ALLOMORPHS + ("ber", "di"), min_stem=4) + "$")
_NAME_BEFORE = re.compile(r"(?:\b[A-Z]{2,6}(?:\s*-)?|\b[A-Z]\s*-)\s*$")  # "UFC 205", "U - 22", "SALT - 2"
_LAST_WORD = re.compile(r"(\S+)\s+$")
_FIRST_WORD = re.compile(r"\s+(\S+)")
_SENTENCE_END = re.compile(r"[.!?:\"”]$")
_NON_DIGITS = re.compile(r"\D")
_LONG_DIGITS = re.compile(r"\d{7,}")
_AREA_CODE = re.compile(r"\(0\d+\)\s*$")
_PHONE_START = re.compile(r"\+|\(0\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ENUM_END = re.compile(r"\s*(?:[,.;:)]|$)")
_NEXT_WORDS = re.compile(r"\s*([a-z][\w-]*)(?:\s+([a-z][\w-]*))?")
_NEXT_WORDS_TITLE = re.compile(r"\s*([A-Za-z][\w-]*)(?:\s+([a-z][\w-]*))?")


def _unit_of(unit: Optional[str]) -> Optional[str]:
    if not unit:
        return None
    key = _SPACES.sub(" ", unit.lower())
    if key in _PERCENT:
        return "percent"
    if key in _CUR_AFTER:
        return _CUR_AFTER[key]
    if key in _CUR_BEFORE:
        return _CUR_BEFORE[key]
    return _MEASURES.get(key)


def _amount(text: str) -> Optional[dict]:
    """Parse one amount: currency, number (or approximate word), scales, unit."""
    m = _AMOUNT_PARTS.search(text)
    if not m:
        return None
    num = _SPACES.sub(" ", m.group("num")).lower()
    scale = 1.0
    for word in m.group("scales").split():
        scale *= _SCALES[word.lower()]
    unit = _unit_of(m.group("unit")) or (_CUR_BEFORE.get(m.group("cur").lower()) if m.group("cur") else None)
    if num in _APPROX:
        lo, hi = _APPROX[num]
        return {"lo": lo * scale, "hi": hi * scale, "value": None, "unit": unit, "approx": True, "scale": scale,
                "word": True, "scaled": scale != 1 or bool(m.group("unit") or m.group("cur")), "raw": num}
    value = parse_number(num)
    if value is None:
        return None
    scaled = scale != 1 or bool(m.group("unit") or m.group("cur"))
    if "." in num and not _DOT_THOUSANDS.search(num) and not scaled:
        return None  # "14.30" without a unit is a clock time, not a decimal
    return {"value": value * scale, "lo": None, "hi": None, "unit": unit, "approx": False, "scale": scale,
            "word": not num[:1].isdigit(), "scaled": scaled, "raw": num}


def _counted(text: str, end: int, title_case: bool = False) -> Optional[str]:
    """The noun counted by a number ending at ``end``: a hinted noun, else the next plain word.

    A capitalised word counts only after a capitalised number word
    ("Empat Pemain" in a headline); otherwise it is a name.
    """
    m = (_NEXT_WORDS_TITLE if title_case else _NEXT_WORDS).match(text, end)
    if not m:
        return None
    w1, w2 = m.group(1), m.group(2)
    if title_case and w1[:1].isupper():
        return w1 if w1.lower() not in _NOT_COUNTED else None
    if w2 and f"{w1} {w2}" in _HINTS:
        return f"{w1} {w2}"
    if w1 in _CLASSIFIERS and w2 and w2 not in _CLASSIFIERS and (
            w2 in _HINTS or (w1 != "orang" and _plain_noun(w2))):
        return w2  # "31 orang pelaku", "38 unit telepon"; but "5 orang tewas"
    if w1 in _HINTS or w1 in _CLASSIFIERS:
        return w1
    return w1 if _plain_noun(w1) else None


def _plain_noun(word: str) -> bool:
    """A word that can be a counted noun: not a function word, unit or (prefixed) verb."""
    if word in _NOT_COUNTED or len(word) < 3 or word in _MEASURES or word in _SCALES:
        return False
    # me-/ber-/di- words are verbs ("5 orang ditangkap"); hinted nouns were taken before
    return not _VERB_PREFIXED.match(word)


_LIST_ITEM = re.compile(r"(?:^|\n)[ \t]*$")


def _is_label(text: str, start: int, end: int) -> bool:
    """A list number ("1. ..."), a tie-break "7(3)", or a name such as "Tech 3 Yamaha"."""
    if _LIST_ITEM.search(text, max(0, start - 5), start) and text[end:end + 1] == ".":
        return True
    if text[start - 1:start] == "(" and text[end:end + 1] == ")":
        return True  # "Dewi (27)": an age or a reference in brackets
    if text[end:end + 1] in {"'", "’", "×"} or text[start - 1:start] == "×":
        return True  # a match minute ("88'") or a screen resolution ("2160×1080")
    if text[max(0, start - 2):start].endswith("(") and text[max(0, start - 2):start - 1].isdigit():
        return True
    if _NAME_BEFORE.search(text[max(0, start - 10):start]):
        return True  # "UFC 205", "timnas U - 22": part of a name
    before = _LAST_WORD.search(text[max(0, start - 30):start])
    after = _FIRST_WORD.match(text[end:end + 30])
    if before and text[start:start + 1].isupper() and before.group(1)[:1].isupper() and before.group(1).isalpha() \
            and not _SENTENCE_END.search(text[:start - len(before.group(0))].rstrip()[-1:] or "."):
        return True  # a capitalised number word inside a name: "Pedagang Kaki Lima", "Wali Songo"
    if before and after and before.group(1)[:1].isupper() and after.group(1)[:1].isupper():
        # between two capitalised words, and not just after a sentence end
        return not _SENTENCE_END.search(text[:start - len(before.group(0))].rstrip()[-1:] or ".")
    return False


@lru_cache(maxsize=4096)
def _more_than(counted: str) -> re.Pattern:
    """"<counted> lebih" after a number ("8.000 unit lebih")."""
    return re.compile(r"\s*" + re.escape(counted) + r"\s+lebih(?![\w-])", re.I)


def _overlaps(start: int, end: int, spans: list) -> bool:
    return any(s < end and start < e for s, e in spans)


_FIRST_WORDS = {"qty": [DIGIT, "antara"] + _SMALL_WORDS + list(_APPROX) + list(_MOD_BEFORE) + list(_CUR_BEFORE)}
_INDEX = trigger_index(_FIRST_WORDS)


def find_quantities(text: str, time_spans=()) -> Iterator[dict]:
    """Quantities in ``text`` as ``Record.quantities`` dicts, skipping ``time_spans``.

    Args:
        text: running text.
        time_spans: ``(start, end)`` character spans of time expressions;
            a number overlapping one is never read as a quantity.

    Yields:
        Dicts with start, end, text, value, min, max, modifier, unit, counted.
    """
    spans = list(time_spans)
    idioms = [m.span() for m in _IDIOMS.finditer(text)]
    found = []
    last_end = 0
    for pos, _names in candidate_starts(text, _INDEX):
        if pos < last_end:
            continue  # inside the previous quantity ("2.000" then "000")
        m = _QTY.match(text, pos)
        if m is None:
            continue
        # like finditer: nothing starts inside a match, even a rejected one ("2 - 1"); but a match cut
        # short at its second number ("5,8 dan 5,2") lets that number start a quantity of its own
        q = _from_match(text, m, spans)
        last_end = m.end() if q is None or q["end"] >= m.end() or not q.get("_cut") else q["end"]
        if q is not None and not _overlaps(q["start"], q["end"], idioms):
            q.pop("_cut", None)
            found.append(q)
    found.extend(_collectives(text, spans, found))
    found.sort(key=lambda q: q["start"])
    yield from _joined_after(text, found)


_DENOMINATION_AFTER = re.compile(r"\s*(?P<w>" + _alt(_NW["denominations"]) + r")(?![\w-])", re.I)
_FRACTION_AFTER = re.compile(r"\s+(?P<w>" + _alt(_NW["fraction_denominators"]) + r")(?![\w-])", re.I)


def _joined_after(text: str, found: list) -> list:
    """Amounts completed by the word after them, which the number patterns read apart.

    "pecahan Rp 50 ribuan" is the fifty-thousand note (a denomination, not "thousands");
    "dua pertiga" is two thirds.
    """
    out: list = []
    skip_until = -1
    for q in found:
        if q["start"] < skip_until:
            continue
        out.append(q)
        if q.get("value") is None:
            continue
        denom = _DENOMINATION_AFTER.match(text, q["end"]) if q.get("unit") == "IDR" else None
        frac = _FRACTION_AFTER.match(text, q["end"]) if q["value"] < 10 and q["value"] == int(q["value"]) else None
        m = denom or frac
        if m is None:
            continue
        word = m.group("w").lower()
        factor = _NW["denominations"][word] if denom else 1 / _NW["fraction_denominators"][word]
        for key in ("value", "min", "max"):
            if q.get(key) is not None:
                q[key] = q[key] * factor
        q["end"] = m.end()
        q["text"] = text[q["start"]:q["end"]]
        skip_until = m.end()  # the approximate "ribuan" read on its own goes
    return out


def _collectives(text: str, spans: list, found: list) -> Iterator[dict]:
    """Collective numerals: "Keempat tersangka" (all four suspects), "keduanya"; not ordinals ("hari kedua")."""
    taken = [(q["start"], q["end"]) for q in found] + spans
    for m in _COLLECTIVE_RE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        counted = None
        if not m.group("nya"):
            noun = _NOUN_AFTER.match(text, m.end())
            before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            prev = before.group(1) if before else ""
            sentence_start = not prev or "\n" in text[before.end(1):m.start()] \
                or _SENTENCE_END.search(text[:m.start()].rstrip()[-1:] or ".")
            if not noun or not _plain_noun(noun.group(1)):
                continue
            if not (sentence_start or prev.lower() in _COLLECTIVE_BEFORE or _VERB_PREFIXED.match(prev.lower())):
                continue  # "tersangka ketiga", "hari kedua": an ordinal after its noun
            counted = noun.group(1)
        yield {"start": m.start(), "end": m.end(), "text": text[m.start():m.end()],
               "value": float(_COLLECTIVE[m.group("w").lower()]), "min": None, "max": None, "modifier": "exact",
               "unit": None, "counted": counted}


def _from_match(text: str, m: re.Match, spans: list) -> Optional[dict]:
    """The quantity dict of one number match, or None when the number counts nothing (a date's piece,
    an age, a phone number, a score, a year, a label, ...)."""
    a = _amount(m.group("a"))
    if a is None:
        return None
    b, start, end, join, cut, mod_word = _extent(m, a)
    if _overlaps(m.start("a"), m.end("b") if b else m.end("a"), spans):
        # a number inside a date, time or duration: maybe only a trailing piece is free
        return None
    age = _age(text, m, a, b, end)
    if age is not None:
        return age
    # context before the number: identifiers, ordinals, phone numbers, scores
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    prev = before.group(1).lower() if before else ""
    has_unit = a["scaled"] or (b is not None and b["scaled"])
    if _code_or_identifier(text, m, a, prev, mod_word, has_unit):
        return None
    title = a["word"] and m.group("a")[:1].isupper()
    counted = None if (a["unit"] or (b and b["unit"])) else _counted(text, end, title)
    if _counts_nothing(text, m, a, b, end, join, prev, mod_word, has_unit, counted):
        return None
    unit, value, vmin, vmax, modifier = _value(text, m, a, b, end, mod_word, counted)
    if mod_word and _MOD_BEFORE.get(mod_word) == "exact":
        start = m.start("a") if not m.group("between") else m.start("between")
    if m.group("between") and b is None:
        start = m.start("a")  # "di antara dua kubu": one count after "antara", no range
    neg = _NEGATIVE.search(text, max(0, start - 12), start)
    if neg and value is not None:
        start, value = neg.start(), -value  # "minus 3,49 persen"
    if unit is None:
        end = _numeral_phrase_end(text, end)
    return {
        "start": start, "end": end, "text": text[start:end],
        "value": value, "min": vmin, "max": vmax, "modifier": modifier,
        "unit": unit, "counted": counted, "_cut": cut,
    }


def _extent(m: re.Match, a: dict) -> tuple[Optional[dict], int, int, str, bool, str]:
    """(second amount or None, start, end, joining word, cut, modifier word) of a number match: "7 dan 8"
    and "Rp 137 triliun atau Rp 151 triliun" are two amounts (cut after the first), not a range."""
    b = _amount(m.group("b")) if m.group("b") else None
    start, end = m.start(), m.end()
    if m.group("b") and b is None:
        end = m.start("join")
    join = (m.group("join") or "").strip().lower()
    cut = False
    if join == "dan" and not m.group("between"):
        b, end, cut = None, m.end("a"), True
    elif join == "atau" and b is not None and a["scaled"] and b["scaled"] and _CUR_PRE_RE_C.match(m.group("b")):
        b, end, cut = None, m.end("a"), True  # "Rp 137 triliun atau Rp 151 triliun": two amounts, not a range
    if m.group("post") and (b is not None or m.group("b")):
        end = max(end, m.end("post"))
    mod_word = _SPACES.sub(" ", (m.group("mod") or "").lower())
    if m.group("between") and b is None:
        start = m.start("between") if not mod_word else start
        if not mod_word:
            start = m.start("a")
    return b, start, end, join, cut, mod_word


def _code_or_identifier(text: str, m: re.Match, a: dict, prev: str, mod_word: str, has_unit: bool) -> bool:
    """Whether the number is an identifier, a phone number or a code, read from the words before it."""
    raw_a = a["raw"]
    if not mod_word and prev in _EXCLUDE_BEFORE and not has_unit \
            and not (prev in _LEVEL_BEFORE and _MEASURE_FORMAT.search(raw_a)):
        return True  # "Pasal 5", "ke-3", "posisi 2"; but "ke posisi 6.183,39": a level reached
    if raw_a[:1] == "0" and len(_NON_DIGITS.sub("", raw_a)) >= 4:
        return True  # phone numbers and codes
    if _LONG_DIGITS.fullmatch(raw_a) and not has_unit:
        return True  # long digit strings without separators: phone numbers, ids
    if _AREA_CODE.search(text[max(0, m.start() - 8):m.start()]):
        return True  # "(021) 5551234"
    return bool(_PHONE_START.match(text[max(0, m.start() - 2):m.start() + 1]))


def _counts_nothing(text: str, m: re.Match, a: dict, b: Optional[dict], end: int, join: str, prev: str,
                    mod_word: str, has_unit: bool, counted: Optional[str]) -> bool:
    """Whether the number is a score, a year or a span of years, a coordinate, an article ("satu hal"),
    an enumeration's or a label's number: no quantity."""
    raw_a = a["raw"]
    if b is not None and join in {"-", "–"} and not has_unit and not a["approx"]:
        if prev in _SCORE_BEFORE or (counted is None and a["value"] < 100 and b["value"] is not None and b["value"] < 100):
            return True  # "menang 2-1": a score
    if (not has_unit and b is None and not a["word"] and _YEAR.fullmatch(raw_a)
            and counted not in _HINTS and not mod_word):
        return True  # a bare year
    if _COORD_AFTER.match(text, m.end("a")) or _COORD_BEFORE.search(text, max(0, m.start() - 25), m.start()):
        return True  # "8,47 LS": a coordinate
    if a["word"] and not has_unit and b is None and not a["approx"]:
        if raw_a in {"satu", "se"} and counted not in _HINTS and not _PARTITIVE.match(text, end) \
                and not _classifier_after(text, end):
            return True  # "satu" as an article ("satu hal"); but "satu dari tiga petugas" counts
        if raw_a in _FRACTIONS and counted is None:
            return True
    if prev == "salah" and raw_a == "satu":
        return True
    if a["word"] and not has_unit and b is None and not a["approx"] and _ENUM_END.match(text[end:end + 2]):
        return True  # "Dua, ..." in an enumeration counts nothing
    if not has_unit and not mod_word and b is None and _is_label(text, m.start(), end):
        return True
    return b is not None and not has_unit and bool(a["value"]) and bool(b["value"]) and \
        all(_YEAR.fullmatch(x["raw"]) for x in (a, b))  # "2015 - 2016": a span of years


def _value(text: str, m: re.Match, a: dict, b: Optional[dict], end: int, mod_word: str,
           counted: Optional[str]) -> tuple[Optional[str], Optional[float], Optional[float], Optional[float], str]:
    """(unit, value, min, max, modifier): a range, an approximate amount or an exact one with its modifier."""
    if b is not None:
        lo = a["value"] if a["value"] is not None else a["lo"]
        if lo is not None and a["scale"] == 1 and b["scale"] > 1:
            lo *= b["scale"]  # "7-8 juta": the scale of the second number applies to both
        hi = b["value"] if b["value"] is not None else b["hi"]
        return a["unit"] or b["unit"], None, lo, hi, "range"
    if a["approx"]:
        return a["unit"], None, a["lo"], a["hi"], "approx"
    modifier = _MOD_BEFORE.get(mod_word, "exact")
    post = (m.group("post") or "").strip().lower()
    if post == "lebih" or (counted and modifier == "exact" and _more_than(counted).match(text[end:end + 40])):
        modifier = "more_than"  # "2.000 lebih", "8.000 unit lebih"
    elif post == "-an":
        modifier = "approx"
    return a["unit"], a["value"], None, None, modifier


def _numeral_phrase_end(text: str, end: int) -> int:
    """Where the numeral phrase of a number ending at ``end`` ends: after its classifier ("40 ekor", "3 unit",
    "600 kali"), which belongs to the number as a unit does ("20 km"); the noun counted stays outside."""
    m = _CLASSIFIER_NEXT.match(text, end)
    return m.end() if m else end


def _classifier_after(text: str, end: int) -> bool:
    """Whether a classifier follows ("satu bungkus sabu", "satu unit mobil"): then "satu" counts."""
    m = _NEXT_WORDS.match(text, end)
    return bool(m) and m.group(1) in _CLASSIFIERS


def _age(text: str, m: re.Match, a: dict, b: Optional[dict], end: int) -> Optional[dict]:
    """An age: "berusia 51 tahun", "usia 6-10 tahun" (a range), "Andi (26)"; None when the number is no age."""
    if a["scaled"] or a["approx"] or (b is not None and (b["scaled"] or b["approx"])):
        return None
    start = m.start("a")
    years = _YEARS_AFTER.match(text, end)
    if years and is_age(text, start, end):
        end = years.end()
    elif text[end:end + 1] == ")" and b is None and not a["word"] and 0 < a["value"] <= 120 \
            and _BRACKET_AGE.search(text, max(0, start - 40), start):
        pass  # "Andi (26)"
    else:
        return None
    lo, hi = a["value"], b["value"] if b is not None else None
    return {"start": start, "end": end, "text": text[start:end], "value": None if hi is not None else lo,
            "min": lo if hi is not None else None, "max": hi, "modifier": "range" if hi is not None else "exact",
            "unit": "year", "counted": "usia", "_cut": False}


class Quantities:
    """Finds quantities in ``doc.text`` and stores them in ``doc._.quantities``.

    Reads ``doc._.times`` (written by ``timex``, which runs first) so that no
    date, time or duration is read as a quantity.
    """

    def __init__(self, nlp: Language, name: str = "quantities"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        times = doc._.times or []
        out = doc_list(doc, "quantities")
        out.extend(find_quantities(doc_text(doc), [(t["start"], t["end"]) for t in times]))
        return doc


@Language.factory("quantities", assigns=["doc._.quantities"], requires=["doc._.times"])
def make_quantities(nlp: Language, name: str) -> Quantities:
    return Quantities(nlp, name)
