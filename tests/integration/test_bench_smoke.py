"""Smoke test of the benchmark harness: ``benchmarks/run.py --quick`` on the sample corpus.

Checks that one quick run produces every figure of the result JSON (throughput ratio,
speed-up, peak memory, incremental fraction, notebook time and memory) with plausible
values. No speed is asserted: timings depend on the machine and its load.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIGURES = (
    "ratio_to_tokenizer",
    "speedup_2_processes",
    "speedup_2_processes_engine",
    "peak_rss_mb",
    "incremental_fraction",
    "notebook_seconds_max",
)


@pytest.fixture(scope="module")
def result(root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("bench")
    cmd = [
        sys.executable,
        str(root / "benchmarks" / "run.py"),
        "--quick",
        "--sizes",
        "40",
        "--shared",
        str(tmp / "no-shared"),  # sample corpus only, the absent-../shared path
        "--work",
        str(tmp / "work"),
        "--out",
        str(tmp / "out"),
        "--notebooks",
        "01_corpus_overview",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "not found: sample corpus only" in done.stderr
    return json.loads((tmp / "out" / "quick.json").read_text(encoding="utf-8"))


def test_every_figure_present(result: dict) -> None:
    assert result["complete"] is True
    assert "error" not in result
    summary = result["summary"]
    for name in FIGURES:
        assert name in summary, name
        assert isinstance(summary[name]["ok"], bool)
        assert summary[name]["value"] > 0
    assert result["corpus"]["shared_available"] is False
    assert result["machine"]["cpu_count_logical"] >= 1


def test_throughput_figures(result: dict) -> None:
    tp = result["throughput"]
    assert tp["tokens"] > 1000
    for regime in ("first_pass", "steady_state", "warm"):
        tps = tp[regime]["tokens_per_s"]
        assert set(tps) == {"tokenizer_pipe", "make_doc", "pipeline", "annotate_chunk"}
        assert all(v > 0 for v in tps.values())
    comps = result["components"]
    assert set(comps["direct_seconds"]) >= {"make_doc", "quotes", "mentions", "doc_rows"}
    assert len(comps["cumulative_seconds"]) == len(tp["pipes"]) + 1


def test_scale_and_incremental(result: dict) -> None:
    (entry,) = result["scale"]
    assert entry["size"] == 40
    full, inc = entry["full"], entry["incremental"]
    assert full["articles"] == 40 and full["annotation"]["annotated"] == 40
    assert full["peak_rss_mb"] >= full["peak_rss_single_process_mb"] > 0
    # 1 % of 40 rounds to one new article: only that one is annotated, 40 are reused.
    assert inc["articles"] == 41, inc
    assert inc["check"] == "ok", inc
    assert inc["annotation"]["reused"] == 40 and inc["annotation"]["annotated"] == 1, inc


def test_speedup_and_notebooks(result: dict) -> None:
    cli = result["speedup"]["cli"]
    assert cli["n1"]["tokens"] == cli["n2"]["tokens"] > 0
    assert cli["n1"]["row_counts"] == cli["n2"]["row_counts"]
    assert cli["parallel_capacity_min"] > 0  # cores two busy processes got (load context)
    (nb,) = result["notebooks"]
    assert nb["notebook"] == "01_corpus_overview"
    assert nb["notebook_seconds"] > 0 and nb["peak_rss_mb"] > 0
    assert result["notebooks_store_size"] == 40
