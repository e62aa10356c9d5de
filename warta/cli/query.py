"""Query commands over the archive: ``search``, ``quotes``, ``events``,
``entities``, ``errors`` and ``export``. Tables for people, ``--json`` for
programs."""

from __future__ import annotations

import json
import shutil
import sys
from typing import Optional

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


def render_table(rows: list[dict], columns: list[tuple[str, str, int]], keep: tuple[str, ...] = ("id", "article_id")) -> str:
    """A fixed-width table; ``columns`` are ``(key, header, max width)``, the last one stretches.

    Columns named in ``keep`` (ids) are never cut: an id must stay usable.
    """
    if not rows:
        return "(no results)"
    term = shutil.get_terminal_size((120, 20)).columns
    widths = []
    for key, head, cap in columns:
        cap = 10_000 if key in keep else cap
        w = max([len(head)] + [len(_clip(r.get(key), cap)) for r in rows])
        widths.append(min(w, cap))
    used = sum(widths[:-1]) + 2 * (len(widths) - 1)
    if columns[-1][0] not in keep:
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


def _page_option(fn):
    return click.option("--page", default=1, show_default=True, type=click.IntRange(1, 100_000),
                        help="Page of results to show (--limit per page).")(fn)


def _shown(total: int, n: int, offset: int, noun: str) -> str:
    """"3 articles match (1-3 shown)"; the count line of a listing."""
    said = f"{total:,} {noun} matches" if total == 1 else f"{total:,} {noun}s match"
    if not n:
        return said + (f" (none on this page; {offset:,} skipped)" if total else "")
    return f"{said} ({offset + 1:,}-{offset + n:,} shown)"


def _marked(snippet: str, queries) -> str:
    """A snippet with the matched words bold on a terminal, in [brackets] otherwise."""
    text = " ".join((snippet or "").split())
    if sys.stdout.isatty():
        return text.replace(queries.MARK_OPEN, "\x1b[1m").replace(queries.MARK_CLOSE, "\x1b[0m")
    return text.replace(queries.MARK_OPEN, "[").replace(queries.MARK_CLOSE, "]")


def _plain(snippet: Optional[str], queries) -> str:
    return (snippet or "").replace(queries.MARK_OPEN, "").replace(queries.MARK_CLOSE, "")


@click.command("search")
@click.argument("query", required=False)
@click.option("--person", help="Articles mentioning this person (part of the name is enough).")
@click.option("--org", help="Articles mentioning this organisation.")
@click.option("--place", help="Articles mentioning this place, or any place in this province or regency.")
@_date_range()
@click.option("--outlet", help="Outlet name or domain (part is enough).")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]),
              help="Order of hits [default: relevance with a query, else newest].")
@_page_option
@_listing
def search_cmd(query, person, org, place, since, until, outlet, sort, page, limit, db, as_json):
    """Full-text search over titles and texts, with entity, date and outlet filters.

    Words are matched literally (all must occur). FTS5 syntax ("exact
    phrase", AND, OR, NOT, prefix*) is used when the query contains it.
    Prints how many articles match, then each hit: its full id (for
    `warta show ID`), date, outlet, title and the text around the match.
    --json prints {"total": N, "hits": [...]}.
    """
    from ..store import queries

    f = queries.SearchFilter(q=query, person=person, org=org, place=place, since=since, until=until,
                             outlet=outlet, sort=sort, limit=limit, offset=(page - 1) * limit)
    result = queries.search_page(_conn(db), f)
    if as_json:
        hits = [{**r, "snippet": _plain(r.get("snippet"), queries)} for r in result.rows]
        click.echo(json.dumps({"total": result.total, "hits": hits}, ensure_ascii=False, indent=2))
        return
    click.echo(_shown(result.total, len(result.rows), f.offset, "article"))
    for r in result.rows:
        click.echo("")
        click.echo("  ".join(x for x in (r["id"], r.get("published") or "undated", r.get("outlet") or "") if x))
        if r.get("title"):
            click.echo("  " + " ".join(r["title"].split()))
        if r.get("snippet"):
            click.echo("  " + _marked(r["snippet"], queries))


@click.command("quotes")
@click.option("--speaker", help="Speaker name (part is enough).")
@click.option("--contains", "q", help="Quotes containing this text.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed"]),
              help="Only quotations of this kind: direct, indirect, or mixed (indirect with a quoted fragment).")
@_date_range()
@click.option("--outlet", help="Outlet name or domain (part is enough).")
@_page_option
@_listing
def quotes_cmd(speaker, q, kind, since, until, outlet, page, limit, db, as_json):
    """Quotations with their speakers and the article each is from, newest first."""
    from ..store import queries

    f = queries.QuoteFilter(speaker=speaker, q=q, kind=kind, since=since, until=until, outlet=outlet, limit=limit,
                            offset=(page - 1) * limit)
    result = queries.quotes_page(_conn(db), f)
    if not as_json:
        click.echo(_shown(result.total, len(result.rows), f.offset, "quote"))
    _emit(result.rows, as_json, [("published", "published", 10), ("speaker", "speaker", 28), ("kind", "kind", 8),
                                 ("text", "quote", 80), ("article_id", "article", 0)])


def _who(actors: list[dict]) -> str:
    """"Rusia (RUS), Polisi (IDN)": actors with their countries."""
    return ", ".join((a["canonical"] or a["text"]) + (f" ({a['country']})" if a.get("country") else "")
                     for a in actors)


def _where(row: dict) -> str:
    """"Kiwirok (Papua Pegunungan)", "Almaty (KAZ)": an event's place with its province or country."""
    if not row.get("location"):
        return ""
    within = row.get("province") if row.get("province") not in (None, row["location"]) else None
    within = within or (row.get("location_country") if row.get("location_country") != row["location"] else None)
    return row["location"] + (f" ({within})" if within else "")


@click.command("events")
@click.option("--type", "type_", help="PLOVER event type, e.g. PROTEST (an unknown type lists the valid ones).")
@click.option("--actor", help="Actor name (part is enough).")
@click.option("--actor-country", help="Actor country, ISO 3166 alpha-3 (e.g. RUS).")
@click.option("--recipient-country", help="Recipient country, ISO 3166 alpha-3.")
@click.option("--place", help="Event location name or its country code, or a province or regency (Papua finds "
                              "Jayapura).")
@click.option("--modality", help="asserted, future, hypothetical, ... (the values the archive holds).")
@click.option("--outlet", help="Outlet name or domain (part is enough).")
@_date_range("Event date")
@click.option("--sort", type=click.Choice(["newest", "oldest", "type", "place"]), default="newest",
              show_default=True, help="Order of events.")
@_page_option
@_listing
def events_cmd(type_, actor, actor_country, recipient_country, place, modality, outlet, since, until, sort, page,
               limit, db, as_json):
    """Coded events (PLOVER type, CAMEO code, modality, actors with their
    countries, place, date, article id), newest first."""
    from ..store import queries

    f = queries.EventFilter(type=type_, actor=actor, actor_country=actor_country,
                            recipient_country=recipient_country, place=place, modality=modality, outlet=outlet,
                            since=since, until=until, sort=sort, limit=limit, offset=(page - 1) * limit)
    result = queries.events_page(_conn(db), f)
    rows = result.rows
    if as_json:
        _emit(rows, True, [])
        return
    click.echo(_shown(result.total, len(rows), f.offset, "event"))
    for r in rows:
        r["actors"], r["recipients"], r["place"] = _who(r["actor"]), _who(r["recipient"]), _where(r)
        r["type_"] = ("not " if r["negated"] else "") + r["type"]
    _emit(rows, False, [("day", "date", 10), ("type_", "type", 12), ("cameo", "cameo", 5),
                        ("modality", "modality", 12), ("actors", "actor", 26), ("recipients", "recipient", 26),
                        ("place", "place", 28), ("trigger", "trigger", 18), ("article_id", "article", 0)])


@click.command("entities")
@click.option("--label", help="PER, ORG, LOC, ... (an unknown label lists the valid ones).")
@click.option("--name", "q", help="Names containing this text.")
@click.option("--country", help="ISO 3166 alpha-3 country code.")
@_page_option
@_listing
def entities_cmd(label, q, country, page, limit, db, as_json):
    """Entities by how many articles mention them."""
    from ..store import queries

    f = queries.EntityFilter(label=label, q=q, country=country, limit=limit, offset=(page - 1) * limit)
    result = queries.entities_page(_conn(db), f)
    if not as_json:
        click.echo(_shown(result.total, len(result.rows), f.offset, "entity name"))
    _emit(result.rows, as_json, [("articles", "articles", 8), ("mentions", "mentions", 8), ("label", "label", 6),
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
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "parquet", "plover", "gdelt", "timeml", "counts"]),
              help="jsonl: Records; parquet: one row per article; plover: PLOVER event JSON lines; "
                   "gdelt: GDELT-style event table (TSV); timeml: one .tml per article (TIMEX3 and DCT) in --out DIR; "
                   "counts: events per day, PLOVER type and province (CSV).")
@click.option("--out", type=click.Path(),
              help="Output file (default stdout; required for parquet; a folder for timeml).")
@click.option("--since", help="From YYYY[-MM[-DD]]: the publication date for jsonl/parquet/timeml, the event date "
                              "for plover/gdelt/counts.")
@click.option("--until", help="Up to YYYY[-MM[-DD]] (the same dates as --since).")
@click.option("--type", "type_", help="Only events of this PLOVER type (jsonl/parquet/timeml: articles with one).")
@click.option("--outlet", help="Only articles of this outlet (part of the name is enough).")
@click.option("--modality", help="Only events of this modality (jsonl/parquet/timeml: articles with one).")
@click.option("--all-modalities", is_flag=True,
              help="plover/gdelt/counts: also events that did not happen as reported (negated, future, "
                   "hypothetical, question, obligation), with their flags. Default: asserted, non-negated only.")
@_db_option
@handle_errors
def export_cmd(fmt, out, since, until, type_, outlet, modality, all_modalities, db):
    """Export the archive, or the part the filters select. Event formats (plover, gdelt, counts) write
    the events that happened as reported unless --all-modalities or --modality says otherwise."""
    from ..store import export
    from ..store.export import ExportFilter

    flt = ExportFilter(since=since, until=until, type=type_, outlet=outlet, modality=modality,
                       all_modalities=all_modalities)
    n = export(_conn(db), fmt, out, flt)
    if out:
        click.echo(f"{n} rows written to {out}", err=True)
