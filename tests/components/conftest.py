"""Component fixtures: running a pipeline on text with hand-set entities."""

from __future__ import annotations

import re

import pytest

_MARK = re.compile(r"\{([^{}|]+)\|([A-Z]+)\}")


def run_marked(nlp, marked_text):
    """Run ``nlp`` on text whose entities are written ``{surface|LABEL}``, as an NER would set them."""
    spans, parts, pos, last = [], [], 0, 0
    for m in _MARK.finditer(marked_text):
        parts.append(marked_text[last:m.start()])
        pos += m.start() - last
        spans.append((pos, pos + len(m.group(1)), m.group(2)))
        parts.append(m.group(1))
        pos += len(m.group(1))
        last = m.end()
    parts.append(marked_text[last:])
    doc = nlp.make_doc("".join(parts))
    doc.ents = [doc.char_span(s, e, label=lab) for s, e, lab in spans]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.fixture
def marked():
    """:func:`run_marked`: ``marked(nlp, "{Joko Widodo|PER} hadir.")`` gives the processed Doc."""
    return run_marked
