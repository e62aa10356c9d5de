"""Scale-out: ``warta batch`` on one process or a Dask cluster, Parquet out.

    >>> from warta.scale import run_batch, iter_records_from_parquet
    >>> run_batch(["s3://bucket/news/*.jsonl.gz"], "s3://bucket/warta-out", engine="dask",
    ...           scheduler="tcp://scheduler:8786")
    >>> for rec in iter_records_from_parquet("s3://bucket/warta-out"):
    ...     ...

See ``docs/scale.md`` for the output layout and for running on an existing
cluster (dask-kubernetes, dask-jobqueue).
"""

from ._inputs import Partition, discover, read_articles, read_partition
from ._tables import SCHEMAS, month_of
from ._work import BatchOptions, PartitionResult, origin_of, process_partition
from .reader import article_files, ingest_parquet, iter_records_from_parquet
from .runner import ENGINES, BatchResult, run_batch, worker_plugin

__all__ = [
    "BatchOptions", "BatchResult", "ENGINES", "Partition", "PartitionResult", "SCHEMAS",
    "article_files", "discover", "ingest_parquet", "iter_records_from_parquet", "month_of", "origin_of",
    "process_partition", "read_articles", "read_partition", "run_batch", "worker_plugin",
]
