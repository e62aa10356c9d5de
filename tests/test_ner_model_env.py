"""``$WARTA_NER_MODEL``: score or time a candidate NER model with the whole pipeline before shipping it."""

import shutil

import pytest

from warta.errors import ModelError
from warta.pipeline import NER_MODEL_ENV, build, ner_model_path


def test_env_names_another_model(monkeypatch, tmp_path):
    monkeypatch.delenv(NER_MODEL_ENV, raising=False)
    shipped = ner_model_path()
    assert shipped is not None and shipped.name == "ner"
    other = tmp_path / "candidate"
    shutil.copytree(shipped, other)
    monkeypatch.setenv(NER_MODEL_ENV, str(other))
    assert ner_model_path() == other
    nlp = build(("segmenter", "ner"))
    assert "ner" in nlp.pipe_names
    assert nlp("Presiden Joko Widodo tiba di Jakarta.").ents


def test_env_without_model_fails_loudly(monkeypatch, tmp_path):
    monkeypatch.setenv(NER_MODEL_ENV, str(tmp_path))
    with pytest.raises(ModelError, match=NER_MODEL_ENV):
        ner_model_path()
