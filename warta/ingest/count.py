"""How many documents an ingest will read, counted before it starts (for the progress bar's total and ETA).

Counting reads each file once without extracting anything: lines of a
JSONL file, items of a JSON list, rows of a Parquet file, ``<item>``/``<entry>``
tags of a feed, and HTML or text records of a WARC. It follows the readers
in :mod:`warta.readers`; where a file cannot be counted the bar simply
has no total.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Optional, Union

from ..readers import iter_files, kind_of, open_binary

_FEED_ITEM = re.compile(rb"<(?:item|entry)[\s>]", re.I)


def _count_file(path: Path) -> Optional[int]:
    kind = kind_of(path)
    if kind in ("txt", "html") or kind is None:
        return 1  # one document, or one error item for an unknown type
    if kind == "jsonl":
        with open_binary(path) as fh:  # .jsonl.gz and the like: lines of the decompressed text
            return sum(1 for line in fh if line.strip())
    if kind == "json":
        try:
            with open_binary(path) as fh:
                data = json.loads(fh.read().decode("utf-8-sig", errors="replace"))
        except ValueError:
            return 1  # the reader reports the whole file as one error
        return len(data) if isinstance(data, list) else 1
    if kind == "parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(str(path)).metadata.num_rows
    if kind == "feed":
        return len(_FEED_ITEM.findall(path.read_bytes())) or None
    if kind == "warc":
        from warcio.archiveiterator import ArchiveIterator

        n = 0
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type not in ("response", "resource"):
                    continue
                headers = record.http_headers if record.rec_type == "response" else record.rec_headers
                if headers is None:
                    continue
                ctype = (headers.get_header("Content-Type") or "").lower()
                n += any(t in ctype for t in ("html", "text/plain"))
        return n
    return None


def count_documents(paths: Iterable[Union[str, Path]]) -> Optional[int]:
    """The number of documents under ``paths``, or None when some file cannot be counted.

    Raises:
        InputError: a path that does not exist.
    """
    total = 0
    for path in iter_files(paths):
        try:
            n = _count_file(path)
        except Exception:  # noqa: BLE001 (an uncountable file: no total, the ingest itself reports the file)
            return None
        if n is None:
            return None
        total += n
    return total
