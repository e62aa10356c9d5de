"""Issue 21 in the web UI and API: paging, totals, date windows, palette, map legend, CSV, errors, language."""

from __future__ import annotations

import colorsys
import csv
import io
import re

import pytest

from warta.web import charts

@pytest.fixture
def big_client(archive, samples):
    from fastapi.testclient import TestClient

    from warta.store import Store
    from warta.web import create_app

    old = samples.many_events(1, rid="old-date")
    old.events[0].date = "2009-05-01"  # a date an article mentions, long before the archive
    old.published, old.text = "2022-03-01", old.text + " Kasus lama."
    with Store(archive) as store:
        store.add_record(samples.many_events(60))
        store.add_record(old)
    with TestClient(create_app(archive)) as c:
        yield c


# -- events page -------------------------------------------------------------
def test_events_page_pages_with_a_total(big_client):
    html = big_client.get("/events").text
    assert "Events 1–50 of <strong>64</strong> · page 1 of 2" in html
    assert html.count('<td data-label="Date">') == 50
    nxt = re.search(r'<a href="([^"]+)" rel="next">', html)[1].replace("&amp;", "&")
    second = big_client.get(nxt).text
    assert "Events 51–64 of <strong>64</strong> · page 2 of 2" in second
    assert second.count('<td data-label="Date">') == 14 and 'rel="next"' not in second


def test_events_page_window_defaults_to_the_published_range(big_client):
    html = big_client.get("/events").text
    assert 'name="since" value="2022-01-13"' in html and 'name="until" value="2022-03-31"' in html
    assert "2009-05-01" not in html
    assert "1 more event carries a date outside this window" in html
    everything = big_client.get("/events", params={"since": "", "until": ""}).text
    assert "of <strong>65</strong>" in everything and "2009-05-01" in everything


def test_events_page_sorts(big_client):
    oldest = big_client.get("/events", params={"sort": "oldest"}).text
    days = re.findall(r'<td data-label="Date">([\d-]+)</td>', oldest)
    assert days == sorted(days) and days[0] == "2022-01-13"
    by_type = big_client.get("/events", params={"sort": "type"}).text
    types = re.findall(r'<span class="evtype t-\w+">(\w+)</span>', by_type)
    assert types == sorted(types)
    assert big_client.get("/events", params={"sort": "random"}).status_code == 400


def test_events_page_unknown_type_lists_valid_values(client):
    r = client.get("/events", params={"type": "FOO"})
    assert r.status_code == 400 and "valid values: ACCUSE, AGREE" in r.text


# -- home chart ----------------------------------------------------------------
def test_home_chart_spans_the_published_months(big_client):
    html = big_client.get("/").text
    chart = html[html.index("Events per month by PLOVER type"):]
    chart = chart[:chart.index("</svg>")]
    assert "2009" not in chart and "2022-03" in chart
    assert "1 event dated outside these months" in html


# -- palette, legends, labels ----------------------------------------------------
def _hue(color: str) -> float:
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


def _lab_distance(a: str, b: str) -> float:
    def lab(c):
        rgb = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
        x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.9505
        y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
        z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.089
        f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
        return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])

    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b))) ** 0.5


HUES = {1: (75, 170), 2: (195, 225), 3: (15, 55), 4: (290, 360)}


def test_palette_is_grouped_by_quad_class_and_distinguishable():
    from warta.events_ontology import PLOVER_TYPES, quad_class

    assert set(charts.PLOVER_COLORS) == set(PLOVER_TYPES)
    for t, color in charts.PLOVER_COLORS.items():
        lo, hi = HUES[quad_class(t)]
        assert lo <= _hue(color) <= hi, (t, color, _hue(color))
    colors = list(charts.PLOVER_COLORS.values())
    closest = min(_lab_distance(a, b) for i, a in enumerate(colors) for b in colors[i + 1:])
    assert closest > 20, closest  # CIE76 distance: clearly different side by side
    for pair in (("COERCE", "THREATEN"), ("COERCE", "REJECT"), ("AGREE", "SUPPORT"), ("SUPPORT", "COOPERATE")):
        assert _lab_distance(*(charts.PLOVER_COLORS[t] for t in pair)) > 25, pair


def test_css_badges_use_the_chart_palette(client):
    css = client.get("/static/style.css").text
    for t, color in charts.PLOVER_COLORS.items():
        assert re.search(rf"\.t-{t.lower()} {{ background: {color};", css), t


def test_chart_legend_is_grouped_by_quad_class():
    svg = str(charts.stacked_bars(["2022-01"], {"2022-01": {"ASSAULT": 1, "AGREE": 2, "AID": 1, "ACCUSE": 1}},
                                  label="x"))
    legend = re.findall(r'class="legend(?: quad)?">([^<]+)</text>', svg)
    assert legend == ["Verbal cooperation:", "AGREE", "Material cooperation:", "AID", "Verbal conflict:", "ACCUSE",
                      "Material conflict:", "ASSAULT"]


def test_map_has_a_colour_and_size_legend():
    pts = [{"lat": -6.2, "lon": 106.8, "label": "Jakarta", "n": 12, "type": "PROTEST"},
           {"lat": 43.2, "lon": 76.9, "label": "Almaty", "n": 1, "type": "AGREE"}]
    svg = str(charts.world_map(pts))
    legend = svg[svg.index('<g class="map-legend">'):]
    assert "Colour: commonest event type" in legend and "Size: events at the place" in legend
    assert ">PROTEST</text>" in legend and ">AGREE</text>" in legend
    assert legend.count('class="pin size-key"') == 3 and ">12</text>" in legend and ">1</text>" in legend


def test_map_labels_do_not_overlap():
    # 30 places within a few kilometres of each other: the labels must not pile up
    pts = [{"lat": -6.2 + 0.01 * (i % 6), "lon": 106.8 + 0.01 * (i // 6), "label": f"Tempat {i}", "n": 1 + i % 4,
            "type": "COERCE"} for i in range(30)]
    svg = str(charts.world_map(pts))
    boxes = []
    for x, y, anchor, text in re.findall(r'<text x="([\d.-]+)" y="([\d.-]+)" text-anchor="(\w+)" '
                                         r'class="pin-label">([^<]+)</text>', svg):
        x, y, w = float(x), float(y), 6.6 * len(text)
        x0 = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
        boxes.append((x0, y - 12, x0 + w, y))
    assert 1 <= len(boxes) < 30  # some are left to their tooltips
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    assert svg.count('class="pin"') == 30  # every pin is drawn, labelled or not


def test_place_labels_prefer_the_right_and_fall_back():
    spots = charts.place_labels([(100, 100, 5, "Alpha"), (100, 100, 5, "Beta")], 400, 300)
    assert spots[0][2] == "start" and spots[1] is not None and spots[1][2] != "start"


# -- search ----------------------------------------------------------------------
def test_search_page_total_sort_and_pages(client):
    html = client.get("/search", params={"q": "Tokayev"}).text
    assert "Articles 1–2 of <strong>2</strong>" in html
    assert '<option value="relevance" selected>' in html
    oldest = client.get("/search", params={"q": "Tokayev", "sort": "oldest"}).text
    assert oldest.index("Pasukan penjaga perdamaian") < oldest.index("Kunjungan Tokayev")
    page2 = client.get("/search", params={"page": 2}).text
    assert "No articles on this page: 4 match, on 1 page." in page2


def test_api_search_total_and_paging(client):
    body = client.get("/api/search", params={"limit": 1, "offset": 1, "sort": "oldest"}).json()
    assert body["total"] == 4 and [h["id"] for h in body["hits"]] == ["sample-overlap"]
    assert set(body) == {"total", "hits"}


def test_api_lists_send_their_total_in_a_header(big_client):
    r = big_client.get("/api/events", params={"limit": 5, "place": "Jakarta"})
    assert r.headers["x-total-count"] == "63" and len(r.json()) == 5
    assert big_client.get("/api/quotes", params={"limit": 1}).headers["x-total-count"] == "5"


def test_api_event_aggregate(client):
    rows = client.get("/api/events/aggregate", params={"type": "PROTEST"}).json()
    assert rows == [{"day": "2022-02-07", "type": "PROTEST", "country": "IDN", "adm1": None, "province": None,
                     "events": 1}]


# -- CSV downloads ----------------------------------------------------------------
@pytest.mark.parametrize("page, csv_path, header, n", [
    ("/search?q=Tokayev", "/search.csv?q=Tokayev", ["id", "published", "outlet", "title", "url", "snippet", "score"],
     2),
    ("/events?type=COERCE", "/events.csv", ["date", "type", "cameo", "quad_class", "modality", "negated", "actor"], 1),
    ("/quotes?speaker=Siti", "/quotes.csv", ["published", "speaker", "speaker_label", "kind", "cue", "quote"], 1),
    ("/entities?label=PER", "/entities.csv?label=PER", ["name", "label", "country", "articles", "mentions"], 4),
])
def test_every_list_page_links_a_csv_of_its_rows(client, page, csv_path, header, n):
    html = client.get(page).text
    href = re.search(r'<a href="([^"]+)" class="csv" download>Download CSV</a>', html)[1].replace("&amp;", "&")
    assert href.startswith(csv_path.split("?")[0] + "?")
    r = client.get(href)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0][:len(header)] == header and len(rows) - 1 == n


def test_events_csv_has_every_matching_row_not_one_page(big_client):
    r = big_client.get("/events.csv", params={"since": "", "until": ""})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 65 and rows[0]["province"] == "DKI Jakarta" and rows[0]["actor"] == "Polisi (IDN)"


# -- API polish ---------------------------------------------------------------------
def test_openapi_describes_every_query_parameter_and_documents_404(client):
    spec = client.get("/openapi.json").json()
    params = [(path, p["name"]) for path, ops in spec["paths"].items() for op in ops.values()
              for p in op.get("parameters", []) if not p.get("description")]
    assert params == []
    assert len([1 for ops in spec["paths"].values() for op in ops.values() for _ in op.get("parameters", [])]) > 40
    for path in ("/api/articles/{article_id}", "/api/entities/{name}"):
        assert "404" in spec["paths"][path]["get"]["responses"], path
    assert spec["paths"]["/api/search"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SearchResult"}
    assert set(spec["components"]["schemas"]["ErrorBody"]["properties"]) == {"detail", "code", "status", "errors"}


@pytest.mark.parametrize("method, path, kwargs, status", [
    ("get", "/api/search", {"params": {"q": "buruh AND"}}, 400),
    ("get", "/api/events", {"params": {"type": "FOO"}}, 400),
    ("get", "/api/articles/nope", {}, 404),
    ("get", "/api/entities/Tidak Ada", {}, 404),
    ("get", "/api/nothing-here", {}, 404),
    ("get", "/api/search", {"params": {"limit": 0}}, 422),
    ("post", "/api/extract", {"content": b"{bukan json", "headers": {"content-type": "application/json"}}, 422),
    ("post", "/api/extract", {"json": {"title": "tanpa teks"}}, 422),
    ("post", "/api/extract", {"json": {"text": "kata " * 5000}}, 413),
])
def test_every_api_error_has_one_body_shape(client, method, path, kwargs, status):
    r = getattr(client, method)(path, **kwargs)
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"detail", "code", "status", "errors"}
    assert isinstance(body["detail"], str) and body["detail"] and body["status"] == status
    assert isinstance(body["errors"], list)


def test_page_errors_stay_html(client):
    r = client.get("/nothing-here")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    r = client.get("/search", params={"page": 0})
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")


@pytest.mark.slow
def test_server_start_loads_the_model(archive):
    from fastapi.testclient import TestClient

    from warta import pipeline
    from warta.web import create_app

    app = create_app(archive, preload_model=True)
    with TestClient(app) as c:
        assert app.state.model_ready.wait(180), "the pipeline did not load at start"
        assert pipeline._cached.cache_info().currsize >= 1
        r = c.post("/api/extract", json={"text": "Polisi menangkap dua orang di Surabaya pada Senin."})
        assert r.status_code == 200


# -- one language ---------------------------------------------------------------------
INDONESIAN_UI_WORDS = re.compile(r"\b(cari|berita|kata|kunci|frasa|awal|semua|tanggal|sebelum|sesudah|halaman|"
                                 r"unduh|tampilkan|peristiwa|kutipan)\b", re.I)
UI_PAGES = ["/", "/search?q=Tokayev", "/entities", "/events", "/quotes", "/docs", "/articles/sample-jakarta"]


@pytest.mark.parametrize("path", UI_PAGES)
def test_ui_labels_are_english(client, path):
    html = client.get(path).text
    chrome = re.sub(r'<div class="text" id="text">.*?</div>', "", html, flags=re.S)  # the article itself stays
    texts = re.findall(r'placeholder="([^"]*)"', chrome) + re.findall(r'aria-label="([^"]*)"', chrome)
    texts += re.findall(r"<(?:label|button|th|h1|h2|option|nav|legend)\b[^>]*>([^<]+)", chrome)
    texts = [t for t in texts if t.strip()]
    assert len(texts) > 3
    bad = [t for t in texts if INDONESIAN_UI_WORDS.search(t)]
    assert bad == []
