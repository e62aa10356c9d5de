"""``warta eval ner``: entity-level P/R/F1 of the NER on a token<TAB>BIO file."""

from __future__ import annotations

import json

import click

from ._common import handle_errors


@click.command("ner")
@click.argument("file", type=click.Path())
@click.option("--model", type=click.Path(), default=None,
              help="spaCy model folder (default: the model shipped in warta/models/ner).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@handle_errors
def eval_ner_cmd(file, model, as_json):
    """Score the NER on FILE (token<TAB>BIO, blank line between sentences):
    exact span + type, conlleval style, per type and overall. Dataset tags are
    mapped to PER/ORG/LOC first (PERSON/PPL -> PER, PLACE/PLC -> LOC,
    ORGANISATION/IND -> ORG; other types -> O)."""
    from ..eval.ner import evaluate, format_scores

    scores = evaluate(file, model)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
    else:
        click.echo(format_scores(scores, title=f"NER on {file}"))
