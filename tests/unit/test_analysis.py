"""Aggregations over a tiny hand-made store: every number checked against a hand count."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from medialens import analysis as A
from medialens.store import StoreWriter

D = dt.date

ARTICLES = [
    # id, outlet, date, words, text
    ("a1", "taz", D(2025, 1, 6), 100, "Scholz sagte, es sei gut. „Wir schaffen das“, sagte Merz."),
    ("a2", "taz", D(2025, 1, 14), 300, "Merz warnte vor der Asylflut. Die Klimakrise drängt."),
    (
        "a3",
        "welt",
        D(2025, 2, 3),
        200,
        "Laut Scholz ist die Asylflut ein Problem. Asylflut überall.",
    ),
    ("a4", "welt", D(2025, 3, 1), 400, "Die Klimakrise ist da."),
]
# article, actor, type
MENTIONS = [
    ("a1", "scholz", "person"),
    ("a1", "merz", "person"),
    ("a2", "merz", "person"),
    ("a2", "merz", "person"),
    ("a3", "scholz", "person"),
    ("a3", "spd", "party"),
]
# article, quote_id, start, end, kind, actor, category, lemma
QUOTES = [
    ("a1", 0, 14, 24, "indirect", "scholz", "neutral", "sagen"),
    ("a1", 1, 27, 42, "direct", "merz", "neutral", "sagen"),
    ("a2", 0, 12, 28, "reported", "merz", "alarm", "warnen"),
    ("a3", 0, 14, 40, "reported", "scholz", None, None),
]
# article, frame, term, voice
FRAMING = [
    ("a2", "migration", "Asylflut", "journalist"),
    ("a2", "climate", "Klimakrise", "journalist"),
    ("a3", "migration", "Asylflut", "reported"),
    ("a3", "migration", "Asylflut", "journalist"),
    ("a4", "climate", "Klimakrise", "journalist"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("store")
    with StoreWriter(path) as w:
        w.write(
            "articles",
            [
                {
                    "article_id": i,
                    "outlet": o,
                    "date": d,
                    "n_words": n,
                    "text": t,
                    "title": f"T {i}",
                }
                for i, o, d, n, t in ARTICLES
            ],
        )
        w.write(
            "mentions",
            [
                {"article_id": a, "actor": actor, "type": typ, "start": 0, "end": 1, "text": actor}
                for a, actor, typ in MENTIONS
            ],
        )
        w.write(
            "quotes",
            [
                {
                    "article_id": a,
                    "quote_id": q,
                    "start": s,
                    "end": e,
                    "kind": k,
                    "actor": actor,
                    "cue_category": c,
                    "cue_lemma": lem,
                    "speaker_text": actor,
                }
                for a, q, s, e, k, actor, c, lem in QUOTES
            ],
        )
        w.write(
            "framing",
            [
                {
                    "article_id": a,
                    "frame": f,
                    "term": t,
                    "text": t,
                    "voice": v,
                    "start": 0,
                    "end": 1,
                }
                for a, f, t, v in FRAMING
            ],
        )
        w.write(
            "rejects",
            [
                {
                    "source_file": "x.jsonl",
                    "source_line": 2,
                    "severity": "error",
                    "reason": "bad-json",
                }
            ],
        )
        w.commit()
    return path


NO_CODEBOOK = "/nonexistent/codebook.yaml"  # no codebook groups: only actor types of the store


@pytest.fixture()
def sel(store):
    return A.select(processed_dir=store, granularity="month", top_n=10, codebook=NO_CODEBOOK)


def test_articles_per_outlet(sel):
    got = A.articles_per_outlet(sel)
    want = pd.DataFrame(
        {
            "outlet": ["taz", "welt"],
            "articles": [2, 2],
            "words": [400, 600],
            "words_per_article": [200.0, 300.0],
        }
    )
    assert_frame_equal(got, want, check_dtype=False)


def test_articles_over_time_by_month(sel):
    got = A.articles_over_time(sel)
    assert got["period"].astype(str).tolist() == ["2025-01-01", "2025-02-01", "2025-03-01"]
    assert got["articles"].tolist() == [2, 1, 1]


def test_top_actors_normalised_per_1000_words(sel):
    got = A.top_actors(sel)[["outlet", "actor", "mentions", "per_1000_words", "rank"]]
    want = pd.DataFrame(
        {
            "outlet": ["taz", "taz", "welt", "welt"],
            "actor": ["merz", "scholz", "scholz", "spd"],
            "mentions": [3, 1, 1, 1],
            # taz has 400 words, welt 600
            "per_1000_words": [7.5, 2.5, round(1000 / 600, 3), round(1000 / 600, 3)],
            "rank": [1, 2, 1, 2],
        }
    )
    assert_frame_equal(got.reset_index(drop=True), want, check_dtype=False)


def test_top_n_limits_rows_per_outlet(store):
    sel = A.select(processed_dir=store, top_n=1)
    got = A.top_actors(sel)
    assert got["actor_id"].tolist() == ["merz", "scholz"]
    # display names come from the (default) codebook; ids stay in actor_id
    assert got["actor"].tolist() == ["Friedrich Merz", "Olaf Scholz"]


def test_mentioned_vs_quoted(sel):
    got = A.mentioned_vs_quoted(sel)
    want = pd.DataFrame(
        {
            "actor_id": ["merz", "scholz", "spd"],
            "actor": ["merz", "scholz", "spd"],
            "mentions": [3, 2, 1],
            "quotes": [2, 2, 0],
            "quoted_per_mention": [round(2 / 3, 3), 1.0, 0.0],
            "quote_share": [0.5, 0.5, 0.0],
            "quotes_total": [4, 4, 4],
            # merz: mentioned in a1, a2 and quoted in both; spd: a3, never quoted
            "articles": [2, 2, 1],
            "articles_quoted": [2, 2, 0],
            "quoted_share": [1.0, 1.0, 0.0],
        }
    )
    assert_frame_equal(got[list(want.columns)], want, check_dtype=False)
    # Wilson 95 % interval of 2/2 and 0/1 (statsmodels proportion_confint)
    assert got["ci_low"].tolist() == pytest.approx([0.3424, 0.3424, 0.0], abs=1e-4)
    assert got["ci_high"].tolist() == pytest.approx([1.0, 1.0, 0.7935], abs=1e-4)


def test_mentions_over_time_fills_zero_periods(sel):
    got = A.mentions_over_time(sel)
    spd = got[got["actor"] == "spd"]
    assert spd["mentions"].tolist() == [0, 1, 0]
    jan_merz = got[(got["actor"] == "merz") & (got["period"].astype(str) == "2025-01-01")]
    assert jan_merz["per_1000_words"].item() == pytest.approx(3 / 400 * 1000)


def test_cooccurrence_counts_articles_once_per_pair(sel):
    got = A.cooccurrence(sel)
    want = pd.DataFrame(
        {
            "actor_a_id": ["merz", "scholz"],
            "actor_a": ["merz", "scholz"],
            "actor_b_id": ["scholz", "spd"],
            "actor_b": ["scholz", "spd"],
            "articles": [1, 1],
        }
    )
    assert_frame_equal(got, want, check_dtype=False)
    matrix = A.cooccurrence_matrix(got)
    assert matrix.loc["scholz", "merz"] == 1 and matrix.loc["merz", "merz"] == 0


def test_quote_kind_shares(sel):
    got = A.quote_kinds_by_actor(sel)
    merz = got[got["actor"] == "merz"].set_index("kind")["share"].to_dict()
    assert merz == {"direct": 0.5, "reported": 0.5}
    outlet = A.quote_kinds_by_outlet(sel)
    assert outlet.groupby("outlet")["share"].sum().tolist() == pytest.approx([1.0, 1.0], abs=1e-3)


def test_stance_none_for_missing_category(sel):
    got = A.stance_by_actor(sel)
    scholz = got[got["actor"] == "scholz"].set_index("cue_category")["quotes"].to_dict()
    assert scholz == {"neutral": 1, "none": 1}


def test_speakers_by_category(sel):
    got = A.speakers_by_category(sel, category="alarm")
    assert got[["outlet", "actor", "cue_lemma", "quotes", "share_of_actor"]].values.tolist() == [
        ["taz", "merz", "warnen", 1, 0.5]
    ]
    assert A.speakers_by_category(sel, category="nonexistent").empty


def test_kwic_quotes_context_cut_at_word_boundaries(sel):
    got = A.kwic(sel, source="quotes", limit=10, width=12)
    row = got[got["keyword"] == "Wir schaffen da"].iloc[0]  # text[27:42]
    # the last 12 characters before the quote start mid-word ("s sei gut. „"): cut to the
    # next word; the first 12 after it end mid-word ("s“, sagte Me"): cut to the last one
    assert row["left"] == "… sei gut. „"
    assert row["right"] == "s“, sagte …"
    assert row["article_id"] == "a1" and "direct" in row["detail"]
    assert got["date"].iloc[0] == pd.Timestamp("2025-02-03")  # newest first


@pytest.mark.parametrize(
    ("source", "query", "expected"),
    [
        ("frames", "asylflut", {"a2", "a3"}),  # word, any case
        ("frames", "Klimakrise", {"a2", "a4"}),
        ("frames", "/^asyl/", {"a2", "a3"}),  # regex
        ("quotes", "warnen", {"a2"}),  # reporting-verb lemma
        ("mentions", "merz", {"a1", "a2"}),  # actor id
        ("frames", "asyl", set()),  # a word must be whole: no prefix match
        ("quotes", "nobody", set()),
    ],
)
def test_kwic_query(sel, source, query, expected):
    got = A.kwic(sel, source=source, query=query, limit=50)
    assert set(got["article_id"]) == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"query": "/[/"}, "not a valid regular expression"),
        ({"source": "titles"}, "valid values: quotes, mentions, frames"),
        ({"limit": 0}, "positive integer"),
    ],
)
def test_kwic_bad_parameters(sel, kwargs, message):
    with pytest.raises(A.ParameterError, match=message):
        A.kwic(sel, **kwargs)


@pytest.mark.parametrize(
    ("text", "width", "left", "right"),
    [
        ("eins zwei drei", 9, "… zwei drei", "eins zwei …"),
        ("eins zwei drei", 8, "… drei", "eins …"),
        ("eins zwei drei", 14, "eins zwei drei", "eins zwei drei"),
        ("Donaudampfschiff", 5, "…", "…"),  # one long word: never cut inside it
        ("a  b\n c", 10, "a b c", "a b c"),
    ],
)
def test_kwic_cuts(text, width, left, right):
    from medialens.analysis.kwic import cut_left, cut_right

    assert cut_left(text, width) == left
    assert cut_right(text, width) == right


def test_frames(sel):
    shares = A.frame_shares_over_time(sel)
    jan = shares[shares["period"].astype(str) == "2025-01-01"].set_index("frame")["share"].to_dict()
    assert jan == {"climate": 0.5, "migration": 0.5}
    voice = A.frames_by_voice(sel).set_index(["frame", "voice"])["hits"].to_dict()
    assert voice == {
        ("climate", "journalist"): 2,
        ("migration", "journalist"): 2,
        ("migration", "reported"): 1,
    }
    by_outlet = A.frames_by_outlet(sel)
    assert by_outlet[by_outlet["outlet"] == "welt"]["hits"].sum() == 3


def test_keyness_empty():
    assert A.keyness(pd.DataFrame(columns=["group", "term", "n", "group_words"])).empty


def test_term_counts_by_outlet_and_words(sel):
    frame_terms = A.term_counts(sel, by="outlet", min_count=1)
    assert frame_terms.set_index(["group", "term"])["n"].to_dict() == {
        ("taz", "asylflut"): 1,
        ("taz", "klimakrise"): 1,
        ("welt", "asylflut"): 2,
        ("welt", "klimakrise"): 1,
    }
    words = A.term_counts(sel, by="period", terms="words", min_count=3)
    assert ("2025-02", "asylflut") in set(zip(words["group"], words["term"], strict=True))
    with pytest.raises(A.ParameterError, match="valid values: outlet, period"):
        A.term_counts(sel, by="author")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"outlets": ["taz", "bild"]}, r"unknown outlet: 'bild'\. Valid values: taz, welt$"),
        ({"actors": "nobody"}, r"unknown actor: 'nobody'\. Valid values: merz, scholz, spd$"),
        ({"actors": "mer"}, r"unknown actor: 'mer'\. Did you mean 'merz'\? Valid values"),
        ({"frames": ["war"]}, r"unknown frame: 'war'\. Valid values: climate, migration$"),
        ({"groups": ["greens"]}, r"unknown group: 'greens'\. Valid values: party, person$"),
        ({"date_from": "2025-03-01", "date_to": "2025-01-01"}, "is after date_to"),
        ({"date_from": "2025-13-45"}, "not a valid date"),
        ({"date_from": "yesterday"}, "is not a date"),
        ({"date_from": 20250101}, "must be a date string"),
        ({"granularity": "hour"}, "valid values: auto, day, week, month, quarter, year"),
        ({"min_articles": -1}, "min_articles must be an integer >= 0"),
        ({"top_n": "5"}, "top_n must be a positive integer"),
        ({"top_n": 0}, "top_n must be a positive integer"),
        ({"outlets": [1, 2]}, "must be a list of strings"),
    ],
)
def test_invalid_parameters_name_valid_values(store, kwargs, message):
    with pytest.raises(A.ParameterError, match=message):
        A.select(processed_dir=store, codebook=NO_CODEBOOK, **kwargs)


def test_filters_combine(store):
    sel = A.select(processed_dir=store, outlets=["welt"], date_to="2025-02-28")
    assert sel.n_articles == 1
    sel = A.select(processed_dir=store, actors=["merz"])
    assert sel.n_articles == 2
    assert set(A.top_actors(sel)["actor_id"]) == {"merz"}
    sel = A.select(processed_dir=store, frames=["climate"])
    assert sel.n_articles == 2
    assert set(A.frames_by_outlet(sel)["frame_id"]) == {"climate"}


def test_groups_from_actor_type_and_codebook(store, tmp_path):
    sel = A.select(processed_dir=store, groups=["party"], codebook=NO_CODEBOOK)
    assert sel.actors == ("spd",) and sel.n_articles == 1
    codebook = tmp_path / "cb.yaml"
    codebook.write_text(
        "version: 1\nactors:\n"
        "  - {id: scholz, name: Olaf Scholz, type: person, party: spd}\n"
        "  - {id: merz, name: Friedrich Merz, type: person, groups: [union]}\n"
        "  - {id: spd, name: SPD, type: party}\n",
        encoding="utf-8",
    )
    sel = A.select(processed_dir=store, groups=["union"], codebook=codebook)
    assert sel.actors == ("merz",)
    assert A.load_groups(codebook) == {
        "spd": frozenset({"scholz"}),
        "union": frozenset({"merz"}),
        "person": frozenset({"scholz", "merz"}),
        "party": frozenset({"spd"}),
    }
    assert A.load_groups(tmp_path / "missing.yaml") == {}
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\nactors:\n  - {id: x}\n", encoding="utf-8")
    with pytest.raises(A.ParameterError, match=r"broken.yaml:3"):
        A.load_groups(broken)


def test_empty_selection_gives_empty_tables_not_errors(store):
    sel = A.select(processed_dir=store, date_from="2030-01-01")
    assert sel.empty
    for fn in (
        A.articles_per_outlet,
        A.articles_over_time,
        A.top_actors,
        A.mentions_over_time,
        A.mentioned_vs_quoted,
        A.cooccurrence,
        A.quote_kinds_by_actor,
        A.stance_by_outlet,
        A.kwic,
        A.mentioned_vs_quoted_by_outlet,
        A.attention_by_outlet,
        A.stance_by_actor_outlet,
        A.frame_shares_over_time,
        A.frames_by_voice,
        A.scare_quote_terms,
    ):
        assert fn(sel).empty, fn.__name__
    assert A.keyness(A.term_counts(sel)).empty
    assert A.article_ids(sel) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-05-01", D(2025, 5, 1)),
        ("-7d", D(2025, 6, 8)),
        ("-2w", D(2025, 6, 1)),
        ("-1m", D(2025, 5, 16)),
        ("-1y", D(2024, 6, 15)),
        ("+1d", D(2025, 6, 16)),
        ("", None),
        (None, None),
        (D(2025, 1, 2), D(2025, 1, 2)),
    ],
)
def test_resolve_date(value, expected):
    assert A.resolve_date(value, today=D(2025, 6, 15)) == expected


def test_relative_dates_in_selection(store):
    sel = A.select(processed_dir=store, date_from="-30d", today=D(2025, 3, 2))
    assert sel.date_from == D(2025, 1, 31) and sel.n_articles == 2


def test_load_article_and_unknown_id(sel):
    data = A.load_article(sel, "a2")
    assert data["article"]["outlet"] == "taz"
    assert len(data["mentions"]) == 2 and len(data["framing"]) == 2
    with pytest.raises(
        A.ParameterError, match="unknown article_id 'zz'; for example: a4, a3, a2, a1"
    ):
        A.load_article(sel, "zz")
