"""Shared fixtures: the CLI runner, the demo corpus, shared data paths, sample archives."""

from __future__ import annotations

import importlib.util
import sys
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


def load_samples():
    """``tests/store/archive_samples.py`` as a module (hand-built Records for tests/store, tests/web, tests/cli)."""
    name = "warta_archive_samples"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "store" / "archive_samples.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return sys.modules[name]


@pytest.fixture
def samples():
    return load_samples()


@pytest.fixture
def archive(tmp_path, samples):
    """Path of a new SQLite archive holding every sample Record."""
    from warta.store import Store

    path = tmp_path / "archive.db"
    with Store(path) as store:
        for rec in samples.all_samples():
            store.add_record(rec)
    return path
