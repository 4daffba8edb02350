"""Reported speech by the object or the *als*-predicative of a verb of describing or
informing (round 8, from the historical newspaper check). The sentences are invented.

*schildern, beschreiben, preisen, brandmarken* report speech when they say what something
was presented as (*schilderte die Gegend als eine Wüste*); with an object alone they often
report facts or depict (*schilderte die Landschaft in hellen Farben*). *mitteilen* with an
object reports what was communicated (*teilte die Namen der Opfer mit*); *teilen … mit X*
(share) is another verb."""

from __future__ import annotations

import pytest
from attribution_pipeline import quotes_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Reisende schilderte die Gegend als eine öde Wüste.",
            [("reported", "Der Reisende schilderte die Gegend als eine öde Wüste", "Der Reisende")],
        ),
        (
            "Die Stimmung im Lande wird als eine gedrückte geschildert.",
            [("reported", "Die Stimmung im Lande wird als eine gedrückte geschildert", None)],
        ),
        (
            "Der Kritiker beschrieb das Stück als langweilig.",
            [("reported", "Der Kritiker beschrieb das Stück als langweilig", "Der Kritiker")],
        ),
        (
            "Der Dichter pries den Fürsten als Retter des Landes.",
            [("reported", "Der Dichter pries den Fürsten als Retter des Landes", "Der Dichter")],
        ),
        # negatives: the object alone, a depiction
        ("Der Reisende schilderte die Gegend.", []),
        ("Die Karte beschreibt den Weg zum Bahnhof.", []),
        ("Der Maler schilderte die Landschaft in hellen Farben.", []),
    ],
)
def test_describing_verbs_with_predicative(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Behörde teilte die Namen der Opfer mit.",
            [("reported", "Die Behörde teilte die Namen der Opfer mit", "Die Behörde")],
        ),
        (
            "Der Minister teilte dem Landtag die Einzelheiten des Planes mit.",
            [
                (
                    "reported",
                    "Der Minister teilte dem Landtag die Einzelheiten des Planes mit",
                    "Der Minister",
                )
            ],
        ),
        # negatives: *teilen … mit X* (share), a negated act
        ("Er teilte das Brot mit seinem Bruder.", []),
        ("Sie teilte sich die Wohnung mit einer Freundin.", []),
        ("Die Kommission teilte die Namen nicht mit.", []),
    ],
)
def test_mitteilen_with_object(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert quotes_of(text) == expected
