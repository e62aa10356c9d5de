"""``warta bench``: throughput and memory, each against the tokenizer floor of the same run.

What is measured, on the same articles, in one run:

1. **tokenizer**: warta's spaCy tokenizer alone (``nlp.make_doc``), the
   physical floor of any pipeline over these tokens;
2. **each stage alone**: the pipeline's components timed one at a time over
   the whole corpus, in pipeline order, each reading what the stages before it
   wrote (component timing over docs: ``proc.pipe(docs)`` for components with
   batch ``pipe``, ``proc(doc)`` otherwise), plus the Doc -> Record step;
   a stage's figure is corpus tokens / that stage's own seconds;
3. **pipeline, 1 process**: the whole path ``warta batch`` runs per article
   (checks, ``nlp.pipe``, Record building) in this process; with
   ``accurate=True`` (``warta bench --accurate``) the same again with the
   accurate pipeline (transformer NER), so the two compare in one run;
4. **dask, 1 worker / N workers**: the same work as Dask tasks of
   ``task_size`` articles on a ``LocalCluster`` (one process per worker, one
   thread each, pipeline loaded by a worker plugin before timing starts).

Every throughput is also given as a ratio to the tokenizer's tokens/s, and
scaling efficiency = N-worker throughput / (N x 1-worker throughput).
Beside wall-clock figures each row has CPU-time figures (``tokens_per_cpu_s``,
from ``time.process_time``, summed over Dask tasks) and ``cpu_share``, the
CPU seconds a run got per wall second per worker: on a machine shared with
other work the wall figures fall while the CPU figures hold, and a
``cpu_share`` well below 1 says the run waited for a core.
Every timed run starts with an empty tokenizer cache (in each Dask worker
too), so no row profits from words cached by an earlier row or repeat.
Peak RSS is the process's high-water mark (``VmHWM``; see :func:`peak_rss_mb`):
for in-process rows that of the bench process when the row finished, for
Dask rows that of each worker process. Timing depends on what else the machine
is doing; ``loadavg`` is recorded with the results for that reason.
"""

from __future__ import annotations

import itertools
import os
import platform
import resource
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Optional

from ._input import Article, article_from_mapping
from .pipeline import STAGES

TARGET_TOKENS_PER_S = 20_000
TARGET_RSS_MB = 600
TARGET_SCALING = 0.85


@dataclass
class Row:
    """One measured line of the bench table."""

    name: str
    kind: str  # floor | stage | pipeline | dask
    articles: int
    tokens: int
    seconds: float
    articles_per_s: float = 0.0
    tokens_per_s: float = 0.0
    ratio_to_tokenizer: Optional[float] = None
    peak_rss_mb: Optional[float] = None
    cpu_seconds: Optional[float] = None
    tokens_per_cpu_s: Optional[float] = None
    cpu_ratio_to_tokenizer: Optional[float] = None
    workers: Optional[int] = None
    cpu_share: Optional[float] = None
    peak_rss_mb_per_worker: list[float] = field(default_factory=list)

    def finish(self, floor: Optional["Row"]) -> "Row":
        self.articles_per_s = round(self.articles / self.seconds, 2) if self.seconds > 0 else 0.0
        self.tokens_per_s = round(self.tokens / self.seconds, 1) if self.seconds > 0 else 0.0
        if self.cpu_seconds:
            self.tokens_per_cpu_s = round(self.tokens / self.cpu_seconds, 1)
            # share of the asked-for cores the run really got: < 1 means other load on the machine
            self.cpu_share = round(self.cpu_seconds / (self.seconds * (self.workers or 1)), 3)
            self.cpu_seconds = round(self.cpu_seconds, 4)
        floor = floor or self
        if floor.tokens_per_s:
            self.ratio_to_tokenizer = round(self.tokens_per_s / floor.tokens_per_s, 4)
        if floor.tokens_per_cpu_s and self.tokens_per_cpu_s:
            self.cpu_ratio_to_tokenizer = round(self.tokens_per_cpu_s / floor.tokens_per_cpu_s, 4)
        self.seconds = round(self.seconds, 4)
        return self


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB.

    On Linux this is ``VmHWM`` from ``/proc/self/status``, not ``ru_maxrss``:
    the kernel carries ``ru_maxrss`` across fork and exec, so a Dask worker
    spawned from a big parent would report the parent's peak as its own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kb / 1024 if sys.platform != "darwin" else kb / 2**20, 1)


def load_corpus(path: Optional[str] = None, n: int = 200) -> tuple[list[Article], str]:
    """``n`` articles to measure on, and a description of where they came from.

    ``path`` may be any input ``warta batch`` reads; by default IndoSum
    (``warta.corpus.default_indosum_path()``), else the bundled demo corpus,
    repeated up to ``n`` when it is smaller.
    """
    from .corpus import default_indosum_path, demo_articles
    from .scale import read_articles

    source = path or default_indosum_path()
    if source is not None:
        arts = list(itertools.islice(read_articles(str(source)), n))
        label = str(source)
    else:
        arts, label = [], "demo corpus"
    if not arts:
        demo = [article_from_mapping(a) for a in demo_articles()]
        arts = [demo[i % len(demo)] for i in range(n)]
        label = f"demo corpus ({len(demo)} article(s), repeated to {n})"
    return arts, label


def bench_task(articles: list[Article], stages: tuple[str, ...] = STAGES,
               model: str = "default") -> tuple[int, int, float, float]:
    """Run the whole per-article path over ``articles``; return (records, tokens, seconds, CPU seconds).

    The path is :func:`warta.extraction.process`, the one ``warta batch`` and
    ``warta ingest`` run. The task body of the Dask rows; module level so
    workers import it by name.
    """
    from .extraction import process

    t0, c0 = time.perf_counter(), time.process_time()
    n = toks = 0
    for out in process(articles, stages=stages, model=model):
        if out.ok:
            n += 1
            toks += out.n_tokens
    return n, toks, time.perf_counter() - t0, time.process_time() - c0


@contextmanager
def _ner_model(path: str):
    """The process-wide pipeline with the NER of ``path`` while the block runs (``$WARTA_NER_MODEL``), then
    the one before."""
    from . import pipeline

    before = os.environ.get(pipeline.NER_MODEL_ENV)
    os.environ[pipeline.NER_MODEL_ENV] = str(path)
    pipeline._cached.cache_clear()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(pipeline.NER_MODEL_ENV, None)
        else:
            os.environ[pipeline.NER_MODEL_ENV] = before
        pipeline._cached.cache_clear()


def _fastest_pipeline_row(name: str, runs: list[tuple[int, int, float, float]], floor: Row) -> Row:
    """The whole-pipeline row of the fastest of ``runs`` (:func:`bench_task` results)."""
    done, toks, seconds, cpu = min(runs, key=lambda r: r[2])
    return Row(name, "pipeline", done, toks, seconds, cpu_seconds=cpu, peak_rss_mb=peak_rss_mb()).finish(floor)


def _cold_tokenizer(nlp) -> None:
    """Empty the tokenizer's per-word cache, so every timed run tokenizes these texts as new text.

    Without it a repeated run (``--repeat``) or a later row would find every
    word of the corpus cached and look several times faster than a worker
    meeting new articles.
    """
    flush = getattr(nlp.tokenizer, "_flush_cache", None)
    if flush is not None:
        flush()


def flush_tokenizer_cache(stages: tuple[str, ...] = STAGES) -> None:
    """:func:`_cold_tokenizer` on this process's pipeline (run on every Dask worker before a timed run)."""
    from .pipeline import load

    _cold_tokenizer(load(stages))


def _time_tokenizer(nlp, texts: list[str]) -> tuple[float, float, int]:
    _cold_tokenizer(nlp)
    t0, c0 = time.perf_counter(), time.process_time()
    n_tokens = sum(len(nlp.make_doc(t)) for t in texts)
    return time.perf_counter() - t0, time.process_time() - c0, n_tokens


def _run_stage(proc, docs: list, batch_size: int) -> list:
    """``docs`` through one component; a document it fails on is dropped (None), not fatal."""
    if hasattr(proc, "pipe"):
        try:
            return list(proc.pipe(docs, batch_size=batch_size))
        except Exception:
            pass  # redo one by one below, as warta batch does
    out = []
    for doc in docs:
        try:
            out.append(proc(doc))
        except Exception:
            out.append(None)
    return out


def _time_stages(nlp, articles: list[Article], batch_size: int) -> tuple[list[tuple[str, int, float, float]], int]:
    """Per stage: (name, tokens it processed, wall seconds, CPU seconds); and how many docs failed."""
    from .extraction import make_doc, to_record

    pairs = [(make_doc(nlp, a), a) for a in articles]  # tokenizing is the floor row, not timed here
    out = []
    for name, proc in nlp.pipeline:
        docs = [d for d, _ in pairs]
        t0, c0 = time.perf_counter(), time.process_time()
        done = _run_stage(proc, docs, batch_size)
        out.append((name, sum(len(d) for d in docs), time.perf_counter() - t0, time.process_time() - c0))
        pairs = [(d, a) for d, (_, a) in zip(done, pairs) if d is not None]
    t0, c0 = time.perf_counter(), time.process_time()
    for doc, art in pairs:
        try:
            to_record(doc, art)
        except Exception:
            pass
    out.append(("doc_to_record", sum(len(d) for d, _ in pairs), time.perf_counter() - t0, time.process_time() - c0))
    return out, len(articles) - len(pairs)


def _dask_row(articles, workers: int, task_size: int, stages, floor: Row, repeat: int = 1) -> Row:
    from distributed import Client, LocalCluster, wait

    from .scale import worker_plugin

    # ":0": any free port for the scheduler's HTTP server (None binds 8787, which another cluster may hold)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        client.register_plugin(worker_plugin(stages))  # model loaded before the clock starts
        client.wait_for_workers(workers)
        chunks = [articles[i:i + task_size] for i in range(0, len(articles), task_size)]
        # one small warm-up task per worker: first-call costs (imports, lazy tables) stay out of timing
        wait([client.submit(bench_task, articles[:1], stages, pure=False, workers=[w])
              for w in client.scheduler_info()["workers"]])
        best = None
        for _ in range(repeat):
            client.run(flush_tokenizer_cache, stages)
            t0 = time.perf_counter()
            results = client.gather(client.map(bench_task, chunks, stages=stages, pure=False))
            seconds = time.perf_counter() - t0
            if best is None or seconds < best[0]:
                best = (seconds, results)
        seconds, results = best
        rss = client.run(peak_rss_mb)
    n = sum(r[0] for r in results)
    toks = sum(r[1] for r in results)
    cpu = sum(r[3] for r in results)
    row = Row(f"dask, {workers} worker{'s' if workers > 1 else ''}", "dask", n, toks, seconds, workers=workers,
              cpu_seconds=cpu, peak_rss_mb=max(rss.values()), peak_rss_mb_per_worker=sorted(rss.values()))
    return row.finish(floor)


def run_bench(corpus: Optional[str] = None, n: int = 200, workers: int = 2, *, dask: bool = True,
              stages: tuple[str, ...] = STAGES, task_size: int = 8, repeat: int = 1,
              progress: Optional[Callable[[str], None]] = None, accurate: bool = False,
              compare_ner: Optional[str] = None) -> dict:
    """Measure the tokenizer floor, each stage, the whole pipeline and Dask scaling.

    Args:
        corpus: input path/URL (default IndoSum when present, else the demo corpus).
        n: number of articles.
        workers: Dask LocalCluster size for the scaling rows (a 1-worker run
            is always made too, as the baseline of scaling efficiency).
        dask: include the Dask rows.
        stages: pipeline stages.
        task_size: articles per Dask task.
        repeat: time every row this many times and keep the fastest run (the
            usual defence against other load on the machine).
        progress: called with a short message as each phase starts.
        accurate: also time the whole pipeline with the accurate (transformer) NER,
            one process, on the same articles (needs torch).
        compare_ner: a spaCy NER model folder (a candidate, or the model shipped
            before): also time the whole pipeline with it, one process, on the
            same articles, so two models compare as ratios of one run.

    Returns:
        A JSON-ready dict: environment, corpus, rows, scaling efficiency and
        the targets each figure is held against.
    """
    from .config import settings
    from .pipeline import build, load

    say = progress or (lambda msg: None)
    say("reading corpus")
    articles, label = load_corpus(corpus, n)
    say("loading pipeline")
    t0 = time.perf_counter()
    build(stages)  # a cold build, timed; load() below is the cached one the rows use
    load_seconds = time.perf_counter() - t0
    nlp = load(stages)
    texts = [a.text for a in articles]

    say("tokenizer alone")
    tok_seconds, tok_cpu, n_tokens = min(_time_tokenizer(nlp, texts) for _ in range(repeat))
    floor = Row("tokenizer", "floor", len(texts), n_tokens, tok_seconds, cpu_seconds=tok_cpu,
                peak_rss_mb=peak_rss_mb()).finish(None)
    rows = [floor]

    say("each stage alone")
    stage_times, stage_failures = _time_stages(nlp, articles, settings.batch_size)
    for _ in range(repeat - 1):  # keep each stage's fastest run
        again, _failed = _time_stages(nlp, articles, settings.batch_size)
        stage_times = [min(a, b, key=lambda t: t[2]) for a, b in zip(stage_times, again)]
    for name, toks, seconds, cpu in stage_times:
        rows.append(Row(name, "stage", len(texts), toks, seconds, cpu_seconds=cpu,
                        peak_rss_mb=peak_rss_mb()).finish(floor))

    say("whole pipeline, 1 process" + (f" (and with the NER of {compare_ner}, in turn)" if compare_ner else ""))
    runs, runs_c = [], []
    for _ in range(repeat):
        _cold_tokenizer(load(stages))  # (re)built before the clock starts
        runs.append(bench_task(articles, stages))
        if compare_ner:
            # interleaved with the shipped model's runs, so a machine whose speed drifts favours neither
            with _ner_model(compare_ner):
                _cold_tokenizer(load(stages))
                runs_c.append(bench_task(articles, stages))
    whole = _fastest_pipeline_row("pipeline, 1 process", runs, floor)
    rows.append(whole)
    if compare_ner:
        rows.append(_fastest_pipeline_row(f"pipeline (NER {Path(compare_ner).name}), 1 process", runs_c, floor))
    if accurate:
        say("whole pipeline, accurate model, 1 process")
        load(stages, "accurate")  # built before the clock starts, like the default one
        runs_a = [bench_task(articles, stages, "accurate") for _ in range(repeat)]
        rows.append(_fastest_pipeline_row("pipeline (accurate model), 1 process", runs_a, floor))

    scaling = cpu_scaling = None
    if dask:
        say("dask, 1 worker")
        one = _dask_row(articles, 1, task_size, stages, floor, repeat)
        rows.append(one)
        if workers > 1:
            say(f"dask, {workers} workers")
            many = _dask_row(articles, workers, task_size, stages, floor, repeat)
            rows.append(many)
            if one.articles_per_s:
                scaling = round(many.articles_per_s / (workers * one.articles_per_s), 3)
            if one.tokens_per_cpu_s and many.tokens_per_cpu_s:
                cpu_scaling = round(many.tokens_per_cpu_s / one.tokens_per_cpu_s, 3)

    rss_rows = [r.peak_rss_mb for r in rows if r.kind == "dask"] or [whole.peak_rss_mb]
    return {
        "corpus": label,
        "articles": len(articles),
        "tokens": n_tokens,
        "stages": list(stages),
        "pipeline": [name for name, _ in nlp.pipeline],
        "load_seconds": round(load_seconds, 3),
        "workers": workers,
        "task_size": task_size,
        "repeat": repeat,
        "rows": [asdict(r) for r in rows],
        "failed_documents": {"stages": stage_failures, "pipeline": len(articles) - whole.articles},
        "scaling_efficiency": scaling,
        # diagnostic, not the target: the efficiency if every worker had had a whole core
        # (N-worker tokens per CPU second / 1-worker tokens per CPU second)
        "cpu_scaling_efficiency": cpu_scaling,
        "targets": {
            "tokens_per_s_1_process": {"target": TARGET_TOKENS_PER_S, "measured": whole.tokens_per_s,
                                       "met": whole.tokens_per_s >= TARGET_TOKENS_PER_S,
                                       "per_cpu_second": whole.tokens_per_cpu_s},
            "peak_rss_mb_per_worker": {"target": TARGET_RSS_MB, "measured": max(rss_rows),
                                       "met": max(rss_rows) <= TARGET_RSS_MB},
            "scaling_efficiency": {"target": TARGET_SCALING, "measured": scaling,
                                   "met": None if scaling is None else scaling >= TARGET_SCALING},
        },
        "environment": {
            "python": platform.python_version(), "platform": platform.platform(),
            "cpu_count": os.cpu_count(), "loadavg_at_end": [round(x, 2) for x in os.getloadavg()],
            "spacy": _version("spacy"), "dask": _version("distributed"),
        },
    }


def _version(dist: str) -> Optional[str]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def format_table(result: dict) -> str:
    """The bench result as an aligned Markdown table plus a summary line."""
    head = "| run | articles/s | tokens/s | x tokenizer | tokens/CPU-s | x tokenizer (CPU) | CPU share | peak RSS MB |"
    failed = result["failed_documents"]
    note = f"; failed documents (left out): {failed}" if any(failed.values()) else ""
    lines = [f"corpus: {result['corpus']}; {result['articles']} articles, {result['tokens']:,} tokens; "
             f"pipeline load {result['load_seconds']} s{note}", "", head, "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in result["rows"]:
        rss = r["peak_rss_mb"]
        if r["peak_rss_mb_per_worker"] and len(r["peak_rss_mb_per_worker"]) > 1:
            rss = " / ".join(f"{x:g}" for x in r["peak_rss_mb_per_worker"])
        name = f"stage: {r['name']}" if r["kind"] == "stage" else r["name"]
        ratio = "" if r["ratio_to_tokenizer"] is None else f"{r['ratio_to_tokenizer']:.3f}"
        cpu_tps = "" if r["tokens_per_cpu_s"] is None else f"{r['tokens_per_cpu_s']:,.0f}"
        cpu_ratio = "" if r["cpu_ratio_to_tokenizer"] is None else f"{r['cpu_ratio_to_tokenizer']:.3f}"
        share = "" if r["cpu_share"] is None else f"{r['cpu_share']:.2f}"
        lines.append(f"| {name} | {r['articles_per_s']:,.1f} | {r['tokens_per_s']:,.0f} | {ratio} | {cpu_tps} | "
                     f"{cpu_ratio} | {share} | {rss} |")
    eff = result["scaling_efficiency"]
    lines.append("")
    if eff is not None:
        lines.append(f"scaling efficiency at {result['workers']} workers: {eff:.3f} "
                     f"(target >= {TARGET_SCALING}); per CPU second: {result['cpu_scaling_efficiency']}")
    t = result["targets"]
    lines.append(f"targets: 1-process tokens/s >= {TARGET_TOKENS_PER_S:,}: "
                 f"{'met' if t['tokens_per_s_1_process']['met'] else 'NOT met'}; "
                 f"peak RSS per worker <= {TARGET_RSS_MB} MB: "
                 f"{'met' if t['peak_rss_mb_per_worker']['met'] else 'NOT met'}")
    env = result["environment"]
    lines.append(f"machine: {env['cpu_count']} CPUs, load average at end {env['loadavg_at_end']}")
    return "\n".join(lines)


def corpus_path_or_none(path: Optional[str]) -> Optional[str]:
    """``path`` when it exists (local) or is a URL; used by the CLI to fail early."""
    if path is None or "://" in path or Path(path).exists():
        return path
    return None


def profile_pipeline(corpus: Optional[str] = None, n: int = 200, stages: tuple[str, ...] = STAGES,
                     interval: float = 0.001) -> str:
    """Profile the whole per-article path with pyinstrument; return its text report.

    The pipeline is loaded before profiling starts, so the report shows only
    per-article work. Needs the dev extra (``pip install 'warta[dev]'``).
    """
    try:
        from pyinstrument import Profiler
    except ImportError:  # pragma: no cover - depends on the install
        from .errors import WartaError

        raise WartaError("profiling needs pyinstrument: pip install 'warta[dev]'") from None
    from .pipeline import load

    articles, _label = load_corpus(corpus, n)
    load(stages)
    bench_task(articles[:2], stages)  # first-call costs out of the profile
    profiler = Profiler(interval=interval)
    profiler.start()
    bench_task(articles, stages)
    profiler.stop()
    return profiler.output_text(unicode=False, color=False, show_all=False, short_mode=False)
