"""Web fixtures: a TestClient over the sample archive (``archive`` in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def client(archive):
    from fastapi.testclient import TestClient

    from warta.web import create_app

    with TestClient(create_app(archive, max_body_bytes=20_000)) as c:
        yield c
