"""`medialens annotate` on input that ingest handles (issue #17): bad lines are named by file
and line and skipped, every other document is annotated and written."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from medialens.cli import main

GOOD = [
    {"id": "g1", "text": "»Wir handeln«, sagte die Ministerin in Berlin."},
    {"id": "g2", "text": "Die Grünen forderten höhere Zölle."},
]


def _lines(records: list[dict[str, str]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _annotate(
    tmp_path: Path, name: str, data: bytes, capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[dict[str, object]], list[str]]:
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / f"{name}.out.jsonl"
    capsys.readouterr()
    code = main(["annotate", str(src), "-o", str(out)])
    err = capsys.readouterr().err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return code, rows, [line for line in err.splitlines() if "skipped" in line]


NESTED = "[" * 200_000 + "]" * 200_000
SURROGATE = '{"id": "s1", "text": "Ein kaputtes Zeichen \\ud800 mitten im Satz."}\n'


@pytest.mark.parametrize(
    ("name", "data", "ids", "problems"),
    [
        (
            "corpus.jsonl.gz",
            gzip.compress((_lines(GOOD[:1]) + "kein json\n" + _lines(GOOD[1:])).encode()),
            ["g1", "g2"],
            [":2: not valid JSON"],
        ),
        ("utf16.jsonl", _lines(GOOD).encode("utf-16-le"), ["g1", "g2"], []),
        ("utf16-bom.jsonl", _lines(GOOD).encode("utf-16"), ["g1", "g2"], []),
        (
            "mixed.jsonl",
            _lines(GOOD[:1]).encode()
            + '{"id": "c1", "text": "Die Bürger sagten nein."}\n'.encode("cp1252")
            + _lines(GOOD[1:]).encode(),
            ["g1", "c1", "g2"],
            [],
        ),
        ("surrogate.jsonl", (SURROGATE + _lines(GOOD)).encode(), ["s1", "g1", "g2"], []),
        (
            "nested.jsonl",
            (_lines(GOOD[:1]) + NESTED + "\n" + _lines(GOOD[1:])).encode(),
            ["g1", "g2"],
            [":2: not valid JSON (nested too deeply)"],
        ),
        (
            "nul.jsonl",
            (_lines(GOOD[:1]) + '{"id": "n", "text": "a\x00b"}\n' + _lines(GOOD[1:])).encode(),
            ["g1", "g2"],
            [":2: contains NUL bytes"],
        ),
        (
            "cut.jsonl.gz",
            gzip.compress(_lines(GOOD * 200).encode())[:-40],
            None,  # the records before the cut are annotated
            [": cannot read on"],
        ),
    ],
)
def test_annotate_rejects_bad_lines_and_annotates_the_rest(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    ids: list[str] | None,
    problems: list[str],
) -> None:
    code, rows, err = _annotate(tmp_path, name, data, capsys)
    assert code == 0
    if ids is None:
        assert len(rows) > 100
    else:
        assert [r["id"] for r in rows] == ids
    assert len(err) == len(problems)
    for line, expected in zip(err, problems, strict=True):
        assert line.startswith(f"medialens annotate: skipped {tmp_path / name}")
        assert expected in line
    by_id = {r["id"]: r for r in rows}
    if "g1" in by_id:
        assert by_id["g1"]["quotes"], "the good document is annotated"
