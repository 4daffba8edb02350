"""Speaker choice for found quotations (:mod:`medialens.nlp.attribution.speakers`): which noun
phrase of the cue's clause is the subject, and how far its span reaches. Each rule has
positive and negative cases. Invented sentences."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, speaker_of


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # an institution with an abstract-looking suffix is a subject
        (
            "Die Universität hatte die Aberkennung des Titels damit begründet, dass viele "
            "Stellen abgeschrieben wurden.",
            "viele Stellen",
            "Die Universität",
        ),
        (
            "Die Fakultät hatte anlässlich der Prüfung erklärt, sie wolle den Vorwurf klären.",
            "den Vorwurf",
            "Die Fakultät",
        ),
        # negative: an abstract first field still yields to a person after the verb
        (
            "Die Entscheidung begründete der Richter damit, dass die Frist abgelaufen sei.",
            "die Frist",
            "der Richter",
        ),
    ],
)
def test_abstract_first_field(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a genitive attribute of a prepositional phrase after the verb is skipped
        (
            "„Wir hatten gute Gespräche“, sagte zum Abschluss des Treffens der Minister.",
            "der Minister",
        ),
        (
            "„Wir hatten gute Gespräche“, sagte zu Beginn der Sitzung die Ministerin.",
            "die Ministerin",
        ),
        # negative: *der* before a masculine noun is the subject's article, not a genitive
        ("„Wir hatten gute Gespräche“, sagte zu Beginn der Minister.", "der Minister"),
        # *hervorgehen aus X*: the source is the *aus* phrase with its genitive
        (
            "Aus einer Mitteilung des Konzerns geht hervor, dass die Gewinne gestiegen sind.",
            "einer Mitteilung des Konzerns",
        ),
    ],
)
def test_genitives_and_source_phrases(text: str, expected: str) -> None:
    assert speaker_of(text, "") == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a relative clause with a subject of its own: the relative pronoun is the object
        (
            "Die Zahl lag unter dem Wert, den Gerhard Maier zum Erfolgskriterium erklärt "
            "hatte: „Wir senken die Zahl auf unter drei Millionen.“",
            "Wir senken",
            "Gerhard Maier",
        ),
        # negative: an article and a role noun after the comma are an apposition
        (
            "René Vidal, der Präsident des Landes, sagte, die Lage sei ernst.",
            "Lage",
            "René Vidal, der Präsident des Landes",
        ),
        # the name with its apposition before a relative clause
        (
            "Hans Maier, der Minister des Landes, der zur Zeit den Vorsitz hat, sagte zum "
            "Abschluss: „Wir sind zufrieden.“",
            "zufrieden",
            "Hans Maier, der Minister des Landes",
        ),
        # negative: an adverb before the relative clause is not part of the subject
        (
            "Hans Kern dagegen, der selbst kandidiert hatte, bekräftigte, dass er nicht "
            "zur Verfügung stehe.",
            "Verfügung",
            "Hans Kern",
        ),
    ],
)
def test_relative_clauses_and_appositions(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # passive *zitiert*: the subject is the one quoted, the agent only relays the words
        (
            "Hans Maier, der Sprecher der Fraktion, wird von der „Abendpost“ mit den Worten "
            "zitiert: „Der Senat ist angeschlagen.“",
            "Senat",
            "Hans Maier, der Sprecher der Fraktion",
        ),
        (
            "„Die Schuld liegt allein bei uns“, wird der Trainer im Fachblatt „Sport heute“ "
            "zitiert.",
            "Schuld",
            "der Trainer",
        ),
        ("Sie hätten viel Geld verdient, wie Maier von der Zeitung zitiert wird.", "Geld", "Maier"),
        # negative: active *zitieren* keeps the quoted object
        (
            "Die Zeitung zitiert den Trainer mit den Worten: „Wir kämpfen weiter.“",
            "kämpfen",
            "den Trainer",
        ),
    ],
)
def test_quoted_person_of_zitieren(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *heißt es in X*: a relative clause after X is no part of the frame
        (
            "In dem Bericht, der von der Behörde veröffentlicht wurde, heißt es, die Zahl der "
            "Straftaten sei gestiegen.",
            "Straftaten sei",
            "dem Bericht",
        ),
        (
            "Die Polizei legte Zahlen vor. Wegen des Zugangs könnten keine Aussagen über die "
            "Anwerbung von Kindersoldaten gemacht werden, heißt es in dem Bericht, der "
            "konkrete Fälle auflistet.",
            "Aussagen",
            "dem Bericht",
        ),
        # negative: a prepositional phrase in the content before *, hieß es* is no source
        (
            "Über die Einzelheiten war man sich bei dem Gespräch nicht einig geworden, hieß es.",
            "Einzelheiten",
            None,
        ),
    ],
)
def test_heisst_es_sources(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # coordination ellipsis: the second conjunct takes the first conjunct's subject
        (
            "Im Januar legte er sein Amt nieder und verkündete, sich künftig um Projekte "
            "kümmern zu wollen.",
            "Projekte",
            "er",
        ),
        (
            "Die Äußerungen des Richters nannte Maier einen „Knaller“ und glaubt, dass die "
            "Politik handeln müsse.",
            "Politik",
            "Maier",
        ),
        ("Die Ministerin lobte den Plan und sagte, er sei gut.", "gut", "Die Ministerin"),
        # negative: a coordinated subject is one phrase, not an ellipsis
        ("Maier und Müller sagten, der Plan sei gut.", "gut", "Maier und Müller"),
    ],
)
def test_coordination_ellipsis(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a short quoted name in apposition belongs to the noun phrase
        (
            "Die Wochenzeitung „Die Woche“ meldet, der Plan sei gescheitert.",
            "Plan",
            "Die Wochenzeitung „Die Woche“",
        ),
        # negative: a quotation after a noun is no name when it holds a sentence
        ("Der Minister sagte: „Wir schaffen das.“", "schaffen", "Der Minister"),
        # asyndetic verb coordination: the subject of the clause before the comma
        (
            "Der Senator wollte sich nach dem Treffen nicht festlegen, sagte aber, die Partei "
            "müsse sich besinnen.",
            "besinnen",
            "Der Senator",
        ),
        # negative: after a Konjunktiv clause the comma separates content and frame
        ("Die Lage sei ernst, hieß es.", "Lage", None),
        # a date after a comma is no relative clause
        (
            "Gysi hatte am Donnerstag, den 7. Oktober in einem Interview die These vertreten, "
            "die Partei stagniere.",
            "stagniere",
            "Gysi",
        ),
        # a relative clause between the subject and the main clause's auxiliary
        (
            "Die Gemeinschaft Deponiesicherheit (GD), die von der Chemie Industrie (CI) "
            "gegründet wurde, hat nun bekannt gegeben, dass keine Gefahr bestehe.",
            "keine Gefahr",
            "Die Gemeinschaft Deponiesicherheit (GD)",
        ),
        # an active perfect auxiliary ends the state passive of an earlier conjunct
        (
            "Der Student schlief immer wieder ein, nur ab und zu war er hochgeschreckt und "
            "hatte gefragt: „Was ist mit dem Radler passiert?“",
            "Radler",
            "Der Student",
        ),
    ],
)
def test_noun_phrase_and_clause_boundaries(
    text: str, quote_part: str, expected: str | None
) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a fronted subordinate clause (also *dass*, *wie*), then the finite verb: the
        # subject follows the verb
        (
            "Sie wisse, dass ihre Arbeit „nicht frei von Schwächen“ sei, hatte Maier damals "
            "gesagt.",
            "Schwächen",
            "Maier",
        ),
        (
            "Wie die Zeitung „Sport heute“ berichtete, soll der Stürmer zum Trainer gesagt "
            "haben: „Das ist nicht fair.“",
            "nicht fair",
            "der Stürmer",
        ),
        # negative: the cue inside the *wie* clause keeps the clause's own subject
        (
            "Wie die Zeitung „Sport heute“ berichtete, soll der Stürmer zum Trainer gesagt "
            "haben: „Das ist nicht fair.“",
            "soll der Stürmer",
            "die Zeitung „Sport heute“",
        ),
    ],
)
def test_fronted_subordinate_clause(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a speech-act noun that is the object of a reaction or the subject: its own source
        (
            "Der Experte wandte sich gegen die Behauptung, die neue Kartoffelsorte werde nicht "
            "in die menschliche Nahrung gelangen.",
            "Kartoffelsorte",
            "die Behauptung",
        ),
        (
            "Auf die Bitte, ihm Abschlagszahlungen zu gewähren, erfolgte keine Reaktion.",
            "Abschlagszahlungen",
            "die Bitte",
        ),
        (
            "Am Samstag lautete die Frage, wo die Grenzen der Solidarität liegen.",
            "Grenzen",
            "die Frage",
        ),
        # negative: the subject's own demand (object of a support verb, or *mit der …*)
        ("Die Partei erhob die Forderung, die Steuern zu senken.", "Steuern", "Die Partei"),
        (
            "Der frühere Regierungschef wandte sich zuletzt an seine Anhänger mit der "
            "Aufforderung, ihre Macht zu demonstrieren.",
            "Macht",
            "Der frühere Regierungschef",
        ),
    ],
)
def test_speech_act_noun_sources(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a continuation three sentences after the last quotation: the subject of the
        # sentence right before it is the source (not unknown, not the old speaker)
        (
            "Ein Sprecher sagte: „Wir prüfen das.“ Die Schulen blieben geschlossen. Das "
            "Institut sieht für Deutschland noch keine Gefahr. Lediglich Personen, die Umgang "
            "mit Geflügel hätten, seien besonders zu schützen.",
            "Das Institut",
        ),
        # negative: a sentence before it without a source subject leaves the gap open
        (
            "Ein Sprecher sagte: „Wir prüfen das.“ Die Schulen blieben geschlossen. Es regnete "
            "den ganzen Tag. Lediglich Personen, die Umgang mit Geflügel hätten, seien "
            "besonders zu schützen.",
            None,
        ),
    ],
)
def test_continuation_after_a_source_sentence(text: str, expected: str | None) -> None:
    assert speaker_of(text, "Lediglich") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fronted object or prepositional phrase with attributes before the verb: the
        # subject follows the finite verb
        (
            "Den Unmut der Partei über die Äußerungen brachte die Sprecherin der Fraktion, "
            "Anna Maier, zum Ausdruck: „Es gibt keinen Grund, Positionen aufzugeben.“",
            "die Sprecherin der Fraktion, Anna Maier",
        ),
        (
            "Bei einer Debatte um die Praxis des Vollzugs von Abschiebungen in Niedersachsen "
            "hatte sich Maier zu dem Zwischenruf hinreißen lassen: „Das geht zu weit.“",
            "Maier",
        ),
        # negative: a subject in the first field stays the subject
        (
            "Die Sprecherin der Fraktion brachte den Unmut der Partei zum Ausdruck: „Es gibt "
            "keinen Grund, Positionen aufzugeben.“",
            "Die Sprecherin der Fraktion",
        ),
    ],
)
def test_colon_frame_subject(text: str, expected: str) -> None:
    assert speaker_of(text, "") == expected


def test_abstract_colon_frame_continues_the_speaker() -> None:
    """*Seine Zuversicht gründet sich auf …: »…«*: a thing does not speak; the quotation
    continues the speaker of the sentence before."""
    text = (
        "Im Interview äußerte sich der Beauftragte Hans Maier zuversichtlich: „Ich gehe davon "
        "aus, dass es gelingt.“ Seine Zuversicht gründet sich auf Erfahrungen: „Solche "
        "Entscheidungen fallen immer erst in letzter Minute.“"
    )
    assert speaker_of(text, "letzter Minute") == "der Beauftragte Hans Maier"


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a colon frame in Konjunktiv continues the current speaker, named by the head of
        # its mention (not the place in its attribute)
        (
            "Wie die Premierministerin von Queensland erklärte, habe sie Helfer geschickt. "
            "Queensland sei Neuseeland zu Dank verpflichtet: „Sie haben uns geholfen, und wir "
            "werden ihnen genauso helfen.“",
            "genauso helfen",
            "die Premierministerin von Queensland",
        ),
        # negative: an indicative colon frame names its own subject
        (
            "Wie die Premierministerin von Queensland erklärte, habe sie Helfer geschickt. "
            "Der Bürgermeister von Brisbane dankte: „Wir werden ihnen genauso helfen.“",
            "genauso helfen",
            "Der Bürgermeister von Brisbane",
        ),
    ],
)
def test_konjunktiv_colon_frame(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Sprecher der Partei, Hans Maier", "Hans Maier"),
        ("Die Premierministerin von Queensland", "Die Premierministerin"),
        ("Ministerpräsident Günther Oettinger (CDU)", "Ministerpräsident Günther Oettinger"),
        # negative: a name without attributes stays whole
        ("Bundeskanzlerin Angela Merkel", "Bundeskanzlerin Angela Merkel"),
    ],
)
def test_head_part_of_a_speaker_mention(text: str, expected: str) -> None:
    from medialens.nlp.attribution.extract import _head_part

    assert _head_part(text) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # an inserted *so*-frame in inverted order: the subject follows the verb
        (
            "Der Flug sei keine Flucht gewesen. Tatsächlich, so betont auch die ermittelnde "
            "Polizei, sei dies keine zutreffende Darstellung, da er dort wohne.",
            "zutreffende",
            "die ermittelnde Polizei",
        ),
        # a pronoun subject right after a relative pronoun or subordinator
        (
            "Der Mann hinterließ einen Zettel in dem er verlangte, dass weder Polizei noch "
            "Presse eingeschaltet werden sollten.",
            "Presse",
            "er",
        ),
        # *indem er sagte*: the nearer verb frames the content, with its own subject
        (
            "Der Senator bestritt die Überlegungen, indem er sagte, eine engere Zusammenarbeit "
            "mit dem Nachbarland würde das bestehende Bündnis keineswegs ersetzen, sondern nur "
            "ergänzen.",
            "Nachbarland",
            "er",
        ),
        # *zu* before a lower-case word is an infinitive, not a name particle: the clause
        # before the comma is no apposition of the subject
        (
            "Nachdem die Begleiter es für sinnvoll hielten, die Passagiere zu evakuieren, "
            "erteilten sie den Menschen an Bord den Befehl, das Flugzeug zu verlassen.",
            "das Flugzeug",
            "sie",
        ),
    ],
)
def test_inserted_frames_and_pronoun_subjects(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *von Seiten X*, *vonseiten X*: the side that speaks is X
        (
            "Von Seiten der deutschen Delegation war den USA vorgeworfen worden, das Dokument "
            "verwässert zu haben.",
            "Dokument",
            "der deutschen Delegation",
        ),
        ("Vonseiten der Regierung hieß es, die Lage sei ruhig.", "Lage", "der Regierung"),
        # negative: *von* with an ordinary agent keeps its noun phrase
        ("Von der Regierung wurde betont, die Lage sei ruhig.", "Lage", "der Regierung"),
        # a quoted name in a fronted prepositional phrase: the subject follows the verb
        (
            "Unter dem Motto „Freiheit statt Angst“ zogen die Demonstranten durch die Stadt "
            "und skandierten dabei Parolen wie „Stoppt den Überwachungswahn“.",
            "Stoppt",
            "die Demonstranten",
        ),
    ],
)
def test_agent_phrases_and_quoted_names(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *»…« so X.*: the source phrase after a closing mark without a comma
        (
            "Die Förderung wurde gekürzt. „Offenbar sind öffentliche Anfragen doch zu lästig.“ "
            "so das Fazit der Betreiber der Seite.",
            "das Fazit der Betreiber der Seite",
        ),
        # negative: *so* inside the sentence after the quotation is no source phrase
        (
            "Die Förderung wurde gekürzt. „Offenbar sind öffentliche Anfragen doch zu lästig.“ "
            "so sehr sich die Betreiber auch bemühten.",
            None,
        ),
    ],
)
def test_so_source_after_a_closing_mark(text: str, expected: str | None) -> None:
    assert speaker_of(text, "lästig") == expected


def _toks(words: str):
    from medialens.nlp.attribution.units import Tok

    out, pos = [], 0
    for i, w in enumerate(words.split()):
        out.append(Tok(i, w, w.lower(), w.lower(), pos, pos + len(w), -1))
        pos += len(w) + 1
    return out


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # *…, in der es heißt*: the document is the antecedent of the relative pronoun
        (
            "Man verwies auf eine Erklärung der Behörde , in der es heißt , dass die Sperre "
            "verhängt worden sei .",
            "eine Erklärung der Behörde",
        ),
        # *In dem Bericht heißt es*: the document of the prepositional phrase
        ("In dem Bericht heißt es , die Sperre sei verhängt worden .", "dem Bericht"),
        # negative: a prepositional phrase of the content before *, heißt es* is no source
        ("Die Zahl sei bei den Kontrollen gestiegen , heißt es .", None),
    ],
)
def test_heisst_es_source_tokens(words: str, expected: str | None) -> None:
    from medialens.nlp.attribution.verbspeaker import heisst_es_source

    toks = _toks(words)
    ci = next(t.i for t in toks if t.text == "heißt")
    rng = heisst_es_source(toks, ci)
    assert (" ".join(t.text for t in toks[rng[0] : rng[1]]) if rng else None) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("spanische", True),
        ("offiziellen", True),
        # negative: pronouns end like adjectives (*er*, *es*) but are none
        ("es", False),
        ("er", False),
    ],
)
def test_pronouns_are_no_adjectives(word: str, expected: bool) -> None:
    from medialens.nlp.attribution.phrases import is_adjective

    assert is_adjective(_toks(word)[0]) is expected


def test_impersonal_frame_is_the_nearer_cue() -> None:
    """*…, hieß es, sicher sei …*: the impersonal frame names no speaker but introduces the
    content after it (not an earlier cue word of the content before it)."""
    text = (
        "Die Gespräche dauerten lange. Über die Einzelheiten war man sich bei dem Gespräch "
        "nicht einig geworden, hieß es, sicher sei jedoch, dass Arbeitskräfte gesucht würden."
    )
    quotes = [q for q in annotate(text)._.ml_quotes if "Arbeitskräfte" in q.text]
    assert quotes and quotes[-1].cue is not None and quotes[-1].cue.text == "hieß"
    assert quotes[-1].speaker is None


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a fronted prepositional phrase with a genitive (or secondary) preposition is no
        # subject: the subject follows the finite verb
        (
            "Aufgrund des Unfalls hat die Bahn angekündigt, dass alle Züge ausfallen würden.",
            "alle Züge",
            "die Bahn",
        ),
        (
            "Anlässlich des Jubiläums sagte der Bürgermeister, die Stadt sei stolz.",
            "die Stadt",
            "der Bürgermeister",
        ),
        (
            "Hinsichtlich der Kosten erklärte die Ministerin, diese seien gering.",
            "seien gering",
            "die Ministerin",
        ),
        # a focus particle before the verb or before the subject is no part of the subject
        (
            "Insbesondere kritisiert der Verband, dass die Polizei zu spät gekommen sei.",
            "zu spät",
            "der Verband",
        ),
        (
            "Insbesondere die Grünen kritisierten, dass die Polizei zu spät gekommen sei.",
            "zu spät",
            "die Grünen",
        ),
        # negative: a first-field subject without a preposition stays the subject
        (
            "Der Bürgermeister sagte anlässlich des Jubiläums, die Stadt sei stolz.",
            "die Stadt",
            "Der Bürgermeister",
        ),
        # *zu* between two common nouns is the preposition, not a noble name particle
        (
            "Laut Bauamt zu Schäden kam es nicht, die Brücke sei stabil.",
            "die Brücke",
            "Bauamt",
        ),
        (
            "Die Wirtin rief den Nachbarn zu Hilfe: „Im Keller steht das Wasser schon knietief!“",
            "knietief",
            "Die Wirtin",
        ),
        # negative: after a (first) name *zu* is part of the name
        (
            "Laut Karl-Theodor zu Guttenberg sei die Lage ruhig.",
            "die Lage",
            "Karl-Theodor zu Guttenberg",
        ),
        (
            "Laut Fürst Albert zu Monaco sei die Lage ruhig.",
            "die Lage",
            "Fürst Albert zu Monaco",
        ),
    ],
)
def test_prepositions_particles_and_zu(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a *der* phrase between a fronted prepositional phrase and the finite verb is an
        # attribute of that phrase (one constituent before the verb), whatever its gender
        (
            "Nach dem Gutachten der Prüfer hat der Bäcker beim Amtsgericht Widerspruch eingelegt.",
            "der Bäcker",
        ),
        (
            "Nach Ansicht der Minister hat die Kommission zu spät gehandelt.",
            "die Kommission",
        ),
        # negative: after the verb, *der* + masculine noun is the subject
        ("Am Ende der Sitzung sagte der Minister nichts mehr.", "der Minister"),
        # negative: without a preposition the first field is the subject
        ("Der Minister der Finanzen hat nichts gesagt.", "Der Minister der Finanzen"),
    ],
)
def test_first_field_genitive_before_the_verb(sentence: str, expected: str) -> None:
    from medialens.nlp.attribution.reference import text_toks
    from medialens.nlp.attribution.subjects import v2_subject

    toks = text_toks(sentence)
    rng = v2_subject(toks, len(toks))
    assert rng is not None
    assert " ".join(t.text for t in toks[rng[0] : rng[1]]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence before a Konjunktiv continuation names its source: a year first
        # field puts the subject after the verb
        (
            "2030 will der Verein ein neues Stadion bauen. Schwierig sei vor allem die Suche "
            "nach einem Grundstück.",
            "der Verein",
        ),
        # a one-word name unknown to the noun lexicon as a common noun can be a source
        (
            "Greenpeace hat eine Kampagne gegen Plastik gestartet. Schwierig sei vor allem "
            "der Verzicht auf Folien.",
            "Greenpeace",
        ),
        # a bare plural with a genitive attribute names a definite group
        (
            "Vertreter der Bürgerinitiative Lindenhof haben gestern Unterschriften übergeben. "
            "Die Anwohner seien über den Lärm empört.",
            "Vertreter der Bürgerinitiative Lindenhof",
        ),
        # negative: a bare plural of things, or a counted group, is no source
        ("Sirenen heulten in der ganzen Stadt. Die Lage sei ernst.", None),
        ("Fünf Personen wurden verletzt. Die Lage sei ernst.", None),
        # negative: a weekday is no source
        ("Donnerstag will die Stadt entscheiden. Die Lage sei ernst.", "die Stadt"),
    ],
)
def test_source_sentence_before_a_continuation(text: str, expected: str | None) -> None:
    quotes = annotate(text)._.ml_quotes
    assert quotes, text
    sp = quotes[-1].speaker
    assert (sp.text if sp is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # the agent of a passive cue is a *von* phrase that can speak
        (
            "Von den Veranstaltern wurde gefordert, dass die Stadt mehr Platz schaffe.",
            "mehr Platz",
            "den Veranstaltern",
        ),
        (
            "Zudem wurde die Regierung von der Opposition aufgefordert, den Plan zu stoppen.",
            "den Plan",
            "der Opposition",
        ),
        (
            "Es wurde von politischen Beobachtern vermutet, dass die Koalition bald zerbreche.",
            "die Koalition",
            "politischen Beobachtern",
        ),
        # negative: a thing or a quantity after *von* is no agent (*berichten von X* names
        # the topic), so the passive has no speaker
        (
            "Es wurde von einer schweren Dürre berichtet, dass die Ernte ausfallen werde.",
            "die Ernte",
            None,
        ),
        (
            "Es wurde von drei Prozent gesprochen, dass der Preis zu hoch sei.",
            "der Preis",
            None,
        ),
    ],
)
def test_passive_agents_that_can_speak(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # a dative plural in *-n* of a person or source noun can speak
        ("Beobachtern", True),
        ("Veranstaltern", True),
        ("Behörden", True),
        # negative: dative plurals of things
        ("Fenstern", False),
        ("Computern", False),
        ("Millionen", False),
    ],
)
def test_dative_plural_speakers(word: str, expected: bool) -> None:
    from medialens.nlp.attribution.reference import word_speaker_like

    assert word_speaker_like(word) is expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a partial quotation inside a Konjunktiv (or hearsay) sentence after an indicative
        # sentence about a source is that source's, not the older quotation's speaker's
        (
            "„Wir brauchen mehr Busse“, erklärte die Elternsprecherin Eva Lang. Später "
            "äußerte sich auch der Landrat Otto Frey zu dem Streit. Jedes Kind müsse „sicher "
            "und pünktlich zur Schule kommen“.",
            "„sicher",
            "der Landrat Otto Frey",
        ),
        (
            "„Wir brauchen mehr Busse“, erklärte die Elternsprecherin Eva Lang. Später "
            "äußerte sich auch der Verkehrsverbund zu dem Streit. Der Fahrplan sei nur "
            "„leicht verändert“ worden.",
            "leicht verändert",
            "der Verkehrsverbund",
        ),
        # negative: a capitalised quotation (it may be a title or a name) keeps the
        # current speaker
        (
            "„Wir brauchen mehr Busse“, erklärte die Elternsprecherin Eva Lang. Später "
            "äußerte sich auch der Verkehrsverbund zu dem Streit. Der Fahrplan sei nur "
            "„Leicht Verändert“.",
            "Leicht Verändert",
            "die Elternsprecherin Eva Lang",
        ),
    ],
)
def test_partial_quotation_after_a_source_sentence(
    text: str, quote_part: str, expected: str | None
) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *und* + a noun phrase before the cue opens a second main clause with its own subject
        (
            "Der Trainer lobte die Mannschaft und der Kapitän seinerseits kündigte an, den "
            "Titel verteidigen zu wollen.",
            "den Titel",
            "der Kapitän",
        ),
        (
            "Der Minister lobte die Polizei und die Feuerwehr erklärte, sie sei bereit.",
            "sei bereit",
            "die Feuerwehr",
        ),
        # negative: a coordinated subject without a verb between is one subject
        (
            "Die Polizei und die Feuerwehr teilten mit, dass niemand verletzt worden sei.",
            "niemand verletzt",
            "Die Polizei und die Feuerwehr",
        ),
        # negative: without a noun phrase after *und* the first conjunct's subject speaks
        (
            "Die Regierung lobte den Plan und sagte, er sei gut.",
            "er sei gut",
            "Die Regierung",
        ),
    ],
)
def test_second_conjunct_with_its_own_subject(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


_LONG_QUOTE = (
    "„Wir müssen den Wald in den nächsten Jahren Stück für Stück umbauen, und wir brauchen "
    "dafür mehr Geld, mehr Personal und vor allem sehr viel mehr Geduld mit den jungen "
    "Bäumen, die wir jetzt überall in den Tälern pflanzen.“"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unbroken chain of one speaker's quotations keeps the speaker, however far
        # back the mention is
        (
            "Der Förster Paul Weiß sagte: " + _LONG_QUOTE + " Die Fichten seien am Ende. "
            "Viele stünden zwar noch, weil der Sommer feucht gewesen sei. „Aber der nächste "
            "trockene Sommer wird sie umwerfen, da bin ich sicher.“ Im Herbst sei mit vielen "
            "kahlen Flächen zu rechnen.",
            "Der Förster Paul Weiß",
        ),
        # negative: after an indicative sentence that breaks the chain, a far mention is
        # an uncertain referent
        (
            "Der Förster Paul Weiß sagte: " + _LONG_QUOTE + " Am Abend fiel in mehreren "
            "Städten des Landes für einige Stunden der Strom aus, weil ein Unwetter über "
            "die Region zog und zahlreiche Leitungen und Masten beschädigte, die erst in "
            "der Nacht repariert wurden. Im Herbst sei mit vielen kahlen Flächen zu rechnen.",
            None,
        ),
    ],
)
def test_speaker_chain_beyond_the_distance_limit(text: str, expected: str | None) -> None:
    quotes = annotate(text)._.ml_quotes
    last = quotes[-1]
    assert "Herbst" in last.text
    assert (last.speaker.text if last.speaker is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *…, wie X, apposition, mitteilte*: the comma after the apposition is no clause
        # boundary; the clause before *, wie* is the quotation, X its speaker
        (
            "Das Dach war nach dem Sturm undicht, wie Klara Hahn, Leiterin der Schule, mitteilte.",
            "undicht",
            "Klara Hahn",
        ),
        (
            "Das Dach war nach dem Sturm undicht, wie Klara Hahn, Leiterin der Schule, mitteilte. "
            "Der Unterricht sei aber nicht gefährdet.",
            "Unterricht",
            "Klara Hahn",
        ),
        # negative: a clause between the commas is a clause (*wie sie … gefunden wurde*)
        (
            "Das Dach war undicht, wie es schon im Winter befürchtet wurde, teilte Klara Hahn mit.",
            "undicht",
            "Klara Hahn",
        ),
    ],
)
def test_wie_frame_with_an_apposition(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a longer quoted name after an article and adjective is the subject after the verb
        (
            "Wenige Tage nach der Gründung erklärte der neue „Verein zur Pflege alter "
            "Obstsorten“, die Wiese sei gerettet.",
            "die Wiese",
            "der neue „Verein zur Pflege alter Obstsorten“",
        ),
        # a fronted time phrase is never the subject, even when no subject is found
        (
            "Wenige Tage nach der Gründung erklärte der „Verein zur Pflege und Erhaltung "
            "alter und seltener Obstsorten im ganzen Land“, die Wiese sei gerettet.",
            "die Wiese",
            None,
        ),
        # negative: a quoted statement after an article is no name
        (
            "Am Abend sagte der Sprecher, das „sei doch alles in Ordnung, oder?“",
            "in Ordnung",
            "der Sprecher",
        ),
        # negative: a first field with a medium whose name contains a time noun speaks
        (
            "Das Monatsblatt „Neue Zeit“ meldet, der Hafen werde erweitert.",
            "erweitert",
            "Das Monatsblatt „Neue Zeit“",
        ),
    ],
)
def test_time_phrases_and_long_quoted_names(
    text: str, quote_part: str, expected: str | None
) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a camel-case name with a lower-case start is a noun phrase head
        ("Laut eBay seien die Gebühren gestiegen.", "die Gebühren", "eBay"),
        ("eBay teilte mit, dass die Gebühren steigen.", "die Gebühren", "eBay"),
        # negative: an ordinary lower-case word after *laut* is no name
        ("Er sagte laut, die Gebühren seien gestiegen.", "die Gebühren", "Er"),
    ],
)
def test_camel_case_names(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # an adjective opening a bare phrase is capitalised but not its head
        ("Größere Schäden", False),
        ("Wenige Tage", False),
        ("Zahlreiche Polizisten", True),
        ("Vereinte Nationen", True),
        # negative: a name or a noun at the start stays the head
        ("Schröder", True),
        ("Deutsche Bank", True),
    ],
)
def test_sentence_initial_adjective_is_no_head(phrase: str, expected: bool) -> None:
    from medialens.nlp.attribution.reference import speaker_like, text_toks

    toks = text_toks(phrase)
    assert speaker_like(toks, 0, len(toks)) is expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a finite reporting verb in Konjunktiv I right after a quotation is part of what the
        # current speaker said: the sentence continues that speaker
        (
            "Der Verein erklärte, er begrüße den Neubau. Außerdem halte der Verein die Kosten "
            "für angemessen.",
            "Kosten für angemessen",
            "Der Verein",
        ),
        (
            "Der Bürgermeister sagte, die Kasse sei leer. Es drohe eine Schließung des Hallenbads.",
            "Schließung",
            "Der Bürgermeister",
        ),
        # negative: an indicative reporting verb opens a new frame with its own subject
        (
            "Der Bürgermeister sagte, die Kasse sei leer. Der Kämmerer kritisierte, die Zahlen "
            "seien falsch.",
            "Zahlen",
            "Der Kämmerer",
        ),
    ],
)
def test_konjunktiv_cue_continues_the_speaker(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *Für X ist Y »…«*: X holds the opinion the partial quotation renders
        (
            "Für die Schulleiterin Ina Roth ist die Turnhalle „ein Ärgernis für alle Kinder“.",
            "Ärgernis",
            "die Schulleiterin Ina Roth",
        ),
        # negative: a thing after *für* holds no opinion (the subject speaks, if it can)
        (
            "Für den Bau der Brücke ist der Bürgermeister „überhaupt nicht zuständig, das "
            "regelt das Land allein“.",
            "nicht zuständig",
            "der Bürgermeister",
        ),
    ],
)
def test_fuer_opinion_frame(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected
