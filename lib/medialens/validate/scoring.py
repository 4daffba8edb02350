"""Score coded sheets: precision with Wilson intervals per stratum and weighted overall,
recall from article sheets, agreement and Krippendorff's alpha between coders.

Definitions (docs/validation.md has the reasoning and a worked example):

* A coded cell counts when it is ``yes`` or ``no``; ``unsure`` and blank cells are left out
  (and counted). With several coders on an item, the item's value is the majority of their
  yes/no codes; a tie is *disputed* and left out of precision (it still enters agreement).
* Precision per stratum ``h``: ``p_h = yes_h / (yes_h + no_h)`` with a Wilson 95 % interval
  (statsmodels ``proportion_confint(method="wilson")``).
* Overall: every coded item weighs its design weight ``w_i = N_h / n_h`` (stratum size over
  items sampled from it): ``p = Σ w_i y_i / Σ w_i`` (the Hájek estimator; a column that
  applies to only some items, like the speaker, is weighted by the items it applies to). A
  stratum without coded items is assumed to be like the rest (``strata_uncoded``). The
  interval is Wilson's at ``p`` with Kish's effective sample size ``n_eff = (Σ w_i)² / Σ
  w_i²``: for a proportional (self-weighting) sample that is the plain Wilson interval;
  unequal weights widen it.
  No finite-population correction (conservative when a large share of a stratum is coded).
* Recall (article sheets): ``TP / (TP + missed)`` where ``TP`` are the machine's items coded
  ``yes`` in that column and ``missed`` the items the coders added as missed, over the
  sampled articles (Wilson interval; articles are clusters, so it is somewhat too narrow).
* Agreement: for items with yes/no codes from two or more coders, the share on which all
  agree, and Krippendorff's alpha (nominal; ``krippendorff`` package), ``unsure`` = missing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from medialens.validate.columns import (
    ARTICLE_ROW,
    CODED_COLUMNS,
    DERIVED_STRATA,
    MISSED_ROW,
    PRIMARY,
    RECALL_COLUMNS,
    SheetError,
)
from medialens.validate.sheets import Sheet

#: sampling parameters that must agree between sheets scored together
_SAME_SAMPLE = ("snapshot", "codebook_hash", "seed", "strata", "allocation", "n", "per_stratum")
NONE_LABEL = "(none)"


def wilson(count: float, nobs: float) -> tuple[float | None, float | None]:
    """Wilson 95 % interval of ``count / nobs`` (statsmodels); ``(None, None)`` when nobs = 0."""
    if nobs <= 0:
        return None, None
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(count, nobs, alpha=0.05, method="wilson")
    return float(low), float(high)


def interval_width_table(
    shares: Sequence[float] = (0.5, 0.7, 0.8, 0.9, 0.95),
    sizes: Sequence[int] = (25, 50, 100, 200, 400, 800),
) -> str:
    """A Markdown table: half-width and bounds of the Wilson 95 % interval for each observed
    share and number of coded items (how many items to code for a given precision)."""
    lines = [
        "| n | " + " | ".join(f"p = {p:.2f}" for p in shares) + " |",
        "|---|" + "---|" * len(shares),
    ]
    for n in sizes:
        cells = []
        for p in shares:
            low, high = wilson(round(p * n), n)
            assert low is not None and high is not None
            cells.append(f"±{(high - low) / 2:.3f} ({low:.2f}–{high:.2f})")
        lines.append(f"| {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _r(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(float(value), 4)


def stratum_of(row: dict[str, Any], strata: Sequence[str]) -> tuple[str, ...]:
    """The stratum key of a sheet row (same rule as the sampler: '' for a missing value)."""
    out = []
    for name in strata:
        if name in DERIVED_STRATA:
            date = str(row.get("date") or "")
            out.append(date[:4] if name == "year" else date[:7])
        else:
            value = row.get(name)
            out.append("" if value in (None, NONE_LABEL) else str(value))
    return tuple(out)


def stratum_label(values: Sequence[str]) -> str:
    return " / ".join(v or NONE_LABEL for v in values) or "all"


def _coder_of(sheet: Sheet) -> str:
    """The coder of rows whose ``coder`` cell is blank: the sheet's only named coder, or the
    file name (two unnamed sheets are two coders)."""
    names = {r["coder"] for r in sheet.rows if r.get("coder")}
    return next(iter(names)) if len(names) == 1 else sheet.path.name


def _check_same_sample(sheets: Sequence[Sheet]) -> dict[str, Any] | None:
    with_params = [s for s in sheets if s.params]
    if not with_params:
        return None
    first = with_params[0]
    for other in with_params[1:]:
        diff = [k for k in _SAME_SAMPLE if first.params.get(k) != other.params.get(k)]
        if diff:
            raise SheetError(
                [
                    f"{other.path}: not the same sample as {first.path} (differs in "
                    f"{', '.join(diff)}); score different samples separately"
                ]
            )
    return first.params


class _Codes:
    """Per item and column, each coder's yes/no/unsure (the last one when repeated)."""

    def __init__(self) -> None:
        self.values: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
        self.rows: dict[str, dict[str, Any]] = {}
        self.sources: dict[str, str] = {}
        self.coders: set[str] = set()
        self.warnings: list[str] = []

    def add(self, sheet: Sheet, row: dict[str, Any], columns: Sequence[str]) -> None:
        item = row["item_id"]
        coder = row.get("coder") or _coder_of(sheet)
        self.coders.add(coder)
        self.rows.setdefault(item, row)
        self.sources.setdefault(item, f"{sheet.path}: row {row['_row']}")
        for col in columns:
            value = row.get(col) or ""
            if not value:
                continue
            previous = self.values[col][item].get(coder)
            if previous is not None and previous != value:
                self.warnings.append(
                    f"{sheet.path}: row {row['_row']}: {coder!r} coded {col} of {item} twice "
                    f"({previous}, then {value}); the last one counts"
                )
            self.values[col][item][coder] = value

    def resolved(self, col: str) -> tuple[dict[str, bool], Counter]:
        """``{item: True/False}`` by majority of yes/no codes, and counts of what was left out."""
        out: dict[str, bool] = {}
        left = Counter()
        for item, by_coder in self.values[col].items():
            yes = sum(v == "yes" for v in by_coder.values())
            no = sum(v == "no" for v in by_coder.values())
            if yes == no:
                left["disputed" if yes else "unsure"] += 1
            else:
                out[item] = yes > no
        return out, left


def _precision(
    codes: _Codes,
    col: str,
    params: dict[str, Any] | None,
    *,
    weighted: bool,
) -> dict[str, Any]:
    resolved, left = codes.resolved(col)
    strata = list((params or {}).get("strata") or []) if weighted else []
    entries = ((params or {}).get("strata_table") or []) if weighted else []
    table = {tuple(e["values"].get(s, "") for s in strata): e for e in entries}
    by_stratum: dict[tuple[str, ...], list[bool]] = defaultdict(list)
    problems = []
    for item, ok in resolved.items():
        key = stratum_of(codes.rows[item], strata)
        if strata and key not in table:
            problems.append(
                f"{codes.sources[item]}: stratum {stratum_label(key)!r} ({', '.join(strata)}) "
                "is not one of the sampled strata: were these columns edited?"
            )
        by_stratum[key].append(ok)
    if problems:
        raise SheetError(problems)
    rows = []
    for key in sorted(set(by_stratum) | set(table)):
        values = by_stratum.get(key, [])
        entry = table.get(key, {})
        n, yes = len(values), sum(values)
        low, high = wilson(yes, n)
        rows.append(
            {
                "values": dict(zip(strata, key, strict=True)),
                "label": stratum_label(key),
                "population": entry.get("population"),
                "sampled": entry.get("sampled"),
                "design_weight": entry.get("weight"),
                "precision": _r(yes / n) if n else None,
                "ci_low": _r(low),
                "ci_high": _r(high),
                "n": n,
                "n_yes": yes,
            }
        )
    n_total = sum(len(v) for v in by_stratum.values())
    yes_total = sum(sum(v) for v in by_stratum.values())
    use_weights = bool(strata) and all(r["design_weight"] for r in rows if r["n"])
    if use_weights and n_total:
        coded = [r for r in rows if r["n"]]
        # Hájek estimator: items weighted by their design weight N_h / n_h
        weights = [r["design_weight"] for r in coded for _ in range(r["n"])]
        p = sum(r["design_weight"] * r["n_yes"] for r in coded) / sum(weights)
        n_eff = sum(weights) ** 2 / sum(w * w for w in weights)
        low, high = wilson(p * n_eff, n_eff)
    else:
        p = yes_total / n_total if n_total else None
        n_eff = float(n_total)
        low, high = wilson(yes_total, n_total)
    return {
        "precision": _r(p),
        "ci_low": _r(low),
        "ci_high": _r(high),
        "n": n_total,
        "n_yes": yes_total,
        "n_no": n_total - yes_total,
        "n_unsure": left["unsure"],
        "n_disputed": left["disputed"],
        "weighted": use_weights,
        "n_effective": _r(n_eff),
        "strata_uncoded": sum(1 for r in rows if not r["n"]),
        "strata": rows,
    }


def _agreement(codes: _Codes, col: str) -> dict[str, Any]:
    """Percent agreement and Krippendorff's alpha over items with ≥ 2 yes/no codes."""
    coders = sorted(codes.coders)
    items = [
        item
        for item, by_coder in codes.values[col].items()
        if sum(v in ("yes", "no") for v in by_coder.values()) >= 2
    ]
    out: dict[str, Any] = {"n_items": len(items), "coders": len(coders)}
    if not items:
        return out | {"agreement": None, "alpha": None}
    same = 0
    for item in items:
        values = {v for v in codes.values[col][item].values() if v in ("yes", "no")}
        same += len(values) == 1
    import numpy as np

    data = np.full((len(coders), len(items)), np.nan)
    for j, item in enumerate(items):
        for i, coder in enumerate(coders):
            value = codes.values[col][item].get(coder)
            if value in ("yes", "no"):
                data[i, j] = 1.0 if value == "yes" else 0.0
    alpha: float | None
    try:
        import krippendorff

        alpha = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    except ValueError:  # every code the same value: alpha is undefined
        alpha = None
    return out | {"agreement": _r(same / len(items)), "alpha": _r(alpha)}


def _recall(sheets: Sequence[Sheet], what: str) -> dict[str, dict[str, Any]]:
    codes = _Codes()
    missed = 0
    owner: dict[str, str] = {}  # article -> the sheet whose missed rows count
    articles: set[str] = set()
    for sheet in sheets:
        for row in sheet.rows:
            aid = row["article_id"]
            if row["what"] == ARTICLE_ROW:
                articles.add(aid)
                owner.setdefault(aid, str(sheet.path))
            elif row["what"] == MISSED_ROW:
                if row["item_text"] and owner.setdefault(aid, str(sheet.path)) == str(sheet.path):
                    missed += 1
            else:
                codes.add(sheet, row, CODED_COLUMNS[what])
    found, _ = codes.resolved(PRIMARY[what])
    true_found = sum(found.values())
    total = true_found + missed
    out = {}
    for col in RECALL_COLUMNS[what]:
        resolved, _ = codes.resolved(col)
        tp = sum(resolved.values())
        low, high = wilson(tp, total)
        out[col] = {
            "recall": _r(tp / total) if total else None,
            "recall_ci_low": _r(low),
            "recall_ci_high": _r(high),
            "recall_n": total,
            "recall_found": tp,
            "recall_missed": missed,
            "recall_articles": len(articles),
        }
    return out


def score_what(sheets: Sequence[Sheet]) -> dict[str, Any]:
    """The full score record for sheets of one kind of item (item and/or article sheets)."""
    what = sheets[0].what
    items = [s for s in sheets if s.kind == "items"]
    article_sheets = [s for s in sheets if s.kind == "articles"]
    params = _check_same_sample(items) if items else None
    article_params = _check_same_sample(article_sheets) if article_sheets else None
    codes = _Codes()
    source = items or article_sheets
    for sheet in source:
        for row in sheet.rows:
            if row["what"] == what:
                codes.add(sheet, row, CODED_COLUMNS[what])
    warnings = list(codes.warnings)
    if items and params is None:
        warnings.append(
            "no sampling parameters found (a CSV without its .sampling.json?): "
            "precision is unweighted and not broken down by stratum"
        )
    if not items:
        warnings.append(
            "precision from article sheets only (a cluster sample of articles, unweighted)"
        )
    columns: dict[str, Any] = {}
    recall = _recall(article_sheets, what) if article_sheets else {}
    for col in CODED_COLUMNS[what]:
        entry = _precision(codes, col, params, weighted=bool(items))
        entry["agreement"] = _agreement(codes, col)
        entry.update(recall.get(col, {}))
        columns[col] = entry
    ident = params or article_params or {}
    from medialens import __version__

    return {
        "what": what,
        "snapshot": ident.get("snapshot"),
        "codebook_hash": ident.get("codebook_hash"),
        "processed_dir": ident.get("processed_dir"),
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "medialens_version": __version__,
        "coders": sorted(codes.coders),
        "sheets": [
            {
                "path": str(s.path),
                "sha256": hashlib.sha256(s.path.read_bytes()).hexdigest(),
                "kind": s.kind,
                "rows": len(s.rows),
            }
            for s in sheets
        ],
        "sampling": {k: v for k, v in (params or article_params or {}).items()},
        "columns": columns,
        "warnings": warnings,
    }


def score_sheets(sheets: Sequence[Sheet]) -> list[dict[str, Any]]:
    """One record per kind of item among ``sheets`` (in the order first seen)."""
    by_what: dict[str, list[Sheet]] = {}
    for sheet in sheets:
        by_what.setdefault(sheet.what, []).append(sheet)
    return [score_what(group) for group in by_what.values()]


def json_summary(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The ``--json`` object: coded column → ``{precision, ci_low, ci_high, n}`` (+ ``recall``).

    Keys are the coded column names; when sheets of several kinds of item are scored at once
    they are ``<what>.<column>`` (``mentions.correct``) so that none overwrites another.
    """
    prefix = len(records) > 1
    out: dict[str, Any] = {}
    for rec in records:
        for col, entry in rec["columns"].items():
            item = {k: entry[k] for k in ("precision", "ci_low", "ci_high", "n")}
            if "recall" in entry:
                item["recall"] = entry["recall"]
            out[f"{rec['what']}.{col}" if prefix else col] = item
    return out


def describe(record: dict[str, Any]) -> list[str]:
    """Human-readable lines for one score record (what ``validate score`` prints)."""

    def pct(v: float | None) -> str:
        return "   –  " if v is None else f"{v:6.3f}"

    def ci(lo: float | None, hi: float | None) -> str:
        return "" if lo is None else f"[{lo:.3f}, {hi:.3f}]"

    s = record.get("sampling") or {}
    lines = [
        f"{record['what']}: {s.get('sampled', '?')} sampled of {s.get('population', '?')} "
        f"(snapshot {record.get('snapshot') or '?'}, codebook {str(record.get('codebook_hash') or '?')[:12]}, "
        f"{s.get('allocation', 'unknown')} allocation, strata: {', '.join(s.get('strata') or []) or 'none'}); "
        f"coders: {', '.join(record['coders']) or 'none'}",
        f"  {'column':16} {'precision':>9}  {'95% CI':16} {'n':>5}   {'recall':>6}  {'95% CI':16} {'n':>5}",
    ]
    for col, e in record["columns"].items():
        line = (
            f"  {col:16} {pct(e['precision']):>9}  {ci(e['ci_low'], e['ci_high']):16} {e['n']:5d}"
        )
        if "recall" in e:
            line += (
                f"   {pct(e['recall'])}  {ci(e['recall_ci_low'], e['recall_ci_high']):16} "
                f"{e['recall_n']:5d}"
            )
        extra = [f"{k[2:]} {e[k]}" for k in ("n_unsure", "n_disputed") if e.get(k)]
        lines.append(line + (f"   ({', '.join(extra)})" if extra else ""))
    primary = PRIMARY[record["what"]]
    for col, e in record["columns"].items():
        if len(e["strata"]) > 1 and col == primary:
            lines.append(
                f"  {col} per stratum ({'weighted' if e['weighted'] else 'unweighted'} overall; "
                "every column's strata are in the stored score and the 06_validation report):"
            )
            for r in e["strata"]:
                lines.append(
                    f"    {r['label']:30} {pct(r['precision'])} {ci(r['ci_low'], r['ci_high']):16} "
                    f"n {r['n']} of {r['population'] or '?'}"
                )
    for col, e in record["columns"].items():
        a = e["agreement"]
        if a["n_items"]:
            alpha = "undefined (all codes equal)" if a["alpha"] is None else f"{a['alpha']:.3f}"
            lines.append(
                f"  agreement {col}: {a['agreement']:.1%} on {a['n_items']} items coded by "
                f"two or more of {a['coders']} coders; Krippendorff's alpha {alpha}"
            )
    lines += [f"  warning: {w}" for w in record["warnings"]]
    return lines
