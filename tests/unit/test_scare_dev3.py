"""The third politics scare-quote set (``dev3``) loads and its offsets match its texts.

Why a test of a fixture: ``scripts/eval_scare_quotes.py`` scores the set (group ``dev3``) on
every run and the rules of the tenth round were judged on it, so a silent shift of its
offsets or texts would change what the figures mean. The texts (German Wikinews, CC BY 2.5;
rows after 278 of the source file of ``untouched2``) are stored already normalised, and the
set holds every quoted span of at most six words of its articles.
"""

from __future__ import annotations

import pytest
from politics_fixture import (
    FIXTURES,
    check_complete,
    check_loads,
    check_normalised,
    check_offsets,
    rows,
)

LABELS = FIXTURES / "scare_quotes_labelled_dev3.jsonl"
ARTICLES = FIXTURES / "scare_quotes_dev3_articles.jsonl"


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return rows(LABELS)


@pytest.fixture(scope="module")
def articles() -> dict[str, dict]:
    return {r["article"]: r for r in rows(ARTICLES)}


def test_fixture_loads(labels, articles):
    check_loads(labels, articles, "wn3", "dev3", min_spans=200, min_scare=20)


def test_offsets_match_texts(labels, articles):
    check_offsets(labels, articles)


def test_texts_are_normalised(articles):
    check_normalised(articles)


def test_every_short_quoted_span_is_labelled(labels, articles):
    check_complete(labels, articles, set())


def test_no_article_shared_with_untouched2(articles):
    """The sets are disjoint: no id, no source page, no text in common."""
    other = rows(FIXTURES / "scare_quotes_untouched2_articles.jsonl")
    assert not {a["source_name"] for a in other} & {a["source_name"] for a in articles.values()}
    assert not {a["text"] for a in other} & {a["text"] for a in articles.values()}
    assert all(int(aid.split("-")[1]) > 278 for aid in articles)
