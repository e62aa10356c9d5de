"""The NER scorer: label mapping, BIO repair, span reading and P/R/F1 on small tables."""

import json

import pytest

from warta.cli import main
from warta.eval.ner import NerDataError, map_tag, read_conll, repair_bio, score, spans


@pytest.mark.parametrize("tag, expected", [
    ("O", "O"),
    ("B-PERSON", "B-PER"), ("I-PER", "I-PER"), ("B-PPL", "B-PER"),
    ("B-PLACE", "B-LOC"), ("I-PLC", "I-LOC"), ("B-LOC", "B-LOC"),
    ("B-ORGANISATION", "B-ORG"), ("I-IND", "I-ORG"), ("B-ORG", "B-ORG"),
    ("B-EVT", "O"), ("I-FNB", "O"),
    ("S-PER", "B-PER"), ("E-LOC", "I-LOC"),
])
def test_ner_map_tag(tag, expected):
    assert map_tag(tag) == expected


@pytest.mark.parametrize("tag", ["X-PER", "PER", "B_PER", "Q", ""])
def test_ner_map_tag_rejects_non_bio(tag):
    with pytest.raises(NerDataError):
        map_tag(tag)


@pytest.mark.parametrize("tags, expected", [
    (["O", "I-PER", "I-PER"], ["O", "B-PER", "I-PER"]),
    (["I-ORG"], ["B-ORG"]),
    (["B-PER", "I-LOC"], ["B-PER", "B-LOC"]),
    (["B-LOC", "I-LOC", "O", "I-LOC"], ["B-LOC", "I-LOC", "O", "B-LOC"]),
    (["B-PER", "I-PER", "B-PER"], ["B-PER", "I-PER", "B-PER"]),
    ([], []),
])
def test_ner_repair_bio(tags, expected):
    assert repair_bio(tags) == expected


@pytest.mark.parametrize("tags, expected", [
    (["B-PER", "I-PER", "O", "B-LOC"], {(0, 2, "PER"), (3, 4, "LOC")}),
    (["I-ORG", "I-ORG"], {(0, 2, "ORG")}),
    (["B-PER", "B-PER"], {(0, 1, "PER"), (1, 2, "PER")}),
    (["B-PER", "I-LOC", "I-LOC"], {(0, 1, "PER"), (1, 3, "LOC")}),
    (["O", "O"], set()),
    (["O", "B-ORG"], {(1, 2, "ORG")}),
])
def test_ner_spans(tags, expected):
    assert spans(tags) == expected


# (gold, predicted, expected tp, n_pred, n_gold) over one or more sentences
CASES = [
    # all right
    ([["B-PER", "I-PER", "O", "B-LOC"]], [["B-PER", "I-PER", "O", "B-LOC"]], 2, 2, 2),
    # boundary error: "Joko" alone for "Joko Widodo" is wrong, not half right
    ([["B-PER", "I-PER", "O"]], [["B-PER", "O", "O"]], 0, 1, 1),
    # type error
    ([["B-ORG", "O"]], [["B-LOC", "O"]], 0, 1, 1),
    # one missed, one spurious, one right, over two sentences
    ([["B-PER", "O", "B-LOC"], ["O", "O"]], [["B-PER", "O", "O"], ["B-ORG", "O"]], 1, 2, 2),
    # nothing predicted
    ([["B-LOC"]], [["O"]], 0, 0, 1),
]


@pytest.mark.parametrize("gold, pred, tp, n_pred, n_gold", CASES)
def test_ner_score_counts(gold, pred, tp, n_pred, n_gold):
    s = score(gold, pred)
    assert (s.overall.tp, s.overall.n_pred, s.overall.n_gold) == (tp, n_pred, n_gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    assert s.overall.precision == pytest.approx(p)
    assert s.overall.recall == pytest.approx(r)
    assert s.overall.f1 == pytest.approx(2 * p * r / (p + r) if p + r else 0.0)


def test_ner_score_per_type():
    gold = [["B-PER", "I-PER", "O", "B-ORG", "O", "B-LOC"]]
    pred = [["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "B-LOC"]]
    s = score(gold, pred)
    assert s.per_type["PER"].f1 == 1.0 and s.per_type["LOC"].f1 == 1.0
    assert (s.per_type["ORG"].tp, s.per_type["ORG"].n_pred, s.per_type["ORG"].n_gold) == (0, 1, 1)
    assert s.overall.precision == pytest.approx(2 / 3) and s.overall.recall == pytest.approx(2 / 3)


def test_ner_score_length_mismatch():
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])


def _write(path, rows):
    path.write_text("\n".join("\t".join(r) if r else "" for r in rows) + "\n", encoding="utf-8")


def test_ner_read_conll_maps_repairs_and_dedupes(tmp_path):
    f = tmp_path / "x.tsv"
    _write(f, [("Presiden", "O"), ("Budi", "I-PPL"), ("Santoso", "I-PPL"), ("tiba", "O"), ("di", "O"),
               ("Surabaya", "B-PLC"), ("", ""), ("Festival", "B-EVT"), ("Kopi", "I-EVT"), ("", ""),
               ("Presiden", "O"), ("Budi", "I-PPL"), ("Santoso", "I-PPL"), ("tiba", "O"), ("di", "O"),
               ("Surabaya", "B-PLC")])
    sents = read_conll(f)
    assert len(sents) == 3
    assert sents[0].tags == ("O", "B-PER", "I-PER", "O", "O", "B-LOC")
    assert sents[1].tags == ("O", "O")
    assert len(read_conll(f, dedupe=True)) == 2


def test_ner_read_conll_bad_line(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("Jakarta\tB-LOC\nhanya-satu-kolom\n", encoding="utf-8")
    with pytest.raises(NerDataError):
        read_conll(f)


def test_ner_cli_missing_file_is_one_line(runner, tmp_path):
    result = runner.invoke(main, ["eval", "ner", str(tmp_path / "tidak-ada.tsv")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "tidak-ada.tsv" in result.stderr


def test_ner_entity_errors_kinds():
    from warta.eval.ner import Sentence, entity_errors

    words = tuple("Menteri Budi Santoso tiba di Surabaya bersama PT Maju Jaya kemarin".split())
    gold = ("O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "B-ORG", "I-ORG", "I-ORG", "O")
    pred = ["B-PER", "I-PER", "I-PER", "O", "O", "B-ORG", "O", "O", "O", "O", "B-LOC"]
    errors = entity_errors([Sentence(words, gold)], [pred])
    kinds = {(e["kind"], e["gold"]) for e in errors}
    assert kinds == {("boundary", "Budi Santoso/PER"), ("type", "Surabaya/LOC"),
                     ("missed", "PT Maju Jaya/ORG"), ("spurious", None)}
    bound = next(e for e in errors if e["kind"] == "boundary")
    assert bound["predicted"] == ["Menteri Budi Santoso/PER"]
    assert next(e for e in errors if e["kind"] == "spurious")["predicted"] == ["kemarin/LOC"]


def test_ner_cli_errors_lists_what_the_model_got_wrong(runner, tmp_path, monkeypatch):
    import json

    import warta.eval.ner as ner

    # a model that finds nothing: both gold entities are missed
    monkeypatch.setattr(ner, "predict", lambda nlp, sents: [["O"] * len(s.words) for s in sents])
    f = tmp_path / "gold.tsv"
    _write(f, [("Warga", "O"), ("Bogor", "B-LOC"), ("bertemu", "O"), ("Budi", "B-PER"), (".", "O")])
    result = runner.invoke(main, ["eval", "ner", str(f), "--errors", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["overall"]["gold"] == 2 and out["overall"]["tp"] == 0
    assert [(e["kind"], e["gold"]) for e in out["errors"]] == [("missed", "Bogor/LOC"), ("missed", "Budi/PER")]
    text = runner.invoke(main, ["eval", "ner", str(f), "--errors"])
    assert "2 errors (kind, sentence" in text.stdout
    assert "missed" in text.stdout and "Warga Bogor bertemu Budi" in text.stdout
