"""Forms of a reporting verb that perform no speech act
(:mod:`medialens.nlp.attribution.verbsense`): an attributive participle, a perfect or modal
zu-infinitive, *ausgehen* with *sein*, reflexive *sich ankündigen*, *bestreiten* with a match.
Positive cases stay quotations, negative ones are no longer quotations. All sentences are
invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negative: an inflected participle between an article and its noun
        (
            "Wegen der prognostizierten Kosten von zwei Milliarden Euro stoppte die Stadt das Projekt.",
            [],
        ),
        # negative: a perfect or modal zu-infinitive
        ("Die Reporter kamen, um über den Prozess berichten zu können.", []),
        # negative: *ausgehen* with *sein* ("originate"), *sich ankündigen*, *bestreiten* a match
        ("Die Idee war von einer Gruppe Studenten ausgegangen.", []),
        ("Der Rücktritt hatte sich seit Wochen angekündigt.", []),
        ("Die Mannschaft bestreitet am Sonntag das Finale gegen Spanien.", []),
        # positive: *ausgehen* with *sein* and a subject that can speak assumes ("assume")
        (
            "Die Ermittler waren von einer Brandstiftung ausgegangen.",
            [
                (
                    "reported",
                    "Die Ermittler waren von einer Brandstiftung ausgegangen",
                    "Die Ermittler",
                    None,
                )
            ],
        ),
        # positive: the finite verb, the speech senses
        (
            "Die Regierung hatte höhere Löhne gefordert.",
            [("reported", "Die Regierung hatte höhere Löhne gefordert", "Die Regierung", None)],
        ),
        (
            "Der Sender hat einseitig berichtet.",
            [("reported", "Der Sender hat einseitig berichtet", "Der Sender", None)],
        ),
        (
            "Die Polizei geht von einem Unfall aus.",
            [("reported", "Die Polizei geht von einem Unfall aus", "Die Polizei", None)],
        ),
        (
            "Der Minister hatte seinen Rücktritt angekündigt.",
            [("reported", "Der Minister hatte seinen Rücktritt angekündigt", "Der Minister", None)],
        ),
        (
            "Der Trainer bestreitet die Vorwürfe.",
            [("reported", "Der Trainer bestreitet die Vorwürfe", "Der Trainer", None)],
        ),
        # positive: a demonstrative *Das* before a finite verb that looks like a participle
        (
            "Der Zug fällt aus. Das erklärte der Sprecher der Bahn am Montag.",
            [("indirect", "Der Zug fällt aus … Das", "der Sprecher der Bahn", "erklärte")],
        ),
        (
            "Der Zug fällt aus. Das berichteten Reisende am Montag.",
            [("indirect", "Der Zug fällt aus … Das", "Reisende", "berichteten")],
        ),
    ],
)
def test_no_speech_act(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negative: *bemerken* "to notice" in a temporal clause
        ("Nachdem die Piloten den Fehler bemerkt hatten, leiteten sie eine Notbremsung ein.", []),
        ("Als der Wächter bemerkte, dass die Tür offen stand, rief er die Polizei.", []),
        # positive: *bemerken* "to remark"
        (
            "„Das ist ein guter Anfang“, bemerkte die Ministerin.",
            [("direct", "„Das ist ein guter Anfang“", "die Ministerin", "bemerkte")],
        ),
        (
            "Der Minister bemerkte, dass die Zahlen nicht stimmten.",
            [("indirect", "dass die Zahlen nicht stimmten", "Der Minister", "bemerkte")],
        ),
    ],
)
def test_bemerken(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert summary(annotate(text)) == expected
