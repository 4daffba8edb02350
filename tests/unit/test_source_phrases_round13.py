"""Source phrases of round 13 (branch ``s13-src``): more source nouns after *nach* (*nach
Medien*, *nach Unterlagen*, *nach Zahlen X*, compounds in *-medien, -umfragen, -studien*)
— :data:`medialens.nlp.attribution.cuefind.SOURCE_NOUNS`; and the start of the object of
*zufolge* (:mod:`medialens.nlp.attribution.zufolgeextent`). Positive cases become source
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Den jüngsten Wiener Zeitungen zufolge wurde die Brücke gestern gesperrt.",
            [
                (
                    "indirect",
                    "wurde die Brücke gestern gesperrt",
                    "Den jüngsten Wiener Zeitungen",
                    "zufolge",
                )
            ],
        ),
        (
            "Einer Meldung aus Rom zufolge ist der Botschafter abgereist.",
            [("indirect", "ist der Botschafter abgereist", "Einer Meldung aus Rom", "zufolge")],
        ),
        (
            "Den Behörden in Lyon zufolge wurden drei Menschen verletzt.",
            [("indirect", "wurden drei Menschen verletzt", "Den Behörden in Lyon", "zufolge")],
        ),
    ],
)
def test_zufolge_object_start(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert summary(annotate(text)) == expected


def test_zufolge_middle_field_not_widened() -> None:
    """In the middle field the phrase before the preposition is the clause's own (*von dem
    Gericht*), not part of the object of *zufolge*."""
    (quote,) = summary(
        annotate("Der Mann wurde von dem Gericht in Lyon Berichten zufolge verurteilt.")
    )
    assert quote[2] is not None and not quote[2].startswith("dem Gericht")
    assert quote[1].startswith("Der Mann wurde von dem Gericht")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Männer, bei denen laut Zoll mehrere Waffen gefunden wurden, sind wieder frei.",
            [("indirect", "bei denen … mehrere Waffen gefunden wurden", "Zoll", "laut")],
        ),
        (
            "Das Lager, in dem nach Angaben der Feuerwehr viel Farbe gelagert war, brannte aus.",
            [
                (
                    "indirect",
                    "in dem … viel Farbe gelagert war",
                    "Angaben der Feuerwehr",
                    "nach",
                )
            ],
        ),
        (
            "Der Zug, mit dem laut Bahn über 300 Fans reisten, kam pünktlich an.",
            [("indirect", "mit dem … über 300 Fans reisten", "Bahn", "laut")],
        ),
        # negative: *in der* before a capitalised noun is a prepositional phrase, not a
        # relative clause (the clause is a main clause of its own)
        (
            "Die Gäste fuhren nach Hause, in der Hauptstadt blieb es laut Polizei bis zum Morgen ruhig.",
            [("indirect", "in der Hauptstadt blieb es … bis zum Morgen ruhig", "Polizei", "laut")],
        ),
    ],
)
def test_prepositional_relative_clause(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert summary(annotate(text)) == expected
