"""Turning what a user typed into a safe FTS5 ``MATCH`` expression.

Plain words are quoted one by one (after datasette's ``escape_fts``), so
"Kassym-Jomart", "13/1" or "Rp 1,5" search literally instead of tripping
FTS5's grammar. A query that uses FTS5 syntax on purpose (double quotes,
parentheses, ``AND``/``OR``/``NOT``/``NEAR``, ``*`` prefixes, ``^``) is
passed through after a dry run against an empty in-memory FTS5 table with
the archive's columns, so that every error FTS5 can give (a syntax error,
``unknown special query`` for ``*``, ``no such column`` for ``x:*``)
becomes :class:`FtsQueryError` before the real query runs: the CLI reports
it as a usage error (exit 2), the API as HTTP 400.
"""

from __future__ import annotations

import re
import sqlite3

from ..errors import FtsQueryError  # noqa: F401 (re-exported)

_OPERATORS = re.compile(r'["()*^]|\b(?:AND|OR|NOT|NEAR)\b')
_TOKEN = re.compile(r"\S+")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_QUERY_CHARS = 500
#: the columns of ``articles_fts`` (migration 0002), which column filters such as ``title:banjir`` name
FTS_COLUMNS = ("title", "text")


def uses_syntax(query: str) -> bool:
    """True when ``query`` asks for FTS5 operators (phrases, boolean words, prefixes)."""
    return bool(_OPERATORS.search(query))


def escape_fts(query: str) -> str:
    """Quote every whitespace-separated term so FTS5 reads it literally; all must match."""
    terms = [t.replace('"', '""') for t in _TOKEN.findall(query)]
    return " ".join(f'"{t}"' for t in terms)


def match_expression(query: str) -> str:
    """The MATCH argument for a user query (see the module docstring).

    Raises:
        FtsQueryError: the query is empty, too long, not valid Unicode, or not valid FTS5 syntax.
    """
    query = (query or "").strip()
    if not query:
        raise FtsQueryError("empty search query")
    if "\x00" in query:
        raise FtsQueryError("search query contains a NUL character")
    if _SURROGATE.search(query):  # undecodable bytes on a command line arrive as lone surrogates
        raise FtsQueryError("search query is not valid Unicode (a lone surrogate)")
    if len(query) > MAX_QUERY_CHARS:
        raise FtsQueryError(f"search query is over {MAX_QUERY_CHARS} characters")
    if not uses_syntax(query):
        return escape_fts(query)
    check_syntax(query)
    return query


def check_syntax(query: str) -> None:
    """Run ``query`` as a MATCH against an empty FTS5 table shaped like the archive's.

    Raises:
        FtsQueryError: whatever FTS5 says is wrong with it.
    """
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute(f"CREATE VIRTUAL TABLE probe USING fts5({', '.join(FTS_COLUMNS)}, "
                      "tokenize='unicode61 remove_diacritics 2')")
        probe.execute("SELECT 1 FROM probe WHERE probe MATCH ?", (query,)).fetchall()
    except sqlite3.Error as exc:
        raise explain_error(query, exc) from None
    finally:
        probe.close()


def explain_error(query: str, exc: Exception) -> FtsQueryError:
    """A user-facing error for an FTS5 failure on ``query``."""
    detail = str(exc).replace("fts5: ", "")
    return FtsQueryError(
        f"search syntax error in {query!r} ({detail}); drop the quotes, brackets and AND/OR/NOT words "
        f"to search the words literally, or close every double quote and bracket"
    )
