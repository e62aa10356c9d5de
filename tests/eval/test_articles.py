"""``warta eval articles``: the scoring section of ANNOTATION.md, on a team-written article with known answers.

The article, its gold and warta's "predictions" below are all written for this
test, so every count is known by hand.
"""

import json

import pytest

from warta.cli import main
from warta.eval import articles as ev
from warta.eval.article_offsets import indosum_gold_path

TEXT = (
    "JAKARTA, KOMPAS.com - Menteri Sosial Rina Marlina mengunjungi korban banjir di Kabupaten Garut pada "
    "Senin (3/1/2022) pukul 09.30 WIB.\n"
    "\"Kami mengirim dua ribu paket bantuan hari ini,\" kata Rina kepada wartawan.\n"
    "Bupati Garut Asep Hidayat mengatakan bahwa sekitar 1.200 rumah terendam air setinggi satu meter.\n"
    "Polisi menangkap tiga orang yang menjarah toko pada malam itu.\n"
    "Warga berharap pemerintah segera memperbaiki tanggul yang jebol pekan lalu."
)

GOLD = {
    "entities": {"PER": ["Rina Marlina", "Asep Hidayat"], "ORG": ["Kementerian Sosial"], "LOC": ["Jakarta", "Garut"]},
    "aliases": [["Kemensos", "Kementerian Sosial"]],
    "quotes": [
        {"kind": "direct", "contains": "mengirim dua ribu paket bantuan", "speaker": "Rina Marlina"},
        {"kind": "indirect", "contains": "sekitar 1.200 rumah terendam air", "speaker": "Asep Hidayat"},
        {"kind": "indirect", "contains": "pemerintah segera memperbaiki tanggul", "speaker": "Warga"},
    ],
    "times": [
        {"text": "Senin (3/1/2022) pukul 09.30 WIB", "value": "2022-01-03T09:30"},
        {"text": "hari ini", "value": "2022-01-03"},
        {"text": "malam itu", "value": "2022-01-03TNI"},
        {"text": "pekan lalu", "value": "2021-W52"},
    ],
    "quantities": [
        {"text": "dua ribu paket", "value": 2000},
        {"text": "sekitar 1.200 rumah", "value": 1200, "modifier": "about"},
        {"text": "tiga orang", "value": 3},
        {"text": "satu meter", "value": 1, "unit": "m"},
    ],
    "events": [
        {"type": "CONSULT", "alt_types": ["AID"], "trigger": "mengunjungi", "actor_country": "IDN"},
        {"type": "COERCE", "trigger": "menangkap", "actor_country": "IDN"},
        {"type": "REQUEST", "trigger": "berharap pemerintah", "actor_country": "IDN"},
    ],
}


def span(text, sub, **extra):
    i = TEXT.index(sub)
    return {"start": i, "end": i + len(sub), "text": sub, **extra}


def sentences():
    out, start = [], 0
    for line in TEXT.split("\n"):
        out.append({"start": start, "end": start + len(line)})
        start += len(line) + 1
    return out


def speaker(text, canonical=None):
    return span(TEXT, text, canonical=canonical or text, label="PER")


def event(type_, trigger, sentence, **extra):
    return {"type": type_, "sentence": sentence, "trigger": span(TEXT, trigger), **extra}


PRED = {
    "text": TEXT,
    "sentences": sentences(),
    "entities": [
        # found: Rina Marlina (text "Rina" with canonical "Rina Marlina" is the same predicted entity)
        span(TEXT, "Rina Marlina", label="PER", canonical="Rina Marlina"),
        span(TEXT, "Rina", label="PER", canonical="Rina Marlina"),
        # found through the alias pair
        span(TEXT, "Menteri Sosial", label="ORG", canonical="Kemensos"),
        # missed: a gold PER given as LOC; precision still counts it right (a gold name of any label)
        span(TEXT, "Asep Hidayat", label="LOC", canonical="Asep Hidayat"),
        # found
        span(TEXT, "Garut", label="LOC", canonical="Garut"),
        # spurious: the outlet of the dateline
        span(TEXT, "KOMPAS.com", label="ORG", canonical="KOMPAS.com"),
        # not scored: a label outside PER/ORG/LOC
        span(TEXT, "Senin", label="DATE", canonical="Senin"),
    ],
    "quotes": [
        # found, speaker right ("Rina" is a word of "Rina Marlina")
        span(TEXT, "Kami mengirim dua ribu paket bantuan hari ini,", kind="direct",
             speaker=speaker("Rina", "Rina Marlina")),
        # a whole-paragraph "quote" holding two gold quotes: it serves one of them (one-to-one), with the
        # wrong speaker for both
        span(TEXT, TEXT[TEXT.index("sekitar 1.200"):], kind="indirect", speaker=speaker("Bupati Garut")),
    ],
    "times": [
        # the date and its clock time as one expression, with a zone offset the scorer ignores: value right
        span(TEXT, "Senin (3/1/2022) pukul 09.30 WIB", type="TIME", value="2022-01-03T09:30+07:00"),
        # found, wrong value (anchored to the wrong day)
        span(TEXT, "hari ini", type="DATE", value="2022-01-04"),
        # a sentence-long "time" around "malam itu": texts differ by more than 15 characters, no match
        span(TEXT, "Polisi menangkap tiga orang yang menjarah toko pada malam itu", type="TIME", value="2022-01-03TNI"),
        # not counted either way
        span(TEXT, "hari ini", type="DATE", value="PRESENT_REF"),
    ],
    "quantities": [
        span(TEXT, "dua ribu paket", value=2000.0),  # value right
        span(TEXT, "sekitar 1.200 rumah", value=1200.0, modifier="about"),  # value right
        span(TEXT, "tiga orang", value=4.0),  # text matches (precision), wrong value
        span(TEXT, "09.30", value=9.3),  # spurious: a clock time
    ],
    "events": [
        event("AID", "mengunjungi", 0),  # an alt type: found
        event("COERCE", "menangkap", 2),  # one sentence away from the gold trigger: still found
        event("COERCE", "menjarah", 3, negated=True),  # negated: not counted
        event("REQUEST", "berharap", 4, modality="hypothetical"),  # not asserted: not counted
        event("ASSAULT", "jebol", 4, modality="asserted"),  # spurious
    ],
}

ART = ev.GoldArticle(name="team-01.json", text=TEXT, gold=GOLD, published="2022-01-03", story=None)


@pytest.fixture(scope="module")
def score():
    return ev.score_article(ART, PRED)


def test_entities_counts(score):
    c = score.counts["entities"]
    assert (c["gold"], c["found"]) == (5, 3)  # Rina Marlina, Kementerian Sosial via Kemensos, Garut
    assert (c["found_PER"], c["found_ORG"], c["found_LOC"]) == (1, 1, 1)
    # distinct canonical forms: Rina Marlina, Kemensos, Asep Hidayat, Garut, KOMPAS.com (DATE not counted)
    assert (c["predicted"], c["right"]) == (5, 4)
    kinds = sorted((e["kind"], e["gold"] or e["pred"]) for e in score.errors if e["section"] == "entities")
    assert kinds == [("missed", "LOC Jakarta"), ("missed", "PER Asep Hidayat"), ("spurious", "ORG KOMPAS.com")]


def test_quotes_counts(score):
    c = score.counts["quotes"]
    assert (c["gold"], c["predicted"], c["found"], c["speaker_right"]) == (3, 2, 2, 1)
    kinds = sorted(e["kind"] for e in score.errors if e["section"] == "quotes")
    assert kinds == ["missed", "wrong speaker"]


def test_times_counts(score):
    c = score.counts["times"]
    # PRESENT_REF is not a prediction; the sentence-long "time" matches nothing
    assert (c["gold"], c["predicted"], c["found"], c["value_right"]) == (4, 3, 2, 1)
    kinds = sorted(e["kind"] for e in score.errors if e["section"] == "times")
    assert kinds == ["missed", "missed", "spurious", "wrong value"]


def test_quantities_counts(score):
    c = score.counts["quantities"]
    assert (c["gold_valued"], c["value_right"], c["predicted"], c["right"]) == (4, 2, 4, 3)


def test_a_range_serves_both_of_its_gold_ends():
    # the guide lists "antara 7.000 dan 8.000" as two ends; warta gives one range quantity
    text = "Jumlah pengungsi antara 7.000 dan 8.000 orang, dan 12 desa terdampak."
    gold = {"quantities": [{"text": "7.000", "value": 7000, "range": True},
                           {"text": "8.000 orang", "value": 8000, "range": True},
                           {"text": "12 desa", "value": 12}]}
    art = ev.GoldArticle(name="t.json", text=text, gold=gold)

    def qty(sub, **extra):
        i = text.index(sub)
        return {"start": i, "end": i + len(sub), "text": sub, **extra}

    both = ev.score_article(art, {"quantities": [qty("antara 7.000 dan 8.000 orang", value=None, min=7000.0, max=8000.0),
                                                 qty("12 desa", value=12.0)]})
    assert (both.counts["quantities"]["value_right"], both.counts["quantities"]["right"]) == (3, 2)
    # a single number serves one gold item only
    one = ev.score_article(art, {"quantities": [qty("7.000 dan 8.000 orang", value=7000.0)]})
    assert (one.counts["quantities"]["value_right"], one.counts["quantities"]["found"]) == (1, 1)
    # a range's second end serves only a gold end of a range: two gold counts of one value are two items
    twice = ev.GoldArticle(name="t.json", text=text, gold={"quantities": [{"text": "7.000", "value": 7000},
                                                                          {"text": "8.000", "value": 7000}]})
    r = ev.score_article(twice, {"quantities": [qty("antara 7.000 dan 8.000 orang", value=None, min=7000.0,
                                                    max=8000.0)]})
    assert (r.counts["quantities"]["value_right"], r.counts["quantities"]["found"]) == (1, 1)


def test_events_counts(score):
    c = score.counts["events"]
    assert (c["gold"], c["predicted"], c["found"]) == (3, 3, 2)


def test_null_speaker_and_missing_trigger():
    gold = {"quotes": [{"kind": "direct", "contains": "dua ribu paket bantuan", "speaker": None}],
            "events": [{"type": "PROTEST", "trigger": "unjuk rasa"}]}  # not in the text: type alone
    art = ev.GoldArticle(name="t.json", text=TEXT, gold=gold)
    pred = {"quotes": [span(TEXT, "Kami mengirim dua ribu paket bantuan hari ini,", kind="direct", speaker=None)],
            "events": [event("PROTEST", "jebol", 4)], "sentences": sentences()}
    s = ev.score_article(art, pred)
    assert s.counts["quotes"]["speaker_right"] == 1
    assert s.counts["events"]["found"] == 1


def test_report_sums_articles_and_bootstraps():
    report = ev.Report("blind", [ev.score_article(ART, PRED), ev.score_article(ART, PRED)], ev.SECTIONS)
    figs = report.figures()
    assert figs["quotes"]["recall"] == pytest.approx(2 / 3)
    assert figs["entities"]["precision"] == pytest.approx(4 / 5)
    report.bootstrap(50)
    lo, hi = report.intervals["quotes"]["recall"]
    assert lo == hi == pytest.approx(2 / 3)  # two identical articles: every resample gives the same figure
    assert "95% interval" in ev.format_report(report)


@pytest.mark.parametrize("a, b", [("“Kami siap,” kata dia.", 'kami siap," kata dia'), ("  A  B. ", "a b"),
                                  ("Badan Meteorologi–Klimatologi", "badan meteorologi-klimatologi")])
def test_normalise(a, b):
    assert ev.normalise(a) == b


def test_max_matching_is_maximum():
    # greedy would give gold 0 the only predicted item gold 1 can use
    m = ev.max_matching(2, 2, lambda g, p: (g, p) in {(0, 0), (0, 1), (1, 0)})
    assert len(m) == 2


def test_blind_list_names_existing_articles_and_keeps_stories_whole(shared_data):
    news = shared_data / "news"
    arts = ev.load_articles([news, indosum_gold_path()])
    names = {a.name for a in arts}
    blind = ev.blind_names()
    # 15 news articles and the 70 IndoSum articles of the second, fifth, seventh, ninth, eleventh, thirteenth and
    # fifteenth annotation batches
    assert blind <= names and len([b for b in blind if b.startswith("indosum:")]) == 80 and len(blind) == 95
    for story in {a.story for a in arts if a.story}:
        members = {a.name in blind for a in arts if a.story == story}
        assert len(members) == 1, story
    assert len(ev.select_split(arts, "tune")) + len(ev.select_split(arts, "blind")) == len(arts)


def test_cli_errors_refuse_blind(runner, tmp_path):
    res = runner.invoke(main, ["eval", "articles", str(tmp_path), "--split", "blind", "--errors"])
    assert res.exit_code == 2 and "tune slice only" in res.output


def test_cli_scores_a_folder(runner, tmp_path):
    obj = {"url": None, "outlet": None, "title": None, "published": "2022-01-03", "story": None, "text": TEXT,
           "gold": GOLD}
    (tmp_path / "team-01.json").write_text(json.dumps(obj), encoding="utf-8")
    (tmp_path / "no-gold.json").write_text(json.dumps({"text": TEXT}), encoding="utf-8")
    res = runner.invoke(main, ["eval", "articles", str(tmp_path), "--split", "tune", "--json", "--errors"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output[res.output.index("{"):])
    tune = out["tune"]
    assert tune["articles"] == 1
    assert tune["sections"]["quotes"]["counts"]["gold"] == 3
    assert all(e["article"] == "team-01.json" for e in tune["errors"])


def test_cli_empty_folder_is_an_error(runner, tmp_path):
    res = runner.invoke(main, ["eval", "articles", str(tmp_path)])
    assert res.exit_code == 2 and "no annotated articles" in res.output


def test_offsets_round_trip_keeps_every_string():
    from warta.eval.article_offsets import from_offsets, to_offsets

    gold = dict(GOLD, quotes=GOLD["quotes"] + [{"kind": "indirect", "contains": "tidak ada di teks ini",
                                                  "speaker": "x"}])
    stored, lost = to_offsets(TEXT, gold)
    assert lost == ["entities 'Kementerian Sosial'".replace("entities", "entity"), "alias ['Kemensos', 'Kementerian Sosial']",
                    "quotes 'tidak ada di teks ini'"]
    assert "Rina Marlina" not in json.dumps(stored)  # no article text is kept, only offsets
    back = from_offsets(TEXT, stored)
    assert back["entities"]["PER"] == GOLD["entities"]["PER"]
    assert [q["contains"] for q in back["quotes"]] == [q["contains"] for q in GOLD["quotes"]]
    assert [q["speaker"] for q in back["quotes"]] == [q["speaker"] for q in GOLD["quotes"]]
    assert [t["text"] for t in back["times"]] == [t["text"] for t in GOLD["times"]]
    assert [e["trigger"] for e in back["events"]] == [e["trigger"] for e in GOLD["events"]]
