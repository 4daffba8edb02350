"""Round 7, indirect recall: verbs and light-verb phrases that are speech acts only with a
*dass*-clause or zu-infinitive after them (lexicon entries with ``message: [clause]`` or
``[clause, infinitive]``), and their non-speech senses (all sentences invented)."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, indirect_of

from medialens.nlp.attribution.extract import find_cues
from medialens.nlp.attribution.lexicon import load_cue_index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *zusagen*: a promise with its clause or infinitive
        (
            "Die Bahn sagte zu, die Strecke bis Mai zu reparieren.",
            [("die Strecke bis Mai zu reparieren", "Die Bahn")],
        ),
        (
            "Die Firma hat zugesagt, dass niemand entlassen wird.",
            [("dass niemand entlassen wird", "Die Firma")],
        ),
        # … but not *gefallen*, and not a clause before the cue
        ("Das Essen sagte ihm nicht zu.", []),
        ("Das Angebot hat ihr zugesagt, weil es günstig war.", []),
        ("Der Bauer packte seine Sachen, sagte dem Nachbarn zu und reiste am Morgen ab.", []),
        # *herausfinden*, *errechnen*, *ausrechnen*: a finding with its *dass*-clause
        (
            "Die Forscher fanden heraus, dass der Stoff giftig ist.",
            [("dass der Stoff giftig ist", "Die Forscher")],
        ),
        (
            "Die Ökonomen haben ausgerechnet, dass die Reform zwei Milliarden kostet.",
            [("dass die Reform zwei Milliarden kostet", "Die Ökonomen")],
        ),
        (
            "Die Helfer errechneten, dass die Kosten doppelt so hoch seien.",
            [("dass die Kosten doppelt so hoch seien", "Die Helfer")],
        ),
        ("Die Kinder fanden aus dem Wald heraus, als es dunkel wurde.", []),
        ("Die Helfer errechneten den Wert, den sie brauchten.", []),
        # *beauftragen*: an order with its zu-infinitive, not a colon or relative clause
        (
            "Er hatte seinen Bruder beauftragt, das Haus zu verkaufen.",
            [("das Haus zu verkaufen", "Er")],
        ),
        ("Die Stadt beauftragte eine Firma, die schon lange im Ort arbeitet.", []),
        (
            "Er hat einen Anwalt mit der Verteidigung beauftragt: den Juristen Max Bauer, "
            "der schon viele Prozesse geführt hat.",
            [],
        ),
        (
            "Er wurde mit dem Bau beauftragt, welchen Auftrag er so erledigte, dass die Stadt "
            "sich veranlasst sah, den Plan zu loben.",
            [],
        ),
        # light-verb phrases of demand, emphasis and confidence
        (
            "Der Vorstand machte zur Bedingung, dass die Schulden getilgt werden.",
            [("dass die Schulden getilgt werden", "Der Vorstand")],
        ),
        (
            "Der Trainer legte Wert darauf, dass alle pünktlich erscheinen.",
            [("dass alle pünktlich erscheinen", "Der Trainer")],
        ),
        (
            "Die Fahrer stellten der Stadt ein Ultimatum, die Sperre bis Freitag aufzuheben.",
            [("die Sperre bis Freitag aufzuheben", "Die Fahrer")],
        ),
        (
            "Die Regierung ist zuversichtlich, die Wahl zu gewinnen.",
            [("die Wahl zu gewinnen", "Die Regierung")],
        ),
        (
            "Das Gericht hatte eine Mahnung ausgesprochen, das Gesetz nicht zu missbrauchen.",
            [("das Gesetz nicht zu missbrauchen", "Das Gericht")],
        ),
        (
            "Das Gericht sprach eine Mahnung aus, das Gesetz nicht zu missbrauchen.",
            [("das Gesetz nicht zu missbrauchen", "Das Gericht")],
        ),
        # *überlegen*: a deliberation with its *ob*-clause, not the adjective
        (
            "Der Vorstand überlegt, ob er das Werk schließt.",
            [("ob er das Werk schließt", "Der Vorstand")],
        ),
        ("Die Gastgeber waren deutlich überlegen, weil sie schneller liefen.", []),
        ("Die Regierung ist zuversichtlich, weil die Umfragen gut sind.", []),
        ("Der Verein sprach eine Mahnung aus, die nach zwei Wochen verfiel.", []),
        ("Der Schneider legte den Stoff auf den Tisch, der am Fenster stand.", []),
    ],
)
def test_complement_only_entries(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert indirect_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a genitive attribute without article belongs to the source, not to the quotation
        (
            "Nach Angaben palästinensischer Medien wurden drei Menschen verletzt.",
            [("wurden drei Menschen verletzt", "Angaben palästinensischer Medien")],
        ),
        (
            "Nach Schätzungen britischer Zeitungen kamen zehntausend Besucher.",
            [("kamen zehntausend Besucher", "Schätzungen britischer Zeitungen")],
        ),
        (
            "Nach Meinung Russlands ist der Vertrag ungültig.",
            [("ist der Vertrag ungültig", "Meinung Russlands")],
        ),
        # unchanged: an article-led attribute, an adjective before the noun, no attribute
        (
            "Nach Angaben der Polizei wurden drei Menschen verletzt.",
            [("wurden drei Menschen verletzt", "Angaben der Polizei")],
        ),
        (
            "Nach ersten Angaben wurden mehrere Menschen verletzt.",
            [("wurden mehrere Menschen verletzt", "ersten Angaben")],
        ),
        # negatives: temporal *nach* with an adjective in *-er* is no source
        ("Nach langer Suche fanden die Taucher das Wrack.", []),
        ("Nach kurzer Pause ging die Sitzung weiter.", []),
    ],
)
def test_bare_genitive_source(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert indirect_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sie sagte ihm ihre Unterstützung zu.",
        "Die Kinder fanden nach Stunden aus dem Wald heraus.",
        "Die Stadt beauftragte eine Firma mit dem Bau.",
    ],
)
def test_complement_only_verb_without_complement_is_no_cue(text: str) -> None:
    assert find_cues(annotate(text), load_cue_index()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun before the preposition *nach* of a source phrase is a word of the clause
        (
            "Diesen Vorgaben entspricht das neue Gesetz nach Meinung der Opposition nicht.",
            [("Diesen Vorgaben entspricht das neue Gesetz … nicht", "Meinung der Opposition")],
        ),
        # the postposition keeps its source (*ihrer Meinung nach*, *eigenen Angaben nach*)
        (
            "Der Entwurf verstößt ihrer Meinung nach gegen das Grundgesetz.",
            [("Der Entwurf verstößt … gegen das Grundgesetz", "ihrer Meinung")],
        ),
        (
            "Die Lage hat sich eigenen Angaben nach verbessert.",
            [("Die Lage hat sich … verbessert", "eigenen Angaben")],
        ),
        (
            "Der Studie nach ist das Wasser sauber.",
            [("ist das Wasser sauber", "Der Studie")],
        ),
        # negatives: a temporal *nach* after a source-like noun that is not dative
        ("Das Gesetz nach der Wahl zu ändern, war ein Fehler.", []),
        ("Sie wollen die Studie nach dem Sommer vorstellen.", []),
    ],
)
def test_preposition_nach_after_source_noun(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert indirect_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a *so X* frame between dashes interrupts the quotation, which goes on after it
        (
            "Zwar sei es ein wichtiger Schritt – so der Sprecher –, trotzdem suche die Firma "
            "neue Investoren.",
            [
                (
                    "Zwar sei es ein wichtiger Schritt … trotzdem suche die Firma neue Investoren",
                    "der Sprecher",
                )
            ],
        ),
        (
            "Die Lage sei ernst – so der Minister – man müsse jetzt handeln.",
            [("Die Lage sei ernst … man müsse jetzt handeln", "der Minister")],
        ),
        # unchanged: the comma frame, and a frame that ends the sentence
        (
            "Zwar sei es ein wichtiger Schritt, so der Sprecher, trotzdem suche die Firma "
            "neue Investoren.",
            [
                (
                    "Zwar sei es ein wichtiger Schritt … trotzdem suche die Firma neue Investoren",
                    "der Sprecher",
                )
            ],
        ),
        (
            "Die Lage sei ernst – so der Minister – .",
            [("Die Lage sei ernst", "der Minister")],
        ),
        # negative: an addition after a comma frame with a place is not taken
        (
            "Der Streik sei berechtigt, so der Aufruf einer Gruppe aus Köln, verbunden mit "
            "scharfer Kritik an den Gewerkschaften.",
            [("Der Streik sei berechtigt", "der Aufruf einer Gruppe")],
        ),
    ],
)
def test_so_frame_between_dashes(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert indirect_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted medium with its dative article before *zufolge* is the source
        (
            "Der Chef hat dem „Spiegel“ zufolge seinen Rücktritt angeboten.",
            [("Der Chef hat … seinen Rücktritt angeboten", "dem „Spiegel“")],
        ),
        (
            "Der Chef hat der „New York Times“ zufolge seinen Rücktritt angeboten.",
            [("Der Chef hat … seinen Rücktritt angeboten", "der „New York Times“")],
        ),
        # negatives: a quoted word without article is no source of *zufolge*
        ("Der Chef sagte „nein“ zufolge seiner Art.", []),
        ("Er nannte den Plan „absurd“ zufolge der Logik.", []),
    ],
)
def test_quoted_name_before_zufolge(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert indirect_of(text) == expected
