"""``warta train silver``: label IndoSum sentences with an ensemble of NER models."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ._common import fail, handle_errors


@click.command("silver")
@click.option("--model", "models", type=click.Path(exists=True, file_okay=False), multiple=True, required=True,
              help="NER model folder; give it several times for an ensemble (entities most models agree on).")
@click.option("--output", required=True, type=click.Path(dir_okay=False),
              help="token<TAB>BIO file to write (replaced).")
@click.option("--data", "data_dir", type=click.Path(), default=None,
              help="Shared data folder holding corpus/indosum.jsonl (default ../shared/data).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Label at most this many sentences.")
@handle_errors
def train_silver_cmd(models, output, data_dir, limit):
    """Label the sentences of the IndoSum corpus with the NER models given
    (their vote) and write them as training data for `warta train ner --silver`."""
    from ..train.ner import default_data_dir, iter_corpus_sentences
    from ..train.silver import corpus_sentences, label_sentences, load_models, write_conll

    corpus = (Path(data_dir) if data_dir else default_data_dir()) / "corpus" / "indosum.jsonl"
    if not corpus.is_file():
        fail(f"no corpus at {corpus}")
    sentences = list(corpus_sentences(iter_corpus_sentences(corpus), limit))
    labelled = label_sentences(load_models(models), sentences)
    n = write_conll(output, labelled)
    n_ents = sum(t.startswith("B-") for s in labelled for t in s.tags)
    click.echo(json.dumps({"output": str(output), "sentences": n, "entities": n_ents, "models": list(models)}))
