"""``warta train gazetteers``: rebuild the shipped organisation words from the DBpedia name lists."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ._common import fail, handle_errors


@click.command("gazetteers")
@click.option("--data", "data_dir", type=click.Path(), default=None,
              help="Shared data folder holding gazetteers/ (default ../shared/data).")
@click.option("--output", type=click.Path(dir_okay=False), default=None,
              help="File to write (default: the shipped warta/lang/dbpedia_org_words.txt).")
@handle_errors
def train_gazetteers_cmd(data_dir, output):
    """Write the one-word organisation names of the Indonesian DBpedia lists (no person's or place's name
    there, no word the IndoSum corpus writes in lower case) that the entity resolver uses as a check after
    the NER."""
    from ..train.gazetteers import ORG_WORDS_FILE, write_org_words
    from ..train.ner import default_data_dir

    folder = (Path(data_dir) if data_dir else default_data_dir()) / "gazetteers"
    if not (folder / "dbpedia-id-organization.txt").is_file():
        fail(f"no DBpedia name lists in {folder}")
    out = Path(output) if output else ORG_WORDS_FILE
    corpus = folder.parent / "corpus" / "indosum.jsonl"
    n = write_org_words(folder, out, corpus if corpus.is_file() else None)
    click.echo(json.dumps({"output": str(out), "names": n}))
