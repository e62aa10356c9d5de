"""Partition discovery and reading: JSONL, Parquet, loose files, IndoSum-style rows."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from warta import errors
from warta.scale import discover, read_articles, read_partition


def test_inputs_discover_folder_jsonl_and_parquet(tmp_path, team_articles, jsonl):
    jsonl(tmp_path / "one.jsonl", team_articles[:2])
    pq.write_table(pa.Table.from_pylist(team_articles[2:]), tmp_path / "two.parquet")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    parts = discover([str(tmp_path)])
    assert [p.kind for p in parts] == ["jsonl", "parquet"]
    assert len({p.key for p in parts}) == 2
    texts = [item.article.text for p in parts for item in read_partition(p)]
    assert texts == [a["text"] for a in team_articles]


def test_inputs_discover_groups_loose_files(tmp_path, team_articles):
    for i, art in enumerate(team_articles):
        (tmp_path / f"{i}.txt").write_text(art["text"], encoding="utf-8")
    (tmp_path / "3.json").write_text(json.dumps(team_articles[0]), encoding="utf-8")
    parts = discover([str(tmp_path)], files_per_partition=3)
    assert [len(p.urls) for p in parts] == [3, 1]
    arts = [item.article for p in parts for item in read_partition(p)]
    assert arts[3].id == "t-01" and arts[3].published == "2023-03-14"
    assert arts[0].text == team_articles[0]["text"]


def test_inputs_discover_glob_and_fsspec_url(tmp_path, team_articles, jsonl):
    jsonl(tmp_path / "x-1.jsonl", team_articles[:1])
    jsonl(tmp_path / "y-1.jsonl", team_articles[1:])
    assert len(discover([str(tmp_path / "x-*.jsonl")])) == 1
    parts = discover([f"file://{tmp_path}/y-1.jsonl"])
    assert [item.article.id for item in read_partition(parts[0])] == ["t-02", "t-03"]


def test_inputs_discover_missing_input_is_an_input_error(tmp_path):
    with pytest.raises(errors.InputError, match="no such input"):
        discover([str(tmp_path / "nope.jsonl")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(errors.InputError, match="no .jsonl"):
        discover([str(tmp_path / "empty")])


def test_inputs_fingerprint_changes_with_content(tmp_path, team_articles, jsonl):
    path = jsonl(tmp_path / "a.jsonl", team_articles[:1])
    before = discover([str(path)])[0]
    jsonl(path, team_articles)
    after = discover([str(path)])[0]
    assert before.key == after.key and before.fingerprint != after.fingerprint


def test_inputs_bad_rows_carry_their_error(tmp_path, team_articles, jsonl):
    path = jsonl(tmp_path / "a.jsonl", team_articles[:1], extra_lines=["{oops", '{"id": 7}'])
    items = list(read_partition(discover([str(path)])[0]))
    assert items[0].article is not None
    assert isinstance(items[1].error, errors.MalformedInput) and items[1].position == "line 2"
    assert isinstance(items[2].error, errors.MalformedInput) and items[2].id == "7"


def test_inputs_indosum_rows_are_detokenized_and_dated_from_their_id(tmp_path, jsonl):
    row = {"id": "1471852823-contoh", "source": "contoh", "source_url": "https://warta.example/c",
           "paragraphs": [[["Harga", "cabai", "naik", "(", "lagi", ")", "."]]]}
    path = jsonl(tmp_path / "indosum.jsonl", [row])
    (art,) = read_articles(path)
    assert art.text == "Harga cabai naik (lagi)."
    assert art.published == "2016-08-22"
    assert art.url == "https://warta.example/c"


def test_inputs_gzip_jsonl(tmp_path, team_articles):
    import gzip

    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(team_articles[0]) + "\n")
    assert [a.id for a in read_articles(path)] == ["t-01"]
