"""ingest(): de-duplication, errors table, workers, and resuming after a kill."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from warta.ingest import IngestOptions, ingest

QUIET = IngestOptions(progress=False, batch_size=2)


def count(db, table="articles"):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_runner_ingests_everything_once_and_logs_bad_documents(corpus, tmp_path):
    db = tmp_path / "w.db"
    first = ingest([corpus], db, QUIET)
    assert (first.read, first.added, first.duplicates, first.errors) == (6, 4, 0, 2)
    conn = sqlite3.connect(db)
    errs = conn.execute("SELECT source, position, code FROM errors ORDER BY position").fetchall()
    assert [(s.rsplit("/", 1)[1], p, c) for s, p, c in errs] == [("d.jsonl", "line 2", "W106"),
                                                                 ("d.jsonl", "line 3", "W101")]
    # The article from c.json keeps its URL, title and date.
    row = conn.execute("SELECT title, published, outlet FROM articles WHERE url = 'https://contoh.example/festival'")
    assert row.fetchone() == ("Festival budaya", "2022-03-02", "contoh.example")
    again = ingest([corpus], db, QUIET)
    assert (again.added, again.duplicates, again.errors) == (0, 4, 2)
    assert count(db) == 4 and count(db, "errors") == 2


def test_runner_skips_copies_within_one_run(corpus, tmp_path):
    (corpus / "copy.txt").write_text((corpus / "a.txt").read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    summary = ingest([corpus, corpus / "a.txt"], tmp_path / "w.db", QUIET)
    assert summary.added == 4 and summary.duplicates == 2


def test_runner_non_indonesian_text_is_an_error_unless_forced(tmp_path):
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "en.txt").write_text("The council opened a new bridge over the river on Monday, and people "
                                   "welcomed the shorter trip to the market.", encoding="utf-8")
    db = tmp_path / "w.db"
    assert ingest([folder], db, QUIET).errors == 1
    forced = ingest([folder], db, IngestOptions(progress=False, force=True))
    assert forced.added == 1 and count(db, "errors") == 0  # the old error row is cleared


def test_runner_interrupted_run_resumes_without_loss_or_duplicates(corpus, tmp_path):
    db = tmp_path / "w.db"

    class Crash(Exception):
        pass

    def crash_after_first_batch(summary):
        if summary.added:
            raise Crash

    with pytest.raises(Crash):
        ingest([corpus], db, IngestOptions(progress=False, batch_size=1), on_progress=crash_after_first_batch)
    partial = count(db)
    assert 0 < partial < 4
    resumed = ingest([corpus], db, QUIET)
    assert resumed.added == 4 - partial and count(db) == 4


@pytest.mark.slow  # starts worker processes, each loading the pipeline
def test_runner_workers_write_through_one_writer(corpus, tmp_path):
    db = tmp_path / "w.db"
    summary = ingest([corpus], db, IngestOptions(progress=False, workers=2, batch_size=1))
    assert (summary.added, summary.errors) == (4, 2)
    assert count(db) == 4


def _texts(folder, n):
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(
            f"Laporan nomor {i} menyebutkan bahwa warga desa ke-{i} menanam {i * 7} pohon di lereng bukit. "
            f"Kepala desa mengatakan kegiatan itu akan dilanjutkan pada bulan depan.", encoding="utf-8")


@pytest.mark.slow  # kill -9 of a real ingest process, then a second full run
def test_runner_sigkill_then_rerun_loses_and_duplicates_nothing(tmp_path):
    n = 400
    folder = tmp_path / "many"
    _texts(folder, n)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "warta", "ingest", str(folder), "--db", str(db), "--batch-size", "4",
           "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                seen = count(db)
            except sqlite3.OperationalError:  # not created or not migrated yet
                seen = 0
            if seen >= 8:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "ingest finished before it could be killed; raise n"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    killed_at = count(db)
    assert 0 < killed_at < n
    done = subprocess.run(cmd + ["--json"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT content_hash), count(DISTINCT id) FROM articles"
                        ).fetchone() == (n, n, n)
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == n
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 0
    import json

    summary = json.loads(done.stdout)
    assert summary["added"] == n - killed_at and summary["duplicates"] == killed_at


def _children(pid: int) -> set[int]:
    """Live processes whose parent is ``pid`` (Linux /proc)."""
    out = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.add(int(entry))
    return out


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
                if fh.read().rsplit(")", 1)[1].split()[0] != "Z":
                    alive.add(pid)
        except OSError:
            pass
    return alive


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads the process table from /proc (Linux)")
def test_runner_kill_9_of_ingest_takes_its_worker_processes_with_it(tmp_path):
    """Issue 20.7: the workers of a killed `warta ingest --workers 2` (about 260 MB each) lived on for over a minute."""
    folder = tmp_path / "many"
    _texts(folder, 400)
    cmd = [sys.executable, "-m", "warta", "ingest", str(folder), "--db", str(tmp_path / "w.db"), "--workers", "2",
           "--batch-size", "4", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while time.monotonic() < deadline and proc.poll() is None:
            workers = _children(proc.pid)
            try:
                stored = count(tmp_path / "w.db")
            except sqlite3.OperationalError:
                stored = 0
            if len(workers) >= 2 and stored >= 4:  # the workers have loaded the pipeline and extracted
                break
            time.sleep(0.05)
        assert proc.poll() is None and len(workers) >= 2, "ingest ended before it could be killed; raise n"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 15
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = _alive(workers)
    finally:
        if proc.poll() is None:
            proc.kill()
    for pid in left:  # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert not left, f"{len(left)} worker process(es) outlived the killed ingest by 15 s"
