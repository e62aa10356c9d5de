"""``warta eval events``: (sentence, type) and full-tuple P/R/F1 and mode accuracy of the events component."""

from __future__ import annotations

import click

from ._common import echo_scores, gold_input, handle_errors, report_options, run_eval


def _show(text: str, start: int, end: int) -> str:
    s = text[start:end].replace("\n", " ")
    return repr(s[:50] + ("..." if len(s) > 50 else ""))


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
        from ..corpus import load_indosum

        texts = {k: v["text"] for k, v in load_indosum({e[0] for e in scores.errors}, corpus).items()}
        for art_id, what, g, p in scores.errors:
            t = texts[art_id]
            if g:
                desc = f"{g['type']} s{g['sentence']} {_show(t, g['start'], g['end'])}"
            else:
                desc = f"{p['type']} s{p['sentence']} {_show(t, p['trigger']['start'], p['trigger']['end'])}"
            click.echo(f"{what:<9}{art_id[:28]:<29}{desc}")
