"""The whole ``medialens process`` run (the *driver*): ingest, annotate, reuse, commit.

:func:`process_corpus` wires the layers of ``medialens.pipeline`` together: it reads the
corpus (directly, or streamed to a worker pool: :mod:`medialens.pipeline.stream`), leaves
out what the previous snapshot already holds (:mod:`medialens.pipeline.reuse`), sends the
rest in chunks to an engine (:mod:`medialens.pipeline.pool`, ``medialens.engines``), writes
every result into the new snapshot and commits it (:mod:`medialens.pipeline.commit`). Used
by ``medialens process`` (:mod:`medialens.pipeline.cli`) and ``medialens run``.
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialens.cli import UsageError
from medialens.pipeline.commit import AnnotationStats, commit_snapshot
from medialens.pipeline.keys import code_fingerprint, resolve_codebook_hash
from medialens.pipeline.pool import LocalPool, get_engine
from medialens.pipeline.reuse import chunk_articles, copy_reused, previous_keys
from medialens.pipeline.stream import StreamedIngest, stored_article_batches

#: Articles per annotation chunk (``--chunk-size``): one Parquet part per chunk and table.
CHUNK_ARTICLES = 500


@dataclass
class ProcessOptions:
    """What ``medialens process`` was asked to do (its flags, paths resolved)."""

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
    """Ingest + annotate into a new snapshot; returns the exit code (see
    :mod:`medialens.pipeline.cli`)."""
    from tqdm import tqdm

    from medialens import __version__
    from medialens.corpus.cli import check_raw_dir
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
        path = commit_snapshot(
            store,
            raw_dir=options.raw_dir,
            summary=summary,
            stats=stats,
            engine=options.engine,
            codebook=codebook,
            codebook_hash=cb_hash,
            model=options.model,
            fingerprint=code_fingerprint(),
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


def _strict_ingest_failure(summary: Any) -> int:
    print(
        f"medialens process: --strict: {summary.errors} input(s) rejected; "
        "the store was left unchanged",
        file=sys.stderr,
    )
    return 1


def _codebook_hash_or_usage_error(codebook: Path) -> str:
    try:
        return resolve_codebook_hash(codebook)
    except Exception as exc:  # CodebookError names file and line; anything else: unreadable
        raise UsageError(f"codebook: {exc}") from None
