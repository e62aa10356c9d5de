"""Word-shape tests shared by the components (warta.components._words)."""

import pytest

from warta.components._words import is_cap, is_clipped_form


@pytest.mark.parametrize("short, word, clipped", [
    ("Enggar", "Enggartiasto", True),
    ("Sandi", "Sandiaga", True),
    ("Hermawan", "Hermawanto", True),
    ("Ahmad", "Ahmadi", False),      # one letter off is another name
    ("Andi", "Andika", True),
    ("Adi", "Adiputra", False),      # too short to stand for anyone
    ("sandi", "Sandiaga", False),    # a common word ("kata sandi"), not a name
    ("Budi", "Widodo", False),
])
def test_words_clipped_given_names(short, word, clipped):
    assert is_clipped_form(short, word) is clipped


def test_words_is_cap():
    assert is_cap("Jakarta") and is_cap("KPK") and not is_cap("kata") and not is_cap("")
