"""Round 13 (branch ``s13-nobody``): a rumour or estimate phrase (*dem Vernehmen nach*,
*Schätzungen zufolge*, *laut einer Schätzung*) names no source a Konjunktiv continuation can
go on with (:mod:`medialens.nlp.attribution.rumoursource`); invented sentences with
negatives.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.rumoursource import rumour_speaker
from medialens.nlp.types import Speaker


@pytest.mark.parametrize(
    ("words", "rumour"),
    [
        ("dem Vernehmen", True),
        ("Schätzungen", True),
        ("einer Schätzung", True),
        ("Spekulationen", True),
        ("Gerüchten", True),
        # negatives: an estimate with its author; a speaking source; a document
        ("Schätzungen der Landesregierung", False),
        ("die Feuerwehr", False),
        ("dem Bericht", False),
    ],
)
def test_rumour_speaker(words: str, rumour: bool) -> None:
    """Is the speaker span a bare rumour or estimate phrase?"""
    assert rumour_speaker(Speaker(0, len(words), words)) is rumour


def _last(text: str) -> tuple:
    return summary(annotate(text))[-1]


@pytest.mark.parametrize(
    ("text", "marker", "speaker"),
    [
        # a continuation after a rumour phrase gets no speaker
        (
            "Im Stadtpark treffen sich dem Vernehmen nach abends viele Jugendliche. "
            "Es sei dort mehrfach zu Schlägereien gekommen.",
            "Schlägereien",
            None,
        ),
        (
            "Laut einer groben Schätzung ging die Hälfte der Ernte verloren. "
            "Eine neue Kampagne solle den Absatz nun wieder beleben.",
            "Kampagne",
            None,
        ),
        # … it goes on with the source quoted before the rumour
        (
            "Die Polizei teilte mit, sie werde den Stadtpark öfter kontrollieren. "
            "Dort treffen sich dem Vernehmen nach abends viele Jugendliche. "
            "Es sei dort mehrfach zu Schlägereien gekommen.",
            "Schlägereien",
            "Die Polizei",
        ),
        # negatives: an estimate with its author; a person's statement
        (
            "Nach Schätzungen des Bauernverbandes ging die Hälfte der Ernte verloren. "
            "Eine neue Kampagne solle den Absatz nun wieder beleben.",
            "Kampagne",
            "Schätzungen des Bauernverbandes",
        ),
        (
            "Der Bürgermeister sagte, im Park sei es ruhig geworden. "
            "Es sei dort seit Monaten zu keiner Schlägerei gekommen.",
            "Schlägerei",
            "Der Bürgermeister",
        ),
    ],
)
def test_no_carry_from_rumour(text: str, marker: str, speaker: str | None) -> None:
    """The continuation's speaker after a rumour, an estimate with author, a speaker."""
    last = _last(text)
    assert marker in last[1]
    assert last[2] == speaker
