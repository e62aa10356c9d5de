"""highlight(): any set of spans gives well-nested, fully escaped HTML."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from warta.web.highlight import Mark, fmt_number, highlight

KINDS = ["entity", "quote", "time", "quantity", "event", "cue"]


@st.composite
def text_and_marks(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'xé")), min_size=1, max_size=40))
    marks = []
    for _ in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        kind = draw(st.sampled_from(KINDS))
        marks.append(Mark(a, b, kind, title='t"<', anchor=f"m{len(marks)}",
                          href="/entities/x" if kind == "entity" else None))
    return text, marks


@settings(max_examples=200, deadline=None)
@given(text_and_marks())
def test_highlight_is_well_nested_and_keeps_the_text(case):
    text, marks = case
    out = str(highlight(text, marks))
    stack = []
    for closing, tag in re.findall(r"<(/?)(span|a|p)\b", out):
        if closing:
            assert stack and stack.pop() == tag
        else:
            assert not (tag == "a" and "a" in stack), "link inside a link"
            stack.append(tag)
    assert stack == []
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    assert "<" not in re.sub(r"<(/?)(span|a|p)\b[^>]*>", "", out)


def test_highlight_paragraphs_and_line_breaks():
    out = str(highlight("Satu.\n\nDua\nbaris.", []))
    assert out == "<p>Satu.</p><p>Dua<br>baris.</p>"


@pytest.mark.parametrize("value, shown", [(1.5e12, "1,500,000,000,000"), (2000.0, "2,000"), (2.5, "2.5"),
                                          (None, "?")])
def test_highlight_numbers_read_like_numbers(value, shown):
    assert fmt_number(value) == shown


SENTENCE = "Pada Senin, Budi Santoso membeli 12 ekor sapi di Bogor. "  # written for this test


def _many_marks_record(article_id: str, n_sentences: int):
    """A Record of ``n_sentences`` sentences, each with four marks (person, place, date, quantity)."""
    from warta.record import Record

    text = SENTENCE * n_sentences
    ents, times, qtys = [], [], []
    for i in range(n_sentences):
        base = i * len(SENTENCE)

        def at(surface):
            start = base + SENTENCE.index(surface)
            return {"start": start, "end": start + len(surface), "text": surface}

        ents += [{**at("Budi Santoso"), "label": "PER", "canonical": "Budi Santoso"},
                 {**at("Bogor"), "label": "LOC", "canonical": "Bogor", "country": "IDN"}]
        times.append({**at("Senin"), "type": "DATE", "value": "2024-02-05"})
        qtys.append({**at("12 ekor sapi"), "value": 12.0, "counted": "sapi"})
    return Record.model_validate({"id": article_id, "text": text, "entities": ents, "times": times,
                                  "quantities": qtys, "sentences": []})


def _best_seconds(client, path: str, runs: int = 3) -> float:
    import time

    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        r = client.get(path)
        best = min(best, time.perf_counter() - t0)
        assert r.status_code == 200
    return best


def test_highlight_article_page_time_grows_linearly_with_marks(tmp_path):
    """Issue 20.6: 150 KB with 6,000 marks took 7.2 s, 16x the time of 50 KB: the page was quadratic.

    The page of an 8x larger article (8x the marks) may take at most 3 x 8 times as long as the
    small one (best of three runs each, so a busy machine hurts both alike); a quadratic page takes ~64x.
    """
    from fastapi.testclient import TestClient

    from warta.store import Store
    from warta.web import create_app

    small, large = _many_marks_record("kecil", 180), _many_marks_record("besar", 8 * 180)  # ~10 KB, ~80 KB
    with Store(tmp_path / "a.db") as store:
        store.add_records([(small, None, None), (large, None, None)])
    with TestClient(create_app(tmp_path / "a.db")) as client:
        page = client.get("/articles/besar").text
        assert page.count('class="hl hl-entity') >= 2 * 8 * 180  # every entity is marked (plus the legend)
        t_small, t_large = _best_seconds(client, "/articles/kecil"), _best_seconds(client, "/articles/besar")
    assert t_large <= 3 * 8 * t_small, (t_small, t_large)
