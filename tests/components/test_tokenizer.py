"""warta's tokenizer: units later stages need whole, split the way UD GSD/CSUI split them.

Every sentence here is written for these tests.
"""

import pytest
import spacy


@pytest.fixture(scope="module")
def nlp(pipelines):
    # warta.pipeline.build makes spacy.blank("id") with create_tokenizer's tokenizer: the session's
    # segmenter pipeline has it, built once instead of once more here
    return pipelines(("segmenter",))


def tokens(nlp, text):
    return [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize("text, expected", [
    # names with hyphens and reduplications stay whole
    ("Presiden Kassym-Jomart Tokayev tiba.", ["Presiden", "Kassym-Jomart", "Tokayev", "tiba", "."]),
    ("pesawat-pesawat tempur", ["pesawat-pesawat", "tempur"]),
    ("bersama sekutu-sekutunya.", ["bersama", "sekutu-sekutunya", "."]),
    ("Anak-anak bermain di RSUD Al-Ihsan.", ["Anak-anak", "bermain", "di", "RSUD", "Al-Ihsan", "."]),
    ("luka-luka", ["luka-luka"]),
    ("Pelatih Kim Do-hyun", ["Pelatih", "Kim", "Do-hyun"]),
    # ordinals and decades
    ("menit ke-23 dan abad ke-5", ["menit", "ke-23", "dan", "abad", "ke-5"]),
    ("tahun 1990-an", ["tahun", "1990-an"]),
    # dates
    ("pada Kamis (13/1/2022), sepekan", ["pada", "Kamis", "(", "13/1/2022", ")", ",", "sepekan"]),
    ("Rabu (13/1) malam", ["Rabu", "(", "13/1", ")", "malam"]),
    ("13/1/2022", ["13/1/2022"]),
    # Indonesian numbers
    ("Lebih dari 2.000 tentara", ["Lebih", "dari", "2.000", "tentara"]),
    ("1,8 juta orang", ["1,8", "juta", "orang"]),
    ("Rp 1,5 triliun", ["Rp", "1,5", "triliun"]),
    ("Rp10.000", ["Rp", "10.000"]),
    ("57,8 persen atau 57,8%", ["57,8", "persen", "atau", "57,8", "%"]),
    ("pukul 14.00 WIB", ["pukul", "14.00", "WIB"]),
    ("US$6,4 miliar", ["US", "$", "6,4", "miliar"]),
    # splits CSUI makes
    ("Januari-September", ["Januari", "-", "September"]),
    ("hubungan RI-Jepang", ["hubungan", "RI", "-", "Jepang"]),
    ("Bapepam-LK", ["Bapepam", "-", "LK"]),
    ("naik 5-10 persen", ["naik", "5", "-", "10", "persen"]),
    ("anggota DPR/MPR", ["anggota", "DPR", "/", "MPR"]),
    ("Rp9.100/9.105", ["Rp", "9.100", "/", "9.105"]),
    ("Rekan -PricewaterhouseCoopers", ["Rekan", "-", "PricewaterhouseCoopers"]),
    ("menyetujuinya", ["menyetujuinya"]),
    # quotes and brackets come off
    ('"Kami siap," kata Budi.', ['"', "Kami", "siap", ",", '"', "kata", "Budi", "."]),
    ("(AFP/Nur/OL-09)", ["(", "AFP", "/", "Nur", "/", "OL-09", ")"]),
    ("pandemi Covid-19 dan Piala Dunia U-20", ["pandemi", "Covid-19", "dan", "Piala", "Dunia", "U-20"]),
    # a sentence end with the space lost
    ("(18 Desember).Sementara", ["(", "18", "Desember", ")", ".", "Sementara"]),
    ("Kompas.com", ["Kompas.com"]),
    # dotted degrees and company forms keep their full stop
    ("Dedi Kurniawan, S.H., M.Si.", ["Dedi", "Kurniawan", ",", "S.H.", ",", "M.Si."]),
    ("Kapolda Irjen Pol. Hendra Wiratama", ["Kapolda", "Irjen", "Pol.", "Hendra", "Wiratama"]),
    ("PT Bank Rakyat Indonesia Tbk. memimpin", ["PT", "Bank", "Rakyat", "Indonesia", "Tbk.", "memimpin"]),
    ("Encore Energy Pte. Ltd.", ["Encore", "Energy", "Pte.", "Ltd."]),
    # a dateline glued to its dash, or to its bracketed outlet and the text
    ("Warta.com, JAKARTA--Pesawat itu", ["Warta.com", ",", "JAKARTA", "--", "Pesawat", "itu"]),
    ("JAKARTA(WARTANEWS)-Pemerintah itu", ["JAKARTA", "(", "WARTANEWS", ")", "-", "Pemerintah", "itu"]),
    ("PT Bank Nusantara (Persero) Tbk.", ["PT", "Bank", "Nusantara", "(", "Persero", ")", "Tbk."]),
])
def test_tokenizer_units(nlp, text, expected):
    assert tokens(nlp, text) == expected


def test_tokenizer_offsets_cover_text(nlp, demo):
    """Tokens plus their whitespace rebuild every demo article exactly."""
    for art in demo:
        doc = nlp.make_doc(art["text"])
        assert doc.text == art["text"]
        assert "".join(t.text_with_ws for t in doc) == art["text"]


def test_tokenizer_survives_serialisation(nlp):
    """The rules are plain regexes, so a saved pipeline tokenizes the same way."""
    other = spacy.blank("id")
    other.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    text = "Kassym-Jomart dan sekutu-sekutunya pada (13/1/2022) di DPR/MPR."
    assert [t.text for t in other.make_doc(text)] == tokens(nlp, text)
