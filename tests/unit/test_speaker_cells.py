"""Speaker cells a researcher would not defend, found by reading the sample corpus's speakers.

*dank* is a preposition, not *danken*; an addressee phrase (*gegenüber Journalisten*) is no
part of the speaker; *nach Angaben von dpa* names dpa; a comparison clause (*schneller als
die Experten vorausgesagt hatten*) quotes nothing; *mehr als drei Viertel der Befragten* is
one phrase; a wording noun (*die Worte*, *Parolen*) is the message, not its speaker; a
predicative adjective in the first field (*Offen ist die Frage, …*) is not the subject; a
quantifier alone after the verb (*forderten beide eine …*) is the whole subject; *er/sie* are
not resolved to a possessive source phrase, *wir/man* or a capitalised particle.
Invented sentences.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, speaker_object, speaker_of, summary


@pytest.mark.parametrize(
    ("text", "quote_part", "speaker"),
    [
        # *dank* is the preposition, not a cue whose speaker is the phrase before it
        (
            "Der Kanzler nannte ihn einen „treuen Freund“, dank dem „Europa sicherer“ wurde.",
            "treuen Freund",
            "Der Kanzler",
        ),
        # the addressee phrase after the subject ends the speaker
        (
            "Er forderte, dass die Stadt die Schilder entferne, und der Bürgermeister "
            "gegenüber Reportern versicherte, dass niemand Angst haben müsse.",
            "niemand Angst",
            "der Bürgermeister",
        ),
        ("Der Trainer gegenüber der Zeitung sagte, er bleibe im Amt.", "er bleibe", "Der Trainer"),
        # negative: a *von* phrase after the noun still belongs to the speaker
        (
            "Eine Sprecherin von Greenpeace sagte, die Messwerte seien zu hoch.",
            "die Messwerte",
            "Eine Sprecherin von Greenpeace",
        ),
        # a lower-case agency after *nach Angaben von*
        (
            "Nach Angaben von dpa sind bei dem Unglück drei Menschen gestorben.",
            "drei Menschen",
            "Angaben von dpa",
        ),
        # a quantity with *mehr/weniger als* is one phrase
        (
            "Mehr als drei Viertel der Befragten gaben an, dass sie zufrieden seien.",
            "zufrieden",
            "Mehr als drei Viertel der Befragten",
        ),
        (
            "Weniger als zehn Abgeordnete sagten, sie würden dem Plan zustimmen.",
            "dem Plan",
            "Weniger als zehn Abgeordnete",
        ),
        # a predicative adjective in the first field: the subject follows the verb
        (
            "Offen ist allerdings die Frage, ob die Häuser verkauft werden.",
            "die Häuser",
            "die Frage",
        ),
        (
            "Ungeklärt ist bislang die Frage, wer die Kosten trägt.",
            "die Kosten",
            "die Frage",
        ),
        # the addressee or target of a speech-act noun ends its genitive attribute
        (
            "Es gibt nur den Vorwurf der Regierung an die Zeitung, Lügen zu verbreiten.",
            "Lügen",
            "der Regierung",
        ),
        (
            "Die Forderung der Gewerkschaft nach mehr Lohn, die Arbeitszeit zu senken, "
            "stieß auf Kritik.",
            "die Arbeitszeit",
            "der Gewerkschaft",
        ),
        # negative: without a target the whole attribute is the speaker
        (
            "Die Forderung des Verbands der Bäcker, die Steuer zu senken, stieß auf Kritik.",
            "die Steuer",
            "des Verbands der Bäcker",
        ),
        # an elliptic compound goes on after its hyphen
        (
            "Laut Notar- und Anwaltskammer sind nur wenige Verfügungen registriert.",
            "wenige Verfügungen",
            "Notar- und Anwaltskammer",
        ),
        (
            "Das sei nicht üblich, sagte der Kinder- und Jugendanwalt Peter Huber.",
            "nicht üblich",
            "der Kinder- und Jugendanwalt Peter Huber",
        ),
        # a quantifier alone after the verb is the subject, the phrase after it the object
        (
            "Am Montag forderten beide eine Verlängerung des Vertrags.",
            "Verlängerung",
            "beide",
        ),
        ("Am Montag sagten beide, der Vertrag müsse verlängert werden.", "der Vertrag", "beide"),
        # negative: before a noun the quantifier is its determiner
        (
            "Am Montag forderten viele Abgeordnete eine Verlängerung des Vertrags.",
            "Verlängerung",
            "viele Abgeordnete",
        ),
        # a time phrase between *hieß es* and its source
        (
            "Die Lage sei ruhig, hieß es am Abend aus Polizeikreisen.",
            "Die Lage",
            "Polizeikreisen",
        ),
        (
            "Die Lage sei ruhig, hieß es gestern in einer Mitteilung der Stadt.",
            "Die Lage",
            "einer Mitteilung der Stadt",
        ),
        # negative: without a source after the time phrase, none
        ("Die Lage sei ruhig, hieß es am Abend.", "Die Lage", None),
        # the source before *zufolge* starts after a verb form
        (
            "Dabei starben behördlichen Angaben zufolge zehn Menschen.",
            "zehn Menschen",
            "behördlichen Angaben",
        ),
        (
            "Die Milizen gewinnen Medienberichten zufolge an Einfluss.",
            "an Einfluss",
            "Medienberichten",
        ),
        (
            "Die Männer hätten Gewehre getragen, was aber dem Zeugen zufolge üblich sei.",
            "üblich",
            "dem Zeugen",
        ),
        # negative: an attributive adjective belongs to the source
        (
            "Den offiziellen Angaben zufolge starben zehn Menschen.",
            "zehn Menschen",
            "Den offiziellen Angaben",
        ),
        # a wording noun is the message: no speaker
        ("Auf dem Banner standen die Worte: „Wir bleiben hier.“", "Wir bleiben", None),
        # negative: with an attribute, the wording noun names who spoke
        (
            "Die Worte des Bischofs lauteten: „Habt keine Angst.“",
            "Habt keine Angst",
            "Die Worte des Bischofs",
        ),
    ],
)
def test_speaker_cell(text: str, quote_part: str, speaker: str | None) -> None:
    assert speaker_of(text, quote_part) == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparison with what someone predicted or stated quotes nothing
        ("Schneller als die Experten vorausgesagt hatten, stieg das Wasser im Fluss.", []),
        ("Mehr Gäste als die Veranstalter erwartet hatten, kamen zum Konzert.", []),
        ("Das Wasser stieg schneller, als die Experten vorausgesagt hatten.", []),
        ("Anders als der Minister behauptet, ist die Lage ernst.", []),
        # negative: *mehr als* before a numeral or an article is a quantity in the subject,
        # and a content clause after the comma is the message
        (
            "Mehr als die Hälfte der Mitglieder behauptet, die Lage sei ernst.",
            [
                (
                    "indirect",
                    "die Lage sei ernst",
                    "Mehr als die Hälfte der Mitglieder",
                    "behauptet",
                )
            ],
        ),
        (
            "Schon vor mehr als einer Woche hatte der Sprecher erklärt, die Lage sei ernst.",
            [("indirect", "die Lage sei ernst", "der Sprecher", "erklärt")],
        ),
        # negative: the verb *danken* is still a cue
        (
            "Der Präsident dankte den Helfern: „Ohne euch hätten wir es nicht geschafft.“",
            [
                (
                    "direct",
                    "„Ohne euch hätten wir es nicht geschafft.“",
                    "Der Präsident",
                    "dankte",
                )
            ],
        ),
    ],
)
def test_comparison_and_preposition(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "resolved"),
    [
        # a possessive source phrase, *wir* and a capitalised particle are no antecedents:
        # better no antecedent than a wrong one
        (
            "Ziel der Gruppe ist der Sturz der Regierung, die ihrer Meinung nach unrechtmäßig "
            "im Amt ist. Am Montag forderte sie, dass die Regierung zurücktrete.",
            "zurücktrete",
            None,
        ),
        (
            "Wir entlassen die Angeklagte heute. Am Montag sagte sie, dass sie zufrieden sei.",
            "zufrieden",
            None,
        ),
        (
            "Die Ministerin trat vor die Presse. Nicht alle Fragen wurden beantwortet. "
            "Demnach sei die Lage ernst.",
            "die Lage",
            None,
        ),
        # negative: a named subject before is the antecedent
        (
            "Die Ministerin trat vor die Presse. Am Montag sagte sie, dass sie zufrieden sei.",
            "zufrieden",
            "Die Ministerin",
        ),
    ],
)
def test_no_wrong_antecedent(text: str, quote_part: str, resolved: str | None) -> None:
    sp = speaker_object(text, quote_part)
    assert sp is not None
    assert sp.resolved == resolved


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverbial at the clause end is no separable particle of the verb
        (
            "Die Regierung beschuldigt die Rebellen immer wieder, Geld aus dem Ausland zu "
            "erhalten.",
            [("indirect", "Geld aus dem Ausland zu erhalten", "Die Regierung", "beschuldigt")],
        ),
        (
            "Die Kammer kritisierte darüber hinaus, dass die Frist zu kurz sei.",
            [("indirect", "dass die Frist zu kurz sei", "Die Kammer", "kritisierte")],
        ),
        (
            "Der Verband bemängelt nach wie vor, dass die Frist zu kurz sei.",
            [("indirect", "dass die Frist zu kurz sei", "Der Verband", "bemängelt")],
        ),
        # negative: a real particle makes another verb (*absagen*)
        ("Der Minister sagte in letzter Minute ab.", []),
        ("Die Sängerin sagte ihren Auftritt wieder ab.", []),
    ],
)
def test_adverbial_is_no_particle(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert summary(annotate(text)) == expected
