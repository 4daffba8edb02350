"""Round 11: the speaker of quotations the rules already find (issue #13), invented sentences
with negatives.

* a cue after a direct quotation that follows its own subject opens a main clause of its own
  and does not frame the quotation (*„…“, Trainer B bezeichnete …*):
  :mod:`medialens.nlp.attribution.ownclausecue`;
* a demonstrative standing alone before its finite verb is the first field's subject, also
  for a coordinated second verb without a subject (*Diese verließen den Saal und drohten an, …*):
  :func:`medialens.nlp.attribution.subjects.v2_subject`;
* a quantifier used as a pronoun in the first field (*Einige vertreten die Ansicht, …*,
  *Viele äußerten die Sorge, …*) is the subject also when a phrase follows the verb, which
  is its object (:func:`medialens.nlp.attribution.speakerchoice.refine_speakers`); not for a
  source word (*Alle sind laut X …*);
* a fronted prepositional phrase followed by an inserted clause (*Angesichts der Meldungen, das
  Wasser sei verunreinigt, wachsen Befürchtungen, …*): the finite verb and its subject follow
  the inserted clause's closing comma, not the comma after the phrase
  (:func:`medialens.nlp.attribution.subjects.inserted_clause_end`);
* a fronted phrase of origin before a verb of coming or being available (*Von X kam die
  Forderung, …*, *Aus X kommen Appelle, …*, *Von X liegt eine Mitteilung vor, …*) names the
  source of the content clause: :mod:`medialens.nlp.attribution.originframe`;
* an anaphoric frame after indirect speech without a source of its own sentence (*X soll …
  haben. Das berichten Y.*) names its source, as after a direct quotation:
  :mod:`medialens.nlp.attribution.anaphorframe`;
* *mit diesen Worten* + verb + subject after a direct quotation names its speaker (*„…“, mit
  diesen Worten eröffnete sie die Sitzung*): :mod:`medialens.nlp.attribution.wordsframe`;
* the impersonal frame *In X ist von „…“ die Rede* quotes X:
  :mod:`medialens.nlp.attribution.redeframe`;
* a speech-act noun whose clause's first field cannot speak (*Zustimmung findet der
  Vorschlag, …*, *Kritik erntete die Forderung, …*) is its own source, unless that field has
  an *aus/von* attribute that can (*Die Antwort aus X bestand in der Zusage, …*):
  :func:`medialens.nlp.attribution.verbframes._noun_cue_subject`;
* *nach der Ankündigung X* is a source phrase when X can speak, so a quotation inside its
  sentence gets that source (*Nach der Ankündigung der Bürgermeisterin soll … „…“*); without
  such an attribute *nach* is "after" (:mod:`medialens.nlp.attribution.sourcesense`).
"""

from __future__ import annotations

import re

import pytest
from attribution_pipeline import annotate, summary

from medialens.nlp.attribution.originframe import origin_source
from medialens.nlp.attribution.ownclausecue import subject_before_cue
from medialens.nlp.attribution.redeframe import rede_frame_source
from medialens.nlp.attribution.subjects import inserted_clause_end, v2_subject
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordsframe import words_frame_subject

_WORD = re.compile(r"„[^“]*“|\w+|[^\w\s]")


#: lookup lemmas of the verb forms in the token-level tables
_LEMMAS = {"verließen": "verlassen", "hätten": "haben", "sagte": "sagen", "neuen": "neu"}


def _toks(text: str) -> list[Tok]:
    """Tokens with offsets; a quoted passage is one token inside quotation 0."""
    out = []
    for i, m in enumerate(_WORD.finditer(text)):
        w = m.group()
        q = 0 if w.startswith("„") else -1
        out.append(Tok(i, w, w.lower(), _LEMMAS.get(w, w), m.start(), m.end(), q))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the verb after the quotation follows a subject of its own
        (
            "Die Ministerin nannte den Entwurf „unausgegoren“, Verbandschef Paul Roth "
            "bezeichnete die Kosten als „untragbar“.",
            [
                ("direct", "„unausgegoren“", "Die Ministerin", "nannte"),
                ("direct", "„untragbar“", "Verbandschef Paul Roth", "bezeichnete"),
            ],
        ),
        (
            "Hanna Kern, die das Projekt jahrelang geleitet hatte, nannte den Entwurf "
            "„unausgegoren“, der Verband bezeichnete ihn als „teuer“.",
            [
                ("direct", "„unausgegoren“", "Hanna Kern", "nannte"),
                ("direct", "„teuer“", "der Verband", "bezeichnete"),
            ],
        ),
        # negative: an inserted frame with the verb first, *so X*, *wie X sagte*
        (
            "„Wir kommen wieder“, sagte der Trainer.",
            [("direct", "„Wir kommen wieder“", "der Trainer", "sagte")],
        ),
        (
            "„Wir kommen wieder“, so der Trainer.",
            [("direct", "„Wir kommen wieder“", "der Trainer", "so")],
        ),
        (
            "„Wir kommen wieder“, wie der Trainer am Abend betonte.",
            [("direct", "„Wir kommen wieder“", "der Trainer", "betonte")],
        ),
    ],
)
def test_cue_of_own_clause(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "cue_word", "expected"),
    [
        ("Sie nannte es „hart“, Trainer Roth bezeichnete es als schwach.", "bezeichnete", True),
        ("Sie nannte es „hart“, der neue Trainer bezeichnete es als schwach.", "bezeichnete", True),
        ("„Es ist hart“, sagte der Trainer.", "sagte", False),
        ("„Es ist hart“, so der Trainer.", "so", False),
        ("„Es ist hart“, wie der Trainer sagte.", "sagte", False),
        ("„Es ist hart“, und der Trainer ergänzte das.", "ergänzte", False),
        ("die „Reform“, die der Minister forderte", "forderte", False),
        ("„Es ist hart“, nach Ansicht der Trainer sagte er.", "sagte", False),
    ],
)
def test_subject_before_cue(text: str, cue_word: str, expected: bool) -> None:
    toks = _toks(text)
    cue = next(t.i for t in toks if t.text == cue_word)
    quote_end = text.index("“") + 1
    assert subject_before_cue(toks, cue, quote_end) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the demonstrative is the subject of both conjuncts
        (
            "Diese verließen den Saal und drohten an, den Vertrag zu kündigen.",
            [("indirect", "den Vertrag zu kündigen", "Diese", "drohten an")],
        ),
        (
            "Zwei Männer wurden festgenommen. Dieser Tage schwiegen sie. Jene lobten den "
            "Wirt und kündigten an, wiederzukommen.",
            [("indirect", "wiederzukommen", "Jene", "kündigten an")],
        ),
        # negative: before an adjective and a noun the demonstrative is an article
        (
            "Diese neuen Regeln gelten ab Montag und sollen laut dem Minister helfen, sagte er.",
            [
                (
                    "indirect",
                    "Diese neuen Regeln gelten ab Montag und sollen laut dem Minister helfen",
                    "er",
                    "sagte",
                ),
                (
                    "indirect",
                    "Diese neuen Regeln gelten ab Montag und sollen … helfen, sagte er",
                    "dem Minister",
                    "laut",
                ),
            ],
        ),
    ],
)
def test_demonstrative_subject(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Diese verließen ihn", (0, 1)),
        ("Dieser sagte nichts", (0, 1)),
        ("Jene hätten gelogen", (0, 1)),
        ("Diese neuen Regeln gelten", (0, 3)),
        ("Diese Regeln gelten", (0, 2)),
        ("Diese „Reform“ gilt", None),
    ],
)
def test_demonstrative_first_field(words: str, expected: tuple[int, int] | None) -> None:
    toks = _toks(words)
    got = v2_subject(toks, len(toks))
    if expected is None:
        assert got is None or got[1] - got[0] != 1
    else:
        assert got == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # positive: the quantifier is the subject, the phrase after the verb its object
        ("Einige vertreten die Ansicht, der Hafen sei zu klein.", "Einige"),
        ("Viele äußerten die Sorge, die Reform komme zu spät.", "Viele"),
        ("Manche teilen die Ansicht, die Reform komme zu spät.", "Manche"),
        # negative: a noun phrase with the quantifier as article, an inverted frame, a
        # time phrase in the first field
        ("Manche Experten vertreten die Auffassung, die Reform komme zu spät.", "Manche Experten"),
        ("„Die Reform kommt zu spät“, sagten einige.", "einige"),
        ("Einige Tage später erklärte der Minister, die Reform komme zu spät.", "der Minister"),
    ],
)
def test_quantifier_subject_over_phrase(text: str, speaker: str) -> None:
    assert [q[2] for q in summary(annotate(text))] == [speaker]


def test_quantifier_subject_not_for_source_word() -> None:
    """*Alle sind laut X …*: the phrase after *laut* is the source, not an object."""
    got = summary(
        annotate("Alle sind laut dem Sender britische Staatsbürger, die meisten hätten zwei Pässe.")
    )
    assert got and all(sp == "dem Sender" for _, _, sp, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the noun after the inserted clause is the subject and the source
        (
            "Angesichts der Meldungen von Anwohnern, das Wasser sei verunreinigt, wachsen "
            "Befürchtungen, die Stadt könnte die Versorgung einstellen.",
            [
                ("indirect", "das Wasser sei verunreinigt", "Anwohnern", "Meldungen"),
                (
                    "indirect",
                    "die Stadt könnte die Versorgung einstellen",
                    "Befürchtungen",
                    "Befürchtungen",
                ),
            ],
        ),
        # negative: no inserted clause, the noun is the subject as before
        (
            "Nun wachsen Befürchtungen, die Stadt könnte die Versorgung einstellen.",
            [
                (
                    "indirect",
                    "die Stadt könnte die Versorgung einstellen",
                    "Befürchtungen",
                    "Befürchtungen",
                )
            ],
        ),
    ],
)
def test_inserted_clause_after_fronted_phrase(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert summary(annotate(text)) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Nach dem Treffen , das lange dauerte , sagte der Minister nichts", (9, 11)),
        ("Nach dem Treffen , sie sei müde , erklärte er nichts", (9, 10)),
        ("Nach dem Treffen sagte der Minister nichts", (4, 6)),
        # no closing comma: no subject rather than a word of the inserted clause
        ("Nach dem Treffen , sie sei müde . Er", None),
    ],
)
def test_subject_after_inserted_clause(words: str, expected: tuple[int, int] | None) -> None:
    toks = _toks(words)
    assert v2_subject(toks, len(toks)) == expected


@pytest.mark.parametrize(
    ("words", "comma", "expected"),
    [
        ("Nach dem Treffen , das lange dauerte , sagte er", 3, 7),
        ("Nach dem Treffen , „ja , nein“ , sagte er", 3, 5),
        ("Nach dem Treffen , das lange dauerte . Er", 3, None),
    ],
)
def test_inserted_clause_end(words: str, comma: int, expected: int | None) -> None:
    assert inserted_clause_end(_toks(words), comma, len(_toks(words))) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # positive: the phrase of origin is the source, not the speech-act noun
        (
            "Von der Opposition kam die Forderung, der Minister solle zurücktreten.",
            "der Opposition",
        ),
        ("Aus der Fraktion kam die Forderung, der Minister solle zurücktreten.", "der Fraktion"),
        (
            "Von Seiten der Opposition kam prompt die Forderung, der Minister solle gehen.",
            "der Opposition",
        ),
        ("Aus mehreren Verbänden kommen Appelle, die Gebühren zu senken.", "mehreren Verbänden"),
        (
            "Von der Reederei liegt bisher nur eine kurze Mitteilung vor, sie prüfe die Vorwürfe.",
            "der Reederei",
        ),
        # negative: no phrase of origin in the first field, the noun stays the source
        ("Nun kam die Forderung, der Minister solle zurücktreten.", "die Forderung"),
        ("Kritik wird laut, dass der Verband die Zahlen geschönt habe.", "Kritik"),
    ],
)
def test_origin_frame(text: str, speaker: str) -> None:
    assert [q[2] for q in summary(annotate(text))] == [speaker]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Von der Opposition kam die Forderung , der Minister solle gehen", (1, 3)),
        ("Aus Paris kam die Antwort , man sei bereit", (1, 2)),
        ("Von Seiten der Stadt gab es die Zusage , man helfe", (2, 4)),
        # negative: another verb, no comma after the noun, a time phrase first
        ("Von der Opposition stammt der Plan der Regierung nicht", None),
        ("Von der Opposition forderte der Minister , man solle gehen", None),
        ("Am Montag kam die Forderung , der Minister solle gehen", None),
    ],
)
def test_origin_source(words: str, expected: tuple[int, int] | None) -> None:
    toks = _toks(words)
    assert origin_source(toks, toks[-1].start) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: hearsay or Konjunktiv, then *Das/Dies* + reporting verb + subject
        (
            "Der Sänger soll die Tournee abgesagt haben. Das berichten mehrere Zeitungen.",
            [
                (
                    "indirect",
                    "Der Sänger soll die Tournee abgesagt haben",
                    "mehrere Zeitungen",
                    "berichten",
                )
            ],
        ),
        (
            "Der Täter habe das Geld gestohlen. Dies gab die Polizei bekannt.",
            [("indirect", "Der Täter habe das Geld gestohlen", "die Polizei", "gab bekannt")],
        ),
        # negative: a frame that rejects the content names no source
        (
            "Der Täter soll das Geld gestohlen haben. Das bestritt die Polizei.",
            [("indirect", "Der Täter soll das Geld gestohlen haben", None, None)],
        ),
    ],
)
def test_anaphoric_frame_after_indirect(
    text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert summary(annotate(text)) == expected


def test_anaphoric_frame_keeps_own_source() -> None:
    """A source named in the quotation's own sentence (*Nach Angaben X …*) stays."""
    got = summary(
        annotate(
            "Nach Angaben der Polizei habe der Täter das Geld gestohlen. Das sagte auch der "
            "Richter."
        )
    )
    own = [q for q in got if q[1] == "habe der Täter das Geld gestohlen"]
    assert own == [("indirect", "habe der Täter das Geld gestohlen", "Angaben der Polizei", "Nach")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # positive: in the same sentence after a comma, or in the next sentence
        (
            "Die Bürgermeisterin kam zur Sitzung. „Der Umbau ist geschafft“, mit diesen Worten "
            "eröffnete sie die Sitzung des Stadtrats.",
            "sie",
        ),
        (
            "„Wir geben nicht auf.“ Mit diesen Worten wandte sich der Vorsitzende an die "
            "Mitglieder.",
            "der Vorsitzende",
        ),
        # negative: no subject after the verb, another phrase
        ("„Wir geben nicht auf.“ Mit diesen Worten ist alles gesagt.", None),
        ("„Wir geben nicht auf.“ Mit diesen Mitteln kämpft der Verein weiter.", None),
    ],
)
def test_words_frame(text: str, speaker: str | None) -> None:
    got = [q for q in summary(annotate(text)) if q[0] == "direct"]
    assert [q[2] for q in got] == [speaker]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("mit diesen Worten meldete er sich", (4, 5)),
        ("mit jenen Worten eröffnete die Präsidentin die Sitzung", (4, 6)),
        ("mit den Worten meldete er sich", None),
        ("mit diesen Worten Schluss", None),
    ],
)
def test_words_frame_subject(words: str, expected: tuple[int, int] | None) -> None:
    assert words_frame_subject(_toks(words), 0) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # positive: the document of the fronted phrase is the source
        (
            "Die Vorsitzende schwieg. In dem Rundbrief an die Mitglieder war von einer "
            "„schwierigen Übergangszeit“ die Rede.",
            "dem Rundbrief",
        ),
        (
            "In der Erklärung der Regierung ist von einem „Durchbruch“ die Rede.",
            "der Erklärung der Regierung",
        ),
        # negative: a reporting verb of its own frames the quotation
        (
            "In der Stadt war von einem „tragischen Unfall“ die Rede, sagte der Bürgermeister.",
            "der Bürgermeister",
        ),
    ],
)
def test_rede_frame(text: str, speaker: str) -> None:
    got = [q for q in summary(annotate(text)) if q[0] == "direct"]
    assert [q[2] for q in got] == [speaker]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("In dem Bericht ist von „Mängeln“ die Rede .", (1, 3)),
        ("Im Bericht war von schweren „Mängeln“ die Rede", (1, 2)),
        # negative: no place phrase first, no *die Rede* after, a comma in the first field
        ("Zunächst war von „Mängeln“ die Rede .", None),
        ("In dem Bericht ist von „Mängeln“ zu lesen .", None),
        ("In dem Bericht , sagte er , ist von „Mängeln“ die Rede .", None),
    ],
)
def test_rede_frame_source(words: str, expected: tuple[int, int] | None) -> None:
    toks = _toks(words)
    qa = next(t.i for t in toks if t.q >= 0)
    assert rede_frame_source(toks, qa, qa + 1) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # positive: the first field is a reaction, not a speaker
        (
            "Zustimmung findet der Vorschlag, den Bahnhof zu verlegen, vor allem bei Anwohnern.",
            "der Vorschlag",
        ),
        ("Kritik erntete die Forderung, die Steuern zu senken.", "die Forderung"),
        # negative: a first field that can speak, or one with an attribute that can
        ("Die Regierung erhob die Forderung, die Steuern zu senken.", "Die Regierung"),
        ("Der Bericht enthält die Forderung, die Steuern zu senken.", "Der Bericht"),
        (
            "Die Antwort aus dem Ministerium bestand in der Zusage, man prüfe die Beschwerde.",
            "dem Ministerium",
        ),
    ],
)
def test_noun_cue_own_source(text: str, speaker: str) -> None:
    assert [q[2] for q in summary(annotate(text))] == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # positive: the announcement of someone who can speak is the source
        (
            "Nach der Ankündigung der Bürgermeisterin soll das Freibad „spätestens im Juni“ "
            "öffnen.",
            [
                (
                    "indirect",
                    "soll das Freibad „spätestens im Juni“ öffnen",
                    "Ankündigung der Bürgermeisterin",
                    "Nach",
                ),
                (
                    "direct",
                    "„spätestens im Juni“",
                    "Ankündigung der Bürgermeisterin",
                    "Nach",
                ),
            ],
        ),
        # negative: *nach* is "after" — no attribute, or the thing announced
        ("Nach der Ankündigung stiegen die Kurse deutlich.", []),
        ("Nach der Ankündigung des Rücktritts stiegen die Kurse deutlich.", []),
    ],
)
def test_announcement_source(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert summary(annotate(text)) == expected
