"""The Dask worker plugin that builds warta's pipeline once per worker process.

Kept in its own module because it imports ``distributed`` at import time,
and the plugin class must live at module level to be pickled to workers.
"""

from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin


class WartaPipeline(WorkerPlugin):
    """Loads :func:`warta.pipeline.load` when a worker starts, so the first task does not pay for it."""

    name = "warta-pipeline"

    def __init__(self, stages):
        self.stages = tuple(stages)

    def setup(self, worker):
        from ..pipeline import load

        load(self.stages)
