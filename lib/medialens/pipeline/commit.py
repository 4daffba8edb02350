"""The end of a ``medialens process`` run: corpus-level tables, the manifest, the commit.

Everything here runs once the chunks are written: the ``entities`` table is derived from the
snapshot's own parts (:func:`write_entities`), and :func:`commit_snapshot` records what was
annotated, how and with which code in the manifest and makes the snapshot current (nothing
is visible before; an interrupted run leaves the previous snapshot current).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq


@dataclass
class AnnotationStats:
    """What happened to the corpus's articles in one run (the manifest's ``annotation``)."""

    articles: int = 0
    annotated: int = 0
    reused: int = 0
    failed: int = 0

    def as_manifest(self) -> dict[str, int]:
        return {
            "articles": self.articles,
            "annotated": self.annotated,
            "reused": self.reused,
            "failed": self.failed,
        }


def write_entities(store: Any) -> int:
    """Write the ``entities`` table (one row per uncoded canonical entity of the corpus) from
    the snapshot's ``uncoded_actors``, ``quotes`` and ``articles`` parts (read column-wise)."""
    from medialens.nlp.entities import corpus_entities

    def read(name: str, columns: list[str]) -> list[dict[str, Any]]:
        parts = [p for p in store.parts(name) if _has_all_columns_of(p, columns)]
        return [r for p in parts for r in pq.read_table(p, columns=columns).to_pylist()]

    cols = ["article_id", "start", "end", "text", "type", "entity"]
    mentions = [tuple(r[c] for c in cols) for r in read("uncoded_actors", cols)]
    speakers = [_speaker_span(r) for r in _read_available(store, "quotes", _SPEAKER_COLUMNS)]
    dates = {r["article_id"]: r["date"] for r in read("articles", ["article_id", "date"])}
    rows = corpus_entities(mentions, speakers, dates)  # type: ignore[arg-type]
    if not rows:
        return 0
    return store.write("entities", [r._asdict() for r in rows])


#: the quotation columns that place its speaker; the resolved ones may be missing in stores
#: written before they existed
_SPEAKER_COLUMNS = [
    "article_id",
    "speaker_start",
    "speaker_end",
    "speaker_resolved_start",
    "speaker_resolved_end",
]


def _read_available(store: Any, name: str, columns: list[str]) -> list[dict[str, Any]]:
    """The rows of ``name`` with those of ``columns`` each part has (missing ones absent)."""
    out: list[dict[str, Any]] = []
    for p in store.parts(name):
        have = set(pq.read_schema(p).names)
        out.extend(pq.read_table(p, columns=[c for c in columns if c in have]).to_pylist())
    return out


def _speaker_span(row: dict[str, Any]) -> tuple[str, int | None, int | None]:
    """``(article_id, start, end)`` of the mention a quotation's speaker stands for: the
    resolved antecedent of a pronoun (*er* → *Jörg Kachelmann*), else the speaker span."""
    if row.get("speaker_resolved_start") is not None:
        return row["article_id"], row["speaker_resolved_start"], row["speaker_resolved_end"]
    return row["article_id"], row["speaker_start"], row["speaker_end"]


def _has_all_columns_of(part: Path, columns: list[str]) -> bool:
    names = set(pq.read_schema(part).names)
    return all(c in names for c in columns)


def commit_snapshot(
    store: Any,
    *,
    raw_dir: Path,
    summary: Any,
    stats: AnnotationStats,
    engine: str,
    codebook: str,
    codebook_hash: str,
    model: str | None,
    fingerprint: str,
) -> Path:
    """Write the ``entities`` table, then commit ``store`` (a ``StoreWriter``) with the
    ingest's manifest entries (``summary``: its ``IngestSummary``) and the annotation's;
    returns the new snapshot's folder."""
    from medialens.corpus.cli import ingest_manifest

    write_entities(store)
    return store.commit(
        command="process",
        **ingest_manifest(raw_dir, summary),
        annotation={
            **stats.as_manifest(),
            "engine": engine,
            "codebook": codebook,
            "codebook_hash": codebook_hash,
            "model": model,
            "code_fingerprint": fingerprint,
        },
    )
