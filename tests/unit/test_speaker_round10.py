"""Round 10 speaker rules (issue #13), invented sentences with negative cases.

* *nach* before a noun of judgement, forecast, proposal or draft law names the source of the
  sentence like *nach Angaben* (*Nach Bewertung der Prüfer ist …*, *Nach der Vorhersage des
  Wetterdienstes wird …*, *Nach einem Gesetzentwurf der Regierung sollen …*):
  :data:`medialens.nlp.attribution.cuefind.SOURCE_NOUNS`;
* *Vorstellung* and *Vorschlag* also name events (a presentation, the act of proposing): with
  the definite article right after *nach*, or with an adjective of extent, *nach* is temporal
  (*Nach der Vorstellung des Modells stieg die Aktie*):
  :func:`medialens.nlp.attribution.sourcesense.temporal_nach`;
* a reporting verb inside a relative clause that closes before a direct quotation is only the
  last-resort cue of that quotation (:mod:`medialens.nlp.attribution.relativecue`);
* the subject of a relative clause opened by a preposition (*…, in dem das Gericht
  festgestellt hatte, …*) is the speaker of its cue
  (:mod:`medialens.nlp.attribution.prepositionrelative`);
* a leading particle before a finite auxiliary is the whole first field (*So hat der Verein
  …*): the subject follows the verb (:func:`medialens.nlp.attribution.subjects.v2_subject`);
* a first field headed by a source noun (*Eine neue Hochrechnung beziffert …*) is the subject,
  not a fronted object (:mod:`medialens.nlp.attribution.documenthead`).
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, speaker_of, summary

from medialens.nlp.attribution.cuefind import is_source_noun
from medialens.nlp.attribution.prepositionrelative import prepositional_relative_subject
from medialens.nlp.attribution.reference import text_toks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the new source nouns, with their source as genitive or Saxon genitive
        (
            "Nach Bewertung der Prüfer ist das Projekt wirtschaftlich.",
            [("indirect", "ist das Projekt wirtschaftlich", "Bewertung der Prüfer", "Nach")],
        ),
        (
            "Nach der Vorhersage des Wetterdienstes wird es am Wochenende regnen.",
            [
                (
                    "indirect",
                    "wird es am Wochenende regnen",
                    "Vorhersage des Wetterdienstes",
                    "Nach",
                )
            ],
        ),
        (
            "Nach Müllers Idee soll die Mehrheit der abgegebenen Stimmen entscheiden.",
            [
                (
                    "indirect",
                    "soll die Mehrheit der abgegebenen Stimmen entscheiden",
                    "Müllers Idee",
                    "Nach",
                )
            ],
        ),
        (
            "Nach dem Gesetzentwurf der Regierung sollen auch Schulen Zugriff erhalten.",
            [
                (
                    "indirect",
                    "sollen auch Schulen Zugriff erhalten",
                    "Gesetzentwurf der Regierung",
                    "Nach",
                )
            ],
        ),
        (
            "Nach Vorstellung der Regierung soll die Steuer sinken.",
            [("indirect", "soll die Steuer sinken", "Vorstellung der Regierung", "Nach")],
        ),
        (
            "Nach einem Vorschlag der Kommission sollen die Zölle sinken.",
            [("indirect", "sollen die Zölle sinken", "Vorschlag der Kommission", "Nach")],
        ),
        # negative: the event readings (a presentation, the act of proposing) are temporal
        ("Nach der Vorstellung des neuen Modells stieg die Aktie deutlich.", []),
        ("Nach dem Vorschlag der Kommission stimmte das Parlament ab.", []),
        # negative: an adjective of extent on the act of judging
        ("Nach eingehender Bewertung der Lage entschied der Rat.", []),
        # negative: a time expression before *nach*
        ("Kurz nach der Vorhersage des Sturms schlossen die Schulen.", []),
    ],
)
def test_new_source_nouns_after_nach(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("bewertung", True),
        ("beurteilung", True),
        ("vorhersage", True),
        ("vorhersagen", True),
        ("idee", True),
        ("vorschlag", True),
        ("gesetzentwurf", True),
        ("gesetzesentwurf", True),
        # negative: event and thing nouns stay outside the list
        ("ankunft", False),
        ("vorstellungsgespräch", False),
        ("entwurfsmuster", False),
        ("tod", False),
    ],
)
def test_source_noun_words(word: str, expected: bool) -> None:
    assert is_source_noun(word) is expected


@pytest.mark.parametrize(
    ("text", "quote_part", "speaker"),
    [
        # the verb of a closed relative clause yields to the source phrase of the main clause
        (
            "Laut Feuerwehr war der Einsatz, zu dem die Nachbarn aufgerufen hatten, "
            "„schwierig, aber erfolgreich“.",
            "„schwierig, aber erfolgreich“",
            "Feuerwehr",
        ),
        (
            "Nach Angaben der Veranstalter ist das Fest, zu dem der Verein aufgerufen hatte, "
            "„ohne jeden Zwischenfall“ verlaufen.",
            "„ohne jeden Zwischenfall“",
            "Angaben der Veranstalter",
        ),
        # negative: the cue of the main clause after the relative clause stays
        (
            "Der Sprecher, der den Plan vorgestellt hatte, nannte ihn „einen großen Wurf“.",
            "„einen großen Wurf“",
            "Der Sprecher",
        ),
        (
            "Die Ministerin lobte den Bericht, den die Kommission vorgelegt hatte, als "
            "„wegweisend“.",
            "„wegweisend“",
            "Die Ministerin",
        ),
    ],
)
def test_relative_clause_cue_is_last_resort(text: str, quote_part: str, speaker: str) -> None:
    assert speaker_of(text, quote_part) == speaker


@pytest.mark.parametrize(
    ("text", "quote_part", "speaker"),
    [
        # the subject after the relative phrase of a prepositional relative clause
        (
            "Der Streit begann mit einer Klage, in deren Verlauf das Landgericht festgestellt "
            "hatte, der Vertrag sei ungültig.",
            "der Vertrag sei ungültig",
            "das Landgericht",
        ),
        (
            "Die Debatte drehte sich um einen Brief, in dem die Bürgermeisterin erklärt hatte, "
            "die Schule bleibe offen.",
            "die Schule bleibe offen",
            "die Bürgermeisterin",
        ),
        (
            "Kritik gab es an einem Interview, in dem er den Umbau als Fehler bezeichnet hatte, "
            "der rasch korrigiert werden müsse.",
            "der rasch korrigiert werden müsse",
            "er",
        ),
        # negative: a passive clause (its subject is the addressee, not the speaker)
        (
            "Es gab eine Petition an den Senat, in der der Senat ersucht wird, den Park zu "
            "erhalten.",
            "den Park zu erhalten",
            None,
        ),
        # negative: an article after the preposition opens no relative clause
        (
            "Die Prüfer arbeiten, soweit möglich, mit den zuständigen Ämtern zusammen und "
            "erklärten, der Fall sei erledigt.",
            "der Fall sei erledigt",
            None,
        ),
        # negative: an object determiner after the relative phrase names no subject
        (
            "Es gab ein Rundschreiben, in dem den Eltern mitgeteilt wurde, die Schule schließe.",
            "die Schule schließe",
            None,
        ),
    ],
)
def test_prepositional_relative_subject(text: str, quote_part: str, speaker: str | None) -> None:
    assert speaker_of(text, quote_part, may_be_missing=speaker is None) == speaker


@pytest.mark.parametrize(
    ("text", "quote_part", "speaker"),
    [
        # a particle as the whole first field: the subject follows the auxiliary
        (
            "Das Training wird teurer. So hat der Verein die Beiträge angehoben. Als Grund "
            "wurde genannt, die Hallenmiete sei gestiegen.",
            "die Hallenmiete sei gestiegen",
            "der Verein",
        ),
        # negative: a focus particle before a noun phrase keeps that phrase as the subject
        (
            "Das Training wird teurer. Auch der Verein hat die Beiträge angehoben. Als Grund "
            "wurde genannt, die Hallenmiete sei gestiegen.",
            "die Hallenmiete sei gestiegen",
            "der Verein",
        ),
        # negative: a pronoun subject before the reason frame gives no speaker
        (
            "Das Training wird teurer. So hat er die Beiträge angehoben. Als Grund wurde "
            "genannt, die Hallenmiete sei gestiegen.",
            "die Hallenmiete sei gestiegen",
            None,
        ),
    ],
)
def test_particle_first_field(text: str, quote_part: str, speaker: str | None) -> None:
    assert speaker_of(text, quote_part, may_be_missing=speaker is None) == speaker


@pytest.mark.parametrize(
    ("text", "quote_part", "speaker"),
    [
        # a source noun as the first field is the subject of the reporting verb
        (
            "Der Sturm zog über das Tal. Eine neue Hochrechnung beziffert den Schaden auf "
            "zwei Millionen Euro.",
            "beziffert den Schaden",
            "Eine neue Hochrechnung",
        ),
        # negative: a postposition makes the first field an adverbial
        (
            "Der Mitteilung zufolge versicherte der Präsident, dass die Wahl frei sei.",
            "dass die Wahl frei sei",
            "der Präsident",
        ),
        # negative: a nominative after the verb is the subject
        (
            "Das Ergebnis der Studie fasst man so zusammen: Die Reform ist gescheitert.",
            "Die Reform ist gescheitert",
            None,
        ),
        # negative: another abstract first field is a fronted object
        (
            "Die Haltung der Regierung kritisierte der Verband scharf und sagte, sie sei falsch.",
            "Die Haltung der Regierung kritisierte",
            "der Verband",
        ),
    ],
)
def test_document_first_field(text: str, quote_part: str, speaker: str | None) -> None:
    assert speaker_of(text, quote_part, may_be_missing=speaker is None) == speaker


@pytest.mark.parametrize(
    ("clause", "cue", "expected"),
    [
        (
            "Es gab einen Brief , in dem das Gericht festgestellt hatte",
            "festgestellt",
            "das Gericht",
        ),
        ("Es gab ein Urteil , in dessen Folge die Kammer erklärt hatte", "erklärt", "die Kammer"),
        ("Es gab ein Interview , in dem er gesagt hatte", "gesagt", "er"),
        # negative: an article after the preposition, no relative pronoun
        ("Wir können , wenn nötig , mit den zuständigen Stellen reden und sagen", "sagen", None),
        # negative: a passive clause
        ("Es gab eine Petition , in der der Senat ersucht wird", "ersucht", None),
        # negative: an object determiner after the relative phrase
        ("Es gab einen Brief , in dem den Eltern mitgeteilt wurde", "mitgeteilt", None),
        # negative: a thing cannot speak
        ("Es gab einen Bericht , in dem die Lage geschildert wurde", "geschildert", None),
    ],
)
def test_prepositional_relative_subject_tokens(clause: str, cue: str, expected: str | None) -> None:
    toks = text_toks(clause)
    cue_i = next(t.i for t in toks if t.text == cue)
    start = max(t.i for t in toks[:cue_i] if t.text == ",") + 1
    rng = prepositional_relative_subject(toks, start, cue_i)
    got = " ".join(t.text for t in toks[rng[0] : rng[1]]) if rng is not None else None
    assert got == expected
