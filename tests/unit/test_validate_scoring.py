"""Scoring: Wilson intervals, design-weighted precision, several coders, recall, JSON keys."""

from __future__ import annotations

from pathlib import Path

import krippendorff
import numpy as np
import pytest
from statsmodels.stats.proportion import proportion_confint

from medialens.validate.columns import SheetError, sheet_columns
from medialens.validate.scoring import json_summary, score_sheets, wilson
from medialens.validate.sheets import check_sheet

COLS = sheet_columns("mentions")


def _sheet(tmp_path: Path, name: str, rows: list[dict], params: dict | None, kind="items"):
    path = tmp_path / name
    path.write_text("placeholder", encoding="utf-8")  # score records hash the file
    records = [(i, [str(r.get(c, "") or "") for c in COLS]) for i, r in enumerate(rows, 2)]
    return check_sheet(path, COLS, records, params)


def _params(table: list[tuple[str, int, int]], allocation="equal") -> dict:
    return {
        "sheet": "items",
        "what": "mentions",
        "snapshot": "s1",
        "codebook_hash": "h1",
        "strata": ["outlet"],
        "seed": 1,
        "n": None,
        "per_stratum": 2,
        "allocation": allocation,
        "population": sum(p for _, p, _ in table),
        "sampled": sum(s for _, _, s in table),
        "strata_table": [
            {"values": {"outlet": o}, "population": p, "sampled": s, "weight": p / s}
            for o, p, s in table
        ],
    }


def _item(i: int, outlet: str, correct: str, coder: str = "") -> dict:
    return {
        "item_id": f"a{i}:0-5",
        "what": "mentions",
        "article_id": f"a{i}",
        "outlet": outlet,
        "correct": correct,
        "coder": coder,
    }


@pytest.mark.parametrize(("count", "nobs"), [(45, 50), (0, 10), (10, 10), (1, 3)])
def test_wilson_is_statsmodels(count, nobs):
    assert wilson(count, nobs) == pytest.approx(
        proportion_confint(count, nobs, alpha=0.05, method="wilson")
    )
    assert wilson(0, 0) == (None, None)


def test_design_weights_make_the_overall_precision(tmp_path):
    # taz: 900 items, 10 coded, 9 correct; bild: 100 items, 10 coded, 5 correct
    rows = [_item(i, "taz", "yes" if i < 9 else "no") for i in range(10)]
    rows += [_item(100 + i, "bild", "yes" if i < 5 else "no") for i in range(10)]
    params = _params([("bild", 100, 10), ("taz", 900, 10)])
    (record,) = score_sheets([_sheet(tmp_path, "s.csv", rows, params)])
    e = record["columns"]["correct"]
    assert e["precision"] == pytest.approx(0.9 * 0.9 + 0.1 * 0.5, abs=1e-4)  # not 14/20
    assert e["weighted"] and e["n"] == 20 and e["n_yes"] == 14
    # Kish effective n with weights 90 (x10) and 10 (x10): 1000^2 / 82000
    assert e["n_effective"] == pytest.approx(1000**2 / (10 * 90**2 + 10 * 10**2), abs=1e-3)
    low, high = wilson(0.86 * e["n_effective"], e["n_effective"])
    assert (e["ci_low"], e["ci_high"]) == pytest.approx((low, high), abs=1e-4)
    by = {s["label"]: s for s in e["strata"]}
    assert by["taz"]["precision"] == 0.9 and by["bild"]["n"] == 10
    assert by["bild"]["ci_low"] == pytest.approx(wilson(5, 10)[0], abs=1e-4)


def test_proportional_sample_is_plain_wilson(tmp_path):
    rows = [_item(i, "taz" if i % 2 else "bild", "yes" if i % 3 else "no") for i in range(30)]
    params = _params([("bild", 150, 15), ("taz", 150, 15)], allocation="proportional")
    (record,) = score_sheets([_sheet(tmp_path, "s.csv", rows, params)])
    e = record["columns"]["correct"]
    yes = sum(1 for i in range(30) if i % 3)
    assert e["precision"] == pytest.approx(yes / 30, abs=1e-4)
    assert (e["ci_low"], e["ci_high"]) == pytest.approx(wilson(yes, 30), abs=1e-4)


def test_unsure_and_blank_are_left_out_and_counted(tmp_path):
    rows = [
        _item(0, "taz", "yes"),
        _item(1, "taz", "unsure"),
        _item(2, "taz", ""),
        _item(3, "taz", "no"),
    ]
    (record,) = score_sheets([_sheet(tmp_path, "s.csv", rows, None)])
    e = record["columns"]["correct"]
    assert (e["precision"], e["n"], e["n_unsure"]) == (0.5, 2, 1)
    assert "no sampling parameters" in record["warnings"][0]


def test_two_coders_agreement_alpha_and_majority(tmp_path):
    codes_a = ["yes", "yes", "no", "yes", "no", "yes"]
    codes_b = ["yes", "no", "no", "yes", "no", "unsure"]
    params = _params([("taz", 60, 6)])
    a = _sheet(
        tmp_path, "anna.csv", [_item(i, "taz", c, "anna") for i, c in enumerate(codes_a)], params
    )
    b = _sheet(
        tmp_path, "ben.csv", [_item(i, "taz", c, "ben") for i, c in enumerate(codes_b)], params
    )
    (record,) = score_sheets([a, b])
    e = record["columns"]["correct"]
    assert record["coders"] == ["anna", "ben"]
    # item 1 disputed (yes/no); item 5 only anna's yes counts
    assert (e["n"], e["n_yes"], e["n_disputed"]) == (5, 3, 1)
    ag = e["agreement"]
    assert ag["n_items"] == 5 and ag["agreement"] == pytest.approx(4 / 5)
    data = np.array([[1, 1, 0, 1, 0], [1, 0, 0, 1, 0]], dtype=float)
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert ag["alpha"] == pytest.approx(expected, abs=1e-4)


def test_alpha_undefined_when_every_code_is_the_same(tmp_path):
    params = _params([("taz", 60, 2)])
    a = _sheet(tmp_path, "a.csv", [_item(i, "taz", "yes", "a") for i in range(2)], params)
    b = _sheet(tmp_path, "b.csv", [_item(i, "taz", "yes", "b") for i in range(2)], params)
    ag = score_sheets([a, b])[0]["columns"]["correct"]["agreement"]
    assert ag["agreement"] == 1.0 and ag["alpha"] is None


def test_sheets_of_different_samples_are_refused(tmp_path):
    a = _sheet(tmp_path, "a.csv", [_item(0, "taz", "yes")], _params([("taz", 60, 2)]))
    other = _params([("taz", 60, 2)]) | {"seed": 2}
    b = _sheet(tmp_path, "b.csv", [_item(0, "taz", "yes")], other)
    with pytest.raises(
        SheetError, match=r"b.csv: not the same sample as .*a.csv \(differs in seed\)"
    ):
        score_sheets([a, b])


def test_an_edited_stratum_is_refused(tmp_path):
    rows = [_item(0, "taz", "yes"), _item(1, "tazz", "no")]
    with pytest.raises(
        SheetError, match=r"row 3: stratum 'tazz' \(outlet\) is not one of the sampled"
    ):
        score_sheets([_sheet(tmp_path, "s.csv", rows, _params([("taz", 60, 2)]))])


def test_recall_from_an_article_sheet(tmp_path):
    params = _params([("taz", 10, 2)]) | {"sheet": "articles"}
    rows = [
        {"item_id": "a1:article", "what": "article", "article_id": "a1", "item_text": "…"},
        _item(1, "taz", "yes") | {"article_id": "a1"},
        _item(2, "taz", "yes") | {"article_id": "a1"},
        _item(3, "taz", "no") | {"article_id": "a1"},
        {"item_id": "a1:missed:1", "what": "missed", "article_id": "a1", "item_text": "Merz"},
        {"item_id": "a1:missed:2", "what": "missed", "article_id": "a1", "item_text": ""},
        {"item_id": "a2:article", "what": "article", "article_id": "a2", "item_text": "…"},
        {"item_id": "", "what": "missed", "article_id": "a2", "item_text": "die SPD"},
    ]
    sheet = _sheet(tmp_path, "art.csv", rows, params, kind="articles")
    assert sheet.kind == "articles"
    (record,) = score_sheets([sheet])
    e = record["columns"]["correct"]
    assert e["recall"] == pytest.approx(2 / 4) and e["recall_n"] == 4
    assert e["recall_missed"] == 2 and e["recall_articles"] == 2
    assert (e["recall_ci_low"], e["recall_ci_high"]) == pytest.approx(wilson(2, 4), abs=1e-4)
    assert e["precision"] == pytest.approx(2 / 3, abs=1e-4)  # from the article sheet's items
    assert not e["weighted"] and [s["population"] for s in e["strata"]] == [None]
    assert json_summary([record]) == {
        "correct": {
            "precision": e["precision"],
            "ci_low": e["ci_low"],
            "ci_high": e["ci_high"],
            "n": 3,
            "recall": 0.5,
        }
    }


def test_json_keys_are_the_coded_columns(tmp_path):
    (record,) = score_sheets([_sheet(tmp_path, "s.csv", [_item(0, "taz", "yes")], None)])
    assert list(json_summary([record])) == ["correct"]
    assert set(json_summary([record])["correct"]) == {"precision", "ci_low", "ci_high", "n"}
    two = json_summary([record, dict(record, what="framing")])
    assert list(two) == ["mentions.correct", "framing.correct"]


def test_key_figures_say_not_validated_without_a_score() -> None:
    from medialens.validate import report as R

    assert R.key_figures({}, object()) == [
        ("Validated precision", "not validated for this snapshot and codebook", "")
    ]


def test_key_figures_give_precision_interval_and_n() -> None:
    from medialens.validate import report as R

    scores = {
        "quotes": {
            "columns": {
                "quote_correct": {
                    "precision": 0.83,
                    "ci_low": 0.772,
                    "ci_high": 0.876,
                    "n": 200,
                    "weighted": True,
                },
                "speaker_correct": {
                    "precision": None,
                    "ci_low": None,
                    "ci_high": None,
                    "n": 0,
                    "weighted": True,
                },
            },
            "coders": ["a"],
        }
    }
    assert R.key_figures(scores, object()) == [
        ("Precision, quotes · quote_correct", "0.83 (95 % CI 0.77–0.88)", "n = 200")
    ]
