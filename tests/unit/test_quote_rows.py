"""Quote rows in the store: the reporting verb of reported speech reaches cue_* columns."""

from __future__ import annotations

import pytest

from medialens.nlp.types import Candidate, FrameHit, Mention, ScareQuote
from medialens.process import doc_rows
from medialens.schema import TABLES


@pytest.mark.parametrize(
    ("text", "kind", "lemma", "category", "in_quote"),
    [
        (
            "Die Opposition kritisierte die Regierung scharf.",
            "reported",
            "kritisieren",
            "critical",
            True,
        ),
        ("»Das ist falsch«, behauptete der Minister.", "direct", "behaupten", "distancing", False),
    ],
)
def test_reporting_verb_reaches_the_store(nlp, text, kind, lemma, category, in_quote):
    doc = nlp(text)
    rows = doc_rows(doc, "a1")["quotes"]
    assert [(r["kind"], r["cue_lemma"], r["cue_category"], r["cue_in_quote"]) for r in rows] == [
        (kind, lemma, category, in_quote)
    ]
    q = doc._.ml_quotes[0]
    if in_quote:  # annotate output keeps the annotation convention: no separate cue
        assert q.cue is None and q.act is not None
        assert q.start <= rows[0]["cue_start"] < rows[0]["cue_end"] <= q.end


def test_not_speech_yields_no_rows(nlp):
    assert doc_rows(nlp("Pedro Sanchez sagte in letzter Minute ab."), "a1")["quotes"] == []


@pytest.mark.parametrize(
    ("table", "record"),
    [
        ("scare_quotes", ScareQuote),
        ("mentions", Mention),
        ("framing", FrameHit),
        ("uncoded_actors", Candidate),
    ],
)
def test_record_fields_are_the_table_columns(table, record):
    """doc_rows copies these records field by field into their tables."""
    assert TABLES[table].names == ["article_id", *record._fields]
