"""The README's first screen answers "what do I get, how do I start, how good is it" (issue 21)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FIRST = README[:README.index("## Reading the output")]


def test_readme_first_screen_has_what_how_and_how_good():
    shot = re.search(r"!\[[^\]]+\]\((docs/screenshots/[^)]+\.png)\)", FIRST)
    assert shot and (ROOT / shot[1]).is_file()  # made by tests/web/test_browser.py
    assert "warta show demo-01" in FIRST and "Events (" in FIRST  # a sample of the output
    assert "make run" in FIRST and "make test" in FIRST and "pip install" in FIRST
    assert "| section | figure | blind (95 articles) [95% interval] | tune (139 articles) |" in FIRST
    assert len(FIRST.splitlines()) < 110


def test_readme_is_short_and_the_history_lives_in_docs():
    assert len(README.splitlines()) < 200
    for page in ("stages.md", "archive.md", "evaluation.md", "benchmark.md"):
        assert f"docs/{page}" in README and (ROOT / "docs" / page).is_file()
    assert "load average" not in README  # run logs belong in docs/benchmark.md


def test_readme_explains_the_codes_with_links():
    rest = README[README.index("## Reading the output"):]
    for code in ("TMO", "TAF", "TEV", "TNI", "PLOVER", "CAMEO", "Quad class", "ID.36"):
        assert code in rest, code
    assert len(re.findall(r"\]\(https?://", rest)) >= 4


def test_readme_lists_the_licences_of_bundled_data():
    section = README[README.index("## Bundled data and licences"):]
    for text in ("GeoNames", "CC BY 4.0", "CC BY-SA 4.0", "MODEL_CARD.md", "Apache-2.0"):
        assert text in section, text


def test_readme_relative_links_resolve():
    for link in re.findall(r"\]\(((?!https?://)[^)#]+)", README):
        assert (ROOT / link).exists(), link
