"""warta: structured, searchable facts from Indonesian-language news.

    >>> import warta
    >>> rec = warta.extract(text, published="2022-01-13")
    >>> rec.quotes[0].speaker.canonical
    >>> for outcome in warta.process(articles):  # a Record, or why not
    ...     print(outcome.record.id if outcome.ok else outcome.failure)
"""

from .api import extract, extract_many
from .errors import InputError, WartaError
from .extraction import Failure, Outcome, process
from .record import Record, json_schema

__version__ = "0.1.0"

__all__ = ["extract", "extract_many", "process", "Outcome", "Failure", "Record", "json_schema", "InputError",
           "WartaError", "__version__"]
