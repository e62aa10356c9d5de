"""Reading ``warta batch`` output back: Records, for the SQLite store or anything else."""

from __future__ import annotations

from typing import Iterator, Optional

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
    import fsspec
    import pyarrow.parquet as pq

    for path in article_files(out):
        if months is not None:
            month = path.rsplit("/month=", 1)[-1].split("/", 1)[0]
            if month not in months:
                continue
        with fsspec.open(path, "rb") as fh:
            pf = pq.ParquetFile(fh)
            for batch in pf.iter_batches(batch_size=256, columns=["record"]):
                for text in batch.column(0).to_pylist():
                    yield Record.model_validate_json(text)
