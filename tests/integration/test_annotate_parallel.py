"""``medialens annotate --n-process N`` writes what one process writes.

Regression: it used spaCy's ``nlp.pipe(n_process=…)``, which sends Docs back through msgpack
and turned the annotation tuples into lists; the command crashed (and its workers hung).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from medialens.nlp import annotate_texts, build_nlp

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "raw" / "wikinews" / "wikinews.jsonl"


def _records(n: int) -> list[dict]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:n]
    return [json.loads(line) for line in lines]


def _annotate_cli(src: Path, out: Path, *args: str) -> str:
    cmd = [sys.executable, "-m", "medialens.cli", "annotate", str(src), "-o", str(out), *args]
    subprocess.run(cmd, check=True, timeout=300, capture_output=True)
    return out.read_text(encoding="utf-8")


@pytest.mark.skipif(not SAMPLE.is_file(), reason="sample corpus not bundled")
def test_cli_two_processes_equal_one(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records(24)), encoding="utf-8"
    )
    one = _annotate_cli(src, tmp_path / "one.jsonl")
    two = _annotate_cli(src, tmp_path / "two.jsonl", "--n-process", "2", "--batch-size", "5")
    assert len(one.splitlines()) == 24
    assert any(json.loads(line)["quotes"] for line in one.splitlines())
    assert two == one


@pytest.mark.skipif(not SAMPLE.is_file(), reason="sample corpus not bundled")
def test_spawned_workers_get_a_pickled_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where fork is not used (macOS, Windows, threads running), workers are spawned and
    receive the pipeline pickled; the records are the same and in input order."""
    import medialens.nlp.serialize as serialize  # the annotate pool asks for its start method here

    asked: list[str] = []
    monkeypatch.setattr(serialize, "pool_start_method", lambda: asked.append("spawn") or "spawn")
    nlp = build_nlp()
    records = _records(8)
    serial = [out for _, _, out in annotate_texts(nlp, records)]
    parallel = list(annotate_texts(nlp, records, n_process=2, batch_size=3))
    assert asked == ["spawn"]  # the pool was started with the patched method
    assert [rec for rec, _, _ in parallel] == records
    assert all(doc is None for _, doc, _ in parallel)
    assert [out for _, _, out in parallel] == serial
