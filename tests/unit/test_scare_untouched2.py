"""The second untouched scare-quote set (``untouched2``) loads and its offsets match its texts.

Why a test of a fixture: the set is only ever measured (``scripts/eval_scare_quotes.py``,
group ``untouched2``), so a silent shift of its offsets or texts — an edit of the articles
file, a change of ``normalize_text`` or of the mark-pair scan — would quietly change what is
measured. The texts are stored already normalised (German Wikinews, CC BY 2.5), so the
offsets index them directly, and the set holds every quoted span of at most six words of
its articles (one recorded artefact aside).
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

LABELS = FIXTURES / "scare_quotes_labelled_untouched2.jsonl"
ARTICLES = FIXTURES / "scare_quotes_untouched2_articles.jsonl"
#: quoted spans of the set's articles deliberately left out: (article, start, end) — a
#: gallery caption run into the text (see tests/fixtures/README.md, docs/actors.md)
ARTEFACTS = {("wn2-242", 2500, 2514)}


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return rows(LABELS)


@pytest.fixture(scope="module")
def articles() -> dict[str, dict]:
    return {r["article"]: r for r in rows(ARTICLES)}


def test_fixture_loads(labels, articles):
    check_loads(labels, articles, "wn2", "untouched2", min_spans=150, min_scare=30)


def test_offsets_match_texts(labels, articles):
    check_offsets(labels, articles)


def test_texts_are_normalised(articles):
    """Offsets are in the text after ``normalize_text``; the stored text is that text."""
    check_normalised(articles)


def test_every_short_quoted_span_is_labelled(labels, articles):
    """The same mark-pair scan as the other sets: every quotation of one to six words."""
    check_complete(labels, articles, ARTEFACTS)
