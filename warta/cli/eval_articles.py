"""``warta eval articles``: every fact scored on real news annotated by ``ANNOTATION.md``, tune and blind."""

from __future__ import annotations

import json
import sys

import click

from ._common import handle_errors, run_eval
from ..errors import InputError


@click.command("articles")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--split", type=click.Choice(["tune", "blind", "all", "both"]), default="both", show_default=True,
              help="Which slice to score: tune, blind (the committed list), all, or tune and blind one after the other.")
@click.option("--section", "sections", multiple=True,
              type=click.Choice(["entities", "quotes", "times", "quantities", "events"]),
              help="Score only this section (repeatable; default: all five).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores (counts, figures, intervals) as JSON.")
@click.option("--errors", "show_errors", is_flag=True,
              help="List each miss, spurious item and wrong speaker or value with its context (tune slice only).")
@click.option("--model", type=click.Choice(["default", "accurate"]), default="default", show_default=True,
              help="Pipeline to score: the shipped CNN NER, or the accurate transformer NER (needs torch).")
@click.option("--bootstrap", type=click.IntRange(0, 100000), default=1000, show_default=True,
              help="Resamples of the articles for the blind slice's 95% intervals (0: none).")
@handle_errors
def eval_articles_cmd(paths, split, sections, as_json, show_errors, model, bootstrap):
    """Score warta on annotated real articles in PATHS (default: ../shared/data/news and the
    bundled gold on 190 IndoSum articles, warta/eval/gold/articles/indosum.jsonl), by
    ../shared/ANNOTATION.md: per section recall, precision, and speaker or value right,
    with counts. The articles named in warta/eval/gold/articles/blind.txt form the blind
    slice (shown with 95% bootstrap intervals); the rest is tune. Any folder of such
    .json files can be scored; its articles are tune unless the blind list names them.
    Set WARTA_NER_MODEL to a model folder to score a candidate NER instead of the shipped one."""
    from functools import partial

    from tqdm import tqdm

    from ..eval import articles as ev
    from ..pipeline import load

    if show_errors and split != "tune":
        raise InputError("--errors lists the tune slice only (add --split tune): nobody reads blind errors")
    if not paths:
        news = ev.default_news_dir()
        if news is None or not news.is_dir():
            raise InputError("../shared/data/news not found: give PATH (a folder of annotated .json articles) "
                             "or set WARTA_DATA")
        from ..eval.article_offsets import indosum_gold_path

        # the guide's gold on IndoSum articles, kept as ids and offsets, joins the tune slice
        extra = indosum_gold_path()
        paths = (news, extra) if extra.is_file() else (news,)
    arts = run_eval(ev.load_articles, paths)
    if not arts:
        raise InputError(f"no annotated articles (.json with a 'gold' object) in {', '.join(map(str, paths))}")
    load(model=model)  # a missing accurate model or torch is one clear error, not one per article
    splits = ("tune", "blind") if split == "both" else (split,)
    reports = []
    for name in splits:
        chosen = ev.select_split(arts, name)
        if not chosen and split == "both":
            click.echo(f"warta: note: none of these articles is in the {name} slice", err=True)
            continue
        bar = lambda xs, n=name: tqdm(xs, desc=f"warta eval articles ({n})", unit="article", file=sys.stderr,
                                      leave=False)
        reports.append(ev.evaluate(chosen, name, sections or ev.SECTIONS, predict=partial(ev._extract, model=model),
                                   progress=bar,
                                   bootstrap=bootstrap if name != "tune" else 0))
    if as_json:
        out = {r.split: r.as_dict() for r in reports}
        if show_errors and reports:
            out["tune"]["errors"] = reports[0].errors
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        click.echo("\n\n".join(ev.format_report(r) for r in reports))
    for r in reports:
        for f in r.failures:
            click.echo(f"warta: warning: {f['article']}: {f['error']}", err=True)
    if show_errors and not as_json:
        click.echo("")
        click.echo(ev.format_errors(reports[0].errors))
