"""Round 10 speaker rules (issue #13), invented sentences with negative cases.

* *nach* before a noun of judgement, forecast, proposal or draft law names the source of the
  sentence like *nach Angaben* (*Nach Bewertung der Prüfer ist …*, *Nach der Vorhersage des
  Wetterdienstes wird …*, *Nach einem Gesetzentwurf der Regierung sollen …*):
  :data:`medialens.nlp.attribution.cuefind.SOURCE_NOUNS`;
* *Vorstellung* and *Vorschlag* also name events (a presentation, the act of proposing): with
  the definite article right after *nach*, or with an adjective of extent, *nach* is temporal
  (*Nach der Vorstellung des Modells stieg die Aktie*):
  :func:`medialens.nlp.attribution.sourcesense.temporal_nach`.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.cuefind import is_source_noun


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the new source nouns, with their source as genitive or Saxon genitive
        (
            "Nach Bewertung der Prüfer ist das Projekt wirtschaftlich.",
            [("indirect", "ist das Projekt wirtschaftlich", "Bewertung der Prüfer", "Nach")],
        ),
        (
            "Nach der Vorhersage des Wetterdienstes wird es am Wochenende regnen.",
            [
                (
                    "indirect",
                    "wird es am Wochenende regnen",
                    "Vorhersage des Wetterdienstes",
                    "Nach",
                )
            ],
        ),
        (
            "Nach Müllers Idee soll die Mehrheit der abgegebenen Stimmen entscheiden.",
            [
                (
                    "indirect",
                    "soll die Mehrheit der abgegebenen Stimmen entscheiden",
                    "Müllers Idee",
                    "Nach",
                )
            ],
        ),
        (
            "Nach dem Gesetzentwurf der Regierung sollen auch Schulen Zugriff erhalten.",
            [
                (
                    "indirect",
                    "sollen auch Schulen Zugriff erhalten",
                    "Gesetzentwurf der Regierung",
                    "Nach",
                )
            ],
        ),
        (
            "Nach Vorstellung der Regierung soll die Steuer sinken.",
            [("indirect", "soll die Steuer sinken", "Vorstellung der Regierung", "Nach")],
        ),
        (
            "Nach einem Vorschlag der Kommission sollen die Zölle sinken.",
            [("indirect", "sollen die Zölle sinken", "Vorschlag der Kommission", "Nach")],
        ),
        # negative: the event readings (a presentation, the act of proposing) are temporal
        ("Nach der Vorstellung des neuen Modells stieg die Aktie deutlich.", []),
        ("Nach dem Vorschlag der Kommission stimmte das Parlament ab.", []),
        # negative: an adjective of extent on the act of judging
        ("Nach eingehender Bewertung der Lage entschied der Rat.", []),
        # negative: a time expression before *nach*
        ("Kurz nach der Vorhersage des Sturms schlossen die Schulen.", []),
    ],
)
def test_new_source_nouns_after_nach(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("bewertung", True),
        ("beurteilung", True),
        ("vorhersage", True),
        ("vorhersagen", True),
        ("idee", True),
        ("vorschlag", True),
        ("gesetzentwurf", True),
        ("gesetzesentwurf", True),
        # negative: event and thing nouns stay outside the list
        ("ankunft", False),
        ("vorstellungsgespräch", False),
        ("entwurfsmuster", False),
        ("tod", False),
    ],
)
def test_source_noun_words(word: str, expected: bool) -> None:
    assert is_source_noun(word) is expected
