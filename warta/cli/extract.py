"""``warta extract`` and ``warta schema``."""

from __future__ import annotations

import sys

import click

from ._common import handle_errors


@click.command("extract")
@click.argument("path", required=False, default="-")
@click.option("--published", help="Publication date YYYY-MM-DD (overrides the file's own).")
@click.option("--title", help="Headline (overrides the file's own).")
@click.option("--url", help="Source URL (overrides the file's own).")
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
@click.option("--force", is_flag=True, help="Process text even if it does not look Indonesian.")
@click.option("--max-bytes", type=int, default=None, help="Input size limit in bytes (default 5 MB).")
@click.option("--model", type=click.Choice(["default", "accurate"]), default="default", show_default=True,
              help="accurate: a transformer NER (better entities, ~30x slower; needs "
                   "pip install 'warta[accurate]').")
@handle_errors
def extract_cmd(path, published, title, url, pretty, force, max_bytes, model):
    """Extract one article (.txt, .html/.htm, .json, or stdin) and print its Record as JSON."""
    from dataclasses import replace

    from .._input import read_article
    from ..api import extract

    art = read_article(path, max_bytes=max_bytes)
    if url:  # the id follows the URL given here, not the one in the file
        art = replace(art, id=None)
    rec = extract(art, published=published or None, title=title or None, url=url or None, force=force,
                  max_bytes=max_bytes, model=model)
    for note in art.notes:
        click.echo(f"warta: note: {note}", err=True)
    sys.stdout.write(rec.to_json(pretty=pretty) + "\n")


@click.command("schema")
def schema_cmd():
    """Print the JSON Schema of the Record."""
    from ..record import json_schema_text

    click.echo(json_schema_text())
