"""Where chunks are annotated: this process, a pool of local worker processes, or an engine
chosen by name (``medialens process --engine``).

Every engine has the same contract (:data:`Engine`): ``(chunks, *, codebook, model, ...) ->
Iterator[dict[str, pa.Table]]``, one result per chunk in input order, each equal to
``annotate_chunk(chunk)``; so the store does not depend on the engine or on ``--n-process``.
Engines other than ``local`` live in ``medialens.engines`` (built on this package: they call
:func:`~medialens.pipeline.annotate.annotate_chunk`) and are found through the
:data:`ENGINES` registry by name, never imported here directly.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from medialens.pipeline.annotate import ANNOTATION_TABLES, annotate_chunk, get_nlp
from medialens.workers import pool_start_method, watch_parent

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

Engine = Callable[..., Iterator[dict[str, pa.Table]]]


def run_local(
    chunks: Iterable[pa.Table],
    *,
    codebook: str,
    model: str | None,
    n_process: int = 1,
) -> Iterator[dict[str, pa.Table]]:
    """Annotate chunks in this process (``n_process=1``) or a pool of worker processes.

    Results come back in chunk order, so the store is the same whatever ``n_process`` is.
    With ``n_process > 1`` this is :class:`LocalPool` started here; ``medialens process``
    starts the pool itself before reading the corpus (see
    ``medialens.pipeline.driver.process_corpus``).
    """
    if n_process <= 1:
        for chunk in chunks:
            yield annotate_chunk(chunk, codebook=codebook, model=model)
        return
    with LocalPool(codebook=codebook, model=model, n_process=n_process) as pool:
        yield from pool.map(chunks)


#: Articles per task that :class:`LocalPool` sends to a worker. Why smaller than a chunk: a
#: chunk (500 articles) takes seconds; with whole chunks as tasks one worker can sit idle
#: while the other finishes the last chunk (2,000 articles = 4 chunks on 2 workers). Tasks
#: of 100 articles keep every worker busy to the end; their results are joined again into
#: one result per chunk (same rows, same order, same Parquet parts).
POOL_TASK_ARTICLES = 100


def _init_worker(codebook: str, model: str | None) -> None:
    """Build the pipeline as soon as the worker starts (while the parent still reads the
    corpus). An error here is not raised: the first task builds again and reports it.

    Also starts a watch on the parent (:func:`watch_parent`) and ignores SIGINT. Why: Ctrl-C
    in a terminal goes to the whole process group; a worker that raised KeyboardInterrupt
    wherever it happened to be (building its pipeline, waiting for a task) would print a
    traceback. The parent alone handles the interrupt and stops the workers
    (:meth:`LocalPool.close`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_parent()
    try:
        get_nlp(codebook or None, model)
    except Exception:  # reported by the first annotate_chunk call, with the task's traceback
        log.debug("worker pipeline build failed; the first task will retry", exc_info=True)


def _split(chunk: pa.Table | pd.DataFrame, size: int) -> list[Any]:
    """``chunk`` in consecutive pieces of about ``size`` rows (at least one piece)."""
    n = len(chunk)
    k = max(1, -(-n // size))
    step = -(-n // k) if n else 1
    if isinstance(chunk, pa.Table):
        return [chunk.slice(i, step) for i in range(0, n, step)] or [chunk]
    return [chunk.iloc[i : i + step] for i in range(0, n, step)] or [chunk]


def _join(results: list[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """One chunk's result from its pieces' results (tables concatenated in piece order)."""
    if len(results) == 1:
        return results[0]
    out = {
        name: pa.concat_tables([r[name] for r in results]).combine_chunks()
        for name in ANNOTATION_TABLES
    }
    rejects = [r["rejects"] for r in results if "rejects" in r]
    if rejects:
        out["rejects"] = pa.concat_tables(rejects).combine_chunks()
    return out


class LocalPool:
    """Worker processes that annotate chunks for ``medialens process --n-process N``.

    Started before the corpus is read: the workers (forked where :func:`pool_start_method`
    allows, else spawned) build their pipelines while the parent ingests, so by the time
    the first chunk is ready they are too. :meth:`map` sends chunks in tasks of
    :data:`POOL_TASK_ARTICLES` articles, keeps at most ``2 * n_process`` tasks in flight
    (bounded memory) and yields one result per chunk, in chunk order, equal to what
    ``annotate_chunk(chunk)`` returns (the store does not depend on N). Use as a context
    manager; leaving it (also by an exception or Ctrl-C) cancels what has not started and
    waits for the workers to end.
    """

    def __init__(
        self,
        *,
        codebook: str,
        model: str | None,
        n_process: int,
        start_method: str | None = None,
        task_articles: int = POOL_TASK_ARTICLES,
    ) -> None:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        if n_process < 1:
            raise ValueError(f"n_process must be at least 1, not {n_process}")
        self.codebook = codebook
        self.model = model
        self.n_process = n_process
        self.task_articles = max(1, task_articles)
        self.start_method = start_method or pool_start_method()
        self._pool = ProcessPoolExecutor(
            max_workers=n_process,
            mp_context=mp.get_context(self.start_method),
            initializer=_init_worker,
            initargs=(codebook, model),
        )
        # Start the workers now (fork: all at the first submit; spawn: one per submit), with
        # SIGINT ignored meanwhile: a forked or spawned worker inherits that, so a Ctrl-C can
        # never reach it before _init_worker ignores SIGINT for good (a spawned worker needs
        # seconds to import its modules). A Ctrl-C in these few milliseconds is lost.
        with _sigint_ignored():
            self._started = [self._pool.submit(_worker_pid) for _ in range(n_process)]
        #: whether any chunk was sent; if not, :meth:`close` stops the workers at once
        self.used = False

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        self.close(terminate=exc_type is not None)

    def close(self, *, terminate: bool = False) -> None:
        """Cancel tasks not yet started, wait for running ones and the workers to end.

        The workers are terminated instead of being waited for if no chunk was ever sent (a
        re-run with nothing new to annotate: they may still be importing spaCy and building
        their pipelines, ≈ 1–2 s of work nobody needs) or with ``terminate`` (the run failed
        or was interrupted, so their results would be thrown away; the workers ignore
        SIGINT and would otherwise finish their current task first).
        """
        if terminate or not self.used:
            # Terminate, then shut down: the executor's own thread sees the workers gone,
            # fails the start-up probes (BrokenProcessPool, never read) and reaps the
            # processes; shutdown(wait=True) waits for that thread (joining here as well would
            # race its reaping).
            for proc in list((getattr(self._pool, "_processes", None) or {}).values()):
                with contextlib.suppress(ValueError, ProcessLookupError):
                    if proc.is_alive():
                        proc.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def map(self, chunks: Iterable[pa.Table]) -> Iterator[dict[str, pa.Table]]:
        """Annotate ``chunks``; one result per chunk, in input order."""
        from collections import deque

        # one entry per chunk: its tasks' futures not yet collected, and whether all of the
        # chunk's tasks have been submitted
        queue: deque[list[Any]] = deque()
        finished: list[dict[str, pa.Table]] = []  # results of the oldest chunk's tasks
        in_flight = 0
        limit = 2 * self.n_process

        def collect_one() -> dict[str, pa.Table] | None:
            nonlocal in_flight
            futures, complete = queue[0]
            finished.append(futures.popleft().result())
            in_flight -= 1
            if futures or not complete:
                return None
            queue.popleft()
            result = _join(finished)
            finished.clear()
            return result

        try:
            for chunk in chunks:
                entry: list[Any] = [deque(), False]
                queue.append(entry)
                for piece in _split(chunk, self.task_articles):
                    self.used = True
                    entry[0].append(
                        self._pool.submit(
                            annotate_chunk, piece, codebook=self.codebook, model=self.model
                        )
                    )
                    in_flight += 1
                    while in_flight > limit:
                        result = collect_one()
                        if result is not None:
                            yield result
                entry[1] = True
                while queue and not queue[0][0] and queue[0][1]:  # a chunk fully collected
                    queue.popleft()
                    yield _join(finished)
                    finished.clear()
            while queue:
                result = collect_one()
                if result is not None:
                    yield result
        finally:
            for futures, _ in queue:
                for fut in futures:
                    fut.cancel()


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored in this block (only in the main thread, where handlers can be set)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)


def _worker_pid() -> int:
    import os

    return os.getpid()


#: Engines besides ``local`` (:func:`run_local`): name -> (``"module:function"``, what to
#: install if the module cannot be imported). Why by name: an engine may need optional
#: dependencies, and the engines are built on this package, which therefore never imports
#: them (one-way imports, checked by ``tests/unit/test_import_layers.py``).
ENGINES: dict[str, tuple[str, str]] = {
    "dask": ("medialens.engines.dask:run_dask", "dask[distributed]"),
}


def get_engine(name: str) -> Engine:
    """``local`` → :func:`run_local`; another name → its function in :data:`ENGINES`
    (``dask`` → ``medialens.engines.dask.run_dask``). Raises ``UsageError`` for an unknown
    name or an engine whose module cannot be imported."""
    from medialens.cli import UsageError  # not at the top: workers import this module too

    if name == "local":
        return run_local
    if name not in ENGINES:
        raise UsageError(f"unknown engine {name!r} (choose {' or '.join(['local', *ENGINES])})")
    target, requirement = ENGINES[name]
    module, _, function = target.partition(":")
    try:
        engine = getattr(importlib.import_module(module), function)
    except ModuleNotFoundError as exc:
        raise UsageError(
            f"--engine {name} is not available ({exc}); install {requirement} "
            f"and use a medialens version with {module}"
        ) from None
    return engine  # type: ignore[no-any-return]
