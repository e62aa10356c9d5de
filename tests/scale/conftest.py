"""Fixtures for the scale-out tests: small input partitions written by the team."""

from __future__ import annotations

import json

import pytest

# Short articles written for these tests (not copied from any corpus).
TEAM_ARTICLES = [
    {"id": "t-01", "published": "2023-03-14", "title": "Banjir di Semarang",
     "url": "https://warta.example/t-01",
     "text": "SEMARANG - Banjir merendam ratusan rumah di Semarang pada Selasa (14/3/2023). "
             "\"Air mulai naik sejak pukul 02.00,\" kata Budi Santoso, warga setempat.\n\n"
             "Pemerintah kota mengirim 12 perahu karet untuk mengevakuasi warga."},
    {"id": "t-02", "published": "2023-04-02", "title": "Harga beras naik",
     "text": "Harga beras di pasar tradisional Jakarta naik sekitar 10 persen dalam sepekan terakhir. "
             "Menteri Perdagangan mengatakan bahwa pemerintah akan menambah pasokan dari gudang Bulog."},
    {"id": "t-03", "published": "2023-04-20",
     "text": "Presiden bertemu dengan para gubernur di Istana Negara pada Kamis. Mereka membahas "
             "persiapan musim kemarau dan ketersediaan air bersih bagi petani di desa-desa."},
]

# English on purpose: the Indonesian check must send it to the errors table.
ENGLISH = "The committee will meet again next week to discuss the budget and the new schedule for the project."


def write_jsonl(path, rows, extra_lines=()):
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        for line in extra_lines:
            fh.write(line + "\n")
    return path


@pytest.fixture
def team_articles():
    return [dict(a) for a in TEAM_ARTICLES]


@pytest.fixture
def jsonl():
    """``jsonl(path, rows, extra_lines=())`` writes a JSONL file and returns its path."""
    return write_jsonl


@pytest.fixture
def corpus_dir(tmp_path, demo):
    """Two JSONL partitions: the demo corpus, and the team articles plus two bad rows."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a-demo.jsonl", demo)
    write_jsonl(folder / "b-team.jsonl", TEAM_ARTICLES,
                extra_lines=['{"id": "broken", "text": ', json.dumps({"id": "blank", "text": "   "}),
                             json.dumps({"id": "english", "text": ENGLISH})])
    return folder
