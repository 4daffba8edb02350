"""`medialens ingest` on the fixture corpus: every file's outcome, summary, exit codes."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from medialens.cli import main
from medialens.store import StoreError, file_sha256, load_table, read_manifest, snapshot_dir


@pytest.fixture
def raw(fixtures_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "raw"
    shutil.copytree(fixtures_dir / "ingest" / "raw", target)
    return target


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): file_sha256(p) for p in folder.rglob("*") if p.is_file()
    }


def test_ingest_fixture_corpus(
    raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _hashes(raw)
    processed = tmp_path / "processed"
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed)]) == 0
    assert _hashes(raw) == before  # the raw folder is never modified

    arts = load_table("articles", processed).set_index("source_file")
    got = arts[["outlet", "date", "encoding", "source_format"]].sort_index()
    expected = pd.DataFrame(
        [
            ("bad/broken.jsonl", "bad", dt.date(2025, 9, 1), "utf-8", "jsonl"),
            ("bad/broken.jsonl", "bad", dt.date(2025, 9, 2), "utf-8", "jsonl"),
            ("bad/nodate.txt", "bad", None, "utf-8", "txt"),
            ("feeds/articles.jsonl", "Feed", dt.date(2025, 9, 1), "utf-8", "jsonl"),
            ("feeds/articles.jsonl", "Feed", dt.date(2025, 9, 2), "utf-8", "jsonl"),
            ("feeds/articles.parquet", "Parquet-Post", dt.date(2025, 9, 2), None, "parquet"),
            ("feeds/articles.parquet", "Parquet-Post", dt.date(2025, 9, 3), None, "parquet"),
            ("feeds/semicolon.csv", "CSV-Bote", dt.date(2025, 9, 5), "utf-8", "csv"),
            ("feeds/semicolon.csv", "CSV-Bote", None, "utf-8", "csv"),
            ("feeds/tabs.tsv", "feeds", dt.date(2025, 9, 4), "utf-8", "csv"),
            ("legacy/bom.txt", "legacy", dt.date(2025, 9, 7), "utf-8-sig", "txt"),
            ("legacy/cp1252.txt", "legacy", dt.date(2025, 9, 5), "cp1252", "txt"),
            ("legacy/utf16.txt", "legacy", dt.date(2025, 9, 8), "utf-16", "txt"),
            ("taz/2025-09-05-haushalt.txt", "taz", dt.date(2025, 9, 5), "utf-8", "txt"),
            ("taz/rente.txt", "Der Beispielbote", dt.date(2025, 9, 6), "utf-8", "txt"),
        ],
        columns=["source_file", "outlet", "date", "encoding", "source_format"],
    ).set_index("source_file")
    expected = expected.astype({c: "string" for c in ["outlet", "encoding", "source_format"]})
    expected.index = expected.index.astype("string")
    assert_frame_equal(got, expected, check_index_type=False)

    by_file = load_table("articles", processed).set_index("source_file")
    assert by_file.loc["legacy/cp1252.txt", "text"] == (
        "Die Grünen fordern höhere Zölle auf Stahl, sagte die Ökonomin."
    )
    seed = by_file.loc["taz/2025-09-05-haushalt.txt"]
    assert (
        seed["credit"]
        == "Foto: Max Muster/dpa Bundeskanzler Friedrich Merz am Donnerstag in Berlin"
    )
    assert seed["text"].startswith("In Berlin hat der Bundestag")
    assert "Max Muster" not in seed["text"]
    rente = by_file.loc["taz/rente.txt"]
    assert (rente["title"], rente["url"], rente["author"]) == (
        "Koalition streitet über Rente",
        "https://example.org/rente",
        "Erika Beispiel",
    )
    assert (
        rente["text"]
        == "Die Koalition streitet über die Rente. Die SPD will mehr,\ndie Union weniger."
    )
    assert rente["n_words"] == 13 and rente["n_chars"] == len(rente["text"])

    rejects = load_table("rejects", processed)
    got_rejects = sorted(
        (
            r.source_file,
            None if pd.isna(r.source_line) else int(r.source_line),
            r.severity,
            r.reason,
        )
        for r in rejects.itertuples()
    )
    assert got_rejects == sorted(
        [
            ("bad/baddate.txt", 1, "error", "bad-date"),
            ("bad/binary.txt", None, "error", "binary-file"),
            ("bad/broken.jsonl", 2, "error", "bad-json"),
            ("bad/broken.jsonl", 4, "error", "truncated-line"),
            ("bad/empty.txt", None, "error", "empty-file"),
            ("bad/nodate.txt", None, "warning", "no-date"),
            ("bad/notes.docx", None, "error", "bad-docx"),  # a DOCX is read now: broken
            ("bad/notext.csv", 1, "error", "missing-column"),
            ("feeds/articles.jsonl", 4, "error", "duplicate-id"),
            ("feeds/semicolon.csv", 5, "warning", "no-date"),
        ]
    )
    for r in rejects.itertuples():  # every message names the file (and line when known)
        where = r.source_file if pd.isna(r.source_line) else f"{r.source_file}:{r.source_line}"
        assert r.message.startswith(where + ":")

    dups = load_table("duplicates", processed)
    assert dups[["article_id", "duplicate_id", "source_line", "reason"]].values.tolist() == [
        ["j1", "j3", 3, "identical text"],
        ["j1", "j1", 4, "same id, different text"],
    ]

    manifest = read_manifest(processed)
    assert manifest["inputs"] == {
        k: {"sha256": v, "bytes": (raw / k).stat().st_size}
        for k, v in before.items()
        if k not in ("README.md", ".hidden.txt")
    }
    assert manifest["row_counts"]["articles"] == 15
    assert manifest["ingest"]["errors"] == 8 and manifest["ingest"]["warnings"] == 2

    err = capsys.readouterr().err
    assert "files read: 16; articles: 15; duplicates: 2; rejected: 8; warnings: 2" in err
    assert "bad/baddate.txt:1: impossible date '2025-13-45'" in err


def test_strict_fails_and_leaves_store_unchanged(raw: Path, tmp_path: Path) -> None:
    processed = tmp_path / "processed"
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed), "--strict"]) == 1
    with pytest.raises(StoreError):
        snapshot_dir(processed)
    good = tmp_path / "good"
    shutil.copytree(raw / "taz", good / "taz")
    assert main(["ingest", "--raw", str(good), "--processed", str(processed), "--strict"]) == 0
    current = snapshot_dir(processed)
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed), "--strict"]) == 1
    assert snapshot_dir(processed) == current
    assert len(load_table("articles", processed)) == 2


def test_warnings_do_not_fail_strict(tmp_path: Path) -> None:
    (tmp_path / "raw" / "o").mkdir(parents=True)
    (tmp_path / "raw" / "o" / "a.txt").write_text("Ohne Datum.\n")
    assert (
        main(
            [
                "ingest",
                "--raw",
                str(tmp_path / "raw"),
                "--processed",
                str(tmp_path / "p"),
                "--strict",
            ]
        )
        == 0
    )


@pytest.mark.parametrize("which", ["missing", "file"])
def test_bad_raw_folder_is_a_usage_error(
    tmp_path: Path, which: str, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = tmp_path / "nope"
    if which == "file":
        raw.write_text("x")
    assert main(["ingest", "--raw", str(raw), "--processed", str(tmp_path / "p")]) == 2
    err = capsys.readouterr().err
    assert str(raw) in err and "Traceback" not in err


def test_empty_raw_folder_gives_empty_store(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    assert main(["ingest", "--raw", str(tmp_path / "raw"), "--processed", str(tmp_path / "p")]) == 0
    assert len(load_table("articles", tmp_path / "p")) == 0


def test_help_lists_flags(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["ingest", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for flag in ("--raw", "--processed", "--strict"):
        assert flag in out


def test_sample_corpus_ingests_cleanly(root: Path, tmp_path: Path) -> None:
    raw = root / "data" / "raw"
    assert (
        main(["ingest", "--raw", str(raw), "--processed", str(tmp_path / "p"), "--no-progress"])
        == 0
    )
    articles = load_table("articles", tmp_path / "p")
    wikinews = articles[articles["outlet"] == "Wikinews"]
    assert len(wikinews) >= 200
    assert set(wikinews["source_format"]) >= {"jsonl", "txt", "csv"}
    seed = articles[articles["outlet"] == "junge-welt"]
    assert len(seed) == 1 and seed["date"].iloc[0] == dt.date(2025, 9, 5)
    assert seed["credit"].iloc[0].startswith("Ludovic Marin/ Pool Photo via AP/dpa")
    rejects = load_table("rejects", tmp_path / "p")
    assert (rejects["severity"] == "warning").all()  # only missing dates, no errors
    # licence: title/date/text only, never the quote annotations of wikinews-quotes
    import json

    for line in (raw / "wikinews" / "wikinews.jsonl").read_text(encoding="utf-8").splitlines():
        assert set(json.loads(line)) <= {"id", "title", "date", "outlet", "text"}
    readme = (raw / "README.md").read_text(encoding="utf-8")
    assert "de.wikinews.org" in readme and "CC BY 2.5" in readme
    for article_id in wikinews["article_id"]:
        assert f"| {article_id} |" in readme


def test_progress_bar_reaches_the_total(
    raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from medialens.corpus.ingest import ingest_into
    from medialens.store import StoreWriter

    with StoreWriter(tmp_path / "p") as writer:
        summary = ingest_into(writer, raw, progress=True)
    err = capsys.readouterr().err
    total = sum(v["bytes"] for v in summary.inputs.values())
    assert "ingest: 100%" in err and f"articles={summary.articles}" in err
    assert total > 0
