"""Search, quote, event and entity queries; FTS escaping; hostile inputs."""

from __future__ import annotations

import pytest

from warta.store import FtsQueryError, QueryError, escape_fts, match_expression, queries
from warta.store.queries import EntityFilter, EventFilter, QuoteFilter, SearchFilter, date_bound


def ids(rows):
    return sorted(r["id"] if "id" in r else r["article_id"] for r in rows)


@pytest.mark.parametrize("query, expected", [
    ("tentara", ["sample-almaty"]),
    ("Kassym-Jomart", ["sample-almaty"]),        # a hyphen is not FTS5's NOT here
    ("7/2/2022", ["sample-jakarta"]),
    ("buruh upah", ["sample-jakarta"]),          # all words must occur
    ("buruh tentara", []),
    ('"upah murah"', ["sample-jakarta"]),        # FTS5 phrase syntax on purpose
    ("buruh OR tentara", ["sample-almaty", "sample-jakarta"]),
    ("tentar*", ["sample-almaty"]),
    ("almaty", ["sample-almaty", "sample-overlap"]),
])
def test_queries_search_words_and_syntax(filled, query, expected):
    assert ids(queries.search(filled.conn, SearchFilter(q=query))) == expected


@pytest.mark.parametrize("query", ['buruh AND', '"tidak ditutup', "(buruh", "buruh NOT", "NEAR(", "' OR 1=1 --"])
def test_queries_search_syntax_errors_are_fts_query_errors(filled, query):
    with pytest.raises(FtsQueryError, match="search syntax error"):
        queries.search(filled.conn, SearchFilter(q=query))


def test_queries_escape_fts_quotes_every_term():
    assert escape_fts('Kassym-Jomart "x') == '"Kassym-Jomart" """x"'
    assert match_expression("a b") == '"a" "b"'
    with pytest.raises(FtsQueryError):
        match_expression("   ")


@pytest.mark.parametrize("filters, expected", [
    ({"person": "Tokayev"}, ["sample-almaty", "sample-overlap"]),
    ({"person": "Serdyukov"}, ["sample-almaty"]),
    ({"org": "Serikat Pekerja"}, ["sample-jakarta"]),
    ({"place": "Jakarta"}, ["sample-jakarta"]),
    ({"since": "2022-02"}, ["sample-jakarta", "sample-xss"]),
    ({"until": "2022-01-13"}, ["sample-almaty"]),
    ({"since": "2022-01-14", "until": "2022-02-07"}, ["sample-jakarta", "sample-overlap"]),
    ({"outlet": "kabar"}, ["sample-almaty"]),
    ({"q": "tentara", "person": "Siti"}, []),
])
def test_queries_search_filters(filled, filters, expected):
    assert ids(queries.search(filled.conn, SearchFilter(**filters))) == expected


def test_queries_search_hit_fields_and_snippet_marks(filled):
    (hit,) = queries.search(filled.conn, SearchFilter(q="buruh"))
    assert {"id", "title", "published", "outlet", "url", "snippet", "score"} <= hit.keys()
    assert queries.MARK_OPEN + "buruh" + queries.MARK_CLOSE in hit["snippet"].lower()


HOSTILE = ["' OR '1'='1", "x'; DROP TABLE articles; --", '" OR 1=1 --', "%", "_", "\\", "Robert'); DROP TABLE x;--",
           "1 UNION SELECT record FROM articles"]


@pytest.mark.parametrize("value", HOSTILE)
def test_queries_injection_strings_are_plain_values(filled, value):
    c = filled.conn
    for field in ("person", "org", "place", "outlet"):
        assert queries.search(c, SearchFilter(**{field: value})) == []
    assert queries.quotes(c, QuoteFilter(speaker=value)) == []
    assert queries.events(c, EventFilter(place=value, actor=value, outlet=value)) == []
    with pytest.raises(QueryError, match="unknown event type .*valid values: ACCUSE, AGREE"):
        queries.events(c, EventFilter(type=value))
    assert queries.entities(c, EntityFilter(q=value)) == []
    assert queries.entity(c, value) is None
    try:
        queries.search(c, SearchFilter(q=value))
    except FtsQueryError:
        pass
    assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == 4


@pytest.mark.parametrize("value, end, expected", [
    ("2022", False, "2022-01-01"), ("2022", True, "2022-12-31"), ("2022-02", True, "2022-02-31"),
    ("2022-02-07", False, "2022-02-07"), (None, False, None),
])
def test_queries_date_bound(value, end, expected):
    assert date_bound(value, end=end) == expected


@pytest.mark.parametrize("value", ["kemarin", "2022-13", "22-01-01", "2022-02-40", "2022-01-01; DROP"])
def test_queries_bad_dates_are_query_errors(filled, value):
    with pytest.raises(QueryError):
        queries.search(filled.conn, SearchFilter(since=value))


def test_queries_limit_is_clamped(filled):
    assert len(queries.search(filled.conn, SearchFilter(limit=10_000))) == 4
    with pytest.raises(QueryError):
        queries.search(filled.conn, SearchFilter(limit=0))


def test_queries_quotes_by_speaker_and_date(filled):
    rows = queries.quotes(filled.conn, QuoteFilter(speaker="Tokayev"))
    assert [(r["speaker"], r["kind"], r["text"]) for r in rows] == [
        ("Kassym-Jomart Tokayev", "indirect", "situasi sudah pulih")]
    assert ids(queries.quotes(filled.conn, QuoteFilter(since="2022-02"))) == ["sample-jakarta", "sample-xss"]


@pytest.mark.parametrize("filters, expected", [
    ({"type": "protest"}, [("sample-jakarta", "PROTEST")]),
    ({"actor_country": "RUS"}, [("sample-almaty", "RETREAT")]),
    ({"recipient_country": "KAZ"}, [("sample-almaty", "RETREAT")]),
    ({"place": "Almaty"}, [("sample-almaty", "ACCUSE"), ("sample-almaty", "RETREAT")]),
    ({"place": "IDN", "since": "2022-02-07"}, [("sample-jakarta", "COERCE"), ("sample-jakarta", "PROTEST")]),
    ({"actor": "Polisi"}, [("sample-jakarta", "COERCE")]),
])
def test_queries_events_filters(filled, filters, expected):
    rows = queries.events(filled.conn, EventFilter(**filters))
    assert sorted((r["article_id"], r["type"]) for r in rows) == expected


def test_queries_events_carry_actors_and_dates(filled):
    (ev,) = queries.events(filled.conn, EventFilter(type="RETREAT"))
    assert ev["actor"][0]["canonical"] == "Rusia" and ev["recipient"][0]["country"] == "KAZ"
    assert ev["day"] == "2022-01-13" and ev["lat"] == pytest.approx(43.25)
    # An undated event takes its article's publication date for filtering and charts.
    (acc,) = queries.events(filled.conn, EventFilter(type="ACCUSE"))
    assert acc["date"] is None and acc["day"] == "2022-01-13"


def test_queries_event_counts_by_month_and_type(filled):
    rows = queries.event_counts(filled.conn)
    assert {(r["period"], r["type"]): r["n"] for r in rows} == {
        ("2022-01", "ACCUSE"): 1, ("2022-01", "RETREAT"): 1, ("2022-02", "COERCE"): 1, ("2022-02", "PROTEST"): 1}


def test_queries_entities_count_articles_per_canonical_name(filled):
    rows = queries.entities(filled.conn, EntityFilter(label="PER"))
    top = rows[0]
    assert (top["name"], top["articles"], top["mentions"]) == ("Kassym-Jomart Tokayev", 2, 3)


def test_queries_entity_page_data(filled):
    ent = queries.entity(filled.conn, "Kassym-Jomart Tokayev")
    assert ent["labels"] == ["PER"] and ent["country"] == "KAZ" and ent["aliases"] == ["Tokayev"]
    assert [r["period"] for r in ent["over_time"]] == ["2022-01"]
    assert [q["text"] for q in ent["quotes"]] == ["situasi sudah pulih"]
    assert [e["type"] for e in ent["events"]] == ["ACCUSE"]
    assert {"Andrei Serdyukov", "Almaty"} <= {c["name"] for c in ent["cooccurring"]}
    assert "Kassym-Jomart Tokayev" not in {c["name"] for c in ent["cooccurring"]}


def test_queries_entity_known_only_as_a_speaker(store, samples):
    rec = samples.jakarta()
    rec.entities = [e for e in rec.entities if e.text != "Siti Rahmawati"]  # the NER missed her
    store.add_record(rec)
    ent = queries.entity(store.conn, "Siti Rahmawati")
    assert ent["mentions"] == 0 and ent["labels"] == ["PER"]
    assert [q["text"] for q in ent["quotes"]] == ['"Kami menolak upah murah,"']
    assert [a["id"] for a in ent["articles"]] == ["sample-jakarta"]
    assert queries.entity(store.conn, "Orang Lain") is None
