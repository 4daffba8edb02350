"""Benchmark corpora: the base articles, repeated with new ids up to 1k, 10k, 100k articles.

Why repeat: the only realistic German news texts at hand are the 1,028 derStandard articles
of 10kGNAD (``../shared``, CC BY-NC-SA: read in place, never copied into the repo; the
generated corpora live under the git-ignored ``benchmarks/.work/``) and the sample corpus
in ``data/raw`` (Wikinews, CC BY 2.5). Ingest drops articles with an identical text, so
every repetition gets a new id *and* a marker appended to its text (``"\\n\\n(17)"``, three
tokens more per article); copy 0 is the original. Limit: a repeated corpus has the
vocabulary of 1,269 articles, so caches that depend on vocabulary (spaCy's string store,
lexeme cache) grow less than with 100k genuinely different articles.

10kGNAD articles have no date; they get a synthetic date (2015-06-01 plus a few days per
article, the period the data set is from) so that notebooks have a time axis.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from medialens.config import get_settings

GNAD = ("data", "10kgnad", "test.jsonl")
GNAD_START = dt.date(2015, 6, 1)
#: Name of the file with the articles "added" for the incremental run (sorted last).
ADDED_FILE = "zz-added.jsonl"


class BaseArticle(NamedTuple):
    id: str
    date: str | None
    outlet: str | None
    title: str | None
    text: str
    source: str  # "10kgnad" or "sample"


def gnad_path(shared: Path | None) -> Path | None:
    """``<shared>/data/10kgnad/test.jsonl`` if it exists, else ``None``."""
    if shared is None:
        return None
    path = shared.joinpath(*GNAD)
    return path if path.is_file() else None


def load_gnad(path: Path) -> list[BaseArticle]:
    """The derStandard articles, with synthetic dates (see the module docstring)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            rec = json.loads(line)
            date = rec.get("date") or (GNAD_START + dt.timedelta(days=(i * 7) % 366)).isoformat()
            out.append(
                BaseArticle(
                    id=str(rec["id"]),
                    date=date,
                    outlet=rec.get("outlet") or "derStandard",
                    title=rec.get("title"),
                    text=rec["text"],
                    source="10kgnad",
                )
            )
    return out


def load_sample(raw_dir: Path | None = None) -> list[BaseArticle]:
    """Every article of the sample corpus (``data/raw``), read by medialens' own readers."""
    from medialens.corpus.ingest import iter_raw_files
    from medialens.corpus.readers import RawArticle, read_file

    raw_dir = raw_dir or get_settings().raw_dir
    out: list[BaseArticle] = []
    seen: set[str] = set()
    for path in iter_raw_files(raw_dir):
        for item in read_file(path, raw_dir):
            if not isinstance(item, RawArticle) or item.text in seen:
                continue
            seen.add(item.text)
            n = len(out)
            out.append(
                BaseArticle(
                    id=item.id or f"sample-{n:04d}",
                    date=item.date.isoformat() if item.date else None,
                    outlet=item.outlet,
                    title=item.title,
                    text=item.text,
                    source="sample",
                )
            )
    if not out:
        raise ValueError(f"{raw_dir}: no sample articles found")
    return out


def base_articles(
    shared: Path | None, raw_dir: Path | None = None
) -> tuple[list[BaseArticle], str]:
    """derStandard + sample articles, and a note saying which were found."""
    sample = load_sample(raw_dir)
    path = gnad_path(shared)
    if path is None:
        where = shared.joinpath(*GNAD) if shared else "../shared"
        return sample, f"{where} not found: sample corpus only ({len(sample)} articles)"
    gnad = load_gnad(path)
    return gnad + sample, f"{len(gnad)} 10kGNAD test articles + {len(sample)} sample articles"


def repeated(base: list[BaseArticle], n: int, *, start: int = 0, tag: str = "r") -> Iterator[dict]:
    """``n`` article records cycling through ``base`` from position ``start`` (see module doc).

    ``tag`` distinguishes corpora that must not share texts (``"r"`` for the corpus, ``"a"``
    for the articles added in the incremental run).
    """
    k = len(base)
    for i in range(start, start + n):
        art = base[i % k]
        copy = i // k
        if copy == 0 and tag == "r":
            aid, text = art.id, art.text
        else:
            aid, text = f"{art.id}-{tag}{copy}", f"{art.text}\n\n({tag}{copy})"
        yield {
            "id": aid,
            "title": art.title,
            "date": art.date,
            "outlet": art.outlet,
            "text": text,
        }


def _digest(base: list[BaseArticle]) -> str:
    h = hashlib.sha256()
    for art in base:
        h.update(f"{art.id}\x1f{art.date}\x1f{art.text}\x1e".encode())
    return h.hexdigest()[:16]


def _write_jsonl(path: Path, records: Iterator[dict]) -> int:
    tmp = path.with_name(f".{path.name}.tmp")
    n = 0
    with open(tmp, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False))
            fh.write("\n")
            n += 1
    os.replace(tmp, path)
    return n


def build_corpus(base: list[BaseArticle], n: int, work: Path) -> Path:
    """``work/corpus/<n>/articles.jsonl`` with ``n`` articles (reused if already built)."""
    folder = work / "corpus" / f"{n}-{_digest(base)}"
    target = folder / "articles.jsonl"
    if not target.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        _write_jsonl(target, repeated(base, n))
    return folder


def build_incremental(base: list[BaseArticle], n: int, work: Path, *, share: float = 0.01) -> Path:
    """A raw folder with the ``n`` articles of :func:`build_corpus` plus ``share`` new ones.

    The corpus file is hard-linked (same bytes, same ids and texts), the new articles are in
    :data:`ADDED_FILE`, read after it.
    """
    corpus = build_corpus(base, n, work)
    folder = work / "corpus" / f"{corpus.name}-plus{share:g}"
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / "articles.jsonl"
    if not link.exists():
        try:
            os.link(corpus / "articles.jsonl", link)
        except OSError:
            import shutil

            shutil.copy2(corpus / "articles.jsonl", link)
    added = folder / ADDED_FILE
    if not added.is_file():
        _write_jsonl(added, repeated(base, max(1, round(n * share)), tag="a"))
    return folder
