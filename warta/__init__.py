"""warta: structured, searchable facts from Indonesian-language news.

    >>> import warta
    >>> rec = warta.extract(text, published="2022-01-13")
    >>> rec.quotes[0].speaker.canonical
"""

from .api import extract, extract_many
from .errors import InputError, WartaError
from .record import Record, json_schema

__version__ = "0.1.0"

__all__ = ["extract", "extract_many", "Record", "json_schema", "InputError", "WartaError", "__version__"]
