"""The second untouched scare-quote set (``untouched2``) loads and its offsets match its texts.

Why a test of a fixture: the set is only ever measured (``scripts/eval_scare_quotes.py``,
group ``untouched2``), so a silent shift of its offsets or texts — an edit of the articles
file, a change of ``normalize_text`` or of the mark-pair scan — would quietly change what is
measured. The texts are stored already normalised (German Wikinews, CC BY 2.5), so the
offsets index them directly, and the set holds every quoted span of at most six words of
its articles (one recorded artefact aside).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LABELS = FIXTURES / "scare_quotes_labelled_untouched2.jsonl"
ARTICLES = FIXTURES / "scare_quotes_untouched2_articles.jsonl"
#: quoted spans of the set's articles deliberately left out: (article, start, end) — a
#: gallery caption run into the text (see tests/fixtures/README.md, docs/actors.md)
ARTEFACTS = {("wn2-242", 2500, 2514)}


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return _rows(LABELS)


@pytest.fixture(scope="module")
def articles() -> dict[str, dict]:
    return {r["article"]: r for r in _rows(ARTICLES)}


def test_fixture_loads(labels, articles):
    assert len(labels) >= 150
    assert len(articles) == len({r["article"] for r in labels})
    assert {r["split"] for r in labels} == {"untouched2"}
    counts = Counter(r["label"] for r in labels)
    assert set(counts) == {"speech", "scare_quote", "name_or_title"}
    assert counts["scare_quote"] >= 30
    for a in articles.values():
        assert a["article"].startswith("wn2-") and a["source_name"].startswith(
            "https_de.wikinews.org_wiki_"
        )


def test_offsets_match_texts(labels, articles):
    for r in labels:
        text = articles[r["article"]]["text"]
        assert 0 <= r["start"] < r["end"] <= len(text), r
        assert text[r["start"] : r["end"]] == r["text"], r
        assert 1 <= len(r["text"].split()) <= 6, r


def test_texts_are_normalised(articles):
    """Offsets are in the text after ``normalize_text``; the stored text is that text."""
    from medialens.corpus.normalize import normalize_text

    for a in articles.values():
        assert normalize_text(a["text"]).text == a["text"], a["article"]


def test_every_short_quoted_span_is_labelled(labels, articles):
    """The same mark-pair scan as the other sets: every quotation of one to six words."""
    from medialens.nlp.attribution.marks import find_quoted_regions

    labelled = {(r["article"], r["start"], r["end"]) for r in labels}
    assert len(labelled) == len(labels)
    scanned = set()
    for aid, a in articles.items():
        for q in find_quoted_regions(a["text"]):
            s, e = q.inner
            if 1 <= len(a["text"][s:e].split()) <= 6:
                scanned.add((aid, s, e))
    assert scanned - ARTEFACTS == labelled
    assert scanned >= ARTEFACTS
