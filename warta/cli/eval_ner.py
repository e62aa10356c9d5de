"""``warta eval ner``: entity-level P/R/F1 of the NER on a token<TAB>BIO file."""

from __future__ import annotations

import json

import click

from ._common import handle_errors


@click.command("ner")
@click.argument("file", type=click.Path())
@click.option("--model", "models", type=click.Path(), multiple=True,
              help="spaCy model folder (default: the model shipped in warta/models/ner). "
                   "Give it several times to score an ensemble: entities most models agree on.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@handle_errors
def eval_ner_cmd(file, models, as_json):
    """Score the NER on FILE (token<TAB>BIO, blank line between sentences):
    exact span + type, conlleval style, per type and overall. Dataset tags are
    mapped to PER/ORG/LOC first (PERSON/PPL -> PER, PLACE/PLC -> LOC,
    ORGANISATION/IND -> ORG; other types -> O)."""
    from ..eval.ner import evaluate, format_scores

    if len(models) > 1:
        from ..train.silver import load_models

        scores = evaluate(file, load_models(models))
    else:
        scores = evaluate(file, models[0] if models else None)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
    else:
        click.echo(format_scores(scores, title=f"NER on {file}"))
