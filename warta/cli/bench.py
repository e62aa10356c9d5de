"""``warta bench``: throughput and memory against the tokenizer floor."""

from __future__ import annotations

import json
import sys

import click

from ._common import fail, handle_errors


@click.command("bench")
@click.option("--corpus", default=None,
              help="Articles to measure on (JSONL/Parquet/folder; default ../shared/data/corpus/indosum.jsonl, "
                   "else the demo corpus).")
@click.option("--n", "n", type=int, default=200, show_default=True, help="Number of articles.")
@click.option("--workers", type=int, default=2, show_default=True, help="Dask LocalCluster workers for scaling.")
@click.option("--task-size", type=int, default=8, show_default=True, help="Articles per Dask task.")
@click.option("--no-dask", is_flag=True, help="Skip the Dask rows.")
@click.option("--repeat", type=int, default=1, show_default=True,
              help="Time every row this many times and keep the fastest (for a busy machine).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON (for tracking).")
@click.option("--accurate", is_flag=True,
              help="Also time the whole pipeline with the accurate (transformer) NER, one process (needs torch).")
@click.option("--compare-ner", "compare_ner", type=click.Path(exists=True, file_okay=False), default=None,
              help="Also time the whole pipeline with the spaCy NER model in this folder (a candidate, or the one "
                   "shipped before), one process, in the same run.")
@click.option("--profile", "profile_path", default=None,
              help="Instead of timing, profile the whole pipeline (pyinstrument) and write the report here.")
@handle_errors
def bench_cmd(corpus, n, workers, task_size, no_dask, repeat, as_json, accurate, compare_ner, profile_path):
    """Measure articles/s, tokens/s and peak RSS for the tokenizer alone (the
    floor), each pipeline stage, the whole pipeline in one process and on a
    Dask LocalCluster of N workers; each as a ratio to the tokenizer, plus
    scaling efficiency. Progress goes to stderr."""
    from tqdm import tqdm

    from ..bench import corpus_path_or_none, format_table, run_bench

    if min(n, workers, task_size, repeat) < 1:
        fail("--n, --workers, --task-size and --repeat must be at least 1")
    if corpus is not None and corpus_path_or_none(corpus) is None:
        fail(f"no such corpus: {corpus}")
    if profile_path:
        from pathlib import Path

        from ..bench import profile_pipeline

        click.echo(f"warta: profiling {n} articles ...", err=True)
        Path(profile_path).write_text(profile_pipeline(corpus, n), encoding="utf-8")
        click.echo(f"warta: profile written to {profile_path}", err=True)
        return
    phases = 5 + (0 if no_dask else (1 if workers == 1 else 2)) + accurate
    bar = tqdm(total=phases, desc="warta bench", unit="phase", file=sys.stderr, disable=None)
    started = []

    def progress(msg):
        if started:
            bar.update(1)
        started.append(msg)
        bar.set_postfix_str(msg)
        if bar.disable:  # stderr is not a terminal: plain lines instead of a bar
            click.echo(f"warta bench: [{len(started)}/{phases}] {msg}", err=True)

    try:
        result = run_bench(corpus, n, workers, dask=not no_dask, task_size=task_size, repeat=repeat,
                           progress=progress, accurate=accurate, compare_ner=compare_ner)
        bar.update(1)
    finally:
        bar.close()
    if as_json:
        sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    else:
        click.echo(format_table(result))
