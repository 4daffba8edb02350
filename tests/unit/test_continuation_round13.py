"""Round 13 (branch ``s13-cont``): continuations of indirect speech without a new reporting
verb; invented sentences with negatives.

A negated plural *dürften* right after a quotation is the deontic prohibition the source
demands (*Sie dürften nicht …*), a continuation of the current speaker; the unnegated
*dürften* stays the journalist's estimate (:func:`medialens.nlp.attribution.continuations.
singular_konjunktiv_ii_continuation`).
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.sentences import sentence_starts

_FRAME = "Die Bürgermeisterin sagte, der Haushalt sei ausgeglichen. "


@pytest.mark.parametrize(
    ("text", "continued"),
    [
        # positives: negated plural dürften right after a quotation
        (_FRAME + "Die Gebühren dürften nicht weiter steigen.", True),
        (_FRAME + "Es dürften keine neuen Schulden aufgenommen werden.", True),
        (_FRAME + "Die Vereine dürften dabei nie vergessen werden.", True),
        # negatives: the estimate without negation; a conditional; the first person;
        # not right after the quotation
        (_FRAME + "Die Gebühren dürften weiter steigen.", False),
        (_FRAME + "Wenn die Gebühren steigen, dürften nicht alle zahlen können.", False),
        (_FRAME + "Wir dürften nicht vergessen werden.", False),
        (_FRAME + "Das Wetter war schlecht. Die Gebühren dürften nicht steigen.", False),
        # negatives: the negation stands in another clause
        (_FRAME + "Die Gebühren dürften steigen, die Zahl der Mitglieder nicht.", False),
    ],
)
def test_negated_durften_continues(text: str, continued: bool) -> None:
    """Is the last sentence an indirect quotation of the mayor?"""
    quotes = summary(annotate(text))
    last = quotes[-1]
    got = "dürften" in last[1] and last[2] == "Die Bürgermeisterin"
    assert got is continued


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the subject of a hearsay sentence is talked about, not a source
        ("Ein Nachbar soll den Zaun beschädigt haben. Er habe danach die Polizei gerufen.", None),
        (
            "Der frühere Kassenwart des Vereins, Bernd Kolbe, soll Geld veruntreut haben. "
            "Bereits im Frühjahr seien Unregelmäßigkeiten aufgefallen.",
            None,
        ),
        # negatives: an indicative sentence names the source; soll only in another clause
        (
            "Der Verein kritisierte die Stadt. Die Halle sei seit Jahren marode.",
            "Der Verein",
        ),
        (
            "Der Konzern will im Mai 100 Fässer verkaufen, im Juni sollen es 300 sein. "
            "Schwierig sei vor allem der Export.",
            "Der Konzern",
        ),
    ],
)
def test_hearsay_subject_is_no_source(text: str, speaker: str | None) -> None:
    """The speaker of the Konjunktiv sentence after the first sentence."""
    assert summary(annotate(text))[-1][2] == speaker


_SAID = "Die Vorsitzende sagte, das Verfahren sei fair gewesen. "


@pytest.mark.parametrize(
    ("text", "continuation"),
    [
        # a lower-case partial quotation that closes the sentence with its period inside
        (
            _SAID + "Weiterhin bleibe „der Eindruck, man habe etwas zu verbergen.“",
            "Weiterhin bleibe „der Eindruck, man habe etwas zu verbergen.“",
        ),
        (
            _SAID + "Der Vorwurf gehe ins Leere. Zudem sei „die Kritik völlig verfehlt.“",
            "Der Vorwurf gehe ins Leere. Zudem sei „die Kritik völlig verfehlt.“",
        ),
        # negatives: a full quoted sentence stays a quotation of its own
        (_SAID + "Der Vorwurf gehe ins Leere. „Wir bleiben dabei.“", "Der Vorwurf gehe ins Leere"),
    ],
)
def test_partial_quotation_with_final_period(text: str, continuation: str) -> None:
    """The indirect continuation of the chair (after her first quotation)."""
    quotes = summary(annotate(text))
    indirect = [q for q in quotes if q[0] == "indirect"]
    assert indirect[-1][1] == continuation
    assert indirect[-1][2] == "Die Vorsitzende"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a cue inside a dass-complement of a Konjunktiv main clause is part of the content
        (
            _SAID + "Es sei ohnehin fraglich, dass der Rat eine Lösung findet.",
            "Die Vorsitzende",
        ),
        (
            _SAID + "Nun sei zu hoffen, dass die Stadt den Plan bald vorstellt.",
            "Die Vorsitzende",
        ),
    ],
)
def test_cue_in_complement_of_konjunktiv_clause(text: str, speaker: str) -> None:
    """The whole Konjunktiv sentence continues the chair's indirect speech."""
    last = summary(annotate(text))[-1]
    assert last[0] == "indirect"
    assert last[1].startswith(("Es sei", "Nun sei"))
    assert last[2] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # negatives: the Konjunktiv stands in a subordinate clause, not the main clause; an
        # indicative main clause has a frame of its own
        _SAID + "Der Rat entdeckte daß die Pläne veraltet seien, dass er also sagen konnte: "
        "„Alles ist neu.“",
        _SAID + "Der Rat glaubt nicht, dass die Stadt den Plan bald vorstellt.",
    ],
)
def test_cue_in_complement_not_embedded(text: str) -> None:
    """No continuation of the chair swallows the later frame."""
    quotes = summary(annotate(text))
    assert not any(q[2] == "Die Vorsitzende" and "Rat" in q[1] for q in quotes[1:])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a period glued to a two-letter sentence opener (scraped text) ends the sentence
        ("Die Halle wurde geräumt.Im Keller fand man nichts.", 2),
        ("Der Mann wurde gefunden.Er soll gestürzt sein.", 2),
        # negatives: a two-letter word that is no listed opener (a web address); an
        # abbreviation before the period
        ("Siehe die Seite verein.De für mehr.", 1),
        ("Er kam bzw.Im Mai auch.", 1),
    ],
)
def test_glued_short_opener(text: str, expected: int) -> None:
    """How many sentences the segmenter finds (it returns the starts after the first)."""
    assert len(sentence_starts(text)) + 1 == expected
