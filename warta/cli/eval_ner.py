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
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list missed, spurious and mistyped entities with their context.")
@handle_errors
def eval_ner_cmd(file, models, as_json, show_errors):
    """Score the NER on FILE (token<TAB>BIO, blank line between sentences):
    exact span + type, conlleval style, per type and overall. Dataset tags are
    mapped to PER/ORG/LOC first (PERSON/PPL -> PER, PLACE/PLC -> LOC,
    ORGANISATION/IND -> ORG; other types -> O)."""
    from ..eval.ner import entity_errors, format_scores, predict_file, score

    if len(models) > 1:
        from ..train.silver import load_models

        model = load_models(models)
    else:
        model = models[0] if models else None
    sentences, pred = predict_file(file, model)
    scores = score([s.tags for s in sentences], pred)
    errors = entity_errors(sentences, pred) if show_errors else None
    if as_json:
        out = scores.as_dict()
        if errors is not None:
            out["errors"] = errors
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    click.echo(format_scores(scores, title=f"NER on {file}"))
    if errors:
        click.echo(f"\n{len(errors)} errors (kind, sentence: gold -> predicted | context):")
        for e in errors:
            predicted = "; ".join(e["predicted"]) or "-"
            click.echo(f"{e['kind']:<14} {e['sentence']:>5}: {e['gold'] or '-'} -> {predicted} | {e['context']}")
