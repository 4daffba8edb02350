"""Reproducible stratified random samples of annotations (and of whole articles) for coding.

Why a hash ranking instead of a random generator: every item gets the rank
``blake2b(seed, item_id)``; a stratum's sample is its ``n_h`` lowest-ranked items. The sample
then depends only on the seed and the store's content — not on Parquet part order, the
numpy or Python version, or the machine — and a larger ``n`` extends a smaller sample of the
same stratum instead of drawing a new one (code 100 items, then 100 more). Within a stratum
this is simple random sampling without replacement (the ranks are a pseudo-random
permutation).

Allocation: proportional to stratum size by default (largest remainder, so the sizes add up
to ``n`` exactly; a self-weighting sample where small strata may get no item), or equal with
``per_stratum`` (every stratum gets ``min(N_h, per_stratum)``; the scores are then weighted by
the design weights ``N_h / n_h``). Limits: items are rows of one store table; identical rows
(same article and offsets) are told apart by a ``#k`` suffix in ``item_id``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from medialens.validate.columns import (
    ARTICLE_ROW,
    DERIVED_STRATA,
    LABEL_COLUMNS,
    MISSED_ROW,
    WHATS,
    default_strata,
    sheet_columns,
    strata_choices,
)

DEFAULT_N = 200
DEFAULT_SEED = 1
CONTEXT_CHARS = 250
MISSED_ROWS = 5
#: longest text an XLSX cell holds; an article's text is split into rows of this size
CELL_LIMIT = 32_000
SHEET_FORMAT = "medialens-validation-sheet/1"


class SamplingError(ValueError):
    """What was asked cannot be sampled (unknown stratum, empty table, bad size)."""


@dataclass(frozen=True)
class Sample:
    """A drawn sample: the sheet rows (dicts in sheet-column order, plus ``_``-prefixed
    highlight offsets for XLSX) and the sampling parameters written next to them."""

    what: str
    rows: list[dict[str, Any]]
    params: dict[str, Any]
    kind: str = "items"  # items | articles

    @property
    def columns(self) -> list[str]:
        return sheet_columns(self.what)


def rank_key(seed: int, item_id: str) -> str:
    """The item's place in the seeded random order (hex digest; lower = drawn first)."""
    return hashlib.blake2b(f"{seed}\x1f{item_id}".encode(), digest_size=16).hexdigest()


def parse_strata(value: str | Sequence[str] | None, what: str) -> tuple[str, ...]:
    """``"outlet,kind"`` → ``("outlet", "kind")``; unknown names are a :class:`SamplingError`."""
    if value is None:
        return default_strata(what)
    names = value.split(",") if isinstance(value, str) else list(value)
    out = tuple(dict.fromkeys(n.strip() for n in names if n.strip()))
    valid = strata_choices(what)
    unknown = [n for n in out if n not in valid]
    if unknown:
        raise SamplingError(
            f"unknown stratum {', '.join(map(repr, unknown))} for {what}; valid: {', '.join(valid)}"
        )
    return out


def allocate(
    sizes: Mapping[tuple[str, ...], int], *, n: int | None = None, per_stratum: int | None = None
) -> dict[tuple[str, ...], int]:
    """Items to draw per stratum: proportional to ``sizes`` (largest remainder) or equal.

    Proportional: the quotas ``n * N_h / N`` are rounded down, and the items left over go to
    the strata with the largest remainders (ties: stratum order), so the sizes add up to
    ``min(n, N)``. Equal: ``min(N_h, per_stratum)`` per stratum.
    """
    if (n is None) == (per_stratum is None):
        raise SamplingError("give either n (proportional) or per_stratum (equal allocation)")
    keys = sorted(sizes)
    if per_stratum is not None:
        if per_stratum < 1:
            raise SamplingError(f"--per-stratum must be at least 1, got {per_stratum}")
        return {k: min(sizes[k], per_stratum) for k in keys}
    assert n is not None
    if n < 1:
        raise SamplingError(f"--n must be at least 1, got {n}")
    total = sum(sizes.values())
    if total == 0:
        return {k: 0 for k in keys}
    n = min(n, total)
    quotas = {k: n * sizes[k] / total for k in keys}
    out = {k: int(quotas[k]) for k in keys}
    left = n - sum(out.values())
    order = {k: i for i, k in enumerate(keys)}
    by_remainder = sorted(keys, key=lambda k: (-(quotas[k] - out[k]), order[k]))
    for k in by_remainder[:left]:
        out[k] += 1
    return out


def draw(
    items: pd.DataFrame,
    strata: Sequence[str],
    *,
    seed: int,
    n: int | None = None,
    per_stratum: int | None = None,
    id_column: str = "item_id",
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Draw the sample from ``items`` (one row per item, unique ``id_column``).

    Returns the drawn rows in random (rank) order and the strata table: per stratum its
    values, population ``N_h``, sample size ``n_h`` and design weight ``N_h / n_h``.
    """
    if items[id_column].duplicated().any():
        raise SamplingError(f"{id_column} is not unique")
    frame = items.copy()
    frame["_rank"] = [rank_key(seed, str(i)) for i in frame[id_column]]
    keys = list(stratum_keys(frame, strata))
    frame["_stratum"] = ["\x1f".join(k) for k in keys]
    by_label = {"\x1f".join(k): k for k in keys}
    sizes = {by_label[label]: int(size) for label, size in frame["_stratum"].value_counts().items()}
    counts = allocate(sizes, n=n, per_stratum=per_stratum)
    frame = frame.sort_values("_rank", kind="stable")
    taken = frame.groupby("_stratum", sort=False).cumcount()
    quota = frame["_stratum"].map(lambda label: counts.get(by_label[label], 0))
    sample = frame[taken < quota]
    table = [
        {
            "values": dict(zip(strata, key, strict=True)),
            "population": sizes[key],
            "sampled": counts[key],
            "weight": round(sizes[key] / counts[key], 6) if counts[key] else None,
        }
        for key in sorted(sizes)
    ]
    return sample.drop(columns=["_rank", "_stratum"]), table


def stratum_keys(frame: pd.DataFrame, strata: Sequence[str]) -> Iterable[tuple[str, ...]]:
    """The stratum of every row: a tuple of the strata columns' values as text ('' = none)."""
    cols = []
    for name in strata:
        if name in DERIVED_STRATA:
            dates = frame["date"].fillna("").astype(str)
            cols.append(dates.str[:4] if name == "year" else dates.str[:7])
        else:
            cols.append(frame[name].astype(object).where(frame[name].notna(), "").astype(str))
    if not cols:
        return [()] * len(frame)
    return list(zip(*cols, strict=True))


# -- the store ---------------------------------------------------------------------------------


def store_identity(processed_dir: Path | str | None, codebook: Path | str | None = None) -> dict:
    """Snapshot id and codebook hash of the current store: what a score is measured on.

    The codebook hash is the one the annotations were made with (the manifest's
    ``annotation.codebook_hash``); a store without it (hand-built) falls back to the hash of
    ``codebook`` or the configured codebook.
    """
    from medialens.store import _processed_dir, read_manifest

    manifest = read_manifest(processed_dir)
    cb_hash = (manifest.get("annotation") or {}).get("codebook_hash")
    if not cb_hash:
        from medialens.reports.provenance import codebook_hash

        if codebook is None:
            from medialens.config import get_settings

            codebook = get_settings().codebook
        cb_hash = codebook_hash(codebook)
    return {
        "snapshot": str(manifest.get("run_id", "")),
        "codebook_hash": str(cb_hash),
        "processed_dir": str(Path(_processed_dir(processed_dir)).resolve()),
    }


def load_items(what: str, processed_dir: Path | str | None = None) -> pd.DataFrame:
    """Every item of ``what`` with its article's outlet and date and a unique ``item_id``.

    ``item_id`` is ``<article_id>:<start>-<end>`` (``#k`` appended from the second identical
    span on), stable for the same store. Label columns a store does not have (an older
    schema) are empty.
    """
    from medialens.store import load_table

    if what not in WHATS:
        raise SamplingError(f"unknown --what {what!r}; valid: {', '.join(WHATS)}")
    table = load_table(what, processed_dir)
    articles = load_table("articles", processed_dir, columns=["article_id", "outlet", "date"])
    wanted = ["article_id", "start", "end", "text", *LABEL_COLUMNS[what]]
    if what == "quotes":
        wanted += ["quote_id", "cue_in_quote"]
    for col in wanted:
        if col not in table.columns:
            table[col] = pd.NA
    items = table[wanted].rename(columns={"text": "item_text"})
    items = items.merge(articles, on="article_id", how="left")
    items["date"] = [_iso(d) for d in items["date"]]
    base = items["article_id"].astype(str) + ":" + items["start"].astype(str) + "-"
    base = base + items["end"].astype(str)
    dup = items.assign(_base=base).groupby("_base", sort=False).cumcount()
    items["item_id"] = base.where(dup == 0, base + "#" + (dup + 1).astype(str))
    items["what"] = what
    return items.reset_index(drop=True)


def _iso(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, dt.datetime | dt.date | pd.Timestamp):
        return value.isoformat()[:10]
    return str(value)[:10]


def article_texts(ids: Iterable[str], processed_dir: Path | str | None = None) -> dict[str, str]:
    """``{article_id: text}`` for the given ids only (the texts of a large store stay on disk)."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    from medialens.store import snapshot_dir

    wanted = sorted(set(ids))
    if not wanted:
        return {}
    folder = snapshot_dir(processed_dir) / "articles"
    table = ds.dataset(str(folder), format="parquet").to_table(
        columns=["article_id", "text"], filter=pc.field("article_id").isin(wanted)
    )
    return dict(zip(table["article_id"].to_pylist(), table["text"].to_pylist(), strict=True))


# -- rows --------------------------------------------------------------------------------------


def context(text: str, start: int, end: int, width: int) -> tuple[str, str, int]:
    """Left and right context of ``[start, end)`` cut at whitespace, ``…`` where cut, and the
    offset in ``text`` where the left context starts (for highlighting)."""
    left_from = max(0, start - width)
    if left_from > 0:
        space = text.find(" ", left_from, start)
        left_from = space + 1 if space != -1 else left_from
    right_to = min(len(text), end + width)
    if right_to < len(text):
        space = text.rfind(" ", end, right_to)
        right_to = space if space != -1 else right_to
    left = ("…" if left_from > 0 else "") + text[left_from:start]
    right = text[end:right_to] + ("…" if right_to < len(text) else "")
    return left, right, left_from


def item_row(item: Mapping[str, Any], text: str | None, *, width: int) -> dict[str, Any]:
    """One sheet row (sheet columns in order, coder columns blank) for a store item."""
    what = str(item["what"])
    start, end = _int(item.get("start")), _int(item.get("end"))
    left = right = ""
    left_from = None
    if text is not None and start is not None and end is not None:
        left, right, left_from = context(text, start, end, width)
    row: dict[str, Any] = {c: None for c in sheet_columns(what)}
    row.update(
        item_id=item["item_id"],
        what=what,
        article_id=item["article_id"],
        outlet=_text(item.get("outlet")),
        date=item.get("date") or None,
        start=start,
        end=end,
        context_left=left,
        item_text=_text(item.get("item_text")),
        context_right=right,
    )
    for col in LABEL_COLUMNS[what]:
        value = item.get(col)
        row[col] = _int(value) if col.endswith(("_start", "_end")) else _text(value)
    # offsets for highlighting speaker and cue inside the context cells (XLSX only)
    row["_left_from"] = left_from
    return row


def _int(value: object) -> int | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return int(value)  # type: ignore[call-overload]


def _text(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)


def sample_items(
    what: str,
    *,
    processed_dir: Path | str | None = None,
    codebook: Path | str | None = None,
    n: int | None = None,
    per_stratum: int | None = None,
    strata: str | Sequence[str] | None = None,
    seed: int = DEFAULT_SEED,
    context_chars: int = CONTEXT_CHARS,
) -> Sample:
    """A stratified random sample of ``what`` from the current store, as sheet rows."""
    strata_t = parse_strata(strata, what)
    if per_stratum is None and n is None:
        n = DEFAULT_N
    items = load_items(what, processed_dir)
    if items.empty:
        raise SamplingError(f"the store has no {what} to sample")
    drawn, table = draw(items, strata_t, seed=seed, n=n, per_stratum=per_stratum)
    texts = article_texts(drawn["article_id"], processed_dir)
    rows = [
        item_row(rec, texts.get(rec["article_id"]), width=context_chars)
        for rec in drawn.to_dict("records")
    ]
    params = _params(
        what,
        "items",
        processed_dir=processed_dir,
        codebook=codebook,
        n=n,
        per_stratum=per_stratum,
        strata=strata_t,
        seed=seed,
        context_chars=context_chars,
        population=len(items),
        sampled=len(rows),
        strata_table=table,
    )
    return Sample(what, rows, params, "items")


def sample_articles(
    what: str,
    n_articles: int,
    *,
    processed_dir: Path | str | None = None,
    codebook: Path | str | None = None,
    strata: str | Sequence[str] | None = None,
    seed: int = DEFAULT_SEED,
    context_chars: int = CONTEXT_CHARS,
    missed_rows: int = MISSED_ROWS,
) -> Sample:
    """``n_articles`` random articles with every machine item of ``what`` under each, and
    ``missed_rows`` blank rows per article for the items the machine missed (recall).

    Articles are drawn from all articles (also those without any item: the machine may
    have missed everything there), proportionally per outlet/year/month when those are
    among ``strata``.
    """
    from medialens.store import load_table

    if n_articles < 1:
        raise SamplingError(f"--articles must be at least 1, got {n_articles}")
    strata_t = tuple(s for s in parse_strata(strata, what) if s in ("outlet", *DERIVED_STRATA))
    articles = load_table("articles", processed_dir, columns=["article_id", "outlet", "date"])
    if articles.empty:
        raise SamplingError("the store has no articles")
    articles["date"] = [_iso(d) for d in articles["date"]]
    drawn, table = draw(articles, strata_t, seed=seed, n=n_articles, id_column="article_id")
    items = load_items(what, processed_dir)
    items = items[items["article_id"].isin(set(drawn["article_id"]))]
    by_article = {k: g.sort_values(["start", "end"]) for k, g in items.groupby("article_id")}
    texts = article_texts(drawn["article_id"], processed_dir)
    cols = sheet_columns(what)
    rows: list[dict[str, Any]] = []
    for art in drawn.to_dict("records"):
        aid = str(art["article_id"])
        text = texts.get(aid) or ""
        common = {"article_id": aid, "outlet": _text(art.get("outlet")), "date": art["date"]}
        pieces = [text[i : i + CELL_LIMIT] for i in range(0, len(text), CELL_LIMIT)] or [""]
        for i, piece in enumerate(pieces):
            row = {c: None for c in cols}
            suffix = "" if i == 0 else f"#{i + 1}"
            row.update(common, item_id=f"{aid}:{ARTICLE_ROW}{suffix}", what=ARTICLE_ROW)
            row.update(item_text=piece, start=i * CELL_LIMIT, end=i * CELL_LIMIT + len(piece))
            rows.append(row)
        group = by_article.get(aid)
        if group is not None:
            rows += [item_row(rec, text, width=context_chars) for rec in group.to_dict("records")]
        for i in range(missed_rows):
            row = {c: None for c in cols}
            row.update(common, item_id=f"{aid}:{MISSED_ROW}:{i + 1}", what=MISSED_ROW)
            rows.append(row)
    params = _params(
        what,
        "articles",
        processed_dir=processed_dir,
        codebook=codebook,
        n=n_articles,
        per_stratum=None,
        strata=strata_t,
        seed=seed,
        context_chars=context_chars,
        population=len(articles),
        sampled=len(drawn),
        strata_table=table,
    )
    params["missed_rows"] = missed_rows
    params["items_listed"] = len(items)
    return Sample(what, rows, params, "articles")


def _params(
    what: str,
    sheet: str,
    *,
    processed_dir: Path | str | None,
    codebook: Path | str | None,
    n: int | None,
    per_stratum: int | None,
    strata: Sequence[str],
    seed: int,
    context_chars: int,
    population: int,
    sampled: int,
    strata_table: list[dict[str, Any]],
) -> dict[str, Any]:
    from medialens import __version__

    return {
        "format": SHEET_FORMAT,
        "sheet": sheet,
        "what": what,
        **store_identity(processed_dir, codebook),
        "n": n,
        "per_stratum": per_stratum,
        "allocation": "equal" if per_stratum is not None else "proportional",
        "strata": list(strata),
        "seed": seed,
        "context_chars": context_chars,
        "population": population,
        "sampled": sampled,
        "medialens_version": __version__,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "strata_table": strata_table,
    }
