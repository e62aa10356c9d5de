"""``warta train gazetteers``: rebuild the shipped organisation words (DBpedia) and common words (IndoSum)."""

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
@click.option("--common-output", type=click.Path(dir_okay=False), default=None,
              help="File for the common words (default: the shipped warta/lang/corpus_common_words.txt).")
@handle_errors
def train_gazetteers_cmd(data_dir, output, common_output):
    """Write the one-word organisation names of the Indonesian DBpedia lists (no person's or place's name
    there, no word the IndoSum corpus writes in lower case) that the entity resolver uses as a check after
    the NER, and the common words of the IndoSum corpus (written in lower case, seldom capitalised inside a
    sentence) it uses for capitalised sentence openers."""
    from ..train.gazetteers import COMMON_WORDS_FILE, ORG_WORDS_FILE, write_common_words, write_org_words
    from ..train.ner import default_data_dir

    folder = (Path(data_dir) if data_dir else default_data_dir()) / "gazetteers"
    if not (folder / "dbpedia-id-organization.txt").is_file():
        fail(f"no DBpedia name lists in {folder}")
    out = Path(output) if output else ORG_WORDS_FILE
    corpus = folder.parent / "corpus" / "indosum.jsonl"
    n = write_org_words(folder, out, corpus if corpus.is_file() else None)
    result = {"output": str(out), "names": n}
    if corpus.is_file():
        common = Path(common_output) if common_output else COMMON_WORDS_FILE
        result.update(common_output=str(common), common_words=write_common_words(corpus, common))
    click.echo(json.dumps(result))
