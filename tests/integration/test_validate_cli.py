"""`medialens validate sample|score` end to end on a synthetic store, and what the reports see."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

from synthetic_store import build_synthetic_store

from medialens.cli import main
from medialens.validate.columns import sheet_columns


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_synthetic_store(tmp_path_factory.mktemp("v") / "processed", 120)


def _sample(store: Path, out: Path, *args: str) -> int:
    return main(["validate", "sample", "--processed", str(store), "-o", str(out), *args])


def _code(path: Path, value: str = "yes", coder: str = "ann", every_nth_no: int = 5) -> None:
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=header.index("what") + 1).value in ("article", "missed"):
            continue
        for name in ("quote_correct", "speaker_correct", "cue_correct", "kind_correct", "correct"):
            if name in header:
                code = "no" if (r % every_nth_no == 0) else value
                ws.cell(row=r, column=header.index(name) + 1).value = code
        ws.cell(row=r, column=header.index("coder") + 1).value = coder
    wb.save(path)


def test_same_seed_same_sheet_and_other_seed_differs(store, tmp_path):
    a, b, c = (tmp_path / f"{x}.csv" for x in "abc")
    assert _sample(store, a, "--what", "mentions", "--n", "30", "--seed", "4") == 0
    assert _sample(store, b, "--what", "mentions", "--n", "30", "--seed", "4") == 0
    assert _sample(store, c, "--what", "mentions", "--n", "30", "--seed", "5") == 0
    assert a.read_text(encoding="utf-8-sig") == b.read_text(encoding="utf-8-sig")
    assert a.read_text(encoding="utf-8-sig") != c.read_text(encoding="utf-8-sig")
    header = a.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header == sheet_columns("mentions")
    params = json.loads((tmp_path / "a.sampling.json").read_text(encoding="utf-8"))
    assert params["seed"] == 4 and params["strata"] == ["outlet", "kind"]
    assert params["sampled"] == 30


def test_sample_code_score_and_the_reports_see_it(store, tmp_path, capsys):
    from medialens.analysis import select
    from medialens.validate import precision_note
    from medialens.validate.storage import current_scores

    sel = select(processed_dir=store)
    assert "quotations: not validated" in str(precision_note(sel, "quotes"))
    sheet = tmp_path / "q.xlsx"
    assert _sample(store, sheet, "--what", "quotes", "--per-stratum", "4") == 0
    _code(sheet)
    capsys.readouterr()
    assert main(["validate", "score", str(sheet), "--processed", str(store)]) == 0
    out = capsys.readouterr()
    assert "quote_correct" in out.out and "per stratum (weighted overall" in out.out
    assert "score stored in" in out.err
    note = str(precision_note(select(processed_dir=store), "quotes"))
    assert "quotations: validated precision" in note and "quote_correct 0." in note
    record = current_scores(store)["quotes"]
    assert (
        record["sampling"]["allocation"] == "equal"
        and record["columns"]["quote_correct"]["weighted"]
    )
    # a new snapshot of the store: the score no longer applies
    build_synthetic_store(store, 120)
    assert current_scores(store) == {}
    assert "quotations: not validated" in str(precision_note(select(processed_dir=store), "quotes"))


def test_article_sheet_gives_recall(store, tmp_path, capsys):
    sheet = tmp_path / "art.xlsx"
    assert _sample(store, sheet, "--what", "framing", "--articles", "4") == 0
    wb = load_workbook(sheet)
    ws = wb["articles"]
    header = [c.value for c in ws[1]]
    whats = [ws.cell(row=r, column=2).value for r in range(2, ws.max_row + 1)]
    assert whats.count("article") == 4 and whats.count("missed") == 20
    _code(sheet, every_nth_no=1000)
    wb = load_workbook(sheet)
    ws = wb["articles"]
    missed = [r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=2).value == "missed"]
    ws.cell(row=missed[0], column=header.index("item_text") + 1).value = "Kriegstreiber"
    wb.save(sheet)
    capsys.readouterr()
    assert main(["validate", "score", str(sheet), "--json", "--no-store"]) == 0
    got = json.loads(capsys.readouterr().out)
    found = got["correct"]["n"]
    assert got["correct"]["recall"] == pytest.approx(round(found / (found + 1), 4))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--what", "quotes", "--strata", "author"], "unknown stratum 'author' for quotes"),
        (["--what", "quotes", "--n", "5", "--per-stratum", "2"], "not both"),
        (["--what", "quotes", "--articles", "2", "--n", "5"], "drop --n/--per-stratum"),
        (["--what", "quotes", "--n", "0"], "--n must be at least 1"),
    ],
)
def test_sample_usage_errors_exit_2(store, tmp_path, capsys, args, message):
    out = tmp_path / "x.xlsx"
    assert _sample(store, out, *args) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_sample_without_store_or_with_bad_suffix(tmp_path, capsys):
    assert _sample(tmp_path / "none", tmp_path / "x.xlsx", "--what", "quotes") == 2
    assert "no processed store" in capsys.readouterr().err
    assert _sample(tmp_path / "none", tmp_path / "x.ods", "--what", "quotes") == 2
    assert "must end in .xlsx or .csv" in capsys.readouterr().err


def test_score_reports_every_problem_and_stores_nothing(store, tmp_path, capsys):
    sheet = tmp_path / "m.xlsx"
    assert _sample(store, sheet, "--what", "mentions", "--n", "10") == 0
    wb = load_workbook(sheet)
    ws = wb["items"]
    header = [c.value for c in ws[1]]
    ws.cell(row=4, column=header.index("correct") + 1).value = "vielleicht"
    wb.save(sheet)
    csv_sheet = tmp_path / "gone.csv"
    capsys.readouterr()
    assert main(["validate", "score", str(sheet), str(csv_sheet), "--processed", str(store)]) == 2
    err = capsys.readouterr().err
    assert "2 problem(s); nothing was scored" in err
    assert f"{sheet}: row 4, column 'correct' (N): unknown value 'vielleicht'" in err
    assert f"{csv_sheet}: no such file" in err
    assert not (store / "validation").exists() or not list(
        (store / "validation").glob("*mentions*")
    )
