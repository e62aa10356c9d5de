"""``warta stories`` (stories across outlets, with discrepancies) and ``warta aliases`` (user aliases)."""

from __future__ import annotations

import csv
import json
import sys

import click

from ._common import handle_errors
from .query import _conn, _db_option, _json_option, render_table


def _story_lines(story: dict) -> list[str]:
    """One story as text: title, articles by date and outlet, then its discrepancies."""
    lines = [f"[{story['id']}] {story['title'] or '(untitled)'}"]
    for a in story["articles"]:
        lines.append(f"    {a['published'] or '----------'}  {(a['outlet'] or '-'):<22} {a['title'] or a['id']}")
    for d in story["discrepancies"]:
        parts = "; ".join(f"{i['outlet'] or i['article_id']}: {i['text']!r} @{i['start']}" for i in d["items"])
        lines.append(f"  ! {d['kind']} ({d['what']}): {parts}")
    return lines


@click.command("stories")
@click.option("--since", help="Stories with an article published on or after YYYY[-MM[-DD]].")
@click.option("--until", help="Stories with an article published on or before YYYY[-MM[-DD]].")
@click.option("--min-articles", default=2, show_default=True, type=click.IntRange(1, None),
              help="Leave out stories with fewer articles (1: every article's story).")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 500), help="Most stories (at most 500).")
@click.option("--id", "story_id", type=int, help="Show this one story in full: merged entities, quotes, "
                                                  "happenings and discrepancies.")
@click.option("--update", is_flag=True, help="First group the articles that are in no story "
                                             "(those ingested with --no-stories).")
@_db_option
@_json_option
@handle_errors
def stories_cmd(since, until, min_articles, limit, story_id, update, db, as_json):
    """Stories: articles about one happening from any outlet, grouped as they were
    ingested, newest first, with the places where the outlets disagree (different
    numbers for one counted thing, different dates or places for one happening, the
    same words given to different speakers), each naming the articles and spans.

    JSON: a list of {"id", "title", "articles": [{"id", "url", "outlet",
    "published", "title"}], "discrepancies": [...]}; with --id, one story with
    its merged facts.
    """
    from ..store import connect
    from ..store import stories as st

    if update:
        conn = connect(db)
        n = st.update(conn)
        conn.close()
        click.echo(f"{n} articles grouped into stories", err=True)
    conn = _conn(db)
    if story_id is not None:
        found = st.get_story(conn, story_id)
        if found is None:
            from ..errors import InputError

            raise InputError(f"no story with id {story_id}")
        if as_json:
            click.echo(json.dumps(found, ensure_ascii=False, indent=2))
            return
        click.echo("\n".join(_story_lines(found)))
        click.echo("\nentities:")
        click.echo(render_table(found["entities"][:20], [("articles", "articles", 8), ("mentions", "mentions", 8),
                                                         ("label", "label", 6), ("name", "name", 60)]))
        return
    rows = st.list_stories(conn, since=since, until=until, min_articles=min_articles, limit=limit)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("(no stories)")
    left = st.unassigned(conn)
    for story in rows:
        click.echo("\n".join(_story_lines(story)))
    if left:
        click.echo(f"warta: {left} articles are in no story yet: warta stories --update --db {db}", err=True)


@click.group("aliases")
def aliases_group():
    """Your own aliases: other names of one entity ("Jokowi" for "Joko Widodo").

    They apply to the archive at once, without extracting any article again:
    entity counts, --person/--speaker/--actor filters and entity pages merge
    the names. The shared alias table (warta/lang/aliases.tsv) applies without
    them.
    """


@aliases_group.command("add")
@click.argument("alias")
@click.argument("name")
@_db_option
@handle_errors
def aliases_add_cmd(alias, name, db):
    """Make ALIAS another name of NAME (the name shown for the entity)."""
    from ..store import connect, identity

    conn = connect(db)
    eid = identity.add_alias(conn, alias, name)
    n = len(identity.names_of(conn, name))
    conn.close()
    click.echo(f"{alias!r} -> {name!r}: entity {eid}, {n} names")


@aliases_group.command("remove")
@click.argument("alias")
@click.argument("name")
@_db_option
@handle_errors
def aliases_remove_cmd(alias, name, db):
    """Forget an alias you added (the identities are rebuilt)."""
    from ..errors import InputError
    from ..store import connect, identity

    conn = connect(db)
    gone = identity.remove_alias(conn, alias, name)
    conn.close()
    if not gone:
        raise InputError(f"no alias {alias!r} -> {name!r} of yours in {db}")
    click.echo(f"removed {alias!r} -> {name!r}")


@aliases_group.command("list")
@click.option("--all", "show_all", is_flag=True, help="Also the shared aliases warta ships.")
@click.option("--tsv", is_flag=True, help="Print alias TAB name lines (a file `warta aliases import` reads).")
@_db_option
@_json_option
@handle_errors
def aliases_list_cmd(show_all, tsv, db, as_json):
    """The aliases in the archive."""
    from ..store import identity

    rows = identity.aliases(_conn(db), None if show_all else "user")
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif tsv:
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        for r in rows:
            writer.writerow([r["alias"], r["name"]])
    else:
        click.echo(render_table(rows, [("source", "source", 6), ("alias", "alias", 40), ("name", "name", 60)]))


@aliases_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_db_option
@handle_errors
def aliases_import_cmd(file, db):
    """Add every alias of a user alias file: one "alias<TAB>name" per line, # starts a comment."""
    from ..errors import InputError
    from ..store import connect, identity

    pairs = []
    with open(file, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.split("#", 1)[0].rstrip("\r\n")
            if not line.strip():
                continue
            if "\t" not in line:
                raise InputError(f"{file}:{n}: expected 'alias<TAB>name'")
            alias, name = line.split("\t", 1)
            pairs.append((alias.strip(), name.strip()))
    conn = connect(db)
    for alias, name in pairs:
        identity.add_alias(conn, alias, name)
    conn.close()
    click.echo(f"{len(pairs)} aliases added from {file}")
