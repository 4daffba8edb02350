"""One scheduled command: collect → process (incremental) → report → prune.

  medialens run [--feeds feeds.yaml] [--report [NOTEBOOK …]] [--keep N]

Stages: ``collect`` (only with --feeds) polls the feeds into the raw folder; ``process``
ingests and annotates incrementally (unchanged articles are reused); ``report`` (only with
--report; no names = every notebook) renders the notebooks into reports/<run-id>/;
``prune`` (only with --keep) deletes all but the newest N report runs. Each stage prints one
summary line to stderr; everything the stages print besides goes to
<processed>/last-run.log. A lock on the store makes overlapping runs impossible: a second
run exits with 75 and one line "another run holds the store since … (pid N)".

Exit codes: 0 every stage ok (pages or feeds that failed in collect are listed in the log,
not fatal, unless every feed failed); 1 a stage failed (process failed: no report; report
failed: no prune); 2 usage error; 75 another run holds the store; 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RUN_LOCK = ".run.lock"
RUN_OWNER = ".run-owner.json"
RUN_LOG = "last-run.log"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from medialens.cli import add_common_arguments
    from medialens.collect.cli import add_fetch_arguments
    from medialens.reports.prune import keep_count

    add_common_arguments(parser)
    parser.add_argument("--feeds", metavar="PATH", help="feeds.yaml: collect before processing")
    parser.add_argument(
        "--report",
        nargs="*",
        metavar="NOTEBOOK",
        help="render reports after processing (no names: every notebook)",
    )
    parser.add_argument("--params-file", metavar="PATH", help="report parameters (YAML)")
    parser.add_argument(
        "--reports", metavar="DIR", help="reports folder (default: reports/, env MEDIALENS_REPORTS)"
    )
    parser.add_argument(
        "--keep", type=keep_count, metavar="N", help="after the report, keep the newest N runs"
    )
    parser.add_argument(
        "--n-process", type=int, default=1, metavar="N", help="annotation worker processes"
    )
    add_fetch_arguments(parser)


class _Stage:
    """Run a stage with its output captured into the run log; time it.

    Both Python's ``sys.stdout``/``sys.stderr`` and the file descriptors 1 and 2 are
    redirected: the notebook kernels are subprocesses that write to the inherited
    descriptors, which a ``redirect_stderr`` alone would not catch.
    """

    def __init__(self, name: str, log: io.StringIO) -> None:
        self.name = name
        self.log = log
        self.started = time.monotonic()

    def __enter__(self) -> _Stage:
        self.log.write(f"== {self.name}\n")
        self._redirect = contextlib.ExitStack()
        self._fd_file = self._redirect.enter_context(tempfile.TemporaryFile())
        self._saved: list[tuple[int, int]] = []
        for fd in (1, 2):
            try:
                saved = os.dup(fd)
            except OSError:
                continue
            sys.stdout.flush() if fd == 1 else sys.stderr.flush()
            os.dup2(self._fd_file.fileno(), fd)
            self._saved.append((fd, saved))
        self._redirect.enter_context(contextlib.redirect_stderr(self.log))
        self._redirect.enter_context(contextlib.redirect_stdout(self.log))
        return self

    def __exit__(self, *exc: object) -> None:
        for fd, saved in self._saved:
            os.dup2(saved, fd)
            os.close(saved)
        self._fd_file.seek(0)
        self.log.write(self._fd_file.read().decode("utf-8", "replace"))
        self._redirect.close()

    def line(self, text: str) -> None:
        seconds = time.monotonic() - self.started
        print(f"{text} ({seconds:.1f} s)", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from medialens.cli import UsageError
    from medialens.config import get_settings
    from medialens.lock import ExclusiveLock
    from medialens.store import write_atomic

    settings = get_settings(
        raw_dir=args.raw,
        processed_dir=args.processed,
        reports_dir=args.reports,
        codebook=args.codebook,
        model=args.model,
    )
    if args.keep is not None and args.report is None:
        raise UsageError("--keep prunes report runs: use it with --report")
    if args.n_process < 1:
        raise UsageError("--n-process must be at least 1")
    if args.feeds and not Path(args.feeds).is_file():
        raise UsageError(f"feeds file not found: {args.feeds}")
    if args.params_file and not Path(args.params_file).is_file():
        raise UsageError(f"params file not found: {args.params_file}")
    if not settings.codebook.is_file():
        raise UsageError(f"codebook not found: {settings.codebook}")
    processed = settings.processed_dir
    log = io.StringIO()
    lock = ExclusiveLock(processed / RUN_LOCK, processed / RUN_OWNER, what="the store")
    with lock:
        try:
            code = _stages(args, settings, log)
        finally:
            write_atomic(processed / RUN_LOG, log.getvalue())
    print(f"run: exit {code}; details in {processed / RUN_LOG}", file=sys.stderr)
    return code


def _stages(args: argparse.Namespace, settings: Any, log: io.StringIO) -> int:
    failed = False
    raw = settings.raw_dir
    if args.feeds:
        with _Stage("collect", log) as stage:
            from medialens.collect.cli import collect_from_args

            code = collect_from_args(args, raw)
        summary = log.getvalue().rstrip().splitlines()[-1]
        stage.line(summary if summary.startswith("collect:") else f"collect: exit {code}")
        failed |= code != 0
    raw.mkdir(parents=True, exist_ok=True)

    with _Stage("process", log) as stage:
        from medialens.pipeline.driver import ProcessOptions, process_corpus

        code = process_corpus(
            ProcessOptions(
                raw_dir=raw,
                processed_dir=settings.processed_dir,
                codebook=settings.codebook,
                model=settings.model,
                n_process=args.n_process,
                progress=False,
            )
        )
    if code != 0:
        stage.line(f"process: failed (exit {code}); the previous snapshot stays current")
        return 1
    stage.line(_process_line(settings.processed_dir))

    if args.report is None:
        return 1 if failed else 0
    with _Stage("report", log) as stage:
        ok, line = _report(args, settings)
    stage.line(line)
    if not ok:
        return 1

    if args.keep is not None:
        with _Stage("prune", log) as stage:
            from medialens.reports.prune import prune_runs

            pruned = prune_runs(settings.reports_dir, args.keep)
        stage.line(
            f"prune: {len(pruned.removed)} old report run(s) removed, {len(pruned.kept)} kept"
        )
    return 1 if failed else 0


def _process_line(processed: Path) -> str:
    from medialens.store import read_manifest

    m = read_manifest(processed)
    ingest, ann = m.get("ingest", {}), m.get("annotation", {})
    return (
        f"process: {ingest.get('articles', 0)} article(s) from {ingest.get('files', 0)} file(s) "
        f"({ingest.get('reused_files', 0)} unchanged); annotated {ann.get('annotated', 0)}, "
        f"reused {ann.get('reused', 0)}, failed {ann.get('failed', 0)}; rejected "
        f"{ingest.get('errors', 0)}, warnings {ingest.get('warnings', 0)}; snapshot {m.get('run_id')}"
    )


def _report(args: argparse.Namespace, settings: Any) -> tuple[bool, str]:
    from medialens.analysis.selection import ParameterError
    from medialens.reports.runner import resolve_notebooks, run_reports
    from medialens.store import StoreError

    try:
        notebooks = resolve_notebooks(args.report, settings.notebooks_dir)
        result = run_reports(
            notebooks,
            reports_dir=settings.reports_dir,
            processed_dir=settings.processed_dir,
            codebook=settings.codebook,
            cli_params={},
            params_file=Path(args.params_file) if args.params_file else None,
        )
    except (ParameterError, StoreError, ValueError) as exc:
        return False, f"report: not run ({exc})"
    n_failed = sum(not nb.ok for nb in result.notebooks)
    if not result.ok:
        return False, (
            f"report: {n_failed} of {len(notebooks)} notebook(s) failed in {result.run_dir} "
            f"(see {result.log_file})"
        )
    return True, f"report: {len(notebooks)} notebook(s) in {result.run_dir}"
