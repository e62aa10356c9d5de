"""Word-level BIO tagging with a Hugging Face token-classification model (PyTorch, CPU).

Shared by the NER teacher's training (:mod:`warta.train.teacher`) and the
``accurate_ner`` pipeline stage. Each word is one or more subword pieces (the
tokenizer is given the words, so each starts with the metaspace marker); the
first piece of a word carries the word's tag. Needs torch and transformers,
imported only inside the functions that use them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence, Union

import numpy as np

from ..eval.ner import LABELS

TAGS = ("O",) + tuple(f"{p}-{lab}" for lab in LABELS for p in "BI")
TAG_ID = {t: i for i, t in enumerate(TAGS)}
IGNORE = -100


def encode(tokenizer, words: Sequence[str], tags: Optional[Sequence[str]], max_pieces: int):
    """``(input_ids, labels, first_piece_index_per_word)`` for one sentence.

    Words past ``max_pieces`` pieces get index -1 (predicted O).
    """
    enc = tokenizer(list(words), is_split_into_words=True, truncation=True, max_length=max_pieces)
    ids = enc["input_ids"]
    word_ids = enc.word_ids()
    labels = [IGNORE] * len(ids)
    first = [-1] * len(words)
    prev = None
    for i, w in enumerate(word_ids):
        if w is not None and w != prev:
            first[w] = i
            if tags is not None:
                labels[i] = TAG_ID[tags[w]]
        prev = w
    return ids, labels, first


def _pad(rows, value):
    import torch

    n = max(len(r) for r in rows)
    return torch.tensor([list(r) + [value] * (n - len(r)) for r in rows], dtype=torch.long)


def collate(items, pad_id: int):
    import torch

    ids = _pad([it[0] for it in items], pad_id)
    mask = (ids != pad_id).long()
    # a real <pad> piece cannot occur inside a sentence (it is a special token)
    labels = _pad([it[1] for it in items], IGNORE)
    return ids, mask, labels


def load_model(path: Union[str, Path], num_labels: Optional[int] = None):
    """``(tokenizer, model)`` from a local folder; a bare encoder gets a fresh tagging head."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    tok = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    kwargs = {}
    if num_labels is not None:
        kwargs = {"num_labels": num_labels, "id2label": dict(enumerate(TAGS)), "label2id": TAG_ID}
    # float32 whatever the file holds: the shipped accurate model is stored as float16,
    # which CPUs multiply slowly or not at all
    model = AutoModelForTokenClassification.from_pretrained(str(path), local_files_only=True, dtype=torch.float32,
                                                            **kwargs)
    return tok, model


def allowed_transitions() -> np.ndarray:
    """``[from, to]`` booleans over :data:`TAGS`: ``I-X`` only after ``B-X`` or ``I-X``."""
    ok = np.ones((len(TAGS), len(TAGS)), dtype=bool)
    for j, to in enumerate(TAGS):
        if to.startswith("I-"):
            ok[:, j] = [fr[2:] == to[2:] for fr in TAGS]
    return ok


def bio_viterbi(logprobs: np.ndarray) -> list[str]:
    """The best-scoring valid BIO sequence for per-word tag log-probabilities ``[words, tags]``.

    Valid: no ``I-X`` at the start or after anything but ``B-X``/``I-X``
    (argmax can give those; the scorer then reads them as new entities).
    """
    n = len(logprobs)
    if n == 0:
        return []
    ok = allowed_transitions()
    trans = np.where(ok, 0.0, -np.inf)
    start = np.array([0.0 if not t.startswith("I-") else -np.inf for t in TAGS])
    best = start + logprobs[0]
    back = np.zeros((n, len(TAGS)), dtype=int)
    for i in range(1, n):
        cand = best[:, None] + trans           # [from, to]
        back[i] = cand.argmax(0)
        best = cand.max(0) + logprobs[i]
    path = [int(best.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return [TAGS[k] for k in reversed(path)]


def predict(tokenizer, model, sentences: Sequence[Sequence[str]], batch_size: int = 32,
            max_pieces: int = 512, decode: str = "argmax") -> list[list[str]]:
    """BIO tags (one per word) the model gives each sentence (a list of words).

    ``decode``: ``argmax`` (each word's likeliest tag; what the training runs
    evaluate) or ``viterbi`` (the likeliest valid BIO sequence, :func:`bio_viterbi`).
    """
    import torch

    if decode not in ("argmax", "viterbi"):
        raise ValueError("decode must be argmax or viterbi")
    model.eval()
    encoded = [encode(tokenizer, words, None, max_pieces) for words in sentences]
    order = sorted(range(len(sentences)), key=lambda i: len(encoded[i][0]))
    out: list = [None] * len(sentences)
    with torch.no_grad():
        for s in range(0, len(order), batch_size):
            idx = order[s:s + batch_size]
            ids, mask, _ = collate([encoded[i] for i in idx], tokenizer.pad_token_id)
            logp = torch.log_softmax(model(input_ids=ids, attention_mask=mask).logits, -1).numpy()
            for row, i in zip(logp, idx):
                first = encoded[i][2]
                if decode == "argmax":
                    out[i] = [TAGS[int(row[f].argmax())] if f >= 0 else "O" for f in first]
                else:
                    # words cut off by max_pieces: certain O
                    o = np.full(len(TAGS), -np.inf)
                    o[0] = 0.0
                    out[i] = bio_viterbi(np.stack([row[f] if f >= 0 else o for f in first]))
    return out
