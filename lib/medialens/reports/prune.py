"""Remove old report runs: keep the newest N run folders under ``reports/``.

Why: a weekly scheduled run adds a folder of ≈ 25 MB (plotly.js per HTML file) each time;
``medialens report --keep N`` and ``medialens run --keep N`` bound the folder. A run folder
is one with a ``run.json`` (made by :func:`medialens.reports.runner.run_reports`); nothing
else under ``reports/`` is touched. Runs are ordered by their id (``YYYYMMDDTHHMMSSZ-…``,
sortable by start time). A run still ``running`` (another process renders it now) is never
removed and does not count; nor is a run that a symbolic link in ``reports/`` points at
(``reports/latest``, the newest complete run), and links themselves are not runs. Each removed folder is first renamed to ``.pruned-<id>`` (atomic,
so the index never links a half-deleted run), then deleted; ``index.html`` is rewritten.

Limit: runs are kept by count, not by age or status: with ``--keep 2`` two failed runs push
out the last good one.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import NamedTuple

RUN_JSON = "run.json"
PRUNED_PREFIX = ".pruned-"


def keep_count(value: str) -> int:
    """argparse type of ``--keep``: an integer of at least 1 (else a usage error, exit 2)."""
    import argparse

    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"--keep must be at least 1 (got {n})")
    return n


class PruneResult(NamedTuple):
    kept: list[str]
    removed: list[str]


def report_runs(reports_dir: Path) -> list[tuple[str, str]]:
    """``(run_id, status)`` of every run folder, newest first."""
    runs = []
    for path in Path(reports_dir).glob(f"*/{RUN_JSON}"):
        folder = path.parent
        if folder.name.startswith(".") or folder.is_symlink():  # e.g. reports/latest
            continue
        try:
            status = str(json.loads(path.read_text(encoding="utf-8")).get("status", "?"))
        except (OSError, ValueError, AttributeError):
            status = "?"
        runs.append((folder.name, status))
    return sorted(runs, reverse=True)


def prune_runs(reports_dir: Path, keep: int, *, write_index: bool = True) -> PruneResult:
    """Delete all but the newest ``keep`` finished runs (``keep`` >= 1; ValueError else)."""
    if keep < 1:
        raise ValueError(f"--keep must be at least 1 (got {keep})")
    reports_dir = Path(reports_dir)
    finished = [rid for rid, status in report_runs(reports_dir) if status != "running"]
    kept, old = finished[:keep], finished[keep:]
    # a run a link points at (reports/latest: the newest complete run) is never removed
    linked = {
        p.resolve().name for p in reports_dir.iterdir() if p.is_symlink() and p.resolve().is_dir()
    }
    kept += [rid for rid in old if rid in linked]
    old = [rid for rid in old if rid not in linked]
    removed = []
    for rid in old:
        target = reports_dir / f"{PRUNED_PREFIX}{rid}"
        try:
            (reports_dir / rid).rename(target)
        except OSError:
            continue  # gone meanwhile (another prune) or not ours to move
        shutil.rmtree(target, ignore_errors=True)
        removed.append(rid)
    for leftover in reports_dir.glob(f"{PRUNED_PREFIX}*"):  # an interrupted earlier prune
        shutil.rmtree(leftover, ignore_errors=True)
    if write_index and removed:
        from medialens.reports.runner import write_index as _write_index

        _write_index(reports_dir)
    return PruneResult(kept, removed)
