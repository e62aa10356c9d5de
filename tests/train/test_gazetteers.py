"""The DBpedia organisation words (warta.train.gazetteers, `warta train gazetteers`), on lists written here."""

import json

from warta.cli import main
from warta.lang import load_lines
from warta.train.gazetteers import (COMMON_WORDS_FILE, ORG_WORDS_FILE, common_words, corpus_lower_words, org_words,
                                   write_common_words, write_org_words)


def _lists(folder, orgs, people=(), places=()):
    for name, lines in (("organization", orgs), ("person", people), ("place", places)):
        (folder / f"dbpedia-id-{name}.txt").write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    return folder


def test_org_words_keeps_one_word_names_no_person_or_place_holds(tmp_path):
    folder = _lists(tmp_path, ["Wantimpres", "Badan Pusat Statistik", "Sinar", "Bogor", "Dan", "kopi"],
                    people=["Sinar"], places=["Bogor"])
    # several words, a person's or a place's name, a function word and a lower-case word are left out
    assert org_words(folder, frozenset({"dan"})) == ["Wantimpres"]


def test_org_words_leaves_out_common_and_derived_words(tmp_path):
    folder = _lists(tmp_path, ["Wantimpres", "Keadilan", "Keolahragaan", "Taxi"])
    # "keadilan" is written in lower case in the corpus; "Keolahragaan" is a ke-...-an noun
    assert org_words(folder, frozenset({"keadilan"})) == ["Taxi", "Wantimpres"]


def test_corpus_lower_words_counts_lower_case_tokens(tmp_path):
    corpus = tmp_path / "c.jsonl"
    para = [[["Keadilan", "dan", "keadilan", "keadilan", "keadilan", "Setkab"]]]
    corpus.write_text(json.dumps({"paragraphs": para}) + "\n", encoding="utf-8")
    assert corpus_lower_words(corpus) == frozenset({"keadilan"})


def test_write_org_words_gives_its_source(tmp_path):
    folder = _lists(tmp_path, ["Wantimpres", "Kompolnas"])
    out = tmp_path / "words.txt"
    assert write_org_words(folder, out) == 2
    text = out.read_text(encoding="utf-8")
    assert "CC BY-SA" in text and "warta train gazetteers" in text
    assert [x for x in text.splitlines() if not x.startswith("#")] == ["Kompolnas", "Wantimpres"]


def test_cli_train_gazetteers(tmp_path):
    from click.testing import CliRunner

    (tmp_path / "gazetteers").mkdir()
    _lists(tmp_path / "gazetteers", ["Setkab"])
    out = tmp_path / "words.txt"
    result = CliRunner().invoke(main, ["train", "gazetteers", "--data", str(tmp_path), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["names"] == 1
    assert "common_words" not in json.loads(result.output)  # no corpus beside the gazetteers: no common words
    missing = CliRunner().invoke(main, ["train", "gazetteers", "--data", str(tmp_path / "none")])
    assert missing.exit_code != 0 and "no DBpedia name lists" in missing.output


def test_shipped_list_is_read_by_the_lexicon():
    assert ORG_WORDS_FILE.is_file() and "Kompolnas" in load_lines("dbpedia_org_words")


def test_common_words_are_written_in_lower_case_and_seldom_capitalised(tmp_path):
    corpus = tmp_path / "c.jsonl"
    # "rekrutmen": three times in lower case; "budi": a name inside sentences; "dan": too short; "pagi": twice
    sents = [["Rekrutmen", "dibuka", "pagi"], ["kata", "Budi", "rekrutmen", "budi"], ["rekrutmen", "dan", "pagi"],
             ["oleh", "Budi"], ["rekrutmen", "lagi", "dibuka", "dibuka"]]
    corpus.write_text(json.dumps({"paragraphs": [sents]}) + "\n", encoding="utf-8")
    assert common_words(corpus) == ["dibuka", "rekrutmen"]
    out = tmp_path / "common.txt"
    assert write_common_words(corpus, out) == 2
    text = out.read_text(encoding="utf-8")
    assert "CC BY-SA" in text and "warta train gazetteers" in text


def test_shipped_common_words_are_read_by_the_lexicon():
    words = load_lines("corpus_common_words")
    assert COMMON_WORDS_FILE.is_file() and "rekrutmen" in words and "budi" not in words
