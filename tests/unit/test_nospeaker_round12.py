"""Round 12: quotations the rules find but leave without a speaker (issue #13), invented
sentences with negatives.

* an inserted *so X* frame with prepositional phrases before its closing comma, inside a
  quotation that has no speaker (*Doch sei es, so die Autorin Eva Brandt in einem Beitrag auf
  der Seite der Zeitung „Nordkurier“, ein Fehler gewesen*), names that quotation's speaker:
  :mod:`medialens.nlp.attribution.insertedso`;
* a fronted *aus/von/in X* phrase before *ist zu hören/lesen/vernehmen* names the source of
  the content after its comma or colon (*Aus der Fraktion ist zu hören, der Antrag sei
  zurückgezogen*): :mod:`medialens.nlp.attribution.hearingframe`;
* a noun of saying or believing that opens its clause right before the comma of a speakerless
  content clause is its source (*Die Behauptung, die Brücke sei marode, …*), or the author
  after *von* in its participle attribute (*Die von der Ärztin geäußerte Hoffnung, …*):
  :mod:`medialens.nlp.attribution.nounclause`;
* the dative before an attribute *zugeschrieben* that takes up a speakerless direct quotation
  (*„…“ Dieser oft dem Dichter Karl Wend zugeschriebene Satz …*) is its speaker:
  :mod:`medialens.nlp.attribution.ascribed`.
"""

from __future__ import annotations

import re

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.ascribed import ascribed_source
from medialens.nlp.attribution.hearingframe import hearing_source
from medialens.nlp.attribution.insertedso import inserted_so_source
from medialens.nlp.attribution.nounclause import content_noun_source
from medialens.nlp.attribution.units import Tok

_WORD = re.compile(r"„[^“]*“|\w+|[^\w\s]")


def _toks(text: str) -> list[Tok]:
    """Tokens with offsets; a quoted passage is one token inside quotation 0."""
    out = []
    for i, m in enumerate(_WORD.finditer(text)):
        w = m.group()
        q = 0 if w.startswith("„") else -1
        out.append(Tok(i, w, w.lower(), w, m.start(), m.end(), q))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: prepositional phrases (also with a quoted name) before the closing comma
        (
            "Doch sei es, so die Autorin Eva Brandt in einem Beitrag auf der Seite der "
            "Zeitung „Nordkurier“, ein Fehler gewesen.",
            "die Autorin Eva Brandt",
        ),
        (
            "Das Werk sei, so der Verband in seinem Jahresbericht, kaum noch zu retten.",
            "der Verband",
        ),
        ("Man habe, so Kramer, keine Wahl gehabt.", "Kramer"),
        ("Der Plan sei – so die Stadt am Montag – längst beschlossen.", "die Stadt"),
        # negative: *so* as an adverb or conjunction, a verb or a comparison after the phrase
        ("Es regnete, so dass das Spiel ausfiel.", None),
        ("Es kamen, so viele Menschen wie nie, zum Fest.", None),
        ("Der Zug fuhr ab, so die Fahrgäste ihn erreichten, war alles gut.", None),
        ("Er lief, so schnell er konnte, nach Hause.", None),
        ("Es sei, so der Verband, der gestern tagte, ein Fehler.", "der Verband"),
        ("Das Werk sei so alt, dass es zerfalle.", None),
    ],
)
def test_inserted_so_source(text: str, expected: str | None) -> None:
    """The noun phrase of an inserted *so X* frame, or None."""
    toks = _toks(text)
    rng = inserted_so_source(toks, 0, len(text))
    got = None if rng is None else " ".join(t.text for t in toks[rng[0] : rng[1]])
    assert got == expected


def test_inserted_so_source_outside_quotation() -> None:
    """A frame whose *so* lies outside the quotation's offsets is not taken."""
    text = "Man habe, so Kramer, keine Wahl gehabt."
    assert inserted_so_source(_toks(text), 12, len(text)) is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Der Hafen wurde im Mai geschlossen. Doch sei es, so die Autorin Eva Brandt in "
            "einem Beitrag auf der Seite der Zeitung „Nordkurier“, ein Fehler gewesen, den "
            "Hafen zu schließen.",
            "die Autorin Eva Brandt",
        ),
        # negative: no frame, the subjunctive sentence keeps no speaker
        (
            "Der Hafen wurde im Mai geschlossen. Doch sei es ein Fehler gewesen, den Hafen "
            "zu schließen.",
            None,
        ),
    ],
)
def test_inserted_so_in_pipeline(text: str, speaker: str | None) -> None:
    """End to end: the speakerless subjunctive quotation takes the inserted frame's source."""
    assert [q[2] for q in summary(annotate(text))] == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: origin or document phrase, *sein*, optional adverb, *zu* + perceiving
        ("Aus der Fraktion ist zu hören, der Antrag sei zurückgezogen.", "der Fraktion"),
        ("Von der Reederei war inzwischen zu vernehmen, man suche weiter.", "der Reederei"),
        (
            "Im Jahresbericht der Bahn ist zu lesen: Die Strecke werde saniert.",
            "Jahresbericht der Bahn",
        ),
        (
            "Aus Kreisen der Partei war zu erfahren, der Vorsitzende trete zurück.",
            "Kreisen der Partei",
        ),
        # negative: no perceiving verb, another verb, no fronted phrase, no mark after it
        ("Aus der Fraktion ist zu befürchten, der Antrag sei zurückgezogen.", None),
        ("Aus der Fraktion ist der Antrag gekommen, man wolle prüfen.", None),
        ("Gestern war aus der Fraktion zu hören, der Antrag sei zurückgezogen.", None),
        ("Aus der Ferne ist zu hören wie die Glocken läuten.", None),
        ("Nach dem Spiel ist zu hören, die Fans seien zufrieden.", None),
    ],
)
def test_hearing_source(text: str, expected: str | None) -> None:
    """The noun phrase of a fronted *aus X ist zu hören* frame, or None."""
    toks = _toks(text)
    rng = hearing_source(toks, len(text))
    got = None if rng is None else " ".join(t.text for t in toks[rng[0] : rng[1]])
    assert got == expected


def test_hearing_source_needs_mark_before_quotation() -> None:
    """The comma of the frame must end before the quotation starts."""
    text = "Aus der Fraktion ist zu hören, der Antrag sei zurückgezogen."
    assert hearing_source(_toks(text), 10) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the noun phrase opens the sentence or a clause, alone or after a preposition
        ("Die Behauptung, die Brücke sei marode, wies die Stadt zurück.", "Die Behauptung"),
        ("Mit der Begründung, dass die Halle fehle, wurde das Fest abgesagt.", "der Begründung"),
        ("Sie lachten darüber; Aussagen, dass der Bau stocke, glaubten sie nicht.", "Aussagen"),
        # the author inside a participle attribute
        (
            "Die von der Ärztin nach der Operation geäußerte Hoffnung, der Patient werde "
            "gesund, erfüllte sich nicht.",
            "der Ärztin",
        ),
        # negative: a subject before the noun holds the view, other nouns, no comma
        ("Der Verband äußerte die Hoffnung, die Preise würden sinken.", None),
        ("Die Stadt lehnte ab mit der Begründung, dass die Halle fehle.", None),
        ("Die Brücke, die seit Jahren marode sei, wird gesperrt.", None),
        ("Die Behauptung ist falsch, sagte er.", None),
    ],
)
def test_content_noun_source(text: str, expected: str | None) -> None:
    """The source of a content clause after a noun of saying or believing, or None; the
    quotation is taken to start right after the first comma."""
    toks = _toks(text)
    comma = next(t for t in toks if t.text == ",")
    rng = content_noun_source(toks, comma.end + 1)
    got = None if rng is None else " ".join(t.text for t in toks[rng[0] : rng[1]])
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the dative after the noun's article and adverbs, or a bare name
        (
            "Dieser oft dem Dichter Karl Wend zugeschriebene Satz steht am Tor.",
            "dem Dichter Karl Wend",
        ),
        ("Das dem Bürgermeister zugeschriebene Wort fiel nie.", "dem Bürgermeister"),
        ("Der gern Wend zugeschriebene Spruch ist älter.", "Wend"),
        # negative: a main-clause passive, no dative, no participle
        ("Dem Kraut werden heilende Kräfte zugeschrieben.", None),
        ("Die zugeschriebene Rolle passt nicht.", None),
        ("Der Satz wird dem Dichter Karl Wend zugerechnet.", None),
    ],
)
def test_ascribed_source(text: str, expected: str | None) -> None:
    """The dative noun phrase of a *zugeschrieben* attribute, or None."""
    toks = _toks(text)
    rng = ascribed_source(toks)
    got = None if rng is None else " ".join(t.text for t in toks[rng[0] : rng[1]])
    assert got == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "„Wer rastet, der rostet.“ Dieser oft dem Dichter Karl Wend zugeschriebene Satz "
            "steht am Tor der Schule.",
            "dem Dichter Karl Wend",
        ),
        # negative: no attribute, the quotation keeps no speaker
        ("„Wer rastet, der rostet.“ Dieser alte Satz steht am Tor der Schule.", None),
    ],
)
def test_ascribed_in_pipeline(text: str, speaker: str | None) -> None:
    """End to end: the quotation before the attribute takes its dative as speaker."""
    got = [q[2] for q in summary(annotate(text)) if q[0] == "direct"]
    assert got == [speaker]
