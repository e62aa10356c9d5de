"""The one extraction path: articles in, one :class:`Outcome` per article out, in input order.

``warta.extract``, ``warta.extract_many``, ``warta ingest``, ``warta batch``
and ``warta bench`` all run :func:`process`, so an article gives the same
Record whichever of them reads it, and a bad article fails the same way
everywhere: at one stage, with a code and a one-line reason, while the
articles around it go on.

Stages an article passes (and may fail at):

- ``input``: turning what was given (text, dict, :class:`~warta._input.Article`,
  a reader's :class:`~warta.readers.Item`) into a validated article;
- ``check``: empty, binary, over the size limit, not Indonesian;
- ``pipeline``: the spaCy pipeline (``nlp.pipe`` in batches; a batch that
  fails is redone one article at a time, so only the article a component
  fails on is lost; a text over 50,000 characters goes through part by
  part, see :mod:`warta._long`);
- ``record``: building and validating the Record.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Optional, Union

from . import errors, pipeline
from ._input import Article, article_from_mapping, string_field, validate_article
from ._long import PART_CHARS, join_parts, part_bounds
from .builder import doc_to_record, record_id
from .components.extensions import prime_doc_text
from .config import settings
from .langid import is_indonesian
from .readers import Item
from .record import Record

#: what :func:`process` does with an article that fails: yield its Outcome, drop it, or raise its error
ON_ERROR = ("report", "skip", "raise")
STAGES_OF_FAILURE = ("input", "check", "pipeline", "record")


@dataclass(frozen=True)
class Failure:
    """Why an article gave no Record.

    Attributes:
        stage: ``input``, ``check``, ``pipeline`` or ``record``.
        code: the :mod:`warta.errors` code (``W500`` for an unexpected error).
        reason: one line for people.
        error: the exception's class name.
    """

    stage: str
    code: str
    reason: str
    error: str

    @classmethod
    def of(cls, stage: str, exc: BaseException) -> "Failure":
        """The Failure for ``exc`` raised at ``stage``."""
        if isinstance(exc, errors.WartaError):
            code, reason = exc.code, exc.message
        else:  # a bug: the class name tells more than the message alone
            code, reason = errors.ProcessingError.code, f"{type(exc).__name__}: {exc}"
        return cls(stage, code, " ".join(str(reason).split())[:2000], type(exc).__name__)


@dataclass
class Outcome:
    """What became of one input article: a Record, or a :class:`Failure`.

    Attributes:
        index: the article's place in the input (0-based).
        record: the Record, when extraction succeeded.
        failure: why not, otherwise.
        source: where it was read from (file or URL), for reader items.
        position: where in the source (``line 3`` ...), for reader items.
        article_id: the article's id when known (also for most failures).
        n_tokens: tokens in the article's Doc (0 for a failure).
    """

    index: int
    record: Optional[Record] = None
    failure: Optional[Failure] = None
    source: Optional[str] = None
    position: Optional[str] = None
    article_id: Optional[str] = None
    n_tokens: int = 0

    @property
    def ok(self) -> bool:
        """True when there is a Record."""
        return self.record is not None


@dataclass
class _Job:
    """One article on its way through :func:`process`."""

    outcome: Outcome
    article: Optional[Article] = None
    exc: Optional[BaseException] = None  # kept here, not in Outcome: exceptions need not pickle

    def fail(self, stage: str, exc: BaseException) -> "_Job":
        self.outcome.failure, self.exc, self.article = Failure.of(stage, exc), exc, None
        return self


def as_article(item: Union[str, dict, Article]) -> Article:
    """A validated :class:`Article` from a text, an article dict or an Article.

    Raises:
        InputError: a field of the wrong type or value (the reason names it).
    """
    if isinstance(item, Article):
        return validate_article(item)
    if isinstance(item, str):
        return Article(text=string_field("text", item))
    return article_from_mapping(item)


def check(article: Article, force: bool = False, max_bytes: Optional[int] = None) -> None:
    """Raise the :class:`~warta.errors.InputError` that keeps ``article`` out of the pipeline, if any."""
    if not article.text or not article.text.strip():
        raise errors.EmptyInput("article text is empty")
    if "\x00" in article.text:
        raise errors.BinaryInput("article text contains NUL bytes")
    limit = settings.max_bytes if max_bytes is None else max_bytes
    if len(article.text.encode("utf-8")) > limit:
        raise errors.InputTooLarge(f"article text is over the limit of {limit:,} bytes")
    if not force and not is_indonesian(article.text, settings.min_id_ratio):
        raise errors.NotIndonesian("text does not look Indonesian (use --force / force=True to process it anyway)")


def make_doc(nlp, article: Article):
    """The tokenized Doc of ``article``, its publication date set, ready for the pipeline."""
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    # spaCy's tokenizer keeps every character, so the text is known without joining the tokens again
    prime_doc_text(doc, article.text)
    return doc


def to_record(doc, article: Article) -> Record:
    """The Record of a processed ``doc``, with the article's metadata."""
    return doc_to_record(doc, title=article.title, published=article.published, url=article.url,
                         outlet=article.outlet, id=article.id, warnings=article.notes)


def _admit(index: int, item, force: bool, max_bytes: Optional[int]) -> _Job:
    """Input and check stages for one item."""
    job = _Job(Outcome(index))
    try:
        if isinstance(item, Item):
            job.outcome.source, job.outcome.position, job.outcome.article_id = item.source, item.position, item.id
            if item.error is not None:
                return job.fail("input", item.error)
            article = item.article
        else:
            article = as_article(item)
    except Exception as exc:  # noqa: BLE001 (one bad article must not stop the others)
        return job.fail("input", exc)
    job.outcome.article_id = article.id or job.outcome.article_id
    try:
        check(article, force, max_bytes)
    except Exception as exc:  # noqa: BLE001 (an InputError, or a bug in a check: either way only this article)
        return job.fail("check", exc)
    job.article = article
    return job


def _pipe(nlp, jobs: list[_Job], batch_size: int) -> Optional[list]:
    """Docs of ``jobs`` through ``nlp.pipe``, or None when some article broke a component."""
    try:
        return list(nlp.pipe((make_doc(nlp, j.article) for j in jobs), batch_size=batch_size))
    except Exception:  # noqa: BLE001 (found article by article in _finish)
        return None


def _finish(nlp, job: _Job, doc) -> None:
    """Pipeline (when ``doc`` is None: this article alone) and record stages for one job."""
    if doc is None:
        try:
            # a fresh Doc: the failed batch may have left the old one half annotated
            doc = nlp(make_doc(nlp, job.article))
        except Exception as exc:  # noqa: BLE001 (on to the next article)
            job.fail("pipeline", exc)
            return
    try:
        rec = to_record(doc, job.article)
    except Exception as exc:  # noqa: BLE001
        job.fail("record", exc)
        return
    job.outcome.record, job.outcome.n_tokens, job.outcome.article_id = rec, len(doc), rec.id


def _part_chars(nlp) -> int:
    # spaCy refuses a Doc over nlp.max_length characters (E088): a part never is
    return min(PART_CHARS, nlp.max_length)


def _parts(nlp, job: _Job) -> Iterator[tuple[int, Record]]:
    """The Records of a long article's parts, with the offset each starts at (tokens counted on the job)."""
    art = job.article
    for start, end in part_bounds(art.text, _part_chars(nlp)):
        part = replace(art, text=art.text[start:end])
        doc = nlp(make_doc(nlp, part))
        job.outcome.n_tokens += len(doc)
        yield start, to_record(doc, part)


def _finish_long(nlp, job: _Job) -> None:
    """Pipeline and record stages for an article over the part limit: part by part (see :mod:`warta._long`)."""
    art = job.article
    try:
        rec = join_parts(art.text, _parts(nlp, job), art.id or record_id(art.text, art.url), _part_chars(nlp))
    except Exception as exc:  # noqa: BLE001 (on to the next article)
        job.outcome.n_tokens = 0
        job.fail("pipeline", exc)
        return
    job.outcome.record, job.outcome.article_id = rec, rec.id


def _run(nlp, chunk: list[_Job], batch_size: int) -> list[_Job]:
    live = [j for j in chunk if j.article is not None]
    limit = _part_chars(nlp)
    short = [j for j in live if len(j.article.text) <= limit]
    long = [j for j in live if len(j.article.text) > limit]
    docs = _pipe(nlp, short, batch_size) if short else []
    for n, job in enumerate(short):
        _finish(nlp, job, docs[n] if docs is not None else None)
    for job in long:
        _finish_long(nlp, job)
    return chunk


def _emit(chunk: list[_Job], on_error: str) -> Iterator[Outcome]:
    for job in chunk:
        if job.outcome.failure is None:
            yield job.outcome
        elif on_error == "raise":
            raise job.exc
        elif on_error == "report":
            yield job.outcome


def process(items: Iterable[Union[str, dict, Article, Item]], *, on_error: str = "report", force: bool = False,
            stages: Iterable[str] = pipeline.STAGES, batch_size: Optional[int] = None,
            max_bytes: Optional[int] = None, model: str = "default") -> Iterator[Outcome]:
    """Extract many articles; one :class:`Outcome` per article, in input order.

    Args:
        items: texts, article dicts (``text``, ``published``, ``title``,
            ``url``, ...), :class:`~warta._input.Article` objects or reader
            :class:`~warta.readers.Item` objects (whose ``source`` and
            ``position`` the Outcome carries).
        on_error: ``"report"`` yields an Outcome with a :class:`Failure` for
            an article that fails; ``"skip"`` leaves it out; ``"raise"``
            raises its error (after the Outcomes before it).
        force: process text that does not look Indonesian.
        stages: pipeline stages to run (default: all).
        batch_size: articles per ``nlp.pipe`` batch (default ``settings.batch_size``).
        max_bytes: size limit for one text (default ``settings.max_bytes``).
        model: ``default`` or ``accurate`` (the transformer NER; see :data:`warta.pipeline.MODELS`).

    Yields:
        Outcomes, one per item unless skipped.

    Raises:
        ValueError: an unknown ``on_error`` or ``model``.
        ModelError: the accurate model, or torch, is missing.
    """
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, not {on_error!r}")
    nlp = pipeline.load(stages, model)
    size = batch_size or settings.batch_size
    chunk: list[_Job] = []
    live = 0
    for index, item in enumerate(items):
        job = _admit(index, item, force, max_bytes)
        chunk.append(job)
        live += job.article is not None
        if live >= size or (job.exc is not None and on_error == "raise"):
            yield from _emit(_run(nlp, chunk, size), on_error)
            chunk, live = [], 0
    if chunk:
        yield from _emit(_run(nlp, chunk, size), on_error)
