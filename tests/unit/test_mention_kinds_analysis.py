"""Attention counts by kind of mention, the codebook's switch, and who the speakers are
(lib/medialens/analysis/kinds.py), on a tiny hand-made store: every number hand-counted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from medialens import analysis as A
from medialens.store import StoreWriter

ARTICLES = [
    ("a1", "taz", dt.date(2025, 1, 6), 100),
    ("a2", "taz", dt.date(2025, 1, 7), 100),
]
# article, actor, type, kind
MENTIONS = [
    ("a1", "deutschland", "state", "name"),
    ("a1", "deutschland", "state", "adjective"),
    ("a1", "deutschland", "state", "adjective"),
    ("a1", "deutschland", "state", "adjective"),
    ("a1", "merz", "person", "name"),
    ("a1", "merz", "person", "surname"),
    ("a2", "merz", "person", "role"),
    ("a2", "merz", "person", "pronoun"),
    ("a2", "spd", "party", "compound"),
]
# article, quote_id, actor, speaker start, speaker end
QUOTES = [
    ("a1", 0, "merz", 10, 14),  # coded actor
    ("a1", 1, None, 20, 30),  # speaker overlapping an uncoded candidate
    ("a2", 0, None, 40, 45),  # a speaker without any actor
    ("a2", 1, None, None, None),  # no speaker
]
UNCODED = [("a1", 25, 35, "Erna Beispiel", "PER")]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store")
    with StoreWriter(path) as w:
        w.write(
            "articles",
            [
                {"article_id": i, "outlet": o, "date": d, "n_words": n, "text": "x", "title": i}
                for i, o, d, n in ARTICLES
            ],
        )
        w.write(
            "mentions",
            [
                {"article_id": a, "actor": x, "type": t, "kind": k, "start": 0, "end": 1}
                for a, x, t, k in MENTIONS
            ],
        )
        w.write(
            "quotes",
            [
                {
                    "article_id": a,
                    "quote_id": q,
                    "actor": x,
                    "speaker_start": s,
                    "speaker_end": e,
                    "kind": "direct",
                }
                for a, q, x, s, e in QUOTES
            ],
        )
        w.write(
            "uncoded_actors",
            [
                {"article_id": a, "start": s, "end": e, "text": t, "type": ty, "source": "test"}
                for a, s, e, t, ty in UNCODED
            ],
        )
        w.commit()
    return path


NO_CODEBOOK = "/nonexistent/codebook.yaml"


def test_attention_counts_direct_references_only(store: Path) -> None:
    sel = A.select(processed_dir=store, codebook=NO_CODEBOOK)
    got = dict(zip(*A.top_actors(sel)[["actor", "mentions"]].T.values, strict=True))
    # deutschland: 1 name (3 adjectives apart); merz: name, surname, role (pronoun apart)
    assert got == {"merz": 3, "deutschland": 1, "spd": 1}


def test_mention_kinds_table(store: Path) -> None:
    sel = A.select(processed_dir=store, codebook=NO_CODEBOOK)
    table = A.mention_kinds(sel).set_index("actor")
    assert table.loc[
        "deutschland", ["name", "adjective", "attention", "adjectival", "all"]
    ].tolist() == [
        1,
        3,
        1,
        3,
        4,
    ]
    assert table.loc["deutschland", "adjectival_share"] == 0.75
    assert table.loc["merz", ["pronoun", "attention", "all"]].tolist() == [1, 3, 4]
    assert list(table.index) == ["merz", "deutschland", "spd"]  # by attention
    long = A.mention_kinds_long(A.mention_kinds(sel))
    assert long[long.actor == "deutschland"][["kind", "mentions"]].values.tolist() == [
        ["name", 1],
        ["adjective", 3],
    ]


def test_codebook_switches_kinds_per_type(store: Path, tmp_path: Path) -> None:
    book = tmp_path / "cb.yaml"
    book.write_text(
        "mention_kinds:\n  state: [name, adjective]\n  person: [name]\n", encoding="utf-8"
    )
    sel = A.select(processed_dir=store, codebook=book)
    got = dict(zip(*A.top_actors(sel)[["actor", "mentions"]].T.values, strict=True))
    assert got == {"deutschland": 4, "merz": 1, "spd": 1}
    assert A.attention_kinds(sel)["party"] == ("name", "surname", "role", "compound")


def test_speaker_coverage(store: Path) -> None:
    sel = A.select(processed_dir=store, codebook=NO_CODEBOOK)
    got = A.speaker_coverage(sel)
    assert got["outcome"].tolist() == [
        "coded actor",
        "uncoded entity",
        "speaker, no actor",
        "no speaker",
    ]
    assert got["quotes"].tolist() == [1, 1, 1, 1]
    assert got["share"].tolist() == [0.25, 0.25, 0.25, 0.25]
    assert set(got["n"]) == {4}


def test_store_without_kinds_counts_every_mention(tmp_path: Path) -> None:
    with StoreWriter(tmp_path) as w:
        w.write("articles", [{"article_id": "a", "outlet": "o", "date": dt.date(2025, 1, 1)}])
        w.write("mentions", [{"article_id": "a", "actor": "x", "type": "state"}])
        w.commit()
    sel = A.select(processed_dir=tmp_path, codebook=NO_CODEBOOK)
    # the kind column exists (schema) but is null: the row counts
    assert A.top_actors(sel)["mentions"].tolist() == [1]


def test_speaker_coverage_empty_selection(store: Path) -> None:
    sel = A.select(processed_dir=store, codebook=NO_CODEBOOK, date_from="2030-01-01")
    assert A.speaker_coverage(sel).empty
    assert A.mention_kinds(sel).empty


def _pronoun_store(path: Path, *, drop_resolved: bool = False) -> Path:
    """Two pronoun speakers in one article: one resolved to an antecedent that an uncoded
    candidate covers, one unresolved. With ``drop_resolved`` the quotes parts lose the
    antecedent columns, as in a store written before they existed."""
    import pyarrow.parquet as pq

    with StoreWriter(path) as w:
        w.write("articles", [{"article_id": "p", "outlet": "o", "date": dt.date(2025, 1, 1)}])
        w.write(
            "quotes",
            [
                {
                    "article_id": "p",
                    "quote_id": 0,
                    "speaker_start": 50,
                    "speaker_end": 52,
                    "speaker_text": "er",
                    "speaker_resolved": "Erna Beispiel",
                    "speaker_resolved_start": 25,
                    "speaker_resolved_end": 38,
                },
                {"article_id": "p", "quote_id": 1, "speaker_start": 70, "speaker_end": 72},
            ],
        )
        w.write(
            "uncoded_actors",
            [{"article_id": "p", "start": 25, "end": 38, "text": "Erna Beispiel", "type": "PER"}],
        )
        w.commit()
    if drop_resolved:
        for part in path.glob("**/quotes/*.parquet"):
            table = pq.read_table(part)
            keep = [c for c in table.column_names if not c.startswith("speaker_resolved_")]
            pq.write_table(table.select(keep), part)
    return path


def test_speaker_coverage_follows_a_resolved_pronoun(tmp_path: Path) -> None:
    sel = A.select(processed_dir=_pronoun_store(tmp_path), codebook=NO_CODEBOOK)
    got = dict(zip(*A.speaker_coverage(sel)[["outcome", "quotes"]].T.values, strict=True))
    assert got == {"coded actor": 0, "uncoded entity": 1, "speaker, no actor": 1, "no speaker": 0}


def test_speaker_coverage_on_a_store_without_antecedent_offsets(tmp_path: Path) -> None:
    # an older store reads as if the columns were empty: only the speaker span counts
    sel = A.select(processed_dir=_pronoun_store(tmp_path, drop_resolved=True), codebook=NO_CODEBOOK)
    got = dict(zip(*A.speaker_coverage(sel)[["outcome", "quotes"]].T.values, strict=True))
    assert got == {"coded actor": 0, "uncoded entity": 0, "speaker, no actor": 2, "no speaker": 0}
