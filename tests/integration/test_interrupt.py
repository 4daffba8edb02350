"""Interrupted runs: ``medialens process`` killed (SIGINT, SIGKILL) in the middle of annotation.

What must hold: the previous snapshot and its manifest stay current, readable and unchanged;
no half-written table is ever read (every table loads and its row count matches the
manifest); SIGINT exits with 130 and a clear message; the next run completes and gives the
same tables as an uninterrupted run. "In the middle" is observed, not guessed: the signal is
sent once the run has written annotation parts into its temporary snapshot.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from medialens.schema import TABLES
from medialens.store import LOCK, SNAPSHOTS, load_table, read_manifest, snapshot_dir

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("interrupt")]

NAMES = [
    "Friedrich Merz",
    "Olaf Scholz",
    "Annalena Baerbock",
    "die SPD",
    "die Grünen",
    "Markus Söder",
]
VERBS = ["sagte", "erklärte", "behauptete", "warnte", "betonte", "kritisierte"]
TOPICS = ["den Haushalt", "die Rente", "die Migration", "den Klimaschutz", "die Schuldenbremse"]


def _article(rng: random.Random, i: int) -> str:
    parts = []
    for _ in range(rng.randint(6, 12)):
        name, verb, topic = rng.choice(NAMES), rng.choice(VERBS), rng.choice(TOPICS)
        parts.append(
            rng.choice(
                [
                    f"»Wir müssen über {topic} reden«, {verb} {name} am Montag in Berlin.",
                    f"{name.capitalize()} {verb}, die Regierung habe {topic} vernachlässigt.",
                    f"Die Debatte über {topic} im Bundestag dauerte bis in die Nacht.",
                    f"Laut {name} sei die »Krise« um {topic} noch lange nicht vorbei.",
                ]
            )
        )
    return f"Artikel {i}. " + " ".join(parts)


def write_corpus(raw: Path, n: int, *, seed: int = 1) -> None:
    """``n`` distinct JSONL articles (deterministic)."""
    rng = random.Random(seed)
    (raw / "feed").mkdir(parents=True, exist_ok=True)
    with open(raw / "feed" / "articles.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            row = {
                "id": f"a{i:05d}",
                "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "title": f"Titel {i}",
                "text": _article(rng, i),
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _cmd(raw: Path, processed: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "medialens.cli",
        "process",
        "--raw",
        str(raw),
        "--processed",
        str(processed),
        "--no-progress",
        "--chunk-size",
        "40",
        *extra,
    ]


def _run(raw: Path, processed: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _cmd(raw, processed, *extra), capture_output=True, text=True, timeout=600, check=False
    )


_SORT = {
    "articles": ["article_id"],
    "duplicates": ["article_id", "duplicate_id"],
    "rejects": ["source_file", "source_line", "reason"],
    "article_counts": ["article_id"],
    "quotes": ["article_id", "quote_id"],
    "scare_quotes": ["article_id", "start", "end"],
    "mentions": ["article_id", "start", "end", "actor"],
    "framing": ["article_id", "start", "end", "frame", "term"],
    "uncoded_actors": ["article_id", "start", "end", "type"],
}


def snapshot_tables(processed: Path) -> dict[str, pd.DataFrame]:
    """Every table of the current snapshot, rows in a canonical order; row counts checked
    against the manifest (a half-written table would not match)."""
    manifest = read_manifest(processed)
    out = {}
    for name in TABLES:
        df = load_table(name, processed)
        assert len(df) == manifest["row_counts"][name], name
        keys = [k for k in _SORT.get(name, []) if k in df.columns]
        out[name] = df.sort_values(keys, kind="stable").reset_index(drop=True) if keys else df
    return out


def assert_same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert a.keys() == b.keys()
    for name in a:
        assert_frame_equal(a[name], b[name], obj=name)


def _wait_until_mid_run(proc: subprocess.Popen[str], processed: Path, timeout: float = 300) -> None:
    """Until the run has written annotation parts into its temporary snapshot."""
    deadline = time.monotonic() + timeout
    snaps = processed / SNAPSHOTS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _out, err = proc.communicate()
            pytest.fail(
                f"process finished before it could be interrupted ({proc.returncode}): {err}"
            )
        if any(len(list(tmp.glob("quotes/part-*.parquet"))) >= 2 for tmp in snaps.glob(".tmp-*")):
            return
        time.sleep(0.05)
    proc.kill()
    pytest.fail("the run never reached annotation")


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("interrupt")
    small, large = base / "small", base / "large"
    write_corpus(small, 60)
    write_corpus(large, 1500)  # includes the 60 of "small" (same seed, same ids and texts)
    reference = base / "reference"
    result = _run(large, reference)
    assert result.returncode == 0, result.stderr
    return {"small": small, "large": large, "reference": reference}


def _skip_if_code_changed(*processed: Path) -> None:
    """The annotation key holds a fingerprint of medialens' annotation code (in the
    manifest): in a shared development work tree someone may edit that code while this test
    runs, and then neither reuse nor equality with the reference run can hold. Never the
    case in CI."""
    prints = {read_manifest(p)["annotation"].get("code_fingerprint") for p in processed}
    if len(prints) > 1:
        pytest.skip("medialens annotation code changed while the test ran; rerun it")


@pytest.mark.parametrize(
    ("sig", "n_process"),
    [(signal.SIGINT, 1), (signal.SIGKILL, 1), (signal.SIGINT, 2)],
    ids=["sigint", "sigkill", "sigint-pool"],
)
def test_interrupted_run_keeps_the_previous_store(
    corpora: dict[str, Path], tmp_path: Path, sig: signal.Signals, n_process: int
) -> None:
    processed = tmp_path / "processed"
    first = _run(corpora["small"], processed)
    assert first.returncode == 0, first.stderr
    current = snapshot_dir(processed)
    first_store = tmp_path / "first"  # a copy of the first manifest, for the fingerprint
    (first_store / "current").mkdir(parents=True)
    (first_store / "current" / "manifest.json").write_bytes(
        (current / "manifest.json").read_bytes()
    )
    manifest_bytes = (current / "manifest.json").read_bytes()
    before = snapshot_tables(processed)

    proc = subprocess.Popen(
        _cmd(corpora["large"], processed, "--n-process", str(n_process)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a shell job
    )
    try:
        _wait_until_mid_run(proc, processed)
        # a reader during the run sees the previous snapshot, complete
        assert_same_tables(snapshot_tables(processed), before)
        if sig == signal.SIGINT:
            os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        else:
            os.kill(proc.pid, sig)
        _out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if sig == signal.SIGINT:
        assert proc.returncode == 130, err
        assert "medialens process: interrupted; the store was left unchanged" in err
        assert "Traceback" not in err
        assert not list((processed / SNAPSHOTS).glob(".tmp-*")), "temporary snapshot not removed"
        assert not (processed / LOCK).exists(), "lock not released"
    else:
        assert proc.returncode == -signal.SIGKILL
        time.sleep(0.5)  # let orphaned pool workers (if any) notice their parent died

    # the previous snapshot is still current, its manifest and tables untouched
    assert snapshot_dir(processed) == current
    assert (current / "manifest.json").read_bytes() == manifest_bytes
    assert_same_tables(snapshot_tables(processed), before)

    # the next run completes (stale lock and temporary snapshot swept) with the same result
    # as an uninterrupted run
    again = _run(corpora["large"], processed)
    assert again.returncode == 0, again.stderr
    _skip_if_code_changed(corpora["reference"], processed, first_store)
    assert not list((processed / SNAPSHOTS).glob(".tmp-*"))
    assert read_manifest(processed)["annotation"]["reused"] == 60
    expected = snapshot_tables(corpora["reference"])
    got = snapshot_tables(processed)
    assert_same_tables(got, expected)
