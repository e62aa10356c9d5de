"""``warta eval quotes``: detection P/R/F1, kind and speaker accuracy of the quotes component."""

from __future__ import annotations

import click

from ._common import echo_scores, gold_input, handle_errors, report_options, run_eval


def _show(text: str, span) -> str:
    if not span:
        return "-"
    s = text[span["start"]:span["end"]].replace("\n", " ")
    return repr(s[:70] + ("..." if len(s) > 70 else ""))


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
        from ..corpus import load_indosum

        texts = {k: v["text"] for k, v in load_indosum({e[0] for e in scores.errors}, corpus).items()}
        for art_id, what, g, p in scores.errors:
            t = texts[art_id]
            gs = f"{g['kind']}/{g.get('speaker')} {_show(t, g)}" if g else "-"
            ps = f"{p['kind']}/{(p.get('speaker') or {}).get('canonical')} {_show(t, p)}" if p else "-"
            click.echo(f"{what:<9}{art_id[:28]:<29}gold {gs}\n{'':<38}pred {ps}")
