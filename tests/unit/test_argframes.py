"""Reported speech by argument structure (:mod:`medialens.nlp.attribution.argframes`): an
evaluative *als*-predicative (*wies X als haltlos zurück*, *Als Grund gab X Y an*) or a figure
(*schätzte den Schaden auf …*) makes the sentence a reported quotation; the same verbs
without that argument, and the frames that state a general view or a declaration, do not.
All sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import quotes_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # evaluative als-predicative: the judgement that was voiced
        (
            "Die Regierung wies die Vorwürfe als haltlos zurück.",
            [("reported", "Die Regierung wies die Vorwürfe als haltlos zurück", "Die Regierung")],
        ),
        (
            "Der Verband stufte das Gesetz als verfassungswidrig ein.",
            [
                (
                    "reported",
                    "Der Verband stufte das Gesetz als verfassungswidrig ein",
                    "Der Verband",
                )
            ],
        ),
        (
            "Die Lage wird vom Wetterdienst als sehr ernst eingestuft.",
            [
                (
                    "reported",
                    "Die Lage wird vom Wetterdienst als sehr ernst eingestuft",
                    "Wetterdienst",
                )
            ],
        ),
        (
            "Der Vorsitzende tat den Vorschlag als unrealistisch ab.",
            [
                (
                    "reported",
                    "Der Vorsitzende tat den Vorschlag als unrealistisch ab",
                    "Der Vorsitzende",
                )
            ],
        ),
        (
            "Die Kammer hat den Neubau als überflüssig verurteilt.",
            [("reported", "Die Kammer hat den Neubau als überflüssig verurteilt", "Die Kammer")],
        ),
        (
            "Der Bürgermeister betrachtet die Umgehungsstraße als Fehlplanung.",
            [
                (
                    "reported",
                    "Der Bürgermeister betrachtet die Umgehungsstraße als Fehlplanung",
                    "Der Bürgermeister",
                )
            ],
        ),
        # coordinated predicatives
        (
            "Der Präsident hat das Abkommen als stark und historisch begrüßt.",
            [
                (
                    "reported",
                    "Der Präsident hat das Abkommen als stark und historisch begrüßt",
                    "Der Präsident",
                )
            ],
        ),
        # a fronted als-phrase naming a reason or example, also in an agentless passive
        (
            "Als Grund gab die Behörde die fehlenden Ersatzteile an.",
            [("reported", "Als Grund gab die Behörde die fehlenden Ersatzteile an", "die Behörde")],
        ),
        (
            "Als Beispiel führte die Lehrerin den Schulgarten an.",
            [("reported", "Als Beispiel führte die Lehrerin den Schulgarten an", "die Lehrerin")],
        ),
        (
            "Als Ursache wurde ein Defekt am Getriebe angegeben.",
            [("reported", "Als Ursache wurde ein Defekt am Getriebe angegeben", None)],
        ),
        # a speech-act verb reports speech also in an agentless passive
        (
            "Der Entwurf wurde als überzogen kritisiert.",
            [("reported", "Der Entwurf wurde als überzogen kritisiert", None)],
        ),
        # negative: the same verbs without the predicative
        ("Das Gericht wies die Klage zurück.", []),
        ("Er führte die Liste der Torschützen an.", []),
        ("Sie betrachtet das Bild im Museum.", []),
        ("Die Spieler sahen sich das Video an.", []),
        # negative: a comparison or a temporal clause, no predicative
        ("Mehr als 200 Menschen lehnten den Plan ab.", []),
        ("Als die Polizei eintraf, gab er seinen Namen an.", []),
        # negative: an agentless passive of an opinion verb is a general view
        ("Der Schaden wird als gering angesehen.", []),
        ("Die Turnhallen wurden als Notunterkünfte eingestuft.", []),
        # negative: a correlate *es* leaves the message to the complement clause
        (
            "Das Gericht sah es als erwiesen an, dass der Zeuge log.",
            [("indirect", "dass der Zeuge log", "Das Gericht")],
        ),
        ("Die Polizei sah sich die Aufnahmen an, die ein Passant gemacht hatte.", []),
        # negative: a quoted predicative is the quotation itself
        (
            "Der Verband wies die Vorwürfe als »absurd« zurück.",
            [("direct", "»absurd«", "Der Verband")],
        ),
        # negative: a declaration of an authority is an act, not a statement
        ("Der Schiedsrichter erklärte das Tor für ungültig.", []),
        # negative: a court sentence, a role of the subject, a zu-infinitive, a question
        ("Die Angeklagte wurde als Mörderin zum Tode verurteilt.", []),
        ("Die Partei ist als erste zu einer Geldbuße verurteilt worden.", []),
        ("Den Plan als Unsinn abzutun wäre zu einfach.", []),
        ("Aber wie beurteilen Sie den Plan als Politikerin?", []),
        # negative: the als-phrase belongs to another conjunct (*anführen* = to lead)
        (
            "Der Kandidat, der lange die Umfragen anführte und nun als Herausforderer antritt, "
            "verlor.",
            [],
        ),
        # negative: no speech verb at all
        ("Er hielt eine Rede.", []),
        ("Pedro Sanchez sagte in letzter Minute ab.", []),
    ],
)
def test_evaluative_predicative(text: str, expected: list) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Polizei schätzt den Schaden auf 250.000 Euro.",
            [("reported", "Die Polizei schätzt den Schaden auf 250.000 Euro", "Die Polizei")],
        ),
        (
            "Die Veranstalter schätzten etwa 3.000 Besucher.",
            [("reported", "Die Veranstalter schätzten etwa 3.000 Besucher", "Die Veranstalter")],
        ),
        (
            "Der Verband schätzt den Schaden, der durch den Hagel entstand, auf zehn Millionen"
            " Euro.",
            [
                (
                    "reported",
                    "Der Verband schätzt den Schaden, der durch den Hagel entstand, auf zehn "
                    "Millionen Euro",
                    "Der Verband",
                )
            ],
        ),
        # negative: *schätzen* = to value, no figure (a year or a day is no amount)
        ("Seit 2010 schätzt die Firma ihre Kunden.", []),
        ("Die Firma schätzt ihre Kunden.", []),
        ("Die Nachbarn schätzen die Ruhe im Dorf.", []),
        # negative: the participle as an adverb (*about*)
        ("In geschätzt 100 Jahren ist das Eis geschmolzen.", []),
        # negative: a figure but a death toll, no speech verb
        ("Das Hochwasser forderte 40 Todesopfer.", []),
    ],
)
def test_figure_argument(text: str, expected: list) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clause after an als-predicative noun belongs to that noun: reported speech
        (
            "Die Direktorin bezeichnete die Sperre als einen Versuch, die Presse zu behindern.",
            [
                (
                    "reported",
                    "Die Direktorin bezeichnete die Sperre als einen Versuch, die Presse zu "
                    "behindern",
                    "Die Direktorin",
                )
            ],
        ),
        (
            "Die Rektorin würdigte den Hausmeister als ein Vorbild, das allen geholfen habe.",
            [
                (
                    "reported",
                    "Die Rektorin würdigte den Hausmeister als ein Vorbild, das allen geholfen "
                    "habe",
                    "Die Rektorin",
                )
            ],
        ),
        # negative: a correlate es, the clause is the message
        (
            "Der Minister bezeichnete es als Fehler, dass die Schule geschlossen wurde.",
            [("indirect", "dass die Schule geschlossen wurde", "Der Minister")],
        ),
        # negative: an adjective predicative, the Konjunktiv clause is what was said
        (
            "Er bezeichnete die Lage als ernst, die Regierung müsse handeln.",
            [("indirect", "die Regierung müsse handeln", "Er")],
        ),
    ],
)
def test_predicative_closes_frame(text: str, expected: list) -> None:
    assert quotes_of(text) == expected
