"""Shared fixtures: the CLI runner, the demo corpus, shared data paths, sample archives."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# Property tests are derandomized in the gate (`make test`, CI): the same examples every run, so a
# pass or a failure is the code's doing, not the draw's. Random exploration runs outside the gate:
# `WARTA_HYPOTHESIS=explore pytest -k property_or_never` (or `pytest --hypothesis-profile=explore`).
settings.register_profile("gate", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", max_examples=1000, derandomize=False)
settings.load_profile(os.environ.get("WARTA_HYPOTHESIS", "gate"))

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="session")
def pipelines():
    """``pipelines(stages)``: a pipeline with ``stages`` (STAGES order), built once per test session.

    Building one costs seconds (the tokenizer's special cases, each component's
    word lists), and the component tests asked for the same few stage tuples
    module after module. Shared by every test that asks: a test that adds,
    removes or reconfigures components builds its own with
    :func:`warta.pipeline.build`. The full pipeline is ``warta.pipeline.load()``,
    the one ``warta.extract`` uses.
    """
    from warta.pipeline import STAGES, build, load

    cache: dict[tuple[str, ...], object] = {}

    def get(stages=STAGES):
        key = tuple(s for s in STAGES if s in set(stages))
        if key not in cache:
            cache[key] = load(key) if key == STAGES else build(key)
        return cache[key]

    return get


@pytest.fixture(scope="session")
def demo():
    from warta.corpus import demo_articles

    return demo_articles()


@pytest.fixture(scope="session")
def shared_data():
    if not SHARED_DATA.is_dir():
        pytest.fail(f"../shared/data not found at {SHARED_DATA}; the accuracy gates need it")
    return SHARED_DATA


@pytest.fixture
def gold_gate(shared_data):
    """``gold_gate(scorer, name, floors)``: score a span scorer on its bundled gold ``name`` and check floors.

    ``scorer`` is :mod:`warta.eval.timex` or :mod:`warta.eval.quantities`; the
    texts come from the IndoSum corpus in ../shared/data. ``floors`` maps a
    summary key, dotted for nested ones ("relaxed.f1"), to its lowest
    acceptable value. Returns the summary.
    """

    def gate(scorer, name: str, floors: dict) -> dict:
        docs = scorer.load_gold(Path(scorer.default_gold_path()).parent / name,
                                shared_data / "corpus" / "indosum.jsonl")
        assert len(docs) >= 10
        summary = scorer.evaluate(docs).summary()
        for key, floor in floors.items():
            value = summary
            for part in key.split("."):
                value = value[part]
            assert value >= floor, (key, summary)
        return summary

    return gate


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
