"""The ``timex`` component: Indonesian time expressions normalized to TIMEX3.

Fills ``doc._.times`` with ``Record.times`` dicts::

    {start, end, text, type (DATE|TIME|DURATION|SET), value, anchored}

Relative expressions are resolved against ``doc._.published`` (the
document creation time, ``YYYY-MM-DD``): a bare weekday is the most recent
such day on or before publication (the same day when the weekdays match),
"Rabu lalu" the one strictly before, "Kamis depan" the one strictly after;
"pekan lalu" is the previous ISO week (``2022-W01``); "dua hari lalu" a day,
"tiga bulan lalu" a month. Clock times ("pukul 14.00 WIB") take the date of
the nearest day-level date in their sentence, else the last one before
them, else the publication date. Without a publication date only absolute
values are resolved; the rest keep ``X`` placeholders ("XXXX-01-06",
"XXXX-WXX-3") and ``anchored`` is false. Today's date is never used.

Why rules and not dateparser: dateparser misses "pekan lalu", "Rabu lalu",
"lusa" and "sepekan lalu", moves a weekday equal to the base date's a week
back, and is far too slow to run over every token. The recogniser is a
dozen compiled regexes over ``doc.text`` (longest match wins), built once
from ``warta/lang/time_words.json``.

Notes:
    Values follow TimeML's TIMEX3 (Pustejovsky et al. 2005): parts of day
    are MO, AF, EV, NI ("2022-01-12TMO"); time zones WIB/WITA/WIT are
    +07:00/+08:00/+09:00; "awal/akhir/pertengahan" keep the value of the
    period they modify (TIMEX3 puts START/END/MID in ``mod``, which the
    Record does not carry).
"""

from __future__ import annotations

import bisect
import re
from datetime import date, timedelta
from typing import Callable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..morphology import looks_prefixed_verb
from ..lang import load_json, load_lines
from ._regex import alternation
from ._timex_context import (attribution_dates, date_weekdays, holiday_date, join_date_and_clock, speech_dates,
                              weekdays_of_bracketed_dates)
from ._timex_values import (
    Result, anchor_for, day_value, duration, group_or_none, infer_year, iso_week, shift_month, shifted, year_of, ymd,
)
from .extensions import doc_list, doc_text
from .quantities import DIGIT, NUMBER_WORDS_RE, candidate_starts, is_age, parse_number, trigger_index

_TW = load_json("time_words")
_MONTHS: dict = _TW["months"]
_WEEKDAYS: dict = _TW["weekdays"]
_PARTS: dict = _TW["parts_of_day"]
_ZONES: dict = _TW["time_zones"]
_UNITS: dict = _TW["duration_units"]
_SE_DUR: dict = _TW["se_durations"]
_PLURAL_DUR: dict = _TW["plural_durations"]
_DAY_OFFSETS: dict = _TW["day_offsets"]
_DAY_PART_REL: dict = _TW["day_part_relative"]
_YEAR_TRIGGERS = set(_TW["year_triggers"])
_ORDINALS: dict = _TW["ordinals"]
_SET_UNITS: dict = _TW["set_units"]
_NARRATED: dict = _TW["narrated_days"]
_NARRATED_PERIODS: dict = _TW["narrated_periods"]
_HOLIDAYS: dict = _TW["holidays"]
#: national days on a fixed date that are not days off ("Hari Kartini": 21 April), as MM-DD
_OBSERVANCES: dict = _TW["observances"]
_HOLIDAY_NAMES = list(_HOLIDAYS) + list(_OBSERVANCES)
#: first words of law and regulation references ("UU", "Perppu"): the year of their number is a time
_LAW_HEADS = [h for h in load_lines("law_heads") if h.isalpha()]
#: holiday names that are also common words or names: only capitalised are they the holiday ("kota natal")
_HOLIDAY_COMMON = frozenset(_TW["holiday_common_words"])
#: capitalised words that head a place name a weekday can end ("Pasar Minggu", "Jalan Senen")
_PLACE_HEADS = frozenset(_TW["place_name_heads"])
_GREETING_BEFORE = re.compile(r"\bselamat\s+$", re.I)
_PLACE_HEAD_BEFORE = re.compile(r"\b([A-Z][a-z]*)\.?\s+$")
_SENTENCE_DATE = re.compile(r"\b(?P<mon>" + r"(?:" + alternation(list(_MONTHS)) + r"))\s+(?:tahun\s+)?(?P<y>(?:1[89]|20)\d\d)\b", re.I)
_RANGE_BEFORE = re.compile(r"(?:-|–|hingga|sampai|s\.?d\.?)\s*(?:bulan\s+)?$", re.I)
_FUTURE_CUES = frozenset(_TW["future_cues"])
_YEAR_NAME_STOPS = frozenset(_TW["year_name_stoppers"])


# compiled once: the re module's own cache is shared with patterns built per name elsewhere
_SPACES = re.compile(r"\s+")
_DECIMAL = re.compile(r"\d+\.\d+")
_PREV_WORD = re.compile(r"([\w.]+)\W*$")
_OPEN_BEFORE = re.compile(r"[(,]\s*$")


def _norm(s: str) -> str:
    return _SPACES.sub(" ", s.strip().lower())


_FULL_MONTHS = [m for m in _MONTHS if m not in set(_TW["month_abbreviations_need_day"])]
_MONTH = r"(?:" + alternation(_FULL_MONTHS) + r"|(?:" + alternation(_TW["month_abbreviations_need_day"]) + r")\.?)"
_MONTH_FULL = r"(?:" + alternation(_FULL_MONTHS) + r")"
_MONTH_CAP = r"(?-i:" + "|".join(m.capitalize() for m in sorted(_FULL_MONTHS, key=len, reverse=True)) + r")"
_MONTH_CAP_RE = re.compile(_MONTH_CAP)
_WD = r"(?-i:" + "|".join(w.capitalize() for w in sorted(_WEEKDAYS, key=len, reverse=True)) + r")"
_WD_ANY = r"(?:" + alternation(_WEEKDAYS) + r")"
_PART = r"(?:" + alternation(_PARTS) + r")"
_ZONE = r"(?:" + alternation(_ZONES) + r"|waktu\s+setempat)"
_PAST = r"(?:" + alternation(_TW["past_words"]) + r")"
_FUT = r"(?:" + alternation(_TW["future_words"]) + r")"
_FUT_RE = re.compile(_FUT, re.I)
_REL = r"(?:" + _PAST + r"|" + _FUT + r"|ini)"
_PMOD = r"(?:" + alternation(_TW["period_modifiers"]) + r")"
_VAGUE = tuple(load_json("number_words")["vague_counts"])
_NUM = r"(?:\d+(?:,\d+)?|\d+\.\d+(?=\s+detik)|" + NUMBER_WORDS_RE + r"|" + alternation(_VAGUE) + r")"
_UNIT = r"(?:" + alternation(_UNITS) + r")"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_B = r"(?<![\w/.,-])"  # start boundary: not inside a word or a number
_E = r"(?![\w/-]|[.,]\d)"  # end boundary

_FLAGS = re.I
_DATE_IN_PARENS = r"\(\s*(?P<pd>\d{1,2})/(?P<pm>\d{1,2})(?:/(?P<py>\d{4}|\d{2}))?\s*\)"
_DATE_WRITTEN = r"(?:tanggal\s+|tgl\.?\s+)?(?P<wd>\d{1,2})\s+(?P<wm>" + _MONTH + r")(?:\s+(?P<wy>1\d{3}|20\d\d))?"
_DATE_SLASHED = r"(?P<sd>\d{1,2})/(?P<sm>\d{1,2})/(?P<sy>\d{4}|\d{2})"

_PATTERNS: list[tuple[str, str]] = [
    # Rabu (12/1/2022) pagi / Rabu, 12 Januari 2022
    ("weekday_date", _B + r"(?:hari\s+)?(?P<wk>" + _WD + r")\s*,?\s*(?:" + _DATE_IN_PARENS + r"|" + _DATE_WRITTEN
     + r"|" + _DATE_SLASHED + r")(?:\s+(?P<part>" + _PART + r"))?(?:\s+(?:" + _PAST + r"|" + _FUT + r"))?" + _E),
    # 6 Januari 2022 lalu pagi
    ("date_written", _B + _DATE_WRITTEN + r"(?:\s+(?P<rel>" + _PAST + r"|" + _FUT + r"))?(?:\s+(?P<part>"
     + _PART + r"))?" + _E),
    ("day_range", _B + r"(?P<d1>\d{1,2})(?=\s*(?:-|–|hingga|sampai|s\.d\.?)\s*(?P<d2>\d{1,2})\s+(?P<rm>" + _MONTH
     + r")(?:\s+(?P<ry>" + _YEAR + r"))?" + _E + r")"),
    ("date_slashed", _B + r"(?:" + _DATE_SLASHED + r"|" + _DATE_IN_PARENS + r"|(?P<iy>" + _YEAR
     + r")-(?P<im>\d\d)-(?P<id>\d\d))" + _E),
    # akhir Januari, Januari 2022, bulan Januari lalu
    ("month", _B + r"(?:(?P<pmod>" + _PMOD + r")\s+)?(?:(?P<bulan>bulan)\s+)?(?P<mon>" + _MONTH_FULL
     + r")(?:\s+(?:tahun\s+)?(?P<my>" + _YEAR + r")|\s+(?:tahun\s+)?(?P<mrel>" + _REL + r"))?" + _E),
    # awal 2022, tahun 2016 lalu, 1990-an
    ("year", _B + r"(?:(?P<pmod>" + _PMOD + r")\s+)?(?:(?P<tahun>tahun|thn\.?)\s+)?(?P<year>" + _YEAR
     + r")(?P<decade>-?an)?(?:\s+(?P<yrel>lalu|silam|kemarin))?" + _E),
    ("quarter", _B + r"(?P<qkind>kuartal|triwulan|semester|caturwulan)\s+(?:ke-?\s*)?(?P<qn>iv|iii|ii|i|[1-4]|pertama"
     r"|kedua|ketiga|keempat)(?:\s+(?:tahun\s+)?(?:(?P<qy>" + _YEAR + r")|(?P<qrel>" + _REL + r")))?" + _E),
    # hari ini, kemarin, besok pagi, tadi malam
    ("day_rel", _B + r"(?:(?P<dr>" + alternation(_DAY_OFFSETS) + r")(?:\s+(?P<part>" + _PART + r"))?|(?P<dpr>"
     + alternation(_DAY_PART_REL) + r"))(?:\s*" + _DATE_IN_PARENS + r")?" + _E),
    # Rabu, Rabu lalu, Kamis depan, Senin pekan depan, hari Minggu malam
    ("weekday", _B + r"(?:(?P<hari>hari)\s+)?(?P<wk>" + _WD + r"|(?<=hari\s)" + _WD_ANY + r")(?:\s+(?P<wkw>pekan|minggu)\s+"
     r"(?P<wkrel>" + _REL + r"))?(?:\s+(?P<rel>" + _PAST + r"|" + _FUT + r"|ini))?(?:\s+(?P<part>" + _PART + r"))?" + _E),
    # pekan lalu, akhir tahun ini, bulan depan, akhir pekan
    ("period_rel", _B + r"(?:(?P<pmod>" + _PMOD + r")\s+)?(?P<unit>pekan|minggu|bulan|tahun|abad)(?:\s+(?P<rel>"
     + _REL + r"))" + _E),
    ("period_mod", _B + r"(?P<pmod>" + _PMOD + r")\s+(?P<unit>pekan|bulan|tahun)" + _E),
    # dua hari lalu, tiga pekan terakhir, sepekan lalu, 24 jam, selama seminggu
    ("count_rel", _B + r"(?:(?P<num>" + _NUM + r")\s+(?P<unit>" + _UNIT + r")|(?P<se>" + alternation(_SE_DUR) + r"))"
     r"(?:\s+(?P<rel>yang\s+lalu|lalu|silam|sebelumnya|kemudian|berselang|lagi|terakhir|belakangan|ke\s+depan"
     r"|mendatang|setelahnya|sesudahnya))?" + _E),
    ("compound_dur", _B + r"(?P<parts>" + _NUM + r"\s+" + _UNIT + r"(?:\s+(?:dan\s+)?" + _NUM + r"\s+" + _UNIT
     + r")+)" + _E),
    ("plural_dur", _B + r"(?P<pl>" + alternation(_PLURAL_DUR) + r")" + _E),
    # pukul 14.00 WIB, 14:30 WITA, jam 8 malam
    ("clock", _B + r"(?:(?P<pk>pukul|pkl\.?|jam)\s+(?:(?P<half>setengah)\s+)?(?P<h>\d{1,2})(?:[.:](?P<mi>\d\d))?|(?P<h2>\d{1,2})[.:](?P<mi2>\d\d)"
     r"(?=\s*" + _ZONE + r"))(?:\s*(?P<zone>" + _ZONE + r"))?(?:\s+(?P<part>" + _PART + r"))?" + _E),
    # setiap Senin, tiap tahun, per bulan, dua kali sepekan
    ("set", _B + r"(?:(?P<every>setiap|tiap|saban|per)\s+(?:hari\s+)?(?P<sunit>" + _WD_ANY + r"|"
     + alternation(_SET_UNITS) + r")(?:nya)?|(?:(?P<times>" + _NUM + r")\s+)?kali\s+(?P<freq>" + alternation(_SE_DUR) + r"))" + _E),
    ("set_adj", _B + r"(?P<adj>tahunan|bulanan|mingguan|pekanan|harian)" + _E),
    ("ref", _B + r"(?P<ref>" + alternation(_TW["past_refs"] + _TW["future_refs"] + _TW["present_refs"]) + r")" + _E),
    # hari itu, keesokan harinya, malam itu, pada sore hari: the day being narrated
    ("narrated", _B + r"(?P<nd>" + alternation(_NARRATED) + r")" + _E),
    # sejak pagi, hingga malam: a bare part of the day narrated, after a word that opens a time
    ("part_after", _B + r"(?:" + alternation(_TW["part_of_day_openers"]) + r")\s+(?P<bp>" + alternation(
        [p for p in _PARTS if " " not in p]) + r")(?!\s+(?:" + alternation(_TW["part_of_day_blockers"] + list(_WEEKDAYS))
     + r")\b|\s+\d)" + _E),
    # tahun itu, bulan tersebut: the year or month told before
    ("narrated_period", _B + r"(?P<np>" + alternation(_NARRATED_PERIODS) + r")" + _E),
    # 2014-2018, 2019 - sekarang: each year is a time
    ("year_range", _B + r"(?P<y1>" + _YEAR + r")\s*(?:-|–|—|s\.?d\.?|hingga|sampai)\s*(?:(?P<y2>" + _YEAR
     + r")|(?P<now>sekarang|kini|saat\s+ini))" + _E),
    # Idul Fitri, Lebaran 2024, Imlek tahun ini
    ("holiday", _B + r"(?P<hol>" + alternation(_HOLIDAY_NAMES) + r")(?:\s+(?:tahun\s+)?(?P<hy>" + _YEAR
     + r")|\s+(?P<hrel>tahun\s+(?:ini|lalu|depan)|lalu|mendatang))?" + _E),
    # malam tahun baru (2018): New Year's Eve
    ("new_year_eve", _B + r"(?P<eve>" + alternation(_TW["new_year_eves"]) + r")(?:\s+(?P<ny>" + _YEAR + r"))?(?:\s+(?:(?P<npast>"
     + _PAST + r")|(?P<nfut>" + _FUT + r")))?" + _E),
    # the first number of a range or pair of durations: "24 - 40 jam", "tujuh dan lima tahun" (the unit is
    # written once, after the second)
    ("duration_range", _B + r"(?P<rn>" + _NUM + r")(?=\s*(?:-|–|hingga|sampai(?:\s+dengan)?|s\.?d\.?|dan|atau)\s*" + _NUM
     + r"\s+(?P<ru>" + _UNIT + r")" + _E + r")"),
    # abad ke-19, abad 21: a century ("18" is the 1800s, TIMEX3)
    ("century", _B + r"abad\s+(?:ke\s*-?\s*)?(?P<cn>\d{1,2})" + _E),
    # 1x24 jam: a deadline counted in hours
    ("hours_times", _B + r"(?P<hn>\d{1,2})\s*[x×]\s*24\s*jam" + _E),
    # the year of a numbered law or decree: "UU No.35/2014", "Nomor 4/2014", "Perppu 2/2017" (a year inside a
    # name; only the year is the time)
    ("law_year", _B + r"(?:\(?(?:" + alternation(_LAW_HEADS) + r")\)?\s+)?(?:" + alternation(_TW["law_number_words"]) + r")?\.?\s*\d{1,4}[A-Za-z]?\s*/\s*"
     r"(?P<ly>" + _YEAR + r")" + _E),
]
_COMPILED = {name: re.compile(rx, _FLAGS) for name, rx in _PATTERNS}
# patterns of a day named with its year ("Lebaran 2024", "malam tahun baru 2016"): (name group, year group)
_NAMED_WITH_YEAR = {"holiday": ("hol", "hy"), "new_year_eve": ("eve", "ny")}
_PRIO = {name: i for i, (name, _rx) in enumerate(_PATTERNS)}
# the words each pattern can start with (DIGIT: any number); see quantities.candidate_starts
_NUM_WORDS = [DIGIT] + list(load_json("number_words")["units"]) + list(load_json("number_words")["se_words"]) \
    + list(load_json("number_words")["fractions"]) + list(_VAGUE) + list(_SE_DUR)
_PMODS = list(_TW["period_modifiers"])
_FIRST_WORDS = {
    "weekday_date": ["hari"] + list(_WEEKDAYS),
    "date_written": ["tanggal", "tgl", DIGIT],
    "day_range": [DIGIT],
    "date_slashed": [DIGIT, "("],
    "month": _PMODS + ["bulan"] + _FULL_MONTHS,
    "year": _PMODS + ["tahun", "thn", DIGIT],
    "quarter": list(_TW["quarter_words"]),
    "day_rel": list(_DAY_OFFSETS) + list(_DAY_PART_REL),
    "weekday": ["hari"] + list(_WEEKDAYS),
    "period_rel": _PMODS + _TW["relative_period_units"],
    "period_mod": _PMODS,
    "count_rel": _NUM_WORDS,
    "compound_dur": _NUM_WORDS,
    "plural_dur": list(_PLURAL_DUR),
    "clock": _TW["clock_words"] + [DIGIT],
    "set": _TW["set_prefixes"] + _TW["set_repeats"] + _NUM_WORDS,
    "set_adj": list(_TW["set_adjectives"]),
    "ref": _TW["past_refs"] + _TW["future_refs"] + _TW["present_refs"],
    "narrated": list(_NARRATED),
    "narrated_period": list(_NARRATED_PERIODS),
    "part_after": list(_TW["part_of_day_openers"]),
    "year_range": [DIGIT],
    "holiday": _HOLIDAY_NAMES,
    "new_year_eve": [w.split()[0] for w in _TW["new_year_eves"]],
    "hours_times": [DIGIT],
    "duration_range": _NUM_WORDS,
    "century": ["abad"],
    "law_year": list(_TW["law_number_words"]) + [h.lower() for h in _LAW_HEADS],
}
_INDEX = trigger_index(_FIRST_WORDS)
_RANGE_ZONE = re.compile(r"\s*(?:-|–|hingga|sampai|s\.?d\.?)\s*(?:pukul\s+)?\d{1,2}[.:]\d\d\s*(" + _ZONE + r")", re.I)
# context that rules a match out: "2.000 orang" is a count, "32 tahun ini" an age, "Tahun 1997" a law's year
_COUNTED_AFTER = re.compile(
    r"\s*(?:" + alternation(load_json("number_words")["counted_after"]) + r")\b", re.I
)
_NUMBER_BEFORE = re.compile(r"(?:\d|\b(?:" + NUMBER_WORDS_RE + r"))\s+$", re.I)
_YEAR_AFTER = re.compile(r"\s+" + _YEAR + r"\b")
_COORD_MONTH_YEAR = re.compile(r"\s*(?:dan|hingga|sampai|atau|s\.?d\.?|-|–)\s*(?:bulan\s+)?" + _MONTH_FULL
                               + r"\s+(?:tahun\s+)?(?P<cy>" + _YEAR + r")\b", re.I)
_WORDS = re.compile(r"\w+")
_ANCHOR_AFTER = re.compile(r"\s+(?:yang\s+)?(\w+)")
_BEFORE_CHRIST = re.compile(r"\s+(?:sebelum\s+masehi|SM)\b", re.I)
_PRESENT_REFS = frozenset(_TW["present_refs"])
_WEEK_WORDS = frozenset(_TW["week_words"])
_COMING = frozenset(_TW["coming_words"]) | frozenset(_TW["this_words"])
_AGO_SIGNS: dict[str, int] = _TW["ago_signs"]
_ANCHORED_SIGNS: dict[str, int] = _TW["anchored_signs"]
_AFTERNOON = frozenset(_TW["afternoon_parts"])


# --- helpers that read the word lists (the rest are in _timex_values) ------


def _direction(rel: Optional[str]) -> int:
    rel = _norm(rel or "")
    if not rel or rel == "ini":
        return 0
    if _FUT_RE.fullmatch(rel):
        return 1
    return -1


def _with_part(value: str, part: Optional[str]) -> tuple[str, str]:
    if not part:
        return "DATE", value
    return "TIME", f"{value}T{_PARTS[_norm(part)]}"


def _date_groups(m: re.Match, dct: Optional[date], direction: int = 0) -> Result:
    for d, mo, y in ((g + "d", g + "m", g + "y") for g in "pwsi"):  # the day, month and year groups of each pattern
        if group_or_none(m, d):
            month = m.group(mo).rstrip(".")
            month = int(month) if month.isdigit() else _MONTHS[month.lower()]
            year = year_of(m.group(y)) if m.group(y) else None
            day = int(m.group(d))
            if d == "sd" and month > 12 >= day:
                day, month = month, day  # "8/18/1988": an American month/day order
            return day_value(year, month, day, dct, direction)
    return None


def _h_weekday_date(m, dct, direction: int = 0):
    r = _date_groups(m, dct, direction)
    if r:
        r["type"], r["value"] = _with_part(r["value"], m.group("part"))
    return r


def _h_date_written(m, dct):
    return _h_weekday_date(m, dct, _direction(m.group("rel")))


def _h_date_slashed(m, dct):
    r = _date_groups(m, dct)
    if r:
        r["type"] = "DATE"
    return r


def _h_day_range(m, dct, day: str = "d1"):
    """The first day of "1 - 4 Juli 2022" (``day`` "d2": the second) with the month and year written after."""
    month = _MONTHS[m.group("rm").lower().rstrip(".")]
    r = day_value(int(m.group("ry")) if m.group("ry") else None, month, int(m.group(day)), dct)
    if r:
        r["type"] = "DATE"
    return r


def _h_month(m, dct):
    mon = _MONTHS[m.group("mon").lower()]
    if not (m.group("my") or m.group("bulan") or m.group("pmod") or m.group("mrel")) and \
            not _MONTH_CAP_RE.fullmatch(m.group("mon")):
        return None
    if m.group("mon").lower() == "mei" and not (m.group("my") or m.group("bulan") or m.group("pmod") or m.group("mrel")):
        return None  # "Mei" alone is often a name
    if m.group("my"):
        return {"type": "DATE", "value": f"{m.group('my')}-{mon:02d}", "anchored": True}
    shared = _COORD_MONTH_YEAR.match(m.string, m.end()) if not m.group("mrel") else None
    if shared:
        return {"type": "DATE", "value": f"{shared.group('cy')}-{mon:02d}", "anchored": True}
    sentence_year = None if m.group("mrel") else _sentence_year(m.string, m.start(), mon)
    if sentence_year is not None:
        return {"type": "DATE", "value": f"{sentence_year}-{mon:02d}", "anchored": True}
    if dct is None:
        return {"type": "DATE", "value": f"XXXX-{mon:02d}", "anchored": False}
    direction = _direction(m.group("mrel"))
    y = infer_year(mon, None, dct, direction)
    if direction < 0 and mon == dct.month and _norm(m.group("mrel")) != "ini":
        y = dct.year
    return {"type": "DATE", "value": f"{y}-{mon:02d}", "anchored": True}


def _h_year(m, dct, text, start):
    y = int(m.group("year"))
    if m.group("decade"):
        return {"type": "DATE", "value": str(y)[:3], "anchored": True}
    if not (m.group("pmod") or m.group("tahun") or m.group("yrel")):
        prev = _PREV_WORD.search(text[max(0, start - 30):start])
        word = prev.group(1) if prev else ""
        # a year inside a name is a time too ("Pemilu 2024", "UUD 1945"), but not a numbered thing ("Pasal 2019")
        in_name = word[:1].isupper() and word.lower().rstrip(".") not in _YEAR_NAME_STOPS and not word.isdigit()
        if word.lower() not in _YEAR_TRIGGERS and not in_name and not _OPEN_BEFORE.search(text[max(0, start - 3):start]):
            return None
        if _COUNTED_AFTER.match(text[m.end():m.end() + 12]):
            return None
    return {"type": "DATE", "value": f"{y:04d}", "anchored": True}


def _h_quarter(m, dct):
    n = _ORDINALS[m.group("qn").lower()]
    kind = m.group("qkind").lower()
    if kind == "semester" and n > 2:
        return None
    letter = {"semester": "H", "caturwulan": "T"}.get(kind, "Q")
    if kind == "caturwulan" and n > 3:
        return None
    if m.group("qy"):
        return {"type": "DATE", "value": f"{m.group('qy')}-{letter}{n}", "anchored": True}
    if dct is None:
        return {"type": "DATE", "value": f"XXXX-{letter}{n}", "anchored": False}
    return {"type": "DATE", "value": f"{dct.year + _direction(m.group('qrel'))}-{letter}{n}", "anchored": True}


def _h_day_rel(m, dct):
    if m.group("pd"):  # "hari ini (10/7)": the written date wins
        return _h_weekday_date(m, dct)
    if m.group("dr"):
        offset, part = _DAY_OFFSETS[_norm(m.group("dr"))], m.group("part")
        part = _PARTS[_norm(part)] if part else None
    else:
        offset, part = _DAY_PART_REL[_norm(m.group("dpr"))]
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    if dct is None:
        return {"type": kind, "value": f"XXXX-XX-XX{suffix}", "anchored": False, "day": None}
    d = dct + timedelta(days=offset)
    return {"type": kind, "value": ymd(d) + suffix, "anchored": True, "day": d, "deictic": (offset, suffix)}


def _h_weekday(m, dct):
    wk = _WEEKDAYS[m.group("wk").lower()]
    rel, wkrel, part = m.group("rel"), m.group("wkrel"), m.group("part")
    head = _PLACE_HEAD_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
    if head and head.group(1).lower() in _PLACE_HEADS and not m.group("hari"):
        return None  # "Pasar Minggu", "Jalan Senen": a place named after a market day
    if wk == 7 and m.group("wk").lower() == "minggu" and rel and not m.group("hari") and not part:
        return None  # "Minggu lalu" is "last week": period_rel reads it
    if dct is None:
        kind, value = _with_part(f"XXXX-WXX-{wk}", part)
        return {"type": kind, "value": value, "anchored": False, "day": None}
    direction = _direction(rel)
    bare = not (rel or wkrel)
    if bare and _future_before(m.string, m.start()):
        direction = 2  # "akan digelar Senin": the coming one, that day included
    if wkrel:
        monday = dct - timedelta(days=dct.isoweekday() - 1) + timedelta(weeks=_direction(wkrel))
        d = monday + timedelta(days=wk - 1)
    elif rel and _norm(rel) == "ini":
        d = dct + timedelta(days=wk - dct.isoweekday())
    elif direction == 2:
        d = dct + timedelta(days=(wk - dct.isoweekday()) % 7)
    elif direction > 0:
        d = dct + timedelta(days=(wk - dct.isoweekday()) % 7 or 7)
    elif direction < 0:
        d = dct - timedelta(days=(dct.isoweekday() - wk) % 7 or 7)
    else:
        d = dct - timedelta(days=(dct.isoweekday() - wk) % 7)
    kind, value = _with_part(ymd(d), part)
    return {"type": kind, "value": value, "anchored": True, "day": d, "weekday": wk if bare else None}


def _future_before(text: str, pos: int) -> bool:
    """Whether a future word ("akan", "dijadwalkan") comes before ``pos`` in its clause."""
    a = max(0, pos - 80)
    cut = max(text.rfind(c, a, pos) for c in ".!?\n")
    words = _WORDS.findall(text[max(a, cut + 1):pos].lower())
    return any(w in _FUTURE_CUES for w in words)


def _h_period_rel(m, dct):
    unit, rel, pmod = m.group("unit").lower(), _norm(m.group("rel")), m.group("pmod")
    if not pmod and _NUMBER_BEFORE.search(m.string[max(0, m.start() - 30):m.start()]):
        return None  # "pria 32 tahun ini": an age, read by count_rel
    if unit == "minggu" and m.group("unit")[0] == "M" and m.start() > 0 and rel == "ini":
        return None
    n = _direction(rel)
    weekend = pmod and _norm(pmod) == "akhir" and unit in _WEEK_WORDS
    if dct is None:
        value = {"pekan": "XXXX-WXX", "minggu": "XXXX-WXX", "bulan": "XXXX-XX", "tahun": "XXXX", "abad": "XX"}[unit]
        return {"type": "DATE", "value": value + ("-WE" if weekend else ""), "anchored": False}
    if weekend and rel in _COMING:
        n = 0  # "akhir pekan nanti": the coming weekend, still in this ISO week
    if unit in _WEEK_WORDS:
        value = iso_week(dct + timedelta(weeks=n)) + ("-WE" if weekend else "")
    elif unit == "bulan":
        y, mo = shift_month(dct, n)
        value = f"{y}-{mo:02d}"
    elif unit == "tahun":
        value = f"{dct.year + n}"
    else:
        value = f"{(dct.year - 1) // 100 + 1 + n - 1:02d}"
    return {"type": "DATE", "value": value, "anchored": True}


def _h_period_mod(m, dct):
    unit, pmod = m.group("unit").lower(), _norm(m.group("pmod"))
    if unit == "pekan" and pmod == "akhir":
        if dct is None:
            return {"type": "DATE", "value": "XXXX-WXX-WE", "anchored": False}
        # the most recent weekend on or before publication
        base = dct if dct.isoweekday() >= 6 else dct - timedelta(weeks=1)
        return {"type": "DATE", "value": iso_week(base) + "-WE", "anchored": True}
    if dct is None:
        return {"type": "DATE", "value": {"pekan": "XXXX-WXX", "bulan": "XXXX-XX", "tahun": "XXXX"}[unit],
                "anchored": False}
    value = {"pekan": iso_week(dct), "bulan": f"{dct.year}-{dct.month:02d}", "tahun": str(dct.year)}[unit]
    return {"type": "DATE", "value": value, "anchored": True}


def _count(raw: str) -> Optional[float]:
    """The number a duration counts: "1,5", "23.5" (before "detik") or a number word ("tiga"); None if none."""
    return float(raw) if _DECIMAL.fullmatch(raw) else parse_number(raw)


def _h_count_rel(m, dct):
    if _YEAR_AFTER.match(m.string[m.end():m.end() + 6]):
        return None  # "UU Nomor 5 Tahun 1997": a law's number and year
    if m.group("unit") and _UNITS[_norm(m.group("unit"))] == "Y" and not m.group("rel") \
            and is_age(m.string, m.start(), m.end()):
        return None  # "berusia 51 tahun": an age, which quantities reads
    if m.group("se"):
        n, unit = _SE_DUR[m.group("se").lower()]
    else:
        raw = _norm(m.group("num"))
        n = None if raw in _VAGUE else _count(raw)
        unit = _UNITS[_norm(m.group("unit"))]
        if raw not in _VAGUE and n is None:
            return None
    rel = _norm(m.group("rel") or "")
    if rel in _AGO_SIGNS:
        sign = _AGO_SIGNS[rel]
        if n is None:
            return {"type": "DATE", "value": "FUTURE_REF" if sign > 0 else "PAST_REF", "anchored": True}
        # "dua minggu yang lalu" inside a quotation counts from the day it was said (speech_dates)
        return dict(shifted(dct, sign * n, unit), relative=(sign * n, unit))
    if rel in _ANCHORED_SIGNS:
        sign = _ANCHORED_SIGNS[rel]
        if n is None or unit not in {"D", "W", "M", "Y"} or n != int(n):
            return {"type": "DURATION", "value": duration(n, unit), "anchored": True}
        return {"type": "DATE", "needs_anchor": lambda anchor: shifted(anchor[0], sign * n, unit), "grain": unit}
    return {"type": "DURATION", "value": duration(n, unit), "anchored": True}


_PAIR = re.compile(r"(" + _NUM + r")\s+(" + _UNIT + r")", re.I)
_ORDER = ["CE", "DE", "Y", "M", "W", "D", "TH", "TM", "TS"]


def _h_compound_dur(m, dct):
    parts = {}
    for num, unit in _PAIR.findall(m.group("parts")):
        n = _count(num)
        u = _UNITS[_norm(unit)]
        if n is None or u in parts or u == "8Y":
            return None
        parts[u] = n
    if [u for u in _ORDER if u in parts] != list(parts):
        return None  # "3 minggu 2 bulan" is not one duration
    fmt = {u: (str(int(n)) if n == int(n) else f"{n:g}") for u, n in parts.items()}
    date_part = "".join(fmt[u] + u for u in _ORDER[:6] if u in parts)
    time_part = "".join(fmt[u] + u[1] for u in _ORDER[6:] if u in parts)
    return {"type": "DURATION", "value": "P" + date_part + ("T" + time_part if time_part else ""), "anchored": True}


def _h_duration_range(m, dct):
    """The first duration of "24 - 40 jam" or "tujuh dan lima tahun", in the unit written after the second;
    not an age ("usia 6-10 tahun", which quantities reads), a law's number and year, nor two times counted
    from now ("dua dan tiga tahun lalu")."""
    unit = _UNITS[_norm(m.group("ru"))]
    if is_age(m.string, m.start(), m.end("ru")):
        return None  # "berusia 6 - 9 bulan"
    after = m.string[m.end("ru"):m.end("ru") + 16]
    if _YEAR_AFTER.match(after):
        return None
    anchor = _ANCHOR_AFTER.match(after)
    word = _norm(anchor.group(1)) if anchor else ""
    if word in _AGO_SIGNS or word in _ANCHORED_SIGNS or word in _COMING:
        return None  # "dua dan tiga tahun lalu", "5 dan 10 hari kemudian", "Kelas 7 dan 8 hari ini": no durations
    raw = _norm(m.group("rn"))
    n = None if raw in _VAGUE else _count(raw)
    if n is None:
        return None
    return {"type": "DURATION", "value": duration(n, unit), "anchored": True}


def _h_century(m, dct):
    """ "abad ke-19" -> "18" (TIMEX3 writes a century by its first two digits); none before Christ ("abad
    ke-5 sebelum Masehi"), which the value cannot say."""
    n = int(m.group("cn"))
    if not 1 <= n <= 30 or _BEFORE_CHRIST.match(m.string, m.end()):
        return None
    return {"type": "DATE", "value": f"{n - 1:02d}", "anchored": True}


def _h_plural_dur(m, dct):
    return {"type": "DURATION", "value": duration(None, _PLURAL_DUR[m.group("pl").lower()]), "anchored": True}


def _h_clock(m, dct):
    h = int(m.group("h") or m.group("h2"))
    mi = int(m.group("mi") or m.group("mi2") or 0)
    if m.group("half"):  # "jam setengah 11": half an hour before eleven
        if m.group("mi"):
            return None
        h, mi = (h - 1) % 24, 30
    if m.group("pk") and m.group("pk").lower() == "jam" and not (m.group("mi") or m.group("zone") or m.group("part")
                                                                  or m.group("half")):
        return None  # "jam 3" could be a count of hours
    part = _norm(m.group("part") or "")
    if part in _AFTERNOON and h < 12:
        h += 12
    if h > 24 or mi > 59:
        return None
    zone_word = m.group("zone")
    if not zone_word:
        after = _RANGE_ZONE.match(m.string, m.end())
        zone_word = after.group(1) if after else ""
    zone = _ZONES.get(_norm(zone_word), "")
    clock = f"T{h:02d}:{mi:02d}{zone}"
    return {"type": "TIME", "clock": (h, mi, zone), "needs_anchor": lambda anchor: {
        "value": (anchor[1] or "XXXX-XX-XX") + clock, "anchored": anchor[0] is not None}}


def _h_set(m, dct):
    if m.group("freq"):
        n, unit = _SE_DUR[m.group("freq").lower()]
        return {"type": "SET", "value": duration(n, unit), "anchored": True}
    unit = m.group("sunit").lower()
    # "tiap minggu" is every week; "setiap Minggu", "tiap hari minggu" every Sunday
    week = unit in _SET_UNITS and m.group("sunit").islower() and "hari" not in m.group(0).lower().split()
    if unit in _WEEKDAYS and not week:
        return {"type": "SET", "value": f"XXXX-WXX-{_WEEKDAYS[unit]}", "anchored": True}
    return {"type": "SET", "value": _SET_UNITS[unit], "anchored": True}


_RECURRING_EVENTS = frozenset(_TW["recurring_event_nouns"])


def _h_set_adj(m, dct):
    if not m.group("adj").islower():
        return None  # "Berita Harian": a name
    before = m.string[max(0, m.start() - 40):m.start()].split()
    if not before or not (looks_prefixed_verb(before[-1].lower()) or before[-1].lower() in _RECURRING_EVENTS):
        # a frequency only after a verb ("digelar tahunan") or a happening ("pertemuan tahunan"); "laporan
        # tahunan", "tugas harian", "secara tahunan (yoy)" describe a thing or a basis
        return None
    value = {"tahunan": "P1Y", "bulanan": "P1M", "mingguan": "P1W", "pekanan": "P1W", "harian": "P1D"}
    return {"type": "SET", "value": value[m.group("adj").lower()], "anchored": True}


def _h_ref(m, dct):
    ref = _norm(m.group("ref"))
    if ref in _PRESENT_REFS:
        value = "PRESENT_REF"
    else:
        value = "FUTURE_REF" if ref in _TW["future_refs"] else "PAST_REF"
    return {"type": "DATE", "value": value, "anchored": True}


def _h_narrated(m, dct):
    offset, part = _NARRATED[_norm(m.group("nd"))]
    suffix = f"T{part}" if part else ""

    def resolve(anchor):
        if anchor[0] is None:
            return {"value": "XXXX-XX-XX" + suffix, "anchored": False}
        day = anchor[0] + timedelta(days=offset)
        return {"value": ymd(day) + suffix, "anchored": True, "day": day}

    return {"type": "TIME" if part else "DATE", "needs_anchor": resolve}


def _h_part_after(m, dct):
    part = _PARTS[_norm(m.group("bp"))]

    def resolve(anchor):
        if anchor[0] is None:
            return {"value": "XXXX-XX-XXT" + part, "anchored": False}
        return {"value": ymd(anchor[0]) + "T" + part, "anchored": True, "day": anchor[0]}

    return {"type": "TIME", "needs_anchor": resolve}


def _h_narrated_period(m, dct):
    if _NUMBER_BEFORE.search(m.string, max(0, m.start() - 30), m.start()):
        return None  # "tiga bulan tersebut": those three months, a duration
    return {"type": "DATE", "period": _NARRATED_PERIODS[_norm(m.group("np"))]}


_PERIOD_OF = {"year": re.compile(r"\d{4}"), "month": re.compile(r"\d{4}-\d\d")}


_COARSE_VALUE = re.compile(r"(\d{4})(?:-(\d\d))?")


def _coarse_anchor(out: list[dict], days: list, pos: int, grain: str) -> Optional[tuple]:
    """The anchor of "dua tahun kemudian", "tiga bulan sebelumnya" when the last time told before it is a year
    or a month ("pada 2010 ... dua tahun kemudian" -> 2012), not a day: its first day, as an anchor."""
    last_day = max((s for s, _ in days if s < pos), default=-1)
    for t in reversed(out):
        if t["start"] >= pos or t["start"] < last_day:
            continue
        m = _COARSE_VALUE.fullmatch(t["value"])
        if m and t["type"] == "DATE" and (grain == "Y" or m.group(2)):
            day = date(int(m.group(1)), int(m.group(2) or 1), 1)
            return (day, day.isoformat())
    return None


def _period_told_before(out: list[dict], period: str, relative: frozenset = frozenset()) -> Optional[str]:
    """The year or month ("2016", "2017-03") of the last time in ``out`` that has one and is written out, not
    counted from the article's day (starts in ``relative``: "kemarin"), or None."""
    for t in reversed(out):
        if t["start"] in relative:
            continue
        m = _PERIOD_OF[period].match(t["value"])
        if m and t["type"] in ("DATE", "TIME"):
            return m.group()
    return None


def _year_range(m) -> list[tuple[int, int, dict]]:
    """Each year of "2014-2018" / "2019 - sekarang" as a time of its own."""
    out = [(m.start("y1"), m.end("y1"), {"type": "DATE", "value": m.group("y1"), "anchored": True})]
    if m.group("y2"):
        out.append((m.start("y2"), m.end("y2"), {"type": "DATE", "value": m.group("y2"), "anchored": True}))
    return out


def _h_holiday(m, dct):
    key = _norm(m.group("hol"))
    if key in _HOLIDAY_COMMON and not m.group("hol")[:1].isupper():
        return None  # "kota natal": a common word; that holiday is written capitalised
    if _GREETING_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "selamat Natal", "selamat Lebaran": a greeting, not a time the story tells
    if key in _OBSERVANCES:
        return _observance(m, dct, _OBSERVANCES[key])
    name = _HOLIDAYS[key]
    if m.group("hy"):
        year = int(m.group("hy"))
    elif dct is None:
        return None
    else:
        rel = _norm(m.group("hrel") or "")
        year = dct.year + (-1 if rel in {"tahun lalu", "lalu"} else 1 if rel in {"tahun depan", "mendatang"} else 0)
    day = holiday_date(name, year)
    # no "day": a holiday named ("jelang Lebaran") is seldom the day the story tells, so clock times do not hang on it
    return {"type": "DATE", "value": ymd(day) if day else str(year), "anchored": True}


#: the last month of the first half of a year: before it, an unqualified New Year's Eve is the one past
_MID_YEAR_MONTH = 6


def _h_new_year_eve(m, dct):
    """New Year's Eve: the night of 31 December before the year written; with "lalu" the one before the
    article's date, with "mendatang" the one after it; else the one nearest it (in the article's first half
    year the one just past, in its second the coming one)."""
    if m.group("ny"):
        year = int(m.group("ny")) - 1
    elif dct is None:
        return {"type": "TIME", "value": "XXXX-12-31TNI", "anchored": False}
    elif m.group("npast"):
        year = dct.year - 1
    elif m.group("nfut"):
        year = dct.year
    else:
        year = dct.year if dct.month > _MID_YEAR_MONTH else dct.year - 1
    return {"type": "TIME", "value": f"{year}-12-31TNI", "anchored": True}


def _observance(m, dct, month_day: str):
    """A national day on a fixed date ("Hari Kartini" -> 21 April of the year meant)."""
    if m.group("hy"):
        year = int(m.group("hy"))
    elif dct is None:
        return {"type": "DATE", "value": f"XXXX-{month_day}", "anchored": False}
    else:
        rel = _norm(m.group("hrel") or "")
        year = dct.year + (-1 if rel in {"tahun lalu", "lalu"} else 1 if rel in {"tahun depan", "mendatang"} else 0)
    return {"type": "DATE", "value": f"{year}-{month_day}", "anchored": True}


def _sentence_year(text: str, start: int, mon: int) -> Optional[int]:
    """The year of a month named with its year earlier in the sentence, for a month written without one.

    "mulai 10 April 2017 sampai September": September of 2017, the year the
    sentence is about; after a range word, a month before the dated one is in
    the next year ("November 2016 hingga Februari").
    """
    begin = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    dated = list(_SENTENCE_DATE.finditer(text, begin, start))
    if not dated:
        return None
    last = dated[-1]
    year = int(last.group("y"))
    if mon < _MONTHS[last.group("mon").lower()] and _RANGE_BEFORE.search(text, last.end(), start):
        year += 1
    return year


def _h_hours_times(m, dct):
    return {"type": "DURATION", "value": f"PT{int(m.group('hn')) * 24}H", "anchored": True}


_HANDLERS: dict[str, Callable] = {
    "weekday_date": _h_weekday_date, "date_written": _h_date_written, "date_slashed": _h_date_slashed,
    "month": _h_month, "day_range": _h_day_range, "quarter": _h_quarter, "day_rel": _h_day_rel, "weekday": _h_weekday,
    "period_rel": _h_period_rel, "period_mod": _h_period_mod, "count_rel": _h_count_rel,
    "plural_dur": _h_plural_dur, "compound_dur": _h_compound_dur, "clock": _h_clock, "set": _h_set, "set_adj": _h_set_adj, "ref": _h_ref,
    "narrated": _h_narrated, "narrated_period": _h_narrated_period, "holiday": _h_holiday, "new_year_eve": _h_new_year_eve, "hours_times": _h_hours_times,
    "duration_range": _h_duration_range, "century": _h_century,
}


def _candidates(text: str, dct: Optional[date]) -> Iterator[tuple[int, int, int, dict]]:
    for pos, names in candidate_starts(text, _INDEX):
        for name in names:
            m = _COMPILED[name].match(text, pos)
            if m is None:
                continue
            if name == "law_year":
                if m.group(0)[:1].isdigit():
                    continue  # "2/2017" alone may be a month: only after "No"/"Nomor" or a law's name
                yield m.start("ly"), m.end("ly"), _PRIO[name], {"type": "DATE", "value": m.group("ly"), "anchored": True}
                continue
            if name == "part_after":  # "sejak pagi": the part of the day is the time
                r = _h_part_after(m, dct)
                yield m.start("bp"), m.end("bp"), _PRIO[name], r
                continue
            if name == "year_range":
                for start, end, r in _year_range(m):
                    yield start, end, _PRIO[name], r
                continue
            if name == "day_range" and m.string[m.start("d2") - 1] in "-–":
                # "10-12 Januari 2018": the second day, glued to the dash, is a date the date pattern cannot
                # start at (its boundary keeps "COVID-19" out)
                r = _HANDLERS[name](m, dct)
                if r is not None:
                    yield m.start("d1"), m.end("d1"), _PRIO[name], r
                    second = _h_day_range(m, dct, "d2")
                    if second:
                        yield m.start("d2"), m.end("ry") if m.group("ry") else m.end("rm"), _PRIO[name], second
                continue
            name_group, year_group = _NAMED_WITH_YEAR.get(name, (None, None))
            if year_group and m.group(year_group):
                # "Tahun Baru Imlek 2018", "malam tahun baru 2016": the day, and the year inside its name as a
                # time of its own (ANNOTATION.md: "Pemilu 2024" -> "2024")
                r = _HANDLERS[name](m, dct)
                if r is not None:
                    yield m.start(), m.end(name_group), _PRIO[name], r
                    yield m.start(year_group), m.end(year_group), _PRIO[name], {
                        "type": "DATE", "value": m.group(year_group), "anchored": True}
                continue
            if name == "year":
                r = _h_year(m, dct, text, m.start())
            else:
                r = _HANDLERS[name](m, dct)
            if r is not None:
                yield m.start(), m.end(), _PRIO[name], r


def find_times(text: str, published: Optional[str] = None) -> list[dict]:
    """Time expressions in ``text`` as ``Record.times`` dicts, in text order.

    Args:
        text: running text.
        published: publication date ``YYYY-MM-DD`` (the TIMEX3 document
            creation time), or None to resolve only absolute expressions.

    Returns:
        Dicts with start, end, text, type, value and anchored.
    """
    dct = date.fromisoformat(published[:10]) if published else None
    cands = sorted(_candidates(text, dct), key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, dict]] = []
    for start, end, _prio, r in cands:
        if any(s < end and start < e for s, e, _ in taken):
            continue
        taken.append((start, end, r))
    taken.sort(key=lambda t: t[0])
    taken = join_date_and_clock(text, taken)
    taken = weekdays_of_bracketed_dates(text, taken)
    date_weekdays(text, taken)
    speech_dates(text, taken)
    days = [(s, (r["day"], r["value"][:10])) for s, _e, r in taken if r.get("day") is not None or "day" in r]
    said_on = attribution_dates(text, taken)
    # times counted from the article's or the story's day: no year or month of the story's own
    relative = frozenset(s for s, _e, r in taken
                         if "deictic" in r or "relative" in r or "needs_anchor" in r or "counted" in r)
    out = []
    for start, end, r in taken:
        if "period" in r:  # "tahun itu": only when a year (a month) was told before
            value = _period_told_before(out, r["period"], relative)
            if value is not None:
                out.append({"start": start, "end": end, "text": text[start:end], "type": "DATE",
                            "value": value, "anchored": True})
            continue
        if "needs_anchor" in r:
            future = "clock" in r and _future_before(text, start)
            anchor = anchor_for(start, days, text, dct, future, said_on if "clock" in r else frozenset())
            if r.get("grain") in ("Y", "M"):
                anchor = _coarse_anchor(out, days, start, r["grain"]) or anchor
            resolved = r["needs_anchor"](anchor)
            value, anchored = resolved["value"], resolved["anchored"]
            kind = resolved.get("type", r["type"])
            if resolved.get("day") is not None:  # "keesokan harinya" moves the story to its day
                bisect.insort(days, (start, (resolved["day"], value[:10])), key=lambda x: x[0])
        else:
            value, anchored, kind = r["value"], r["anchored"], r["type"]
        value = _generic(text, start, end, value)
        out.append({"start": start, "end": end, "text": text[start:end], "type": kind,
                    "value": value, "anchored": anchored})
    return out


_HABITUAL = re.compile(r"\b(?:" + alternation(_TW["habitual_words"]) + r")\b", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_MONTH_VALUE = re.compile(r"\d{4}-\d\d")
_PART_VALUE = re.compile(r"\d{4}-\d\d-\d\dT([A-Z]{2})")
_MONTH_ONLY = frozenset(m.lower() for m in _FULL_MONTHS) | {"bulan"}
_PART_ONLY = frozenset(p.lower() for p in _PARTS) | {"hari"}


def _generic(text: str, start: int, end: int, value: str) -> str:
    """A month or part of day told of what usually happens, with no year or day written ("biasanya terendam
    banjir pada Juni hingga September", "malam hari biasanya gelap"): TimeML's unanchored value (XXXX-06)."""
    if any(c.isdigit() for c in text[start:end]):
        return value
    month, part = _MONTH_VALUE.fullmatch(value), _PART_VALUE.fullmatch(value)
    words = _WORDS.findall(text[start:end].lower())
    bare_month = month and set(words) <= _MONTH_ONLY  # "Juni", "bulan Juni"; not "Juni lalu"
    bare_part = part and set(words) <= _PART_ONLY      # "malam hari", "pagi"; not "malam itu"
    if not (bare_month or bare_part):
        return value
    s0 = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    stop = _SENTENCE_END.search(text, end)
    if not _HABITUAL.search(text, s0, stop.start() if stop else len(text)):
        return value
    return "XXXX" + value[4:] if month else "XXXX-XX-XXT" + part.group(1)


class Timex:
    """Finds time expressions in ``doc.text`` and stores them in ``doc._.times``."""

    def __init__(self, nlp: Language, name: str = "timex"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc_list(doc, "times").extend(find_times(doc_text(doc), doc._.published))
        return doc


@Language.factory("timex", assigns=["doc._.times"], requires=["doc._.published"])
def make_timex(nlp: Language, name: str) -> Timex:
    return Timex(nlp, name)
