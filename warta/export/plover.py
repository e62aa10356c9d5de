"""Events as PLOVER JSON records, one dict per event.

Field names follow the PLOVER manual's "Data Fields" chapter (``id``,
``date``, ``actor``/``recipient`` entity objects with ``code``/``sector``,
``event``, ``mode``, ``event_loc``, ``event_text``, ``quad_code``) and the
flat POLECAT-style names researchers load into data frames (``event_id``,
``event_date``, ``event_type``, ``event_mode``, ``actor_country``,
``actor_sector``, ``recipient_country`` ...). Both are given, so a record
reads in either convention. warta extras: ``cameo``, ``negated``,
``modality``, ``sentence``, ``trigger``, ``date_source`` and the story fields.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Optional, Union

from .. import __version__
from ..record import Actor, Event, Record
from ._common import as_records, event_date, event_id, sentence_text

_SIZE_FIELDS = {"killed": "dead", "injured": "injured"}


def _entity(actor: Actor) -> dict:
    return {"entity_text": actor.text, "entity_name": actor.canonical or actor.text, "code": actor.country,
            "sector": actor.sector, "sector_code": actor.sector, "other_sector_codes": "",
            "start": actor.start, "end": actor.end}


def _first(actors: list[Actor], field: str) -> Optional[str]:
    return getattr(actors[0], field) if actors else None


def event_to_plover(record: Record, event: Event, index: int) -> dict:
    """One PLOVER record for the ``index``-th event of ``record``."""
    date = event_date(event, record)
    loc = event.location
    out = {
        "id": event_id(record, index),
        "event_id": event_id(record, index),
        "date": date,
        "event_date": date,
        "date_source": event.date_source,
        "event": [event.type],
        "event_type": event.type,
        "mode": [event.mode] if event.mode else [],
        "event_mode": event.mode,
        "context": [],
        "quad_code": event.quad,
        "cameo": event.cameo,
        "actor": [_entity(a) for a in event.actor],
        "actor_text": _first(event.actor, "text"),
        "actor_country": _first(event.actor, "country"),
        "actor_sector": _first(event.actor, "sector"),
        "recipient": [_entity(a) for a in event.recipient],
        "recipient_text": _first(event.recipient, "text"),
        "recipient_country": _first(event.recipient, "country"),
        "recipient_sector": _first(event.recipient, "sector"),
        "event_loc": None if loc is None else {
            "placename": loc.canonical or loc.text, "entity_text": loc.text, "country_code": loc.country,
            "lat": loc.lat, "lon": loc.lon, "admin1": loc.adm1, "province": loc.province, "regency": loc.regency},
        "event_text": [sentence_text(record, event)],
        "trigger": event.trigger.model_dump(),
        "sentence": event.sentence,
        "negated": event.negated,
        "modality": event.modality,
        "story_id": record.id,
        "story_date": record.published,
        "url": record.url,
        "publisher": record.outlet,
        "language": record.language,
        "coder": f"warta {__version__}",
    }
    for key, value in (event.size or {}).items():
        out[_SIZE_FIELDS.get(key, key)] = value
    return out


def records_to_plover(records: Iterable[Union[Record, dict]]) -> Iterator[dict]:
    """PLOVER event records for every event of every Record, in order.

    Args:
        records: :class:`warta.Record` objects or their JSON dicts.

    Yields:
        One JSON-serialisable dict per event (write them as JSON lines).
    """
    for rec in as_records(records):
        for i, ev in enumerate(rec.events):
            yield event_to_plover(rec, ev, i)
