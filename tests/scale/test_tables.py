"""Records -> flat Parquet rows with fixed schemas."""

from __future__ import annotations

import json

import pytest

from warta.record import Record
from warta.scale import SCHEMAS, month_of
from warta.scale._tables import MONTHLY_TABLES, record_rows, to_table

TEXT = "Menteri Luar Negeri Retno Marsudi tiba di Jakarta pada Senin dengan 20 diplomat."


def _record() -> Record:
    return Record(
        id="r1", published="2023-05-08", text=TEXT,
        sentences=[{"start": 0, "end": len(TEXT)}],
        entities=[
            {"start": 19, "end": 33, "text": "Retno Marsudi", "label": "PER", "canonical": "Retno Marsudi",
             "role": "Menteri Luar Negeri"},
            {"start": 42, "end": 49, "text": "Jakarta", "label": "LOC", "canonical": "Jakarta", "country": "IDN",
             "geo": {"lat": -6.2, "lon": 106.8, "geonameid": 1642911}},
        ],
        quotes=[{"start": 0, "end": 10, "text": TEXT[:10], "kind": "indirect"}],
        times=[{"start": 55, "end": 60, "text": "Senin", "type": "DATE", "value": "2023-05-08"}],
        quantities=[{"start": 67, "end": 78, "text": "20 diplomat", "value": 20, "counted": "diplomat"}],
        events=[{"type": "CONSULT", "cameo": "042", "quad": 1, "sentence": 0,
                 "trigger": {"text": "tiba", "start": 34, "end": 38},
                 "actor": [{"text": "Retno Marsudi", "country": "IDN", "sector": "GOV"}],
                 "location": {"text": "Jakarta", "country": "IDN", "lat": -6.2, "lon": 106.8}}],
    )


@pytest.mark.parametrize("published, month", [("2023-05-08", "2023-05"), (None, "unknown"), ("", "unknown")])
def test_tables_month_of(published, month):
    assert month_of(published) == month


def test_tables_record_rows_flatten_every_table():
    rows = record_rows(_record(), n_tokens=14, source="in.jsonl:1")
    assert {k: len(v) for k, v in rows.items()} == {
        "articles": 1, "entities": 2, "quotes": 1, "events": 1, "times": 1, "quantities": 1}
    art = rows["articles"][0]
    assert art["n_tokens"] == 14 and art["n_entities"] == 2
    assert Record.model_validate_json(art["record"]) == _record()
    ent = rows["entities"][1]
    assert (ent["country"], ent["lat"], ent["geonameid"]) == ("IDN", -6.2, 1642911)
    ev = rows["events"][0]
    assert (ev["actor"], ev["actor_country"], ev["recipient"], ev["location"]) == (
        "Retno Marsudi", "IDN", None, "Jakarta")
    assert json.loads(ev["actors_json"]) == [{"text": "Retno Marsudi", "country": "IDN", "sector": "GOV"}]
    assert rows["quotes"][0]["speaker"] is None


def test_tables_schemas_are_fixed_even_for_all_null_columns():
    rows = record_rows(_record(), n_tokens=14, source="x")
    for name in MONTHLY_TABLES:
        table = to_table(name, rows[name])
        assert table.schema == SCHEMAS[name]
    # a quote without speaker still has string-typed speaker columns, not null-typed ones
    assert str(to_table("quotes", rows["quotes"]).schema.field("speaker").type) == "string"
