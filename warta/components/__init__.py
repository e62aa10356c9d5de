"""warta's spaCy pipeline components, one per module.

Each public module defines one class and registers one factory of the same
name: ``segmenter`` (:class:`~.segmenter.Segmenter`), ``entity_resolver``
(``EntityResolver``), ``geo`` (``Geo``), ``timex`` (``Timex``),
``quantities`` (``Quantities``), ``quotes`` (``Quotes``), ``events``
(``Events``) and ``accurate_ner`` (``AccurateNer``, the accurate pipeline's
``ner`` stage, built only when asked); ``tokenizer`` registers the ``warta.Tokenizer.v1`` tokenizer.
Importing this package registers them all and the Doc/Span extensions they
write (see :mod:`warta.components.extensions`).

Private modules hold what a component module would otherwise repeat or
outgrow: ``_names`` (name finding and NER repairs, used by entity_resolver),
``_regex`` (regex building blocks), ``_speakers`` (quote speakers, used by
quotes), ``_timex_values`` (TIMEX3 date arithmetic, used by timex),
``_event_actors`` (event actors and recipients), ``_event_reference``
(event pronouns) and ``_event_context`` (event place, date, size, negation
and modality), functions that take the ``EventLexicon`` the events module
builds once. Shared by all: ``_doc_cache`` (values kept
once per Doc: its text, entities, token and sentence indexes), ``_sentences``
(sentence bounds in tokens and characters, ``Record.sentences``) and
``_words`` (word-shape tests such as ``is_cap``); ``_word_tagger`` (word-level
BIO tagging with a transformer, for accurate_ner and the NER teacher). No component imports the
Doc-to-Record layer (:mod:`warta.builder`); it imports them.
"""

from . import extensions  # noqa: F401  (registers Doc/Span extensions)
from . import tokenizer, segmenter, entity_resolver, geo, timex, quantities, quotes, events, accurate_ner  # noqa: F401

__all__ = ["extensions", "tokenizer", "segmenter", "entity_resolver", "geo", "timex", "quantities", "quotes", "events", "accurate_ner"]
