"""The ``articles`` rows on their way to annotation: read back from the store after an
ingest, or handed over by an ingest still running in a background thread.

Why a stream: with ``--n-process N`` the workers annotate what has been read while the
corpus is still being read (:class:`StreamedIngest`); without a pool the ingest runs first
and :func:`stored_article_batches` reads its ``articles`` parts back. Either way the rows
arrive in the same order, so ``medialens.pipeline.reuse.chunk_articles`` cuts the same chunks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

#: Columns of the ``articles`` table that annotation needs.
ARTICLE_READ_COLUMNS = ("article_id", "date", "text", "content_hash", "source_file", "source_line")


def stored_article_batches(article_parts: list[Path], chunk_size: int) -> Iterator[pa.RecordBatch]:
    """The stored ``articles`` rows, part by part, in batches for
    ``medialens.pipeline.reuse.chunk_articles``."""
    for part in article_parts:
        pf = pq.ParquetFile(part)
        yield from pf.iter_batches(batch_size=chunk_size, columns=list(ARTICLE_READ_COLUMNS))


#: Articles per batch that a streamed ingest hands to the annotation while it still reads;
#: a divisor of the ingest's part size (``CHUNK_ROWS``), so the ``articles`` parts stay the
#: same as in an ingest on its own.
STREAM_ROWS = 500
#: Batches of articles queued between the ingest thread and the annotation (bounded memory:
#: the ingest waits when the annotation lags).
STREAM_QUEUE = 8


class _Stopped(Exception):
    """Raised in the ingest thread when the run is abandoned (error, Ctrl-C)."""


class StreamedIngest:
    """Ingest in a background thread while the pool annotates what has been read so far.

    Why: with ``--n-process N`` the workers would otherwise wait for the whole corpus to be
    read (≈ 0.5 ms per article: 5 s at 10,000 articles, 50 s at 100,000). A thread suffices:
    this process only reads and writes, the workers annotate. :meth:`article_batches` yields
    the ``articles`` rows as the ingest writes them (:data:`STREAM_ROWS` at a time).
    :meth:`write` is the store writer for both threads (one lock); the ``articles`` parts are
    written as an ingest on its own writes them (``CHUNK_ROWS`` rows each) and annotation
    rejects are held back until the ingest's own rejects are written, so every table has
    the same rows in the same order as in a run without streaming.
    """

    def __init__(
        self,
        writer: Any,
        raw_dir: Path,
        *,
        progress: bool | None = False,
        part_rows: int | None = None,
        batch_rows: int = STREAM_ROWS,
        previous: Path | None = None,
    ) -> None:
        import queue
        import threading

        from medialens.corpus.ingest import CHUNK_ROWS

        self._writer = writer
        self._batch_rows = batch_rows
        self._lock = threading.Lock()
        self._queue: queue.Queue[pa.Table | None] = queue.Queue(maxsize=STREAM_QUEUE)
        self._stop = threading.Event()
        self._part_rows = part_rows or CHUNK_ROWS
        self._unwritten: list[pa.Table] = []
        self._held_rejects: list[pa.Table] = []
        self.summary: Any = None
        self._error: BaseException | None = None
        self._ingest_done = False
        self._previous = previous
        self._thread = threading.Thread(
            target=self._run, args=(Path(raw_dir), progress), name="medialens-ingest", daemon=True
        )
        self._thread.start()

    # -- the ingest thread ----------------------------------------------------------------
    def _run(self, raw_dir: Path, progress: bool | None) -> None:
        from medialens.corpus.ingest import ingest_into

        try:
            self.summary = ingest_into(
                self,
                raw_dir,
                progress=progress,
                chunk_rows=self._batch_rows,
                previous=self._previous,
            )
            self._flush_articles(final=True)
        except BaseException as exc:  # handed to the main thread (re-raised there)
            self._error = exc
        finally:
            self._put(None)

    def _put(self, item: pa.Table | None) -> None:
        import queue

        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue
        if item is not None:
            raise _Stopped

    def write(self, name: str, data: Any) -> int:
        """The store writer's ``write``, for the ingest thread and the main thread."""
        if self._stop.is_set():
            raise _Stopped
        if name == "articles":
            from medialens.store import to_arrow

            table = to_arrow("articles", data)  # rows read, or a table of reused rows
            self._unwritten.append(table)
            self._flush_articles(final=False)
            self._put(table)
            return len(table)
        with self._lock:
            if name == "rejects" and not self._ingest_done and not _is_ingest_thread():
                self._held_rejects.append(data)
                return len(data)
            return int(self._writer.write(name, data))

    def _flush_articles(self, *, final: bool) -> None:
        rows = sum(len(t) for t in self._unwritten)
        if rows and (final or rows >= self._part_rows):
            with self._lock:
                self._writer.write("articles", pa.concat_tables(self._unwritten).combine_chunks())
            self._unwritten = []

    # -- the main thread ------------------------------------------------------------------
    def article_batches(self) -> Iterator[pa.Table]:
        """The ``articles`` rows as they are read; ends when the ingest has finished (and
        re-raises its exception, if it failed)."""
        while True:
            item = self._queue.get()
            if item is None:
                break
            yield item
        self._thread.join()
        if self._error is not None:
            raise self._error
        with self._lock:
            self._ingest_done = True
            for table in self._held_rejects:
                self._writer.write("rejects", table)
            self._held_rejects = []

    def stop(self) -> None:
        """Abandon the ingest (on an error or Ctrl-C in the main thread) and wait for it."""
        self._stop.set()
        self._thread.join(timeout=30)


def _is_ingest_thread() -> bool:
    import threading

    return threading.current_thread().name == "medialens-ingest"
