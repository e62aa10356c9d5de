"""``warta train ...``: reproducible training of shipped models."""

from __future__ import annotations

import click


@click.group("train")
def train_group():
    """Train the models shipped in the package."""
