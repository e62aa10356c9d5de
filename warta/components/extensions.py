"""Doc and Span extension attributes that warta's components write.

Components store their results as plain dicts shaped like the matching
``Record`` sub-model (offsets are character offsets into ``doc.text``), so
:func:`warta.builder.doc_to_record` only validates and collects them.

Doc._.published  str | None   publication date YYYY-MM-DD (set before the pipeline)
Doc._.dateline   dict | None  {start, end, text, place, outlet}
Doc._.credits    list[dict]   credit lines [{start, end, text}]
Doc._.quotes     list[dict]   Record.quotes items
Doc._.times      list[dict]   Record.times items
Doc._.quantities list[dict]   Record.quantities items
Doc._.events     list[dict]   Record.events items
Span._.canonical str | None   fullest form of an entity's name in the doc
Span._.country   str | None   ISO 3166 alpha-3
Span._.geo       dict | None  {lat, lon, geonameid}
Span._.role      str | None   title/role of a person
Span._.long_form str | None   the other side of an acronym/long-form pair

:func:`doc_text` is ``doc.text`` read once per Doc: spaCy rebuilds that
string from every token on each access, and the stages read it about nine
times per article. :func:`set_ents` is ``doc.ents = spans`` without its
per-token Python loop, and :func:`ents_of` keeps ``doc.ents`` between two
changes (for the entity resolver); both keep their copy through
:mod:`._doc_cache`. :func:`span_get` and :func:`span_set` read and write
the Span values above straight in ``doc.user_data``, where spaCy keeps them,
without building an ``Underscore`` object per access (hot loops only).
"""

from spacy.tokens import Doc, Span

from . import _doc_cache as cache

_DOC = {"published": None, "dateline": None}
_DOC_LISTS = ("credits", "quotes", "times", "quantities", "events")
_SPAN = ("canonical", "country", "geo", "role", "long_form")

for _name, _default in _DOC.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name in _DOC_LISTS:
    if not Doc.has_extension(_name):
        # a getter-less mutable default would be shared between docs
        Doc.set_extension(_name, default=None)
for _name in _SPAN:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def doc_list(doc: Doc, name: str) -> list:
    """The list stored in ``doc._.<name>``, created on first use."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


def doc_text(doc: Doc) -> str:
    """``doc.text``, built on first use and kept in ``doc.user_data``.

    A Doc's text never changes once tokenized (retokenizing keeps it), so
    every stage can share the one string.
    """
    return cache.cached(doc, cache.TEXT, _text)


def _text(doc: Doc) -> str:
    return doc.text


def prime_doc_text(doc: Doc, text: str) -> None:
    """Give :func:`doc_text` the string ``doc`` was tokenized from.

    spaCy's tokenizer is lossless (``doc.text == text``); the check on the
    last token's end is a cheap guard against a tokenizer that is not.
    """
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        cache.put(doc, cache.TEXT, text)


def ents_of(doc: Doc) -> tuple:
    """``doc.ents``, kept between calls until :func:`set_ents` changes them.

    spaCy builds a new Span per entity on every read of ``doc.ents``. Only a
    component that writes entities through :func:`set_ents` alone may read
    them here, and it must :func:`forget_ents` when it starts and ends, so no
    other writer can leave a stale copy behind.
    """
    return cache.cached(doc, cache.ENTS, _ents)


def _ents(doc: Doc) -> tuple:
    return doc.ents


def forget_ents(doc: Doc) -> None:
    """Drop the copy :func:`ents_of` keeps."""
    cache.forget(doc, cache.ENTS)


def set_ents(doc: Doc, spans) -> None:
    """``doc.ents = spans`` for Spans of ``doc``, with the same result.

    The ``doc.ents`` setter rebuilds every Span and then marks each token
    outside them through a Python-level comparison per token; naming the
    gaps between the entities as ``outside`` spans does the same marking in
    spaCy's C loop.
    """
    ents = [s for s in spans if s.label > 0]  # set_ents drops unlabelled spans, as the setter does
    outside, prev = [], 0
    for ent in sorted(ents, key=lambda s: s.start):
        if ent.start > prev:
            outside.append(Span(doc, prev, ent.start))
        prev = max(prev, ent.end)
    if prev < len(doc):
        outside.append(Span(doc, prev, len(doc)))
    doc.set_ents(ents, outside=outside, default="unmodified")
    forget_ents(doc)


def _span_layout_known() -> bool:
    """Whether spaCy keeps ``span._.<name>`` under ``("._.", name, start_char, end_char)``.

    Checked once on a two-word Doc: when a spaCy version keys them otherwise,
    :func:`span_get` and :func:`span_set` fall back to ``span._``.
    """
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=["a", "b"])
    span = doc[1:2]
    span._.role = "x"
    return doc.user_data == {("._.", "role", 2, 3): "x"} and doc[0:1]._.role is None


_FAST_SPANS = _span_layout_known()


def span_get(span: Span, name: str):
    """``span._.<name>`` for one of the Span values above (all default to None)."""
    if _FAST_SPANS:
        return span.doc.user_data.get(("._.", name, span.start_char, span.end_char))
    return getattr(span._, name)


def span_set(span: Span, name: str, value) -> None:
    """``span._.<name> = value`` for one of the Span values above."""
    if _FAST_SPANS:
        span.doc.user_data[("._.", name, span.start_char, span.end_char)] = value
    else:
        setattr(span._, name, value)
