"""Speakers for quotations that were found without one (issue #13): verbless colon frames
with a speech noun (:mod:`medialens.nlp.attribution.colonframe`), a colon frame before an
impersonal *heißt es*, labelling clauses with *als »…«* in the passive or in a relative
clause (:mod:`medialens.nlp.attribution.labelframe`) and *soll* sentences after a speech act
without a quotation (:mod:`medialens.nlp.attribution.speechactsource`). Each rule has
positive and negative cases. Invented sentences."""

from __future__ import annotations

import pytest
from attribution_pipeline import speaker_of


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a possessive speech noun before the colon names the speaker
        ("Ihre Meinung zu dem Plan: „Das ist ein großer Fehler.“", "großer Fehler", "Ihre Meinung"),
        ("Seine Antwort: „Darüber rede ich nicht.“", "rede ich nicht", "Seine Antwort"),
        # a genitive after the noun, with the name, is part of the mention; a topic is not
        (
            "Die Antwort des Ministers Karl Roth zur Lage: „Wir warten ab.“",
            "Wir warten ab",
            "Die Antwort des Ministers Karl Roth",
        ),
        # negative: no possessor, the frame names no speaker
        ("Die Antwort: „Nein, das geht nicht.“", "das geht nicht", None),
        ("Die Antwort auf die Frage: „Niemand weiß es.“", "Niemand weiß", None),
        # negative: a clause with a verb (*kam*) is no verbless frame
        ("Seine Antwort kam prompt: „Nein, das geht nicht.“", "das geht nicht", None),
        # negative: a noun that names no utterance
        ("Ihr Plan für den Sommer: „Wir fahren ans Meer.“", "ans Meer", None),
    ],
)
def test_speech_noun_colon_frame(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part, may_be_missing=expected is None) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a colon frame with a subject before the quotation, impersonal *hieß es* after it
        (
            "Die Sprecherin Anna Berg schrieb im Netz: „Das sind schlimme Nachrichten“, "
            "weiter hieß es, man bete für die Opfer.",
            "schlimme Nachrichten",
            "Die Sprecherin Anna Berg",
        ),
        # *hieß es* with its own source keeps that source
        (
            "„Das sind schlimme Nachrichten“, hieß es aus dem Rathaus.",
            "schlimme Nachrichten",
            "dem Rathaus",
        ),
        # negative: the colon frame's subject is a thing
        ("Die Straße war gesperrt: „Niemand kommt durch“, hieß es.", "Niemand kommt", None),
    ],
)
def test_colon_frame_before_impersonal_heisst_es(
    text: str, quote_part: str, expected: str | None
) -> None:
    assert speaker_of(text, quote_part, may_be_missing=expected is None) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # passive labelling clause: the agent labels
        (
            "Die Gefahr wird vom Wetterdienst als „sehr hoch“ eingestuft.",
            "sehr hoch",
            "Wetterdienst",
        ),
        # the agent nearest before *als*, not an attribute of the first field (*von Bränden*)
        (
            "Im Süden wird die Gefahr von Bränden vom Wetterdienst als „extrem“ eingestuft.",
            "extrem",
            "Wetterdienst",
        ),
        # relative pronoun subject: its antecedent labels
        (
            "Kritik kommt vom Fahrgastverband, der diese Maßnahme als „Kapitulation“ sieht.",
            "Kapitulation",
            "Fahrgastverband",
        ),
        # negative: a verb that labels nothing (*genutzt*)
        ("Das Haus wurde von der Stadt als „Notunterkunft“ genutzt.", "Notunterkunft", None),
        # negative: the agent cannot speak
        ("Die Lage wird von Bränden als „ernst“ eingestuft.", "ernst", None),
    ],
)
def test_labelling_clause_source(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part, may_be_missing=expected is None) == expected


def test_relative_pronoun_object_is_no_speaker() -> None:
    # *die* is the object, *er* the subject of the relative clause: the antecedent (a
    # thing) is not the speaker
    text = "Die Reform, die er als „großen Wurf“ bezeichnet, tritt im Mai in Kraft."
    assert speaker_of(text, "großen Wurf", may_be_missing=True) != "Die Reform"


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        (
            "Der Hersteller gab kürzlich die Preise bekannt. So soll die Vollversion "
            "200 Euro kosten.",
            "Vollversion",
            "Der Hersteller",
        ),
        (
            "Die Behörde informierte am Montag über die Pläne. Die Straße soll im Mai "
            "gesperrt werden.",
            "Die Straße soll",
            "Die Behörde",
        ),
        (
            "Die Firma teilte ihre Pläne am Montag mit. Das Werk soll im Mai öffnen.",
            "Das Werk soll",
            "Die Firma",
        ),
    ],
)
def test_soll_after_speech_act(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part"),
    [
        # passive speech act: no speaker named
        (
            "Die Preise wurden kürzlich bekannt gegeben. So soll die Vollversion 200 Euro kosten.",
            "Vollversion",
        ),
        # no speech act before
        ("Der Hersteller baute ein neues Werk. Es soll im Herbst eröffnet werden.", "eröffnet"),
        # a product presented is no statement
        (
            "Die Firma präsentierte ein neues Auto. Ein zweites Modell soll im Mai folgen.",
            "zweites Modell",
        ),
        # another paragraph
        (
            "Der Hersteller gab die Preise bekannt.\n\nSo soll die Vollversion 200 Euro kosten.",
            "Vollversion",
        ),
        # *sollten* is no hearsay
        ("Der Hersteller gab die Preise bekannt. Die Kunden sollten sich beeilen.", "Kunden"),
    ],
)
def test_soll_after_speech_act_negative(text: str, quote_part: str) -> None:
    assert speaker_of(text, quote_part, may_be_missing=True) is None


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # the next sentence points back at the frameless quotation and names its source
        (
            "„Jeder Zweite traut der Politik nichts mehr zu.“ Das ist die zentrale Aussage "
            "einer Umfrage des Instituts Forsa.",
            "Jeder Zweite",
            "die zentrale Aussage einer Umfrage des Instituts Forsa",
        ),
        (
            "„Wir müssen jetzt handeln.“ Das war die Botschaft der Kanzlerin an die Länder.",
            "jetzt handeln",
            "die Botschaft der Kanzlerin",
        ),
        # negative: no genitive names one source
        ("„Wir müssen jetzt handeln.“ Das ist die Meinung vieler Bürger.", "jetzt handeln", None),
        # negative: no speech noun
        ("„Wir müssen jetzt handeln.“ Das ist ein Satz, den man oft hört.", "jetzt handeln", None),
        # negative: a new paragraph
        (
            "„Wir müssen jetzt handeln.“\n\nDas war die Botschaft der Kanzlerin.",
            "jetzt handeln",
            None,
        ),
        # a quotation with its own frame keeps it
        (
            "Er rief: „Wir müssen jetzt handeln.“ Das war die Botschaft der Kanzlerin.",
            "jetzt handeln",
            "Er",
        ),
    ],
)
def test_copula_back_pointer(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *stehen* "be written": the text the words stand in is the source
        ("Im Bericht steht: „Die Lage ist ernst.“", "Lage ist ernst", "Bericht"),
        ("Auf dem Plakat stand: „Wir bleiben hier.“", "bleiben hier", "dem Plakat"),
        (
            "Derzeit steht in dem Gesetzentwurf noch der Passus: „Die Daten sind zu löschen.“",
            "Daten sind",
            "dem Gesetzentwurf",
        ),
        # negative: a state, not a text (*in der Kritik stehen*): the subject speaks
        ("Der Minister stand in der Kritik: „Das ist ein Skandal.“", "Skandal", "Der Minister"),
        ("Im Mittelpunkt steht die Frage: „Wer zahlt das?“", "Wer zahlt", None),
    ],
)
def test_written_in_colon_frame(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *Als Begründung heißt es*: the reason of the actor of the sentence before
        (
            "Die Partei spricht sich gegen strengere Regeln aus. Als Begründung heißt es, "
            "die Gesetze seien ausreichend.",
            "Gesetze seien",
            "Die Partei",
        ),
        (
            "Die Behörde hat das Lager geräumt. Als Grund wurden die schlechten Zustände genannt.",
            "schlechten Zustände",
            "Die Behörde",
        ),
        # negative: the sentence before is a passive about a thing
        ("Die Straße wurde gesperrt. Als Grund wurde ein Unfall genannt.", "Unfall", None),
        # negative: a pronoun subject before
        (
            "Er hat das Lager geräumt. Als Grund wurden die schlechten Zustände genannt.",
            "schlechten Zustände",
            None,
        ),
        # negative: another paragraph
        (
            "Die Behörde hat das Lager geräumt.\n\nAls Grund wurden die schlechten Zustände "
            "genannt.",
            "schlechten Zustände",
            None,
        ),
    ],
)
def test_reason_frame_source(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part, may_be_missing=expected is None) == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # *man* and a document at the sentence start: the document is the source
        (
            "In dem Schreiben forderte man den Abzug der Truppen aus dem Land.",
            "Abzug der Truppen",
            "dem Schreiben",
        ),
        (
            "In dem Schreiben forderte man, dass die Truppen abziehen.",
            "Truppen abziehen",
            "dem Schreiben",
        ),
        # negative: the sentence has its own subject
        (
            "In dem Bericht nennt die Ministerin die Reform einen Erfolg.",
            "Reform einen Erfolg",
            "die Ministerin",
        ),
        # negative: a place, not a document
        ("Im Krankenhaus wurde vermutet, dass ein Defekt die Ursache sei.", "Defekt", None),
    ],
)
def test_opening_document_source(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part, may_be_missing=expected is None) == expected
