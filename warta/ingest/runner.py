"""``ingest``: read documents, skip what the archive has, extract, store.

Resumable by construction: every batch is committed in its own short
transaction, and a document is skipped when its URL, content hash or id is
already stored. Kill the run at any point and start it again: committed
articles are skipped, the interrupted batch is redone, nothing doubles
(the unique constraints would refuse it anyway).

Extraction runs in this process or in ``workers`` local processes, each
loading the pipeline once and ending when this process ends, even by
``kill -9`` (:mod:`warta.ingest._workers`); this process is the ONE writer
to the database.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from .. import errors
from ..builder import record_id
from ..extraction import Failure, Outcome
from ..readers import Item, iter_items
from ..store.db import Store, content_hash, normalize_url
from ._workers import load_pipeline, start_worker


@dataclass
class IngestOptions:
    """How to ingest.

    Attributes:
        workers: extraction processes (1: extract in this process).
        batch_size: articles per extraction batch and per write transaction.
        force: process text that does not look Indonesian.
        progress: show a tqdm bar on stderr, with the number of documents
            (counted first) as its total and an ETA.
        stories: group each stored article into a story (:mod:`warta.stories`).
    """

    workers: int = 1
    batch_size: int = 16
    force: bool = False
    progress: bool = True
    stories: bool = True


@dataclass
class IngestSummary:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    errors: int = 0
    seconds: float = 0.0
    error_samples: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.added / self.seconds if self.seconds else 0.0
        return (f"{self.read} documents read: {self.added} added, {self.duplicates} duplicates skipped, "
                f"{self.errors} errors, in {self.seconds:.1f} s ({rate:.1f} articles/s)")


def extract_batch(items: list[Item], force: bool = False) -> list[Outcome]:
    """One :class:`Outcome` per item (ids preset), through the one extraction path.

    Runs in this process or in a worker process; an article that fails has
    its Failure in its Outcome and the others still come through.
    """
    from ..extraction import process

    return list(process(items, force=force))


def ingest(paths: Iterable[Union[str, Path]], db: Union[str, Path], options: Optional[IngestOptions] = None,
           on_progress: Optional[Callable[[IngestSummary], None]] = None) -> IngestSummary:
    """Ingest files and folders into the archive at ``db``.

    Args:
        paths: files and folders (.txt, .html, .json, .jsonl, .parquet,
            RSS/Atom, WARC).
        db: the SQLite archive (created when missing).
        options: workers, batch size, force, progress bar.
        on_progress: called with the running summary after every batch.

    Returns:
        Counts of documents read, added, skipped as duplicates and failed.
        Failed documents are in the archive's ``errors`` table.

    Raises:
        InputError: a path that does not exist.
    """
    opts = options or IngestOptions()
    paths = list(paths)
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:  # before the archive is created or the bar drawn
        raise errors.InputError(f"no such file or folder: {', '.join(missing)}")
    summary = IngestSummary()
    started = time.perf_counter()
    bar = None
    if opts.progress:
        from tqdm import tqdm

        from .count import count_documents

        bar = tqdm(total=count_documents(paths), unit=" art", desc="ingest", mininterval=0.5, dynamic_ncols=True)
    with Store(db, stories=opts.stories) as store:
        writer = _Writer(store, summary, bar)
        pool = None
        if opts.workers > 1:
            pool = ProcessPoolExecutor(max_workers=opts.workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=start_worker, initargs=(os.getpid(),))
        loaded = False

        def loading_models():
            # the first batch waits for the pipeline (several seconds): say so on the bar
            nonlocal loaded
            if loaded:
                return
            loaded = True
            if bar is not None:
                bar.set_description("loading models")
            if pool is None:
                load_pipeline()
                if bar is not None:
                    bar.set_description("ingest")
        try:
            in_flight: dict = {}
            batch: list[Item] = []
            pending_keys: set[str] = set()

            def flush():
                nonlocal batch
                if not batch:
                    return
                loading_models()
                if pool is None:
                    writer.write(extract_batch(batch, opts.force))
                else:
                    while len(in_flight) >= 2 * opts.workers:
                        _drain(in_flight, writer, block=True)
                    in_flight[pool.submit(extract_batch, batch, opts.force)] = batch
                batch = []
                if on_progress:
                    on_progress(summary)

            for item in iter_items(paths):
                summary.read += 1
                if item.error is not None:
                    writer.error(item.source, item.position, item.error.code, item.error.message)
                    continue
                art = item.article
                art.id = art.id or record_id(art.text, art.url)
                chash, url = content_hash(art.text), normalize_url(art.url)
                keys = {f"h:{chash}", f"i:{art.id}"} | ({f"u:{url}"} if url else set())
                if keys & pending_keys or store.seen(url=url, chash=chash, id=art.id):
                    summary.duplicates += 1
                    writer.tick(dup=True)
                    continue
                pending_keys |= keys
                batch.append(item)
                if len(batch) >= opts.batch_size:
                    flush()
                if pool is not None:
                    _drain(in_flight, writer, block=False)
            flush()
            while in_flight:
                _drain(in_flight, writer, block=True)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            if bar is not None:
                bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _drain(in_flight: dict, writer: "_Writer", block: bool) -> None:
    if not in_flight:
        return
    done, _ = wait(list(in_flight), timeout=None if block else 0, return_when=FIRST_COMPLETED)
    for fut in done:
        batch = in_flight.pop(fut)
        try:
            outcomes = fut.result()
        except Exception as exc:  # the worker died (out of memory, killed): every item in it failed
            failure = Failure.of("pipeline", exc)
            outcomes = [Outcome(i, failure=failure, source=item.source, position=item.position, article_id=item.id)
                        for i, item in enumerate(batch)]
        writer.write(outcomes)
        if writer.bar is not None and writer.bar.desc.startswith("loading models"):
            writer.bar.set_description("ingest")  # a worker has its models: results are coming


class _Writer:
    """The single writer: stores results batch by batch, counts, updates the bar."""

    def __init__(self, store: Store, summary: IngestSummary, bar):
        self.store, self.summary, self.bar = store, summary, bar

    def tick(self, n: int = 1, dup: bool = False) -> None:
        if self.bar is not None:
            self.bar.update(n)
            self.bar.set_postfix(added=self.summary.added, dup=self.summary.duplicates, errors=self.summary.errors,
                                 refresh=False)

    def error(self, source: str, position: str, code: str, reason: str) -> None:
        self.store.add_error(source, position, reason, code)
        self.summary.errors += 1
        if len(self.summary.error_samples) < 5:
            self.summary.error_samples.append(f"{source} ({position}): [{code}] {reason}")
        self.tick()

    def write(self, outcomes: list[Outcome]) -> None:
        good = []
        for out in outcomes:
            if out.ok:
                good.append((out.record, out.source, out.position))
            else:
                self.error(out.source, out.position, out.failure.code, out.failure.reason)
        if good:
            added = self.store.add_records(good)
            self.summary.added += added
            self.summary.duplicates += len(good) - added
            for _, src, pos in good:
                self.store.clear_error(src, pos)
            self.tick(len(good))
