"""Finding input partitions and reading articles out of them.

A partition is the unit of work, of retry and of resumption:

- one ``.jsonl``/``.ndjson`` file (optionally ``.gz``/``.bz2``/``.xz``/``.zst``),
  one JSON object per line;
- one ``.parquet`` file, one article per row;
- up to ``files_per_partition`` single-article files (``.txt``, ``.html``,
  ``.htm``, ``.json``) from one folder, taken in name order.

Inputs are local paths or any fsspec URL (``s3://``, ``gcs://``,
``hdfs://``, ``file://``); a folder is searched recursively and a glob
pattern is expanded. Object rows may be warta articles (``text``,
``published``, ``title``, ``url``, ``id``) or IndoSum-style rows
(``paragraphs`` of tokenized sentences), read by
:func:`warta._input.article_from_mapping`.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Iterator, Optional, Union

from .. import errors
from .._input import Article, article_from_bytes, article_from_mapping

_COMPRESSIONS = (".gz", ".bz2", ".xz", ".zst")
_LINE_SUFFIXES = (".jsonl", ".ndjson")
_FILE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".json")
_FILE_KINDS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".json": "json"}


@dataclass(frozen=True)
class Partition:
    """One unit of work: a JSONL file, a Parquet file or a group of article files.

    ``fingerprint`` changes when an input file changes (size and modification
    time or ETag), so a rerun processes a changed partition again.
    """

    key: str
    kind: str  # "jsonl" | "parquet" | "files"
    urls: tuple[str, ...]
    fingerprint: str

    @property
    def source(self) -> str:
        """A short human-readable name of the partition's input."""
        if len(self.urls) == 1:
            return self.urls[0]
        return f"{self.urls[0]} (+{len(self.urls) - 1} files)"


@dataclass
class RawItem:
    """One article as read from a partition, or the reason it could not be read."""

    index: int
    article: Optional[Article] = None
    error: Optional[Exception] = None
    origin: str = ""
    extra: dict = field(default_factory=dict)


def _suffix(path: str) -> str:
    name = PurePosixPath(path).name.lower()
    for comp in _COMPRESSIONS:
        if name.endswith(comp):
            name = name[: -len(comp)]
            break
    return PurePosixPath(name).suffix


def _kind(path: str) -> Optional[str]:
    suffix = _suffix(path)
    if suffix in _LINE_SUFFIXES:
        return "jsonl"
    if suffix == ".parquet":
        return "parquet"
    if suffix in _FILE_SUFFIXES:
        return "files"
    return None


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
            raise errors.InputError(f"no .jsonl, .parquet, .txt, .html or .json files in {raw}")
    out = [Partition(_key([u]), info["_kind"], (u,), _fingerprint([info])) for u, info in jsonl_or_parquet.items()]
    for folder, files in loose.items():
        urls = sorted(files)
        for i in range(0, len(urls), max(1, files_per_partition)):
            chunk = urls[i:i + files_per_partition]
            out.append(Partition(_key(chunk), "files", tuple(chunk), _fingerprint([files[u] for u in chunk])))
    return sorted(out, key=lambda p: p.urls[0])


def _from_mapping(index: int, obj, origin: str) -> RawItem:
    try:
        # IndoSum rows: article_from_mapping detokenizes them and dates them from their id
        article = article_from_mapping(obj)
        return RawItem(index, article=article, origin=origin)
    except errors.InputError as exc:
        ident = obj.get("id") if isinstance(obj, dict) else None
        return RawItem(index, error=exc, origin=origin, extra={"id": None if ident is None else str(ident)})


def read_partition(part: Partition) -> Iterator[RawItem]:
    """The articles of one partition, in order; unreadable ones carry their error.

    A partition that cannot be opened at all raises (so the runner retries it);
    one bad line or file only yields a :class:`RawItem` with ``error`` set.
    """
    import fsspec

    if part.kind == "jsonl":
        url = part.urls[0]
        with fsspec.open(url, "rt", encoding="utf-8", compression="infer") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                origin = f"{url}:{lineno}"
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    err = errors.MalformedInput(f"malformed JSON: {exc.msg} at column {exc.colno}")
                    yield RawItem(lineno, error=err, origin=origin)
                    continue
                yield _from_mapping(lineno, obj, origin)
    elif part.kind == "parquet":
        import pyarrow.parquet as pq

        url = part.urls[0]
        with fsspec.open(url, "rb") as fh:
            pf = pq.ParquetFile(fh)
            row = 0
            for batch in pf.iter_batches(batch_size=256):
                for obj in batch.to_pylist():
                    yield _from_mapping(row, obj, f"{url}#{row}")
                    row += 1
    else:
        for i, url in enumerate(part.urls):
            try:
                with fsspec.open(url, "rb") as fh:
                    data = fh.read()
                article = article_from_bytes(data, _FILE_KINDS.get(_suffix(url)))
            except errors.InputError as exc:
                yield RawItem(i, error=exc, origin=url)
                continue
            yield RawItem(i, article=article, origin=url)


def read_articles(source: Union[str, os.PathLike]) -> Iterator[Article]:
    """Every readable article of a file, folder or glob (bad ones skipped)."""
    for part in discover([str(source)]):
        for item in read_partition(part):
            if item.article is not None:
                yield item.article
