"""Deduplication: identical normalised texts and id collisions, first occurrence wins."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from pandas.testing import assert_frame_equal

from medialens.corpus.ingest import (
    Deduplicator,
    IngestSummary,
    article_row,
    content_hash,
    generated_id,
    ingest_events,
    iter_raw_files,
)
from medialens.corpus.readers import RawArticle


def _raw(text: str, *, id: str | None = None, line: int = 1, file: str = "a.jsonl") -> RawArticle:
    return RawArticle(file, line, "jsonl", "utf-8", id, None, None, "O", text)


def _run(raws: list[RawArticle]) -> tuple[list[str], pd.DataFrame, list[str]]:
    dedup = Deduplicator()
    kept, dups, problems = [], [], []
    for raw in raws:
        row = article_row(raw)
        assert isinstance(row, dict)
        dup, problem = dedup.check(row)
        if problem is not None:
            problems.append(problem.reason)
        if dup is None:
            kept.append(row["article_id"])
        else:
            dups.append(dup)
    cols = ["article_id", "duplicate_id", "source_file", "source_line", "reason"]
    return kept, pd.DataFrame(dups, columns=cols), problems


def test_identical_after_normalisation_is_a_duplicate() -> None:
    kept, dups, problems = _run(
        [
            _raw("Merz sagte: »Ja.«", id="a", line=1),
            _raw("  Merz\u00a0sagte:  »Ja.«\u200b\n", id="b", line=2),  # same after normalising
            _raw("Merz sagte: »Nein.«", id="c", line=3),
        ]
    )
    assert kept == ["a", "c"]
    expected = pd.DataFrame(
        {
            "article_id": ["a"],
            "duplicate_id": ["b"],
            "source_file": ["a.jsonl"],
            "source_line": [2],
            "reason": ["identical text"],
        }
    )
    assert_frame_equal(dups, expected)
    assert problems == []


def test_same_id_different_text_keeps_first_and_rejects() -> None:
    kept, dups, problems = _run([_raw("Eins.", id="x", line=1), _raw("Zwei.", id="x", line=5)])
    assert kept == ["x"]
    assert dups.to_dict("records") == [
        {
            "article_id": "x",
            "duplicate_id": "x",
            "source_file": "a.jsonl",
            "source_line": 5,
            "reason": "same id, different text",
        }
    ]
    assert problems == ["duplicate-id"]


def test_same_id_same_text_is_just_a_duplicate() -> None:
    kept, dups, problems = _run([_raw("Eins.", id="x"), _raw("Eins.", id="x", line=2)])
    assert kept == ["x"]
    assert dups["reason"].tolist() == ["identical text"]
    assert problems == []


def test_generated_ids_are_stable_content_hashes() -> None:
    row = article_row(_raw("Ein  Text."))
    assert isinstance(row, dict)
    assert row["content_hash"] == content_hash("Ein Text.")
    assert (
        row["article_id"]
        == generated_id(content_hash("Ein Text."))
        == "h" + row["content_hash"][:16]
    )
    again = article_row(_raw("Ein Text.", line=99, file="other.jsonl"))
    assert isinstance(again, dict) and again["article_id"] == row["article_id"]


def test_whitespace_only_text_is_rejected() -> None:
    result = article_row(_raw(" \u200b \n "))
    assert not isinstance(result, dict)
    assert (result.reason, result.severity) == ("no-text", "error")


def test_duplicates_across_files_follow_sorted_path_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "x.jsonl").write_text(json.dumps({"id": "b1", "text": "Gleich."}) + "\n")
    (tmp_path / "a" / "y.txt").write_text("date 2025-09-05\n\nGleich.\n")
    (tmp_path / "README.md").write_text("skip")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "z.txt").write_text("skip")
    files = iter_raw_files(tmp_path)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a/y.txt", "b/x.jsonl"]
    summary = IngestSummary()
    events = list(ingest_events(files, tmp_path, summary))
    kinds = [k for k, _ in events]
    assert kinds == ["article", "duplicate"]
    kept = events[0][1]["article_id"]
    assert events[1][1] == {
        "article_id": kept,
        "duplicate_id": "b1",
        "source_file": "b/x.jsonl",
        "source_line": 1,
        "reason": "identical text",
    }
    assert (summary.files, summary.articles, summary.duplicates) == (2, 1, 1)


def test_warnings_of_dropped_duplicates_are_not_reported(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": "Gleich.", "date": "2025-09-05"}, {"id": "b", "text": "Gleich."}]
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    summary = IngestSummary()
    events = list(ingest_events(iter_raw_files(tmp_path), tmp_path, summary))
    assert [k for k, _ in events] == ["article", "duplicate"]  # no "no-date" warning for b
    assert summary.warnings == 0
