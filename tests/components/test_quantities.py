"""Rule tests for the ``quantities`` component: team-written Indonesian sentences."""

from __future__ import annotations

import pytest

from warta.components.quantities import find_quantities, parse_number, parse_numeral, parse_number_words
from warta.components.timex import find_times

DCT = "2022-01-13"


def _quantities(text: str) -> list[dict]:
    times = find_times(text, DCT)
    return list(find_quantities(text, [(t["start"], t["end"]) for t in times]))


@pytest.mark.parametrize("text,value", [
    ("2.000", 2000), ("1,8", 1.8), ("1.000.000", 1_000_000), ("2.150.000", 2_150_000),
    ("57,8", 57.8), ("1.234,5", 1234.5), ("250", 250), ("1.5", 1.5),
])
def test_quantities_parse_numeral(text, value):
    assert parse_numeral(text) == pytest.approx(value)


@pytest.mark.parametrize("text,value", [
    ("satu", 1), ("sebelas", 11), ("dua belas", 12), ("dua puluh lima", 25), ("seratus", 100),
    ("seratus dua puluh", 120), ("tiga ratus", 300), ("seribu", 1000), ("dua ribu lima ratus", 2500),
    ("setengah", 0.5), ("sepertiga", 1 / 3), ("satu setengah", 1.5), ("seratus ribu", 100_000),
    ("dua juta lima ratus ribu", 2_500_000),
])
def test_quantities_parse_number_words(text, value):
    assert parse_number_words(text) == pytest.approx(value, rel=1e-6)
    assert parse_number(text) == pytest.approx(value, rel=1e-6)


@pytest.mark.parametrize("text,span,value,lo,hi,modifier,unit,counted", [
    ("Lebih dari 2.000 tentara pimpinan Rusia mundur.", "Lebih dari 2.000", 2000, None, None, "more_than", None, "tentara"),
    ("Sebanyak 1,8 juta orang mengungsi.", "1,8 juta orang", 1_800_000, None, None, "exact", None, "orang"),
    ("Proyek itu bernilai Rp 1,5 triliun.", "Rp 1,5 triliun", 1.5e12, None, None, "exact", "IDR", None),
    ("Negara merugi Rp1,5 triliun.", "Rp1,5 triliun", 1.5e12, None, None, "exact", "IDR", None),
    ("Ia menerima US$ 84 ribu.", "US$ 84 ribu", 84_000, None, None, "exact", "USD", None),
    ("Nilainya 2 miliar dolar AS.", "2 miliar dolar AS", 2e9, None, None, "exact", "USD", None),
    ("Transfernya 5,5 juta euro.", "5,5 juta euro", 5.5e6, None, None, "exact", "EUR", None),
    ("Pinjaman itu 10 miliar yuan.", "10 miliar yuan", 1e10, None, None, "exact", "CNY", None),
    ("Harga tiket 50 ribu rupiah.", "50 ribu rupiah", 50_000, None, None, "exact", "IDR", None),
    ("Inflasi mencapai 57,8 persen.", "57,8 persen", 57.8, None, None, "exact", "percent", None),
    ("Suku bunga naik 3%.", "3%", 3, None, None, "exact", "percent", None),
    ("Puluhan jiwa melayang dalam banjir itu.", "Puluhan", None, 20, 99, "approx", None, "jiwa"),
    ("Belasan rumah terbakar.", "Belasan", None, 11, 19, "approx", None, "rumah"),
    ("Ratusan ribu warga turun ke jalan.", "Ratusan ribu", None, 100_000, 999_000, "approx", None, "warga"),
    ("Ribuan orang berdemo.", "Ribuan orang", None, 1000, 9999, "approx", None, "orang"),
    ("Sekitar 300 orang ditahan polisi.", "Sekitar 300 orang", 300, None, None, "about", None, "orang"),
    ("Hampir 100 rumah rusak.", "Hampir 100", 100, None, None, "less_than", None, "rumah"),
    ("Kurang dari 50 orang hadir.", "Kurang dari 50 orang", 50, None, None, "less_than", None, "orang"),
    ("Setidaknya 12 korban tewas ditemukan.", "Setidaknya 12", 12, None, None, "at_least", None, "korban tewas"),
    ("Sedikitnya 40 orang terluka.", "Sedikitnya 40 orang", 40, None, None, "at_least", None, "orang"),
    ("Kerugian hingga Rp 2,3 triliun.", "hingga Rp 2,3 triliun", 2.3e12, None, None, "at_most", "IDR", None),
    ("Korban mencapai 57 jiwa.", "57", 57, None, None, "exact", None, "jiwa"),
    ("Ia menargetkan antara 7.000 dan 8.000 unit.", "antara 7.000 dan 8.000 unit", None, 7000, 8000, "range", None, "unit"),
    ("Targetnya 7.000 hingga 8.000 unit per bulan.", "7.000 hingga 8.000 unit", None, 7000, 8000, "range", None, "unit"),
    ("Gajinya Rp 7-8 juta.", "Rp 7-8 juta", None, 7e6, 8e6, "range", "IDR", None),
    ("Tiga rumah hangus terbakar.", "Tiga", 3, None, None, "exact", None, "rumah"),
    ("Dua puluh lima tentara gugur.", "Dua puluh lima", 25, None, None, "exact", None, "tentara"),
    ("Seribu relawan dikerahkan.", "Seribu", 1000, None, None, "exact", None, "relawan"),
    ("Polisi menyita 38 unit telepon.", "38 unit", 38, None, None, "exact", None, "telepon"),
    ("Jalan itu sepanjang 1,6 kilometer.", "1,6 kilometer", 1.6, None, None, "exact", "km", None),
    ("Gudang itu menyimpan 2.000 ton beras.", "2.000 ton", 2000, None, None, "exact", "t", None),
    ("Penjualan sudah 8.000 unit lebih.", "8.000 unit", 8000, None, None, "more_than", None, "unit"),
    # ages are quantities (ANNOTATION.md), in years
    ("Pria berusia 51 tahun itu ditahan.", "51 tahun", 51, None, None, "exact", "year", "usia"),
    ("Seorang pemuda 19 tahun ikut ditangkap.", "19 tahun", 19, None, None, "exact", "year", "usia"),
    ("Dewi Astuti (27) ditemukan tewas.", "27", 27, None, None, "exact", "year", "usia"),
    ("Vaksin untuk anak usia 6-10 tahun.", "6-10 tahun", None, 6, 10, "range", "year", "usia"),
    # partitive "satu", negative numbers
    ("Hanya satu dari mereka yang selamat.", "satu", 1, None, None, "exact", None, None),
    ("Ekonomi tumbuh minus 3,49 persen.", "minus 3,49 persen", -3.49, None, None, "exact", "percent", None),
    # collective numerals: all N of them (not ordinals after a noun)
    ("Keempat tersangka kini ditahan.", "Keempat", 4, None, None, "exact", None, "tersangka"),
    ("Polisi memeriksa keduanya.", "keduanya", 2, None, None, "exact", None, None),
])
def test_quantities_values_modifiers_units(text, span, value, lo, hi, modifier, unit, counted):
    qs = _quantities(text)
    assert len(qs) == 1, qs
    q = qs[0]
    assert q["text"] == span == text[q["start"]:q["end"]]
    assert q["value"] == (pytest.approx(value) if value is not None else None)
    assert (q["min"], q["max"]) == ((pytest.approx(lo), pytest.approx(hi)) if lo is not None else (None, None))
    assert (q["modifier"], q["unit"], q["counted"]) == (modifier, unit, counted)


@pytest.mark.parametrize("text", [
    "Ia tiba pada 6 Januari 2022.",             # a date
    "Rapat dimulai pukul 14.00 WIB.",           # a clock time
    "Pertemuan berlangsung pada 14.30 WITA.",   # a clock time without "pukul"
    "Arsenal menang 2-1 atas Chelsea.",         # a score
    "Arsenal menang dengan skor 2 - 0.",        # a score with spaces
    "Hubungi 0812-3456-7890 untuk informasi.",  # a phone number
    "Kantor polisi di (021) 5551234.",          # a phone number with an area code
    "Pabrik itu dibangun pada 2015.",           # a year
    "Ia dijerat Pasal 338 KUHP.",               # an article of law
    "Gol tercipta pada menit ke-18.",           # an ordinal
    "Ia tinggal di Blok D No 28.",              # an address
    "Jet tempur F-16 itu jatuh.",               # a model name
    "Ia ditahan selama dua tahun.",             # a duration
    "Pusat gempa di 8,47 LS dan 116,55 BT.",    # a coordinate
    "Ia memilih diam seribu bahasa.",           # an idiom
    "Pada hari kedua tim SAR tiba.",            # an ordinal after its noun
    "Salah satu korban adalah anak-anak.",      # "salah satu"
    "Ada satu hal yang perlu diingat.",         # "satu" as an article
    "Pemain Tech 3 Yamaha itu terjatuh.",       # a team name
    "Liga Primer musim 2015 - 2016 berakhir.",  # a span of years
    "Sandiaga menemui Pedagang Kaki Lima di Tanah Abang.",  # a number word inside a name
    "Perjanjian SALT - 2 ditandatangani di Wina.",          # a name with its number
])
def test_quantities_ignores_non_quantities(text):
    assert _quantities(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Gempa magnitudo 5,8 dan 5,2 mengguncang.", [("5,8", 5.8), ("5,2", 5.2)]),
    ("Kenaikan Rp 137 triliun atau Rp 151 triliun.", [("Rp 137 triliun", 137e12), ("Rp 151 triliun", 151e12)]),
    ("Gempa 5.8 SR diikuti 5.2 SR.", [("5.8 SR", 5.8), ("5.2 SR", 5.2)]),  # decimal point with a unit
    ("Disita 3 kilogram sabu dan satu bungkus ganja.", [("3 kilogram", 3), ("satu bungkus", 1)]),  # satu + classifier
    # a number with decimals after "ke" or "posisi" is a level reached, not a rank ("posisi 2" stays none)
    ("Indeks naik ke posisi 6.183,39 poin, lalu turun ke 6.100,25.", [("6.183,39", 6183.39), ("6.100,25", 6100.25)]),
    ("Tim itu naik ke posisi 2 klasemen.", []),
    ("Rupiah melemah ke 13.450 per dolar AS.", [("13.450", 13450)]),
])
def test_quantities_two_amounts_side_by_side(text, expected):
    assert [(q["text"], pytest.approx(q["value"])) for q in _quantities(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a denomination: the note of fifty thousand, not "thousands"
    ("Polisi menyita uang palsu pecahan Rp 50 ribuan dan Rp 100 ribuan.",
     [("Rp 50 ribuan", 50_000), ("Rp 100 ribuan", 100_000)]),
    # "N per-D": a fraction
    ("Indonesia meraih lebih dari dua pertiga suara.", [("lebih dari dua pertiga", 2 / 3)]),
    ("Tiga perempat warga desa itu mengungsi.", [("Tiga perempat", 0.75)]),
    # an approximate count stays one
    ("Warga menerima ribuan paket bantuan.", [("ribuan paket", None)]),
])
def test_quantities_completed_by_the_word_after(text, expected):
    got = [(q["text"], q["value"]) for q in _quantities(text)]
    assert [t for t, _ in got] == [t for t, _ in expected]
    assert [v for _, v in got] == [pytest.approx(v) if v is not None else None for _, v in expected]


@pytest.mark.parametrize("text, span, lo, hi, value", [
    # ages: a range written with spaces, and "di usia ke N"; timex leaves them alone
    ("Polisi menemukan korban yang berusia 3 - 9 tahun.", "3 - 9 tahun", 3, 9, None),
    ("Ia meninggal dunia di usia ke 89 tahun.", "89 tahun", None, None, 89),
])
def test_quantities_ages_written_loosely(text, span, lo, hi, value):
    (q,) = _quantities(text)
    assert (q["text"], q["min"], q["max"], q["value"]) == (span, lo, hi, value)
    assert find_times(text, "2017-05-01") == []


def test_quantities_component_reads_times_first(pipelines):
    nlp = pipelines(["timex", "quantities"])
    doc = nlp.make_doc("Pada 6 Januari, lebih dari 2.000 tentara tiba dalam 24 jam.")
    doc._.published = DCT
    doc = nlp(doc)
    assert [t["text"] for t in doc._.times] == ["6 Januari", "24 jam"]
    assert [(q["text"], q["value"], q["counted"]) for q in doc._.quantities] == [("lebih dari 2.000", 2000, "tentara")]


_WORDS = ["lebih", "dari", "2.000", "tentara", "Rp", "1,5", "triliun", "persen", "puluhan", "ribu", "antara", "dan",
          "-", "2", "1", "hingga", "sekitar", "dua", "puluh", "lima", "orang", "6", "Januari", "pukul", "14.00", "WIB"]


def test_quantities_spans_are_consistent_on_word_salad():
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.sampled_from(_WORDS), max_size=14))
    def check(words):
        text = " ".join(words)
        times = find_times(text, DCT)
        for q in find_quantities(text, [(t["start"], t["end"]) for t in times]):
            assert text[q["start"]:q["end"]] == q["text"]
            assert not any(t["start"] < q["end"] and q["start"] < t["end"] for t in times)
            assert (q["value"] is None) == (q["modifier"] in {"range", "approx"})

    check()


@pytest.mark.parametrize("text, span, value", [
    # a numeral phrase keeps its classifier, as it keeps a unit; the noun counted after it stays outside
    ("Petugas menyita 40 ekor burung langka.", "40 ekor", 40),
    ("Polisi mengamankan 3 unit mobil curian.", "3 unit", 3),
    ("Gempa susulan terjadi 600 kali sepanjang hari.", "600 kali", 600),
    ("Nelayan menangkap 30 - 40 ekor ikan setiap hari.", "30 - 40 ekor", None),
    ("Sebanyak 40 tentara dikerahkan ke perbatasan.", "40", 40),   # no classifier: the noun is not in the span
    ("Jaraknya 20 km dari pantai.", "20 km", 20),                  # a unit, as before
])
def test_quantities_numeral_phrase_keeps_its_classifier(text, span, value):
    q = [q for q in _quantities(text) if q["text"].split()[0] in span][0]
    assert q["text"] == span and (value is None or q["value"] == value)


@pytest.mark.parametrize("text, expected", [
    # "antara" with one number is no range: the number counts on its own
    ("Ada perdebatan sengit di antara dua kubu partai.", [("dua", 2)]),
    ("Pertemuan itu digelar antara tiga negara tetangga.", [("tiga", 3)]),
    ("Harga naik antara 10 dan 15 persen.", [("antara 10 dan 15 persen", None)]),
])
def test_quantities_antara_with_one_number(text, expected):
    assert [(q["text"], q["value"]) for q in _quantities(text)] == expected


@pytest.mark.parametrize("text, span, value", [
    # an age with words between the age word and the number is an age, not a duration
    ("Ia dipenjara ketika usianya masih 15 tahun.", "15 tahun", 15),
    ("Nenek itu meninggal di usianya yang ke - 117 tahun.", "117 tahun", 117),
    ("Kakek itu sudah berumur genap 90 tahun.", "90 tahun", 90),
    # banknotes are counted in "bilyet", a classifier like "lembar"
    ("Peruri mencetak 4,73 miliar bilyet uang kertas.", "4,73 miliar bilyet", 4_730_000_000),
])
def test_quantities_ages_after_fillers_and_bilyet(text, span, value):
    # (a person noun takes no filler: "Warga yang sudah 10 tahun tinggal di sana" is a duration, tested below)
    q = [q for q in _quantities(text) if q["text"] == span]
    assert q and q[0]["value"] == value
    if "tahun" in span:
        assert q[0]["unit"] == "year" and not [t for t in find_times(text, "2017-01-01") if "tahun" in t["text"]]


def test_quantities_person_noun_with_filler_is_a_duration():
    text = "Warga yang sudah 10 tahun tinggal di bantaran sungai itu menolak pindah."
    assert not [q for q in _quantities(text) if q["unit"] == "year"]
    assert [t["value"] for t in find_times(text, "2017-01-01")] == ["P10Y"]
