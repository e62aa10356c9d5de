"""Turning what a user typed into a safe FTS5 ``MATCH`` expression.

Plain words are quoted one by one (after datasette's ``escape_fts``), so
"Kassym-Jomart", "13/1" or "Rp 1,5" search literally instead of tripping
FTS5's grammar. A query that uses FTS5 syntax on purpose (double quotes,
parentheses, ``AND``/``OR``/``NOT``/``NEAR``, ``*`` prefixes, ``^``) is
passed through, and a syntax error in it becomes :class:`FtsQueryError`,
which the CLI and the API report as a usage error (HTTP 400).
"""

from __future__ import annotations

import re

from ..errors import FtsQueryError  # noqa: F401 (re-exported)

_OPERATORS = re.compile(r'["()*^]|\b(?:AND|OR|NOT|NEAR)\b')
_TOKEN = re.compile(r"\S+")
MAX_QUERY_CHARS = 500


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
        FtsQueryError: the query is empty or too long.
    """
    query = (query or "").strip()
    if not query:
        raise FtsQueryError("empty search query")
    if "\x00" in query:
        raise FtsQueryError("search query contains a NUL character")
    if len(query) > MAX_QUERY_CHARS:
        raise FtsQueryError(f"search query is over {MAX_QUERY_CHARS} characters")
    return query if uses_syntax(query) else escape_fts(query)


def explain_error(query: str, exc: Exception) -> FtsQueryError:
    """A user-facing error for an FTS5 failure on ``query``."""
    detail = str(exc).replace("fts5: ", "")
    return FtsQueryError(
        f"search syntax error in {query!r} ({detail}); drop the quotes, brackets and AND/OR/NOT words "
        f"to search the words literally, or close every double quote and bracket"
    )
