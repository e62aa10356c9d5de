"""The one extraction path (issue 22.1): ``warta.process`` under extract, extract_many, ingest, batch and bench."""

from __future__ import annotations

import gzip
import json

import pytest

import warta
from warta._input import Article
from warta._long import part_bounds
from warta.readers import Item, kind_of, read_source

# Written for these tests.
TEXTS = [
    "Pemerintah kabupaten membagikan bibit padi kepada para petani di tiga kecamatan pada hari Selasa. "
    "Kepala dinas pertanian mengatakan bahwa bibit itu tahan terhadap banjir.",
    "Sebuah kapal nelayan tenggelam di perairan selatan pulau itu pada Rabu malam. Tim penyelamat "
    "menemukan lima awak kapal dalam keadaan selamat dan membawa mereka ke rumah sakit.",
]
ENGLISH = "The committee will meet again next week to discuss the budget and the schedule for the project."


def test_extraction_one_outcome_per_item_in_input_order_with_the_stage_it_failed_at():
    items = [TEXTS[0], "", {"text": 5}, ENGLISH, Item("feed.xml", "entry 2", error=warta.errors.EmptyInput("x")),
             Article(text=TEXTS[1], id="a-2")]
    outs = list(warta.process(items))
    assert [o.index for o in outs] == list(range(6))
    assert [o.ok for o in outs] == [True, False, False, False, False, True]
    assert [(o.failure.stage, o.failure.code) for o in outs if not o.ok] == [
        ("check", "W101"), ("input", "W106"), ("check", "W107"), ("input", "W101")]
    assert "'text'" in outs[2].failure.reason
    assert (outs[4].source, outs[4].position) == ("feed.xml", "entry 2")
    assert outs[5].record.id == "a-2" and outs[5].n_tokens > 0


def test_extraction_skip_leaves_failures_out_and_raise_raises_after_the_records_before():
    assert [o.record.text for o in warta.process([TEXTS[0], "", TEXTS[1]], on_error="skip")] == TEXTS
    got = []
    with pytest.raises(warta.errors.EmptyInput):
        for out in warta.process([TEXTS[0], "", TEXTS[1]], on_error="raise"):
            got.append(out.record.text)
    assert got == [TEXTS[0]]
    with pytest.raises(ValueError, match="on_error"):
        next(warta.process(TEXTS, on_error="ignore"))


def test_extraction_extract_takes_an_article_with_its_id_outlet_and_notes():
    art = Article(text=TEXTS[0], title="Bibit padi", published="2024-03-05", url="https://contoh.example/bibit",
                  outlet="Kabar Contoh", id="bibit-1", notes=["assumed encoding cp1252"])
    rec = warta.extract(art)
    assert (rec.id, rec.outlet, rec.title, rec.published) == ("bibit-1", "Kabar Contoh", "Bibit padi", "2024-03-05")
    assert rec.warnings == ["assumed encoding cp1252"]
    # every front door gives the same Record for the same article
    (many,) = warta.extract_many([art])
    (out,) = warta.process([art])
    assert rec == many == out.record
    assert warta.extract(art, title="Judul lain", published="2024-03-06").title == "Judul lain"
    assert art.title == "Bibit padi"  # the caller's Article is not changed


def test_extraction_a_bad_article_object_is_an_input_error():
    with pytest.raises(warta.InputError, match="'title'"):
        warta.extract(Article(text=TEXTS[0], title=5))


def test_extraction_ingest_reads_gzipped_jsonl_now_that_readers_are_shared(tmp_path):
    from warta.ingest import IngestOptions, ingest

    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i, text in enumerate(TEXTS):
            fh.write(json.dumps({"id": f"g-{i}", "text": text}) + "\n")
    summary = ingest([path], tmp_path / "w.db", IngestOptions(progress=False))
    assert (summary.read, summary.added, summary.errors) == (2, 2, 0)


def test_extraction_batch_reads_a_feed_now_that_readers_are_shared(tmp_path):
    from warta.scale import iter_records_from_parquet, run_batch

    (tmp_path / "in").mkdir()
    items = "".join(f"<item><title>Berita {i}</title><link>https://kabar.example/{i}</link>"
                    f"<pubDate>Tue, 05 Mar 2024 08:00:00 +0700</pubDate><description>{t}</description></item>"
                    for i, t in enumerate(TEXTS))
    (tmp_path / "in" / "kabar.rss").write_text(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Kabar</title>{items}'
        "</channel></rss>", encoding="utf-8")
    result = run_batch([str(tmp_path / "in")], str(tmp_path / "out"))
    assert result.n_articles == 2 and not result.failed
    recs = sorted(iter_records_from_parquet(str(tmp_path / "out")), key=lambda r: r.url)
    assert [r.url for r in recs] == ["https://kabar.example/0", "https://kabar.example/1"]
    assert recs[0].published == "2024-03-05" and recs[0].outlet == "Kabar"


def test_extraction_ingest_and_batch_give_the_records_process_gives(tmp_path):
    from warta.ingest import IngestOptions, ingest
    from warta.scale import iter_records_from_parquet, run_batch
    from warta.store import Store

    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "a.jsonl"
    path.write_text("".join(json.dumps({"id": f"p-{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)),
                    encoding="utf-8")
    direct = {o.record.id: o.record for o in warta.process(read_source(path))}
    run_batch([str(tmp_path / "in")], str(tmp_path / "out"))
    assert {r.id: r for r in iter_records_from_parquet(str(tmp_path / "out"))} == direct
    ingest([path], tmp_path / "w.db", IngestOptions(progress=False))
    with Store(tmp_path / "w.db") as store:
        assert {i: store.get_record(i) for i in direct} == direct


@pytest.mark.parametrize("name, kind", [("a.jsonl.gz", "jsonl"), ("b.warc.gz", "warc"), ("c.TXT", "txt"),
                                        ("d.json.bz2", "json"), ("e.xml", "feed"), ("f.csv", None),
                                        ("s3://bucket/x/g.ndjson.zst", "jsonl")])
def test_extraction_reader_registry_knows_kinds_by_name(name, kind):
    assert kind_of(name) == kind


def test_extraction_long_text_parts_join_to_the_text_and_end_at_paragraph_breaks():
    text = "\n\n".join(f"Paragraf {i} " + "kata " * (i % 7 * 9) for i in range(300))
    bounds = part_bounds(text, 1000)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(b - a <= 1000 for a, b in bounds) and len(bounds) > 1
    assert all(text[a - 2:a] == "\n\n" for a, _ in bounds[1:])
    unbroken = "x" * 2500  # no break anywhere: cut hard at the limit
    assert part_bounds(unbroken, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_extraction_ingest_progress_total_counts_the_lines_of_a_gzipped_jsonl(tmp_path):
    from warta.ingest.count import count_documents

    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps({"text": t}) + "\n" for t in TEXTS * 3))
    assert count_documents([path]) == 6 == sum(1 for _ in read_source(path))
