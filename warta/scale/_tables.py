"""The Parquet tables ``warta batch`` writes, and Records -> rows.

Layout under the output folder (Hive-style ``month=`` folders, so DuckDB,
Spark, pandas and ``pyarrow.dataset`` read ``month`` as a column)::

    articles/month=2016-08/part-<partition key>.parquet   one row per article, full Record JSON
    entities/month=2016-08/part-<key>.parquet              one row per entity mention
    quotes/month=.../part-<key>.parquet                    one row per quote
    events/month=.../part-<key>.parquet                    one row per event
    times/month=.../part-<key>.parquet                     one row per time expression
    quantities/month=.../part-<key>.parquet                one row per quantity
    errors/part-<key>.parquet                              one row per article that failed
    _manifest/<key>.json                                   one file per completed partition

``month`` is ``YYYY-MM`` of ``Record.published``, or ``unknown``. The schemas
are fixed here (not inferred) so every file of a table has the same types,
even when a column is all null.
"""

from __future__ import annotations

import json
from typing import Optional

import pyarrow as pa

from ..record import Record

UNKNOWN_MONTH = "unknown"

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", _S), ("published", _S), ("url", _S), ("outlet", _S), ("title", _S), ("language", _S),
        ("n_chars", _I), ("n_tokens", _I), ("n_sentences", _I), ("n_entities", _I), ("n_quotes", _I),
        ("n_times", _I), ("n_quantities", _I), ("n_events", _I), ("source", _S), ("schema_version", _S),
        ("record", _S),
    ]),
    "entities": pa.schema([
        ("article_id", _S), ("published", _S), ("start", _I), ("end", _I), ("text", _S), ("label", _S),
        ("canonical", _S), ("country", _S), ("lat", _F), ("lon", _F), ("geonameid", _I), ("role", _S),
        ("long_form", _S),
    ]),
    "quotes": pa.schema([
        ("article_id", _S), ("published", _S), ("start", _I), ("end", _I), ("text", _S), ("kind", _S),
        ("speaker", _S), ("speaker_canonical", _S), ("speaker_label", _S), ("speaker_start", _I),
        ("speaker_end", _I), ("cue", _S), ("cue_start", _I), ("cue_end", _I),
    ]),
    "events": pa.schema([
        ("article_id", _S), ("published", _S), ("sentence", _I), ("type", _S), ("mode", _S), ("cameo", _S),
        ("quad", _I), ("trigger", _S), ("trigger_start", _I), ("trigger_end", _I),
        ("actor", _S), ("actor_country", _S), ("actor_sector", _S),
        ("recipient", _S), ("recipient_country", _S), ("recipient_sector", _S),
        ("location", _S), ("location_country", _S), ("lat", _F), ("lon", _F),
        ("date", _S), ("date_source", _S), ("negated", _B), ("modality", _S),
        ("actors_json", _S), ("recipients_json", _S),
    ]),
    "times": pa.schema([
        ("article_id", _S), ("published", _S), ("start", _I), ("end", _I), ("text", _S), ("type", _S),
        ("value", _S), ("anchored", _B),
    ]),
    "quantities": pa.schema([
        ("article_id", _S), ("published", _S), ("start", _I), ("end", _I), ("text", _S), ("value", _F),
        ("min", _F), ("max", _F), ("modifier", _S), ("unit", _S), ("counted", _S),
    ]),
    "errors": pa.schema([
        ("partition", _S), ("origin", _S), ("index", _I), ("article_id", _S), ("stage", _S),
        ("error", _S), ("code", _S), ("message", _S),
    ]),
}
MONTHLY_TABLES = ("articles", "entities", "quotes", "events", "times", "quantities")


def month_of(published: Optional[str]) -> str:
    """``YYYY-MM`` of a ``YYYY-MM-DD`` date, or ``unknown``."""
    return published[:7] if published and len(published) >= 7 else UNKNOWN_MONTH


def _name(item) -> Optional[str]:
    return (item.canonical or item.text) if item is not None else None


def _first(actors, attr: str) -> Optional[str]:
    if not actors:
        return None
    if attr == "name":
        return _name(actors[0])
    return getattr(actors[0], attr)


def record_rows(rec: Record, n_tokens: int, source: str) -> dict[str, list[dict]]:
    """The rows one Record contributes to each monthly table."""
    base = {"article_id": rec.id, "published": rec.published}
    rows: dict[str, list[dict]] = {name: [] for name in MONTHLY_TABLES}
    rows["articles"].append({
        "id": rec.id, "published": rec.published, "url": rec.url, "outlet": rec.outlet, "title": rec.title,
        "language": rec.language, "n_chars": len(rec.text), "n_tokens": n_tokens,
        "n_sentences": len(rec.sentences), "n_entities": len(rec.entities), "n_quotes": len(rec.quotes),
        "n_times": len(rec.times), "n_quantities": len(rec.quantities), "n_events": len(rec.events),
        "source": source, "schema_version": rec.schema_version, "record": rec.to_json(),
    })
    for e in rec.entities:
        rows["entities"].append({
            **base, "start": e.start, "end": e.end, "text": e.text, "label": e.label, "canonical": e.canonical,
            "country": e.country, "lat": e.geo.lat if e.geo else None, "lon": e.geo.lon if e.geo else None,
            "geonameid": e.geo.geonameid if e.geo else None, "role": e.role, "long_form": e.long_form,
        })
    for q in rec.quotes:
        sp, cue = q.speaker, q.cue
        rows["quotes"].append({
            **base, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
            "speaker": sp.text if sp else None, "speaker_canonical": sp.canonical if sp else None,
            "speaker_label": sp.label if sp else None, "speaker_start": sp.start if sp else None,
            "speaker_end": sp.end if sp else None, "cue": cue.text if cue else None,
            "cue_start": cue.start if cue else None, "cue_end": cue.end if cue else None,
        })
    for ev in rec.events:
        loc = ev.location
        rows["events"].append({
            **base, "sentence": ev.sentence, "type": ev.type, "mode": ev.mode, "cameo": ev.cameo, "quad": ev.quad,
            "trigger": ev.trigger.text, "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
            "actor": _first(ev.actor, "name"), "actor_country": _first(ev.actor, "country"),
            "actor_sector": _first(ev.actor, "sector"),
            "recipient": _first(ev.recipient, "name"), "recipient_country": _first(ev.recipient, "country"),
            "recipient_sector": _first(ev.recipient, "sector"),
            "location": _name(loc), "location_country": loc.country if loc else None,
            "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "date": ev.date, "date_source": ev.date_source, "negated": ev.negated, "modality": ev.modality,
            "actors_json": json.dumps([a.model_dump(exclude_none=True) for a in ev.actor], ensure_ascii=False),
            "recipients_json": json.dumps([a.model_dump(exclude_none=True) for a in ev.recipient], ensure_ascii=False),
        })
    for t in rec.times:
        rows["times"].append({**base, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
                              "value": t.value, "anchored": t.anchored})
    for q in rec.quantities:
        rows["quantities"].append({**base, "start": q.start, "end": q.end, "text": q.text, "value": q.value,
                                   "min": q.min, "max": q.max, "modifier": q.modifier, "unit": q.unit,
                                   "counted": q.counted})
    return rows


def to_table(name: str, rows: list[dict]) -> pa.Table:
    """Rows as a table with the fixed schema of ``name``."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])
