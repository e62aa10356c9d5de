"""The ``events`` component: affix generator, lexicon, and rule tables of Indonesian sentences."""

from __future__ import annotations

import pytest

from warta import events_ontology as onto
from warta.pipeline import STAGES
from warta.record import Event


@pytest.fixture(scope="module")
def nlp(pipelines):
    # rule-based stages only, so the tables do not move when an NER model is retrained
    return pipelines([s for s in STAGES if s != "ner"])


def _happenings(nlp, text, published="2022-01-13"):
    """The events as the component writes them: one per happening, with its mentions."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)._.events


def _events(nlp, text, published="2022-01-13"):
    """Every mention of every happening as an event of its own (these tables were written per mention)."""
    from warta.eval.events import mention_events

    return mention_events(_happenings(nlp, text, published))


@pytest.mark.parametrize("root, pattern, form", [
    ("serang", "meN", "menyerang"), ("serang", "di", "diserang"), ("serang", "peN-an", "penyerangan"),
    ("serang", "-an", "serangan"), ("tangkap", "meN", "menangkap"), ("tangkap", "peN-an", "penangkapan"),
    ("tangkap", "ter", "tertangkap"), ("kirim", "meN", "mengirim"), ("kecam", "meN", "mengecam"),
    ("pukul", "meN", "memukul"), ("bakar", "meN", "membakar"), ("protes", "meN", "memprotes"),
    ("kritik", "meN", "mengkritik"), ("bom", "meN", "mengebom"), ("bom", "peN-an", "pengeboman"),
    ("kerah", "meN-kan", "mengerahkan"), ("duduk", "meN-i", "menduduki"), ("rebut", "meN", "merebut"),
    ("ancam", "meN", "mengancam"), ("unjuk", "ber", "berunjuk"), ("kerja", "ber", "bekerja"),
    ("temu", "per-an", "pertemuan"), ("rusak", "per-an", "perusakan"), ("sepakat", "ke-an", "kesepakatan"),
    ("tandatangan", "meN-i", "menandatangani"), ("ingat", "memper-kan", "memperingatkan"),
    ("bebas", "di-kan", "dibebaskan"), ("perkosa", "peN-an", "pemerkosaan"), ("telepon", "meN", "menelepon"),
])
def test_events_inflect_forms(root, pattern, form):
    forms = onto.inflect(root, pattern)
    assert form in forms
    assert form + "nya" in forms


def test_events_inflect_rejects_unknown_pattern():
    with pytest.raises(ValueError, match="unknown affix pattern"):
        onto.inflect("serang", "ke-kan")


@pytest.mark.parametrize("word, root", [
    ("menyerang", "serang"), ("penyerangannya", "serang"), ("menangkap", "tangkap"),
    ("mengirimkan", "kirim"), ("dikerahkan", "kerah"), ("pertemuan", "temu"), ("memukul", "pukul"),
])
def test_events_strip_affixes(word, root):
    assert root in onto.strip_affixes(word)


def test_events_lexicon_forms_strip_back_to_their_roots():
    for trig in onto.triggers():
        if trig.affixes in (("=",), ("=v",)):
            continue
        root = trig.phrase[0]
        for form in onto.head_forms(trig):
            assert root in onto.strip_affixes(form), (trig.line, form)


def test_events_lexicon_covers_all_plover_types():
    assert {t.type for t in onto.triggers()} - {"NONE"} == set(onto.PLOVER_TYPES)


def test_events_ontology_has_quad_and_cameo_for_every_type_and_mode():
    types = onto.ontology()["types"]
    assert set(types) == set(onto.PLOVER_TYPES)
    for name, info in types.items():
        assert info["quad"] in (1, 2, 3, 4)
        assert info["cameo"].isdigit()
        assert all(code.isdigit() for code in info["modes"].values()), name


@pytest.mark.parametrize("text, type_, mode, actor, recipient", [
    ("Pasukan Rusia menyerang kota itu pada Senin.", "ASSAULT", None, ("RUS", "MIL"), None),
    ("Polisi menangkap tiga demonstran di Bandung.", "COERCE", "arrest", ("IDN", "COP"), ("IDN", "CVL")),
    ("Tiga demonstran ditangkap polisi di Bandung.", "COERCE", "arrest", ("IDN", "COP"), ("IDN", "CVL")),
    ("Empat nelayan Indonesia ditangkap oleh polisi Malaysia.", "COERCE", "arrest", ("MYS", "COP"), ("IDN", "AGR")),
    ("Ribuan buruh berunjuk rasa di depan gedung parlemen.", "PROTEST", "demo", ("IDN", "LAB"), None),
    ("Amerika Serikat menjatuhkan sanksi terhadap Iran.", "SANCTION", None, ("USA", None), ("IRN", None)),
    ("PBB mengecam serangan udara itu.", "ACCUSE", "disapprove", ("UNO", "IGO"), None),
    ("Bentrokan antara polisi dan warga terjadi di Ambon.", "ASSAULT", None, ("IDN", "COP"), ("IDN", "CVL")),
    ("Korea Utara meluncurkan rudal balistik ke arah laut.", "MOBILIZE", "weapons", ("PRK", None), None),
    ("Militer Myanmar mengerahkan pasukan ke perbatasan.", "MOBILIZE", "troops", ("MMR", "MIL"), None),
    ("Kedua negara menandatangani perjanjian kerja sama pertahanan.", "AGREE", None, None, None),
    ("Pemerintah Indonesia mengirim bantuan kemanusiaan ke Myanmar.", "AID", None, ("IDN", "GOV"), None),
    ("Pasukan Israel menarik diri dari kota itu.", "RETREAT", "withdraw", ("ISR", "MIL"), None),
    ("Tentara Suriah yang didukung Rusia, melancarkan serangan terhadap ISIS.", "ASSAULT", None,
     ("SYR", "MIL"), (None, "REB")),
    ("Presiden Prancis dan Kanselir Jerman mengecam serangan itu.", "ACCUSE", "disapprove", ("FRA", "GOV"), None),
    ("Korea Utara mengancam akan meluncurkan rudal ke Jepang.", "THREATEN", None, ("PRK", None), ("JPN", None)),
])
def test_events_rules(nlp, text, type_, mode, actor, recipient):
    events = [e for e in _events(nlp, text) if e["type"] == type_]
    assert events, _events(nlp, text)
    ev = events[0]
    assert ev["mode"] == mode
    if actor is not None:
        assert (ev["actor"][0]["country"], ev["actor"][0]["sector"]) == actor
    if recipient is not None:
        assert (ev["recipient"][0]["country"], ev["recipient"][0]["sector"]) == recipient
    Event(**ev)  # the dict is a valid Record event


@pytest.mark.parametrize("text, trigger, negated, modality", [
    ("Israel belum membebaskan para tahanan itu.", "membebaskan", True, "asserted"),
    ("Polisi tidak menangkap siapa pun.", "menangkap", True, "asserted"),
    ("Kelompok itu berencana menyerang pos polisi.", "menyerang", False, "future"),
    ("Jika perundingan gagal, mereka akan menyerang kota itu.", "menyerang", False, "hypothetical"),
    ("Polisi menangkap dua orang.", "menangkap", False, "asserted"),
    # a promise of an act to come announces it; it has not happened
    ("Gubernur itu berjanji akan menata pedagang kaki lima.", "berjanji", False, "future"),
    ("Kedua menteri berjanji untuk memperkuat kerja sama pertahanan.", "berjanji", False, "future"),
])
def test_events_negation_and_modality(nlp, text, trigger, negated, modality):
    ev = next(e for e in _events(nlp, text) if e["trigger"]["text"] == trigger)
    assert (ev["negated"], ev["modality"]) == (negated, modality)


@pytest.mark.parametrize("text, type_", [
    ("Menteri itu akan bertemu dengan Presiden Prancis pekan depan.", "AGREE"),
    ("Rusia akan menarik pasukannya dari perbatasan bulan depan.", "CONCEDE"),
])
def test_events_future_cooperation_is_agree_or_concede(nlp, text, type_):
    assert type_ in [e["type"] for e in _events(nlp, text)]


@pytest.mark.parametrize("text, type_, mode", [
    # relief sent or handed out to those hit
    ("Kantor SAR Mataram mengirimkan 25 personel ke lokasi longsor.", "AID", None),
    ("Dinas Sosial membagikan masker kepada warga.", "AID", None),
    ("Tenda langsung dibagikan kepada para korban gempa oleh BPBD.", "AID", None),
    # a complaint to the police is an allegation; a curfew is coercion
    ("Warga melaporkan Bupati Sleman ke polisi dengan pasal penipuan.", "ACCUSE", "allege"),
    ("Pemerintah memberlakukan jam malam di Jayapura.", "COERCE", "curfew"),
    ("Pemerintah Indonesia mengevakuasi 26 WNI dari Kabul.", "AID", None),
    ("Pelaku menabrakkan mobilnya ke kerumunan demonstran.", "ASSAULT", None),
    # sheltering the displaced and bearing the costs of the injured are aid
    ("Bangladesh sudah menampung sekitar 400 ribu pengungsi Rohingya.", "AID", None),
    ("TNI AU menanggung biaya pengobatan para korban.", "AID", None),
    # an invasion and violence against a people are assaults
    ("Pasukan Soviet menginvasi Afghanistan.", "ASSAULT", None),
    ("Militer Myanmar melakukan kekerasan terhadap warga Rohingya.", "ASSAULT", None),
    # judging a plan well is support; reminding someone to do something is urging it
    ("MTI menilai positif rencana pemerintah itu.", "SUPPORT", None),
    ("MTI mengingatkan pemerintah untuk menjamin ketersediaan angkutan umum.", "REQUEST", None),
])
def test_events_relief_complaints_and_curfews(nlp, text, type_, mode):
    assert (type_, mode) in [(e["type"], e["mode"]) for e in _events(nlp, text)]


@pytest.mark.parametrize("text", [
    "Wartawan melaporkan bahwa hujan turun sejak pagi.",   # reporting news is no complaint
    "Humas membagikan siaran pers kepada wartawan.",       # a press release is no relief
    "Tim SAR gabungan mengevakuasi korban longsor ke rumah sakit.",  # rescue after a disaster: no politics
    "Pesawat itu menabrak gunung di Papua.",               # an accident, not an assault
    "Ia mengingatkan bahwa harga beras naik.",             # a reminder of a fact asks nothing
    "Bunuh diri bukan jalan keluar.",
    "Ia meninggal karena serangan jantung.",
    "Harga cabai naik di pasar itu.",
])
def test_events_no_event(nlp, text):
    assert _events(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Lima orang tewas dalam serangan itu.",
    "Baca juga: Polisi Tangkap Pelaku Penyerangan",
    "Kelompok itu berlatih untuk melakukan serangan di Eropa.",
    "Sistem rudal itu mampu melumpuhkan pesawat tempur.",
    "Mereka siap berdialog dengan pemerintah.",
    "Serangan ini, menurut militer, berkaitan dengan kelompok ekstremis.",
])
def test_events_background_mentions_are_skipped(nlp, text):
    assert _events(nlp, text) == []


def test_events_codes_cameo_and_quad(nlp):
    ev = _events(nlp, "Polisi menangkap tiga orang.")[0]
    assert (ev["cameo"], ev["quad"]) == ("173", 4)
    ev = _events(nlp, "Kedua menteri bertemu di Jakarta.")[0]
    assert (ev["type"], ev["cameo"], ev["quad"]) == ("CONSULT", "040", 1)


def test_events_sentence_index_and_trigger_offsets(nlp):
    text = "Cuaca cerah hari ini. Polisi menangkap dua orang di Medan."
    ev = _events(nlp, text)[0]
    assert ev["sentence"] == 1
    assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == "menangkap" == ev["trigger"]["text"]


def test_events_date_falls_back_to_publication(nlp):
    ev = _events(nlp, "Polisi menangkap dua orang.", published="2021-03-04")[0]
    assert (ev["date"], ev["date_source"]) == ("2021-03-04", "published")


def test_events_date_from_the_sentence(nlp):
    ev = _events(nlp, "Polisi menangkap dua orang pada 6 Januari 2022.", published="2022-01-13")[0]
    assert (ev["date"], ev["date_source"]) == ("2022-01-06", "text")


def test_events_location_from_the_clause(nlp):
    ev = _events(nlp, "Tentara Amerika menyerang sebuah markas di Suriah.")[0]
    assert ev["location"]["text"] == "Suriah"
    assert ev["location"]["country"] == "SYR"


def test_events_size_from_quantities(nlp):
    ev = _events(nlp, "Serangan bom itu menewaskan 12 orang.")[0]
    assert ev["type"] == "ASSAULT"
    assert ev["size"] == {"killed": 12}


@pytest.mark.parametrize("text, date, source", [
    ("Polisi menangkap dua orang pada Sabtu (9/12), kata Iqbal, Minggu (10/12).", "2017-12-09", "text"),
    ('"Dua pelaku tertangkap," kata Tito di Jakarta, Minggu (10/12).', "2017-12-11", "published"),
    ("Polisi menangkap dua orang pada pukul 07.15 WIB.", "2017-12-11", "text"),
])
def test_events_date_skips_the_date_of_a_report(nlp, text, date, source):
    ev = _events(nlp, text, published="2017-12-11")[0]
    assert (ev["date"], ev["date_source"]) == (date, source)


@pytest.mark.parametrize("text, type_, actor, recipient", [
    # a pronoun subject takes the previous sentence's actor
    ("Pasukan Rusia tiba di perbatasan. Mereka kemudian menyerang pos militer Ukraina.", "ASSAULT",
     ("RUS", "MIL"), ("UKR", "MIL")),
    # "kami" in a quote is its speaker
    ('"Kami menangkap dua penyelundup," kata juru bicara kepolisian Malaysia.', "COERCE", ("MYS", "COP"), None),
    # the subject of "menjalani" undergoes the event; its actor follows "oleh"
    ("Tersangka itu menjalani pemeriksaan oleh polisi Malaysia.", "ACCUSE", ("MYS", "COP"), ("MYS", "CRM")),
    # a suspect right after a passive verb is not its agent
    ("Tiga orang ditangkap terduga teroris di Jambi.", "COERCE", None, None),
    # coordinated subjects of a reciprocal event are its two sides
    ("Tentara Israel dan milisi Suriah terlibat pertikaian bersenjata.", "ASSAULT", ("ISR", "MIL"), ("SYR", "REB")),
    ("Oposisi Suriah dan pemerintah saling melempar tuduhan.", "ACCUSE", ("SYR", "OPP"), ("SYR", "GOV")),
    # national armed groups take their country, transnational ones none
    ("Koalisi Arab Saudi menyerang pemberontak Houthi di Sanaa.", "ASSAULT", "any", ("YEM", "REB")),
    ("Tentara Irak menyerang militan ISIS di Mosul.", "ASSAULT", ("IRQ", "MIL"), (None, "REB")),
    # an unqualified "Presiden" in Indonesian news is Indonesia's, even abroad
    ("Presiden akan mengunjungi Kabul pekan depan.", "AGREE", ("IDN", "GOV"), None),
    # the country visited hosts a visit
    ("Raja Arab Saudi melakukan kunjungan ke Moskow, Rusia.", "CONSULT", ("SAU", "GOV"), ("RUS", None)),
    # the one warned opens the "agar" clause
    ("Pemerintah Mesir memperingatkan agar Israel menghentikan serangan.", "THREATEN", ("EGY", "GOV"), ("ISR", None)),
    # the head noun of "yang (juga/kemudian) ditangkap" is the recipient
    ("Tersangka yang kemudian ditangkap polisi Malaysia itu berasal dari Aceh.", "COERCE", ("MYS", "COP"),
     ("MYS", "CRM")),
    # a fronted adverbial clause takes the subject after its comma
    ("Setelah menangkap tiga pengedar, polisi Malaysia menggelar jumpa pers.", "COERCE", ("MYS", "COP"), None),
    # "ke arah X" names the target of a shooting
    ("Polisi Kenya menembakkan gas air mata ke arah pengunjuk rasa.", "ASSAULT", ("KEN", "COP"), ("KEN", "CVL")),
])
def test_events_participants_through_pronouns_and_light_verbs(nlp, text, type_, actor, recipient):
    events = [e for e in _events(nlp, text) if e["type"] == type_]
    assert events, _events(nlp, text)
    ev = events[0]
    got_actor = (ev["actor"][0]["country"], ev["actor"][0]["sector"]) if ev["actor"] else None
    if actor != "any":
        assert got_actor == actor
    if recipient is not None:
        assert (ev["recipient"][0]["country"], ev["recipient"][0]["sector"]) == recipient


def test_events_dateline_place_after_the_outlet(nlp):
    text = "JUARA.NET, PUNE - Polisi India menangkap tiga pengunjuk rasa pada Senin."
    ev = _events(nlp, text)[0]
    loc = ev["location"]
    assert loc["country"] == "IND"
    assert text[loc["start"]:loc["end"]] == "PUNE"


def test_events_content_of_a_threat_is_not_coded(nlp):
    events = _events(nlp, "Korea Utara mengancam akan meluncurkan serangan nuklir ke Korea Selatan.")
    assert [e["type"] for e in events] == ["THREATEN"]


@pytest.mark.parametrize("text, type_, recipient", [
    ("Pasukan Suriah menguasai kota Raqqa pada Oktober.", "COERCE", None),
    ("Rusia mengerahkan pasukan ke perbatasan Ukraina.", "MOBILIZE", None),
    ("Ribuan warga Korea Utara menggelar demonstrasi anti - AS di Pyongyang.", "PROTEST", ("USA", None)),
])
def test_events_targetless_types_keep_only_a_partner_recipient(nlp, text, type_, recipient):
    ev = next(e for e in _events(nlp, text) if e["type"] == type_)
    got = (ev["recipient"][0]["country"], ev["recipient"][0]["sector"]) if ev["recipient"] else None
    assert got == recipient


def test_events_freeing_territory_is_a_seizure(nlp):
    ev = _events(nlp, "Pasukan Irak membebaskan wilayah Mosul dari ISIS.")[0]
    assert (ev["type"], ev["mode"]) == ("COERCE", "seize")
    ev = _events(nlp, "Israel membebaskan 20 tahanan Palestina.")[0]
    assert (ev["type"], ev["mode"]) == ("RETREAT", "release")


def test_events_keduanya_is_the_pair_of_the_last_two_sided_event(nlp):
    events = _events(nlp, "Presiden Rusia bertemu Presiden Prancis di Paris. Keduanya kemudian berdialog selama dua jam.")
    ev = next(e for e in events if e["trigger"]["text"] == "berdialog")
    assert (ev["actor"][0]["country"], ev["recipient"][0]["country"]) == ("RUS", "FRA")


def test_events_named_people_take_the_story_country_not_the_place(nlp):
    text = "Tentara Indonesia dan polisi Indonesia berjaga. Pria bernama Budi menyerang seorang warga di Dili, Timor Leste."
    ev = next(e for e in _events(nlp, text) if e["type"] == "ASSAULT")
    assert ev["actor"][0]["text"] == "Budi" and ev["actor"][0]["country"] == "IDN"
    assert ev["recipient"][0]["country"] == "TLS"


def test_events_armed_group_holding_people_is_an_abduction(nlp):
    ev = _events(nlp, "Kelompok ISIS menahan dua tentara Irak di Mosul.")[0]
    assert (ev["type"], ev["mode"]) == ("ASSAULT", "abduct")
    ev = _events(nlp, "Polisi Irak menahan dua anggota ISIS di Mosul.")[0]
    assert (ev["type"], ev["mode"]) == ("COERCE", "arrest")


def test_events_future_covers_coordinated_verbs(nlp):
    events = _events(nlp, "Presiden Prancis akan mengunjungi Jerman dan bertemu dengan Kanselir Jerman.")
    assert [(e["type"], e["modality"]) for e in events] == [("AGREE", "future"), ("AGREE", "future")]


def test_events_manner_verb_is_not_a_second_event(nlp):
    events = _events(nlp, "Pelaku sudah dilumpuhkan dengan ditembak di bagian kaki.")
    assert [e["type"] for e in events] == ["ASSAULT"]


def _side(ev, key):
    return (ev[key][0]["country"], ev[key][0]["sector"]) if ev[key] else None


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # a people noun takes the country of the place it comes from ("asal", "dari"), and a
    # later bare mention of the same noun keeps it
    ("Lima nelayan asal Indonesia ditangkap polisi Malaysia. Para nelayan itu kini ditahan di Penang.",
     "ditahan", None, ("IDN", "AGR")),
    ("Ratusan pengungsi dari Myanmar ditangkap di perbatasan Bangladesh.", "ditangkap", None, ("MMR", "REF")),
    # a pronoun undergoer refers back to the previous undergoer, not to the previous actor
    ("Polisi Malaysia menangkap empat nelayan Indonesia. Mereka kini ditahan di Penang.",
     "ditahan", None, ("IDN", "AGR")),
    # the agent inside a passive relative clause is not the subject of the main verb
    ("Pasukan Suriah dan milisi yang didukung Iran melancarkan serangan ke desa itu.", "serangan",
     ("SYR", "MIL"), None),
    ("Tentara Irak yang dipimpin oleh jenderal Amerika menyerang kota itu.", "menyerang", ("IRQ", "MIL"), None),
    # who died in an attack is its target
    ("Sepuluh warga sipil tewas dalam serangan udara Rusia di Suriah.", "serangan udara", ("RUS", None),
     ("SYR", "CVL")),
    ("Sepuluh warga sipil, termasuk dua anak, tewas dalam serangan Rusia di Suriah.", "serangan", ("RUS", None),
     ("SYR", "CVL")),
])
def test_events_participant_rules(nlp, text, trigger, actor, recipient):
    ev = next(e for e in _events(nlp, text) if e["trigger"]["text"] == trigger)
    assert _side(ev, "actor") == actor
    assert _side(ev, "recipient") == recipient


@pytest.mark.parametrize("text, triggers", [
    # a passive relative clause, adverbs and all, describes its head noun
    ("Barang yang telah disita polisi dibawa ke Jakarta.", []),
    ("Rancangan undang-undang yang tengah dibahas di DPR itu cukup panjang.", []),
    # after a quantifier the relative clause is headless and reports the event
    ("Di kota itu banyak yang sudah ditangkap polisi.", ["ditangkap"]),
])
def test_events_passive_relative_clause_is_background(nlp, text, triggers):
    assert [e["trigger"]["text"] for e in _events(nlp, text)] == triggers


def _events_with_ents(nlp, text, ents):
    """Events with the named entities ``ents`` ((text, label) pairs) set as the NER would."""
    from spacy.tokens import Span

    doc = nlp.make_doc(text)
    doc._.published = "2022-01-13"
    for name, proc in nlp.pipeline:
        if name == "entity_resolver":
            spans = []
            for ent_text, label in ents:
                at = text.index(ent_text)
                spans.append(doc.char_span(at, at + len(ent_text), label=label))
            doc.ents = spans
        doc = proc(doc)
    return doc._.events


@pytest.mark.parametrize("text, ents, trigger, side, expected", [
    # a name the NER cut short before an organisation is the organisation's office
    ("Duta besar itu menemui Kepala Urusan Politik PBB di New York.", [], "menemui", "recipient", ("UNO", "IGO")),
    ("Korea Utara menuding DK PBB menutup mata.", [("DK", "PER")], "menuding", "recipient", ("UNO", "IGO")),
    # a transnational group keeps no country when the NER adds a region to its name
    ("Tentara Afghanistan menyerang ISIS Asia Tengah di Kunar.", [("ISIS Asia Tengah", "ORG")], "menyerang",
     "recipient", (None, "REB")),
])
def test_events_organisations_and_groups_from_entities(nlp, text, ents, trigger, side, expected):
    ev = next(e for e in _events_with_ents(nlp, text, ents) if e["trigger"]["text"] == trigger)
    assert _side(ev, side) == expected


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # "keempatnya" is the last group counted with the same number, however far back
    ("Polisi Malaysia menangkap empat nelayan Indonesia. Kapal mereka kecil. Cuaca saat itu buruk. "
     "Angin bertiup kencang. Keempatnya kini ditahan di Penang.", "ditahan", None, ("IDN", "AGR")),
    # coordinated verbs share their object
    ("Polisi Thailand menangkap dan memulangkan paksa 20 pengungsi Rohingya ke Myanmar.", "menangkap",
     ("THA", "COP"), ("MMR", "REF")),
    # the international community is a participant of no country
    ("Masyarakat internasional mengecam serangan itu.", "mengecam", (None, None), None),
    # the agent of another passive verb is not the agent of an event noun
    ("Korea Utara terus melakukan uji coba rudal meski dikecam oleh masyarakat internasional.", "uji coba rudal",
     ("PRK", None), None),
    # the source of a report is not a participant
    ("Pejabat Suriah itu, sebagaimana diberitakan Xinhua, juga mendesak Rusia bertindak.", "mendesak",
     ("SYR", "GOV"), ("RUS", None)),
])
def test_events_participants_reference_and_sources(nlp, text, trigger, actor, recipient):
    ev = next(e for e in _events(nlp, text) if e["trigger"]["text"] == trigger)
    assert _side(ev, "actor") == actor
    assert _side(ev, "recipient") == recipient


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # a partner after a comma or in a purpose clause belongs to another predicate
    ("Israel membebaskan tahanan Palestina, untuk ditukar dengan seorang tentara Amerika.", "membebaskan",
     ("ISR", None), ("PSE", "CVL")),
    ("Korea Utara menuding Amerika Serikat memicu ketegangan, dengan berlatih bersama Jepang.", "menuding",
     ("PRK", None), ("USA", None)),
    # plural by reduplication is the same sector noun
    ("Di Caracas, orang-orang turun ke jalan menentang pemerintah Venezuela.", "turun ke jalan",
     ("VEN", "CVL"), None),
    ("Di Caracas, anak - anak turun ke jalan menentang pemerintah Venezuela.", "turun ke jalan",
     ("VEN", "CVL"), None),
    # a concessive clause without a subject shares the main clause's subject
    ("Iran terus menguji rudal meski telah dikecam Prancis.", "dikecam", ("FRA", None), ("IRN", None)),
    # "mendapat X dari Y", "mendapat sanksi Y": the subject receives, Y gives
    ("Pemberontak Suriah mendapat bantuan dari tentara Amerika Serikat.", "mendapat bantuan",
     ("USA", "MIL"), ("SYR", "REB")),
    ("Iran telah mendapat sanksi PBB sejak 2006.", "sanksi", ("UNO", "IGO"), ("IRN", None)),
])
def test_events_participants_partners_plurals_and_receivers(nlp, text, trigger, actor, recipient):
    ev = next(e for e in _events(nlp, text) if e["trigger"]["text"] == trigger)
    assert _side(ev, "actor") == actor
    assert _side(ev, "recipient") == recipient


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # coordinated verbs share the subject; the object of the first is not the second's subject,
    # and the partner of the second is not the first's
    ("Kanselir Jerman akan mengunjungi Rusia dan bertemu dengan presiden terpilih Amerika Serikat.", "bertemu",
     ("DEU", "GOV"), ("USA", "GOV")),
    ("Kanselir Jerman akan mengunjungi Rusia dan bertemu dengan presiden terpilih Amerika Serikat.",
     "mengunjungi", ("DEU", "GOV"), ("RUS", None)),
    # a third-person pronoun opening a reported clause is the reporter
    ("Tentara Filipina tiba di Marawi. Pemerintah Malaysia menyebut mereka akan menyerang militan Abu Sayyaf.",
     "menyerang", ("MYS", "GOV"), None),
])
def test_events_participants_of_coordinated_and_reported_verbs(nlp, text, trigger, actor, recipient):
    ev = next(e for e in _events(nlp, text) if e["trigger"]["text"] == trigger)
    assert _side(ev, "actor") == actor
    if recipient is not None:
        assert _side(ev, "recipient") == recipient


@pytest.mark.parametrize("text, triggers", [
    # ability before an active verb is a capacity; before a passive, a success
    ("Rudal baru itu dapat melumpuhkan kapal perang.", []),
    ("Pelaku akhirnya dapat dilumpuhkan polisi.", ["dilumpuhkan"]),
    # an attempt before a passive has not succeeded; before an active verb it is an act
    ("Pria itu melawan saat berusaha ditangkap.", []),
    ("Dua pria berusaha membakar pos polisi.", ["membakar"]),
    # an obligation put on others is a demand (REQUEST, tested below); a duty is no act
    ("Mereka harus disalahkan atas krisis itu.", ["disalahkan"]),
    ("Polisi yang bertugas mengamankan aksi itu berjumlah seratus orang.", []),
])
def test_events_ability_attempt_and_duty(nlp, text, triggers):
    assert [e["trigger"]["text"] for e in _events(nlp, text)] == triggers


@pytest.mark.parametrize("text, types", [
    # "dalam/akibat + event noun" first reports only violence and protest, where people die
    ("Seratus orang tewas dalam aksi protes anti - India di Srinagar.", ["PROTEST"]),
    ("Tidak ada agenda khusus dalam kunjungan Presiden Prancis di Bali.", []),
    # a tourist visit is no political visit
    ("Raja dan rombongan akan melakukan kunjungan wisata di Bali.", []),
])
def test_events_framing_nouns_and_tourist_visits(nlp, text, types):
    assert [e["type"] for e in _events(nlp, text)] == types


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # "bagi" marks who gets what is given or imposed
    ("Uni Eropa akan mengumumkan sanksi ekonomi baru bagi Iran.", "sanksi", ("EUR", "IGO"), ("IRN", None)),
    # ... but not the beneficiary of a request's content
    ("Jepang meminta jaminan Amerika Serikat bagi keamanan Tokyo.", "meminta", ("JPN", None), ("USA", None)),
    # people nouns: a celebrity is a civilian
    ("Penangkapan terhadap selebritas asal Bandung itu dilakukan polisi.", "Penangkapan", ("IDN", "COP"),
     ("IDN", "CVL")),
])
def test_events_beneficiaries_and_people_nouns(nlp, text, trigger, actor, recipient):
    ev = next(e for e in _events(nlp, text) if e["trigger"]["text"] == trigger)
    assert _side(ev, "actor") == actor
    assert _side(ev, "recipient") == recipient


def test_events_ordinal_after_a_noun_is_not_a_pronoun(nlp):
    text = "Sejak Korea Utara meluncurkan uji coba rudal keenamnya, Jepang waspada."
    ev = next(e for e in _events(nlp, text) if e["type"] == "MOBILIZE")
    assert _side(ev, "actor") == ("PRK", None)


@pytest.mark.parametrize("text, trigger, actor_text, actor", [
    # a relative clause closed by a comma: the noun before it is the subject
    ("Pelaku, yang merupakan paman korban, terus melawan dan berupaya menyerang polisi.", "menyerang",
     "Pelaku", None),
    # the reporter of "X, yang ..., mengatakan pada Selasa bahwa mereka ..." is X
    ("China, yang merupakan pesaing Amerika Serikat, mengatakan pada Selasa bahwa mereka mendukung Myanmar.",
     "mendukung", "mereka", ("CHN", None)),
])
def test_events_subject_before_a_relative_clause(nlp, text, trigger, actor_text, actor):
    ev = next(e for e in _events(nlp, text) if e["trigger"]["text"] == trigger)
    assert ev["actor"][0]["text"] == actor_text
    if actor is not None:
        assert _side(ev, "actor") == actor


@pytest.mark.parametrize("text, expected", [
    # a plural by reduplication is one event
    ("Amerika Serikat akan mengumumkan sanksi - sanksi ekonomi baru bagi Iran.", [("SANCTION", None)]),
    # refusing food is a hunger strike, not a rejection
    ("Ratusan tahanan Palestina menolak makan sejak April.", [("PROTEST", "hunger")]),
    # "X mengklaim mereka menahan ...": the claimant is "mereka", an armed group holding soldiers
    ("Hamas mengklaim mereka menahan dua tentara Israel.", [("ASSAULT", "abduct")]),
])
def test_events_plurals_hunger_strikes_and_claims(nlp, text, expected):
    assert [(e["type"], e["mode"]) for e in _events(nlp, text)] == expected


@pytest.mark.parametrize("text, trigger, actor", [
    # "sejak Juni lalu" is a date, not a subordinate clause cutting off the subject
    ("Pasukan Suriah yang didukung Iran, sejak Juni lalu, meningkatkan pemboman di Deraa.", "pemboman",
     ("SYR", "MIL")),
    # "oleh tim X": the agent after a word that leads it
    ("Ketiga tersangka itu menjalani pemeriksaan oleh tim Densus 88 di Jambi.", "pemeriksaan", ("IDN", "COP")),
    # a fronted clause with a light verb takes the subject after its comma
    ("Usai melakukan penangkapan terhadap dua pengedar, polisi Malaysia menggelar jumpa pers.", "penangkapan",
     ("MYS", "COP")),
])
def test_events_actor_through_dates_agent_leads_and_fronted_clauses(nlp, text, trigger, actor):
    ev = next(e for e in _events(nlp, text) if e["trigger"]["text"] == trigger)
    assert _side(ev, "actor") == actor


def test_events_owner_of_the_target_is_the_recipient(nlp):
    ev = _events(nlp, "Kapal perang Amerika Serikat menembakkan 59 rudal ke pangkalan udara milik Suriah.")[0]
    assert (ev["type"], _side(ev, "actor"), _side(ev, "recipient")) == ("ASSAULT", ("USA", None), ("SYR", None))


def test_events_singular_pronoun_is_a_person_not_a_state(nlp):
    text = ("Utusan khusus Antonio Guterres tiba di Seoul. Korea Utara menembakkan rudal ke laut. "
            "Dia mengecam uji coba itu.")
    ev = next(e for e in _events(nlp, text) if e["trigger"]["text"] == "mengecam")
    assert ev["actor"][0]["canonical"] == "Antonio Guterres"


@pytest.mark.parametrize("text, expected", [
    # refusing to negotiate is REJECT:meet
    ("Iran menyatakan tidak akan pernah menegosiasikan program rudalnya.", [("REJECT", "meet")]),
    ("Pemerintah Thailand tidak berunding dengan pemberontak.", [("REJECT", "meet")]),
    # warning shots threaten
    ("Polisi melepaskan tembakan peringatan ke udara.", [("THREATEN", "violence")]),
    # "mengancam jiwa" endangers, it threatens no one
    ("Asap kebakaran itu mengancam jiwa warga.", []),
    # being put on a blacklist, intercepting, persuading
    ("Dewan Keamanan PBB memasukkan bank itu ke dalam daftar hitam.", [("SANCTION", None)]),
    ("Angkatan laut Korea Selatan mencegat kapal itu.", [("COERCE", "seize")]),
    ("Polisi berupaya membujuk pelaku agar menyerah.", [("REQUEST", None)]),
    # "dijatuhi sanksi": the subject receives the sanction
    ("Iran sudah dijatuhi sanksi sejak 2006.", [("SANCTION", None)]),
    # a verb after a degree word is an adjective
    ("Dia punya masalah yang lebih mendesak.", []),
])
def test_events_lexicon_refusals_warnings_and_adjectives(nlp, text, expected):
    assert [(e["type"], e["mode"]) for e in _events(nlp, text)] == expected


def test_events_sanctioned_subject_is_the_recipient(nlp):
    ev = _events(nlp, "Iran sudah dijatuhi sanksi oleh PBB sejak 2006.")[0]
    assert (_side(ev, "actor"), _side(ev, "recipient")) == (("UNO", "IGO"), ("IRN", None))


@pytest.mark.parametrize("text, expected", [
    ("Polisi masih mendalami keterangan tersangka itu.", [("ACCUSE", "investigate")]),
    ("Tentara Irak mengepung kota Mosul.", [("COERCE", "restrict")]),
    ("Aparat gencar menangkapi para pengedar narkoba.", [("COERCE", "arrest")]),
    # reinforcements are troops, not aid
    ("Pasukan Suriah mengirim bala bantuan ke perbatasan.", [("MOBILIZE", "troops")]),
    ("Korea Utara melayangkan ancaman kepada Jepang.", [("THREATEN", None)]),
])
def test_events_lexicon_investigation_siege_and_reinforcements(nlp, text, expected):
    assert [(e["type"], e["mode"]) for e in _events(nlp, text)] == expected


def test_events_a_bank_is_a_business(nlp):
    ev = _events(nlp, "Amerika Serikat menjatuhkan sanksi terhadap bank Iran itu.")[0]
    assert (ev["type"], _side(ev, "recipient")) == ("SANCTION", ("IRN", "BUS"))


def test_events_universities_are_education(nlp):
    ev = _events(nlp, "Kepolisian Malaysia bekerja sama dengan beberapa universitas.")[0]
    assert (ev["type"], _side(ev, "actor"), _side(ev, "recipient")) == ("COOPERATE", ("MYS", "COP"), ("MYS", "EDU"))


@pytest.mark.parametrize("text, trigger, actor_text", [
    # a sentence that opens with a subordinator takes the subject after the comma
    ("Selain menyerang dengan senjata tajam, pelaku sempat melempar batu.", "menyerang", "pelaku"),
    # the head of "yang ... melakukan aksi X" is X's actor, through the determiner "aksi"
    ("Ratusan tahanan Palestina yang masih melakukan aksi mogok makan dipindahkan.", "mogok makan",
     "tahanan Palestina"),
])
def test_events_subject_of_fronted_and_relative_clauses(nlp, text, trigger, actor_text):
    ev = next(e for e in _events(nlp, text) if e["trigger"]["text"] == trigger)
    assert ev["actor"][0]["text"] == actor_text


# --- issue 16: happenings, modality, political sense, new triggers (sentences written for these tests) ---

def _asserted(events):
    return [e for e in events if e["modality"] == "asserted" and not e["negated"]]


def test_events_one_event_per_happening(nlp):
    text = ("Polisi menangkap Andi Saputra di Bandung pada Senin (10/1). Penangkapan tersebut berlangsung cepat. "
            "Di Garut, polisi menangkap Budi Hartono pada Selasa (11/1).")
    coerce = [e for e in _happenings(nlp, text) if e["type"] == "COERCE"]
    assert len(coerce) == 2, coerce  # Andi's arrest twice (one happening), Budi's once
    assert len(coerce[0]["mentions"]) == 2 and coerce[0]["mentions"][0]["trigger"] == coerce[0]["trigger"]
    assert len(coerce[1]["mentions"]) == 1


@pytest.mark.parametrize("text, type_, modality", [
    ("Apakah polisi menangkap pelaku itu?", "COERCE", "question"),
    ("Jika warga menyerang pos itu, polisi bertindak.", "ASSAULT", "hypothetical"),
    ("Kami harus menyerang lebih dulu, kata komandan itu.", "ASSAULT", "obligation"),
    ("Menteri itu akan mengunjungi Jepang pekan depan.", "AGREE", "future"),
])
def test_events_modality(nlp, text, type_, modality):
    found = [e for e in _events(nlp, text) if e["type"] == type_]
    assert found and found[0]["modality"] == modality


@pytest.mark.parametrize("text", [
    "Para tahanan politik itu harus dibebaskan, kata aktivis HAM.",   # a demand put on others
    "Dunia harus menghentikan serangan terhadap warga sipil.",
])
def test_events_obligation_on_others_is_request(nlp, text):
    assert "REQUEST" in {e["type"] for e in _asserted(_events(nlp, text))}


def test_events_refusal_is_reject(nlp):
    found = _asserted(_events(nlp, "Presiden enggan bertemu dengan pemimpin oposisi."))
    assert [e["type"] for e in found] == ["REJECT"]


@pytest.mark.parametrize("text", [
    "Banjir bandang itu merusak ratusan rumah warga.",      # nature
    "Pesawat itu menabrak gunung di Papua.",                 # an accident
    "Indonesia mengamankan 144 suara di Majelis Umum PBB.",  # winning votes, not an arrest
])
def test_events_political_sense_only(nlp, text):
    assert [e for e in _events(nlp, text) if e["type"] in ("ASSAULT", "COERCE")] == []


@pytest.mark.parametrize("text, type_", [
    ("Kodam membantah pernyataan kelompok bersenjata itu.", "REJECT"),
    ("Menteri berterima kasih kepada negara-negara sahabat.", "SUPPORT"),
    ("Pemerintah mengevakuasi 26 warga negara Indonesia dari Kabul.", "AID"),
    ("Ledakan itu menewaskan tiga polisi.", "ASSAULT"),
    ("Kapolri memerintahkan Polda mengambil alih penyidikan kasus itu.", "ACCUSE"),
    ("Gubernur menghadiri rapat bersama para bupati.", "CONSULT"),
    ("KTT itu dihadiri oleh para kepala negara dari 30 negara.", "CONSULT"),
    ("Pemerintah menghimbau warga agar tidak mendekati lokasi.", "REQUEST"),
    ("Gubernur dan istrinya diciduk KPK dalam operasi tangkap tangan.", "COERCE"),
    ("Polisi berhasil membongkar sindikat penyebar berita bohong itu.", "ACCUSE"),
    ("Bupati itu dicegah ke luar negeri oleh KPK.", "SANCTION"),
    ("Kementerian menghentikan aliran dana untuk organisasi pemuda itu.", "SANCTION"),
    ("Palang Merah menurunkan personelnya ke lokasi kecelakaan.", "MOBILIZE"),
    ("Dinas Kesehatan menerjunkan empat unit ambulans ke lokasi longsor.", "AID"),
    ("Pemerintah menerjunkan 200 personel polisi ke lokasi unjuk rasa.", "MOBILIZE"),
    ("Ketua yayasan itu disangkakan melakukan penipuan oleh penyidik Polda.", "ACCUSE"),
    ("Bendahara partai dipersangkakan melakukan pencucian uang.", "ACCUSE"),
    ("Perusahaan itu menghibahkan dua bus kepada pemerintah kota.", "AID"),
    # withholding a permission is a refusal; granting it an agreement; defying and disappointment
    ("Pimpinan KPK memutuskan untuk tidak memberi izin kepada penyidik itu.", "REJECT"),
    ("Pemerintah tidak mengizinkan kapal asing masuk ke perairan Natuna.", "REJECT"),
    ("Pemerintah mengizinkan kapal asing masuk ke perairan Natuna.", "AGREE"),
    ("Penyidik itu membangkang kepada pimpinan KPK.", "REJECT"),
    ("Keluarga korban kecewa atas vonis hakim itu.", "ACCUSE"),
    # hoping that others act is an appeal
    ("Warga berharap agar pemerintah segera memperbaiki tanggul itu.", "REQUEST"),
    # swearing one did not do it is a denial; swearing to act a threat
    ("Ketua DPR itu bersumpah tidak terlibat dalam kasus korupsi itu.", "REJECT"),
    ("Kelompok bersenjata itu bersumpah akan membalas serangan tentara.", "THREATEN"),
    # taking a country out of an accord is a withdrawal
    ("Presiden itu menarik negaranya dari kesepakatan iklim Paris.", "RETREAT"),
    ("Amerika Serikat keluar dari perjanjian nuklir dengan Iran.", "RETREAT"),
    # declining to comment or explain is a refusal
    ("Juru bicara kejaksaan enggan berkomentar soal penahanan itu.", "REJECT"),
    ("Bupati itu enggan menjelaskan lebih lanjut soal pemeriksaan tersebut.", "REJECT"),
    # welcoming, thanks and awards praise; urging with a clause requests; tracing a motive investigates
    ("Wali Kota menyambut positif rencana pemerintah pusat membangun jembatan.", "SUPPORT"),
    ("Usulan itu disambut baik oleh fraksi-fraksi di DPRD.", "SUPPORT"),
    ("Bupati mengucapkan terima kasih kepada pemerintah provinsi.", "SUPPORT"),
    ("Presiden menganugerahkan Bintang Mahaputera kepada tiga mantan menteri.", "SUPPORT"),
    ("Gubernur menyerahkan penghargaan kepada lima kepala desa.", "SUPPORT"),
    ("Kedua menteri mendorong Thailand dan Kamboja untuk segera berunding.", "REQUEST"),
    ("Polisi masih menelusuri motif pelaku pembakaran kantor partai.", "ACCUSE"),
    # the occurrence verb before the event noun reports it
    ("Saat itu tengah berlangsung rapat koordinasi di kantor bupati.", "CONSULT"),
    ("Sejak pagi berlangsung pertemuan antara menteri dan para bupati di Jakarta.", "CONSULT"),
])
def test_events_new_triggers(nlp, text, type_):
    assert type_ in {e["type"] for e in _events(nlp, text)}


@pytest.mark.parametrize("text, type_", [
    # cutting relations, stopping a prosecution, admitting guilt
    ("Pemerintah Arab Saudi memutus hubungan diplomatik dengan Qatar.", "SANCTION"),
    ("Kejaksaan Negeri menghentikan penuntutan perkara pencemaran nama baik itu.", "RETREAT"),
    ("Mantan bupati itu mengaku bersalah di hadapan majelis hakim.", "CONCEDE"),
    ("Kepala dinas itu mengakui kesalahannya kepada para guru honorer.", "CONCEDE"),
    ("Bupati itu akhirnya mengalah kepada tuntutan para petani.", "CONCEDE"),
    # advising others to act is an appeal; a demanded sentence is a charge
    ("Ombudsman menyarankan pemerintah daerah untuk membuka data bantuan sosial.", "REQUEST"),
    ("Kedua terdakwa dituntut delapan tahun penjara oleh jaksa penuntut umum.", "ACCUSE"),
    # leaving a session in protest; a law passed; someone thrown in jail
    ("Tiga fraksi walk out dari sidang paripurna DPRD.", "PROTEST"),
    ("Dua fraksi melakukan walkout dari sidang paripurna DPRD.", "PROTEST"),
    ("Jaksa menuntut terdakwa hukuman mati atas pembunuhan itu.", "ACCUSE"),
    # pleading not guilty is a denial
    ("Mantan bupati itu mengaku tidak bersalah di hadapan majelis hakim.", "REJECT"),
    # people freed, whatever place follows them; a territory freed is taken
    ("Pemerintah membebaskan tahanan politik Papua.", "RETREAT"),
    ("Pasukan Irak membebaskan seluruh kota Mosul dari ISIS.", "COERCE"),
    ("DPR mengesahkan RUU Penyiaran dalam sidang paripurna.", "AGREE"),
    ("Rancangan itu akhirnya disahkan menjadi undang-undang oleh DPR.", "AGREE"),
    ("Wartawan itu dijebloskan ke penjara oleh junta militer.", "COERCE"),
    # people freed, not a place: release
    ("Pemerintah membebaskan tahanan politik asal Maluku.", "RETREAT"),
    # charged under an article, with counts, or caught up in a case
    ("Tersangka pengedar sabu itu dijerat Pasal 112 Undang-Undang Narkotika.", "ACCUSE"),
    ("Penyidik menjerat tersangka dengan pasal penyalahgunaan wewenang.", "ACCUSE"),
    ("Pengusaha itu dituntut dengan tujuh dakwaan di pengadilan federal.", "ACCUSE"),
    ("Mantan menteri itu juga terjerat kasus pengadaan alat kesehatan.", "ACCUSE"),
    # a not-guilty plea in other words
    ("Di depan wartawan, bupati itu menyatakan tidak bersalah dalam kasus suap.", "REJECT"),
    ("Terdakwa menyatakan diri tidak bersalah atas semua dakwaan.", "REJECT"),
    # weapons fired or tested without a target: a show of force
    ("Militer negara itu menembakkan tiga peluru kendali ke laut lepas.", "MOBILIZE"),
    ("Angkatan udara menguji rudal barunya di gurun.", "MOBILIZE"),
    ("Negara itu meluncurkan rudal ke Laut Jepang pagi ini.", "MOBILIZE"),
    # a suspect questioned is investigated; a subject discussed with the other side is a meeting
    ("Setya diperiksa sebagai tersangka oleh penyidik KPK.", "ACCUSE"),
    ("Menteri itu membahas kerja sama energi dengan Perdana Menteri Jepang.", "CONSULT"),
    # support withdrawn from a candidate
    ("Partai itu mencabut dukungannya untuk calon gubernur petahana.", "SANCTION"),
    # ... but fired at someone, an attack
    ("Iran meluncurkan puluhan rudal ke arah Israel semalam.", "ASSAULT"),
    ("Iran menembakkan rudal balistik ke pangkalan militer Amerika di Irak.", "ASSAULT"),
    ("Ribuan buruh menggelar \"mogok nasional\" di kawasan industri.", "PROTEST"),
    ("Pasukan pemberontak menduduki pos polisi di perbatasan kota itu.", "COERCE"),
    ("Kapal perang itu menembakkan rudal ke pangkalan udara milik Suriah.", "ASSAULT"),
])
def test_events_relations_prosecutions_confessions_and_laws(nlp, text, type_):
    assert type_ in {e["type"] for e in _events(nlp, text)}


@pytest.mark.parametrize("text", [
    "Ia mengaku sudah lama tinggal di Bandung.",          # admitting a fact is no confession of guilt
    "Dokumen itu sah secara hukum.",                      # valid is not passed
    "Dewan Keamanan mengesahkan rancangan resolusi itu.",  # only laws and budgets: a resolution is not coded
    "Ia menyarankan sebuah buku tentang sejarah Banten.",  # advising a thing asks nobody to act
    "Ia mengaku tidak bersalah dalam kasus suap itu.",    # a not-guilty plea is no confession
])
def test_events_relations_prosecutions_confessions_and_laws_negatives(nlp, text):
    assert not {e["type"] for e in _events(nlp, text)} & {"CONCEDE", "AGREE", "REQUEST"}


@pytest.mark.parametrize("text, unwanted", [
    # a demand for a heavy sentence, or a layoff, is no prosecution and no sanction
    ("Mahasiswa menuntut hukuman berat bagi pelaku korupsi.", "ACCUSE"),
    ("Warga menuntut pemerintah membangun penjara baru di kota itu.", "ACCUSE"),
    ("Perusahaan itu memutus hubungan kerja 300 karyawan.", "SANCTION"),
    # questioned as a witness, or discussing among oneself: no accusation and no meeting
    ("Bupati itu diperiksa KPK sebagai saksi untuk tersangka lain.", "ACCUSE"),
    ("Komisi II membahas anggaran proyek itu pekan lalu.", "CONSULT"),
    # holding an office is no occupation; a word set in quotation marks of its own is a figure of speech
    ("Kini ia menduduki jabatan wakil bendahara umum partai itu.", "COERCE"),
    ('Presiden menyebut kesepakatan itu sebagai "pemerkosaan" terhadap negaranya.', "ASSAULT"),
    # a demand made forcefully is no charge; a test of a material is no weapons test
    ("Warga menuntut dengan keras agar jalan desa segera diperbaiki.", "ACCUSE"),
    ("Mahasiswa teknik menguji roket air buatan mereka di lapangan kampus.", "MOBILIZE"),
    ("Pabrik itu melakukan pemutusan hubungan kerja terhadap buruhnya.", "SANCTION"),
])
def test_events_demands_and_layoffs_are_no_charges_or_sanctions(nlp, text, unwanted):
    assert unwanted not in {e["type"] for e in _events(nlp, text)}


@pytest.mark.parametrize("text, type_", [
    # "tak lama kemudian" (soon after), "tidak hanya" (not only): the negator denies nothing
    ("Ia dilaporkan ke polisi dan tak lama kemudian ditetapkan sebagai tersangka.", "ACCUSE"),
    ("Polisi tidak hanya menangkap pelaku itu.", "COERCE"),
])
def test_events_negator_idioms_leave_the_act_asserted(nlp, text, type_):
    found = [e for e in _events(nlp, text) if e["type"] == type_]
    assert found and not found[0]["negated"]


def test_events_not_at_all_negates(nlp):
    # "tak sedikit pun" is "not at all": the idiom word followed by "pun" negates
    found = [e for e in _events(nlp, "Aparat keamanan tak sedikit pun menyerang warga sipil.") if e["type"] == "ASSAULT"]
    assert found and found[0]["negated"]


@pytest.mark.parametrize("text", [
    "Pyongyang meluncurkan rudal ke Zona Ekonomi Eksklusif Jepang.",  # a sea zone: a test, not an attack
    "Korut menembakkan rudal ke lepas pantai timur Jepang.",
])
def test_events_missiles_into_sea_zones_are_no_attack(nlp, text):
    assert "ASSAULT" not in {e["type"] for e in _events(nlp, text)}


@pytest.mark.parametrize("text", [
    "Polisi tidak berhenti melakukan penyelidikan terhadap jaringan teroris itu.",
    "Para aktivis tak henti-hentinya mengecam kebijakan pemerintah.",
    "Kejaksaan tidak pernah berhenti memeriksa saksi kasus itu.",
])
def test_events_not_stopping_leaves_the_act_asserted(nlp, text):
    # the negator denies the stopping, not the act after it
    found = _events(nlp, text)
    assert found and all(not e["negated"] for e in found)


def test_events_negator_before_the_act_still_negates(nlp):
    found = _events(nlp, "Polisi tidak melakukan penyelidikan terhadap laporan itu.")
    assert found and all(e["negated"] for e in found)


def test_events_hoping_for_oneself_is_no_request(nlp):
    assert "REQUEST" not in {e["type"] for e in _events(nlp, "Menteri itu berharap bisa hadir dalam rapat.")}


@pytest.mark.parametrize("text", [
    "Perusahaan menarik seluruh karyawan dari lokasi kerja.",      # staff out of a workplace, no accord
    "Pengunjung tidak diizinkan membawa kamera ke dalam museum.",  # a rule, nobody refusing
    "Tim SAR menelusuri sungai untuk mencari korban.",             # searching a river, no investigation
    "Pelatih itu kecewa dengan hasil pertandingan.",               # a match result
])
def test_events_narrow_triggers_need_their_objects(nlp, text):
    assert not [e for e in _events(nlp, text) if e["type"] in ("RETREAT", "REJECT", "ACCUSE")]


def test_events_pushing_a_thing_is_no_request(nlp):
    assert "REQUEST" not in {e["type"] for e in _events(nlp, "Warga mendorong mobil polisi yang mogok.")}


@pytest.mark.parametrize("text", [
    "Masyarakat menengah ke atas cenderung menahan konsumsinya.",   # holding back spending, no arrest
    "Investor menahan uang mereka di bank.",
])
def test_events_holding_back_is_no_arrest(nlp, text):
    assert not [e for e in _events(nlp, text) if e["type"] == "COERCE"]


def test_events_occurrence_verb_before_a_noun_that_refers_back(nlp):
    # an occurrence verb first, but "tersebut" points back to an attack told before: no new attack
    found = _events(nlp, "Polisi menyelidiki mengapa terjadi pembakaran tersebut.")
    assert [e["type"] for e in found] == ["ACCUSE"]



def test_events_meeting_held_is_reported(nlp):
    # holding a meeting ("menyelenggarakan", like "menggelar") reports it
    text = "Kamar Dagang hari ini menyelenggarakan rapat koordinasi dengan para gubernur di Jakarta."
    assert [e for e in _events(nlp, text) if e["type"] == "CONSULT" and e["modality"] == "asserted"]


def test_events_in_order_to_is_an_aim(nlp):
    # "dalam rangka mendukung": in order to support, an aim, not a happening
    text = "Perusahaan itu ikut berpartisipasi dalam rangka mendukung kegiatan Hari Antikekerasan."
    assert not [e for e in _events(nlp, text) if e["type"] == "SUPPORT" and e["modality"] == "asserted"]


@pytest.mark.parametrize("text, trigger, actor", [
    # a meeting named as the setting of a statement took place, and the one speaking took part
    ('"Anggaran itu sudah cukup," kata Menteri Keuangan Sri Mulyani dalam rapat kerja bersama Komisi XI DPR.',
     "rapat", "Sri Mulyani"),
    ('"Harga beras masih terkendali," ujar Gubernur Ridwan Kamil seusai rapat koordinasi di Bandung.',
     "rapat koordinasi", "Ridwan Kamil"),
    ('"Investasi daerah terus tumbuh," kata Gubernur Rudi Hartono di sela-sela rapat koordinasi dengan para bupati.',
     "rapat koordinasi", "Rudi Hartono"),
])
def test_events_meeting_as_setting_of_statement(nlp, text, trigger, actor):
    found = [e for e in _events(nlp, text) if e["type"] == "CONSULT" and e["trigger"]["text"] == trigger]
    assert found and found[0]["modality"] == "asserted"
    assert any(actor in a["text"] for a in found[0]["actor"])


@pytest.mark.parametrize("text, setting", [
    ("Menteri itu tiba dalam rapat kerja bersama Komisi XI DPR.", "dalam rapat"),     # no statement in the sentence
    ('Kedua pihak bertemu di Jakarta. "Kami sepakat," kata Budi dalam rapat itu.', "dalam rapat"),  # referred back
    ('Para menteri menggelar rapat di Jakarta. "Kami sepakat," kata Budi seusai rapat.', "seusai rapat"),  # told before
    # a meeting inside the reported clause, or one not attended, is no setting of the statement
    ("Pemerintah menyatakan bahwa rencana itu dibatalkan saat rapat paripurna.", "saat rapat"),
    ("Budi mengatakan ia tidak hadir dalam rapat kemarin karena sakit.", "dalam rapat"),
])
def test_events_meeting_as_setting_needs_a_first_mention_in_a_statement(nlp, text, setting):
    at = text.index(setting)
    assert not [e for e in _events(nlp, text) if e["type"] == "CONSULT" and e["trigger"]["start"] > at]
