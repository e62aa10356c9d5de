"""Issue 20: no bad document stops a run, and no request crashes the server.

One test (or a few) per numbered case of the issue, each through the
surface a user meets (the CLI, ``ingest``, ``run_batch``, the web app).
Each failed on the code before the fix. Case 6 (the article page) is in
tests/web/test_highlight.py, case 7 (orphaned workers) in
tests/ingest/test_runner.py, case 9 in tests/components/test_quotes.py;
the property tests in tests/test_properties.py hold the general promise.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from warta import errors, pipeline
from warta._input import article_from_mapping
from warta.cli import main

# Written for these tests.
GOOD = [
    {"id": "r-1", "title": "Pasar baru dibuka", "published": "2024-02-05",
     "text": "Pemerintah kota membuka pasar tradisional baru di tepi sungai pada hari Senin. Para pedagang "
             "mengatakan bahwa kios di pasar itu lebih bersih dan lebih terang daripada kios lama."},
    {"id": "r-2", "title": "Jalan desa diperbaiki", "published": "2024-02-06",
     "text": "Warga desa bergotong royong memperbaiki jalan yang rusak akibat hujan deras sejak pekan lalu. "
             "Kepala desa mengatakan perbaikan itu akan selesai sebelum akhir bulan ini."},
]
BODY = GOOD[0]["text"]
DEEP = 100_000


@pytest.fixture
def client(archive):
    from fastapi.testclient import TestClient

    from warta.web import create_app

    with TestClient(create_app(archive)) as c:
        yield c


def _line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False)


BAD_LINES = {  # JSONL lines that each ended `warta ingest` with exit 1 and lost the good lines around them
    "published 1e20": '{"id": "b-1", "text": "%s", "published": 1e20}' % BODY,
    "url 12345": '{"id": "b-2", "text": "%s", "url": 12345}' % BODY,
    "lone surrogate": '{"id": "b-3", "text": "%s \\ud800 selesai."}' % BODY,
    "100,000-deep value": '{"id": "b-4", "text": "%s", "title": %s%s}' % (BODY, "[" * DEEP, "]" * DEEP),
}


def _jsonl(path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


# -- 1. one bad document aborts ingest / batch ---------------------------------------------------------------
def test_reliability_1_ingest_stores_the_good_lines_around_bad_ones_and_a_rerun_gets_past_them(runner, tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", [_line(GOOD[0]), *BAD_LINES.values(), _line(GOOD[1])])
    db = str(tmp_path / "w.db")
    args = ["ingest", src, "--db", db, "--no-progress", "--json"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["added"] == 2
    conn = sqlite3.connect(db)
    reasons = dict(conn.execute("SELECT position, reason FROM errors").fetchall())
    assert sorted(reasons) == ["line 2", "line 3", "line 4", "line 5"]
    assert "'published'" in reasons["line 2"] and "'url'" in reasons["line 3"]
    assert "surrogate" in reasons["line 4"] and "nested too deeply" in reasons["line 5"]
    again = runner.invoke(main, args)
    assert again.exit_code == 0, again.output
    summary = json.loads(again.stdout)
    assert (summary["added"], summary["duplicates"], summary["errors"]) == (0, 2, 4)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 4  # replaced, not doubled


def test_reliability_1_batch_goes_on_past_a_bad_date_and_a_line_of_invalid_utf8(tmp_path):
    from warta.scale import iter_records_from_parquet, run_batch

    src = tmp_path / "in" / "a.jsonl"
    src.parent.mkdir()
    src.write_bytes((_line(GOOD[0]) + "\n" + BAD_LINES["published 1e20"] + "\n").encode("utf-8")
                    + b'{"id": "b-5", "text": "Harga \xff\xfe naik."}\n' + (_line(GOOD[1]) + "\n").encode("utf-8"))
    result = run_batch([str(src.parent)], str(tmp_path / "out"))
    assert not result.failed and (result.n_articles, result.n_errors) == (2, 2)
    assert sorted(r.id for r in iter_records_from_parquet(str(tmp_path / "out"))) == ["r-1", "r-2"]


# -- 2. texts over 1,000,000 characters -----------------------------------------------------------------------
def _long_text(n_paragraphs: int) -> str:
    paras = [f"Laporan ke-{i} dari Surabaya: Menteri Perhubungan Budi Santoso mengatakan bahwa {i * 3} kapal "
             f"akan berlayar pada Senin (5/2/2024). \"Kami siap,\" kata Budi kepada wartawan." for i in range(n_paragraphs)]
    return "\n\n".join(paras)


@pytest.fixture
def short_max_length(monkeypatch):
    """The full pipeline refusing Docs over 3,000 characters, as it refuses those over 1,000,000 (E088)."""
    nlp = pipeline.load()
    monkeypatch.setattr(nlp, "max_length", 3000)
    return nlp


def test_reliability_2_text_over_the_pipeline_limit_is_extracted_part_by_part(runner, tmp_path, short_max_length):
    text = _long_text(60)
    assert len(text) > 3 * short_max_length.max_length
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path), "--published", "2024-02-05"])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    assert rec["text"] == text and any("parts" in w for w in rec["warnings"])
    for item in rec["entities"] + rec["quotes"] + rec["times"] + rec["quantities"] + rec["sentences"]:
        assert 0 <= item["start"] < item["end"] <= len(text)
    for item in rec["entities"] + rec["quotes"] + rec["times"] + rec["quantities"]:
        assert text[item["start"]:item["end"]] == item["text"]
    # paragraphs far into the text were processed too, and named the way the first ones were
    last = text.rindex("Laporan ke-59")
    assert any(e["start"] > last and e["text"] == "Budi Santoso" for e in rec["entities"])
    assert any(q["start"] > last for q in rec["quotes"])
    starts = [s["start"] for s in rec["sentences"]]
    assert starts == sorted(starts) and all(0 <= ev["sentence"] < len(starts) for ev in rec["events"])


def test_reliability_2_api_extract_of_a_text_over_the_pipeline_limit_is_200(client, short_max_length):
    r = client.post("/api/extract", json={"text": _long_text(30), "published": "2024-02-05"})
    assert r.status_code == 200, r.text
    assert r.json()["text"] == _long_text(30)


# -- 3. search syntax that gave HTTP 500 / exit 1 ---------------------------------------------------------------
@pytest.mark.parametrize("q", ["*", "**", "x:*"])
def test_reliability_3_search_syntax_is_a_400_not_a_500(client, q):
    api = client.get("/api/search", params={"q": q})
    assert api.status_code == 400 and "search syntax error" in api.text
    page = client.get("/search", params={"q": q})
    assert page.status_code == 400


def test_reliability_3_cli_search_star_exits_2(runner, archive):
    result = runner.invoke(main, ["search", "*", "--db", str(archive)])
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "search syntax error" in result.stderr


def test_reliability_3_the_dry_run_index_has_the_archive_index_columns(archive):
    from warta.store import connect
    from warta.store.fts import FTS_COLUMNS

    conn = connect(archive, readonly=True)
    try:
        columns = tuple(row[1] for row in conn.execute("PRAGMA table_info(articles_fts)"))
    finally:
        conn.close()
    assert columns == FTS_COLUMNS  # else a column filter valid in the archive would be refused, or the reverse


# -- 4. POST /api/extract gave 500 ----------------------------------------------------------------------------
@pytest.mark.parametrize("content", [
    ('{"text": "%s", "title": %s%s}' % (BODY, "[" * DEEP, "]" * DEEP)).encode(),
    ('{"text": "%s \\ud800 selesai."}' % BODY).encode(),
], ids=["deeply nested", "lone surrogate"])
def test_reliability_4_api_extract_bad_body_is_422(client, content):
    r = client.post("/api/extract", content=content, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.json()["detail"]


# -- 5. warta extract on a .json with wrong field types ----------------------------------------------------------
@pytest.mark.parametrize("field, value", [("title", 5), ("url", 12345), ("paragraphs", [1, 2]),
                                          ("published", 1e20), ("published", 10**30), ("id", [1])])
def test_reliability_5_extract_json_with_a_wrong_field_exits_2_with_one_line(runner, tmp_path, field, value):
    obj = {"text": BODY, field: value} if field != "paragraphs" else {"paragraphs": value}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"field '{field}'" in lines[0], result.stderr


# -- 8. encodings ------------------------------------------------------------------------------------------------
def test_reliability_8_latin1_text_is_read_as_western_european(runner, tmp_path):
    text = BODY.replace("Para pedagang", "Sénàtor Müller dan para pedagang")
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["text"] == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_reliability_8_utf16_with_a_bom_is_text(runner, tmp_path, codec):
    path = tmp_path / "wide.txt"
    bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path.write_bytes(bom + BODY.encode(codec))
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["text"] == BODY


def test_reliability_8_published_true_is_an_error_not_1970():
    with pytest.raises(errors.MalformedInput, match="'published'.*boolean"):
        article_from_mapping({"text": BODY, "published": True})
