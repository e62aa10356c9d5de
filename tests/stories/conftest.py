"""Fixtures for stories and identities: team-written articles, hand-built Records."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _team():
    name = "warta_team_articles"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE / "team_articles.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return sys.modules[name]


@pytest.fixture(scope="session")
def team():
    """``tests/stories/team_articles.py`` as a module."""
    return _team()


@pytest.fixture
def team_folder(tmp_path, team):
    """The team-written articles as one labelled .json file each, in a folder."""
    folder = tmp_path / "team"
    folder.mkdir()
    for i, art in enumerate(team.ALL):
        (folder / f"{i:02d}.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def team_records(team):
    """The team-written articles through warta's pipeline, by URL (ids preset as ingest does)."""
    import warta
    from warta.builder import record_id

    out = {}
    for art in team.ALL:
        rec = warta.extract(art["text"], published=art["published"], title=art["title"], url=art["url"])
        rec.id = record_id(art["text"], art["url"])
        rec.outlet = art["outlet"]
        out[art["url"]] = rec
    return out
