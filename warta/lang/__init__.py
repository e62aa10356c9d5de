"""Indonesian language data: word lists and tables as plain files, no logic.

Plain lists (``.txt``: one entry per line, ``#`` starts a comment; some use
TAB-separated columns, described in the file's header):

  abbreviations.txt             abbreviations whose full stop never ends a sentence (segmenter)
  academic_degrees.txt          degrees after a name ("S.H."): never an entity or part of one (entity_resolver)
  abbreviations_final.txt       abbreviations that may end one before a sentence opener (tokenizer, segmenter)
  actor_sectors.txt             sector nouns -> PLOVER sector codes (events ontology)
  corpus_common_words.txt       words IndoSum writes in lower case and seldom capitalises (CC BY-SA), written by
                                `warta train gazetteers`; capitalised as a sentence's first word no name (entity_resolver)
  dbpedia_org_words.txt         one-word organisation names of the Indonesian DBpedia (CC BY-SA), written by
                                `warta train gazetteers`; an untagged one is an ORG (entity_resolver)
  event_ability_words.txt       words of ability: before an active verb no event, before a passive a success (events)
  event_actor_modifiers.txt     words between a sector noun and its country ("pasukan keamanan X") (events)
  event_attempt_words.txt       words of attempt: before a passive the act has not happened (events)
  event_cessation_words.txt     verbs of stopping: a negator before them leaves the act asserted (events)
  event_permission_words.txt    roots of permitting: negated, a permission withheld is a refusal (events)
  event_background_words.txt    words before an event noun that make it background (events)
  event_clause_boundaries.txt   words that start a new clause; actors are not sought across them (events)
  event_common_capitalised.txt  capitalised words that are not names, used without NER (events)
  event_conditional.txt         words that make an event hypothetical (events)
  event_countries.txt           country names and short forms that babel lacks -> ISO alpha-3 (events ontology)
  event_countryless_actors.txt  actors that stand for no one state ("masyarakat internasional") (events)
  event_degree_words.txt        degree words: a verb form after them is an adjective, no event (events)
  event_domestic_titles.txt     titles that, with no country given, name an Indonesian office holder (events)
  event_freed_people.txt        people held: after an active "membebaskan" a release, not a freed territory (events)
  event_future.txt              words before a trigger that make an event future (events)
  event_promise_verbs.txt       verbs of promising: with "akan"/"untuk" after them, a future act (events)
  event_irrealis_words.txt      words before a verb that make it a wish, ability or aim, not an event (events)
  event_light_verbs.txt         verbs that carry an event noun ("melakukan penangkapan") (events)
  event_locative_words.txt      words before a name that make it a place (events)
  event_national_groups.txt     armed and political groups of one country -> ISO alpha-3 (events)
  event_negators.txt            words before a trigger that negate it (events)
  event_naming_words.txt        words that name or liken before a quoted term: a trigger quoted after them is a figure of speech (events)
  event_negator_idioms.txt      words after a negator that make it no negation ("tak lama", "tidak hanya") (events)
  event_nonpolitical_subjects.txt  nature, vehicles, diseases, markets: as a subject they make no event (events)
  event_obligation.txt          modal words of obligation: a modality, or a REQUEST put on others (events)
  event_question_words.txt      words opening a question: the event is asked about (events)
  event_occurrence_verbs.txt    verbs after an event noun that report the event ("terjadi") (events)
  event_report_words.txt        words that introduce who reported something (events)
  event_setting_words.txt       words after which a meeting is the setting of a statement ("dalam", "seusai") (events)
  event_size_words.txt          words around a number that give an event's size (events)
  event_open_waters.txt         open waters: weapons fired into them hit nobody, a test, not an attack (events)
  event_stateless_groups.txt    armed groups with no country (events)
  event_targetless.txt          event types/modes with no recipient unless a partner preposition names one (events)
  event_triggers.txt            event triggers -> PLOVER type[:mode] and CAMEO code (events ontology)
  event_undergo_verbs.txt       light verbs whose subject undergoes the event noun (events)
  event_victim_words.txt        words after a mention that make it a victim (events)
  non_entities.txt              products, diseases, variants, groups of citizens: never an entity (entity_resolver)
  law_heads.txt                 first words of law and regulation references: such an entity is dropped (entity_resolver)
  vehicle_heads.txt             words before a train's or ship's name ("KA", "KM"): a named vehicle is no entity (entity_resolver)
  function_words.txt            frequent function words (language check, quotes, events)
  function_words_en.txt         frequent English function words (language check)
  igo.txt                       international organisations -> short code and CAMEO actor code
  news_agencies.txt             news agencies and broadcasters: outlets, not organisations, in rankings (store identity)
  iso3_fips.txt                 ISO 3166 alpha-3 -> FIPS 10-4 country codes (GDELT export)
  outlets.txt                   one-word outlet names that may open a dateline (segmenter)
  outlet_cues.txt               words after which a lower-case outlet name is the outlet ("dikonfirmasi kumparan") (entity_resolver)
  place_event_words.txt         election and disaster words before a place name ("Pilkada Jawa Timur") (geo)
  place_prefixes_id.txt         first words that only Indonesian place names carry (geo)
  place_stoplist.txt            GeoNames names that are common words in Indonesian news (geo)
  quote_titles.txt              title and role words dropped from speaker names (quotes, quote scorer)
  related_links.txt             words opening a "Baca juga:" line: nothing in it is a fact of the article (builder)
  sentence_starters.txt         words that open a sentence after a weak abbreviation (segmenter), never a one-word name there (entity_resolver)

Alias table (``aliases.tsv``: alias TAB name shown): other names of one entity (store identity).

Tables (``.json``; each says what it holds in a ``_comment``/``_doc``/``_about`` key):

  adverbs.json        adverbs by where they stand: before a verb, after a relative "yang", between verbs (events,
                      through components._lexicon)
  admin_id.json       province (GeoNames admin1) and regency of Indonesian places, generated by
                      scripts/build_admin_data.py (geo, archive filters, GDELT export)
  cameo_goldstein.json  GDELT's CAMEO code -> Goldstein scale table (as in the gdelt-py 0.1.11 wheel, MIT) (GDELT export)
  conjunctions.json   conjunctions by what they join: subordinators, purpose, "dan"/"serta" (events, entity_resolver,
                      through components._lexicon)
  ages.json           words that make "N tahun" an age (quantities, timex)
  countries.json      country names, metonyms and points, generated by scripts/build_geo_data.py (geo)
  country_forms.json  hand-kept press forms of country names (input to scripts/build_geo_data.py)
  demonyms.json       nationality nouns and words (geo)
  determiners.json    demonstratives, anaphoric words, quantifiers, determiners of event nouns (events, quotes,
                      entity_resolver, through components._lexicon)
  districts_id.json   hand-kept districts -> regency, and the 2022 provinces -> the one they were split from
                      (input to scripts/build_admin_data.py)
  facilities.json     heads of named facilities, streets and buildings ("Bandara", "Rutan"), and lower-case heads
                      written before a place name ("jalan", "gunung") (entity_resolver)
  modifiers.json      noun modifiers by what they say: military ("kapal perang") (events, through components._lexicon)
  morphology.json     verb prefixes by voice, meN- nasal forms, words that only look prefixed,
                      prefixes written with a hyphen ("di-PHK") (warta.morphology: tokenizer, quotes, events, quantities)
  number_words.json   number words, scales, currencies and units, vague counts, score words (quantities, timex, events)
  organisations.json  organisation heads, heads of institutions named after a place ("RSUD", "Polres"), and
                      acronyms with long forms (entity_resolver, quotes, store identity)
  place_exonyms.json  Indonesian exonyms of foreign places (input to scripts/build_geo_data.py)
  prepositions.json   prepositions by what they mark: place, partner, cause, inside long names (events, entity_resolver,
                      quotes, through components._lexicon)
  pronouns.json       personal pronouns (person, number, reflexive/clitic form) and pro-forms ("pihaknya",
                      "keduanya", ...) (quotes, events, through components._lexicon)
  places.json         gazetteer generated by scripts/build_geo_data.py (geo)
  plover.json         PLOVER types, modes and CAMEO codes (events ontology, store, CLI)
  provinces_id.json   Indonesian provinces (input to scripts/build_geo_data.py)
  quote_cues.json     reporting cues and speaker word classes (quotes)
  regencies_id.json   Indonesian regencies and their seat towns (input to scripts/build_geo_data.py)
  verbs.json          verbs by what they do in a clause: passive light verbs, refusal, reciprocal heads (events,
                      through components._lexicon)
  story_counts.json   counted nouns and state words: which numbers of two articles count the same thing (stories)
  time_words.json     months, weekdays, relative and duration words (timex)
  titles.json         titles and roles of people, legal status, relations, initial and alias cues (entity_resolver,
                      geo, events)

``load_lines(name)`` reads ``name.txt`` in file order, ``load_wordset(name)``
the same lower-cased as a set, ``load_json(name)`` reads ``name.json``. All
are cached: every caller shares one copy.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


def _path(filename: str):
    return resources.files(__name__).joinpath(filename)


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Entries of ``name.txt`` in file order, comments and blanks dropped."""
    text = _path(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()  # a whole-line comment leaves "", dropped like a blank
        if line:
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=None)
def load_wordset(name: str) -> frozenset[str]:
    """Lower-cased entries of ``name.txt`` as a set."""
    return frozenset(x.lower() for x in load_lines(name))


@lru_cache(maxsize=None)
def load_json(name: str):
    """Parsed ``name.json``."""
    return json.loads(_path(f"{name}.json").read_text(encoding="utf-8"))
