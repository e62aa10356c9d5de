"""The segmenter: sentence boundaries, datelines and credit lines.

Every sentence here is written for these tests.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.components.segmenter import find_credit, find_dateline, quote_regions


@pytest.fixture(scope="module")
def nlp(pipelines):
    return pipelines(("segmenter",))


def sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize("text, expected", [
    # plain boundaries
    ("Polisi menangkap 14 orang. Mereka diperiksa di Mapolda.",
     ["Polisi menangkap 14 orang.", "Mereka diperiksa di Mapolda."]),
    ("Apakah ini adil? Warga menolak! Kami kecewa.",
     ["Apakah ini adil?", "Warga menolak!", "Kami kecewa."]),
    ("Harga naik menjadi Rp 14.000 per liter. 1.200 pedagang protes.",
     ["Harga naik menjadi Rp 14.000 per liter.", "1.200 pedagang protes."]),
    # never inside a quotation, nor at "..." inside it
    ('"Kami siap. Kami akan datang," kata Budi. Ia pergi.',
     ['"Kami siap. Kami akan datang," kata Budi.', "Ia pergi."]),
    ('"Saya tidak tahu harus berkata apa... Mereka sudah berlatih keras," ujarnya.',
     ['"Saya tidak tahu harus berkata apa... Mereka sudah berlatih keras," ujarnya.']),
    ("“Kami kecewa. Sangat kecewa,” kata Rizal. Ia menangis.",
     ["“Kami kecewa. Sangat kecewa,” kata Rizal.", "Ia menangis."]),
    ('Rizal mengatakan, "Kami hanya ingin penghitungan ulang." Ia menuduh panitia curang.',
     ['Rizal mengatakan, "Kami hanya ingin penghitungan ulang."', "Ia menuduh panitia curang."]),
    ('Ia menyebut hasil itu "pesanan". Polisi berjaga.',
     ['Ia menyebut hasil itu "pesanan".', "Polisi berjaga."]),
    # a new sentence opening with a quotation
    ('Gudang itu di Jl. Sudirman No. 5. "Kami menemukan sabu," kata polisi.',
     ["Gudang itu di Jl. Sudirman No. 5.", '"Kami menemukan sabu," kata polisi.']),
    ('Mereka pulang kemarin. "Semua selamat," ujarnya.',
     ["Mereka pulang kemarin.", '"Semua selamat," ujarnya.']),
    # never after these abbreviations
    ("Ia tinggal di Jl. Merdeka No. 17, Medan.", ["Ia tinggal di Jl. Merdeka No. 17, Medan."]),
    ("Kuliah umum Prof. Bambang dan Dr. Retno dibatalkan.", ["Kuliah umum Prof. Bambang dan Dr. Retno dibatalkan."]),
    ("Bupati H. Rusdi Wirawan hadir.", ["Bupati H. Rusdi Wirawan hadir."]),
    ("Hakim Maria Simanjuntak, S.H., M.H., membacakan putusan.",
     ["Hakim Maria Simanjuntak, S.H., M.H., membacakan putusan."]),
    ("Kuasa hukumnya Samuel Hutapea, S.H. Bersama timnya ia banding.",
     ["Kuasa hukumnya Samuel Hutapea, S.H. Bersama timnya ia banding."]),
    ("Kepala dinas Yulia Rahmi, M.Si. Rahmi hadir.", ["Kepala dinas Yulia Rahmi, M.Si. Rahmi hadir."]),
    ("Saham PT Bank Rakyat Indonesia (Persero) Tbk. Naik tajam.",
     ["Saham PT Bank Rakyat Indonesia (Persero) Tbk. Naik tajam."]),
    ("Banjir di Kec. Martapura, Kab. Banjar, surut.", ["Banjir di Kec. Martapura, Kab. Banjar, surut."]),
    ("Bantuan berupa beras, minyak, dll. Dikirim kemarin.", ["Bantuan berupa beras, minyak, dll. Dikirim kemarin."]),
    ("Ada beras, gula, dsb. yang dikirim.", ["Ada beras, gula, dsb. yang dikirim."]),
    # ... but a weak abbreviation before a clear sentence opener ends the sentence
    ("Bantuan berupa beras, minyak, dll. Selain itu, tenda dikirim.",
     ["Bantuan berupa beras, minyak, dll.", "Selain itu, tenda dikirim."]),
    # brackets hold no boundary
    ("Tanaman itu (Capsicum annuum L.) tumbuh subur.", ["Tanaman itu (Capsicum annuum L.) tumbuh subur."]),
    # a full stop whose following space was lost
    ("Laga ditunda (18 Desember).Sementara itu tim pulang.", ["Laga ditunda (18 Desember).", "Sementara itu tim pulang."]),
    ("Ia lahir pada 2012.Fahd datang.", ["Ia lahir pada 2012.", "Fahd datang."]),
    ("Pemain J.F.Hasselbaink hadir.", ["Pemain J.F.Hasselbaink hadir."]),
    # paragraph breaks always split, even without a full stop
    ("Banjir meluas\n\nWarga mengungsi ke masjid.", ["Banjir meluas", "Warga mengungsi ke masjid."]),
    ('"Kami menunggu bantuan\n\nWarga masih bertahan," katanya.',
     ['"Kami menunggu bantuan', 'Warga masih bertahan," katanya.']),
    # a bare end mark before a lower-case word ends a sentence (news typos, GSD's lower-case starts)
    ("Polisi memeriksa tersangka. hari ini ia dibebaskan.", ["Polisi memeriksa tersangka.", "hari ini ia dibebaskan."]),
    ("Skor akhir 2-1. pelatih itu puas.", ["Skor akhir 2-1.", "pelatih itu puas."]),
    ("Pabrik itu ditutup pada 1998. sejak itu warga merantau.",
     ["Pabrik itu ditutup pada 1998.", "sejak itu warga merantau."]),
    ("Mengapa harga naik? karena pasokan kurang.", ["Mengapa harga naik?", "karena pasokan kurang."]),
    ("Ia membeli iPad baru di Jakarta. iPad itu rusak.", ["Ia membeli iPad baru di Jakarta.", "iPad itu rusak."]),
    # ... but not after a closing quote, an ellipsis, before a reporting cue, or after an abbreviation
    ('"Kami siap." kata Budi.', ['"Kami siap." kata Budi.']),
    ("Ia ragu... lalu pergi.", ["Ia ragu... lalu pergi."]),
    ("Siapa yang salah? tanya warga itu.", ["Siapa yang salah? tanya warga itu."]),
    ("Gol dicetak Ramos dkk. menjelang akhir laga.", ["Gol dicetak Ramos dkk. menjelang akhir laga."]),
    ("Petinju Floyd Mayweather Jr. di Las Vegas menang.", ["Petinju Floyd Mayweather Jr. di Las Vegas menang."]),
    ("Ia kalah dari Floyd Mayweather Jr. Mereka terkejut.", ["Ia kalah dari Floyd Mayweather Jr.", "Mereka terkejut."]),
    ("Komedian Louis C.K. akhirnya minta maaf.", ["Komedian Louis C.K. akhirnya minta maaf."]),
    ("Kepala dinas Joko P. di ruang kerjanya.", ["Kepala dinas Joko P. di ruang kerjanya."]),
    ("Menurut Dr. med. dr. Rina Sari, gejala itu umum.", ["Menurut Dr. med. dr. Rina Sari, gejala itu umum."]),
    ("Saham PT Maju Jaya Tbk. sebanyak 10 persen dijual.", ["Saham PT Maju Jaya Tbk. sebanyak 10 persen dijual."]),
    # a list item opened by a dash after a sentence
    ("Langkahnya sebagai berikut. - Matikan komputer. - Cabut kabel.",
     ["Langkahnya sebagai berikut.", "- Matikan komputer.", "- Cabut kabel."]),
    # a digit after a plain word's full stop starts a sentence (GSD's "kaliber. 50" is a typo)
    ("Korban mencapai ratusan. 50 di antaranya anak-anak.", ["Korban mencapai ratusan.", "50 di antaranya anak-anak."]),
    # a quotation continued in the next paragraph: no split inside either part
    ('"Kami siap. Kami datang.\n\n"Kami pasti menang. Percayalah," katanya. Ia pergi.',
     ['"Kami siap. Kami datang.', '"Kami pasti menang. Percayalah," katanya.', "Ia pergi."]),
])
def test_segmenter_sentences(nlp, text, expected):
    assert sents(nlp, text) == expected


@pytest.mark.parametrize("text, shown, place, outlet", [
    ("JAKARTA, KOMPAS.com - Presiden tiba di Bali.", "JAKARTA, KOMPAS.com", "JAKARTA", "KOMPAS.com"),
    ("Jakarta, CNN Indonesia -- Harga cabai naik.", "Jakarta, CNN Indonesia", "Jakarta", "CNN Indonesia"),
    ("Jakarta, CNN Indonesia - - Harga cabai naik.", "Jakarta, CNN Indonesia", "Jakarta", "CNN Indonesia"),
    ("ALMATY, warta.example - Pasukan ditarik.", "ALMATY, warta.example", "ALMATY", "warta.example"),
    ("Bandung (ANTARA) - Dua atlet tiba.", "Bandung (ANTARA)", "Bandung", "ANTARA"),
    ("Magelang, Jawa Tengah (ANTARA News) - Dua atlet tiba.", "Magelang, Jawa Tengah (ANTARA News)",
     "Magelang, Jawa Tengah", "ANTARA News"),
    ("Suara.com - Partai itu lolos verifikasi.", "Suara.com", None, "Suara.com"),
    ("LABUAN BAJO, warta.example - KTT dibuka.", "LABUAN BAJO, warta.example", "LABUAN BAJO", "warta.example"),
    ("Rimanews - Menteri itu hadir.", "Rimanews", None, "Rimanews"),
    ("JUARA.NET, PUNE - Pasangan itu menang.", "JUARA.NET, PUNE", "PUNE", "JUARA.NET"),
    ("INGGRIS – Arsenal kalah lagi.", "INGGRIS", "INGGRIS", None),
])
def test_segmenter_datelines(nlp, text, shown, place, outlet):
    doc = nlp(text)
    dl = doc._.dateline
    assert dl is not None
    assert (dl["text"], dl["place"], dl["outlet"]) == (shown, place, outlet)
    assert text[dl["start"]:dl["end"]] == shown
    first = next(iter(doc.sents)).text.strip()
    assert first.startswith(shown) and len(first) <= len(shown) + 4  # the dateline is its own sentence


def test_segmenter_dateline_after_headline(nlp):
    text = "Banjir Rendam Ribuan Rumah\nBANJARMASIN, warta.example - Air mulai surut."
    doc = nlp(text)
    assert doc._.dateline["text"] == "BANJARMASIN, warta.example"
    assert [s.text.strip() for s in doc.sents] == ["Banjir Rendam Ribuan Rumah", "BANJARMASIN, warta.example -",
                                                   "Air mulai surut."]


@pytest.mark.parametrize("text", [
    "Kalimat biasa.\nJAKARTA - Isi berita.",
    "Kassym-Jomart Tokayev tiba di Moskow.",
    "Kevin - Prince Boateng pindah ke Frankfurt.",
    "Presiden Joko Widodo - yang hadir - memberi sambutan.",
    "Harga naik. Warga protes - sebagian menolak.",
])
def test_segmenter_no_false_dateline(nlp, text):
    assert nlp(text)._.dateline is None


@pytest.mark.parametrize("text, credit", [
    ("Polisi menangkap 10.000 orang. [ab/uh]", "[ab/uh]"),
    ("Massa dibubarkan. (AFP/Nur/OL-09)", "(AFP/Nur/OL-09)"),
    ('"Kami siap," ujarnya. (ant/rds)', "(ant/rds)"),
    ("Bantuan tiba kemarin. (adji / us)", "(adji / us)"),
    ("Laga berakhir imbang. (gen)", "(gen)"),
    ("Pemain itu dipinjamkan. [Antara]", "[Antara]"),
    ("Paragraf terakhir selesai.\n\n(wrt/jp)", "(wrt/jp)"),
])
def test_segmenter_credits(nlp, text, credit):
    doc = nlp(text)
    (found,) = doc._.credits
    assert found["text"] == credit and text[found["start"]:found["end"]] == credit
    *_, last = [s.text.strip() for s in doc.sents]
    assert last == credit  # kept out of the last sentence


@pytest.mark.parametrize("text", [
    "Lembaga itu disebut Clean Development Mechanism (CDM)",
    "Pertemuan itu dihadiri Organisasi Perjanjian Keamanan Kolektif (CSTO).",
    "Harga emas naik (lihat grafik).",
])
def test_segmenter_no_false_credit(nlp, text):
    assert not nlp(text)._.credits


def test_segmenter_find_helpers():
    assert find_dateline("Bukan dateline sama sekali.") is None
    assert find_credit("Kalimat biasa tanpa kredit.") is None
    text = 'Ia berkata, "Ayo. Cepat." Lalu "pergi".'
    assert [text[a:b] for a, b in quote_regions(text)] == ['"Ayo. Cepat."', '"pergi"']


def test_segmenter_stray_quote_does_not_swallow_text():
    """An opening quote that never closes protects nothing."""
    text = 'Ia berkata: "Ayo berangkat. ' + "Mereka pergi ke pasar. " * 40
    assert quote_regions(text) == []


def test_segmenter_demo_articles(nlp, demo):
    """Every demo article has a dateline; no sentence cuts a quotation in half."""
    for art in demo:
        doc = nlp(art["text"])
        assert doc._.dateline is not None, art["id"]
        for sent in doc.sents:
            s = sent.text
            assert s.count('"') % 2 == 0, (art["id"], s)
        last = list(doc.sents)[-1].text.strip()
        if doc._.credits:
            assert last == doc._.credits[0]["text"], art["id"]


_PIECES = ["Kami", "siap", "JAKARTA,", "warta.example", "-", "--", "Jl.", "No.", "5.", "dll.", "S.H.,", '"', "“", "”",
           "``", "''", "(", ")", "(ant/rds)", "[ab/uh]", "...", "?", "!", ".", ",", "kata", "Budi.", "\n", "\n\n",
           "13/1/2022", "Rp", "1,5", "Kassym-Jomart", "sekutu-sekutunya", "R.", "Tbk.", "ujarnya."]


@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.lists(st.sampled_from(["", " ", "  "]), min_size=40,
                                                                   max_size=40))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_segmenter_any_text(nlp, pieces, seps):
    """On any mix of the tricky pieces: no error, sentences start on tokens, offsets point at their text."""
    text = "".join(p + s for p, s in zip(pieces, seps))
    doc = nlp(text)
    if len(doc):
        assert doc[0].is_sent_start
    dl = doc._.dateline
    if dl:
        assert text[dl["start"]:dl["end"]] == dl["text"]
    for c in doc._.credits or []:
        assert text[c["start"]:c["end"]] == c["text"]
    if len(doc):
        assert "".join(s.text_with_ws for s in doc.sents) == text
