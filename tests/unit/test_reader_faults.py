"""Faults found with unseen bad inputs (issue #17): each one reads or rejects by file and
line, never loses the other articles."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

from medialens.cli import main
from medialens.corpus.ingest import iter_raw_files
from medialens.corpus.readers import RawArticle, Reject, plausible_date, read_file
from medialens.store import load_table


def _read(tmp_path: Path, rel: str, data: bytes) -> list[RawArticle | Reject]:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return list(read_file(path, tmp_path))


def _arts(items: list[RawArticle | Reject]) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def _problems(items: list[RawArticle | Reject]) -> list[tuple[int | None, str, str]]:
    rows = [i for i in items if isinstance(i, Reject)]
    for art in _arts(items):
        rows.extend(art.warnings)
    return [(r.source_line, r.severity, r.reason) for r in rows]


def test_jsonl_nul_byte_rejects_only_that_line(tmp_path: Path) -> None:
    data = (
        b'{"id": "a", "date": "2025-09-01", "text": "Erste Zeile."}\n'
        b'{"id": "b", "date": "2025-09-01", "text": "kap\x00utt"}\n'
        b'{"id": "c", "date": "2025-09-02", "text": "Dritte Zeile."}\n'
    )
    items = _read(tmp_path, "o/x.jsonl", data)
    assert [a.id for a in _arts(items)] == ["a", "c"]
    assert _problems(items) == [(2, "error", "bad-json")]


def test_binary_file_with_jsonl_suffix_still_rejected_whole(tmp_path: Path) -> None:
    items = _read(tmp_path, "o/x.jsonl", b"\x00\x01\x02\x00" * 100 + b"\n" + b"\x00" * 50)
    assert _problems(items) == [(None, "error", "binary-file")]


CSV_RUNAWAY = (
    "id,date,text\n"
    'a1,2025-09-01,"Offen ohne Ende\n'
    "a2,2025-09-02,Gut\n"
    'a3,2025-09-03,"Zitat" hier\n'
    "a4,2025-09-04,Auch gut\n"
)


def test_csv_unclosed_quote_rejects_that_row_only(tmp_path: Path) -> None:
    items = _read(tmp_path, "o/x.csv", CSV_RUNAWAY.encode())
    arts = _arts(items)
    assert [(a.id, a.source_line) for a in arts] == [("a2", 3), ("a3", 4), ("a4", 5)]
    assert _problems(items) == [(2, "error", "bad-quote")]


def test_csv_unclosed_quote_in_last_row(tmp_path: Path) -> None:
    data = 'id,date,text\na1,2025-09-01,Gut\na2,2025-09-02,"offen\na3,2025-09-03,auch\n'
    items = _read(tmp_path, "o/x.csv", data.encode())
    assert [a.id for a in _arts(items)] == ["a1", "a3"]
    assert _problems(items) == [(3, "error", "bad-quote")]


def test_csv_multiline_quoted_text_is_not_a_runaway(tmp_path: Path) -> None:
    # negative case: a legitimate quoted field over several lines, no line looks like a row
    data = 'id,date,text\na1,2025-09-01,"Erster Absatz.\n\nZweiter, mit Komma."\na2,2025-09-02,x\n'
    items = _read(tmp_path, "o/x.csv", data.encode())
    assert [(a.id, a.text) for a in _arts(items)] == [
        ("a1", "Erster Absatz.\n\nZweiter, mit Komma."),
        ("a2", "x"),
    ]
    assert _problems(items) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Wir handeln", sagte die Ministerin.', '"Wir handeln", sagte die Ministerin.'),
        ('"Nie wieder', '"Nie wieder'),  # never closed: verbatim, not a runaway
        ('Er sagte "ja".', 'Er sagte "ja".'),
        ('"Ganz in Anführungszeichen"', "Ganz in Anführungszeichen"),  # a quoted TSV field
    ],
)
def test_tsv_text_beginning_with_a_quote_is_verbatim(
    tmp_path: Path, text: str, expected: str
) -> None:
    data = f"id\tdate\ttext\nt1\t2025-09-01\t{text}\nt2\t2025-09-02\tZweiter.\n"
    items = _read(tmp_path, "o/x.tsv", data.encode())
    assert [(a.id, a.text) for a in _arts(items)] == [("t1", expected), ("t2", "Zweiter.")]
    assert _problems(items) == []


@pytest.mark.parametrize(
    ("date", "plausible"),
    [
        (dt.date(2025, 9, 5), True),
        (dt.date(1800, 1, 1), True),
        (dt.date(1799, 12, 31), False),
        (dt.date(1025, 9, 5), False),
        (dt.date(2026, 12, 7), True),  # tomorrow: time zones, embargo
        (dt.date(2026, 12, 9), False),
        (dt.date(2205, 9, 5), False),
    ],
)
def test_plausible_date(date: dt.date, plausible: bool) -> None:
    assert plausible_date(date, today=dt.date(2026, 12, 6)) is plausible


def test_implausible_date_is_a_warning(tmp_path: Path) -> None:
    data = (
        b'{"id": "f", "date": "2205-09-05", "text": "Aus der Zukunft."}\n'
        b'{"id": "p", "date": "1025-09-05", "text": "Aus dem Mittelalter."}\n'
        b'{"id": "n", "date": "2025-09-05", "text": "Normal."}\n'
    )
    items = _read(tmp_path, "o/x.jsonl", data)
    assert [a.id for a in _arts(items)] == ["f", "p", "n"]
    assert _problems(items) == [
        (1, "warning", "implausible-date"),
        (2, "warning", "implausible-date"),
    ]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_non_utf8_file_name_is_read_and_named(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "o").mkdir(parents=True)
    (raw / "o" / "gut.txt").write_text("date 2025-09-01\n\nEin guter Artikel.\n")
    bad = os.path.join(os.fsencode(raw / "o"), b"Zeitung-\xe4.txt")
    with open(bad, "wb") as fh:
        fh.write(b"date 2025-09-02\n\nEin Artikel mit kaputtem Namen.\n")
    processed = tmp_path / "processed"
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed)]) == 0
    arts = load_table("articles", processed)
    assert sorted(arts["source_file"]) == ["o/Zeitung-\\xe4.txt", "o/gut.txt"]
    rejects = load_table("rejects", processed)
    assert list(rejects["reason"]) == ["bad-file-name"]
    assert rejects["message"][0].startswith("o/Zeitung-\\xe4.txt: file name is not valid UTF-8")


def test_symlinked_folder_is_read_once(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    archive = tmp_path / "archive" / "taz"
    archive.mkdir(parents=True)
    (archive / "a.txt").write_text("date 2025-09-01\n\nAus dem Archiv.\n")
    raw.mkdir()
    (raw / "taz").symlink_to(archive, target_is_directory=True)
    (archive / "loop").symlink_to(archive, target_is_directory=True)  # a link loop
    files = [p.relative_to(raw).as_posix() for p in iter_raw_files(raw)]
    assert files == ["taz/a.txt"]


def test_unreadable_folder_is_rejected_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = tmp_path / "raw"
    (raw / "ok").mkdir(parents=True)
    (raw / "ok" / "a.txt").write_text("date 2025-09-01\n\nLesbar.\n")
    locked = raw / "gesperrt"
    locked.mkdir()
    (locked / "b.txt").write_text("date 2025-09-01\n\nNicht lesbar.\n")
    # chmod 0 does not stop root (CI containers): refuse the listing as the OS would
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if os.fspath(path) == os.fspath(locked):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[arg-type]
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    processed = tmp_path / "processed"
    assert main(["ingest", "--raw", str(raw), "--processed", str(processed)]) == 0
    rejects = load_table("rejects", processed)
    assert list(zip(rejects["source_file"], rejects["reason"], strict=True)) == [
        ("gesperrt", "unreadable-folder")
    ]
    assert rejects["message"][0].startswith("gesperrt: cannot list this folder")
    assert len(load_table("articles", processed)) == 1
