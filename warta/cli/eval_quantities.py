"""``warta eval quantities``: detection P/R/F1 and value accuracy of the quantities component."""

from __future__ import annotations

import json
import sys

import click

from ._common import handle_errors


def format_quantities_report(summary: dict) -> str:
    """A few aligned lines for a terminal."""
    lines = [f"documents {summary['documents']}  gold {summary['gold']}  predicted {summary['predicted']}",
             f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}"]
    for label, key in (("detection (overlap)", "detection"), ("detection strict", "strict")):
        s = summary[key]
        lines.append(f"{label:<22}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}")
    lines.append(f"value accuracy {summary['value_accuracy']:.3f}  modifier {summary['modifier_accuracy']:.3f}  "
                 f"unit {summary['unit_accuracy']:.3f}  counted {summary['counted_accuracy']:.3f}  (over matches)")
    return "\n".join(lines)


@click.command("quantities")
@click.argument("gold", type=click.Path(), required=False)
@click.option("--corpus", type=click.Path(), default=None,
              help="IndoSum JSONL the gold offsets refer to (default: ../shared/data/corpus/indosum.jsonl).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list missed, spurious and wrong quantities.")
@handle_errors
def eval_quantities_cmd(gold, corpus, as_json, show_errors):
    """Score quantities on GOLD, warta JSONL gold (default: the bundled dev
    gold, warta/eval/gold/quantities/dev.jsonl): detection P/R/F1 (overlap,
    one-to-one), value accuracy (value, min, max and unit), and modifier,
    unit and counted-noun accuracy."""
    from tqdm import tqdm

    from ..eval.quantities import evaluate, load_gold

    docs = load_gold(gold, corpus)
    score = evaluate(docs, progress=lambda d: tqdm(d, desc="quantities", unit="doc", file=sys.stderr, leave=False))
    summary = score.summary()
    click.echo(json.dumps(summary, indent=2) if as_json else format_quantities_report(summary))
    if show_errors:
        for e in score.errors:
            click.echo(f"{e['kind']:<9}{e['id'][:28]:<29}{e['text']!r:<28} gold {e['gold']}  pred {e['pred']}")
