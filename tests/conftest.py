"""Shared fixtures: the CLI runner, the demo corpus, shared data paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="session")
def demo():
    from warta.corpus import demo_articles

    return demo_articles()


@pytest.fixture(scope="session")
def shared_data():
    if not SHARED_DATA.is_dir():
        pytest.fail(f"../shared/data not found at {SHARED_DATA}; the accuracy gates need it")
    return SHARED_DATA
