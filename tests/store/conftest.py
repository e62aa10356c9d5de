"""Archive fixtures: a temporary database filled with hand-built Records."""

from __future__ import annotations

import pytest


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
