"""Trimming the teacher into the accurate model (warta.train.accurate_export), and that model in the pipeline.

The vocabulary tests need nothing beyond the standard library; the rest is
skipped unless tokenizers (and torch, transformers) are installed.
"""

import json

import pytest

from warta.train.accurate_export import kept_ids, trimmed_tokenizer

M = "\u2581"
VOCAB = [["<s>", 0.0], ["<pad>", 0.0], ["</s>", 0.0], ["<unk>", 0.0], [",", -3.0], [M, -3.5],
         [M + "budi", -8.0], [M + "tiba", -8.0], ["\u4e2d", -9.0], [M + "Paris", -9.0], ["a", -5.0],
         ["b", -5.5], [M + "jakarta", -8.5], ["<mask>", 0.0]]


def tokenizer_json():
    specials = [{"id": i, "content": p, "single_word": False, "lstrip": False, "rstrip": False,
                 "normalized": False, "special": True} for i, (p, _s) in enumerate(VOCAB[:4])]
    specials.append({"id": len(VOCAB) - 1, "content": "<mask>", "single_word": False, "lstrip": True,
                     "rstrip": False, "normalized": False, "special": True})
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": specials, "normalizer": None,
            "pre_tokenizer": {"type": "Metaspace", "replacement": M, "prepend_scheme": "always", "split": True},
            "post_processor": {"type": "TemplateProcessing",
                               "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}},
                                          {"Sequence": {"id": "A", "type_id": 0}},
                                          {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                               "pair": [{"Sequence": {"id": "A", "type_id": 0}},
                                        {"Sequence": {"id": "B", "type_id": 1}}],
                               "special_tokens": {"<s>": {"id": "<s>", "ids": [0], "tokens": ["<s>"]},
                                                  "</s>": {"id": "</s>", "ids": [2], "tokens": ["</s>"]}}},
            "decoder": {"type": "Metaspace", "replacement": M, "prepend_scheme": "always", "split": True},
            "model": {"type": "Unigram", "unk_id": 3, "vocab": [list(v) for v in VOCAB], "byte_fallback": False}}


def test_accurate_export_keeps_specials_used_pieces_and_latin_characters():
    keep = kept_ids(VOCAB, used={6, 7})
    pieces = [VOCAB[i][0] for i in keep]
    # used words, single Latin characters and punctuation, the word marker, the specials
    assert pieces == ["<s>", "<pad>", "</s>", "<unk>", ",", M, M + "budi", M + "tiba", "a", "b", "<mask>"]
    assert M + "Paris" not in pieces and "\u4e2d" not in pieces       # unused word, unused CJK character


def test_accurate_export_refuses_a_vocabulary_without_xlmr_specials():
    with pytest.raises(ValueError, match="not an XLM-R tokenizer"):
        kept_ids([["a", -1.0], ["<s>", 0.0]], used={0})


def test_accurate_export_renumbers_pieces_and_special_ids():
    keep = kept_ids(VOCAB, used={6, 12})
    new, rows = trimmed_tokenizer(tokenizer_json(), keep)
    assert rows == keep                                     # new id -> old embedding row
    assert [p for p, _s in new["model"]["vocab"]] == [VOCAB[i][0] for i in keep]
    assert new["model"]["unk_id"] == 3
    mask = [a for a in new["added_tokens"] if a["content"] == "<mask>"][0]
    assert new["model"]["vocab"][mask["id"]][0] == "<mask>" and rows[mask["id"]] == len(VOCAB) - 1
    assert new["post_processor"]["special_tokens"]["</s>"]["ids"] == [2]
    # scores travel with their pieces
    assert dict(map(tuple, new["model"]["vocab"]))[M + "jakarta"] == -8.5


def test_accurate_export_splits_kept_words_as_before(tmp_path):
    tokenizers = pytest.importorskip("tokenizers")
    full = tmp_path / "full.json"
    full.write_text(json.dumps(tokenizer_json()))
    words = ["budi", "tiba", "ab"]
    before = tokenizers.Tokenizer.from_file(str(full)).encode(words, is_pretokenized=True).tokens
    new, _rows = trimmed_tokenizer(tokenizer_json(), kept_ids(VOCAB, used={6, 7}))
    small = tmp_path / "small.json"
    small.write_text(json.dumps(new))
    after = tokenizers.Tokenizer.from_file(str(small)).encode(words, is_pretokenized=True).tokens
    assert after == before == ["<s>", M + "budi", M + "tiba", M, "a", "b", "</s>"]


def test_accurate_export_a_trained_teacher_runs_as_the_pipelines_ner(tmp_path, tiny_e5_file, monkeypatch):
    """End to end: a tiny teacher, trimmed and exported, is the ner stage of model="accurate"."""
    torch = pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("safetensors")
    import warta
    from warta.components.accurate_ner import ACCURATE_MODEL_ENV
    from warta.train.accurate_export import export
    from warta.train.e5convert import convert
    from warta.train.teacher import TeacherOptions, train

    path, _ = tiny_e5_file
    convert(tmp_path / "hf", path)
    data = tmp_path / "data"
    (data / "ner" / "nergrit").mkdir(parents=True)
    gold = "budi\tB-PERSON\ntiba\tO\ndi\tO\njakarta\tB-PLACE\n\nkita\tO\nke\tO\njakarta\tB-PLACE\n"
    for split in ("train", "dev"):
        (data / "ner" / "nergrit" / f"{split}.tsv").write_text(gold)
    train(tmp_path / "run", TeacherOptions(encoder=str(tmp_path / "hf"), sets=("nergrit",), dev_sets=("nergrit",),
                                           epochs=1, batch_size=4, threads=1, evals_per_epoch=1),
          data_dir=data, log=lambda m: None)
    summary = export(tmp_path / "run" / "best", tmp_path / "acc", [["budi", "tiba", "di", "jakarta"]])
    assert summary.pieces_after < summary.pieces_before
    from safetensors.numpy import load_file

    table = load_file(str(tmp_path / "acc" / "model.safetensors"))["roberta.embeddings.word_embeddings.weight"]
    assert table.shape[0] == summary.pieces_after and str(table.dtype) == "float16"
    monkeypatch.setenv(ACCURATE_MODEL_ENV, str(tmp_path / "acc"))
    from warta import pipeline

    nlp = pipeline.build(["segmenter", "ner", "entity_resolver"], model="accurate")
    assert type(nlp.get_pipe("ner")).__name__ == "AccurateNer"
    doc = nlp("budi tiba di jakarta. kita tiba di bandara jakarta.")
    assert all(e.label_ in ("PER", "ORG", "LOC") for e in doc.ents)
    try:
        rec = warta.extract("budi tiba di jakarta kemarin, kata dia.", force=True, model="accurate")
    finally:
        pipeline._cached.cache_clear()  # the process-wide accurate pipeline holds this tiny model: drop it
    assert rec.text.startswith("budi")
    assert torch.get_num_threads() >= 1
