"""The REDEWIEDERGABE converter (``scripts/redewiedergabe_gold.py``) on an invented sample.

The corpus itself is CC BY-NC-SA and never in the repository; the sample below is made up in
its column format (token, …, stwr, frame, speaker, intexpr, note).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
try:
    from redewiedergabe_gold import convert, detokenize, gold_type, main
finally:
    sys.path.remove(str(ROOT / "scripts"))

HEADER = "tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote"
#: (token, stwr, speaker, intexpr): a direct quotation with its speaker and cue, a nested
#: reported one inside it, and a thought that the converter leaves out
ROWS = [
    ("Der", "-", "speaker.1", "-"),
    ("Minister", "-", "speaker.1", "-"),
    ("sagte", "-", "-", "intexpr.1"),
    (":", "-", "-", "-"),
    ("„", "direct.speech.1", "-", "-"),
    ("Wir", "direct.speech.1", "speaker.2", "-"),
    ("fordern", "direct.speech.1|reported.speech.2", "-", "intexpr.2"),
    ("Frieden", "direct.speech.1|reported.speech.2", "-", "-"),
    (".", "direct.speech.1", "-", "-"),
    ("“", "direct.speech.1", "-", "-"),
    ("Er", "-", "-", "-"),
    ("dachte", "-", "-", "-"),
    ("nach", "indirect.thought.3", "-", "-"),
    (".", "-", "-", "-"),
    ("Man", "-", "speaker.4", "-"),
    ("erzählt", "-", "-", "intexpr.4"),
    (",", "-", "-", "-"),
    ("er", "indirect_freeIndirect.speech_writing.4", "-", "-"),
    ("sei", "indirect_freeIndirect.speech_writing.4", "-", "-"),
    ("krank", "indirect_freeIndirect.speech_writing.4", "-", "-"),
    (".", "indirect_freeIndirect.speech_writing.4", "-", "-"),
]


def _write_corpus(root: Path, rows: list[tuple[str, str, str, str]] = ROWS) -> Path:
    folder = root / "data" / "main" / "tsv"
    folder.mkdir(parents=True)
    lines = [HEADER] + [f"{t}\t{t}\t{t}\tX\tX\tno\t{s}\t-\t{sp}\t{ie}\t-" for t, s, sp, ie in rows]
    (folder / "rwk_test_1-1.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "rwk_fiction_1-1.tsv").write_text(HEADER + "\n", encoding="utf-8")
    meta = "file\tyear\tsource\ttitle\tfictional\n"
    meta += "rwk_test_1-1.tsv\t1871\tmkhz.test\tEin Test\tno\n"
    meta += "rwk_fiction_1-1.tsv\t1880\tdigbib\tRoman\tyes\n"
    (folder / "metadata.tsv").write_text(meta, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["Er", "sagte", ":", "„", "Ja", ".", "“"], "Er sagte: „Ja.“"),
        (["„", "mehr", "als", "Menschen", '"', ",", "sind"], '„mehr als Menschen", sind'),
        (['"', "Nein", '"', "rief", "er", "."], '"Nein" rief er.'),
        (["(", "SPD", ")", "und", "z.", "B.", "Bonn"], "(SPD) und z. B. Bonn"),
        ([], ""),
    ],
)
def test_detokenize(tokens: list[str], expected: str) -> None:
    text, offsets = detokenize(tokens)
    assert text == expected
    assert [text[a:b] for a, b in offsets] == tokens


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("direct", "Direct"),
        ("indirect", "Indirect"),
        ("freeIndirect", "FreeIndirect"),
        ("reported", "Reported"),
        ("indirect freeIndirect", "IndirectFreeIndirect"),
        ("indirect_freeIndirect", "IndirectFreeIndirect"),
        ("direct freeIndirect", "Direct"),
    ],
)
def test_gold_type(cell: str, expected: str) -> None:
    assert gold_type(cell) == expected


def test_gold_type_rejects_unknown() -> None:
    with pytest.raises(ValueError, match="unknown STWR type"):
        gold_type("summary")


def test_convert_writes_speech_and_writing_not_thought(tmp_path: Path) -> None:
    lines = convert(_write_corpus(tmp_path))
    assert [d["id"] for d in lines] == ["rw-rwk_test_1-1"]  # fiction left out by default
    doc = lines[0]
    text = doc["text"]
    assert text.startswith("Der Minister sagte: „Wir fordern Frieden.“ Er dachte nach.")
    assert doc["date"] == "1871-01-01"
    got = [
        (
            q["type"],
            q["medium"],
            q["nested"],
            [text[a:b] for a, b in q["quote"]],
            [text[a:b] for a, b in q["speaker"]],
            [text[a:b] for a, b in q["cue"]],
        )
        for q in doc["quotes"]
    ]
    assert got == [
        ("Direct", "Speech", False, ["„Wir fordern Frieden.“"], ["Der Minister"], ["sagte"]),
        ("Reported", "Speech", True, ["fordern Frieden"], ["Wir"], ["fordern"]),
        ("IndirectFreeIndirect", "SW", False, ["er sei krank."], ["Man"], ["erzählt"]),
    ]


def test_convert_fiction_switch(tmp_path: Path) -> None:
    lines = convert(_write_corpus(tmp_path), fiction=True)
    assert [d["id"] for d in lines] == ["rw-rwk_fiction_1-1"]


def test_bad_annotation_names_file_and_line(tmp_path: Path) -> None:
    rows = [*ROWS[:3], ("kaputt", "direct.speech", "-", "-")]
    with pytest.raises(ValueError, match=r"rwk_test_1-1\.tsv:5: unreadable stwr"):
        convert(_write_corpus(tmp_path, rows))


def test_main_writes_atomically_and_reports_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rw.jsonl"
    assert main([str(_write_corpus(tmp_path / "c")), "-o", str(out)]) == 0
    assert len([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]) == 1
    assert not list(tmp_path.glob("*.part"))
    assert main([str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.jsonl")]) == 2
    assert "metadata.tsv: not found" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists()
