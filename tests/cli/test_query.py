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
    out = json.loads(res.stdout)
    assert out["total"] == 1
    hits = out["hits"]
    assert [h["id"] for h in hits] == ["sample-jakarta"]
    assert {"id", "title", "published", "outlet"} <= hits[0].keys()
    assert "\ue000" not in hits[0]["snippet"]


def test_query_search_text_has_count_full_ids_and_snippets(runner, db):
    res = run(runner, "search", "Tokayev", "--db", db)
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0] == "2 articles match (1-2 shown)"
    assert "sample-overlap  2022-01-20" in lines and "sample-almaty  2022-01-13  kabar.example" in lines
    assert "  Pasukan penjaga perdamaian tinggalkan Almaty" in lines
    assert any(ln.startswith("  ") and "[Tokayev] menuduh" in ln for ln in lines)  # the match, marked


def test_query_search_long_ids_are_never_cut(runner, archive, samples):
    from warta.store import Store

    with Store(archive) as store:
        rec = samples.jakarta()
        rec.id, rec.url, rec.text = "f" * 40, None, rec.text + " Ditulis ulang untuk uji id panjang."
        store.add_record(rec)
    res = run(runner, "search", "uji id panjang", "--db", str(archive))
    assert "f" * 40 in res.stdout
    shown = run(runner, "show", "f" * 40, "--db", str(archive))
    assert shown.exit_code == 0 and "Buruh berunjuk rasa" in shown.stdout


def test_query_search_paging_and_sort(runner, db):
    first = json.loads(run(runner, "search", "--db", db, "--json", "--limit", "1", "--sort", "oldest").stdout)
    second = json.loads(run(runner, "search", "--db", db, "--json", "--limit", "1", "--sort", "oldest",
                            "--page", "2").stdout)
    assert first["total"] == second["total"] == 4
    assert [h["id"] for h in first["hits"] + second["hits"]] == ["sample-almaty", "sample-overlap"]
    text = run(runner, "search", "--db", db, "--limit", "1", "--page", "3")
    assert text.stdout.splitlines()[0] == "4 articles match (3-3 shown)"


@pytest.mark.parametrize("args", [["--since", "2022-02"], ["--until", "2022-01-31", "--place", "Almaty"],
                                  ["--org", "DPR"], ["--outlet", "berita"], ["--limit", "1"]])
def test_query_search_filters(runner, db, args):
    res = run(runner, "search", *args, "--db", db, "--json")
    assert res.exit_code == 0, res.output
    hits = json.loads(res.stdout)["hits"]
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
    table = run(runner, "quotes", "--db", db).stdout.splitlines()
    assert table[0] == "5 quotes match (1-5 shown)"
    assert table[1].split() == ["published", "speaker", "kind", "quote", "article"]
    assert any("Siti Rahmawati" in ln and ln.endswith("sample-jakarta") for ln in table)


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


def test_query_events_table_has_countries_modality_and_article(runner, db):
    res = run(runner, "events", "--db", db, "--type", "RETREAT")
    lines = res.stdout.splitlines()
    assert lines[0] == "1 event matches (1-1 shown)"
    assert lines[1].split() == ["date", "type", "cameo", "modality", "actor", "recipient", "place", "trigger",
                                "article"]
    row = lines[3]
    for part in ("RETREAT", "asserted", "Rusia (RUS)", "Kazakhstan (KAZ)", "Almaty (KAZ)", "sample-almaty"):
        assert part in row


def test_query_events_sort_page_modality_outlet(runner, db):
    rows = json.loads(run(runner, "events", "--db", db, "--json", "--sort", "type", "--limit", "2",
                          "--page", "2").stdout)
    assert [r["type"] for r in rows] == ["PROTEST", "RETREAT"]
    assert len(json.loads(run(runner, "events", "--db", db, "--json", "--modality", "asserted").stdout)) == 4
    assert {r["article_id"] for r in json.loads(run(runner, "events", "--db", db, "--json", "--outlet",
                                                      "berita").stdout)} == {"sample-jakarta"}


@pytest.mark.parametrize("args, valid", [
    (["events", "--type", "FOO"], "ACCUSE, AGREE, AID, ASSAULT"),
    (["events", "--modality", "perhaps"], "asserted"),
    (["entities", "--label", "XYZ"], "LOC, ORG, PER"),
    (["export", "--format", "gdelt", "--type", "FOO"], "ACCUSE, AGREE"),
])
def test_query_unknown_values_are_exit_2_listing_valid_ones(runner, db, args, valid):
    res = run(runner, *args, "--db", db)
    assert res.exit_code == 2
    assert "valid values: " in res.stderr and valid in res.stderr
    assert res.stdout == ""


def test_query_show_article(runner, db):
    res = run(runner, "show", "sample-almaty", "--db", db)
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert out.splitlines()[:2] == ["sample-almaty  2022-01-13  kabar.example",
                                    "Pasukan penjaga perdamaian tinggalkan Almaty"]
    for part in ("Entities (5)", "PER  Kassym-Jomart Tokayev (KAZ)  x2", "Quotes (2)",
                 "direct   Andrei Serdyukov: \"Tugas kami", "Times (1)", "Quantities (1)",
                 "approx 1,000-9,999 tentara", "Events (2)", "RETREAT 0871 [asserted]  Rusia (RUS) -> Kazakhstan (KAZ)"):
        assert part in out
    assert "Ribuan tentara Rusia mulai" not in out
    assert "Ribuan tentara Rusia mulai" in run(runner, "show", "sample-almaty", "--db", db, "--text").stdout
    as_json = json.loads(run(runner, "show", "sample-almaty", "--db", db, "--json").stdout)
    assert as_json["id"] == "sample-almaty" and len(as_json["events"]) == 2


def test_query_show_unknown_id_is_exit_2(runner, db):
    res = run(runner, "show", "nope", "--db", db)
    assert res.exit_code == 2 and "no article with id 'nope'" in res.stderr


def test_query_entities_and_errors(runner, db):
    ents = json.loads(run(runner, "entities", "--label", "per", "--db", db, "--json").stdout)
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


def test_query_export_filters_and_counts(runner, db, tmp_path):
    res = run(runner, "export", "--format", "plover", "--type", "PROTEST", "--db", db)
    assert [json.loads(line)["event_type"] for line in res.stdout.splitlines()] == ["PROTEST"]
    res = run(runner, "export", "--format", "jsonl", "--since", "2022-02", "--outlet", "berita", "--db", db)
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["sample-jakarta"]
    res = run(runner, "export", "--format", "counts", "--modality", "asserted", "--until", "2022-01", "--db", db)
    assert res.stdout.splitlines() == ["day,type,country,adm1,province,events", "2022-01-13,ACCUSE,KAZ,,,1",
                                       "2022-01-13,RETREAT,KAZ,,,1"]
