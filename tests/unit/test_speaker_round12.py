"""Round 12 speaker rules for quotations already found (issue #13). Every sentence is
invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def speakers(text: str) -> list[str | None]:
    """The speaker text of each quotation that has a cue (reported speech is left out)."""
    return [q.speaker.text if q.speaker else None for q in annotate(text)._.ml_quotes if q.cue]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fronted dative: *Der* before a feminine noun, *Einer* before a noun
        (
            "Der Zeitung sagte die Ministerin, sie werde das Gesetz nicht unterschreiben.",
            ["die Ministerin"],
        ),
        (
            "Einer Zeitung sagte der Minister, er werde nicht zurücktreten.",
            ["der Minister"],
        ),
        # a plural phrase (with a relative clause) before a singular verb is the object
        (
            "Die Kritiker, die sich gestern versammelt hatten, beschrieb die Agentur als "
            "„gefährlich“ und „laut“.",
            ["die Agentur", "die Agentur"],
        ),
        ("Die Gewerkschaften nannte der Minister „unverantwortlich“.", ["der Minister"]),
        # negatives: nominative first fields stay the speaker
        ("Einer der Minister sagte, er werde nicht zurücktreten.", ["Einer der Minister"]),
        ("Der Minister sagte der Zeitung, er werde nicht zurücktreten.", ["Der Minister"]),
        ("Die Kritiker sagten, sie seien „enttäuscht“.", ["Die Kritiker", "Die Kritiker"]),
        ("Die Kritikerin sagte, sie sei „enttäuscht“.", ["Die Kritikerin", "Die Kritikerin"]),
        ("Die Polizei sagte, sie werde ermitteln.", ["Die Polizei"]),
        # a dative source before a postposition is the source itself
        ("Einer Quelle zufolge ist der Minister zurückgetreten.", ["Einer Quelle"]),
        ("Der Zeitung zufolge ist der Minister zurückgetreten.", ["Der Zeitung"]),
    ],
)
def test_fronted_object_speakers(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fronted prepositional phrase with *zusammen mit* and a numbered noun: the subject
        # follows the finite verb, not the last name inside the phrase
        (
            "Nach einer Fahrt mit Zug 7 zusammen mit seinen Freunden Paul Schulz und Peter "
            "Meier erreichte er die Stadt und meldete sich mit den Worten: „Wir sind da.“",
            ["er"],
        ),
        # (shorter phrases were read right before and must stay so)
        (
            "Nach einem Treffen gemeinsam mit dem Bürgermeister sagte die Ministerin, die "
            "Schule bleibe offen.",
            ["die Ministerin"],
        ),
        (
            "In Halle 4 erklärte der Veranstalter, die Messe sei ausverkauft.",
            ["der Veranstalter"],
        ),
        # negatives: *zusammen mit* after the subject, a number that is not a name
        (
            "Die Ministerin sagte zusammen mit dem Bürgermeister, die Schule bleibe offen.",
            ["Die Ministerin"],
        ),
        ("Paul Schulz sagte, 12 Menschen seien verletzt.", ["Paul Schulz"]),
    ],
)
def test_fronted_phrase_attributes(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected
