"""The speaker of continuations (free indirect speech and *soll*-hearsay): which source a
Konjunktiv or hearsay sentence without a cue carries (:mod:`medialens.nlp.attribution.carry`,
:mod:`medialens.nlp.attribution.framesubject` and step 4/5 of ``extract``). Each rule has
positive and negative cases. Invented sentences."""

from __future__ import annotations

import pytest
from attribution_pipeline import speaker_of

from medialens.nlp.attribution.carry import (
    governing_speaker,
    pronominal_adverb,
    same_paragraph,
)
from medialens.nlp.attribution.quotestate import opened_quotation
from medialens.nlp.attribution.units import Tok
from medialens.nlp.types import Quote, Speaker

_QUOTE = "Der Sprecher sagte, man prüfe den Fall. "


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # the subject of the sentence before names the source, and the Konjunktiv sentence
        # after the first continuation goes on with it (one quotation, one speaker)
        (
            "Der Bürgermeister sagte, die Straße werde gesperrt. Die Anwohnerinitiative "
            "Lindenhof ist besorgt. Die Lage sei ernst. Die Stadt habe niemanden gefragt.",
            "Die Stadt habe",
            "Die Anwohnerinitiative Lindenhof",
        ),
        # a pronoun subject in between refers to the carried speaker, which is kept
        (
            "Der Kanzler erklärte, er werde die Renten erhöhen. Dabei lobte er die "
            "Gewerkschaften. Zudem wolle er die Pflege verbessern.",
            "Zudem wolle",
            "Der Kanzler",
        ),
        # negative: a named subject in between is a new source
        (
            "Der Kanzler erklärte, er werde die Renten erhöhen. Dabei lobte die "
            "Verbandschefin Maria Keller die Gewerkschaften. Zudem wolle sie die Pflege "
            "verbessern.",
            "Zudem wolle",
            "die Verbandschefin Maria Keller",
        ),
        # a pronominal adverb in the first field is no subject, hence no source
        (
            "Der Museumsdirektor Otto Lenz sagte, die Sammlung sei vollständig. Die Inventur "
            "dauerte zwei Wochen. Daneben standen zwei Vitrinen. Bei einigen Stücken sei die "
            "Herkunft ungeklärt.",
            "Bei einigen Stücken",
            None,
        ),
        (
            "Der Museumsdirektor Otto Lenz sagte, die Sammlung sei vollständig. Die Inventur "
            "dauerte zwei Wochen. Dahinter lag ein Lager. Bei einigen Stücken sei die "
            "Herkunft ungeklärt.",
            "Bei einigen Stücken",
            None,
        ),
    ],
)
def test_previous_subject_carry(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # beyond the two-sentence gap the speaker is carried when the sentence before
        # names it again (here not as its subject)
        (
            "Der Tierschutzbund TSB sagte, die Tierheime seien überfüllt. Viele Tiere "
            "wurden abgegeben. Die Warnungen des TSB werden lauter. Die Lage im Sommer sei "
            "besonders schwierig.",
            "TSB",
        ),
        # negative: a paragraph break after the new mention ends the carry
        (
            "Der Tierschutzbund TSB sagte, die Tierheime seien überfüllt. Viele Tiere "
            "wurden abgegeben. Die Warnungen des TSB werden lauter.\n\nDie Lage im "
            "Sommer sei besonders schwierig.",
            None,
        ),
        # negative: without a new mention the gap leaves the referent uncertain
        (
            "Der Tierschutzbund TSB sagte, die Tierheime seien überfüllt. Viele Tiere "
            "wurden abgegeben. Die Warnungen werden lauter. Die Lage im Sommer sei besonders schwierig.",
            None,
        ),
    ],
)
def test_named_again(text: str, expected: str | None) -> None:
    assert speaker_of(text, "Die Lage im Sommer") == expected


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # the subject of the reporter's frame says its Konjunktiv complement, also when
        # the frame verb is no cue (after a speech-act noun such as *die Vorwürfe* the clause
        # is that noun's content instead: *reagierte auf die Vorwürfe, die Bilanz sei
        # geschönt*, see test_quotes_indirect_constructions.py)
        (
            _QUOTE + "Der Verband reagierte gelassen auf die neuen Zahlen, die Bilanz sei "
            "ausgeglichen.",
            "die Bilanz sei",
            "Der Verband",
        ),
        (
            _QUOTE + "Das Magazin will aus dem Umfeld des Vorstands gehört haben, der Umzug "
            "sei beschlossen.",
            "der Umzug sei",
            "Das Magazin",
        ),
        # negative: a coordinated or temporal clause is about the subject, not its words
        (
            _QUOTE + "Die Sängerin ist seit Wochen heiser, und sie wolle nun pausieren.",
            "sie wolle",
            "Der Sprecher",
        ),
        (
            _QUOTE + "Der Dieb war der Polizei in die Falle gegangen, als er die Beute "
            "verkauft habe.",
            "als er die Beute",
            "Der Sprecher",
        ),
        # negative: a verb-first clause has no subject in its first field
        (
            _QUOTE + "Hieß es anfangs noch, dass die Kunden selbst schuld seien, so räumte die "
            "Firma nun Fehler ein.",
            "die Kunden",
            "Der Sprecher",
        ),
        # negative: a subject that cannot speak leaves the carried speaker
        (
            _QUOTE + "Es blieb ruhig, die Polizei sei aber in Bereitschaft.",
            "die Polizei sei",
            "Der Sprecher",
        ),
    ],
)
def test_frame_subject(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later occurrence of the head word inside a quotation is no mention
        (
            "Die Nachbarin des Opfers war an dem Abend zu Hause. „Auch eine zweite "
            "Nachbarin hat nichts gehört.“ Der Streit habe erst nach Mitternacht begonnen.",
            "Die Nachbarin des Opfers",
        ),
        # negative: a later mention outside quotations is the latest mention
        (
            "Die Nachbarin des Opfers war an dem Abend zu Hause. „Ich habe nichts gehört.“ "
            "Die Nachbarin hörte dann Schreie. Der Streit habe erst nach Mitternacht begonnen.",
            "Die Nachbarin",
        ),
    ],
)
def test_mention_inside_quotation(text: str, expected: str) -> None:
    assert speaker_of(text, "Der Streit habe") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hearsay after a quotation in the same paragraph carries its source
        (
            "Nach Angaben der Polizei wurde der Mann am Montag festgenommen. Er soll das "
            "Geld gestohlen haben.",
            "Angaben der Polizei",
        ),
        # negative: hearsay without any source before it has no speaker
        ("Der Täter soll das Geld gestohlen haben.", None),
        # negative: a long gap breaks the carry
        (
            "Der Sprecher der Feuerwehr sagte, der Brand sei gelöscht. Ein Mann wurde "
            "verletzt. Ein Hund wurde gerettet. Die Straße bleibt gesperrt. Der Brand soll "
            "durch einen Kurzschluss entstanden sein.",
            None,
        ),
        # negative: a new paragraph after an older quotation breaks the carry
        (
            "Der Sprecher der Feuerwehr sagte, der Brand sei gelöscht. Die Straße bleibt "
            "gesperrt.\n\nDer Brand soll durch einen Kurzschluss entstanden sein.",
            None,
        ),
    ],
)
def test_hearsay_carry(text: str, expected: str | None) -> None:
    assert speaker_of(text, "soll") == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Daneben", True),
        ("Dabei", True),
        ("Darüber", True),
        ("Hierzu", True),
        ("womit", True),
        # negative: nouns and names that start alike
        ("Danone", False),
        ("Dach", False),
        ("Darmstadt", False),
        ("Hier", False),
    ],
)
def test_pronominal_adverb(word: str, expected: bool) -> None:
    assert pronominal_adverb(word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sie sagte: „Eine zweite Nachbarin", True),
        ("Sie sagte: »Eine zweite Nachbarin", True),
        # negative: the quotation is closed again, or there is none
        ("Sie sagte: „Nein.“ Die Nachbarin", False),
        ("Sie sagte: »Nein.« Die Nachbarin", False),
        ("Die Nachbarin", False),
    ],
)
def test_opened_quotation(text: str, expected: bool) -> None:
    assert opened_quotation(text, 0, len(text)) is expected


def _tok(i: int, text: str, start: int) -> Tok:
    return Tok(i, text, text.lower(), text, start, start + len(text), -1)


@pytest.mark.parametrize(("between", "expected"), [(" ", True), ("\n\n", False), ("\n", False)])
def test_same_paragraph(between: str, expected: bool) -> None:
    text = "Es regnet." + between + "Die Lage sei ernst."
    toks = [_tok(0, "Es", 0), _tok(1, "regnet", 3), _tok(2, ".", 9)]
    assert same_paragraph(text, toks, 10 + len(between)) is expected
    assert same_paragraph(text, [], 10 + len(between)) is False


def _quote(start: int, end: int, speaker: Speaker | None) -> Quote:
    return Quote(start, end, ((start, end),), "x" * (end - start), "indirect", speaker, None, 0)


def test_governing_speaker() -> None:
    outer_sp = Speaker(0, 11, "Die Ärztin")
    inner_sp = Speaker(40, 54, "ihrer Ansicht")
    outer = _quote(20, 90, outer_sp)
    inner = _quote(30, 80, inner_sp)
    # a source phrase nested in the doctor's quotation: the doctor goes on
    assert governing_speaker([outer, inner], inner_sp) is outer_sp
    # negative: the current speaker's quotation is the outer one
    assert governing_speaker([outer, inner], outer_sp) is None
    # negative: two quotations side by side, the later one's speaker goes on
    side = _quote(95, 120, inner_sp)
    assert governing_speaker([outer, side], inner_sp) is None
    # negative: no current speaker
    assert governing_speaker([outer, inner], None) is None
