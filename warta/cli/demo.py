"""``warta demo``: extract the bundled demo articles and print a readable summary."""

from __future__ import annotations

import click

from ._common import handle_errors


def summarize(rec) -> str:
    """A few human-readable lines about one Record."""
    lines = [f"== {rec.title or rec.id}  ({rec.published or 'no date'}, {rec.outlet or 'unknown outlet'})"]
    lines.append(f"   {len(rec.sentences)} sentences, {len(rec.entities)} entities, {len(rec.quotes)} quotes, "
                 f"{len(rec.times)} times, {len(rec.quantities)} quantities, {len(rec.events)} events")
    ents = {}
    for e in rec.entities:
        ents.setdefault((e.canonical, e.label, e.country), 0)
        ents[(e.canonical, e.label, e.country)] += 1
    top = sorted(ents.items(), key=lambda kv: -kv[1])[:6]
    if top:
        lines.append("   entities: " + "; ".join(f"{c} [{l}{'/' + k if k else ''}]" for (c, l, k), _ in top))
    for q in rec.quotes[:3]:
        who = q.speaker.canonical if q.speaker else "?"
        lines.append(f"   quote ({q.kind}) {who}: {q.text[:90]}")
    for t in rec.times[:4]:
        lines.append(f"   time  {t.text!r} -> {t.value}")
    for q in rec.quantities[:3]:
        lines.append(f"   qty   {q.text!r} -> {q.value} {q.unit or ''} {q.counted or ''}".rstrip())
    for ev in rec.events[:3]:
        actors = ", ".join(a.canonical or a.text for a in ev.actor) or "?"
        targets = ", ".join(a.canonical or a.text for a in ev.recipient) or "-"
        lines.append(f"   event {ev.type}{':' + ev.mode if ev.mode else ''} (CAMEO {ev.cameo}) {actors} -> {targets}: {ev.trigger.text!r}")
    return "\n".join(lines)


@click.command("demo")
@click.option("--json", "as_json", is_flag=True, help="Print Records as JSON lines instead.")
@handle_errors
def demo_cmd(as_json):
    """Extract the bundled demo articles and print what warta found."""
    from ..api import extract_many
    from ..corpus import demo_articles

    articles = demo_articles()
    for rec in extract_many(articles):
        click.echo(rec.to_json() if as_json else summarize(rec) + "\n")
    if not as_json:
        click.echo(f"{len(articles)} demo articles read. Try: warta extract FILE --pretty")
