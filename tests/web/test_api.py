"""The REST API through FastAPI's TestClient: contract paths, filters, limits, errors."""

from __future__ import annotations

import json

import pytest

from warta.record import Record


def test_api_search_hits_have_contract_fields(client):
    r = client.get("/api/search", params={"q": "buruh"})
    assert r.status_code == 200
    assert r.json()["total"] == 1
    (hit,) = r.json()["hits"]
    assert {"id", "title", "published", "outlet"} <= hit.keys()
    assert (hit["id"], hit["published"], hit["outlet"]) == ("sample-jakarta", "2022-02-07", "berita.example")
    assert "buruh" in hit["snippet"] and "\ue000" not in hit["snippet"]


@pytest.mark.parametrize("params, ids", [
    ({"q": "Tokayev"}, ["sample-almaty", "sample-overlap"]),
    ({"person": "Tokayev", "until": "2022-01-15"}, ["sample-almaty"]),
    ({"place": "Jakarta"}, ["sample-jakarta"]),
    ({"org": "DPR", "since": "2022-02"}, ["sample-jakarta"]),
    ({"outlet": "kabar.example"}, ["sample-almaty"]),
    ({"entity": "Budi Hartono"}, ["sample-xss"]),
])
def test_api_search_filters(client, params, ids):
    r = client.get("/api/search", params=params)
    assert r.status_code == 200
    assert sorted(h["id"] for h in r.json()["hits"]) == ids and r.json()["total"] == len(ids)


@pytest.mark.parametrize("q", ['buruh AND', '"tidak ditutup', "(((", "NEAR(a b", "a OR"])
def test_api_search_syntax_error_is_400_with_a_message(client, q):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 400
    assert "search syntax error" in r.json()["detail"]


@pytest.mark.parametrize("value", ["' OR '1'='1", "x'; DROP TABLE articles; --", "1 UNION SELECT * FROM errors",
                                   "%", "_%_", "\\", "\x00", "🙂"])
@pytest.mark.parametrize("path, field", [("/api/search", "q"), ("/api/search", "person"), ("/api/search", "outlet"),
                                         ("/api/quotes", "speaker"), ("/api/events", "type"),
                                         ("/api/events", "place"), ("/api/entities", "q")])
def test_api_injection_strings_are_harmless(client, path, field, value):
    r = client.get(path, params={field: value})
    assert r.status_code in (200, 400)
    if r.status_code == 200 and field != "q":
        assert r.json() in ([], {"total": 0, "hits": []})
    assert client.get("/api/search").json()["total"] == 4  # nothing dropped or changed


def test_api_limits_are_enforced(client):
    assert client.get("/api/search", params={"limit": 501}).status_code == 422
    assert client.get("/api/search", params={"limit": 0}).status_code == 422
    assert len(client.get("/api/search", params={"limit": 2}).json()["hits"]) == 2
    assert client.get("/api/search", params={"q": "x" * 501}).status_code == 422
    assert client.get("/api/search", params={"since": "kemarin"}).status_code == 400


def test_api_article_is_the_record(client, samples):
    r = client.get("/api/articles/sample-almaty")
    assert r.status_code == 200
    assert Record.model_validate(r.json()) == samples.almaty()
    assert client.get("/api/articles/nope").status_code == 404


def test_api_extract_returns_a_record(client):
    body = {"text": "Gubernur mengatakan bahwa pembangunan pasar baru akan selesai pada bulan depan. Para pedagang "
                    "menyambut baik rencana itu.", "published": "2022-05-01", "title": "Pasar baru",
            "url": "https://contoh.example/pasar"}
    r = client.post("/api/extract", json=body)
    assert r.status_code == 200, r.text
    rec = Record.model_validate(r.json())
    assert (rec.text, rec.published, rec.title, rec.url) == (body["text"], "2022-05-01", "Pasar baru", body["url"])
    assert client.get("/api/search").json()["total"] == 4  # extract stores nothing


@pytest.mark.parametrize("content, status", [
    (b"{bukan json", 422),
    (b"[1, 2]", 422),
    (json.dumps({"title": "tanpa teks"}).encode(), 422),
    (json.dumps({"text": "   "}).encode(), 422),
    (json.dumps({"text": "Harga beras naik lagi di pasar.", "published": "kemarin"}).encode(), 422),
    (b"\xff\xfe\x00", 422),
    (json.dumps({"text": "kata " * 5000}).encode(), 413),
])
def test_api_extract_bad_bodies(client, content, status):
    r = client.post("/api/extract", content=content, headers={"content-type": "application/json"})
    assert r.status_code == status, r.text
    assert "detail" in r.json()


def test_api_extract_size_limit_without_content_length(client):
    def chunks():
        for _ in range(30):
            yield b"x" * 1000

    r = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_api_entities_with_counts_and_one_entity(client):
    rows = client.get("/api/entities", params={"label": "PER"}).json()
    assert rows[0] == {"name": "Kassym-Jomart Tokayev", "label": "PER", "country": "KAZ", "mentions": 3,
                       "articles": 2}
    ent = client.get("/api/entities/Kassym-Jomart Tokayev").json()
    assert [q["text"] for q in ent["quotes"]] == ["situasi sudah pulih"]
    assert [e["type"] for e in ent["events"]] == ["ACCUSE"]
    assert client.get("/api/entities/Tidak Ada").status_code == 404


def test_api_quotes_and_events_filters(client):
    quotes = client.get("/api/quotes", params={"speaker": "Siti"}).json()
    assert [q["text"] for q in quotes] == ['"Kami menolak upah murah,"']
    events = client.get("/api/events", params={"actor_country": "RUS"}).json()
    assert [(e["type"], e["cameo"], e["recipient"][0]["canonical"]) for e in events] == [
        ("RETREAT", "0871", "Kazakhstan")]
    counts = client.get("/api/events/counts", params={"period": "day", "type": "PROTEST"}).json()
    assert counts == [{"period": "2022-02-07", "type": "PROTEST", "n": 1}]
    assert client.get("/api/stats").json()["articles"] == 4


def test_api_openapi_lists_the_contract_paths(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/articles/{article_id}", "/api/extract"} <= spec["paths"].keys()
    assert "post" in spec["paths"]["/api/extract"]
