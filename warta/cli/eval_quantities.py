"""``warta eval quantities``: detection P/R/F1 and value accuracy of the quantities component."""

from __future__ import annotations

import click

from ._common import gold_input, handle_errors, prf_table, report_options, span_eval


def format_quantities_report(summary: dict) -> str:
    """A few aligned lines for a terminal."""
    lines = prf_table(summary, (("detection (overlap)", "detection"), ("detection strict", "strict")))
    lines.append(f"value accuracy {summary['value_accuracy']:.3f}  modifier {summary['modifier_accuracy']:.3f}  "
                 f"unit {summary['unit_accuracy']:.3f}  counted {summary['counted_accuracy']:.3f}  (over matches)")
    return "\n".join(lines)


@click.command("quantities")
@gold_input()
@report_options("Also list missed, spurious and wrong quantities.")
@handle_errors
def eval_quantities_cmd(gold, corpus, as_json, show_errors):
    """Score quantities on GOLD, warta JSONL gold (default: the bundled dev
    gold, warta/eval/gold/quantities/dev.jsonl): detection P/R/F1 (overlap,
    one-to-one), value accuracy (value, min, max and unit), and modifier,
    unit and counted-noun accuracy."""
    from ..eval.quantities import evaluate, load_gold

    span_eval(load_gold, evaluate, "quantities", gold, corpus, as_json, show_errors, format_quantities_report)
