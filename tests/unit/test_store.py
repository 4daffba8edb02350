"""The processed store: atomic snapshots, manifest, load_table, DuckDB via table_glob."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

from medialens import __version__
from medialens.schema import SCHEMA_VERSION, TABLES
from medialens.store import (
    KEEP_SNAPSHOTS,
    LOCK,
    StoreError,
    StoreWriter,
    load_arrow,
    load_table,
    manifest_hash,
    read_manifest,
    snapshot_dir,
    table_glob,
    write_atomic,
)


def _rejects(n: int, tag: str = "a") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_file": [f"{tag}{i}.txt" for i in range(n)],
            "source_line": pd.array([i + 1 for i in range(n)], dtype="Int64"),
            "severity": pd.array(["error"] * n, dtype="string"),
            "reason": pd.array(["empty-file"] * n, dtype="string"),
            "message": pd.array([f"{tag}{i}.txt: empty file" for i in range(n)], dtype="string"),
        }
    ).astype({"source_file": "string"})


def _commit(base: Path, n: int, tag: str = "a", **manifest: object) -> Path:
    with StoreWriter(base) as w:
        w.write("rejects", _rejects(n, tag))
        return w.commit(**manifest)


def test_write_commit_and_load(tmp_path: Path) -> None:
    path = _commit(tmp_path, 3, inputs={"a.txt": {"sha256": "00", "bytes": 1}})
    assert snapshot_dir(tmp_path) == path.resolve()
    assert_frame_equal(load_table("rejects", tmp_path), _rejects(3))
    # every known table exists (empty) with the schema's columns
    for name, schema in TABLES.items():
        assert load_arrow(name, tmp_path).schema.names == schema.names
    assert len(load_table("quotes", tmp_path)) == 0


def test_chunks_append(tmp_path: Path) -> None:
    with StoreWriter(tmp_path) as w:
        w.write("rejects", _rejects(2, "a"))
        w.write("rejects", _rejects(0, "x"))
        w.write("rejects", [r for r in _rejects(1, "b").to_dict("records")])
        w.commit()
    expected = pd.concat([_rejects(2, "a"), _rejects(1, "b")], ignore_index=True)
    assert_frame_equal(load_table("rejects", tmp_path), expected)
    assert read_manifest(tmp_path)["row_counts"]["rejects"] == 3


def test_manifest_contents(tmp_path: Path) -> None:
    _commit(tmp_path, 2, command="ingest", inputs={"x.jsonl": {"sha256": "ab", "bytes": 10}})
    m = read_manifest(tmp_path)
    assert m["schema_version"] == SCHEMA_VERSION
    assert m["medialens_version"] == __version__
    assert m["command"] == "ingest"
    assert m["inputs"] == {"x.jsonl": {"sha256": "ab", "bytes": 10}}
    assert m["row_counts"]["rejects"] == 2 and m["row_counts"]["articles"] == 0
    assert set(m["row_counts"]) == set(TABLES)
    created = dt.datetime.fromisoformat(m["created"])
    assert abs((dt.datetime.now(dt.UTC) - created).total_seconds()) < 120
    assert m["run_id"] == snapshot_dir(tmp_path).name
    assert len(manifest_hash(tmp_path)) == 64


def test_failing_write_leaves_previous_snapshot_current(tmp_path: Path) -> None:
    first = _commit(tmp_path, 2, "old")
    before = read_manifest(tmp_path)
    with pytest.raises(RuntimeError, match="boom"), StoreWriter(tmp_path) as w:
        w.write("rejects", _rejects(5, "new"))
        raise RuntimeError("boom")
    assert snapshot_dir(tmp_path) == first.resolve()
    assert read_manifest(tmp_path) == before
    assert_frame_equal(load_table("rejects", tmp_path), _rejects(2, "old"))
    assert not list((tmp_path / "snapshots").glob(".tmp-*"))
    assert not (tmp_path / LOCK).exists()


def test_uncommitted_writer_changes_nothing(tmp_path: Path) -> None:
    first = _commit(tmp_path, 1)
    with StoreWriter(tmp_path) as w:
        w.write("rejects", _rejects(4))
    assert snapshot_dir(tmp_path) == first.resolve()
    assert len(load_table("rejects", tmp_path)) == 1


def test_killed_run_leftovers_are_never_read_and_swept(tmp_path: Path) -> None:
    _commit(tmp_path, 1, "old")
    # what a SIGKILLed writer leaves behind: a temporary snapshot and a lock of a dead pid
    tmp = tmp_path / "snapshots" / ".tmp-killed"
    (tmp / "rejects").mkdir(parents=True)
    pq.write_table(
        pa.table({"source_file": ["half.txt"]}),
        tmp / "rejects" / "part-00000.parquet",
    )
    (tmp_path / LOCK).write_text("999999999")
    assert load_table("rejects", tmp_path)["source_file"].tolist() == ["old0.txt"]
    n = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{table_glob('rejects', tmp_path)}')"
    ).fetchall()
    assert n == [(1,)]
    _commit(tmp_path, 2, "new")  # the stale lock is taken over, leftovers swept
    assert not tmp.exists()
    assert load_table("rejects", tmp_path)["source_file"].tolist() == ["new0.txt", "new1.txt"]


def test_live_lock_refuses_second_writer(tmp_path: Path) -> None:
    with StoreWriter(tmp_path), pytest.raises(StoreError, match="locked"):
        StoreWriter(tmp_path).open()


def test_duckdb_reads_table_glob(tmp_path: Path) -> None:
    _commit(tmp_path, 3)
    glob = table_glob("rejects", tmp_path)
    rows = duckdb.sql(
        f"SELECT reason, count(*) AS n FROM read_parquet('{glob}') GROUP BY reason"
    ).fetchall()
    assert rows == [("empty-file", 3)]
    # the documented path form through the `current` symlink works too
    direct = duckdb.sql(f"SELECT count(*) FROM '{tmp_path}/current/rejects/*.parquet'").fetchall()
    assert direct == [(3,)]


def test_old_snapshots_are_pruned(tmp_path: Path) -> None:
    paths = [_commit(tmp_path, 1, f"r{i}") for i in range(KEEP_SNAPSHOTS + 2)]
    kept = sorted(p.name for p in (tmp_path / "snapshots").iterdir())
    assert kept == sorted(p.name for p in paths[-KEEP_SNAPSHOTS:])
    assert os.readlink(tmp_path / "current").endswith(paths[-1].name)


def test_missing_store_and_unknown_table(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no processed store"):
        load_table("articles", tmp_path)
    _commit(tmp_path, 1)
    with pytest.raises(KeyError, match="unknown table"):
        load_table("nonsense", tmp_path)


def test_link_part_reuses_rows(tmp_path: Path) -> None:
    first = _commit(tmp_path, 2, "a")
    with StoreWriter(tmp_path) as w:
        rows = w.link_part("rejects", first / "rejects" / "part-00000.parquet")
        w.write("rejects", _rejects(1, "b"))
        w.commit()
    assert rows == 2
    assert load_table("rejects", tmp_path)["source_file"].tolist() == ["a0.txt", "a1.txt", "b0.txt"]
    assert read_manifest(tmp_path)["row_counts"]["rejects"] == 3


def test_write_atomic(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "f.json"
    write_atomic(target, json.dumps({"a": 1}))
    write_atomic(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert [p.name for p in target.parent.iterdir()] == ["f.json"]
