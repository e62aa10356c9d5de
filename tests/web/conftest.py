"""Web fixtures: an archive of hand-built Records and a TestClient over it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest


def load_samples():
    name = "warta_archive_samples"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parents[1] / "store" / "archive_samples.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return sys.modules[name]


@pytest.fixture
def samples():
    return load_samples()


@pytest.fixture
def archive(tmp_path, samples):
    from warta.store import Store

    path = tmp_path / "web.db"
    with Store(path) as store:
        for rec in samples.all_samples():
            store.add_record(rec)
    return path


@pytest.fixture
def client(archive):
    from fastapi.testclient import TestClient

    from warta.web import create_app

    with TestClient(create_app(archive, max_body_bytes=20_000)) as c:
        yield c
