"""The public Python API: ``extract`` one article, ``extract_many`` for streams."""

from __future__ import annotations

from typing import Iterable, Iterator, Optional, Union

from . import errors
from ._input import Article, article_from_mapping, normalize_published
from .builder import doc_to_record
from .components.extensions import prime_doc_text
from .config import settings
from .langid import is_indonesian
from .pipeline import STAGES, load
from .record import Record


def _check(article: Article, force: bool, max_bytes: Optional[int] = None) -> None:
    if not article.text or not article.text.strip():
        raise errors.EmptyInput("article text is empty")
    if "\x00" in article.text:
        raise errors.BinaryInput("article text contains NUL bytes")
    limit = settings.max_bytes if max_bytes is None else max_bytes
    if len(article.text.encode("utf-8")) > limit:
        raise errors.InputTooLarge(f"article text is over the limit of {limit:,} bytes")
    if not force and not is_indonesian(article.text, settings.min_id_ratio):
        raise errors.NotIndonesian("text does not look Indonesian (use --force / force=True to process it anyway)")


def _make_doc(nlp, article: Article):
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    # spaCy's tokenizer keeps every character, so the text is known without joining the tokens again
    prime_doc_text(doc, article.text)
    return doc


def _record(doc, article: Article) -> Record:
    return doc_to_record(doc, title=article.title, published=article.published, url=article.url,
                         outlet=article.outlet, id=article.id, warnings=article.notes)


def extract(text: str, published=None, title: Optional[str] = None, url: Optional[str] = None,
            *, force: bool = False, stages=STAGES, max_bytes: Optional[int] = None) -> Record:
    """Extract everything warta knows from one Indonesian article.

    Args:
        text: the article body (plain text; paragraphs separated by blank lines).
        published: publication date (``YYYY-MM-DD``, date or datetime); relative
            dates ("kemarin", "Rabu") are resolved against it.
        title: headline, stored in the Record.
        url: source URL; also the basis of the Record id and outlet.
        force: process text that does not look Indonesian.
        stages: pipeline stages to run (default: all).
        max_bytes: size limit for the text (default ``settings.max_bytes``, 5 MB).

    Returns:
        A validated :class:`warta.Record`.

    Raises:
        warta.errors.InputError: empty, binary, too large or non-Indonesian text.
    """
    article = Article(text=text, title=title, published=normalize_published(published), url=url)
    _check(article, force, max_bytes)
    nlp = load(stages)
    doc = nlp(_make_doc(nlp, article))
    return _record(doc, article)


def _as_article(item: Union[str, dict, Article]) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(text=item)
    return article_from_mapping(item)


def extract_many(articles: Iterable[Union[str, dict, Article]], *, batch_size: Optional[int] = None,
                 force: bool = False, stages=STAGES, on_error: str = "raise") -> Iterator[Record]:
    """Stream Records for many articles through ``nlp.pipe`` (model loaded once).

    Args:
        articles: texts, article dicts (``text``, ``published``, ``title``,
            ``url``, ...) or :class:`Article` objects.
        batch_size: documents per ``nlp.pipe`` batch.
        on_error: ``"raise"`` stops at the first bad article; ``"skip"`` drops
            bad input and any article a pipeline component fails on (the rest
            of its batch is redone one article at a time and still comes through).

    Yields:
        One Record per accepted article, in input order.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    nlp = load(stages)

    def docs_and_articles():
        for item in articles:
            try:
                art = _as_article(item)
                _check(art, force)
            except errors.InputError:
                if on_error == "raise":
                    raise
                continue
            yield _make_doc(nlp, art), art

    size = batch_size or settings.batch_size
    if on_error == "skip":
        yield from _pipe_skipping_failures(nlp, docs_and_articles(), size)
        return
    for doc, art in nlp.pipe(docs_and_articles(), as_tuples=True, batch_size=size):
        yield _record(doc, art)


def _pipe_skipping_failures(nlp, pairs: Iterable, batch_size: int) -> Iterator[Record]:
    """``nlp.pipe`` chunk by chunk; a chunk that fails is redone article by article, failures dropped."""
    chunk: list = []
    for pair in pairs:
        chunk.append(pair)
        if len(chunk) >= batch_size:
            yield from _run_chunk(nlp, chunk, batch_size)
            chunk = []
    if chunk:
        yield from _run_chunk(nlp, chunk, batch_size)


def _run_chunk(nlp, chunk: list, batch_size: int) -> Iterator[Record]:
    try:
        records = [_record(doc, art) for doc, art in nlp.pipe(chunk, as_tuples=True, batch_size=batch_size)]
    except Exception:  # noqa: BLE001 (some article broke a component: find it below)
        records = None
    if records is not None:
        yield from records
        return
    for _doc, art in chunk:
        # a fresh Doc: the failed batch may have left the old one half annotated
        try:
            rec = _record(nlp(_make_doc(nlp, art)), art)
        except Exception:  # noqa: BLE001 (on_error="skip": drop this article, keep the rest)
            continue
        yield rec
