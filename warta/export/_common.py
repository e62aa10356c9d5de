"""Helpers shared by the PLOVER and GDELT exports."""

from __future__ import annotations

import hashlib
import re
from typing import Iterable, Iterator, Optional, Union

from ..record import Event, Record

_FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def as_records(records: Iterable[Union[Record, dict]]) -> Iterator[Record]:
    """Records from Record objects or their dicts (as read back from JSON)."""
    for rec in records:
        yield rec if isinstance(rec, Record) else Record.model_validate(rec)


def event_id(record: Record, index: int) -> str:
    """Stable id of the ``index``-th event of ``record``: ``<record id>-<index>``."""
    return f"{record.id}-{index:03d}"


def numeric_id(record: Record, index: int) -> int:
    """A stable positive integer id (GDELT's GlobalEventID is numeric)."""
    digest = hashlib.sha1(event_id(record, index).encode("utf-8")).hexdigest()
    return int(digest[:13], 16)


def event_date(event: Event, record: Record) -> Optional[str]:
    """YYYY-MM-DD of the event: its TIMEX3 date when it names a day, else the publication date."""
    for value in (event.date, record.published):
        m = _FULL_DATE.match(value or "")
        if m:
            return m.group(0)
    return None


def sentence_text(record: Record, event: Event) -> str:
    """The text of the sentence an event was read from (its evidence)."""
    if 0 <= event.sentence < len(record.sentences):
        s = record.sentences[event.sentence]
        return record.text[s.start:s.end]
    return event.trigger.text
