"""CSV injection (issue #17): text cells a spreadsheet would run as formulas are neutralised
in every CSV medialens writes; numbers stay numbers; coding sheets read back unchanged."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from medialens.formulas import neutralise, neutralise_frame, restore


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x","klick")', '\'=HYPERLINK("http://x","klick")'),
        ("+49 30 1234", "'+49 30 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("'=1+1", "''=1+1"),  # already quoted by someone: one more, so restore is exact
        ("''", "'''"),
        # negative cases: left as they are
        ("Merz sagte, man werde handeln.", "Merz sagte, man werde handeln."),
        ("a=b", "a=b"),
        ("'Brandmauer'", "'Brandmauer'"),
        ("'", "'"),
        ("", ""),
        (-0.73, -0.73),
        (-5, -5),
        (None, None),
    ],
)
def test_neutralise_and_restore(value, expected):
    assert neutralise(value) == expected
    if isinstance(value, str):
        assert restore(neutralise(value)) == value


def test_restore_leaves_other_text():
    assert restore("'Brandmauer'") == "'Brandmauer'" and restore("'") == "'" and restore("") == ""


def test_frame_neutralises_text_cells_and_keeps_numbers():
    df = pd.DataFrame(
        {
            "term": ["=cmd|' /C calc'!A0", "Asyl", None],
            "log_ratio": [-1.25, 0.5, -3.0],
            "n": [-1, 2, 3],
        }
    )
    out = neutralise_frame(df)
    assert list(out["term"][:2]) == ["'=cmd|' /C calc'!A0", "Asyl"] and out["term"].isna()[2]
    assert out["log_ratio"].dtype == df["log_ratio"].dtype and out["n"].dtype == df["n"].dtype
    back = pd.read_csv(io.StringIO(out.to_csv(index=False)))
    assert list(back["log_ratio"]) == [-1.25, 0.5, -3.0] and list(back["n"]) == [-1, 2, 3]
    assert df["term"].iloc[0].startswith("=")  # the caller's frame is not changed
