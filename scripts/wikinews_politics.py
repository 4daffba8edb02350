"""Articles of the de.wikinews politics list in ``strohne/cm``'s ``korpus/artikel.csv``.

Why a module: two labelled scare-quote sets come from that file (``untouched2``: rows up to
278, ninth round; ``dev3``: the rows after it, tenth round), and both need the same steps —
read the semicolon-separated file, rebuild a title from the page name, normalise the text,
and drop every article that another labelled set or the sample corpus already holds. The
source is the teaching repository <https://github.com/strohne/cm> (commit ``4134a70``,
``08_machine_learning/8_2_unueberwachtes_ML/korpus/artikel.csv``); the texts are
de.wikinews.org texts, © the Wikinews contributors, CC BY 2.5.

Usage (writes the articles file of a set; the labels are made by hand)::

    git -C <mirror of strohne/cm> show 4134a70:08_machine_learning/8_2_unueberwachtes_ML/korpus/artikel.csv > artikel.csv
    python scripts/wikinews_politics.py artikel.csv --first 279 --prefix wn3 \
        --shared ../shared --out tests/fixtures/scare_quotes_dev3_articles.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
PAGE_PREFIX = "https_de.wikinews.org_wiki_"
#: snippet length and step of the overlap check (a copied article shares long snippets)
SNIPPET, STEP = 60, 150
#: share of an article's six-word sequences found elsewhere that counts as an overlap
SHINGLE_SHARE = 0.05


def read_source(path: Path) -> Iterator[dict[str, Any]]:
    """The source file's rows as ``{"row", "source_name", "date", "place", "text"}``; ``row``
    is the 1-based row number after the header (the ``N`` of the ``wnK-N`` ids)."""
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        next(reader)  # header: id;dateiname;datum;ort;text
        for n, rec in enumerate(reader, 1):
            yield {
                "row": n,
                "source_name": rec[1],
                "date": rec[2].strip(),
                "place": rec[3].strip(),
                "text": rec[4],
            }


#: an escaped UTF-8 lead byte and its continuation bytes (``_C3_BC`` = ü)
_UTF8_ESCAPE = re.compile(r"_[C-F][0-9A-F](?:_[89AB][0-9A-F])+|_3F(?=_|$)")


def title_from_source_name(name: str) -> str:
    """The page title from the file name: prefix off, ``_XX`` escapes of UTF-8 multi-byte
    sequences and a question mark decoded (only those: ``_2005`` is an underscore and a year), underscores as
    spaces (the file name may be cut short, so the title may be too)."""
    body = name.removeprefix(PAGE_PREFIX)
    body = _UTF8_ESCAPE.sub(lambda m: m.group().replace("_", "%"), body)
    return urllib.parse.unquote(body, errors="replace").replace("_", " ").strip()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


class OverlapIndex:
    """The texts an article must not share: the snippet check finds copies, the shingle
    check near copies (edited versions of the same report)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.blob = "\n".join(_squash(t) for t in texts)
        self.shingles: set[tuple[str, ...]] = set()
        for t in self.blob.split("\n"):
            self.shingles |= _shingles(t)

    def overlaps(self, text: str) -> bool:
        flat = _squash(text)
        for i in range(0, max(1, len(flat) - SNIPPET), STEP):
            snippet = flat[i : i + SNIPPET]
            if len(snippet) == SNIPPET and snippet in self.blob:
                return True
        own = _shingles(text)
        return bool(own) and len(own & self.shingles) / len(own) > SHINGLE_SHARE


def known_texts(shared: Path) -> list[str]:
    """Texts of the sample corpus, of ``../shared`` wikinews-quotes train/dev and of the
    stored politics sets (``scare_quotes_*_articles.jsonl``)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_scare_quotes import load_articles

    texts = list(load_articles().values())
    for split in ("train", "dev"):
        path = shared / "data" / "wikinews-quotes" / f"{split}.jsonl"
        if path.is_file():
            texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    for path in sorted(FIXTURES.glob("scare_quotes_*_articles.jsonl")):
        texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line]
    return texts


def short_quoted_spans(text: str) -> list[tuple[int, int]]:
    """Inner offsets of every quotation of one to six words (the mark-pair scan of all sets)."""
    from medialens.nlp.attribution.marks import find_quoted_regions

    out = []
    for q in find_quoted_regions(text):
        s, e = q.inner
        if 1 <= len(text[s:e].split()) <= 6:
            out.append((s, e))
    return out


def build(
    source: Path, first: int, last: int | None, prefix: str, index: OverlapIndex
) -> tuple[list[dict[str, Any]], list[int]]:
    """Article records (normalised text) of rows ``first..last`` that overlap nothing in
    ``index`` and hold at least one short quotation; also the rows dropped as overlaps."""
    from medialens.corpus.normalize import normalize_text

    kept, dropped = [], []
    for rec in read_source(source):
        if rec["row"] < first or (last is not None and rec["row"] > last):
            continue
        text = normalize_text(rec["text"]).text
        if index.overlaps(text):
            dropped.append(rec["row"])
            continue
        if not short_quoted_spans(text):
            continue
        kept.append(
            {
                "article": f"{prefix}-{rec['row']}",
                "title": title_from_source_name(rec["source_name"]),
                "date": rec["date"],
                "place": rec["place"],
                "source_name": rec["source_name"],
                "text": text,
            }
        )
    return kept, dropped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="korpus/artikel.csv read from commit 4134a70")
    ap.add_argument("--first", type=int, default=1)
    ap.add_argument("--last", type=int)
    ap.add_argument("--prefix", required=True, help="article id prefix, e.g. wn3")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    kept, dropped = build(
        args.source, args.first, args.last, args.prefix, OverlapIndex(known_texts(args.shared))
    )
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in kept:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_spans = sum(len(short_quoted_spans(r["text"])) for r in kept)
    print(f"{len(kept)} articles, {n_spans} short quoted spans; dropped as overlaps: {dropped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
