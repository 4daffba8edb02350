"""Annotate chunks of articles on a Dask cluster (``medialens process --engine dask``).

Why: a corpus of millions of articles, or a weekly re-run that must finish quickly, can use
more cores than one machine has. The driver (the ``medialens process`` command) still reads
the raw files, deduplicates, decides what to re-annotate and writes the store; only
``annotate_chunk`` runs on the workers, so the store is identical to the local engine's.

Limits:

- Every worker needs medialens and the same pinned dependencies (``requirements.lock``)
  installed, and the codebook file at the same path as on the driver (pass
  ``--codebook`` with a path on a shared file system, or install the same checkout on every
  worker). A worker with other versions would produce other annotations.
- Chunks travel to the workers and results back through the scheduler: at most
  ``max_in_flight`` chunks (default ``2 * n_workers``, or twice the cluster's worker count)
  are submitted at a time, so the driver's memory stays bounded.
- Without ``scheduler`` a ``LocalCluster`` of ``n_workers`` processes (one thread each: the
  pipeline is pure Python and holds the GIL) is started and closed again; with an address
  only the client is opened and closed, the cluster is left running.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from medialens.pipeline.annotate import annotate_chunk

log = logging.getLogger(__name__)

#: Quiet the cluster's own INFO logging (worker start/stop) in a CLI run.
_NOISY_LOGGERS = ("distributed", "distributed.worker", "distributed.scheduler", "distributed.nanny")


def run_dask(
    chunks: Iterable[pa.Table],
    *,
    codebook: str,
    model: str | None,
    scheduler: str | None = None,
    n_workers: int = 2,
    max_in_flight: int | None = None,
) -> Iterator[dict[str, pa.Table]]:
    """Map ``annotate_chunk`` over ``chunks`` on Dask; yield results in input order.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); ``None`` starts
    a ``LocalCluster`` with ``n_workers`` worker processes of one thread each. Raises
    ``ValueError`` for a non-positive ``n_workers`` or ``max_in_flight``; a task that fails
    on a worker re-raises its exception here (``annotate_chunk`` itself already isolates
    articles that fail to annotate).
    """
    if n_workers < 1:
        raise ValueError(f"n_workers must be at least 1, not {n_workers}")
    if max_in_flight is not None and max_in_flight < 1:
        raise ValueError(f"max_in_flight must be at least 1, not {max_in_flight}")
    from distributed import Client, LocalCluster

    levels = {name: logging.getLogger(name).level for name in _NOISY_LOGGERS}
    for name in _NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    cluster: LocalCluster | None = None
    client: Client | None = None
    pending: deque[Any] = deque()
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(
                n_workers=n_workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
        limit = max_in_flight or 2 * max(_worker_count(client), n_workers if cluster else 1)
        log.debug("dask: %s, up to %d chunks in flight", client, limit)
        run = uuid.uuid4().hex[:8]
        for i, chunk in enumerate(chunks):
            # pure=False: two identical chunks are still two tasks; the key keeps the order
            # visible in the dashboard.
            pending.append(
                client.submit(
                    annotate_chunk,
                    chunk,
                    codebook=codebook,
                    model=model,
                    key=f"medialens-annotate-{run}-{i}",
                    pure=False,
                )
            )
            while len(pending) >= limit:
                yield _take(pending.popleft())
        while pending:
            yield _take(pending.popleft())
    finally:
        for fut in pending:
            fut.cancel()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def _take(future: Any) -> dict[str, pa.Table]:
    result = future.result()
    future.release()
    return result  # type: ignore[no-any-return]


def _worker_count(client: Any) -> int:
    try:
        return max(1, len(client.scheduler_info().get("workers", {})))
    except Exception:  # an unreachable scheduler fails later with a clearer error
        return 1
