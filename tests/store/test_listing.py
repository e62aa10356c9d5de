"""Totals, sorting and paging of listings; valid-value checks; the aggregate table; export filters."""

from __future__ import annotations

import csv
import json

import pytest

from warta.store import QueryError, export, queries
from warta.store.export import ExportFilter
from warta.store.queries import EntityFilter, EventFilter, QuoteFilter, SearchFilter


def test_search_page_counts_all_hits_beyond_the_page(filled):
    page = queries.search_page(filled.conn, SearchFilter(limit=1))
    assert page.total == 4 and len(page.rows) == 1
    page = queries.search_page(filled.conn, SearchFilter(q="Tokayev", limit=1, offset=1))
    assert page.total == 2 and len(page.rows) == 1
    past = queries.search_page(filled.conn, SearchFilter(q="Tokayev", limit=5, offset=10))
    assert past.total == 2 and past.rows == []
    assert queries.search_count(filled.conn, SearchFilter(q="buruh")) == 1


@pytest.mark.parametrize("sort, first", [("newest", "sample-xss"), ("oldest", "sample-almaty"),
                                         (None, "sample-xss")])
def test_search_sort_by_date(filled, sort, first):
    assert queries.search(filled.conn, SearchFilter(sort=sort))[0]["id"] == first


def test_search_sort_relevance_and_dates_with_a_query(filled):
    newest = [h["id"] for h in queries.search(filled.conn, SearchFilter(q="Almaty", sort="newest"))]
    oldest = [h["id"] for h in queries.search(filled.conn, SearchFilter(q="Almaty", sort="oldest"))]
    assert newest == ["sample-overlap", "sample-almaty"] and oldest == newest[::-1]
    ranked = queries.search(filled.conn, SearchFilter(q="Almaty"))
    assert [h["score"] for h in ranked] == sorted(h["score"] for h in ranked)
    with pytest.raises(QueryError, match="valid values: newest, oldest, relevance"):
        queries.search(filled.conn, SearchFilter(sort="random"))


def test_events_page_total_sort_and_offset(filled):
    page = queries.events_page(filled.conn, EventFilter(limit=3))
    assert page.total == 4 and len(page.rows) == 3
    oldest = queries.events(filled.conn, EventFilter(sort="oldest"))
    assert [r["day"] for r in oldest] == sorted(r["day"] for r in oldest)
    by_type = [r["type"] for r in queries.events(filled.conn, EventFilter(sort="type"))]
    assert by_type == sorted(by_type)
    second = queries.events(filled.conn, EventFilter(sort="type", limit=2, offset=2))
    assert [r["type"] for r in second] == by_type[2:]


def test_events_unknown_values_list_the_valid_ones(filled):
    with pytest.raises(QueryError, match=r"unknown event type 'FOO'; valid values: ACCUSE, .*THREATEN"):
        queries.events(filled.conn, EventFilter(type="FOO"))
    with pytest.raises(QueryError, match=r"unknown modality 'maybe'; valid values: asserted, "):
        queries.events(filled.conn, EventFilter(modality="maybe"))
    with pytest.raises(QueryError, match="unknown entity label 'xyz'; valid values: LOC, ORG, PER"):
        queries.entities(filled.conn, EntityFilter(label="xyz"))
    with pytest.raises(QueryError, match="unknown quote kind"):
        queries.quotes(filled.conn, QuoteFilter(kind="loud"))


def test_modality_values_follow_the_record_model_and_the_archive(filled):
    from typing import get_args

    from warta.record import Event

    allowed = set(get_args(get_args(Event.model_fields["modality"].annotation)[0]))
    assert set(queries.modality_values()) == allowed
    filled.conn.execute("UPDATE events SET modality = 'reported' WHERE type = 'ACCUSE'")
    assert "reported" in queries.modality_values(filled.conn)
    rows = queries.events(filled.conn, EventFilter(modality="reported"))
    assert [r["type"] for r in rows] == ["ACCUSE"]
    assert len(queries.events(filled.conn, EventFilter(modality="asserted"))) == 3


def test_events_outlet_filter(filled):
    assert {r["article_id"] for r in queries.events(filled.conn, EventFilter(outlet="kabar"))} == {"sample-almaty"}


def test_published_range(filled, store):
    assert queries.published_range(filled.conn) == ("2022-01-13", "2022-02-10")


def test_published_range_of_an_empty_archive(store):
    assert queries.published_range(store.conn) == (None, None)


def test_event_places_group_by_point_with_the_commonest_type(filled):
    points = queries.event_places(filled.conn, EventFilter())
    assert [(p["label"], p["n"]) for p in points] == [("Almaty", 2), ("Jakarta", 2)]
    assert {p["type"] for p in points} == {"ACCUSE", "COERCE"}  # ties: the first type alphabetically


def test_event_timeline_rows(filled):
    rows = queries.event_timeline(filled.conn, EventFilter(type="RETREAT"))
    assert [(r["day"], r["actors"]) for r in rows] == [("2022-01-13", "Rusia")]


def test_event_aggregate_day_type_place(filled):
    rows = queries.event_aggregate(filled.conn)
    assert [(r["day"], r["type"], r["country"], r["events"]) for r in rows] == [
        ("2022-01-13", "ACCUSE", "KAZ", 1), ("2022-01-13", "RETREAT", "KAZ", 1),
        ("2022-02-07", "COERCE", "IDN", 1), ("2022-02-07", "PROTEST", "IDN", 1)]
    assert set(rows[0]) == {"day", "type", "country", "adm1", "province", "events"}


def test_quotes_and_entities_pages_have_totals(filled):
    page = queries.quotes_page(filled.conn, QuoteFilter(limit=1))
    assert page.total == 5 and len(page.rows) == 1 and page.rows[0]["article_id"]
    ents = queries.entities_page(filled.conn, EntityFilter(label="PER", limit=1))
    assert ents.total == 4 and len(ents.rows) == 1


def test_export_counts_csv(filled, tmp_path):
    out = tmp_path / "counts.csv"
    assert export(filled.conn, "counts", out) == 4
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == ["day", "type", "country", "adm1", "province", "events"]
    assert rows[2] == {"day": "2022-02-07", "type": "COERCE", "country": "IDN", "adm1": "", "province": "",
                       "events": "1"}


@pytest.mark.parametrize("fmt, flt, expected", [
    ("jsonl", ExportFilter(since="2022-02"), ["sample-jakarta", "sample-xss"]),
    ("jsonl", ExportFilter(outlet="kabar"), ["sample-almaty"]),
    ("jsonl", ExportFilter(type="protest"), ["sample-jakarta"]),
    ("jsonl", ExportFilter(modality="asserted", until="2022-01"), ["sample-almaty"]),
    ("plover", ExportFilter(type="COERCE"), ["sample-jakarta-001"]),
    ("plover", ExportFilter(since="2022-01-13", until="2022-01-13"), ["sample-almaty-000", "sample-almaty-001"]),
    ("plover", ExportFilter(outlet="berita"), ["sample-jakarta-000", "sample-jakarta-001"]),
])
def test_export_filters(filled, tmp_path, fmt, flt, expected):
    out = tmp_path / "x.jsonl"
    n = export(filled.conn, fmt, out, flt)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    got = [x["id"] for x in lines]
    assert (n, got) == (len(expected), expected)


def test_export_gdelt_filter_keeps_event_ids(filled, tmp_path):
    everything, only = tmp_path / "all.tsv", tmp_path / "one.tsv"
    export(filled.conn, "gdelt", everything)
    assert export(filled.conn, "gdelt", only, ExportFilter(type="COERCE")) == 1
    all_rows = list(csv.DictReader(everything.open(encoding="utf-8"), delimiter="\t"))
    (row,) = list(csv.DictReader(only.open(encoding="utf-8"), delimiter="\t"))
    assert row == next(r for r in all_rows if r["EventRootCode"] == "17")


def test_export_counts_filters(filled, tmp_path):
    out = tmp_path / "c.csv"
    assert export(filled.conn, "counts", out, ExportFilter(type="PROTEST")) == 1


def test_export_bad_filter_values(filled, tmp_path):
    with pytest.raises(QueryError, match="valid values"):
        export(filled.conn, "gdelt", tmp_path / "x", ExportFilter(type="NOPE"))
    with pytest.raises(QueryError):
        export(filled.conn, "jsonl", tmp_path / "x", ExportFilter(since="kemarin"))
