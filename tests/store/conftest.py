"""Archive fixtures: a temporary database filled with hand-built Records."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest


def load_samples():
    """``tests/store/archive_samples.py`` as a module (shared with tests/web and tests/cli)."""
    name = "warta_archive_samples"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("archive_samples.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return sys.modules[name]


@pytest.fixture
def samples():
    return load_samples()


@pytest.fixture
def sample_records(samples):
    return samples.all_samples()


@pytest.fixture
def store(tmp_path):
    from warta.store import Store

    with Store(tmp_path / "t.db") as s:
        yield s


@pytest.fixture
def filled(store, sample_records):
    for i, rec in enumerate(sample_records):
        store.add_record(rec, "samples", str(i))
    return store
