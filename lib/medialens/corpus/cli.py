"""Read the raw corpus into the processed store: tables articles, duplicates and rejects.

Reads every file under the raw folder recursively (dated .txt files, .jsonl, .csv/.tsv,
.parquet; README and hidden files are skipped) and never modifies it. Texts are normalised
(NFC, whitespace, invisible characters) and deduplicated; every problem is recorded in the
rejects table with file, line and reason, and the run continues. The new snapshot replaces
data/processed/current atomically. Annotation tables of the previous snapshot are dropped:
run `medialens process` to ingest and annotate in one go. See docs/ingest.md.

Exit codes: 0 ok (also with warnings or rejects), 1 with --strict and any rejected input
(nothing is written then), 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from medialens.corpus.ingest import IngestSummary, ingest_into


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--raw", metavar="DIR", help="raw data folder (default: data/raw, env MEDIALENS_RAW)"
    )
    parser.add_argument(
        "--processed",
        metavar="DIR",
        help="processed store (default: data/processed, env MEDIALENS_PROCESSED)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1, store unchanged) if any input is rejected; warnings do not fail",
    )
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def check_raw_dir(raw: Path) -> None:
    """:class:`UsageError` when the raw folder is missing or not a folder."""
    from medialens.cli import UsageError

    if not raw.exists():
        raise UsageError(f"raw folder not found: {raw} (use --raw or MEDIALENS_RAW)")
    if not raw.is_dir():
        raise UsageError(f"--raw must be a folder: {raw}")


def ingest_manifest(raw: Path, summary: IngestSummary) -> dict[str, Any]:
    return {
        "raw_dir": str(raw),
        "inputs": summary.inputs,
        "ingest_fingerprint": summary.fingerprint,
        "ingest": summary.as_manifest(),
    }


def run(args: argparse.Namespace) -> int:
    from medialens.config import get_settings
    from medialens.store import StoreWriter

    settings = get_settings(raw_dir=args.raw, processed_dir=args.processed)
    check_raw_dir(settings.raw_dir)
    progress = False if args.no_progress else None
    with StoreWriter(settings.processed_dir) as writer:
        summary = ingest_into(writer, settings.raw_dir, progress=progress)
        print(summary.format(), file=sys.stderr)
        if args.strict and summary.errors:
            print(
                f"medialens ingest: --strict: {summary.errors} input(s) rejected; "
                "the store was left unchanged",
                file=sys.stderr,
            )
            return 1
        path = writer.commit(command="ingest", **ingest_manifest(settings.raw_dir, summary))
    print(f"store: {path}", file=sys.stderr)
    return 0
