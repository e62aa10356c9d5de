"""``warta eval segment``: the CoNLL-U reader, the UD-style scorer and the accuracy gates.

The toy CoNLL-U below is written for these tests; the gates read the UD
files in ../shared/data at run time.
"""

import json

import pytest

from warta.cli import main
from warta.eval.segment import ConlluError, analyse_file, evaluate, internal_ends, read_conllu, running_text

TOY = """# sent_id = 1
# text = "Kami siap," kata Budi.
1\t"\t"\tPUNCT\t_\t_\t3\tpunct\t_\tSpaceAfter=No
2\tKami\tkami\tPRON\t_\t_\t3\tnsubj\t_\t_
3\tsiap\tsiap\tADJ\t_\t_\t0\troot\t_\tSpaceAfter=No
4\t,\t,\tPUNCT\t_\t_\t3\tpunct\t_\tSpaceAfter=No
5\t"\t"\tPUNCT\t_\t_\t3\tpunct\t_\t_
6\tkata\tkata\tVERB\t_\t_\t3\tparataxis\t_\t_
7\tBudi\tBudi\tPROPN\t_\t_\t6\tnsubj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_

# sent_id = 2
# text = Ia menyetujuinya pada 13/1/2022.
1\tIa\tia\tPRON\t_\t_\t2\tnsubj\t_\t_
2-3\tmenyetujuinya\t_\t_\t_\t_\t_\t_\t_\t_
2\tmenyetujui\tsetuju\tVERB\t_\t_\t0\troot\t_\t_
3\tnya\tnya\tPRON\t_\t_\t2\tobj\t_\t_
4\tpada\tpada\tADP\t_\t_\t5\tcase\t_\t_
5\t13/1/2022\t13/1/2022\tNUM\t_\t_\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_
"""


@pytest.fixture(scope="module")
def nlp(pipelines):
    return pipelines(("segmenter",))


@pytest.fixture
def toy(tmp_path):
    path = tmp_path / "toy.conllu"
    path.write_text(TOY, encoding="utf-8")
    return path


def test_segment_reader_surface_tokens(toy):
    s1, s2 = read_conllu(toy)
    assert [s2.text[a:b] for a, b in s2.tokens] == ["Ia", "menyetujuinya", "pada", "13/1/2022", "."]
    assert len(s1.tokens) == 8
    text, words, sents = running_text([s1, s2])
    assert text == '"Kami siap," kata Budi. Ia menyetujuinya pada 13/1/2022.'
    assert sorted(text[a:b] for a, b in sents) == sorted([s1.text, s2.text])
    assert len(words) == 13


def test_segment_perfect_on_toy(nlp, toy):
    (score,) = evaluate([toy], nlp=nlp)
    assert score.words.f1 == pytest.approx(100.0)
    assert score.sentences.f1 == pytest.approx(100.0)


def test_segment_counts_errors(nlp, tmp_path):
    """A gold boundary that warta cannot see (no punctuation) costs recall and precision."""
    path = tmp_path / "two.conllu"
    path.write_text("# text = Banjir meluas\n1\tBanjir\t_\t_\t_\t_\t0\troot\t_\t_\n2\tmeluas\t_\t_\t_\t_\t1\tdep\t_\t_\n\n"
                    "# text = Warga mengungsi.\n1\tWarga\t_\t_\t_\t_\t0\troot\t_\t_\n"
                    "2\tmengungsi\t_\t_\t_\t_\t1\tdep\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t1\tpunct\t_\t_\n",
                    encoding="utf-8")
    (score,) = evaluate([path], nlp=nlp)
    assert (score.sentences.tp, score.sentences.n_pred, score.sentences.n_gold) == (0, 1, 2)
    assert score.words.f1 == pytest.approx(100.0)


def test_segment_bad_file(tmp_path):
    path = tmp_path / "bad.conllu"
    path.write_text("# text = Satu dua.\n1\tTiga\t_\t_\t_\t_\t0\troot\t_\t_\n", encoding="utf-8")
    with pytest.raises(ConlluError):
        read_conllu(path)


def test_segment_cli(runner, toy, tmp_path):
    result = runner.invoke(main, ["eval", "segment", str(toy), "--json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert row["words"]["f1"] == 100.0 and row["sentences"]["gold"] == 2
    missing = runner.invoke(main, ["eval", "segment", str(tmp_path / "nope.conllu")])
    assert missing.exit_code == 2
    assert "no such file" in missing.output and "Traceback" not in missing.output


def _conllu(sentences):
    """A CoNLL-U text whose forms are the whitespace-separated pieces of each sentence."""
    blocks = []
    for text in sentences:
        rows = [f"{i}\t{form}\t_\t_\t_\t_\t0\tdep\t_\t_" for i, form in enumerate(text.split(), 1)]
        blocks.append("\n".join([f"# text = {text}"] + rows))
    return "\n\n".join(blocks) + "\n"


ANALYSE = [
    "Ia bekerja pada frekuensi 450 MHz. Standar ini dipakai di Eropa.",  # an end after a capitalised word
    "Dr. Budi dan R. Santoso hadir.",  # abbreviation and initial: no end
    '"Kami siap. Kami datang," kata Budi.',  # inside a quotation: no end
    "Harga naik 5 %. Warga protes.",  # an end after a non-word
    "Rapat dibuka di Jakarta.",
    "Semua setuju.",
]


@pytest.mark.parametrize("text, expected", [
    ("Ia bekerja pada 450 MHz. Standar ini dipakai.", ["Standar"]),
    ("Harga naik 5 %. Warga protes! Lalu? Sepi.", ["Warga", "Lalu?", "Sepi."]),
    ("Dr. Budi dan R. Santoso serta Tbk. Maju hadir.", []),
    ('Ia berkata, "Kami siap. Kami datang." Lalu pergi.', ["Lalu"]),
    ("Tanaman (Capsicum annuum L. Var. Besar) itu. Tumbuh subur.", ["Tumbuh"]),
    ("Harga naik. warga protes.", []),  # only a capital start counts
])
def test_segment_internal_ends(text, expected):
    from warta.lang import load_wordset

    abbrevs = load_wordset("abbreviations") | load_wordset("abbreviations_final")
    assert [text[n:].split(" ")[0] for _, n in internal_ends(text, abbrevs)] == expected


def test_segment_analyse_counts_and_ceiling(tmp_path):
    path = tmp_path / "analyse.conllu"
    path.write_text(_conllu(ANALYSE), encoding="utf-8")
    c = analyse_file(path, n_examples=5)
    assert (c.gold, c.units_with_internal, c.internal, c.internal_after_capitalised) == (6, 2, 2, 1)
    assert c.units_ending_capitalised == 3  # "Eropa.", "Budi.", "Jakarta."
    # splitting at both internal ends: 8 predicted, the 4 clean units right
    assert (c.split_all.tp, c.split_all.n_pred, c.split_all.n_gold) == (4, 8, 6)
    assert c.split_all.f1 == pytest.approx(2 * 4 / (8 + 6) * 100)
    # never after "Eropa." / "Budi." / "Jakarta.": units 1+2, 3+4a, 4b, 5+6, none right
    assert (c.split_no_capitalised.tp, c.split_no_capitalised.n_pred) == (0, 4)
    assert len(c.examples) == 2 and "MHz. ||" in c.examples[0]


def test_segment_cli_analyse(runner, tmp_path):
    path = tmp_path / "analyse.conllu"
    path.write_text(_conllu(ANALYSE), encoding="utf-8")
    result = runner.invoke(main, ["eval", "segment", str(path), "--analyse", "--json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert row["units_with_internal_end"] == 2 and row["split_all"]["f1"] == 57.14
    text = runner.invoke(main, ["eval", "segment", str(path), "--analyse"]).output
    assert "best sentence F1 of a splitter that splits at every such end: P 50.00 R 66.67 F1 57.14" in text


# Pinned floors, a little under the figures measured with
# `warta eval segment ../shared/data/ud/gsd-2.17/id_gsd-ud-dev.conllu ../shared/data/ud/csui/id_csui-ud-train.conllu`
# (see docs/stages.md "Segmentation").
GATES = [
    ("ud/gsd-2.17/id_gsd-ud-dev.conllu", 99.4, 88.0),
    ("ud/csui/id_csui-ud-train.conllu", 99.6, 93.5),
]


@pytest.mark.parametrize("rel, word_floor, sent_floor", GATES)
def test_segment_gate(nlp, shared_data, rel, word_floor, sent_floor):
    (score,) = evaluate([shared_data / rel], nlp=nlp)
    assert score.words.f1 >= word_floor, f"word F1 {score.words.f1:.2f} < {word_floor}"
    assert score.sentences.f1 >= sent_floor, f"sentence F1 {score.sentences.f1:.2f} < {sent_floor}"


def test_segment_gsd_ceiling(shared_data):
    """The figures docs/segmentation.md gives for GSD dev (`warta eval segment --analyse`)."""
    c = analyse_file(shared_data / "ud/gsd-2.17/id_gsd-ud-dev.conllu")
    assert (c.gold, c.units_with_internal, c.internal, c.internal_after_capitalised) == (559, 36, 42, 36)
    assert c.split_all.f1 == pytest.approx(90.17, abs=0.01)
    assert c.split_no_capitalised.f1 == pytest.approx(56.06, abs=0.01)
