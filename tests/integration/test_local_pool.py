"""The local engine's process pool: the same results as ``annotate_chunk``, in chunk order,
whatever the task size; an article that fails is reported, not lost."""

from __future__ import annotations

import pyarrow as pa
import pytest

from medialens.process import (
    ANNOTATION_TABLES,
    LocalPool,
    _join,
    _split,
    annotate_chunk,
    pool_start_method,
)

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


def test_bad_size() -> None:
    with pytest.raises(ValueError, match="n_process"):
        LocalPool(codebook="", model=None, n_process=0)
