"""Query commands over the archive: ``search``, ``quotes``, ``events``,
``entities``, ``errors`` and ``export``. Tables for people, ``--json`` for
programs."""

from __future__ import annotations

import json
import shutil

import click

from ._common import handle_errors

_db_option = click.option("--db", default="warta.db", show_default=True, envvar="WARTA_DB",
                          type=click.Path(dir_okay=False), help="The SQLite archive.")
_json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
_limit_option = click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 500),
                             help="Most results to show (at most 500).")


def _date_range(what: str = "Published"):
    """Decorator: ``--since`` and ``--until`` on the date ``what`` names."""

    def decorate(fn):
        fn = click.option("--until", help=f"{what} on or before YYYY[-MM[-DD]].")(fn)
        return click.option("--since", help=f"{what} on or after YYYY[-MM[-DD]].")(fn)

    return decorate


def _listing(fn):
    """Decorator shared by the list commands: ``--limit``, ``--db``, ``--json`` and one-line errors."""
    return _limit_option(_db_option(_json_option(handle_errors(fn))))


def _conn(db):
    from ..store import connect

    return connect(db, readonly=True)


def _clip(value, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def render_table(rows: list[dict], columns: list[tuple[str, str, int]]) -> str:
    """A fixed-width table; ``columns`` are ``(key, header, max width)``, the last one stretches."""
    if not rows:
        return "(no results)"
    term = shutil.get_terminal_size((120, 20)).columns
    widths = []
    for i, (key, head, cap) in enumerate(columns):
        w = max([len(head)] + [len(_clip(r.get(key), cap)) for r in rows])
        widths.append(min(w, cap))
    used = sum(widths[:-1]) + 2 * (len(widths) - 1)
    widths[-1] = max(10, min(widths[-1], term - used))
    lines = ["  ".join(h.ljust(w) for (_, h, _), w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(_clip(r.get(k), w).ljust(w) for (k, _, _), w in zip(columns, widths)).rstrip())
    return "\n".join(lines)


def _emit(rows, as_json, columns):
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(render_table(rows, columns))


@click.command("search")
@click.argument("query", required=False)
@click.option("--person", help="Articles mentioning this person (part of the name is enough).")
@click.option("--org", help="Articles mentioning this organisation.")
@click.option("--place", help="Articles mentioning this place.")
@_date_range()
@click.option("--outlet", help="Outlet name or domain (part is enough).")
@_listing
def search_cmd(query, person, org, place, since, until, outlet, limit, db, as_json):
    """Full-text search over titles and texts, with entity, date and outlet filters.

    Words are matched literally (all must occur). FTS5 syntax ("exact
    phrase", AND, OR, NOT, prefix*) is used when the query contains it.
    """
    from ..store import queries

    f = queries.SearchFilter(q=query, person=person, org=org, place=place, since=since, until=until,
                             outlet=outlet, limit=limit)
    rows = queries.search(_conn(db), f)
    for r in rows:
        r["snippet"] = (r.get("snippet") or "").replace(queries.MARK_OPEN, "").replace(queries.MARK_CLOSE, "")
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:  # untitled articles (plain text, some corpora) show their matching text instead
        r["headline"] = r.get("title") or r["snippet"]
    click.echo(render_table(rows, [("published", "published", 10), ("outlet", "outlet", 20), ("id", "id", 28),
                                   ("headline", "title", 90)]))


@click.command("quotes")
@click.option("--speaker", help="Speaker name (part is enough).")
@click.option("--contains", "q", help="Quotes containing this text.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed"]),
              help="Only quotations of this kind: direct, indirect, or mixed (indirect with a quoted fragment).")
@_date_range()
@_listing
def quotes_cmd(speaker, q, kind, since, until, limit, db, as_json):
    """Quotations with their speakers, newest first."""
    from ..store import queries

    rows = queries.quotes(_conn(db), queries.QuoteFilter(speaker=speaker, q=q, kind=kind, since=since, until=until,
                                                         limit=limit))
    _emit(rows, as_json, [("published", "published", 10), ("speaker", "speaker", 28), ("kind", "kind", 8),
                          ("text", "quote", 100)])


@click.command("events")
@click.option("--type", "type_", help="PLOVER event type, e.g. PROTEST.")
@click.option("--actor", help="Actor name (part is enough).")
@click.option("--actor-country", help="Actor country, ISO 3166 alpha-3 (e.g. RUS).")
@click.option("--recipient-country", help="Recipient country, ISO 3166 alpha-3.")
@click.option("--place", help="Event location name, or its country code.")
@_date_range("Event date")
@_listing
def events_cmd(type_, actor, actor_country, recipient_country, place, since, until, limit, db, as_json):
    """Coded events (PLOVER type, CAMEO code, actors, place, date), newest first."""
    from ..store import queries

    f = queries.EventFilter(type=type_, actor=actor, actor_country=actor_country,
                            recipient_country=recipient_country, place=place, since=since, until=until, limit=limit)
    rows = queries.events(_conn(db), f)
    for r in rows:
        r["actors"] = ", ".join(a["canonical"] or a["text"] for a in r["actor"])
        r["recipients"] = ", ".join(a["canonical"] or a["text"] for a in r["recipient"])
    if as_json:
        for r in rows:
            del r["actors"], r["recipients"]
    _emit(rows, as_json, [("day", "date", 10), ("type", "type", 10), ("cameo", "cameo", 5),
                          ("actors", "actor", 24), ("recipients", "recipient", 24), ("location", "place", 16),
                          ("trigger", "trigger", 20), ("title", "article", 60)])


@click.command("entities")
@click.option("--label", help="PER, ORG, LOC, ...")
@click.option("--name", "q", help="Names containing this text.")
@click.option("--country", help="ISO 3166 alpha-3 country code.")
@_listing
def entities_cmd(label, q, country, limit, db, as_json):
    """Entities by how many articles mention them."""
    from ..store import queries

    rows = queries.entities(_conn(db), queries.EntityFilter(label=label, q=q, country=country, limit=limit))
    _emit(rows, as_json, [("articles", "articles", 8), ("mentions", "mentions", 8), ("label", "label", 6),
                          ("country", "country", 7), ("name", "name", 60)])


@click.command("errors")
@_listing
def errors_cmd(limit, db, as_json):
    """Documents that ingest could not read or process, and why."""
    from ..store import queries

    rows = queries.errors(_conn(db), limit)
    _emit(rows, as_json, [("source", "file", 40), ("position", "position", 14), ("code", "code", 5),
                          ("reason", "reason", 80)])


@click.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(["jsonl", "parquet", "plover", "gdelt", "timeml"]),
              help="jsonl: Records; parquet: one row per article; plover: PLOVER event JSON lines; "
                   "gdelt: GDELT-style event table (TSV); timeml: one .tml per article (TIMEX3 and DCT) in --out DIR.")
@click.option("--out", type=click.Path(), help="Output file (default stdout; required for parquet; a folder for timeml).")
@_db_option
@handle_errors
def export_cmd(fmt, out, db):
    """Export the whole archive."""
    from ..store import export

    n = export(_conn(db), fmt, out)
    if out:
        click.echo(f"{n} rows written to {out}", err=True)
