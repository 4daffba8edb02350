"""Coding sheets on disk: write a sample as XLSX or CSV, read a coded sheet back (strictly).

XLSX (recommended): sheet ``items`` (or ``articles``) with a frozen header, wrapped context
cells, a drop-down (yes / no / unsure) in every coded column, the item in bold on yellow
between its left and right context, speaker and cue highlighted as rich text; a second sheet
``instructions`` with the coding rules, the sampling parameters and the strata table, and at
its bottom the same parameters as JSON (what ``validate score`` reads). Text starting with
``=``, ``+``, ``-`` or ``@`` is stored as text, never as a formula.

CSV: the same columns (UTF-8 with BOM, so Excel shows umlauts) and the sampling parameters in
``<sheet>.sampling.json`` next to it — keep the two together. Text cells a spreadsheet would
run as formulas (``=``, ``+``, ``-``, ``@``, tab, CR first) get a leading ``'``
(:mod:`medialens.formulas`); reading removes it again. Reading accepts what Excel
writes back: ``;`` or tab delimiters, cp1252, numbers and dates as cells.

Reading never guesses: a missing column, an unknown coder value, an unknown ``what`` or a
duplicated ``item_id`` is a :class:`SheetError` naming file, row and column (all problems of
a sheet at once). Both writers write to a temporary file and rename, so a crash never leaves
half a sheet.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medialens.formulas import neutralise, restore
from medialens.validate.columns import (
    ARTICLE_ROW,
    ARTICLES_SHEET,
    CODED_COLUMNS,
    CODES,
    INFO_SHEET,
    ITEMS_SHEET,
    MISSED_ROW,
    WHATS,
    SheetError,
    sheet_columns,
)

PARAMS_SUFFIX = ".sampling.json"
JSON_MARKER = "medialens sampling parameters (JSON, read by medialens validate score)"
_FORMULA_START = ("=", "+", "-", "@")
_WRAP = ("context_left", "item_text", "context_right", "note")
_WIDTH = {"context_left": 45, "item_text": 45, "context_right": 45, "note": 30, "item_id": 18}
#: blank rows below the data that still get the drop-downs (coders add missed items there)
_SPARE_ROWS = 500

INSTRUCTIONS: dict[str, list[str]] = {
    "common": [
        "One row per item the machine found. Read the item (bold, yellow) in its context and "
        "fill the coded columns with yes, no or unsure (drop-down); leave a cell blank when it "
        "does not apply. Put your name or initials in 'coder' and anything worth saying in "
        "'note'.",
        "Do not change item_id, what, article_id or the strata columns, and do not add, "
        "delete or rename columns: medialens validate score checks the sheet and names the "
        "file, row and column of anything it cannot read.",
        "Several coders: give each a copy of the same sheet; validate score reports percent "
        "agreement and Krippendorff's alpha for the items coded by two or more.",
    ],
    "quotes": [
        "quote_correct: yes if the item is a quotation (direct, indirect or reported speech) "
        "and the highlighted text covers at least about half of it; no otherwise.",
        "speaker_correct (only when speaker_text is filled): yes if the item is a quotation "
        "and speaker_text names who said it (a pronoun counts when it refers to the speaker); "
        "no otherwise, also when the item is not a quotation.",
        "cue_correct (only when cue_text is filled): yes if the item is a quotation and "
        "cue_text is the verb or phrase that introduces it (sagte, laut, zufolge …); no "
        "otherwise.",
        "kind_correct (only when quote_correct is yes): is kind right? direct = in quotation "
        "marks, indirect = paraphrase (dass-clause, Konjunktiv, laut X), reported = only the "
        "speech act is reported (X kritisierte die Regierung).",
    ],
    "mentions": [
        "correct: yes if the highlighted text refers to the actor in 'actor' (in the way "
        "'kind' says: name, surname, role, compound, adjective, pronoun); no otherwise."
    ],
    "scare_quotes": [
        "correct: yes if the words in quotation marks are set in scare quotes (the author "
        "distances themself from the word, as in die so genannte »Brandmauer«); no if they "
        "are speech, a name, a title or a term merely mentioned."
    ],
    "framing": [
        "correct: yes if the highlighted term is used in the sense of frame 'frame' here and "
        "'voice' is right (journalist, direct, indirect, reported, scare_quote); no otherwise."
    ],
    "articles": [
        "Article sheet (recall): each article's text comes first (grey row), then every item "
        "the machine found in it (code them as above), then blank 'missed' rows: type each "
        "item the machine missed into item_text, one per row. Need more rows? Copy a missed "
        "row (keep what = missed and the article_id). Leave unused missed rows blank.",
    ],
}


@dataclass
class Sheet:
    """A coding sheet read back: its rows (dicts by column name, ``_row`` = sheet row) and the
    sampling parameters (None when a CSV has no ``.sampling.json``)."""

    path: Path
    what: str
    kind: str  # items | articles
    params: dict[str, Any] | None
    rows: list[dict[str, Any]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)


# -- writing -----------------------------------------------------------------------------------


def params_path(path: Path) -> Path:
    """The CSV sheet's parameter file: ``SHEET.csv`` → ``SHEET.sampling.json``."""
    return path.with_name(path.stem + PARAMS_SUFFIX)


def write_sheet(
    rows: Sequence[dict[str, Any]],
    path: Path | str,
    *,
    what: str,
    params: dict[str, Any],
    kind: str = "items",
) -> list[Path]:
    """Write the rows as ``.xlsx`` or ``.csv``; returns the files written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValueError(f"{path}: the sheet must end in .xlsx or .csv")
    columns = sheet_columns(what)
    if suffix == ".csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else neutralise(row.get(c)) for c in columns])
        side = params_path(path)
        doc = dict(params, instructions=instructions(what, kind))
        _atomic(side, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
        _atomic(path, ("\ufeff" + buf.getvalue()).encode("utf-8"))
        return [path, side]
    wb = _workbook(rows, columns, what=what, params=params, kind=kind)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return [path]


def instructions(what: str, kind: str) -> list[str]:
    """The coding rules for ``what`` (and the article-sheet rules for recall sheets)."""
    return [
        *INSTRUCTIONS["common"],
        *INSTRUCTIONS[what],
        *(INSTRUCTIONS["articles"] if kind == "articles" else []),
    ]


def _atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _workbook(
    rows: Sequence[dict[str, Any]],
    columns: list[str],
    *,
    what: str,
    params: dict[str, Any],
    kind: str,
) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = ARTICLES_SHEET if kind == "articles" else ITEMS_SHEET
    ws.append(columns)
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDDDDD")
    for cell in ws[1]:
        cell.font = bold
        cell.fill = header_fill
    ws.freeze_panes = "A2"
    col_of = {c: i + 1 for i, c in enumerate(columns)}
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    item_fill = PatternFill("solid", fgColor="FFF2A8")
    article_fill = PatternFill("solid", fgColor="EEEEEE")
    missed_fill = PatternFill("solid", fgColor="FDE2E2")
    for r, row in enumerate(rows, start=2):
        for c, name in enumerate(columns, start=1):
            cell = ws.cell(row=r, column=c)
            _set(cell, _rich(row, name) if name in _WRAP[:3] else row.get(name))
            cell.alignment = wrap if name in _WRAP else top
        kind_of_row = row.get("what")
        fill = {ARTICLE_ROW: article_fill, MISSED_ROW: missed_fill}.get(kind_of_row, item_fill)
        ws.cell(row=r, column=col_of["item_text"]).fill = fill
    for name, width in _WIDTH.items():
        ws.column_dimensions[get_column_letter(col_of[name])].width = width
    last = len(rows) + 1 + (_SPARE_ROWS if kind == "articles" else 0)
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(CODES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="yes, no or unsure",
        error="Choose yes, no or unsure (or leave the cell blank).",
        promptTitle="coded column",
        prompt="yes / no / unsure; blank = not coded",
        showInputMessage=True,
    )
    for name in CODED_COLUMNS[what]:
        letter = get_column_letter(col_of[name])
        dv.add(f"{letter}2:{letter}{max(last, 2)}")
    ws.add_data_validation(dv)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"
    _info_sheet(wb.create_sheet(INFO_SHEET), what=what, params=params, kind=kind)
    return wb


def _set(cell: Any, value: Any) -> None:
    from openpyxl.cell.cell import TYPE_STRING

    cell.value = value
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = TYPE_STRING  # text from the corpus never becomes a formula


def _rich(row: dict[str, Any], name: str) -> Any:
    """The context or item cell as rich text: the item bold, the speaker bold blue and the cue
    underlined where they fall inside the cell (plain text when nothing is highlighted)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    text = row.get(name)
    if not text:
        return text
    start, end = row.get("start"), row.get("end")
    if row.get("what") in (ARTICLE_ROW, MISSED_ROW) or start is None or end is None:
        return text
    left_from = row.get("_left_from")
    if name == "item_text":
        offset = start
    elif name == "context_left":
        if left_from is None:
            return text
        offset = left_from - (1 if text.startswith("…") else 0)
    else:
        offset = end
    n = len(text)
    base = InlineFont(b=True) if name == "item_text" else None
    marks = [0] * n  # 0 plain, 1 speaker, 2 cue
    for kind_, key in ((1, "speaker"), (2, "cue")):
        s, e = row.get(f"{key}_start"), row.get(f"{key}_end")
        if s is None or e is None:
            continue
        for i in range(max(0, s - offset), min(n, e - offset)):
            if name == "context_left" and text.startswith("…") and i == 0:
                continue
            marks[i] = kind_
    if not any(marks) and base is None:
        return text
    fonts = {
        0: base,
        1: InlineFont(b=True, color="1F4E9E"),
        2: InlineFont(u="single", i=True, b=name == "item_text"),
    }
    blocks: list[Any] = []
    i = 0
    while i < n:
        j = i
        while j < n and marks[j] == marks[i]:
            j += 1
        font = fonts[marks[i]]
        blocks.append(TextBlock(font, text[i:j]) if font is not None else text[i:j])
        i = j
    return CellRichText(blocks)


def _info_sheet(ws: Any, *, what: str, params: dict[str, Any], kind: str) -> None:
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 100
    ws.append(["How to code this sheet"])
    ws["A1"].font = Font(bold=True, size=13)
    for i, line in enumerate(instructions(what, kind), start=1):
        ws.append([f"{i}.", line])
        ws.cell(row=ws.max_row, column=2).alignment = wrap
    ws.append([])
    ws.append(["Sampling parameters"])
    ws.cell(row=ws.max_row, column=1).font = bold
    ws.append(["parameter", "value"])
    for key, value in params.items():
        if key == "strata_table":
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        ws.append([key, "" if shown is None else shown])
    ws.append([])
    ws.append(["Strata"])
    ws.cell(row=ws.max_row, column=1).font = bold
    strata = list(params.get("strata") or [])
    ws.append([*(strata or ["stratum"]), "population", "sampled", "design weight"])
    for entry in params.get("strata_table", []):
        values = [entry["values"].get(s, "") or "(none)" for s in strata] or ["(all)"]
        ws.append([*values, entry["population"], entry["sampled"], entry["weight"]])
    ws.append([])
    ws.append([JSON_MARKER])
    ws.cell(row=ws.max_row, column=1).font = bold
    doc = json.dumps(params, ensure_ascii=False)
    for i in range(0, len(doc), 30_000):  # an XLSX cell holds at most 32,767 characters
        ws.append([doc[i : i + 30_000]])
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                from openpyxl.cell.cell import TYPE_STRING

                cell.data_type = TYPE_STRING


# -- reading -----------------------------------------------------------------------------------


def read_sheet(path: Path | str) -> Sheet:
    """Read and check a coded sheet (XLSX or CSV); :class:`SheetError` on any problem."""
    path = Path(path)
    if not path.is_file():
        raise SheetError([f"{path}: no such file"])
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        header, records, params = _read_xlsx(path)
    elif suffix == ".csv":
        header, records, params = _read_csv(path)
    else:
        raise SheetError([f"{path}: not a coding sheet (use .xlsx or .csv)"])
    return check_sheet(path, header, records, params)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, list[str]]], dict | None]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, … from a broken file
        raise SheetError([f"{path}: cannot open as XLSX ({type(exc).__name__}: {exc})"]) from None
    try:
        names = wb.sheetnames
        main = next((n for n in (ITEMS_SHEET, ARTICLES_SHEET) if n in names), names[0])
        rows = wb[main].iter_rows(values_only=True)
        header = [_cell_text(v) for v in next(rows, ())]
        while header and not header[-1]:
            header.pop()
        records = [(i, [_cell_text(v) for v in values]) for i, values in enumerate(rows, start=2)]
        params = _xlsx_params(wb[INFO_SHEET], path) if INFO_SHEET in names else None
    finally:
        wb.close()
    return header, records, params


def _xlsx_params(ws: Any, path: Path) -> dict | None:
    chunks: list[str] = []
    found = False
    for (value,) in ws.iter_rows(min_col=1, max_col=1, values_only=True):
        if found:
            if value in (None, ""):
                break
            chunks.append(str(value))
        elif value == JSON_MARKER:
            found = True
    if not found:
        return None
    try:
        doc = json.loads("".join(chunks))
    except ValueError as exc:
        raise SheetError(
            [f"{path}: sheet {INFO_SHEET!r}: the sampling parameters were edited ({exc})"]
        ) from None
    return doc if isinstance(doc, dict) else None


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]], dict | None]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # Excel on Windows saves CSV as cp1252
        text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(reader, [])]
    records = [
        (i, [restore(v.strip()).strip() for v in values])
        for i, values in enumerate(reader, start=2)
    ]
    side = params_path(path)
    params = None
    if side.is_file():
        try:
            params = json.loads(side.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise SheetError([f"{side}: not valid JSON ({exc})"]) from None
    return header, records, params


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def check_sheet(
    path: Path,
    header: list[str],
    records: Iterable[tuple[int, list[str]]],
    params: dict | None,
) -> Sheet:
    """Check the header and every row; collect all problems, then raise or return."""
    problems: list[str] = []
    records = list(records)
    if not header or "what" not in header:
        raise SheetError(
            [f"{path}: row 1: no header with a 'what' column (is this a coding sheet?)"]
        )
    col = {name: i for i, name in enumerate(header)}
    if len(col) != len(header):
        dups = sorted({h for h in header if header.count(h) > 1})
        raise SheetError([f"{path}: row 1: duplicated column(s) {', '.join(map(repr, dups))}"])

    def get(values: list[str], name: str) -> str:
        i = col.get(name)
        return values[i] if i is not None and i < len(values) else ""

    whats = {get(v, "what") for _, v in records} - {"", ARTICLE_ROW, MISSED_ROW}
    what = (params or {}).get("what") or (next(iter(whats)) if len(whats) == 1 else None)
    if what not in WHATS:
        found = ", ".join(sorted(whats)) or "none"
        raise SheetError(
            [
                f"{path}: cannot tell what was sampled (what values: {found}; valid: {', '.join(WHATS)})"
            ]
        )
    kind = (params or {}).get("sheet") or (
        "articles"
        if any(get(v, "what") in (ARTICLE_ROW, MISSED_ROW) for _, v in records)
        else "items"
    )
    expected = sheet_columns(what)
    missing = [c for c in expected if c not in col]
    if missing:
        raise SheetError(
            [
                f"{path}: row 1: missing column {', '.join(map(repr, missing))} "
                f"(a {what} sheet has: {', '.join(expected)})"
            ]
        )
    allowed_what = {what} | ({ARTICLE_ROW, MISSED_ROW} if kind == "articles" else set())
    coded = CODED_COLUMNS[what]
    seen: dict[str, int] = {}
    rows: list[dict[str, Any]] = []
    for number, values in records:
        if not any(values):
            continue  # an empty row (e.g. below the data in Excel)
        row = {name: get(values, name) for name in header}
        row["_row"] = number
        where = f"{path}: row {number}"
        if row["what"] not in allowed_what:
            problems.append(
                f"{where}, column 'what' ({_letter(col['what'])}): unknown value "
                f"{row['what']!r}; valid: {', '.join(sorted(allowed_what))}"
            )
            continue
        for name in coded:
            value = row[name].lower()
            if value and value not in CODES:
                problems.append(
                    f"{where}, column {name!r} ({_letter(col[name])}): unknown value "
                    f"{row[name]!r}; use {', '.join(CODES)} or leave it blank"
                )
            row[name] = value
        if row["what"] == MISSED_ROW:
            if not row["article_id"] and row["item_text"]:
                problems.append(
                    f"{where}, column 'article_id' ({_letter(col['article_id'])}): a missed "
                    "item needs the article_id of its article"
                )
        else:
            item_id = row["item_id"]
            if not item_id:
                problems.append(f"{where}, column 'item_id' ({_letter(col['item_id'])}): empty")
            elif item_id in seen:
                problems.append(
                    f"{where}, column 'item_id' ({_letter(col['item_id'])}): {item_id!r} "
                    f"already in row {seen[item_id]}"
                )
            else:
                seen[item_id] = number
        rows.append(row)
    if problems:
        raise SheetError(problems)
    return Sheet(path=path, what=what, kind=kind, params=params, rows=rows, columns=header)
