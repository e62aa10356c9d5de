"""Rule tests for the ``entity_resolver`` component.

Entities are set by hand (``{surface|LABEL}`` marks), as the NER would, so the
tests need no trained model.
"""

from __future__ import annotations

import re

import pytest

from warta.builder import doc_to_record
from warta.pipeline import build


@pytest.fixture(scope="module")
def nlp(pipelines):
    return pipelines(["entity_resolver", "geo"])


def _ents(doc, text):
    found = [e for e in doc.ents if e.text == text]
    assert found, f"no entity {text!r} in {[(e.text, e.label_) for e in doc.ents]}"
    return found


# -- canonical names of people -------------------------------------------------

@pytest.mark.parametrize("text,mention,canonical", [
    ("{Kassym-Jomart Tokayev|PER} tiba di Almaty. {Tokayev|PER} lalu berpidato.", "Tokayev", "Kassym-Jomart Tokayev"),
    ("{Widodo|PER} datang pagi itu. Kemudian {Joko Widodo|PER} berbicara.", "Widodo", "Joko Widodo"),
    ("{Sri Mulyani Indrawati|PER} hadir. {Sri Mulyani|PER} mengatakan anggaran cukup.", "Sri Mulyani", "Sri Mulyani Indrawati"),
    # a well-known nickname takes the full name the article writes (lang/aliases.tsv); an unknown one does not
    ("{Joko Widodo|PER} hadir. Kemudian {Jokowi|PER} pulang.", "Jokowi", "Joko Widodo"),
    ("{Budi Santoso|PER} hadir. Kemudian {Busan|PER} pulang.", "Busan", "Busan"),
    ("{Joko Widodo|PER} (Jokowi) hadir. Kemudian {Jokowi|PER} pulang.", "Jokowi", "Joko Widodo"),
    ("{Basuki Tjahaja Purnama|PER} atau {Ahok|PER} hadir. {Ahok|PER} tersenyum.", "Ahok", "Basuki Tjahaja Purnama"),
    ("{Basuki Tjahaja Purnama|PER} yang akrab disapa Ahok hadir. {Ahok|PER} tersenyum.", "Ahok", "Basuki Tjahaja Purnama"),
    # a nickname after a short description of the person, and one explained after it
    ("{Rahmat Hidayat|PER} hadir. {Rahmat|PER}, pria yang akrab disapa {Dayat|PER} ini, tersenyum. {Dayat|PER} pulang.",
     "Dayat", "Rahmat Hidayat"),
    ("{Rahmat Hidayat|PER} hadir. {Rahmat|PER}, pria yang akrab disapa {Dayat|PER} ini, tersenyum.", "Rahmat",
     "Rahmat Hidayat"),
    ('"Kami siap," ujar {Ucok|PER}, sapaan akrab {Rudi Siregar|PER}, di Medan.', "Ucok", "Rudi Siregar"),
    ('"Kami siap," ujar {Ucok|PER} (sapaan akrab {Rudi Siregar|PER}) di Medan.', "Ucok", "Rudi Siregar"),
    ("{Ucok|PER}, sopir angkot, pulang. {Rudi Siregar|PER} datang.", "Ucok", "Ucok"),
    ("{Susilo Bambang Yudhoyono|PER} (SBY) hadir. {SBY|PER} tersenyum.", "SBY", "Susilo Bambang Yudhoyono"),
    ("{Andi Wijaya|PER} bertemu {Budi|PER} di kantor.", "Budi", "Budi"),
    ("{Ahmad Yani|PER} pergi. {Ahmad Dhani|PER} datang. {Ahmad|PER} lalu bernyanyi.", "Ahmad", "Ahmad Dhani"),
    ("{Ahmad|PER} bernyanyi. {Ahmad Dhani|PER} lalu pergi. {Ahmad Yani|PER} datang.", "Ahmad", "Ahmad Dhani"),
    # a name without its middle word is the full name; a clipped given name of that one person too
    ("{Rahmat Hidayat Lubis|PER} hadir. {Rahmat Lubis|PER} lalu berbicara.", "Rahmat Lubis", "Rahmat Hidayat Lubis"),
    ("{Sulistyono Budi Lubis|PER} hadir. {Sulistyono Lubis|PER} berbicara. {Sulis|PER} pulang.", "Sulis",
     "Sulistyono Budi Lubis"),
    # first and last words must both be there, in order: another surname is another person
    ("{Rahmat Hidayat Lubis|PER} hadir. {Rahmat Siregar|PER} lalu berbicara.", "Rahmat Siregar", "Rahmat Siregar"),
    ("{Rahmat Hidayat Lubis|PER} hadir. {Hidayat Rahmat|PER} lalu berbicara.", "Hidayat Rahmat", "Hidayat Rahmat"),
    # a clipped name two different people could carry stays as written
    ("{Sulistyono Lubis|PER} hadir. {Sulistyono Siregar|PER} datang. {Sulis|PER} pulang.", "Sulis", "Sulis"),
])
def test_entity_resolver_person_canonical(nlp, marked, text, mention, canonical):
    doc = marked(nlp, text)
    assert {e._.canonical for e in _ents(doc, mention)} == {canonical}


def test_entity_resolver_alias_in_brackets_becomes_entity(nlp, marked):
    doc = marked(nlp, "{Joko Widodo|PER} (Jokowi) meresmikan jembatan.")
    jokowi = _ents(doc, "Jokowi")[0]
    assert jokowi.label_ == "PER" and jokowi._.canonical == "Joko Widodo"


def test_entity_resolver_party_in_brackets_is_not_alias(nlp, marked):
    doc = marked(nlp, "{Budi Santoso|PER} (PDIP) menilai rancangan itu.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Budi Santoso", "PER"), ("PDIP", "ORG")]
    assert doc.ents[0]._.canonical == "Budi Santoso"


# -- acronyms and long forms -----------------------------------------------------

def test_entity_resolver_acronym_after_long_form(nlp, marked):
    doc = marked(nlp, "Pasukan {Organisasi Perjanjian Keamanan Kolektif|ORG} (CSTO) tiba. "
                      "Komandan kontingen CSTO memberi hormat.")
    long_form = _ents(doc, "Organisasi Perjanjian Keamanan Kolektif")[0]
    acronyms = _ents(doc, "CSTO")
    assert len(acronyms) == 2
    assert long_form._.canonical == "Organisasi Perjanjian Keamanan Kolektif"
    assert long_form._.long_form == "CSTO"
    for acr in acronyms:
        assert acr.label_ == "ORG"
        assert acr._.canonical == "Organisasi Perjanjian Keamanan Kolektif"
        assert acr._.long_form == "Organisasi Perjanjian Keamanan Kolektif"


def test_entity_resolver_acronym_pair_without_ner(nlp, marked):
    doc = marked(nlp, "Juru bicara Kementerian Luar Negeri (Kemenlu) memberi keterangan. Kemenlu memantau situasi.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Kementerian Luar Negeri", "ORG"), ("Kemenlu", "ORG"), ("Kemenlu", "ORG")]
    assert {e._.canonical for e in doc.ents} == {"Kementerian Luar Negeri"}
    assert doc.ents[0]._.long_form == "Kemenlu" and doc.ents[2]._.long_form == "Kementerian Luar Negeri"
    assert doc.ents[1]._.country == "IDN"


def test_entity_resolver_long_form_after_acronym(nlp, marked):
    doc = marked(nlp, "Para menteri CSTO (Organisasi Perjanjian Keamanan Kolektif) bertemu di Moskow.")
    acr = _ents(doc, "CSTO")[0]
    assert acr._.canonical == "Organisasi Perjanjian Keamanan Kolektif"
    assert _ents(doc, "Organisasi Perjanjian Keamanan Kolektif")[0]._.long_form == "CSTO"


@pytest.mark.parametrize("text,acronym,long_form,country", [
    ("Prajurit TNI membantu korban banjir.", "TNI", "Tentara Nasional Indonesia", "IDN"),
    ("Sekretaris Jenderal PBB menyerukan gencatan senjata.", "PBB", "Perserikatan Bangsa-Bangsa", None),
    ("Penyidik KPK memeriksa saksi.", "KPK", "Komisi Pemberantasan Korupsi", "IDN"),
    # national bodies and civil society often cited without their long form
    ("Laporan itu diteruskan ke PPATK pekan lalu.", "PPATK", "Pusat Pelaporan dan Analisis Transaksi Keuangan", "IDN"),
    ("Koordinator ICW menyoroti kasus itu.", "ICW", "Indonesia Corruption Watch", "IDN"),
    ("Petugas Bea Cukai memeriksa kontainer itu.", "Bea Cukai", "Direktorat Jenderal Bea dan Cukai", "IDN"),
])
def test_entity_resolver_known_acronyms(nlp, marked, text, acronym, long_form, country):
    doc = marked(nlp, text)
    ent = _ents(doc, acronym)[0]
    assert ent.label_ == "ORG"
    assert ent._.canonical == acronym  # the article never spells it out
    assert ent._.long_form == long_form
    assert ent._.country == country


@pytest.mark.parametrize("text", [
    "Warga {Kampung Melayu|LOC} (45) mengungsi.",
    "Hujan turun di {Jakarta|LOC} (13/1) sore.",
    "Ia tinggal di {Bandung|LOC} (Jawa Barat) sejak kecil.",
])
def test_entity_resolver_brackets_that_are_not_acronyms(nlp, marked, text):
    doc = marked(nlp, text)
    assert all(e._.long_form is None for e in doc.ents)


# -- roles and countries of people ------------------------------------------------

@pytest.mark.parametrize("text,person,role,country", [
    ("Presiden Kazakhstan {Kassym-Jomart Tokayev|PER} mengatakan hal itu.", "Kassym-Jomart Tokayev", "Presiden", "KAZ"),
    ("\"Selesai,\" kata Jenderal Rusia {Andrei Serdyukov|PER}, komandan kontingen CSTO, dalam upacara.",
     "Andrei Serdyukov", "Jenderal, komandan kontingen CSTO", "RUS"),
    ("Menteri Keuangan {Sri Mulyani|PER} menyatakan anggaran aman.", "Sri Mulyani", "Menteri Keuangan", None),
    ("Kapolri {Listyo Sigit Prabowo|PER} tiba di lokasi.", "Listyo Sigit Prabowo", "Kapolri", "IDN"),
    ("Menteri Luar Negeri AS {Antony Blinken|PER} bertemu mitranya.", "Antony Blinken", "Menteri Luar Negeri", "USA"),
    ("Ia mengkritik mantan Presiden AS {Donald Trump|PER} kemarin.", "Donald Trump", "mantan Presiden", "USA"),
    ("Hal itu disampaikan juru bicara Kementerian Luar Negeri Rusia {Maria Zakharova|PER} kemarin.",
     "Maria Zakharova", "juru bicara Kementerian Luar Negeri", "RUS"),
    ("Duta Besar Indonesia untuk Rusia {Jose Tavares|PER} hadir.", "Jose Tavares", "Duta Besar Indonesia untuk Rusia", "IDN"),
    ("Panglima TNI {Andika Perkasa|PER} meninjau pasukan.", "Andika Perkasa", "Panglima TNI", "IDN"),
    ("Presiden RI {Joko Widodo|PER} membuka acara.", "Joko Widodo", "Presiden", "IDN"),
    ("Perdana Menteri Jepang {Fumio Kishida|PER} tiba di Jakarta.", "Fumio Kishida", "Perdana Menteri", "JPN"),
    ("Gubernur Jawa Tengah {Ganjar Pranowo|PER} meninjau banjir.", "Ganjar Pranowo", "Gubernur Jawa Tengah", "IDN"),
    ("\"Kami siaga,\" kata {Budi|PER}, ketua RT setempat, kepada wartawan.", "Budi", "ketua RT setempat", None),
    ("\"Kami siaga,\" kata {Andi|PER} kepada wartawan.", "Andi", None, None),
    ("{Vladimir Putin|PER} dan Presiden AS {Joe Biden|PER} berbicara.", "Joe Biden", "Presiden", "USA"),
    ("{Vladimir Putin|PER} dan Presiden AS {Joe Biden|PER} berbicara.", "Vladimir Putin", None, None),
    ("Presiden Uzbekistan, {Shavkat Mirziyoyev|PER}, mengirim surat.", "Shavkat Mirziyoyev", "Presiden", "UZB"),
    ("Deputi Gubernur Bank Indonesia (BI) {Perry Warjiyo|PER} mengatakan.", "Perry Warjiyo",
     "Deputi Gubernur Bank Indonesia", "IDN"),
    ("Hadir pula Gubernur Sulsel H {Andi Baso|PER} di acara itu.", "Andi Baso", "Gubernur Sulsel", "IDN"),
    ("Kunjungan PM Malaysia dan {Barack Obama|PER} meramaikan Bali.", "Barack Obama", None, None),
    ("Menurut Wakil Sekretaris Jenderal PKS {Mardani Ali Sera|PER}, koalisi terbuka.", "Mardani Ali Sera",
     "Wakil Sekretaris Jenderal PKS", "IDN"),
    ("Ia dipasangkan dengan {Azwar Anas|PER}, Bupati Banyuwangi saat ini.", "Azwar Anas", "Bupati Banyuwangi", "IDN"),
    ("Pasukan itu dipimpin Pangdam IX / Udayana Mayor Jenderal TNI {Budi Santoso|PER} kemarin.", "Budi Santoso",
     "Pangdam IX / Udayana Mayor Jenderal TNI", "IDN"),
    ("Ia juga bertemu mantan Menteri Energi Sumber Daya Mineral {Sudirman Said|PER}.", "Sudirman Said",
     "mantan Menteri Energi Sumber Daya Mineral", None),
    ("Kelompok teror pimpinan {Abu Bakr|PER} itu melemah.", "Abu Bakr", None, None),
    ("Hal itu dikatakan mantan pengacara {Setya Novanto|PER} kemarin.", "Setya Novanto", None, None),
    ("Menurut juru bicara Presiden {Joko Widodo|PER}, jadwal berubah.", "Joko Widodo", "Presiden", None),
    ("Menurut juru bicara KPK {Febri Diansyah|PER}, saksi hadir.", "Febri Diansyah", "juru bicara KPK", "IDN"),
    ("Kata {Vladimir Putin|PER}, pemimpin Rusia itu, kepada wartawan.", "Vladimir Putin", "pemimpin Rusia", "RUS"),
    ("Hal itu disampaikan Kabid Humas Brigjen Pol {Rikwanto|PER}.", "Rikwanto", "Kabid Humas Brigjen Pol", None),
    ("Ia kalah dari pebalap Spanyol {Marc Marquez|PER} kemarin.", "Marc Marquez", None, "ESP"),
    ("Tokoh pro demokrasi Myanmar {Aung San Suu Kyi|PER} angkat bicara.", "Aung San Suu Kyi", None, "MMR"),
    ("Ia tiba di Malaysia {Budi|PER} menjemputnya.", "Budi", None, None),
])
def test_entity_resolver_roles(nlp, marked, text, person, role, country):
    ent = _ents(marked(nlp, text), person)[0]
    assert (ent._.role, ent._.country) == (role, country)


@pytest.mark.parametrize("text,name,role", [
    ("{Presiden Joko Widodo|PER} meresmikan jalan tol.", "Joko Widodo", "Presiden"),
    ("{Presiden Rusia Vladimir Putin|PER} menelepon.", "Vladimir Putin", "Presiden"),
    ("{Bapak Slamet Riyadi|PER} memimpin rapat.", "Slamet Riyadi", None),
    ("{Imam Nahrawi|PER} menghadiri sidang.", "Imam Nahrawi", None),
])
def test_entity_resolver_trims_titles_from_names(nlp, marked, text, name, role):
    doc = marked(nlp, text)
    ent = _ents(doc, name)[0]
    assert ent.label_ == "PER" and ent._.role == role


def test_entity_resolver_fullest_role_for_every_mention(nlp, marked):
    doc = marked(nlp, "Menteri Koordinator bidang Kemaritiman {Luhut Binsar Pandjaitan|PER} hadir. "
                      "\"Kita siap,\" ujar Menko {Luhut|PER}.")
    assert {e._.role for e in doc.ents if e.label_ == "PER"} == {"Menteri Koordinator bidang Kemaritiman"}


def test_entity_resolver_alias_case_insensitive(nlp, marked):
    doc = marked(nlp, "{Saifullah Yusuf|PER} atau {Gus Ipul|PER} hadir. Kemudian {Gus ipul|PER} pulang.")
    assert {e._.canonical for e in doc.ents} == {"Saifullah Yusuf"}


@pytest.mark.parametrize("text,mention,canonical,country", [
    ("{Partai Gerindra|ORG} mendukung. Sikap {Gerindra|ORG} jelas.", "Gerindra", "Partai Gerindra", "IDN"),
    ("{Partai Hijau|ORG} mendukung. Sikap {Hijau|ORG} jelas.", "Hijau", "Partai Hijau", None),
    ("{Garda Revolusi Iran|ORG} menang. {Garda Revolusi|ORG} berterima kasih.", "Garda Revolusi",
     "Garda Revolusi Iran", "IRN"),
    ("{Tentara Nasional Indonesia|ORG} bersiap. Rapat pimpinan {TNI|ORG} digelar.", "TNI",
     "Tentara Nasional Indonesia", "IDN"),
    ("Ia melapor ke {Mabes Polri|ORG} kemarin.", "Mabes Polri", "Mabes Polri", "IDN"),
    ("{Partai Kebangkitan Bangsa|ORG} mendukung pasangan itu.", "Partai Kebangkitan Bangsa",
     "Partai Kebangkitan Bangsa", "IDN"),
    ("Pasukan {Komando Armada Kawasan Timur|ORG} (Koarmatim) bersiaga.", "Koarmatim", "Komando Armada Kawasan Timur", None),
])
def test_entity_resolver_organisations(nlp, marked, text, mention, canonical, country):
    ent = _ents(marked(nlp, text), mention)[0]
    assert (ent._.canonical, ent._.country) == (canonical, country)


def test_entity_resolver_org_short_form_is_not_a_country(nlp, marked):
    doc = marked(nlp, "{Pemerintah AS|ORG} menolak. Delegasi dari {AS|LOC} pulang.")
    assert _ents(doc, "AS")[0]._.canonical == "AS"


def test_entity_resolver_mentions_share_role_and_country(nlp, marked):
    doc = marked(nlp, "{Tokayev|PER} berbicara lebih dulu. Presiden Kazakhstan {Kassym-Jomart Tokayev|PER} "
                      "memuji pasukan. {Tokayev|PER} juga berterima kasih.")
    people = [e for e in doc.ents if e.label_ == "PER"]
    assert [(e._.canonical, e._.role, e._.country) for e in people] == [
        ("Kassym-Jomart Tokayev", "Presiden", "KAZ")] * 3


# -- the demo article ---------------------------------------------------------------

def test_entity_resolver_demo_article(demo, pipelines):
    nlp = pipelines(["segmenter", "entity_resolver", "geo"])
    art = next(a for a in demo if a["id"] == "demo-01") if isinstance(demo, list) else demo["demo-01"]
    text = art["text"]
    doc = nlp.make_doc(text)
    ner = [("Kassym-Jomart Tokayev", "PER"), ("Tokayev", "PER"), ("Andrei Serdyukov", "PER"),
           ("Organisasi Perjanjian Keamanan Kolektif", "ORG"), ("Kementerian Kesehatan Kazakhstan", "ORG")]
    spans = []
    for surface, label in ner:
        for m in re.finditer(re.escape(surface), text):
            span = doc.char_span(m.start(), m.end(), label=label)
            if not any(s.start < span.end and span.start < s.end for s in spans):
                spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    record = doc_to_record(doc, published=art["published"])
    by_text: dict[str, list] = {}
    for ent in record.entities:
        by_text.setdefault(ent.text, []).append(ent)
    serdyukov = by_text["Andrei Serdyukov"][0]
    assert (serdyukov.role, serdyukov.country) == ("Jenderal, komandan kontingen CSTO", "RUS")
    assert {(e.canonical, e.role, e.country) for e in by_text["Tokayev"]} == {("Kassym-Jomart Tokayev", "Presiden", "KAZ")}
    assert {(e.canonical, e.long_form) for e in by_text["CSTO"]} == {
        ("Organisasi Perjanjian Keamanan Kolektif", "Organisasi Perjanjian Keamanan Kolektif")}
    assert len(by_text["CSTO"]) == 2
    assert {e.country for e in by_text["Rusia"]} == {"RUS"}
    assert {e.country for e in by_text["Kazakhstan"]} == {"KAZ"}
    almaty = by_text["Almaty"][0]
    assert almaty.country == "KAZ" and almaty.geo.lat == pytest.approx(43.25, abs=0.1)
    assert by_text["Kementerian Kesehatan Kazakhstan"][0].country == "KAZ"


# -- without an NER model -------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Presiden Kazakhstan Kassym-Jomart Tokayev memuji pasukan. Tokayev lalu pulang.",
     [("Kassym-Jomart Tokayev", "PER"), ("Tokayev", "PER")]),
    ("Hal itu dikatakan Perdana Menteri Jepang Fumio Kishida kemarin.", [("Fumio Kishida", "PER")]),
    ("Presiden Jokowi mengatakan bahwa harga turun.", [("Jokowi", "PER")]),
    ("Menurut Kementerian Kesehatan Kazakhstan, korban bertambah.", [("Kementerian Kesehatan Kazakhstan", "ORG")]),
    ("Ia bekerja di Unit Kerja Presiden Pembinaan Ideologi Pancasila.", []),
    ("Julukan Pangeran Biru \"melekat\" pada klub itu.", []),
    ("Hadir pula Presiden UEFA dalam acara itu.", []),
])
def test_entity_resolver_finds_names_without_ner(nlp, marked, text, expected):
    doc = marked(nlp, text)
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("PER", "ORG")] == expected


def test_entity_resolver_finds_official_names_with_ner():
    # institutions named with their unit and place are ORG by the guide, and the NER mostly leaves them untagged
    nlp_ner = build(stages=[])
    nlp_ner.add_pipe("ner")
    resolver = nlp_ner.add_pipe("entity_resolver")
    assert resolver.find_orgs is True and resolver.find_people is True


@pytest.mark.parametrize("text, expected", [
    ("Petugas {Dinas Perhubungan|ORG} {Kabupaten Subang|LOC} menutup jalan.",
     [("Dinas Perhubungan Kabupaten Subang", "ORG")]),
    ("Surat dikirim ke Kedutaan Besar Iran kemarin.", [("Kedutaan Besar Iran", "ORG")]),
    ("Ketua Komisi III {DPR|ORG} hadir.", [("Komisi III DPR", "ORG")]),
    ("Warga melapor ke Puskesmas {Bayan|PER}.", [("Puskesmas Bayan", "ORG")]),
    ("Prajurit Kodam XVII/Cenderawasih berjaga.", [("Kodam XVII/Cenderawasih", "ORG")]),
    ("Humas Kantor SAR Mataram menjelaskan.", [("Kantor SAR Mataram", "ORG")]),
    # two institutions coordinated stay two; a long name with "dan" stays one
    ("Kasus itu ditangani Polda {Jabar|LOC} dan Bareskrim {Mabes Polri|ORG}.",
     [("Polda Jabar", "ORG"), ("Bareskrim", "ORG"), ("Mabes Polri", "ORG")]),
    ("Badan Pengawas Obat dan Makanan menarik produk itu.", [("Badan Pengawas Obat dan Makanan", "ORG")]),
    # troops or the state of a country are no organisation name; a person after the unit is a person
    ("Pasukan {Rusia|LOC} menyerang kota itu.", []),
    ("Kepala Dinas Kesehatan {Budi Santoso|PER} hadir.", [("Dinas Kesehatan", "ORG"), ("Budi Santoso", "PER")]),
])
def test_entity_resolver_official_names_by_their_heads(nlp, marked, text, expected):
    doc = marked(nlp, text)
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("PER", "ORG")] == expected


def test_entity_resolver_all_caps_country_inside_a_name(nlp, marked):
    ent = _ents(marked(nlp, "Kapten AS Roma, {Francesco Totti|PER}, pamit."), "Francesco Totti")[0]
    assert ent._.role == "Kapten AS Roma" and ent._.country != "USA"  # Roma, the place, may still count


# -- repairs of NER output ----------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Ia menyebutnya {kudeta|PER}. [{ab|PER}/{uh|PER}]", []),
    ("Pasukan tiba di {kota Albu Kamal|LOC} kemarin.", [("Albu Kamal", "LOC")]),
    # a lower-case word the NER ran on into after the name is no part of it; a reduplication's half is
    ("Program itu disusun {Kementerian Pertanian sehingga|ORG} petani terbantu.", [("Kementerian Pertanian", "ORG")]),
    ("Harga itu diatur {Kementerian Perdagangan menetapkan|ORG} kemarin.", [("Kementerian Perdagangan", "ORG")]),
    ("Program itu disusun {Kementerian Pertanian sehingga harga|ORG} turun.", [("Kementerian Pertanian", "ORG")]),
    ("Kapal itu disita {Kementerian Kelautan dan Perikanan|ORG}.", [("Kementerian Kelautan dan Perikanan", "ORG")]),
    # so is a time unit or a part of the day in lower case
    ("Surat itu datang dari {Direktorat Imigrasi bulan|ORG} lalu.", [("Direktorat Imigrasi", "ORG")]),
    ("Ia diperiksa di {Polres Bogor malam|ORG} itu.", [("Polres Bogor", "ORG")]),
    ("Bus berhenti di {Terminal Kampung - kampung|LOC} pagi itu.", [("Terminal Kampung - kampung", "LOC")]),
    ("{Kassym-Jomart Tokayev|PER} berpidato. {Tokayev|ORG} memuji pasukan.",
     [("Kassym-Jomart Tokayev", "PER"), ("Tokayev", "PER")]),
    ("Pengunjuk rasa menduduki bandara {Almaty|PER}.", [("Almaty", "LOC")]),
    # a name that ends in a company's tail word is an organisation, whatever the NER said
    ("Analis {Mandala Sekuritas|PER}, Rudi Hartono, menilai pasar stabil.", [("Mandala Sekuritas", "ORG")]),
    ("Warga {Desa Sungai Air|LOC} mengungsi ke balai desa.", [("Desa Sungai Air", "LOC")]),  # a village stays one
    ("Pesawat {Garuda Airlines|PER} mendarat.", [("Garuda Airlines", "ORG")]),
    ("Pasukan tiba di {Albu Kamal|LOC}. {Albu Kamal|PER} lalu dibebaskan.", [("Albu Kamal", "LOC"), ("Albu Kamal", "LOC")]),
    ("{Ahmad|PER} bernyanyi.", [("Ahmad", "PER")]),
    ("{ALMATY|ORG}, warta.example - Pasukan ditarik.", [("ALMATY", "LOC")]),
    # the corps written after a rank goes with the rank, not with the name
    ("Dandim Letkol {Kav Budi Santoso|PER} hadir.", [("Budi Santoso", "PER")]),
    # a given name's hyphenated syllable the NER left out belongs to the name; a word after a dash does not
    ("Duta Besar {Choe Myong|PER} - nam menegaskan sikap negaranya.", [("Choe Myong - nam", "PER")]),
    ("Ketua {Irman Gusman|PER} - kini mantan - ditangkap polisi.", [("Irman Gusman", "PER")]),  # an aside
    ("Pertemuan dengan {Kim|PER} Jong-un berlangsung singkat.", [("Kim Jong-un", "PER")]),
    ("Kata {Budi|PER} - yang datang terlambat - acara dimulai.", [("Budi", "PER")]),
    # a country between a title and a name goes with the title (and stays a place of its own)
    ("Pemimpin {Korut Kim Jong - un|PER} hadir di parade.", [("Korut", "LOC"), ("Kim Jong - un", "PER")]),
    # a given name after the comma of an apposition belongs to the person tagged after it
    ("Pengamat dari {Universitas Gadjah Mada|ORG}, Mada {Sukmajati|PER} menilai laporan itu.",
     [("Universitas Gadjah Mada", "ORG"), ("Mada Sukmajati", "PER")]),
    # a name the NER cut in two is joined again; two people written apart stay two
    ("Komandan {Joseph.|PER} {F. Durfort Jr.|PER} tiba.", [("Joseph. F. Durfort Jr.", "PER")]),
    ("Pemimpin {Abu Bakr al -|PER} {Baghdadi|PER} tewas.", [("Abu Bakr al - Baghdadi", "PER")]),
    ("{Rina Sari|PER} - {Budi Hartono|PER} menikah.", [("Rina Sari", "PER"), ("Budi Hartono", "PER")]),
    ("{Rina Sari|PER}, {Budi Hartono|PER} hadir.", [("Rina Sari", "PER"), ("Budi Hartono", "PER")]),
    ("{Rina Sari|PER} {Bank Mandiri|ORG} hadir.", [("Rina Sari", "PER"), ("Bank Mandiri", "ORG")]),
    # the given name before a tagged surname joins it; titles, places, quote-initial words do not
    ("Partai itu mengusung Saifullah {Yusuf|PER} di Surabaya.", [("Saifullah Yusuf", "PER"), ("Surabaya", "LOC")]),
    ("Ada dua nama yakni Wakil Ketua Umum {Gerindra|ORG} Ferry {Juliantono|PER} dan lainnya.",
     [("Gerindra", "ORG"), ("Ferry Juliantono", "PER")]),
    ("Rapat dibuka oleh Presiden {Jokowi|PER} pagi ini.", [("Jokowi", "PER")]),
    ("Warga menyambut Gubernur Bali {Koster|PER} kemarin.", [("Bali", "LOC"), ("Koster", "PER")]),
    ('Ia berkata, " Masalah {Ahok|PER} diselesaikan dengan fatwa. "', [("Ahok", "PER")]),
    ("Kemarin {Yusuf|PER} datang.", [("Yusuf", "PER")]),
    ("Massa mendukung {Ahok\n\n|PER}Sidang dilanjutkan pekan depan.", [("Ahok", "PER")]),
    # degrees after a name are not entities nor part of one; ranks end a place the NER ran on into
    ("Kuasa hukumnya, {Samuel Hutapea, S.H.|PER}, {M.H.|PER}, menilai putusan itu.", [("Samuel Hutapea", "PER")]),
    ("Kata {Maria Simanjuntak|PER}, {S.H.|ORG}, kemarin.", [("Maria Simanjuntak", "PER")]),
    ("Kapolda {Metro Jaya Irjen Pol.|ORG} {Hendra Wiratama|PER} mengatakan.",
     [("Metro Jaya", "ORG"), ("Hendra Wiratama", "PER")]),
    ("Kapolres Bekasi {AKBP|LOC} {Made Sudarsana|PER} mengatakan.", [("Bekasi", "LOC"), ("Made Sudarsana", "PER")]),
    ("Kepala {BNN|ORG} Brigjen Pol. Toga {Panjaitan|PER} mengatakan.", [("BNN", "ORG"), ("Toga Panjaitan", "PER")]),
    # a name tagged ORG or LOC is a person's when its last word is a person elsewhere, or after "Dr."
    ("Menteri Keuangan {Ratna Wulandari|LOC} hadir. Kata {Wulandari|PER}, ekonomi tumbuh.",
     [("Ratna Wulandari", "PER"), ("Wulandari", "PER")]),
    ("Peneliti senior, Dr. {Nadia Prameswari|ORG}, mengatakan hal itu.", [("Nadia Prameswari", "PER")]),
    # after a title, "body + name" tagged as one is the body and the person (ANNOTATION.md)
    ("Ketua {MUI Ikhsan|ORG} hadir. {Ikhsan|PER} lalu pulang.", [("MUI", "ORG"), ("Ikhsan", "PER"), ("Ikhsan", "PER")]),
    ("Pasukan tiba di {Jalan Sudirman|LOC}. {Sudirman|PER} dikenang.", [("Jalan Sudirman", "LOC"), ("Sudirman", "PER")]),
    # a title ending in a country closes before the name that follows it
    ("Menteri Luar Negeri Indonesia Laras {Puspitasari|ORG} mengatakan itu. {Puspitasari|ORG} lalu pergi.",
     [("Laras Puspitasari", "PER"), ("Puspitasari", "PER")]),
    # more than three capitalised words after the country: not clearly one name
    ("Menteri Luar Negeri Indonesia Laras Puspitasari Wibowo Santoso hadir.", []),
    # an abbreviation the tokenizer cut from its stop is no entity
    ("Rumah di {Kab|LOC}. {Banjar|LOC} terendam.", [("Banjar", "LOC")]),
    # an open bracket never ends a name
    ("Warga mengadu ke {Lembaga Pembela Warga (|ORG}LPW).", [("Lembaga Pembela Warga", "ORG"), ("LPW", "ORG")]),
    ("Relawan {DKI|LOC} Menangkan {Ahok|PER} di putaran kedua.", [("DKI", "LOC"), ("Ahok", "PER")]),
    # a bare country name is a place even when it acts ("China membantah"); a body named after it is not
    ("Sanksi itu ditujukan kepada {China|ORG} dan {Korea Utara|ORG}.", [("China", "LOC"), ("Korea Utara", "LOC")]),
    ("{Pemerintah China|ORG} membantah.", [("Pemerintah China", "ORG")]),
    # an organisation name ended one unit early takes the country or body after it
    ("Kata {Pusat Penerangan|ORG} TNI kemarin.", [("Pusat Penerangan TNI", "ORG")]),
    ("Menurut {Pemerintah|ORG} {Amerika Serikat|LOC}, kapal itu ditahan.", [("Pemerintah Amerika Serikat", "ORG")]),
    ("Ia diperiksa {Angkatan Bersenjata|PER} {AS|LOC} di bandara.", [("Angkatan Bersenjata AS", "ORG")]),
    ("Liputan {CNN|ORG} {Indonesia|LOC} kemarin.", [("CNN", "ORG"), ("Indonesia", "LOC")]),
    ("Bantuan {Kementerian Sosial|ORG} untuk {Bogor|LOC} tiba.", [("Kementerian Sosial", "ORG"), ("Bogor", "LOC")]),
    # official names (issue 17): "title + body or region + name" tagged as one is two entities
    ("Kedatangan Gubernur {NTB Hasanuddin|LOC} disambut warga.", [("NTB", "LOC"), ("Hasanuddin", "PER")]),
    ("Kepala Kantor {Basarnas Makassar Mustajab|LOC} hadir.", [("Basarnas Makassar", "ORG"), ("Mustajab", "PER")]),
    ("Presiden {Amerika Serikat|LOC} hadir.", [("Amerika Serikat", "LOC")]),
    # institutions named after a place are organisations
    ("Korban dibawa ke {RSUD Subang|LOC} dan {Puskesmas Bayan|PER}.", [("RSUD Subang", "ORG"), ("Puskesmas Bayan", "ORG")]),
    ("Tim {Kantor SAR Mataram|LOC} dikerahkan.", [("Kantor SAR Mataram", "ORG")]),
    # a facility and the province written after it are two places
    ("Pesawat lepas landas dari {Bandara Sentani Papua|LOC} pagi itu.", [("Bandara Sentani", "LOC"), ("Papua", "LOC")]),
    ("Presiden berada di {Istana Kepresidenan Bogor|LOC} pagi itu.", [("Istana Kepresidenan Bogor", "LOC")]),
    ("Tamu diterima di {Istana Merdeka Jakarta|LOC} pagi itu.", [("Istana Merdeka", "LOC"), ("Jakarta", "LOC")]),
    ("Presiden berada di {Istana Bogor|LOC} pagi itu.", [("Istana Bogor", "LOC")]),
    # products, groups of citizens and variants are no entities
    ("Harga {Pertalite|ORG} dan {Pertamax|LOC} naik, kata {Budi Santoso|PER}.", [("Budi Santoso", "PER")]),
    ("Evakuasi {WNI|ORG} dari {Wuhan|LOC} selesai.", [("Wuhan", "LOC")]),
    # a common word opening a sentence: written in lower case elsewhere, or a derived noun
    ("{Kronologis|PER} kejadian itu jelas. Ia menulis kronologis lengkap.", []),
    ("{Ketidakadilan|PER} masih terjadi di banyak negara.", []),
    ("{Mustajab|PER} tiba di lokasi.", [("Mustajab", "PER")]),
    # also after an opening quotation mark, and a noun with its possessive -nya or an -isme
    ('"{Kemarahan|PER} warga sudah memuncak," kata Budi.', []),
    ("{Rinciannya|PER} sepuluh lembar uang palsu.", []),
    ("{Radikalisme|PER} menjadi ancaman bagi pemuda.", []),
    ("{Walhasil|LOC}, pemerintah tidak jadi menaikkan harga.", []),
    ('"{Mustajab|PER} sudah tiba," kata polisi.', [("Mustajab", "PER")]),
    # a word of the language (lang/corpus_common_words.txt, from IndoSum) opening a sentence, written nowhere
    # else in the article; and one opening a person's span before a name the article writes on its own
    ("{Rekrutmen|PER} guru honorer dibuka pekan depan.", []),
    ("{Trauma|ORG} warga belum hilang sejak banjir itu.", []),
    # ... unless the article writes it as a name inside a sentence too
    ("{Mawar|PER}, bukan nama sebenarnya, melapor ke polisi, kata kakak {Mawar|PER}.", [("Mawar", "PER"), ("Mawar", "PER")]),
    ("{Posisi Wiwit|PER} kini kuat, kata {Wiwit|PER} kepada warga.", [("Wiwit", "PER"), ("Wiwit", "PER")]),
    ("{Posisi Wiwit|PER} kini kuat di desa itu.", [("Posisi Wiwit", "PER")]),
    # a one-word organisation name of the DBpedia lists the NER left untagged is an ORG; not opening a
    # sentence, nor a word the article writes in lower case
    ("Hal itu disampaikan anggota Kompolnas kepada wartawan.", [("Kompolnas", "ORG")]),
    ("Kompolnas menerima laporan itu.", []),
    ("Laporan masuk ke Kompolnas. Tim kompolnas desa juga dibentuk.", []),
    # an acronym defined by a common noun phrase in lower case is a category, not an organisation
    ("{KPK|ORG} menggelar operasi tangkap tangan ({OTT|ORG}). {OTT|ORG} itu berlangsung malam hari.",
     [("KPK", "ORG")]),
    ("Pemerintah menetapkan harga eceran tertinggi ({HET|ORG}) beras.", []),
    ("Petugas {Badan Narkotika Nasional|ORG} ({BNN|ORG}) datang. {BNN|ORG} menyita sabu.",
     [("Badan Narkotika Nasional", "ORG"), ("BNN", "ORG"), ("BNN", "ORG")]),
    # a capitalised phrase the article also writes in lower case is a common noun phrase
    ("Undang-undang itu mengatur {Partai Politik|ORG}. Setiap partai politik wajib melapor.", []),
    ("Rapat {Panitia Khusus|ORG} ditunda karena panitia khusus belum lengkap.", []),
    ("{Partai Demokrat|ORG} menggelar rapat. Partai itu menyebut demokrat sejati hadir.", [("Partai Demokrat", "ORG")]),
    # a name cut at "dan" that its bracketed acronym shows to run on
    ("Menurut audit {Badan Pengawasan Keuangan|ORG} dan Pembangunan ({BPKP|ORG}), negara rugi.",
     [("Badan Pengawasan Keuangan dan Pembangunan", "ORG"), ("BPKP", "ORG")]),
    # (the acronym is the second name's alone: the first stays whole, the second is its long form)
    ("Pertemuan {Kementerian Luar Negeri|ORG} dan Kedutaan Besar Jepang ({KBJ|ORG}) lancar.",
     [("Kementerian Luar Negeri", "ORG"), ("Kedutaan Besar Jepang", "ORG"), ("KBJ", "ORG")]),
    # a minister's portfolio and its bracketed acronym are part of the title, no organisation
    ("Menteri {Energi dan Sumber Daya Mineral|ORG} ({ESDM|ORG}) {Arifin Tasrif|PER} hadir.",
     [("Arifin Tasrif", "PER")]),
    ("Menteri Energi dan Sumber Daya Mineral ({ESDM|ORG}) {Arifin Tasrif|PER} hadir.", [("Arifin Tasrif", "PER")]),
    # a group of ministers and a body, no title
    ("Pertemuan para menteri {ASEAN|ORG} berlangsung di {Manila|LOC}.", [("ASEAN", "ORG"), ("Manila", "LOC")]),
    ("Pegawai {Kementerian Energi dan Sumber Daya Mineral|ORG} ({ESDM|ORG}) hadir.",
     [("Kementerian Energi dan Sumber Daya Mineral", "ORG"), ("ESDM", "ORG")]),
    # a weekday after a name is the day it was said, not one more name of a list
    ('"Pelaku sudah kami tangkap," kata {Boby|PER}, Kamis (6/10).', [("Boby", "PER")]),
    # a nickname in brackets after a name is the person, whatever label the NER gave it
    ("Kepala BNN {Budi Waseso|PER} ({Buwas|ORG}) hadir. Kata {Buwas|PER}, sabu disita.",
     [("BNN", "ORG"), ("Budi Waseso", "PER"), ("Buwas", "PER"), ("Buwas", "PER")]),
    # an institution head and the place after it are one organisation
    ("Staf {KBRI|ORG} {Kabul|LOC} dievakuasi.", [("KBRI Kabul", "ORG")]),
    ("Kasus itu diambil alih Polda {Jawa Timur|LOC}.", [("Polda Jawa Timur", "ORG")]),
    ("Penyidik Polres {Banjar|LOC} meminta waktu.", [("Polres Banjar", "ORG")]),
    # initials after "berinisial"/"tersangka" are people, and so are their later mentions
    ("Polisi menangkap pria berinisial {UD|ORG}. {UD|LOC} kini ditahan.", [("UD", "PER"), ("UD", "PER")]),
    ("BNN menangkap tersangka FRZ di Medan.", [("BNN", "ORG"), ("FRZ", "PER"), ("Medan", "LOC")]),
    # a list of names: the items the NER left out take the list's label
    ("Pemohon adalah {Demas Brian|PER}, Yuwono Pintadi, Fahrurrozi, dan {Nono Marijono|PER}.",
     [("Demas Brian", "PER"), ("Yuwono Pintadi", "PER"), ("Fahrurrozi", "PER"), ("Nono Marijono", "PER")]),
])
def test_entity_resolver_repairs_ner_output(nlp, marked, text, expected):
    doc = marked(nlp, text)
    assert [(e.text, e.label_) for e in doc.ents] == expected


@pytest.mark.parametrize("text, expected", [
    # the outlet of a dateline is no entity; its place is a LOC
    ("{JAKARTA|LOC}, {KOMPAS.com|ORG} - Banjir melanda {Bekasi|LOC}.", [("JAKARTA", "LOC"), ("Bekasi", "LOC")]),
    ("{WARTAKITA|ORG} – Banjir melanda {Bekasi|LOC}.", [("Bekasi", "LOC")]),
    ("{MONITOR|ORG}, Jakarta – Banjir melanda {Bekasi|LOC}.", [("Jakarta", "LOC"), ("Bekasi", "LOC")]),
])
def test_entity_resolver_dateline_outlets(marked, text, expected):
    nlp = build(("segmenter", "entity_resolver"))
    doc = marked(nlp, text)
    assert [(e.text, e.label_) for e in doc.ents] == expected


@pytest.mark.parametrize("text,expected", [
    ("Acara selesai. {Peletakan batu|PER} pertama dilakukan pekan depan.", []),
    ("Acara selesai. {Penangkapan Rudi Hartono|PER} mengejutkan warga.", [("Rudi Hartono", "PER")]),
    ("Acara selesai. {Kementerian Sosial|ORG} mengirim bantuan.", [("Kementerian Sosial", "ORG")]),
    ("Kami bertemu {Penangkapan Rudi Hartono|PER} kemarin.", [("Penangkapan Rudi Hartono", "PER")]),
])
def test_entity_resolver_drops_a_derived_noun_opening_a_sentence(marked, pipelines, text, expected):
    # sentence starts come from the segmenter
    doc = marked(pipelines(["segmenter", "entity_resolver", "geo"]), text)
    assert [(e.text, e.label_) for e in doc.ents] == expected


@pytest.mark.parametrize("text,mention,canonical", [
    ("PKS mengusung Saifullah Yusuf atau {Gus Ipul|PER} di Jatim.", "Gus Ipul", "Saifullah Yusuf"),
    ("Menteri Koordinator bidang Kemaritiman Luhut Binsar Pandjaitan hadir. Kata {Luhut|PER}, proyek itu bersih.",
     "Luhut", "Luhut Binsar Pandjaitan"),
    ("Presiden {Jokowi|PER} Salat 2 Rakaat di Masjid.", "Jokowi", "Jokowi"),
])
def test_entity_resolver_completes_names_the_ner_missed(nlp, marked, text, mention, canonical):
    doc = marked(nlp, text)
    assert {e._.canonical for e in _ents(doc, mention)} == {canonical}


def test_entity_resolver_known_long_form_in_text(nlp, marked):
    doc = marked(nlp, "Tentara Nasional Indonesia akan menerapkan kebijakan baru. Rapat {TNI|ORG} digelar.")
    assert _ents(doc, "TNI")[0]._.canonical == "Tentara Nasional Indonesia"


@pytest.mark.parametrize("text, nick, canonical", [
    # a well-known nickname is the full name the same article writes (lang/aliases.tsv)
    ("Presiden {Joko Widodo|PER} membuka sidang. Kata {Jokowi|PER}, ekonomi tumbuh.", "Jokowi", "Joko Widodo"),
    # a blend of the heads of two words of a name written before it is that person
    ("Ketua DPR {Setya Novanto|PER} hadir. {Setnov|PER} mengaku sakit.", "Setnov", "Setya Novanto"),
    ("Ketua MPR {Zulkifli Hasan|PER} datang. Menurut {Zulhas|PER}, koalisi solid.", "Zulhas", "Zulkifli Hasan"),
    # ... but not a name of its own that only shares a head
    ("Ketua DPR {Setya Novanto|PER} hadir. {Setyawan|PER} mengaku sakit.", "Setyawan", "Setyawan"),
    # not when the article never writes the full name
    ("Kata {Jokowi|PER}, ekonomi tumbuh.", "Jokowi", "Jokowi"),
])
def test_entity_resolver_known_nicknames(nlp, marked, text, nick, canonical):
    doc = marked(nlp, text)
    assert [e._.canonical for e in doc.ents if e.text == nick] == [canonical]



@pytest.mark.parametrize("text, expected", [
    # named facilities, streets and buildings are places, whatever the NER called them
    ("Ia ditahan di Rutan {Pondok Bambu|PER}.", [("Rutan Pondok Bambu", "LOC")]),
    ("Gubernur berada di {Balai Kota DKI|ORG} sejak pagi.", [("Balai Kota DKI", "LOC")]),
    ("Di Bandara Oksibil tidak ada stasiun cuaca.", [("Bandara Oksibil", "LOC")]),
    # so are mountains, islands, lakes, straits and bays
    ("Empat pendaki {Gunung Everest|PER} meninggal dunia.", [("Gunung Everest", "LOC")]),
    ("Wisatawan berlibur ke Pulau Komodo dan {Danau Toba|PER}.", [("Pulau Komodo", "LOC"), ("Danau Toba", "LOC")]),
    # ... but a company may bear such a name: an organisation so tagged stays one
    ("Saham {Bukit Asam|ORG} menguat pada perdagangan hari ini.", [("Bukit Asam", "ORG")]),
    ("Kapal itu berlayar di Selat Sunda menuju Teluk Jakarta.", [("Selat Sunda", "LOC"), ("Teluk Jakarta", "LOC")]),
    ("Sungai itu meluap semalam.", []),
    # a lower-case head written before a place belongs to its name as written
    ("Kantor itu terletak di jalan {Ampera|LOC}, {Jakarta Selatan|LOC}.",
     [("jalan Ampera", "LOC"), ("Jakarta Selatan", "LOC")]),
    ("Pesawat menabrak gunung Tangok kemarin.", [("gunung Tangok", "LOC")]),
    ("Wisatawan tewas di air terjun {Tiu Kelep|ORG}.", [("Tiu Kelep", "ORG")]),
    ("Wisatawan tewas di air terjun {Tiu Kelep|LOC}.", [("air terjun Tiu Kelep", "LOC")]),
    # a building named after an organisation leaves the organisation; a bare "jalan" names nothing
    ("Massa berkumpul di depan gedung {DPR|ORG}.", [("DPR", "ORG")]),
    ("Ia berjalan kaki di jalan itu.", []),
    # a facility and the rest of its name the NER cut off are one place; a province after it is its own
    ("Pedagang berjualan di {Stasiun Tanah|ORG} {Abang|LOC} setiap hari.", [("Stasiun Tanah Abang", "LOC")]),
    ("Kecelakaan terjadi di Jalan Raya {Serpong|LOC} kemarin.", [("Jalan Raya Serpong", "LOC")]),
    ("Pesawat mendarat di {Bandara Sentani|LOC} {Papua|LOC}.", [("Bandara Sentani", "LOC"), ("Papua", "LOC")]),
    # a lower-case "jalan" before a person is no street
    ("Ia berjalan di sepanjang jalan {Budi|PER} mengikuti.", [("Budi", "PER")]),
    # a facility named by its place keeps it ("Bandara Internasional Lombok")
    ("Abu vulkanik belum mengganggu Bandara Internasional Lombok siang tadi.",
     [("Bandara Internasional Lombok", "LOC")]),
    ("Pesawat itu mendarat di {Bandara Internasional Lombok|LOC} siang tadi.", [("Bandara Internasional Lombok", "LOC")]),
])
def test_entity_resolver_facilities_are_places(nlp, marked, text, expected):
    doc = marked(nlp, text)
    assert [(e.text, e.label_) for e in doc.ents] == expected


@pytest.mark.parametrize("text, expected", [
    # laws and peoples are no entities
    ("Terdakwa dijerat {UU No.35/2014|PER} tentang Perlindungan Anak.", []),
    ("Warga {Rohingya|LOC} mengungsi ke {Bangladesh|LOC}.", [("Bangladesh", "LOC")]),
    # organisations the NER left untagged: an outlet cited in the body, a company by its tail word, an
    # institution by its head alone; not an outlet in a dateline or a bracketed credit line
    ("Ia mengatakan hal itu saat dikonfirmasi warta.com, Senin.", [("warta.com", "ORG")]),
    ("Pesawat milik Merpati Air itu hilang kontak. Kasus itu ditangani Kepolisian.",
     [("Merpati Air", "ORG"), ("Kepolisian", "ORG")]),
    ("Banjir melanda kota itu. (warta.com)", []),
    # an outlet in lower case counts when it is written so ("dalam pantauan kumparan"), not when it is
    # a word of the language ("antara" is also "between")
    ("Hal itu disampaikan saat dikonfirmasi kumparan, Senin.", [("kumparan", "ORG")]),
    ("Rapat itu memperkuat koordinasi antara pusat dan daerah.", []),
    ("Pertemuan antara pemerintah dan warga berlangsung tertutup.", []),
    ("Sejumlah sektor bisnis besar terdampak kebijakan itu.", []),
    ("Pendapatan dari bisnis properti naik tahun ini.", []),
    # a title alone is no person, a category no organisation; a name that is also a title stays
    ("Menurut {Mendagri|PER}, pemilu harus aman.", []),
    ("Ujaran kebencian berbau {SARA|ORG} marak.", []),
    ("Pengumuman itu disiarkan di kanal {YouTube|ORG} kementerian.", []),   # a platform is a product
    # a named train or ship is a product: with its head, after it, and the same name again alone
    ("Penumpang {KA Argo Sindang|ORG} tiba di {Stasiun Gambir|LOC}.", [("Stasiun Gambir", "LOC")]),
    ("Kereta KA {Taksaka Pagi|ORG} berangkat dari {Yogyakarta|LOC}. {Taksaka Pagi|PER} tiba sore.",
     [("Yogyakarta", "LOC")]),
    ("Kapal {KM Bahari Jaya|PER} tenggelam di {Danau Toba|LOC}.", [("Danau Toba", "LOC")]),
    # the outlet a report is taken from is an organisation; a person quoted stays a person
    ("Melansir {Straits Times|LOC}, polisi menangkap dua orang.", [("Straits Times", "ORG")]),
    ("Seperti dikutip dari {Harian Rakyat|PER}, harga beras naik.", [("Harian Rakyat", "ORG")]),
    ("Mengutip {Budi Santoso|PER}, harga beras naik.", [("Budi Santoso", "PER")]),
    # a rank inside an entity starts the person; a place before it stays a place; a street keeps its rank
    ("{Kodam XVII/Cenderawasih Letkol Inf Budi Santoso|PER} membantah kabar itu.", [("Budi Santoso", "PER")]),
    ("Kapolda {Jateng Irjen Polisi Ahmad Luthfi|PER} datang.", [("Jateng", "LOC"), ("Ahmad Luthfi", "PER")]),
    ("Macet di {Jalan Jenderal Sudirman|LOC} pagi ini.", [("Jalan Jenderal Sudirman", "LOC")]),
    # the person's first name cut off with the unit and rank, the rest tagged apart: one person
    ("Hal itu dikatakan {Kanit Reskrim Ipda Putra|ORG} {Andika Pratama|PER}.", [("Putra Andika Pratama", "PER")]),
    # a weekday is no entity nor the tail of one; a market named after a day keeps it
    ("Gubernur {Jateng Selasa|LOC} meninjau lokasi. Ia pulang {Kamis|PER}.", [("Jateng", "LOC")]),
    ("Banjir merendam {Pasar Minggu|LOC}.", [("Pasar Minggu", "LOC")]),
    # the government of a place is an organisation
    ("Pemerintah {Malaysia|LOC} akan menyelidiki klaim itu.", [("Pemerintah Malaysia", "ORG")]),
    ("Pemerintah akan menyelidiki klaim itu di {Malaysia|LOC}.", [("Malaysia", "LOC")]),
    # "km" is a distance, not a ship
    ("Jaraknya 5 km dari {Polres Garut|ORG}.", [("Polres Garut", "ORG")]),
    ("{Putra|PER} hadir di sana.", [("Putra", "PER")]),
    # a name ends before a clock time or a count it ran on into; its own number stays
    ("Pesawat lepas landas dari {Bandara Sentani 14.22 WIT|LOC} tadi.", [("Bandara Sentani", "LOC")]),
    ("Banjir melanda {Sukabumi 336|LOC} rumah terendam.", [("Sukabumi", "LOC")]),
    ("Pameran {Indo Defence 2022|ORG} dibuka.", [("Indo Defence 2022", "ORG")]),
    # the service after a rank belongs to the rank; the words after it are one person
    ("Kepala Dinas Penerangan, Marsma {TNI|ORG} Indan {Gilang Buldansyah|PER} hadir.",
     [("Dinas Penerangan", "ORG"), ("Indan Gilang Buldansyah", "PER")]),
    ("Pasukan {TNI|ORG} tiba di {Poso|LOC}.", [("TNI", "ORG"), ("Poso", "LOC")]),
    # an area and a known place, then the name of a person the NER ran on into
    ("Ia bertemu warga {Kabupaten Subang Rudi Hartono|LOC} kemarin.",
     [("Kabupaten Subang", "LOC"), ("Rudi Hartono", "PER")]),
    ("Banjir melanda {Kabupaten Bandung Barat|LOC} kemarin.", [("Kabupaten Bandung Barat", "LOC")]),
    ("Hadir pula Asisten Daerah {Provinsi Jambi Saifudin|LOC} kemarin.", [("Provinsi Jambi", "LOC"), ("Saifudin", "PER")]),
    # crew titles are no part of the name
    ("Kru terdiri dari {Capt Hasanudin|PER} dan pramugari {Ika Nurhayati|PER}.",
     [("Hasanudin", "PER"), ("Ika Nurhayati", "PER")]),
])
def test_entity_resolver_official_name_repairs(nlp, marked, text, expected):
    doc = marked(nlp, text)
    assert [(e.text, e.label_) for e in doc.ents] == expected


@pytest.mark.parametrize("text, mention, canonical", [
    # a body with regional branches: the region after its bracketed acronym completes its name
    ("{Badan Penanggulangan Bencana Daerah|ORG} ({BPBD|ORG}) {Luwu Utara|LOC} mencatat 30 rumah rusak. "
     "{BPBD|ORG} terus mendata.", "BPBD", "Badan Penanggulangan Bencana Daerah Luwu Utara"),
    ("{Dinas Perhubungan|ORG} ({Dishub|ORG}) Kabupaten {Subang|LOC} memeriksa bus itu.", "Dinas Perhubungan",
     "Dinas Perhubungan Kabupaten Subang"),
    # a national body written before a place does not take it
    ("{Komisi Pemberantasan Korupsi|ORG} ({KPK|ORG}) {Jakarta|LOC} menahan dia.", "KPK",
     "Komisi Pemberantasan Korupsi"),
])
def test_entity_resolver_regional_long_form(nlp, marked, text, mention, canonical):
    doc = marked(nlp, text)
    assert {e._.canonical for e in _ents(doc, mention)} == {canonical}


@pytest.mark.parametrize("text, expected", [
    # places joined by hyphens are split into their places, whatever the NER made of the word
    ("Polisi membongkar sindikat narkoba {Malaysia-Myanmar-Thailand|PER} kemarin.",
     [("Malaysia", "LOC"), ("Myanmar", "LOC"), ("Thailand", "LOC")]),
    ("Pesawat rute Jayapura-Wamena itu hilang kontak.", [("Jayapura", "LOC"), ("Wamena", "LOC")]),
    ("Hubungan Indonesia-Australia terus membaik.", [("Indonesia", "LOC"), ("Australia", "LOC")]),
    # a name with a hyphen stays whole; so does a word whose parts are no places
    ("Presiden {Kassym-Jomart Tokayev|PER} tiba di bandara.", [("Kassym-Jomart Tokayev", "PER")]),
    ("Warga menolak rencana {Sinar-Mas|ORG} membangun pabrik.", [("Sinar-Mas", "ORG")]),
    # a place whose own name has a hyphen, and a road or toll road between two places, stay whole
    ("Presiden {Guinea-Bissau|LOC} tiba.", [("Guinea-Bissau", "LOC")]),
    ("Kecelakaan terjadi di {Jalan Raya Bogor-Sukabumi|LOC}.", [("Jalan Raya Bogor-Sukabumi", "LOC")]),
    # a route written with a spaced hyphen after its noun: each end is a place, a train's "KA" no vehicle
    ("Pemerintah membangun jalur KA Purwokerto - Kroya tahun ini.", [("Purwokerto", "LOC"), ("Kroya", "LOC")]),
    ("Bus rute {Jakarta - Bandung|ORG} kembali beroperasi.", [("Jakarta", "LOC"), ("Bandung", "LOC")]),
    # a route noun that is part of a name, or a road named after its ends, is left whole
    ("Bentrokan pecah di perbatasan {Jalur Gaza|LOC} - {Mesir|LOC}.", [("Jalur Gaza", "LOC"), ("Mesir", "LOC")]),
    ("Macet terjadi di ruas {Jalan Raya Bogor - Sukabumi|LOC}.", [("Jalan Raya Bogor - Sukabumi", "LOC")]),
    ("Ia berlari di jalur {Budi|PER} - {Ani|PER} kemarin.", [("Budi", "PER"), ("Ani", "PER")]),  # no place
    ("Kemacetan di ruas {Tol Jakarta-Cikampek|LOC} mengular.", [("Tol Jakarta-Cikampek", "LOC")]),
])
def test_entity_resolver_splits_hyphenated_place_lists(nlp, marked, text, expected):
    doc = marked(nlp, text)
    assert [(e.text, e.label_) for e in doc.ents] == expected
    assert doc.text == re.sub(r"[{}]|\|(?:PER|ORG|LOC)", "", text)


@pytest.mark.parametrize("text, expected", [
    # an officer's title (and office) opening an organisation span is no part of it
    ("Penangkapan itu dibenarkan {Kabid Humas Polda Jabar|ORG} kemarin.", [("Polda Jabar", "ORG")]),
    ("Pernyataan itu disampaikan {Direktur Utama PT Sinar Jaya|ORG} di Bandung.", [("PT Sinar Jaya", "ORG"), ("Bandung", "LOC")]),
    # an organisation rank written out in full ends the organisation before it
    ("Hal itu dikatakan {Divisi Humas Polri Inspektur|ORG} {Jenderal Setyo Wasisto|PER}.",
     [("Divisi Humas Polri", "ORG"), ("Setyo Wasisto", "PER")]),
    # a street or field named after an officer keeps the rank
    ("Kecelakaan terjadi di {Jalan Letnan Jenderal S Parman|LOC}.", [("Jalan Letnan Jenderal S Parman", "LOC")]),
    # an office or body whose second word is also a rank keeps it: no person starts there
    ("Pesanan itu datang dari {Direktorat Jenderal Pajak|ORG} bulan lalu.", [("Direktorat Jenderal Pajak", "ORG")]),
    ("Surat itu dikirim {Sekretariat Jenderal DPR|ORG} kemarin.", [("Sekretariat Jenderal DPR", "ORG")]),
    ("Pesanan itu datang dari Direktorat Jenderal Imigrasi bulan lalu.", [("Direktorat Jenderal Imigrasi", "ORG")]),
    # the old name of a ministry opens an organisation name; in lower case it is a company's department
    ("Dana itu berasal dari Departemen Kesehatan pada 2005.", [("Departemen Kesehatan", "ORG")]),
    # a legal form and the name after it are one company, the form written with its stop or not
    ("Ia bertemu direktur {PT.|ORG} {Sinar Jaya Abadi|ORG} kemarin.", [("PT. Sinar Jaya Abadi", "ORG")]),
    ("Ia bertemu direktur PT. {Multisoft Java Technologies|PER} kemarin.", [("PT. Multisoft Java Technologies", "ORG")]),
    # a person after a form that also stands for something else (PD: Partai Demokrat) stays a person
    ("Wakil Ketua Umum {PD|ORG} {Syarief Hasan|PER} hadir.", [("PD", "ORG"), ("Syarief Hasan", "PER")]),
    # a title's acronym in brackets is no place, and still marks the holder after the region
    ("Sekretaris Daerah ({Sekda|LOC}) {Banten Ranta Soeharta|LOC} hadir.", [("Banten", "LOC"), ("Ranta Soeharta", "PER")]),
    # a known organisation's acronym tagged as a person is the organisation
    ("Izin itu wewenang {Kemenhub|PER}, kata Hudaya.", [("Kemenhub", "ORG")]),
    # "Wali Kota" is a title: the place after it is the city's name
    ("Partai itu mendukung Wali {Kota Bandung|LOC} itu.", [("Bandung", "LOC")]),
    ("Ia bekerja di departemen keuangan perusahaan itu.", []),
    # an office alone and an organisation's own head stay
    ("Data itu dirilis {Humas BNPB|ORG} kemarin.", [("Humas BNPB", "ORG")]),
    ("Kasus itu ditangani {Komisi Pemberantasan Korupsi|ORG}.", [("Komisi Pemberantasan Korupsi", "ORG")]),
])
def test_entity_resolver_titles_and_ranks_around_organisations(nlp, marked, text, expected):
    assert [(e.text, e.label_) for e in marked(nlp, text).ents] == expected


@pytest.mark.parametrize("text, expected", [
    # a known organisation, or one the article tags on its own, then a person, tagged as one organisation
    ("Anggota {Kompolnas|ORG} hadir. Hal itu dikatakan anggota {Kompolnas Poengky Indarti|ORG}.",
     [("Kompolnas", "ORG"), ("Kompolnas", "ORG"), ("Poengky Indarti", "PER")]),
    ("{Wavecell|ORG} tumbuh pesat. CEO {Wavecell Olivier Gerhardt|ORG} mengatakan pasar Asia besar.",
     [("Wavecell", "ORG"), ("Wavecell", "ORG"), ("Olivier Gerhardt", "PER")]),
    # the title may carry its adjective ("Direktur Eksekutif", "Ketua Umum") before the organisation
    ("Survei digelar {Indometrika|ORG}. Direktur Eksekutif {Indometrika Rudi Hartono|ORG} mengatakan hasilnya.",
     [("Indometrika", "ORG"), ("Indometrika", "ORG"), ("Rudi Hartono", "PER")]),
    ("Partai itu solid. Ketua Umum {Partai Nusa Raya Budi Lubis|ORG} hadir. {Partai Nusa Raya|ORG} menang.",
     [("Partai Nusa Raya", "ORG"), ("Budi Lubis", "PER"), ("Partai Nusa Raya", "ORG")]),
    # an adjective with no title before it is part of a name
    ("Penumpang kelas Eksekutif {BNI Rudi Hartono|ORG} naik.", [("BNI Rudi Hartono", "ORG")]),
    # a whole known name, or a company's form, has no person at its end
    ("Putusan itu dibacakan Ketua {Mahkamah Agung|ORG} kemarin.", [("Mahkamah Agung", "ORG")]),
    ("{PLN|ORG} menyewa kapal. Direktur {PT PLN Persero|ORG} hadir.", [("PLN", "ORG"), ("PT PLN Persero", "ORG")]),
])
def test_entity_resolver_person_after_a_known_organisation(nlp, marked, text, expected):
    assert [(e.text, e.label_) for e in marked(nlp, text).ents] == expected


@pytest.mark.parametrize("text, expected", [
    # a faction of a legislature is an organisation of its own, named with its party
    ("Ketua {PKB|ORG} di DPR hadir. Ketua Fraksi {PKB|ORG} juga hadir.", [("PKB", "ORG"), ("DPR", "ORG"),
                                                                          ("Fraksi PKB", "ORG")]),
    ("{Fraksi Nasdem|LOC} menolak usulan itu.", [("Fraksi Nasdem", "ORG")]),
    ("Anggota {DPR Fraksi PAN|ORG} itu hadir.", [("DPR", "ORG"), ("Fraksi PAN", "ORG")]),
    ("Ketua {Fraksi PKS DPR RI|ORG} hadir.", [("Fraksi PKS", "ORG"), ("DPR RI", "ORG")]),
    # the common noun in lower case is no name
    ("Empat fraksi di {DPRD|ORG} menolak.", [("DPRD", "ORG")]),
])
def test_entity_resolver_factions_of_a_legislature(nlp, marked, text, expected):
    assert [(e.text, e.label_) for e in marked(nlp, text).ents] == expected


@pytest.mark.parametrize("text, expected", [
    # an organisation's office is that organisation; an institution named "Kantor ..." stays whole
    ("Pertemuan digelar di {Kantor Pusat MUI|LOC}, Jakarta.", [("MUI", "ORG"), ("Jakarta", "LOC")]),
    ("Tersangka dibawa ke {Kantor BNN|LOC} kemarin.", [("BNN", "ORG")]),
    ("Tim dari {Kantor SAR Mataram|ORG} tiba di lokasi.", [("Kantor SAR Mataram", "ORG")]),
    ("Warga berkumpul di {Gedung DPR|LOC}.", [("Gedung DPR", "LOC")]),
])
def test_entity_resolver_office_is_its_organisation(nlp, marked, text, expected):
    assert [(e.text, e.label_) for e in marked(nlp, text).ents] == expected


def test_entity_resolver_office_of_a_person_is_no_organisation(nlp, marked):
    text = "Surat itu dikirim ke {Kantor Aung San Suu Kyi|LOC} pekan lalu."
    assert [(e.text, e.label_) for e in marked(nlp, text).ents] == [("Kantor Aung San Suu Kyi", "LOC")]
