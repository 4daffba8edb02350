"""*nach* and *laut* before a source noun name no source when *nach* is temporal or causal
(*kurz nach der Veröffentlichung*) or when the phrase stands inside a noun phrase (*die seiner
Meinung nach überhöhten Preise*): :mod:`medialens.nlp.attribution.sourcesense`. Positive
cases stay source quotations, negative ones are no longer quotations. All sentences are
invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negative: temporal *nach* (a time expression or focus particle before it)
        ("Kurz nach der Veröffentlichung des Berichts trat der Minister zurück.", []),
        ("Zwei Tage nach der Veröffentlichung der Studie sank der Kurs der Aktie.", []),
        ("Erst nach Untersuchungen im Labor durfte das Werk wieder öffnen.", []),
        # negative: an adjective of extent or manner on the event noun
        ("Erst nach monatelangen Ermittlungen wurde der Täter gefasst.", []),
        ("Nach eingehenden Prüfungen gab das Amt die Brücke frei.", []),
        ("Nach einem anonymen Hinweis durchsuchte die Polizei das Haus.", []),
        # negative: the act of publishing with the definite article
        ("Nach der Veröffentlichung wuchs der Druck auf die Regierung.", []),
        # positive: source readings of the same nouns
        (
            "Nach ersten Ermittlungen der Polizei war der Fahrer zu schnell unterwegs.",
            [
                (
                    "indirect",
                    "war der Fahrer zu schnell unterwegs",
                    "ersten Ermittlungen der Polizei",
                    "Nach",
                )
            ],
        ),
        (
            "Nach vorläufigen Untersuchungen war das Wasser verschmutzt.",
            [("indirect", "war das Wasser verschmutzt", "vorläufigen Untersuchungen", "Nach")],
        ),
        (
            "Nach Angaben der Feuerwehr wurden drei Menschen verletzt.",
            [("indirect", "wurden drei Menschen verletzt", "Angaben der Feuerwehr", "Nach")],
        ),
        (
            "Ihrer Meinung nach ist der Plan zu teuer.",
            [("indirect", "ist der Plan zu teuer", "Ihrer Meinung", "nach")],
        ),
    ],
)
def test_temporal_nach(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negative: the source phrase qualifies an attribute inside a noun phrase
        ("Die seiner Meinung nach überhöhten Preise schaden dem Handel.", []),
        ("Sie wandte sich gegen die ihrer Ansicht nach falsche Politik der Stadt.", []),
        ("Am Samstag zogen die laut Polizei 3000 Teilnehmer durch die Stadt.", []),
        ("Er leitet den – nach Angaben der Zeitung – hoch verschuldeten Verein.", []),
        # positive: a relative pronoun in the same position keeps its source
        (
            "Der Verein kämpft gegen die Regierung, die seiner Meinung nach zu wenig für den "
            "Sport tut.",
            [("indirect", "die … zu wenig für den Sport tut", "seiner Meinung", "nach")],
        ),
        (
            "Er sprach über den Wagen, von dem laut Polizei die Schüsse kamen.",
            [("indirect", "von dem … die Schüsse kamen", "Polizei", "laut")],
        ),
        (
            "Der Bus, in dem nach Angaben der Polizei 40 Menschen saßen, kam von der Straße ab.",
            [
                (
                    "indirect",
                    "in dem … 40 Menschen saßen",
                    "Angaben der Polizei",
                    "nach",
                )
            ],
        ),
    ],
)
def test_attributive_source(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negative: *gemäß* before a norm or decision is "in accordance with"
        ("Die Daten wurden gemäß der neuen Regelung gelöscht.", []),
        ("Gemäß Artikel 5 des Vertrags darf jeder Staat austreten.", []),
        # positive: a speaker or a source noun after *gemäß*
        (
            "Gemäß einem Sprecher der Polizei wurden drei Menschen verletzt.",
            [
                (
                    "indirect",
                    "wurden drei Menschen verletzt",
                    "einem Sprecher der Polizei",
                    "Gemäß",
                )
            ],
        ),
        (
            "Gemäß Angaben der Feuerwehr brannte das Dach vollständig aus.",
            [
                (
                    "indirect",
                    "brannte das Dach vollständig aus",
                    "Angaben der Feuerwehr",
                    "Gemäß",
                )
            ],
        ),
    ],
)
def test_norm_gemaess(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert summary(annotate(text)) == expected
