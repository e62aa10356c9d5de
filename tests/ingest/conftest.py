"""Small corpora in every input format, written into a temporary folder."""

from __future__ import annotations

import json

import pytest

BODIES = [
    "Pemerintah kota meresmikan jembatan baru di atas sungai pada hari Senin. Warga menyambut jembatan itu "
    "karena perjalanan ke pasar menjadi lebih singkat.",
    "Hujan deras sejak pagi membuat sejumlah jalan di pusat kota tergenang. Petugas dinas pekerjaan umum "
    "dikerahkan untuk membersihkan saluran air yang tersumbat.",
    "Panitia festival budaya mengumumkan bahwa acara tahun ini akan digelar selama tiga hari. Para penari "
    "dari berbagai daerah sudah berlatih sejak bulan lalu.",
    "Harga cabai di pasar tradisional naik tajam menjelang akhir pekan. Para pedagang mengatakan pasokan dari "
    "petani berkurang karena cuaca buruk.",
]


def html_page(title: str, body: str, date: str = "2022-03-01") -> str:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(".") if s.strip())
    return (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="{date}T08:00:00+07:00"></head>'
            f"<body><nav><a href='/'>Beranda</a></nav><article><h1>{title}</h1>{paras}</article>"
            f"<footer>Hak cipta</footer></body></html>")


@pytest.fixture
def corpus(tmp_path):
    """A folder with one file of every supported kind (and some bad documents)."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(BODIES[0], encoding="utf-8")
    (root / "sub" / "b.html").write_text(html_page("Jalan tergenang", BODIES[1]), encoding="utf-8")
    (root / "c.json").write_text(json.dumps({"title": "Festival budaya", "text": BODIES[2],
                                             "published": "2022-03-02", "url": "https://contoh.example/festival"}),
                                 encoding="utf-8")
    lines = [json.dumps({"title": "Harga cabai", "text": BODIES[3], "published": "2022-03-03"}),
             "{ini bukan json",
             json.dumps({"title": "Kosong", "text": "   "})]
    (root / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "notes.csv").write_text("not read", encoding="utf-8")
    (root / ".hidden.txt").write_text(BODIES[0], encoding="utf-8")
    return root


def rss(items: list[dict]) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Kabar Contoh</title>'
           "<link>https://kabar.example/</link><description>uji</description>"]
    for it in items:
        out.append(f"<item><title>{it['title']}</title><link>{it['link']}</link>"
                   f"<pubDate>{it['date']}</pubDate><description><![CDATA[{it['body']}]]></description></item>")
    out.append("</channel></rss>")
    return "".join(out)


@pytest.fixture
def bodies():
    return BODIES


@pytest.fixture
def make_html():
    return html_page


@pytest.fixture
def make_rss():
    return rss
