"""The word classes of ``warta/lang`` as the sets the rule components test words against.

``warta/lang`` keeps each class of words once, by what the words are
(pronouns, conjunctions, titles, ...); a rule often needs a part of a class
("third-person pronouns", "pronouns that can be a subject"). Those parts are
selected here, once, from the class files, so two components never keep two
copies of one class that drift apart.
"""

from __future__ import annotations

from ..lang import load_json

# ---- time words (lang/time_words.json) -----------------------------------------------------------
_TIME_WORDS = load_json("time_words")
#: "senin" .. "minggu", "jum'at", "ahad"
WEEKDAYS: frozenset[str] = frozenset(_TIME_WORDS["weekdays"])

# ---- pronouns (lang/pronouns.json) ---------------------------------------------------------------
_PRONOUNS = load_json("pronouns")
_PERSONAL: dict[str, dict] = _PRONOUNS["personal"]


def _personal(person=None, number=None, forms=("free",)) -> frozenset[str]:
    return frozenset(w for w, f in _PERSONAL.items() if (person is None or f["person"] == person)
                     and (number is None or f["number"] == number) and f.get("form", "free") in forms)


#: every personal pronoun, the reflexive "dirinya" and the clitic "-nya" included
PERSONAL_PRONOUNS: frozenset[str] = frozenset(_PERSONAL)
#: "saya", "aku", "kami", "kita"
FIRST_PERSON: frozenset[str] = _personal(person=1)
#: "ia", "dia", "beliau", "mereka"
THIRD_PERSON: frozenset[str] = _personal(person=3)
#: "ia", "dia", "beliau": one person
THIRD_PERSON_SINGULAR: frozenset[str] = _personal(person=3, number="sg")
#: "pihaknya" and the counted pro-forms, with their number ("keduanya": 2); None for "pihaknya"
PRO_FORMS: dict[str, int | None] = dict(_PRONOUNS["pro_forms"])
#: "ketiganya" .. "kesepuluhnya" -> (number word, digits): the group counted with that number before
COUNTED_PRO_FORMS: dict[str, tuple[str, str]] = {w: (w[2:-3], str(n)) for w, n in PRO_FORMS.items()
                                                  if n is not None and n >= 3}
#: words that stand as a clause's subject for someone named before: the free pronouns and the pro-forms.
#: Not "dirinya": as a subject ("X mengatakan dirinya ...") it was measured to resolve worse than the
#: clause's own actor rules (IndoSum 300: 3 of 5 events lost their right actor)
SUBJECT_PRONOUNS: frozenset[str] = _personal() | frozenset(PRO_FORMS)


# ---- organisations (lang/organisations.json) -----------------------------------------------------
_ORGS = load_json("organisations")
#: first words of organisation names as written, general and institution heads ("Kementerian", "RSUD")
ORG_HEADS: frozenset[str] = frozenset(_ORGS["heads"]) | frozenset(_ORGS["institution_heads"])
#: the same, lower-cased, and the heads of an organisation only in lower case ("tim"), for words compared in lower case
ORG_HEADS_LOWER: frozenset[str] = frozenset(h.lower() for h in ORG_HEADS) | frozenset(_ORGS["lower_case_heads"])
#: heads of institutions named after a place or a body, as lower-case word tuples (("rsud",), ("kantor", "sar"))
INSTITUTION_HEADS: frozenset[tuple[str, ...]] = frozenset(tuple(h.lower().split()) for h in _ORGS["institution_heads"])


# ---- prepositions (lang/prepositions.json) -------------------------------------------------------
_PREPOSITIONS = load_json("prepositions")
#: "di", "ke", "dari": where, whither, whence
PLACE_PREPOSITIONS: frozenset[str] = frozenset(_PREPOSITIONS["directional"])
#: "di", "ke", "dari", "pada", "dalam"
LOCATIVE_PREPOSITIONS: frozenset[str] = PLACE_PREPOSITIONS | frozenset(_PREPOSITIONS["static"])
#: "di", "ke", "dari", "menuju": the words before a place name
BEFORE_PLACE: frozenset[str] = PLACE_PREPOSITIONS | frozenset(_PREPOSITIONS["motion"])
#: "dengan", "terhadap", "melawan", ...: the other side of an act
PARTNER_PREPOSITIONS: frozenset[str] = frozenset(_PREPOSITIONS["partner"])
#: "dalam", "akibat": what an event is reported in or from
CAUSE_PREPOSITIONS: frozenset[str] = frozenset(_PREPOSITIONS["cause"])
#: "ke", "terhadap", "menuju", "kepada": what weapons are fired at
AIM_PREPOSITIONS: frozenset[str] = frozenset(_PREPOSITIONS["aim"])
#: "untuk", "di", "dari", "ke", "bagi", "pada", "dengan"
CORE_PREPOSITIONS: frozenset[str] = frozenset(_PREPOSITIONS["core"])
#: "dan", "untuk", "dari", "bagi", "atas", "&": words inside a long organisation name
NAME_LINKS: frozenset[str] = frozenset(_PREPOSITIONS["name_links"])

# ---- conjunctions (lang/conjunctions.json) -------------------------------------------------------
_CONJUNCTIONS = load_json("conjunctions")
#: "setelah", "ketika", "meski", ...: open an adverbial clause
SUBORDINATORS: frozenset[str] = frozenset(_CONJUNCTIONS["subordinators"])
#: "untuk", "guna", "agar", "supaya", "buat": open a clause of aim
PURPOSE_CONJUNCTIONS: frozenset[str] = frozenset(_CONJUNCTIONS["purpose"]) | frozenset(_CONJUNCTIONS["so_that"])
#: "agar", "supaya": the one asked or warned opens the clause after them
SO_THAT: frozenset[str] = frozenset(_CONJUNCTIONS["so_that"])
#: "dan", "serta"
AND_WORDS: frozenset[str] = frozenset(_CONJUNCTIONS["additive"])

# ---- determiners (lang/determiners.json) ---------------------------------------------------------
_DETERMINERS = load_json("determiners")
#: "itu", "ini", "tersebut": end a noun phrase
DEMONSTRATIVES: frozenset[str] = frozenset(_DETERMINERS["demonstratives"])
#: the demonstratives and "tadi", "serupa", "sebelumnya": refer back to an event told before
ANAPHORIC: frozenset[str] = DEMONSTRATIVES | frozenset(_DETERMINERS["anaphoric"])
#: "banyak", "sebagian", "semua", "ada", "sedikit"
QUANTIFIERS: frozenset[str] = frozenset(_DETERMINERS["quantifiers"])
#: "aksi", "serangkaian", "puluhan", ...: before an event noun
EVENT_DETERMINERS: frozenset[str] = frozenset(_DETERMINERS["event_determiners"])
#: words that open a noun phrase naming more than one ("para pekerja", "sejumlah warga")
PLURAL_MARKERS: frozenset[str] = frozenset(_DETERMINERS["plural_markers"])
#: "mereka": third person plural pronouns
THIRD_PERSON_PLURAL: frozenset[str] = _personal(person=3, number="pl")

# ---- adverbs (lang/adverbs.json) -----------------------------------------------------------------
_ADVERBS = load_json("adverbs")
#: "juga", "telah", "berhasil", ...: between a subject and its verb
PRE_VERBAL_ADVERBS: frozenset[str] = frozenset(_ADVERBS["pre_verbal"])
#: "telah", "sudah", "sempat", ...: between a relative "yang" and its verb
ASPECT_ADVERBS: frozenset[str] = frozenset(_ADVERBS["aspect"])
#: the aspect adverbs and "kemudian", "lalu": between two coordinated verbs
SEQUENCE_ADVERBS: frozenset[str] = ASPECT_ADVERBS | frozenset(_ADVERBS["sequence"])

# ---- people: titles and roles (lang/titles.json) -------------------------------------------------
_TITLES = load_json("titles")
#: "terduga", "tersangka", "terdakwa", "terpidana", "buronan"
LEGAL_STATUS: frozenset[str] = frozenset(_TITLES["legal_status"])
#: "pengacara", "istri", "ajudan", ...: people by their tie to someone
RELATIONS: frozenset[str] = frozenset(_TITLES["relations"])
#: "putra", "sultan", "mayor", ...: title words that are also first names
NAME_LIKE_TITLES: frozenset[str] = frozenset(_TITLES["name_like"])
OFFICE_UNITS: frozenset[str] = frozenset(_TITLES["office_units"])
#: "menteri", "mendagri", "kapolres", ...: words that open a title and are no first names
TITLE_ONLY_HEADS: frozenset[str] = frozenset(_TITLES["heads"]) - NAME_LIKE_TITLES
#: "berinisial", "tersangka", "yakni", ...: an all-caps short word after them is a person's initials
INITIAL_CUES: frozenset[str] = frozenset(_TITLES["initial_cues"])
#: ("alias",), ("akrab", "disapa"), ...: between a name and another name of the same person, in file order
ALIAS_CUES: tuple[tuple[str, ...], ...] = tuple(tuple(c.split()) for c in _TITLES["alias_cues"])
#: ("yang", "akrab", "disapa"), ...: the same after a short description ("Armantha, pria yang akrab disapa Tata")
DESCRIBED_ALIAS_CUES: tuple[tuple[str, ...], ...] = tuple(tuple(c.split()) for c in _TITLES["described_alias_cues"])
#: ("sapaan", "akrab"), ...: between a nickname and the full name it stands for ("Danny, sapaan akrab Ramdhan Pomanto")
REVERSED_ALIAS_CUES: tuple[tuple[str, ...], ...] = tuple(
    sorted((tuple(c.split()) for c in _TITLES["reversed_alias_cues"]), key=len, reverse=True))
#: "daerah", "resor", "dinas", "negeri", ...: a long form with one names a body with regional branches
REGIONAL_WORDS: frozenset[str] = frozenset(_ORGS["regional_words"])
#: "tim", "pihak", "jajaran", "aparat": between a passive verb and its agent
AGENT_LEADS: frozenset[str] = frozenset(_ORGS["agent_leads"])

# ---- places (lang/facilities.json) ---------------------------------------------------------------
_FACILITIES = load_json("facilities")
#: "bandara", "kota", "desa", ...: a place written after a name with this head is a place of its own
FACILITY_SPLIT_HEADS: frozenset[str] = frozenset(_FACILITIES["split_heads"])
#: "kota", "wilayah", "kawasan", "provinsi", "kabupaten", "negara"
AREA_NOUNS: frozenset[str] = frozenset(_FACILITIES["area_nouns"])
#: "pinggiran", "tepi", "sebelah", ...: the part of a place
PLACE_PARTS: frozenset[str] = frozenset(_FACILITIES["place_parts"])

# ---- number words (lang/number_words.json) -------------------------------------------------------
_NUMBER_WORDS = load_json("number_words")
#: "dolar", "dollar", "us$", "usd": the one-word names of the US dollar, written before or after an amount
DOLLAR_WORDS: frozenset[str] = frozenset(
    w for table in ("currencies_before", "currencies_after") for w, code in _NUMBER_WORDS[table].items()
    if code == "USD" and w.isascii() and " " not in w and any(c.isalpha() for c in w))

# ---- verbs (lang/verbs.json) and reporting cues (lang/quote_cues.json) ---------------------------
_VERBS = load_json("verbs")
#: "dilakukan", "dilancarkan", "dipimpin", ...: passive verbs that carry an act done by an agent
PASSIVE_LIGHT_VERBS: frozenset[str] = frozenset(_VERBS["passive_light"])
#: "enggan", "menolak", "bersedia", ...
REFUSAL_WORDS: frozenset[str] = frozenset(_VERBS["refusal"])
#: "bentrok", "pertempuran", "pertikaian", "perang": heads of a predicate the two sides do to each other
RECIPROCAL_HEADS: tuple[str, ...] = tuple(_VERBS["reciprocal"])
_CUES = load_json("quote_cues")
#: "dikutip", "dilansir", "kutip", ...: introduce the source of a report
SOURCE_WORDS: frozenset[str] = frozenset(_CUES["source_cuts"]) | frozenset(_CUES["source_bases"])

# ---- modifiers (lang/modifiers.json) -------------------------------------------------------------
#: "perang", "tempur", "selam", ...: after a vehicle or weapon noun they make it military
MILITARY_MODIFIERS: frozenset[str] = frozenset(load_json("modifiers")["military"])
