"""Turn dashes between quotations, and verbs of regarding without their predicative.

*„Ist das alles?“ – „Ja“, sagte er*: the dash after a closed quotation (or after a question)
starts a new turn, so what is fronted before *sagte* is only the answer; the question is not
folded into an indirect quotation with it. *ansehen/betrachten* report a view only with an
*als*/*für*-predicative in their clause (*sah es als erwiesen an, dass …*); without one they
are verbs of looking (*sah sich die Bilder an, die …*). Invented sentences.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # the dash is a change of turn: the question is someone else's (round 8: the
            # dash now opens a sentence of its own, so *sagte* no longer reaches back to the
            # question, which round 7 gave to the answering speaker as well)
            "„Ist das alles?“ – „Ja“, sagte der Sprecher.",
            [
                ("direct", "„Ist das alles?“", None, None),
                ("direct", "„Ja“", "der Sprecher", "sagte"),
            ],
        ),
        (
            "Ist das alles? – „Ja“, sagte der Sprecher.",
            [("direct", "„Ja“", "der Sprecher", "sagte")],
        ),
        # negative: a parenthetical dash pair inside the content is no turn boundary
        (
            "Die Regierung habe – trotz aller Warnungen – versagt, sagte der Sprecher.",
            [
                (
                    "indirect",
                    "Die Regierung habe – trotz aller Warnungen – versagt",
                    "der Sprecher",
                    "sagte",
                )
            ],
        ),
    ],
)
def test_turn_dash(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Das Gericht sah es als erwiesen an, dass der Mann gelogen hatte.",
            [("indirect", "dass der Mann gelogen hatte", "Das Gericht", "sah an")],
        ),
        (
            "Als wichtigste Aufgabe sieht es die Bürgermeisterin an, die Schule zu sanieren.",
            [("indirect", "die Schule zu sanieren", "die Bürgermeisterin", "sieht an")],
        ),
        # negative: verbs of looking, no predicative in the clause
        ("Wer sich die alten Häuser ansieht, welche am Markt stehen, der staunt.", []),
        ("Nun sehen wir uns einmal genauer an, was in diesen Wochen geschehen ist.", []),
        (
            "Wie Brüder betrachten sich die Nachbarn, ein Blick genügt, und man hat sich verständigt.",
            [],
        ),
        ("Der Kapitän betrachtete die Passagiere, die an Deck warteten.", []),
    ],
)
def test_regarding_needs_predicative(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the genitive attribute of a speech-act noun is the noun phrase, not the clause's rest
        (
            "Die Vermutungen der Forscher gehen dahin, dass das Mehl alt sei.",
            [("indirect", "dass das Mehl alt sei", "der Forscher", "Vermutungen")],
        ),
        (
            "Die Forderung der Gewerkschaft, die Löhne anzuheben, stieß auf Kritik.",
            [("indirect", "die Löhne anzuheben", "der Gewerkschaft", "Forderung")],
        ),
        # negative: in a subordinate clause the comma closes that clause; the main clause
        # after it is no complement of the noun
        (
            "Wer über Fragen der Kunst und Literatur Entscheidungen treffen will, hat solche "
            "Angriffe scharf zurückzuweisen.",
            [],
        ),
        # negative: *sich Vorwürfe machen* is self-reproach; *jemandem Vorwürfe machen* speech
        ("Er machte sich Vorwürfe, so unfreundlich gewesen zu sein.", []),
        (
            "Sie machte ihm Vorwürfe, er sei zu spät gekommen.",
            [("indirect", "er sei zu spät gekommen", "Sie", "Vorwürfe")],
        ),
    ],
)
def test_noun_cue_attribute_and_reflexive(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *welch-* before its noun opens an indirect question
        (
            "Die Ministerin fragte, welche Partei gewinnen werde.",
            [("indirect", "welche Partei gewinnen werde", "Die Ministerin", "fragte")],
        ),
        (
            "Er wollte wissen, welche neuen Pläne es gebe.",
            [("indirect", "welche neuen Pläne es gebe", "Er", "wollte wissen")],
        ),
        # negative: a relative *welch-* in the indicative is an attribute, not the message
        ("Das bezeugen die Briefe, welche der Dichter schrieb.", []),
        ("Der Bericht schildert die Fehler, welche zu dem Unfall führten.", []),
    ],
)
def test_relative_welch(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Eine Nachbarin bezeugte, dass der Wagen zu schnell gefahren sei.",
            [
                (
                    "indirect",
                    "dass der Wagen zu schnell gefahren sei",
                    "Eine Nachbarin",
                    "bezeugte",
                )
            ],
        ),
        (
            "„Das kommt zu spät“, flüsterte die Abgeordnete.",
            [("direct", "„Das kommt zu spät“", "die Abgeordnete", "flüsterte")],
        ),
        (
            "„Wir sind doch keine Hellseher“, scherzte der Trainer.",
            [("direct", "„Wir sind doch keine Hellseher“", "der Trainer", "scherzte")],
        ),
        (
            "Der Verband tat kund, dass er klagen werde.",
            [("indirect", "dass er klagen werde", "Der Verband", "tat kund")],
        ),
        # negative: the verbs of manner without a message
        ("Die Kinder flüsterten und lachten.", []),
        ("Der Bürgermeister murmelte etwas und ging.", []),
    ],
)
def test_manner_and_testimony_verbs(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *anders als X behauptet*: the sentence contradicts X; no quotation of X
        ("Anders als der Minister behauptet, ist die Lage ernst.", []),
        ("Die Lage ist, anders als er sagte, sehr ernst.", []),
        ("Anders als von der Regierung behauptet wurde, stieg die Zahl.", []),
        # negative: *anders als* before a V2 cue is a comparison of the first field
        (
            "Anders als im Vorjahr sagte die Ministerin, man müsse sparen.",
            [("indirect", "man müsse sparen", "die Ministerin", "sagte")],
        ),
        (
            "Er sagte, die Lage sei anders als erwartet.",
            [("indirect", "die Lage sei anders als erwartet", "Er", "sagte")],
        ),
    ],
)
def test_contrary_frame(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert summary(annotate(text)) == expected
