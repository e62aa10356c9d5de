"""``warta ingest`` through the CLI: summary line, errors, exit codes."""

from __future__ import annotations

import json

from warta.cli import main

GOOD = ("Dinas pendidikan membuka pendaftaran sekolah dasar secara daring mulai pekan depan. Orang tua diminta "
        "menyiapkan akta kelahiran dan kartu keluarga anak mereka.")


def _folder(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "b.jsonl").write_text(json.dumps({"text": GOOD.replace("dasar", "menengah"), "title": "SMP"}) +
                                  "\n{rusak\n", encoding="utf-8")
    return root


def test_ingest_prints_a_summary_and_lists_errors(runner, tmp_path):
    db = tmp_path / "w.db"
    res = runner.invoke(main, ["ingest", str(_folder(tmp_path)), "--db", str(db), "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "3 documents read: 2 added, 0 duplicates skipped, 1 errors" in res.stdout
    assert "b.jsonl (line 2): [W106] malformed JSON" in res.stderr
    again = runner.invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(db), "--no-progress", "--json"])
    assert json.loads(again.stdout) | {"seconds": 0} == {"db": str(db), "read": 3, "added": 0, "duplicates": 2,
                                                          "errors": 1, "seconds": 0}


def test_ingest_progress_bar_goes_to_stderr(runner, tmp_path):
    res = runner.invoke(main, ["ingest", str(_folder(tmp_path)), "--db", str(tmp_path / "w.db")])
    assert res.exit_code == 0
    assert "ingest:" in res.stderr and "art/s" in res.stderr
    assert "ingest:" not in res.stdout


def test_ingest_missing_path_is_one_line_exit_2(runner, tmp_path):
    res = runner.invoke(main, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "w.db")])
    assert res.exit_code == 2
    assert res.stderr.strip().count("\n") == 0 and "no such file or folder" in res.stderr
    assert "Traceback" not in res.output


def test_ingest_needs_a_path(runner):
    res = runner.invoke(main, ["ingest"])
    assert res.exit_code == 2 and "Missing argument" in res.stderr


def test_ingest_progress_bar_has_a_total_and_says_when_it_loads_models(runner, tmp_path):
    res = runner.invoke(main, ["ingest", str(_folder(tmp_path)), "--db", str(tmp_path / "w.db")])
    assert res.exit_code == 0, res.output
    assert "loading models" in res.stderr
    assert "3/3" in res.stderr and "100%" in res.stderr  # a total, so a percentage and an ETA


def test_count_documents_follows_the_readers(tmp_path):
    from warta.ingest.count import count_documents

    root = _folder(tmp_path)
    (root / "c.json").write_text(json.dumps([{"text": GOOD}, {"text": GOOD + " Lagi."}]), encoding="utf-8")
    (root / "d.rss").write_text("<rss><channel><item><title>a</title></item><item><title>b</title></item>"
                                "</channel></rss>", encoding="utf-8")
    (root / "e.json").write_text("{rusak", encoding="utf-8")
    from warta.ingest.readers import iter_items

    assert count_documents([root]) == 1 + 2 + 2 + 2 + 1 == sum(1 for _ in iter_items([root]))
