"""Server-rendered pages: escaping, highlighting, charts, no outside assets."""

from __future__ import annotations

import re

import pytest

PAGES = ["/", "/search?q=Tokayev", "/articles/sample-almaty", "/articles/sample-xss", "/entities",
         "/entities/Kassym-Jomart%20Tokayev?label=PER", "/events", "/quotes", "/docs"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_only_local_assets(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    for tag, url in re.findall(r'<(script|link|img)\b[^>]*?(?:src|href)="([^"]+)"', r.text):
        assert url.startswith("/"), f"{tag} loads {url} from outside"
    assert "cdn" not in r.text.lower()


@pytest.mark.parametrize("path", ["/static/style.css", "/static/app.js", "/static/logo.svg"])
def test_pages_static_assets_are_served(client, path):
    assert client.get(path).status_code == 200


def test_pages_article_text_is_escaped(client, samples):
    html = client.get("/articles/sample-xss").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;script&gt;alert(&#34;judul&#34;)&lt;/script&gt; Uji keamanan" in html
    assert 'href="javascript:' not in html  # the untrusted source URL is not linked
    home = client.get("/").text
    assert "<script>alert" not in home and "&lt;script&gt;alert" in home


def test_pages_article_highlights_every_kind_with_its_value(client):
    html = client.get("/articles/sample-almaty").text
    ent = re.search(r'<a href="(/entities/Andrei%20Serdyukov\?label=PER)" class="hl hl-entity ent-per" '
                    r'title="([^"]+)" id="ent-2">Andrei Serdyukov</a>', html)
    assert ent and "RUS" in ent[2] and "role: Jenderal" in ent[2]
    assert re.search(r'<span class="hl hl-quote quote-direct" title="direct quote · Andrei Serdyukov · cue: kata" '
                     r'id="quote-0">', html)
    assert '<span class="hl hl-time" title="DATE 2022-01-13" id="time-0">Kamis</span>' in html
    assert re.search(r'class="hl hl-quantity" title="approx 1,000–9,999 · counts: tentara"', html)
    assert re.search(r'class="hl hl-event ev" title="RETREAT · CAMEO 0871" id="event-0">meninggalkan<', html)
    # "Tokayev" later in the text is linked to the full name's page.
    assert 'href="/entities/Kassym-Jomart%20Tokayev?label=PER" class="hl hl-entity ent-per" title="PER · = ' \
           'Kassym-Jomart Tokayev · KAZ" id="ent-5">Tokayev</a>' in html


def test_pages_article_side_panel_lists_items(client):
    html = client.get("/articles/sample-jakarta").text
    panel = html[html.index('<aside class="panel">'):]
    assert "Siti Rahmawati" in panel and "Kami menolak upah murah" in panel
    assert "<code>2022-02-07</code>" in panel and "PROTEST" in panel and "CAMEO 141" in panel


def test_pages_overlapping_spans_nest_properly(client):
    html = client.get("/articles/sample-overlap").text
    body = html[html.index('<div class="text" id="text">'):html.index("</div>", html.index('id="text"'))]
    stack = []
    for closing, tag in re.findall(r"<(/?)(span|a|p)\b", body):
        if closing:
            assert stack and stack.pop() == tag
        else:
            stack.append(tag)
    assert stack == []
    assert body.count('id="time-0"') == 1  # the anchor is on the first piece only
    assert body.count("hl-time") == 2      # the time is cut where the quote ends


def test_pages_search_shows_hits_and_bad_syntax_as_400(client):
    r = client.get("/search", params={"q": "upah murah"})
    assert r.status_code == 200 and "Buruh berunjuk rasa" in r.text and "<mark>" in r.text
    bad = client.get("/search", params={"q": "upah AND"})
    assert bad.status_code == 400 and "search syntax error" in bad.text
    dates = client.get("/search", params={"since": "2022-99-01"})
    assert dates.status_code == 400 and "out of range" in dates.text


def test_pages_entity_page(client):
    html = client.get("/entities/Kassym-Jomart%20Tokayev").text
    assert "situasi sudah pulih" in html and "Andrei Serdyukov" in html
    assert '<svg class="chart"' in html and "2022-01" in html
    assert client.get("/entities/Tidak%20Ada").status_code == 404


def test_pages_events_page_has_timeline_map_and_filters(client):
    html = client.get("/events").text
    assert html.count('<svg class="chart"') == 2
    assert 'aria-label="Map of event locations"' in html and ">Almaty</text>" in html and ">Jakarta</text>" in html
    assert 'class="land"' in html  # the offline base map drew something
    only = client.get("/events", params={"type": "PROTEST"}).text
    assert "RETREAT · " not in only and "berunjuk rasa" in only


def test_pages_home_shows_counts_and_chart(client):
    html = client.get("/").text
    assert "<strong>4</strong> articles" in html
    assert "Events per month by PLOVER type" in html and "2022-02" in html


def test_pages_unknown_article_is_404_page(client):
    r = client.get("/articles/%3Cscript%3E")
    assert r.status_code == 404 and "&lt;script&gt;" in r.text


def test_pages_month_range_fills_empty_months():
    from warta.web.pages import month_range

    assert month_range("2021-11", "2022-02") == ["2021-11", "2021-12", "2022-01", "2022-02"]
    assert month_range("2022-03", "2022-03") == ["2022-03"]


def test_pages_entity_known_only_as_speaker_has_a_page(client, archive, samples):
    from warta.store import Store

    rec = samples.jakarta()
    rec.id, rec.url, rec.text = "sample-j2", None, rec.text + " Aksi berakhir sore hari."
    rec.entities = []
    with Store(archive) as store:
        store.add_record(rec)
    r = client.get("/entities/Siti%20Rahmawati")
    assert r.status_code == 200 and "Kami menolak upah murah" in r.text
