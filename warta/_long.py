"""Texts longer than one pipeline part: cut at paragraph breaks, processed part by part, joined again.

The pipeline's memory grows with the length of one Doc (about 3.5 MB per
1,000 characters, measured on the demo articles repeated to 200,000
characters), and spaCy refuses a Doc over 1,000,000 characters outright
(E088). A text over :data:`PART_CHARS` is therefore cut into parts of at
most that many characters, each ending at a paragraph break where there is
one (else a line break, a sentence end, a space); each part goes through
the pipeline alone, and the part Records are joined into one with their
offsets and sentence numbers shifted. Peak memory is then that of one part
plus the Record being built, whatever the length of the text.

What is lost: names and speakers are resolved within a part (an entity's
``canonical`` is the fullest form in its part). The Record says so in
``warnings``. News articles are far shorter than one part (the longest of
the 3,063 IndoSum articles has 8,336 characters), so this is for the odd
giant document, which must not fail or exhaust memory.
"""

from __future__ import annotations

from typing import Iterator

from .record import Record

#: the longest text that goes through the pipeline as one Doc
PART_CHARS = 50_000
# where a part may end, best first; a cut is taken only in the back half of the window so parts are not tiny
_BREAKS = ("\n\n", "\n", ". ", " ")
_LISTS = ("sentences", "entities", "quotes", "times", "quantities", "events", "credits")


def part_bounds(text: str, limit: int = PART_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of each part of ``text``; the parts join to ``text`` exactly."""
    bounds, pos = [], 0
    while len(text) - pos > limit:
        window = text[pos:pos + limit]
        cut = limit  # no break in the back half at all: cut hard
        for sep in _BREAKS:
            at = window.rfind(sep, limit // 2)
            if at >= 0:
                cut = at + len(sep)
                break
        bounds.append((pos, pos + cut))
        pos += cut
    bounds.append((pos, len(text)))
    return bounds


def _shift(value, chars: int, sentences: int):
    """A copy of a dumped Record item with every ``start``/``end`` moved by ``chars``, ``sentence`` by ``sentences``."""
    if isinstance(value, list):
        return [_shift(v, chars, sentences) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        if key in ("start", "end") and isinstance(item, int):
            out[key] = item + chars
        elif key == "sentence" and isinstance(item, int):
            out[key] = item + sentences
        elif key == "size":  # event sizes are counts, not offsets
            out[key] = item
        else:
            out[key] = _shift(item, chars, sentences)
    return out


def join_parts(text: str, parts: Iterator[tuple[int, Record]], record_id: str, limit: int = PART_CHARS) -> Record:
    """One Record for ``text`` from the Records of its parts (at most ``limit`` characters), each given with
    the offset where it starts."""
    joined: dict = {}
    sentences = 0
    for n, (offset, rec) in enumerate(parts):
        dumped = rec.model_dump()
        if not joined:
            joined = {**dumped, "id": record_id, "text": text, **{name: [] for name in _LISTS}}
            joined["warnings"] = list(dumped["warnings"])
        for name in _LISTS:
            joined[name].extend(_shift(dumped[name], offset, sentences))
        sentences += len(dumped["sentences"])
    count = n + 1
    joined["warnings"].append(
        f"text of {len(text):,} characters was processed in {count} parts of at most {limit:,} characters, "
        f"cut at paragraph breaks; names and speakers are resolved within each part")
    return Record.model_validate(joined)
