"""TIMEX3 value arithmetic for :mod:`warta.components.timex`: no language data.

Calendar steps (ISO weeks, month shifts, the year of a date written without
one), TIMEX3 value strings for days and durations, and the choice of the
date a clock time or "sehari sebelumnya" hangs on. Everything here works on
numbers, dates and match objects; the Indonesian words live in
``warta/lang/time_words.json`` and are read by :mod:`.timex` only.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

Result = Optional[dict]  # a handler's finding, or None when the match is no time

def iso_week(d: date) -> str:
    """The ISO week of ``d`` as a TIMEX3 value ("2022-W01")."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def ymd(d: date) -> str:
    """``d`` as a TIMEX3 day value ("2022-01-12")."""
    return d.isoformat()


def shift_month(d: date, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months from ``d``'s month."""
    m = d.month - 1 + n
    return d.year + m // 12, m % 12 + 1


def year_of(y: str) -> int:
    """A written year, two digits read as 20xx."""
    return int(y) + (2000 if len(y) == 2 else 0)


def infer_year(month: int, day: Optional[int], dct: date, direction: int) -> int:
    """The year of a day/month written without one, relative to publication."""
    y = dct.year
    try:
        cand = date(y, month, day or 1)
    except ValueError:
        cand = date(y, month, 1)
    if direction < 0 and cand > dct:
        return y - 1
    if direction > 0 and cand < dct and (day or month < dct.month):
        return y + 1
    if direction == 0 and (cand - dct).days > 92:
        return y - 1  # "pada 28 Desember" in a January article: last December
    return y


def valid_date(y: Optional[int], m: int, d: int) -> bool:
    """Whether day ``d`` of month ``m`` exists (in year ``y``, or in a leap year when None)."""
    try:
        date(y or 2000, m, d)
        return True
    except ValueError:
        return False


def day_value(y: Optional[int], m: int, d: int, dct: Optional[date], direction: int = 0) -> Result:
    """Value of a day, its year inferred from ``dct`` when not written; None for no such day."""
    if not valid_date(y, m, d):
        return None
    if y is None:
        if dct is None:
            return {"value": f"XXXX-{m:02d}-{d:02d}", "anchored": False, "day": None}
        y = infer_year(m, d, dct, direction)
        if not valid_date(y, m, d):
            return None  # "29 Februari" in a year without one
    return {"value": f"{y:04d}-{m:02d}-{d:02d}", "anchored": True, "day": date(y, m, d)}


def group_or_none(m: re.Match, name: str) -> Optional[str]:
    """Group ``name`` of ``m``, or None when its pattern has no such group."""
    try:
        return m.group(name)
    except IndexError:
        return None


def duration(n: Optional[float], unit: str) -> str:
    """TIMEX3 duration for ``n`` units ("TH", "D", ...), written as the text says it ("1,5 tahun": P1.5Y)."""
    if n is None:
        return f"P{'T' if unit.startswith('T') else ''}X{unit.lstrip('T')}"
    if unit == "8Y":
        n, unit = n * 8, "Y"
    if unit == "CE" and n != int(n):
        n, unit = n * 100, "Y"  # "setengah abad": P50Y, as annotators write a fraction of a century
    num = str(int(n)) if n == int(n) else f"{n:g}"
    return f"PT{num}{unit[1:]}" if unit.startswith("T") else f"P{num}{unit}"


_GRAIN = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "year", "CE": "year"}


def shifted(base: Optional[date], n: float, unit: str) -> Result:
    """The date ``n`` units (TIMEX3 unit letters) from ``base``, at that unit's grain."""
    grain = _GRAIN.get(unit)
    if grain is None or n != int(n):
        # "tiga jam lalu": a time of day we cannot know; keep the day
        if base is None:
            return {"type": "DATE", "value": "XXXX-XX-XX", "anchored": False}
        return {"type": "DATE", "value": ymd(base), "anchored": True, "day": base}
    n = int(n)
    if base is None:
        value = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[grain]
        return {"type": "DATE", "value": value, "anchored": False}
    if grain == "day":
        d = base + timedelta(days=n)
        return {"type": "DATE", "value": ymd(d), "anchored": True, "day": d}
    if grain == "week":
        return {"type": "DATE", "value": iso_week(base + timedelta(weeks=n)), "anchored": True}
    if grain == "month":
        y, mo = shift_month(base, n)
        return {"type": "DATE", "value": f"{y}-{mo:02d}", "anchored": True}
    n *= {"DE": 10, "CE": 100}.get(unit, 1)
    return {"type": "DATE", "value": str(base.year + n), "anchored": True}


_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“])|\n")


def anchor_for(pos: int, days: list, text: str, dct: Optional[date], future: bool = False,
               attributions: frozenset = frozenset()) -> tuple:
    """The date a clock time or "sehari sebelumnya" hangs on.

    The nearest day-level date before it in its sentence, else after it in
    its sentence, else the last one before it in the text, else the DCT. In a
    clause about what is to come ("acara akan dimulai pukul 14.00"), the last
    one before it may be the day the plan was told ("ujar X, Jumat (25/8)"):
    the latest of the days told before it that lie within a week of that one
    is taken instead (the "Sabtu (26/8)" of the event). Across sentences, a
    date in ``attributions`` (when a source spoke) gives way to the last day
    the story told before it.
    """
    same = [(s, d) for s, d in days
            if not _SENTENCE_BREAK.search(text, min(s, pos), min(len(text), max(s, pos) + 1))]
    before = [(s, d) for s, d in same if s < pos]
    if before:
        return before[-1][1]
    after = [(s, d) for s, d in same if s > pos]
    if after:
        return after[0][1]
    earlier = [d for s, d in days if s < pos]
    if earlier and future:
        last = earlier[-1][0]
        near = [d for d in earlier if d[0] is not None and last is not None and abs((d[0] - last).days) <= 7]
        return max(near, key=lambda d: d[0]) if near else earlier[-1]
    told = [d for s, d in days if s < pos and s not in attributions]
    if told and earlier and (told[-1][0] is None or earlier[-1][0] is None or told[-1][0] <= earlier[-1][0]):
        # the story's last day, not the day a source was reached ("ujar X, Senin (12/9)"); a later date told
        # before ("31 Desember mendatang") is a plan, not the day narrated
        return told[-1]
    if earlier:
        return earlier[-1]
    return (dct, dct.isoformat() if dct else None)
