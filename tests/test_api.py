"""``extract_many``: streaming, and what ``on_error`` does with bad input and failing components."""

import pytest

import warta
from warta.components.quantities import Quantities

GOOD = [
    "Jakarta - Polisi menangkap dua tersangka pencurian sepeda motor di Bekasi pada Senin malam. "
    "Keduanya kini ditahan di Polres Metro Bekasi.",
    "Surabaya - Pemerintah kota membuka 12 posko kesehatan baru untuk warga yang terdampak banjir. "
    "Wali kota meminta warga tetap waspada.",
    "Medan - Harga cabai merah naik menjadi Rp 80.000 per kilogram menjelang akhir tahun. "
    "Pedagang mengatakan pasokan dari petani berkurang.",
]
#: the component patched below fails on any text holding this word
POISON = "Meledakkan"
BAD = ("Bandung - Meledakkan harga pasar bukan tujuan kami, kata ketua koperasi itu kepada wartawan. "
       "Ia meminta pemerintah daerah membantu.")


@pytest.fixture
def failing_quantities(monkeypatch):
    original = Quantities.__call__

    def call(self, doc):
        if POISON in doc.text:
            raise RuntimeError("component failure for the test")
        return original(self, doc)

    monkeypatch.setattr(Quantities, "__call__", call)


def test_api_extract_many_skip_drops_failing_article_and_keeps_the_rest(failing_quantities):
    items = [GOOD[0], "", BAD, GOOD[1], GOOD[2]]
    out = list(warta.extract_many(items, on_error="skip", batch_size=2))
    assert [r.text for r in out] == [GOOD[0], GOOD[1], GOOD[2]]
    # the survivors are the same Records extract() gives
    for rec, text in zip(out, [GOOD[0], GOOD[1], GOOD[2]]):
        assert rec.model_dump(exclude={"id"}) == warta.extract(text).model_dump(exclude={"id"})


def test_api_extract_many_raise_lets_component_error_through(failing_quantities):
    with pytest.raises(RuntimeError, match="component failure"):
        list(warta.extract_many([GOOD[0], BAD], on_error="raise"))


def test_api_extract_many_skip_without_failures_matches_raise():
    skip = list(warta.extract_many(GOOD, on_error="skip", batch_size=2))
    plain = list(warta.extract_many(GOOD))
    assert [r.model_dump() for r in skip] == [r.model_dump() for r in plain]


def test_api_extract_many_rejects_unknown_on_error():
    with pytest.raises(ValueError, match="on_error"):
        list(warta.extract_many(GOOD, on_error="ignore"))
