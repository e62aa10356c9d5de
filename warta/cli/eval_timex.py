"""``warta eval timex``: recognition P/R/F1 (strict, relaxed), type and value accuracy of the timex component."""

from __future__ import annotations

import json
import sys

import click

from ._common import handle_errors


def format_timex_report(summary: dict) -> str:
    """A few aligned lines for a terminal."""
    lines = [f"documents {summary['documents']}  gold {summary['gold']}  predicted {summary['predicted']}",
             f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}"]
    for label, key in (("recognition strict", "strict"), ("recognition relaxed", "relaxed"), ("value (normalization)", "value")):
        s = summary[key]
        lines.append(f"{label:<22}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}")
    lines.append(f"type accuracy  {summary['type_accuracy']:.3f}   value accuracy  {summary['value_accuracy']:.3f}"
                 "   (over relaxed matches)")
    return "\n".join(lines)


@click.command("timex")
@click.argument("path", type=click.Path(), required=False)
@click.option("--corpus", type=click.Path(), default=None,
              help="IndoSum JSONL that JSONL gold offsets refer to (default: ../shared/data/corpus/indosum.jsonl).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list missed, spurious and wrongly normalized times.")
@handle_errors
def eval_timex_cmd(path, corpus, as_json, show_errors):
    """Score time expressions on PATH: a TimeML .tml file, a folder of .tml
    files, or warta JSONL gold (default: the bundled dev gold,
    warta/eval/gold/timex/dev.jsonl). The document creation time comes from
    the TimeML CREATION_TIME TIMEX3 or the JSONL "published" field."""
    from tqdm import tqdm

    from ..eval.timex import evaluate, load_gold

    docs = load_gold(path, corpus)
    score = evaluate(docs, progress=lambda d: tqdm(d, desc="timex", unit="doc", file=sys.stderr, leave=False))
    summary = score.summary()
    click.echo(json.dumps(summary, indent=2) if as_json else format_timex_report(summary))
    if show_errors:
        for e in score.errors:
            click.echo(f"{e['kind']:<9}{e['id'][:28]:<29}{e['text']!r:<28} gold {e['gold']}  pred {e['pred']}")
