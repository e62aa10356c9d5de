"""Reading batch output back, and loading it into the SQLite archive with one writer."""

from __future__ import annotations

import json

import pytest

from warta import errors
from warta.cli import main
from warta.scale import article_files, ingest_parquet, iter_records_from_parquet, run_batch


@pytest.fixture
def batch_out(tmp_path, corpus_dir):
    out = tmp_path / "out"
    run_batch([str(corpus_dir)], str(out))
    return out


def test_reader_month_filter_and_manifest_listing(batch_out, team_articles):
    files = article_files(str(batch_out))
    assert files == sorted(files) and all("/articles/month=" in f for f in files)
    april = [r.id for r in iter_records_from_parquet(str(batch_out), months={"2023-04"})]
    assert sorted(april) == ["t-02", "t-03"]


def test_reader_ignores_files_of_unfinished_partitions(batch_out):
    stray = batch_out / "articles" / "month=2023-04" / "part-unfinished.parquet"
    stray.write_bytes((next((batch_out / "articles" / "month=2023-04").glob("*.parquet"))).read_bytes())
    ids = [r.id for r in iter_records_from_parquet(str(batch_out))]
    assert len(ids) == len(set(ids))


def test_reader_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(errors.InputError, match="no such folder"):
        list(iter_records_from_parquet(str(tmp_path / "nope")))


def test_reader_ingest_parquet_loads_the_store_once(batch_out, tmp_path):
    from warta.store import Store

    db = tmp_path / "warta.db"
    expected = {r.id: r for r in iter_records_from_parquet(str(batch_out))}
    first = ingest_parquet([str(batch_out)], str(db), batch_size=4)
    assert first == {"read": len(expected), "added": len(expected), "duplicates": 0}
    with Store(db) as store:
        for rid, rec in expected.items():
            assert store.get_record(rid) == rec
    again = ingest_parquet([str(batch_out)], str(db))
    assert again == {"read": len(expected), "added": 0, "duplicates": len(expected)}


def test_reader_cli_ingest_from_parquet(runner, batch_out, tmp_path):
    db = tmp_path / "cli.db"
    res = runner.invoke(main, ["ingest", "--from-parquet", str(batch_out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["added"] == summary["read"] > 0
