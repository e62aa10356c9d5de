"""``warta eval quotes``: detection P/R/F1, kind and speaker accuracy of the quotes component."""

from __future__ import annotations

import click

from ._common import clip, echo_scores, error_texts, gold_input, handle_errors, report_options, run_eval


def _show(text: str, span) -> str:
    return clip(text, span["start"], span["end"], 70) if span else "-"


@click.command("quotes")
@gold_input()
@report_options("Also list missed, spurious and wrong quotations.")
@handle_errors
def eval_quotes_cmd(gold, corpus, as_json, show_errors):
    """Score quotation detection on GOLD (default: the bundled dev gold,
    warta/eval/gold/quotes/dev.jsonl): P/R/F1 (match = overlap >= 80% of the
    longer span), kind accuracy and speaker accuracy, for direct and for
    indirect/mixed quotations."""
    from ..eval.quotes import evaluate, format_report

    scores = run_eval(evaluate, gold, corpus, progress=True)
    echo_scores(as_json, scores.as_dict(), format_report(scores))
    if show_errors:
        texts = error_texts(scores.errors, corpus)
        for art_id, what, g, p in scores.errors:
            t = texts[art_id]
            gs = f"{g['kind']}/{g.get('speaker')} {_show(t, g)}" if g else "-"
            ps = f"{p['kind']}/{(p.get('speaker') or {}).get('canonical')} {_show(t, p)}" if p else "-"
            click.echo(f"{what:<9}{art_id[:28]:<29}gold {gs}\n{'':<38}pred {ps}")
