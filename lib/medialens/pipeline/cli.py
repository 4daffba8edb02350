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
from pathlib import Path

from medialens.cli import UsageError, add_common_arguments
from medialens.config import get_settings
from medialens.pipeline.driver import CHUNK_ARTICLES, ProcessOptions, process_corpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of ``medialens process`` (the path flags are shared with other commands)."""
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
    """``medialens process``: check the flags (``UsageError``: exit 2), then
    :func:`~medialens.pipeline.driver.process_corpus`."""
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
