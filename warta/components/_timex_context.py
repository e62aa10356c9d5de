"""Passes of :mod:`warta.components.timex` that read a time in its context.

- :func:`join_date_and_clock`: a date and the clock time written with it
  ("Minggu (28/12/2014) pukul 06.18 WIB", "pukul 10.00 WIB, Senin (3/1)")
  are one TIME, as TimeML writes them.
- :func:`date_weekdays`: a bare weekday said of the explicit date before it
  ("14 Februari 2024 jatuh pada hari Rabu") takes that date.
- :func:`weekdays_of_bracketed_dates`: weekdays written before the dates they
  name in brackets ("Rabu - Jumat (14 - 16 Februari)") are those dates, which
  are kept, not times of their own.
- :func:`speech_dates`: "kemarin", "besok", "hari ini" inside a quotation
  count from the day the quote was said, when its attribution gives one
  ('"Baru kemarin saya perintahkan," kata X, Rabu (30/9).').
- :func:`holiday_date`: a holiday's official Indonesian date in a year.
- :func:`attribution_dates`: dates that say when a source spoke ("ujar X, Senin (12/9)"), not what day the
  story tells.

Items are ``(start, end, result)`` triples as :func:`timex.find_times`
collects them; results are the handlers' dicts.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from ..lang import load_json
from ._timex_values import shifted, ymd

# what may stand between a date and its clock time: "Minggu (17/3/19), pukul 15.07", "malam sekitar pukul 23:15"
_DATE_THEN_CLOCK = re.compile(r"\s*,?\s*(?:(?:sekitar|sekira|kurang\s+lebih|lebih\s+kurang|tepat|mulai|pada|hingga)\s+)*$",
                              re.I)
_CLOCK_THEN_DATE = re.compile(r"\s*,?\s*(?:pada\s+)?(?:hari\s+)?$", re.I)
# a weekday said of the date before it: "14 Februari 2024 jatuh pada hari Rabu", "17 Agustus, yakni Kamis"
_STATED_OF = re.compile(r"\s*,?\s*(?:yang\s+)?(?:jatuh\s+pada|bertepatan\s+dengan|yaitu|yakni|atau|adalah|merupakan)"
                        r"\s+(?:hari\s+)?", re.I)
_LATE_PARTS = {"AF", "EV", "NI"}


def _is_day(r: dict) -> bool:
    """A result that names one day (with or without a part of it), not a clock time."""
    return r.get("day") is not None and "clock" not in r and "needs_anchor" not in r


def _joined(day: dict, clock: dict) -> dict:
    h, mi, zone = clock["clock"]
    value = day["value"]
    part = value[11:] if len(value) > 10 and value[10] == "T" and not value[11:12].isdigit() else ""
    if part in _LATE_PARTS and h < 12:
        h += 12  # "Rabu malam pukul 8": 20:00
    out = {"type": "TIME", "value": f"{value[:10]}T{h:02d}:{mi:02d}{zone}", "anchored": day["anchored"],
           "day": day["day"]}
    if "deictic" in day or "relative" in day:
        out["counted"] = True  # "pukul 10.00 kemarin": a day counted from the article's, no year of the story's
    return out


def join_date_and_clock(text: str, items: list) -> list:
    """``items`` (sorted by start) with each date and the clock time written next to it joined into one TIME."""
    out: list = []
    i = 0
    while i < len(items):
        s, e, r = items[i]
        if i + 1 < len(items):
            s2, e2, r2 = items[i + 1]
            if _is_day(r) and "clock" in r2 and _DATE_THEN_CLOCK.fullmatch(text, e, s2):
                out.append((s, e2, _joined(r, r2)))
                i += 2
                continue
            if "clock" in r and _is_day(r2) and _CLOCK_THEN_DATE.fullmatch(text, e, s2) and "T" not in r2["value"]:
                out.append((s, e2, _joined(r2, r)))
                i += 2
                continue
        out.append((s, e, r))
        i += 1
    return out


def date_weekdays(text: str, items: list) -> None:
    """Give a bare weekday the explicit date of its sentence that falls on it (in place)."""
    for k, (s, e, r) in enumerate(items):
        wk = r.get("weekday")
        if not wk:
            continue
        for s2, e2, r2 in items:
            if r2 is r or r2.get("weekday") or not _is_day(r2) or r2["day"].isoweekday() != wk:
                continue
            if not (e2 <= s and _STATED_OF.fullmatch(text, e2, s)):
                continue
            part = r["value"][10:] if len(r["value"]) > 10 else ""
            items[k] = (s, e, dict(r, value=ymd(r2["day"]) + part, day=r2["day"]))
            break


# between a weekday and the bracketed date it names, or the next weekday of a range
# (the other end of a weekday range may be written with no space and so not be found: "Kamis -Jumat (15 - 16")
_INTO_BRACKET = re.compile(r"\s*(?:[-–]\s*[A-Za-z]+\s*)?\(\s*")
_RANGE_DASH = re.compile(r"\s*(?:-|–|s\.d\.?|hingga|sampai)\s*(?:hari\s+)?", re.I)


def weekdays_of_bracketed_dates(text: str, items: list) -> list:
    """``items`` without the weekdays written before the dates they name in brackets: "Rabu - Jumat
    (14 - 16 Februari)" holds two times, the 14th and the 16th, not four."""
    drop: set[int] = set()
    for k in range(len(items) - 2, -1, -1):
        s, e, r = items[k]
        s2, _e2, r2 = items[k + 1]
        if not r.get("weekday"):
            continue
        if (_INTO_BRACKET.fullmatch(text, e, s2) and _is_day(r2) and not r2.get("weekday")) \
                or (k + 1 in drop and _RANGE_DASH.fullmatch(text, e, s2)):
            drop.add(k)
    return [it for k, it in enumerate(items) if k not in drop]


_CLOSE = re.compile(r'["”]')
_OPEN_BEFORE = re.compile(r'["“][^"“”\n]*$')
_ATTRIBUTION_END = re.compile(r"[.!?](?:\s|$)|\n")


def speech_dates(text: str, items: list) -> None:
    """Re-anchor deictic days ("kemarin") and counted periods ago ("dua minggu yang lalu") inside a quotation
    to the date its attribution gives (in place)."""
    for k, (s, e, r) in enumerate(items):
        if ("deictic" not in r and "relative" not in r) or not _OPEN_BEFORE.search(text, max(0, s - 400), s):
            continue
        close = _CLOSE.search(text, e)
        if close is None or "\n" in text[e:close.start()]:
            continue
        end = _ATTRIBUTION_END.search(text, close.end())
        stop = end.start() if end else len(text)
        said = [r2 for s2, _e2, r2 in items if close.end() <= s2 < stop and _is_day(r2) and "deictic" not in r2]
        if not said:
            continue
        if "relative" in r:
            n, unit = r["relative"]
            items[k] = (s, e, dict(r, **shifted(said[0]["day"], n, unit)))
            continue
        offset, suffix = r["deictic"]
        day = said[0]["day"] + timedelta(days=offset)
        items[k] = (s, e, dict(r, value=ymd(day) + suffix, day=day))


_LEX_QUOTES = load_json("quote_cues")
# a post-quote cue ("ujar Dolifar saat dikonfirmasi merdeka.com, Senin (12/9)", "kata Budi, Senin"): the date
# after it in its sentence is when the words were said
_ATTRIBUTION_CUE = re.compile(r"\b(?:%s)(?:nya)?\b(?:[^.!?\n]|[.](?=\S)){0,120}$" % "|".join(
    re.escape(w) for w in sorted(_LEX_QUOTES["post_cues"], key=len, reverse=True)), re.I)
_SENTENCE_START = re.compile(r"[.!?][\"'”’)]*\s+|\n")


def attribution_dates(text: str, items: list) -> frozenset:
    """Start offsets of the day-level dates that date an attribution ("..., ujar X, Senin (12/9).") rather
    than the story: a clock time in a later sentence hangs on the last date the story told, not on the day a
    source was reached."""
    out = set()
    for s, _e, r in items:
        if not _is_day(r):
            continue
        starts = [m.end() for m in _SENTENCE_START.finditer(text, max(0, s - 300), s)]
        s0 = starts[-1] if starts else max(0, s - 300)
        if _ATTRIBUTION_CUE.search(text[s0:s]):
            out.add(s)
    return frozenset(out)


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> dict:
    """Indonesia's official holidays of ``year``, name -> first day (from the ``holidays`` library)."""
    import holidays

    out: dict = {}
    for day, name in sorted(holidays.country_holidays("ID", years=year, language="id").items()):
        out.setdefault(name, day)
    return out


def holiday_date(name: str, year: int) -> Optional[date]:
    """The date of holiday ``name`` (as ``holidays`` names it, language "id") in ``year``, or None.

    Dates are those of the ``holidays`` library's Indonesian calendar: the
    government's official dates (joint ministerial decree, SKB) for the years
    it lists, its own estimate after them. For Hijri feasts the official date
    can differ by a day from Muhammadiyah's or from Umm al-Qura.
    """
    if not 1950 <= year <= 2100:
        return None
    return _holidays_of(year).get(name)


__all__ = ["join_date_and_clock", "date_weekdays", "speech_dates", "holiday_date", "attribution_dates"]
