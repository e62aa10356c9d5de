"""A real browser against ``warta serve``: Debian's chromium driven by Playwright.

Locally the test is skipped when chromium is missing; in CI (``CI`` set) a
missing browser is a failure, because ``.ci/run`` installs it.

The README's screenshot of an article page (``docs/screenshots/article.png``)
is made here: ``WARTA_UPDATE_SCREENSHOTS=1 pytest tests/web/test_browser.py``
writes it again from a demo article.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCREENSHOT = os.path.join(ROOT, "docs", "screenshots", "article.png")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def _need_chromium():
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI"):
        pytest.fail(f"chromium not found at {CHROMIUM}; .ci/run installs it with apt-get")
    pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _serve(db, tmp_path):
    """``warta serve`` on a free port over ``db``; yields its base URL."""
    port = _free_port()
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "warta", "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(base + "/api/stats", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            log.close()
            pytest.fail("warta serve did not start: " + (tmp_path / "serve.log").read_text(errors="replace")[-2000:])
        time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture
def server(archive, tmp_path):
    with _serve(archive, tmp_path) as base:
        yield base


@pytest.fixture
def big_server(archive, samples, tmp_path):
    """The sample archive plus an article of 60 events (more than one page of them)."""
    from warta.store import Store

    with Store(archive) as store:
        store.add_record(samples.many_events(60))
    with _serve(archive, tmp_path) as base:
        yield base


@contextlib.contextmanager
def _browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _watch(page, server: str) -> tuple[list, list]:
    """Console errors and dialogs (``problems``), and requests that left warta (``external``)."""
    problems, external = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("request", lambda req: None if req.url.startswith(server) else external.append(req.url))
    return problems, external


def test_browser_search_article_highlights_and_entity_link(server, tmp_path):
    _need_chromium()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            problems = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
            external = []
            page.on("request", lambda req: None if req.url.startswith(server) else external.append(req.url))

            page.goto(server + "/")
            page.fill("form.quick input[name=q]", "upah murah")
            page.press("form.quick input[name=q]", "Enter")
            page.wait_for_url("**/search?q=upah+murah")
            hit = page.locator("ol.hits a.hit-title").first
            expect(hit).to_have_text("Buruh berunjuk rasa tolak upah murah")
            hit.click()
            page.wait_for_url("**/articles/sample-jakarta")

            quote = page.locator("#text .hl-quote").first
            expect(quote).to_be_visible()
            expect(quote).to_contain_text("Kami menolak upah murah")
            entity = page.locator("#text a.hl-entity", has_text="Siti Rahmawati")
            expect(entity).to_be_visible()
            assert "PER" in entity.get_attribute("title")
            expect(page.locator("#text .hl-time")).to_have_attribute("title", "DATE 2022-02-07")
            # Highlight styles differ by kind (what a reader sees, not only class names).
            bg_quote = quote.evaluate("e => getComputedStyle(e).backgroundColor")
            bg_entity = entity.evaluate("e => getComputedStyle(e).backgroundColor")
            assert bg_quote != bg_entity
            # The layer toggle (the page's only script) hides entity colours.
            page.uncheck("#layers input[data-layer=entity]")
            assert entity.evaluate("e => getComputedStyle(e).backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")
            page.check("#layers input[data-layer=entity]")
            page.screenshot(path=str(tmp_path / "article.png"), full_page=True)

            entity.click()
            page.wait_for_url("**/entities/Siti%20Rahmawati?label=PER")
            expect(page.locator("h1")).to_have_text("Siti Rahmawati")
            expect(page.locator("ul.quotes")).to_contain_text("Kami menolak upah murah")
            page.screenshot(path=str(tmp_path / "entity.png"), full_page=True)

            # Untrusted text stays text: no dialog opens, the payload is visible as characters.
            page.goto(server + "/articles/sample-xss")
            expect(page.locator("#text")).to_contain_text("<script>alert(1)</script>")
            expect(page.locator("h1")).to_contain_text('<script>alert("judul")</script>')
            page.goto(server + "/events")
            expect(page.locator("svg[aria-label='Map of event locations'] text.pin-label").first).to_be_visible()
            page.screenshot(path=str(tmp_path / "events.png"), full_page=True)
        finally:
            browser.close()
    assert problems == []
    assert external == [], f"the pages fetched from outside: {external}"
    for name in ("article.png", "entity.png", "events.png"):
        assert (tmp_path / name).stat().st_size > 10_000


def test_browser_events_pager_map_legend_and_search_totals(big_server, tmp_path):
    _need_chromium()
    from playwright.sync_api import expect

    with _browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        problems, external = _watch(page, big_server)

        page.goto(big_server + "/events")
        count = page.locator(".pager .count").first
        expect(count).to_contain_text("Events 1–50 of 64")
        expect(count).to_contain_text("page 1 of 2")
        expect(page.locator("table.grid tbody tr")).to_have_count(50)
        page.locator("a[rel=next]").first.click()
        page.wait_for_url("**/events?*page=2*")
        expect(page.locator(".pager .count").first).to_contain_text("Events 51–64 of 64")
        expect(page.locator("table.grid tbody tr")).to_have_count(14)
        # the date window is the archive's publication range, shown in the form
        expect(page.locator("input[name=since]")).to_have_value("2022-01-13")
        expect(page.locator("input[name=until]")).to_have_value("2022-03-31")

        legend = page.locator("svg[aria-label='Map of event locations'] g.map-legend")
        expect(legend).to_be_visible()
        expect(legend).to_contain_text("Colour: commonest event type")
        expect(legend).to_contain_text("Size: events at the place")
        expect(legend.locator("circle.size-key").first).to_be_visible()
        page.screenshot(path=str(tmp_path / "events-page2.png"), full_page=True)

        page.goto(big_server + "/")
        page.fill("form.quick input[name=q]", "Tokayev")
        page.press("form.quick input[name=q]", "Enter")
        page.wait_for_url("**/search?q=Tokayev")
        expect(page.locator(".pager .count").first).to_have_text("Articles 1–2 of 2")
        expect(page.locator("ol.hits li")).to_have_count(2)
        page.select_option("select[name=sort]", "oldest")
        page.click("form.filters button[type=submit]")
        page.wait_for_url("**sort=oldest**")
        expect(page.locator("ol.hits a.hit-title").first).to_have_text("Pasukan penjaga perdamaian tinggalkan Almaty")
    assert problems == []
    assert external == [], f"the pages fetched from outside: {external}"


NARROW_PAGES = ["/", "/search?q=Tokayev", "/events", "/entities", "/quotes", "/articles/sample-jakarta",
                "/entities/Kassym-Jomart%20Tokayev?label=PER", "/docs", "/stories", "/stories/1"]


def test_browser_pages_fit_400_px(server):
    _need_chromium()
    with _browser() as browser:
        page = browser.new_page(viewport={"width": 400, "height": 800})
        problems, _ = _watch(page, server)
        for path in NARROW_PAGES:
            page.goto(server + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 400, f"{path} is {width} px wide at a 400 px viewport"
            for link in page.locator("header nav a").all():
                box = link.bounding_box()
                assert box and box["x"] >= 0 and box["x"] + box["width"] <= 400, (path, link.inner_text())
            for table in page.locator("main table.stack").all():
                box = table.bounding_box()
                assert box["x"] + box["width"] <= 400, f"{path}: a table is wider than the screen"
    assert problems == []


@pytest.mark.slow
def test_browser_article_screenshot_for_the_readme(tmp_path):
    """A demo article through the real pipeline, served and photographed (the README's picture)."""
    _need_chromium()
    from playwright.sync_api import expect

    from warta.corpus import demo_articles
    from warta.store import Store

    import warta

    art = next(a for a in demo_articles() if a["id"] == "demo-01")
    rec = warta.extract(art["text"], published=art["published"], title=art["title"], url=art["url"])
    rec.id = art["id"]
    db = tmp_path / "demo.db"
    with Store(db) as store:
        store.add_record(rec)
    with _serve(db, tmp_path) as base, _browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        problems, external = _watch(page, base)
        page.goto(f"{base}/articles/{rec.id}")
        expect(page.locator("#text .hl-quote").first).to_be_visible()
        expect(page.locator("#text .hl-event").first).to_be_visible()
        shot = tmp_path / "article.png"
        page.screenshot(path=str(shot))
    assert problems == [] and external == []
    assert shot.stat().st_size > 20_000
    if os.environ.get("WARTA_UPDATE_SCREENSHOTS"):
        os.makedirs(os.path.dirname(SCREENSHOT), exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
    # the README shows the committed picture: it must be there, and be a PNG
    with open(SCREENSHOT, "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"
