"""Bad input end to end: every case of ``tests/fixtures/make_bad_corpus.py`` with its outcome.

Each case is either *accepted* (and the test says how it is normalised) or *rejected* with a
message naming file, line and reason; the other articles are processed; nothing already in the
store is lost; the run's summary counts it; ``--strict`` turns any rejection into exit 1.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from medialens.cli import main
from medialens.corpus.ingest import MAX_ARTICLE_CHARS
from medialens.store import load_table, read_manifest, snapshot_dir

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from make_bad_corpus import (
    BAD,
    HTML,
    INVISIBLES_NORMALISED,
    LARGE_FILE,
    PLAIN,
    QUOTE_SOUP,
    build_bad_corpus,
    long_sentence,
    small_files,
    write_large,
)

D = dt.date

#: Accepted articles: (article_id or None for a generated id, file, line, date, encoding).
ACCEPTED = [
    ("d2", "dates/dates.jsonl", 2, D(2025, 9, 5), "utf-8"),  # German date 05.09.2025
    ("d3", "dates/dates.jsonl", 3, None, "utf-8"),  # no date field → empty date + warning
    ("d4", "dates/dates.jsonl", 4, None, "utf-8"),  # empty date → empty date + warning
    (None, "dates/german.txt", None, D(2025, 9, 5), "utf-8"),
    (None, "dates/none.txt", None, None, "utf-8"),  # no header at all → warning
    (None, "encodings/cp1252.txt", None, D(2025, 9, 5), "cp1252"),
    ("x1", "encodings/excel-export.tsv", 2, D(2025, 9, 8), "utf-16"),
    (None, "encodings/utf16.txt", None, D(2025, 9, 7), "utf-16"),
    (None, "encodings/utf16le-nobom.txt", None, D(2025, 9, 9), "utf-16-le"),
    (None, "encodings/utf8-bom.txt", None, D(2025, 9, 6), "utf-8-sig"),
    ("jl1", "feeds/broken.jsonl", 1, D(2025, 9, 1), "utf-8"),  # lines around the broken ones
    ("jl3", "feeds/broken.jsonl", 3, D(2025, 9, 2), "utf-8"),
    ("ef1", "feeds/extra-field.csv", 2, D(2025, 9, 5), "utf-8"),  # rows around the bad one
    ("ef3", "feeds/extra-field.csv", 4, D(2025, 9, 6), "utf-8"),
    ("no2", "feeds/not-objects.jsonl", 4, D(2025, 9, 5), "utf-8"),
    ("cs1", "feeds/semicolon.csv", 2, D(2025, 9, 5), "utf-8"),  # ';' delimiter detected
    ("cs2", "feeds/semicolon.csv", 3, D(2025, 9, 6), "utf-8"),
    ("fut", "faults/dates.jsonl", 1, D(2205, 9, 5), "utf-8"),  # implausible: a warning
    ("old", "faults/dates.jsonl", 2, D(1025, 9, 5), "utf-8"),
    ("nul1", "faults/nul.jsonl", 1, D(2025, 9, 1), "utf-8"),  # around the line with NULs
    ("nul3", "faults/nul.jsonl", 3, D(2025, 9, 2), "utf-8"),
    ("tq1", "faults/quote.tsv", 2, D(2025, 9, 1), "utf-8"),
    ("rq2", "faults/runaway.csv", 3, D(2025, 9, 2), "utf-8"),  # read again after the bad row
    ("rq3", "faults/runaway.csv", 4, D(2025, 9, 3), "utf-8"),
    (None, "good/ok.txt", None, D(2025, 9, 4), "utf-8"),
    ("same", "ids/ids.jsonl", 1, D(2025, 9, 1), "utf-8"),  # first occurrence of the id wins
    ("quotes", "texts/texts.jsonl", 1, D(2025, 9, 3), "utf-8"),
    ("invisible", "texts/texts.jsonl", 2, D(2025, 9, 3), "utf-8"),
    ("html", "texts/texts.jsonl", 3, D(2025, 9, 3), "utf-8"),
    ("long-sentence", "texts/texts.jsonl", 4, D(2025, 9, 3), "utf-8"),
]

#: How accepted texts are stored (normalised body), by source file (and line).
TEXTS = {
    (
        "encodings/cp1252.txt",
        None,
    ): "Die Grünen fordern höhere Zölle, sagte die Ökonomin in Gießen.",
    ("encodings/utf8-bom.txt", None): "Über Nacht einigten sich die Länder auf einen Kompromiss.",
    ("encodings/utf16.txt", None): "Die Bürgermeisterin begrüßte die Entscheidung.",
    ("encodings/excel-export.tsv", 2): "Die Größe zählt.",
    ("encodings/utf16le-nobom.txt", None): "Die Länder stimmten zu.",
    ("feeds/semicolon.csv", 2): "Ein Text; mit Semikolon, und Komma.",
    ("good/ok.txt", None): PLAIN,
    # TSV text that begins with a quotation mark: verbatim
    ("faults/quote.tsv", 2): '"Wir handeln", sagte die Ministerin.',
    ("faults/runaway.csv", 3): "Die zweite Zeile bleibt erhalten.",
    # the copy with double space and NBSP normalised to the same text → a duplicate, see below
    ("ids/ids.jsonl", 1): "Die erste Fassung des Artikels.",
    # quotation marks are never repaired or unified: the text is kept as written
    ("texts/texts.jsonl", 1): QUOTE_SOUP.rstrip(),
    # zero-width, soft hyphen, word joiner, BOM, bidi and C0 controls removed
    ("texts/texts.jsonl", 2): INVISIBLES_NORMALISED,
    # HTML markup and entities are text: stored verbatim (reports escape them)
    ("texts/texts.jsonl", 3): HTML,
    ("texts/texts.jsonl", 4): long_sentence(),
}

#: Rejected input and warnings: (file, line, severity, reason, message after "file:line: ").
REJECTS = [
    ("broken/binary.txt", None, "error", "binary-file", "binary file (contains NUL bytes)"),
    ("broken/empty.txt", None, "error", "empty-file", "empty file"),
    ("broken/whitespace-only.txt", None, "error", "empty-file", "empty file"),
    ("dates/dates.jsonl", 1, "error", "bad-date", "impossible date '2025-13-45'"),
    ("dates/dates.jsonl", 3, "warning", "no-date", "no date: article kept"),
    ("dates/dates.jsonl", 4, "warning", "no-date", "no date: article kept"),
    ("dates/dates.jsonl", 5, "error", "bad-date", "unparseable date 'gestern'"),
    ("dates/impossible.txt", 1, "error", "bad-date", "impossible date '2025-13-45'"),
    ("dates/none.txt", None, "warning", "no-date", "no date: article kept"),
    ("faults/dates.jsonl", 1, "warning", "implausible-date", "implausible date 2205-09-05"),
    ("faults/dates.jsonl", 2, "warning", "implausible-date", "implausible date 1025-09-05"),
    ("faults/nul.jsonl", 2, "error", "bad-json", "contains NUL bytes"),
    ("faults/runaway.csv", 2, "error", "bad-quote", "opening quotation mark never closed"),
    ("feeds/broken.jsonl", 2, "error", "bad-json", "invalid JSON (Invalid control character"),
    ("feeds/broken.jsonl", 4, "error", "truncated-line", "last line is cut off"),
    ("feeds/extra-field.csv", 3, "error", "bad-row", "4 fields but the header has 3"),
    ("feeds/no-text-column.csv", 1, "error", "missing-column", "no 'text' column"),
    ("feeds/not-objects.jsonl", 1, "error", "bad-record", "not a JSON object but list"),
    ("feeds/not-objects.jsonl", 2, "error", "bad-record", "not a JSON object but str"),
    ("feeds/not-objects.jsonl", 3, "error", "missing-column", "no 'text' field"),
    ("ids/ids.jsonl", 2, "error", "duplicate-id", "id 'same' already used"),
]
N_ERRORS = sum(1 for r in REJECTS if r[2] == "error")
N_WARNINGS = len(REJECTS) - N_ERRORS


def _where(file: str, line: int | None) -> str:
    return file if line is None else f"{file}:{line}"


def _line(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[arg-type]


@pytest.fixture
def bad_raw(tmp_path: Path) -> Path:
    return build_bad_corpus(tmp_path / "raw")


def test_committed_fixture_matches_generator() -> None:
    committed = {
        p.relative_to(BAD).as_posix(): p.read_bytes() for p in BAD.rglob("*") if p.is_file()
    }
    assert committed == small_files(), "run .venv/bin/python tests/fixtures/make_bad_corpus.py"


def test_ingest_outcome_of_every_case(
    bad_raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    processed = tmp_path / "processed"
    assert main(["ingest", "--raw", str(bad_raw), "--processed", str(processed)]) == 0

    arts = load_table("articles", processed)
    got = arts[["article_id", "source_file", "source_line", "date", "encoding"]]
    got = got.sort_values(["source_file", "source_line"], na_position="first")
    expected = pd.DataFrame(
        ACCEPTED, columns=["article_id", "source_file", "source_line", "date", "encoding"]
    ).sort_values(["source_file", "source_line"], na_position="first")
    generated = expected["article_id"].isna()
    assert got["article_id"][generated.to_numpy()].str.fullmatch(r"h[0-9a-f]{16}").all()
    expected.loc[generated, "article_id"] = got["article_id"][generated.to_numpy()].to_numpy()
    expected = expected.astype(
        {
            "article_id": "string",
            "source_file": "string",
            "source_line": "Int64",
            "encoding": "string",
        }
    )
    assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))

    by_source = {(r.source_file, _line(r.source_line)): r for r in arts.itertuples()}
    for key, text in TEXTS.items():
        assert by_source[key].text == text, key
        assert by_source[key].n_chars == len(text)
    assert "\ufeff" not in "".join(arts["text"])  # BOMs never reach the text

    rejects = load_table("rejects", processed)
    got_rejects = sorted(
        (r.source_file, _line(r.source_line), r.severity, r.reason, r.message)
        for r in rejects.itertuples()
    )
    assert [g[:4] for g in got_rejects] == [r[:4] for r in REJECTS]
    for got_row, (file, line, _sev, _reason, start) in zip(got_rejects, REJECTS, strict=True):
        assert got_row[4].startswith(f"{_where(file, line)}: {start}"), got_row[4]

    dups = load_table("duplicates", processed)
    assert sorted(
        dups[["article_id", "duplicate_id", "source_line", "reason"]].values.tolist()
    ) == [
        ["same", "copy", 3, "identical text"],
        ["same", "same", 2, "same id, different text"],
    ]

    manifest = read_manifest(processed)
    files = len(small_files())
    assert manifest["ingest"] == {
        "files": files,
        "reused_files": 0,
        "articles": len(ACCEPTED),
        "duplicates": 2,
        "errors": N_ERRORS,
        "warnings": N_WARNINGS,
        "rejects_by_reason": {
            "bad-date (error)": 3,
            "bad-json (error)": 2,
            "bad-quote (error)": 1,
            "bad-record (error)": 2,
            "bad-row (error)": 1,
            "binary-file (error)": 1,
            "duplicate-id (error)": 1,
            "empty-file (error)": 2,
            "implausible-date (warning)": 2,
            "missing-column (error)": 2,
            "no-date (warning)": 3,
            "truncated-line (error)": 1,
        },
    }
    assert manifest["row_counts"]["articles"] == len(ACCEPTED)
    assert manifest["row_counts"]["rejects"] == len(REJECTS)
    err = capsys.readouterr().err
    assert (
        f"files read: {files}; articles: {len(ACCEPTED)}; duplicates: 2; "
        f"rejected: {N_ERRORS}; warnings: {N_WARNINGS}"
    ) in err
    assert "Traceback" not in err


def test_process_annotates_the_accepted_and_keeps_the_store(
    bad_raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    processed = tmp_path / "processed"
    good = tmp_path / "good"
    build_bad_corpus(good)
    for path in sorted(good.rglob("*"), reverse=True):  # keep only the healthy article
        if path.is_file() and path.parent.name != "good":
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    assert (
        main(["process", "--raw", str(good), "--processed", str(processed), "--no-progress"]) == 0
    )
    first = snapshot_dir(processed)
    first_counts = load_table("article_counts", processed)

    # the bad corpus (which contains the same healthy article) does not fail the run
    args = ["process", "--raw", str(bad_raw), "--processed", str(processed), "--no-progress"]
    assert main(args) == 0
    second = snapshot_dir(processed)
    assert second != first
    arts = load_table("articles", processed)
    counts = load_table("article_counts", processed)
    assert sorted(counts["article_id"]) == sorted(arts["article_id"])  # every one annotated
    assert len(arts) == len(ACCEPTED)
    manifest = read_manifest(processed)
    assert manifest["annotation"]["failed"] == 0
    assert manifest["annotation"]["reused"] == 1  # the healthy article from the first run
    kept = counts.set_index("article_id").loc[first_counts["article_id"]]
    assert kept["annotation_key"].tolist() == first_counts["annotation_key"].tolist()
    # the previous snapshot is still there, intact and readable
    assert pd.read_parquet(first / "articles")["source_file"].tolist() == ["good/ok.txt"]

    texts = dict(zip(arts["article_id"], arts["text"], strict=True))
    for table, text_col in (
        ("quotes", "text"),
        ("scare_quotes", "text"),
        ("mentions", "text"),
        ("framing", "text"),
        ("uncoded_actors", "text"),
    ):
        rows = load_table(table, processed)
        for r in rows.itertuples():
            body = texts[r.article_id]
            assert 0 <= r.start < r.end <= len(body), (table, r)
            assert body[r.start : r.end] == getattr(r, text_col), (table, r)
    long_counts = counts.set_index("article_id").loc["long-sentence"]
    assert long_counts["n_words"] == len(long_sentence().split())

    # --strict: exit 1 and the store is unchanged
    assert main([*args, "--strict"]) == 1
    assert snapshot_dir(processed) == second
    assert len(load_table("articles", processed)) == len(ACCEPTED)
    err = capsys.readouterr().err
    assert f"--strict: {N_ERRORS} input(s) rejected; the store was left unchanged" in err
    assert "Traceback" not in err


def test_strict_ingest_exits_1_and_leaves_the_store(bad_raw: Path, tmp_path: Path) -> None:
    processed = tmp_path / "processed"
    assert main(["ingest", "--raw", str(bad_raw), "--processed", str(processed)]) == 0
    current = snapshot_dir(processed)
    manifest = read_manifest(processed)
    assert main(["ingest", "--raw", str(bad_raw), "--processed", str(processed), "--strict"]) == 1
    assert snapshot_dir(processed) == current
    assert read_manifest(processed) == manifest


def test_only_warnings_pass_strict(tmp_path: Path) -> None:
    raw = build_bad_corpus(tmp_path / "raw")
    for path in raw.rglob("*"):
        if path.is_file() and path.relative_to(raw).as_posix() not in (
            "dates/none.txt",
            "good/ok.txt",
        ):
            path.unlink()
    processed = tmp_path / "processed"
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed), "--strict"]) == 0
    rejects = load_table("rejects", processed)
    assert rejects[["severity", "reason"]].values.tolist() == [["warning", "no-date"]]


@pytest.mark.slow
def test_50mb_article_is_rejected_quickly_and_the_rest_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = tmp_path / "raw"
    path = write_large(raw)
    (raw / "good").mkdir()
    (raw / "good" / "ok.txt").write_text(f"date 2025-09-04\n\n{PLAIN}\n", encoding="utf-8")
    assert path.stat().st_size >= 50 * 1024 * 1024
    processed = tmp_path / "processed"
    started = time.perf_counter()
    args = ["process", "--raw", str(raw), "--processed", str(processed), "--no-progress"]
    assert main(args) == 0
    elapsed = time.perf_counter() - started
    assert elapsed < 90, f"50 MB corpus took {elapsed:.0f} s"
    rejects = load_table("rejects", processed)
    assert rejects[["source_file", "severity", "reason"]].values.tolist() == [
        [LARGE_FILE, "error", "too-large"]
    ]
    message = rejects["message"].iloc[0]
    assert message.startswith(f"{LARGE_FILE}: article too long: ")
    assert f"(limit {MAX_ARTICLE_CHARS:,})" in message
    arts = load_table("articles", processed)
    assert arts["source_file"].tolist() == ["good/ok.txt"]
    assert (
        load_table("article_counts", processed)["article_id"].tolist()
        == arts["article_id"].tolist()
    )
    assert "too-large (error): 1" in capsys.readouterr().err
    assert main([*args, "--strict"]) == 1


def _annotate_seconds(nlp, text: str) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        nlp(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.slow
def test_annotation_time_grows_linearly_with_article_length(nlp) -> None:  # type: ignore[no-untyped-def]
    paragraph = (
        "»Wir werden sparen müssen«, sagte der Finanzminister am Donnerstag in Berlin. "
        "Die Opposition warf der Regierung vor, die Schuldenbremse zu umgehen. "
        "Der Haushalt solle noch vor Weihnachten verabschiedet werden, hieß es.\n\n"
    )
    short = paragraph * (12_500 // len(paragraph))
    long = short * 6
    assert len(long) < nlp.max_length
    t_short = _annotate_seconds(nlp, short)
    t_long = _annotate_seconds(nlp, long)
    assert t_long < 12 * t_short, f"6x text took {t_long / t_short:.1f}x the time"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_links_and_pipes_are_rejected_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken symbolic link used to crash ingest with a traceback, a named pipe to hang it."""
    raw = tmp_path / "raw"
    (raw / "o").mkdir(parents=True)
    (raw / "o" / "ok.txt").write_text(f"date 2025-09-04\n\n{PLAIN}\n", encoding="utf-8")
    (raw / "o" / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(raw / "o" / "pipe.jsonl")
    processed = tmp_path / "processed"
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed)]) == 0
    rejects = load_table("rejects", processed)
    assert sorted(rejects[["source_file", "severity", "reason"]].values.tolist()) == [
        ["o/broken.txt", "error", "unreadable-file"],
        ["o/pipe.jsonl", "error", "unreadable-file"],
    ]
    assert all("not a regular file" in m for m in rejects["message"])
    assert load_table("articles", processed)["source_file"].tolist() == ["o/ok.txt"]
    assert read_manifest(processed)["inputs"]["o/broken.txt"] == {"sha256": None, "bytes": 0}
    assert "Traceback" not in capsys.readouterr().err


def test_one_bad_byte_does_not_garble_a_utf8_file(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "f").mkdir(parents=True)
    (raw / "f" / "mixed.jsonl").write_bytes(
        '{"id": "a", "date": "2025-09-01", "text": "Die Grünen fordern höhere Zölle."}\n'.encode()
        + b'{"id": "b", "date": "2025-09-01", "text": "Ein kaputtes Byte: \xfc hier."}\n'
    )
    processed = tmp_path / "processed"
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed)]) == 0
    texts = dict(load_table("articles", processed)[["article_id", "text"]].values.tolist())
    assert texts["a"] == "Die Grünen fordern höhere Zölle."
    # line 2 either decoded on its own (cp1252: "ü") with a warning, or rejected; either way
    # the rejects table names line 2
    rejects = load_table("rejects", processed)
    assert rejects[["source_file", "source_line"]].values.tolist() == [["f/mixed.jsonl", 2]]
    # what this implementation does: line 2 decoded on its own, flagged as a warning
    assert texts["b"] == "Ein kaputtes Byte: ü hier."
    assert rejects[["severity", "reason"]].values.tolist() == [["warning", "mixed-encoding"]]
    assert rejects["message"].iloc[0].startswith("f/mixed.jsonl:2: ")
    encodings = dict(load_table("articles", processed)[["article_id", "encoding"]].values.tolist())
    assert encodings == {"a": "utf-8", "b": "utf-8+cp1252"}
