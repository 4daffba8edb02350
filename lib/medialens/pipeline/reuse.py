"""Incremental runs: which articles need annotation, and copying the rows of the others.

An article whose :func:`~medialens.pipeline.keys.annotation_key` equals its key in the
current snapshot (:func:`previous_keys`) is not annotated again (:func:`chunk_articles`
leaves it out); its rows are copied from that snapshot into the new one
(:func:`copy_reused`). ``medialens process --full`` skips all of this.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from medialens.pipeline.annotate import ANNOTATION_TABLES, CHUNK_COLUMNS
from medialens.pipeline.keys import annotation_key
from medialens.pipeline.stream import ARTICLE_READ_COLUMNS
from medialens.schema import TABLES

log = logging.getLogger(__name__)


def previous_keys(processed_dir: Path) -> tuple[Path | None, dict[str, str]]:
    """The current snapshot folder and its ``article_id → annotation_key`` (empty if none)."""
    from medialens.store import StoreError, snapshot_dir

    try:
        snap = snapshot_dir(processed_dir)
    except StoreError:
        return None, {}
    keys: dict[str, str] = {}
    for part in sorted((snap / "article_counts").glob("*.parquet")):
        try:
            table = pq.read_table(part, columns=["article_id", "annotation_key"])
        except Exception:  # an older snapshot without the key column: nothing to reuse
            log.info("previous snapshot has no annotation keys; annotating everything")
            return snap, {}
        for aid, key in zip(
            table.column("article_id").to_pylist(),
            table.column("annotation_key").to_pylist(),
            strict=True,
        ):
            if key is not None:
                keys[aid] = key
    return snap, keys


def chunk_articles(
    batches: Iterable[pa.RecordBatch | pa.Table],
    *,
    codebook_hash: str,
    model: str | None,
    version: str,
    reusable: dict[str, str],
    reused: set[str],
    chunk_size: int,
) -> Iterator[pa.Table]:
    """Chunks of ``chunk_size`` articles (the last one shorter) that need annotation, from
    ``articles`` rows in any batching: the chunks depend only on the rows and their order.
    Each gets its ``annotation_key`` column; ids whose key is in ``reusable`` go to ``reused``.
    """
    buffer: list[pa.Table] = []
    size = 0
    for batch in batches:
        table = batch if isinstance(batch, pa.Table) else pa.Table.from_batches([batch])
        table = table.select(list(ARTICLE_READ_COLUMNS))
        ids = table.column("article_id").to_pylist()
        dates = table.column("date").to_pylist()
        hashes = table.column("content_hash").to_pylist()
        keys = [
            annotation_key(a, d, h, codebook_hash=codebook_hash, model=model, version=version)
            for a, d, h in zip(ids, dates, hashes, strict=True)
        ]
        todo = []
        for i, (aid, key) in enumerate(zip(ids, keys, strict=True)):
            if reusable.get(aid) == key:
                reused.add(aid)
            else:
                todo.append(i)
        if not todo:
            continue
        table = table.append_column("annotation_key", pa.array(keys, pa.string()))
        table = table.take(pa.array(todo, pa.int64())).select(list(CHUNK_COLUMNS))
        buffer.append(table)
        size += len(table)
        while size >= chunk_size:
            merged = pa.concat_tables(buffer)
            yield merged.slice(0, chunk_size).combine_chunks()
            rest = merged.slice(chunk_size)
            buffer, size = ([rest] if len(rest) else []), len(rest)
    if size:
        yield pa.concat_tables(buffer).combine_chunks()


def copy_reused(writer: Any, previous: Path, reused: set[str]) -> None:
    """Copy the annotation rows of ``reused`` articles from the previous snapshot.

    A previous part whose articles are all reused is hard-linked (no rewrite); otherwise its
    rows are filtered by article id.
    """
    import pyarrow.compute as pc

    if not reused:
        return
    for name in ANNOTATION_TABLES:
        for part in sorted((previous / name).glob("*.parquet")):
            ids = pq.read_table(part, columns=["article_id"]).column("article_id")
            if len(ids) == 0:
                continue
            # a part holds a few hundred distinct articles: test those against the set
            # (hashing the whole reused set per part was quadratic: 10 s at 100k articles)
            distinct = pc.unique(ids).to_pylist()
            keep = [a for a in distinct if a in reused]
            if not keep:
                continue
            if len(keep) == len(distinct):
                writer.link_part(name, part)
            else:
                mask = pc.is_in(ids, value_set=pa.array(keep, pa.string()))
                table = (
                    pq.read_table(part, schema=TABLES[name])
                    if _has_all_columns(part, name)
                    else pq.read_table(part)
                )
                writer.write(name, table.filter(mask))


def _has_all_columns(part: Path, name: str) -> bool:
    return set(TABLES[name].names) <= set(pq.read_schema(part).names)
