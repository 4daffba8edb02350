"""Round 11: quotations the rules did not find and quotation boundaries (issue #13), invented
sentences with negatives.

* a reporting verb in a *zu*-infinitive that gives no quotation of its own does not stop a
  Konjunktiv sentence from continuing the current speaker (*Denn die Regierung zwinge die
  Bauern, jedes Angebot anzunehmen*): :mod:`medialens.nlp.attribution.continuationgate`;
* a source phrase ends before an article whose adjective has the nominative ending *-e*
  (*laut Auskunft der Behörde der größte Teil …*):
  :func:`medialens.nlp.attribution.phrases.nominative_after`;
* a source phrase in the second conjunct of a relative or subordinate clause quotes that
  clause, not the sentence from its start (*…, der nicht entfernt, jedoch laut X gesprengt
  wurde*): :mod:`medialens.nlp.attribution.sourceconjunct`;
* free hearsay after an indicative main clause and a comma quotes the *sollen* clause only
  (*Ein Wärter wurde festgenommen, er soll … geholfen haben*):
  :mod:`medialens.nlp.attribution.hearsayclause`;
* an ordinal or adjective in *-e* between an article and a noun (*das achte Land*, lemma
  *achten*) is no Konjunktiv I: :func:`medialens.nlp.attribution.konjunktiv.reported_konjunktiv`;
* a comma between coordinated adjectives (*die extreme, ungewöhnliche Kälte*) ends no
  hearsay clause: :func:`medialens.nlp.attribution.continuations.adjective_comma`;
* stative hearsay with the compared term after *sein* (*soll größer sein als die Sonne*,
  :func:`medialens.nlp.attribution.continuations.comparative_end`) and with a range *bis*
  (*zwei- bis dreimal*), which is no deadline; and possessive *haben* after a noun (*soll
  Kontakte zur Mafia haben*);
* a reporting verb that opens a coordinated predicate right after the first verb's comma
  (*X bestätigte den Vorfall, teilte aber mit, es sei …*) takes the content; the first verb
  gets no complement over it: :mod:`medialens.nlp.attribution.coordpredicate`.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.continuationgate import nonfinite_cue, particle_zu_infinitive
from medialens.nlp.attribution.continuations import adjective_comma, comparative_end
from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.konjunktiv import reported_konjunktiv
from medialens.nlp.attribution.phrases import nominative_after
from medialens.nlp.attribution.units import Tok

_FRAME = "Die Lage sei ernst, sagte die Ministerin. "


def _toks(text: str) -> list[Tok]:
    """Tokens of ``text`` (split at spaces) with the lookup lemmas of the test pipeline."""
    doc = annotate(text)
    return [Tok(t.i, t.text, t.lower_, t.lemma_, t.idx, t.idx + len(t), -1) for t in doc]


@pytest.mark.parametrize(
    ("word", "lemma", "expected"),
    [
        ("anzunehmen", "annehmen", True),
        ("vorzuwerfen", "vorwerfen", True),
        ("mitzuteilen", "mitteilen", True),
        # negative: finite forms and words that only contain *zu*
        ("annehmen", "annehmen", False),
        ("nahm", "nehmen", False),
        ("zuzustimmen", "zustimmen", True),
        ("zustimmen", "zustimmen", False),
    ],
)
def test_particle_zu_infinitive(word: str, lemma: str, expected: bool) -> None:
    assert particle_zu_infinitive(word, lemma) is expected


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("Er bat sie, das Angebot anzunehmen.", 6, True),
        ("Er bat sie, etwas zu sagen.", 6, True),
        # negative: a finite verb, and a source phrase is never non-finite
        ("Er sagte, das Angebot sei gut.", 1, False),
        ("Er nahm das Angebot an.", 1, False),
    ],
)
def test_nonfinite_cue(text: str, index: int, expected: bool) -> None:
    toks = _toks(text)
    hit = CueHit((index,), toks[index].lemma, "neutral")
    assert nonfinite_cue(toks, hit) is expected
    assert nonfinite_cue(toks, hit._replace(source=True)) is False


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # positive: a Konjunktiv sentence whose only cue is a zu-infinitive continues
        (
            "Denn die Regierung zwinge die Bauern, jedes Angebot anzunehmen.",
            "Denn die Regierung zwinge die Bauern, jedes Angebot anzunehmen",
        ),
        (
            "Die Regierung verbiete es den Bauern, Kritik zu äußern.",
            "Die Regierung verbiete es den Bauern, Kritik zu äußern",
        ),
        # negative: an indicative sentence with a zu-infinitive cue is the reporter's
        ("Die Bauern begannen, die Preise anzukündigen.", None),
        # negative: the first person is the writer's own voice, no continuation
        ("Wir bitten die Leser, uns Hinweise mitzuteilen.", None),
    ],
)
def test_zu_infinitive_cue_does_not_block_continuation(second: str, expected: str | None) -> None:
    got = [
        (kind, quote, speaker)
        for kind, quote, speaker, cue in summary(annotate(_FRAME + second))
        if cue is None and kind == "indirect"
    ]
    if expected is None:
        assert got == []
    else:
        assert got == [("indirect", expected, "die Ministerin")]


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("laut Auskunft der Behörde der größte Teil", 4, True),
        ("laut Martin Keller der frühere Leiter", 3, True),
        # negative: the weak ending of a genitive attribute, or no adjective at all
        ("laut einem Sprecher der neuen Regierung", 3, False),
        ("nach Angaben der Stadt der Zukunft", 4, False),
        ("nach Angaben der Polizei", 2, False),
    ],
)
def test_nominative_after(text: str, index: int, expected: bool) -> None:
    toks = _toks(text)
    assert nominative_after(toks, index, len(toks)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the subject after the source phrase is not part of the source
        (
            "Beim Test würde laut Auskunft der Behörde der größte Teil der Ladung verbrennen.",
            ("Beim Test würde … der größte Teil der Ladung verbrennen", "Auskunft der Behörde"),
        ),
        (
            "Jedoch wurde laut Martin Keller der frühere Leiter des Amtes festgenommen.",
            ("Jedoch wurde … der frühere Leiter des Amtes festgenommen", "Martin Keller"),
        ),
        # negative: genitive attributes stay in the source
        (
            "Laut einem Sprecher der neuen Regierung sei die Lage ruhig.",
            ("sei die Lage ruhig", "einem Sprecher der neuen Regierung"),
        ),
        (
            "Nach Angaben der Stadt der Zukunft sei das Projekt beendet.",
            ("sei das Projekt beendet", "Angaben der Stadt der Zukunft"),
        ),
    ],
)
def test_source_phrase_ends_before_nominative(text: str, expected: tuple[str, str]) -> None:
    assert [(quote, speaker) for _, quote, speaker, _ in summary(annotate(text))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the relative clause with both conjuncts
        (
            "Die Polizei fand einen Sprengsatz, der nicht entfernt, jedoch laut Angaben der "
            "Feuerwehr kontrolliert gesprengt werden konnte.",
            [
                (
                    "der nicht entfernt, jedoch … kontrolliert gesprengt werden konnte",
                    "Angaben der Feuerwehr",
                )
            ],
        ),
        (
            "Die Stadt baut eine Brücke, die bald fertig ist, aber laut dem Bürgermeister "
            "mehr kostet als geplant.",
            [("die bald fertig ist, aber … mehr kostet als geplant", "dem Bürgermeister")],
        ),
        # positive: a first conjunct with a source of its own keeps it; the second only
        (
            "Er ist einer von drei Gefangenen, die nach Angaben ihrer Familien seit Jahren "
            "unschuldig einsitzen, zumindest aber laut Amnesty in einem unfairen Verfahren "
            "verurteilt wurden.",
            [
                ("die … seit Jahren unschuldig einsitzen", "Angaben ihrer Familien"),
                ("zumindest aber … in einem unfairen Verfahren verurteilt wurden", "Amnesty"),
            ],
        ),
        # negative: a coordinated main clause is no subordinate conjunct
        (
            "Der Zug hielt an, und laut Angaben der Bahn mussten alle Fahrgäste aussteigen.",
            [("und … mussten alle Fahrgäste aussteigen", "Angaben der Bahn")],
        ),
    ],
)
def test_source_phrase_in_subordinate_conjunct(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(quote, speaker) for _, quote, speaker, _ in summary(annotate(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the reporter's fact first, the hearsay clause after the comma
        (
            "Ein Wärter wurde am nächsten Tag festgenommen, er soll den Häftlingen geholfen haben.",
            "er soll den Häftlingen geholfen haben",
        ),
        (
            "Der Händler wurde verhaftet, der Mann soll Waffen verkauft haben.",
            "der Mann soll Waffen verkauft haben",
        ),
        # negative: a fronted subordinate or conditional clause, or a relative clause before
        # the modal, belongs to the hearsay sentence
        (
            "Als die Polizei kam, soll er geflohen sein.",
            "Als die Polizei kam, soll er geflohen sein",
        ),
        (
            "Wird der Antrag geprüft, so soll der Rat entschieden haben.",
            "Wird der Antrag geprüft, so soll der Rat entschieden haben",
        ),
        (
            "Bei einem Brand, der dann ausbrach, soll er gestorben sein.",
            "Bei einem Brand, der dann ausbrach, soll er gestorben sein",
        ),
    ],
)
def test_hearsay_clause_after_indicative_main_clause(text: str, expected: str) -> None:
    assert [quote for _, quote, _, _ in summary(annotate(text))] == [expected]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # negative: an ordinal or adjective between article and noun
        (
            [
                ("Damit", "damit"),
                ("ist", "sein"),
                ("Peru", "Peru"),
                ("das", "der"),
                ("achte", "achten"),
                ("Land", "Land"),
            ],
            False,
        ),
        (
            [
                ("Er", "er"),
                ("reichte", "reichen"),
                ("die", "der"),
                ("rechte", "rechten"),
                ("Hand", "Hand"),
            ],
            False,
        ),
        # positive: the same form as a verb, and a closed-list form after an article
        (
            [
                ("Der", "der"),
                ("Verband", "Verband"),
                ("achte", "achten"),
                ("auf", "auf"),
                ("Qualität", "Qualität"),
            ],
            True,
        ),
        ([("Das", "der"), ("achte", "achten"), ("er", "er"), ("sehr", "sehr")], True),
        ([("Das", "der"), ("sei", "sein"), ("Unsinn", "Unsinn")], True),
    ],
)
def test_attributive_form_is_no_konjunktiv(words: list[tuple[str, str]], expected: bool) -> None:
    assert reported_konjunktiv(words) is expected


@pytest.mark.parametrize(
    ("second", "continued"),
    [
        ("Damit ist Peru das achte Land, das diese Regel einführt.", False),
        ("Der Verband achte streng auf die Qualität der Ware.", True),
    ],
)
def test_ordinal_does_not_continue(second: str, continued: bool) -> None:
    got = [quote for kind, quote, _, cue in summary(annotate(_FRAME + second)) if cue is None]
    assert bool(got) is continued


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("Die Ursache soll die extreme, ungewöhnliche Kälte sein.", 5, True),
        ("Er kaufte große, schwere, teure Steine.", 3, True),
        # negative: a comma before a clause, a verb or a name
        ("Die Lage ist ernste, sagte sie.", 4, False),
        ("Er kam spät, schnelle Hilfe gab es nicht.", 3, False),
    ],
)
def test_adjective_comma(text: str, index: int, expected: bool) -> None:
    toks = _toks(text)
    assert toks[index].text == ","
    assert adjective_comma(toks, index) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Das Eis schmilzt. Eine Ursache dafür soll die extreme, ungewöhnliche Wärme sein.",
            ["Eine Ursache dafür soll die extreme, ungewöhnliche Wärme sein"],
        ),
        # negative: a deontic plan with a comma between adjectives stays unquoted
        ("Das Eis schmilzt. Die neue, große Halle soll im Mai eröffnen.", []),
    ],
)
def test_hearsay_over_adjective_comma(text: str, expected: list[str]) -> None:
    assert [quote for _, quote, _, _ in summary(annotate(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Stern soll dreimal größer sein als die Sonne.", 6),
        ("Der Turm soll so hoch sein wie der Dom.", 6),
        # negative: no comparative before *sein als*, or no compared term at all
        ("Er soll Zeuge sein als die Tat geschah.", 8),
        ("Der Stern soll sehr groß sein.", 6),
    ],
)
def test_comparative_end(text: str, expected: int) -> None:
    toks = _toks(text)
    end = len(toks) - 1  # (before the full stop)
    assert comparative_end(toks, 2, end) == expected


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # positive: a claimed state with a comparison or a range
        (
            "Der Stern soll etwa zwei- bis dreimal größer sein als die Sonne.",
            ["Der Stern soll etwa zwei- bis dreimal größer sein als die Sonne"],
        ),
        (
            "Die Welle soll 20 bis 30 Meter hoch sein.",
            ["Die Welle soll 20 bis 30 Meter hoch sein"],
        ),
        (
            "Der Händler soll Kontakte zur Mafia haben.",
            ["Der Händler soll Kontakte zur Mafia haben"],
        ),
        # negative: a deadline makes the state a schedule
        ("Bis 2030 soll die Halle größer sein als die alte.", []),
        ("Künftig soll jeder Schüler einen Laptop haben.", []),
        # negative: *haben* of an infinitive construction is no possession
        ("Der Händler soll viel zu tun haben.", []),
    ],
)
def test_stative_hearsay_comparison_and_range(second: str, expected: list[str]) -> None:
    text = "Der Bericht ist lang. " + second
    assert [quote for _, quote, _, _ in summary(annotate(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: one quotation, of the coordinated verb
        (
            "Die Vereinten Nationen bestätigten den Vorfall, teilten jedoch mit, es sei "
            "unklar, wer geschossen habe.",
            [("es sei unklar, wer geschossen habe", "teilten mit")],
        ),
        # negative: an inverted main clause with its own subject after a fronted clause
        (
            "Weil die Zahlen fehlen, glaubt er, die Lage sei ernst.",
            [("die Lage sei ernst", "glaubt")],
        ),
    ],
)
def test_coordinated_reporting_predicate(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(quote, cue) for kind, quote, _, cue in summary(annotate(text)) if kind == "indirect"]
    assert got == expected
