"""Ensembles of NER models, and "silver" training data labelled by them.

Several NER models trained with different seeds disagree on a share of the
entities; keeping only the entities most of them agree on (a span vote)
scores higher than any one of them, but runs several times slower, so an
ensemble is not what warta ships. It is used as a teacher instead: it labels
the sentences of the IndoSum corpus, and a single model of the shipped size
is trained on the gold sentences plus those silver ones (``warta train ner
--silver FILE``), which carries part of the ensemble's gain at the speed of
one model.

Example::

    warta train silver --model a/ --model b/ --model c/ --output silver.tsv
    warta train ner --silver silver.tsv --output training/ner/model
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

from ..eval.ner import Sentence, load_model, predict, spans

#: sentences shorter or longer than this (in tokens) are not labelled
MIN_TOKENS = 4
MAX_TOKENS = 120


def vote(tag_lists: Sequence[Sequence[str]], min_votes: Optional[int] = None) -> list[str]:
    """BIO tags holding each entity (exact span and type) that ``min_votes`` of the taggings share.

    Args:
        tag_lists: one BIO sequence per model, all over the same tokens.
        min_votes: votes an entity needs (default: a strict majority).

    Kept entities never overlap when ``min_votes`` is a strict majority (two
    overlapping spans cannot both come from most of the models, since each
    model gives a token at most one entity); with a lower threshold, an
    entity that overlaps one with more votes (or an earlier one, on a tie)
    is dropped.
    """
    if not tag_lists:
        return []
    n = len(tag_lists[0])
    if any(len(t) != n for t in tag_lists):
        raise ValueError("taggings of different lengths")
    need = min_votes if min_votes is not None else len(tag_lists) // 2 + 1
    counts = Counter(span for tags in tag_lists for span in spans(tags))
    out = ["O"] * n
    for (start, end, label), votes in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if votes < need or any(out[i] != "O" for i in range(start, end)):
            continue
        out[start] = "B-" + label
        for i in range(start + 1, end):
            out[i] = "I-" + label
    return out


def ensemble_predict(models: Sequence, sentences: Sequence[Sentence],
                     min_votes: Optional[int] = None) -> list[list[str]]:
    """Voted BIO tags of several loaded pipelines (see :func:`vote`) on gold-tokenized sentences."""
    per_model = [predict(nlp, sentences) for nlp in models]
    return [vote([tags[i] for tags in per_model], min_votes) for i in range(len(sentences))]


def load_models(paths: Sequence[Union[str, Path, None]]) -> list:
    """Loaded pipelines for model folders (``None``: the shipped model)."""
    return [load_model(p) for p in paths]


def corpus_sentences(token_lists: Iterable[Sequence[str]], limit: Optional[int] = None) -> Iterator[Sentence]:
    """Unlabelled :class:`Sentence` objects (all ``O``) from token lists, each distinct one once.

    Sentences of under :data:`MIN_TOKENS` or over :data:`MAX_TOKENS` tokens
    and tokens holding whitespace (which a token file cannot hold) are skipped.
    """
    seen: set[tuple[str, ...]] = set()
    for tokens in token_lists:
        words = tuple(tokens)
        if not (MIN_TOKENS <= len(words) <= MAX_TOKENS) or words in seen:
            continue
        if any(not w or any(c.isspace() for c in w) for w in words):
            continue
        seen.add(words)
        yield Sentence(words, ("O",) * len(words))
        if limit is not None and len(seen) >= limit:
            return


def write_conll(path: Union[str, Path], sentences: Iterable[Sentence]) -> int:
    """Write token<TAB>tag lines, a blank line after each sentence; returns the sentence count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for s in sentences:
            fh.writelines(f"{w}\t{t}\n" for w, t in zip(s.words, s.tags))
            fh.write("\n")
            n += 1
    return n


def label_sentences(models: Sequence, sentences: Sequence[Sentence], chunk: int = 2000,
                    progress: bool = True) -> list[Sentence]:
    """``sentences`` with the ensemble's voted tags, labelled in chunks behind a progress bar."""
    import sys

    from tqdm import tqdm

    out: list[Sentence] = []
    with tqdm(total=len(sentences), desc="label", unit="sent", file=sys.stderr,
              disable=None if progress else True) as bar:
        for i in range(0, len(sentences), chunk):
            part = sentences[i:i + chunk]
            for s, tags in zip(part, ensemble_predict(models, part)):
                out.append(Sentence(s.words, tuple(tags)))
            bar.update(len(part))
    return out
