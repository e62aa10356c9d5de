"""The warta archive: SQLite (WAL) with FTS5 search over Records.

    >>> from warta.store import Store, connect, queries
    >>> with Store("warta.db") as store:
    ...     store.add_record(record, source="feed.xml", position="3")
    >>> conn = connect("warta.db", readonly=True)
    >>> queries.search(conn, queries.SearchFilter(q="kerusuhan", person="Tokayev"))
"""

from . import queries
from .db import ArchiveNotFound, Store, connect, content_hash, get_record, iter_records, normalize_url
from .export import FORMATS, ExportError, export
from .fts import FtsQueryError, escape_fts, match_expression
from .migrations import MIGRATIONS, migrate
from .queries import EntityFilter, EventFilter, QueryError, QuoteFilter, SearchFilter

__all__ = [
    "ArchiveNotFound", "Store", "connect", "content_hash", "get_record", "iter_records", "normalize_url", "queries",
    "export", "FORMATS", "ExportError", "FtsQueryError", "escape_fts", "match_expression", "MIGRATIONS",
    "migrate", "SearchFilter", "QuoteFilter", "EventFilter", "EntityFilter", "QueryError",
]
