"""Spreadsheet formula injection: neutralise text cells before they reach a CSV file.

Why: a quote, title or outlet from the corpus such as ``=HYPERLINK("http://…")`` or
``@SUM(…)`` would run as a formula when a researcher opens the CSV in Excel or
LibreOffice (CSV injection). Following the OWASP rule, a *text* cell that begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading single quote, which
spreadsheets show as text. Numbers are never touched (a negative log ratio stays the
number ``-0.7``); only ``str`` cells are. A text cell that already begins with a quote
followed by one of these characters (or another quote) also gets one, so that
:func:`restore` gives back exactly the original text (the coding sheets are read back).

Limit: the quote is visible to tools that read the CSV as data (pandas, R); they see
``'=…`` — call :func:`restore` (or strip one leading quote from such cells) to undo it.
"""

from __future__ import annotations

from typing import Any

#: a cell starting with one of these is a formula (or becomes one) in a spreadsheet
FORMULA_START: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_NEXT: tuple[str, ...] = (*FORMULA_START, "'")


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_START) or (value[0] == "'" and value[1:2] in _ESCAPED_NEXT):
        return "'" + value
    return value


def restore(value: str) -> str:
    """Undo :func:`neutralise` on a cell read back from a CSV."""
    if len(value) > 1 and value[0] == "'" and value[1] in _ESCAPED_NEXT:
        return value[1:]
    return value


def neutralise_frame(df: Any) -> Any:
    """A copy of the DataFrame ``df`` whose text cells are neutralised (numbers untouched).

    Only object and string columns are visited; a numeric column keeps its dtype.
    """
    from pandas.api.types import is_object_dtype, is_string_dtype

    out = df.copy()
    for i in range(out.shape[1]):  # by position: column names may repeat
        column = out.iloc[:, i]
        if is_object_dtype(column.dtype) or is_string_dtype(column.dtype):
            out.iloc[:, i] = column.map(neutralise)
    return out
