"""``warta batch`` on the command line: JSON summary, resume, one-line errors."""

from __future__ import annotations

import json

from warta.cli import main


def test_cli_batch_summary_and_resume(runner, corpus_dir, tmp_path, demo, team_articles):
    out = tmp_path / "out"
    res = runner.invoke(main, ["batch", str(corpus_dir), "--out", str(out)])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert (summary["engine"], summary["partitions"], summary["completed"]) == ("local", 2, 2)
    assert summary["articles"] == len(demo) + len(team_articles) and summary["article_errors"] == 3
    again = runner.invoke(main, ["batch", str(corpus_dir), "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["skipped"] == 2, (again.stdout, again.stderr)
    assert "already complete" in again.stderr
    assert "warta batch: 2/2 partitions" in res.stderr  # progress lines when stderr is not a terminal


def test_cli_batch_bad_input_is_one_line_exit_2(runner, tmp_path):
    res = runner.invoke(main, ["batch", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2
    assert res.stderr.strip().count("\n") == 0 and "no such input" in res.stderr


def test_cli_batch_scheduler_needs_dask_engine(runner, corpus_dir, tmp_path):
    res = runner.invoke(main, ["batch", str(corpus_dir), "--out", str(tmp_path / "o"),
                               "--scheduler", "tcp://127.0.0.1:1"])
    assert res.exit_code == 2 and "--engine dask" in res.stderr
