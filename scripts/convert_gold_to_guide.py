"""One-off: convert the team's IndoSum timex and quantities gold to ../shared/ANNOTATION.md's conventions.

Issue 13 ("One convention"): where warta's own gold follows rules the guide
overturns, change it to the guide in one commit. What changes, and only this:

- times: "dini hari" is a morning (TMO, as IndoTimex writes it), not TNI;
  a duration is written as the text says it ("1,5 tahun" P1.5Y, not P18M);
  a date and the clock time written with it are one TIME
  ("Kamis (8/6) pukul 18.00" -> 2017-06-08T18:00); years inside names and
  each year of a range are times ("Piala Dunia 2018", "musim 2016 - 2017");
  holidays are times; ages are not (they move to the quantity gold).
- quantities: ages are quantities ("berusia 26 tahun" -> 26, "Dewi (27)" ->
  27, unit "year"); collective numerals count ("keempat tersangka" -> 4).

Items added are found by the same rules warta now applies (that is what the
conversion is), so the re-pinned IndoSum gates check consistency with the
guide's conventions, not independent accuracy: `warta eval articles` does that.
Run from the repository root: `python scripts/convert_gold_to_guide.py [--write]`; entities (the outlet
in a dateline is no entity) with `--entities [--write]`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from warta.components import _timex_context as ctx
from warta.components.quantities import find_quantities, is_age
from warta.components.timex import find_times
from warta.corpus import load_indosum

GOLD = Path("warta/eval/gold")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_DECIMAL = re.compile(r"\d+,\d+|setengah")


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def convert_times(text, published, items, log):
    out, ages = [], []
    pred = find_times(text, published)
    for it in items:
        span = text[it["start"]:it["end"]]
        if "dini hari" in span.lower() and it["value"].endswith("TNI"):
            log.append(f"  dini hari TMO  {span!r}")
            it = dict(it, value=it["value"][:-3] + "TMO")
        if it["type"] == "DURATION" and re.fullmatch(r"P\d+Y", it["value"]) and is_age(text, it["start"], it["end"]):
            log.append(f"  age -> qty     {span!r}")
            ages.append(it)
            continue
        if it["type"] == "DURATION" and _DECIMAL.search(span):
            same = [p for p in pred if (p["start"], p["end"]) == (it["start"], it["end"]) and p["type"] == "DURATION"]
            if same and same[0]["value"] != it["value"]:
                log.append(f"  as written     {span!r} {it['value']} -> {same[0]['value']}")
                it = dict(it, value=same[0]["value"])
        out.append(it)
    # a date and its clock time: one TIME where warta's joined prediction spans both gold items
    merged = []
    for p in pred:
        inside = [it for it in out if p["start"] <= it["start"] and it["end"] <= p["end"]]
        if p["type"] == "TIME" and len(inside) == 2 and "T" in p["value"][10:11] + p["value"][10:]:
            log.append(f"  date+clock     {p['text']!r} -> {p['value']}")
            merged.append((inside, {"start": p["start"], "end": p["end"], "type": "TIME", "value": p["value"]}))
    for inside, new in merged:
        out = [it for it in out if it not in inside] + [new]
    # years inside names and in ranges, holidays: added where no gold time is
    for p in pred:
        if any(overlaps(p, it) for it in out):
            continue
        span = p["text"]
        before = text[max(0, p["start"] - 25):p["start"]]
        holiday = any(k in span.lower() for k in ctx_holiday_words())
        year_alone = _YEAR.fullmatch(span) is not None
        if holiday or (year_alone and (re.search(r"[A-Z][\w.]*\s*$", before) or re.search(r"\d{4}\s*[-–]\s*$", before)
                                       or re.match(r"\s*[-–]\s*\d{4}", text[p["end"]:p["end"] + 8]))):
            log.append(f"  added          {span!r} {p['value']}   ...{before[-20:]!r}")
            out.append({"start": p["start"], "end": p["end"], "type": p["type"], "value": p["value"]})
    out.sort(key=lambda it: it["start"])
    return out, ages


def ctx_holiday_words():
    from warta.components.timex import _HOLIDAYS

    return list(_HOLIDAYS)


def convert_quantities(text, items, ages, time_items, log):
    out = list(items)
    for a in ages:
        m = re.match(r"\d+", text[a["start"]:a["end"]])
        value = float(m.group()) if m else None
        log.append(f"  qty age        {text[a['start']:a['end']]!r} {value}")
        out.append({"start": a["start"], "end": a["end"], "value": value, "min": None, "max": None,
                    "modifier": "exact", "unit": "year", "counted": "usia"})
    spans = [(t["start"], t["end"]) for t in time_items]
    for q in find_quantities(text, spans):
        if any(overlaps(q, it) for it in out):
            continue
        bracket_age = q["unit"] == "year" and text[q["end"]:q["end"] + 1] == ")"
        collective = q["text"].lower().startswith("ke") and not q["text"][2:3].isdigit() and q["value"] in range(2, 11)
        if bracket_age or collective:
            log.append(f"  qty added      {q['text']!r} {q['value']}   ...{text[max(0, q['start'] - 25):q['end'] + 15]!r}")
            out.append({k: q[k] for k in ("start", "end", "value", "min", "max", "modifier", "unit", "counted")})
    out.sort(key=lambda it: it["start"])
    return out


def main(write: bool) -> None:
    for name in ("dev.jsonl", "dev2.jsonl", "dev3.jsonl"):
        trows = [json.loads(x) for x in (GOLD / "timex" / name).read_text().splitlines() if x.strip()]
        qrows = {json.loads(x)["id"]: json.loads(x) for x in (GOLD / "quantities" / name).read_text().splitlines()
                 if x.strip()}
        texts = load_indosum([r["id"] for r in trows])
        print(f"== {name}")
        for r in trows:
            text = texts[r["id"]]["text"]
            log: list[str] = []
            r["times"], ages = convert_times(text, r["published"], r["times"], log)
            q = qrows[r["id"]]
            q["quantities"] = convert_quantities(text, q["quantities"], ages, r["times"], log)
            if log:
                print(r["id"][:40]); print("\n".join(log))
        if write:
            (GOLD / "timex" / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in trows))
            (GOLD / "quantities" / name).write_text(
                "".join(json.dumps(qrows[r["id"]], ensure_ascii=False) + "\n" for r in trows))


if __name__ == "__main__" and "--entities" not in sys.argv:
    main("--write" in sys.argv)


def _institution_heads() -> list[str]:
    from warta.lang import load_json

    return sorted(load_json("organisations")["institution_heads"], key=len, reverse=True)


def convert_entities(write: bool) -> None:
    """Entities: the outlet in a dateline is no entity (ANNOTATION.md); its gold mentions are removed."""
    from warta.components.segmenter import find_dateline

    for name in ("dev.jsonl", "dev2.jsonl", "dev3.jsonl"):
        path = GOLD / "entities" / name
        rows = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
        texts = load_indosum([r["id"] for r in rows])
        for r in rows:
            text = texts[r["id"]]["text"]
            dl = find_dateline(text)
            if not dl or not dl[3]:
                continue
            i = text.find(dl[3], dl[0], dl[1] + 2)
            if i < 0:
                continue
            keep = [e for e in r["entities"] if not (e["start"] < i + len(dl[3]) and i < e["end"])]
            for e in r["entities"]:
                if e not in keep:
                    print(f"  {name} {r['id'][:40]} outlet removed {text[e['start']:e['end']]!r}")
            r["entities"] = keep
        from warta.components.entity_resolver import _known_people

        known = _known_people()
        for r in rows:  # one person, one name: a well-known nickname takes the full name the article writes
            text = texts[r["id"]]["text"]
            for e in r["entities"]:
                full = known.get(text[e["start"]:e["end"]])
                if e["label"] == "PER" and full and full in text and e.get("canonical") != full:
                    print(f"  {name} {r['id'][:40]} nickname {text[e['start']:e['end']]!r} canonical -> {full!r}")
                    e["canonical"] = full
                if e["label"] == "PER" and full and e.get("canonical") == full:
                    # the same person: every mention carries the role and country found on any (gold rules)
                    same = [x for x in r["entities"] if x.get("canonical") == full and x is not e]
                    for key in ("role", "country"):
                        value = next((x.get(key) for x in same if x.get(key)), None)
                        if value and e.get(key) != value:
                            e[key] = value
        for r in rows:  # "Polresta [Denpasar]": an institution named after a place is one ORG (ANNOTATION.md)
            text = texts[r["id"]]["text"]
            for e in r["entities"]:
                head = re.search(r"(?:^|\s)(%s)\s+$" % "|".join(map(re.escape, _institution_heads())),
                                 text[max(0, e["start"] - 30):e["start"]])
                if e["label"] == "LOC" and head:
                    start = e["start"] - (len(text[max(0, e["start"] - 30):e["start"]]) - head.start(1))
                    print(f"  {name} {r['id'][:40]} institution {text[start:e['end']]!r} ORG (was LOC {text[e['start']:e['end']]!r})")
                    e.update(start=start, label="ORG", canonical=text[start:e["end"]], geo=None)
                    e.pop("geo", None)
        if write:
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


if __name__ == "__main__" and "--entities" in sys.argv:
    convert_entities("--write" in sys.argv)
