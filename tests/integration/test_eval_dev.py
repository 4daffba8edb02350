"""Accuracy of quotation attribution on the Wikinews dev split (skipped without ../shared).

Runs the default pipeline (the same code as ``medialens annotate``) on
``../shared/data/wikinews-quotes/dev.jsonl``, scores it with ``../shared/eval/score_quotes.py``
and asserts the figures required by the attribution issue. Prints the figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from conftest import SHARED, shared_path

#: required on the dev split (issue "Attribution engine")
REQUIRED = {
    "quote_f1": 0.75,
    "speaker_f1": 0.65,
    "cue_f1": 0.70,
    "direct_recall": 0.90,
    "kind_accuracy": 0.85,
}


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    gold = shared_path("wikinews-quotes", "dev.jsonl")
    scorer = SHARED / "eval" / "score_quotes.py"
    if not scorer.is_file():
        pytest.skip(f"{scorer} not available")
    from medialens.nlp import annotate_texts, build_nlp

    nlp = build_nlp()
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    out = tmp_path_factory.mktemp("eval") / "dev.out.jsonl"
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for _rec, _doc, result in annotate_texts(
            nlp, ({"id": r["id"], "text": r["text"]} for r in records)
        ):
            fh.write(json.dumps(result, ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - t0
    res = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(out), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(res.stdout)
    got = {
        "quote_f1": result["quote"]["f1"],
        "speaker_f1": result["speaker"]["f1"],
        "cue_f1": result["cue"]["f1"],
        "direct_recall": result["recall_by_type"].get("Direct", 0.0),
        "kind_accuracy": result["kind_accuracy"],
        "seconds": round(seconds, 2),
        "documents": len(records),
    }
    print("\ndev figures:", json.dumps(got))
    return got


#: Required figures not reached yet (see docs/attribution.md). Strict: the test fails as soon
#: as a figure reaches its requirement, so this list must then shrink.
NOT_YET_REACHED: dict[str, str] = {}

#: Floors below today's figures: a change that loses accuracy fails here.
FLOORS = {
    "quote_f1": 0.820,
    "speaker_f1": 0.744,
    "cue_f1": 0.825,
    "direct_recall": 0.935,
    "kind_accuracy": 0.98,
}


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=NOT_YET_REACHED[n]))
        if n in NOT_YET_REACHED
        else n
        for n in sorted(REQUIRED)
    ],
)
def test_dev_figure_reaches_requirement(figures, name):
    assert figures[name] >= REQUIRED[name], f"{name} {figures[name]:.3f} < {REQUIRED[name]}"


#: targets of issue #13 (Attribution II) on the dev split
TARGETS_ATTRIBUTION_II = {
    "quote_f1": 0.80,
    "speaker_f1": 0.75,
    "cue_f1": 0.80,
    "direct_recall": 0.93,
    "kind_accuracy": 0.90,
}
#: issue #13 targets not reached yet (strict: the xfail fails once the figure is reached)
NOT_YET_ATTRIBUTION_II: dict[str, str] = {
    "speaker_f1": "issue #13: dev speaker F1 0.748 (P 0.787 / R 0.713) < 0.75; most lost "
    "speakers belong to quotations never found (Reported recall 0.385)",
}


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=NOT_YET_ATTRIBUTION_II[n]))
        if n in NOT_YET_ATTRIBUTION_II
        else n
        for n in sorted(TARGETS_ATTRIBUTION_II)
    ],
)
def test_dev_figure_reaches_attribution_ii_target(figures, name):
    target = TARGETS_ATTRIBUTION_II[name]
    assert figures[name] >= target, f"{name} {figures[name]:.3f} < {target}"


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_dev_figure_does_not_regress(figures, name):
    assert figures[name] >= FLOORS[name], f"{name} {figures[name]:.3f} < floor {FLOORS[name]}"


@pytest.mark.shared
@pytest.mark.slow
def test_dev_annotation_takes_seconds(figures):
    assert figures["seconds"] < 30, figures["seconds"]
