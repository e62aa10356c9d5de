"""``warta batch``: many articles in, Parquet tables out, locally or on Dask."""

from __future__ import annotations

import sys

import click

from ._common import fail, handle_errors


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, help="Output folder (local path or fsspec URL such as s3://bucket/x).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run in this process, or on Dask.")
@click.option("--scheduler", default=None,
              help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a LocalCluster.")
@click.option("--workers", type=int, default=2, show_default=True,
              help="LocalCluster worker processes (one thread each).")
@click.option("--retries", type=int, default=2, show_default=True, help="Extra attempts for a failing partition.")
@click.option("--batch-size", type=int, default=None, help="Documents per nlp.pipe batch (default 32).")
@click.option("--files-per-partition", type=int, default=1000, show_default=True,
              help="Single-article files (.txt/.html/.json) grouped into one partition.")
@click.option("--force", is_flag=True, help="Process text even if it does not look Indonesian.")
@handle_errors
def batch_cmd(inputs, out, engine, scheduler, workers, retries, batch_size, files_per_partition, force):
    """Extract every article of INPUT... (JSONL, Parquet, RSS/Atom, WARC,
    text/HTML/JSON files, folders or globs; local or fsspec URLs; the readers
    of `warta ingest`) into Parquet tables under --out,
    partitioned by published month: articles (Record JSON + key columns),
    entities, quotes, events, times, quantities, and errors.

    A rerun skips partitions already complete (see OUT/_manifest), so an
    interrupted backfill resumes where it stopped. Prints a JSON summary.
    """
    from tqdm import tqdm

    from ..scale import BatchOptions, run_batch
    from ..scale.runner import print_summary

    if workers < 1:
        fail("--workers must be at least 1")
    options = BatchOptions(force=force, batch_size=batch_size, retries=max(0, retries),
                           files_per_partition=max(1, files_per_partition))
    bar = tqdm(total=0, unit="part", desc="warta batch", file=sys.stderr, disable=None)

    count = {"done": 0, "todo": 0}

    def plan(todo, skipped):
        count["todo"] = bar.total = todo
        bar.refresh()
        if skipped:
            tqdm.write(f"warta: {skipped} partition(s) already complete, skipped", file=sys.stderr)

    def done(part):
        bar.update(1)
        count["done"] += 1
        if bar.disable:  # stderr is not a terminal (a log file): one line per partition instead of a bar
            click.echo(f"warta batch: {count['done']}/{count['todo']} partitions: {part.source}", err=True)

    try:
        result = run_batch(list(inputs), out, engine=engine, scheduler=scheduler, workers=workers,
                           options=options, on_plan=plan, on_partition=done)
    finally:
        bar.close()
    print_summary(result)
    for failure in result.failed:
        click.echo(f"warta: partition failed after {failure['attempts']} attempt(s): {failure['source']}: "
                   f"{failure['error']}: {failure['message']}", err=True)
    if result.failed:
        sys.exit(1)
