"""Worker-process helpers shared by every process pool of medialens.

Why a module of its own, below both users: ``medialens annotate --n-process``
(``medialens.nlp.serialize``) and ``medialens process --n-process``
(``medialens.pipeline.pool``) start worker processes the same way; with the helpers here
neither imports the other (``nlp`` must never import the pipeline that is built on it).
Standard library only, so a worker pays nothing for importing it.
"""

from __future__ import annotations

import sys


def pool_start_method() -> str:
    """``fork`` on Linux when this process runs no other thread, else ``spawn``.

    Why fork: a forked worker starts in milliseconds and inherits the imported modules (and
    the pipeline, if this process has built it), where a spawned one first imports spaCy and
    medialens again (≈ 1.5 CPU-s each). Why only then: forking a process with running
    threads can deadlock the child (a lock held by another thread is never released), and
    macOS and Windows have no safe fork at all.
    """
    import multiprocessing as mp
    import threading

    if (
        sys.platform.startswith("linux")
        and "fork" in mp.get_all_start_methods()
        and threading.active_count() == 1
    ):
        return "fork"
    return "spawn"


def watch_parent() -> None:
    """In a worker process: exit within a second once the parent process is gone.

    Why: a worker whose parent was killed (``kill -9``, out of memory) would otherwise wait
    for tasks forever.
    """
    import os
    import threading

    threading.Thread(
        target=_exit_with_parent,
        args=(os.getppid(),),
        name="medialens-parent-watch",
        daemon=True,
    ).start()


def _exit_with_parent(parent: int) -> None:
    import os
    import time

    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
