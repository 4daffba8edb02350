"""The local engine's process pool: the same results as ``annotate_chunk``, in chunk order,
whatever the task size; an article that fails is reported, not lost."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest

from medialens.pipeline.annotate import ANNOTATION_TABLES, annotate_chunk
from medialens.pipeline.pool import LocalPool, _join, _split
from medialens.workers import pool_start_method

TEXTS = [
    "»Wir werden sparen müssen«, sagte Bundeskanzler Friedrich Merz am Donnerstag.",
    "Frankreichs Präsident Emmanuel Macron erklärte, 26 Länder seien bereit.",
    "Der Bundestag debattierte über den Haushalt. Es gab keine Einigung.",
    "Außenamtssprecherin Marija Sacharowa sagte, Russland werde nicht diskutieren.",
    "NATO-Generalsekretär Mark Rutte warnte vor Russland.",
    "Die Opposition kritisierte den Plan als »Kahlschlag«.",
    "",
]


def _chunk(ids: range) -> pa.Table:
    return pa.table(
        {
            "article_id": [f"a{i}" for i in ids],
            "date": pa.array(["2025-09-05"] * len(ids), pa.string()),
            "text": [TEXTS[i % len(TEXTS)] for i in ids],
        }
    )


def test_split_and_join_keep_rows_and_order() -> None:
    chunk = _chunk(range(7))
    pieces = _split(chunk, 3)
    assert [len(p) for p in pieces] == [3, 3, 1]
    assert pa.concat_tables(pieces).equals(chunk)
    assert [len(p) for p in _split(chunk, 100)] == [7]
    assert [len(p) for p in _split(chunk.slice(0, 0), 3)] == [0]
    whole = annotate_chunk(chunk, codebook="", model=None)
    joined = _join([annotate_chunk(p, codebook="", model=None) for p in pieces])
    for name in ANNOTATION_TABLES:
        assert joined[name].equals(whole[name]), name


@pytest.mark.parametrize("method", sorted({pool_start_method(), "spawn"}))
def test_pool_equals_annotate_chunk(method: str) -> None:
    chunks = [_chunk(range(0, 5)), _chunk(range(5, 5)), _chunk(range(5, 8)), _chunk(range(8, 9))]
    expected = [annotate_chunk(c, codebook="", model=None) for c in chunks]
    with LocalPool(
        codebook="", model=None, n_process=2, start_method=method, task_articles=2
    ) as pool:
        got = list(pool.map(iter(chunks)))
        assert len(got) == len(chunks)
        for want, have in zip(expected, got, strict=True):
            for name in ANNOTATION_TABLES:
                assert have[name].equals(want[name]), name
            assert "rejects" not in have
        # the pool can be used again (``medialens process`` maps once, tests twice)
        again = list(pool.map([chunks[0]]))
        assert again[0]["article_counts"].equals(expected[0]["article_counts"])


def test_pool_reports_failed_articles() -> None:
    too_long = "Wort " * 250_000  # over spaCy's max_length: a reject, not a crash
    chunk = pa.table({"article_id": ["ok", "long", "ok2"], "text": [TEXTS[0], too_long, TEXTS[1]]})
    with LocalPool(codebook="", model=None, n_process=2, task_articles=1) as pool:
        (result,) = list(pool.map([chunk]))
    assert result["article_counts"].column("article_id").to_pylist() == ["ok", "ok2"]
    assert result["rejects"].column("reason").to_pylist() == ["annotation-failed"]


@pytest.mark.parametrize("method", sorted({pool_start_method(), "spawn"}))
def test_unused_pool_stops_its_workers(method: str) -> None:
    """A re-run with nothing to annotate does not wait for the workers' pipelines."""
    pool = LocalPool(codebook="", model=None, n_process=2, start_method=method)
    processes = list(pool._pool._processes.values())
    assert processes and not pool.used
    with pool:
        pass  # the corpus held nothing to annotate: map() was never given a chunk
    assert not pool.used
    assert all(not p.is_alive() for p in processes), (processes, pool._pool._processes)
    assert all(p.exitcode is not None and p.exitcode != 0 for p in processes)  # terminated


def test_used_pool_lets_its_workers_finish() -> None:
    pool = LocalPool(codebook="", model=None, n_process=2)
    with pool:
        (result,) = list(pool.map([_chunk(range(0, 2))]))
    assert pool.used and len(result["article_counts"]) == 2
    processes = list(pool._pool._processes.values()) if pool._pool._processes else []
    assert all(not p.is_alive() for p in processes)


@pytest.mark.parametrize("method", sorted({pool_start_method(), "spawn"}))
def test_workers_ignore_sigint(method: str) -> None:
    """Ctrl-C reaches the whole process group; only the parent may handle it. A worker hit
    while it starts up, builds its pipeline or waits for a task keeps going, silently (the
    interrupted CLI run must print no worker traceback; tests/integration/test_interrupt.py)."""
    import os
    import signal
    import time

    with LocalPool(codebook="", model=None, n_process=2, start_method=method) as pool:
        processes = list(pool._pool._processes.values())
        for _ in range(3):  # during start-up (spawn: still importing) and again later
            for proc in processes:
                os.kill(proc.pid, signal.SIGINT)
            time.sleep(0.3)
        (result,) = list(pool.map([_chunk(range(0, 4))]))
        assert all(p.is_alive() for p in processes)
    assert len(result["article_counts"]) == 4


def test_pool_left_by_an_exception_terminates_its_workers() -> None:
    """After an error or Ctrl-C in the parent the results are thrown away: the workers (which
    ignore SIGINT) are stopped at once instead of finishing their tasks."""
    pool = LocalPool(codebook="", model=None, n_process=2, task_articles=1)
    processes = list(pool._pool._processes.values())
    with pytest.raises(KeyboardInterrupt), pool:
        for _ in pool.map([_chunk(range(0, 2))]):
            raise KeyboardInterrupt
    assert all(not p.is_alive() for p in processes)
    assert all(p.exitcode is not None and p.exitcode != 0 for p in processes)  # terminated


def test_bad_size() -> None:
    with pytest.raises(ValueError, match="n_process"):
        LocalPool(codebook="", model=None, n_process=0)


# -- streamed ingest (medialens process --n-process N) ----------------------------------------


class _Recorder:
    """A store writer that records every write as (table, rows)."""

    def __init__(self) -> None:
        self.writes: list[tuple[str, list[dict[str, object]]]] = []

    def write(self, name: str, data: object) -> int:
        rows = data.to_pylist() if isinstance(data, pa.Table) else list(data)  # type: ignore[call-overload]
        self.writes.append((name, rows))
        return len(rows)


def _raw_corpus(raw: Path) -> None:
    raw.mkdir(parents=True)
    lines = [
        json.dumps({"id": f"a{i}", "date": "2025-09-05", "text": TEXTS[i % 6] + f" ({i})"})
        for i in range(9)
    ]
    lines.insert(3, json.dumps({"id": "dup", "date": "2025-09-05", "text": TEXTS[0] + " (0)"}))
    lines.insert(5, "{not json")
    (raw / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (raw / "b.txt").write_text(TEXTS[2], encoding="utf-8")


def test_streamed_ingest_writes_what_ingest_writes(tmp_path: Path) -> None:
    from medialens.corpus.ingest import ingest_into
    from medialens.pipeline.stream import StreamedIngest

    raw = tmp_path / "raw"
    _raw_corpus(raw)
    alone = _Recorder()
    ingest_into(alone, raw, progress=False, chunk_rows=4)

    streamed_writer = _Recorder()
    streamed = StreamedIngest(streamed_writer, raw, part_rows=4, batch_rows=2)
    batches = []
    for i, batch in enumerate(streamed.article_batches()):
        batches.append(batch)
        if i == 0:  # an annotation reject before the ingest has finished: held back
            streamed.write("rejects", [{"reason": "annotation-failed"}])
    streamed.write("rejects", [{"reason": "later"}])
    streamed.stop()
    assert [len(b) for b in batches] == [2, 2, 2, 2, 2]
    articles = [rows for name, rows in alone.writes if name == "articles"]
    assert [rows for name, rows in streamed_writer.writes if name == "articles"] == articles
    assert pa.concat_tables(batches).to_pylist() == [r for rows in articles for r in rows]
    for name in ("duplicates", "rejects"):
        want = [rows for n, rows in alone.writes if n == name]
        got = [rows for n, rows in streamed_writer.writes if n == name]
        if name == "rejects":
            assert got[-2:] == [[{"reason": "annotation-failed"}], [{"reason": "later"}]]
            got = got[:-2]
        assert got == want, name
    assert streamed.summary.articles == 10


def test_streamed_ingest_reraises_and_stops(tmp_path: Path) -> None:
    from medialens.pipeline.stream import StreamedIngest

    class Broken(_Recorder):
        def write(self, name: str, data: object) -> int:
            raise OSError("disk full")

    raw = tmp_path / "raw"
    _raw_corpus(raw)
    streamed = StreamedIngest(Broken(), raw, part_rows=2, batch_rows=2)
    with pytest.raises(OSError, match="disk full"):
        list(streamed.article_batches())
    streamed.stop()


def test_two_processes_write_the_same_store(tmp_path: Path) -> None:
    """Ingest and annotation tables, rows and parts, equal with 1 and 2 processes (also an
    incremental run)."""
    import pyarrow.parquet as pq

    from medialens.cli import main
    from medialens.schema import TABLES
    from medialens.store import snapshot_dir

    raw = tmp_path / "raw"
    _raw_corpus(raw)

    def run(processed: Path, *extra: str) -> None:
        args = ["process", "--raw", str(raw), "--processed", str(processed), "--no-progress"]
        assert main([*args, "--chunk-size", "3", *extra]) == 0

    def tables(processed: Path) -> dict[str, list[pa.Table]]:
        snap = snapshot_dir(processed)
        return {
            name: [pq.read_table(p) for p in sorted((snap / name).glob("*.parquet"))]
            for name in TABLES
        }

    run(tmp_path / "one")
    run(tmp_path / "two", "--n-process", "2")
    one, two = tables(tmp_path / "one"), tables(tmp_path / "two")
    for name in TABLES:
        assert len(one[name]) == len(two[name]), name
        for a, b in zip(one[name], two[name], strict=True):
            assert a.equals(b), name
    # incremental: one more article, the rest reused
    with (raw / "a.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "new", "date": "2025-09-06", "text": TEXTS[3] + "!"}) + "\n")
    run(tmp_path / "one")
    run(tmp_path / "two", "--n-process", "2")
    one, two = tables(tmp_path / "one"), tables(tmp_path / "two")
    for name in TABLES:
        got = pa.concat_tables(two[name]) if two[name] else None
        want = pa.concat_tables(one[name]) if one[name] else None
        assert (got is None and want is None) or got.equals(want), name


def test_strict_with_two_processes_leaves_no_store(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from medialens.cli import main

    raw, processed = tmp_path / "raw", tmp_path / "processed"
    _raw_corpus(raw)  # holds a line that is not JSON: a rejected input
    args = ["process", "--raw", str(raw), "--processed", str(processed), "--no-progress"]
    assert main([*args, "--n-process", "2", "--strict"]) == 1
    assert "--strict: 1 input(s) rejected" in capsys.readouterr().err
    assert not (processed / "current").exists()
