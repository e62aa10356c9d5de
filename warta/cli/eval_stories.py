"""``warta eval stories``: B-cubed precision and recall of story grouping against ``story`` labels."""

from __future__ import annotations

import json

import click

from ._common import handle_errors
from ..errors import InputError


@click.command("stories")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--db", type=click.Path(dir_okay=False),
              help="Score this archive, which already holds the articles (default: ingest them into a temporary one).")
@click.option("--split", type=click.Choice(["tune", "blind", "all", "each"]), default="each", show_default=True,
              help="Which slice: tune, blind (the articles of eval/gold/articles/blind.txt and the near misses of "
                   "their stories), all, or each of the three.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures and the predicted stories as JSON.")
@handle_errors
def eval_stories_cmd(paths, db, split, as_json):
    """B-cubed precision and recall of `warta stories` against the `story` labels of the
    .json articles in PATHS (default: ../shared/data/news, near misses in its stories/
    folder included). An article labelled null is a story of its own. The articles are
    ingested with warta's own pipeline (stories on) into a temporary archive, in file
    order, unless --db names an archive that holds them."""
    from ..eval import stories as ev
    from ..eval.articles import default_news_dir

    if not paths:
        news = default_news_dir()
        if news is None or not news.is_dir():
            raise InputError("../shared/data/news not found: give PATH (folders of labelled .json articles) "
                             "or set WARTA_DATA")
        paths = (news,)
    for p in paths:
        from pathlib import Path

        if not Path(p).exists():
            raise InputError(f"no such file or folder: {p}")
    splits = ("tune", "blind", "all") if split == "each" else (split,)
    reports = ev.evaluate(paths, db=db, splits=splits)
    if not any(r.articles for r in reports):
        raise InputError(f"no labelled articles (.json with a 'story' key) found in {', '.join(map(str, paths))}"
                         + (f" and {db}" if db else ""))
    if as_json:
        click.echo(json.dumps({r.split: r.as_dict() for r in reports}, indent=2, ensure_ascii=False))
    else:
        click.echo(ev.format_report(reports))
