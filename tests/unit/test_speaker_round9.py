"""Round 9 speaker rules (issue #13), invented sentences with negative cases.

* a Konjunktiv I sentence far from any quotation is indirect speech also when it carries a
  partial quotation, and the partial quotation speaks with the subject of the sentence
  before (:mod:`medialens.nlp.attribution.partialkonjunktiv`);
* *es* as the subject of an active, non-reflexive reporting verb is the pronoun of a neuter
  source (*Das Komitee tagte. Es teilte mit, …*) and is resolved to it
  (:mod:`medialens.nlp.attribution.esspeaker`);
* impersonal *sich erklären* (*Das erklärt sich dadurch, dass …*) is no speech act
  (:func:`medialens.nlp.attribution.verbsense.explained`);
* a question noun (*Unklar ist die Frage, ob …*) is not carried as the speaker of the
  Konjunktiv sentences after it (:mod:`medialens.nlp.attribution.questionsource`);
* a quoted name (*der „Bund Bergwacht Tirol“*) is not moved to a later mention of its last
  capitalised word (:func:`medialens.nlp.attribution.quotestate.latest_mention`).
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, speaker_object, speaker_of, summary

_NEUBAU = (
    "Die Stadträtin lehnte den Neubau ab. Der Platz sei zu klein, ein „Prestigeprojekt“ "
    "brauche die Gemeinde nicht."
)


@pytest.mark.parametrize(
    ("text", "quote_part", "speaker"),
    [
        # the partial quotation and the Konjunktiv sentence around it: the subject before
        (_NEUBAU, "„Prestigeprojekt“", "Die Stadträtin"),
        (_NEUBAU, "Der Platz sei zu klein", "Die Stadträtin"),
        # also after an older quotation of another source (the sentence before names a new one)
        (
            "Der Verband hat die Gemeinde zu Gesprächen aufgefordert. Die Gespräche begannen "
            "im Mai. Im Juni wurde gebaut. Der Architekt Paul Brenner wandte sich gegen die "
            "Pläne. Der Platz sei zu klein, ein „Prestigeprojekt“ brauche niemand.",
            "„Prestigeprojekt“",
            "Der Architekt Paul Brenner",
        ),
        # negative: an indicative sentence with a partial quotation is no indirect speech
        (
            "Die Stadträtin lehnte den Neubau ab. Ein „Prestigeprojekt“ stand nie zur Wahl.",
            "Prestigeprojekt",
            None,
        ),
        # negative: a subject before that cannot speak gives no speaker
        ("Der Regen hörte am Abend auf. Die Straße sei „gesperrt“.", "„gesperrt“", None),
    ],
)
def test_partial_quotation_in_konjunktiv(text: str, quote_part: str, speaker: str | None) -> None:
    assert speaker_of(text, quote_part, may_be_missing=True) == speaker


def test_partial_quotation_in_konjunktiv_is_nested() -> None:
    """The Konjunktiv sentence is one indirect quotation that contains the partial one."""
    doc = annotate(_NEUBAU)
    assert [q.kind for q in doc._.ml_quotes] == ["indirect", "direct"]
    outer, inner = doc._.ml_quotes
    assert outer.start < inner.start and inner.end <= outer.end


@pytest.mark.parametrize(
    ("text", "quote_part", "speaker", "resolved"),
    [
        (
            "Das Komitee tagte am Freitag. Es teilte mit, die Wahl werde verschoben.",
            "die Wahl werde verschoben",
            "Es",
            "Das Komitee",
        ),
        (
            "Das Landratsamt prüfte den Antrag. Es betonte, die Frist sei verstrichen.",
            "die Frist sei verstrichen",
            "Es",
            "Das Landratsamt",
        ),
        # after a first field of adverbs, *es* follows the verb
        (
            "Das Unternehmen legte Zahlen vor. Damit bestätigte es, dass der Umsatz gesunken sei.",
            "der Umsatz gesunken",
            "es",
            "Das Unternehmen",
        ),
        # without a neuter antecedent the pronoun stays unresolved
        (
            "Die Trainerin reiste ab. Es betonte, die Frist sei verstrichen.",
            "die Frist sei verstrichen",
            "Es",
            None,
        ),
    ],
)
def test_es_speaker(text: str, quote_part: str, speaker: str, resolved: str | None) -> None:
    sp = speaker_object(text, quote_part)
    assert sp is not None
    assert (sp.text, sp.resolved) == (speaker, resolved)


@pytest.mark.parametrize(
    ("text", "quote_part", "speaker"),
    [
        # expletive *es*: impersonal passive, *es heißt*, reflexive frames
        ("Es wird vermutet, dass die Brücke marode ist.", "die Brücke marode", None),
        ("Bisher hieß es, der Zug fahre pünktlich.", "der Zug fahre", None),
        ("Es stellte sich heraus, dass der Schlüssel fehlte.", "der Schlüssel fehlte", None),
        ("Damit erklärt es sich, dass die Halle leer blieb.", "die Halle leer", None),
        # *es* after the verb of a noun-phrase subject is the object standing for the clause
        ("Die Firma hält es für denkbar, dass die Mieten sinken.", "die Mieten", "Die Firma"),
        ("Der Verein lehnte es ab, dass die Halle schließt.", "die Halle", "Der Verein"),
        # a named subject is not replaced by *es*
        ("Die Behörde teilte mit, es gebe keine Einwände.", "keine Einwände", "Die Behörde"),
    ],
)
def test_es_not_speaker(text: str, quote_part: str, speaker: str | None) -> None:
    assert speaker_of(text, quote_part, may_be_missing=True) == speaker


def test_subject_kept_before_es_in_content() -> None:
    """A sentence with another subject keeps it (the fallback only fills a missing one)."""
    rows = summary(annotate("Der Kämmerer erklärte, es gebe keine Pläne."))
    assert rows[0][2] == "Der Kämmerer"


@pytest.mark.parametrize(
    ("text", "n_quotes"),
    [
        # impersonal *sich erklären* "to be explained": no speech act
        ("Damit erklärt es sich, dass die Halle leer blieb.", 0),
        ("So erklärt sich auch, warum die Halle leer blieb.", 0),
        ("Das erklärt sich dadurch, dass der Winter mild war.", 0),
        # negative: a person explaining, or committing (*sich bereit erklären*), speaks
        ("Der Trainer erklärte, dass die Halle leer blieb.", 1),
        ("Der Trainer erklärte sich bereit, den Vertrag zu verlängern.", 1),
        ("So erklärte der Trainer, dass die Halle leer blieb.", 1),
    ],
)
def test_impersonal_sich_erklaeren(text: str, n_quotes: int) -> None:
    assert len(annotate(text)._.ml_quotes) == n_quotes


_BRUECKE = (
    "Unklar ist noch die Frage, ob die Brücke saniert wird. Der Stadtrat wolle im Herbst "
    "entscheiden."
)


@pytest.mark.parametrize(
    ("text", "quote_part", "speaker"),
    [
        # a question asserts nothing: the Konjunktiv sentence after it has no speaker from it
        (_BRUECKE, "im Herbst entscheiden", None),
        # the question itself keeps its speaker (round 8)
        (_BRUECKE, "ob die Brücke", "die Frage"),
        # negative: a speaking source is carried as before
        (
            "Der Kämmerer sagte, die Brücke werde saniert. Der Stadtrat wolle im Herbst "
            "entscheiden.",
            "im Herbst entscheiden",
            "Der Kämmerer",
        ),
    ],
)
def test_question_is_no_source(text: str, quote_part: str, speaker: str | None) -> None:
    assert speaker_of(text, quote_part) == speaker


@pytest.mark.parametrize(
    ("text", "quote_part", "speaker"),
    [
        # a quoted name is not re-found by its last capitalised word (*Tirol*)
        (
            "Wie der „Bund Bergwacht Tirol“ mitteilte, seien drei Wanderer gerettet worden. "
            "Unterstützung kam auch aus Tirol. Am Abend habe man die Suche beendet.",
            "die Suche beendet",
            "der „Bund Bergwacht Tirol“",
        ),
        (
            "Wie der „Bund Bergwacht Tirol“ mitteilte, seien drei Wanderer gerettet worden. "
            "Zu dem Bund gehören viele Gruppen, unter anderem die Bergrettung Tirol. Am Abend "
            "habe man die Suche beendet.",
            "die Suche beendet",
            "der „Bund Bergwacht Tirol“",
        ),
        # negative: a plain name still moves to its latest mention
        (
            "Wie Bergführer Karl Huber mitteilte, seien drei Wanderer gerettet worden. Huber "
            "stieg danach ab. Am Abend habe man die Suche beendet.",
            "die Suche beendet",
            "Huber",
        ),
    ],
)
def test_quoted_name_keeps_its_mention(text: str, quote_part: str, speaker: str) -> None:
    assert speaker_of(text, quote_part) == speaker
