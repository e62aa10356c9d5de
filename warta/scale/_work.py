"""The task a worker runs: one partition in, Parquet files and a manifest entry out.

The same function runs in-process (``--engine local``) and on Dask workers
(``--engine dask``), which is why both engines give identical Records. The
spaCy pipeline comes from :func:`warta.pipeline.load`, cached per process,
so each worker process loads the model once, not once per task.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Optional

from ..extraction import Outcome, process
from ..pipeline import STAGES
from ._inputs import Partition, read_partition
from ._tables import MONTHLY_TABLES, month_of, record_rows, to_table

MANIFEST_DIR = "_manifest"
FAILED_DIR = "_failed"


@dataclass(frozen=True)
class BatchOptions:
    """How articles are processed (one object instead of a row of flags).

    Attributes:
        stages: pipeline stages to run (default: all).
        force: process text that does not look Indonesian.
        batch_size: documents per ``nlp.pipe`` batch (default: ``settings.batch_size``).
        retries: extra attempts for a partition that fails as a whole.
        files_per_partition: single-article files grouped into one partition.
    """

    stages: tuple[str, ...] = STAGES
    force: bool = False
    batch_size: Optional[int] = None
    retries: int = 2
    files_per_partition: int = 1000


@dataclass
class PartitionResult:
    """Summary of one processed partition; also the body of its manifest entry."""

    key: str
    source: str
    fingerprint: str
    n_articles: int = 0
    n_errors: int = 0
    n_tokens: int = 0
    seconds: float = 0.0
    files: list[str] = field(default_factory=list)
    months: list[str] = field(default_factory=list)
    finished_at: str = ""


def origin_of(outcome: Outcome) -> str:
    """Where an outcome's article came from: the file, and the place in it unless it is the whole file."""
    if outcome.position in (None, "file"):
        return outcome.source or ""
    return f"{outcome.source} ({outcome.position})"


def _error_row(part: Partition, outcome: Outcome) -> dict:
    f = outcome.failure
    return {"partition": part.key, "origin": origin_of(outcome), "index": outcome.index,
            "article_id": outcome.article_id, "stage": f.stage, "error": f.error, "code": f.code,
            "message": f.reason}


def _write(fs, path: str, table) -> None:
    import pyarrow.parquet as pq

    # write beside, then move into place: a reader never sees half a file
    tmp = f"{path}.{uuid.uuid4().hex[:8]}.tmp"
    fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    with fs.open(tmp, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
    fs.mv(tmp, path)


def read_manifest(fs, root: str) -> dict[str, dict]:
    """Completed partitions under ``root``: key -> manifest entry."""
    folder = f"{root}/{MANIFEST_DIR}"
    if not fs.isdir(folder):
        return {}
    out = {}
    for path in fs.glob(f"{folder}/*.json"):
        with fs.open(path, "rt", encoding="utf-8") as fh:
            entry = json.load(fh)
        out[entry["key"]] = entry
    return out


def process_partition(part: Partition, out: str, options: BatchOptions = BatchOptions()) -> PartitionResult:
    """Process one partition and write its tables under ``out``.

    Files are named after the partition key, so a retry or a rerun overwrites
    what an interrupted attempt left. The manifest entry is written last: a
    partition counts as complete only once all its files are in place.

    Args:
        part: the partition (from :func:`warta.scale.discover`).
        out: output folder, a local path or an fsspec URL.
        options: processing options.

    Returns:
        The partition's :class:`PartitionResult` (also stored in the manifest).

    Raises:
        Exception: when the partition cannot be read or written; the runner retries it.
    """
    import fsspec

    t0 = time.perf_counter()
    fs, root = fsspec.core.url_to_fs(out)
    root = root.rstrip("/")
    tables: dict[str, dict[str, list[dict]]] = {name: {} for name in MONTHLY_TABLES}
    bad: list[dict] = []
    result = PartitionResult(key=part.key, source=part.source, fingerprint=part.fingerprint)
    outcomes = process(read_partition(part), force=options.force, stages=options.stages,
                       batch_size=options.batch_size)
    for outcome in outcomes:
        if not outcome.ok:
            bad.append(_error_row(part, outcome))
            continue
        rec = outcome.record
        month = month_of(rec.published)
        for name, rows in record_rows(rec, outcome.n_tokens, origin_of(outcome)).items():
            if rows:
                tables[name].setdefault(month, []).extend(rows)
        result.n_articles += 1
        result.n_tokens += outcome.n_tokens
    for name in MONTHLY_TABLES:
        for month, rows in sorted(tables[name].items()):
            rel = f"{name}/month={month}/part-{part.key}.parquet"
            _write(fs, f"{root}/{rel}", to_table(name, rows))
            result.files.append(rel)
    if bad:
        rel = f"errors/part-{part.key}.parquet"
        _write(fs, f"{root}/{rel}", to_table("errors", bad))
        result.files.append(rel)
    result.n_errors = len(bad)
    result.months = sorted(tables["articles"])
    # files of an earlier run of a changed input that this run did not rewrite
    previous = read_manifest_entry(fs, root, part.key)
    if previous:
        for rel in set(previous.get("files", [])) - set(result.files):
            if fs.exists(f"{root}/{rel}"):
                fs.rm(f"{root}/{rel}")
    result.seconds = round(time.perf_counter() - t0, 3)
    result.finished_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    entry = f"{root}/{MANIFEST_DIR}/{part.key}.json"
    fs.makedirs(f"{root}/{MANIFEST_DIR}", exist_ok=True)
    with fs.open(entry, "wt", encoding="utf-8") as fh:
        json.dump(asdict(result), fh, ensure_ascii=False, indent=1)
    return result


def read_manifest_entry(fs, root: str, key: str) -> Optional[dict]:
    """The manifest entry of partition ``key``, or None."""
    path = f"{root}/{MANIFEST_DIR}/{key}.json"
    if not fs.exists(path):
        return None
    with fs.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)
