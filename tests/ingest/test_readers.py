"""Readers: every format to Items, bad documents to error Items."""

from __future__ import annotations

import io
import json

import pytest

from warta.ingest import html_fragment_to_text, iter_files, iter_items, read_path


def test_readers_walk_folders_skipping_unknown_and_hidden_files(corpus):
    names = [p.relative_to(corpus).as_posix() for p in iter_files([corpus])]
    assert names == ["a.txt", "c.json", "d.jsonl", "sub/b.html"]


def test_readers_every_document_or_error_has_a_position(corpus):
    items = list(iter_items([corpus]))
    got = [(i.source.split("corpus/")[1], i.position, i.error.code if i.error else None) for i in items]
    assert got == [("a.txt", "file", None), ("c.json", "file", None), ("d.jsonl", "line 1", None),
                   ("d.jsonl", "line 2", "W106"), ("d.jsonl", "line 3", "W101"), ("sub/b.html", "file", None)]


def test_readers_html_uses_trafilatura_text_title_and_date(corpus):
    (item,) = read_path(corpus / "sub" / "b.html")
    assert item.article.title == "Jalan tergenang"
    assert item.article.published == "2022-03-01"
    assert "saluran air" in item.article.text and "Hak cipta" not in item.article.text


def test_readers_json_fields(corpus, bodies):
    (item,) = read_path(corpus / "c.json")
    a = item.article
    assert (a.title, a.published, a.url, a.text) == ("Festival budaya", "2022-03-02",
                                                     "https://contoh.example/festival", bodies[2])


def test_readers_json_list_gives_one_item_each(tmp_path, bodies):
    p = tmp_path / "many.json"
    p.write_text(json.dumps([{"text": bodies[0]}, {"judul": "tanpa teks"}]), encoding="utf-8")
    items = list(read_path(p))
    assert [(i.position, i.error is None) for i in items] == [("item 1", True), ("item 2", False)]


def test_readers_parquet_rows(tmp_path, bodies):
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist([
        {"id": "p1", "title": "Satu", "text": bodies[0], "url": "https://a.example/1", "published": "2022-04-01"},
        {"id": "p2", "title": "Dua", "text": None, "url": None, "published": None},
    ]), p)
    items = list(read_path(p))
    assert items[0].position == "row 1" and items[0].article.id == "p1" and items[0].article.published == "2022-04-01"
    assert items[1].position == "row 2" and items[1].error is not None


def test_readers_rss_items_with_links_dates_and_html_summaries(tmp_path, bodies, make_rss):
    p = tmp_path / "feed.xml"
    p.write_text(make_rss([
        {"title": "Jembatan baru", "link": "https://kabar.example/1", "date": "Mon, 07 Mar 2022 08:00:00 +0700",
         "body": f"<p>{bodies[0]}</p><p>Paragraf <b>kedua</b> &amp; terakhir.</p>"},
        {"title": "Kosong", "link": "https://kabar.example/2", "date": "Tue, 08 Mar 2022 08:00:00 +0700",
         "body": ""},
    ]), encoding="utf-8")
    items = list(read_path(p))
    a = items[0].article
    assert (a.title, a.url, a.published, a.outlet) == ("Jembatan baru", "https://kabar.example/1", "2022-03-07",
                                                       "Kabar Contoh")
    assert a.text.endswith("Paragraf kedua & terakhir.") and "\n\n" in a.text
    assert items[1].position == "entry 2" and items[1].error.code == "W101"


def test_readers_atom_entries(tmp_path, bodies):
    p = tmp_path / "feed.atom"
    p.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Contoh</title>'
        '<entry><title>Festival</title><link href="https://atom.example/f"/><updated>2022-03-09T10:00:00Z</updated>'
        f'<content type="html">&lt;p&gt;{bodies[2]}&lt;/p&gt;</content></entry></feed>', encoding="utf-8")
    (item,) = read_path(p)
    assert (item.article.url, item.article.published, item.article.text) == ("https://atom.example/f", "2022-03-09",
                                                                             bodies[2])


def test_readers_broken_feed_is_one_error(tmp_path):
    p = tmp_path / "broken.rss"
    p.write_bytes(b"ini bukan umpan berita sama sekali")
    (item,) = read_path(p)
    assert item.error is not None and item.position == "file"


def _warc(path, records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, ctype, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                            http_headers=headers,
                                            warc_headers_dict={"WARC-Date": "2022-03-10T01:02:03Z"})
            writer.write_record(rec)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_readers_warc_html_responses(tmp_path, name, bodies, make_html):
    p = tmp_path / name
    _warc(p, [("https://w.example/a", "text/html; charset=utf-8", make_html("Harga cabai", bodies[3])),
              ("https://w.example/logo.png", "image/png", "PNG"),
              ("https://w.example/b", "text/html", "<html><body><p>x</p></body></html>")])
    items = list(read_path(p))
    assert len(items) == 2  # the image is not a document
    a = items[0].article
    assert a.url == "https://w.example/a" and a.title == "Harga cabai" and "pedagang" in a.text
    assert items[0].position.startswith("record @")
    assert items[1].error is not None and items[1].error.code == "W105"


def test_readers_warc_date_is_the_fallback_publication_date(tmp_path, bodies):
    p = tmp_path / "c.warc"
    _warc(p, [("https://w.example/t", "text/plain", bodies[1])])
    (item,) = read_path(p)
    assert item.article.published == "2022-03-10"
    assert any("WARC-Date" in n for n in item.article.notes)


@pytest.mark.parametrize("fragment, text", [
    ("<p>Satu.</p><p>Dua.</p>", "Satu.\n\nDua."),
    ("Baris<br>baru &amp; <i>miring</i>", "Baris\n\nbaru & miring"),
    ("<script>alert(1)</script>", "alert(1)"),
])
def test_readers_html_fragment_to_text(fragment, text):
    assert html_fragment_to_text(fragment) == text
