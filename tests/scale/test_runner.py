"""``run_batch``: local and Dask engines, errors table, retries, manifest resume."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

import warta
from warta import errors
from warta.scale import BatchOptions, iter_records_from_parquet, run_batch
from warta.scale import runner as runner_mod


def _rows(out, table):
    import pyarrow.dataset as ds

    return ds.dataset(str(out / table), format="parquet", partitioning="hive").to_table().to_pylist()


def test_runner_local_writes_tables_by_month(tmp_path, corpus_dir, demo, team_articles):
    out = tmp_path / "out"
    result = run_batch([str(corpus_dir)], str(out))
    assert result.partitions == 2 and not result.failed
    assert result.n_articles == len(demo) + len(team_articles)
    arts = _rows(out, "articles")
    expected = {(a.get("published") or "unknown")[:7] for a in demo + team_articles}
    assert {a["month"] for a in arts} == expected and {"2023-03", "2023-04"} <= expected
    assert sorted(a["id"] for a in arts) == sorted([d["id"] for d in demo] + [t["id"] for t in team_articles])
    assert all(a["n_tokens"] > 0 for a in arts)
    manifest = sorted((out / "_manifest").glob("*.json"))
    assert len(manifest) == 2
    entry = json.loads(manifest[0].read_text())
    assert all((out / f).is_file() for f in entry["files"])


def test_runner_records_equal_extract_many(tmp_path, corpus_dir, demo, team_articles):
    out = tmp_path / "out"
    run_batch([str(corpus_dir)], str(out))
    stored = {r.id: r for r in iter_records_from_parquet(str(out))}
    direct = {r.id: r for r in warta.extract_many(demo + team_articles)}
    assert stored == direct


def test_runner_errors_table_collects_bad_documents(tmp_path, corpus_dir):
    out = tmp_path / "out"
    result = run_batch([str(corpus_dir)], str(out))
    assert result.n_errors == 3
    bad = pq.read_table(next((out / "errors").glob("*.parquet"))).to_pylist()
    assert [(b["stage"], b["error"], b["article_id"]) for b in bad] == [
        ("input", "MalformedInput", None), ("input", "EmptyInput", "blank"), ("check", "NotIndonesian", "english")]
    assert bad[0]["origin"].endswith("b-team.jsonl (line 4)")
    assert [b["code"] for b in bad] == ["W106", "W101", "W107"]


def test_runner_rerun_skips_complete_partitions_and_redoes_changed_ones(tmp_path, corpus_dir, jsonl, team_articles):
    out = tmp_path / "out"
    run_batch([str(corpus_dir)], str(out))
    again = run_batch([str(corpus_dir)], str(out))
    assert (again.skipped, len(again.completed)) == (2, 0)
    jsonl(corpus_dir / "b-team.jsonl", team_articles[:1])  # the input changed: only it runs again
    changed = run_batch([str(corpus_dir)], str(out))
    assert (changed.skipped, len(changed.completed)) == (1, 1)
    ids = {r.id for r in iter_records_from_parquet(str(out))}
    assert "t-03" not in ids and "t-01" in ids
    assert not list((out / "errors").glob("*.parquet"))  # the stale errors file went with the old version


def test_runner_failed_partition_is_retried(tmp_path, corpus_dir, monkeypatch):
    calls = []
    real = runner_mod.process_partition

    def flaky(part, out, options):
        calls.append(part.key)
        if calls.count(part.key) == 1:
            raise OSError("storage hiccup")
        return real(part, out, options)

    monkeypatch.setattr(runner_mod, "process_partition", flaky)
    result = run_batch([str(corpus_dir)], str(tmp_path / "out"), options=BatchOptions(retries=1))
    assert len(result.completed) == 2 and not result.failed
    assert len(calls) == 4


def test_runner_partition_failing_every_retry_is_reported_and_resumed(tmp_path, corpus_dir, monkeypatch):
    out = tmp_path / "out"
    real = runner_mod.process_partition

    def broken_b(part, out_, options):
        if part.source.endswith("b-team.jsonl"):
            raise OSError("disk full")
        return real(part, out_, options)

    monkeypatch.setattr(runner_mod, "process_partition", broken_b)
    result = run_batch([str(corpus_dir)], str(out), options=BatchOptions(retries=2))
    assert [f["error"] for f in result.failed] == ["OSError"] and result.failed[0]["attempts"] == 3
    assert len(list((out / "_failed").glob("*.json"))) == 1
    monkeypatch.setattr(runner_mod, "process_partition", real)
    resumed = run_batch([str(corpus_dir)], str(out))
    assert (resumed.skipped, len(resumed.completed), resumed.failed) == (1, 1, [])
    assert not list((out / "_failed").glob("*.json"))


def _explode_on_beras(doc):
    if "beras" in doc.text:
        raise RuntimeError("component bug")
    return doc


def test_runner_pipeline_failure_fails_only_that_document(monkeypatch, team_articles):
    """A component error inside an nlp.pipe batch: the batch is redone doc by doc."""
    import spacy
    from spacy.language import Language

    from warta import pipeline

    if not Language.has_factory("warta_test_explode_on_beras"):
        Language.component("warta_test_explode_on_beras", func=_explode_on_beras)
    # a blank pipeline (no warta tokenizer to build): the test is about failure isolation, not the components
    nlp = spacy.blank("id")
    nlp.add_pipe("warta_test_explode_on_beras")
    monkeypatch.setattr(pipeline, "load", lambda stages=None, model="default": nlp)
    outs = list(warta.process(team_articles, batch_size=8))
    assert [o.ok for o in outs] == [True, False, True]
    assert outs[1].failure == warta.Failure("pipeline", "W500", "RuntimeError: component bug", "RuntimeError")


def test_runner_unknown_engine_and_scheduler_without_dask(tmp_path, corpus_dir):
    with pytest.raises(errors.InputError, match="unknown engine"):
        run_batch([str(corpus_dir)], str(tmp_path / "o"), engine="spark")
    with pytest.raises(errors.InputError, match="needs --engine dask"):
        run_batch([str(corpus_dir)], str(tmp_path / "o"), scheduler="tcp://127.0.0.1:8786")


@pytest.mark.slow
def test_runner_dask_records_equal_local(tmp_path, corpus_dir):
    """The acceptance check: --engine dask gives the same Records as --engine local."""
    local = run_batch([str(corpus_dir)], str(tmp_path / "local"))
    dask = run_batch([str(corpus_dir)], str(tmp_path / "dask"), engine="dask", workers=2)
    assert not dask.failed and dask.n_articles == local.n_articles and dask.n_errors == local.n_errors
    a = sorted((r.id, r.to_json()) for r in iter_records_from_parquet(str(tmp_path / "local")))
    b = sorted((r.id, r.to_json()) for r in iter_records_from_parquet(str(tmp_path / "dask")))
    assert a == b and len(a) == local.n_articles


@pytest.mark.slow
def test_runner_dask_connects_to_a_given_scheduler(tmp_path, jsonl, team_articles):
    """--scheduler: warta uses the cluster it is given and leaves it running."""
    from distributed import LocalCluster

    src = jsonl(tmp_path / "team.jsonl", team_articles)
    local = run_batch([str(src)], str(tmp_path / "local"))
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        result = run_batch([str(src)], str(tmp_path / "dask"), engine="dask", scheduler=cluster.scheduler_address)
        assert cluster.scheduler_info["workers"], "the given cluster must survive the run"
    assert result.n_articles == local.n_articles == len(team_articles)
    assert sorted(r.to_json() for r in iter_records_from_parquet(str(tmp_path / "dask"))) == sorted(
        r.to_json() for r in iter_records_from_parquet(str(tmp_path / "local")))


def test_runner_fsspec_urls_in_and_out(team_articles):
    """Inputs and output on a non-local fsspec filesystem (memory:// stands in for s3:// or gcs://)."""
    import uuid

    import fsspec

    fs = fsspec.filesystem("memory")
    root = f"/warta-test-{uuid.uuid4().hex[:8]}"
    with fs.open(f"{root}/in/a.jsonl", "w") as fh:
        fh.write("".join(json.dumps(a) + "\n" for a in team_articles))
    try:
        result = run_batch([f"memory://{root}/in/"], f"memory://{root}/out")
        assert result.n_articles == len(team_articles) and not result.failed
        assert sorted(r.id for r in iter_records_from_parquet(f"memory://{root}/out")) == ["t-01", "t-02", "t-03"]
        assert fs.exists(f"{root}/out/_manifest/{result.completed[0].key}.json")
        assert run_batch([f"memory://{root}/in/"], f"memory://{root}/out").skipped == 1
    finally:
        fs.rm(root, recursive=True)


def test_runner_output_inside_the_input_folder_is_not_read_back(tmp_path, jsonl, team_articles):
    jsonl(tmp_path / "a.jsonl", team_articles)
    first = run_batch([str(tmp_path)], str(tmp_path / "out"))
    second = run_batch([str(tmp_path)], str(tmp_path / "out"))
    assert first.partitions == second.partitions == 1 and second.skipped == 1
