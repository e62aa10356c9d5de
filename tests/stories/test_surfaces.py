"""Stories and aliases through the CLI, the web pages, the REST API and the GDELT export."""

from __future__ import annotations

import csv
import io
import json

import pytest

from warta.cli import main
from warta.record import Actor, Entity, Event, Location, Quantity, Record, TextSpan
from warta.store import Store

XSS = '<script>alert("cerita")</script>'


def _story_pair(tmp_path, title_b: str = "Gudang pupuk terbakar di Gresik") -> str:
    """An archive with two hand-built articles of one fire (different numbers) and one unrelated article."""
    base = ("Kebakaran melanda gudang pupuk di kawasan industri Gresik, Jawa Timur, Selasa pagi. Api menghanguskan "
            "tumpukan karung pupuk dan merembet ke kantor administrasi gudang. Petugas pemadam kebakaran Gresik "
            "mengerahkan mobil pemadam untuk menjinakkan api di gudang pupuk itu. ")
    ta = base + "Sebanyak 3 orang luka-luka terkena luapan api."
    tb = base + "Sebanyak 5 orang luka-luka terkena luapan api."
    tc = ("Tim bulu tangkis putri Indonesia menjuarai turnamen beregu di Bangkok setelah menundukkan Jepang 3-2 "
          "di final yang berlangsung ketat hingga larut malam.")

    def rec(rid, outlet, text, title, n=None):
        ents = [Entity(start=text.index("Gresik"), end=text.index("Gresik") + 6, text="Gresik", label="LOC",
                       canonical="Gresik")] if "Gresik" in text else []
        qs = []
        evs = []
        if n is not None:
            s = text.index(f"{n} orang")
            qs = [Quantity(start=s, end=s + 1, text=str(n), value=n, counted="orang")]
            t = text.index("melanda")
            evs = [Event(type="ASSAULT", cameo="180", sentence=0, trigger=TextSpan(start=t, end=t + 7, text="melanda"),
                         actor=[Actor(text="Kebakaran", canonical="Kebakaran")],
                         location=Location(text="Gresik", canonical="Gresik", country="IDN", adm1="ID.08",
                                           province="Jawa Timur", regency="Gresik"))]
        return Record(id=rid, url=f"https://{outlet}/{rid}", outlet=outlet, title=title, published="2024-07-02",
                      text=text, entities=ents, quantities=qs, events=evs)

    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add_records([(rec("fire-a", "satu.example", ta, XSS, 3), None, None),
                           (rec("fire-b", "dua.example", tb, title_b, 5), None, None),
                           (rec("sport", "tiga.example", tc, "Tim putri juara di Bangkok"), None, None)])
    return str(path)


def test_cli_stories_json_shape_and_discrepancy(runner, tmp_path):
    db = _story_pair(tmp_path)
    res = runner.invoke(main, ["stories", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    [story] = json.loads(res.stdout)
    assert set(story) == {"id", "title", "articles", "discrepancies"}
    assert [a["id"] for a in story["articles"]] == ["fire-a", "fire-b"]
    assert set(story["articles"][0]) == {"id", "url", "outlet", "published", "title"}
    [flag] = story["discrepancies"]
    assert flag["kind"] == "number" and flag["articles"] == ["fire-a", "fire-b"]
    assert [i["text"] for i in flag["items"]] == ["3", "5"]
    text = runner.invoke(main, ["stories", "--db", db, "--min-articles", "1"]).stdout
    assert "Tim putri juara di Bangkok" in text and "! number" in text
    one = json.loads(runner.invoke(main, ["stories", "--db", db, "--id", str(story["id"]), "--json"]).stdout)
    assert {"entities", "quotes", "happenings", "discrepancies"} <= set(one)
    assert one["happenings"][0]["num_articles"] == 2
    bad = runner.invoke(main, ["stories", "--db", db, "--since", "2024-13"])
    assert bad.exit_code == 2 and "out of range" in bad.stderr
    assert runner.invoke(main, ["stories", "--db", db, "--since", "2024-08"]).stdout.strip() == "(no stories)"


def test_cli_aliases_add_list_import_remove(runner, tmp_path):
    db = _story_pair(tmp_path)
    res = runner.invoke(main, ["aliases", "add", "Kota Pupuk", "Gresik", "--db", db])
    assert res.exit_code == 0 and "entity" in res.stdout
    listed = json.loads(runner.invoke(main, ["aliases", "list", "--db", db, "--json"]).stdout)
    assert [(a["alias"], a["name"], a["source"]) for a in listed] == [("Kota Pupuk", "Gresik", "user")]
    f = tmp_path / "aliases.tsv"
    f.write_text("# my aliases\nBangkok Metropolis\tBangkok\n", encoding="utf-8")
    assert runner.invoke(main, ["aliases", "import", str(f), "--db", db]).exit_code == 0
    tsv = list(csv.reader(io.StringIO(runner.invoke(main, ["aliases", "list", "--db", db, "--tsv"]).stdout),
                          delimiter="\t"))
    assert ["Bangkok Metropolis", "Bangkok"] in tsv
    assert runner.invoke(main, ["aliases", "remove", "Kota Pupuk", "Gresik", "--db", db]).exit_code == 0
    again = runner.invoke(main, ["aliases", "remove", "Kota Pupuk", "Gresik", "--db", db])
    assert again.exit_code == 2 and "no alias" in again.stderr
    shared = json.loads(runner.invoke(main, ["aliases", "list", "--all", "--db", db, "--json"]).stdout)
    assert ("Jokowi", "Joko Widodo") in {(a["alias"], a["name"]) for a in shared}


@pytest.mark.slow
def test_cli_eval_stories_on_team_written_articles(runner, team_folder):
    res = runner.invoke(main, ["eval", "stories", str(team_folder), "--split", "all", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)["all"]
    assert out["articles"] == 6 and (out["precision"], out["recall"]) == (1.0, 1.0)


def test_web_story_pages_and_api(tmp_path):
    from fastapi.testclient import TestClient

    from warta.web import create_app

    db = _story_pair(tmp_path)
    with TestClient(create_app(db)) as client:
        r = client.get("/api/stories")
        listed = r.json()
        assert r.headers["X-Total-Count"] == "1"  # as every list of the API
        assert len(listed) == 1 and listed[0]["discrepancies"][0]["kind"] == "number"
        sid = listed[0]["id"]
        every = client.get("/api/stories", params={"min_articles": 1}).json()
        assert sorted(len(x["articles"]) for x in every) == [1, 2]
        full = client.get(f"/api/stories/{sid}").json()
        assert full["outlets"] == ["dua.example", "satu.example"]
        missing = client.get("/api/stories/9999")
        assert missing.status_code == 404 and set(missing.json()) == {"detail", "code", "status", "errors"}
        bad = client.get("/api/stories", params={"since": "2024-13"})
        assert bad.status_code == 400 and bad.json()["status"] == 400
        page = client.get("/stories")
        assert page.status_code == 200 and f'href="/stories/{sid}"' in page.text
        assert "of <strong>1</strong>" in page.text and "Download CSV" not in page.text
        assert XSS not in page.text and "&lt;script&gt;" in page.text
        story = client.get(f"/stories/{sid}")
        assert story.status_code == 200
        assert XSS not in story.text
        # the flagged spans, in context, each one click from its mark on the article page
        assert "<mark>3</mark>" in story.text and "<mark>5</mark>" in story.text
        assert 'href="/articles/fire-a#qty-0"' in story.text
        assert "satu.example" in story.text and "2024-07-02" in story.text
        assert client.get("/stories/nope").status_code == 404
        assert 'href="/stories"' in client.get("/").text


def test_gdelt_export_counts_sources_and_articles_of_a_happening(tmp_path):
    from warta.store import connect, export

    db = _story_pair(tmp_path)
    out = tmp_path / "g.tsv"
    assert export(connect(db, readonly=True), "gdelt", out) == 2
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert {(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows} == {("2", "2", "2")}


def test_gdelt_export_story_counts_with_the_province_and_a_filter(tmp_path):
    """The story's counts and the ADM1 column together, also when a filter picks the events."""
    from warta.store import connect, export
    from warta.store.export import ExportFilter

    db = _story_pair(tmp_path)
    out = tmp_path / "g.tsv"
    assert export(connect(db, readonly=True), "gdelt", out, ExportFilter(type="ASSAULT", outlet="satu")) == 1
    (row,) = csv.DictReader(out.open(encoding="utf-8"), delimiter="\t")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")
    assert row["ActionGeo_ADM1Code"] == "ID08" and row["ActionGeo_FullName"] == "Gresik"
