"""Places roll up to their province (ADM1) and regency: data, Record, store, filters, GDELT."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from warta import admin_areas
from warta.record import Actor, Entity, Event, Geo, Location, Record, Sentence, TextSpan
from warta.store import Store, queries
from warta.store.migrations import MIGRATIONS


def papua_record(with_admin: bool = True) -> Record:
    """Team-written sentences: events in Jayapura (Papua) and Kiwirok (Papua Pegunungan since 2022)."""
    t = ("Kelompok bersenjata menembaki pos TNI di Kiwirok. Polisi menangkap dua orang di Jayapura. "
         "Bupati bertemu warga di Surabaya.")

    def span(word):
        s = t.index(word)
        return s, s + len(word)

    def loc(name, lat, lon, adm1, province, regency=None):
        extra = {"adm1": adm1, "province": province, "regency": regency} if with_admin else {}
        s, e = span(name)
        return Location(text=name, canonical=name, country="IDN", lat=lat, lon=lon, start=s, end=e, **extra)

    def ev(trigger, type_, location, sentence):
        s, e = span(trigger)
        return Event(type=type_, cameo="190", quad=4, sentence=sentence, trigger=TextSpan(start=s, end=e, text=trigger),
                     actor=[Actor(text="Polisi", canonical="Polisi", country="IDN")], location=location,
                     date="2021-09-13")

    js, je = span("Jayapura")
    geo = {"adm1": "ID.36", "province": "Papua", "regency": None} if with_admin else {}
    return Record(
        id="papua-1", title="Serangan di Kiwirok", published="2021-09-14", outlet="kabar.example", text=t,
        sentences=[Sentence(start=0, end=48), Sentence(start=49, end=91), Sentence(start=92, end=len(t))],
        entities=[Entity(start=js, end=je, text="Jayapura", label="LOC", canonical="Jayapura", country="IDN",
                         geo=Geo(lat=-2.53, lon=140.72, **geo))],
        events=[ev("menembaki", "ASSAULT", loc("Kiwirok", -4.9, 140.63, "ID.PE", "Papua Pegunungan",
                                               "Pegunungan Bintang"), 0),
                ev("menangkap", "COERCE", loc("Jayapura", -2.53, 140.72, "ID.36", "Papua"), 1),
                ev("bertemu", "CONSULT", loc("Surabaya", -7.25, 112.75, "ID.08", "Jawa Timur"), 2)],
    )


def test_admin_areas_province_codes_include_the_2022_splits():
    assert admin_areas.province_codes("Papua") == {"ID.36", "ID.PS", "ID.PT", "ID.PE"}
    assert admin_areas.province_codes("papua barat") == {"ID.39", "ID.PD"}
    assert admin_areas.province_codes("Jatim") == {"ID.08"}
    assert admin_areas.province_codes("Provinsi Jawa Timur") == {"ID.08"}
    assert admin_areas.province_codes("ID.08") == {"ID.08"}
    assert admin_areas.province_codes("Jayapura") == frozenset()
    assert len(admin_areas.provinces()) == 38


@pytest.mark.parametrize("adm1, expected", [("ID.36", "ID36"), ("ID.PE", "ID36"), ("ID.PD", "ID39"),
                                            ("ID.04", "ID04"), (None, None), ("XX.1", None)])
def test_admin_areas_gdelt_code_uses_the_pre_2022_province(adm1, expected):
    assert admin_areas.gdelt_adm1(adm1) == expected


@pytest.mark.parametrize("name, expected", [
    ("Jayapura", ("ID.36", "Papua", None)),
    ("Kiwirok", ("ID.PE", "Papua Pegunungan", "Pegunungan Bintang")),
    ("Distrik Kiwirok", ("ID.PE", "Papua Pegunungan", "Pegunungan Bintang")),
    ("Kabupaten Pegunungan Bintang", ("ID.PE", "Papua Pegunungan", "Pegunungan Bintang")),
    ("Papua", ("ID.36", "Papua", None)),
    ("Wamena", ("ID.PE", "Papua Pegunungan", None)),
    ("Jakarta Selatan", ("ID.04", "DKI Jakarta", "Jakarta Selatan")),
    ("Surabaya", ("ID.08", "Jawa Timur", None)),
])
def test_geo_place_admin(name, expected):
    from warta.components.geo import place_admin

    got = place_admin(name)
    assert (got["adm1"], got["province"], got["regency"]) == expected


@pytest.mark.parametrize("name", ["Jawa", "Moskow", "Indonesia", "Bukan Tempat"])
def test_geo_place_admin_is_none_off_the_province_map(name):
    from warta.components.geo import place_admin

    assert place_admin(name) is None


def test_builder_gives_event_locations_their_province():
    from warta.builder import _events

    evs = [{"type": "ASSAULT", "location": {"text": "Kiwirok", "canonical": "Kiwirok", "country": "IDN"}},
           {"type": "CONSULT", "location": {"text": "Moskow", "canonical": "Moskow", "country": "RUS"}},
           {"type": "AID", "location": None}]
    out = _events(evs)
    assert out[0]["location"]["province"] == "Papua Pegunungan"
    assert out[0]["location"]["regency"] == "Pegunungan Bintang"
    assert "adm1" not in out[1]["location"] and out[2]["location"] is None
    assert "adm1" not in evs[0]["location"]  # the Doc's own dicts are left as they were


@pytest.fixture
def papua_store(tmp_path):
    with Store(tmp_path / "p.db") as store:
        store.add_record(papua_record())
        yield store


@pytest.mark.parametrize("place, expected", [
    ("Papua", ["ASSAULT", "COERCE"]),            # Jayapura, and Kiwirok in a province split from Papua
    ("Papua Pegunungan", ["ASSAULT"]),
    ("Pegunungan Bintang", ["ASSAULT"]),         # the regency
    ("Jatim", ["CONSULT"]),                      # a press alias of the province
    ("Kiwirok", ["ASSAULT"]),
    ("IDN", ["ASSAULT", "COERCE", "CONSULT"]),
    ("Bali", []),
])
def test_store_event_place_filter_rolls_up(papua_store, place, expected):
    rows = queries.events(papua_store.conn, queries.EventFilter(place=place))
    assert sorted(r["type"] for r in rows) == expected


def test_store_keeps_province_columns(papua_store):
    row = papua_store.conn.execute("SELECT adm1, province, regency FROM events WHERE type = 'ASSAULT'").fetchone()
    assert tuple(row) == ("ID.PE", "Papua Pegunungan", "Pegunungan Bintang")
    row = papua_store.conn.execute("SELECT adm1, province FROM entities WHERE text = 'Jayapura'").fetchone()
    assert tuple(row) == ("ID.36", "Papua")


def test_store_search_place_filter_rolls_up(papua_store):
    assert [h["id"] for h in queries.search(papua_store.conn, queries.SearchFilter(place="Papua"))] == ["papua-1"]
    assert queries.search(papua_store.conn, queries.SearchFilter(place="Jawa Barat")) == []


def test_migration_backfills_an_older_archive(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    from warta.store.migrations import _NoScriptConnection

    for name, fn in MIGRATIONS[:2]:  # the schema before provinces existed
        fn(_NoScriptConnection(conn))
        conn.execute("INSERT INTO schema_migrations VALUES (?, 'then')", (name,))
    rec = papua_record(with_admin=False)
    conn.execute("INSERT INTO articles(id, content_hash, text, published, record, ingested_at) "
                 "VALUES (?, 'h', ?, ?, ?, 'then')", (rec.id, rec.text, rec.published, rec.to_json()))
    for i, e in enumerate(rec.events):
        conn.execute("INSERT INTO events(article_id, idx, type, trigger, trigger_start, trigger_end, location, "
                     "location_country) VALUES (?, ?, ?, ?, 0, 1, ?, 'IDN')",
                     (rec.id, i, e.type, e.trigger.text, e.location.canonical))
    conn.close()
    with Store(path) as store:  # opening as the writer migrates
        rows = queries.events(store.conn, queries.EventFilter(place="Papua"))
        assert sorted(r["type"] for r in rows) == ["ASSAULT", "COERCE"]
        back = store.get_record("papua-1")
    assert back.events[0].location.regency == "Pegunungan Bintang"
    assert back.entities[0].geo.province == "Papua"


def test_gdelt_adm1_column(papua_store):
    from warta.store import export

    buf = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(buf):
        export(papua_store.conn, "gdelt", None)
    rows = {r["ActionGeo_FullName"]: r for r in csv.DictReader(io.StringIO(buf.getvalue()), delimiter="\t")}
    assert rows["Jayapura"]["ActionGeo_ADM1Code"] == "ID36"
    assert rows["Kiwirok"]["ActionGeo_ADM1Code"] == "ID36"  # Papua Pegunungan, as GDELT's list knows it
    assert rows["Surabaya"]["ActionGeo_ADM1Code"] == "ID08"
    assert rows["Surabaya"]["ActionGeo_Type"] == "4"


def test_gdelt_country_and_province_locations():
    from warta.export.gdelt import event_to_gdelt

    rec = papua_record()
    rec.events[0].location = Location(text="Papua", canonical="Papua", country="IDN", adm1="ID.36", province="Papua")
    rec.events[1].location = Location(text="Indonesia", canonical="Indonesia", country="IDN")
    prov, country = event_to_gdelt(rec, rec.events[0], 0), event_to_gdelt(rec, rec.events[1], 1)
    assert (prov["ActionGeo_Type"], prov["ActionGeo_ADM1Code"]) == (5, "ID36")
    assert (country["ActionGeo_Type"], country["ActionGeo_ADM1Code"]) == (1, "ID")


def test_plover_event_location_has_its_province():
    from warta.export.plover import event_to_plover

    rec = papua_record()
    loc = event_to_plover(rec, rec.events[0], 0)["event_loc"]
    assert (loc["admin1"], loc["province"], loc["regency"]) == ("ID.PE", "Papua Pegunungan", "Pegunungan Bintang")
    assert json.dumps(loc)
