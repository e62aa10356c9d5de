"""Reading news into the archive: files, folders, feeds and web archives.

    >>> from warta.ingest import ingest, IngestOptions
    >>> summary = ingest(["corpus/"], "warta.db", IngestOptions(workers=2))
    >>> print(summary.line())

Readers (:mod:`warta.ingest.readers`) turn .txt, .html, .json, .jsonl,
.parquet, RSS/Atom and WARC files into articles; :func:`ingest` skips the
ones already stored (same URL or same text), extracts the rest and stores
them, logging bad documents in the ``errors`` table.
"""

from .readers import SUFFIXES, Item, html_fragment_to_text, iter_files, iter_items, read_path
from .runner import IngestOptions, IngestSummary, extract_batch, ingest

__all__ = ["ingest", "IngestOptions", "IngestSummary", "extract_batch", "iter_items", "iter_files", "read_path",
           "Item", "SUFFIXES", "html_fragment_to_text"]
