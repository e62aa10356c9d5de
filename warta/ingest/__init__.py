"""Reading news into the archive: files, folders, feeds and web archives.

    >>> from warta.ingest import ingest, IngestOptions
    >>> summary = ingest(["corpus/"], "warta.db", IngestOptions(workers=2))
    >>> print(summary.line())

The reader registry (:mod:`warta.readers`, shared with ``warta batch``) turns
.txt, .html, .json, .jsonl(.gz), .parquet, RSS/Atom and WARC files into
articles; :func:`ingest` skips the ones already stored (same URL or same
text), extracts the rest through :func:`warta.extraction.process` and stores
them, logging bad documents in the ``errors`` table.
"""

from ..readers import SUFFIXES, Item, html_fragment_to_text, iter_files, iter_items, read_source
from .runner import IngestOptions, IngestSummary, extract_batch, ingest

#: one file's documents (the name ingest had before the registry was shared with batch)
read_path = read_source

__all__ = ["ingest", "IngestOptions", "IngestSummary", "extract_batch", "iter_items", "iter_files", "read_path",
           "read_source", "Item", "SUFFIXES", "html_fragment_to_text"]
