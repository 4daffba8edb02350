"""Round 13, false quotations and speakers (:mod:`medialens.nlp.attribution.frontedgate`): a
coordinated second predicate, a fronted noun phrase with a relative clause or apposition, a
motto, a time phrase, a modal passive and a passive subject as speaker; and a foreign title
before an apposition (:func:`medialens.nlp.attribution.nonspeech.is_nonspeech`). All
sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.frontedgate import time_speaker
from medialens.nlp.attribution.nonspeech import is_nonspeech
from medialens.nlp.types import Quote


def _quotes_with(text: str, part: str) -> list[tuple[str, str | None]]:
    """(kind, speaker) of the quotations of ``text`` that contain ``part``."""
    return [
        (kind, speaker) for kind, quoted, speaker, _ in summary(annotate(text)) if part in quoted
    ]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # B. a fronted noun phrase with a relative clause or an apposition is no content
        (
            "Auch neue Messungen, auf die der Bericht verweist, bestätigen die hohe Belastung.",
            "Messungen",
        ),
        (
            "Auch der größte Versicherer des Landes, die Nordbank, meldete hohe Verluste.",
            "Versicherer",
        ),
        (
            "Das großzügige Angebot des Nachbarn, die Kinder kostenlos zu betreuen, lehnt sie "
            "jedoch ab: „Wir schaffen das allein.“",
            "betreuen",
        ),
        # C. a motto names the protest, nobody is quoted
        (
            "Rund 2000 Studenten zogen am Samstag vor das Ministerium. Sie protestierten unter "
            "dem Motto „Wir sind keine Kunden! Bildung ist kein Geschäft!“ Die Polizei meldete "
            "keine Zwischenfälle.",
            "Kunden",
        ),
    ],
)
def test_no_quotation(text: str, part: str) -> None:
    assert _quotes_with(text, part) == []


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        # negatives: an inverted frame after real content keeps its speaker
        ("Die Lage sei ernst, sagte der Bürgermeister.", "Lage", "der Bürgermeister"),
        (
            "Die Brücke müsse saniert werden, erklärte jedoch der Gutachter.",
            "Brücke",
            "der Gutachter",
        ),
        (
            "Die Reform sei gescheitert, die Kosten seien zu hoch, sagte der Sprecher.",
            "Reform",
            "der Sprecher",
        ),
        # negatives: a colon announces the words as spoken; a cry with its frame
        (
            "Die Demonstranten zogen unter dem Motto: „Wir bleiben hier!“ durch die Stadt.",
            "bleiben",
            "Die Demonstranten",
        ),
        ("„Wir bleiben hier!“, riefen die Demonstranten.", "bleiben", "die Demonstranten"),
        # negatives: a time phrase before the verb leaves the subject as speaker
        ("Am Montag sagte der Minister: „Wir werden das prüfen.“", "prüfen", "der Minister"),
        ("Im Januar erklärte die Firma, sie werde das Werk schließen.", "Werk", "die Firma"),
    ],
)
def test_kept_with_speaker(text: str, part: str, speaker: str) -> None:
    assert [s for _, s in _quotes_with(text, part)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # A. the cue is a second verb of the same subject: its object is no speaker
        "Die Feuerwehr schätzt den Schaden auf zwei Millionen Euro, befürchtet aber weitere Einstürze.",
        "Die Gewerkschaft lehnt das Angebot ab, fordert jedoch neue Gespräche.",
        "Die Anwohner begrüßten den Beschluss des Stadtrats, verlangten aber eine genaue Frist.",
    ],
)
def test_coordinated_predicate_has_no_speaker(text: str) -> None:
    assert all(speaker is None for _, speaker in _quotes_with(text, ""))


def test_time_phrase_speaker_removed() -> None:
    text = (
        "Am 3. Juni, dem Tag der Umwelt, warnten unter dem Motto „Plastik tötet Meere“ mehrere "
        "Verbände vor Müll."
    )
    assert all(speaker is None for _, speaker in _quotes_with(text, "Verbände"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am 31. Mai", True),
        ("Am 3. Juni, dem Tag der Umwelt", True),
        ("Im Januar", True),
        ("Seit Montag", True),
        ("Am Rande des Gipfels", False),  # (not a time word: left to the other rules)
        ("der Minister", False),
        ("Amnesty International", False),
        ("Im", False),
    ],
)
def test_time_speaker(text: str, expected: bool) -> None:
    assert time_speaker(text) is expected


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        # E. a modal passive (sein + zu + infinitive) has no agent: no speaker
        ("Auch Erfreuliches ist zu melden: Die Bibliothek bleibt geöffnet.", "Bibliothek", None),
        (
            "Für die Stadt war es durchaus als Erfolg zu werten, dass der Konzern blieb.",
            "Konzern",
            None,
        ),
        # negatives: a cue phrase with *zu*, a predicative adjective before *zu*
        (
            "Der Sprecher ist zu dem Schluss gekommen, dass der Plan scheitert.",
            "Plan",
            "Der Sprecher",
        ),
        (
            "Die Ministerin ist bereit zu erklären, dass sie zurücktritt.",
            "zurück",
            "Die Ministerin",
        ),
    ],
)
def test_modal_passive(text: str, part: str, speaker: str | None) -> None:
    assert [s for _, s in _quotes_with(text, part)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # F. the subject of a passive infinitive is what the act is about: no speaker
        ("Eingetragene Partnerschaften dürfen in Irland künftig Ehe genannt werden.", None),
        ("Der Verein hätte jedenfalls gewarnt sein können.", None),
        ("Der Plan darf zu Recht als gescheitert bezeichnet werden.", None),
        # negatives: an agent phrase, an active act
        ("Der Plan wurde von der Opposition als gescheitert bezeichnet.", "der Opposition"),
        ("Die Opposition kritisierte den Plan der Regierung.", "Die Opposition"),
    ],
)
def test_passive_subject(text: str, speaker: str | None) -> None:
    assert [(k, s) for k, _, s, _ in summary(annotate(text))] == [("reported", speaker)]


def _direct(text: str, quoted: str) -> Quote:
    """A direct quotation of ``quoted`` inside ``text`` (no speaker, no cue)."""
    a = text.index(quoted)
    return Quote(a, a + len(quoted), ((a, a + len(quoted)),), quoted, "direct", None, None)


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        # a foreign title before an apposition or a relative clause is a name
        (
            "Wegweisend war das zweite Album der Gruppe, „Light of the North“, das fast nur aus "
            "Balladen besteht.",
            "„Light of the North“",
            True,
        ),
        (
            "Er schrieb in der „Voice of the Valley“, einem Wochenblatt, die Lage sei ernst.",
            "„Voice of the Valley“",
            True,
        ),
        # negatives: a comma before the frame, a colon before the words
        (
            "„Made in the USA“, sagte der Händler, sei kein Argument mehr.",
            "„Made in the USA“",
            False,
        ),
        ("Die Menge rief: „Power to the people“ und zog weiter.", "„Power to the people“", False),
    ],
)
def test_foreign_title_before_apposition(text: str, quoted: str, expected: bool) -> None:
    assert is_nonspeech(_direct(text, quoted), text) is expected


@pytest.mark.parametrize(
    ("text", "part", "kept"),
    [
        # G. a participle right after *als* after a comparative is a comparison, no frame
        (
            "Die Lage ist ernster als befürchtet: Die Deiche halten dem Druck nicht stand.",
            "Deiche",
            False,
        ),
        # negatives: the comparison inside real content; a quantity before the subject
        ("Die Ernte fiel besser aus als erwartet, teilte der Verband mit.", "Ernte", True),
        ("Mehr als hundert Ärzte erklärten, sie würden streiken.", "streiken", True),
    ],
)
def test_cue_in_comparison(text: str, part: str, kept: bool) -> None:
    assert bool(_quotes_with(text, part)) is kept
