"""Quote boundaries, round 13 (issue #13, branch ``s13-bound``). All sentences are invented.

An indicative relative clause about the whole complement (*…, was sie bestreitet*,
*…, woraufhin …*) is the reporter's comment and ends the complement
(:func:`.quotebounds.commentary_relative_end`); a Konjunktiv one, a *was* clause after an
antecedent or after a verb that takes it as object, stays part of what was said.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def _indirect(text: str) -> list[str]:
    return [
        " / ".join(text[a:b] for a, b in q.spans)
        for q in annotate(text)._.ml_quotes
        if q.kind == "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Opposition warf der Ministerin vor, Spenden eines Baukonzerns angenommen zu "
            "haben, was diese jedoch bestreitet.",
            "Spenden eines Baukonzerns angenommen zu haben",
        ),
        (
            "Der Minister kündigte an, die Steuer im Herbst zu senken, wodurch der Haushalt "
            "weiter belastet wird.",
            "die Steuer im Herbst zu senken",
        ),
        (
            "Der Verein behauptet, Zuschüsse aus dem Ausland zu bekommen, was bisher niemand "
            "bestätigen konnte.",
            "Zuschüsse aus dem Ausland zu bekommen",
        ),
    ],
)
def test_indicative_comment_ends_the_complement(text: str, expected: str) -> None:
    assert expected in _indirect(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Konjunktiv comment is part of the reported speech
        (
            "Die Ärztin sagte, dass die Zahl der Fälle stark gestiegen sei, was die Kliniken "
            "sehr belaste.",
            "dass die Zahl der Fälle stark gestiegen sei, was die Kliniken sehr belaste",
        ),
        # *was* after a verb that takes it as object
        (
            "Der Bürgermeister erklärte, die Stadt wisse genau, was die Bürger brauchen.",
            "die Stadt wisse genau, was die Bürger brauchen",
        ),
        # *was* after a pronoun antecedent
        (
            "Die Sprecherin kündigte an, alles zu veröffentlichen, was die Kommission "
            "herausgefunden hat.",
            "alles zu veröffentlichen, was die Kommission herausgefunden hat",
        ),
    ],
)
def test_clause_that_belongs_to_the_complement_stays(text: str, expected: str) -> None:
    assert expected in _indirect(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Architekt sagte, dass die Brücke so lange halten würde, später wurde sie "
            "zweimal verstärkt.",
            "dass die Brücke so lange halten würde",
        ),
        (
            "Der Bürgermeister versprach, den Platz neu zu gestalten, danach geschah jahrelang "
            "nichts.",
            "den Platz neu zu gestalten",
        ),
    ],
)
def test_indicative_main_clause_after_closed_complement(text: str, expected: str) -> None:
    assert expected in _indirect(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verb-second Konjunktiv: still what was said
        (
            "Die Sprecherin sagte, dass die Halle bald öffne, danach seien Konzerte geplant.",
            "dass die Halle bald öffne, danach seien Konzerte geplant",
        ),
        # the comma closes an inserted relative clause, the verb-final clause goes on
        (
            "Der Anwalt sagte, dass die Zeugen, die gestern kamen, nichts gesehen hätten.",
            "dass die Zeugen, die gestern kamen, nichts gesehen hätten",
        ),
    ],
)
def test_complement_goes_on(text: str, expected: str) -> None:
    assert expected in _indirect(text)


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (q.kind, " / ".join(text[a:b] for a, b in q.spans), q.speaker and q.speaker.text)
        for q in annotate(text)._.ml_quotes
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nach Angaben des Bürgermeisters, Hans Gruber, sei die Brücke seit Montag gesperrt.",
            [
                (
                    "indirect",
                    "sei die Brücke seit Montag gesperrt",
                    "Angaben des Bürgermeisters, Hans Gruber",
                )
            ],
        ),
        (
            "Der Fluss steigt weiter. „Wir rechnen mit dem Höchststand am Freitag“, so Petra "
            "Lange, Leiterin des Bauamtes.",
            [
                (
                    "direct",
                    "„Wir rechnen mit dem Höchststand am Freitag“",
                    "Petra Lange, Leiterin des Bauamtes",
                )
            ],
        ),
        (
            "Dazu erklärte der Veranstalter, das auch den Stadtlauf organisierende Sportamt, "
            "dass die Strecke gesperrt werde.",
            [
                (
                    "indirect",
                    "dass die Strecke gesperrt werde",
                    "der Veranstalter, das auch den Stadtlauf organisierende Sportamt",
                )
            ],
        ),
        (
            "Laut dem Sprecher der Feuerwehr, Karl Berger, der den Einsatz leitete, sei niemand "
            "verletzt worden.",
            [
                (
                    "indirect",
                    "sei niemand verletzt worden",
                    "dem Sprecher der Feuerwehr, Karl Berger",
                )
            ],
        ),
    ],
)
def test_apposition_of_the_source_is_no_quotation(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause with a verb after the comma is what was said
        (
            "Der Minister sagte, Kontrollen an der Grenze gebe es vorerst keine.",
            "Kontrollen an der Grenze gebe es vorerst keine",
        ),
        # a part that opens with a preposition is a fronted phrase of the quotation
        (
            "Nach Ansicht der Ministerin, in vielen Städten fehlten Wohnungen, müsse der Bund "
            "mehr bauen.",
            "in vielen Städten fehlten Wohnungen, müsse der Bund mehr bauen",
        ),
    ],
)
def test_content_after_the_source_stays(text: str, expected: str) -> None:
    assert expected in _indirect(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Stadt hat 4.000 Anwohner aufgefordert, ihre Keller zu räumen – die meisten "
            "davon im Altstadtviertel.",
            ["ihre Keller zu räumen"],
        ),
    ],
)
def test_infinitive_complement_ends_before_a_dash_remark(text: str, expected: list[str]) -> None:
    assert _indirect(text) == expected


def test_dash_inside_a_dass_clause_stays() -> None:
    text = "Der Sprecher sagte, dass die Brücke – wie erwartet – im Mai fertig werde."
    assert _indirect(text) == ["dass die Brücke – wie erwartet – im Mai fertig werde"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Im Jahr 1950, so die Ergebnisse eines Historikers, der lange in Archiven forschte, "
            "seien hier 300 Häuser gebaut worden.",
            ["Im Jahr 1950 / seien hier 300 Häuser gebaut worden"],
        ),
        (
            "Im Jahr 1950 seien hier, so die Ergebnisse eines Historikers, der lange in Archiven "
            "forschte, 300 Häuser gebaut worden.",
            ["Im Jahr 1950 seien hier / 300 Häuser gebaut worden"],
        ),
    ],
)
def test_so_frame_with_relative_clause_goes_on(text: str, expected: list[str]) -> None:
    assert _indirect(text) == expected


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Das gilt ab dem Schuljahr 2014/15. Bisher war es anders geregelt.", 1),
        ("Der Zug hält heute an Gleis 7. Zunächst wird aber der Boden geprüft.", 1),
        # an ordinal before its noun or a month is no sentence end
        ("Er kam am 3. Juli zurück und blieb bis zum 5. Spieltag.", 0),
    ],
)
def test_number_before_an_adverb_ends_a_sentence(text: str, n: int) -> None:
    from medialens.nlp.sentences import sentence_starts

    assert len(sentence_starts(text)) == n  # (the starts after the first sentence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Bürgermeister lobte das Projekt. Die Grünen setzten dem entgegen, dass der Bau "
            "zu teuer sei.",
            [("indirect", "dass der Bau zu teuer sei", "Die Grünen")],
        ),
        # not speech: no clause after the verb
        ("Die Verteidiger setzten dem Angriff heftigen Widerstand entgegen.", []),
    ],
)
def test_entgegensetzen_with_a_clause(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Es gibt neue Zahlen, laut denen die Arbeitslosigkeit gesunken sei.",
            [("indirect", "die Arbeitslosigkeit gesunken sei", "neue Zahlen")],
        ),
    ],
)
def test_laut_relative_source(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _quotes(text) == expected
