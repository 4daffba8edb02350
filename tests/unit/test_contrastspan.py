"""A contrastive *während* joins two statements: each reported quotation is its own clause
(:mod:`medialens.nlp.attribution.contrastspan`); the preposition *während der Sitzung* changes
nothing. All sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import quotes_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the cue in the main clause after a fronted contrast: the main clause only
        (
            "Während die Stadt noch prüft, fordert der Mieterverein einen sofortigen Baustopp.",
            [
                (
                    "reported",
                    "fordert der Mieterverein einen sofortigen Baustopp",
                    "der Mieterverein",
                )
            ],
        ),
        # two statements, two quotations
        (
            "Während die Polizei von 4.000 Teilnehmern sprach, sprachen die Veranstalter von "
            "9.000 Menschen.",
            [
                ("reported", "Während die Polizei von 4.000 Teilnehmern sprach", "die Polizei"),
                (
                    "reported",
                    "sprachen die Veranstalter von 9.000 Menschen",
                    "die Veranstalter",
                ),
            ],
        ),
        # the contrast after the cue's clause is cut off
        (
            "Die Opposition forderte den Rücktritt, während die Regierung noch schwieg.",
            [("reported", "Die Opposition forderte den Rücktritt", "Die Opposition")],
        ),
        # a concessive clause is the reporter's comment, fronted or after the statement
        (
            "Der Verband kritisierte den Neubau, obwohl die Stadt Zuschüsse zugesagt hatte.",
            [("reported", "Der Verband kritisierte den Neubau", "Der Verband")],
        ),
        (
            "Obwohl die Stadt Zuschüsse zugesagt hatte, kritisierte der Verband den Neubau.",
            [("reported", "kritisierte der Verband den Neubau", "der Verband")],
        ),
        # the cue in the trailing contrast clause: that clause only
        (
            "Die Vorstände stimmten zu, während der Plan von den Anwohnern als überstürzt "
            "kritisiert wurde.",
            [
                (
                    "reported",
                    "während der Plan von den Anwohnern als überstürzt kritisiert wurde",
                    "den Anwohnern",
                )
            ],
        ),
        # negative: *während der* + verb-final clause is a preposition with a relative pronoun
        ("Das geschah in der Sitzung, während der die Gewerkschaft höhere Löhne forderte.", []),
        # negative: the preposition *während* opens no clause; the whole sentence stays
        (
            "Während der Sitzung forderte die Opposition den Rücktritt des Ministers.",
            [
                (
                    "reported",
                    "Während der Sitzung forderte die Opposition den Rücktritt des Ministers",
                    "die Opposition",
                )
            ],
        ),
        (
            "Die Opposition forderte während der Sitzung den Rücktritt des Ministers.",
            [
                (
                    "reported",
                    "Die Opposition forderte während der Sitzung den Rücktritt des Ministers",
                    "Die Opposition",
                )
            ],
        ),
    ],
)
def test_contrast_span(text: str, expected: list) -> None:
    assert quotes_of(text) == expected
