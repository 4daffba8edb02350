"""Quotation and cue detection rules of issue #13, round 3: which quotations are found, their
boundaries, kind and cue. Each rule has positive and negative ``(text, expected)`` cases;
the sentences are invented for these tests."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary


def _direct(text: str) -> list[str]:
    return [q.text for q in annotate(text)._.ml_quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation after a title noun that opens with a lower-case article or preposition
        # continues the clause in a speech context: a partial quotation, not a title
        (
            "Die Ministerin hatte am Montag die Zustimmung ihrer Fraktion zu dem Gesetz "
            "„trotz mancher Zweifel“ bekanntgegeben.",
            ["„trotz mancher Zweifel“"],
        ),
        (
            "Wie der Minister erklärte, sieht die Regierung in dem Vertrag „kein Hindernis "
            "für den Handel“.",
            ["„kein Hindernis für den Handel“"],
        ),
        # negative: a lower-case title opens with a content word (*das Magazin „profil“*)
        ("Laut einem Bericht des Magazins „profil“ wurden die Pläne verschoben.", []),
        # negative: a capitalised title after its noun stays a title
        ("Die Autorin sagte, das Buch „Der lange Winter“ sei ihr wichtigstes.", []),
        # negative: outside a speech context the title noun decides
        ("Das Gesetz „für eine bessere Pflege“ tritt im Mai in Kraft.", []),
    ],
)
def test_title_noun_before_partial_quotation(text: str, expected: list[str]) -> None:
    assert _direct(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # »A«, und fügte hinzu: »B«: a second speech act; each quotation has its own cue
        (
            "Die Forscherin erklärt es so: „Wir haben zwei Arten von Teilchen gefunden, die "
            "aus dem Inneren kommen“, und fügt hinzu: „Der nächste Flug wird zeigen, ob das "
            "stimmt.“",
            [
                (
                    "direct",
                    "„Wir haben zwei Arten von Teilchen gefunden, die aus dem Inneren kommen“",
                    "erklärt",
                ),
                ("direct", "„Der nächste Flug wird zeigen, ob das stimmt.“", "fügt hinzu"),
            ],
        ),
        # a cue after *und* belongs to what follows it, not to the quotation before it
        (
            "Der Minister bezeichnete den Brief als „Zumutung“ und kündigte an, "
            "rechtliche Schritte zu prüfen.",
            [
                ("direct", "„Zumutung“", "bezeichnete"),
                ("indirect", "rechtliche Schritte zu prüfen", "kündigte an"),
            ],
        ),
        # negative: »A«, sagte X, »B« stays one interrupted quotation
        (
            "„Wir sind bereit“, sagte die Sprecherin, „aber wir warten auf ein Angebot.“",
            [
                (
                    "direct",
                    "„Wir sind bereit“ … „aber wir warten auf ein Angebot.“",
                    "sagte",
                )
            ],
        ),
    ],
)
def test_second_speech_act_after_quotation(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert [(k, q, c) for k, q, _s, c in summary(annotate(text))] == expected


def _cues(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.cue.text if q.cue else None) for q in annotate(text)._.ml_quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue-less direct quotation right after the current speaker's frame takes its cue
        (
            "Die Ministerin sagte, die Lage sei ernst. „Wir müssen jetzt handeln.“",
            [
                ("indirect", "die Lage sei ernst", "sagte"),
                ("direct", "„Wir müssen jetzt handeln.“", "sagte"),
            ],
        ),
        # negative: across a paragraph break the quotation keeps no cue
        (
            "Die Ministerin sagte, die Lage sei ernst.\n\n„Wir müssen jetzt handeln.“",
            [
                ("indirect", "die Lage sei ernst", "sagte"),
                ("direct", "„Wir müssen jetzt handeln.“", None),
            ],
        ),
        # negative: further away than about one short sentence the quotation keeps no cue
        (
            "Die Ministerin sagte, die Lage sei ernst. Sie habe mit den Bürgermeistern der "
            "betroffenen Gemeinden gesprochen und die Hilfe des Landes zugesagt, die schon am "
            "Abend eintreffen werde. „Wir müssen jetzt handeln.“",
            [
                ("indirect", "die Lage sei ernst", "sagte"),
                (
                    "indirect",
                    "Sie habe mit den Bürgermeistern der betroffenen Gemeinden gesprochen und "
                    "die Hilfe des Landes zugesagt, die schon am Abend eintreffen werde",
                    None,
                ),
                ("direct", "„Wir müssen jetzt handeln.“", None),
            ],
        ),
    ],
)
def test_cue_of_continued_direct_quotation(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _cues(text) == expected


def _reported(text: str) -> list[tuple[str, str | None]]:
    return [
        (q.text, q.act.lemma if q.act else None)
        for q in annotate(text)._.ml_quotes
        if q.kind == "reported"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *von X ausgehen* (assume), *mit X rechnen* (expect), *beziffern*: reported speech
        (
            "Die Ermittler gehen von einem technischen Defekt aus.",
            [("Die Ermittler gehen von einem technischen Defekt aus", "ausgehen")],
        ),
        (
            "Der Verband rechnet für das kommende Jahr mit deutlich höheren Preisen.",
            [
                (
                    "Der Verband rechnet für das kommende Jahr mit deutlich höheren Preisen",
                    "rechnen",
                )
            ],
        ),
        (
            "Die Versicherung bezifferte den Schaden auf drei Millionen Euro.",
            [("Die Versicherung bezifferte den Schaden auf drei Millionen Euro", "beziffern")],
        ),
        # a *für X halten* phrase with an object (not a clause) is reported speech
        (
            "Beobachter halten einen Rücktritt des Ministers für wahrscheinlich.",
            [
                (
                    "Beobachter halten einen Rücktritt des Ministers für wahrscheinlich",
                    "für wahrscheinlich halten",
                )
            ],
        ),
        # the predicative after a relative clause (*hält X, das …, für Y*)
        (
            "Die Opposition hält das Gesetz, das am Freitag beschlossen wurde, für "
            "verfassungswidrig.",
            [
                (
                    "Die Opposition hält das Gesetz, das am Freitag beschlossen wurde, für "
                    "verfassungswidrig",
                    "halten",
                )
            ],
        ),
        # *begründete X mit Y*: the reason given is what was said
        (
            "Die Stadt begründete die Erhöhung mit den gestiegenen Kosten.",
            [("Die Stadt begründete die Erhöhung mit den gestiegenen Kosten", "begründen")],
        ),
        # negative: *begründen* without its mit-object reports nothing (*begründete eine
        # Stiftung*)
        ("Die Familie begründete im Jahr 1990 eine Stiftung.", []),
        # *sprechen* reports with its von-object only
        (
            "Die Ministerin sprach von einem großen Erfolg.",
            [("Die Ministerin sprach von einem großen Erfolg", "sprechen")],
        ),
        ("Die Pfarrerin sprach am Ende ein Gebet.", []),
        ("Die Polizei hat bereits mit der Zeugin gesprochen.", []),
        # negative: *fordern* with a death toll is no demand, whatever the word order
        ("Zwölf Todesopfer forderte ein Sturm im Norden des Landes.", []),
        ("Das Erdbeben forderte mindestens 300 Menschenleben.", []),
        # negative: without the von-object *ausgehen* is another verb
        ("Am Abend ging in der ganzen Stadt das Licht aus.", []),
        ("Der Streit ging am Ende glimpflich aus.", []),
        # negative: without the mit-object *rechnen* is calculating
        ("Der Kassierer rechnete die Summe zweimal nach.", []),
        # negative: a zu-infinitive (modal passive) reports nobody's expectation
        ("Am Wochenende ist mit starkem Regen zu rechnen.", []),
        # negative: negated
        ("Die Polizei geht nicht von einem Verbrechen aus.", []),
        # negative: a thing does not assume (*Die Gefahr geht von X aus*)
        ("Das Hochwasser geht von den Bergen aus.", []),
    ],
)
def test_reported_by_prepositional_object(text: str, expected: list[tuple[str, str]]) -> None:
    assert _reported(text) == expected


def _indirect(text: str) -> list[tuple[str, str | None]]:
    return [
        (q.text, q.cue.text if q.cue else None)
        for q in annotate(text)._.ml_quotes
        if q.kind == "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a source phrase in a second main clause governs that clause only
        (
            "Alle Schulen bleiben geschlossen, lediglich das Gymnasium wurde nach Angaben der "
            "Stadt wieder geöffnet.",
            [("lediglich das Gymnasium wurde … wieder geöffnet", "nach")],
        ),
        (
            "Der Zug fährt wieder, jedoch ist laut der Bahn noch unklar, ob die Brücke hält.",
            [("jedoch ist … noch unklar, ob die Brücke hält", "laut")],
        ),
        # … and in a clause opened by *zumal*, *was*, *wobei*
        (
            "Die Deiche wurden erneuert, zumal das Wasser den Prognosen zufolge bald sinkt.",
            [("zumal das Wasser … bald sinkt", "zufolge")],
        ),
        # negative: the main clause after a fronted subordinate clause is governed as a whole
        (
            "Nachdem das Feuer gelöscht war, wurden laut Polizei drei Verletzte geborgen.",
            [("Nachdem das Feuer gelöscht war, wurden … drei Verletzte geborgen", "laut")],
        ),
        # negative: the comma closes a relative clause inside the main clause
        (
            "Das Kraftwerk, welches seit Jahren umstritten ist, bleibt laut dem Betreiber bis "
            "Mai in Betrieb.",
            [
                (
                    "Das Kraftwerk, welches seit Jahren umstritten ist, bleibt … bis Mai in "
                    "Betrieb",
                    "laut",
                )
            ],
        ),
        # negative: an apposition is no clause
        (
            "Der Bürgermeister, Hans Weber, sowie zwei Stadträte stimmten nach Angaben der "
            "Zeitung dagegen.",
            [
                (
                    "Der Bürgermeister, Hans Weber, sowie zwei Stadträte stimmten … dagegen",
                    "nach",
                )
            ],
        ),
    ],
)
def test_source_phrase_in_a_later_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert _indirect(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the dative object of *zufolge* starts at its determiner
        ("Dort sinkt das Wasser den Prognosen zufolge schon morgen.", "den Prognosen"),
        # negative: a genitive attribute stays part of the source
        (
            "Dem Bericht der Zeitung zufolge sinkt das Wasser schon morgen.",
            "Dem Bericht der Zeitung",
        ),
    ],
)
def test_source_of_zufolge(text: str, speaker: str) -> None:
    quotes = annotate(text)._.ml_quotes
    assert [q.speaker.text if q.speaker else None for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject with an apposition or a relative clause before the verb is no clause
        (
            "Die frühere Ministerin, Anna Weber, forderte einen Neuanfang.",
            [("reported", "Die frühere Ministerin, Anna Weber, forderte einen Neuanfang")],
        ),
        (
            "Die Abgeordnete, die erst im Mai gewählt worden war, kritisierte den Haushalt.",
            [
                (
                    "reported",
                    "Die Abgeordnete, die erst im Mai gewählt worden war, kritisierte den Haushalt",
                )
            ],
        ),
        # (a quoted name in the subject is no clause either)
        (
            "Die „Initiative für saubere Luft“ berichtete über einen Marsch.",
            [("reported", "Die „Initiative für saubere Luft“ berichtete über einen Marsch")],
        ),
        # negative: a clause before *, sagte X* is what was said
        (
            "Die Lage sei ernst, sagte die Ministerin.",
            [("indirect", "Die Lage sei ernst")],
        ),
        (
            "Er habe „nichts gewusst“, erklärte der Anwalt.",
            [("indirect", "Er habe „nichts gewusst“"), ("direct", "„nichts gewusst“")],
        ),
    ],
)
def test_inverted_frame_needs_a_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.kind, q.text) for q in annotate(text)._.ml_quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a frame in a fronted subordinate clause: the complement ends before the main clause
        (
            "Während der Minister ankündigte, den Plan prüfen zu lassen, stellt sich die "
            "Opposition dagegen.",
            [("den Plan prüfen zu lassen", "ankündigte")],
        ),
        (
            "Nachdem die Polizei mitgeteilt hatte, dass der Täter gefasst sei, kehrte Ruhe ein.",
            [("dass der Täter gefasst sei", "mitgeteilt")],
        ),
        # negative: in a main clause the complement runs on over its own subordinate clause
        (
            "Der Minister kündigte an, den Plan zu prüfen, wenn die Zahlen vorliegen.",
            [("den Plan zu prüfen, wenn die Zahlen vorliegen", "kündigte an")],
        ),
    ],
)
def test_complement_of_a_fronted_frame(text: str, expected: list[tuple[str, str]]) -> None:
    assert _indirect(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Konjunktiv I main clause far from any quotation is indirect speech; the
        # indicative sentence before names its source, the next Konjunktiv sentence continues
        (
            "Der Bürgermeister besuchte am Montag die Baustelle. Die Arbeiten seien gut "
            "vorangekommen. Der Zeitplan werde eingehalten.",
            [
                (
                    "indirect",
                    "Die Arbeiten seien gut vorangekommen. Der Zeitplan werde eingehalten",
                    "Der Bürgermeister",
                )
            ],
        ),
        (
            "Am Morgen brannte eine Lagerhalle.\n\nDie Ursache sei noch unklar.",
            [("indirect", "Die Ursache sei noch unklar", None)],
        ),
        # the Konjunktiv I is in a relative clause of an indicative sentence: only that
        # clause is reported (test_embedded_konjunktiv_clause), with no known speaker
        (
            "Die Männer, die beteiligt gewesen seien, wurden am Abend verhaftet.",
            [("indirect", "die beteiligt gewesen seien", None)],
        ),
        # negative: an adjective after a determiner (*eine heiße Debatte*)
        ("Im Parlament gab es eine heiße Debatte.", []),
        # negative: the first person indicative looks like a Konjunktiv I
        ("Ich habe das nicht gewusst.", []),
        # negative: a Konjunktiv II is mostly conditional
        ("Ohne die Hilfe wäre das Dorf verloren gewesen.", []),
    ],
)
def test_free_konjunktiv_i(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    got = [
        (q.kind, q.text, q.speaker.text if q.speaker else None) for q in annotate(text)._.ml_quotes
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the complement ends where the frame's subject goes on with an indicative verb
        (
            "Die Ministerin sagte, die Länder müssten mehr tun, und forderte einen Gipfel.",
            [("die Länder müssten mehr tun", "sagte")],
        ),
        (
            "Der Angeklagte erklärte, er sei unschuldig, erkannte das Gericht aber nicht an.",
            [("er sei unschuldig", "erklärte")],
        ),
        # … or before an indicative adverbial clause of the frame
        (
            "Die Armee beschloss, den Prinzen zurückzuholen, nachdem seine Einheit bekannt "
            "geworden war.",
            [("den Prinzen zurückzuholen", "beschloss")],
        ),
        # negative: a Konjunktiv after the comma continues the content
        (
            "Der Angeklagte erklärte, er sei unschuldig, habe nichts gewusst.",
            [("er sei unschuldig, habe nichts gewusst", "erklärte")],
        ),
        # negative: the main verb after a relative clause of the complement's subject
        (
            "Sie sagte, Bürger, die nichts wissen, seien nicht frei.",
            [("Bürger, die nichts wissen, seien nicht frei", "sagte")],
        ),
        # negative: a participle after *und* (*gesteckt und abgedrückt habe*)
        (
            "Der Zeuge sagte, dass der Mann die Waffe genommen und abgedrückt habe.",
            [("dass der Mann die Waffe genommen und abgedrückt habe", "sagte")],
        ),
    ],
)
def test_complement_end(text: str, expected: list[tuple[str, str]]) -> None:
    assert _indirect(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agentless passive with an *als*-predicative names what something was said to be
        (
            "Als Ursache des Brandes wurde ein defektes Kabel genannt.",
            [("reported", "Als Ursache des Brandes wurde ein defektes Kabel genannt")],
        ),
        # negative: an agentless passive without one reports no speech act of anyone
        ("Außerdem wurde eine bessere Ausstattung der Schulen gefordert.", []),
        # negative: temporal *als* is no predicative
        ("Als der Zug kam, wurde eine bessere Ausstattung gefordert.", []),
    ],
)
def test_agentless_passive_with_predicative(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.kind, q.text) for q in annotate(text)._.ml_quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in a speech context a descriptive noun phrase with an attribute is the speaker's
        # wording, also after a definite article
        (
            "Die Ministerin sagte, es gebe viel zu tun. Man sei sich einig gewesen, dass es "
            "für die „Feinde der Freiheit“ keine Nachsicht geben dürfe.",
            ["„Feinde der Freiheit“"],
        ),
        # negative: the name of an organisation stays a name
        (
            "Der Sprecher sagte, die Zahlen stammten vom „Rat der Sachverständigen“.",
            [],
        ),
        # negative: outside a speech context a capitalised phrase is a name
        ("Die „Freunde der Eisenbahn“ trafen sich in Kassel.", []),
    ],
)
def test_descriptive_phrase_in_speech(text: str, expected: list[str]) -> None:
    assert _direct(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *möchte* is the indicative of wishing: no continuation of the quotation before
        (
            "Der Minister sagte, die Lage sei ernst. Er möchte im Januar nach Berlin reisen.",
            ["die Lage sei ernst"],
        ),
        # negative: a singular Konjunktiv II right after the quotation continues it
        (
            "Der Minister sagte, die Lage sei ernst. Es wäre falsch, jetzt aufzugeben.",
            ["die Lage sei ernst", "Es wäre falsch, jetzt aufzugeben"],
        ),
    ],
)
def test_moechte_is_no_continuation(text: str, expected: list[str]) -> None:
    assert [q.text for q in annotate(text)._.ml_quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negated speech act reports no content
        ("Ein Sprecher wollte nicht bestätigen, dass die Firma verkauft werde.", []),
        ("Die Behörde hat bisher nicht mitgeteilt, ob die Schule schließt.", []),
        # negative: a negated denial asserts the content
        (
            "Der Minister bestritt nicht, dass es Fehler gegeben habe.",
            ["dass es Fehler gegeben habe"],
        ),
        # negative: a negation inside a noun phrase or a part negation
        (
            "Unter Berufung auf nicht genannte Quellen gab die Zeitung an, der Vertrag sei "
            "unterschrieben.",
            ["der Vertrag sei unterschrieben"],
        ),
        (
            "Sie sagte nicht nur, dass sie bleibe.",
            ["dass sie bleibe"],
        ),
        # negative: the negation is in the complement, not in the frame
        ("Er sagte, dass er nicht komme.", ["dass er nicht komme"]),
    ],
)
def test_negated_speech_act(text: str, expected: list[str]) -> None:
    assert [q.text for q in annotate(text)._.ml_quotes if q.kind == "indirect"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # short capitalised quotations in the positions of names are names, also in speech
        ("Die Forscherin berichtete im Fachblatt („Nature Physics“), der Effekt sei klein.", []),
        ("Der Verband, kurz „BVK“, erklärte, die Preise seien gestiegen.", []),
        ("Die Zeitung sagte, der „Rebell“ Max Weber habe verloren.", []),
        ("Laut einem Bericht des „Kurier“ soll das Werk schließen.", []),
        # a capitalised name in another language (*pour, voor, of the …*)
        (
            "Die Sprecherin sagte, die „Partei voor de Toekomst“ habe gewonnen.",
            [],
        ),
        # negative: a German noun phrase with *des* is no foreign name
        ("Der Präsident sagte, das Land sei ein „Opfer des Terrors“.", ["„Opfer des Terrors“"]),
        # negative: a quoted word after an indefinite article in speech is the speaker's
        ("Der Minister nannte den Plan einen „Irrweg“.", ["„Irrweg“"]),
        # negative: after *als*
        ("Die Ministerin bezeichnete den Plan als „Unsinn“.", ["„Unsinn“"]),
    ],
)
def test_names_in_speech_context(text: str, expected: list[str]) -> None:
    assert _direct(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a causal or relative clause in Konjunktiv inside an indicative sentence is the
        # subject's reason or claim
        (
            "Der Verband hat den Vorwurf zurückgewiesen, da er jeder Grundlage entbehre.",
            [("da er jeder Grundlage entbehre", "Der Verband")],
        ),
        (
            "Der Bericht prangert Übergriffe an, die von mehreren Gruppen verübt würden.",
            [("die von mehreren Gruppen verübt würden", "Der Bericht")],
        ),
        # a zu-infinitive after the clause belongs to it; without a reporting verb the
        # speaker is unknown
        (
            "Der Verein hat einen Plan, der darin bestehen solle, mehr Geld zu geben.",
            [("der darin bestehen solle, mehr Geld zu geben", None)],
        ),
        # negative: an article after the comma opens no relative clause
        (
            "Der Zug hielt an, die müden Reisenden stiegen aus.",
            [],
        ),
        # negative: an irrealis *hätten … können* reports nothing
        (
            "Die Techniker montierten Kameras, mit denen die Schäden hätten entdeckt werden können.",
            [],
        ),
        # negative: the main clause in Konjunktiv makes the whole sentence the quotation
        (
            "Der Minister sagte, die Lage sei ernst. Man habe Pläne, die bald umgesetzt würden.",
            [
                ("die Lage sei ernst", "Der Minister"),
                ("Man habe Pläne, die bald umgesetzt würden", "Der Minister"),
            ],
        ),
    ],
)
def test_embedded_konjunktiv_clause(text: str, expected: list[tuple[str, str | None]]) -> None:
    got = [
        (q.text, q.speaker.text if q.speaker else None)
        for q in annotate(text)._.ml_quotes
        if q.kind == "indirect"
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an inverted frame with the participle at the end
        (
            "Es drohe ein Wettrüsten, hatte der Präsident bei seinem Besuch gesagt.",
            [("Es drohe ein Wettrüsten", "der Präsident", "gesagt")],
        ),
        # an inverted frame after a fronted subordinate clause and its main clause
        (
            "Als die Truppen die Stadt einnahmen, töteten sie viele Menschen, teilten die "
            "Vereinten Nationen mit.",
            [
                (
                    "Als die Truppen die Stadt einnahmen, töteten sie viele Menschen",
                    "die Vereinten Nationen",
                    "teilten mit",
                )
            ],
        ),
        # a *so* source with an elliptic compound
        (
            "Mehrere Häuser wurden zerstört, so Polizei- und Feuerwehrkreise.",
            [("Mehrere Häuser wurden zerstört", "Polizei- und Feuerwehrkreise", "so")],
        ),
        # negative: a noun phrase with a clause before *, hat X … erklärt* is no report
        (
            "Klauseln, wie sie das Gesetz enthält, hat das Gericht für zulässig erklärt.",
            [],
        ),
    ],
)
def test_more_inverted_frames(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [
        (q.text, q.speaker.text if q.speaker else None, q.cue.text if q.cue else None)
        for q in annotate(text)._.ml_quotes
        if q.kind == "indirect"
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *dem Vernehmen nach* (it is said) makes the clause indirect speech
        (
            "Dort treffen sich dem Vernehmen nach viele Gruppen.",
            [("Dort treffen sich … viele Gruppen", "dem Vernehmen nach")],
        ),
        # negative: *nach dem Vernehmen der Zeugen* (after the questioning) is temporal
        ("Nach dem Vernehmen der Zeugen vertagte sich das Gericht.", []),
    ],
)
def test_dem_vernehmen_nach(text: str, expected: list[tuple[str, str]]) -> None:
    assert _indirect(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a naming convention is no speech act: generic *man*, a participle apposition, an
        # agentless passive in a relative clause
        ("Einen Vulkan unter dem Meer nennt man einen Tiefseeberg.", []),
        ("Als Passat bezeichnet man einen beständigen Wind in den Tropen.", []),
        ("Das Gerät, genannt Falke, soll im Herbst erstmals fliegen.", []),
        ("Die Forscher untersuchten den Staub, der als Mondregolith bezeichnet wird.", []),
        # negative: a naming verb with a speaker stays reported speech
        (
            "Die Ministerin bezeichnete den Plan als Fehler.",
            [("reported", "Die Ministerin bezeichnete den Plan als Fehler", "Die Ministerin")],
        ),
        (
            "Der Sprecher nannte die Kritik „völlig unbegründet“.",
            [("direct", "„völlig unbegründet“", "Der Sprecher")],
        ),
        # negative: an agent in the relative clause keeps it a speech act
        (
            "Die Opposition kritisierte den Entwurf, der von der Ministerin als Reform "
            "bezeichnet wird.",
            [
                (
                    "reported",
                    "Die Opposition kritisierte den Entwurf, der von der Ministerin als "
                    "Reform bezeichnet wird",
                    "Die Opposition",
                )
            ],
        ),
        # negative: an agentless passive in a main clause still reports (round 3)
        (
            "Als Ursache wurde ein Kurzschluss genannt.",
            [("reported", "Als Ursache wurde ein Kurzschluss genannt", None)],
        ),
    ],
)
def test_naming_convention_is_no_speech(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(k, q, s) for k, q, s, _ in summary(annotate(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *Dies sagte X* after a framed direct quotation repeats that speech act
        (
            "Weiter sagte die Chefin: „Wir werden alle Daten offenlegen.“ Dies sagte sie vor "
            "den Aktionären.",
            [("direct", "„Wir werden alle Daten offenlegen.“", "die Chefin")],
        ),
        # negative: after a sentence without a quotation the anaphor makes it indirect speech
        (
            "Die Preise sollen im Frühjahr steigen. Das sagte der Vorstand am Montag.",
            [("indirect", "Die Preise sollen im Frühjahr steigen … Das", "der Vorstand")],
        ),
        # negative: a cue-less direct quotation takes the anaphor's speaker
        (
            "„Wir werden alle Daten offenlegen.“ Das sagte die Chefin am Montag.",
            [("direct", "„Wir werden alle Daten offenlegen.“", "die Chefin")],
        ),
    ],
)
def test_anaphor_after_framed_quotation(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(k, q, s) for k, q, s, _ in summary(annotate(text))] == expected


# --- issue #13, round 4: recall of free indirect and reported speech (invented sentences) ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a main-clause *soll* with a stative infinitive passes on a claim (free indirect)
        (
            "Die Ursache des Feuers soll ein Kurzschluss sein.",
            [("indirect", "Die Ursache des Feuers soll ein Kurzschluss sein", None, None)],
        ),
        (
            "Der Schaden soll rund zwei Millionen Euro betragen.",
            [("indirect", "Der Schaden soll rund zwei Millionen Euro betragen", None, None)],
        ),
        (
            "Bei den Festgenommenen soll es sich um Mitglieder einer Bande handeln.",
            [
                (
                    "indirect",
                    "Bei den Festgenommenen soll es sich um Mitglieder einer Bande handeln",
                    None,
                    None,
                )
            ],
        ),
        # after a comma the clause alone is the claim
        (
            "Die Täter flohen, unter den Opfern sollen sich zwei Kinder befinden.",
            [("indirect", "unter den Opfern sollen sich zwei Kinder befinden", None, None)],
        ),
        # negatives: a plan (passive infinitive, state passive, schedule word, modal passive)
        ("Die Brücke soll im Mai eröffnet werden.", []),
        ("Im Jahr 2030 soll das Museum fertiggestellt sein.", []),
        ("Künftig soll der Eintritt frei sein.", []),
        ("Das Bild soll ab Montag im Museum zu sehen sein.", []),
        # negatives: advice (*sollten*) and a relative clause (verb-final *soll*)
        ("Autofahrer sollten die Strecke meiden.", []),
        ("Der Verein sucht einen Trainer, der erfahren sein soll.", []),
    ],
)
def test_stative_hearsay(text: str, expected: list) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # prepositional messages *auf* and *über* (lexicon ``message: [..., auf]``)
        (
            "Die Polizei verwies auf die schlechte Sicht in der Nacht.",
            [("reported", "Die Polizei verwies auf die schlechte Sicht in der Nacht")],
        ),
        (
            "Die Eltern klagten über den Lärm der Baustelle.",
            [("reported", "Die Eltern klagten über den Lärm der Baustelle")],
        ),
        (
            "Die Forscher führten den Rückgang auf das warme Wetter zurück.",
            [("reported", "Die Forscher führten den Rückgang auf das warme Wetter zurück")],
        ),
        # negatives: the same verbs without their prepositional object are other senses
        ("Der Schiedsrichter verwies den Spieler des Feldes.", []),
        ("Die Kinder klagten laut.", []),
        ("Er führte die Gäste zurück.", []),
        ("Pedro Sanchez sagte in letzter Minute ab.", []),
    ],
)
def test_prepositional_messages(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(k, q) for k, q, _, _ in summary(annotate(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a resumptive *das/dies* frame after what was said
        (
            "Seit Montag ist die Brücke gesperrt, das teilte die Stadt mit.",
            [("indirect", "Seit Montag ist die Brücke gesperrt", "die Stadt", "teilte mit")],
        ),
        (
            "Die Schule bleibt geschlossen, dies teilte die Stadt am Montag mit.",
            [("indirect", "Die Schule bleibt geschlossen", "die Stadt", "teilte mit")],
        ),
        # an inserted or final *so* + reporting verb + subject
        (
            "Die Einnahmen sind, so betont die Firma in einer Mitteilung, deutlich gestiegen.",
            [("indirect", "Die Einnahmen sind … deutlich gestiegen", "die Firma", "so betont")],
        ),
        (
            "Der Flug sei zu gefährlich, so bestätigt das Gericht.",
            [("indirect", "Der Flug sei zu gefährlich", "das Gericht", "so bestätigt")],
        ),
        # negatives: *so* of a consequence, *so dass*, a verb that reports no speech
        ("Der Verkehr war stark behindert, so wurde der Hafen geschlossen.", []),
        ("Es regnete stark, so dass die Straße gesperrt wurde.", []),
        ("Die Kinder spielten im Garten, das sah der Nachbar.", []),
    ],
)
def test_trailing_frames(text: str, expected: list) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle fronted before its passive auxiliary; the agent speaks, not the patient
        (
            "Kritisiert wird vor allem, dass die Stadt keine Radwege baut.",
            [("indirect", "dass die Stadt keine Radwege baut", None, "Kritisiert")],
        ),
        (
            "Gefordert wird von der Opposition eine schnelle Aufklärung.",
            [
                (
                    "reported",
                    "Gefordert wird von der Opposition eine schnelle Aufklärung",
                    "der Opposition",
                    None,
                )
            ],
        ),
        # negatives: fronted participles of other verbs
        ("Gebaut wird die Brücke von einer Firma aus Bremen.", []),
        ("Verletzt wurde niemand.", []),
    ],
)
def test_fronted_passive_participle(text: str, expected: list) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an opening *Danach* with a present-tense verb after a sentence naming a document
        (
            "Die Studie wurde am Montag vorgestellt. Danach leiden viele Kinder unter Armut.",
            [("indirect", "leiden viele Kinder unter Armut", "Danach", "Danach")],
        ),
        # negatives: the temporal *Danach* (past tense; no document before)
        ("Die Behörde veröffentlichte einen Bericht. Danach fuhr der Minister nach Hause.", []),
        ("Der Zug hielt in Köln. Danach fährt er weiter nach Bonn.", []),
    ],
)
def test_danach_after_document(text: str, expected: list) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue that ends a fronted subordinate clause: what follows is the matrix clause
        ("Nachdem die Piloten den Fehler bemerkt hatten, leiteten sie eine Notbremsung ein.", []),
        ("Sollte der Antrag angenommen werden, könnte die Seite wieder online gehen.", []),
        # reported speech in the subordinate clause is that clause only
        (
            "Nachdem die Behörden vor dem Verzehr gewarnt hatten, stellte sich der Irrtum heraus.",
            [("reported", "Nachdem die Behörden vor dem Verzehr gewarnt hatten", "die Behörden")],
        ),
        # negative: a subordinate cue keeps its own complement (*zu*-infinitive)
        (
            "Nachdem der Minister angekündigt hatte, die Steuern zu senken, stieg seine "
            "Beliebtheit.",
            [("indirect", "die Steuern zu senken", "der Minister")],
        ),
    ],
)
def test_cue_ending_subordinate_clause(text: str, expected: list) -> None:
    assert [(k, q, s) for k, q, s, _ in summary(annotate(text))] == expected
