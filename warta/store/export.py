"""Exporting the archive: Records as JSONL or Parquet, events as PLOVER or GDELT.

The PLOVER and GDELT writers live in :mod:`warta.export`; they are imported
only when asked for.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, Optional, Union

from ..errors import WartaError
from .db import iter_records

FORMATS = ("jsonl", "parquet", "plover", "gdelt", "timeml")


class ExportError(WartaError):
    code = "W310"


@contextmanager
def _text_out(out: Optional[Union[str, Path]]) -> Iterator[IO[str]]:
    if out in (None, "-"):
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def export(conn: sqlite3.Connection, fmt: str, out: Optional[Union[str, Path]] = None) -> int:
    """Write every stored article (or its events) in ``fmt`` to ``out`` (stdout for None).

    Args:
        fmt: ``jsonl`` (one Record per line), ``parquet`` (one row per
            article, the Record as JSON in column ``record``), ``plover``
            (PLOVER event JSON lines), ``gdelt`` (GDELT-style tab-separated
            event rows with a header) or ``timeml`` (one ``.tml`` per article
            in the folder ``out``).
        out: output file (a folder for TimeML); Parquet and TimeML need one.

    Returns:
        The number of rows written.

    Raises:
        ExportError: unknown format, Parquet to stdout, or a missing exporter.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "jsonl":
        n = 0
        with _text_out(out) as fh:
            for rec in iter_records(conn):
                fh.write(rec.to_json() + "\n")
                n += 1
        return n
    if fmt == "parquet":
        return _parquet(conn, out)
    if fmt == "timeml":
        if out in (None, "-"):
            raise ExportError("TimeML is one .tml file per article: give a folder with --out DIR")
        from ..export.timeml import write_timeml

        return write_timeml(iter_records(conn), out)
    if fmt == "plover":
        try:
            from ..export.plover import records_to_plover
        except ImportError as exc:
            raise ExportError(f"the PLOVER exporter (warta.export.plover) is not available: {exc}") from None
        n = 0
        with _text_out(out) as fh:
            for item in records_to_plover(iter_records(conn)):
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
                n += 1
        return n
    try:
        from ..export.gdelt import GDELT_COLUMNS, records_to_gdelt_rows
    except ImportError as exc:
        raise ExportError(f"the GDELT exporter (warta.export.gdelt) is not available: {exc}") from None
    n = 0
    with _text_out(out) as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(GDELT_COLUMNS)
        for row in records_to_gdelt_rows(iter_records(conn)):
            if isinstance(row, dict):
                row = [row.get(c) for c in GDELT_COLUMNS]
            writer.writerow(["" if v is None else v for v in row])
            n += 1
    return n


def _parquet(conn: sqlite3.Connection, out) -> int:
    if out in (None, "-"):
        raise ExportError("Parquet is binary: give an output file with --out FILE.parquet")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("Parquet export needs pyarrow: pip install 'warta[ingest]'") from None
    schema = pa.schema([
        ("id", pa.string()), ("url", pa.string()), ("outlet", pa.string()), ("title", pa.string()),
        ("published", pa.string()), ("language", pa.string()), ("text", pa.string()),
        ("n_entities", pa.int32()), ("n_quotes", pa.int32()), ("n_times", pa.int32()),
        ("n_quantities", pa.int32()), ("n_events", pa.int32()), ("record", pa.string()),
    ])
    n = 0
    with pq.ParquetWriter(str(out), schema) as writer:
        batch: list[dict] = []
        for rec in iter_records(conn):
            batch.append({
                "id": rec.id, "url": rec.url, "outlet": rec.outlet, "title": rec.title,
                "published": rec.published, "language": rec.language, "text": rec.text,
                "n_entities": len(rec.entities), "n_quotes": len(rec.quotes), "n_times": len(rec.times),
                "n_quantities": len(rec.quantities), "n_events": len(rec.events), "record": rec.to_json(),
            })
            if len(batch) >= 1000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
