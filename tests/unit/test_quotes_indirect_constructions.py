"""Indirect speech constructions: a *wie*-frame inserted into the main clause, and speech-act
nouns in inflected forms or naming a claim, belief or plan (all sentences invented)."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, indirect_of, summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the frame between the first constituent with the finite verb and the rest
        (
            "Der Umsatz ist, wie der Vorstand am Montag mitteilte, um zehn Prozent gestiegen.",
            [("Der Umsatz ist … um zehn Prozent gestiegen", "der Vorstand")],
        ),
        (
            "Die Kürzung verstoße, wie das Gericht bereits entschieden hatte, gegen das Grundgesetz.",
            [("Die Kürzung verstoße … gegen das Grundgesetz", "das Gericht")],
        ),
        (
            "Im Herbst wolle die Stadt, wie der Bürgermeister sagte, die Brücke sanieren.",
            [("Im Herbst wolle die Stadt … die Brücke sanieren", "der Bürgermeister")],
        ),
        # *es heißt* without a named source: the quotation without a speaker
        (
            "Zur Finanzierung bekomme die Firma, wie es am Abend hieß, drei Millionen Euro.",
            [("Zur Finanzierung bekomme die Firma … drei Millionen Euro", None)],
        ),
        # the frame at the end stays one span
        (
            "Der Umsatz ist um zehn Prozent gestiegen, wie der Vorstand mitteilte.",
            [("Der Umsatz ist um zehn Prozent gestiegen", "der Vorstand")],
        ),
        # negatives: a noun phrase before the *wie*-clause, a comparison, a relative clause
        # before it, a clause of its own after it
        ("Solche Klauseln, wie sie das Gesetz enthält, hat das Gericht selten gebilligt.", []),
        ("Er handelte so, wie er es angekündigt hatte, und trat zurück.", []),
        ("Die neue Regel, wie der Verband erklärte, soll im Mai gelten.", []),
        (
            "Es war die gleiche Behörde, die, wie er sagte, die Ermittlungen einseitig geführt habe.",
            [("die Ermittlungen einseitig geführt habe", "er")],
        ),
        (
            "Im Notruf war der Fahrer zu hören, wie er angab, er denke, sein Chef habe geschossen.",
            [("er denke, sein Chef habe geschossen", "er")],
        ),
    ],
)
def test_inserted_wie_frame(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert indirect_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inflected speech-act nouns are found by their lemma
        (
            "Die Behauptungen, dass die Firma betrogen habe, wurden nicht bestätigt.",
            [("dass die Firma betrogen habe", "Die Behauptungen")],
        ),
        (
            "Die Forderungen der Gewerkschaft, die Löhne zu erhöhen, stießen auf Ablehnung.",
            [("die Löhne zu erhöhen", "der Gewerkschaft")],
        ),
        # nouns of a report, fear, assumption or plan
        (
            "Der Bericht endet mit der Befürchtung, dass die Vorräte nicht reichen könnten.",
            [("dass die Vorräte nicht reichen könnten", "Der Bericht")],
        ),
        (
            "Der Aufruf der Stadt, das Wasser abzukochen, wurde befolgt.",
            [("das Wasser abzukochen", "der Stadt")],
        ),
        (
            "Berichte von Anwohnern, es seien Schüsse gefallen, bestätigte die Polizei nicht.",
            [("es seien Schüsse gefallen", "Anwohnern")],
        ),
        # negatives: no complement clause after the noun, or the noun of an attitude
        ("Die Absicht der Stadt, das Hallenbad zu schließen, stößt auf Protest.", []),
        ("Die Hoffnung der Fans, dass das Team gewinnt, erfüllte sich nicht.", []),
        ("Die Absichten der Stadt, die seit Jahren diskutiert werden, sind unklar.", []),
        ("Der Bericht, den die Kommission vorlegte, umfasst 200 Seiten.", []),
        ("Die Sorge um die Arbeitsplätze wächst.", []),
    ],
)
def test_noun_complements(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert indirect_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prepositional relative pronoun after a source noun gives the content
        (
            "Die Maßnahme folgt auf Umfragen, nach denen 70 Prozent der Wähler den Plan ablehnen.",
            [("70 Prozent der Wähler den Plan ablehnen", "Umfragen")],
        ),
        (
            "Der Verband verwies auf eine Studie, nach der jedes dritte Kind zu wenig schlafe.",
            [("jedes dritte Kind zu wenig schlafe", "eine Studie")],
        ),
        # a *wonach* clause ends where the matrix clause goes on with its verb
        (
            "Ein Bericht der Agentur, wonach der Minister festgenommen worden sein soll, "
            "wurde dementiert.",
            [("der Minister festgenommen worden sein soll", "Ein Bericht der Agentur")],
        ),
        (
            "Es gibt Studien, wonach der Konsum von Kaffee gesund sei.",
            [("der Konsum von Kaffee gesund sei", "Studien")],
        ),
        # negatives: *nach der/dem* after a noun that is no source (time, a rule)
        ("Das Spiel ging in die Pause, nach der die Gäste stärker wurden.", []),
        ("Es gab eine Fußnote, nach der der Status des Gebiets offen bleibt.", []),
    ],
)
def test_relative_sources(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert indirect_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause after a speech-act noun is no complement
        ("Der Verein richtete einen Aufruf, der darin bestehen solle, mehr zu geben.", True),
        ("Die Forderung, die seit Jahren erhoben werde, blieb ohne Folgen.", True),
        # an article before an adjective opens a complement clause
        (
            "Es wachsen Befürchtungen, die neue Regierung könnte die Steuern erhöhen.",
            False,
        ),
    ],
)
def test_noun_cue_not_before_relative_clause(text: str, expected: bool) -> None:
    cues = [q[3] for q in summary(annotate(text)) if q[0] == "indirect"]
    assert (not any(c in ("Aufruf", "Forderung", "Befürchtungen") for c in cues)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase whose particle is joined to the verb in a participle or verb-final clause
        (
            "Die Forscher waren davon ausgegangen, dass die Tiere nachts jagen.",
            [("dass die Tiere nachts jagen", "Die Forscher", "davon ausgegangen")],
        ),
        (
            "Sie sagte, dass man davon ausgeht, dass der Stern jung ist.",
            [
                ("dass man davon ausgeht, dass der Stern jung ist", "Sie", "sagte"),
            ],
        ),
        (
            "Die Forscher gingen davon aus, dass die Tiere nachts jagen.",
            [("dass die Tiere nachts jagen", "Die Forscher", "gingen davon aus")],
        ),
        # negatives: the joined verb without the phrase word is another verb
        ("Der Strom ist am Abend ausgegangen.", []),
        ("Die Forscher sind ausgegangen, weil das Wetter schön war.", []),
    ],
)
def test_phrase_with_joined_particle(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    got = [(q[1], q[2], q[3]) for q in summary(annotate(text)) if q[0] == "indirect"]
    assert got == expected


def test_joined_phrase_sense() -> None:
    from medialens.nlp.attribution.lexicon import CueSense, _joined_phrase

    sense = CueSense("davon ausgehen", "gehen", "davon aus", "epistemic")
    assert _joined_phrase(sense) == sense._replace(base="ausgehen", particle="davon")
    # no separable particle at the end of the phrase: nothing to join
    assert _joined_phrase(CueSense("in Frage stellen", "stellen", "in frage", "critical")) is None


@pytest.mark.parametrize(
    ("word", "lemma", "expected"),
    [
        ("befände", "befinden", True),
        ("verstünde", "verstehen", True),
        ("zögen", "ziehen", True),
        ("erhöbe", "erheben", True),
        # negatives: the umlaut is in the infinitive, an adjective, a past indicative
        ("wähle", "wählen", False),
        ("spüre", "spüren", False),
        ("hörten", "hören", False),
        ("größere", "groß", False),
        ("übrige", "übrig", False),
        ("befand", "befinden", False),
    ],
)
def test_umlaut_konjunktiv_ii(word: str, lemma: str, expected: bool) -> None:
    from medialens.nlp.attribution.konjunktiv import umlaut_konjunktiv_ii

    assert umlaut_konjunktiv_ii(word, lemma) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strong Konjunktiv II off the closed list marks the complement; the noun of a
        # phrase cue is no noun cue of its own (the subject of the phrase speaks)
        (
            "Viele Experten vertreten die Auffassung, die Welt befände sich in einer Krise.",
            [("die Welt befände sich in einer Krise", "Viele Experten")],
        ),
        # negative: an indicative clause after the comma is no complement
        ("Viele Experten vertreten die Auffassung, die Welt befand sich in einer Krise.", []),
    ],
)
def test_strong_konjunktiv_ii_complement(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert indirect_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mixed quotation after ``cue,``: the subject outside, the verb inside the quotes
        (
            "Merkel sagte, der Papst „ist und bleibt ein großer Denker“.",
            [("indirect", "der Papst „ist und bleibt ein großer Denker“", "Merkel")],
        ),
        (
            "Sie sagte, ihre „Gedanken sind bei den Familien der Opfer“, und ging.",
            [("indirect", "ihre „Gedanken sind bei den Familien der Opfer“", "Sie")],
        ),
        # negatives: a quotation that opens the clause is direct speech only; a short
        # quotation inside an indicative clause is no reported clause
        ("Der Minister sagte am Montag, „das ist ein guter Tag für uns alle“.", []),
        ("Der Trainer sagte, das Team „spielt“ heute.", []),
        ("Er schwieg, die Fans „feierten die ganze Nacht hindurch“.", []),
    ],
)
def test_mixed_quotation_clause(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    got = [(q[0], q[1], q[2]) for q in summary(annotate(text)) if q[0] == "indirect"]
    assert got == expected
