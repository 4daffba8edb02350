"""Round 11, false quotations: speech acts reported without their content
(:mod:`medialens.nlp.attribution.contentless`) and plural names or symbols as speakers
(:func:`medialens.nlp.attribution.nonspeech.expression_speaker`) are no quotations. Positive
rows are dropped, negative rows still give a quotation. All sentences are invented."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.contentless import (
    bare_report,
    campaign_goal,
    drop_contentless,
    has_content_word,
    open_question,
)
from medialens.nlp.attribution.nonspeech import expression_speaker
from medialens.nlp.types import Cue, Quote, Speaker


def _kinds_with(text: str, part: str) -> list[str]:
    """Kinds of the quotations of ``text`` that contain ``part``."""
    return [kind for kind, quoted, _, _ in summary(annotate(text)) if part in quoted]


@pytest.mark.parametrize(
    ("text", "part", "dropped"),
    [
        # A. an attitude voiced without its content
        ("Der Bürgermeister äußerte Bedenken gegen den Neubau.", "Bedenken", True),
        ("Die Ärztekammer hatte bereits Zweifel an der Finanzierung geäußert.", "Zweifel", True),
        ("Die Nachbarn brachten ihren Ärger über den Lärm zum Ausdruck.", "Ärger", True),
        # B. the open question of a decision
        ("Der Rat wird im Herbst entscheiden, ob die Brücke abgerissen wird.", "Brücke", True),
        ("Ein Schiedsgericht soll nun urteilen, wer die Kosten trägt.", "Kosten", True),
        # C. campaigning for a goal
        (
            "Die Bürgermeisterin setzt sich seit Jahren dafür ein, dass die Bibliothek erhalten "
            "bleibt.",
            "Bibliothek",
            True,
        ),
        (
            "Der Verband, der sich dafür einsetzt, die Hundesteuer abzuschaffen, sammelt "
            "Unterschriften.",
            "Hundesteuer",
            True,
        ),
        # negatives: a quoted phrase or a reason gives the attitude content
        ("Der Bürgermeister äußerte „erhebliche Bedenken“ gegen den Neubau.", "Neubau", False),
        (
            "Der Bürgermeister äußerte Bedenken, weil der Neubau zu teuer werde.",
            "Bedenken",
            False,
        ),
        # negatives: criticism and a reproach are left alone
        ("Die Gewerkschaft kritisierte den Sparplan der Landesregierung.", "Sparplan", False),
        ("Die Fraktion warf dem Bürgermeister Untätigkeit vor.", "Untätigkeit", False),
        # negatives: a decision with its content, a question that was asked
        ("Der Stadtrat entschied, dass die Brücke abgerissen wird.", "Brücke", False),
        ("Die Kommission entschied, den Bau vorerst zu stoppen.", "Bau", False),
        ("Die Ministerin fragte, ob die Brücke noch sicher sei.", "Brücke", False),
        # negatives: a demand for the same goal is speech
        ("Die Bürgermeisterin forderte, dass die Bibliothek erhalten bleibt.", "Bibliothek", False),
    ],
)
def test_contentless_in_pipeline(text: str, part: str, dropped: bool) -> None:
    assert (not _kinds_with(text, part)) is dropped


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [
        ("Sie äußerte den Plan betreffend Bedenken als Erste", True),
        ("Der Verband äußerte dafür Verständnis", True),
        ("Sie äußerte Zweifel wegen der Kosten", True),
        ("Er äußerte die Sorge, dass es teurer werde", True),
        ("Die Partei äußerte Vorbehalte", False),
        ("Alsdann äußerte der Verband Zweifel", False),
        ("Er äußerte Bedenken an der Finanzierung", False),
    ],
)
def test_has_content_word(quoted: str, expected: bool) -> None:
    assert has_content_word(quoted) is expected


def _verb(lemma: str | None) -> Cue | None:
    """A cue or act of ``lemma`` (None without a lemma)."""
    return Cue(0, 1, lemma, lemma) if lemma else None


def _quote(
    quoted: str, kind: str, *, act: str | None = None, cue: str | None = None, nested: bool = False
) -> Quote:
    """A quotation of ``quoted`` at offset 0 with the given act or cue lemma."""
    return Quote(
        0,
        len(quoted),
        ((0, len(quoted)),),
        quoted,
        kind,
        Speaker(0, 3, "Sie"),
        _verb(cue),
        act=_verb(act),
        nested=((5, 9),) if nested else (),
    )


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (_quote("Sie äußerte Vorbehalte", "reported", act="äußern"), True),
        (
            _quote("Sie brachte ihre Sorge zum Ausdruck", "reported", act="zum Ausdruck bringen"),
            True,
        ),
        (_quote("Sie äußerte sich besorgt zur Lage", "reported", act="sich äußern"), True),
        # negatives: content, a nested or marked quotation, another act or kind
        (_quote("Sie äußerte Bedenken, weil es teuer sei", "reported", act="äußern"), False),
        (_quote("Sie äußerte Bedenken", "reported", act="äußern", nested=True), False),
        (_quote("Sie äußerte »große Bedenken«", "reported", act="äußern"), False),
        (_quote("Sie kritisierte den Plan", "reported", act="kritisieren"), False),
        (_quote("Sie forderte den Rücktritt", "reported", act="fordern"), False),
        (_quote("Sie äußerte Bedenken", "indirect", cue="äußern"), False),
        (_quote("Sie äußerte Bedenken", "reported"), False),
    ],
)
def test_bare_report(quote: Quote, expected: bool) -> None:
    assert bare_report(quote) is expected


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (_quote("ob die Brücke hält", "indirect", cue="entscheiden"), True),
        (_quote("Wer die Kosten trägt", "indirect", cue="urteilen"), True),
        (_quote("wann gebaut wird", "indirect", cue="entscheiden"), True),
        # negatives: a decision with content, an asking verb, a clause not opened by a w-word
        (_quote("dass die Brücke hält", "indirect", cue="entscheiden"), False),
        (_quote("den Bau zu stoppen", "indirect", cue="entscheiden"), False),
        (_quote("ob die Brücke hält", "indirect", cue="fragen"), False),
        (_quote("obwohl es regnet", "indirect", cue="entscheiden"), False),
        (_quote("ob die Brücke hält", "reported", act="entscheiden"), False),
    ],
)
def test_open_question(quote: Quote, expected: bool) -> None:
    assert open_question(quote) is expected


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (_quote("dass die Bibliothek bleibt", "indirect", cue="sich einsetzen"), True),
        # negatives: another cue, reported speech
        (_quote("dass die Bibliothek bleibt", "indirect", cue="fordern"), False),
        (_quote("Sie setzte sich für den Erhalt ein", "reported", act="sich einsetzen"), False),
    ],
)
def test_campaign_goal(quote: Quote, expected: bool) -> None:
    assert campaign_goal(quote) is expected


def test_drop_contentless_keeps_order_of_the_rest() -> None:
    kept = _quote("Sie forderte den Rücktritt", "reported", act="fordern")
    asked = _quote("ob die Brücke hält", "indirect", cue="fragen")
    dropped = _quote("Sie äußerte Vorbehalte", "reported", act="äußern")
    assert drop_contentless([kept, dropped, asked]) == [kept, asked]


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        # plural names, terms and symbols word nothing themselves
        ("Die Namen der Preisträger", True),
        ("die neuen Flaggen", True),
        ("Die Begriffe", True),
        ("Die Abkürzungen der Behörden", True),
        # negatives: utterances and people
        ("Die Worte des Präsidenten", False),
        ("Die Namensgeber", False),
        ("Die Sprecher der Fraktionen", False),
    ],
)
def test_plural_expression_speaker(speaker: str, expected: bool) -> None:
    assert expression_speaker(speaker) is expected


@pytest.mark.parametrize(
    ("text", "part", "dropped"),
    [
        (
            "Die Namen der drei Preisträger lauten: Anna Muster, Berta Beispiel und Carla Probe.",
            "Berta",
            True,
        ),
        ("Die Worte des Präsidenten lauteten: „Wir bleiben hier.“", "bleiben", False),
    ],
)
def test_plural_expression_speaker_in_pipeline(text: str, part: str, dropped: bool) -> None:
    assert (not _kinds_with(text, part)) is dropped
