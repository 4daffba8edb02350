"""`validate score` on a sample coded automatically from gold reproduces the shared scorer.

The Wikinews quotation dev split (../shared, CC BY-NC-SA: measurement only, nothing is kept)
is annotated into a store; `medialens validate sample` draws quotations from it; every sampled
row is coded from the gold annotation exactly as ../shared/eval/score_quotes.py decides
(one-to-one matching at Jaccard >= 0.5, speaker and cue overlap, kind per gold type); then
`medialens validate score --json` must give intervals that contain the scorer's figures on the
full set, and a census (every quotation sampled) must give exactly the scorer's figures.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from conftest import SHARED, shared_path

from medialens.cli import main

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def _scorer():
    path = SHARED / "eval" / "score_quotes.py"
    if not path.is_file():
        pytest.skip(f"{path} not available")
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold_store(tmp_path_factory):
    """A store of the dev articles annotated by medialens (texts exactly as in the gold)."""
    import pandas as pd

    from medialens.config import get_settings
    from medialens.process import annotate_chunk, resolve_codebook_hash
    from medialens.store import StoreWriter, load_table

    dev = shared_path("wikinews-quotes", "dev.jsonl")
    scorer = _scorer()
    gold = scorer.load_jsonl(dev)
    articles = pd.DataFrame(
        [
            {
                "article_id": doc_id,
                "outlet": doc.get("outlet") or "Wikinews",
                "date": dt.date.fromisoformat(doc["date"]) if doc.get("date") else None,
                "title": doc.get("title"),
                "text": doc["text"],
            }
            for doc_id, doc in gold.items()
        ]
    )
    codebook = str(get_settings().codebook)
    tables = annotate_chunk(articles, codebook=codebook, model=None)
    processed = tmp_path_factory.mktemp("gold") / "processed"
    with StoreWriter(processed) as writer:
        writer.write("articles", articles.to_dict("records"))
        for name, table in tables.items():
            writer.write(name, table)
        writer.commit(command="test", annotation={"codebook_hash": resolve_codebook_hash(codebook)})
    quotes = load_table("quotes", processed)
    return processed, gold, quotes, scorer


def _system(quotes) -> dict[str, dict]:
    """The store's quotations in the scorer's system format (cue: null for reported speech,
    as in `medialens annotate`, where the verb inside the quotation is `act`)."""
    out: dict[str, dict] = {}
    for row in quotes.sort_values(["article_id", "quote_id"]).to_dict("records"):
        has_cue = not _missing(row["cue_start"]) and not row["cue_in_quote"]
        out.setdefault(row["article_id"], {"quotes": []})["quotes"].append(
            {
                "start": int(row["start"]),
                "end": int(row["end"]),
                "spans": [list(map(int, s)) for s in row["spans"]],
                "kind": row["kind"],
                "speaker": (
                    {"start": int(row["speaker_start"]), "end": int(row["speaker_end"])}
                    if not _missing(row["speaker_start"])
                    else None
                ),
                "cue": (
                    {"start": int(row["cue_start"]), "end": int(row["cue_end"])}
                    if has_cue
                    else None
                ),
                "_key": (int(row["start"]), int(row["end"])),
            }
        )
    return out


def _missing(value) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


def _gold_codes(gold, system, scorer) -> dict[tuple[str, int, int], dict[str, str]]:
    """What a coder following the sheet's instructions writes, decided like the scorer."""
    codes = {}
    for doc_id, g in gold.items():
        gq = [dict(q, _c=scorer.chars(q["quote"])) for q in g["quotes"]]
        sq = []
        for q in (system.get(doc_id) or {}).get("quotes", []):
            chars = scorer.chars(q["spans"]) if q.get("spans") else set(range(q["start"], q["end"]))
            sq.append(dict(q, _c=chars))
        pairs = dict(scorer.match(sq, gq, 0.5))
        for i, s in enumerate(sq):
            j = pairs.get(i)
            q = gq[j] if j is not None else None
            row = {"quote_correct": "yes" if q else "no", "kind_correct": ""}
            for part in ("speaker", "cue"):
                if not s.get(part):
                    row[f"{part}_correct"] = ""  # the machine names none: not coded
                    continue
                hit = q and q[part] and scorer.span_chars(s[part]) & scorer.chars(q[part])
                row[f"{part}_correct"] = "yes" if hit else "no"
            if q:
                same = scorer.KIND_OF_TYPE.get(q["type"]) == s["kind"]
                row["kind_correct"] = "yes" if same else "no"
            codes[(doc_id, *s["_key"])] = row
    return codes


def _code_sheet(path: Path, codes) -> None:
    """Fill the coded columns of an XLSX or CSV sheet in place (as a coder would)."""
    import csv

    from openpyxl import load_workbook

    coded = ("quote_correct", "speaker_correct", "cue_correct", "kind_correct")
    if path.suffix == ".xlsx":
        wb = load_workbook(path)
        ws = wb["items"]
        header = [c.value for c in ws[1]]
        for r in range(2, ws.max_row + 1):
            get = {h: ws.cell(row=r, column=i + 1).value for i, h in enumerate(header)}
            row = codes[(get["article_id"], int(get["start"]), int(get["end"]))]
            for col in coded:
                ws.cell(row=r, column=header.index(col) + 1).value = row[col] or None
            ws.cell(row=r, column=header.index("coder") + 1).value = "gold"
        wb.save(path)
        return
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
        header = list(rows[0].keys())
    for rec in rows:
        rec.update(codes[(rec["article_id"], int(rec["start"]), int(rec["end"]))], coder="gold")
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def _score_json(*args: str) -> dict:
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["validate", "score", *args, "--json"]) == 0
    return json.loads(buf.getvalue())


def _full_set_figures(gold, system, scorer) -> dict[str, float]:
    result = scorer.score(gold, {k: v for k, v in system.items()}, 0.5)
    return {
        "quote_correct": result["quote"]["p"],
        "speaker_correct": result["speaker"]["p"],
        "cue_correct": result["cue"]["p"],
        "kind_correct": result["kind_accuracy"],
    }


def test_sample_of_200_contains_the_full_set_precision(gold_store, tmp_path):
    processed, gold, quotes, scorer = gold_store
    system = _system(quotes)
    full = _full_set_figures(gold, system, scorer)
    sheet = tmp_path / "quotes.xlsx"
    argv = ["validate", "sample", "--what", "quotes", "--n", "200", "--seed", "15"]
    assert main([*argv, "--processed", str(processed), "-o", str(sheet)]) == 0
    _code_sheet(sheet, _gold_codes(gold, system, scorer))
    got = _score_json(str(sheet), "--processed", str(processed))
    assert set(got) == set(full)
    for col, value in full.items():
        entry = got[col]
        assert set(entry) == {"precision", "ci_low", "ci_high", "n"}
        assert entry["ci_low"] <= value <= entry["ci_high"], (col, value, entry)
        assert entry["ci_high"] - entry["ci_low"] < 0.2, (col, entry)  # n ≈ 200 is informative
    assert got["quote_correct"]["n"] == 200
    # the score was kept with the snapshot and codebook it was measured on
    from medialens.store import read_manifest
    from medialens.validate.storage import current_scores

    stored = current_scores(processed)["quotes"]
    manifest = read_manifest(processed)
    assert stored["snapshot"] == manifest["run_id"]
    assert stored["codebook_hash"] == manifest["annotation"]["codebook_hash"]
    assert stored["columns"]["quote_correct"]["precision"] == got["quote_correct"]["precision"]


def test_census_gives_exactly_the_scorer_figures(gold_store, tmp_path):
    """Every quotation sampled (CSV sheet): the sample precision *is* the full-set precision."""
    processed, gold, quotes, scorer = gold_store
    system = _system(quotes)
    full = _full_set_figures(gold, system, scorer)
    sheet = tmp_path / "census.csv"
    argv = ["validate", "sample", "--what", "quotes", "--n", "100000"]
    assert main([*argv, "--processed", str(processed), "-o", str(sheet)]) == 0
    _code_sheet(sheet, _gold_codes(gold, system, scorer))
    got = _score_json(str(sheet), "--no-store")
    assert got["quote_correct"]["n"] == len(quotes)
    for col, value in full.items():
        assert got[col]["precision"] == pytest.approx(value, abs=1e-4), col
