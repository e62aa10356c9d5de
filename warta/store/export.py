"""Exporting the archive: Records as JSONL or Parquet, events as PLOVER, GDELT
or an aggregate count table (CSV), all optionally filtered.

The PLOVER and GDELT writers live in :mod:`warta.export`; they are imported
only when asked for.
"""

from __future__ import annotations

import csv
import importlib
import json
import sqlite3
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterator, Optional, Union

from ..errors import ExportError  # noqa: F401 (re-exported)
from . import queries
from .db import iter_records

FORMATS = ("jsonl", "parquet", "plover", "gdelt", "timeml", "counts")
RECORD_FORMATS = ("jsonl", "parquet", "timeml")
COUNT_COLUMNS = ("day", "type", "country", "adm1", "province", "events")


@dataclass
class ExportFilter:
    """Which part of the archive to export.

    For the article formats (``jsonl``, ``parquet``, ``timeml``) ``since``/``until`` bound
    the publication date and ``type``/``modality`` keep the articles with at
    least one such event (whole Records). For the event formats (``plover``,
    ``gdelt``, ``counts``) ``since``/``until`` bound the event's day (its date,
    else the publication date) and only matching events are written.
    ``outlet`` matches part of the outlet name in both.
    """

    since: Optional[str] = None
    until: Optional[str] = None
    type: Optional[str] = None
    outlet: Optional[str] = None
    modality: Optional[str] = None
    #: event formats only: also write events that did not happen as reported (negated, future,
    #: hypothetical, question, obligation), with their flags; by default only asserted, non-negated ones
    all_modalities: bool = False

    def event_filter(self) -> queries.EventFilter:
        return queries.EventFilter(type=self.type, since=self.since, until=self.until, outlet=self.outlet,
                                   modality=self.modality, happened_only=not (self.all_modalities or self.modality))


def _selection(conn: sqlite3.Connection, flt: ExportFilter, by_event_day: bool) -> tuple[str, tuple, Callable]:
    """SQL condition on articles (alias ``a``) and a per-event test, for ``flt``.

    Raises:
        QueryError: a bad date, type or modality.
    """
    on_events = queries.EventFilter(type=flt.type, modality=flt.modality,
                                    since=flt.since if by_event_day else None,
                                    until=flt.until if by_event_day else None)
    ev_where, ev_params = queries._event_where(conn, on_events)  # validates type, modality and dates
    where, params = [], []
    if flt.outlet:
        where.append("a.outlet LIKE ? ESCAPE '\\'")
        params.append(queries._like(flt.outlet))
    if not by_event_day:
        queries._date_range("a.published", flt.since, flt.until, where, params)
    if ev_where:
        where.append("EXISTS (SELECT 1 FROM events v WHERE v.article_id = a.id AND " + " AND ".join(ev_where) + ")")
        params += ev_params
    day_lo, day_hi = on_events.since and queries.date_bound(on_events.since), \
        on_events.until and queries.date_bound(on_events.until, end=True)
    type_ = (flt.type or "").strip().upper()
    modality = (flt.modality or "").strip().lower()

    def keep(record, event) -> bool:
        from ..export._common import event_date

        if type_ and event.type != type_ or modality and event.modality != modality:
            return False
        if not (flt.all_modalities or modality) and (event.negated or (event.modality or "asserted") != "asserted"):
            return False  # GDELT/PLOVER counts are of what happened: not refused, planned or asked-about acts
        day = event_date(event, record)
        return not (day_lo and (not day or day < day_lo) or day_hi and (not day or day > day_hi))

    return " AND ".join(where), tuple(params), keep


@contextmanager
def _text_out(out: Optional[Union[str, Path]]) -> Iterator[IO[str]]:
    if out in (None, "-"):
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def _filtered(records, keep: Optional[Callable]):
    """Records with only the events ``keep`` accepts, each event with its index in the stored Record.

    Yields ``(record, [(index, event), ...])``; the original index keeps event
    ids stable whatever the filter.
    """
    for rec in records:
        yield rec, [(i, ev) for i, ev in enumerate(rec.events) if keep is None or keep(rec, ev)]


def export(conn: sqlite3.Connection, fmt: str, out: Optional[Union[str, Path]] = None,
           filters: Optional[ExportFilter] = None) -> int:
    """Write the stored articles (or their events) in ``fmt`` to ``out`` (stdout for None).

    Args:
        fmt: ``jsonl`` (one Record per line), ``parquet`` (one row per
            article, the Record as JSON in column ``record``), ``plover``
            (PLOVER event JSON lines), ``gdelt`` (GDELT-style tab-separated
            event rows with a header), ``timeml`` (one ``.tml`` per article
            in the folder ``out``) or ``counts`` (CSV: events per day,
            PLOVER type and place, columns :data:`COUNT_COLUMNS`).
        out: output file (a folder for TimeML); Parquet and TimeML need one.
        filters: what to keep (see :class:`ExportFilter`); None exports all.

    Returns:
        The number of rows written.

    Raises:
        ExportError: unknown format, Parquet to stdout, or a missing exporter;
        QueryError: a bad filter value.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    flt = filters or ExportFilter()
    if fmt == "counts":
        return _counts(conn, flt, out)
    where, params, keep = _selection(conn, flt, by_event_day=fmt not in RECORD_FORMATS)
    # event formats write what happened unless asked for every modality: always through the filter then
    selective = any(v for k, v in vars(flt).items() if k != "all_modalities") \
        or (fmt in ("plover", "gdelt") and not flt.all_modalities)
    records = iter_records(conn, where=where, params=params)
    if fmt == "jsonl":
        n = 0
        with _text_out(out) as fh:
            for rec in records:
                fh.write(rec.to_json() + "\n")
                n += 1
        return n
    if fmt == "parquet":
        return _parquet(records, out)
    if fmt == "timeml":
        if out in (None, "-"):
            raise ExportError("TimeML is one .tml file per article: give a folder with --out DIR")
        from ..export.timeml import write_timeml

        return write_timeml(records, out)
    if fmt == "plover":
        try:
            plover = importlib.import_module("warta.export.plover")
        except ImportError as exc:
            raise ExportError(f"the PLOVER exporter (warta.export.plover) is not available: {exc}") from None
        items = (plover.records_to_plover(records) if not selective else
                 (plover.event_to_plover(rec, ev, i) for rec, evs in _filtered(records, keep) for i, ev in evs))
        n = 0
        with _text_out(out) as fh:
            for item in items:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
                n += 1
        return n
    try:
        gdelt = importlib.import_module("warta.export.gdelt")
    except ImportError as exc:
        raise ExportError(f"the GDELT exporter (warta.export.gdelt) is not available: {exc}") from None
    from .stories import event_counts

    # One happening reported by several articles counts them all (NumMentions,
    # NumSources, NumArticles over its whole story, whatever the filter). The
    # counts go to the writer only when the archive has multi-article stories,
    # which keeps the one-argument exporter contract for archives without.
    counts = event_counts(conn)
    if not selective:
        rows = gdelt.records_to_gdelt_rows(records, counts=counts) if counts else gdelt.records_to_gdelt_rows(records)
    elif counts:
        rows = (gdelt.event_to_gdelt(rec, ev, i, counts.get((rec.id, i)))
                for rec, evs in _filtered(records, keep) for i, ev in evs)
    else:
        rows = (gdelt.event_to_gdelt(rec, ev, i) for rec, evs in _filtered(records, keep) for i, ev in evs)
    n = 0
    with _text_out(out) as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(gdelt.GDELT_COLUMNS)
        for row in rows:
            if isinstance(row, dict):
                row = [row.get(c) for c in gdelt.GDELT_COLUMNS]
            writer.writerow(["" if v is None else v for v in row])
            n += 1
    return n


def _counts(conn: sqlite3.Connection, flt: ExportFilter, out) -> int:
    rows = queries.event_aggregate(conn, flt.event_filter())
    with _text_out(out) as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COUNT_COLUMNS)
        for r in rows:
            writer.writerow(["" if r[c] is None else r[c] for c in COUNT_COLUMNS])
    return len(rows)


def _parquet(records, out) -> int:
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
        for rec in records:
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
