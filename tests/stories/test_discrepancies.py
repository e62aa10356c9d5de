"""Merged facts and discrepancies of a story: numbers, dates, places, speakers."""

from __future__ import annotations

import pytest

from warta.record import Actor, Event, Location, Quantity, Quote, Record, Speaker, TextSpan
from warta.stories import merge


def _qty(text: str, surface: str, value: float, counted: str, modifier: str = "exact") -> Quantity:
    s = text.index(surface)
    return Quantity(start=s, end=s + len(surface), text=surface, value=value, counted=counted, modifier=modifier)


def _rec(rid: str, outlet: str, text: str, **kw) -> Record:
    return Record(id=rid, outlet=outlet, url=f"https://{outlet}/{rid}", published="2024-06-01", text=text, **kw)


@pytest.mark.slow
def test_discrepancy_between_two_team_articles_with_different_death_tolls(team, team_records):
    a, b = team_records[team.FLOOD_TOLL_12["url"]], team_records[team.FLOOD_TOLL_15["url"]]
    flags = merge.discrepancies([a, b], {})
    numbers = [f for f in flags if f["kind"] == "number"]
    assert len(numbers) == 1
    flag = numbers[0]
    assert flag["what"] == "people (dead)" and flag["consistent"] is False
    assert set(flag["articles"]) == {a.id, b.id}
    by_article = {i["article_id"]: i for i in flag["items"]}
    # a count's span is its numeral phrase, classifier included ("12 orang"), the rest follows it
    for rec, number in ((a, "12 orang"), (b, "15 orang")):
        item = by_article[rec.id]
        assert item["text"] == number and rec.text[item["start"]:item["end"]] == number
        assert item["anchor"].startswith("qty-") and item["after"].lstrip().startswith("tewas")


@pytest.mark.slow
def test_no_discrepancy_between_two_team_articles_that_agree(team, team_records):
    a, c = team_records[team.FLOOD_TOLL_12["url"]], team_records[team.FLOOD_AGREES["url"]]
    assert merge.discrepancies([a, c], {}) == []


@pytest.mark.slow
def test_merged_quotes_join_the_same_words_of_one_speaker_across_outlets(team, team_records):
    a, b = team_records[team.FLOOD_TOLL_12["url"]], team_records[team.FLOOD_TOLL_15["url"]]
    quotes = merge.merged_quotes([a, b], {})
    shared = [q for q in quotes if q["num_articles"] == 2]
    assert len(shared) == 1 and shared[0]["speaker"] == "Andi Saputra"
    assert {s["outlet"] for s in shared[0]["sources"]} == {"kabarsatu.example", "beritadua.example"}


def test_numbers_of_one_counted_thing_under_synonyms_are_compared():
    # the example: "more than 2,000 soldiers" and "2,030 troops" differ but can both be right
    ta = "Lebih dari 2.000 tentara dikerahkan ke perbatasan."
    tb = "Sebanyak 2.030 pasukan dikerahkan ke perbatasan."
    a = _rec("n1", "satu.example", ta, quantities=[_qty(ta, "Lebih dari 2.000", 2000, "tentara", "more_than")])
    b = _rec("n2", "dua.example", tb, quantities=[_qty(tb, "2.030", 2030, "pasukan")])
    [flag] = merge.discrepancies([a, b], {})
    assert flag["kind"] == "number" and flag["what"] == "soldiers" and flag["consistent"] is True
    assert [i["text"] for i in flag["items"]] == ["Lebih dari 2.000", "2.030"]
    c = _rec("n3", "tiga.example", tb.replace("2.030", "2.000"),
             quantities=[_qty(tb.replace("2.030", "2.000"), "2.000", 2000, "prajurit")])
    assert merge.discrepancies([a, c], {}) == []  # 2,000 and "more than 2,000" share a value


def test_general_nouns_are_compared_only_with_what_happened_to_them():
    ta, tb = "Sebanyak 40 orang mengikuti rapat.", "Sebanyak 25 orang hadir di balai desa."
    a = _rec("g1", "satu.example", ta, quantities=[_qty(ta, "40", 40, "orang")])
    b = _rec("g2", "dua.example", tb, quantities=[_qty(tb, "25", 25, "orang")])
    assert merge.discrepancies([a, b], {}) == []
    tc, td = "Sebanyak 4 orang luka-luka dalam tabrakan itu.", "Tabrakan itu membuat 6 orang luka-luka."
    c = _rec("g3", "satu.example", tc, quantities=[_qty(tc, "4", 4, "orang")])
    d = _rec("g4", "dua.example", td, quantities=[_qty(td, "6", 6, "orang")])
    [flag] = merge.discrepancies([c, d], {})
    assert flag["what"] == "people (injured)"


def test_same_words_different_speakers_is_flagged_and_one_speaker_under_two_names_is_not():
    words = '"Kami akan mengusut tuntas kasus penganiayaan ini sampai pelakunya tertangkap,"'

    def said(rid, outlet, who):
        text = f"{words} kata {who} di Mapolres."
        s, w = text.index(who), 0
        return _rec(rid, outlet, text, quotes=[Quote(start=0, end=len(words), text=words, kind="direct",
                                                     speaker=Speaker(start=s, end=s + len(who), text=who,
                                                                     canonical=who, label="PER"))])

    a, b = said("s1", "satu.example", "Komisaris Budi Santoso"), said("s2", "dua.example", "Ajun Komisaris Rina Dewi")
    [flag] = merge.discrepancies([a, b], {})
    assert flag["kind"] == "speaker" and flag["articles"] == ["s1", "s2"]
    assert [i["value"] for i in flag["items"]] == ["Komisaris Budi Santoso", "Ajun Komisaris Rina Dewi"]
    c = said("s3", "tiga.example", "Budi Santoso")
    assert merge.discrepancies([a, c], {}) == []
    assert merge.merged_quotes([a, c], {})[0]["num_articles"] == 2


def _arrest(rid: str, outlet: str, date: str, place: tuple) -> Record:
    text = "Polisi menangkap dua tersangka pembobol bank."
    s = text.index("menangkap")
    ev = Event(type="COERCE", cameo="173", sentence=0, trigger=TextSpan(start=s, end=s + 9, text="menangkap"),
               actor=[Actor(text="Polisi", canonical="Polisi")], recipient=[Actor(text="tersangka")],
               location=Location(text=place[0], canonical=place[0], country="IDN", lat=place[1], lon=place[2]),
               date=date, date_source="text")
    return _rec(rid, outlet, text, events=[ev])


def test_one_happening_with_different_dates_or_places_is_flagged():
    medan, binjai, surabaya = ("Medan", 3.59, 98.67), ("Binjai", 3.60, 98.49), ("Surabaya", -7.25, 112.75)
    a = _arrest("e1", "satu.example", "2024-06-01", medan)
    b = _arrest("e2", "dua.example", "2024-05-31", surabaya)
    flags = {f["kind"]: f for f in merge.discrepancies([a, b], {})}
    assert set(flags) == {"date", "place"}
    assert [i["value"] for i in flags["date"]["items"]] == ["2024-06-01", "2024-05-31"]
    assert [i["anchor"] for i in flags["place"]["items"]] == ["event-0", "event-0"]
    # 20 km apart and the same day: no flag
    c = _arrest("e3", "tiga.example", "2024-06-01", binjai)
    assert merge.discrepancies([a, c], {}) == []
    [h] = merge.happenings([a, b, c], {})
    assert (h.num_mentions, h.num_articles, h.num_sources) == (3, 3, 3)


def test_a_happening_counts_every_mention_and_the_parties_named_at_any():
    """An event stands for all its mentions in its article (Event.mentions, issue 16)."""
    from warta.export.gdelt import event_to_gdelt
    from warta.record import EventMention

    text = "Aparat menangkap dua tersangka. Penangkapan oleh Polda Sumut itu berlangsung malam hari."
    first, later = text.index("menangkap"), text.index("Penangkapan")
    ev = Event(type="COERCE", cameo="173", sentence=0, trigger=TextSpan(start=first, end=first + 9, text="menangkap"),
               actor=[Actor(text="Aparat")],
               mentions=[EventMention(sentence=0, trigger=TextSpan(start=first, end=first + 9, text="menangkap"),
                                      actor=[Actor(text="Aparat")]),
                         EventMention(sentence=1, trigger=TextSpan(start=later, end=later + 11, text="Penangkapan"),
                                      actor=[Actor(text="Polda Sumut", canonical="Polda Sumut")])])
    a = _rec("h1", "satu.example", text, events=[ev])
    tb = "Polda Sumut menangkap dua tersangka pembobol bank."
    s = tb.index("menangkap")
    b = _rec("h2", "dua.example", tb, events=[Event(
        type="COERCE", cameo="173", sentence=0, trigger=TextSpan(start=s, end=s + 9, text="menangkap"),
        actor=[Actor(text="Polda Sumut", canonical="Polda Sumut")])])
    [h] = merge.happenings([a, b], {})  # joined by the name read at a's second mention
    assert (h.num_mentions, h.num_articles, h.num_sources) == (3, 2, 2)
    assert merge.event_counts([a, b], {})[("h1", 0)] == (3, 2, 2)
    assert event_to_gdelt(a, ev, 0)["NumMentions"] == 2  # alone: its own mentions, one article


def test_merged_entities_union_names_by_identity():
    ta, tb = "Jokowi meninjau bendungan.", "Joko Widodo meresmikan bendungan."
    from warta.record import Entity

    a = _rec("m1", "satu.example", ta, entities=[Entity(start=0, end=6, text="Jokowi", label="PER", canonical="Jokowi")])
    b = _rec("m2", "dua.example", tb,
             entities=[Entity(start=0, end=11, text="Joko Widodo", label="PER", canonical="Joko Widodo")])
    ids = {"Jokowi": 7, "Joko Widodo": 7}
    [e] = merge.merged_entities([a, b], ids)
    assert e["entity_id"] == 7 and e["articles"] == 2 and e["names"] == ["Joko Widodo", "Jokowi"]
    assert len(merge.merged_entities([a, b], {})) == 2
