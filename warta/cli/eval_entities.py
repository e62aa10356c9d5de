"""``warta eval entities``: linking accuracy of entity_resolver + geo (canonical, country, role, geo)."""

from __future__ import annotations

import click

from ._common import echo_scores, gold_input, handle_errors, report_options, run_eval


@click.command("entities")
@gold_input()
@click.option("--no-ner", is_flag=True,
              help="Score the LOC/ORG entities the components add on bare text instead of linking.")
@click.option("--end-to-end", is_flag=True,
              help="Run the shipped NER too: span P/R/F1 per label, and linking on the spans it got right.")
@report_options("Also list every wrong field.")
@handle_errors
def eval_entities_cmd(gold, corpus, no_ner, end_to_end, as_json, show_errors):
    """Score entity linking on GOLD (default: warta/eval/gold/entities/dev.jsonl).

    The gold spans are given to the pipeline as an NER would give them; the
    canonical name, country, role (PER) and coordinates (LOC) that
    entity_resolver and geo assign are then compared: accuracy, and P/R/F1
    over non-null values."""
    from ..eval.entities import evaluate, format_report

    scores = run_eval(evaluate, gold, corpus, no_ner=no_ner, end_to_end=end_to_end, progress=True)
    echo_scores(as_json, scores.as_dict(), format_report(scores))
    if show_errors:
        for art_id, what, g, p, text in scores.errors:
            click.echo(f"{what:<12}{art_id[:30]:<31}{text!r}: gold {g!r}, predicted {p!r}")
