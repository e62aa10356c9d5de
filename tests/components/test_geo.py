"""Rule tests for the ``geo`` component and its lookups (no NER model needed)."""

from __future__ import annotations

import pycountry
import pytest
from babel import Locale

from warta.components.geo import country_code, demonym_country, lookup_place, tables


@pytest.fixture(scope="module")
def nlp(pipelines):
    return pipelines(["geo"])


def _ent(doc, text):
    found = [e for e in doc.ents if e.text == text]
    assert found, f"no entity {text!r} in {[(e.text, e.label_) for e in doc.ents]}"
    return found[0]


@pytest.mark.parametrize("name,code", [
    ("Rusia", "RUS"), ("AS", "USA"), ("Amerika Serikat", "USA"), ("Amerika", "USA"), ("Inggris", "GBR"),
    ("Britania Raya", "GBR"), ("Tiongkok", "CHN"), ("China", "CHN"), ("Cina", "CHN"), ("Korsel", "KOR"),
    ("Korea Selatan", "KOR"), ("Korut", "PRK"), ("Korea Utara", "PRK"), ("Kirgistan", "KGZ"), ("Kirgizstan", "KGZ"),
    ("Kazakhstan", "KAZ"), ("Belanda", "NLD"), ("Jepang", "JPN"), ("Arab Saudi", "SAU"), ("Jerman", "DEU"),
    ("Prancis", "FRA"), ("Perancis", "FRA"), ("Australia", "AUS"), ("Malaysia", "MYS"), ("Singapura", "SGP"),
    ("Filipina", "PHL"), ("Mesir", "EGY"), ("Turki", "TUR"), ("Indonesia", "IDN"), ("RI", "IDN"),
    ("Timor Leste", "TLS"), ("Uni Emirat Arab", "ARE"), ("UEA", "ARE"), ("Pantai Gading", "CIV"),
    ("Selandia Baru", "NZL"), ("Suriah", "SYR"), ("Palestina", "PSE"), ("Myanmar", "MMR"), ("RUSIA", "RUS"),
    ("  Rusia, ", "RUS"),
    # metonyms and capitals standing for their government
    ("Moskow", "RUS"), ("Kremlin", "RUS"), ("Gedung Putih", "USA"), ("Beijing", "CHN"), ("Jakarta", "IDN"),
    # nationality phrases
    ("warga Belanda", "NLD"), ("tentara Rusia", "RUS"),
])
def test_geo_country_code_press_forms(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["as", "Kota", "Presiden", "", "Almaty", "warga setempat", "Eropa"])
def test_geo_country_code_none(name):
    assert country_code(name) is None


def test_geo_country_code_every_babel_indonesian_name():
    names = Locale("id").territories
    dropped = {"Kongo - Kinshasa", "Kongo - Brazzaville", "Wilayah Palestina", "Myanmar (Burma)"}
    missing = []
    for country in pycountry.countries:
        name = names.get(country.alpha_2)
        if name and name not in dropped and country_code(name) != country.alpha_3:
            missing.append((name, country.alpha_3, country_code(name)))
    assert missing == []


@pytest.mark.parametrize("word,code", [
    ("Rusia", "RUS"), ("tentara Rusia", "RUS"), ("warga Belanda", "NLD"), ("pasukan Amerika", "USA"),
    ("WNI", "IDN"), ("turis Jepang", "JPN"), ("Tionghoa", None), ("warga setempat", None), ("pasukan", None),
])
def test_geo_demonym_country(word, code):
    assert demonym_country(word) == code


@pytest.mark.parametrize("name,country,lat,lon", [
    ("Almaty", "KAZ", 43.25, 76.91),
    ("ALMATY", "KAZ", 43.25, 76.91),
    ("Moskow", "RUS", 55.75, 37.62),
    ("Den Haag", "NLD", 52.08, 4.30),
    ("Kairo", "EGY", 30.06, 31.25),
    ("Seoul", "KOR", 37.57, 126.98),
    ("Tokyo", "JPN", 35.69, 139.69),
    ("Bishkek", "KGZ", 42.87, 74.59),
    ("Surabaya", "IDN", -7.25, 112.75),
    ("Kota Bandung", "IDN", -6.92, 107.61),
    ("Kabupaten Bogor", "IDN", -6.59, 106.79),
    ("Jatim", "IDN", -7.25, 112.75),
    ("Sulawesi Selatan", "IDN", -5.15, 119.43),
    ("Batu", "IDN", -7.87, 112.53),
    ("Armenia", "ARM", 40.0, 45.0),
    ("Georgia", "GEO", 42.0, 43.5),
    ("Bandara Soekarno - Hatta", "IDN", -6.18, 106.63),
    ("Jakarta Selatan", "IDN", -6.26, 106.81),
    ("Mimika", "IDN", -4.61, 136.68),
    ("Kabupaten Gianyar", "IDN", -8.54, 115.33),
])
def test_geo_lookup_place_coordinates(name, country, lat, lon):
    place = lookup_place(name)
    assert place is not None
    assert set(place) == {"canonical", "country", "lat", "lon", "geonameid"}
    assert place["country"] == country
    assert place["lat"] == pytest.approx(lat, abs=0.5)
    assert place["lon"] == pytest.approx(lon, abs=0.5)


def test_geo_lookup_place_exonyms_share_geonameid():
    assert lookup_place("Beijing")["geonameid"] == lookup_place("Peking")["geonameid"]
    assert lookup_place("Moskow")["geonameid"] == lookup_place("Moscow")["geonameid"]


@pytest.mark.parametrize("name", ["Kota", "Barat", "Selatan", "Dilijan", "", "Presiden"])
def test_geo_lookup_place_guards(name):
    """Stoplisted words and small foreign towns are not places."""
    assert lookup_place(name) is None


@pytest.mark.parametrize("name,country", [("Sumatera", "IDN"), ("Florida", "USA")])
def test_geo_lookup_place_region_without_coordinates(name, country):
    place = lookup_place(name)
    assert place["country"] == country and place["lat"] is None


def test_geo_tables_built_once():
    assert tables() is tables()


@pytest.mark.parametrize("text,expected", [
    ("Pasukan Rusia tiba di Kazakhstan dan Armenia.", [("Rusia", "RUS"), ("Kazakhstan", "KAZ"), ("Armenia", "ARM")]),
    ("Delegasi Korea Selatan bertemu pejabat AS di Den Haag.", [("Korea Selatan", "KOR"), ("AS", "USA"), ("Den Haag", "NLD")]),
    ("Ia pindah ke Batu pekan lalu.", [("Batu", "IDN")]),
    ("Banjir melanda Jatim dan Sulsel.", [("Jatim", "IDN"), ("Sulsel", "IDN")]),
    ("Moskow menolak tuduhan itu.", [("Moskow", "RUS")]),
    # after an election or disaster word the place still stands free
    ("Partai itu bersiap untuk Pilkada Jawa Timur tahun depan.", [("Jawa Timur", "IDN")]),
    ("Warga mengungsi setelah Gempa Lombok pekan lalu.", [("Lombok", "IDN")]),
])
def test_geo_adds_missed_places(nlp, marked, text, expected):
    doc = marked(nlp, text)
    assert [(e.text, e._.country) for e in doc.ents] == expected
    assert all(e.label_ == "LOC" for e in doc.ents)


@pytest.mark.parametrize("text", [
    "Bank Indonesia menaikkan suku bunga.",
    "Indonesia Corruption Watch menilai kebijakan itu.",
    "Batu itu jatuh dari tebing.",
    "Kota itu ramai pada malam hari.",
    "Nilainya mencapai US$ 2 juta.",
])
def test_geo_does_not_tag_parts_of_names_or_common_words(nlp, text):
    assert list(nlp(text).ents) == []


def test_geo_country_beats_town_in_list(nlp, marked):
    doc = marked(nlp, "Rusia, Kazakhstan, Armenia, dan Kirgistan mengirim pasukan.")
    armenia = _ent(doc, "Armenia")
    assert armenia._.country == "ARM"
    assert armenia._.geo["lat"] == pytest.approx(40.0, abs=1)


def test_geo_metonymy_still_geocodes(nlp, marked):
    doc = marked(nlp, "{Moskow|LOC} menyebut tuduhan itu tidak berdasar.")
    moskow = _ent(doc, "Moskow")
    assert moskow._.country == "RUS"
    assert moskow._.geo["lat"] == pytest.approx(55.75, abs=0.1)


def test_geo_keeps_existing_entities(nlp, marked):
    doc = marked(nlp, "Mahasiswa {Universitas Indonesia|ORG} berunjuk rasa di {Jakarta|LOC}.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Universitas Indonesia", "ORG"), ("Jakarta", "LOC")]
    assert doc.ents[1]._.geo["geonameid"] == lookup_place("Jakarta")["geonameid"]


@pytest.mark.parametrize("org,code", [
    ("Pemerintah Rusia", "RUS"),
    ("Kementerian Kesehatan Kazakhstan", "KAZ"),
    ("Kremlin", "RUS"),
    ("Kedutaan Besar Jepang", "JPN"),
])
def test_geo_org_country(nlp, marked, org, code):
    doc = marked(nlp, f"Menurut {{{org}|ORG}}, situasi terkendali.")
    assert _ent(doc, org)._.country == code


def test_geo_org_without_country(nlp, marked):
    doc = marked(nlp, "Menurut {Palang Merah|ORG}, situasi terkendali.")
    assert _ent(doc, "Palang Merah")._.country is None


def test_geo_canonical_is_fullest_form_in_article(nlp, marked):
    doc = marked(nlp, "Pemerintah Amerika Serikat mengirim bantuan. Bantuan dari AS tiba kemarin.")
    assert [(e.text, e._.canonical) for e in doc.ents] == [("Amerika Serikat", "Amerika Serikat"), ("AS", "Amerika Serikat")]


@pytest.mark.parametrize("text,mention,code", [
    ("Warga {Kampung Sukamaju|LOC} mengungsi.", "Kampung Sukamaju", "IDN"),  # only Indonesian places say "Kampung"
    ("Rumahnya di {Jalan Merpati Putih|LOC} rusak.", "Jalan Merpati Putih", "IDN"),
    ("Pasukan menyeberangi {Sungai Efrat|LOC} kemarin.", "Sungai Efrat", None),
])
def test_geo_unknown_loc(nlp, marked, text, mention, code):
    ent = _ent(marked(nlp, text), mention)
    assert ent._.country == code and ent._.geo is None


def test_geo_canonical_prefers_standard_name(nlp, marked):
    doc = marked(nlp, "Pemerintah Negeri Sakura membantah. Menurut pejabat Jepang, kabar itu keliru.")
    assert {e._.canonical for e in doc.ents if e._.country == "JPN"} == {"Jepang"}


@pytest.mark.parametrize("text,mention,code", [
    ("Festival di {Kawasan Timur Indonesia|LOC} dibuka.", "Kawasan Timur Indonesia", "IDN"),
    ("Wartawan menunggu di {Gedung Putih|LOC} sejak pagi.", "Gedung Putih", "USA"),
    ("Hadir pula pejabat {Sekretariat Provinsi Sulsel|ORG} di sana.", "Sekretariat Provinsi Sulsel", "IDN"),
])
def test_geo_country_without_coordinates(nlp, marked, text, mention, code):
    ent = _ent(marked(nlp, text), mention)
    assert ent._.country == code and ent._.geo is None


def test_geo_mentions_share_country(nlp, marked):
    doc = marked(nlp, "Festival {Kawasan Timur Indonesia|LOC} ({KTI|LOC}) dibuka.")
    for ent in doc.ents:
        ent._.canonical = "Kawasan Timur Indonesia"  # as entity_resolver links them
    geo = nlp.get_pipe("geo")
    geo.set_annotations(doc, geo.match(doc))
    assert doc.ents[1]._.country == "IDN"


def test_geo_lookup_alternate_spelling_of_big_city():
    assert lookup_place("Raqqa")["country"] == "SYR"


def test_geo_canonical_standard_name_in_untagged_text(nlp, marked):
    doc = marked(nlp, "Dua warga {Cina|LOC} dihukum. Sebuah bank China juga disanksi.")
    assert _ent(doc, "Cina")._.canonical == "China"
