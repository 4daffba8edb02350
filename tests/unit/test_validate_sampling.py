"""The sampler: allocation, reproducibility, strata respected, no item twice (hypothesis)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialens.validate.columns import default_strata, sheet_columns, strata_choices
from medialens.validate.sampling import (
    SamplingError,
    allocate,
    context,
    draw,
    parse_strata,
)

#: the column contract of issue #15, written out (a change to columns.py must break this)
CONTRACT = {
    "quotes": "item_id what article_id outlet date start end context_left item_text "
    "context_right kind speaker_text speaker_start speaker_end actor cue_text cue_start "
    "cue_end cue_category quote_correct speaker_correct cue_correct kind_correct coder note",
    "mentions": "item_id what article_id outlet date start end context_left item_text "
    "context_right actor kind type correct coder note",
    "scare_quotes": "item_id what article_id outlet date start end context_left item_text "
    "context_right correct coder note",
    "framing": "item_id what article_id outlet date start end context_left item_text "
    "context_right frame term voice correct coder note",
}


@pytest.mark.parametrize("what", sorted(CONTRACT))
def test_sheet_columns_are_the_contract(what):
    assert sheet_columns(what) == CONTRACT[what].split()


@pytest.mark.parametrize(
    ("value", "what", "expected"),
    [
        (None, "quotes", ("outlet", "kind")),
        (None, "framing", ("outlet",)),
        ("outlet,kind", "mentions", ("outlet", "kind")),
        (" outlet , year ,outlet", "quotes", ("outlet", "year")),
        ("", "quotes", ()),
        ("voice,frame", "framing", ("voice", "frame")),
    ],
)
def test_parse_strata(value, what, expected):
    assert parse_strata(value, what) == expected


@pytest.mark.parametrize(
    ("value", "what", "message"),
    [
        ("kind", "framing", "unknown stratum 'kind' for framing; valid: outlet, year, month"),
        ("speaker_text", "quotes", "unknown stratum 'speaker_text'"),
        ("author", "mentions", "unknown stratum 'author'"),
    ],
)
def test_parse_strata_rejects_unknown(value, what, message):
    with pytest.raises(SamplingError, match=message):
        parse_strata(value, what)


def test_default_strata_are_valid_choices():
    for what in CONTRACT:
        assert set(default_strata(what)) <= set(strata_choices(what))


@pytest.mark.parametrize(
    ("sizes", "n", "expected"),
    [
        ({("a",): 50, ("b",): 30, ("c",): 20}, 10, {("a",): 5, ("b",): 3, ("c",): 2}),
        ({("a",): 1, ("b",): 1, ("c",): 1}, 2, {("a",): 1, ("b",): 1, ("c",): 0}),
        ({("a",): 5, ("b",): 3}, 100, {("a",): 5, ("b",): 3}),  # n > N: everything
        ({("a",): 999, ("b",): 1}, 10, {("a",): 10, ("b",): 0}),  # a tiny stratum gets none
    ],
)
def test_proportional_allocation(sizes, n, expected):
    assert allocate(sizes, n=n) == expected


def test_equal_allocation_and_bad_sizes():
    assert allocate({("a",): 50, ("b",): 3}, per_stratum=5) == {("a",): 5, ("b",): 3}
    with pytest.raises(SamplingError, match="at least 1"):
        allocate({("a",): 5}, n=0)
    with pytest.raises(SamplingError, match="either n"):
        allocate({("a",): 5}, n=3, per_stratum=2)


sizes_st = st.dictionaries(
    st.tuples(st.sampled_from("abcdefg")), st.integers(0, 60), min_size=1, max_size=7
)


@given(sizes=sizes_st, n=st.integers(1, 400))
def test_proportional_allocation_properties(sizes, n):
    got = allocate(sizes, n=n)
    total = sum(sizes.values())
    assert sum(got.values()) == min(n, total)
    for key, size in sizes.items():
        assert 0 <= got[key] <= size
        if total:
            assert abs(got[key] - n * size / total) < 1 if n <= total else got[key] == size


def _items(strata_values: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"item_id": f"art{i // 3}:{i}-{i + 5}", "outlet": o, "kind": k, "date": "2025-03-01"}
            for i, (o, k) in enumerate(strata_values)
        ]
    )


items_st = st.lists(
    st.tuples(st.sampled_from(["taz", "welt", "bild"]), st.sampled_from(["direct", "indirect"])),
    min_size=1,
    max_size=150,
)


@settings(max_examples=60, deadline=None)
@given(values=items_st, n=st.integers(1, 200), seed=st.integers(0, 2**31))
def test_same_seed_same_sample_strata_respected_no_item_twice(values, n, seed):
    items = _items(values)
    first, table = draw(items, ("outlet", "kind"), seed=seed, n=n)
    again, table2 = draw(items.sample(frac=1, random_state=1), ("outlet", "kind"), seed=seed, n=n)
    # same seed, same items (in any row order): the same sample in the same order
    assert list(first["item_id"]) == list(again["item_id"]) and table == table2
    # no item twice
    assert first["item_id"].is_unique
    # strata respected: each stratum contributes exactly its allocation, from its own items
    counts = first.groupby(["outlet", "kind"]).size().to_dict()
    for entry in table:
        key = (entry["values"]["outlet"], entry["values"]["kind"])
        assert counts.get(key, 0) == entry["sampled"]
        population = ((items["outlet"] == key[0]) & (items["kind"] == key[1])).sum()
        assert entry["population"] == population
        if entry["sampled"]:
            assert entry["weight"] == pytest.approx(population / entry["sampled"], rel=1e-5)
    assert len(first) == min(n, len(items))


@settings(max_examples=40, deadline=None)
@given(values=items_st, k=st.integers(1, 20), seed=st.integers(0, 2**31))
def test_a_larger_equal_allocation_extends_the_smaller_one(values, k, seed):
    items = _items(values)
    small, _ = draw(items, ("outlet",), seed=seed, per_stratum=k)
    large, _ = draw(items, ("outlet",), seed=seed, per_stratum=k + 3)
    assert set(small["item_id"]) <= set(large["item_id"])
    assert (small.groupby("outlet").size() <= k).all()


def test_different_seeds_draw_different_samples():
    items = _items([("taz", "direct")] * 100)
    a, _ = draw(items, (), seed=1, n=10)
    b, _ = draw(items, (), seed=2, n=10)
    assert set(a["item_id"]) != set(b["item_id"])


def test_derived_strata_year_and_month():
    items = _items([("taz", "direct")] * 4)
    items["date"] = ["2024-12-30", "2025-01-02", "2025-01-05", ""]
    _, table = draw(items, ("year",), seed=1, n=4)
    assert {e["values"]["year"]: e["population"] for e in table} == {
        "": 1,
        "2024": 1,
        "2025": 2,
    }


@pytest.mark.parametrize(
    ("text", "start", "end", "width", "left", "right"),
    [
        ("Er sagte: „Wir gehen.“ Dann ging er.", 11, 21, 100, "Er sagte: „", "“ Dann ging er."),
        ("eins zwei drei vier fünf", 10, 14, 6, "…zwei ", " vier…"),
        ("abc", 0, 3, 5, "", ""),
    ],
)
def test_context_cut_at_whitespace(text, start, end, width, left, right):
    got_left, got_right, left_from = context(text, start, end, width)
    assert (got_left, got_right) == (left, right)
    assert text[left_from:start] == left.lstrip("…")
