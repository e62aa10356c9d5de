"""Extraction worker processes that end with the ingest process that started them.

A ``ProcessPoolExecutor`` worker waits on its task queue; when its parent is
killed with ``kill -9`` nobody tells it, and each one (about 260 MB with the
pipeline loaded) lived on for over a minute (issue 20, point 7). Each worker
therefore asks Linux to kill it when its parent dies (``PR_SET_PDEATHSIG``)
and, on every platform, watches its parent id from a daemon thread.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 0.5


def _ask_kernel_to_kill_us_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no libc prctl here: the watcher thread still works
        pass


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent:  # re-parented: the ingest process is gone
            os._exit(1)


def die_with_parent(parent: int) -> None:
    """End this process soon after process ``parent`` (its creator) dies, however it dies."""
    _ask_kernel_to_kill_us_with_parent()
    if os.getppid() != parent:  # the parent died before the kernel was asked
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="warta-parent-watch", daemon=True).start()


def load_pipeline() -> None:
    """Load the pipeline this process extracts with (once; later calls find it cached)."""
    from ..pipeline import load

    load()


def start_worker(parent: int) -> None:
    """The pool's initializer: tie the worker to ``parent``, then load the pipeline once."""
    die_with_parent(parent)
    load_pipeline()
