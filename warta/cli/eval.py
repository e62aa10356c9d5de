"""``warta eval ...``: scorers for each stage, printing P/R/F1."""

from __future__ import annotations

import click


@click.group("eval")
def eval_group():
    """Score warta against gold data (segment, ner, quotes, timex, quantities, events)."""
