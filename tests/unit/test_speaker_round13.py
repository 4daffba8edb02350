"""Round 13 speaker rules for found quotations with a wrong speaker (issue #13, branch
``s13-wrong``). Every sentence is invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def all_speakers(text: str) -> list[str | None]:
    """The speaker text of every quotation, in order (continuations and reported speech
    included)."""
    return [q.speaker.text if q.speaker else None for q in annotate(text)._.ml_quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a corrected cue speaker (a pronominal quantifier, not the object phrase after the
        # verb) is also the speaker of the Konjunktiv sentence that continues it
        (
            "Einige vertreten die Ansicht, die Welt sei verloren. Die Wirklichkeit sei daher "
            "ein Kampf.",
            ["Einige", "Einige"],
        ),
        (
            "Viele teilen die Auffassung, der Park sei zu klein. Die Stadt brauche daher "
            "einen neuen.",
            ["Viele", "Viele"],
        ),
        # negatives: a speaker found right the first time is carried as before
        (
            "Die Forscher vertreten die Ansicht, die Welt sei verloren. Die Wirklichkeit sei "
            "daher ein Kampf.",
            ["Die Forscher", "Die Forscher"],
        ),
        (
            "Der Bürgermeister sagte, der Park sei zu klein. Die Stadt brauche einen neuen.",
            ["Der Bürgermeister", "Der Bürgermeister"],
        ),
    ],
)
def test_continuation_follows_corrected_speaker(text: str, expected: list[str | None]) -> None:
    assert all_speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *und* + finite verb after a verb-final subordinate clause continues the main clause
        (
            "Der Wetterdienst teilte mit, dass in den Orten Lahr und Kehl die Regenfälle "
            "anhalten und warnte vor neuen Überschwemmungen.",
            ["Der Wetterdienst", "Der Wetterdienst"],
        ),
        (
            "Die Gewerkschaft erklärte, dass die Löhne in Bayern und Hessen sinken und "
            "forderte einen Ausgleich.",
            ["Die Gewerkschaft", "Die Gewerkschaft"],
        ),
        # negatives: two final verbs of the subordinate clause (the cue ends in *-en*), and a
        # second conjunct of the subordinate clause with a subject of its own
        (
            "Die Ministerin sagte, dass sie Hilfe schicken und warnen werde.",
            ["Die Ministerin"],
        ),
        (
            "Der Verband erklärte, dass die Preise steigen und der Minister eine Senkung fordere.",
            ["Der Verband"],
        ),
    ],
)
def test_main_clause_conjunct_after_subordinate(text: str, expected: list[str | None]) -> None:
    assert all_speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of *bekannt werden* is what became known, not a source
        (
            "Im Mai war in Bayern ein neuer Betrugsfall bekannt geworden: Ein Händler soll "
            "Rentner um ihre Ersparnisse gebracht haben.",
            [None],
        ),
        (
            "Erst nachdem er die Strafe verbüßt hatte, wurde bekannt, dass die Zeugin gelogen "
            "habe.",
            [None],
        ),
        # negatives: *bekannt geben* names its source
        (
            "Die Polizei gab bekannt, dass der Täter gefasst worden sei.",
            ["Die Polizei"],
        ),
        (
            "Wie die Stadtverwaltung bekannt gab, bleibt das Bad geschlossen.",
            ["die Stadtverwaltung"],
        ),
    ],
)
def test_bekannt_werden_names_no_source(text: str, expected: list[str | None]) -> None:
    assert all_speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a copula whose predicate is *Hinweis* is the evidence, no speaker
        (
            "Die Funde seien dafür ein deutlicher Hinweis, auf den die Behörden nicht reagiert "
            "hätten.",
            [None],
        ),
        # negatives: someone who gives a hint, and the hint's own clause
        (
            "Der Förster gab den Hinweis, der Wald sei zu trocken.",
            ["Der Förster"],
        ),
    ],
)
def test_evidence_predicate_names_no_source(text: str, expected: list[str | None]) -> None:
    assert all_speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun phrase governed by a preposition is no postposed source: *nach dem* is time
        (
            "In einer Stellungnahme nach dem Angriff auf das Lager von Paul Meier, einem "
            "Sprecher der Miliz, bedauerte dieser die Opfer.",
            [],
        ),
        # negatives: free postposed source phrases stay sources
        ("Dafür sei ihrer Meinung nach die Regierung verantwortlich.", ["ihrer Meinung"]),
        ("Die Reform sei seiner Ansicht nach gescheitert.", ["seiner Ansicht"]),
    ],
)
def test_governed_phrase_before_nach(text: str, expected: list[str | None]) -> None:
    assert all_speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *und dass* opens a clause of its own: its subject speaks, not the passive agent of
        # the clause before
        (
            "Von Hetze durch den Verband wird gesprochen und dass eine kleine Gruppe "
            "(offenbar die Piloten) behauptet, das Gemeinwohl zu vertreten.",
            ["eine kleine Gruppe"],
        ),
        (
            "Man spricht von Lügen und dass der Vorstand behauptet, alles sei geprüft.",
            ["der Vorstand"],
        ),
        # negative: a plain main clause keeps its subject
        (
            "Der Verband behauptet, das Gemeinwohl zu vertreten.",
            ["Der Verband"],
        ),
    ],
)
def test_conjoined_subordinate_clause(text: str, expected: list[str | None]) -> None:
    assert all_speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Konjunktiv sentence with its own frame *hieß es bei/in X* after a quotation is
        # X's, not a continuation of the speaker before
        (
            "Die Polizei teilte mit, zwei Sender seien zugelassen. Andere Reporter seien "
            "abgedrängt worden, hieß es bei der Gewerkschaft.",
            ["Die Polizei", "der Gewerkschaft"],
        ),
        (
            "Der Verein erklärte, der Platz sei zu klein. Eine Erweiterung sei nicht geplant, "
            "heißt es in dem Bericht.",
            ["Der Verein", "dem Bericht"],
        ),
        # negative: *hieß es weiter* names no source and goes on with the current speaker
        (
            "Die Polizei teilte mit, zwei Sender seien zugelassen. Andere Reporter seien "
            "abgedrängt worden, hieß es weiter.",
            ["Die Polizei", "Die Polizei"],
        ),
    ],
)
def test_heisst_es_frame_after_quotation(text: str, expected: list[str | None]) -> None:
    assert all_speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *so* after a conditional clause is its correlative; quoted words after it (lower
        # case first word) are no quoted source name
        (
            "Kämen die Gäste nicht pünktlich, so „helfe ihnen niemand“.",
            [],
        ),
        # negatives: a quoted name and a plain noun phrase after *so* stay sources
        ("Die Lage sei ernst, so „Der Bund“ in seiner Ausgabe.", ["„Der Bund“"]),
        ("Die Lage sei ernst, so der Sprecher.", ["der Sprecher"]),
    ],
)
def test_so_before_quoted_words(text: str, expected: list[str | None]) -> None:
    assert all_speakers(text) == expected
