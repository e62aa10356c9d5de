"""Finding input partitions and reading articles out of them.

A partition is the unit of work, of retry and of resumption:

- one file that holds many documents (``.jsonl``/``.ndjson``, optionally
  ``.gz``/``.bz2``/``.xz``/``.zst``; ``.parquet``; RSS/Atom; WARC);
- up to ``files_per_partition`` single-article files (``.txt``, ``.md``,
  ``.html``, ``.htm``, ``.json``) from one folder, taken in name order.

Inputs are local paths or any fsspec URL (``s3://``, ``gcs://``,
``hdfs://``, ``file://``); a folder is searched recursively and a glob
pattern is expanded. Files are read by the reader registry
(:mod:`warta.readers`) that ``warta ingest`` uses too, so both take the
same formats and validate every document the same way.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import Iterator, Optional, Union

from .. import errors
from .._input import Article
from ..readers import SINGLE_DOCUMENT_KINDS, Item, kind_of, read_source


@dataclass(frozen=True)
class Partition:
    """One unit of work: a JSONL file, a Parquet file or a group of article files.

    ``fingerprint`` changes when an input file changes (size and modification
    time or ETag), so a rerun processes a changed partition again.
    """

    key: str
    kind: str  # the reader of its one file ("jsonl", "parquet", "feed", "warc"), or "files"
    urls: tuple[str, ...]
    fingerprint: str

    @property
    def source(self) -> str:
        """A short human-readable name of the partition's input."""
        if len(self.urls) == 1:
            return self.urls[0]
        return f"{self.urls[0]} (+{len(self.urls) - 1} files)"


def _kind(path: str) -> Optional[str]:
    kind = kind_of(path)
    if kind is None:
        return None
    return "files" if kind in SINGLE_DOCUMENT_KINDS else kind


def _fingerprint(infos: list[dict]) -> str:
    parts = []
    for info in infos:
        stamp = info.get("mtime") or info.get("LastModified") or info.get("ETag") or info.get("etag") or info.get("md5")
        parts.append(f"{info.get('name')}:{info.get('size')}:{stamp}")
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def _key(urls: list[str]) -> str:
    return hashlib.sha1("\n".join(urls).encode("utf-8")).hexdigest()[:16]


def discover(inputs: list[str], files_per_partition: int = 1000, exclude: Optional[str] = None) -> list[Partition]:
    """The partitions of the given inputs, in a stable order.

    Args:
        inputs: files, folders or glob patterns (local paths or fsspec URLs).
        files_per_partition: how many single-article files form one partition.
        exclude: a folder whose files are never inputs (the batch output,
            when it lies inside an input folder: its manifest is JSON too).

    Returns:
        Partitions sorted by their first URL; each input file appears once.

    Raises:
        InputError: an input that does not exist or holds no readable files.
    """
    import fsspec

    jsonl_or_parquet: dict[str, dict] = {}
    loose: dict[str, dict[str, dict]] = {}
    skip = None
    if exclude:
        _fs, skip_root = fsspec.core.url_to_fs(exclude)
        skip = skip_root.rstrip("/") + "/"
    for raw in inputs:
        fs, root = fsspec.core.url_to_fs(raw)
        protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
        if any(ch in root for ch in "*?["):
            paths = fs.glob(root, detail=True)
        elif fs.isdir(root):
            paths = fs.find(root, detail=True)
        elif fs.exists(root):
            paths = {root: fs.info(root)}
        else:
            raise errors.InputError(f"no such input: {raw}")
        found = 0
        for path, info in sorted(paths.items()):
            if info.get("type") == "directory" or (skip and (path.rstrip("/") + "/").startswith(skip)):
                continue
            kind = _kind(path)
            if kind is None:
                continue
            found += 1
            url = path if protocol in ("file", "local") else fs.unstrip_protocol(path)
            info = {**info, "name": url}
            if kind == "files":
                folder = url.rsplit("/", 1)[0]
                loose.setdefault(folder, {})[url] = info
            else:
                jsonl_or_parquet[url] = {**info, "_kind": kind}
        if not found:
            raise errors.InputError(f"no .jsonl, .parquet, .txt, .html, .json, feed or WARC files in {raw}")
    out = [Partition(_key([u]), info["_kind"], (u,), _fingerprint([info])) for u, info in jsonl_or_parquet.items()]
    for folder, files in loose.items():
        urls = sorted(files)
        for i in range(0, len(urls), max(1, files_per_partition)):
            chunk = urls[i:i + files_per_partition]
            out.append(Partition(_key(chunk), "files", tuple(chunk), _fingerprint([files[u] for u in chunk])))
    return sorted(out, key=lambda p: p.urls[0])


def read_partition(part: Partition) -> Iterator[Item]:
    """The documents of one partition, in order; unreadable ones carry their error.

    One bad line, row or file only yields an :class:`~warta.readers.Item`
    with ``error`` set; the rest of the partition is still read. Storage
    trouble (an :class:`OSError`) raises, so the runner retries the partition.
    """
    for url in part.urls:
        yield from read_source(url, raise_io_errors=True)


def read_articles(source: Union[str, os.PathLike]) -> Iterator[Article]:
    """Every readable article of a file, folder or glob (bad ones skipped)."""
    for part in discover([str(source)]):
        for item in read_partition(part):
            if item.article is not None:
                yield item.article
