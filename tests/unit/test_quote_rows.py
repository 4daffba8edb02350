"""Quote rows in the store: the reporting verb of reported speech reaches cue_* columns."""

from __future__ import annotations

import pytest

from medialens.process import doc_rows


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
