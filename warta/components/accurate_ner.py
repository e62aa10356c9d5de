"""accurate_ner: PER/ORG/LOC from a fine-tuned multilingual-e5-small tagger (issue 18).

The ``ner`` stage of the *accurate* pipeline (``warta extract --model accurate``,
``warta.extract(..., model="accurate")``), in place of the shipped CNN. It reads
each sentence's words, tags them with the transformer (first subword piece of
each word) and keeps the likeliest valid BIO sequence, so what follows
(entity_resolver onwards) sees the same ``doc.ents`` as with the CNN.

It is built only when asked: it needs torch and transformers (``pip install
'warta[accurate]'`` after torch's CPU build) and is about ten times slower than
the CNN. The model folder is ``warta/models/ner-accurate`` (``warta train
export-accurate``), or ``$WARTA_ACCURATE_MODEL``.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ModelError

#: environment variable naming another accurate-model folder (a candidate, to score or time it)
ACCURATE_MODEL_ENV = "WARTA_ACCURATE_MODEL"
#: a sentence longer than this is tagged in windows of this many words (the encoder reads 512 pieces)
MAX_WORDS = 120


def accurate_model_path() -> Path:
    """Folder of the accurate NER model: ``$WARTA_ACCURATE_MODEL`` when set, else the shipped one.

    Raises:
        ModelError: the folder holds no model (not exported, or a wrong path).
    """
    override = os.environ.get(ACCURATE_MODEL_ENV)
    path = Path(override) if override else Path(str(resources.files("warta").joinpath("models", "ner-accurate")))
    if not (path / "config.json").is_file():
        where = f"${ACCURATE_MODEL_ENV}={override}" if override else str(path)
        raise ModelError(f"no accurate NER model at {where} (make one with `warta train export-accurate`)")
    return path


def _need_torch() -> None:
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        raise ModelError("the accurate model needs torch and transformers: pip install torch "
                         "--index-url https://download.pytorch.org/whl/cpu, then pip install "
                         f"'warta[accurate]' ({exc.name} is missing)") from None


@Language.factory("accurate_ner", assigns=["doc.ents"], requires=["token.is_sent_start"],
                  default_config={"model_path": None, "batch_size": 16, "threads": None})
def make_accurate_ner(nlp: Language, name: str, model_path: Optional[str], batch_size: int,
                      threads: Optional[int]) -> "AccurateNer":
    _need_torch()
    return AccurateNer(name, Path(model_path) if model_path else accurate_model_path(), batch_size, threads)


class AccurateNer:
    """Sets ``doc.ents`` (PER, ORG, LOC) from a transformer token classifier."""

    def __init__(self, name: str, model_path: Path, batch_size: int = 16, threads: Optional[int] = None):
        import torch  # the factory has checked it is there (make_accurate_ner)

        from ._word_tagger import load_model

        self.name = name
        self.batch_size = batch_size
        if threads:
            torch.set_num_threads(threads)
        self.tokenizer, self.model = load_model(model_path)
        self.model.eval()

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch)
                batch = []
        if batch:
            yield from self._tag(batch)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        from ._word_tagger import predict

        windows = [(d, w) for d in range(len(docs)) for w in _windows(docs[d])]
        tags = predict(self.tokenizer, self.model, [[docs[d][i].text for i in idx] for d, idx in windows],
                       batch_size=self.batch_size, decode="viterbi")
        spans: list[list[Span]] = [[] for _ in docs]
        for (d, idx), row in zip(windows, tags):
            spans[d].extend(_bio_spans(docs[d], idx, row))
        for doc, found in zip(docs, spans):
            doc.set_ents(found, default="outside")
        return docs


def _windows(doc: Doc) -> Iterator[list[int]]:
    """Token indices to tag, sentence by sentence (whitespace tokens left out), at most MAX_WORDS each."""
    for sent in doc.sents:
        idx = [t.i for t in sent if not t.is_space]
        for s in range(0, len(idx), MAX_WORDS):
            yield idx[s:s + MAX_WORDS]


def _bio_spans(doc: Doc, idx: list[int], tags: list[str]) -> Iterator[Span]:
    """Entity spans of a valid BIO sequence over the tokens ``idx`` (an entity ends at a left-out token)."""
    start = label = None
    prev = None
    for i, tag in zip(idx, tags):
        continues = tag.startswith("I-") and label == tag[2:] and prev == i - 1
        if start is not None and not continues:
            yield Span(doc, start, prev + 1, label=label)
            start = label = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
        prev = i
    if start is not None:
        yield Span(doc, start, prev + 1, label=label)
