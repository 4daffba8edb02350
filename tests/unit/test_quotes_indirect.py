"""Indirect and reported speech: dass-clauses, Konjunktiv clauses in both orders, source
phrases, Konjunktiv continuations, reported speech, and verbs that are no speech."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.konjunktiv import is_konjunktiv, reported_konjunktiv


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dass-clause, both orders
        (
            "Innenminister Weber sagte, dass die Polizei mehr Personal brauche.",
            [
                (
                    "indirect",
                    "dass die Polizei mehr Personal brauche",
                    "Innenminister Weber",
                    "sagte",
                )
            ],
        ),
        (
            "Dass die Polizei mehr Personal brauche, sagte Innenminister Weber am Montag.",
            [
                (
                    "indirect",
                    "Dass die Polizei mehr Personal brauche",
                    "Innenminister Weber",
                    "sagte",
                )
            ],
        ),
        # V2 clause in Konjunktiv I / II, both orders
        (
            "Weber sagte, die Polizei brauche mehr Personal.",
            [("indirect", "die Polizei brauche mehr Personal", "Weber", "sagte")],
        ),
        (
            "Die Polizei brauche mehr Personal, sagte Weber.",
            [("indirect", "Die Polizei brauche mehr Personal", "Weber", "sagte")],
        ),
        (
            "Die Gewerkschaft warnte, die Beschäftigten würden den Abbau nicht hinnehmen.",
            [
                (
                    "indirect",
                    "die Beschäftigten würden den Abbau nicht hinnehmen",
                    "Die Gewerkschaft",
                    "warnte",
                )
            ],
        ),
        # separable verb and phrase cues
        (
            "Die Stadt teilte mit, dass die Brücke gesperrt werde.",
            [("indirect", "dass die Brücke gesperrt werde", "Die Stadt", "teilte mit")],
        ),
        (
            "Der Verband wies darauf hin, dass die Frist ende.",
            [("indirect", "dass die Frist ende", "Der Verband", "wies hin")],
        ),
        # source phrases: laut, so, zufolge, nach Angaben von
        (
            "Laut Polizei wurden drei Menschen verletzt.",
            [("indirect", "wurden drei Menschen verletzt", "Polizei", "Laut")],
        ),
        (
            "Die Zahl der Opfer stieg auf zwölf, so der Sprecher des Ministeriums.",
            [
                (
                    "indirect",
                    "Die Zahl der Opfer stieg auf zwölf",
                    "der Sprecher des Ministeriums",
                    "so",
                )
            ],
        ),
        (
            "Dem Bericht zufolge stieg die Zahl der Opfer auf zwölf.",
            [("indirect", "stieg die Zahl der Opfer auf zwölf", "Dem Bericht", "zufolge")],
        ),
        (
            "Nach Angaben von Augenzeugen fielen mehrere Schüsse.",
            [("indirect", "fielen mehrere Schüsse", "Angaben von Augenzeugen", "Nach")],
        ),
        # Konjunktiv continuation: attributed to the current speaker, no cue
        (
            "Die Lage sei ernst, erklärte die Sprecherin. Man habe alle Kräfte im Einsatz. "
            "Am Abend kam der Regen.",
            [
                ("indirect", "Die Lage sei ernst", "die Sprecherin", "erklärte"),
                ("indirect", "Man habe alle Kräfte im Einsatz", "die Sprecherin", None),
            ],
        ),
        # consecutive continuation sentences form one quotation
        (
            "Der Arzt sagte, der Patient sei stabil. Er habe Glück gehabt. Die Operation sei gut "
            "verlaufen.",
            [
                ("indirect", "der Patient sei stabil", "Der Arzt", "sagte"),
                (
                    "indirect",
                    "Er habe Glück gehabt. Die Operation sei gut verlaufen",
                    "Der Arzt",
                    None,
                ),
            ],
        ),
        # a speech-act noun with a complement clause (indirect question)
        (
            "Rutte reagierte mit der Gegenfrage, warum sich der Westen darauf einlasse.",
            [
                (
                    "indirect",
                    "warum sich der Westen darauf einlasse",
                    "Rutte",
                    "Gegenfrage",
                )
            ],
        ),
        # a reporting verb under a Konjunktiv auxiliary continues the current speaker
        (
            "Macron sagte, sie seien bereit. Die Staaten hätten sich verpflichtet, Truppen zu "
            "stellen.",
            [
                ("indirect", "sie seien bereit", "Macron", "sagte"),
                (
                    "indirect",
                    "Die Staaten hätten sich verpflichtet, Truppen zu stellen",
                    "Macron",
                    None,
                ),
            ],
        ),
        # reported speech (kind reported, the sentence is the quotation)
        (
            "Die Opposition kritisierte die Regierung scharf.",
            [
                (
                    "reported",
                    "Die Opposition kritisierte die Regierung scharf",
                    "Die Opposition",
                    None,
                )
            ],
        ),
        (
            "Der Minister bezeichnete den Vorschlag als Irrweg.",
            [
                (
                    "reported",
                    "Der Minister bezeichnete den Vorschlag als Irrweg",
                    "Der Minister",
                    None,
                )
            ],
        ),
        (
            "Die Gewerkschaft forderte höhere Löhne.",
            [("reported", "Die Gewerkschaft forderte höhere Löhne", "Die Gewerkschaft", None)],
        ),
        # passive source
        (
            "Aus der Bundesregierung wurden Bedenken geäußert; die Bundeswehr wolle sich auf "
            "Ausbildung konzentrieren.",
            [
                (
                    "reported",
                    "Aus der Bundesregierung wurden Bedenken geäußert",
                    "der Bundesregierung",
                    None,
                ),
                (
                    "indirect",
                    "die Bundeswehr wolle sich auf Ausbildung konzentrieren",
                    "der Bundesregierung",
                    None,
                ),
            ],
        ),
        # forms the lookup lemmatizer does not know: found through the lexicon's own forms
        (
            "Die Ursache sei noch unklar, verlautbarte der Direktor der Reederei.",
            [
                (
                    "indirect",
                    "Die Ursache sei noch unklar",
                    "der Direktor der Reederei",
                    "verlautbarte",
                )
            ],
        ),
        (
            "Beide Seiten hatten vereinbart, alle Truppen aus der Region zurückzuziehen.",
            [
                (
                    "indirect",
                    "alle Truppen aus der Region zurückzuziehen",
                    "Beide Seiten",
                    "vereinbart",
                )
            ],
        ),
        # source phrases with extended attributes, web addresses and trailing phrases
        (
            "Laut einer am Dienstag veröffentlichten Mitteilung des WFP wurden 2.000 Menschen "
            "versorgt.",
            [
                (
                    "indirect",
                    "wurden 2.000 Menschen versorgt",
                    "einer am Dienstag veröffentlichten Mitteilung des WFP",
                    "Laut",
                )
            ],
        ),
        (
            "Laut ndr.de blieben einige Teilnehmer noch auf dem Platz.",
            [("indirect", "blieben einige Teilnehmer noch auf dem Platz", "ndr.de", "Laut")],
        ),
        (
            "Der Website worldreferee.com zufolge ist der Schiedsrichter streng.",
            [
                (
                    "indirect",
                    "ist der Schiedsrichter streng",
                    "Der Website worldreferee.com",
                    "zufolge",
                )
            ],
        ),
        (
            "Die Grenze müsse geöffnet werden, so Parteichef Hassan Nasrallah im Fernsehen.",
            [
                (
                    "indirect",
                    "Die Grenze müsse geöffnet werden",
                    "Parteichef Hassan Nasrallah",
                    "so",
                )
            ],
        ),
        # a source phrase inside a relative clause: the clause, across an enumeration
        (
            "Die Armee stürmte das Büro, das nach israelischen Angaben vor allem der Planung, "
            "Finanzierung und Unterstützung von Anschlägen diene.",
            [
                (
                    "indirect",
                    "das … vor allem der Planung, Finanzierung und Unterstützung von Anschlägen diene",
                    "israelischen Angaben",
                    "nach",
                )
            ],
        ),
        # *A. Dies urteilte X.*: the anaphor frame wins over reported speech; *auch X genannt*
        # (naming) is no cue
        (
            "Die Kürzung der Pauschale – auch Pendlerpauschale genannt – ist rechtswidrig. "
            "Dies urteilte heute das Bundesverfassungsgericht.",
            [
                (
                    "indirect",
                    "Die Kürzung der Pauschale – auch Pendlerpauschale genannt – ist "
                    "rechtswidrig … Dies",
                    "das Bundesverfassungsgericht",
                    "urteilte",
                )
            ],
        ),
        # a verb quote ends before a *…, so X* source
        (
            "Ägypten wird aufgefordert, die Grenze zu öffnen, so Hassan Nasrallah im Fernsehen.",
            [
                (
                    "indirect",
                    "Ägypten wird aufgefordert, die Grenze zu öffnen",
                    "Hassan Nasrallah",
                    "so",
                ),
                ("indirect", "die Grenze zu öffnen", None, "aufgefordert"),
            ],
        ),
        # negative: *so* + noun phrase + more clause is no source (*so viel Geld wie nie*)
        ("Er verdiente so viel Geld wie nie zuvor, so dass er aufhörte.", []),
        # a passive cue: the subject is the addressee, not the speaker
        (
            "Die Anwohner wurden gebeten, ihre Häuser nicht zu verlassen.",
            [("indirect", "ihre Häuser nicht zu verlassen", None, "gebeten")],
        ),
        # not speech: absagen / zusagen, purpose clauses, plain narration, conditionals
        ("Die Firma ist in Schwierigkeiten geraten, weil die Aufträge ausblieben.", []),
        # reflexive or modal uses of reporting verbs are other verbs; the plain verb stays
        ("Im Laufe des Tages hatte sich herausgestellt, dass kein Feuer ausgebrochen war.", []),
        (
            "Der Minister stellte heraus, dass die Reform nötig sei.",
            [("indirect", "dass die Reform nötig sei", "Der Minister", "stellte heraus")],
        ),
        ("Dort waren über 50 Themen zu finden, darunter „Dresden im Wandel der Zeit“.", []),
        ("Die Funktionäre der Partei unterstützen die „Roadmap“ weitgehend.", []),
        ("Die Junta, die sich selbst „Rat für Reform“ nennt, übernahm die Macht.", []),
        ("Für das Wetter ist ein anderer Faktor entscheidend, dass es warm bleibt.", []),
        ("Einige Abgeordnete stimmten dagegen, dass die Sitzung verlängert werde.", []),
        ("Der Minister sagte den Besuch in letzter Minute ab.", []),
        ("Der Kanzler sagte seine Teilnahme zu.", []),
        ("Die Stadt baut eine Brücke, um den Verkehr zu entlasten.", []),
        ("Im Falle eines Stopps müsste die Firma das Geld zurückzahlen.", []),
        ("Der Zug kam pünktlich an. Die Fahrgäste stiegen aus.", []),
    ],
)
def test_indirect_and_reported(text, expected):
    assert summary(annotate(text)) == expected


def test_cue_lemma_and_category():
    q = annotate("Der Sprecher behauptete, alles sei in Ordnung.")._.ml_quotes[0]
    assert (q.cue.text, q.cue.lemma, q.cue.category) == ("behauptete", "behaupten", "distancing")
    q = annotate("Die Partei räumte ein, dass Fehler passiert seien.")._.ml_quotes[0]
    assert (q.cue.lemma, q.cue.category) == ("einräumen", "concessive")
    assert len(q.cue.spans) == 2  # räumte … ein


def test_continuation_with_a_partial_quotation_inside():
    """A Konjunktiv sentence continues the speaker even with a partial quotation in it."""
    doc = annotate(
        "Der Pilot sagte, er habe die Maschine zu spät aufgesetzt. "
        "Der Airbus sei erst »weit hinter der normalen Zone« zu Boden gebracht worden."
    )
    assert summary(doc) == [
        ("indirect", "er habe die Maschine zu spät aufgesetzt", "Der Pilot", "sagte"),
        (
            "indirect",
            "Der Airbus sei erst »weit hinter der normalen Zone« zu Boden gebracht worden",
            "Der Pilot",
            None,
        ),
        # the partial quotation continues the speech act of *sagte* right before it
        ("direct", "»weit hinter der normalen Zone«", "Der Pilot", "sagte"),
    ]
    # negative: a full quoted sentence is the direct quotation, not also a continuation
    doc = annotate("Der Pilot sagte, er sei zu spät. »Die Zone war zu kurz.« Das sei bekannt.")
    assert [q.kind for q in doc._.ml_quotes].count("direct") == 1


def test_continuation_stops_at_a_new_paragraph_gap():
    text = (
        "Der Arzt sagte, der Patient sei stabil.\n\nDas Wetter war schön.\n\n"
        "Ein Zeuge sah es anders.\n\nEr habe nichts bemerkt."
    )
    got = summary(annotate(text))
    assert got[0] == ("indirect", "der Patient sei stabil", "Der Arzt", "sagte")
    assert all(spk != "Der Arzt" for _, t, spk, _ in got[1:])


@pytest.mark.parametrize(
    ("word", "lemma", "expected"),
    [
        ("sei", "sein", True),
        ("habe", "habe", True),
        ("würden", "werden", True),
        ("gebe", "geben", True),
        ("stehe", "stehen", True),
        ("ist", "sein", False),
        ("große", "groß", False),
        ("seine", "sein", False),
        ("die", "der", False),
        ("Rede", "Rede", False),
    ],
)
def test_is_konjunktiv(word, lemma, expected):
    assert is_konjunktiv(word, lemma) is expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([("Er", "er"), ("habe", "habe"), ("Recht", "Recht")], True),
        ([("Ich", "ich"), ("habe", "habe"), ("Recht", "Recht")], False),
        ([("Das", "der"), ("wäre", "sein"), ("gut", "gut")], False),  # conditional
        ([("Sie", "sie"), ("wären", "sein"), ("bereit", "bereit")], True),
        # a form the lookup table does not know, in second position after a pronoun
        ([("Dies", "Dies"), ("bedinge", "bedinge"), ("Böen", "Böe")], True),
        # negative: weak past and an adjective after a determiner are indicative
        ([("Er", "er"), ("musste", "musste"), ("gehen", "gehen")], False),
        ([("Das", "der"), ("letzte", "letzt"), ("Beben", "Beben")], False),
    ],
)
def test_reported_konjunktiv(words, expected):
    assert reported_konjunktiv(words) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an addressee possessive (*Ihrer* inside the sentence, *deiner*) asks, it names no
        # source; *nach anderen Angaben* gives an alternative figure, no source
        ("Welche Vorschläge sind Ihrer Meinung nach verfassungswidrig?", []),
        ("Frage: Ist das deiner Ansicht nach gerecht?", []),
        ("Das Auto fährt 100, nach anderen Angaben 110 Kilometer weit.", []),
        # negative: a third-person source stays a source
        (
            "Das Gesetz ist ihrer Meinung nach verfassungswidrig.",
            [("indirect", "ihrer Meinung")],
        ),
        (
            "Das Auto fährt nach Angaben des Herstellers 100 Kilometer weit.",
            [("indirect", "Angaben des Herstellers")],
        ),
    ],
)
def test_addressee_and_alternative_figures_name_no_source(text, expected):
    quotes = annotate(text)._.ml_quotes
    assert [(q.kind, q.speaker.text if q.speaker else None) for q in quotes] == expected
