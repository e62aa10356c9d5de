"""Reproducible training of warta's Indonesian NER (spaCy, CPU).

Data: the train splits of nergrit, idner2k and nerp (``../shared/data/ner``),
tags mapped to PER/ORG/LOC and repaired by :mod:`warta.eval.ner`, nerp's
repeated sentences dropped. Docs are built from the gold tokens. Checkpoints
are chosen on the dev splits of the cased sets (nergrit + idner2k); the test
splits are never seen.

Optional extras, each switched by :class:`TrainOptions`:

- two copies of the (small) cased sets, so they weigh as much as nerp;
- a "recased" copy of nerp: entity tokens and the first word title-cased,
  so its 6,000 sentences also teach the capitalisation cue (nerp itself
  stays in, lowercase, for lowercase input);
- lowercased copies of the cased sets (off by default: no gain seen);
- machine-labelled ("silver") sentences from an ensemble of earlier models
  (:mod:`warta.train.silver`);
- word vectors trained with floret (fastText with subwords) on the lowercased
  tokens of the IndoSum corpus plus the NER train sentences. They do not ship
  as a vectors table (a sourced ``ner`` pipe would lose it); they initialise
  the NORM hash-embedding table instead (:func:`init_norm_table`).

Example::

    warta train ner --output /tmp/ner --seed 0 --max-minutes 20
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

import numpy as np

from ..errors import TrainError  # noqa: F401 (re-exported)
from ..eval.ner import NerScores, Sentence, predict, read_conll, score

CONFIG_PATH = Path(__file__).with_name("ner.cfg")
SETS = ("nergrit", "idner2k", "nerp")
CASED_SETS = ("nergrit", "idner2k")


def default_data_dir() -> Path:
    """``../shared/data`` next to the project checkout."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


@dataclass
class TrainOptions:
    """Everything that decides a training run (recorded in ``scores.json``)."""

    seed: int = 0
    max_minutes: float = 20.0
    max_steps: int = 20000
    patience: int = 3000
    eval_frequency: int = 200
    sets: tuple[str, ...] = SETS
    #: how many times each set's train split goes into the training data
    copies: dict[str, int] = field(default_factory=lambda: {"nergrit": 2, "idner2k": 2, "nerp": 1})
    lowercase_copies: bool = False
    recase_nerp: bool = True
    vectors: bool = True
    vector_epochs: int = 5
    vector_min_count: int = 2
    #: reuse vectors saved here by an earlier run with the same settings (.npz); None: train anew
    vectors_cache: Optional[str] = None
    width: int = 128
    depth: int = 4
    window_size: int = 1
    norm_rows: int = 40000
    hidden_width: int = 64
    dropout: float = 0.1
    dev_sets: tuple[str, ...] = CASED_SETS
    #: continue from this model's ner weights (same architecture options) instead of a fresh init
    resume_from: Optional[str] = None
    #: epochs of character-objective pretraining of the tok2vec on IndoSum before fine-tuning (0: none)
    pretrain_epochs: int = 0
    #: start from these pretrained tok2vec weights (a file from an earlier pretraining) instead
    init_tok2vec: Optional[str] = None
    #: token<TAB>BIO file of machine-labelled sentences added to the training data (warta.train.silver)
    silver: Optional[str] = None
    #: use at most this many silver sentences (None: all)
    silver_limit: Optional[int] = None


@dataclass
class TrainResult:
    """What :func:`train` produced: the model folder and its ``scores.json`` content."""

    model_path: Path
    scores: dict


# ---------------------------------------------------------------- data


def load_sets(ner_dir: Path, sets: Sequence[str] = SETS) -> dict[str, dict[str, list[Sentence]]]:
    """``{set: {"train": [...], "dev": [...]}}`` with mapped, repaired tags; train deduplicated."""
    out = {}
    for name in sets:
        out[name] = {"train": read_conll(ner_dir / name / "train.tsv", dedupe=True),
                     "dev": read_conll(ner_dir / name / "dev.tsv")}
    return out


def lowercased(sentences: Iterable[Sentence]) -> list[Sentence]:
    """Copies with every word lowercased."""
    return [Sentence(tuple(w.lower() for w in s.words), s.tags) for s in sentences]


def recased(sentences: Iterable[Sentence]) -> list[Sentence]:
    """Copies of lowercase sentences with entity words and the first word capitalised.

    Words that hold no letter, or a letter after a digit ("2018-an"), are kept.
    """
    out = []
    for s in sentences:
        words = []
        for i, (w, t) in enumerate(zip(s.words, s.tags)):
            if (t != "O" or i == 0) and w[:1].isalpha():
                w = w[:1].upper() + w[1:]
            words.append(w)
        out.append(Sentence(tuple(words), s.tags))
    return out


def training_sentences(data: dict, opts: TrainOptions) -> list[Sentence]:
    """The train sentences with the copies and augmentations ``opts`` asks for."""
    out: list[Sentence] = []
    for name in opts.sets:
        train = data[name]["train"]
        for _ in range(max(1, opts.copies.get(name, 1))):
            out.extend(train)
        if opts.lowercase_copies and name in CASED_SETS:
            out.extend(lowercased(train))
        if opts.recase_nerp and name == "nerp":
            out.extend(recased(train))
    return out


def to_docs(vocab, sentences: Iterable[Sentence]) -> list:
    """spaCy Docs over the gold tokens with gold entities set."""
    from spacy.tokens import Doc

    return [Doc(vocab, words=list(s.words), ents=list(s.tags)) for s in sentences]


def write_docbin(path: Path, docs: list) -> Path:
    """Save ``docs`` as a .spacy file."""
    from spacy.tokens import DocBin

    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return path


# ---------------------------------------------------------------- vectors


def iter_corpus_sentences(corpus_path: Path, skip_ids: Iterable[str] = ()) -> Iterable[list[str]]:
    """Token lists of every paragraph sentence in IndoSum's jsonl, except the articles in ``skip_ids``."""
    skip = set(skip_ids)
    with corpus_path.open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if skip and art.get("id") in skip:
                continue
            for para in art.get("paragraphs", []):
                yield from para


def train_vectors(corpus_path: Path, sentences: Iterable[Sentence], work: Path, dim: int,
                  epochs: int = 5, min_count: int = 2) -> tuple[list[str], np.ndarray]:
    """Train floret skipgram vectors on lowercased corpus + NER train tokens (one thread,
    so the result is deterministic).

    Returns:
        The vocabulary (corpus words seen ``min_count`` times, plus every NER
        train word) and its vectors (subword-composed, so rare words get one too).
    """
    try:
        import floret
    except ImportError:
        raise TrainError("floret is not installed: pip install 'warta[train]', or train with --no-vectors") from None
    work.mkdir(parents=True, exist_ok=True)
    text = work / "vectors_input.txt"
    ner_words: set[str] = set()
    with text.open("w", encoding="utf-8") as fh:
        if corpus_path.is_file():
            for toks in iter_corpus_sentences(corpus_path):
                fh.write(" ".join(t.lower() for t in toks if " " not in t) + "\n")
        for s in sentences:
            words = [w.lower() for w in s.words if " " not in w]
            ner_words.update(words)
            fh.write(" ".join(words) + "\n")
    model = floret.train_unsupervised(
        str(text), model="skipgram", mode="fasttext", dim=dim, epoch=epochs, minCount=min_count,
        minn=3, maxn=5, bucket=200000, thread=1, verbose=0)
    vocab = sorted(set(model.get_words()) | ner_words)
    vecs = np.stack([model.get_word_vector(w) for w in vocab]).astype("float32")
    text.unlink()
    return vocab, vecs


def _norm_hashembed(ner):
    """The HashEmbed node of the NORM attribute inside the ner model."""
    for node in ner.model.walk():
        if node.name == "hashembed" and node.attrs.get("column") == 0:
            return node
    raise RuntimeError("no NORM hash-embedding table found in the ner model")


def init_norm_table(nlp, words: Sequence[str], vectors: np.ndarray, iters: int = 40,
                    damp: float = 0.05) -> float:
    """Set the NORM HashEmbed table so that each word's embedding approximates its vector.

    A token's NORM embedding is the sum of four hashed rows of the table; the
    rows are found by damped least squares (conjugate gradient on the normal
    equations, damped towards the random initial table). Vectors are rescaled
    to the spread of the random table first.

    Returns:
        The relative residual ||AE - V|| / ||V|| after fitting.
    """
    layer = _norm_hashembed(nlp.get_pipe("ner"))
    E0 = np.asarray(layer.get_param("E"))
    nV = E0.shape[0]
    keys = np.asarray([nlp.vocab[w].norm for w in words], dtype="uint64")
    buckets = np.asarray(layer.ops.hash(keys, layer.attrs["seed"]) % nV).astype("int64")
    V = vectors - vectors.mean(axis=0)
    target_std = float(np.std(E0[buckets].sum(axis=1)))
    V = V * (target_std / float(V.std()))

    def A(E):
        return E[buckets].sum(axis=1)

    def At(X):
        out = np.zeros((nV, X.shape[1]), dtype="float64")
        for k in range(buckets.shape[1]):
            np.add.at(out, buckets[:, k], X)
        return out

    def M(E):
        return At(A(E)) + damp * E

    E = E0.astype("float64").copy()
    b = At(V.astype("float64")) + damp * E
    r = b - M(E)
    p = r.copy()
    rs = (r * r).sum(axis=0)
    for _ in range(iters):
        Mp = M(p)
        alpha = rs / np.maximum((p * Mp).sum(axis=0), 1e-12)
        E += p * alpha
        r -= Mp * alpha
        rs_new = (r * r).sum(axis=0)
        p = r + p * (rs_new / np.maximum(rs, 1e-12))
        rs = rs_new
    layer.set_param("E", layer.ops.asarray(E.astype("float32")))
    return float(np.linalg.norm(A(E) - V) / np.linalg.norm(V))


# ---------------------------------------------------------------- training


def build_config(opts: TrainOptions, train_path: Path, dev_path: Path):
    """The spaCy config of :data:`CONFIG_PATH` with ``opts`` filled in."""
    from thinc.api import Config

    cfg = Config().from_disk(CONFIG_PATH, interpolate=False)
    cfg["paths"]["train"] = str(train_path)
    cfg["paths"]["dev"] = str(dev_path)
    cfg["system"]["seed"] = opts.seed
    for key in ("width", "depth", "window_size", "norm_rows", "hidden_width", "dropout"):
        cfg["vars"][key] = getattr(opts, key)
    cfg["training"]["max_steps"] = opts.max_steps
    cfg["training"]["patience"] = opts.patience
    cfg["training"]["eval_frequency"] = opts.eval_frequency
    return cfg


def _save(nlp, optimizer, path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
    with nlp.use_params(optimizer.averages):
        nlp.to_disk(path)


def run_training(nlp, opts: TrainOptions, best_path: Path, log: Callable[[str], None]) -> dict:
    """The spaCy training loop, stopped after ``opts.max_minutes``; best checkpoint saved.

    Returns:
        ``{"steps", "epochs", "best_dev_f1", "minutes"}``.
    """
    from spacy.schemas import ConfigSchemaTraining
    from spacy.training.loop import create_evaluation_callback, create_train_batches, train_while_improving
    from spacy.util import registry, resolve_dot_names

    config = nlp.config.interpolate()
    T = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    steps = train_while_improving(
        nlp, optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"], accumulate_gradient=T["accumulate_gradient"], patience=T["patience"],
        max_steps=T["max_steps"], eval_frequency=T["eval_frequency"], exclude=[],
        annotating_components=[], before_update=None)
    from tqdm import tqdm

    start = time.time()
    best, info = -1.0, {"step": 0, "epoch": 0}
    bar = tqdm(total=T["max_steps"] or None, desc="train ner", unit="step", file=sys.stderr, disable=None)
    for _batch, info, is_best in steps:
        bar.update(1)
        if is_best is not None:
            f1 = float(info["score"])
            log(f"step {info['step']:6d} epoch {info['epoch']:3d} dev ents_f {100 * f1:6.2f} "
                f"loss {info['losses'].get('ner', 0.0):9.1f} {'*' if is_best else ''}")
            if is_best:
                best = f1
                _save(nlp, optimizer, best_path)
        if time.time() - start > opts.max_minutes * 60:
            log(f"time limit of {opts.max_minutes} min reached at step {info['step']}")
            break
    bar.close()
    if best < 0:  # no evaluation happened before the limit
        _save(nlp, optimizer, best_path)
    return {"steps": info["step"], "epochs": info["epoch"], "best_dev_f1": best,
            "minutes": round((time.time() - start) / 60, 2)}


def export_model(checkpoint: Path, output: Path) -> Path:
    """Write the trained ``ner`` alone into a language-neutral (``xx``) pipeline at ``output``.

    Why: a spaCy ``id`` pipeline builds ~32,000 tokenizer exceptions on load,
    twice (defaults, then the saved tokenizer), which takes seconds; warta
    tokenizes with its own ``id`` tokenizer and sources only ``ner`` (see
    :mod:`warta.pipeline`), and the ner features (NORM, PREFIX, SUFFIX, SHAPE)
    do not depend on the language, so the shipped model carries an ``xx``
    shell that loads in a fraction of a second.
    """
    import spacy

    trained = spacy.load(checkpoint)
    nlp = spacy.blank("xx")
    nlp.add_pipe("ner", source=trained)
    nlp.meta.update({"name": "warta_ner", "version": "1.0.0",
                     "description": "warta's Indonesian NER (PER, ORG, LOC); tokenize with warta's tokenizer",
                     "license": "MIT (trained on MIT-licensed nergrit, idner2k, nerp)"})
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    return output


def words_per_second(nlp, sentences: Sequence[Sentence], repeat: int = 3) -> float:
    """Speed of the ner pipe alone on pre-tokenized docs (best of ``repeat``).

    Timed in CPU seconds of this process (run with ``OMP_NUM_THREADS=1``), so
    the figure is words per second on one core even on a busy machine.
    """
    from spacy.tokens import Doc

    ner = nlp.get_pipe("ner")
    n_words = sum(len(s.words) for s in sentences)
    best = float("inf")
    for _ in range(repeat):
        docs = [Doc(nlp.vocab, words=list(s.words)) for s in sentences]
        t0 = time.process_time()
        for _doc in ner.pipe(docs, batch_size=1000):
            pass
        best = min(best, time.process_time() - t0)
    return n_words / best


def dev_report(model_path: Path, data: dict) -> dict:
    """Dev F1 per set, speed, load time and size of a saved model."""
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(model_path)
    load_s = time.perf_counter() - t0
    report: dict = {"dev": {}}
    for name, parts in data.items():
        s: NerScores = score([x.tags for x in parts["dev"]], predict(nlp, parts["dev"]))
        report["dev"][name] = s.as_dict()
    all_dev = [x for parts in data.values() for x in parts["dev"]]
    report["words_per_second"] = round(words_per_second(nlp, all_dev))
    report["load_seconds"] = round(load_s, 3)
    size = sum(p.stat().st_size for p in model_path.rglob("*") if p.is_file())
    report["size_mb"] = round(size / 1e6, 2)
    return report


def _pretrain(nlp, opts: TrainOptions, data: dict, data_dir: Path, work: Path, log) -> None:
    """Load pretrained tok2vec weights, or pretrain them now (:mod:`warta.train.pretrain`)."""
    from .pretrain import load_tok2vec, pretrain_tok2vec, pretraining_sentences

    if opts.init_tok2vec:
        load_tok2vec(nlp, opts.init_tok2vec)
        log(f"tok2vec weights from {opts.init_tok2vec}")
    elif opts.pretrain_epochs > 0:
        corpus = data_dir / "corpus" / "indosum.jsonl"
        if not corpus.is_file():
            raise TrainError(f"pretraining needs {corpus}")
        extra = [s.words for name in opts.sets for s in data[name]["train"]]
        files = pretrain_tok2vec(nlp, pretraining_sentences(iter_corpus_sentences(corpus), extra),
                                 opts.pretrain_epochs, work / "pretrain", seed=opts.seed, log=log)
        load_tok2vec(nlp, files[-1])


def _log(message: str) -> None:
    from tqdm import tqdm

    tqdm.write(message, file=sys.stderr)


def train(output: Path, opts: Optional[TrainOptions] = None, data_dir: Optional[Path] = None,
          work: Optional[Path] = None, log: Callable[[str], None] = _log) -> TrainResult:
    """Train the NER and write the best checkpoint to ``output`` with ``scores.json``.

    Args:
        output: the model folder to write (replaced if present).
        opts: the run's settings (defaults: :class:`TrainOptions`).
        data_dir: the shared data folder holding ``ner/`` and ``corpus/``.
        work: scratch folder for corpora and vectors (default ``<output>.work``).
        log: receives progress lines.

    Returns:
        The model folder and the scores written beside it.
    """
    import spacy
    from spacy.training.initialize import init_nlp
    from thinc.api import fix_random_seed

    opts = opts or TrainOptions()
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    output = Path(output)
    work = Path(work) if work else output.with_name(output.name + ".work")
    work.mkdir(parents=True, exist_ok=True)
    t_start = time.time()
    random.seed(opts.seed)
    fix_random_seed(opts.seed)

    data = load_sets(data_dir / "ner", SETS)
    train_sents = training_sentences(data, opts)
    if opts.silver:
        silver = read_conll(opts.silver)[:opts.silver_limit]
        log(f"{len(silver)} silver sentences from {opts.silver}")
        train_sents += silver
    dev_sents = [s for name in opts.dev_sets for s in data[name]["dev"]]
    log(f"{len(train_sents)} train sentences, {len(dev_sents)} dev sentences ({'+'.join(opts.dev_sets)})")
    vocab_nlp = spacy.blank("id")
    train_path = write_docbin(work / "train.spacy", to_docs(vocab_nlp.vocab, train_sents))
    dev_path = write_docbin(work / "dev.spacy", to_docs(vocab_nlp.vocab, dev_sents))

    cfg = build_config(opts, train_path, dev_path)
    nlp = init_nlp(cfg)
    fit = None
    if opts.resume_from:
        src = spacy.load(opts.resume_from).get_pipe("ner")
        nlp.get_pipe("ner").from_bytes(src.to_bytes(exclude=["vocab"]), exclude=["vocab"])
        log(f"resumed from {opts.resume_from}")
    elif opts.vectors:
        t0 = time.time()
        cache = Path(opts.vectors_cache) if opts.vectors_cache else None
        if cache is not None and cache.is_file():
            saved = np.load(cache)
            words, vecs = [str(w) for w in saved["words"]], saved["vectors"]
        else:
            base = [s for name in opts.sets for s in data[name]["train"]]
            words, vecs = train_vectors(data_dir / "corpus" / "indosum.jsonl", base, work, opts.width,
                                        opts.vector_epochs, opts.vector_min_count)
            if cache is not None:
                cache.parent.mkdir(parents=True, exist_ok=True)
                np.savez(cache, words=np.asarray(words), vectors=vecs)
        fit = init_norm_table(nlp, words, vecs)
        log(f"vectors: {len(words)} words, dim {opts.width}, {time.time() - t0:.0f}s, "
            f"NORM table fit residual {fit:.3f}")
    if not opts.resume_from:
        _pretrain(nlp, opts, data, data_dir, work, log)
    best_path = work / "model-best"
    info = run_training(nlp, opts, best_path, log)

    export_model(best_path, output)
    report = dev_report(output, data)
    scores = {
        "dev_f1": {k: v["overall"]["f1"] for k, v in report["dev"].items()},
        **report,
        "training": {**info, "wall_minutes": round((time.time() - t_start) / 60, 2),
                     "vector_fit_residual": fit},
        "options": asdict(opts),
    }
    (output / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    log(f"dev F1: " + ", ".join(f"{k} {100 * v:.2f}" for k, v in scores["dev_f1"].items())
        + f"; {report['words_per_second']} words/s; {report['size_mb']} MB")
    return TrainResult(output, scores)
