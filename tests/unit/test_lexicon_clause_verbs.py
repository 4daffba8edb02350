"""Round 13 (branch ``s13-lex``) lexicon entries: verbs and predicates of saying whose message
is a *dass/ob/w*-clause, a Konjunktiv clause or a *zu*-infinitive. Most are listed with only
those message forms, so without one they are no cue (non-speech senses stay silent). All
sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: verbs with a clause, Konjunktiv or zu-infinitive
        (
            "Die Ministerin benachrichtigte den Ausschuss, dass die Sitzung ausfällt.",
            [("indirect", "dass die Sitzung ausfällt", "Die Ministerin", "benachrichtigte")],
        ),
        (
            "Die Ministerin verdeutlichte, dass die Mittel knapp seien.",
            [("indirect", "dass die Mittel knapp seien", "Die Ministerin", "verdeutlichte")],
        ),
        (
            "Der Richter vermerkte, die Zeugin sei glaubwürdig.",
            [("indirect", "die Zeugin sei glaubwürdig", "Der Richter", "vermerkte")],
        ),
        (
            "Der Chef rechnete vor, dass die Firma Verluste mache.",
            [("indirect", "dass die Firma Verluste mache", "Der Chef", "rechnete vor")],
        ),
        (
            "Die Forscherin postuliert, dass das Klima sich schneller ändere.",
            [("indirect", "dass das Klima sich schneller ändere", "Die Forscherin", "postuliert")],
        ),
        (
            "Der Verband ermutigte die Mitglieder, an der Wahl teilzunehmen.",
            [("indirect", "an der Wahl teilzunehmen", "Der Verband", "ermutigte")],
        ),
        (
            "Die Mutter flehte den Richter an, ihren Sohn freizulassen.",
            [("indirect", "ihren Sohn freizulassen", "Die Mutter", "flehte an")],
        ),
        # positive: reflexive and adjective predicates
        (
            "Der Bürgermeister rühmte sich, die Schulden halbiert zu haben.",
            [("indirect", "die Schulden halbiert zu haben", "Der Bürgermeister", "rühmte")],
        ),
        (
            "Der Bürgermeister wunderte sich, dass niemand gekommen war.",
            [("indirect", "dass niemand gekommen war", "Der Bürgermeister", "wunderte")],
        ),
        (
            "Der Minister erklärte sich bereit, das Amt zu übernehmen.",
            [("indirect", "das Amt zu übernehmen", "Der Minister", "erklärte bereit")],
        ),
        (
            "Die Ärztin ist sich bewusst, dass die Lage ernst ist.",
            [("indirect", "dass die Lage ernst ist", "Die Ärztin", "ist bewusst")],
        ),
        (
            "Die Trainerin zeigte sich sicher, dass das Team gewinne.",
            [("indirect", "dass das Team gewinne", "Die Trainerin", "zeigte sicher")],
        ),
        (
            "Der Anwalt gab sich überzeugt, sein Mandant werde freigesprochen.",
            [("indirect", "sein Mandant werde freigesprochen", "Der Anwalt", "gab überzeugt")],
        ),
        # positive: noun + äußern
        (
            "Der Verband äußerte die Befürchtung, dass Stellen wegfallen.",
            [("indirect", "dass Stellen wegfallen", "Der Verband", "äußerte die Befürchtung")],
        ),
        (
            "Die Opposition äußerte den Verdacht, die Zahlen seien geschönt.",
            [("indirect", "die Zahlen seien geschönt", "Die Opposition", "äußerte den Verdacht")],
        ),
        (
            "Die Gewerkschaft äußerte die Hoffnung, die Gespräche bald fortzusetzen.",
            [
                (
                    "indirect",
                    "die Gespräche bald fortzusetzen",
                    "Die Gewerkschaft",
                    "äußerte die Hoffnung",
                )
            ],
        ),
        # negative: the same words without a clause (teaching, notifying, a chart, an object)
        ("Der Lehrer unterrichtet seit zehn Jahren Mathematik.", []),
        ("Die Polizei benachrichtigte die Angehörigen.", []),
        ("Die Grafik verdeutlicht den Anstieg.", []),
        ("Der Bürgermeister wunderte sich über das Wetter.", []),
        ("Die Sportlerin zeigte sich sicher am Start.", []),
        # negative: cognitive states without speech were not added
        ("Die Schüler sind stolz, dass ihre Schule gewonnen hat.", []),
    ],
)
def test_clause_verbs(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert summary(annotate(text)) == expected
