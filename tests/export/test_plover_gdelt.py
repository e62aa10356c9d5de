"""PLOVER JSON and GDELT 2.0 exports of Records."""

from __future__ import annotations

import json

import pytest

from warta.export import GDELT_COLUMNS, records_to_gdelt_rows, records_to_plover
from warta.record import Record

TEXT = "Pasukan Rusia menyerang Kharkiv. PBB mengecam serangan itu. Polisi menangkap dua orang."


def _record(**over) -> Record:
    events = [
        {"type": "ASSAULT", "mode": None, "cameo": "180", "quad": 4, "sentence": 0,
         "trigger": {"text": "menyerang", "start": 14, "end": 23},
         "actor": [{"text": "Pasukan Rusia", "canonical": "Pasukan Rusia", "country": "RUS", "sector": "MIL",
                    "start": 0, "end": 13}],
         "recipient": [], "location": {"text": "Kharkiv", "canonical": "Kharkiv", "country": "UKR",
                                       "lat": 49.98, "lon": 36.25, "start": 24, "end": 31},
         "date": "2022-03-01", "date_source": "text", "size": {"killed": 3}, "negated": False,
         "modality": "asserted"},
        {"type": "ACCUSE", "mode": "disapprove", "cameo": "111", "quad": 3, "sentence": 1,
         "trigger": {"text": "mengecam", "start": 37, "end": 45},
         "actor": [{"text": "PBB", "canonical": "PBB", "country": "UNO", "sector": "IGO", "start": 33, "end": 36}],
         "recipient": [], "location": None, "date": "2022-03", "date_source": "text", "size": None,
         "negated": False, "modality": "asserted"},
        {"type": "COERCE", "mode": "arrest", "cameo": "173", "quad": 4, "sentence": 2,
         "trigger": {"text": "menangkap", "start": 67, "end": 76},
         "actor": [{"text": "Polisi", "canonical": "Polisi", "country": "IDN", "sector": "COP", "start": 60, "end": 66}],
         "recipient": [{"text": "dua orang", "canonical": "dua orang", "country": "IDN", "sector": "JRN"}],
         "location": None, "date": None, "date_source": None, "size": None, "negated": True, "modality": "future"},
    ]
    data = {"id": "abc123", "url": "https://warta.example/a", "outlet": "warta.example", "published": "2022-03-02",
            "text": TEXT, "sentences": [{"start": 0, "end": 32}, {"start": 33, "end": 59}, {"start": 60, "end": 87}],
            "events": events}
    data.update(over)
    return Record.model_validate(data)


def test_export_plover_fields():
    rows = list(records_to_plover([_record()]))
    assert len(rows) == 3
    first = rows[0]
    assert first["event_id"] == first["id"] == "abc123-000"
    assert (first["event_type"], first["event"], first["quad_code"], first["cameo"]) == ("ASSAULT", ["ASSAULT"], 4, "180")
    assert (first["actor_country"], first["actor_sector"], first["actor_text"]) == ("RUS", "MIL", "Pasukan Rusia")
    assert first["actor"][0]["code"] == "RUS" and first["actor"][0]["sector"] == "MIL"
    assert first["event_loc"]["placename"] == "Kharkiv" and first["event_loc"]["country_code"] == "UKR"
    assert first["event_text"] == ["Pasukan Rusia menyerang Kharkiv."]
    assert first["event_date"] == "2022-03-01" and first["dead"] == 3
    assert first["url"] == "https://warta.example/a"
    json.dumps(rows, ensure_ascii=False)


@pytest.mark.parametrize("index, date", [(0, "2022-03-01"), (1, "2022-03-02"), (2, "2022-03-02")])
def test_export_plover_date_is_a_day(index, date):
    # a month-only TIMEX3 value and a missing date fall back to the publication date
    assert list(records_to_plover([_record()]))[index]["event_date"] == date


def test_export_plover_keeps_negation_and_modality():
    row = list(records_to_plover([_record()]))[2]
    assert (row["negated"], row["modality"], row["event_mode"], row["mode"]) == (True, "future", "arrest", ["arrest"])


def test_export_accepts_record_dicts():
    as_dict = json.loads(_record().to_json())
    assert list(records_to_plover([as_dict])) == list(records_to_plover([_record()]))
    assert list(records_to_gdelt_rows([as_dict])) == list(records_to_gdelt_rows([_record()]))


def test_export_gdelt_columns():
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[0] == "GlobalEventID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    for row in records_to_gdelt_rows([_record()]):
        assert tuple(row) == GDELT_COLUMNS


def test_export_gdelt_state_actor_and_geo():
    row = list(records_to_gdelt_rows([_record()]))[0]
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20220301", "202203", 2022)
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("RUSMIL", "RUS", "MIL")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("180", "180", "18", 4)
    assert (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"], row["ActionGeo_Type"]) == ("Kharkiv", "UP", 4)
    assert (row["ActionGeo_Lat"], row["ActionGeo_Long"]) == (49.98, 36.25)
    assert row["IsRootEvent"] == 1 and row["NumArticles"] == 1
    assert row["DATEADDED"] == "20220302000000" and row["SOURCEURL"] == "https://warta.example/a"


def test_export_gdelt_igo_actor():
    row = list(records_to_gdelt_rows([_record()]))[1]
    assert (row["Actor1Code"], row["Actor1KnownGroupCode"], row["Actor1CountryCode"]) == ("IGOUNO", "UNO", None)
    assert row["Actor2Code"] is None and row["ActionGeo_Type"] == 0


def test_export_gdelt_plover_sector_names_become_cameo():
    # PLOVER's JRN (journalists) is CAMEO's MED
    row = list(records_to_gdelt_rows([_record()]))[2]
    assert (row["Actor2Code"], row["Actor2Type1Code"]) == ("IDNMED", "MED")


def test_export_ids_are_stable_and_unique():
    a = [r["GlobalEventID"] for r in records_to_gdelt_rows([_record()])]
    b = [r["GlobalEventID"] for r in records_to_gdelt_rows([_record()])]
    assert a == b and len(set(a)) == 3
    c = [r["GlobalEventID"] for r in records_to_gdelt_rows([_record(id="other")])]
    assert not set(a) & set(c)


def test_export_record_without_events_gives_nothing():
    rec = _record(events=[])
    assert list(records_to_plover([rec])) == [] and list(records_to_gdelt_rows([rec])) == []


def test_export_from_a_pipeline_record():
    from warta.api import extract

    rec = extract("Polisi menangkap tiga demonstran di Bandung pada Rabu.", published="2022-01-13",
                  url="https://warta.example/b", force=True)
    rows = list(records_to_plover([rec]))
    assert [r["event_type"] for r in rows] == ["COERCE"]
    gd = list(records_to_gdelt_rows([rec]))[0]
    assert gd["EventCode"] == "173" and gd["Actor1Code"] == "IDNCOP"
