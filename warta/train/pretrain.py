"""Pretraining of the NER's token-to-vector layers on unlabelled Indonesian text.

spaCy's character objective (``spacy.PretrainCharacters.v1``, as in
``spacy pretrain``): for each word, predict its first and last four
characters from its context, through the same embedding and CNN layers the
``ner`` uses. The labelled NER data is small (about 9,000 sentences); the
IndoSum corpus gives the layers about 1.3 million words of news to learn
word shapes and contexts from before fine-tuning on the labels.

Why not ``spacy pretrain`` itself: warta's ``ner`` keeps its own tok2vec
inside the transition model (so the pipeline can source the pipe alone), and
spaCy's reference ``tok2vec`` there is wrapped in a projection that outputs
one array per batch, which the pretraining objective cannot take. Here the
inner ``List[Doc] -> List[Floats2d]`` layer is trained directly, and
:func:`load_tok2vec` puts the weights back into a fresh ``ner`` model.

Example::

    warta train ner --pretrain-epochs 4 --output training/ner/model
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

#: objective settings (spaCy's defaults for the characters objective)
N_CHARACTERS = 4
HIDDEN_SIZE = 300
MAXOUT_PIECES = 3


def inner_tok2vec(nlp):
    """The ``ner`` pipe's own ``List[Doc] -> List[Floats2d]`` tok2vec (embedding + CNN)."""
    wrapped = nlp.get_pipe("ner").model.get_ref("tok2vec")
    # TransitionBasedParser.v2 wraps the tok2vec as chain(tok2vec, list2array, Linear)
    return wrapped.layers[0]


def load_tok2vec(nlp, path) -> None:
    """Load pretrained weights written by :func:`pretrain_tok2vec` into ``nlp``'s ner."""
    inner_tok2vec(nlp).from_bytes(Path(path).read_bytes())


def pretrain_tok2vec(nlp, sentences: Iterable[Sequence[str]], epochs: int, out_dir: Path,
                     seed: int = 0, batch_words: int = 3000, learn_rate: float = 0.001,
                     log: Callable[[str], None] = print) -> list[Path]:
    """Train ``nlp``'s ner tok2vec with the character objective; one weights file per epoch.

    The tok2vec keeps whatever initialisation it has (e.g. the floret-fitted
    NORM table) as its starting point.

    Args:
        nlp: an initialised pipeline whose ``ner`` holds the tok2vec to train.
        sentences: token lists of unlabelled text (sentences of 3-300 tokens are used).
        epochs: passes over the text.
        out_dir: where ``tok2vec-epoch{N}.bin`` files are written (averaged weights).
        seed: shuffling seed.
        batch_words: words per update.
        learn_rate: Adam learning rate.
        log: receives one line per epoch.

    Returns:
        The weights files, one per epoch, in order.
    """
    from spacy.tokens import Doc
    from spacy.training.pretrain import make_update
    from spacy.util import registry
    from thinc.api import Adam
    from tqdm import tqdm

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    inner = inner_tok2vec(nlp)
    start = inner.to_bytes()
    create = registry.architectures.get("spacy.PretrainCharacters.v1")(
        maxout_pieces=MAXOUT_PIECES, hidden_size=HIDDEN_SIZE, n_characters=N_CHARACTERS)
    model = create(nlp.vocab, inner)
    model.initialize(X=[Doc(nlp.vocab, words=["uji", "bentuk", "lapisan"])])
    inner.from_bytes(start)  # initialize() may reset the wrapped layers' weights
    docs = [Doc(nlp.vocab, words=[w for w in words if w.strip()]) for words in sentences
            if 3 <= len(words) <= 300]
    n_words = sum(len(d) for d in docs)
    log(f"pretraining on {len(docs)} sentences, {n_words} words, {epochs} epochs")
    optimizer = Adam(learn_rate, L2=0.01, grad_clip=1.0, use_averages=True)
    loss_fn = model.attrs["loss"]
    rng = random.Random(seed)
    written: list[Path] = []
    for epoch in range(epochs):
        rng.shuffle(docs)
        t0, total = time.time(), 0.0
        bar = tqdm(total=n_words, desc=f"pretrain epoch {epoch}", unit="word", disable=None)
        batch: list = []
        size = 0
        for doc in docs:
            batch.append(doc)
            size += len(doc)
            if size >= batch_words:
                total += make_update(model, batch, optimizer, loss_fn)
                bar.update(size)
                batch, size = [], 0
        if batch:
            total += make_update(model, batch, optimizer, loss_fn)
            bar.update(size)
        bar.close()
        path = out_dir / f"tok2vec-epoch{epoch}.bin"
        with model.use_params(optimizer.averages):
            path.write_bytes(inner.to_bytes())
        written.append(path)
        log(f"pretrain epoch {epoch}: loss {total:.0f}, {n_words / max(time.time() - t0, 1e-9):.0f} words/s")
    return written


def pretraining_sentences(corpus_sentences: Iterable[Sequence[str]],
                          extra: Optional[Iterable[Sequence[str]]] = None) -> list[list[str]]:
    """Token lists for pretraining: corpus sentences, then ``extra`` ones (e.g. NER train text)."""
    out = [[t for t in s if t.strip() and " " not in t] for s in corpus_sentences]
    if extra is not None:
        out.extend([t for t in s if t.strip() and " " not in t] for s in extra)
    return out
