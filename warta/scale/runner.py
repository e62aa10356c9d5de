"""Running a batch: partitions out to an engine, results and failures back.

Two engines run the very same task (:func:`warta.scale._work.process_partition`):

- ``local``: partitions one after another in this process;
- ``dask``: partitions as Dask futures, on a ``LocalCluster`` started here
  (one process per worker, one thread each: spaCy holds the GIL) or on an
  existing cluster given by its scheduler address. A worker plugin loads the
  pipeline once when each worker starts.

Workers write their own Parquet files and manifest entries, so no data flows
back through the client and nothing here is a single writer.
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable, Optional

from .. import errors
from ._inputs import Partition, discover
from ._work import FAILED_DIR, BatchOptions, PartitionResult, process_partition, read_manifest

ENGINES = ("local", "dask")


@dataclass
class BatchResult:
    """What a batch run did."""

    out: str
    engine: str
    partitions: int = 0
    skipped: int = 0
    completed: list[PartitionResult] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def n_articles(self) -> int:
        return sum(r.n_articles for r in self.completed)

    @property
    def n_errors(self) -> int:
        return sum(r.n_errors for r in self.completed)

    def summary(self) -> dict:
        """A JSON-ready summary."""
        return {
            "out": self.out, "engine": self.engine, "partitions": self.partitions, "skipped": self.skipped,
            "completed": len(self.completed), "failed": self.failed, "articles": self.n_articles,
            "article_errors": self.n_errors, "tokens": sum(r.n_tokens for r in self.completed),
            "seconds": round(self.seconds, 3),
        }


def worker_plugin(stages=None):
    """A Dask ``WorkerPlugin`` that builds warta's pipeline once when a worker starts."""
    from ..pipeline import STAGES
    from ._plugin import WartaPipeline

    return WartaPipeline(stages or STAGES)


def _pending(parts: list[Partition], out: str) -> tuple[list[Partition], int]:
    import fsspec

    fs, root = fsspec.core.url_to_fs(out)
    done = read_manifest(fs, root.rstrip("/"))
    todo = [p for p in parts if done.get(p.key, {}).get("fingerprint") != p.fingerprint]
    return todo, len(parts) - len(todo)


def _record_failure(out: str, part: Partition, exc: BaseException, attempts: int) -> dict:
    import fsspec

    info = {"key": part.key, "source": part.source, "error": type(exc).__name__, "message": str(exc)[:2000],
            "attempts": attempts}
    fs, root = fsspec.core.url_to_fs(out)
    folder = f"{root.rstrip('/')}/{FAILED_DIR}"
    fs.makedirs(folder, exist_ok=True)
    with fs.open(f"{folder}/{part.key}.json", "wt", encoding="utf-8") as fh:
        json.dump(info, fh, ensure_ascii=False)
    return info


def _clear_failure(out: str, key: str) -> None:
    import fsspec

    fs, root = fsspec.core.url_to_fs(out)
    path = f"{root.rstrip('/')}/{FAILED_DIR}/{key}.json"
    if fs.exists(path):
        fs.rm(path)


def _run_local(todo, out, options, result, progress):
    for part in todo:
        for attempt in range(1, options.retries + 2):
            try:
                res = process_partition(part, out, options)
            except Exception as exc:
                if attempt <= options.retries:
                    continue
                result.failed.append(_record_failure(out, part, exc, attempt))
            else:
                _clear_failure(out, part.key)
                result.completed.append(res)
            break
        progress(part)


def _run_dask(todo, out, options, result, progress, scheduler, workers):
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:  # pragma: no cover - depends on the install
        raise errors.WartaError("--engine dask needs the dask extra: pip install 'warta[dask]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # ":0": the scheduler's HTTP server on any free port; None still binds 8787 and fails (or warns)
        # when another cluster on the machine holds it
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    try:
        client.register_plugin(worker_plugin(options.stages))
        futures = {}
        for part in todo:
            # a unique key: two runs on one cluster over the same inputs (other --out) must not share results
            fut = client.submit(process_partition, part, out, options, key=f"warta-{part.key}-{uuid.uuid4().hex[:12]}",
                                retries=options.retries, pure=False)
            futures[fut] = part
        for fut in as_completed(futures):
            part = futures[fut]
            if fut.status == "finished":
                _clear_failure(out, part.key)
                result.completed.append(fut.result())
            else:
                result.failed.append(_record_failure(out, part, fut.exception(), options.retries + 1))
            progress(part)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batch(inputs: list[str], out: str, *, engine: str = "local", scheduler: Optional[str] = None,
              workers: Optional[int] = None, options: BatchOptions = BatchOptions(),
              on_partition: Optional[Callable[[Partition], None]] = None,
              on_plan: Optional[Callable[[int, int], None]] = None) -> BatchResult:
    """Process every partition of ``inputs`` that is not yet complete in ``out``.

    Args:
        inputs: files, folders or globs (local or fsspec URLs).
        out: output folder (local or fsspec URL).
        engine: ``"local"`` or ``"dask"``.
        scheduler: Dask scheduler address (``tcp://host:8786``); without it
            the dask engine starts a LocalCluster of ``workers`` processes.
        workers: LocalCluster size (default 2).
        options: processing options (stages, retries, batch size ...).
        on_partition: called after each partition finishes (progress bars).
        on_plan: called once with (partitions to run, partitions skipped).

    Returns:
        A :class:`BatchResult`; partitions that failed after every retry are
        listed in ``failed`` (and in ``_failed/`` under ``out``) and are
        tried again by the next run.
    """
    if engine not in ENGINES:
        raise errors.InputError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise errors.InputError("--scheduler needs --engine dask")
    t0 = time.perf_counter()
    parts = discover(list(inputs), options.files_per_partition, exclude=out)
    todo, skipped = _pending(parts, out)
    result = BatchResult(out=out, engine=engine, partitions=len(parts), skipped=skipped)
    if on_plan:
        on_plan(len(todo), skipped)
    progress = on_partition or (lambda part: None)
    if todo:
        if engine == "local":
            _run_local(todo, out, options, result, progress)
        else:
            _run_dask(todo, out, options, result, progress, scheduler, workers)
    result.seconds = time.perf_counter() - t0
    return result


def print_summary(result: BatchResult, stream=None) -> None:
    """The run's summary as one JSON object (on stdout by default)."""
    (stream or sys.stdout).write(json.dumps(result.summary(), ensure_ascii=False) + "\n")


__all__ = ["BatchResult", "ENGINES", "run_batch", "worker_plugin", "print_summary"]
