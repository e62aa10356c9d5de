"""TimeML out: one ``.tml`` document per Record, with its TIMEX3 tags and the document creation time.

The text is the Record's text; each time expression becomes a ``TIMEX3``
with ``tid``, ``type`` and ``value`` (TIMEX3 values as warta writes them);
the DCT is the publication date (``functionInDocument="CREATION_TIME"``).
``warta eval timex`` reads these files back (:func:`warta.eval.timex.load_tml`),
so a Record's times round-trip. Nested or overlapping times cannot be tags
in XML: the first of two overlapping ones is kept (warta gives none today).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

from ..record import Record

_SAFE = re.compile(r"[^\w.-]+")


def record_to_timeml(rec: Record) -> str:
    """The TimeML document of one Record."""
    text = rec.text
    parts, pos, n = [], 0, 0
    for t in sorted(rec.times, key=lambda t: (t.start, -t.end)):
        if t.start < pos:
            continue  # overlaps the previous tag
        n += 1
        parts.append(escape(text[pos:t.start]))
        parts.append(f'<TIMEX3 tid="t{n}" type={quoteattr(t.type)} value={quoteattr(t.value)}>'
                     f"{escape(text[t.start:t.end])}</TIMEX3>")
        pos = t.end
    parts.append(escape(text[pos:]))
    dct = ""
    if rec.published:
        dct = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{rec.published}" temporalFunction="false" '
               f'functionInDocument="CREATION_TIME">{rec.published}</TIMEX3></DCT>\n')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n<DOCID>{escape(rec.id)}</DOCID>\n{dct}'
            f"<TEXT>{''.join(parts)}</TEXT>\n</TimeML>\n")


def write_timeml(records: Iterable[Record], folder) -> int:
    """Write ``<id>.tml`` for each Record into ``folder`` (created if needed); returns how many."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for rec in records:
        (folder / f"{_SAFE.sub('_', rec.id)}.tml").write_text(record_to_timeml(rec), encoding="utf-8")
        n += 1
    return n
