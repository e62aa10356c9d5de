"""One event per happening: mentions of the same happening in an article grouped (issue 16).

A happening is reported again and again in one article: the headline, the
lead, "serangan itu" later, a quote restating it. :func:`group_happenings`
folds each event into an earlier one when they can be the same happening:

- the same PLOVER type;
- compatible participants: on each side, either one has none, or the two
  share a name (canonical) or, for unnamed sides, a country and sector;
- no conflicting dates written in the text (``date_source`` "text") nor places;
- the same modality and negation (a refused and a reported act differ).

The first mention stays the event's ``sentence`` and ``trigger`` (the Record
contract is unchanged); every mention, the first included, is listed in
``mentions`` as ``{"sentence", "trigger", "actor", "recipient"}`` (the
participants read at that mention; the event's own are the first's, filled
from later mentions where the first has none).
"""

from __future__ import annotations

from typing import Optional


def _names(side: list[dict]) -> set[str]:
    return {(a.get("canonical") or a.get("text") or "").lower() for a in side} - {""}


def _named(a: dict) -> bool:
    text = a.get("canonical") or a.get("text") or ""
    return text[:1].isupper()


def _sides_agree(x: list[dict], y: list[dict]) -> bool:
    """Whether two participant lists can name the same side of one happening."""
    if not x or not y:
        return True
    nx, ny = _names(x), _names(y)
    if nx & ny or any(a in b or b in a for a in nx for b in ny):
        return True
    if any(_named(a) for a in x) and any(_named(b) for b in y):
        return False  # two different names: two happenings
    return any(a.get("country") == b.get("country") and a.get("sector") == b.get("sector") for a in x for b in y)


def _date(e: dict) -> Optional[str]:
    return e.get("date")[:10] if e.get("date") and e.get("date_source") == "text" else None


def _place(e: dict) -> Optional[str]:
    loc = e.get("location") or {}
    return (loc.get("canonical") or loc.get("text") or "").lower() or None


def same_happening(a: dict, b: dict) -> bool:
    """Whether events ``a`` and ``b`` can be mentions of one happening."""
    if a["type"] != b["type"] or a.get("negated") != b.get("negated") or a.get("modality") != b.get("modality"):
        return False
    da, db = _date(a), _date(b)
    if da and db and da != db:
        return False
    pa, pb = _place(a), _place(b)
    if pa and pb and pa not in pb and pb not in pa:
        return False  # "ditangkap di Aceh" and "ditangkap di Bukittinggi": two arrests
    return _sides_agree(a.get("actor") or [], b.get("actor") or []) and \
        _sides_agree(a.get("recipient") or [], b.get("recipient") or [])


def _merge_into(target: dict, other: dict) -> None:
    """Fill what the first mention lacks from a later one; record the mention."""
    for side in ("actor", "recipient"):
        if not target.get(side) and other.get(side):
            target[side] = other[side]
    for key in ("location", "size", "mode", "cameo"):
        if not target.get(key) and other.get(key):
            target[key] = other[key]
    if target.get("date_source") != "text" and other.get("date_source") == "text":
        target["date"], target["date_source"] = other["date"], other["date_source"]
    target["mentions"].append(_mention(other))


def _mention(e: dict) -> dict:
    return {"sentence": e["sentence"], "trigger": e["trigger"], "mode": e.get("mode"), "actor": list(e.get("actor") or []),
            "recipient": list(e.get("recipient") or [])}


def group_happenings(events: list[dict]) -> list[dict]:
    """``events`` (in text order) folded into happenings, each with its ``mentions``."""
    out: list[dict] = []
    for e in events:
        e = dict(e)
        for h in out:
            if same_happening(h, e):
                _merge_into(h, e)
                break
        else:
            e["mentions"] = [_mention(e)]
            out.append(e)
    return out
