"""Build the sample corpus in data/raw/ from German Wikinews texts and the seed article.

Why a script: the sample corpus must be reproducible and must contain only what we may
redistribute: Wikinews *texts* (title, date, text; CC BY 2.5, de.wikinews.org), never the
quote annotations of ``wikinews-quotes`` (CC BY-NC-SA). Articles are chosen by political
keywords (title hits count triple) and written in three input formats so that every reader
is exercised by ``make process``:

- ``data/raw/wikinews/wikinews.jsonl``  — most articles, one JSON object per line;
- ``data/raw/wikinews/text/*.txt``      — ``N_TEXT`` articles as dated text files;
- ``data/raw/wikinews/wikinews.csv``     — ``N_CSV`` articles as ``;``-separated CSV;
- ``data/raw/junge-welt/<seed>.txt``     — the seed article, copied verbatim.

Usage: ``.venv/bin/python scripts/make_sample_corpus.py [--shared ../shared] [--n 240]``.
Re-running replaces these files (and only these) and rewrites the article list in
``data/raw/README.md``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = "seed/2025-09-05-paris-sicherheitsgarantien.txt"
SOURCE = "wikinews-quotes/train.jsonl"
N_TEXT = 40
N_CSV = 20
#: Political keywords (German); a title hit counts three times.
KEYWORDS = re.compile(
    r"\b(Regierung\w*|Minister\w*|Präsident\w*|Kanzler\w*|Partei\w*|Wahl\w*|Bundestag\w*|"
    r"Parlament\w*|Politik\w*|politisch\w*|Abgeordnet\w*|Koalition\w*|Opposition\w*|"
    r"Senat\w*|Kongress\w*|Landtag\w*|Bürgermeister\w*|Gesetz\w*|Regierungschef\w*|"
    r"SPD|CDU|CSU|FDP|Grünen|Linke\w*|AfD|ÖVP|SPÖ|EU|NATO|UNO?|Sanktion\w*|Krieg\w*|"
    r"Protest\w*|Demonstr\w*|Verfassung\w*|Botschafter\w*|Außenminister\w*)\b"
)
README_HEAD = """# Sample corpus

`make process` (or `medialens process`) reads everything in this folder. It holds:

- `junge-welt/2025-09-05-paris-sicherheitsgarantien.txt` — the seed article from junge Welt
  (5 September 2025), verbatim, in the dated text format (see `docs/ingest.md`).
- `wikinews/` — {n} German Wikinews articles with a political focus, in three formats:
  `wikinews.jsonl` ({n_jsonl} articles), `text/*.txt` ({n_text} dated text files) and
  `wikinews.csv` ({n_csv} articles, `;`-separated). Title, date and text only.

Created by `scripts/make_sample_corpus.py` from the article texts in the `wikinews-quotes`
data set (only title, date and text are taken; none of its quote annotations).

## Credit and licence

The Wikinews texts are from **de.wikinews.org**, © the Wikinews contributors, licensed under
**Creative Commons Attribution 2.5** (CC BY 2.5,
<https://creativecommons.org/licenses/by/2.5/>). Each article can be found on
de.wikinews.org by its title (search, or `https://de.wikinews.org/wiki/<Title with underscores>`);
the list below gives id, date and title of every article used. Texts are unchanged (only
leading/trailing whitespace is stripped in the text files).

## Articles

| id | date | title | file |
|---|---|---|---|
"""


def score(rec: dict[str, str]) -> int:
    title = rec.get("title") or ""
    return 3 * len(KEYWORDS.findall(title)) + len(KEYWORDS.findall(rec.get("text") or ""))


def select(records: list[dict[str, str]], n: int) -> list[dict[str, str]]:
    """The ``n`` most political articles (ties broken by id), returned in id order."""
    usable = [r for r in records if (r.get("text") or "").strip() and r.get("title")]
    ranked = sorted(usable, key=lambda r: (-score(r), r["id"]))[:n]
    return sorted(ranked, key=lambda r: r["id"])


def text_file(rec: dict[str, str]) -> str:
    """A dated text file: ``date`` line, ``title``/``outlet``/``id`` headers, blank line, body."""
    lines = []
    if rec.get("date"):
        lines.append(f"date {rec['date']}")
    lines += [f"title: {rec['title']}", "outlet: Wikinews", f"id: {rec['id']}", ""]
    return "\n".join(lines) + "\n" + rec["text"].strip() + "\n"


def slug(text: str) -> str:
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b).replace(a.upper(), b.capitalize())
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:50]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--raw", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--n", type=int, default=240, help="number of Wikinews articles")
    args = parser.parse_args(argv)
    source = args.shared / "data" / SOURCE
    seed = args.shared / "data" / SEED
    if not source.is_file() or not seed.is_file():
        print(f"make_sample_corpus: {source} or {seed} not found", file=sys.stderr)
        return 2
    records = [
        json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    chosen = select(records, args.n)
    # Every 6th article goes to text files, every 12th (offset 3) to the CSV, the rest to JSONL.
    as_text = [r for i, r in enumerate(chosen) if i % 6 == 0][:N_TEXT]
    text_ids = {r["id"] for r in as_text}
    as_csv = [r for i, r in enumerate(chosen) if i % 12 == 3 and r["id"] not in text_ids][:N_CSV]
    csv_ids = {r["id"] for r in as_csv}
    as_jsonl = [r for r in chosen if r["id"] not in text_ids | csv_ids]

    raw = args.raw
    out = raw / "wikinews"
    shutil.rmtree(out, ignore_errors=True)
    (out / "text").mkdir(parents=True)
    (raw / "junge-welt").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(seed, raw / "junge-welt" / seed.name)

    fields = ("id", "title", "date", "outlet", "text")
    with open(out / "wikinews.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for r in as_jsonl:
            row = {k: r.get(k) for k in fields} | {"outlet": "Wikinews"}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\n")
    writer.writerow(fields)
    for r in as_csv:
        writer.writerow([r["id"], r["title"], r.get("date") or "", "Wikinews", r["text"]])
    (out / "wikinews.csv").write_text(buf.getvalue(), encoding="utf-8", newline="")
    files: dict[str, str] = {}
    for r in as_text:
        name = f"{r.get('date') or 'undated'}-{slug(r['title'])}.txt"
        (out / "text" / name).write_text(text_file(r), encoding="utf-8", newline="")
        files[r["id"]] = f"wikinews/text/{name}"
    for r in as_csv:
        files[r["id"]] = "wikinews/wikinews.csv"
    for r in as_jsonl:
        files[r["id"]] = "wikinews/wikinews.jsonl"

    readme = README_HEAD.format(
        n=len(chosen), n_jsonl=len(as_jsonl), n_text=len(as_text), n_csv=len(as_csv)
    )
    for r in chosen:
        title = r["title"].replace("|", "\\|")
        readme += f"| {r['id']} | {r.get('date') or ''} | {title} | {files[r['id']]} |\n"
    (raw / "README.md").write_text(readme, encoding="utf-8")
    print(
        f"wrote {len(as_jsonl)} JSONL + {len(as_text)} text + {len(as_csv)} CSV Wikinews articles "
        f"and the seed article to {raw}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
