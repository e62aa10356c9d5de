"""Entity-level NER scoring, conlleval style, for token<TAB>BIO files.

A predicted entity counts only if its span (first and last token) and its
type both equal a gold entity's. Precision, recall and F1 are micro-averaged
over all entities ("overall") and reported per type.

The three Indonesian NER sets in ``../shared/data/ner`` use different tag
names; :func:`map_tag` folds them into warta's PER/ORG/LOC and drops the
types warta does not extract (NERP's EVT and FNB). :func:`repair_bio` turns
an ``I-`` that does not continue an entity of its type into ``B-``, which
is how conlleval reads such a tag anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

from ..errors import ModelError, NerDataError  # noqa: F401 (NerDataError re-exported)

LABELS = ("PER", "ORG", "LOC")

#: Dataset tag types -> warta types; a type not listed becomes O.
LABEL_MAP = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "LOC": "LOC", "PLACE": "LOC", "PLC": "LOC",
    "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG",
}


@dataclass(frozen=True)
class Sentence:
    """One sentence of a token<TAB>BIO file (tags already mapped and repaired)."""

    words: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass
class TypeScore:
    """Counts and P/R/F1 for one entity type (or all of them)."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "pred": self.n_pred, "gold": self.n_gold}


@dataclass
class NerScores:
    """Result of :func:`score`: ``overall`` plus one :class:`TypeScore` per type."""

    overall: TypeScore = field(default_factory=TypeScore)
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    n_sentences: int = 0
    n_tokens: int = 0

    def as_dict(self) -> dict:
        return {"overall": self.overall.as_dict(),
                "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
                "sentences": self.n_sentences, "tokens": self.n_tokens}


def map_tag(tag: str) -> str:
    """A dataset tag in warta's scheme: ``B-PERSON`` -> ``B-PER``, ``I-EVT`` -> ``O``."""
    if tag == "O":
        return "O"
    if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BIES":
        raise NerDataError(f"not a BIO tag: {tag!r}")
    label = LABEL_MAP.get(tag[2:].upper())
    if label is None:
        return "O"
    prefix = tag[0]
    # BIOES files: E- continues, S- starts (folded to plain BIO)
    prefix = {"E": "I", "S": "B"}.get(prefix, prefix)
    return f"{prefix}-{label}"


def repair_bio(tags: Sequence[str]) -> list[str]:
    """Tags where every ``I-X`` that does not follow ``B-X``/``I-X`` becomes ``B-X``."""
    out = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entities in a BIO sequence as ``(start, end_exclusive, type)``, read as conlleval does."""
    out = set()
    start, label = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        begins = tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label)
        if start is not None and (tag == "O" or begins):
            out.add((start, i, label))
            start, label = None, None
        if begins:
            start, label = i, tag[2:]
    return out


def parse_conll(lines: Iterable[str], source: str = "<input>") -> Iterator[tuple[list[str], list[str]]]:
    """Raw ``(words, tags)`` sentences from token<TAB>tag lines; blank lines separate sentences."""
    words: list[str] = []
    tags: list[str] = []
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        if line.startswith("-DOCSTART-"):
            continue
        parts = line.rsplit("\t", 1) if "\t" in line else line.rsplit(" ", 1)
        if len(parts) != 2 or not parts[0]:
            raise NerDataError(f"{source}:{n}: expected token<TAB>tag, got {line[:60]!r}")
        words.append(parts[0])
        tags.append(parts[1].strip())
    if words:
        yield words, tags


def read_conll(path: Union[str, Path], dedupe: bool = False) -> list[Sentence]:
    """Sentences of a token<TAB>BIO file, tags mapped (:func:`map_tag`) and repaired.

    Args:
        path: the file.
        dedupe: drop a sentence whose words repeat an earlier sentence (NERP's
            train file repeats about 300).

    Raises:
        NerDataError: the file is missing or a line is not token<TAB>tag.
    """
    path = Path(path)
    if not path.is_file():
        raise NerDataError(f"no such file: {path}")
    out, seen = [], set()
    with path.open(encoding="utf-8") as fh:
        for words, tags in parse_conll(fh, str(path)):
            key = tuple(words)
            if dedupe:
                if key in seen:
                    continue
                seen.add(key)
            out.append(Sentence(key, tuple(repair_bio([map_tag(t) for t in tags]))))
    return out


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> NerScores:
    """Exact-match entity P/R/F1 of ``pred`` against ``gold`` (parallel BIO sequences).

    Raises:
        ValueError: a gold and predicted sequence differ in length.
    """
    result = NerScores()
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError(f"sequence lengths differ: gold {len(g)}, predicted {len(p)}")
        result.n_sentences += 1
        result.n_tokens += len(g)
        gs, ps = spans(g), spans(p)
        for ents, attr in ((gs, "n_gold"), (ps, "n_pred")):
            for _, _, label in ents:
                setattr(result.overall, attr, getattr(result.overall, attr) + 1)
                ts = result.per_type.setdefault(label, TypeScore())
                setattr(ts, attr, getattr(ts, attr) + 1)
        for _, _, label in gs & ps:
            result.overall.tp += 1
            result.per_type[label].tp += 1
    return result


def load_model(model: Union[str, Path, None] = None):
    """A spaCy pipeline with the ``ner`` pipe: ``model`` or the one shipped in the package.

    Raises:
        ModelError: no model at ``model`` and none shipped.
    """
    import spacy

    if model is None:
        from ..pipeline import ner_model_path

        model = ner_model_path()
        if model is None:
            raise ModelError("no NER model is shipped yet; train one with `warta train ner`")
    path = Path(model)
    if not (path / "meta.json").is_file():
        raise ModelError(f"not a spaCy model folder (no meta.json): {path}")
    return spacy.load(path)


def predict(nlp, sentences: Sequence[Sentence], batch_size: int = 256) -> list[list[str]]:
    """BIO tags the pipeline ``nlp`` assigns to each sentence's gold tokens."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=list(s.words)) for s in sentences)
    out = []
    for doc in nlp.pipe(docs, batch_size=batch_size):
        out.append([f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc])
    return out


def predict_file(path: Union[str, Path], model=None) -> tuple[list[Sentence], list[list[str]]]:
    """The gold sentences of a token<TAB>BIO file and the tags ``model`` gives them.

    Args:
        path: the gold file; its tags are mapped to PER/ORG/LOC first.
        model: a loaded spaCy pipeline, a model folder, None for the shipped model,
            or a list of loaded pipelines run as an ensemble (:func:`warta.train.silver.vote`).
    """
    sentences = read_conll(path)
    if isinstance(model, (list, tuple)):
        from ..train.silver import ensemble_predict

        return sentences, ensemble_predict(model, sentences)
    nlp = model if hasattr(model, "pipe") else load_model(model)
    return sentences, predict(nlp, sentences)


def evaluate(path: Union[str, Path], model=None) -> NerScores:
    """Score a model on a token<TAB>BIO file (gold tokens given to the model).

    Args:
        path: the gold file; its tags are mapped to PER/ORG/LOC first.
        model: as for :func:`predict_file`.

    Returns:
        The scores; also usable as ``evaluate(path).overall.f1``.
    """
    sentences, pred = predict_file(path, model)
    return score([s.tags for s in sentences], pred)


def entity_errors(sentences: Sequence[Sentence], pred: Sequence[Sequence[str]]) -> list[dict]:
    """Every gold entity the prediction misses and every predicted entity no gold one overlaps.

    Each error is ``{"sentence", "kind", "gold", "predicted", "context"}``: ``kind``
    is ``type`` (same span, other type), ``boundary`` (overlapping span of the
    same type), ``boundary+type``, ``missed`` (nothing overlaps) or ``spurious``;
    ``gold`` and ``predicted`` are "words/TYPE" strings, ``context`` the entity
    with up to three words either side.
    """
    def show(words, span):
        return " ".join(words[span[0]:span[1]]) + "/" + span[2]

    out = []
    for n, (sent, tags) in enumerate(zip(sentences, pred)):
        gold, guess = spans(sent.tags), spans(tags)
        words = sent.words
        for g in sorted(gold - guess):
            over = sorted(p for p in guess if p[0] < g[1] and g[0] < p[1])
            if any(p[:2] == g[:2] for p in over):
                kind = "type"
            elif any(p[2] == g[2] for p in over):
                kind = "boundary"
            else:
                kind = "boundary+type" if over else "missed"
            out.append({"sentence": n, "kind": kind, "gold": show(words, g),
                        "predicted": [show(words, p) for p in over],
                        "context": " ".join(words[max(0, g[0] - 3):g[1] + 3])})
        for p in sorted(guess - gold):
            if not any(g[0] < p[1] and p[0] < g[1] for g in gold):
                out.append({"sentence": n, "kind": "spurious", "gold": None, "predicted": [show(words, p)],
                            "context": " ".join(words[max(0, p[0] - 3):p[1] + 3])})
    return out


def format_scores(scores: NerScores, title: Optional[str] = None) -> str:
    """A conlleval-like text table."""
    rows = [] if title is None else [title]
    o = scores.overall
    rows.append(f"{scores.n_sentences} sentences, {scores.n_tokens} tokens; "
                f"{o.n_gold} gold entities, {o.n_pred} predicted, {o.tp} correct")
    rows.append(f"{'type':<8} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}")
    for name, ts in sorted(scores.per_type.items()) + [("overall", o)]:
        rows.append(f"{name:<8} {100 * ts.precision:7.2f} {100 * ts.recall:7.2f} {100 * ts.f1:7.2f} "
                    f"{ts.n_gold:6d} {ts.n_pred:6d}")
    return "\n".join(rows)
