"""Ingest the raw corpus, then annotate every article into the processed store.

Writes one new snapshot with the ingest tables (articles, duplicates, rejects) and the
annotation tables (article_counts, quotes, scare_quotes, mentions, framing, uncoded_actors) and
the corpus-level ``entities`` table (uncoded persons/organisations, one row per entity).
Articles are annotated in chunks (--chunk-size) and each chunk's rows are written as Parquet
parts, so memory stays flat however large the corpus. Incremental: an article whose id, date,
text, codebook, model, medialens version and annotation code are unchanged since the current
snapshot is not annotated again, its rows are copied (--full re-annotates everything).
Engines: local (a pool of --n-process worker processes) or dask (--scheduler ADDRESS, else a
LocalCluster).

Exit codes: 0 ok (rejected inputs and articles the pipeline failed on are listed in the
summary and the rejects table), 1 with --strict and any rejected input or failed article
(nothing is written), 2 usage error (bad flag, folder or codebook), 130 interrupted (Ctrl-C:
the previous snapshot stays current).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from medialens.schema import TABLES

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: Tables written by annotation (one chunk of rows per chunk of articles).
ANNOTATION_TABLES = (
    "article_counts",
    "quotes",
    "scare_quotes",
    "mentions",
    "framing",
    "uncoded_actors",
)
#: Columns of the article chunks handed to :func:`annotate_chunk` (and engines).
CHUNK_COLUMNS = ("article_id", "date", "text", "annotation_key", "source_file", "source_line")
CHUNK_ARTICLES = 500
#: Texts per ``nlp.pipe`` batch inside a chunk.
PIPE_BATCH = 64

_NLP_CACHE: dict[tuple[str, str | None], Language] = {}


# -- keys ------------------------------------------------------------------------------------


def resolve_codebook_hash(codebook: str | Path | None) -> str:
    """Hash of the codebook's content: ``medialens.codebook.codebook_hash`` (parsed,
    normalised) when available, else sha256 of the file bytes."""
    try:
        from medialens.codebook import codebook_hash
    except ImportError:  # pragma: no cover - codebook package is part of medialens
        from medialens.config import DEFAULT_CODEBOOK

        return hashlib.sha256(Path(codebook or DEFAULT_CODEBOOK).read_bytes()).hexdigest()
    return str(codebook_hash(codebook or None))


#: Package parts whose code or data decide the annotation rows (see :func:`code_fingerprint`).
FINGERPRINT_PATHS = ("nlp", "codebook", "process.py", "schema.py")
FINGERPRINT_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt", ".tsv", ".csv"}


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over the annotation code and word lists, spaCy and its lookup-data versions.

    Why: between releases the medialens version stays the same while the extractors and word
    lists change (a development checkout, a patched install); a changed component must not
    reuse stale rows. Hashing ~100 small files costs a few milliseconds.
    """
    from importlib.metadata import PackageNotFoundError, version

    from medialens.config import digest_package_files

    digest = hashlib.sha256()
    for dist in ("spacy", "spacy-lookups-data"):
        try:
            digest.update(f"{dist}={version(dist)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{dist}=?\n".encode())
    digest.update(f"spacy-runtime={_spacy_runtime_version()}\n".encode())
    digest_package_files(digest, FINGERPRINT_PATHS, FINGERPRINT_SUFFIXES)
    return digest.hexdigest()


def _spacy_runtime_version() -> str:
    """``spacy.__version__`` of the spaCy that ``import spacy`` would load, without importing it.

    Why: importing spaCy takes ≈ 1 s; with ``--n-process N`` only the workers need spaCy, and
    the fingerprint is needed before the first chunk is sent to them. The version is read
    from ``spacy/about.py`` with ``ast`` (never executed); if that fails, spaCy is imported.
    """
    import ast
    import importlib.util

    if "spacy" not in sys.modules:
        try:
            spec = importlib.util.find_spec("spacy")
            origin = spec.origin if spec is not None else None
            if origin:
                tree = ast.parse((Path(origin).parent / "about.py").read_text(encoding="utf-8"))
                for node in tree.body:
                    if (
                        isinstance(node, ast.Assign)
                        and any(
                            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
                        )
                        and isinstance(node.value, ast.Constant)
                        and isinstance(node.value.value, str)
                    ):
                        return node.value.value
        except (OSError, SyntaxError, ValueError, ImportError):
            pass
    import spacy

    return str(spacy.__version__)


def annotation_key(
    article_id: str,
    date: object,
    content_hash: str,
    *,
    codebook_hash: str,
    model: str | None,
    version: str,
) -> str:
    """The key that decides whether an article's annotation rows can be reused.

    The date is part of it because role nouns (``der Kanzler``) resolve by date; the id
    because every row carries it. ``version`` is the medialens version plus
    :func:`code_fingerprint` (see :func:`process_corpus`).
    """
    parts = (
        article_id,
        "" if date is None else str(date),
        content_hash,
        codebook_hash,
        model or "",
        version,
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


# -- one chunk -------------------------------------------------------------------------------


def get_nlp(codebook: str | None, model: str | None) -> Language:
    """The pipeline for ``(codebook, model)``, built once per process."""
    key = (codebook or "", model)
    nlp = _NLP_CACHE.get(key)
    if nlp is None:
        from medialens.nlp import build_nlp

        spacy_log = logging.getLogger("spacy")
        level = spacy_log.level
        spacy_log.setLevel(logging.WARNING)  # "Created vocabulary" etc. is noise in a CLI run
        try:
            nlp = build_nlp(model=model, codebook=codebook or None)
        finally:
            spacy_log.setLevel(level)
        _NLP_CACHE[key] = nlp
    return nlp


def doc_rows(
    doc: Doc, article_id: str, annotation_key: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Rows of every annotation table for one annotated ``Doc`` (pure conversion)."""
    quotes = list(doc._.ml_quotes or ())
    scare = list(doc._.ml_scare_quotes or ())
    mentions = list(doc._.ml_mentions or ())
    framing = list(doc._.ml_framing or ())
    candidates = list(doc._.ml_candidates or ())
    n_sentences, n_words = _counts(doc)
    rows: dict[str, list[dict[str, Any]]] = {
        "article_counts": [
            {
                "article_id": article_id,
                "n_tokens": len(doc),
                "n_words": n_words,
                "n_sentences": n_sentences,
                "n_quotes": len(quotes),
                "n_mentions": len(mentions),
                "n_framing": len(framing),
                "n_scare_quotes": len(scare),
                "annotation_key": annotation_key,
            }
        ],
        "quotes": [],
        "scare_quotes": [],
        "mentions": [],
        "framing": [],
        "uncoded_actors": [],
    }
    for i, q in enumerate(quotes):
        # The store's cue_* columns give the quote's reporting verb for stance analyses: for
        # reported speech that is the speech-act verb inside the quotation (``Quote.act``).
        sp, cue = q.speaker, q.cue if q.cue is not None else q.act
        rows["quotes"].append(
            {
                "article_id": article_id,
                "quote_id": i,
                "start": q.start,
                "end": q.end,
                "spans": [list(s) for s in q.spans],
                "text": q.text,
                "kind": q.kind,
                "speaker_start": sp.start if sp else None,
                "speaker_end": sp.end if sp else None,
                "speaker_text": sp.text if sp else None,
                "speaker_resolved": sp.resolved if sp else None,
                "actor": sp.actor if sp else None,
                "cue_start": cue.start if cue else None,
                "cue_end": cue.end if cue else None,
                "cue_text": cue.text if cue else None,
                "cue_lemma": cue.lemma if cue else None,
                "cue_category": cue.category if cue else None,
                "cue_in_quote": q.cue is None and q.act is not None,
                "sentence_id": q.sentence_id,
            }
        )
    # These records' fields are exactly the columns of their tables (see schema.py).
    for table, records in (
        ("scare_quotes", scare),
        ("mentions", mentions),
        ("framing", framing),
        ("uncoded_actors", candidates),
    ):
        rows[table].extend({"article_id": article_id, **r._asdict()} for r in records)
    return rows


def _counts(doc: Doc) -> tuple[int, int]:
    """``(sentences, words)`` of a Doc from one ``Doc.to_array``: words are tokens that are
    neither punctuation nor space. Why: iterating the Doc (``doc.sents``, ``for t in doc``)
    creates a Python object per token, a tenth of the tokenizer's time."""
    from spacy.attrs import IS_PUNCT, IS_SPACE, SENT_START

    n = len(doc)
    if not n:
        return 0, 0
    arr = doc.to_array([SENT_START, IS_PUNCT, IS_SPACE]).astype("int64")
    n_words = n - int(((arr[:, 1] != 0) | (arr[:, 2] != 0)).sum())
    if "sents" in doc.user_hooks:  # a model's own sentence hook: ask it
        n_sentences = sum(1 for _ in doc.sents)
    elif doc.has_annotation("SENT_START"):
        # doc.sents: a sentence starts at token 0 and at every token with SENT_START == 1
        n_sentences = 1 + int((arr[1:, 0] == 1).sum())
    else:
        n_sentences = 1
    return n_sentences, n_words


def _as_records(articles: pa.Table | pd.DataFrame) -> list[dict[str, Any]]:
    if isinstance(articles, pa.Table):
        cols = [c for c in CHUNK_COLUMNS if c in articles.column_names]
        return articles.select(cols).to_pylist()
    cols = [c for c in CHUNK_COLUMNS if c in articles.columns]
    records = articles[cols].to_dict("records")
    for rec in records:  # pandas missing values (NaN, NA, NaT) → None
        for k, v in rec.items():
            if not isinstance(v, str | int) and _is_missing(v):
                rec[k] = None
    return records


def _is_missing(value: object) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists, arrays: not a scalar missing value
        return False


def _make_doc(nlp: Language, rec: dict[str, Any]) -> Doc:
    from medialens.nlp.pipes import make_doc_with_text

    doc = make_doc_with_text(nlp, str(rec.get("text") or ""))
    date = rec.get("date")
    if date is not None:
        doc.user_data["date"] = str(date)[:10]
    return doc


def annotate_chunk(
    articles: pa.Table | pd.DataFrame,
    *,
    codebook: str,
    model: str | None,
) -> dict[str, pa.Table]:
    """Annotate a chunk of articles; returns one Arrow table per annotation table.

    ``articles`` needs ``article_id`` and ``text``; ``date``, ``annotation_key``,
    ``source_file`` and ``source_line`` are used when present. Pure and picklable for process
    pools and Dask: the pipeline is built once per process and cached. An article on which the
    pipeline raises is skipped and reported in an extra ``rejects`` table (reason
    ``annotation-failed``), so one bad text never loses the chunk.
    """
    nlp = get_nlp(codebook or None, model)
    records = _as_records(articles)
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in ANNOTATION_TABLES}
    failures: list[dict[str, Any]] = []

    def add(doc: Doc, rec: dict[str, Any]) -> None:
        for name, rows in doc_rows(doc, str(rec["article_id"]), rec.get("annotation_key")).items():
            out[name].extend(rows)

    fits = []
    for rec in records:
        n_chars = len(rec.get("text") or "")
        if n_chars > nlp.max_length:  # spaCy refuses such texts; say so plainly
            failures.append(
                _failure(
                    rec,
                    ValueError(
                        f"text too long to annotate ({n_chars:,} > {nlp.max_length:,} characters)"
                    ),
                )
            )
        else:
            fits.append(rec)
    records = fits
    for start in range(0, len(records), PIPE_BATCH):
        batch = records[start : start + PIPE_BATCH]
        try:
            docs = list(nlp.pipe((_make_doc(nlp, r) for r in batch), batch_size=PIPE_BATCH))
        except Exception:  # retry one by one to isolate the failing article(s)
            docs = []
            for rec in batch:
                try:
                    docs.append(nlp(_make_doc(nlp, rec)))
                except Exception as exc:
                    docs.append(None)
                    failures.append(_failure(rec, exc))
        for doc, rec in zip(docs, batch, strict=True):
            if doc is not None:
                add(doc, rec)
        del docs
    result = {name: pa.Table.from_pylist(rows, schema=TABLES[name]) for name, rows in out.items()}
    if failures:
        result["rejects"] = pa.Table.from_pylist(failures, schema=TABLES["rejects"])
    return result


def _failure(rec: dict[str, Any], exc: BaseException) -> dict[str, Any]:
    file = rec.get("source_file") or "?"
    line = rec.get("source_line")
    where = f"{file}:{line}" if line is not None else file
    log.debug("annotation failed for %s (%s): %r", rec.get("article_id"), where, exc)
    return {
        "source_file": rec.get("source_file"),
        "source_line": line,
        "severity": "error",
        "reason": "annotation-failed",
        "message": f"{where}: article {rec.get('article_id')!r} could not be annotated "
        f"({type(exc).__name__}: {exc}); it has no annotation rows",
    }


# -- engines ---------------------------------------------------------------------------------

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
    starts the pool itself before reading the corpus (see :func:`process_corpus`).
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


def _init_worker(codebook: str, model: str | None) -> None:
    """Build the pipeline as soon as the worker starts (while the parent still reads the
    corpus). An error here is not raised: the first task builds again and reports it.

    Also starts a watch on the parent (:func:`watch_parent`).
    """
    watch_parent()
    try:
        get_nlp(codebook or None, model)
    except Exception:  # reported by the first annotate_chunk call, with the task's traceback
        log.debug("worker pipeline build failed; the first task will retry", exc_info=True)


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
        # Start the workers now (fork: all at the first submit; spawn: one per submit).
        self._started = [self._pool.submit(_worker_pid) for _ in range(n_process)]
        #: whether any chunk was sent; if not, :meth:`close` stops the workers at once
        self.used = False

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Cancel tasks not yet started, wait for running ones and the workers to end.

        If no chunk was ever sent (a re-run with nothing new to annotate), the workers are
        terminated instead of being waited for: they may still be importing spaCy and
        building their pipelines (≈ 1–2 s), work nobody needs.
        """
        if not self.used:
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


def _worker_pid() -> int:
    import os

    return os.getpid()


def get_engine(name: str) -> Engine:
    """``local`` → :func:`run_local`; ``dask`` → ``medialens.engines.dask.run_dask``."""
    from medialens.cli import UsageError

    if name == "local":
        return run_local
    if name == "dask":
        try:
            from medialens.engines.dask import run_dask
        except ModuleNotFoundError as exc:
            raise UsageError(
                f"--engine dask is not available ({exc}); install dask[distributed] "
                "and use a medialens version with medialens.engines.dask"
            ) from None
        return run_dask  # type: ignore[no-any-return]
    raise UsageError(f"unknown engine {name!r} (choose local or dask)")


# -- the whole run ---------------------------------------------------------------------------


@dataclass
class AnnotationStats:
    articles: int = 0
    annotated: int = 0
    reused: int = 0
    failed: int = 0

    def as_manifest(self) -> dict[str, int]:
        return {
            "articles": self.articles,
            "annotated": self.annotated,
            "reused": self.reused,
            "failed": self.failed,
        }


def previous_keys(processed_dir: Path) -> tuple[Path | None, dict[str, str]]:
    """The current snapshot folder and its ``article_id → annotation_key`` (empty if none)."""
    from medialens.store import StoreError, snapshot_dir

    try:
        snap = snapshot_dir(processed_dir)
    except StoreError:
        return None, {}
    keys: dict[str, str] = {}
    for part in sorted((snap / "article_counts").glob("*.parquet")):
        try:
            table = pq.read_table(part, columns=["article_id", "annotation_key"])
        except Exception:  # an older snapshot without the key column: nothing to reuse
            log.info("previous snapshot has no annotation keys; annotating everything")
            return snap, {}
        for aid, key in zip(
            table.column("article_id").to_pylist(),
            table.column("annotation_key").to_pylist(),
            strict=True,
        ):
            if key is not None:
                keys[aid] = key
    return snap, keys


def stored_article_batches(article_parts: list[Path], chunk_size: int) -> Iterator[pa.RecordBatch]:
    """The stored ``articles`` rows, part by part, in batches for :func:`chunk_articles`."""
    for part in article_parts:
        pf = pq.ParquetFile(part)
        yield from pf.iter_batches(batch_size=chunk_size, columns=list(ARTICLE_READ_COLUMNS))


#: Columns of the ``articles`` table that annotation needs.
ARTICLE_READ_COLUMNS = ("article_id", "date", "text", "content_hash", "source_file", "source_line")


def chunk_articles(
    batches: Iterable[pa.RecordBatch | pa.Table],
    *,
    codebook_hash: str,
    model: str | None,
    version: str,
    reusable: dict[str, str],
    reused: set[str],
    chunk_size: int,
) -> Iterator[pa.Table]:
    """Chunks of ``chunk_size`` articles (the last one shorter) that need annotation, from
    ``articles`` rows in any batching: the chunks depend only on the rows and their order.
    Each gets its ``annotation_key`` column; ids whose key is in ``reusable`` go to ``reused``.
    """
    buffer: list[pa.Table] = []
    size = 0
    for batch in batches:
        table = batch if isinstance(batch, pa.Table) else pa.Table.from_batches([batch])
        table = table.select(list(ARTICLE_READ_COLUMNS))
        ids = table.column("article_id").to_pylist()
        dates = table.column("date").to_pylist()
        hashes = table.column("content_hash").to_pylist()
        keys = [
            annotation_key(a, d, h, codebook_hash=codebook_hash, model=model, version=version)
            for a, d, h in zip(ids, dates, hashes, strict=True)
        ]
        todo = []
        for i, (aid, key) in enumerate(zip(ids, keys, strict=True)):
            if reusable.get(aid) == key:
                reused.add(aid)
            else:
                todo.append(i)
        if not todo:
            continue
        table = table.append_column("annotation_key", pa.array(keys, pa.string()))
        table = table.take(pa.array(todo, pa.int64())).select(list(CHUNK_COLUMNS))
        buffer.append(table)
        size += len(table)
        while size >= chunk_size:
            merged = pa.concat_tables(buffer)
            yield merged.slice(0, chunk_size).combine_chunks()
            rest = merged.slice(chunk_size)
            buffer, size = ([rest] if len(rest) else []), len(rest)
    if size:
        yield pa.concat_tables(buffer).combine_chunks()


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


def copy_reused(writer: Any, previous: Path, reused: set[str]) -> None:
    """Copy the annotation rows of ``reused`` articles from the previous snapshot.

    A previous part whose articles are all reused is hard-linked (no rewrite); otherwise its
    rows are filtered by article id.
    """
    import pyarrow.compute as pc

    if not reused:
        return
    for name in ANNOTATION_TABLES:
        for part in sorted((previous / name).glob("*.parquet")):
            ids = pq.read_table(part, columns=["article_id"]).column("article_id")
            if len(ids) == 0:
                continue
            # a part holds a few hundred distinct articles: test those against the set
            # (hashing the whole reused set per part was quadratic: 10 s at 100k articles)
            distinct = pc.unique(ids).to_pylist()
            keep = [a for a in distinct if a in reused]
            if not keep:
                continue
            if len(keep) == len(distinct):
                writer.link_part(name, part)
            else:
                mask = pc.is_in(ids, value_set=pa.array(keep, pa.string()))
                table = (
                    pq.read_table(part, schema=TABLES[name])
                    if _has_all_columns(part, name)
                    else pq.read_table(part)
                )
                writer.write(name, table.filter(mask))


def _has_all_columns(part: Path, name: str) -> bool:
    return set(TABLES[name].names) <= set(pq.read_schema(part).names)


@dataclass
class ProcessOptions:
    raw_dir: Path
    processed_dir: Path
    codebook: Path
    model: str | None = None
    engine: str = "local"
    scheduler: str | None = None
    n_process: int = 1
    full: bool = False
    strict: bool = False
    chunk_size: int = CHUNK_ARTICLES
    progress: bool | None = None


def process_corpus(options: ProcessOptions) -> int:
    """Ingest + annotate into a new snapshot; returns the exit code (see module docstring)."""
    from tqdm import tqdm

    from medialens import __version__
    from medialens.corpus.cli import check_raw_dir, ingest_manifest
    from medialens.corpus.ingest import ingest_into
    from medialens.store import StoreWriter

    check_raw_dir(options.raw_dir)
    engine = get_engine(options.engine)
    cb_hash = _codebook_hash_or_usage_error(options.codebook)
    codebook = str(options.codebook)
    stats = AnnotationStats()
    show = sys.stderr.isatty() if options.progress is None else options.progress

    with contextlib.ExitStack() as stack:
        pool = None
        if options.engine == "local" and options.n_process > 1:
            # started first: the workers build their pipelines while this process ingests
            pool = stack.enter_context(
                LocalPool(codebook=codebook, model=options.model, n_process=options.n_process)
            )
        previous, reusable = (None, {}) if options.full else previous_keys(options.processed_dir)
        store = stack.enter_context(StoreWriter(options.processed_dir))
        writer: Any = store
        version = f"{__version__}+{code_fingerprint()}"
        reused: set[str] = set()
        chunk_options: dict[str, Any] = {
            "codebook_hash": cb_hash,
            "model": options.model,
            "version": version,
            "reusable": reusable,
            "reused": reused,
            "chunk_size": options.chunk_size,
        }
        streamed: StreamedIngest | None = None
        if pool is not None:
            # the pool annotates while the corpus is still being read (see StreamedIngest)
            streamed = StreamedIngest(writer, options.raw_dir, progress=False, previous=previous)
            stack.callback(streamed.stop)
            writer = streamed
            chunks = chunk_articles(streamed.article_batches(), **chunk_options)
            summary = None
        else:
            summary = ingest_into(
                writer, options.raw_dir, progress=options.progress, previous=previous
            )
            print(summary.format(), file=sys.stderr)
            if options.strict and summary.errors:
                return _strict_ingest_failure(summary)
            stats.articles = summary.articles
            chunks = chunk_articles(
                stored_article_batches(store.parts("articles"), options.chunk_size),
                **chunk_options,
            )
        failure_messages: list[str] = []
        kwargs: dict[str, Any] = {"codebook": codebook, "model": options.model}
        if pool is not None:
            engine, kwargs = pool.map, {}
        elif options.engine == "local":
            kwargs["n_process"] = options.n_process
        else:
            kwargs["scheduler"] = options.scheduler
            kwargs["n_workers"] = max(1, options.n_process)  # LocalCluster size (no --scheduler)
        with tqdm(
            total=summary.articles if summary is not None else None,
            unit="art",
            desc="annotate",
            disable=not show,
            file=sys.stderr,
        ) as bar:
            for result in engine(chunks, **kwargs):
                for name, table in result.items():
                    writer.write(name, table)
                if streamed is not None and summary is None and streamed.summary is not None:
                    bar.total = streamed.summary.articles
                    if options.strict and streamed.summary.errors:  # fail as soon as known
                        print(streamed.summary.format(), file=sys.stderr)
                        return _strict_ingest_failure(streamed.summary)
                n = len(result["article_counts"])
                failed = len(result.get("rejects", ()))
                if failed and len(failure_messages) < 3:
                    failure_messages.extend(result["rejects"].column("message").to_pylist()[:3])
                stats.annotated += n
                stats.failed += failed
                bar.update(n + failed)
            if streamed is not None:
                for _ in chunks:  # nothing to annotate: still wait for the ingest to end
                    pass
                summary = streamed.summary
                print(summary.format(), file=sys.stderr)
                if options.strict and summary.errors:
                    return _strict_ingest_failure(summary)
                stats.articles = summary.articles
                bar.total = summary.articles
            if previous is not None:
                copy_reused(store, previous, reused)
            stats.reused = len(reused)
            bar.update(len(reused))
        if options.strict and stats.failed:
            for msg in failure_messages[:3]:
                print(f"  annotation-failed (error): {msg}", file=sys.stderr)
            print(
                f"medialens process: --strict: {stats.failed} article(s) could not be annotated; "
                "the store was left unchanged",
                file=sys.stderr,
            )
            return 1
        write_entities(store)
        path = store.commit(
            command="process",
            **ingest_manifest(options.raw_dir, summary),
            annotation={
                **stats.as_manifest(),
                "engine": options.engine,
                "codebook": codebook,
                "codebook_hash": cb_hash,
                "model": options.model,
                "code_fingerprint": code_fingerprint(),
            },
        )
    print(
        f"annotated: {stats.annotated}; reused from the previous snapshot: {stats.reused}; "
        f"failed: {stats.failed}",
        file=sys.stderr,
    )
    for msg in failure_messages[:3]:
        print(f"  annotation-failed (error): {msg}", file=sys.stderr)
    if stats.failed > 3:
        print(f"  … and {stats.failed - 3} more (see the rejects table)", file=sys.stderr)
    print(f"store: {path}", file=sys.stderr)
    return 0


def write_entities(store: Any) -> int:
    """Write the ``entities`` table (one row per uncoded canonical entity of the corpus) from
    the snapshot's ``uncoded_actors``, ``quotes`` and ``articles`` parts (read column-wise)."""
    from medialens.nlp.entities import corpus_entities

    def read(name: str, columns: list[str]) -> list[dict[str, Any]]:
        parts = [p for p in store.parts(name) if _has_all_columns_of(p, columns)]
        return [r for p in parts for r in pq.read_table(p, columns=columns).to_pylist()]

    cols = ["article_id", "start", "end", "text", "type", "entity"]
    mentions = [tuple(r[c] for c in cols) for r in read("uncoded_actors", cols)]
    speakers = [
        (r["article_id"], r["speaker_start"], r["speaker_end"])
        for r in read("quotes", ["article_id", "speaker_start", "speaker_end"])
    ]
    dates = {r["article_id"]: r["date"] for r in read("articles", ["article_id", "date"])}
    rows = corpus_entities(mentions, speakers, dates)  # type: ignore[arg-type]
    if not rows:
        return 0
    return store.write("entities", [r._asdict() for r in rows])


def _has_all_columns_of(part: Path, columns: list[str]) -> bool:
    names = set(pq.read_schema(part).names)
    return all(c in names for c in columns)


def _strict_ingest_failure(summary: Any) -> int:
    print(
        f"medialens process: --strict: {summary.errors} input(s) rejected; "
        "the store was left unchanged",
        file=sys.stderr,
    )
    return 1


def _codebook_hash_or_usage_error(codebook: Path) -> str:
    from medialens.cli import UsageError

    try:
        return resolve_codebook_hash(codebook)
    except Exception as exc:  # CodebookError names file and line; anything else: unreadable
        raise UsageError(f"codebook: {exc}") from None


# -- CLI -------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from medialens.cli import add_common_arguments

    add_common_arguments(parser)
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1, store unchanged) if any input is rejected",
    )
    parser.add_argument("--full", action="store_true", help="re-annotate every article (no reuse)")
    parser.add_argument(
        "--n-process",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (local engine) or LocalCluster workers (dask without --scheduler); default 1",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where to annotate (default local)",
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a LocalCluster)"
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=CHUNK_ARTICLES,
        metavar="N",
        help=f"articles per annotation chunk and Parquet part (default {CHUNK_ARTICLES})",
    )
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def run(args: argparse.Namespace) -> int:
    from medialens.cli import UsageError
    from medialens.config import get_settings

    settings = get_settings(
        raw_dir=args.raw, processed_dir=args.processed, codebook=args.codebook, model=args.model
    )
    if args.n_process < 1:
        raise UsageError("--n-process must be at least 1")
    if args.chunk_size < 1:
        raise UsageError("--chunk-size must be at least 1")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if not settings.codebook.is_file():
        raise UsageError(f"codebook not found: {settings.codebook}")
    if settings.model:
        import spacy.util

        if not (spacy.util.is_package(settings.model) or Path(settings.model).is_dir()):
            raise UsageError(
                f"spaCy model {settings.model!r} is not installed (pip install it, or omit "
                "--model / MEDIALENS_MODEL to use the default blank German pipeline)"
            )
    return process_corpus(
        ProcessOptions(
            raw_dir=settings.raw_dir,
            processed_dir=settings.processed_dir,
            codebook=settings.codebook,
            model=settings.model,
            engine=args.engine,
            scheduler=args.scheduler,
            n_process=args.n_process,
            full=args.full,
            strict=args.strict,
            chunk_size=args.chunk_size,
            progress=False if args.no_progress else None,
        )
    )
