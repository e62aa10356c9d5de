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
