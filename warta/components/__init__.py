"""warta's spaCy pipeline components, one per module.

Each module defines one class and registers one factory of the same name
(``segmenter``, ``entity_resolver``, ``geo``, ``timex``, ``quantities``,
``quotes``, ``events``). Importing this package registers them all and the
Doc/Span extensions they write (see :mod:`warta.components.extensions`).
"""

from . import extensions  # noqa: F401  (registers Doc/Span extensions)
from . import tokenizer, segmenter, entity_resolver, geo, timex, quantities, quotes, events  # noqa: F401

__all__ = ["extensions", "tokenizer", "segmenter", "entity_resolver", "geo", "timex", "quantities", "quotes", "events"]
