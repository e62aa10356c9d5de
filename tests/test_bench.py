"""``warta bench``: the structure of its JSON and table on a tiny run (no timing assertions)."""

from __future__ import annotations

import json
import os

import pytest

from warta.bench import format_table, load_corpus, run_bench
from warta.cli import main
from warta.pipeline import load


@pytest.fixture
def demo_jsonl(tmp_path, demo):
    path = tmp_path / "demo.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in demo[:3]), encoding="utf-8")
    return path


def test_bench_load_corpus_reads_a_path_and_falls_back_to_the_demo(demo_jsonl, demo, monkeypatch):
    arts, label = load_corpus(str(demo_jsonl), n=2)
    assert [a.id for a in arts] == [d["id"] for d in demo[:2]] and label == str(demo_jsonl)
    monkeypatch.setattr("warta.corpus.default_indosum_path", lambda: None)
    arts, label = load_corpus(None, n=len(demo) + 2)
    assert len(arts) == len(demo) + 2 and arts[-1].id == demo[1]["id"]
    assert label.startswith("demo corpus") and "repeated" in label


def test_bench_in_process_rows_cover_floor_every_stage_and_pipeline(demo_jsonl):
    result = run_bench(str(demo_jsonl), n=3, dask=False, repeat=2)
    assert result["repeat"] == 2
    names = [r["name"] for r in result["rows"]]
    stages = [name for name, _ in load().pipeline]
    assert names == ["tokenizer", *stages, "doc_to_record", "pipeline, 1 process"]
    floor = result["rows"][0]
    assert floor["ratio_to_tokenizer"] == 1.0 and floor["tokens"] == result["tokens"] > 0
    for row in result["rows"]:
        assert row["articles"] == 3 and row["seconds"] >= 0 and row["peak_rss_mb"] > 0
        assert row["ratio_to_tokenizer"] == pytest.approx(row["tokens_per_s"] / floor["tokens_per_s"], abs=1e-3)
    assert result["scaling_efficiency"] is None
    whole = result["rows"][-1]
    assert whole["cpu_seconds"] > 0 and whole["tokens_per_cpu_s"] > 0 and 0 < whole["cpu_share"]
    assert set(result["targets"]) == {"tokens_per_s_1_process", "peak_rss_mb_per_worker", "scaling_efficiency"}
    table = format_table(result)
    assert "| tokenizer |" in table and "| pipeline, 1 process |" in table
    assert "x tokenizer" in table.splitlines()[2]


@pytest.mark.slow
def test_bench_cli_json_with_dask_rows(runner, demo_jsonl):
    res = runner.invoke(main, ["bench", "--corpus", str(demo_jsonl), "--n", "3", "--workers", "2",
                               "--task-size", "2", "--json"])
    assert res.exit_code == 0, res.output
    assert "warta bench: [7/7] dask, 2 workers" in res.stderr
    result = json.loads(res.stdout)
    dask_rows = [r for r in result["rows"] if r["kind"] == "dask"]
    assert [(r["workers"], len(r["peak_rss_mb_per_worker"])) for r in dask_rows] == [(1, 1), (2, 2)]
    assert all(r["articles"] == 3 and r["peak_rss_mb"] > 0 for r in dask_rows)
    one, two = dask_rows
    assert result["scaling_efficiency"] == pytest.approx(two["articles_per_s"] / (2 * one["articles_per_s"]), abs=2e-3)
    assert result["targets"]["scaling_efficiency"]["measured"] == result["scaling_efficiency"]
    assert result["cpu_scaling_efficiency"] == pytest.approx(
        two["tokens_per_cpu_s"] / one["tokens_per_cpu_s"], abs=2e-3)
    assert result["environment"]["cpu_count"] >= 1


def test_bench_cli_rejects_missing_corpus(runner, tmp_path):
    res = runner.invoke(main, ["bench", "--corpus", str(tmp_path / "nope.jsonl"), "--no-dask"])
    assert res.exit_code == 2 and "no such corpus" in res.output


def test_bench_cli_profile_writes_a_report(runner, demo_jsonl, tmp_path):
    pytest.importorskip("pyinstrument", reason="profiling is in the dev extra")
    out = tmp_path / "profile.txt"
    res = runner.invoke(main, ["bench", "--corpus", str(demo_jsonl), "--n", "3", "--profile", str(out)])
    assert res.exit_code == 0, res.output
    assert "warta/extraction.py" in out.read_text(encoding="utf-8")  # the one extraction path was profiled


def test_bench_compare_ner_adds_a_row_and_puts_the_shipped_model_back(demo_jsonl):
    from warta import pipeline

    shipped = pipeline.ner_model_path()
    result = run_bench(str(demo_jsonl), n=3, dask=False, repeat=2, compare_ner=str(shipped))
    names = [r["name"] for r in result["rows"]]
    assert names[-2:] == ["pipeline, 1 process", f"pipeline (NER {shipped.name}), 1 process"]
    compared = result["rows"][-1]
    assert compared["articles"] == 3 and compared["ratio_to_tokenizer"] > 0
    assert pipeline.NER_MODEL_ENV not in os.environ      # the environment is as it was
    assert pipeline.ner_model_path() == shipped
