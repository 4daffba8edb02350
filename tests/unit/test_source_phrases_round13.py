"""Source phrases of round 13 (branch ``s13-src``): more source nouns after *nach* (*nach
Medien*, *nach Unterlagen*, *nach Zahlen X*, compounds in *-medien, -umfragen, -studien*)
— :data:`medialens.nlp.attribution.cuefind.SOURCE_NOUNS`. Positive cases become source
quotations, negative ones (*nach* as "after" or the object of *suchen nach*) stay none. All
sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nach türkischen Medien wurde der Flughafen gestern geschlossen.",
            [("indirect", "wurde der Flughafen gestern geschlossen", "türkischen Medien", "Nach")],
        ),
        (
            "Nach Staatsmedien soll der Präsident erkrankt sein.",
            [("indirect", "soll der Präsident erkrankt sein", "Staatsmedien", "Nach")],
        ),
        (
            "Nach Unterlagen des Ministeriums waren die Kosten seit Jahren bekannt.",
            [
                (
                    "indirect",
                    "waren die Kosten seit Jahren bekannt",
                    "Unterlagen des Ministeriums",
                    "Nach",
                )
            ],
        ),
        (
            "Nach Zahlen der Arbeitsagentur stieg die Arbeitslosigkeit im Mai leicht.",
            [
                (
                    "indirect",
                    "stieg die Arbeitslosigkeit im Mai leicht",
                    "Zahlen der Arbeitsagentur",
                    "Nach",
                )
            ],
        ),
        (
            "Nach jüngsten Meinungsumfragen liegt die Opposition knapp vorn.",
            [("indirect", "liegt die Opposition knapp vorn", "jüngsten Meinungsumfragen", "Nach")],
        ),
        # negative: no source after *nach*
        ("Nach dem Spiel gingen die Fans friedlich nach Hause.", []),
        ("Die Polizei suchte in der Wohnung nach Dokumenten.", []),
    ],
)
def test_more_source_nouns(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert summary(annotate(text)) == expected
