"""``warta train ner``: train the Indonesian NER shipped in ``warta/models/ner``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ._common import fail, handle_errors


@click.command("ner")
@click.option("--output", default="training/ner/model", show_default=True, type=click.Path(),
              help="Model folder to write (replaced). Copy it to warta/models/ner to ship it.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed (data order, initialisation).")
@click.option("--max-minutes", type=float, default=20.0, show_default=True,
              help="Stop training after this many minutes (the best dev checkpoint is kept).")
@click.option("--max-steps", type=int, default=20000, show_default=True, help="Stop after this many updates.")
@click.option("--data", "data_dir", type=click.Path(), default=None,
              help="Shared data folder holding ner/ and corpus/ (default ../shared/data).")
@click.option("--work", type=click.Path(), default=None,
              help="Scratch folder for corpora, vectors and checkpoints (default OUTPUT.work).")
@click.option("--no-vectors", is_flag=True, help="Skip the floret vectors that initialise the NORM table.")
@click.option("--no-augment", is_flag=True, help="Skip the lowercased and recased copies.")
@click.option("--vectors-cache", type=click.Path(), default=None,
              help="Save the floret vectors here (.npz), or reuse them if the file exists.")
@click.option("--resume-from", type=click.Path(), default=None,
              help="Continue training from this model's ner weights (trained with the same options).")
@click.option("--pretrain-epochs", type=int, default=0, show_default=True,
              help="First pretrain the tok2vec on IndoSum text for this many epochs (character objective).")
@click.option("--init-tok2vec", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Start from pretrained tok2vec weights (a tok2vec-epochN.bin of an earlier run).")
@click.option("--silver", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Add the machine-labelled sentences of this token<TAB>BIO file (`warta train silver`).")
@click.option("--silver-limit", type=click.IntRange(min=1), default=None,
              help="Use at most this many silver sentences.")
@handle_errors
def train_ner_cmd(output, seed, max_minutes, max_steps, data_dir, work, no_vectors, no_augment,
                  vectors_cache, resume_from, pretrain_epochs, init_tok2vec, silver, silver_limit):
    """Train the NER from nergrit, idner2k and nerp (train splits; dev picks the
    checkpoint) and print the dev scores as JSON. Progress goes to stderr."""
    from ..train.ner import TrainOptions, default_data_dir, train

    data = Path(data_dir) if data_dir else default_data_dir()
    if not (data / "ner").is_dir():
        fail(f"no NER data under {data} (expected {data / 'ner'}/nergrit etc.)")
    if max_minutes <= 0 or max_steps < 1:
        fail("--max-minutes and --max-steps must be positive")
    if pretrain_epochs < 0:
        fail("--pretrain-epochs must be 0 or more")
    opts = TrainOptions(seed=seed, max_minutes=max_minutes, max_steps=max_steps,
                        vectors_cache=vectors_cache, resume_from=resume_from,
                        pretrain_epochs=pretrain_epochs, init_tok2vec=init_tok2vec,
                        silver=silver, silver_limit=silver_limit)
    if no_vectors:
        opts.vectors = False
    if no_augment:
        opts.lowercase_copies = opts.recase_nerp = False
    result = train(Path(output), opts, data_dir=data, work=Path(work) if work else None)
    click.echo(json.dumps({"model": str(result.model_path), "dev_f1": result.scores["dev_f1"],
                           "words_per_second": result.scores["words_per_second"],
                           "size_mb": result.scores["size_mb"]}, indent=2))
    sys.stdout.flush()
