"""Exports: Records as JSONL and Parquet; PLOVER and GDELT through warta.export."""

from __future__ import annotations

import json
import sys
import types

import pytest

from warta.record import Record
from warta.store import ExportError, export
from warta.store.export import ExportFilter


def test_export_jsonl_round_trips_records(filled, sample_records, tmp_path):
    out = tmp_path / "a.jsonl"
    assert export(filled.conn, "jsonl", out) == 4
    back = [Record.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert back == sample_records


def test_export_parquet_has_one_row_per_article(filled, sample_records, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "a.parquet"
    assert export(filled.conn, "parquet", out) == 4
    table = pq.read_table(out)
    assert table.column("id").to_pylist() == [r.id for r in sample_records]
    assert table.column("n_quotes").to_pylist() == [len(r.quotes) for r in sample_records]
    assert Record.model_validate_json(table.column("record")[0].as_py()) == sample_records[0]


def test_export_parquet_needs_a_file(filled):
    with pytest.raises(ExportError, match="--out"):
        export(filled.conn, "parquet", None)


def test_export_unknown_format(filled):
    with pytest.raises(ExportError, match="choose from"):
        export(filled.conn, "csv", None)


def test_export_plover_and_gdelt_use_warta_export(filled, tmp_path, monkeypatch):
    plover = types.ModuleType("warta.export.plover")
    plover.records_to_plover = lambda recs: ({"id": f"{r.id}-{i}", "event_type": e.type}
                                             for r in recs for i, e in enumerate(r.events))
    gdelt = types.ModuleType("warta.export.gdelt")
    gdelt.GDELT_COLUMNS = ["GLOBALEVENTID", "EventRootCode"]
    gdelt.records_to_gdelt_rows = lambda recs: ([f"{r.id}-{i}", e.cameo[:2]] for r in recs
                                                for i, e in enumerate(r.events))
    monkeypatch.setitem(sys.modules, "warta.export.plover", plover)
    monkeypatch.setitem(sys.modules, "warta.export.gdelt", gdelt)
    out = tmp_path / "p.jsonl"
    everything = ExportFilter(all_modalities=True)  # the whole-archive path hands every Record to the module
    assert export(filled.conn, "plover", out, everything) == 4
    assert json.loads(out.read_text().splitlines()[0]) == {"id": "sample-almaty-0", "event_type": "RETREAT"}
    out = tmp_path / "g.tsv"
    assert export(filled.conn, "gdelt", out, everything) == 4
    lines = out.read_text().splitlines()
    assert lines[0] == "GLOBALEVENTID\tEventRootCode" and lines[1] == "sample-almaty-0\t08"


@pytest.mark.parametrize("fmt, module", [("plover", "warta.export.plover"), ("gdelt", "warta.export.gdelt")])
def test_export_missing_exporter_is_a_clear_error(filled, monkeypatch, fmt, module):
    monkeypatch.setitem(sys.modules, module, None)  # makes the import fail
    with pytest.raises(ExportError, match=module.replace(".", r"\.")):
        export(filled.conn, fmt, None)


def test_event_exports_write_what_happened_unless_asked(tmp_path):
    # issue 16: GDELT/PLOVER counts are of what happened; refused, planned or asked-about acts only on request
    from warta.store import Store

    rec = Record.model_validate({
        "id": "mod-1", "text": "Polisi menangkap Budi. Polisi tidak menangkap Andi. Polisi akan menangkap Citra.",
        "published": "2022-01-03",
        "sentences": [{"start": 0, "end": 22}, {"start": 23, "end": 51}, {"start": 52, "end": 81}],
        "events": [
            {"type": "COERCE", "cameo": "173", "sentence": 0, "trigger": {"text": "menangkap", "start": 7, "end": 16}},
            {"type": "COERCE", "cameo": "173", "sentence": 1, "negated": True,
             "trigger": {"text": "menangkap", "start": 36, "end": 45}},
            {"type": "COERCE", "cameo": "173", "sentence": 2, "modality": "future",
             "trigger": {"text": "menangkap", "start": 64, "end": 73}},
        ]})
    with Store(tmp_path / "a.db") as store:
        store.add_record(rec)
        conn = store.conn
        assert export(conn, "plover", tmp_path / "p.jsonl") == 1
        assert export(conn, "gdelt", tmp_path / "g.tsv") == 1
        assert export(conn, "plover", tmp_path / "p2.jsonl", ExportFilter(all_modalities=True)) == 3
        flags = [(j["negated"], j["modality"]) for j in map(json.loads, (tmp_path / "p2.jsonl").read_text().splitlines())]
        assert flags == [(False, "asserted"), (True, "asserted"), (False, "future")]
        rows = (tmp_path / "g.tsv").read_text().splitlines()
        header = rows[0].split("\t")
        assert rows[1].split("\t")[header.index("GoldsteinScale")] == "-7.5"  # CAMEO 173 (arrest) in GDELT's table
