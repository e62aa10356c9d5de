"""Entity identity across the archive: links, shared and user aliases, outlets, filters, migration."""

from __future__ import annotations

import json
import sqlite3

import pytest

from warta.record import Actor, Entity, Event, Quote, Record, Speaker, TextSpan
from warta.store import Store, connect, identity, queries
from warta.store.migrations import MIGRATIONS


def _rec(rid: str, text: str, names: list[tuple[str, str, str]], outlet: str = "kabar.example",
         speaker: tuple[str, str] | None = None, long_forms: dict | None = None) -> Record:
    """A Record whose entities are ``(surface, label, canonical)`` found in ``text`` in order."""
    ents, at = [], 0
    for surface, label, canonical in names:
        s = text.index(surface, at)
        ents.append(Entity(start=s, end=s + len(surface), text=surface, label=label, canonical=canonical,
                           long_form=(long_forms or {}).get(surface)))
        at = s + len(surface)
    quotes = []
    if speaker:
        q, who = speaker
        qs, ws = text.index(q), text.index(who)
        quotes.append(Quote(start=qs, end=qs + len(q), text=q, kind="direct",
                            speaker=Speaker(start=ws, end=ws + len(who), text=who, canonical=who, label="PER")))
    return Record(id=rid, url=f"https://{outlet}/{rid}", outlet=outlet, published="2024-05-01", text=text,
                  entities=ents, quotes=quotes)


def test_identity_links_that_hold_across_articles():
    assert identity.linkable("Jokowi", "Joko Widodo")
    assert identity.linkable("KPU", "Komisi Pemilihan Umum")
    assert identity.linkable("Polri", "Kepolisian Negara Republik Indonesia")
    assert identity.linkable("Kota Jayapura", "Jayapura")
    # a short form made of the full name's words: another "Bagja" elsewhere may be someone else
    assert not identity.linkable("Bagja", "Rahmat Bagja")
    # letters that do not fit, and a building named after a ministry
    assert not identity.linkable("BLBI", "Bank Indonesia")
    assert not identity.linkable("Gedung Djuanda Kementerian Keuangan", "Kementerian Keuangan")


def test_identity_name_keys_and_outlet_keys():
    assert identity.name_key("DPR-RI") == identity.name_key("dpr ri") == "dprri"
    assert {"antaranews", "antaranewscom"} <= identity.outlet_keys_of("papua.antaranews.com")
    assert "cnnindonesiacom" in identity.outlet_keys_of("CNN Indonesia")


def test_identity_shared_aliases_merge_names_in_counts_and_filters(tmp_path):
    a = _rec("a1", '"Ekonomi tumbuh lima persen tahun ini," kata Jokowi di Istana.', [("Jokowi", "PER", "Jokowi")],
             speaker=('"Ekonomi tumbuh lima persen tahun ini,"', "Jokowi"))
    b = _rec("b1", 'Presiden Joko Widodo meninjau pelabuhan. "Bongkar muat harus lebih cepat," ujar Joko Widodo.',
             [("Joko Widodo", "PER", "Joko Widodo"), ("Joko Widodo", "PER", "Joko Widodo")],
             speaker=('"Bongkar muat harus lebih cepat,"', "Joko Widodo"))
    with Store(tmp_path / "a.db") as store:
        store.add_records([(a, None, None), (b, None, None)])
        conn = store.conn
        people = queries.entities(conn, queries.EntityFilter(label="PER"))
        assert [(p["name"], p["articles"], p["mentions"]) for p in people] == [("Joko Widodo", 2, 3)]
        assert people[0]["entity_id"] == identity.entity_id(conn, "Jokowi")
        hits = queries.search(conn, queries.SearchFilter(person="Jokowi"))
        assert {h["id"] for h in hits} == {"a1", "b1"}
        said = queries.quotes(conn, queries.QuoteFilter(speaker="Jokowi"))
        assert {q["speaker"] for q in said} == {"Jokowi", "Joko Widodo"}
        page = queries.entity(conn, "Jokowi")
        assert page["mentions"] == 3 and {x["id"] for x in page["articles"]} == {"a1", "b1"}
        assert "Joko Widodo" in page["aliases"]


def test_identity_filters_in_the_paged_queries_and_their_totals(tmp_path):
    """The listing functions (totals, paging, sorting, valid values) take identities too."""
    a = _rec("a6", '"Ekonomi tumbuh lima persen tahun ini," kata Jokowi di Istana Yogyakarta.',
             [("Jokowi", "PER", "Jokowi"), ("Yogyakarta", "LOC", "Yogyakarta")],
             speaker=('"Ekonomi tumbuh lima persen tahun ini,"', "Jokowi"))
    b = _rec("b6", 'Joko Widodo meninjau pelabuhan di Jogja. "Bongkar muat harus lebih cepat," ujar Joko Widodo.',
             [("Joko Widodo", "PER", "Joko Widodo"), ("Jogja", "LOC", "Jogja"), ("Joko Widodo", "PER", "Joko Widodo")],
             speaker=('"Bongkar muat harus lebih cepat,"', "Joko Widodo"))
    for rec, actor, verb in ((a, "Jokowi", "kata"), (b, "Joko Widodo", "meninjau")):
        t = rec.text.index(verb)
        rec.events = [Event(type="CONSULT", sentence=0, trigger=TextSpan(start=t, end=t + len(verb), text=verb),
                            actor=[Actor(text=actor, canonical=actor)])]
    with Store(tmp_path / "p.db") as store:
        store.add_records([(a, None, None), (b, None, None)])
        c = store.conn
        acted = queries.events_page(c, queries.EventFilter(actor="Jokowi", sort="type", limit=1))
        assert acted.total == 2 and len(acted.rows) == 1
        found = queries.search_page(c, queries.SearchFilter(person="Jokowi", sort="oldest", limit=1))
        assert found.total == 2 and len(found.rows) == 1
        assert queries.search_count(c, queries.SearchFilter(place="Jogja")) == 2  # Jogja is Yogyakarta
        said = queries.quotes_page(c, queries.QuoteFilter(speaker="Jokowi", limit=1))
        assert said.total == 2 and len(said.rows) == 1
        people = queries.entities_page(c, queries.EntityFilter(label="PER"))
        assert people.total == len(people.rows) == 1  # the total counts identities, as the rows do
        with pytest.raises(queries.QueryError, match="valid values"):
            queries.entities_page(c, queries.EntityFilter(label="PERSON"))


def test_identity_article_links_acronym_and_long_form(tmp_path):
    a = _rec("a2", "Komisi Pengawas Sungai Nasional (KPSN) menegur pabrik itu.",
             [("Komisi Pengawas Sungai Nasional", "ORG", "Komisi Pengawas Sungai Nasional"),
              ("KPSN", "ORG", "Komisi Pengawas Sungai Nasional")])
    b = _rec("b2", "KPSN kembali menegur pabrik di hulu sungai.", [("KPSN", "ORG", "KPSN")])
    with Store(tmp_path / "b.db") as store:
        store.add_records([(a, None, None), (b, None, None)])
        rows = queries.entities(store.conn, queries.EntityFilter(label="ORG"))
        assert [(r["name"], r["articles"]) for r in rows] == [("Komisi Pengawas Sungai Nasional", 2)]


def test_identity_an_acronym_with_two_expansions_keeps_two_entities(tmp_path):
    a = _rec("a3", "Barisan Muda Indonesia (BMI) menggelar rapat.",
             [("Barisan Muda Indonesia", "ORG", "Barisan Muda Indonesia"), ("BMI", "ORG", "Barisan Muda Indonesia")])
    b = _rec("b3", "Bea Masuk Imbalan (BMI) naik tahun depan.",
             [("Bea Masuk Imbalan", "ORG", "Bea Masuk Imbalan"), ("BMI", "ORG", "Bea Masuk Imbalan")])
    with Store(tmp_path / "c.db") as store:
        store.add_records([(a, None, None), (b, None, None)])
        c = store.conn
        assert identity.entity_id(c, "Barisan Muda Indonesia") != identity.entity_id(c, "Bea Masuk Imbalan")


def test_identity_user_alias_applies_to_stored_articles_without_extraction(tmp_path):
    a = _rec("a4", "Mas Dhani membuka bengkel baru di Sleman.", [("Mas Dhani", "PER", "Mas Dhani")])
    b = _rec("b4", "Ramadhani Putra, pemilik bengkel, menambah dua montir.", [("Ramadhani Putra", "PER", "Ramadhani Putra")])
    path = tmp_path / "d.db"
    with Store(path) as store:
        store.add_records([(a, None, None), (b, None, None)])
        before = store.conn.execute("SELECT record FROM articles ORDER BY pk").fetchall()
    conn = connect(path)

    def people():
        return sorted((r["name"], r["articles"]) for r in queries.entities(conn, queries.EntityFilter(label="PER")))

    assert people() == [("Mas Dhani", 1), ("Ramadhani Putra", 1)]
    identity.add_alias(conn, "Mas Dhani", "Ramadhani Putra")
    assert people() == [("Ramadhani Putra", 2)]
    assert conn.execute("SELECT record FROM articles ORDER BY pk").fetchall() == before  # nothing re-extracted
    assert [x["alias"] for x in identity.aliases(conn)] == ["Mas Dhani"]
    assert identity.remove_alias(conn, "Mas Dhani", "Ramadhani Putra")
    assert people() == [("Mas Dhani", 1), ("Ramadhani Putra", 1)]
    with pytest.raises(identity.AliasError):
        identity.add_alias(conn, "JOKOWI", "jokowi")
    conn.close()


def test_identity_outlets_are_not_ranked_as_organisations(tmp_path):
    a = _rec("a5", "Kabarsatu mencatat Dinas Pertanian Garut membagikan benih.",
             [("Kabarsatu", "ORG", "Kabarsatu"), ("Dinas Pertanian Garut", "ORG", "Dinas Pertanian Garut")],
             outlet="kabarsatu.example")
    b = _rec("b5", "Menurut Reuters, Dinas Pertanian Garut menambah lahan.",
             [("Reuters", "ORG", "Reuters"), ("Dinas Pertanian Garut", "ORG", "Dinas Pertanian Garut")])
    with Store(tmp_path / "e.db") as store:
        store.add_records([(a, None, None), (b, None, None)])
        c = store.conn
        ranked = [r["name"] for r in queries.entities(c, queries.EntityFilter(label="ORG"))]
        assert ranked == ["Dinas Pertanian Garut"]
        # still there when asked for by name
        assert [r["name"] for r in queries.entities(c, queries.EntityFilter(q="Kabarsatu"))] == ["Kabarsatu"]


def test_identity_migration_links_an_archive_made_before_it(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(path, isolation_level=None)
    old.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    from warta.store.migrations import _NoScriptConnection

    for name, fn in MIGRATIONS[:2]:  # the archive as 0001 and 0002 left it
        fn(_NoScriptConnection(old))
        old.execute("INSERT INTO schema_migrations VALUES (?, '2026-01-01')", (name,))
    for rec in (_rec("o1", "SBY berpidato di Cikeas.", [("SBY", "PER", "SBY")]),
                _rec("o2", "Susilo Bambang Yudhoyono menanam pohon.",
                     [("Susilo Bambang Yudhoyono", "PER", "Susilo Bambang Yudhoyono")])):
        old.execute("INSERT INTO articles(id, url, content_hash, text, published, record, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, '2026-01-01')",
                    (rec.id, rec.url, rec.id, rec.text, rec.published, rec.to_json()))
        for i, e in enumerate(rec.entities):
            old.execute('INSERT INTO entities(article_id, idx, start, "end", text, label, canonical) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", (rec.id, i, e.start, e.end, e.text, e.label, e.canonical))
    old.close()
    # a reader first: the archive is brought up to date before it reads (readers never write otherwise)
    from warta.store.stories import list_stories

    reader = connect(path, readonly=True)
    assert [len(s["articles"]) for s in list_stories(reader, min_articles=1)] == [1, 1]
    reader.close()
    conn = connect(path)  # migrated forward: 0003 linked names, 0004 grouped stories
    applied = [r[0] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]
    assert applied == [n for n, _ in MIGRATIONS]
    assert identity.entity_id(conn, "SBY") == identity.entity_id(conn, "Susilo Bambang Yudhoyono") is not None
    assert conn.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 2
    assert json.loads(conn.execute("SELECT record FROM articles WHERE id = 'o1'").fetchone()[0])["id"] == "o1"
    conn.close()


def _archive_at(path, steps: list[tuple[str, object]], records: list[Record]) -> None:
    """An archive as an older warta left it: ``steps`` applied (recorded under the given names), then ``records``."""
    from warta.store.migrations import _NoScriptConnection

    old = sqlite3.connect(path, isolation_level=None)
    old.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, fn in steps:
        fn(_NoScriptConnection(old))
        old.execute("INSERT INTO schema_migrations VALUES (?, '2026-01-01')", (name,))
    for rec in records:
        old.execute("INSERT INTO articles(id, url, content_hash, text, published, record, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, '2026-01-01')",
                    (rec.id, rec.url, rec.id, rec.text, rec.published, rec.to_json()))
        for i, e in enumerate(rec.entities):
            old.execute('INSERT INTO entities(article_id, idx, start, "end", text, label, canonical, country, lat, lon) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (rec.id, i, e.start, e.end, e.text, e.label, e.canonical, e.country,
                         e.geo.lat if e.geo else None, e.geo.lon if e.geo else None))
    old.close()


def _papua_pair() -> list[Record]:
    recs = [_rec("m1", "SBY berkunjung ke Jayapura.", [("SBY", "PER", "SBY"), ("Jayapura", "LOC", "Jayapura")]),
            _rec("m2", "Susilo Bambang Yudhoyono menanam pohon.",
                 [("Susilo Bambang Yudhoyono", "PER", "Susilo Bambang Yudhoyono")])]
    recs[0].entities[1].country = "IDN"
    from warta.record import Geo

    recs[0].entities[1].geo = Geo(lat=-2.53, lon=140.72)
    return recs


def test_an_archive_at_the_ux_schema_migrates_forward(tmp_path):
    """0001-0003 (places with provinces, as main released them) -> 0004 identities, 0005 stories."""
    names = [n for n, _ in MIGRATIONS]
    assert names[:3] == ["0001_articles", "0002_articles_fts", "0003_places_admin"]
    assert names[3:] == ["0004_entity_identities", "0005_stories"]
    path = tmp_path / "ux.db"
    _archive_at(path, MIGRATIONS[:3], _papua_pair())
    with Store(path) as store:
        c = store.conn
        assert [r[0] for r in c.execute("SELECT name FROM schema_migrations ORDER BY name")] == names
        assert identity.entity_id(c, "SBY") == identity.entity_id(c, "Susilo Bambang Yudhoyono") is not None
        assert c.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 2
        hits = queries.search_page(c, queries.SearchFilter(person="Susilo Bambang Yudhoyono", sort="oldest"))
        assert hits.total == 2


def test_an_archive_of_the_stories_branch_before_the_renumbering_is_renamed(tmp_path):
    """Its 0003_entity_identities/0004_stories are 0004/0005 now; only 0003_places_admin runs."""
    path = tmp_path / "st.db"
    steps = MIGRATIONS[:2] + [("0003_entity_identities", MIGRATIONS[3][1])]
    _archive_at(path, steps, _papua_pair())  # entities first, then identities as that branch linked them
    old = sqlite3.connect(path, isolation_level=None)
    from warta.store.migrations import _NoScriptConnection

    MIGRATIONS[4][1](_NoScriptConnection(old))
    old.execute("INSERT INTO schema_migrations VALUES ('0004_stories', '2026-01-01')")
    old.close()
    reader = connect(path, readonly=True)  # brought up to date first, as any reader of an older archive
    assert [r[0] for r in reader.execute("SELECT name FROM schema_migrations ORDER BY name")] == \
        [n for n, _ in MIGRATIONS]
    assert reader.execute("SELECT province FROM entities WHERE text = 'Jayapura'").fetchone()[0] == "Papua"
    assert reader.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 2
    reader.close()
