"""``warta show ID``: one stored article with everything warta found in it."""

from __future__ import annotations

from collections import Counter
from typing import Optional

import click

from ..errors import UnknownArticle
from ._common import handle_errors


def _num(value: Optional[float]) -> str:
    if value is None:
        return "?"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.6g}"


def _line(text: str) -> str:
    return " ".join((text or "").split())


def _section(title: str, items: list[str]) -> list[str]:
    return ["", f"{title} ({len(items)})"] + [f"  {x}" for x in items] if items else []


def _entities(rec) -> list[str]:
    counts: Counter = Counter()
    for e in rec.entities:
        name = e.canonical or e.text
        where = [x for x in (e.country, e.geo and e.geo.province, e.geo and e.geo.regency) if x and x != name]
        counts[(e.label, name, " · ".join(dict.fromkeys(where)))] += 1
    return [f"{label:<4} {name}" + (f" ({where})" if where else "") + (f"  x{n}" if n > 1 else "")
            for (label, name, where), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _actors(actors) -> str:
    return ", ".join((a.canonical or a.text) + (f" ({a.country})" if a.country else "") for a in actors) or "?"


def _events(rec) -> list[str]:
    out = []
    for ev in rec.events:
        loc = ev.location
        place = ""
        if loc:
            place = f" at {loc.canonical or loc.text}" + (f" ({loc.province})" if loc.province else
                                                          f" ({loc.country})" if loc.country else "")
        head = f"{ev.date or rec.published or 'undated'}  {'not ' if ev.negated else ''}{ev.type}" + \
            (f" {ev.cameo}" if ev.cameo else "") + (f" [{ev.modality}]" if ev.modality else "")
        target = f" -> {_actors(ev.recipient)}" if ev.recipient else ""
        out.append(f"{head}  {_actors(ev.actor)}{target}{place}  \"{_line(ev.trigger.text)}\"")
    return out


def _quantity(q) -> str:
    if q.value is None and q.min is not None and q.max is not None:
        amount = f"{_num(q.min)}-{_num(q.max)}"
    else:
        amount = _num(q.value)
    return " ".join(x for x in (q.modifier, amount, q.unit or "", q.counted or "") if x) + f"  \"{_line(q.text)}\""


def render_record(rec, with_text: bool = False) -> str:
    """A Record for people: header, then entities, quotes, times, quantities and events."""
    head = "  ".join(x for x in (rec.id, rec.published or "undated", rec.outlet or "") if x)
    lines = [head]
    if rec.title:
        lines.append(_line(rec.title))
    if rec.url:
        lines.append(rec.url)
    lines += _section("Entities", _entities(rec))
    lines += _section("Quotes", [f"{q.kind:<8} {(q.speaker.canonical or q.speaker.text) if q.speaker else '?'}: "
                                 f"{_line(q.text)}" for q in rec.quotes])
    lines += _section("Times", [f"{t.type:<8} {t.value:<12} \"{_line(t.text)}\"" for t in rec.times])
    lines += _section("Quantities", [_quantity(q) for q in rec.quantities])
    lines += _section("Events", _events(rec))
    if rec.warnings:
        lines += _section("Warnings", rec.warnings)
    if with_text:
        lines += ["", "Text", rec.text]
    return "\n".join(lines)


@click.command("show")
@click.argument("article_id")
@click.option("--db", default="warta.db", show_default=True, envvar="WARTA_DB", type=click.Path(dir_okay=False),
              help="The SQLite archive.")
@click.option("--json", "as_json", is_flag=True, help="Print the stored Record as JSON.")
@click.option("--text", "with_text", is_flag=True, help="Print the article's text after its facts.")
@handle_errors
def show_cmd(article_id, db, as_json, with_text):
    """One stored article (by the id `warta search` prints) with its entities,
    quotes, times, quantities and events."""
    from ..store import connect, get_record

    conn = connect(db, readonly=True)
    try:
        rec = get_record(conn, article_id)
    finally:
        conn.close()
    if rec is None:
        raise UnknownArticle(f"no article with id {article_id!r} in {db} (ids: warta search --db {db})")
    click.echo(rec.to_json(pretty=True) if as_json else render_record(rec, with_text))
