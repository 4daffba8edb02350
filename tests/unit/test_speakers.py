"""Speaker spans: persons, roles, institutions, states, pronouns (resolved to the last named
speaker), passive sources, inverted order and appositions."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    """``(speaker text, resolved text)`` per quote."""
    return [
        (q.speaker.text, q.speaker.resolved) if q.speaker else (None, None)
        for q in annotate(text)._.ml_quotes
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a share as subject; *aus X verlautete*; a determiner after a comma is no relative
        (
            "80 Prozent befürworteten, dass die Abgeordneten selbst vorsorgen.",
            [("80 Prozent", None)],
        ),
        ("Aus EU-Kreisen verlautete, dies sei nur Spekulation.", [("EU-Kreisen", None)]),
        (
            "Das Gesetz wird begrüßt, die Organisation bezweifelt aber, dass es wirkt.",
            [("die Organisation", None)],
        ),
        # *meinen* as a verb after the quotation (not the possessive *meinen*)
        (
            "„Die Koalition bricht ihr Wort“, meinen die beiden Mitglieder in einer Erklärung.",
            [("die beiden Mitglieder", None)],
        ),
        ("Das ist meine Meinung, sagte er.", [("er", None)]),
        # *heißt es in/auf X*: the document or page is the source
        (
            "„Wir bitten um Geduld“, heißt es in einer gestern verbreiteten Erklärung.",
            [("einer gestern verbreiteten Erklärung", None)],
        ),
        (
            "„Wir bitten um Geduld“, heißt es auf der Webseite des Vereins.",
            [("der Webseite des Vereins", None)],
        ),
        # negative: *auf* before *heißt es* belongs to the content
        ("Drei Viertel der Fälle entfallen auf Südasien, heißt es.", [(None, None)]),
        # a subject with a relative clause before the verb (not the object after it)
        (
            "Der Sender, der für den Vertrag verantwortlich ist, begründete die Einblendungen "
            "damit, dass Grafiken genutzt würden.",
            [("Der Sender", None)],
        ),
        # passive in a *wie*-clause: the *von* agent
        (
            "Wie von der Gruppe berichtet wird, muss die Sperre nicht bestätigt werden.",
            [("der Gruppe", None)],
        ),
        # of two verbs before one complement, the nearer one (with its own subject) frames it
        (
            "Williams kommentierte dies, indem er der Firma vorwarf, ihn loswerden zu wollen.",
            [("er", "Williams")],
        ),
        # person with role noun, inverted order after the quotation
        (
            "Über Truppen werde nicht diskutiert, sagte Außenamtssprecherin Marija Sacharowa.",
            [("Außenamtssprecherin Marija Sacharowa", None)],
        ),
        # role + name in the first field
        (
            "Frankreichs Präsident Emmanuel Macron sagte, die Staaten seien bereit.",
            [("Frankreichs Präsident Emmanuel Macron", None)],
        ),
        # institution and state
        (
            "Die Bundesregierung erklärte, sie prüfe den Vorschlag.",
            [("Die Bundesregierung", None)],
        ),
        (
            "Russland hatte deutlich gemacht, dass es das nicht hinnehmen wolle.",
            [("Russland", None)],
        ),
        # apposition between subject and verb
        (
            "Anna Weber, Sprecherin des Ministeriums, sagte, die Zahlen seien vorläufig.",
            [("Anna Weber, Sprecherin des Ministeriums", None)],
        ),
        # adverbial first field: the subject follows the verb
        (
            "Am Montag sagte der Minister, das Gesetz komme.",
            [("der Minister", None)],
        ),
        (
            "Offiziell erklärte die Stadt, die Brücke sei sicher.",
            [("die Stadt", None)],
        ),
        # object first field: the subject follows the verb
        (
            "Seinen Rücktritt hatte die Opposition am Montag gefordert.",
            [("die Opposition", None)],
        ),
        # subordinate clause: the subject follows the conjunction
        (
            "Das Treffen endete, nachdem sie erklärt hatte, dass sie zurücktrete.",
            [("sie", None)],
        ),
        # a pronoun keeps its span and is resolved to the last named speaker
        (
            "Ministerin Klein sagte, die Lage sei ernst. Am Abend sagte sie, es gebe Hoffnung.",
            [("Ministerin Klein", None), ("sie", "Ministerin Klein")],
        ),
        (
            "»Wir sind bereit«, sagte Müller. Später erklärte er, man warte ab.",
            [("Müller", None), ("er", "Müller")],
        ),
        # a pronoun without an antecedent stays unresolved
        ("Er sagte, er komme morgen.", [("Er", None)]),
        # passive source
        (
            "Von der Opposition wurde kritisiert, dass das Gesetz zu spät komme.",
            [("der Opposition", None)],
        ),
        ("Es wird erwartet, dass der Minister zurücktritt.", [(None, None)]),
        # a quoted name as speaker
        (
            "Wie »Der Spiegel« berichtet, soll der Vertrag platzen.",
            [("»Der Spiegel«", None)],
        ),
    ],
)
def test_speakers(text, expected):
    assert speakers(text) == expected


def test_resolved_offsets_point_at_the_named_speaker():
    text = "Ministerin Klein sagte, die Lage sei ernst. Am Abend sagte sie, es gebe Hoffnung."
    q = annotate(text)._.ml_quotes[1]
    assert text[q.speaker.start : q.speaker.end] == "sie"
    assert text[q.speaker.resolved_start : q.speaker.resolved_end] == "Ministerin Klein"
    assert q.speaker.actor is None  # filled later by the mentions component


def test_speaker_offsets_match_text():
    text = "Über Truppen werde nicht diskutiert, sagte Außenamtssprecherin Marija Sacharowa."
    for q in annotate(text)._.ml_quotes:
        assert text[q.speaker.start : q.speaker.end] == q.speaker.text
        assert text[q.cue.start : q.cue.end] == q.cue.text


def speaker_texts(text: str) -> list[tuple[str, str | None]]:
    """``(quote text, speaker text)`` per quote."""
    return [(q.text, q.speaker.text if q.speaker else None) for q in annotate(text)._.ml_quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nominative pronoun right after the finite verb is the subject; the first field is
        # an object or adverbial
        (
            "Der Regierung schlug er vor, sie solle die Steuern senken.",
            [("er", "Bernd")],
        ),
        (
            "Als Begründung gab er an, die Kosten seien gestiegen.",
            [("er", "Bernd")],
        ),
        # negative: a noun-phrase subject in the first field stays the speaker (*sie* may be an
        # object and is not taken)
        (
            "Die Ministerin forderte sie auf, die Pläne würden geprüft.",
            [("Die Ministerin", None)],
        ),
        # a short quoted name right before the verb is the subject
        (
            "„BBC News“ berichtet, dass die Gefangenen geflohen seien.",
            [("„BBC News“", None)],
        ),
        # negative: a quoted statement followed by a comma and the verb: the subject follows
        (
            "„Wir geben nicht auf“, sagte die Ministerin.",
            [("die Ministerin", None)],
        ),
        # adverbial first fields: a participle, a *zusammen mit* phrase, a *laut* source
        (
            "Verärgert erklärte die Ministerin, man werde das nicht hinnehmen.",
            [("die Ministerin", None)],
        ),
        (
            "Zusammen mit dem Finanzminister plädiert Frank dafür, dass die Aufsicht wächst.",
            [("Frank", None)],
        ),
        (
            "Laut dem Magazin hat der Fonds angekündigt, keine Hilfe mehr leisten zu wollen.",
            [("dem Magazin", None), ("der Fonds", None)],
        ),
        # negative: a one-word name that looks like a participle is the subject
        ("Albert sagte, die Lage sei ernst.", [("Albert", None)]),
    ],
)
def test_subject_positions(text, expected):
    text = "Bernd Weber sagte, es sei spät. " + text
    got = speakers(text)[1:]
    if expected and expected[0][0] == "er":
        expected = [("er", "Bernd Weber")]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue-less quotation inside an indicative clause is the subject's wording
        (
            "Die Lage ist ernst. Die Gewerkschaft nannte den Plan einen „großen Fehler“.",
            [("„großen Fehler“", "Die Gewerkschaft")],
        ),
        # negative: a Konjunktiv clause before the quotation continues the current speaker
        (
            "Bernd Weber sagte, er trete zurück. Der Rücktritt sei ein „natürlicher Vorgang“.",
            [
                ("er trete zurück", "Bernd Weber"),
                ("Der Rücktritt sei ein „natürlicher Vorgang“", "Bernd Weber"),
                ("„natürlicher Vorgang“", "Bernd Weber"),
            ],
        ),
        # a continuation refers to the latest mention of its source
        (
            "Bernd Weber sagte, er trete zurück. Weber lehnte das ab. Es gebe keine Alternative.",
            [("er trete zurück", "Bernd Weber"), ("Es gebe keine Alternative", "Weber")],
        ),
        # the indicative sentence before a continuation names its source
        (
            "Weber sagte, die Lage sei ernst. Die Gewerkschaft gibt keine Entwarnung. "
            "Es gebe keine Alternative.",
            [("die Lage sei ernst", "Weber"), ("Es gebe keine Alternative", "Die Gewerkschaft")],
        ),
        # negative: an abstract subject there is no source; the quoted speaker stays
        (
            "Weber sagte, die Lage sei ernst. Die Stimmung ist gedrückt. "
            "Es gebe keine Alternative.",
            [("die Lage sei ernst", "Weber"), ("Es gebe keine Alternative", "Weber")],
        ),
    ],
)
def test_context_speakers(text, expected):
    assert speaker_texts(text) == expected


_FILLER = " ".join(["Der Zug fuhr pünktlich ab und kam am Abend in der Stadt an."] * 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the impersonal *man* names no source
        ("Man sagte, die Lage sei ernst.", [("die Lage sei ernst", None)]),
        # positive counterpart: a personal pronoun keeps its span
        ("Er sagte, die Lage sei ernst.", [("die Lage sei ernst", "Er")]),
        # a speaker mention far before its quotation is an uncertain referent: no speaker
        # (when the quotation does not continue an unbroken chain of that speaker's
        # quotations: here an indicative sentence stands between)
        (
            "Der Kanzler sagte: „Wir bleiben bei unserem Kurs.“ " + _FILLER + " Es gebe keine "
            "Alternative.",
            [
                ("„Wir bleiben bei unserem Kurs.“", "Der Kanzler"),
                ("Es gebe keine Alternative", None),
            ],
        ),
        # the chain exception: right after the speaker's long quotation the continuation
        # keeps the speaker, however far back the mention is
        (
            "Der Kanzler sagte: „" + _FILLER + "“ Es gebe keine Alternative.",
            [("„" + _FILLER + "“", "Der Kanzler"), ("Es gebe keine Alternative", "Der Kanzler")],
        ),
        # a nearby one is kept
        (
            "Der Kanzler sagte: „Wir bleiben bei unserem Kurs und geben nicht auf.“",
            [("„Wir bleiben bei unserem Kurs und geben nicht auf.“", "Der Kanzler")],
        ),
    ],
)
def test_unreliable_speakers_dropped(text, expected):
    assert speaker_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *zitieren*: the quoted person is the object, not the medium
        (
            "Der Spiegel zitiert den Prediger mit den Worten „Wir werden niemals aufgeben.“",
            [("„Wir werden niemals aufgeben.“", "den Prediger")],
        ),
        (
            "„Wir sind unwillkommene Zeugen“, zitierte man die Reporterin Ana Ruiz.",
            [("„Wir sind unwillkommene Zeugen“", "die Reporterin Ana Ruiz")],
        ),
        # negative: a nominative subject after the verb stays the speaker
        (
            "„Die Lage ist ernst und wird sich kaum bessern“, zitiert die Zeitung.",
            [("„Die Lage ist ernst und wird sich kaum bessern“", "die Zeitung")],
        ),
        # passive *zitieren*: the subject is the quoted person
        (
            "„Wir wollen jede mögliche Hilfe anbieten“, wird Panetta zitiert.",
            [("„Wir wollen jede mögliche Hilfe anbieten“", "Panetta")],
        ),
        # negative: with an agent (*von X*) the agent is the source
        (
            "„Wir wollen jede mögliche Hilfe anbieten“, wurde von der Zeitung zitiert.",
            [("„Wir wollen jede mögliche Hilfe anbieten“", "der Zeitung")],
        ),
        # *es heißt*: the document or place is the source, also for direct quotations
        (
            "In dem Antrag heißt es wörtlich: „Die Einstufung muss aufgehoben werden.“",
            [("„Die Einstufung muss aufgehoben werden.“", "dem Antrag")],
        ),
        # negative: without a place or document there is no source
        (
            "Es heißt: „Die Einstufung muss aufgehoben werden.“",
            [("„Die Einstufung muss aufgehoben werden.“", None)],
        ),
    ],
)
def test_object_and_place_sources(text, expected):
    assert speaker_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *Als X* + a verb that is not clause-final: a main clause, the subject follows the verb
        (
            "Als Begründung gaben die Behörden an, die Maschine sei überladen gewesen.",
            [("die Maschine sei überladen gewesen", "die Behörden")],
        ),
        # negative: a verb without a split particle keeps the usual analysis
        (
            "Als Sprecher der Firma sagte Weber, die Lage sei ernst.",
            [("die Lage sei ernst", "Weber")],
        ),
        # *Seit August vertritt er*: *seit* is a preposition here, not a subordinator
        (
            "Seit August vertritt er die These, dass die Lage ernst sei.",
            [("dass die Lage ernst sei", "er")],
        ),
    ],
)
def test_adverbial_first_fields(text, expected):
    assert speaker_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adjective phrase with a complement in the first field: the subject follows
        (
            "Passend zu den Gefahren warnte die Moderatorin: „Auf dem Eis kann es glatt sein.“",
            [("„Auf dem Eis kann es glatt sein.“", "die Moderatorin")],
        ),
        # a quantifier determiner before an abstract noun: the object is first, X speaks
        (
            "Jegliche Verantwortung weist Hartmann von sich: „Das ist nicht meine Aufgabe.“",
            [("„Das ist nicht meine Aufgabe.“", "Hartmann")],
        ),
        # a name that ends like an adverb (*-los*) with no subject after the verb
        (
            "Glos hatte in einem Interview gesagt, die Fraktionen müssten mitreden.",
            [("die Fraktionen müssten mitreden", "Glos")],
        ),
        # negative: a real adverb in the first field, the subject follows the verb
        (
            "Offiziell hatte die Regierung gesagt, die Fraktionen müssten mitreden.",
            [("die Fraktionen müssten mitreden", "die Regierung")],
        ),
        # *während* + noun and a pronoun after the verb: a main clause
        (
            "Während der Sitzung betonte er, dass die Lage ernst sei.",
            [("dass die Lage ernst sei", "er")],
        ),
        # negative: a person in the first field stays the speaker
        (
            "Jede Ministerin warnte: „Auf dem Eis kann es glatt sein.“",
            [("„Auf dem Eis kann es glatt sein.“", "Jede Ministerin")],
        ),
    ],
)
def test_first_field_objects_and_adverbials(text, expected):
    assert speaker_texts(text) == expected


@pytest.mark.parametrize(
    ("speaker", "kept"),
    [("Donnerstag", False), ("August", False), ("man", False), ("Die Regierung", True)],
)
def test_no_time_word_or_impersonal_speaker(speaker, kept):
    from medialens.nlp.attribution.extract import _reliable_speaker
    from medialens.nlp.types import Quote, Speaker

    q = Quote(20, 40, ((20, 40),), "x", "indirect", Speaker(0, 10, speaker), None, 0)
    assert (_reliable_speaker(q).speaker is not None) is kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation opening the sentence after an indicative sentence about a source
        (
            "Weber sagte, es sei spät. Der Abgeordnete Sadiq Khan verurteilte die Haltung. "
            "„Diese Regierung hat Erfolge, aber ihre Politik ist unfair.“",
            [
                ("es sei spät", "Weber"),
                (
                    "„Diese Regierung hat Erfolge, aber ihre Politik ist unfair.“",
                    "Der Abgeordnete Sadiq Khan",
                ),
            ],
        ),
        # negative: after a sentence about things, the current speaker stays
        (
            "Weber sagte, es sei spät. Sirenen heulten über der Stadt. "
            "„Diese Regierung hat Erfolge, aber ihre Politik ist unfair.“",
            [
                ("es sei spät", "Weber"),
                ("„Diese Regierung hat Erfolge, aber ihre Politik ist unfair.“", "Weber"),
            ],
        ),
    ],
)
def test_quotation_after_source_sentence(text, expected):
    assert speaker_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *seit/während/bis* + noun phrase right before a non-final verb: a prepositional first
        # field, the subject follows the verb
        ("Seit Jahren fordert der Verband, dass das Gesetz geändert werde.", ["der Verband"]),
        ("Während der Sitzung kündigte die Ministerin neue Gesetze an.", ["die Ministerin"]),
        ("Bis heute bestreitet der Konzern, dass er davon wusste.", ["der Konzern"]),
        # an adverb in *-gemäß* in the first field is no speaker
        ("Erwartungsgemäß betonte die Kanzlerin, sie sei zufrieden.", ["die Kanzlerin"]),
        # negative: a subordinate clause with the verb at its end keeps its own subject
        (
            "Seit die Regierung fordert, dass Steuern steigen, sinkt die Zustimmung.",
            ["die Regierung"],
        ),
    ],
)
def test_prepositional_first_field(text, expected):
    assert [s for s, _ in speakers(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agentless passive takes the document it stands in as its source
        (
            "In einem Bericht der Zeitung wurde vermutet, dass keiner überlebt hat.",
            ["einem Bericht der Zeitung"],
        ),
        (
            "Im Abschlussbericht der Kommission war festgestellt worden, dass die Halle zu klein sei.",
            ["Abschlussbericht der Kommission"],
        ),
        # negative: a time or a place is no document; an agent wins
        ("Im Januar wurde vermutet, dass keiner überlebt hat.", [None]),
        ("In Berlin wurde gefordert, dass die Steuern sinken.", [None]),
        (
            "In einem Bericht wurde von der Polizei vermutet, dass keiner überlebt hat.",
            ["der Polizei"],
        ),
    ],
)
def test_document_of_agentless_passive(text, expected):
    assert [s for s, _ in speakers(text)] == expected
