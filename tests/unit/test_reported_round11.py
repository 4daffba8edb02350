"""Reported speech, round 11 (issue #13). A reporting verb whose clause introduces a direct
quotation after a colon is the frame of that quotation, not a reported quotation of its own
(:func:`medialens.nlp.attribution.reportedgate.frames_colon_quotation`); a reported quotation
ends before a comma-joined main clause with its own pronoun subject
(:func:`medialens.nlp.attribution.mainclause.next_main_clause`); a prepositional phrase
fronted before the cue around a quotation is the cue's object, not a quoted clause
(:func:`medialens.nlp.attribution.reportedgate.fronted_phrase`). Each table has positive and
negative cases. All sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(k, q) for k, q, _s, _c in summary(annotate(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negative: the colon opens a direct quotation framed by the reporting clause
        (
            "Der Trainer äußerte sich nach dem Spiel über den Schiedsrichter: „So kann man "
            "nicht pfeifen“, sagte er.",
            [("direct", "„So kann man nicht pfeifen“")],
        ),
        (
            "Der Elternbeirat kritisierte die Schließung der Bibliothek: „Das trifft vor "
            "allem die Kinder“, schrieb die Vorsitzende.",
            [("direct", "„Das trifft vor allem die Kinder“")],
        ),
        # positive: no colon, or a colon before an unquoted clause or a list
        (
            "Der Elternbeirat kritisierte die Schließung der Bibliothek.",
            [("reported", "Der Elternbeirat kritisierte die Schließung der Bibliothek")],
        ),
        (
            "Die Ministerin warnte vor einem „gefährlichen Irrweg“ und forderte eine Pause.",
            [
                (
                    "reported",
                    "Die Ministerin warnte vor einem „gefährlichen Irrweg“ und forderte eine Pause",
                ),
                ("direct", "„gefährlichen Irrweg“"),
            ],
        ),
        (
            "Die Gewerkschaft forderte drei Dinge: mehr Lohn, kürzere Schichten und Ruhe.",
            [("indirect", "mehr Lohn, kürzere Schichten und Ruhe")],
        ),
    ],
)
def test_colon_quotation_frame(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: a second main clause with its own pronoun subject is not part of the act
        (
            "Die Ermittler gehen von einem Unfall aus, sie schließen Fremdverschulden aber "
            "nicht aus.",
            [("reported", "Die Ermittler gehen von einem Unfall aus")],
        ),
        (
            "Der Verband warnte vor steigenden Mieten, er fordert eine Obergrenze.",
            [
                ("reported", "Der Verband warnte vor steigenden Mieten"),
                ("reported", "er fordert eine Obergrenze"),
            ],
        ),
        # negative: the clause right after a verb that takes one is its complement; a
        # relative clause or a noun phrase subject is not read as a new main clause
        (
            "Die Opposition hatte dem Bürgermeister vorgeworfen, er wollte die Halle an "
            "einen Freund verkaufen.",
            [
                (
                    "reported",
                    "Die Opposition hatte dem Bürgermeister vorgeworfen, er wollte die Halle "
                    "an einen Freund verkaufen",
                )
            ],
        ),
        (
            "Die Ärztin rechnet mit vielen Fällen, die im Winter auftreten.",
            [("reported", "Die Ärztin rechnet mit vielen Fällen, die im Winter auftreten")],
        ),
        (
            "Die Gewerkschaft forderte höhere Löhne, sie sei zu Streiks bereit.",
            [("indirect", "sie sei zu Streiks bereit")],
        ),
    ],
)
def test_next_main_clause_ends_reported(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the fronted phrase is the object; only the quotation inside is quoted
        (
            "Von einer „dreisten Lüge“ sprechen die Behörden.",
            [("direct", "„dreisten Lüge“")],
        ),
        (
            "Vor einer „Katastrophe“ warnte die Ministerin.",
            [
                ("reported", "Vor einer „Katastrophe“ warnte die Ministerin"),
                ("direct", "„Katastrophe“"),
            ],
        ),
        # negative: a quoted sentence or a Konjunktiv clause before the frame stays its
        # quotation
        (
            "„Im Übrigen ist die Lage ruhig“ sagte er.",
            [("direct", "„Im Übrigen ist die Lage ruhig“")],
        ),
        (
            "Im Übrigen sei die Lage „ruhig“, sagte er.",
            [("indirect", "Im Übrigen sei die Lage „ruhig“"), ("direct", "„ruhig“")],
        ),
    ],
)
def test_fronted_phrase_is_no_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected
