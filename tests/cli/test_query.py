"""``warta search|quotes|events|entities|errors|export`` over a temporary archive."""

from __future__ import annotations

import json

import pytest

from warta.cli import main


@pytest.fixture
def db(archive):
    from warta.store import Store

    with Store(archive) as store:
        store.add_error("rusak.jsonl", "line 2", "malformed JSON", "W106")
    return str(archive)


def run(runner, *args):
    return runner.invoke(main, list(args))


def test_query_search_json_hits_have_the_contract_fields(runner, db):
    res = run(runner, "search", "buruh", "--db", db, "--json")
    assert res.exit_code == 0, res.output
    hits = json.loads(res.stdout)
    assert [h["id"] for h in hits] == ["sample-jakarta"]
    assert {"id", "title", "published", "outlet"} <= hits[0].keys()
    assert "\ue000" not in hits[0]["snippet"]


def test_query_search_table_for_people(runner, db):
    res = run(runner, "search", "--person", "Tokayev", "--db", db)
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0].split() == ["published", "outlet", "id", "title"]
    assert any("Pasukan penjaga perdamaian" in ln for ln in lines)
    assert any("Kunjungan Tokayev" in ln for ln in lines)


@pytest.mark.parametrize("args", [["--since", "2022-02"], ["--until", "2022-01-31", "--place", "Almaty"],
                                  ["--org", "DPR"], ["--outlet", "berita"], ["--limit", "1"]])
def test_query_search_filters(runner, db, args):
    res = run(runner, "search", *args, "--db", db, "--json")
    assert res.exit_code == 0, res.output
    hits = json.loads(res.stdout)
    assert hits
    for h in hits:
        if "--since" in args:
            assert h["published"] >= "2022-02"
        if "--until" in args:
            assert h["published"] <= "2022-01-31"


@pytest.mark.parametrize("args, message", [
    (["search", "buruh AND"], "search syntax error"),
    (["search", "--since", "kemarin"], "not YYYY"),
    (["search", "x", "--limit", "0"], "0"),
    (["quotes", "--since", "2022-99"], "out of range"),
])
def test_query_bad_input_is_one_line_exit_2(runner, db, args, message):
    res = run(runner, *args, "--db", db)
    assert res.exit_code == 2
    assert message in res.stderr and "Traceback" not in res.output


def test_query_missing_archive_says_how_to_make_one(runner, tmp_path):
    res = run(runner, "search", "x", "--db", str(tmp_path / "none.db"))
    assert res.exit_code == 2 and "warta ingest" in res.stderr


def test_query_quotes_by_speaker(runner, db):
    res = run(runner, "quotes", "--speaker", "Serdyukov", "--db", db, "--json")
    (q,) = json.loads(res.stdout)
    assert q["speaker"] == "Andrei Serdyukov" and q["kind"] == "direct" and q["article_id"] == "sample-almaty"
    table = run(runner, "quotes", "--db", db)
    assert "Siti Rahmawati" in table.stdout and "speaker" in table.stdout.splitlines()[0]


@pytest.mark.parametrize("args, types", [
    (["--type", "PROTEST"], ["PROTEST"]),
    (["--actor-country", "RUS"], ["RETREAT"]),
    (["--recipient-country", "IDN"], ["COERCE", "PROTEST"]),
    (["--place", "Jakarta", "--since", "2022-02-07"], ["COERCE", "PROTEST"]),
])
def test_query_events_filters(runner, db, args, types):
    res = run(runner, "events", *args, "--db", db, "--json")
    assert res.exit_code == 0, res.output
    assert sorted(e["type"] for e in json.loads(res.stdout)) == types


def test_query_events_table(runner, db):
    res = run(runner, "events", "--db", db)
    assert "RETREAT" in res.stdout and "Rusia" in res.stdout and "Kazakhstan" in res.stdout


def test_query_entities_and_errors(runner, db):
    ents = json.loads(run(runner, "entities", "--label", "PER", "--db", db, "--json").stdout)
    assert ents[0]["name"] == "Kassym-Jomart Tokayev" and ents[0]["articles"] == 2
    errs = run(runner, "errors", "--db", db)
    assert "rusak.jsonl" in errs.stdout and "malformed JSON" in errs.stdout


def test_query_export_jsonl_to_stdout_and_parquet_to_file(runner, db, tmp_path):
    res = run(runner, "export", "--format", "jsonl", "--db", db)
    assert res.exit_code == 0
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == [
        "sample-almaty", "sample-jakarta", "sample-overlap", "sample-xss"]
    out = tmp_path / "a.parquet"
    res = run(runner, "export", "--format", "parquet", "--out", str(out), "--db", db)
    assert res.exit_code == 0 and out.stat().st_size > 0 and "4 rows written" in res.stderr
    res = run(runner, "export", "--format", "parquet", "--db", db)
    assert res.exit_code == 2 and "--out" in res.stderr


def test_query_export_plover_and_gdelt_with_the_real_exporters(runner, db):
    from warta.export.gdelt import GDELT_COLUMNS

    res = run(runner, "export", "--format", "plover", "--db", db)
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in res.stdout.splitlines()]
    assert sorted(e["event_type"] for e in events) == ["ACCUSE", "COERCE", "PROTEST", "RETREAT"]
    res = run(runner, "export", "--format", "gdelt", "--db", db)
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    assert len(lines) == 5 and all(len(ln.split("\t")) == len(GDELT_COLUMNS) for ln in lines)
