"""A real browser against ``warta serve``: Debian's chromium driven by Playwright.

Locally the test is skipped when chromium is missing; in CI (``CI`` set) a
missing browser is a failure, because ``.ci/run`` installs it.
"""

from __future__ import annotations

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


@pytest.fixture
def server(archive, tmp_path):
    port = _free_port()
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "warta", "serve", "--db", str(archive), "--host", "127.0.0.1",
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
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


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
