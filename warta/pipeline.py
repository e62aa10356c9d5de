"""Builds warta's spaCy pipeline; the one place that knows its composition.

Order: segmenter -> ner (trained, shipped in ``warta/models/ner``) ->
entity_resolver -> geo -> timex -> quantities -> quotes -> events.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from . import components  # noqa: F401  (registers factories and extensions)
from .components.tokenizer import create_tokenizer

STAGES = ("segmenter", "ner", "entity_resolver", "geo", "timex", "quantities", "quotes", "events")
#: the pipelines on offer: ``default`` (the shipped CNN NER) and ``accurate`` (a transformer
#: NER, :mod:`warta.components.accurate_ner`: needs torch, about ten times slower)
MODELS = ("default", "accurate")
_LOCK = threading.Lock()


@spacy.registry.tokenizers("warta.BareTokenizer.v1")
def _bare_tokenizer():
    """The tokenizer of the blank pipeline ``build`` starts from: spaCy's URL and token matches only.

    ``spacy.blank("id")`` builds spaCy's tokenizer with its 16,000 Indonesian
    exceptions, which took 80% of a pipeline build (profiled: 8.9 of 11.3 s on
    a busy machine), only for ``build`` to replace it with warta's at once;
    :func:`create_tokenizer` reads nothing from it but these two matches.
    """

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab, token_match=nlp.Defaults.token_match, url_match=nlp.Defaults.url_match)

    return make


_BLANK = {"nlp": {"tokenizer": {"@tokenizers": "warta.BareTokenizer.v1"}}}


#: environment variable naming another NER model folder to use instead of the shipped one
#: (to score or time a candidate with ``warta eval articles`` or ``warta bench`` before shipping it)
NER_MODEL_ENV = "WARTA_NER_MODEL"


def ner_model_path() -> Optional[Path]:
    """Folder of the NER model: ``$WARTA_NER_MODEL`` when set, else the shipped one
    (None when it has not been trained yet).

    Raises:
        ModelError: ``$WARTA_NER_MODEL`` names a folder without a spaCy model.
    """
    override = os.environ.get(NER_MODEL_ENV)
    if override:
        path = Path(override)
        if not (path / "meta.json").is_file():
            from .errors import ModelError

            raise ModelError(f"${NER_MODEL_ENV}={override} is not a spaCy model folder (no meta.json)")
        return path
    path = Path(str(resources.files("warta").joinpath("models", "ner")))
    return path if (path / "meta.json").is_file() else None


def check_model(model: str) -> str:
    """``model`` when it names one of :data:`MODELS`.

    Raises:
        ValueError: any other name.
    """
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}; choose from {', '.join(MODELS)}")
    return model


def build(stages: Iterable[str] = STAGES, ner_path: Optional[Path] = None, model: str = "default") -> Language:
    """A new pipeline with the named ``stages`` (all by default).

    Args:
        stages: component names in :data:`STAGES`; order is always STAGES order.
        ner_path: a trained spaCy NER pipeline to source ``ner`` from
            (default: :func:`ner_model_path`, the model shipped in the package
            unless ``$WARTA_NER_MODEL`` names another).
        model: ``default``, or ``accurate`` for the transformer ``ner`` stage
            (:mod:`warta.components.accurate_ner`; ``ner_path`` is then ignored).

    Raises:
        ValueError: an unknown stage or model.
        ModelError: the accurate model, or torch, is missing.
    """
    wanted = set(stages)
    unknown = wanted - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stages {sorted(unknown)}; choose from {', '.join(STAGES)}")
    check_model(model)
    nlp = spacy.blank("id", config=_BLANK)
    nlp.tokenizer = create_tokenizer(nlp)
    for name in STAGES:
        if name not in wanted:
            continue
        if name == "ner" and model == "accurate":
            nlp.add_pipe("accurate_ner", name="ner")
        elif name == "ner":
            path = ner_path or ner_model_path()
            if path is None:
                continue
            source = spacy.load(path)
            nlp.add_pipe("ner", source=source)
        else:
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def _cached(stages: tuple[str, ...], model: str) -> Language:
    return build(stages, model=model)


def load(stages: Iterable[str] = STAGES, model: str = "default") -> Language:
    """The process-wide pipeline for ``stages`` and ``model`` (see :func:`build`), built once and reused."""
    with _LOCK:
        return _cached(tuple(s for s in STAGES if s in set(stages)), check_model(model))
