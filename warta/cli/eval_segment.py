"""``warta eval segment``: word and sentence P/R/F1 against CoNLL-U files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ._common import handle_errors


@click.command("segment")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "n_errors", type=int, default=0, show_default=True,
              help="Also print up to N boundary and word errors per file (with --analyse: N example units).")
@click.option("--analyse", is_flag=True,
              help="Instead of scoring, count the gold sentences that hold a sentence end "
                   "and print the best sentence F1 a splitter can reach on them.")
@handle_errors
def eval_segment_cmd(files, as_json, n_errors, analyse):
    """Score warta's tokenizer and segmenter on CoNLL-U FILES, UD style.

    Each file's sentences (their '# text') are joined by a space into one
    running text and segmented from scratch. Words are surface tokens
    (a multiword token such as 'menyetujuinya' counts once); a word or a
    sentence is right when its character span equals the gold span.
    --analyse reads only the gold (see docs/segmentation.md).
    """
    from tqdm import tqdm

    from ..eval.segment import ConlluError, analyse_file, evaluate, format_analysis, format_scores
    from ..pipeline import build

    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        raise ConlluError(f"no such file: {missing[0]}")
    if analyse:
        found = [analyse_file(f, n_examples=n_errors) for f in files]
        click.echo(json.dumps([c.as_dict() for c in found], indent=2) if as_json else format_analysis(found))
        return
    nlp = build(stages=("segmenter",))
    results = evaluate(tqdm(files, desc="files", unit="file", leave=False, disable=len(files) < 2),
                       nlp=nlp, keep_errors=n_errors)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in results], indent=2))
        return
    click.echo(format_scores(results))
    for r in results:
        for kind, context in r.errors:
            click.echo(f"{r.name}\t{kind}\t{context}")
