"""quantities.candidate_starts (shared with timex) finds exactly the trigger tokens a plain token scan finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from warta.components import quantities, timex
from warta.components.quantities import DIGIT, _TOKEN, candidate_starts

_INDEXES = [quantities._INDEX, timex._INDEX]
# letters whose lower case is odd (Kelvin sign, dotted I, long s, final sigma), digits that are not \d
_ODD = "kK\u212a\u0130\u0131\u017f\u03a3\u03c3\u03c2\u00b2\u2460\u0663\u00e9\u00df"
_WORDS = sorted({w for index in _INDEXES for w in index if w != DIGIT})


def _reference(text, index):
    """One Python step per token: what candidate_starts must equal."""
    out = []
    for tok in _TOKEN.finditer(text):
        word = tok.group()
        names = index.get(DIGIT if word[0].isdigit() else word.lower())
        if names:
            out.append((tok.start(), names))
    return out


@pytest.mark.parametrize("text", [
    "", " ", "Harga naik 5 persen menjadi Rp 2.000 pada Senin (13/1) pekan lalu.",
    "SEKITAR 300 ORANG tiba Kamis pagi; dua hari kemudian, US$ 5 juta.",
    "Covid19 dan 2020-an: ²tahun, ΣΑΣ, \u212aamis, \u0130ni.",
])
@pytest.mark.parametrize("index", _INDEXES)
def test_quantities_candidate_starts_match_token_scan(text, index):
    assert candidate_starts(text, index) == _reference(text, index)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_WORDS).map(str.upper),
                          st.text(alphabet=_ODD + "0123456789 .,-($€£¥\n", max_size=3)), max_size=12))
def test_quantities_candidate_starts_match_token_scan_fuzzed(pieces):
    text = "".join(pieces)
    for index in _INDEXES:
        assert candidate_starts(text, index) == _reference(text, index)
