"""Reading ``warta batch`` output back: Records, for the SQLite store or anything else."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Optional

from .. import errors
from ..record import Record
from ._work import read_manifest


def article_files(out: str) -> list[str]:
    """The articles Parquet files of a batch output folder, as full paths/URLs, in a stable order.

    When the folder has a manifest, only files of completed partitions are
    listed (so half-written output of an interrupted run is never read).
    """
    import fsspec

    fs, root = fsspec.core.url_to_fs(out)
    root = root.rstrip("/")
    if not fs.isdir(root):
        raise errors.InputError(f"no such folder: {out}")
    done = read_manifest(fs, root)
    if done:
        rels = sorted(f for entry in done.values() for f in entry.get("files", []) if f.startswith("articles/"))
        paths = [f"{root}/{rel}" for rel in rels]
    else:
        paths = sorted(fs.glob(f"{root}/articles/**/*.parquet"))
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return paths if protocol in ("file", "local") else [fs.unstrip_protocol(p) for p in paths]


def iter_records_from_parquet(out: str, months: Optional[set[str]] = None) -> Iterator[Record]:
    """Every Record stored by ``warta batch`` under ``out``.

    Streams one row group at a time, so memory stays flat on large outputs.

    Args:
        out: the ``--out`` folder of a batch run (local path or fsspec URL).
        months: only these ``YYYY-MM`` months (or ``unknown``), when given.

    Yields:
        Validated :class:`warta.Record` objects, by month then partition.

    Raises:
        InputError: when ``out`` is not a folder.
    """
    for rec, _path, _row in _iter_located(out, months):
        yield rec


def _iter_located(out: str, months: Optional[set[str]] = None) -> Iterator[tuple[Record, str, int]]:
    """(Record, articles file, row number) for every stored Record."""
    import fsspec
    import pyarrow.parquet as pq

    for path in article_files(out):
        if months is not None:
            month = path.rsplit("/month=", 1)[-1].split("/", 1)[0]
            if month not in months:
                continue
        with fsspec.open(path, "rb") as fh:
            pf = pq.ParquetFile(fh)
            row = 0
            for batch in pf.iter_batches(batch_size=256, columns=["record"]):
                for text in batch.column(0).to_pylist():
                    yield Record.model_validate_json(text), path, row
                    row += 1


def ingest_parquet(outs: Iterable[str], db: str, batch_size: int = 500,
                   on_batch: Optional[Callable[[int], None]] = None) -> dict:
    """Load the Records of ``warta batch`` output folders into the SQLite archive.

    One process, one connection: SQLite takes one writer at a time, which is
    why the cluster writes Parquet and only this step touches the database.
    Records already in the archive (same id, URL or text) are skipped by the
    store, so rerunning it is safe.

    Args:
        outs: ``--out`` folders of batch runs (local paths or fsspec URLs).
        db: the SQLite archive path (created when missing).
        batch_size: Records per transaction.
        on_batch: called with the number of Records in each committed batch.

    Returns:
        ``{"read": n, "added": n, "duplicates": n}``.
    """
    from ..store import Store

    read = added = 0
    with Store(db) as store:
        for out in outs:
            pending: list = []
            for rec, path, row in _iter_located(out):
                pending.append((rec, path, str(row)))
                if len(pending) >= batch_size:
                    added += store.add_records(pending)
                    read += len(pending)
                    if on_batch:
                        on_batch(len(pending))
                    pending = []
            if pending:
                added += store.add_records(pending)
                read += len(pending)
                if on_batch:
                    on_batch(len(pending))
    return {"read": read, "added": added, "duplicates": read - added}
