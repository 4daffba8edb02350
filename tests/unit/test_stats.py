"""Statistics of the reports against hand-computed values and scipy/statsmodels results."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, chi2_contingency
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

from medialens import analysis as A
from medialens.analysis.stats import KEYNESS_COLUMNS
from medialens.store import StoreWriter


def hand_g2(a: float, b: float, c: float, d: float) -> float:
    """G² = 2 Σ O ln(O/E) over the four cells, written out cell by cell."""
    n = c + d
    cells = [
        (a, c * (a + b) / n),
        (b, d * (a + b) / n),
        (c - a, c * (n - a - b) / n),
        (d - b, d * (n - a - b) / n),
    ]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


@pytest.mark.parametrize(
    ("a", "b", "c", "d"),
    [
        (10, 5, 1000, 3000),
        (81, 0, 500, 100),  # absent in the rest
        (0, 7, 300, 400),  # absent in the group
        (1, 0, 1000, 10),
        (3, 3, 1000, 1000),  # no difference: G² = 0
    ],
)
def test_g2_matches_hand_computation_and_scipy(a, b, c, d):
    got = float(A.g2_table(np.array([a]), np.array([b]), np.array([c]), np.array([d]))[0])
    assert got == pytest.approx(hand_g2(a, b, c, d), abs=1e-9)
    table = np.array([[a, b], [c - a, d - b]])
    if a + b > 0:
        want = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
        assert got == pytest.approx(want, abs=1e-9)


def test_g2_known_value():
    # 10 of 1,000 words against 5 of 3,000; N = 4,000, expected 3.75 / 11.25 / 996.25 /
    # 2,988.75: 2·(9.8083 − 4.0547 − 6.2304 + 6.2565) = 11.5596 (computed by hand)
    assert hand_g2(10, 5, 1000, 3000) == pytest.approx(11.5596, abs=1e-3)
    got = A.g2_table(np.array([10]), np.array([5]), np.array([1000]), np.array([3000]))[0]
    assert got == pytest.approx(11.5596, abs=1e-3)


@pytest.mark.parametrize(
    ("a", "b", "c", "d", "sign"),
    [
        (10, 5, 1000, 3000, 1),
        (2, 30, 1000, 3000, -1),
        (1, 0, 1000, 10, 1),  # +0.5 smoothing would give a negative ratio here
        (0, 1, 10, 1000, -1),
        (81, 0, 500, 100, 1),
        (5, 15, 1000, 3000, 0),
    ],
)
def test_log_ratio_sign_agrees_with_direction(a, b, c, d, sign):
    got = float(A.log_ratio(a, b, c, d))
    assert np.sign(round(got, 9)) == sign
    if a and b:
        # without zeros it is close to the plain log2 ratio of relative frequencies
        assert got == pytest.approx(math.log2((a / c) / (b / d)), abs=0.1)


def _counts(rows):
    return pd.DataFrame(rows, columns=["group", "term", "n", "group_words"])


def test_keyness_columns_p_values_and_direction():
    counts = _counts(
        [
            ("x", "krieg", 40, 10_000),
            ("y", "krieg", 5, 10_000),
            ("x", "frieden", 10, 10_000),
            ("y", "frieden", 10, 10_000),
            ("y", "hilfe", 30, 10_000),
            ("z", "hilfe", 2, 10_000),
            ("z", "krieg", 4, 10_000),
        ]
    )
    got = A.keyness(counts, min_count=3, top_n=None)
    assert tuple(got.columns) == KEYNESS_COLUMNS
    # every term × group is tested (9 tests), corrected together with Benjamini–Hochberg
    totals = {"krieg": 49, "frieden": 20, "hilfe": 32}
    raw = []
    for term, total in totals.items():
        for g in ("x", "y", "z"):
            n = int(counts[(counts.group == g) & (counts.term == term)]["n"].sum())
            raw.append(((term, g), chi2.sf(hand_g2(n, total - n, 10_000, 20_000), 1)))
    adjusted = dict(
        zip(
            [k for k, _ in raw], multipletests([p for _, p in raw], method="fdr_bh")[1], strict=True
        )
    )
    keys = {(r.term, r.group) for r in got.itertuples()}
    assert keys == {("krieg", "x"), ("hilfe", "y")}
    for r in got.itertuples():
        assert r.p_value == pytest.approx(adjusted[(r.term, r.group)])
        assert r.g2 == pytest.approx(hand_g2(r.n, r.n_rest, 10_000, 20_000), abs=1e-3)
        assert r.n + r.n_rest == totals[r.term]
        assert r.log_ratio > 0 and r.p_value < 0.05


def test_term_below_critical_value_is_not_key():
    # 8 vs 3 in equal groups: G² = 2.35 < 3.84, not significant even before correction
    counts = _counts([("x", "wort", 8, 5000), ("y", "wort", 3, 5000)])
    assert hand_g2(8, 3, 5000, 5000) < 3.84
    assert A.keyness(counts, min_count=1).empty


def test_correction_removes_a_result_significant_only_uncorrected():
    # one term with raw p ≈ 0.03 among 40 null terms: not key after Benjamini–Hochberg
    rows = [("x", "stark", 14, 10_000), ("y", "stark", 4, 10_000)]
    for i in range(40):
        rows += [("x", f"t{i}", 10, 10_000), ("y", f"t{i}", 10, 10_000)]
    counts = _counts(rows)
    assert chi2.sf(hand_g2(14, 4, 10_000, 10_000), 1) < 0.05
    assert A.keyness(counts, min_count=1, correction="fdr_bh").empty
    assert not A.keyness(counts.head(2), min_count=1, correction="fdr_bh").empty


def test_minimum_frequency_and_under_use():
    counts = _counts(
        [
            ("x", "selten", 2, 1000),
            ("y", "selten", 0, 1000),
            ("x", "oft", 60, 1000),
            ("y", "oft", 5, 1000),
        ]
    )
    got = A.keyness(counts, min_count=3)
    assert "selten" not in set(got["term"])  # rarer than min_count: not tested
    # "oft" is key for x only; for y it is under-used (negative direction), never "key"
    assert got[["term", "group"]].values.tolist() == [["oft", "x"]]


def test_keyness_small_group_excluded_but_counted_as_rest():
    counts = _counts(
        [
            ("big", "wort", 200, 20_000),
            ("other", "wort", 10, 20_000),
            ("tiny", "wort", 30, 100),
        ]
    )
    both = A.keyness(counts, min_count=1)
    assert set(both["group"]) == {"big", "tiny"}
    got = A.keyness(counts, min_count=1, exclude_groups=["tiny"])
    assert set(got["group"]) == {"big"}
    assert got["n_rest"].tolist() == [40]  # tiny still belongs to the rest


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"correction": "sidak2"}, "valid values: fdr_bh, holm, bonferroni"),
        ({"alpha": 1.5}, "alpha must be between 0 and 1"),
        ({"min_count": 0}, "min_count must be a positive integer"),
    ],
)
def test_keyness_bad_parameters(kwargs, message):
    with pytest.raises(A.ParameterError, match=message):
        A.keyness(_counts([("x", "a", 1, 10)]), **kwargs)


def test_keyness_needs_two_groups():
    assert A.keyness(_counts([("x", "a", 10, 100)]), min_count=1).empty


@pytest.mark.parametrize(
    ("count", "nobs", "low", "high"),
    [
        (2, 2, 0.3424, 1.0),
        (0, 1, 0.0, 0.7935),
        (5, 10, 0.2366, 0.7634),
        (81, 100, 0.7222, 0.8749),
    ],
)
def test_wilson_interval_known_values(count, nobs, low, high):
    lo, hi = A.wilson([count], [nobs])
    assert (lo[0], hi[0]) == pytest.approx((low, high), abs=1e-4)
    want = proportion_confint(count, nobs, method="wilson")
    assert (lo[0], hi[0]) == pytest.approx(want)


def test_wilson_without_observations_is_nan():
    lo, hi = A.wilson([0], [0])
    assert math.isnan(lo[0]) and math.isnan(hi[0])


@pytest.fixture(scope="module")
def outlet_store(tmp_path_factory):
    """25 articles of 'gross' and one of 'einzeln' (a one-article outlet)."""
    path = tmp_path_factory.mktemp("outlets")
    articles = [
        {
            "article_id": f"g{i}",
            "outlet": "gross",
            "date": dt.date(2025, 1, 1 + i),
            "n_words": 100,
            "text": "Merz sagte etwas.",
            "title": f"G{i}",
        }
        for i in range(25)
    ] + [
        {
            "article_id": "e0",
            "outlet": "einzeln",
            "date": dt.date(2025, 1, 3),
            "n_words": 50,
            "text": "Merz sagte etwas.",
            "title": "E",
        }
    ]
    mentions = [
        {"article_id": a["article_id"], "actor": "merz", "type": "person", "start": 0, "end": 4}
        for a in articles
    ]
    quotes = [
        {"article_id": a["article_id"], "quote_id": 0, "start": 11, "end": 16, "kind": "indirect"}
        | {"actor": "merz", "cue_category": "neutral", "cue_lemma": "sagen"}
        for a in articles
        if a["article_id"] in ("e0", "g0", "g1")
    ]
    with StoreWriter(path) as w:
        w.write("articles", articles)
        w.write("mentions", mentions)
        w.write("quotes", quotes)
        w.commit()
    return path


def test_one_article_outlet_is_flagged_and_not_ranked(outlet_store):
    sel = A.select(processed_dir=outlet_store, codebook="/nonexistent.yaml")
    sizes = A.outlet_sizes(sel).set_index("outlet")
    assert sizes.loc["einzeln", "small"] and not sizes.loc["gross", "small"]
    assert A.small_outlets(sel) == ["einzeln"]
    by_outlet = A.mentioned_vs_quoted_by_outlet(sel).set_index("outlet")
    # the one-article outlet quotes merz in 1 of 1 articles (100 %), the big one in 2 of 25
    assert by_outlet.loc["einzeln", "quoted_share"] == 1.0
    assert by_outlet.loc["gross", ["articles_quoted", "articles"]].tolist() == [2, 25]
    assert bool(by_outlet.loc["einzeln", "small"])
    # ... but it is left out of "largest difference": only one outlet remains
    best = A.largest_outlet_difference(
        by_outlet.reset_index(),
        value="quoted_share",
        by="actor",
        count="articles_quoted",
        nobs="articles",
    )
    assert best is None
    sel0 = A.select(processed_dir=outlet_store, codebook="/nonexistent.yaml", min_articles=1)
    assert A.small_outlets(sel0) == []
    stance = A.stance_by_actor_outlet(sel).set_index("outlet")
    assert bool(stance.loc["einzeln", "small"]) and stance.loc["einzeln", "n"] == 1


@pytest.mark.parametrize(
    ("first", "last", "unit"),
    [
        ("2025-01-01", "2025-01-20", "day"),
        ("2025-01-01", "2025-06-30", "week"),
        ("2020-01-01", "2024-06-30", "month"),
        ("2010-01-01", "2021-12-31", "quarter"),
        ("2000-01-01", "2021-12-31", "year"),
        (None, None, "month"),
    ],
)
def test_choose_granularity(first, last, unit):
    f = dt.date.fromisoformat(first) if first else None
    t = dt.date.fromisoformat(last) if last else None
    assert A.choose_granularity(f, t) == unit
