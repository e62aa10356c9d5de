"""Ship the NER teacher as warta's accurate model: a trimmed vocabulary and half-precision weights.

The fine-tuned e5-small teacher (:mod:`warta.train.teacher`, ``OUTPUT/best``)
is 470 MB, 82% of it the word-embedding table of 250,002 pieces for a hundred
languages. Indonesian news uses a small share of them. :func:`export` keeps
the pieces that the tokenizer produces on the given texts (IndoSum and the NER
train and dev splits; never the annotated news articles) plus every
single-character piece of the Latin, punctuation and currency blocks (so an
unseen word still splits into kept pieces rather than ``<unk>``), renumbers
them, cuts the embedding table to those rows and writes the weights as
float16 safetensors. The tokenizer stays a ``tokenizers`` Unigram model with
the kept pieces' original scores, so a word made only of kept pieces is split
exactly as before (``warta train teacher-eval`` on the output checks the rest).

numpy, safetensors and tokenizers only (torch is not needed to export).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Union

import numpy as np

#: the embedding table's name in an XLMRobertaForTokenClassification checkpoint
EMBEDDINGS = "roberta.embeddings.word_embeddings.weight"
#: code point blocks whose single-character pieces are always kept
#: (Basic Latin to Latin Extended-B, General Punctuation, Currency Symbols)
KEPT_BLOCKS = ((0x20, 0x24F), (0x2000, 0x206F), (0x20A0, 0x20CF))
SPECIALS = ("<s>", "<pad>", "</s>", "<unk>")


@dataclass(frozen=True)
class ExportSummary:
    """What :func:`export` wrote."""

    pieces_before: int
    pieces_after: int
    size_mb: float
    output: str


def _in_kept_block(piece: str) -> bool:
    ch = piece.lstrip("\u2581")
    return len(ch) == 1 and any(lo <= ord(ch) <= hi for lo, hi in KEPT_BLOCKS)


def used_pieces(tokenizer_json: Union[str, Path], word_lists: Iterable[list[str]], batch: int = 2048) -> set[int]:
    """Ids of the pieces the tokenizer gives ``word_lists`` (each a sentence's words)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(tokenizer_json))
    used: set[int] = set()
    chunk: list[list[str]] = []
    for words in word_lists:
        if words:
            chunk.append(list(words))
        if len(chunk) >= batch:
            for enc in tok.encode_batch(chunk, is_pretokenized=True, add_special_tokens=False):
                used.update(enc.ids)
            chunk = []
    if chunk:
        for enc in tok.encode_batch(chunk, is_pretokenized=True, add_special_tokens=False):
            used.update(enc.ids)
    return used


def kept_ids(vocab: list, used: set[int]) -> list[int]:
    """Old ids to keep, in their old order: the specials, the used pieces, single characters of KEPT_BLOCKS."""
    keep = [i for i, (piece, _score) in enumerate(vocab)
            if piece in SPECIALS or piece == "<mask>" or i in used or _in_kept_block(piece) or piece == "\u2581"]
    if [vocab[i][0] for i in keep[:4]] != list(SPECIALS):
        raise ValueError("the vocabulary does not start with <s> <pad> </s> <unk> (not an XLM-R tokenizer)")
    return keep


def trimmed_tokenizer(tok_json: dict, keep: list[int]) -> tuple[dict, list[int]]:
    """``tok_json`` (a tokenizer.json object) with only the ``keep`` pieces, renumbered in order,
    and for each new id the old id (the embedding row it takes)."""
    vocab = tok_json["model"]["vocab"]
    new_id = {old: new for new, old in enumerate(keep)}
    out = json.loads(json.dumps(tok_json))
    out["model"]["vocab"] = [vocab[i] for i in keep]
    out["model"]["unk_id"] = new_id[tok_json["model"]["unk_id"]]
    for added in out["added_tokens"]:  # the specials and <mask>, all kept by kept_ids
        added["id"] = new_id[added["id"]]
    piece_id = {a["content"]: a["id"] for a in out["added_tokens"]}
    for entry in ((out.get("post_processor") or {}).get("special_tokens") or {}).values():
        entry["ids"] = [piece_id[t] for t in entry["tokens"]]
    return out, list(keep)


def export(model_dir: Union[str, Path], output: Union[str, Path], word_lists: Iterable[list[str]]) -> ExportSummary:
    """Write the trimmed, float16 model of ``model_dir`` (a teacher's ``best/``) to ``output``.

    Raises:
        FileNotFoundError: ``model_dir`` lacks config.json, tokenizer.json or model.safetensors.
    """
    from safetensors.numpy import load_file, save_file

    src, out = Path(model_dir), Path(output)
    for name in ("config.json", "tokenizer.json", "model.safetensors"):
        if not (src / name).is_file():
            raise FileNotFoundError(f"{src / name}: missing (give a teacher's best/ folder)")
    tok_json = json.loads((src / "tokenizer.json").read_text(encoding="utf-8"))
    keep = kept_ids(tok_json["model"]["vocab"], used_pieces(src / "tokenizer.json", word_lists))
    new_tok, rows = trimmed_tokenizer(tok_json, keep)
    weights = load_file(str(src / "model.safetensors"))
    weights[EMBEDDINGS] = weights[EMBEDDINGS][rows]
    config = json.loads((src / "config.json").read_text(encoding="utf-8"))
    config["vocab_size"] = len(rows)
    config["dtype"] = "float16"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    save_file({k: v.astype(np.float16) for k, v in weights.items()}, str(out / "model.safetensors"))
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    (out / "tokenizer.json").write_text(json.dumps(new_tok, ensure_ascii=False), encoding="utf-8")
    shutil.copy(src / "tokenizer_config.json", out / "tokenizer_config.json")
    size = sum(f.stat().st_size for f in out.iterdir()) / 1e6
    return ExportSummary(len(tok_json["model"]["vocab"]), len(rows), round(size, 1), str(out))
