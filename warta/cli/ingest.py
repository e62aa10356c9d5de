"""``warta ingest``: files and folders into the SQLite archive."""

from __future__ import annotations

import json

import click

from ._common import handle_errors


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", default="warta.db", show_default=True, envvar="WARTA_DB", type=click.Path(dir_okay=False),
              help="The SQLite archive (created when missing).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Local extraction processes, each loading the model once.")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 1000),
              help="Articles per extraction batch and per commit.")
@click.option("--force", is_flag=True, help="Process text even if it does not look Indonesian.")
@click.option("--no-progress", is_flag=True, help="No progress bar on stderr.")
@click.option("--no-stories", is_flag=True,
              help="Do not group articles into stories as they are stored (`warta stories --update` does it later).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--from-parquet", "from_parquet", is_flag=True,
              help="PATHS are `warta batch --out` folders: load their Records (no extraction).")
@handle_errors
def ingest_cmd(paths, db, workers, batch_size, force, no_progress, no_stories, as_json, from_parquet):
    """Read .txt, .html, .json, .jsonl (also .gz, .bz2, .xz, .zst), .parquet,
    RSS/Atom and WARC files (or folders of them) into the archive.

    Articles already stored (same URL or same text) are skipped, so running
    it again, or after an interruption, adds only what is missing. Documents
    that cannot be read or processed are listed in the archive's errors
    table (see `warta errors`) and the rest go on.
    """
    if from_parquet:  # scale-out output (warta/scale): one writer loads what the cluster extracted
        from ..scale import ingest_parquet

        click.echo(json.dumps({"db": str(db), **ingest_parquet(paths, str(db))}))
        return
    from ..ingest import IngestOptions, ingest

    opts = IngestOptions(workers=workers, batch_size=batch_size, force=force, progress=not no_progress,
                         stories=not no_stories)
    summary = ingest(paths, db, opts)
    if as_json:
        click.echo(json.dumps({"db": str(db), "read": summary.read, "added": summary.added,
                               "duplicates": summary.duplicates, "errors": summary.errors,
                               "seconds": round(summary.seconds, 3)}))
    else:
        for sample in summary.error_samples:
            click.echo(f"warta: skipped {sample}", err=True)
        more = summary.errors - len(summary.error_samples)
        if more > 0:
            click.echo(f"warta: ... and {more} more errors (warta errors --db {db})", err=True)
        click.echo(f"{summary.line()} -> {db}")
