"""The public Python API: ``extract`` one article, ``extract_many`` and ``process`` for streams.

All three run :func:`warta.extraction.process`, the one extraction path.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator, Optional, Union

from ._input import Article, normalize_published
from .pipeline import STAGES
from .extraction import Failure, Outcome, process
from .record import Record

__all__ = ["extract", "extract_many", "process", "Outcome", "Failure", "Article"]


def _with_fields(article: Article, published, title: Optional[str], url: Optional[str]) -> Article:
    """``article`` with the fields given as arguments replaced (None keeps the article's own)."""
    changes = {}
    if published is not None:
        changes["published"] = normalize_published(published)
    if title is not None:
        changes["title"] = title
    if url is not None:
        changes["url"] = url
    return replace(article, **changes) if changes else article


def extract(text: Union[str, Article], published=None, title: Optional[str] = None, url: Optional[str] = None,
            *, force: bool = False, stages=STAGES, max_bytes: Optional[int] = None,
            model: str = "default") -> Record:
    """Extract everything warta knows from one Indonesian article.

    Args:
        text: the article body (plain text; paragraphs separated by blank
            lines), or an :class:`~warta._input.Article` as the readers give
            it (its id, outlet and notes go into the Record).
        published: publication date (``YYYY-MM-DD``, date or datetime); relative
            dates ("kemarin", "Rabu") are resolved against it.
        title: headline, stored in the Record.
        url: source URL; also the basis of the Record id and outlet.
        force: process text that does not look Indonesian.
        stages: pipeline stages to run (default: all).
        max_bytes: size limit for the text (default ``settings.max_bytes``, 5 MB).
        model: ``default`` (the shipped CNN NER) or ``accurate`` (a transformer
            NER, about ten times slower; needs ``pip install 'warta[accurate]'``).

    With an Article, ``published``, ``title`` and ``url`` replace its own when given.

    Returns:
        A validated :class:`warta.Record`.

    Raises:
        warta.errors.InputError: empty, binary, too large or non-Indonesian text,
            or a field of the wrong type or value.
    """
    if isinstance(text, Article):
        article = _with_fields(text, published, title, url)
    else:
        article = Article(text=text, title=title, published=normalize_published(published), url=url)
    (outcome,) = process([article], on_error="raise", force=force, stages=stages, max_bytes=max_bytes, model=model)
    return outcome.record


def extract_many(articles: Iterable[Union[str, dict, Article]], *, batch_size: Optional[int] = None,
                 force: bool = False, stages=STAGES, on_error: str = "raise",
                 model: str = "default") -> Iterator[Record]:
    """Stream Records for many articles through ``nlp.pipe`` (model loaded once).

    Args:
        articles: texts, article dicts (``text``, ``published``, ``title``,
            ``url``, ...) or :class:`Article` objects.
        batch_size: documents per ``nlp.pipe`` batch.
        on_error: ``"raise"`` stops at the first bad article; ``"skip"`` drops
            bad input and any article a pipeline component fails on (the rest
            of its batch is redone one article at a time and still comes through).
            :func:`process` says why each one failed.
        model: ``default`` or ``accurate`` (see :func:`extract`).

    Yields:
        One Record per accepted article, in input order.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    for outcome in process(articles, on_error=on_error, force=force, stages=stages, batch_size=batch_size,
                           model=model):
        yield outcome.record
