"""``warta eval timex``: recognition P/R/F1 (strict, relaxed), type and value accuracy of the timex component."""

from __future__ import annotations

import click

from ._common import gold_input, handle_errors, prf_table, report_options, span_eval


def format_timex_report(summary: dict) -> str:
    """A few aligned lines for a terminal."""
    lines = prf_table(summary, (("recognition strict", "strict"), ("recognition relaxed", "relaxed"),
                                ("value (normalization)", "value")))
    lines.append(f"type accuracy  {summary['type_accuracy']:.3f}   value accuracy  {summary['value_accuracy']:.3f}"
                 "   (over relaxed matches)")
    return "\n".join(lines)


@click.command("timex")
@gold_input("path", corpus_help="IndoSum JSONL that JSONL gold offsets refer to "
                                "(default: ../shared/data/corpus/indosum.jsonl).")
@report_options("Also list missed, spurious and wrongly normalized times.")
@handle_errors
def eval_timex_cmd(path, corpus, as_json, show_errors):
    """Score time expressions on PATH: a TimeML .tml file, a folder of .tml
    files, or warta JSONL gold (default: the bundled dev gold,
    warta/eval/gold/timex/dev.jsonl). The document creation time comes from
    the TimeML CREATION_TIME TIMEX3 or the JSONL "published" field."""
    from ..eval.timex import evaluate, load_gold

    span_eval(load_gold, evaluate, "timex", path, corpus, as_json, show_errors, format_timex_report)
