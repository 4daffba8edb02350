"""Statistics behind the comparisons: keyness (G², corrected p-values, log ratio) and Wilson intervals.

Why maintained packages: a number a researcher cites must come from a method a reviewer
knows. G² is the log-likelihood ratio statistic of a 2×2 contingency table (Dunning 1993;
Rayson & Garside 2000), its p-value the upper tail of χ² with one degree of freedom
(``scipy.stats.chi2``); the p-values of all term × group tests of one keyness table are
corrected together with ``statsmodels.stats.multitest.multipletests`` (Benjamini–Hochberg by
default: controls the false discovery rate among the terms called key). Shares get a 95 %
Wilson score interval (``statsmodels.stats.proportion.proportion_confint``), which stays inside
[0, 1] and is usable for small *n*, unlike the normal approximation.

Limits: G² assumes independent tokens; words cluster within articles, so p-values are
optimistic for terms repeated inside few articles (the ``min_count`` threshold and the
correction reduce, but do not remove, this). Terms are tested one group against all other
groups together, so a term can be key for several groups only if they differ from the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from medialens.analysis.parameters import ParameterError

#: columns of a keyness table (a contract: the keyness CSV has exactly these)
KEYNESS_COLUMNS: tuple[str, ...] = ("term", "group", "n", "n_rest", "g2", "p_value", "log_ratio")
#: ``multipletests`` methods accepted for ``correction``
CORRECTIONS: tuple[str, ...] = ("fdr_bh", "holm", "bonferroni")
#: minimum articles of a group (outlet, period) before its shares and rates are ranked
MIN_ARTICLES_DEFAULT = 20


def g2_table(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """G² of the 2×2 tables [[a, b], [c − a, d − b]] (vectorised).

    ``a``/``b``: the term's count in the group / in the rest; ``c``/``d``: all words of the
    group / of the rest. Equal to ``scipy.stats.chi2_contingency(table, correction=False,
    lambda_="log-likelihood")[0]`` (tested), but computed for thousands of tables at once.
    Cells with an observed count of 0 contribute 0 (the limit of O·ln(O/E)).
    """
    a, b, c, d = (np.asarray(v, dtype=float) for v in (a, b, c, d))
    observed = np.stack([a, b, c - a, d - b])
    n = c + d
    term = a + b
    expected = np.stack([c * term / n, d * term / n, c * (n - term) / n, d * (n - term) / n])
    with np.errstate(divide="ignore", invalid="ignore"):
        parts = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    return 2.0 * parts.sum(axis=0)


def log_ratio(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Binary log of the ratio of relative frequencies, group over rest (Hardie 2014).

    Why this smoothing: a zero count makes the plain ratio infinite, and adding 0.5 to both
    counts (the usual fix) can flip the sign when the corpora differ much in size (1 of
    1,000 words against 0 of 10 words). Here both relative frequencies get the same
    pseudo-frequency 0.5/N (half an occurrence over all N words), which keeps the order of
    the two frequencies, so the sign always agrees with the direction (positive: more
    frequent in the group). Limit: for counts below ~5 the value is pulled towards 0.
    """
    a, b, c, d = (np.asarray(v, dtype=float) for v in (a, b, c, d))
    eps = 0.5 / (c + d)
    return np.log2((a / c + eps) / (b / d + eps))


def keyness(
    counts: pd.DataFrame,
    *,
    min_count: int = 3,
    alpha: float = 0.05,
    correction: str = "fdr_bh",
    top_n: int | None = 10,
    exclude_groups: Sequence[str] = (),
) -> pd.DataFrame:
    """Key terms of each group against all other groups together (one vs rest).

    ``counts`` has columns group, term, n, group_words (see
    :func:`medialens.analysis.term_counts`). Every term with at least ``min_count``
    occurrences over all groups is tested in every group (also where it is absent: absence
    can be significant, and the correction must count every test); p-values are corrected
    for all these tests together with ``correction``. A term is *key* for a group when its
    corrected p-value is below ``alpha`` and it is relatively more frequent there
    (log_ratio > 0). Returns only key terms, the ``top_n`` per group by G² (``None``: all),
    with columns :data:`KEYNESS_COLUMNS`; ``p_value`` is the corrected one.
    ``exclude_groups`` (e.g. outlets below ``min_articles``) still count as "rest" but get
    no key terms of their own. Fewer than two groups: an empty table (nothing to compare).
    """
    from scipy.stats import chi2
    from statsmodels.stats.multitest import multipletests

    if correction not in CORRECTIONS:
        raise ParameterError(
            f"correction={correction!r} is not valid; valid values: {', '.join(CORRECTIONS)}"
        )
    if not 0 < alpha < 1:
        raise ParameterError(f"alpha must be between 0 and 1, got {alpha!r}")
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise ParameterError(f"min_count must be a positive integer, got {min_count!r}")
    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _DTYPES.items()})
    if counts.empty:
        return empty
    data = counts.assign(group=counts["group"].astype(str))
    sizes = data.groupby("group")["group_words"].first().astype(float)
    sizes = sizes[sizes > 0]
    if len(sizes) < 2:
        return empty
    totals = data.groupby("term")["n"].sum()
    terms = totals[totals >= min_count].index
    if len(terms) == 0:
        return empty
    # full grid: every kept term in every group (a missing cell is a count of 0)
    grid = (
        data[data["term"].isin(terms)]
        .pivot_table(index="term", columns="group", values="n", aggfunc="sum", fill_value=0)
        .reindex(columns=sizes.index, fill_value=0)
    )
    long = grid.stack().rename("n").reset_index()
    long["total"] = long["term"].map(totals).astype(float)
    c = long["group"].map(sizes).to_numpy()
    d = float(sizes.sum()) - c
    a = long["n"].to_numpy(dtype=float)
    b = long["total"].to_numpy() - a
    g2 = g2_table(a, b, c, d)
    p_raw = chi2.sf(g2, 1)
    p_adj = multipletests(p_raw, alpha=alpha, method=correction)[1]
    out = pd.DataFrame(
        {
            "term": long["term"].astype(str),
            "group": long["group"].astype(str),
            "n": a.astype("int64"),
            "n_rest": b.astype("int64"),
            "g2": np.round(g2, 3),
            "p_value": p_adj,
            "log_ratio": np.round(log_ratio(a, b, c, d), 3),
        }
    )
    out = out[(out["p_value"] < alpha) & (out["log_ratio"] > 0)]
    out = out[~out["group"].isin([str(g) for g in exclude_groups])]
    out = out.sort_values(["group", "g2", "term"], ascending=[True, False, True])
    if top_n is not None:
        out = out.groupby("group", sort=True).head(top_n)
    return out.reset_index(drop=True)[list(KEYNESS_COLUMNS)]


_DTYPES = {
    "term": "object",
    "group": "object",
    "n": "int64",
    "n_rest": "int64",
    "g2": "float64",
    "p_value": "float64",
    "log_ratio": "float64",
}


def wilson(
    count: Sequence[float] | pd.Series, nobs: Sequence[float] | pd.Series, *, alpha: float = 0.05
):
    """95 % (``1 − alpha``) Wilson score interval of count/nobs: ``(low, high)`` arrays.

    ``nobs`` 0 gives NaN (no interval without observations).
    """
    from statsmodels.stats.proportion import proportion_confint

    count = np.asarray(count, dtype=float)
    nobs = np.asarray(nobs, dtype=float)
    low = np.full(count.shape, np.nan)
    high = np.full(count.shape, np.nan)
    ok = nobs > 0
    if ok.any():
        lo, hi = proportion_confint(count[ok], nobs[ok], alpha=alpha, method="wilson")
        low[ok], high[ok] = lo, hi
    return low, high


def with_interval(df: pd.DataFrame, *, count: str, nobs: str, digits: int = 4) -> pd.DataFrame:
    """``df`` plus ``ci_low``/``ci_high``: the 95 % Wilson interval of ``count``/``nobs``."""
    low, high = wilson(df[count], df[nobs]) if len(df) else (np.array([]), np.array([]))
    return df.assign(ci_low=np.round(low, digits), ci_high=np.round(high, digits))
