"""Incremental ingest: rows of unchanged leading raw files come from the previous snapshot.

The reuse must be invisible: every ingest table (articles, duplicates, rejects) and the
summary must equal what reading all files again gives, including dedup across the boundary
between reused and re-read files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from medialens.cli import main
from medialens.store import load_table, read_manifest

INGEST_TABLES = ("articles", "duplicates", "rejects")


def _jsonl(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )


def _article(i: str, text: str, date: str | None = "2025-09-05") -> dict[str, object]:
    row: dict[str, object] = {"id": i, "text": text, "outlet": "Test"}
    if date is not None:
        row["date"] = date
    return row


A = [
    _article("a1", "Die Ministerin sagte, die Lage sei ernst."),
    _article("a2", "Der Verband erklärte, er prüfe den Vorschlag.", date=None),  # a warning
]
B = [
    _article("b1", "Die Ministerin sagte, die Lage sei ernst."),  # same text as a1
    _article("b2", "Laut Polizei wurden drei Menschen verletzt."),
]
C = [
    _article("a1", "Ein anderer Text unter einer schon vergebenen Kennung."),  # duplicate id
    _article("c1", "Die Stadt teilte mit, dass die Brücke gesperrt werde."),
]


def _process(raw: Path, processed: Path, *extra: str) -> int:
    return main(
        ["process", "--raw", str(raw), "--processed", str(processed), "--no-progress", *extra]
    )


def _ingest_tables(processed: Path) -> dict[str, pd.DataFrame]:
    return {name: load_table(name, processed) for name in INGEST_TABLES}


def _assert_same(got: dict[str, pd.DataFrame], want: dict[str, pd.DataFrame]) -> None:
    for name in INGEST_TABLES:
        g, w = got[name], want[name]
        if name == "rejects":  # annotation failures are not ingest rows
            g = g[g["reason"] != "annotation-failed"]
            w = w[w["reason"] != "annotation-failed"]
        pd.testing.assert_frame_equal(g.reset_index(drop=True), w.reset_index(drop=True))


@pytest.mark.parametrize("n_process", ["1", "2"])
def test_new_file_after_unchanged_ones(tmp_path: Path, n_process: str) -> None:
    raw, store, fresh = tmp_path / "raw", tmp_path / "store", tmp_path / "fresh"
    raw.mkdir()
    _jsonl(raw / "a.jsonl", A)
    _jsonl(raw / "b.jsonl", B)
    assert _process(raw, store, "--n-process", n_process) == 0
    _jsonl(raw / "c.jsonl", C)  # sorted last: a and b are an unchanged prefix
    assert _process(raw, store, "--n-process", n_process) == 0
    assert read_manifest(store)["ingest"]["reused_files"] == 2
    assert _process(raw, fresh, "--full") == 0
    assert read_manifest(fresh)["ingest"]["reused_files"] == 0
    _assert_same(_ingest_tables(store), _ingest_tables(fresh))
    # dedup across the boundary: c's a1 collides with the reused a1
    rejects = load_table("rejects", store)
    assert "duplicate-id" in set(rejects["reason"])
    m_store, m_fresh = read_manifest(store)["ingest"], read_manifest(fresh)["ingest"]
    for key in ("files", "articles", "duplicates", "errors", "warnings", "rejects_by_reason"):
        assert m_store[key] == m_fresh[key], key


def test_changed_file_is_read_again_with_everything_after_it(tmp_path: Path) -> None:
    raw, store, fresh = tmp_path / "raw", tmp_path / "store", tmp_path / "fresh"
    raw.mkdir()
    _jsonl(raw / "a.jsonl", A)
    _jsonl(raw / "b.jsonl", B)
    _jsonl(raw / "c.jsonl", C)
    assert _process(raw, store) == 0
    _jsonl(raw / "b.jsonl", [*B, _article("b3", "Die Gewerkschaft warnte vor Streiks.")])
    assert _process(raw, store) == 0
    assert read_manifest(store)["ingest"]["reused_files"] == 1  # only a.jsonl
    assert _process(raw, fresh, "--full") == 0
    _assert_same(_ingest_tables(store), _ingest_tables(fresh))


def test_no_reuse_when_a_file_sorts_in_front(tmp_path: Path) -> None:
    raw, store = tmp_path / "raw", tmp_path / "store"
    raw.mkdir()
    _jsonl(raw / "b.jsonl", B)
    assert _process(raw, store) == 0
    _jsonl(raw / "a.jsonl", A)  # sorted first: its articles win over b's, nothing reusable
    assert _process(raw, store) == 0
    assert read_manifest(store)["ingest"]["reused_files"] == 0
    dups = load_table("duplicates", store)
    assert dups[["article_id", "duplicate_id"]].values.tolist() == [["a1", "b1"]]


def test_full_reads_everything_again(tmp_path: Path) -> None:
    raw, store = tmp_path / "raw", tmp_path / "store"
    raw.mkdir()
    _jsonl(raw / "a.jsonl", A)
    assert _process(raw, store) == 0
    assert _process(raw, store, "--full") == 0
    assert read_manifest(store)["ingest"]["reused_files"] == 0
    assert _process(raw, store) == 0
    assert read_manifest(store)["ingest"]["reused_files"] == 1


def test_moved_raw_folder_still_reuses(tmp_path: Path) -> None:
    import shutil

    raw, store = tmp_path / "raw", tmp_path / "store"
    raw.mkdir()
    _jsonl(raw / "a.jsonl", A)
    assert _process(raw, store) == 0
    moved = tmp_path / "delivery-2"
    shutil.copytree(raw, moved)
    _jsonl(moved / "b.jsonl", B)
    assert _process(moved, store) == 0
    assert read_manifest(store)["ingest"]["reused_files"] == 1
    assert load_table("articles", store)["source_file"].tolist() == [
        "a.jsonl",
        "a.jsonl",
        "b.jsonl",
    ]
