"""``warta eval events``: (sentence, type) and full-tuple P/R/F1 and mode accuracy of the events component."""

from __future__ import annotations

import click

from ._common import clip, echo_scores, error_texts, gold_input, handle_errors, report_options, run_eval


@click.command("events")
@gold_input()
@report_options("Also list missed and spurious (sentence, type) events.")
@handle_errors
def eval_events_cmd(gold, corpus, as_json, show_errors):
    """Score PLOVER event extraction on GOLD (default: the bundled dev gold,
    warta/eval/gold/events/dev.jsonl): P/R/F1 of (sentence, type) and of
    (sentence, type, actor country, recipient country), and mode accuracy."""
    from ..eval.events import evaluate, format_report

    scores = run_eval(evaluate, gold, corpus, progress=True)
    echo_scores(as_json, scores.as_dict(), format_report(scores))
    if show_errors:
        texts = error_texts(scores.errors, corpus)
        for art_id, what, g, p in scores.errors:
            t = texts[art_id]
            if g:
                desc = f"{g['type']} s{g['sentence']} {clip(t, g['start'], g['end'], 50)}"
            else:
                desc = f"{p['type']} s{p['sentence']} {clip(t, p['trigger']['start'], p['trigger']['end'], 50)}"
            click.echo(f"{what:<9}{art_id[:28]:<29}{desc}")
