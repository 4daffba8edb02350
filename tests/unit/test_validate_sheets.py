"""Coding sheets: the XLSX opens in openpyxl with its validations; out-of-shape sheets fail
with file, row and column; CSV as Excel writes it back is read."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText

from medialens.validate.columns import SheetError, sheet_columns
from medialens.validate.sampling import item_row
from medialens.validate.sheets import params_path, read_sheet, write_sheet

TEXT = (
    "Die Debatte dauerte lange. „Wir handeln jetzt“, sagte Olaf Scholz am Montag in Berlin. "
    "Danach sprach niemand mehr."
)
Q_START = TEXT.index("Wir")
Q_END = TEXT.index("“")
SPK = TEXT.index("Olaf Scholz")
CUE = TEXT.index("sagte")


def _quote(item_id: str = "a1:28-44", text: str | None = None, kind: str = "direct") -> dict:
    item = {
        "item_id": item_id,
        "what": "quotes",
        "article_id": "a1",
        "outlet": "taz",
        "date": "2025-03-01",
        "start": Q_START,
        "end": Q_END,
        "item_text": text or TEXT[Q_START:Q_END],
        "kind": kind,
        "speaker_text": "Olaf Scholz",
        "speaker_start": SPK,
        "speaker_end": SPK + len("Olaf Scholz"),
        "actor": "olaf_scholz",
        "cue_text": "sagte",
        "cue_start": CUE,
        "cue_end": CUE + 5,
        "cue_category": "neutral",
    }
    return item_row(item, TEXT, width=30)


PARAMS = {
    "format": "medialens-validation-sheet/1",
    "sheet": "items",
    "what": "quotes",
    "snapshot": "snap-1",
    "codebook_hash": "c0ffee",
    "processed_dir": "/nowhere",
    "n": 2,
    "per_stratum": None,
    "allocation": "proportional",
    "strata": ["outlet", "kind"],
    "seed": 1,
    "population": 10,
    "sampled": 2,
    "strata_table": [
        {"values": {"outlet": "taz", "kind": "direct"}, "population": 6, "sampled": 1, "weight": 6},
        {
            "values": {"outlet": "taz", "kind": "indirect"},
            "population": 4,
            "sampled": 1,
            "weight": 4,
        },
    ],
}


def _rows() -> list[dict]:
    return [_quote(), _quote("a1:28-44#2", text="=HYPERLINK(1)", kind="indirect")]


def test_xlsx_opens_with_frozen_header_wrapping_dropdowns_and_highlight(tmp_path):
    path = tmp_path / "s.xlsx"
    write_sheet(_rows(), path, what="quotes", params=PARAMS)
    wb = load_workbook(path, rich_text=True)
    assert wb.sheetnames == ["items", "instructions"]
    ws = wb["items"]
    header = [c.value for c in ws[1]]
    assert header == sheet_columns("quotes")
    assert ws.freeze_panes == "A2"
    col = {name: i + 1 for i, name in enumerate(header)}
    for name in ("context_left", "item_text", "context_right"):
        assert ws.cell(row=2, column=col[name]).alignment.wrap_text
    # drop-downs with yes/no/unsure on every coded column, nowhere else
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"yes,no,unsure"' and dv.allow_blank
    covered = {str(r).split(":")[0].rstrip("0123456789") for r in dv.sqref.ranges}
    letters = {
        ws.cell(row=1, column=col[c]).column_letter
        for c in ("quote_correct", "speaker_correct", "cue_correct", "kind_correct")
    }
    assert covered == letters
    # the item bold on yellow; the speaker highlighted inside the right context (rich text)
    item = ws.cell(row=2, column=col["item_text"])
    assert isinstance(item.value, CellRichText) and str(item.value) == "Wir handeln jetzt"
    assert item.value[0].font.b and item.fill.fgColor.rgb.endswith("FFF2A8")
    right = ws.cell(row=2, column=col["context_right"]).value
    assert isinstance(right, CellRichText)
    bold = [b.text for b in right if not isinstance(b, str) and b.font.b]
    assert bold == ["Olaf Scholz"]
    # a formula from the corpus stays text
    assert ws.cell(row=3, column=col["item_text"]).data_type == "s"
    # the second sheet: instructions, parameters, strata table
    info = [
        [c for c in row if c is not None] for row in wb["instructions"].iter_rows(values_only=True)
    ]
    flat = " ".join(str(c) for row in info for c in row)
    assert "quote_correct: yes if" in flat and "Krippendorff" in flat
    assert ["seed", 1] in info and ["snapshot", "snap-1"] in info
    assert ["outlet", "kind", "population", "sampled", "design weight"] in info
    assert ["taz", "indirect", 4, 1, 4] in info


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_reads_rows_and_parameters(tmp_path, suffix):
    path = tmp_path / f"s{suffix}"
    files = write_sheet(_rows(), path, what="quotes", params=PARAMS)
    assert files == ([path] if suffix == ".xlsx" else [path, params_path(path)])
    sheet = read_sheet(path)
    assert sheet.what == "quotes" and sheet.kind == "items"
    assert sheet.params["strata_table"] == PARAMS["strata_table"]
    assert [r["item_id"] for r in sheet.rows] == ["a1:28-44", "a1:28-44#2"]
    assert sheet.rows[0]["item_text"] == "Wir handeln jetzt"
    assert sheet.rows[0]["_row"] == 2 and sheet.rows[0]["start"] == str(Q_START)


def _edit_csv(path, edit) -> None:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    rows = edit(rows)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)


def _set(rows, row, column, value):
    rows[row - 1][rows[0].index(column)] = value
    return rows


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda r: [[c for i, c in enumerate(x) if i != r[0].index("cue_correct")] for x in r],
            "row 1: missing column 'cue_correct'",
        ),
        (
            lambda r: _set(r, 3, "quote_correct", "ja"),
            "row 3, column 'quote_correct' (T): unknown value 'ja'; use yes, no, unsure",
        ),
        (
            lambda r: _set(r, 2, "what", "quote"),
            "row 2, column 'what' (B): unknown value 'quote'; valid: quotes",
        ),
        (
            lambda r: _set(r, 3, "item_id", "a1:28-44"),
            "row 3, column 'item_id' (A): 'a1:28-44' already in row 2",
        ),
        (lambda r: _set(r, 2, "item_id", ""), "row 2, column 'item_id' (A): empty"),
        (lambda r: [["x", "y"], *r[1:]], "no header with a 'what' column"),
    ],
)
def test_out_of_shape_sheets_name_file_row_and_column(tmp_path, edit, message):
    path = tmp_path / "coded.csv"
    write_sheet(_rows(), path, what="quotes", params=PARAMS)
    _edit_csv(path, edit)
    with pytest.raises(SheetError) as err:
        read_sheet(path)
    assert f"{path}: " in str(err.value) and message in str(err.value)


def test_all_problems_of_a_sheet_are_reported_at_once(tmp_path):
    path = tmp_path / "coded.xlsx"
    write_sheet(_rows(), path, what="quotes", params=PARAMS)
    wb = load_workbook(path)
    ws = wb["items"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("kind_correct") + 1).value = "maybe"
    ws.cell(row=3, column=header.index("speaker_correct") + 1).value = "1"
    ws.cell(row=3, column=header.index("quote_correct") + 1).value = " YES "  # accepted
    wb.save(path)
    with pytest.raises(SheetError) as err:
        read_sheet(path)
    assert err.value.problems == [
        f"{path}: row 2, column 'kind_correct' (W): unknown value 'maybe'; use yes, no, unsure "
        "or leave it blank",
        f"{path}: row 3, column 'speaker_correct' (U): unknown value '1'; use yes, no, unsure "
        "or leave it blank",
    ]


def test_csv_saved_by_german_excel_is_read(tmp_path):
    """Excel with a German locale writes ';' and cp1252; the sidecar still holds the params."""
    path = tmp_path / "coded.csv"
    write_sheet(_rows(), path, what="quotes", params=PARAMS)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    rows = _set(rows, 2, "quote_correct", "yes")
    rows = _set(rows, 2, "note", "Zitat über Grenzen")
    with open(path, "w", encoding="cp1252", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    sheet = read_sheet(path)
    assert sheet.rows[0]["quote_correct"] == "yes" and sheet.rows[0]["note"] == "Zitat über Grenzen"
    assert sheet.params["seed"] == 1


@pytest.mark.parametrize("name", ["s.txt", "missing.xlsx"])
def test_not_a_sheet(tmp_path, name):
    path = tmp_path / name
    if name.endswith(".txt"):
        path.write_text("x", encoding="utf-8")
    with pytest.raises(SheetError, match=str(path)):
        read_sheet(path)


def test_broken_xlsx_is_a_sheet_error(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SheetError, match="cannot open as XLSX"):
        read_sheet(path)


def _formula_row(item_id: str, text: str, outlet: str) -> dict:
    row = _quote(item_id, text=text)
    row["outlet"] = outlet
    return row


def test_csv_sheet_neutralises_formulas_and_reads_back_exactly(tmp_path):
    rows = [
        _formula_row("a1:1-5", '=HYPERLINK("http://evil","x")', "-taz"),
        _formula_row("a1:6-9", "- Spiegelstrich", "@welt"),
        _formula_row("a1:9-12", "'=schon zitiert", "taz"),
    ]
    path = tmp_path / "sample.csv"
    write_sheet(rows, path, what="quotes", params=PARAMS)
    raw = path.read_text(encoding="utf-8-sig")
    assert '"\'=HYPERLINK(""http://evil"",""x"")"' in raw and ",'-taz," in raw
    assert "\n=" not in raw and ",=" not in raw and ",@" not in raw and ",-" not in raw
    # a coder fills the coded columns (the sheet saved again as CSV); score reads them and
    # gets the original text back
    coded = {"quote_correct": "yes", "speaker_correct": "no", "cue_correct": "unsure"}
    coded |= {"kind_correct": "yes", "coder": "ab"}

    def fill(rows):
        for number in range(2, len(rows) + 1):
            for column, value in coded.items():
                rows = _set(rows, number, column, value)
        return rows

    _edit_csv(path, fill)
    sheet = read_sheet(path)
    assert [r["item_text"] for r in sheet.rows] == [
        '=HYPERLINK("http://evil","x")',
        "- Spiegelstrich",
        "'=schon zitiert",
    ]
    assert [r["outlet"] for r in sheet.rows] == ["-taz", "@welt", "taz"]
    assert [r["item_id"] for r in sheet.rows] == ["a1:1-5", "a1:6-9", "a1:9-12"]
    assert all(
        (r["quote_correct"], r["speaker_correct"], r["cue_correct"], r["kind_correct"], r["coder"])
        == ("yes", "no", "unsure", "yes", "ab")
        for r in sheet.rows
    )
