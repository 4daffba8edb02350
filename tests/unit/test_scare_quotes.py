"""Scare quotes: short quoted words without speaker or cue (a framing signal), as opposed to
partial direct quotations in a speech context, titles and names."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def scare(text: str) -> list[str]:
    return [s.text for s in annotate(text)._.ml_scare_quotes]


def direct(text: str) -> list[str]:
    return [q.text for q in annotate(text)._.ml_quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "expected_scare", "expected_direct"),
    [
        # scare quotes: no speaker, no cue
        (
            "In Paris wurde über eventuelle »Sicherheitsgarantien« für die Ukraine beraten.",
            ["Sicherheitsgarantien"],
            [],
        ),
        ("Die sogenannte „Reform“ kostet Milliarden.", ["Reform"], []),
        ("Der Sender sprach von einer ‚Befreiung‘ der Stadt.", [], ["‚Befreiung‘"]),
        # a vague passive source (aus X … geäußert) keeps short quoted words a scare quote
        (
            "Aus der Bundesregierung waren »große Vorbehalte« geäußert worden.",
            ["große Vorbehalte"],
            [],
        ),
        # partial quotations in a speech context are direct, not scare quotes
        (
            "Der Minister nannte den Bericht eine »Zeitungsente«.",
            [],
            ["»Zeitungsente«"],
        ),
        (
            "Der Minister sagte, der Plan sei »völlig unrealistisch«.",
            [],
            ["»völlig unrealistisch«"],
        ),
        # titles and names are neither
        ("Sie las das Buch »Krieg und Frieden« im Urlaub.", [], []),
        ("Die Band „Die Toten Hosen“ spielte in Berlin.", [], []),
        ("Die „Bild“-Zeitung berichtete ausführlich.", [], []),
        # long quotations without a frame are not scare quotes
        (
            "»Das ist ein ganzer Satz mit vielen Wörtern.«",
            [],
            ["»Das ist ein ganzer Satz mit vielen Wörtern.«"],
        ),
    ],
)
def test_scare_quotes(text, expected_scare, expected_direct):
    assert scare(text) == expected_scare
    assert direct(text) == expected_direct


def test_scare_quote_offsets_are_the_inner_words():
    text = "Sie feierten den »Sieg« im Saal."
    (s,) = annotate(text)._.ml_scare_quotes
    assert text[s.start : s.end] == "Sieg"
    assert (s.frame, s.term) == (None, None)  # set by the framing component
