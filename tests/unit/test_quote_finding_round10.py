"""Round 10b: quotations the rules did not find (issue #13), invented sentences with negatives.

* a speech-act noun whose clause closes before the comma of its content (*Kritik wird
  laut, dass …*; *steht der Vorwurf im Raum, …*; *liegt die Erklärung vor, …*):
  :mod:`medialens.nlp.attribution.nountail`;
* the nouns of the words or reasons given with an act, only in the *mit*-frame (*mit den
  Worten, …*, *mit der Begründung, …*): :data:`.nountail.INSTRUMENT_NOUNS`;
* *diskutieren* with its *ob/w*-clause only; *überlegte(n)* read as *überlegen* (the lookup
  table gives the participle);
* a reporting verb coordinated after the first verb's complement takes the first conjunct's
  subject (:mod:`medialens.nlp.attribution.complementconjunct`).
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.nountail import clause_tail_comma, instrument_frame
from medialens.nlp.attribution.reference import text_toks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the noun's clause closes with a predicative, a particle or *im Raum*
        (
            "Kritik wird laut, dass der Verband die Zahlen geschönt habe.",
            [("indirect", "dass der Verband die Zahlen geschönt habe", "Kritik", "Kritik")],
        ),
        (
            "Gegen die Reederei steht der Vorwurf im Raum, sie habe Abgaben hinterzogen.",
            [("indirect", "sie habe Abgaben hinterzogen", "der Vorwurf", "Vorwurf")],
        ),
        (
            "Von der Ministerin liegt eine schriftliche Erklärung vor, sie werde den Bericht "
            "prüfen.",
            # (the fronted phrase of origin names the source: :mod:`.originframe`, round 11)
            [("indirect", "sie werde den Bericht prüfen", "der Ministerin", "Erklärung")],
        ),
        # positive: the instrument frame, with the subject of the clause as the speaker
        (
            "Die Botschafterin reagierte mit den Worten darauf, das Abkommen sei fair.",
            [("indirect", "das Abkommen sei fair", "Die Botschafterin", "Worten")],
        ),
        (
            "Die Stadt lehnte den Antrag ab mit der Begründung, die Kosten seien zu hoch.",
            [("indirect", "die Kosten seien zu hoch", "Die Stadt", "Begründung")],
        ),
        # negative: an adverbial clause after the comma is no content
        ("Die Frage ist deshalb wichtig, weil die Wahl bald stattfindet.", []),
        # negative: a coordinated main clause after the comma
        ("Die Kritik war berechtigt, und dann kam der Regen.", []),
        # negative: a phrase of its own after the noun (*nach*), and a relative clause
        ("Die Forderung nach mehr Geld, die gestern kam, wurde abgelehnt.", []),
        ("Die Erklärung liegt vor, die der Verband gestern verschickt hatte.", []),
        # negative: the noun inside a reported (Konjunktiv) clause belongs to what was said
        (
            "Das Angebot sei mit der Warnung zurückgezogen worden, die Preise stiegen weiter.",
            [
                (
                    "indirect",
                    "Das Angebot sei mit der Warnung zurückgezogen worden, die Preise stiegen "
                    "weiter",
                    None,
                    None,
                )
            ],
        ),
        # negative: the noun inside a subordinate clause
        ("Als die Erklärung vorlag, die Gäste waren schon gegangen.", []),
        # negative: *Worte/Begründung* outside the *mit*-frame
        ("Er ergriff das Wort, um die Gäste zu begrüßen.", []),
        ("Das Wort, das er benutzte, war neu.", []),
        (
            "Der Sprecher sagte zur Begründung, die Kosten seien zu hoch.",
            [("indirect", "die Kosten seien zu hoch", "Der Sprecher", "sagte")],
        ),
    ],
)
def test_noun_cues_with_a_clause_tail(text: str, expected: list[tuple]) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("Kritik wird laut, dass er lügt.", "Kritik", True),
        ("Es steht der Vorwurf im Raum, er habe gelogen.", "Vorwurf", True),
        ("Die Forderung nach Geld, die kam, war neu.", "Forderung", False),
        ("Die Forderung wurde laut und deutlich, dass er geht.", "Forderung", False),
        ("Die Forderung, dass er geht, kam spät.", "Forderung", False),  # comma right after
        ("Die Frage ist wichtig, weil sie neu ist.", "Frage", False),
        ("Die Kritik war laut, und es regnete.", "Kritik", False),
        ("Die Kritik war laut, die er äußerte.", "Kritik", False),
        ("Der Appell dagegen, sei verhallt.", "Appell", False),
        ("Die Aufforderung kam sofort, werde er sagen.", "Aufforderung", False),
        ("Die Bitte einzulenken, wurde ignoriert.", "Bitte", False),
    ],
)
def test_clause_tail_comma(text: str, noun: str, expected: bool) -> None:
    toks = text_toks(text)
    i = next(t.i for t in toks if t.text == noun)
    assert (clause_tail_comma(toks, i) is not None) is expected


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("Er antwortete mit den Worten, es sei zu spät.", "Worten", True),
        ("Er antwortete mit den knappen Worten, es sei zu spät.", "Worten", True),
        ("Sie lehnte mit der Begründung ab, es fehle Geld.", "Begründung", True),
        ("Er sagte zur Begründung, es fehle Geld.", "Begründung", False),
        ("Mit der Begründung, es fehle Geld.", "Begründung", False),
        ("Mit der Begründung, dass Geld fehlt.", "Begründung", True),
        ("Die Begründung des Gerichts, es fehle Geld, überzeugte.", "Begründung", False),
        ("Er hatte das letzte Wort, bevor alle gingen.", "Wort", False),
        ("Die Zeitung zitiert ihn mit den Worten, es sei zu spät.", "Worten", False),
    ],
)
def test_instrument_frame(text: str, noun: str, expected: bool) -> None:
    toks = text_toks(text)
    i = next(t.i for t in toks if t.text == noun)
    assert instrument_frame(toks, i) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: *diskutieren* with its ob/w-clause
        (
            "Der Vorstand hat lange darüber diskutiert, ob der Markt geöffnet werden solle.",
            [("indirect", "ob der Markt geöffnet werden solle", "Der Vorstand", "diskutiert")],
        ),
        # negative: *diskutieren* with an object and a relative clause
        ("Der Rat diskutierte den Haushalt, der im Mai beschlossen wurde.", []),
        # positive: *überlegten* (the lookup table gives the participle *überlegt*)
        (
            "Die Ärzte überlegten, die Operation um eine Woche zu verschieben.",
            [("indirect", "die Operation um eine Woche zu verschieben", "Die Ärzte", "überlegten")],
        ),
        # negative: the adjective *überlegte*
        ("Sie trafen eine überlegte Entscheidung, die alle lobten.", []),
    ],
)
def test_new_verbs(text: str, expected: list[tuple]) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the first conjunct is the main clause before the complement
        (
            "Der Minister sagte, die Lage sei ernst, und fügte hinzu, man werde handeln.",
            [
                ("indirect", "die Lage sei ernst", "Der Minister", "sagte"),
                ("indirect", "man werde handeln", "Der Minister", "fügte hinzu"),
            ],
        ),
        (
            "Die Sprecherin erklärte, dass der Plan unsinnig sei, und versprach, den Fall genau "
            "zu prüfen.",
            [
                ("indirect", "dass der Plan unsinnig sei", "Die Sprecherin", "erklärte"),
                (
                    "indirect",
                    "den Fall genau zu prüfen",
                    "Die Sprecherin",
                    "versprach",
                ),
            ],
        ),
        # positive: without the comma before *und* (the article is no relative pronoun)
        (
            "Die Sprecherin erklärte, der Plan sei unsinnig und versprach, den Fall genau "
            "zu prüfen.",
            [
                ("indirect", "der Plan sei unsinnig", "Die Sprecherin", "erklärte"),
                (
                    "indirect",
                    "den Fall genau zu prüfen",
                    "Die Sprecherin",
                    "versprach",
                ),
            ],
        ),
        # negative: a real relative clause keeps its pronoun as the subject
        (
            "Der Mann, der den Plan kannte und versprach, den Fall genau zu prüfen, ging.",
            [("indirect", "den Fall genau zu prüfen", "der", "versprach")],
        ),
        # negative: no complement before *und* (the ordinary ellipsis keeps its subject)
        (
            "Er lobte den Plan und sagte, man werde handeln.",
            [("indirect", "man werde handeln", "Er", "sagte")],
        ),
        # negative: an indicative clause before *und* is no complement
        (
            "Der Minister kam, die Gäste warteten, und er sagte, man werde handeln.",
            [("indirect", "man werde handeln", "er", "sagte")],
        ),
    ],
)
def test_complement_conjunct_subject(text: str, expected: list[tuple]) -> None:
    assert summary(annotate(text)) == expected
